/* brent-golden.c: data for Figure "brent-golden" of Chapter 2
   (fig:brent-golden). Golden-section search and Brent's method minimize
   f(x) = e^x - 5x on [0, 3] (minimizer ln 5) with the default options,
   recording the bracket width after each evaluation. Writes
   OUTDIR/brent-golden.dat: columns k, width; one block per method, each
   after a '#' line naming it, blocks separated by two blank lines. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"
#include "linesearch.h"

static double f(double x, void *context)
{
    (void)context;
    return exp(x) - 5 * x;
}

int main(int argc, char **argv)
{
    const double a = 0, b = 3;
    const char *names[] = {"golden section", "Brent"};
    descent_status (*methods[])(descent_scalar_fn *, void *, double, double,
                                const descent_scalar_options *,
                                descent_scalar_minimum *, descent_error *) =
        {descent_golden_section, descent_brent};
    const char *folder = figure_data_folder(argc, argv);

    FILE *out = figure_open(folder, "brent-golden.dat");
    descent_scalar_options options = descent_scalar_default_options();
    double *widths = malloc(options.max_evaluations * sizeof *widths);
    if (widths == NULL) {
        fprintf(stderr, "%s: out of memory\n", figure_name);
        return EXIT_FAILURE;
    }
    options.widths = widths;
    for (size_t j = 0; j < sizeof names / sizeof names[0]; j++) {
        descent_scalar_minimum minimum;
        descent_error err;
        figure_check(methods[j](f, NULL, a, b, &options, &minimum, &err),
                     names[j], err.message);
        if (j > 0)
            fprintf(out, "\n\n");
        fprintf(out, "# %s: x = %.17g (ln 5 = %.17g), %zu evaluations\n",
                names[j], minimum.x, log(5.0), minimum.evaluations);
        for (size_t k = 1; k <= minimum.evaluations; k++)
            fprintf(out, "%zu %.17g\n", k, widths[k - 1]);
    }
    free(widths);
    figure_close(out, "brent-golden.dat");
    return EXIT_SUCCESS;
}
