# newton-digits.gp: Figure "newton-digits" of Chapter 5 (fig:newton-digits),
# from the data of newton-digits.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/newton-digits'" figures/newton-digits.gp
set terminal cairolatex pdf size 5.2in,2.8in font ',10'
set output outfile.'.tex'
file = datadir.'/newton-digits.dat'

set xrange [0:*]
set yrange [-1:17]
set ytics 0,4,16
set format x '$%g$'
set format y '$%g$'
set tics scale 0.6 front
set xlabel 'iteration $k$' offset 0,0.5
set ylabel 'correct digits, $-\log_{10}\|\theta_k-\theta^*\|$' offset -0.5,0
set grid xtics ytics lc rgb '#dddddd' lw 0.5 dt 1
set key top left Left reverse samplen 2.5 spacing 1.2 opaque width 1
set border back

set style line 1 lc rgb '#000000' lw 1.5 pt 7 ps 0.45   # damped Newton
set style line 2 lc rgb '#0072b2' lw 1.2 pt 5 ps 0.4    # BFGS
set style line 3 lc rgb '#56b4e9' lw 1 pt 4 ps 0.4      # L-BFGS m = 3
set style line 4 lc rgb '#009e73' lw 1 pt 6 ps 0.4      # L-BFGS m = 6
set style line 5 lc rgb '#cc79a7' lw 1 pt 8 ps 0.4      # L-BFGS m = 20
set style line 6 lc rgb '#d55e00' lw 1 pt 3 ps 0.45     # Newton-CG
set style line 7 lc rgb '#e69f00' lw 1 pt 9 ps 0.45     # Polak-Ribiere+

array name[7] = ['damped Newton', 'BFGS', 'L-BFGS, $m=3$', \
                 'L-BFGS, $m=6$', 'L-BFGS, $m=20$', 'Newton--CG', \
                 'Polak--Ribi\`ere+']
plot for [i = 1:7] file index (i-1) using 1:2 with linespoints ls i \
     title name[i]
