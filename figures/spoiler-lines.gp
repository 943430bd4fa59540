# spoiler-lines.gp: Figure "spoiler-lines" of Chapter 6
# (fig:spoiler-lines), from the data of spoiler-lines.c. Run from the
# repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/spoiler-lines'" figures/spoiler-lines.gp
set terminal cairolatex pdf size 5.2in,2.4in font ',10'
set output outfile.'.tex'
file = datadir.'/spoiler-lines.dat'

# The weights (w_x, w_y, b) of the two lines, from the second block:
# 1 the perceptron, 2 backpropagation; and t from the third.
array wx[2]
array wy[2]
array b[2]
do for [i = 1:2] {
    stats file index 1 every ::(i-1)::(i-1) using 1 nooutput
    wx[i] = STATS_min
    stats file index 1 every ::(i-1)::(i-1) using 2 nooutput
    wy[i] = STATS_min
    stats file index 1 every ::(i-1)::(i-1) using 3 nooutput
    b[i] = STATS_min
}
stats file index 2 using 1 nooutput
t = STATS_min

# Line i is w_x x_1 + w_y x_2 + b = 0: the point on it nearest to (u,v),
# and its unit normal, which points to the side it calls positive.
size(i) = sqrt(wx[i]**2 + wy[i]**2)
gap(i, u, v) = (wx[i] * u + wy[i] * v + b[i]) / size(i)
footx(i, u, v) = u - gap(i, u, v) * wx[i] / size(i)
footy(i, u, v) = v - gap(i, u, v) * wy[i] / size(i)
# The line itself, as the points foot + s (-w_y, w_x)/|w|, for s over a
# range well beyond the view (clipped).
linex(i, s) = footx(i, 0, 0) - s * wy[i] / size(i)
liney(i, s) = footy(i, 0, 0) + s * wx[i] / size(i)

set style line 1 lc rgb '#0072b2' lw 1.5 dt 1              # perceptron
set style line 2 lc rgb '#d55e00' lw 1.5 dt (6,3)          # backprop
set style line 3 lc rgb '#000000' pt 7 ps 0.8              # positive
set style line 4 lc rgb '#000000' pt 4 ps 0.8 lw 1.5       # negative
set style arrow 1 head filled size screen 0.012,25 lc rgb '#0072b2' lw 1.5
set style arrow 2 head filled size screen 0.012,25 lc rgb '#d55e00' lw 1.5

# Arrows of length L to each line's positive side: the perceptron's from
# its point nearest to (u,v), backpropagation's from its point nearest
# to (w,z).
arrows(u, v, w, z, L) = sprintf( \
    'set arrow 1 from %.10g,%.10g rto %.10g,%.10g as 1 front; ' . \
    'set arrow 2 from %.10g,%.10g rto %.10g,%.10g as 2 front', \
    footx(1, u, v), footy(1, u, v), L * wx[1] / size(1), L * wy[1] / size(1), \
    footx(2, w, z), footy(2, w, z), L * wx[2] / size(2), L * wy[2] / size(2))

set size ratio -1
set tics scale 0.6 front
set format x '$%g$'
set format y '$%g$'
set xlabel '$x_1$' offset 0,0.5
set ylabel '$x_2$' offset 1,0
set samples 2
set clip two

# Two panels side by side under a key for both; the margins are set by
# hand, as the key comes from a third plot over the whole canvas.
set multiplot
unset key
set tmargin at screen 0.86
set bmargin at screen 0.15
set lmargin at screen 0.08
set rmargin at screen 0.48

# Left: the three near points; the spoiler is far below.
set xrange [-2:2]
set yrange [-2:2]
set xtics 1
set ytics 1
eval arrows(-1.6, -0.6, -1.5, 1.5, 0.45)
set label 1 sprintf('\footnotesize spoiler $(0,-%g)$ $\downarrow$', t) \
    at 0, graph 0.06 center front
plot sample [s=-10:10] '+' using (linex(1, s)):(liney(1, s)) with lines \
         ls 1, \
     [s=-10:10] '+' using (linex(2, s)):(liney(2, s)) with lines ls 2, \
     file index 0 using 1:($3 > 0.5 ? $2 : NaN) with points ls 3, \
     file index 0 using 1:($3 > 0.5 ? NaN : $2) with points ls 4

# Right: all four points; the three near ones merge at the origin.
unset label 1
set lmargin at screen 0.58
set rmargin at screen 0.98
set xrange [-0.8 * t:0.8 * t]
set yrange [-1.15 * t:0.35 * t]
set xtics 0.5 * t
set ytics 0.5 * t
eval arrows(-0.6 * t, -0.6 * t, 0.6 * t, -0.6 * t, 0.2 * t)
set label 2 '\footnotesize spoiler' at 0.06 * t, -t left front
plot sample [s=-10*t:10*t] '+' using (linex(1, s)):(liney(1, s)) \
         with lines ls 1, \
     [s=-10*t:10*t] '+' using (linex(2, s)):(liney(2, s)) with lines ls 2, \
     file index 0 using 1:($3 > 0.5 ? $2 : NaN) with points ls 3, \
     file index 0 using 1:($3 > 0.5 ? NaN : $2) with points ls 4

# One key for both panels, above them, from an empty plot over the
# whole canvas.
unset label 2
unset arrow
set origin 0, 0
set size noratio 1, 1
unset border
unset tics
unset xlabel
unset ylabel
set margins 0, 0, 0, 0
set key at screen 0.5, screen 0.99 center top horizontal Left reverse \
    samplen 2.5 width 1.5
plot NaN with lines ls 1 title 'perceptron', \
     NaN with lines ls 2 title 'backpropagation', \
     NaN with points ls 3 title 'positive', \
     NaN with points ls 4 title 'negative'
unset multiplot
