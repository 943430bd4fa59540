# stoch-schedules.gp: Figure "stoch-schedules" of Chapter 7
# (fig:stoch-schedules), from the data of stoch-schedules.c. Run from the
# repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/stoch-schedules'" figures/stoch-schedules.gp
set terminal cairolatex pdf size 5.2in,2.6in font ',10'
set output outfile.'.tex'
file = datadir.'/stoch-schedules.dat'

set logscale y
set xrange [0:1000]
set yrange [1e-8:0.2]
set format y '$10^{%T}$'
set xlabel '$k$' offset 0,0.5
set ylabel '$\eta_k$'
set grid xtics ytics lc rgb '#dddddd' lw 0.5
set key outside right center Left reverse samplen 2 spacing 1.3
set style line 1 lc rgb '#0072b2' lw 1.5
set style line 2 lc rgb '#009e73' lw 1.5
set style line 3 lc rgb '#d55e00' lw 1.5
set style line 4 lc rgb '#e69f00' lw 1.5
set style line 5 lc rgb '#cc79a7' lw 1.5
plot file using 1:2 with lines ls 1 title 'linear decay', \
     file using 1:3 with lines ls 2 title 'harmonic', \
     file using 1:4 with lines ls 3 title 'inverse square', \
     file using 1:5 with lines ls 4 title 'exponential', \
     file using 1:6 with lines ls 5 title 'step decay'
