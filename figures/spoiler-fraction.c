/* spoiler-fraction.c: data for Figure "spoiler-fraction" of Chapter 6
   (fig:spoiler-fraction). The four points of Section "The spoiler" for
   t = 1, 2, 5, ..., 1000: gradient descent on the L2 divergence of a
   logistic neuron (targets 0.95/0.05, fixed step eta = 1, at most 20000
   iterations) from the 100 starts of Claim "spoiler-grows" (uniform in
   [-0.1,0.1]^3, seeds 2000, ..., 2099), counting the runs that end
   without separating the four points, and those that misclassify the
   spoiler. Writes OUTDIR/spoiler-fraction.dat ("t runs unseparated
   misclassified", then the two fractions). */
#include <stdio.h>
#include <stdlib.h>
#include "figure.h"
#include "spoiler.h"

enum { SPOILERS = 10, RUNS = 100 };

int main(int argc, char **argv)
{
    const double spoilers[SPOILERS] = {1, 2, 5, 10, 20, 50, 100, 200, 500,
                                       1000};
    const char *folder = figure_data_folder(argc, argv);

    FILE *out = figure_open(folder, "spoiler-fraction.dat");
    fprintf(out, "# t runs unseparated misclassified-spoiler "
                 "fraction-unseparated fraction-misclassified\n");
    for (int s = 0; s < SPOILERS; s++) {
        spoiler sp;
        spoiler_init(&sp, spoilers[s]);
        int unseparated = 0, misclassified = 0;
        for (unsigned r = 0; r < RUNS; r++) {
            double w[3], y[4];
            spoiler_train(&sp, 2000 + r, 20000, w, y);
            unseparated += !(y[0] > 0.5 && y[1] > 0.5 && y[2] < 0.5 &&
                             y[3] > 0.5);
            misclassified += y[3] < 0.5;
        }
        fprintf(out, "%g %d %d %d %g %g\n", spoilers[s], RUNS, unseparated,
                misclassified, (double)unseparated / RUNS,
                (double)misclassified / RUNS);
        spoiler_free(&sp);
    }
    figure_close(out, "spoiler-fraction.dat");
    return EXIT_SUCCESS;
}
