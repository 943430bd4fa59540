# beyond-scaling.gp: Figure "beyond-scaling" of Chapter 12
# (fig:beyond-scaling), from the data of beyond-scaling.c. Run from the
# repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/beyond-scaling'" figures/beyond-scaling.gp
set terminal cairolatex pdf size 5.2in,3.5in font ',10'
set output outfile.'.tex'
file = datadir.'/beyond-scaling.dat'
# The fitted slopes, slope[6q + m + 1] for problem q and method m
# (NaN: no fit).
load datadir.'/beyond-scaling-slopes.gp'
label(q, m) = slope[6*q + m + 1] == slope[6*q + m + 1] \
    ? sprintf('$p=%.2f$', slope[6*q + m + 1]) : 'no fit'
array name[6] = ['coordinate', 'accelerated', 'Powell', 'N--M', \
                 'adaptive N--M', 'L-BFGS']

set logscale xy
set xrange [1.7:76]
set yrange [10:2e6]
set xtics ('$2$' 2, '$4$' 4, '$8$' 8, '$16$' 16, '$32$' 32, '$64$' 64)
set format y '$10^{%T}$'
set ytics 10
set mytics 10
set tics scale 0.6 front
set grid xtics ytics lc rgb '#dddddd' lw 0.5 dt 1
set xlabel '$n$' offset 0,0.6
set key outside below center Left reverse samplen 1.5 spacing 1.1 maxrows 3 width -1
set style line 1 lc rgb '#0072b2' lw 1.2 pt 7 ps 0.5   # coordinate search
set style line 2 lc rgb '#009e73' lw 1.2 pt 5 ps 0.45  # accelerated
set style line 3 lc rgb '#e69f00' lw 1.2 pt 9 ps 0.6   # Powell
set style line 4 lc rgb '#cc79a7' lw 1.2 pt 11 ps 0.6  # Nelder-Mead
set style line 5 lc rgb '#d55e00' lw 1.2 pt 13 ps 0.6  # adaptive
set style line 6 lc rgb '#000000' lw 1.5 pt 6 ps 0.6   # L-BFGS
set style line 7 lc rgb '#888888' lw 0.8 dt 2          # slope 1

set multiplot layout 1,2
do for [q = 0:1] {
    set title (q == 0 ? 'quadratic, $\kappa=100$' : "Rosenbrock's function")
    if (q == 0) { set ylabel 'evaluations to $10^{-6}$' } else { unset ylabel }
    plot for [m = 0:5] file index (6*q + m) using 1:2 with linespoints \
             ls (m + 1) title sprintf('%s, %s', name[m + 1], label(q, m)), \
         [8:64] 100 * x with lines ls 7 notitle
}
unset multiplot
