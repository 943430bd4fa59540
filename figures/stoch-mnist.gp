# stoch-mnist.gp: Figure "stoch-mnist" of Chapter 7 (fig:stoch-mnist),
# from the data of stoch-mnist.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/stoch-mnist'" figures/stoch-mnist.gp
set terminal cairolatex pdf size 5.2in,2.7in font ',10'
set output outfile.'.tex'
file = datadir.'/stoch-mnist.dat'
load datadir.'/stoch-mnist.vars'

set xrange [0:5]
set yrange [0.2:2.5]
set logscale y
set ytics (0.2, 0.3, 0.4, 0.5, 0.7, 1, 1.5, 2)
set xtics 1
set tics scale 0.6 front
set xlabel 'epoch' offset 0,0.5
set ylabel 'mean cross-entropy' offset -0.5,0
set grid xtics ytics lc rgb '#dddddd' lw 0.5 dt 1
set key top right Left reverse samplen 2.5 spacing 1.3 opaque width 1
set border back

set style line 1 lc rgb '#0072b2' lw 1.5 pt 7 ps 0.5     # SGD
set style line 2 lc rgb '#d55e00' lw 1.5 pt 5 ps 0.5     # momentum

plot file using 1:2 with linespoints ls 1 \
         title 'SGD, training', \
     file using 1:3 with linespoints ls 1 dt 2 \
         title sprintf('SGD, test (accuracy %.1f\%%)', 100 * accuracy_sgd), \
     file using 1:5 with linespoints ls 2 \
         title 'momentum $0.9$, training', \
     file using 1:6 with linespoints ls 2 dt 2 \
         title sprintf('momentum $0.9$, test (accuracy %.1f\%%)', \
                       100 * accuracy_momentum)
