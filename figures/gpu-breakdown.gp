# gpu-breakdown.gp: Figure "gpu-breakdown" of Chapter 10
# (fig:gpu-breakdown), from the committed results of `make bench`
# (bench/fused.c writes fused-breakdown.dat: the milliseconds of one
# large step by part, the fused step and Chapter 7's generic one, and in
# its comments the products alone and PyTorch's whole step, drawn as one
# bar: its parts are not measured). Run from the
# repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/gpu-breakdown'" figures/gpu-breakdown.gp
# (datadir is not used); results='DIR' reads another folder of results.
set terminal cairolatex pdf size 5.2in,2.2in font ',10'
set output outfile.'.tex'
if (!exists('results')) results = 'bench/results'
data = results.'/fused-breakdown.dat'
comment(key) = real(system("awk '$1 == \"#\" && $2 == \"".key."\" {print $3}' ".data))
products = comment('products_alone_ms')
torch = comment('torch_ms')

# Bars from 0 up, part after part; a part measured below zero (the rest,
# when the kernels alone took longer than in the step) is drawn as 0.
pos(x) = (x > 0 ? x : 0)
set yrange [-1.6:1.6]
set ytics ('descent, fused' 1, 'descent, generic' 0, 'PyTorch' -1) scale 0
total = real(system("awk '$1 == \"generic\" || $1 == \"fused\" {t = 0; for (i = 2; i <= NF; i++) if ($i > 0) t += $i; if (t > m) m = t} END {print m}' ".data))
set xrange [0:1.05 * (torch > total ? torch : total)]
set xlabel 'milliseconds a step' offset 0,0.5
set tics front
set grid xtics lc rgb '#dddddd' lw 0.5 dt 1
set border 1 back
set key outside top center horizontal Left reverse samplen 1.5 width 1 maxrows 2
set style fill solid 0.85 border lc rgb '#ffffff'
set style line 1 lc rgb '#0072b2'
set style line 2 lc rgb '#009e73'
set style line 3 lc rgb '#cc79a7'
set style line 4 lc rgb '#999999'
set style line 9 lc rgb '#000000' lw 1.2 dt 2
row(name) = (strcol(1) eq 'fused' ? 1 : 0)
h = 0.3
set arrow 1 from products, graph 0 to products, graph 1 nohead ls 9 front
set object 1 rect from 0, -1 - h to torch, -1 + h fc rgb '#e69f00' \
    fs solid 0.85 noborder
plot data using (pos($2)/2):(row(0)):(0):(pos($2)):(row(0)-h):(row(0)+h) \
         with boxxyerror ls 1 title 'matrix products', \
     data using (0):(row(0)):(pos($2)):(pos($2)+pos($3)):(row(0)-h):(row(0)+h) \
         with boxxyerror ls 2 title 'batch norm, ReLU, loss', \
     data using (0):(row(0)):(pos($2)+pos($3)):(pos($2)+pos($3)+pos($4)):(row(0)-h):(row(0)+h) \
         with boxxyerror ls 3 title 'Adam', \
     data using (0):(row(0)):(pos($2)+pos($3)+pos($4)):(pos($2)+pos($3)+pos($4)+pos($5)):(row(0)-h):(row(0)+h) \
         with boxxyerror ls 4 title 'the rest', \
     NaN with lines ls 9 title 'products alone'
