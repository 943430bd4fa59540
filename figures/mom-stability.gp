# mom-stability.gp: Figure "mom-stability" of Chapter 4
# (fig:mom-stability), from the data of mom-stability.c. Run from the
# repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/mom-stability'" figures/mom-stability.gp
set terminal cairolatex pdf size 5.2in,2.9in font ',10'
set output outfile.'.tex'
file = datadir.'/mom-stability.dat'

# The region 0 < eta lambda < 2(1 + beta), 0 <= beta < 1, shaded; its
# two slanted sides solid, the edge beta = 1 (excluded) dashed.
set object 1 polygon from 0,0 to 2,0 to 4,1 to 0,1 to 0,0 \
    fillstyle solid 1.0 noborder fillcolor rgb '#ececec' behind
$sides << EOD
0 1
0 0

2 0
4 1
EOD
$top << EOD
0 1
4 1
EOD

set xrange [-0.3:4.5]
set yrange [-0.04:1.04]
set xtics 1 format '$%g$'
set mxtics 2
set ytics 0.2 format '$%g$'
set mytics 2
set tics scale 0.6 front
set xlabel '$\eta\lambda$' offset 0,0.5
set ylabel '$\beta$' offset 1,0
set key outside top center horizontal Left reverse samplen 2 width 3 spacing 1.3 \
    maxrows 2

set style line 1 lc rgb '#d55e00' pt 5 ps 0.3                # converged
set style line 2 lc rgb '#777777' pt 6 ps 0.35 lw 0.6        # not
set style line 3 lc rgb '#000000' lw 1.2                     # the region
set style line 4 lc rgb '#000000' lw 1.2 dt 2

plot file using 1:($3 == 1 ? $2 : NaN) with points ls 1 \
         title 'converged within $5000$ steps', \
     file using 1:($3 == 0 ? $2 : NaN) with points ls 2 \
         title 'not converged', \
     $sides using 1:2 with lines ls 3 \
         title 'theory: $0<\eta\lambda<2(1+\beta)$', \
     $top using 1:2 with lines ls 4 notitle
