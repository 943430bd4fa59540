# gd-paths.gp: Figure "gd-paths" of Chapter 1 (fig:paths), from the data
# of gd-paths.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/gd-paths'" figures/gd-paths.gp
set terminal cairolatex pdf size 5.2in,2.7in font ',10'
set output outfile.'.tex'
grid = datadir.'/gd-paths-grid.dat'
paths = datadir.'/gd-paths.dat'

# Contour lines of E, traced by gnuplot from the grid of values into a
# table, at levels spaced by factors of 2.
set contour base
unset surface
set view map
set cntrparam linear levels discrete 0.5, 1, 2, 4, 8, 16, 32, 64, 128
set table $contours
splot grid using 1:2:3 with lines
unset table
unset contour

# The step of each run, as a factor of 2/lambda_max (column 5).
array factor[2]
do for [i = 1:2] {
    stats paths index (i-1) using 5 nooutput
    factor[i] = STATS_min
}

set size ratio -1
set xrange [-5:5]
set yrange [-5:5]
set xtics 2
set ytics 2
set xlabel '$\theta_1$' offset 0,0.5
set ylabel '$\theta_2$' offset 1,0
unset key
set style line 1 lc rgb '#bbbbbb' lw 0.6
set style line 2 lc rgb '#0072b2' lw 1 pt 7 ps 0.35
set style line 3 lc rgb '#000000' pt 6 ps 0.8

set multiplot layout 1,2 margins 0.07,0.99,0.15,0.9 spacing 0.1,0
do for [i = 1:2] {
    set title sprintf('%s, $\eta=%g\cdot2/\lambda_{\max}$', \
                      factor[i] < 1 ? 'converging' : 'diverging', factor[i])
    plot $contours using 1:2 with lines ls 1, \
         paths index (i-1) using 2:3 with linespoints ls 2, \
         paths index (i-1) every ::0::0 using 2:3 with points ls 3
}
unset multiplot
