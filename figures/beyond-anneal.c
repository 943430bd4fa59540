/* beyond-anneal.c: data for Figure "beyond-anneal" of Chapter 12
   (fig:beyond-anneal). Simulated annealing on Rastrigin's function in
   two variables, E = 2A + sum_i (theta_i^2 - A cos(2 pi theta_i)) with
   A = 10: a bowl covered with local minima near the integer points, the
   global one E* = 0 at the origin, the next ones, at the four nearest
   integer points, about 1 above it. Every run starts at (4, 4), a local
   minimum with E = 32, with the library's default annealing parameters
   (final temperature, proposal step) except three: a hot start,
   T_0 = 10, about half the height of the ridges between neighbouring
   minima (2A = 20), so that the first temperatures roam; ten proposals
   per temperature, few enough that the cooling rate decides the run; and
   the cooling factor, which takes two values, each with SEEDS seeds. Writes OUTDIR/beyond-anneal.dat (one
   block per run, cooling by cooling and seed by seed, after a '#' line
   naming them; columns: evaluations so far, temperature, best E so far,
   from the trace: one entry per temperature) and
   OUTDIR/beyond-anneal-final.dat (one line per run: cooling index
   (0, 1), the cooling factor, the seed, the best E found, the run's
   evaluations, and 1 if the best E is below 1/2, i.e. the run found
   the global minimum's basin, else 0) and OUTDIR/beyond-anneal-median.dat
   (one block per cooling: evaluations, temperature and the median over
   the seeds of the best E so far, at each temperature that every run
   of that cooling reached). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include "descent.h"
#include "figure.h"

#define RASTRIGIN_A 10.0
#define BASIN 0.5          /* below this, the global minimum's basin */
#define INITIAL_TEMPERATURE 10.0
#define STEPS 10           /* proposals per temperature */

enum { COOLINGS = 2, SEEDS = 16, MAX_TEMPERATURES = 4096 };

static const double coolings[COOLINGS] = {0.8, 0.98};

/* Rastrigin's function and its gradient (which annealing never asks
   for, but an objective should not leave g unset). */
static double rastrigin(const double *theta, double *g, void *context)
{
    (void)context;
    const double two_pi = 2 * acos(-1.0);
    double e = 2 * RASTRIGIN_A;
    for (int i = 0; i < 2; i++) {
        e += theta[i] * theta[i] - RASTRIGIN_A * cos(two_pi * theta[i]);
        if (g != NULL)
            g[i] = 2 * theta[i] +
                   RASTRIGIN_A * two_pi * sin(two_pi * theta[i]);
    }
    return e;
}

static int compare(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The best values of one cooling's runs, seed by seed, temperature by
   temperature, and how many temperatures every run reached. */
static double best[SEEDS][MAX_TEMPERATURES];
static double evaluations[MAX_TEMPERATURES], temperature[MAX_TEMPERATURES];

int main(int argc, char **argv)
{
    descent_error err;
    const char *folder = figure_data_folder(argc, argv);
    descent_objective f = {.n = 2, .evaluate = rastrigin,
                           .name = "Rastrigin"};
    descent_trace trace;
    figure_check(descent_trace_init(&trace, 2, false, &err), "trace",
                 err.message);
    FILE *out = figure_open(folder, "beyond-anneal.dat");
    FILE *final = figure_open(folder, "beyond-anneal-final.dat");
    FILE *middle = figure_open(folder, "beyond-anneal-median.dat");
    fprintf(final, "# cooling-index cooling seed best-E evaluations "
                   "in-basin (best E < %g)\n", BASIN);
    for (int c = 0; c < COOLINGS; c++) {
        size_t reached = MAX_TEMPERATURES;
        for (int s = 0; s < SEEDS; s++) {
            descent_anneal anneal = descent_anneal_defaults();
            anneal.cooling = coolings[c];
            anneal.initial_temperature = INITIAL_TEMPERATURE;
            anneal.steps = STEPS;
            anneal.seed = (uint64_t)(s + 1);
            descent_direct_options options = descent_direct_default_options();
            options.trace = &trace;
            descent_result result;
            double theta[2] = {4, 4};
            descent_status status =
                descent_anneal_minimize(&f, &anneal, &options, theta,
                                        &result);
            if (status != DESCENT_OK)
                figure_check(status, "annealing", result.message);
            fprintf(out, "%s# cooling %g, seed %d: %s; best E = %.6g after "
                         "%lu evaluations, %zu temperatures\n"
                         "# evaluations T best-E\n",
                    c + s > 0 ? "\n\n" : "", coolings[c], s + 1,
                    result.message, result.value, result.counts.values,
                    anneal.temperatures);
            for (size_t k = 0; k < trace.length; k++) {
                fprintf(out, "%.0f %.6g %.6g\n", trace.evaluations[k],
                        trace.eta[k], trace.value[k]);
                if (k < MAX_TEMPERATURES) {
                    best[s][k] = trace.value[k];
                    evaluations[k] = trace.evaluations[k];
                    temperature[k] = trace.eta[k];
                }
            }
            if (trace.length < reached)
                reached = trace.length;
            fprintf(final, "%d %g %d %.6g %lu %d\n", c, coolings[c], s + 1,
                    result.value, result.counts.values,
                    result.value < BASIN);
        }
        fprintf(middle, "%s# cooling %g: the median of %d runs\n"
                        "# evaluations T median-best-E\n",
                c > 0 ? "\n\n" : "", coolings[c], SEEDS);
        for (size_t k = 0; k < reached; k++) {
            double column[SEEDS];
            for (int s = 0; s < SEEDS; s++)
                column[s] = best[s][k];
            qsort(column, SEEDS, sizeof *column, compare);
            fprintf(middle, "%.0f %.6g %.6g\n", evaluations[k],
                    temperature[k],
                    0.5 * (column[(SEEDS - 1) / 2] + column[SEEDS / 2]));
        }
    }
    figure_close(middle, "beyond-anneal-median.dat");
    figure_close(final, "beyond-anneal-final.dat");
    figure_close(out, "beyond-anneal.dat");
    descent_trace_free(&trace);
    return EXIT_SUCCESS;
}
