# bn-loss.gp: Figure "bn-loss" of Chapter 9 (fig:bn-loss), from the data of
# bn-loss.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/bn-loss'" figures/bn-loss.gp
set terminal cairolatex pdf size 5.2in,2.6in font ',10'
set output outfile.'.tex'
data = datadir.'/bn-loss.dat'
load datadir.'/bn-loss.vars'

set xrange [0:1920]
set xtics 640
set mxtics 2
set logscale y
set yrange [0.05:20]
set ytics ('$0.1$' 0.1, '$0.5$' 0.5, '$1$' 1, '$10$' 10)
set tics scale 0.6 front
set xlabel 'steps' offset 0,0.5
set grid xtics ytics lc rgb '#dddddd' lw 0.5 dt 1
set border back
set key bottom left Left reverse samplen 2 spacing 1.1

# Okabe and Ito's colours, one per step size; the target loss dotted.
set style line 1 lc rgb '#000000' lw 1.4
set style line 2 lc rgb '#0072b2' lw 1.4
set style line 3 lc rgb '#e69f00' lw 1.4
set style line 4 lc rgb '#cc79a7' lw 1.4
set style line 9 lc rgb '#000000' lw 0.8 dt 3

set multiplot layout 1,2 margins 0.09,0.98,0.15,0.90 spacing 0.06,0
set title 'without batch normalization' offset 0,-0.6
set ylabel 'training loss' offset 1,0
plot 0.5 with lines ls 9 notitle, \
     data index 0 using 1:2 with lines ls 1 title title00, \
     data index 1 using 1:2 with lines ls 2 title title01, \
     data index 2 using 1:2 with lines ls 3 title title02, \
     data index 3 using 1:2 with lines ls 4 title title03
set title 'with batch normalization'
unset ylabel
set format y ''
plot 0.5 with lines ls 9 notitle, \
     data index 4 using 1:2 with lines ls 1 title title10, \
     data index 5 using 1:2 with lines ls 2 title title11, \
     data index 6 using 1:2 with lines ls 3 title title12, \
     data index 7 using 1:2 with lines ls 4 title title13
unset multiplot
