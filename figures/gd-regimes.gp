# gd-regimes.gp: Figure "gd-regimes" of Chapter 1 (fig:regimes), from the
# data of gd-regimes.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/gd-regimes'" figures/gd-regimes.gp
set terminal cairolatex pdf size 5.2in,2.6in font ',10'
set output outfile.'.tex'
file = datadir.'/gd-regimes.dat'

# One block per step size; read eta and eta/eta_opt back from the data.
stats file using 0 nooutput
blocks = STATS_blocks
array eta[blocks]
array ratio[blocks]
do for [i = 1:blocks] {
    stats file index (i-1) using 3 nooutput
    eta[i] = STATS_min
    stats file index (i-1) using 4 nooutput
    ratio[i] = STATS_min
}
regime(r) = r < 1 ? 'monotone' : r == 1 ? 'one step' : r < 2 ? 'oscillating' : 'diverging'

set xlabel '$k$'
set ylabel '$w_k-w^*$'
set xrange [0:*]
set yrange [-3.2:3.2]
set xtics 1
set ytics 1
set mytics 2
set grid ytics lc rgb '#dddddd' lw 0.5
set key outside top center horizontal maxcols 2 Left reverse samplen 2 width 2
set clip two
set zeroaxis lt 1 lc rgb '#999999' lw 0.5

set linetype 1 lc rgb '#0072b2' pt 7  ps 0.6 lw 1
set linetype 2 lc rgb '#009e73' pt 5  ps 0.6 lw 1
set linetype 3 lc rgb '#e69f00' pt 9  ps 0.75 lw 1
set linetype 4 lc rgb '#d55e00' pt 13 ps 0.75 lw 1

plot for [i = 1:blocks] file index (i-1) using 1:2 with linespoints lt i \
     title sprintf('$\eta=%g$ (%s)', eta[i], regime(ratio[i]))
