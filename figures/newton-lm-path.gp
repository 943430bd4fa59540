# newton-lm-path.gp: Figure "newton-lm-path" of Chapter 5 (fig:newton-lm-path),
# from the data of newton-lm-path.c. Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/newton-lm-path'" figures/newton-lm-path.gp
set terminal cairolatex pdf size 5.2in,2.9in font ',10'
set output outfile.'.tex'
grid = datadir.'/newton-lm-path-grid.dat'
path = datadir.'/newton-lm-path.dat'

# Contours of E at levels spaced by factors of about 3.
set contour base
unset surface
set view map
set cntrparam linear levels discrete 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3
set table $contours
splot grid using 1:2:3 with lines
unset table
unset contour

set xrange [0.6:3]
set yrange [-1.2:0.2]
set format x '$%g$'
set format y '$%g$'
set tics scale 0.6 front
set xlabel '$a$' offset 0,0.5
set ylabel '$b$' offset 0.5,0
set key bottom right Left reverse samplen 2.5 spacing 1.2 opaque width 1
set border back

set style line 1 lc rgb '#bbbbbb' lw 0.6
set style line 2 lc rgb '#0072b2' lw 1.8                # the path
set style line 3 lc rgb '#d55e00' pt 7 ps 0.9           # Gauss-Newton
set style line 4 lc rgb '#000000' pt 6 ps 1.0           # the start
set style line 5 lc rgb '#009e73' lw 1.2 dt 2           # -g
set style line 6 lc rgb '#0072b2' pt 5 ps 0.45          # mu = 10^k

plot $contours using 1:2 with lines ls 1 notitle, \
     path index 0 using 2:3 with lines ls 2 \
         title 'steps $p(\mu)$, $10^{-3}\le\mu\le10^3$', \
     path index 0 every 20 using 2:3 with points ls 6 \
         title '$\mu=10^{-3},10^{-2},\dots,10^{3}$', \
     path index 1 every ::0::0 using 2:3 with points ls 3 \
         title 'Gauss--Newton step ($\mu=0$)', \
     path index 2 using 2:3 with lines ls 5 title 'direction $-g$', \
     path index 1 every ::1::1 using 2:3 with points ls 4 title 'start'
