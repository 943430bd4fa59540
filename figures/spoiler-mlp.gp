# spoiler-mlp.gp: Figure "spoiler-mlp" of Chapter 6 (fig:spoiler-mlp),
# from the data of spoiler-mlp.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/spoiler-mlp'" figures/spoiler-mlp.gp
set terminal cairolatex pdf size 5.2in,2.1in font ',10'
set output outfile.'.tex'
file = datadir.'/spoiler-mlp.dat'

stats file index 3 using 1 nooutput
t = STATS_min

# The region a network calls positive, shaded; the points on top, filled
# if positive, open if negative, and ringed where the network shown gets
# them wrong.
set palette defined (0 '#f6c9a8', 1 '#f6c9a8')
unset colorbox
set cbrange [0:1]
set style line 3 lc rgb '#000000' pt 7 ps 0.6              # positive
set style line 4 lc rgb '#000000' pt 6 ps 0.6              # negative
set style line 5 lc rgb '#0072b2' pt 6 ps 1.6 lw 1.5       # wrong
wrong(label, out) = (label > 0.5) != (out > 0.5)

set tics scale 0.6 front
set format x '$%g$'
set format y '$%g$'
set xlabel '$x_1$' offset 0,0.5
set size ratio -1
unset key

set multiplot
set tmargin at screen 0.90
set bmargin at screen 0.17

# Left: trained on the 25 near points alone.
set lmargin at screen 0.06
set rmargin at screen 0.32
set xrange [-1.5:1.5]
set yrange [-1.5:1.5]
set xtics 1
set ytics 1
set ylabel '$x_2$' offset 1.5,0
set title '\footnotesize without the spoiler' offset 0,-0.6
plot file index 1 using 1:2:($3 > 0.5 ? 1 : NaN) with image, \
     file index 0 every ::0::24 using 1:($3 > 0.5 ? $2 : NaN) \
         with points ls 3, \
     file index 0 every ::0::24 using 1:($3 > 0.5 ? NaN : $2) \
         with points ls 4, \
     file index 0 every ::0::24 using 1:(wrong($3, $4) ? $2 : NaN) \
         with points ls 5

# Middle: the same start, trained with the spoiler.
set lmargin at screen 0.35
set rmargin at screen 0.61
unset ylabel
set format y ''
set title '\footnotesize with the spoiler, near'
plot file index 1 using 1:2:($4 > 0.5 ? 1 : NaN) with image, \
     file index 0 every ::0::24 using 1:($3 > 0.5 ? $2 : NaN) \
         with points ls 3, \
     file index 0 every ::0::24 using 1:($3 > 0.5 ? NaN : $2) \
         with points ls 4, \
     file index 0 every ::0::24 using 1:(wrong($3, $5) ? $2 : NaN) \
         with points ls 5

# Right: the network with the spoiler, far out.
set lmargin at screen 0.73
set rmargin at screen 0.99
set xrange [-1.5 * t:1.5 * t]
set yrange [-1.5 * t:0.5 * t]
set xtics t
set ytics t
set format y '$%g$'
set title '\footnotesize with the spoiler, far'
set label 1 '\footnotesize spoiler' at 0.1 * t, -t left front
plot file index 2 using 1:2:($3 > 0.5 ? 1 : NaN) with image, \
     file index 0 every ::25::25 using 1:2 with points ls 3, \
     file index 0 every ::25::25 using 1:(wrong($3, $5) ? $2 : NaN) \
         with points ls 5
unset multiplot
