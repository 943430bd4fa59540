# stoch-samples.gp: Figure "stoch-samples" of Chapter 7
# (fig:stoch-samples), from the data of stoch-samples.c. Run from the
# repository root as
#   gnuplot -e "datadir='DIR'; outfile='build/figures/stoch-samples'" figures/stoch-samples.gp
set terminal cairolatex pdf size 5.0in,2.3in font ',10'
set output outfile.'.tex'
file = datadir.'/stoch-samples.dat'

# Pixels from 0 (white) to 1 (black); no axes, a class name under each
# image, in the order of the labels 0 to 9.
set palette gray negative
unset colorbox
set cbrange [0:1]
unset border
unset tics
unset key
set size ratio -1
set lmargin 0
set rmargin 0
set tmargin 0
set bmargin 0
set xrange [-1:157]
set yrange [-78:1]
names = 'T-shirt/top Trouser Pullover Dress Coat Sandal Shirt Sneaker Bag Ankle~boot'
do for [c = 0:9] {
    set label c + 1 '\footnotesize '.word(names, c + 1) \
        at (c % 5) * 32 + 13.5, -(c / 5) * 42 - 32 center front
}
plot file using 1:2:3 with image
