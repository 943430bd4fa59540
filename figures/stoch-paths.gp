# stoch-paths.gp: Figure "stoch-paths" of Chapter 7 (fig:stoch-paths),
# from the data of stoch-paths.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/stoch-paths'" figures/stoch-paths.gp
set terminal cairolatex pdf size 5.2in,2.7in font ',10'
set output outfile.'.tex'
gd = datadir.'/stoch-paths-gd.dat'
sgd1 = datadir.'/stoch-paths-sgd1.dat'
sgd16 = datadir.'/stoch-paths-sgd16.dat'
levels = datadir.'/stoch-paths-levels.dat'
zone = datadir.'/stoch-paths-zone.dat'

set style line 1 lc rgb '#000000' lw 1.2                 # gradient descent
set style line 2 lc rgb '#d55e00' lw 0.6                 # SGD, m = 1
set style line 3 lc rgb '#0072b2' lw 0.8                 # SGD, m = 16
set style line 4 lc rgb '#bbbbbb' lw 0.5                 # level sets
set style line 5 lc rgb '#d55e00' lw 1.2 dt 2            # zone, m = 1
set style line 6 lc rgb '#0072b2' lw 1.2 dt 2            # zone, m = 16
set size ratio -1
set multiplot layout 1,2
set xlabel '$\theta_1-\theta^*_1$' offset 0,0.5
set ylabel '$\theta_2-\theta^*_2$' offset 1,0
set xrange [-3.5:1]
set yrange [-1.5:3]
set xtics 1
set ytics 1
set key bottom left Left reverse opaque samplen 1.5 spacing 1.1 font ',8'
plot levels using 1:2 with lines ls 4 notitle, \
     gd using 1:2 with lines ls 1 title 'GD', \
     sgd1 using 1:2 with lines ls 2 title 'SGD, $m=1$', \
     sgd16 using 1:2 with lines ls 3 title 'SGD, $m=16$'
set xrange [-0.3:0.3]
set yrange [-0.3:0.3]
set xtics 0.2
set ytics 0.2
unset key
plot levels using 1:2 with lines ls 4, \
     sgd1 every ::150 using 1:2 with lines ls 2, \
     sgd16 every ::150 using 1:2 with lines ls 3, \
     gd using 1:2 with lines ls 1, \
     zone index 0 using 1:2 with lines ls 5, \
     zone index 1 using 1:2 with lines ls 6
unset multiplot
