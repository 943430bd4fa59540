# gd-sharp.gp: Figure "gd-sharp" of Chapter 1 (fig:sharp), from the data
# of gd-sharp.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/gd-sharp'" figures/gd-sharp.gp
set terminal cairolatex pdf size 5.2in,2.1in font ',10'
set output outfile.'.tex'
curve = datadir.'/gd-sharp-curve.dat'
runs = datadir.'/gd-sharp.dat'

# The step of each run, as a factor of 2/a_s (column 4).
array factor[3]
do for [i = 1:3] {
    stats runs index (i-1) using 4 nooutput
    factor[i] = STATS_min
}

unset key
set xlabel '$w$' offset 0,0.5
set style line 1 lc rgb '#999999' lw 1
set style line 2 lc rgb '#0072b2' lw 0.6 pt 7 ps 0.35
set style line 3 lc rgb '#000000' pt 6 ps 0.8

set multiplot layout 1,3 margins 0.08,0.99,0.18,0.88 spacing 0.07,0
do for [i = 1:3] {
    if (i < 3) {
        set xrange [1.8:2.2]
        set yrange [0.9:1.8]
        set xtics 1.9, 0.1, 2.1
        set ytics 1, 0.2, 1.8
        set format y (i == 1 ? '%g' : '')
    } else {
        set xrange [-0.8:2.4]
        set yrange [-0.1:2.7]
        set xtics 0, 1, 2
        set ytics 0, 1, 2
        set format y '%g'
    }
    set ylabel (i == 1 ? '$E$' : '') offset 0.5,0
    set title sprintf('$\eta=%g\cdot2/a_s$', factor[i])
    plot curve using 1:2 with lines ls 1, \
         runs index (i-1) using 2:3 with linespoints ls 2, \
         runs index (i-1) every ::0::0 using 2:3 with points ls 3
}
unset multiplot
