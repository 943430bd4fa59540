# dist-scaling.gp: Figure "dist-scaling" of Chapter 11 (fig:dist-scaling),
# from the committed results of `make bench` (bench/distributed.c writes
# distributed-scaling.dat: k, and the alpha-beta model's speedup over one
# rank, 256 samples a rank, on 10 Gb/s, on 100 Gb/s and on this
# machine's shared memory as fitted). Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/dist-scaling'" figures/dist-scaling.gp
# (datadir is not used); results='DIR' reads another folder of results.
set terminal cairolatex pdf size 4.6in,2.6in font ',10'
set output outfile.'.tex'
if (!exists('results')) results = 'bench/results'
file = results.'/distributed-scaling.dat'
have = system('test -s '.file.' && echo 1 || echo 0') + 0

set logscale xy 2
set format x '$%g$'
set format y '$%g$'
set xrange [1:64]
set yrange [1:64]
set xlabel 'ranks $k$' offset 0,0.5
set ylabel 'predicted speedup' offset 0,0
set tics scale 0.6 front
set grid xtics ytics lc rgb '#dddddd' lw 0.5 dt 1
set key top left Left reverse samplen 2 spacing 1.1 width 0
set style line 1 lc rgb '#999999' lw 1 dt 2
set style line 2 lc rgb '#0072b2' lw 1.2 pt 7 ps 0.5
set style line 3 lc rgb '#d55e00' lw 1.2 pt 5 ps 0.5
set style line 4 lc rgb '#009e73' lw 1.2 pt 9 ps 0.6

if (have) {
    plot x with lines ls 1 title 'perfect', \
         file using 1:2 with linespoints ls 2 title '10 Gb/s', \
         file using 1:3 with linespoints ls 3 title '100 Gb/s', \
         file using 1:4 with linespoints ls 4 title 'this machine'
} else {
    set label 1 'not yet measured: no run of \texttt{make bench} is committed' at graph 0.5, 0.5 center
    plot x with lines ls 1 title 'perfect'
}
