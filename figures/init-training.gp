# init-training.gp: Figure "init-training" of Chapter 9 (fig:init-training),
# from the data of init-training.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/init-training'" figures/init-training.gp
set terminal cairolatex pdf size 5.2in,2.6in font ',10'
set output outfile.'.tex'
data = datadir.'/init-training.dat'
load datadir.'/init-training.vars'

set xrange [0:10]
set xtics 1
set logscale y
set yrange [0.4:3]
set ytics ('$0.5$' 0.5, '$1$' 1, '$2$' 2, '$3$' 3)
set tics scale 0.6 front
set xlabel 'epoch' offset 0,0.5
set ylabel 'training loss' offset 1,0
set grid xtics ytics lc rgb '#dddddd' lw 0.5 dt 1
set border back
set key at graph 0.98, graph 0.76 right top Left reverse samplen 2 spacing 1.1
set lmargin at screen 0.09
set rmargin at screen 0.98

# Okabe and Ito's colours, one per initialization.
set style line 1 lc rgb '#000000' lw 1.4
set style line 2 lc rgb '#56b4e9' lw 1.4 dt 2
set style line 3 lc rgb '#e69f00' lw 1.4
set style line 4 lc rgb '#009e73' lw 1.4
set style line 5 lc rgb '#0072b2' lw 1.4
set style line 6 lc rgb '#cc79a7' lw 1.4 dt 4

plot for [i = 0:5] data index i using 1:2 with linespoints ls (i + 1) \
         pt 7 ps 0.4 title value(sprintf('title%d', i))
