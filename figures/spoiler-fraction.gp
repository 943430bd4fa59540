# spoiler-fraction.gp: Figure "spoiler-fraction" of Chapter 6
# (fig:spoiler-fraction), from the data of spoiler-fraction.c. Run from
# the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/spoiler-fraction'" figures/spoiler-fraction.gp
set terminal cairolatex pdf size 5.2in,2.2in font ',10'
set output outfile.'.tex'
file = datadir.'/spoiler-fraction.dat'

# The runs per t (column 2), for the axis label.
stats file using 2 nooutput
runs = STATS_max

set logscale x
set xrange [0.7:1400]
set yrange [-0.04:1.04]
set format x '$%g$'
set format y '$%g$'
set xtics 10
set mxtics 10
set ytics 0.2
set tics scale 0.6 front
set grid xtics ytics lc rgb '#dddddd' lw 0.5
set xlabel 'distance $t$ of the spoiler' offset 0,0.5
set ylabel sprintf('fraction of %d runs', runs) offset 0.5,0
set key top left Left reverse samplen 2.5 spacing 1.2 opaque width 1

set style line 1 lc rgb '#0072b2' lw 1.2 pt 7 ps 0.5    # not separated
set style line 2 lc rgb '#d55e00' lw 1.2 pt 5 ps 0.75 dt (6,3)   # spoiler

# The misclassified spoilers are drawn first, so that where the curves
# meet the circles sit inside the squares; the key comes from empty
# plots, in the order of the data's columns.
plot NaN with linespoints ls 1 title 'not separated', \
     NaN with linespoints ls 2 title 'spoiler misclassified', \
     file using 1:6 with linespoints ls 2 notitle, \
     file using 1:5 with linespoints ls 1 notitle
