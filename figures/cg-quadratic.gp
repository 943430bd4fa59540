# cg-quadratic.gp: Figure "cg-quadratic" of Chapter 3 (fig:cg-quadratic),
# from the data of cg-quadratic.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/cg-quadratic'" figures/cg-quadratic.gp
set terminal cairolatex pdf size 5.2in,2.3in font ',10'
set output outfile.'.tex'
grid = datadir.'/cg-quadratic-grid.dat'
paths = datadir.'/cg-quadratic.dat'

# Contour lines of E, as in ls-zigzag.gp, at levels spaced by factors of 2.
set contour base
unset surface
set view map
set cntrparam linear levels discrete 0.125, 0.25, 0.5, 1, 2, 4, 8, 16, 32
set table $contours
splot grid using 1:2:3 with lines
unset table
unset contour

# Steps of each run: the last k (column 1).
array steps[2]
do for [i = 1:2] {
    stats paths index (i-1) using 1 nooutput
    steps[i] = STATS_max
}
array name[2] = ['steepest descent', 'conjugate gradient']

# Equal scales on both axes, so that right angles look right.
set size ratio -1
set xrange [-4.5:0.5]
set yrange [-3:1.5]
set xtics 1
set ytics 1
set tics scale 0.6 front
set xlabel '$\theta_1$' offset 0,0.5
unset key
set style line 1 lc rgb '#bbbbbb' lw 0.6
set style line 2 lc rgb '#0072b2' lw 1 pt 7 ps 0.35    # steepest descent
set style line 3 lc rgb '#cc79a7' lw 1.5 pt 5 ps 0.4    # CG (Fletcher-Reeves)
set style line 5 lc rgb '#000000' pt 6 ps 0.8          # the start

# Only the left panel labels its vertical axis.
set multiplot layout 1,2 margins 0.08,0.99,0.15,0.91 spacing 0.04,0
do for [i = 1:2] {
    set title name[i] offset 0,-0.5
    if (i == 1) {
        set ylabel '$\theta_2$' offset 0.5,0
        set format y '$%g$'
    } else {
        unset ylabel
        set format y ''
    }
    set label 1 sprintf('\footnotesize %d steps', steps[i]) \
        at graph 0.97, graph 0.07 right front
    plot $contours using 1:2 with lines ls 1, \
         paths index (i-1) using 2:3 with linespoints ls (i+1), \
         paths index (i-1) every ::0::0 using 2:3 with points ls 5
}
unset multiplot
