# edge-sharpness.gp: Figure "edge-sharpness" of Chapter 7
# (fig:edge-sharpness), from the data of edge-sharpness.c. Run from the
# repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/edge-sharpness'" figures/edge-sharpness.gp
set terminal cairolatex pdf size 5.2in,2.5in font ',10'
set output outfile.'.tex'
sharp = datadir.'/edge-gd.dat'
loss = datadir.'/edge-gd-loss.dat'

# The step of each run (2/eta in column 4).
array eta[3]
do for [i = 1:3] {
    stats sharp index (i-1) using 4 nooutput
    eta[i] = 2 / STATS_min
}

set style line 1 lc rgb '#0072b2' lw 1.5
set style line 2 lc rgb '#d55e00' lw 1.5
set style line 3 lc rgb '#009e73' lw 1.5
set tics scale 0.6 front
set border back
set grid xtics ytics lc rgb '#dddddd' lw 0.5 dt 1
set xrange [0:1000]
set xtics 0, 250, 1000
set xlabel 'step $t$' offset 0,0.5

set multiplot layout 1,2 margins 0.08,0.99,0.17,0.9 spacing 0.09,0
set title '(a) sharpness $S(\theta_t)$'
set yrange [0:10]
set ytics 0, 2, 10
set key top left Left reverse samplen 2 spacing 1.1 opaque
plot for [i = 1:3] sharp index (i-1) using 1:2 with lines ls i \
         title sprintf('$\eta=%g$', eta[i]), \
     for [i = 1:3] sharp index (i-1) using 1:4 with lines ls i dt 2 \
         notitle

set title '(b) training loss $L(\theta_t)$'
set logscale y
set yrange [0.05:1]
set ytics (0.05, 0.1, 0.2, 0.5, 1)
unset key
plot for [i = 1:3] loss index (i-1) using 1:2 with lines ls i lw 0.8
unset multiplot
