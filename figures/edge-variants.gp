# edge-variants.gp: Figure "edge-variants" of Chapter 7
# (fig:edge-variants), from the data of edge-sharpness.c. Run from the
# repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/edge-variants'" figures/edge-variants.gp
set terminal cairolatex pdf size 5.2in,2.5in font ',10'
set output outfile.'.tex'
momentum = datadir.'/edge-momentum.dat'
batch = datadir.'/edge-batch.dat'
full = datadir.'/edge-gd.dat'

# The steps of the momentum runs (2/eta in column 4), and the batches
# (column 5).
array eta[2]
array size[3]
do for [i = 1:2] {
    stats momentum index (i-1) using 4 nooutput
    eta[i] = 2 / STATS_min
}
do for [i = 1:3] {
    stats batch index (i-1) using 5 nooutput
    size[i] = STATS_min
}

set style line 1 lc rgb '#0072b2' lw 1.5
set style line 2 lc rgb '#d55e00' lw 1.5
set style line 3 lc rgb '#009e73' lw 1.5
set style line 4 lc rgb '#000000' lw 1.5
set tics scale 0.6 front
set border back
set grid xtics ytics lc rgb '#dddddd' lw 0.5 dt 1
set xlabel 'step $t$' offset 0,0.5

set multiplot layout 1,2 margins 0.08,0.99,0.17,0.9 spacing 0.09,0
set title '(a) heavy ball, $\beta=\frac12$'
set xrange [0:800]
set xtics 0, 200, 800
set yrange [0:14]
set ytics 0, 2, 14
set key bottom right Left reverse samplen 2 spacing 1.1 opaque
plot for [i = 1:2] momentum index (i-1) using 1:2 with lines ls i \
         title sprintf('$\eta=%g$', eta[i]), \
     for [i = 1:2] momentum index (i-1) using 1:3 with lines ls i dt 2 \
         notitle, \
     for [i = 1:2] momentum index (i-1) using 1:4 with lines ls i dt 3 \
         notitle

set title '(b) minibatches, $\eta=0.35$'
set xrange [0:1000]
set xtics 0, 250, 1000
set yrange [0:8]
set ytics 0, 2, 8
plot for [i = 1:3] batch index (i-1) using 1:2 with lines ls i \
         title sprintf('batch %d', size[i]), \
     full index 1 using 1:2 with lines ls 4 title 'full batch', \
     full index 1 using 1:4 with lines lc rgb '#000000' dt 2 notitle
unset multiplot
