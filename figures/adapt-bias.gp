# adapt-bias.gp: Figure "adapt-bias" of Chapter 8 (fig:adapt-bias), from
# the data of adapt-bias.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/adapt-bias'" figures/adapt-bias.gp
set terminal cairolatex pdf size 5.2in,2.4in font ',10'
set output outfile.'.tex'
steps = datadir.'/adapt-bias-steps.dat'
quadratic = datadir.'/adapt-bias-quadratic.dat'

set style line 1 lc rgb '#000000' lw 1.5     # with the correction
set style line 2 lc rgb '#d55e00' lw 1.5     # without it
set style line 3 lc rgb '#0072b2' lw 1.5 dt 2   # the notes' form
set grid xtics ytics lc rgb '#dddddd' lw 0.5
set multiplot layout 1,2
set logscale x
set xrange [1:10000]
set yrange [0:7]
set format x '$10^{%T}$'
set xlabel '$k$' offset 0,0.5
set ylabel 'step$/\eta$' offset -1,0
set key top right Left reverse samplen 2 spacing 1.1 font ',8'
plot steps using 1:2 with lines ls 1 title 'corrected', \
     steps using 1:3 with lines ls 2 title 'uncorrected', \
     steps using 1:4 with lines ls 3 title 'notes'' $1-\beta$'
unset logscale x
set format x '%g'
set xrange [0:300]
set logscale y
set yrange [1e-8:1]
set format y '$10^{%T}$'
set ylabel '$|\theta_k-\theta^*|$' offset -1,0
set xtics 100
unset key
plot quadratic using 1:2 with lines ls 1, \
     quadratic using 1:3 with lines ls 2, \
     quadratic using 1:4 with lines ls 3
unset multiplot
