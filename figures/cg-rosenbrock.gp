# cg-rosenbrock.gp: Figure "cg-rosenbrock" of Chapter 3 (fig:cg-rosenbrock),
# from the data of cg-rosenbrock.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/cg-rosenbrock'" figures/cg-rosenbrock.gp
set terminal cairolatex pdf size 5.2in,2.1in font ',10'
set output outfile.'.tex'
grid = datadir.'/cg-rosenbrock-grid.dat'
paths = datadir.'/cg-rosenbrock.dat'

# Contour lines of E at levels spaced by factors of about 3 (E spans
# four decades here, and linear levels would crowd the valley's walls).
set contour base
unset surface
set view map
set cntrparam linear levels discrete 0.03, 0.1, 0.3, 1, 3, 10, 30, 100, 300
set table $contours
splot grid using 1:2:3 with lines
unset table
unset contour

# Steps and evaluations of each run: the last entries of columns 1 and 6.
array steps[3]
array evaluations[3]
do for [i = 1:3] {
    stats paths index (i-1) using 1:6 nooutput
    steps[i] = STATS_max_x
    evaluations[i] = STATS_max_y
}
# A count with a thin space between thousands, as LaTeX text.
count(n) = n < 1000 ? sprintf('%d', n) \
                    : sprintf('%d\,%03d', int(n) / 1000, int(n) % 1000)
array name[3] = ['steepest descent', 'Fletcher--Reeves', 'Polak--Ribi\`ere+']

set size ratio -1
set xrange [-1.5:1.5]
set yrange [-0.5:1.5]
set xtics 1
set ytics 0.5
set format x '$%g$'
set tics scale 0.6 front
set xlabel '$\theta_1$' offset 0,0.5
unset key
set style line 1 lc rgb '#bbbbbb' lw 0.6
set style line 2 lc rgb '#0072b2' lw 0.5 pt 7 ps 0.15  # steepest descent
set style line 3 lc rgb '#cc79a7' lw 1.5 pt 5 ps 0.4   # Fletcher-Reeves
set style line 4 lc rgb '#e69f00' lw 1.5 pt 9 ps 0.5   # Polak-Ribiere+
set style line 5 lc rgb '#000000' pt 6 ps 0.8          # the start

# Only the left panel labels its vertical axis.
set multiplot layout 1,3 margins 0.09,0.99,0.17,0.74 spacing 0.025,0
do for [i = 1:3] {
    # The counts go under the name: inside, they would cross the contours.
    set title sprintf('\shortstack{%s\\\footnotesize %s steps,\\\footnotesize %s evaluations}', \
                      name[i], count(steps[i]), count(evaluations[i])) offset 0,0.2
    if (i == 1) {
        set ylabel '$\theta_2$' offset 0.5,0
        set format y '$%g$'
    } else {
        unset ylabel
        set format y ''
    }
    plot $contours using 1:2 with lines ls 1, \
         paths index (i-1) using 2:3 with linespoints ls (i+1), \
         paths index (i-1) every ::0::0 using 2:3 with points ls 5
}
unset multiplot
