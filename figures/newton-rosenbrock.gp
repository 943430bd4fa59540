# newton-rosenbrock.gp: Figure "newton-rosenbrock" of Chapter 5
# (fig:newton-rosenbrock), from the data of newton-rosenbrock.c. Run from
# the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/newton-rosenbrock'" figures/newton-rosenbrock.gp
set terminal cairolatex pdf size 5.2in,2.3in font ',10'
set output outfile.'.tex'
grid = datadir.'/newton-rosenbrock-grid.dat'
paths = datadir.'/newton-rosenbrock.dat'

set contour base
unset surface
set view map
set cntrparam linear levels discrete 0.03, 0.1, 0.3, 1, 3, 10, 30, 100, 300
set table $contours
splot grid using 1:2:3 with lines
unset table
unset contour

# Steps of each run: the last entry of column 1.
array steps[2]
do for [i = 1:2] {
    stats paths index (i-1) using 1 nooutput
    steps[i] = STATS_max
}
count(n) = n < 1000 ? sprintf('%d', n) \
                    : sprintf('%d\,%03d', int(n) / 1000, int(n) % 1000)
array name[2] = ['steepest descent', 'damped Newton']

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
set style line 3 lc rgb '#000000' lw 1.5 pt 7 ps 0.45  # Newton
set style line 5 lc rgb '#000000' pt 6 ps 0.8          # the start

set multiplot layout 1,2 margins 0.08,0.99,0.17,0.86 spacing 0.03,0
do for [i = 1:2] {
    set title sprintf('%s, %s steps', name[i], count(steps[i])) offset 0,-0.3
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
