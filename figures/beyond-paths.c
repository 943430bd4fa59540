/* beyond-paths.c: data for Figure "beyond-paths" of Chapter 12
   (fig:beyond-paths). Rosenbrock's function (a = 1, b = 100) from
   (-1.2, 1) with four derivative-free methods at their defaults: cyclic
   coordinate search without and with the acceleration step, Powell's
   method and Nelder-Mead, each until E <= 1e-8 (E* = 0), its own
   convergence test or 100000 evaluations. Writes
   OUTDIR/beyond-paths-grid.dat (E on a grid over [-1.5,1.5] x
   [-0.5,1.5], for the contours), OUTDIR/beyond-paths.dat (the four
   paths from the traces, one block each, after '#' lines naming the
   method; columns k, theta_1, theta_2, E, evaluations so far: the point
   where each cycle of a line-search method began, or each iteration of
   Nelder-Mead's best vertex, then the best point the run returned) and OUTDIR/beyond-paths-counts.dat
   (one line per method: its index, the evaluations when E <= 1e-8 first
   held, 0 if it never did, all the run's evaluations, its final E and
   its trace's length). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"

#define TARGET 1e-8

enum { METHODS = 4 };

static const char *const names[METHODS] = {
    "coordinate search", "coordinate search, accelerated", "Powell",
    "Nelder-Mead"};

/* Run method m from the standard start into the trace; theta: the
   best point found. */
static descent_status run(int m, descent_objective *f,
                          descent_direct_options *options, double *theta,
                          descent_result *result)
{
    theta[0] = -1.2;
    theta[1] = 1;
    if (m <= 1) {
        descent_coordinate_search cs = descent_coordinate_search_defaults();
        cs.accelerate = m == 1;
        return descent_coordinate_minimize(f, &cs, options, theta, result);
    }
    if (m == 2) {
        descent_powell powell = descent_powell_defaults();
        return descent_powell_minimize(f, &powell, options, theta, result);
    }
    descent_nelder_mead nm = descent_nelder_mead_defaults();
    return descent_nelder_mead_minimize(f, &nm, options, theta, result);
}

int main(int argc, char **argv)
{
    const double low[2] = {-1.5, -0.5}, high[2] = {1.5, 1.5};
    const int count[2] = {151, 101};          /* grid points per axis */
    descent_error err;
    const char *folder = figure_data_folder(argc, argv);

    descent_rosenbrock r;
    figure_check(descent_rosenbrock_init(&r, 2, 1, 100, &err), "rosenbrock",
                 err.message);
    descent_objective f = descent_rosenbrock_objective(&r);

    figure_write_box_grid(folder, "beyond-paths-grid.dat", &f, low, high, count);

    descent_trace trace;
    figure_check(descent_trace_init(&trace, 2, true, &err), "trace",
                 err.message);
    FILE *out = figure_open(folder, "beyond-paths.dat");
    FILE *counts = figure_open(folder, "beyond-paths-counts.dat");
    fprintf(counts, "# method to-target evaluations final-E trace-length"
                    " (target E <= %g)\n", TARGET);
    for (int m = 0; m < METHODS; m++) {
        descent_direct_options options = descent_direct_default_options();
        options.target = TARGET;
        options.trace = &trace;
        descent_result result;
        double theta[2];
        descent_status status = run(m, &f, &options, theta, &result);
        if (status != DESCENT_OK && status != DESCENT_MAX_ITERATIONS)
            figure_check(status, names[m], result.message);
        fprintf(out, "%s# %s: %s; %zu evaluations to E <= %g, %lu in all, "
                     "final E = %.3g\n# k x y E evaluations\n",
                m > 0 ? "\n\n" : "", names[m], result.message,
                options.target_evaluations, TARGET, result.counts.values,
                result.value);
        for (size_t k = 0; k < trace.length; k++) {
            const double *t = descent_trace_iterate(&trace, k);
            fprintf(out, "%zu %.10g %.10g %.10g %.0f\n", k, t[0], t[1],
                    trace.value[k], trace.evaluations[k]);
        }
        fprintf(out, "%zu %.10g %.10g %.10g %lu\n", trace.length, theta[0],
                theta[1], result.value, result.counts.values);
        fprintf(counts, "%d %zu %lu %.6g %zu\n", m,
                options.target_evaluations, result.counts.values,
                result.value, trace.length);
    }
    figure_close(counts, "beyond-paths-counts.dat");
    figure_close(out, "beyond-paths.dat");
    descent_trace_free(&trace);
    return EXIT_SUCCESS;
}
