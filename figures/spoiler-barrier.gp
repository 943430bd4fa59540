# spoiler-barrier.gp: Figure "spoiler-barrier" of Chapter 6
# (fig:spoiler-barrier), from the data of spoiler-barrier.c. Run from the
# repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/spoiler-barrier'" figures/spoiler-barrier.gp
set terminal cairolatex pdf size 5.2in,2.3in font ',10'
set output outfile.'.tex'
file = datadir.'/spoiler-barrier.dat'

# E at the two ends, from the second block: s = 0, backpropagation's
# minimum; s = 1, the separating weights.
stats file index 1 every ::0::0 using 2 nooutput
Ebp = STATS_min
stats file index 1 every ::1::1 using 2 nooutput
Esep = STATS_min
# The highest E on the plateau between them, for the right panel.
stats file index 0 using ($1 > 0 && $1 < 1 ? $2 : NaN) nooutput
Etop = STATS_max

set style line 1 lc rgb '#0072b2' lw 1.2                # E(w(s))
set style line 2 lc rgb '#d55e00' pt 7 ps 0.7           # backprop, s = 0
set style line 3 lc rgb '#009e73' pt 5 ps 0.7           # separating, s = 1
set style line 4 lc rgb '#bbbbbb' lw 0.8 dt 2           # s = 0 and s = 1

set xrange [-0.1:1.1]
set xtics 0.2
set mxtics 2
set format x '$%g$'
set tics scale 0.6 front
set xlabel '$s$' offset 0,0.5
set ylabel '$E$' offset 1,0
unset key
set arrow 1 from 0, graph 0 to 0, graph 1 nohead ls 4 back
set arrow 2 from 1, graph 0 to 1, graph 1 nohead ls 4 back

set multiplot layout 1,2 margins 0.08,0.98,0.16,0.97 spacing 0.16,0

# Left: the whole line, on a log scale.
set logscale y
set yrange [5e-4:2]
set format y '$10^{%T}$'
set ytics 10
set mytics 10
set label 1 '$w_{\mathrm{bp}}$' at 0, Ebp offset 0.6,0.7 left front
set label 2 '$w_{\mathrm{sep}}$' at 1, Esep offset -0.6,-0.7 right front
plot file index 0 using 1:2 with lines ls 1, \
     file index 1 every ::0::0 using 1:2 with points ls 2, \
     file index 1 every ::1::1 using 1:2 with points ls 3

# Right: the plateau, on a linear scale; the fall at s = 1 leaves the
# panel at the bottom.
unset logscale y
unset label 2
set yrange [Ebp - 0.3 * (Etop - Ebp):Etop + 0.3 * (Etop - Ebp)]
set format y '$%g$'
set ytics 0.0005
set mytics 5
set ylabel offset -1,0
set label 1 offset 0.6,-1 left front
# The height of the barrier: E on the plateau above E at w_bp.
set arrow 3 from 0, Ebp to 0.9, Ebp nohead ls 4 back
set arrow 4 from 0.8, Ebp to 0.8, Etop heads size screen 0.008,25 \
    lc rgb '#000000' lw 0.8 front
set label 3 sprintf('$\Delta E=%s$', gprintf('%.1t\cdot10^{%T}', \
                                                Etop - Ebp)) \
    at 0.76, Ebp + 0.3 * (Etop - Ebp) right front
plot file index 0 using 1:2 with lines ls 1, \
     file index 1 every ::0::0 using 1:2 with points ls 2
unset multiplot
