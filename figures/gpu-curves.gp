# gpu-curves.gp: Figure "gpu-curves" of Chapter 10 (fig:gpu-curves), from
# the data of gpu-curves.c (the CPU's fused step) and, when it exists,
# bench/results/gpu-train.dat (the GPU's run, written by make bench-gpu:
# one line per epoch, epoch, training loss, test loss, test accuracy,
# seconds; '#' comments naming the device and the date). Run from the
# repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/gpu-curves'" figures/gpu-curves.gp
# (-e "gpufile='FILE'" reads the GPU's run from another file). Also
# writes OUTFILE-source.tex, the sentence of the text that says where the
# GPU's curves come from, or that there are none yet.
set terminal cairolatex pdf size 5.2in,2.5in font ',10'
set output outfile.'.tex'
steps = datadir.'/gpu-curves-steps.dat'
epochs = datadir.'/gpu-curves-epochs.dat'
if (!exists('gpufile')) gpufile = 'bench/results/gpu-train.dat'
gpu = system('test -s '.gpufile.' && echo 1 || echo 0') + 0

# The device and the date from the comments of the GPU's file, without
# the characters that TeX would read as commands.
clean = " | tr -d '\\\\_#$%&^~{}' | sed 's/^ *//; s/ *$//'"
comment(key) = system("sed -n 's/^#[ \t]*".key."[a-z]*[ \t]*[:=]*[ \t]*//Ip' ".gpufile." | head -n 1".clean)
device = gpu ? comment('device') : ''
date = gpu ? comment('date') : ''
if (gpu && strlen(device) == 0) device = 'a GPU'
set print outfile.'-source.tex'
if (gpu) {
    print sprintf('The dashed curves are the GPU''s run, read from \texttt{bench/results/gpu-train.dat}: %s%s.', device, strlen(date) > 0 ? ', '.date : '')
} else {
    print 'No GPU run has been recorded yet: the figure has no GPU curves until \texttt{make bench-gpu} writes \texttt{bench/results/gpu-train.dat} on a machine with a GPU.'
}
unset print

set xrange [0:6]
set xtics 1
set tics scale 0.6 front
set xlabel 'epoch' offset 0,0.5
set grid xtics ytics lc rgb '#dddddd' lw 0.5 dt 1
set border back
set key top right Left reverse samplen 2 spacing 1.1 width 0

# Okabe and Ito's colours: training loss blue, test loss and accuracy
# vermilion; the CPU solid, the GPU dashed with open marks. With a GPU
# run, the CPU's epoch means of the training loss are marked too, at the
# epochs' middles, where the GPU's are drawn.
set style line 1 lc rgb '#0072b2' lw 1.2
set style line 2 lc rgb '#d55e00' lw 1.2 pt 7 ps 0.5
set style line 3 lc rgb '#0072b2' lw 1.2 dt 2 pt 6 ps 0.6
set style line 4 lc rgb '#d55e00' lw 1.2 dt 2 pt 6 ps 0.6
set style line 5 lc rgb '#0072b2' pt 7 ps 0.5

set autoscale yfix
set multiplot layout 1,2 margins 0.1,0.98,0.16,0.97 spacing 0.12,0
set yrange [*<0.15:0.75<*]
set ytics 0.1
set format y '$%.1f$'
set ylabel 'loss' offset 0.5,0
if (gpu) {
    plot steps using 1:2 with lines ls 1 title 'training, CPU', \
         epochs every ::1 using ($1-0.5):2 with points ls 5 notitle, \
         epochs every ::1 using 1:3 with linespoints ls 2 title 'test, CPU', \
         gpufile using ($1-0.5):2 with linespoints ls 3 title 'training, GPU', \
         gpufile using 1:3 with linespoints ls 4 title 'test, GPU'
} else {
    plot steps using 1:2 with lines ls 1 title 'training, CPU', \
         epochs every ::1 using 1:3 with linespoints ls 2 title 'test, CPU', \
         NaN with lines lc rgb '#ffffff' title 'GPU: not yet run'
}

set yrange [*<0.84:0.9<*]
set ytics 0.01
set format y '$%.2f$'
set ylabel 'test accuracy' offset 0.5,0
set key bottom right
if (gpu) {
    plot epochs every ::1 using 1:4 with linespoints ls 2 title 'CPU', \
         gpufile using 1:4 with linespoints ls 4 title 'GPU'
} else {
    plot epochs every ::1 using 1:4 with linespoints ls 2 title 'CPU', \
         NaN with lines lc rgb '#ffffff' title 'GPU: not yet run'
}
unset multiplot
