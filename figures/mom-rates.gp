# mom-rates.gp: Figure "mom-rates" of Chapter 4 (fig:mom-rates), from the
# data of mom-rates.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/mom-rates'" figures/mom-rates.gp
set terminal cairolatex pdf size 5.2in,2.8in font ',10'
set output outfile.'.tex'
file = datadir.'/mom-rates.dat'

# The gap 1 - rho on a log scale: it is what sets the steps per digit,
# about ln(10)/(1 - rho), and it separates slopes -1 and -1/2.
set logscale x
set logscale y
set xrange [1.5:1.5e4]
set yrange [1e-4:2]
set format x '$10^{%T}$'
set xtics add ('$2$' 2)
set mxtics 10
set format y '$10^{%T}$'
set mytics 10
set tics scale 0.6 front
set xlabel '$\kappa$' offset 0,0.5
set ylabel 'gap $1-\rho$ of the rate $\rho$' offset -0.5,0
set grid xtics ytics lc rgb '#dddddd' lw 0.5 dt 1
set key bottom left Left reverse samplen 2.5 spacing 1.4 opaque \
    width 1
set border back
set label 1 '\footnotesize lines: predicted; points: measured' \
    at graph 0.97, graph 0.92 right front

set style line 1 lc rgb '#0072b2' lw 1 pt 7 ps 0.5     # gradient descent
set style line 2 lc rgb '#d55e00' lw 1 pt 5 ps 0.45    # heavy ball
set style line 3 lc rgb '#009e73' lw 1 pt 9 ps 0.6     # Nesterov

# Lines: the predicted rates; points: the measured ones. The key's
# entries come from empty plots that draw both.
set samples 400
plot 1 - (x - 1) / (x + 1) with lines ls 1 notitle, \
     1 - (sqrt(x) - 1) / (sqrt(x) + 1) with lines ls 2 notitle, \
     1 / sqrt(x) with lines ls 3 notitle, \
     file using 1:(1 - $2) with points ls 1 notitle, \
     file using 1:(1 - $5) with points ls 2 notitle, \
     file using 1:(1 - $8) with points ls 3 notitle, \
     NaN with linespoints ls 1 \
         title 'gradient descent, $\rho=(\kappa-1)/(\kappa+1)$', \
     NaN with linespoints ls 2 \
         title 'heavy ball, $\rho=(\sqrt\kappa-1)/(\sqrt\kappa+1)$', \
     NaN with linespoints ls 3 \
         title 'Nesterov, $\rho\approx1-1/\sqrt\kappa$'
