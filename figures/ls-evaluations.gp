# ls-evaluations.gp: Figure "ls-evaluations" of Chapter 2
# (fig:ls-evaluations), from the data of ls-evaluations.c. Run from the
# repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/ls-evaluations'" figures/ls-evaluations.gp
set terminal cairolatex pdf size 5.2in,2.4in font ',10'
set output outfile.'.tex'
file = datadir.'/ls-evaluations.dat'

# Blocks: 0 exact, 1 strong Wolfe, 2 backtracking; columns k, the
# evaluations in step k, the evaluations made by iterate k+1.
array name[3] = ['exact', 'strong Wolfe', 'backtracking']
array steps[3]
do for [i = 1:3] {
    stats file index (i-1) using 1 nooutput
    steps[i] = STATS_records
}

# For the right panel, at most 100 points per decade of iterations and
# the last one, so that the lines stay light; kept[i] counts them.
keep(k, last) = k < 100 || k == last || \
                int(k) % int(10**(floor(log10(k)) - 1) + 0.5) == 0
array kept[3]
do for [i = 1:3] {
    eval sprintf('set table $cumulative%d', i)
    plot file index (i-1) using ($1 + 1):3 with table \
        if (keep($1, steps[i] - 1))
    unset table
    stats '$cumulative'.i using 1 nooutput
    kept[i] = STATS_records
}

set style line 1 lc rgb '#0072b2' lw 1 pt 7 ps 0.3     # exact
set style line 2 lc rgb '#009e73' lw 1 pt 8 ps 0.5     # strong Wolfe
set style line 3 lc rgb '#d55e00' lw 1 pt 4 ps 0.4     # backtracking
set grid xtics ytics lc rgb '#dddddd' lw 0.5

# Both panels count iterations k+1 = 1, 2, ... on a log scale.
set logscale x
set xrange [1:3e4]
set format x '$10^{%T}$'
set xtics 10
set mxtics 10
set xlabel 'iterations'

set multiplot layout 1,2 margins 0.11,0.98,0.17,0.97 spacing 0.13,0

# Left: the mean cost of the line searches in bins of iterations, eight
# bins to a decade (smooth unique averages the searches of a bin).
bins = 8
bin(k) = 10**((floor(bins * log10(k + 1)) + 0.5) / bins)
set yrange [0:35]
set ytics 5
set mytics 1
set ylabel 'evaluations per search' offset -0.5,0
unset key
plot for [i = 1:3] file index (i-1) using (bin($1)):2 smooth unique \
         with linespoints ls i

# Right: all evaluations so far, to the end of each run (marked).
set logscale y
set yrange [1:1e6]
set format y '$10^{%T}$'
set ytics 10
set mytics 10
set ylabel 'evaluations so far' offset -0.5,0
set key bottom right Left reverse samplen 1.5 spacing 1.1
plot for [i = 1:3] '$cumulative'.i using 1:2 with lines ls i notitle, \
     for [i = 1:3] '$cumulative'.i using 1:2 every ::(kept[i]-1) \
         with points ls i notitle, \
     for [i = 1:3] NaN with linespoints ls i title name[i]
unset multiplot
