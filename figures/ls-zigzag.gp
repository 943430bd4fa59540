# ls-zigzag.gp: Figure "ls-zigzag" of Chapter 2 (fig:zigzag), from the
# data of ls-zigzag.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/ls-zigzag'" figures/ls-zigzag.gp
set terminal cairolatex pdf size 5.4in,2.1in font ',10'
set output outfile.'.tex'
grid = datadir.'/ls-zigzag-grid.dat'
paths = datadir.'/ls-zigzag.dat'

# Contour lines of E, as in gd-paths.gp, at levels spaced by factors of 2.
set contour base
unset surface
set view map
set cntrparam linear levels discrete 0.125, 0.25, 0.5, 1, 2, 4, 8, 16, 32
set table $contours
splot grid using 1:2:3 with lines
unset table
unset contour

# Evaluations of E in each run: the last entry of column 6.
array evaluations[3]
do for [i = 1:3] {
    stats paths index (i-1) using 6 nooutput
    evaluations[i] = STATS_max
}
array name[3] = ['exact', 'backtracking', 'strong Wolfe, $c_2=0.1$']

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
set style line 2 lc rgb '#0072b2' lw 1 pt 7 ps 0.35    # exact
set style line 3 lc rgb '#d55e00' lw 1 pt 5 ps 0.35    # backtracking
set style line 4 lc rgb '#009e73' lw 1 pt 9 ps 0.45    # strong Wolfe
set style line 5 lc rgb '#000000' pt 6 ps 0.8          # the start

# Only the left panel labels its vertical axis.
set multiplot layout 1,3 margins 0.07,0.99,0.15,0.92 spacing 0.02,0
do for [i = 1:3] {
    set title name[i] offset 0,-0.5
    if (i == 1) {
        set ylabel '$\theta_2$' offset 1,0
        set format y '% h'             # as the x axis: a minus, not a hyphen
    } else {
        unset ylabel
        set format y ''
    }
    set label 1 sprintf('\footnotesize %d evaluations', evaluations[i]) \
        at graph 0.97, graph 0.07 right front
    plot $contours using 1:2 with lines ls 1, \
         paths index (i-1) using 2:3 with linespoints ls (i+1), \
         paths index (i-1) every ::0::0 using 2:3 with points ls 5
}
unset multiplot
