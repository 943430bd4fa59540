# gd-rates.gp: Figure "gd-rates" of Chapter 1 (fig:rates), from the data
# of gd-rates.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/gd-rates'" figures/gd-rates.gp
set terminal cairolatex pdf size 5.2in,2.6in font ',10'
set output outfile.'.tex'
file = datadir.'/gd-rates.dat'

# The points are placed by the steps per decimal digit of accuracy,
# s = -1/log10(rho), on a log scale. The right axis reads s; the left
# axis reads the rate rho itself, its ticks placed where s(rho) falls.
steps(rho) = -1 / log10(rho)
set logscale x
set logscale y
set logscale y2
set xrange [1.5:1.5e4]
set yrange [1:3e4]
set y2range [1:3e4]
set format x '$10^{%T}$'
set xtics add ('$2$' 2)
set mxtics 10
set ytics nomirror ('$0.5$' steps(0.5), '$0.9$' steps(0.9), \
           '$0.99$' steps(0.99), '$0.999$' steps(0.999), \
           '$0.9999$' steps(0.9999))
set y2tics nomirror ('$1$' 1, '$10$' 10, '$10^2$' 100, '$10^3$' 1000, '$10^4$' 1e4)
set xlabel '$\kappa$'
set ylabel 'rate $\rho$'
set y2label 'steps per digit, $-1/\log_{10}\rho$'
set grid xtics ytics lc rgb '#cccccc' lw 0.5 dt 1
set key top left Left reverse samplen 2 spacing 1.3

set samples 400
plot steps((x - 1) / (x + 1)) with lines lc rgb '#0072b2' lw 1.5 \
         title 'predicted, $(\kappa-1)/(\kappa+1)$', \
     file using 1:(steps($2)) with points lc rgb '#d55e00' pt 7 ps 0.6 \
         title 'measured'
