# bn-norms.gp: Figure "bn-norms" of Chapter 9 (fig:bn-norms), from the data
# of bn-norms.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/bn-norms'" figures/bn-norms.gp
set terminal cairolatex pdf size 5.2in,2.5in font ',10'
set output outfile.'.tex'
data = datadir.'/bn-norms.dat'

set xrange [0:1920]
set xtics 640
set mxtics 2
set tics scale 0.6 front
set xlabel 'step $k$' offset 0,0.5
set grid xtics ytics lc rgb '#dddddd' lw 0.5 dt 1
set border back

# Okabe and Ito's colours, one per step size; the prediction dashed. The
# gradient's norm is drawn as its mean over an epoch (column 5): step by
# step (column 4) it is too noisy to read.
set style line 1 lc rgb '#009e73' lw 1.4
set style line 2 lc rgb '#0072b2' lw 1.4
set style line 3 lc rgb '#d55e00' lw 1.4
set style line 9 lc rgb '#000000' lw 1 dt 2

set multiplot layout 1,2 margins 0.08,0.98,0.15,0.97 spacing 0.09,0
set key top left Left reverse samplen 2 spacing 1.1
set yrange [5:10]
set ylabel '$\|W_k\|$' offset 1,0
plot data index 0 using 1:2 with lines ls 1 title '$\eta=0.01$', \
     data index 1 using 1:2 with lines ls 2 title '$\eta=0.1$', \
     data index 2 using 1:2 with lines ls 3 title '$\eta=1$', \
     for [i = 0:2] data index i using 1:3 every 64 with lines ls 9 \
         title (i == 0 ? 'predicted' : '')
unset key
set logscale y
set yrange [0.05:3]
set ytics ('$0.1$' 0.1, '$0.3$' 0.3, '$1$' 1, '$3$' 3)
set ylabel '$\|\partial E/\partial W\|$' offset 2.5,0
plot for [i = 0:2] data index i using 1:5 with lines ls (1 + i)
unset multiplot
