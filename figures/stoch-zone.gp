# stoch-zone.gp: Figure "stoch-zone" of Chapter 7 (fig:stoch-zone), from
# the data of stoch-zone.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/stoch-zone'" figures/stoch-zone.gp
set terminal cairolatex pdf size 5.2in,2.5in font ',10'
set output outfile.'.tex'
byeta = datadir.'/stoch-zone-eta.dat'
bym = datadir.'/stoch-zone-m.dat'
load datadir.'/stoch-zone-slopes.gp'

set style line 1 lc rgb '#0072b2' pt 7 ps 0.6
set style line 2 lc rgb '#000000' lw 1
set style line 3 lc rgb '#999999' lw 1 dt 2
set logscale xy
set format y '$10^{%T}$'
set grid xtics ytics lc rgb '#dddddd' lw 0.5
set key top left Left reverse samplen 1.5 spacing 1.2 font ',8'
set ylabel '$E\|\theta-\theta^*\|^2$'
set multiplot layout 1,2
set xlabel '$\eta$ ($m=1$)' offset 0,0.5
set format x '%g'
plot byeta using 1:4 with lines ls 2 title 'exact', \
     byeta using 1:5 with lines ls 3 title 'first order', \
     byeta using 1:3 with points ls 1 title sprintf('measured, slope %.2f', slope_eta)
set xlabel '$m$ ($\eta=0.02$)' offset 0,0.5
set key top right Right noreverse
plot bym using 2:4 with lines ls 2 title 'exact', \
     bym using 2:5 with lines ls 3 title 'first order', \
     bym using 2:3 with points ls 1 title sprintf('measured, slope %.2f', slope_m)
unset multiplot
