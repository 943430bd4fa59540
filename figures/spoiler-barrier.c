/* spoiler-barrier.c: data for Figure "spoiler-barrier" of Chapter 6
   (fig:spoiler-barrier). The four points of Section "The spoiler" with
   t = 1000 and the L2 divergence of a logistic neuron (targets
   0.95/0.05). Finds backpropagation's minimum w_bp as spoiler-lines.c
   does (fixed step eta = 1, at most 200000 iterations, from the starts
   of Claim "spoiler-minimum", seeds 1000, 1001, ..., until a run ends
   misclassifying the spoiler), and evaluates E along the straight line
   w(s) = (1-s) w_bp + s w_sep to the separating weights
   w_sep = (2 l, 0, l), l = log(0.95/0.05), for s in [-0.1, 1.1].
   Writes OUTDIR/spoiler-barrier.dat ("s E", 241 points), then a block
   with s, E at w_bp and at w_sep. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "figure.h"
#include "spoiler.h"

enum { POINTS = 241 };

int main(int argc, char **argv)
{
    const double t = 1000, ell = log(0.95 / 0.05);
    const double separating[3] = {2 * ell, 0, ell};
    const double first = -0.1, last = 1.1;
    double w[3];
    const char *folder = figure_data_folder(argc, argv);
    spoiler sp;
    spoiler_init(&sp, t);
    spoiler_first_misclassifying(&sp, 200000, w);

    FILE *out = figure_open(folder, "spoiler-barrier.dat");
    fprintf(out, "# t = %g; w_bp = (%.10g, %.10g, %.10g), "
                 "w_sep = (%.10g, %.10g, %.10g)\n# s E(w(s))\n",
            t, w[0], w[1], w[2], separating[0], separating[1],
            separating[2]);
    for (int k = 0; k < POINTS; k++) {
        double s = first + (last - first) * k / (POINTS - 1), theta[3];
        for (int i = 0; i < 3; i++)
            theta[i] = (1 - s) * w[i] + s * separating[i];
        fprintf(out, "%.6g %.10g\n", s, descent_value(&sp.f, theta));
    }
    fprintf(out, "\n\n# s E: backpropagation's minimum, the separating "
                 "weights\n0 %.10g\n1 %.10g\n",
            descent_value(&sp.f, w), descent_value(&sp.f, separating));
    figure_close(out, "spoiler-barrier.dat");
    spoiler_free(&sp);
    return EXIT_SUCCESS;
}
