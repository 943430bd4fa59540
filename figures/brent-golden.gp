# brent-golden.gp: Figure "brent-golden" of Chapter 2 (fig:brent-golden),
# from the data of brent-golden.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/brent-golden'" figures/brent-golden.gp
set terminal cairolatex pdf size 5.2in,2.6in font ',10'
set output outfile.'.tex'
file = datadir.'/brent-golden.dat'

# Block 0 is golden section, block 1 Brent. The wide grey band under the
# golden-section points (a line drawn 28 units wide, so that it shows
# around the points) is their exact width 3 r^(k-2) on [0, 3],
# r = (sqrt 5 - 1)/2, for k >= 2.
r = (sqrt(5) - 1) / 2
stats file index 0 using 1 nooutput
kmax = STATS_max
golden(k) = k >= 2 && k <= kmax ? 3 * r**(k - 2) : NaN

set logscale y
set xrange [0:kmax + 1]
set yrange [1e-8:10]
set format y '$10^{%T}$'
set ytics 100                          # a label every second decade
set for [e = -7:1:2] ytics add ('' 10.0**e 1)
set mytics 1
set xtics 5
set mxtics 5
set xlabel 'evaluations $k$'
set ylabel 'bracket width'
set grid xtics ytics lc rgb '#dddddd' lw 0.5
set key top right Left reverse samplen 2 spacing 1.2

set linetype 1 lc rgb '#0072b2' pt 7 ps 0.5 lw 1
set linetype 2 lc rgb '#d55e00' pt 5 ps 0.6 lw 1

set samples 400
plot golden(x) with lines lc rgb '#d4d4d4' lw 28 notitle, \
     NaN with lines lc rgb '#d4d4d4' lw 8 title '$3r^{k-2}$', \
     file index 0 using 1:2 with linespoints lt 1 title 'golden section', \
     file index 1 using 1:2 with linespoints lt 2 title 'Brent'
