# adapt-paths.gp: Figure "adapt-paths" of Chapter 8 (fig:adapt-paths),
# from the data of adapt-paths.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/adapt-paths'" figures/adapt-paths.gp
set terminal cairolatex pdf size 5.2in,2.5in font ',10'
set output outfile.'.tex'
q(m) = datadir.'/adapt-paths-quad-'.m.'.dat'
r(m) = datadir.'/adapt-paths-rosen-'.m.'.dat'

# The contours go to a table first, then are drawn as lines.
set contour base
unset surface
set view map
set cntrparam levels incremental -2, 0.5, 3
set table datadir.'/adapt-paths-quad-contours.dat'
splot datadir.'/adapt-paths-quad-levels.dat' using 1:2:3 with lines
set cntrparam levels incremental -2, 0.5, 3
set table datadir.'/adapt-paths-rosen-contours.dat'
splot datadir.'/adapt-paths-rosen-levels.dat' using 1:2:3 with lines
unset table
unset contour

set style line 1 lc rgb '#000000' lw 1.2     # gradient descent
set style line 2 lc rgb '#009e73' lw 1.2     # AdaGrad
set style line 3 lc rgb '#0072b2' lw 1.2     # RMSProp
set style line 4 lc rgb '#d55e00' lw 1.2     # Adam
set style line 5 lc rgb '#cccccc' lw 0.5     # contours
set multiplot layout 1,2
set xlabel '$\theta_1$' offset 0,0.5
set ylabel '$\theta_2$' offset 1,0
set xrange [-3:1]
set yrange [-1:1]
set xtics 1
set ytics 0.5
set key top right Left reverse opaque samplen 1.5 spacing 1.4 font ',8'
plot datadir.'/adapt-paths-quad-contours.dat' with lines ls 5 notitle, \
     q('gd') with lines ls 1 title 'GD', \
     q('adagrad') with lines ls 2 title 'AdaGrad', \
     q('rmsprop') with lines ls 3 title 'RMSProp', \
     q('adam') with lines ls 4 title 'Adam'
set xrange [-1.6:1.4]
set yrange [-0.4:1.6]
set ytics 0.5
unset key
plot datadir.'/adapt-paths-rosen-contours.dat' with lines ls 5 notitle, \
     r('gd') with lines ls 1, \
     r('adagrad') with lines ls 2, \
     r('rmsprop') with lines ls 3, \
     r('adam') with lines ls 4, \
     '-' using 1:2 with points pt 6 ps 0.8 lc rgb '#000000' notitle
1 1
e
unset multiplot
