# adapt-effective.gp: Figure "adapt-effective" of Chapter 8
# (fig:adapt-effective), from the data of adapt-effective.c. Run from the
# repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/adapt-effective'" figures/adapt-effective.gp
set terminal cairolatex pdf size 5.2in,2.4in font ',10'
set output outfile.'.tex'
file = datadir.'/adapt-effective.dat'

set style line 1 lc rgb '#009e73' lw 1.5     # AdaGrad
set style line 2 lc rgb '#0072b2' lw 1.5     # RMSProp
set style line 3 lc rgb '#bbbbbb' lw 0.5     # |g|
set grid xtics ytics lc rgb '#dddddd' lw 0.5
set logscale y
set xrange [0:3000]
set yrange [1e-5:10]
set format y '$10^{%T}$'
set xlabel '$k$' offset 0,0.5
set ylabel 'effective step' offset -1,0
set key outside right center Left reverse samplen 2 spacing 1.3
plot file using 1:3 with lines ls 1 title 'AdaGrad', \
     file using 1:4 with lines ls 2 title 'RMSProp', \
     file using 1:(0.01*abs($2)) with lines ls 3 title '$10^{-2}|g_k|$'
