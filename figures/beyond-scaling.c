/* beyond-scaling.c: the data of Figure "beyond-scaling" of Chapter 12
   (fig:beyond-scaling): the evaluations each method needs to bring
   E - E* down by a factor of 10^6, against n, on the quadratic of
   condition number 100 and on Rosenbrock's chained function; the
   protocol of Claim beyond-scaling, whose test (verify/12-beyond.c)
   checks the same numbers. Writes beyond-scaling.dat: one block per problem
   and method (separated by two blank lines, for gnuplot's index), each
   row "n cost", a miss written as NaN; and beyond-scaling-slopes.gp, which
   the plot loads: "slope[6q + m + 1] = p" for problem q and method m,
   with p the slope of the least-squares line through the log-log points
   from n = 8 on (NaN where fewer than three). */
#include "figure.h"

enum { SIZES = 6, SEEDS = 3, METHODS = 6, FIT_FROM = 2 };
static const size_t sizes[SIZES] = {2, 4, 8, 16, 32, 64};
static const double omega = 5;   /* values per value and gradient */

typedef struct counter {
    descent_objective *inner;
    double target, cost;
    unsigned long values, gradients;
} counter;

static double count(const double *theta, double *g, void *context)
{
    counter *c = context;
    double value = c->inner->evaluate(theta, g, c->inner->context);
    c->values++;
    c->gradients += g != NULL;
    if (value <= c->target && isnan(c->cost))
        c->cost = (double)(c->values - c->gradients) +
                  omega * (double)c->gradients;
    return value;
}

/* L-BFGS as the claim's test runs it: memory 5, the strong Wolfe search
   trying the unit step first. */
static double lbfgs_cost(descent_objective *f, double *theta, double target)
{
    counter c = {f, target, NAN, 0, 0};
    descent_objective counted = {.n = f->n, .evaluate = count, .context = &c,
                                 .name = f->name};
    descent_line_search search = descent_line_search_defaults();
    descent_options options = descent_default_options();
    descent_lbfgs lbfgs;
    descent_result result;
    descent_error e;
    figure_check(descent_lbfgs_init(&lbfgs, f->n, 5, &e), "lbfgs", e.message);
    descent_direction_rule direction = descent_lbfgs_direction(&lbfgs);
    search.initial_rule = DESCENT_INITIAL_FIXED;
    search.initial_step = 1;
    descent_step_rule step = descent_wolfe_step(&search);
    options.gradient_tolerance = 1e-10;
    options.max_iterations = 100000;
    descent_minimize(&counted, &direction, &step, &options, theta, &result);
    descent_lbfgs_free(&lbfgs);
    return c.cost;
}

static double cost_of(int m, descent_objective *f, const double *start,
                      double target, size_t budget)
{
    double *theta = malloc(f->n * sizeof *theta), cost;
    descent_direct_options options = descent_direct_default_options();
    descent_result result;
    if (theta == NULL)
        figure_check(DESCENT_OUT_OF_MEMORY, "theta", "malloc");
    memcpy(theta, start, f->n * sizeof *theta);
    options.target = target;
    options.max_evaluations = budget;
    if (m == 5) {
        cost = lbfgs_cost(f, theta, target);
    } else {
        if (m <= 1) {
            descent_coordinate_search cs = descent_coordinate_search_defaults();
            cs.accelerate = m == 1;
            descent_coordinate_minimize(f, &cs, &options, theta, &result);
        } else if (m == 2) {
            descent_powell powell = descent_powell_defaults();
            descent_powell_minimize(f, &powell, &options, theta, &result);
        } else {
            descent_nelder_mead nm = descent_nelder_mead_defaults();
            nm.adaptive = m == 4;
            descent_nelder_mead_minimize(f, &nm, &options, theta, &result);
        }
        cost = options.target_evaluations > 0
                   ? (double)options.target_evaluations : NAN;
    }
    free(theta);
    return cost;
}

/* The cost on problem q (0: the quadratic, geometric mean over SEEDS
   bases; 1: Rosenbrock) at size n. */
static double measure(int q, int m, size_t n)
{
    double log_sum = 0;
    for (unsigned s = 1; s <= (q == 0 ? SEEDS : 1) && !isnan(log_sum); s++) {
        descent_quadratic quadratic;
        descent_rosenbrock rosenbrock;
        descent_objective f;
        descent_error e;
        double *lambda = malloc(n * sizeof *lambda);
        double *start = malloc(n * sizeof *start);
        if (lambda == NULL || start == NULL)
            figure_check(DESCENT_OUT_OF_MEMORY, "start", "malloc");
        for (size_t i = 0; i < n; i++) {
            lambda[i] = pow(100, (double)i / (double)(n - 1));
            start[i] = q == 0 ? 1 : i % 2 ? 1 : -1.2;
        }
        if (q == 0) {
            figure_check(descent_quadratic_spectrum(&quadratic, n, lambda,
                                                    NULL, 0, s, &e),
                         "quadratic", e.message);
            f = descent_quadratic_objective(&quadratic);
        } else {
            figure_check(descent_rosenbrock_init(&rosenbrock, n, 1, 100, &e),
                         "rosenbrock", e.message);
            f = descent_rosenbrock_objective(&rosenbrock);
        }
        double target = 1e-6 * descent_value(&f, start);
        log_sum += log(cost_of(m, &f, start, target,
                               200000));
        if (q == 0)
            descent_quadratic_free(&quadratic);
        free(lambda);
        free(start);
    }
    return exp(log_sum / (q == 0 ? SEEDS : 1));
}

static double slope(const double *cost)
{
    double sx = 0, sy = 0, sxx = 0, sxy = 0, k = 0;
    for (int i = FIT_FROM; i < SIZES; i++) {
        if (isnan(cost[i]))
            continue;
        double x = log((double)sizes[i]), y = log(cost[i]);
        sx += x, sy += y, sxx += x * x, sxy += x * y, k++;
    }
    return k < 3 ? NAN : (sxy - sx * sy / k) / (sxx - sx * sx / k);
}

int main(int argc, char **argv)
{
    const char *folder = figure_data_folder(argc, argv);
    FILE *out = figure_open(folder, "beyond-scaling.dat");
    FILE *slopes = figure_open(folder, "beyond-scaling-slopes.gp");
    fprintf(out, "# n cost (evaluations to E - E* <= 1e-6 (E0 - E*))\n");
    fprintf(slopes, "# the fitted slopes, loaded by beyond-scaling.gp\n"
                    "array slope[%d]\n", 2 * METHODS);
    for (int q = 0; q < 2; q++)
        for (int m = 0; m < METHODS; m++) {
            double cost[SIZES];
            fprintf(out, "# problem %d method %d\n", q, m);
            for (int i = 0; i < SIZES; i++) {
                cost[i] = measure(q, m, sizes[i]);
                fprintf(out, "%zu %.6g\n", sizes[i], cost[i]);
            }
            fprintf(out, "\n\n");
            double p = slope(cost);
            if (isnan(p))
                fprintf(slopes, "slope[%d] = NaN\n", METHODS * q + m + 1);
            else
                fprintf(slopes, "slope[%d] = %.4f\n", METHODS * q + m + 1, p);
        }
    fclose(out);
    fclose(slopes);
    return 0;
}
