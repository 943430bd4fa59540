# beyond-paths.gp: Figure "beyond-paths" of Chapter 12 (fig:beyond-paths),
# from the data of beyond-paths.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/beyond-paths'" figures/beyond-paths.gp
set terminal cairolatex pdf size 5.2in,4.0in font ',10'
set output outfile.'.tex'
grid = datadir.'/beyond-paths-grid.dat'
paths = datadir.'/beyond-paths.dat'
counts = datadir.'/beyond-paths-counts.dat'

# Contour lines of E at levels spaced by factors of about 3, as in
# Figure cg-rosenbrock.
set contour base
unset surface
set view map
set cntrparam linear levels discrete 0.03, 0.1, 0.3, 1, 3, 10, 30, 100, 300
set table $contours
splot grid using 1:2:3 with lines
unset table
unset contour

# Each method's evaluations to the target (0: never met), in all, and
# its final E: line i of the counts file.
array to_target[4]
array evaluations[4]
array final[4]
do for [i = 1:4] {
    stats counts every ::(i-1)::(i-1) using 2 nooutput
    to_target[i] = int(STATS_max)
    stats counts every ::(i-1)::(i-1) using 3 nooutput
    evaluations[i] = int(STATS_max)
    stats counts every ::(i-1)::(i-1) using 4 nooutput
    final[i] = STATS_max
}
# A count with a thin space between thousands, as LaTeX text.
count(n) = n < 1000 ? sprintf('%d', n) \
                    : sprintf('%d\,%03d', int(n) / 1000, int(n) % 1000)
# A value as LaTeX: mantissa and power of ten.
tenth(x) = sprintf('%.1f\cdot10^{%d}', x / 10**floor(log10(x)), \
                   int(floor(log10(x))))
cost(i) = to_target[i] > 0 \
    ? sprintf('%s evaluations to $E\le10^{-8}$', count(to_target[i])) \
    : sprintf('$E=%s$ after %s evaluations', tenth(final[i]), \
              count(evaluations[i]))
array name[4] = ['coordinate search', 'coordinate search, accelerated', \
                 'Powell', 'Nelder--Mead']

set size ratio -1
set xrange [-1.5:1.5]
set yrange [-0.5:1.5]
set xtics 1
set ytics 0.5
set tics scale 0.6 front
unset key
set style line 1 lc rgb '#bbbbbb' lw 0.6
set style line 2 lc rgb '#0072b2' lw 0.6 pt 7 ps 0.15  # coordinate search
set style line 3 lc rgb '#009e73' lw 1.2 pt 7 ps 0.3   # accelerated
set style line 4 lc rgb '#e69f00' lw 1.2 pt 9 ps 0.45  # Powell
set style line 5 lc rgb '#cc79a7' lw 1.0 pt 5 ps 0.25  # Nelder-Mead
set style line 6 lc rgb '#000000' pt 6 ps 0.8          # the start

# Only the left column labels its vertical axis, only the bottom row its
# horizontal one. Plain coordinate search moves along theta_1, then
# theta_2, in every cycle: 'steps' draws that staircase between the
# cycles' points; the others join their points by straight lines.
set multiplot layout 2,2 margins 0.08,0.99,0.08,0.93 spacing 0.03,0.12
do for [i = 1:4] {
    set title sprintf('\shortstack{%s\\\footnotesize %s}', name[i], cost(i)) \
        offset 0,-0.3
    if (i % 2 == 1) {
        set ylabel '$\theta_2$' offset 1.5,0
        set format y '$%g$'
    } else {
        unset ylabel
        set format y ''
    }
    if (i >= 3) {
        set xlabel '$\theta_1$' offset 0,0.6
        set format x '$%g$'
    } else {
        unset xlabel
        set format x ''
    }
    if (i == 1) {
        plot $contours using 1:2 with lines ls 1, \
             paths index (i-1) using 2:3 with steps ls (i+1), \
             paths index (i-1) every ::0::0 using 2:3 with points ls 6
    } else {
        plot $contours using 1:2 with lines ls 1, \
             paths index (i-1) using 2:3 with linespoints ls (i+1), \
             paths index (i-1) every ::0::0 using 2:3 with points ls 6
    }
}
unset multiplot
