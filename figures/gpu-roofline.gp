# gpu-roofline.gp: Figure "gpu-roofline" of Chapter 10 (fig:gpu-roofline),
# from the committed results of `make bench` (bench/fused.c writes
# fused-roofline.dat) and, where it exists, of `make bench-gpu`
# (gpu-kernels.dat). Both files hold one line a kernel, "name flops bytes
# seconds", and the roofs in the comments "# peak_gflops X" and
# "# peak_gbs Y". Run from the repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/gpu-roofline'" figures/gpu-roofline.gp
# (datadir is not used: the data are the benchmarks'); results='DIR'
# reads another folder of results.
set terminal cairolatex pdf size 5.2in,3.0in font ',10'
set output outfile.'.tex'
if (!exists('results')) results = 'bench/results'
cpu = results.'/fused-roofline.dat'
gpu = results.'/gpu-kernels.dat'
has_gpu = system('test -r '.gpu.' && echo 1 || echo 0') + 0
peak(file, key) = real(system("awk '$1 == \"#\" && $2 == \"".key."\" {print $3}' ".file))
cpu_flops = peak(cpu, 'peak_gflops')
cpu_bytes = peak(cpu, 'peak_gbs')
if (has_gpu) {
    gpu_flops = peak(gpu, 'peak_gflops')
    gpu_bytes = peak(gpu, 'peak_gbs')
}

set logscale xy
set format x '$10^{%T}$'
set format y '$10^{%T}$'
set xrange [0.1:1000]
set xlabel 'arithmetic intensity, FLOP/byte' offset 0,0.5
set ylabel 'GFLOP/s' offset 1.5,0
set tics scale 0.6 front
set grid xtics ytics lc rgb '#dddddd' lw 0.5 dt 1
set border back
set key outside right center Left reverse samplen 2 spacing 1.1

# The roofs: min(P, B I); the kernels by family, Okabe and Ito's colours.
roof(x, p, b) = (b * x < p ? b * x : p)
family(name, part) = (strstrt(name, part) > 0)
rate(f, s) = f / s * 1e-9
set style line 1 lc rgb '#000000' lw 1.2
set style line 2 lc rgb '#000000' lw 1.2 dt 2
set style line 3 lc rgb '#0072b2' pt 7 ps 0.7
set style line 4 lc rgb '#009e73' pt 5 ps 0.7
set style line 5 lc rgb '#d55e00' pt 9 ps 0.8
set style line 6 lc rgb '#cc79a7' pt 13 ps 0.8
set style line 7 lc rgb '#e69f00' pt 6 ps 0.8
set samples 400
plot roof(x, cpu_flops, cpu_bytes) with lines ls 1 title 'CPU roofs', \
     (has_gpu ? roof(x, gpu_flops, gpu_bytes) : NaN) with lines ls 2 \
         title (has_gpu ? 'GPU roofs' : ''), \
     cpu using ($2/$3):(family(strcol(1), 'dense') ? rate($2, $4) : NaN) \
         with points ls 3 title 'dense layers', \
     cpu using ($2/$3):(family(strcol(1), 'bn-relu') ? rate($2, $4) : NaN) \
         with points ls 4 title 'batch norm and ReLU', \
     cpu using ($2/$3):(family(strcol(1), 'softmax') ? rate($2, $4) : NaN) \
         with points ls 5 title 'softmax cross-entropy', \
     cpu using ($2/$3):(family(strcol(1), 'adam') ? rate($2, $4) : NaN) \
         with points ls 6 title 'Adam', \
     (has_gpu ? gpu : cpu) using ($2/$3):(has_gpu ? rate($2, $4) : NaN) \
         with points ls 7 title (has_gpu ? 'GPU kernels' : '')
