/* spoiler-mlp.c: data for Figure "spoiler-mlp" of Chapter 6
   (fig:spoiler-mlp). The experiment of Claim "spoiler-mlp": a network
   2-4-1 with logistic units, L2 divergence, targets 0.95/0.05, trained by
   gradient descent (fixed step eta = 1, 20000 iterations) on the 25 points
   of the grid {-1,-1/2,0,1/2,1}^2, positive inside the disc
   x1^2 + x2^2 < 1/2, once alone and once with a positive spoiler at
   (0,-1000), from the starts of the claim (uniform in [-0.1,0.1]^17,
   seeds 100, 101, ...). Takes the first start whose run with the spoiler
   changes the class of a near point, and writes OUTDIR/spoiler-mlp.dat:
   the 26 points ("x1 x2 label out_clean out_spoiled"), then the two
   networks' outputs on a 121 x 121 grid over [-1.5,1.5]^2
   ("x1 x2 out_clean out_spoiled", a blank line after each x1), then the
   spoiled network's outputs on a 121 x 121 grid over
   [-1500,1500] x [-1500,500], then a block with t and the seed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "figure.h"
#include "network.h"

enum { NEAR = 25, PARAMETERS = 17, GRID = 121, FIRST_SEED = 100,
       MAX_SEEDS = 20 };

typedef struct trained {
    descent_network net;
    double theta[PARAMETERS];
} trained;

/* Train the network from the start of seed on the first count points. */
static void train(trained *n, const double *x, const double *t,
                  size_t count, unsigned seed)
{
    const size_t sizes[3] = {2, 4, 1};
    descent_network_problem problem;
    descent_error err;
    descent_step_schedule schedule;
    descent_direction_rule direction = descent_steepest_descent();
    descent_step_rule step = descent_fixed_step(&schedule, 1);
    descent_options options = descent_default_options();
    descent_result result;
    descent_random random;
    descent_dataset data = {count, 2, 1, x, t};
    figure_check(descent_network_init(&n->net, 2, sizes, DESCENT_LOGISTIC,
                                      DESCENT_LOGISTIC, &err),
                 "network", err.message);
    descent_random_seed(&random, seed);
    figure_check(descent_random_fill(&random, PARAMETERS, n->theta,
                                     DESCENT_SYMMETRIC, &err),
                 "random start", err.message);
    for (int i = 0; i < PARAMETERS; i++)
        n->theta[i] *= 0.1;
    figure_check(descent_network_problem_init(&problem, &n->net, &data,
                                              DESCENT_L2, &err),
                 "problem", err.message);
    descent_objective f = descent_network_objective(&problem);
    options.max_iterations = 20000;
    descent_status st = descent_minimize(&f, &direction, &step, &options,
                                         n->theta, &result);
    if (st == DESCENT_STALLED || st == DESCENT_MAX_ITERATIONS)
        st = DESCENT_OK;   /* both are ends of a run, not failures */
    figure_check(st, "gradient descent", result.message);
    descent_network_problem_free(&problem);
}

/* The network's output at (x1, x2). */
static double output(trained *n, double x1, double x2)
{
    double x[2] = {x1, x2}, target = 0.5, y;
    descent_dataset one = {1, 2, 1, x, &target};
    descent_network_problem problem;
    descent_error err;
    figure_check(descent_network_problem_init(&problem, &n->net, &one,
                                              DESCENT_L2, &err),
                 "problem", err.message);
    figure_check(descent_network_outputs(&problem, n->theta, &y, &err),
                 "outputs", err.message);
    descent_network_problem_free(&problem);
    return y;
}

static void write_grid(FILE *out, trained *clean, trained *spoiled,
                       double x_low, double x_high, double y_low,
                       double y_high)
{
    for (int i = 0; i < GRID; i++) {
        double x1 = x_low + (x_high - x_low) * i / (GRID - 1);
        for (int j = 0; j < GRID; j++) {
            double x2 = y_low + (y_high - y_low) * j / (GRID - 1);
            if (clean != NULL)
                fprintf(out, "%g %g %.6g %.6g\n", x1, x2,
                        output(clean, x1, x2), output(spoiled, x1, x2));
            else
                fprintf(out, "%g %g %.6g\n", x1, x2,
                        output(spoiled, x1, x2));
        }
        fprintf(out, "\n");
    }
}

int main(int argc, char **argv)
{
    const double spoiler = 1000;
    double x[2 * (NEAR + 1)], t[NEAR + 1];
    const char *folder = figure_data_folder(argc, argv);
    for (int i = 0; i < NEAR; i++) {
        double x1 = -1 + 0.5 * (i / 5), x2 = -1 + 0.5 * (i % 5);
        x[2 * i] = x1;
        x[2 * i + 1] = x2;
        t[i] = x1 * x1 + x2 * x2 < 0.5 ? 0.95 : 0.05;
    }
    x[2 * NEAR] = 0;
    x[2 * NEAR + 1] = -spoiler;
    t[NEAR] = 0.95;

    trained clean, spoiled;
    unsigned seed = FIRST_SEED;
    for (;; seed++) {
        if (seed == FIRST_SEED + MAX_SEEDS)
            figure_check(DESCENT_MAX_ITERATIONS, "training",
                         "no start changed a near point's class");
        train(&clean, x, t, NEAR, seed);
        train(&spoiled, x, t, NEAR + 1, seed);
        bool changed = false;
        for (int i = 0; i < NEAR; i++)
            changed = changed ||
                      (output(&clean, x[2 * i], x[2 * i + 1]) > 0.5) !=
                      (output(&spoiled, x[2 * i], x[2 * i + 1]) > 0.5);
        if (changed)
            break;
    }

    FILE *out = figure_open(folder, "spoiler-mlp.dat");
    fprintf(out, "# x1 x2 label out_clean out_spoiled\n");
    for (int i = 0; i <= NEAR; i++)
        fprintf(out, "%g %g %d %.6g %.6g\n", x[2 * i], x[2 * i + 1],
                t[i] > 0.5, output(&clean, x[2 * i], x[2 * i + 1]),
                output(&spoiled, x[2 * i], x[2 * i + 1]));
    fprintf(out, "\n\n# x1 x2 out_clean out_spoiled, near\n");
    write_grid(out, &clean, &spoiled, -1.5, 1.5, -1.5, 1.5);
    fprintf(out, "\n# x1 x2 out_spoiled, far\n");
    write_grid(out, NULL, &spoiled, -1.5 * spoiler, 1.5 * spoiler,
               -1.5 * spoiler, 0.5 * spoiler);
    fprintf(out, "\n# t seed\n%g %u\n", spoiler, seed);
    figure_close(out, "spoiler-mlp.dat");
    return EXIT_SUCCESS;
}
