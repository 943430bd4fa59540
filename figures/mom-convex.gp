# mom-convex.gp: Figure "mom-convex" of Chapter 4 (fig:mom-convex), from
# the data of mom-convex.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/mom-convex'" figures/mom-convex.gp
set terminal cairolatex pdf size 5.2in,2.9in font ',10'
set output outfile.'.tex'
file = datadir.'/mom-convex.dat'

# The constant beta, from the second block of the data.
stats file index 1 using 1 nooutput
beta = STATS_max

# Markers on the lines at about five values of k per decade: k = 1, 3,
# 4, 6, 10, 16, 25, 40, 63, 100, ...
marked(k) = k == floor(10**(floor(5 * log10(k) + 0.5) / 5.0) + 0.5)
mark(k, v) = marked(k) ? v : NaN

set logscale x
set logscale y
set xrange [0.9:2200]
set yrange [1e-9:1e2]
set format x '$10^{%T}$'
set format y '$10^{%T}$'
set mxtics 10
set ytics 1e-9, 10
set mytics 10
set tics scale 0.6 front
set xlabel 'iteration $k$' offset 0,0.5
set ylabel '$E(\theta_k)-E^*$' offset -0.5,0
set key bottom left Left reverse samplen 2.5 spacing 1.3 opaque width 1

set style line 1 lc rgb '#0072b2' lw 1.2 pt 7 ps 0.45   # gradient descent
set style line 2 lc rgb '#009e73' lw 1.2 pt 9 ps 0.6    # Nesterov, schedule
set style line 3 lc rgb '#009e73' lw 0.8 pt 8 ps 0.6    # ... constant beta
set style line 4 lc rgb '#0072b2' lw 1.5 dt 2            # the bounds
set style line 5 lc rgb '#009e73' lw 1.5 dt 2

# The lines and their markers are drawn separately; the key's entries
# for the runs come from empty plots that draw both.
plot NaN with linespoints ls 1 title 'gradient descent, $\eta=1/L$', \
     NaN with linespoints ls 2 title 'Nesterov, $\beta_k=(k-1)/(k+2)$', \
     NaN with linespoints ls 3 title sprintf('Nesterov, $\beta=%g$', beta), \
     file index 0 using 1:5 with lines ls 4 \
         title 'bound $L\|\theta_0-\theta^*\|^2/(2k)$', \
     file index 0 using 1:6 with lines ls 5 \
         title 'bound $2L\|\theta_0-\theta^*\|^2/(k+1)^2$', \
     for [i = 2:4] file index 0 using 1:i with lines ls (i-1) notitle, \
     for [i = 2:4] file index 0 using 1:(mark($1, column(i))) \
         with points ls (i-1) notitle
