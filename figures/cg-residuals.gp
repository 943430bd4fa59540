# cg-residuals.gp: Figure "cg-residuals" of Chapter 3 (fig:cg-residuals),
# from the data of cg-residuals.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/cg-residuals'" figures/cg-residuals.gp
set terminal cairolatex pdf size 5.2in,2.5in font ',10'
set output outfile.'.tex'
data = datadir.'/cg-residuals.dat'

# The kappa of the bound (block 4, column 3).
stats data index 3 using 3 nooutput
kappa = STATS_max
# The last iteration of the three runs, for the horizontal range.
last = 0
do for [i = 1:3] {
    stats data index (i-1) using 1 nooutput
    last = STATS_max > last ? STATS_max : last
}

set logscale y
set format y '$10^{%T}$'
set format x '$%g$'
set yrange [1e-20:1e2]
set ytics 1e-20, 1e4
set mytics 4
set xrange [0:20 * ceil((last + 5) / 20.0)]
set xtics 20
set tics scale 0.6 front
set xlabel 'iteration $k$' offset 0,0.5
set style line 1 lc rgb '#d55e00' lw 1 pt 5 ps 0.35   # distinct eigenvalues
set style line 2 lc rgb '#009e73' lw 1 pt 9 ps 0.45   # two clusters
set style line 3 lc rgb '#0072b2' lw 1 pt 7 ps 0.3    # uniform
set style line 4 lc rgb '#000000' lw 1 dt 2           # the bound

# The key sits above the panels, in two columns: the first two
# spectra over the left panel, the third and the bound over the right.
set multiplot layout 1,2 margins 0.12,0.99,0.15,0.83 spacing 0.15,0
set key at graph 0, screen 0.99 left top Left reverse samplen 2 spacing 1.1
set ylabel 'residual $\|r_k\|/\|b\|$' offset -0.2,0
plot for [i = 1:3] data index (i-1) using 1:2 with linespoints ls i \
         title (i < 3 ? columnheader(1) : '')

set ylabel 'error $\|e_k\|_A/\|e_0\|_A$' offset -0.2,0
plot for [i = 1:3] data index (i-1) using 1:3 with linespoints ls i \
         title (i == 3 ? columnheader(1) : ''), \
     data index 3 using 1:2 with lines ls 4 \
         title sprintf('bound, $\kappa=%g$', kappa)
unset multiplot
