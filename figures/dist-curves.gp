# dist-curves.gp: Figure "dist-curves" of Chapter 11 (fig:dist-curves),
# from the data of dist-curves.c: one file a run, dist-curves-NAME.dat,
# with one line an epoch (epoch, mean training loss, test loss, test
# accuracy; epoch 0 the untrained network). The runs on several ranks
# are there only in a build with MPI; without them the key says so. Run
# from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/dist-curves'" figures/dist-curves.gp
set terminal cairolatex pdf size 5.2in,2.5in font ',10'
set output outfile.'.tex'
f(name) = datadir.'/dist-curves-'.name.'.dat'
mpi = system('test -s '.f('k4-256').' && echo 1 || echo 0') + 0

set xrange [0:12]
set xtics 2
set tics scale 0.6 front
set xlabel 'epoch' offset 0,0.5
set grid xtics ytics lc rgb '#dddddd' lw 0.5 dt 1
set border back
set key top right Left reverse samplen 2 spacing 1.1 width 0 font ',8'

# Okabe and Ito's colours. The large batch on one rank: a thick grey
# line, on which the runs with the same global batch on 2 and 4 ranks
# (marks) should sit; the small batch on one rank blue; 2 ranks of 64
# without scaling the step vermilion; the linear scaling rule green.
set style line 1 lc rgb '#999999' lw 4
set style line 2 lc rgb '#000000' pt 6 ps 0.7
set style line 3 lc rgb '#000000' pt 2 ps 0.7
set style line 4 lc rgb '#0072b2' lw 1.2
set style line 5 lc rgb '#d55e00' lw 1.2 dt 2
set style line 6 lc rgb '#009e73' lw 1.2

set multiplot layout 1,2 margins 0.1,0.98,0.16,0.97 spacing 0.12,0
set ylabel 'training loss' offset 0.5,0
set format y '$%.1f$'
if (mpi) {
    plot f('one-256') every ::1 using 1:2 with lines ls 1 title '1 rank, 256', \
         f('k2-256') every ::1 using 1:2 with points ls 2 title '2 ranks, 256', \
         f('k4-256') every ::1 using 1:2 with points ls 3 title '4 ranks, 256', \
         f('one-64') every ::1 using 1:2 with lines ls 4 title '1 rank, 64', \
         f('k2-128') every ::1 using 1:2 with lines ls 5 title '2 ranks of 64', \
         f('k4-scaled') every ::1 using 1:2 with lines ls 6 title '4 of 64, $4\eta$'
} else {
    plot f('one-256') every ::1 using 1:2 with lines ls 1 title '1 rank, 256', \
         f('one-64') every ::1 using 1:2 with lines ls 4 title '1 rank, 64', \
         NaN with lines lc rgb '#ffffff' title 'several ranks: not drawn in this build'
}
set ylabel 'test accuracy' offset 0.5,0
set format y '$%.2f$'
set key bottom right
if (mpi) {
    plot f('one-256') using 1:4 with lines ls 1 notitle, \
         f('k2-256') using 1:4 with points ls 2 notitle, \
         f('k4-256') using 1:4 with points ls 3 notitle, \
         f('one-64') using 1:4 with lines ls 4 notitle, \
         f('k2-128') using 1:4 with lines ls 5 notitle, \
         f('k4-scaled') using 1:4 with lines ls 6 notitle
} else {
    plot f('one-256') using 1:4 with lines ls 1 notitle, \
         f('one-64') using 1:4 with lines ls 4 notitle
}
unset multiplot
