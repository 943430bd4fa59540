# dist-alphabeta.gp: Figure "dist-alphabeta" of Chapter 11
# (fig:dist-alphabeta), from the committed results of `make bench`
# (bench/distributed.c writes distributed-alphabeta.dat: one line a
# message size, bytes, the measured median seconds of MPI_Allreduce on
# two ranks, and the fitted model's seconds). Run from the repository
# root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/dist-alphabeta'" figures/dist-alphabeta.gp
# (datadir is not used); results='DIR' reads another folder of results.
set terminal cairolatex pdf size 4.6in,2.6in font ',10'
set output outfile.'.tex'
if (!exists('results')) results = 'bench/results'
file = results.'/distributed-alphabeta.dat'
have = system('test -s '.file.' && echo 1 || echo 0') + 0

set logscale xy
set format x '$10^{%T}$'
set format y '$10^{%T}$'
set xrange [30:1e7]
set xlabel 'message, bytes' offset 0,0.5
set ylabel 'all-reduce time, s' offset -1,0
set tics scale 0.6 front
set grid xtics ytics lc rgb '#dddddd' lw 0.5 dt 1
set key top left Left reverse samplen 2 spacing 1.1 width 0
set style line 1 lc rgb '#0072b2' pt 7 ps 0.6
set style line 2 lc rgb '#d55e00' lw 1.2

if (have) {
    plot file using 1:2 with points ls 1 title 'measured (median)', \
         file using 1:3 with lines ls 2 title '$\alpha+\beta n$, fitted'
} else {
    set yrange [1e-6:1e-2]
    set label 1 'not yet measured: no run of \texttt{make bench} is committed' at graph 0.5, 0.5 center
    plot NaN notitle
}
