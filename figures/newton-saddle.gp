# newton-saddle.gp: Figure "newton-saddle" of Chapter 5 (fig:newton-saddle),
# from the data of newton-saddle.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/newton-saddle'" figures/newton-saddle.gp
set terminal cairolatex pdf size 5.2in,3.0in font ',10'
set output outfile.'.tex'
grid = datadir.'/newton-saddle-grid.dat'
paths = datadir.'/newton-saddle.dat'

set contour base
unset surface
set view map
set cntrparam linear levels incremental -4, 0.5, 4
set table $contours
splot grid using 1:2:3 with lines
unset table
unset contour

set size ratio -1
set xrange [0.2:1.8]
set yrange [-1.6:1.6]
set xtics 0.5
set ytics 0.5
set format x '$%g$'
set format y '$%g$'
set tics scale 0.6 front
set xlabel '$\theta_1$' offset 0,0.5
set ylabel '$\theta_2$' offset 0.5,0
set key outside right top Left reverse samplen 2.5 spacing 1.3 width 1
set border back
set style line 1 lc rgb '#bbbbbb' lw 0.6
set style line 2 lc rgb '#d55e00' lw 1.5 pt 7 ps 0.5   # pure Newton
set style line 3 lc rgb '#0072b2' lw 1.5 pt 5 ps 0.5   # eigenvalue-modified
set style line 4 lc rgb '#009e73' lw 1.5 pt 9 ps 0.6   # damped
set style line 5 lc rgb '#000000' lw 1.2 pt 4 ps 0.6   # trust region
set style line 6 lc rgb '#000000' pt 6 ps 1.2          # the start
set label 1 'saddle' at 1.05,-1.1 left front
set label 2 'minimum' at 1.05,1.1 left front
array name[4] = ['pure Newton', 'eigenvalue-modified', 'damped', \
                 'trust region']
plot $contours using 1:2 with lines ls 1 notitle, \
     for [i = 1:4] paths index (i-1) using 2:3 with linespoints ls (i+1) \
         title name[i], \
     paths index 0 every ::0::0 using 2:3 with points ls 6 title 'start'
