# beyond-anneal.gp: Figure "beyond-anneal" of Chapter 12
# (fig:beyond-anneal), from the data of beyond-anneal.c. Run from the
# repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/beyond-anneal'" figures/beyond-anneal.gp
set terminal cairolatex pdf size 5.2in,2.4in font ',10'
set output outfile.'.tex'
file = datadir.'/beyond-anneal.dat'
final = datadir.'/beyond-anneal-final.dat'
middle = datadir.'/beyond-anneal-median.dat'

# The runs per cooling, the cooling factors, and how many runs of each
# ended in the global minimum's basin (column 6 of the final file).
stats final using 1 nooutput
runs = int(STATS_records / 2)
array cooling[2]
array found[2]
do for [c = 1:2] {
    stats final every ::((c-1)*runs)::(c*runs-1) using 2:6 nooutput
    cooling[c] = STATS_max_x
    found[c] = int(STATS_sum_y)
}

set logscale xy
set format x '$10^{%T}$'
set format y '$10^{%T}$'
set xlabel 'evaluations of $E$' offset 0,0.5
set grid xtics ytics lc rgb '#dddddd' lw 0.5
set tics scale 0.6
set style line 1 lc rgb '#d55e00' lw 1.5   # fast cooling
set style line 2 lc rgb '#0072b2' lw 1.5   # slow cooling
set style line 11 lc rgb '#f0b899' lw 0.5  # its runs, faint
set style line 12 lc rgb '#99c6e0' lw 0.5

set multiplot layout 1,2 margins 0.1,0.99,0.17,0.88 spacing 0.1,0
# Left: the schedule, the same for every seed (the first run of each).
set title 'temperature $T$' offset 0,-0.5
set key bottom left reverse Left samplen 2
plot for [c = 1:2] file index ((c-1)*runs) using 1:2 with lines ls c \
     title sprintf('$c=%g$', cooling[c])
# Right: the best value so far of every run (faint), and its median
# over the runs of each cooling, the fast one drawn last (on top).
set title 'best $E$ so far' offset 0,-0.5
set yrange [1e-3:100]
set key bottom left reverse Left samplen 2 spacing 1.2 opaque
plot for [c = 1:2] for [s = 1:runs] \
         file index ((c-1)*runs + s - 1) using 1:3 with lines ls (10+c) \
         notitle, \
     for [c = 2:1:-1] middle index (c-1) using 1:3 with lines ls c \
         title sprintf('$c=%g$: %d of %d', cooling[c], found[c], runs)
unset multiplot
