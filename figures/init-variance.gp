# init-variance.gp: Figure "init-variance" of Chapter 9 (fig:init-variance),
# from the data of init-variance.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/init-variance'" figures/init-variance.gp
set terminal cairolatex pdf size 5.2in,4.8in font ',10'
set output outfile.'.tex'
data = datadir.'/init-variance.dat'
load datadir.'/init-variance.vars'

set xrange [1:32]
set xtics (1, 8, 16, 24, 32)
set mxtics 8
set logscale y
set format y '$10^{%L}$'
set tics scale 0.6 front
set grid xtics ytics lc rgb '#dddddd' lw 0.5 dt 1
set border back

# Okabe and Ito's colours: black the scheme made for the activation, blue
# a gain too small, vermilion one too large; measured solid, the
# mean-field prediction thin and dashed in the same colour.
set style line 1 lc rgb '#000000' lw 1.3
set style line 2 lc rgb '#0072b2' lw 1.3
set style line 3 lc rgb '#d55e00' lw 1.3
set style line 4 lc rgb '#009e73' lw 1.3
set style line 5 lc rgb '#000000' lw 1.3
set style line 6 lc rgb '#d55e00' lw 1.3
set style line 7 lc rgb '#0072b2' lw 1.3
set style line 8 lc rgb '#cc79a7' lw 1.3
do for [i = 1:8] {
    set style line (10 + i) lc rgb word('#000000 #0072b2 #d55e00 #009e73 '.\
        '#000000 #d55e00 #0072b2 #cc79a7', i) lw 0.8 dt 2
}

# Columns: ReLU (blocks 0-3), tanh and logistic (blocks 4-7); rows: the
# forward second moment, then the backward one. Each column's key in its
# lower panel, in room made below the curves that rise to the last layer.
unset key
set multiplot layout 2,2 margins 0.12,0.98,0.08,0.95 spacing 0.10,0.06
set title 'ReLU' offset 0,-0.6
set ylabel 'mean $z_l^2$' offset -0.5,0
set format x ''
plot for [i = 0:3] data index i using 1:2 with lines ls (i + 1), \
     for [i = 0:3] data index i using 1:4 with lines ls (i + 11)
set title 'tanh and logistic, Glorot normal'
set ylabel ''
plot for [i = 4:7] data index i using 1:2 with lines ls (i + 1), \
     for [i = 4:7] data index i using 1:4 with lines ls (i + 11)
unset title
set key bottom right Left reverse samplen 2 spacing 1.05 width -1
set offsets 0, 0, 0, graph 0.45
set format x '$%g$'
set xlabel 'layer $l$' offset 0,0.5
set ylabel 'mean $\delta_l^2$' offset -0.5,0
plot for [i = 0:3] data index i using 1:3 with lines ls (i + 1) \
         title value(sprintf('title%d', i)), \
     for [i = 0:3] data index i using 1:5 with lines ls (i + 11) \
         title (i == 0 ? 'predicted' : '')
set ytics (1e-40, 1e-30, 1e-20, 1e-10, 1, 1e10, 1e20)
set ylabel ''
plot for [i = 4:7] data index i using 1:3 with lines ls (i + 1) \
         title value(sprintf('title%d', i)), \
     for [i = 4:7] data index i using 1:5 with lines ls (i + 11) notitle
unset multiplot
