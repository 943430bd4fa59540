# bn-activations.gp: Figure "bn-activations" of Chapter 9
# (fig:bn-activations), from the data of bn-activations.c. Run from the
# repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/bn-activations'" figures/bn-activations.gp
set terminal cairolatex pdf size 5.2in,2.5in font ',10'
set output outfile.'.tex'
data = datadir.'/bn-activations.dat'

set xrange [-1:1]
set xtics 0.5
set format x '$%g$'
set logscale y
set yrange [0.01:30]
set ytics ('$0.01$' 0.01, '$0.1$' 0.1, '$1$' 1, '$10$' 10)
set tics scale 0.6 front
set xlabel '$\tanh z$' offset 0,0.5
set grid xtics ytics lc rgb '#dddddd' lw 0.5 dt 1
set border back

# One colour per layer, from the first (dark) to the sixth (light).
set style line 1 lc rgb '#000000' lw 1.4
set style line 2 lc rgb '#0072b2' lw 1.2
set style line 3 lc rgb '#009e73' lw 1.2
set style line 4 lc rgb '#e69f00' lw 1.2
set style line 5 lc rgb '#d55e00' lw 1.2
set style line 6 lc rgb '#cc79a7' lw 1.2

set multiplot layout 1,2 margins 0.09,0.98,0.15,0.90 spacing 0.06,0
set title 'without batch normalization' offset 0,-0.6
set ylabel 'density' offset 1,0
unset key
plot for [h = 1:6] data index 0 using (($1 + $2) / 2):(column(2 + h)) \
         with lines ls h
# The key sits in the empty bottom of the right panel.
set key bottom center Left reverse samplen 1 vertical maxrows 2 width -1
set title 'with batch normalization'
unset ylabel
set format y ''
plot for [h = 1:6] data index 1 using (($1 + $2) / 2):(column(2 + h)) \
         with lines ls h title sprintf('layer %d', h)
unset multiplot
