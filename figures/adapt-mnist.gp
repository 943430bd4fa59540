# adapt-mnist.gp: Figure "adapt-mnist" of Chapter 8 (fig:adapt-mnist),
# from the data of adapt-mnist.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/adapt-mnist'" figures/adapt-mnist.gp
set terminal cairolatex pdf size 5.2in,3.1in font ',10'
set output outfile.'.tex'
data = datadir.'/adapt-mnist.dat'

# The blocks of the data, in the order of adapt-mnist.c's table.
names = 'SGD momentum Nesterov AdaGrad RMSProp Adam AdamW Rprop Quickprop'
rules = words(names)

set xrange [0:15]
set xtics 5
set mxtics 5
set tics scale 0.6 front
set xlabel 'epoch' offset 0,0.5
set grid xtics ytics lc rgb '#dddddd' lw 0.5 dt 1
set border back

# Okabe and Ito's colours; the full-batch rules dashed.
set style line 1 lc rgb '#000000' lw 1.2             # SGD
set style line 2 lc rgb '#0072b2' lw 1.2             # momentum
set style line 3 lc rgb '#56b4e9' lw 1.2             # Nesterov
set style line 4 lc rgb '#009e73' lw 1.2             # AdaGrad
set style line 5 lc rgb '#e69f00' lw 1.2             # RMSProp
set style line 6 lc rgb '#d55e00' lw 1.2             # Adam
set style line 7 lc rgb '#cc79a7' lw 1.2             # AdamW
set style line 8 lc rgb '#0072b2' lw 1.2 dt 2        # Rprop
set style line 9 lc rgb '#d55e00' lw 1.2 dt 2        # Quickprop

# The key above both panels, in three rows.
set multiplot layout 1,2 margins 0.09,0.98,0.14,0.84 spacing 0.13,0
set key at screen 0.53, screen 0.995 center top Left reverse samplen 2.5 \
    width 1 spacing 1.1 vertical maxrows 3
set logscale y
set yrange [0.2:3]
set ytics (0.2, 0.3, 0.5, 0.7, 1, 1.5, 2, 3)
set ylabel 'training loss' offset 0.5,0
plot for [i = 1:rules] data index (i-1) using 1:2 with lines ls i \
         title word(names, i)

unset key
unset logscale y
set yrange [0.2:0.9]
set ytics 0.1
set format y '$%.1f$'
set ylabel 'test accuracy' offset 0.5,0
plot for [i = 1:rules] data index (i-1) using 1:4 with lines ls i
unset multiplot
