/* mutate/probe.c: the equivalence probe of the mutation harness
 * (build-aux/mutate, `make mutate`). Not library code and not a test: it
 * runs every method of the library on a fixed set of problems and prints
 * every number it gets back with %a, bit for bit, with every status,
 * count and message. A mutant that the suite does not kill and that
 * leaves this output identical to the unmutated library's is reported as
 * equivalent (probe identical), outside the score, for a human to check.
 * The output is not compared with anything else: it need not be right,
 * only complete and deterministic. OpenBLAS runs on one thread. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "descent.h"

static void vec(const char *what, size_t n, const double *x)
{
    printf("%s:", what);
    for (size_t i = 0; i < n; i++)
        printf(" %a", x[i]);
    printf("\n");
}

static void status(const char *what, descent_status s, const char *message)
{
    printf("%s: %s %s\n", what, descent_status_name(s),
           message != NULL ? message : "");
}

static void result(const char *what, const descent_result *r)
{
    printf("%s: %s it %zu E %a |g| %a counts %lu %lu %lu [%s]\n", what,
           descent_status_name(r->status), r->iterations, r->value,
           r->gradient_norm, r->counts.values, r->counts.gradients,
           r->counts.hessians, r->message);
}

static void trace(const char *what, const descent_trace *t)
{
    printf("%s: length %zu\n", what, t->length);
    for (size_t k = 0; k < t->length; k++) {
        printf("  %zu %a %a %a %a", k, t->value[k], t->gradient_norm[k],
               t->eta[k], t->evaluations[k]);
        const double *x = descent_trace_iterate(t, k);
        for (size_t i = 0; x != NULL && i < t->n; i++)
            printf(" %a", x[i]);
        printf("\n");
    }
}

/* An ill-conditioned quadratic, a Rosenbrock function, and the test
 * functions of chapter 1: the problems every driver run uses. */
static descent_quadratic quad;
static descent_rosenbrock rosen;

static void problems(void)
{
    descent_error e = {0};
    static const double lambda[4] = {1, 3, 10, 40};
    static const double b[4] = {1, -2, 0.5, 3};
    descent_status s = descent_quadratic_spectrum(&quad, 4, lambda, b, 0.25,
                                                  7, &e);
    status("quadratic", s, e.message);
    vec("A", 16, quad.A);
    s = descent_rosenbrock_init(&rosen, 4, 1, 100, &e);
    status("rosenbrock", s, e.message);
}

static void run(const char *what, descent_objective f,
                descent_direction_rule dir, descent_step_rule step,
                const double *start, size_t max_iterations, bool keep)
{
    double theta[8];
    descent_trace t;
    descent_error e = {0};
    descent_options opt = descent_default_options();
    opt.max_iterations = max_iterations;
    memcpy(theta, start, f.n * sizeof *theta);
    if (descent_trace_init(&t, f.n, keep, &e) != DESCENT_OK) {
        status(what, e.status, e.message);
        return;
    }
    opt.trace = &t;
    descent_result r = {0};
    descent_status s = descent_minimize(&f, &dir, &step, &opt, theta, &r);
    printf("%s: returned %s\n", what, descent_status_name(s));
    result(what, &r);
    vec("  theta", f.n, theta);
    trace(what, &t);
    descent_trace_free(&t);
}

static const double q0[4] = {1, 1, 1, 1};
static const double r0[4] = {-1.2, 1, -1.2, 1};

static void gradient_descent(void)
{
    descent_step_schedule sched;
    descent_line_search ls;
    descent_objective q = descent_quadratic_objective(&quad);
    descent_objective r = descent_rosenbrock_objective(&rosen);
    run("gd fixed", q, descent_steepest_descent(),
        descent_fixed_step(&sched, 0.04), q0, 60, true);
    run("gd geometric", q, descent_steepest_descent(),
        descent_geometric_step(&sched, 0.045, 0.97), q0, 60, false);
    run("gd normalized", q, descent_normalized_steepest_descent(),
        descent_geometric_step(&sched, 0.5, 0.9), q0, 40, false);
    descent_preconditioner pre;
    static const double M[16] = {0.02, 0.001, 0, 0, 0.001, 0.03, 0, 0,
                                 0, 0, 0.025, 0, 0, 0, 0, 0.02};
    run("gd preconditioned", q, descent_preconditioned_descent(&pre, 4, M),
        descent_fixed_step(&sched, 1), q0, 40, false);
    static const descent_initial_rule rules[3] = {
        DESCENT_INITIAL_SLOPE_RATIO, DESCENT_INITIAL_QUADRATIC,
        DESCENT_INITIAL_FIXED};
    for (int k = 0; k < 3; k++) {
        char name[64];
        ls = descent_line_search_defaults();
        ls.initial_rule = rules[k];
        snprintf(name, sizeof name, "gd exact rule %d", k);
        run(name, q, descent_steepest_descent(), descent_exact_step(&ls), q0,
            30, false);
        ls = descent_line_search_defaults();
        ls.initial_rule = rules[k];
        snprintf(name, sizeof name, "gd armijo rule %d", k);
        run(name, r, descent_steepest_descent(), descent_armijo_step(&ls),
            r0, 200, false);
        ls = descent_line_search_defaults();
        ls.initial_rule = rules[k];
        snprintf(name, sizeof name, "gd wolfe rule %d", k);
        run(name, r, descent_steepest_descent(), descent_wolfe_step(&ls), r0,
            200, false);
    }
    ls = descent_line_search_defaults();
    ls.backtrack = 0.3;
    ls.c1 = 0.3;
    ls.initial_step = 3;
    run("gd armijo tuned", q, descent_steepest_descent(),
        descent_armijo_step(&ls), q0, 40, false);
    ls = descent_line_search_defaults();
    ls.c2 = 0.1;
    ls.max_length = 5;
    run("gd wolfe tight", r, descent_steepest_descent(),
        descent_wolfe_step(&ls), r0, 100, false);
    ls = descent_line_search_defaults();
    run("gd exact rosenbrock", r, descent_steepest_descent(),
        descent_exact_step(&ls), r0, 60, false);
    descent_objective tw = descent_two_wells_objective();
    static const double w0[2] = {0.3, -0.8};
    ls = descent_line_search_defaults();
    run("gd wolfe two wells", tw, descent_steepest_descent(),
        descent_wolfe_step(&ls), w0, 50, false);
}

static void line_searches(void)
{
    /* Single searches, on directions of several kinds: downhill along
     * -g, a long direction, an orthogonal one (g^T d = 0), uphill. */
    descent_objective r = descent_rosenbrock_objective(&rosen);
    double g[4], d[4], x[4], tg[4];
    descent_value_gradient(&r, r0, g);
    for (int kind = 0; kind < 4; kind++) {
        for (size_t i = 0; i < 4; i++)
            d[i] = kind == 0 ? -g[i] : kind == 1 ? -100 * g[i]
                 : kind == 2 ? (i % 2 == 0 ? g[i + 1] : -g[i - 1])
                 : g[i];
        for (int rule = 0; rule < 3; rule++) {
            descent_line_search ls = descent_line_search_defaults();
            descent_step_rule s = rule == 0 ? descent_armijo_step(&ls)
                                : rule == 1 ? descent_wolfe_step(&ls)
                                            : descent_exact_step(&ls);
            descent_trial t = {.theta = x, .g = tg};
            descent_error e = {0};
            descent_status st = descent_line_search_run(s, &r, r0, d, &t, &e);
            printf("search %d %d: %s eta %a evaluated %d value %a "
                   "evaluations %zu first %a prev %a %a %a [%s]\n", kind,
                   rule, descent_status_name(st), t.eta, t.evaluated,
                   t.evaluated ? t.value : 0.0, ls.evaluations,
                   ls.first_trial, ls.previous_step, ls.previous_slope,
                   ls.previous_value, e.message);
            if (t.evaluated) {
                vec("  theta", 4, x);
                vec("  g", 4, tg);
            }
        }
    }
}

static double scalar_quartic(double x, void *context)
{
    (void)context;
    return pow(x - 0.3, 4) + 0.5 * (x - 0.3) * (x - 0.3) + sin(3 * x);
}

static double scalar_abs(double x, void *context)
{
    double *count = context;
    *count += 1;
    return fabs(x - 1.7) + 0.1 * x * x;
}

static double scalar_monotone(double x, void *context)
{
    (void)context;
    return exp(-x);
}

static void scalar(void)
{
    descent_scalar_fn *fns[3] = {scalar_quartic, scalar_abs,
                                 scalar_monotone};
    double count = 0;
    for (int k = 0; k < 3; k++) {
        double widths[600];
        double x[3] = {0}, fx[3] = {0};
        size_t evals = 0;
        descent_error e = {0};
        for (int side = 0; side < 3; side++) {
            /* rightwards, leftwards, and from a pair that straddles */
            static const double starts[3][2] = {{-2, -1.5}, {4, 3.5},
                                                {-0.5, 2.5}};
            evals = 0;
            descent_status sb = descent_bracket_minimum(
                fns[k], &count, starts[side][0], starts[side][1], 60, x, fx,
                &evals, &e);
            printf("bracket %d %d: %s evaluations %zu [%s]\n", k, side,
                   descent_status_name(sb), evals, e.message);
            vec("  x", 3, x);
            vec("  fx", 3, fx);
        }
        descent_status s;
        for (int tight = 0; tight < 2; tight++) {
            descent_scalar_options opt = descent_scalar_default_options();
            opt.widths = widths;
            if (tight)
                opt.relative_tolerance = 1e-4, opt.absolute_tolerance = 1e-6;
            for (int method = 0; method < 2; method++) {
                descent_scalar_minimum m = {0};
                memset(widths, 0, sizeof widths);
                s = method == 0
                        ? descent_golden_section(fns[k], &count, -2, 3, &opt,
                                                 &m, &e)
                        : descent_brent(fns[k], &count, -2, 3, &opt, &m, &e);
                printf("%s %d %d: %s x %a value %a bracket %a %a evaluations "
                       "%zu parabolic %zu [%s]\n",
                       method == 0 ? "golden" : "brent", k, tight,
                       descent_status_name(s), m.x, m.value, m.lower,
                       m.upper, m.evaluations, m.parabolic_steps, e.message);
                vec("  widths", m.evaluations < 600 ? m.evaluations : 600,
                    widths);
            }
        }
    }
    printf("scalar calls %a\n", count);
}

static void conjugate_gradients(void)
{
    /* Linear CG, plain and Jacobi, from 0 and from elsewhere, recording
     * everything. */
    static const double A[16] = {4, 1, 0, 0.5, 1, 3, 0.2, 0,
                                 0, 0.2, 10, 1, 0.5, 0, 1, 40};
    static const double b[4] = {1, 2, -1, 0.5};
    for (int k = 0; k < 4; k++) {
        double x[4] = {0, 0, 0, 0};
        double norms[41], res[41 * 4], dirs[41 * 4], its[41 * 4];
        memset(norms, 0, sizeof norms);
        memset(res, 0, sizeof res);
        memset(dirs, 0, sizeof dirs);
        memset(its, 0, sizeof its);
        if (k >= 2)
            x[0] = 1, x[1] = -1, x[2] = 0.5, x[3] = 2;
        descent_cg_options opt = descent_cg_default_options();
        opt.jacobi = k % 2 == 1;
        opt.residual_norms = norms;
        opt.residuals = res;
        opt.directions = dirs;
        opt.iterates = its;
        descent_cg_result r = {0};
        descent_status s = descent_linear_cg(4, A, b, x, &opt, &r);
        printf("linear cg %d: %s it %zu rel %a [%s]\n", k,
               descent_status_name(s), r.iterations, r.relative_residual,
               r.message);
        vec("  x", 4, x);
        vec("  norms", r.iterations + 1, norms);
        vec("  residuals", 4 * (r.iterations + 1), res);
        vec("  directions", 4 * (r.iterations + 1), dirs);
        vec("  iterates", 4 * (r.iterations + 1), its);
    }
    {
        double x[4] = {0, 0, 0, 0};
        descent_cg_options opt = descent_cg_default_options();
        opt.max_iterations = 2;
        descent_cg_result r = {0};
        descent_status s = descent_linear_cg(4, A, b, x, &opt, &r);
        printf("linear cg capped: %s it %zu rel %a [%s]\n",
               descent_status_name(s), r.iterations, r.relative_residual,
               r.message);
        static const double zero[4] = {0, 0, 0, 0};
        s = descent_linear_cg(4, A, zero, x, NULL, &r);
        printf("linear cg b=0: %s it %zu rel %a [%s]\n",
               descent_status_name(s), r.iterations, r.relative_residual,
               r.message);
        vec("  x", 4, x);
    }
    static const descent_cg_formula formulas[4] = {
        DESCENT_FLETCHER_REEVES, DESCENT_POLAK_RIBIERE,
        DESCENT_POLAK_RIBIERE_PLUS, DESCENT_HESTENES_STIEFEL};
    descent_objective r = descent_rosenbrock_objective(&rosen);
    descent_objective q = descent_quadratic_objective(&quad);
    for (int k = 0; k < 4; k++) {
        for (int restart = 0; restart < 2; restart++) {
            for (int problem = 0; problem < 2; problem++) {
                descent_nonlinear_cg cg;
                descent_error e = {0};
                descent_status s = descent_nonlinear_cg_init(
                    &cg, 4, formulas[k], restart ? 3 : 0, &e);
                if (s) {
                    status("cg init", s, e.message);
                    continue;
                }
                descent_line_search ls = descent_line_search_defaults();
                ls.c2 = 0.1;
                char name[64];
                snprintf(name, sizeof name, "nonlinear cg %d %d %d", k,
                         restart, problem);
                run(name, problem ? q : r, descent_nonlinear_cg_direction(&cg),
                    problem ? descent_exact_step(&ls)
                            : descent_wolfe_step(&ls),
                    problem ? q0 : r0, problem ? 20 : 120, false);
                printf("  restart %zu since %zu safeguard %zu uphill %zu "
                       "negative %zu gg %a slope %a dnorm %a\n",
                       cg.restart_every, cg.since_restart,
                       cg.safeguard_restarts, cg.uphill, cg.negative_beta,
                       cg.gg_previous, cg.slope_previous,
                       cg.d_norm_previous);
                descent_nonlinear_cg_free(&cg);
            }
        }
    }
}

static void sloppy_cg(void)
{
    /* Nonlinear CG with backtracking, which does not keep its
     * directions downhill: the safeguard restarts act. */
    static const descent_cg_formula formulas[4] = {
        DESCENT_FLETCHER_REEVES, DESCENT_POLAK_RIBIERE,
        DESCENT_POLAK_RIBIERE_PLUS, DESCENT_HESTENES_STIEFEL};
    descent_objective r = descent_rosenbrock_objective(&rosen);
    for (int k = 0; k < 4; k++) {
        descent_nonlinear_cg cg;
        descent_error e = {0};
        descent_status s = descent_nonlinear_cg_init(&cg, 4, formulas[k], 0,
                                                     &e);
        if (s) {
            status("cg init", s, e.message);
            continue;
        }
        descent_line_search ls = descent_line_search_defaults();
        char name[64];
        snprintf(name, sizeof name, "sloppy cg %d", k);
        run(name, r, descent_nonlinear_cg_direction(&cg),
            descent_armijo_step(&ls), r0, 150, false);
        printf("  since %zu safeguard %zu uphill %zu negative %zu gg %a "
               "slope %a dnorm %a\n", cg.since_restart,
               cg.safeguard_restarts, cg.uphill, cg.negative_beta,
               cg.gg_previous, cg.slope_previous, cg.d_norm_previous);
        descent_nonlinear_cg_free(&cg);
    }
}

static void momentum(void)
{
    descent_objective q = descent_quadratic_objective(&quad);
    for (int kind = 0; kind < 2; kind++) {
        descent_momentum_kind mk = kind ? DESCENT_NESTEROV : DESCENT_HEAVY_BALL;
        descent_momentum m;
        descent_error e = {0};
        descent_status s = descent_momentum_init(&m, 4, mk, 0.02, 0.8, &e);
        status("momentum init", s, e.message);
        double theta[4], g[4];
        memcpy(theta, q0, sizeof theta);
        for (int k = 0; k < 40 && s == DESCENT_OK; k++) {
            if (mk == DESCENT_NESTEROV) {
                double look[4];
                for (size_t i = 0; i < 4; i++)
                    look[i] = theta[i] + m.beta * m.velocity[i];
                descent_value_gradient(&q, look, g);
            } else {
                descent_value_gradient(&q, theta, g);
            }
            s = descent_momentum_step(&m, theta, g, &e);
        }
        status("momentum step", s, e.message);
        printf("  steps %zu\n", m.steps);
        vec("  theta", 4, theta);
        vec("  velocity", 4, m.velocity);
        descent_momentum_free(&m);
        for (int convex = 0; convex < 2; convex++) {
            descent_momentum_direction md;
            s = descent_momentum_direction_init(&md, 4, mk, 0.02, 0.8,
                                                convex, &e);
            status("momentum direction init", s, e.message);
            if (s)
                continue;
            descent_step_schedule sched;
            char name[64];
            snprintf(name, sizeof name, "momentum rule %d %d", kind, convex);
            run(name, q, descent_momentum_rule(&md),
                descent_fixed_step(&sched, 1), q0, 60, false);
            descent_momentum_direction_free(&md);
        }
    }
}

static void network(void)
{
    static const double x[12] = {0, 0, 0, 1, 1, 0, 1, 1, 0.5, 0.2, -0.3, 0.9};
    static const double t[6] = {0, 1, 1, 0, 1, 0};
    static const double tc[12] = {1, 0, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0};
    descent_dataset data = {6, 2, 1, x, t};
    descent_dataset data2 = {6, 2, 2, x, tc};
    static const descent_activation acts[3] = {DESCENT_LOGISTIC, DESCENT_RELU,
                                               DESCENT_IDENTITY};
    for (int h = 0; h < 3; h++) {
        for (int div = 0; div < 2; div++) {
            descent_network net;
            descent_network_problem p;
            descent_error e = {0};
            size_t sizes[4] = {2, 3, 2, div ? 2 : 1};
            descent_status s = descent_network_init(
                &net, 3, sizes, acts[h],
                div ? DESCENT_LOGISTIC : acts[(h + 1) % 3], &e);
            status("network init", s, e.message);
            if (s)
                continue;
            printf("  parameters %zu\n", net.parameters);
            s = descent_network_problem_init(
                &p, &net, div ? &data2 : &data,
                div ? DESCENT_CROSS_ENTROPY : DESCENT_L2, &e);
            status("network problem", s, e.message);
            if (s)
                continue;
            descent_objective f = descent_network_objective(&p);
            double theta[64] = {0}, g[64] = {0}, out[12] = {0};
            for (size_t i = 0; i < net.parameters; i++)
                theta[i] = sin(1.0 + 0.7 * (double)i) * 0.8;
            double E = descent_value_gradient(&f, theta, g);
            printf("  E %a\n", E);
            vec("  g", net.parameters, g);
            printf("  value only %a\n", descent_value(&f, theta));
            s = descent_network_outputs(&p, theta, out, &e);
            status("  outputs", s, e.message);
            vec("  outputs", 6 * sizes[3], out);
            double worst = 0, relative[64] = {0};
            size_t where = 0;
            s = descent_gradient_check(&f, theta, &worst, &where, relative,
                                       &e);
            printf("  gradient check %s worst %a where %zu\n",
                   descent_status_name(s), worst, where);
            vec("  relative", net.parameters, relative);
            descent_network_problem_free(&p);
        }
    }
    /* The perceptron: separable data, and data it cannot separate. */
    static const double px[16] = {2, 1, 1, 3, -1, -2, -2, -1,
                                  0.5, 2, -0.5, -1.5, 3, -1, -3, 0.2};
    static const double pt[8] = {1, 1, 0, 0, 1, 0, 1, 0};
    static const double bad[8] = {1, 0, 0, 1, 1, 1, 0, 0};
    for (int k = 0; k < 2; k++) {
        descent_dataset d = {8, 2, 1, px, k ? bad : pt};
        double w[3] = {0, 0, 0};
        size_t updates = 0;
        descent_error e = {0};
        descent_status s = descent_perceptron(&d, w, 100, &updates, &e);
        printf("perceptron %d: %s updates %zu [%s]\n", k,
               descent_status_name(s), updates, e.message);
        vec("  w", 3, w);
    }
}

static void theory(void)
{
    static const double lambda[4] = {1, 3, 10, 40};
    printf("gd rate %a %a %a\n", descent_gd_rate(4, lambda, 0.04),
           descent_gd_rate(4, lambda, 0.06), descent_gd_rate(4, lambda, 1));
    printf("gd best step %a %a\n", descent_gd_best_step(1, 40),
           descent_gd_best_step(0.5, 0.5));
    descent_objective fs[5] = {
        descent_cubic_objective(), descent_monkey_saddle_objective(),
        descent_two_wells_objective(),
        descent_quadratic_objective(&quad),
        descent_rosenbrock_objective(&rosen)};
    static const double pts[5][4] = {{1, 1}, {0, 0}, {1, -1},
                                      {0.1, 0.2, 0.3, 0.4}, {1, 1, 1, 1}};
    static const double others[5][4] = {{-1, 1}, {0.3, -0.7}, {2.07, 0.4},
                                        {1, 2, 3, 4}, {-1.2, 1, 0.5, 2}};
    static const double thirds[5][4] = {{0.4, -1.3}, {-0.6, 0.9},
                                        {1.94, 0}, {-2, 0.5, 1, -1},
                                        {0.3, -0.4, 1.5, 0.8}};
    for (int k = 0; k < 5; k++) {
        descent_objective *f = &fs[k];
        printf("objective %s n %zu\n", f->name != NULL ? f->name : "-", f->n);
        for (int which = 0; which < 3; which++) {
            const double *th = which == 2 ? thirds[k]
                             : which ? others[k] : pts[k];
            double g[4] = {0}, H[16] = {0}, ev[4] = {0};
            double E = descent_value_gradient(f, th, g);
            printf("  E %a value %a\n", E, descent_value(f, th));
            vec("  g", f->n, g);
            descent_error e = {0};
            descent_status s = descent_hessian(f, th, H, &e);
            status("  hessian", s, e.message);
            vec("  H", f->n * f->n, H);
            descent_point_kind kind = DESCENT_NOT_CRITICAL;
            s = descent_classify_point(f, th, 1e-6, 1e-8, &kind, ev, &e);
            printf("  classify %s %s\n", descent_status_name(s),
                   s == DESCENT_OK ? descent_point_kind_name(kind) : "-");
            if (s == DESCENT_OK)
                vec("  eigenvalues", f->n, ev);
            double d[4], eta = 0, decrease = 0;
            for (size_t i = 0; i < f->n; i++)
                d[i] = -g[i] + 0.1 * (double)i;
            s = descent_taylor_step(f, th, d, &eta, &decrease, &e);
            printf("  taylor %s eta %a decrease %a [%s]\n",
                   descent_status_name(s), eta, decrease, e.message);
            double worst = 0, relative[4] = {0};
            size_t where = 0;
            s = descent_gradient_check(f, th, &worst, &where, relative, &e);
            printf("  gradient check %s worst %a where %zu\n",
                   descent_status_name(s), worst, where);
            vec("  relative", f->n, relative);
            printf("  counts %lu %lu %lu\n", f->counts.values,
                   f->counts.gradients, f->counts.hessians);
        }
    }
    static const double H[9] = {2, 1, 0, 1, 3, 1, 0, 1, -4};
    double ev[3];
    descent_error e = {0};
    descent_status s = descent_symmetric_eigenvalues(3, H, ev, &e);
    status("eigenvalues", s, e.message);
    vec("  ", 3, ev);
    double star[4];
    s = descent_quadratic_critical_point(&quad, star, &e);
    status("critical point", s, e.message);
    vec("  ", 4, star);
    descent_quadratic q1, qi;
    s = descent_quadratic_1d(&q1, 2.5, -1, 0.5, &e);
    status("quadratic 1d", s, e.message);
    vec("  A b c", 1, q1.A);
    vec("  b", 1, q1.b);
    printf("  c %a\n", q1.c);
    descent_quadratic_free(&q1);
    static const double A[4] = {3, 1, 1, 2};
    static const double b[2] = {1, -1};
    s = descent_quadratic_init(&qi, 2, A, b, 0.5, &e);
    status("quadratic init", s, e.message);
    vec("  lambda", 2, qi.lambda);
    vec("  Q", 4, qi.Q);
    descent_quadratic_free(&qi);
}

/* Chapter 5: Newton's methods, quasi-Newton, Newton-CG, the trust region
 * and Levenberg-Marquardt, through the driver with the chapter's strong
 * Wolfe search (first trial 1) and by direct calls of every update,
 * product and step, at points where each branch is taken. */
static void quad_product(const double *theta, const double *v, double *Hv,
                         void *context)
{
    const descent_quadratic *q = context;
    (void)theta;
    for (size_t i = 0; i < q->n; i++) {
        Hv[i] = 0;
        for (size_t j = 0; j < q->n; j++)
            Hv[i] += q->A[i * q->n + j] * v[j];
    }
}

static void fit_residuals(const double *x, double *r, double *J,
                          void *context)
{
    const double *amplitude = context;
    for (int i = 0; i < 8; i++) {
        double t = 0.5 * i, v = exp(x[1] * t);
        r[i] = x[0] * v - (2 * exp(-0.7 * t) + *amplitude * sin(7.0 * i));
        if (J != NULL) {
            J[2 * i] = v;
            J[2 * i + 1] = x[0] * t * v;
        }
    }
}

/* A linear model in three parameters whose third never enters (a zero
 * column of J), and which is not finite for x[0] > 4. */
static void odd_residuals(const double *x, double *r, double *J,
                          void *context)
{
    (void)context;
    for (int i = 0; i < 5; i++) {
        double t = i;
        r[i] = x[0] > 4 ? NAN : x[0] + x[1] * t - (1 + 0.5 * t * t);
        if (J != NULL) {
            J[3 * i] = 1;
            J[3 * i + 1] = t;
            J[3 * i + 2] = 0;
        }
    }
}

static void direction_at(const char *what, descent_direction_rule rule,
                         descent_objective *f, const double *theta,
                         size_t iteration)
{
    double g[8], d[8];
    descent_error e = {0};
    descent_point at = {.iteration = iteration, .n = f->n, .theta = theta};
    at.value = descent_value_gradient(f, theta, g);
    at.g = g;
    double sum = 0;
    for (size_t i = 0; i < f->n; i++)
        sum += g[i] * g[i];
    at.gradient_norm = sqrt(sum);
    memset(d, 0, sizeof d);
    descent_status s = rule.direction(rule.state, f, &at, d, &e);
    printf("%s (%s): %s %s\n", what, rule.name, descent_status_name(s),
           e.message);
    vec("  d", f->n, d);
}

static void wolfe_newton_run(const char *what, descent_objective f,
                             descent_direction_rule dir, const double *start,
                             size_t max_iterations)
{
    descent_line_search ls = descent_line_search_defaults();
    ls.initial_rule = DESCENT_INITIAL_FIXED;
    run(what, f, dir, descent_wolfe_step(&ls), start, max_iterations, true);
}

static void newton_state(const descent_newton *nt)
{
    printf("  newton mu %a factorizations %zu modified %zu\n", nt->mu,
           nt->factorizations, nt->modified);
}

static void tr_state(const descent_trust_region *tr)
{
    printf("  tr radius %a rejected %zu boundary %zu indefinite %zu\n",
           tr->radius, tr->rejected, tr->boundary, tr->indefinite);
}

static void ncg_state(const descent_newton_cg *c)
{
    printf("  ncg iterations %zu products %zu negative %zu rel %a\n",
           c->iterations, c->products, c->negative_curvature,
           c->relative_residual);
}

static void lm_state(const char *what, descent_status s, const descent_lm *lm,
                     const descent_error *e, const double *theta)
{
    printf("%s: %s reason %s it %zu evals %zu jac %zu mu %a E %a [%s]\n",
           what, descent_status_name(s), descent_lm_reason_name(lm->reason),
           lm->iterations, lm->residual_evaluations, lm->jacobians, lm->mu,
           lm->value, e->message);
    vec("  theta", lm->n, theta);
    vec("  D", lm->n, lm->D);
    vec("  g", lm->n, lm->g);
}

static void newton(void)
{
    descent_error e = {0};
    descent_status s;
    descent_objective q = descent_quadratic_objective(&quad);
    descent_objective r = descent_rosenbrock_objective(&rosen);
    descent_objective cubic = descent_cubic_objective();
    descent_objective saddle3 = descent_monkey_saddle_objective();
    static const double near_saddle[2] = {1.1, -0.9};
    static const double above_saddle[2] = {0.9, -0.3};
    static const double points[6][2] = {{1.1, -0.9}, {-1.2, -0.8}, {0, 0},
                                        {2, 1}, {0.9, -0.3}, {1e-3, -2}};
    static const double r_indefinite[4] = {0.1, 1, -0.5, 1.5};

    /* Newton, three kinds, through the driver and at chosen points. */
    for (int k = 0; k < 3; k++) {
        descent_newton nt;
        char name[64];
        s = descent_newton_init(&nt, 4, (descent_newton_kind)k, &e);
        status("newton init", s, e.message);
        snprintf(name, sizeof name, "newton %d quadratic", k);
        wolfe_newton_run(name, q, descent_newton_direction(&nt), q0, 20);
        newton_state(&nt);
        snprintf(name, sizeof name, "newton %d rosenbrock", k);
        wolfe_newton_run(name, r, descent_newton_direction(&nt), r0, 60);
        newton_state(&nt);
        snprintf(name, sizeof name, "newton %d rosenbrock indefinite", k);
        wolfe_newton_run(name, r, descent_newton_direction(&nt), r_indefinite,
                         60);
        newton_state(&nt);
        descent_newton_free(&nt);
        s = descent_newton_init(&nt, 2, (descent_newton_kind)k, &e);
        status("newton init 2", s, e.message);
        snprintf(name, sizeof name, "newton %d cubic", k);
        wolfe_newton_run(name, cubic, descent_newton_direction(&nt),
                         near_saddle, 30);
        newton_state(&nt);
        snprintf(name, sizeof name, "newton %d cubic above", k);
        wolfe_newton_run(name, cubic, descent_newton_direction(&nt),
                         above_saddle, 30);
        newton_state(&nt);
        descent_step_schedule sched;
        snprintf(name, sizeof name, "newton %d cubic fixed", k);
        run(name, cubic, descent_newton_direction(&nt),
            descent_fixed_step(&sched, 1), near_saddle, 12, true);
        newton_state(&nt);
        for (int p = 0; p < 6; p++) {
            snprintf(name, sizeof name, "newton %d at %d", k, p);
            direction_at(name, descent_newton_direction(&nt), &cubic,
                         points[p], 3);
            newton_state(&nt);
        }
        nt.mu0 = 0.5;
        nt.delta = 0.3;
        for (int p = 0; p < 6; p++) {
            snprintf(name, sizeof name, "newton %d tuned at %d", k, p);
            direction_at(name, descent_newton_direction(&nt), &cubic,
                         points[p], 3);
            newton_state(&nt);
        }
        nt.mu0 = 1e-300;
        direction_at("newton tiny mu0", descent_newton_direction(&nt), &cubic,
                     points[1], 3);
        newton_state(&nt);
        descent_newton_free(&nt);
        s = descent_newton_init(&nt, 2, (descent_newton_kind)k, &e);
        static const double ms[2] = {0.3, -0.2};
        snprintf(name, sizeof name, "newton %d monkey", k);
        wolfe_newton_run(name, saddle3, descent_newton_direction(&nt), ms, 20);
        newton_state(&nt);
        descent_newton_free(&nt);
    }

    /* BFGS: through the driver, and update by update. */
    {
        descent_bfgs b;
        s = descent_bfgs_init(&b, 4, &e);
        status("bfgs init", s, e.message);
        wolfe_newton_run("bfgs quadratic", q, descent_bfgs_direction(&b), q0,
                         40);
        printf("  bfgs updates %zu skipped %zu\n", b.updates, b.skipped);
        vec("  H", 16, b.H);
        wolfe_newton_run("bfgs rosenbrock", r, descent_bfgs_direction(&b), r0,
                         80);
        printf("  bfgs updates %zu skipped %zu\n", b.updates, b.skipped);
        vec("  H", 16, b.H);
        descent_step_schedule sched;
        run("bfgs rosenbrock fixed", r, descent_bfgs_direction(&b),
            descent_fixed_step(&sched, 0.5), r0, 15, true);
        printf("  bfgs updates %zu skipped %zu\n", b.updates, b.skipped);
        descent_bfgs_free(&b);
        s = descent_bfgs_init(&b, 3, &e);
        vec("  H0", 9, b.H);
        static const double pairs[6][2][3] = {
            {{1, 0.5, -0.25}, {2, 1.5, -0.5}},
            {{0, 1, 0}, {0.5, 3, 0.25}},
            {{1, 0, 0}, {-1, 0.5, 0}},
            {{1, 0, 0}, {1e-17, 1, 0}},
            {{1, 0, 0}, {1e-15, 1, 0}},
            {{0.3, -0.7, 2}, {0.1, -1, 5}}};
        for (int k = 0; k < 6; k++) {
            s = descent_bfgs_update(&b, pairs[k][0], pairs[k][1], &e);
            status("bfgs update", s, e.message);
            printf("  updates %zu skipped %zu\n", b.updates, b.skipped);
            vec("  H", 9, b.H);
            vec("  h", 3, b.h);
        }
        descent_bfgs_free(&b);
    }

    /* L-BFGS, memory 3: through the driver, and pair by pair. */
    for (size_t m = 1; m <= 3; m += 2) {
        descent_lbfgs lb;
        s = descent_lbfgs_init(&lb, 4, m, &e);
        status("lbfgs init", s, e.message);
        wolfe_newton_run("lbfgs quadratic", q, descent_lbfgs_direction(&lb),
                         q0, 40);
        printf("  lbfgs stored %zu newest %zu updates %zu skipped %zu\n",
               lb.stored, lb.newest, lb.updates, lb.skipped);
        wolfe_newton_run("lbfgs rosenbrock", r, descent_lbfgs_direction(&lb),
                         r0, 80);
        printf("  lbfgs stored %zu newest %zu updates %zu skipped %zu\n",
               lb.stored, lb.newest, lb.updates, lb.skipped);
        descent_step_schedule sched;
        run("lbfgs rosenbrock fixed", r, descent_lbfgs_direction(&lb),
            descent_fixed_step(&sched, 0.5), r0, 15, true);
        printf("  lbfgs stored %zu newest %zu updates %zu skipped %zu\n",
               lb.stored, lb.newest, lb.updates, lb.skipped);
        descent_lbfgs_free(&lb);
    }
    {
        descent_lbfgs lb;
        s = descent_lbfgs_init(&lb, 3, 3, &e);
        static const double q3[3] = {1, -2, 0.5};
        static const double pairs[7][2][3] = {
            {{1, 0.5, -0.25}, {2, 1.5, -0.5}},
            {{0, 1, 0}, {0.5, 3, 0.25}},
            {{1, 0, 0}, {-1, 0.5, 0}},
            {{1, 0, 0}, {1e-17, 1, 0}},
            {{0.3, -0.7, 2}, {0.1, -1, 5}},
            {{1, 1, 1}, {2, 1, 4}},
            {{-1, 0.5, 0}, {-3, 1, 0.5}}};
        double out[3];
        s = descent_lbfgs_multiply(&lb, q3, out, &e);
        status("lbfgs multiply empty", s, e.message);
        vec("  r", 3, out);
        for (int k = 0; k < 7; k++) {
            s = descent_lbfgs_update(&lb, pairs[k][0], pairs[k][1], &e);
            status("lbfgs update", s, e.message);
            printf("  stored %zu newest %zu updates %zu skipped %zu\n",
                   lb.stored, lb.newest, lb.updates, lb.skipped);
            s = descent_lbfgs_multiply(&lb, q3, out, &e);
            status("lbfgs multiply", s, e.message);
            vec("  r", 3, out);
            vec("  rho", 3, lb.rho);
            vec("  alpha", 3, lb.alpha);
            vec("  s", 9, lb.s);
            vec("  y", 9, lb.y);
        }
        descent_lbfgs_free(&lb);
    }

    /* Newton-CG: finite differences and an exact product, capped and not;
     * at the saddle, negative curvature at the first and a later step. */
    for (int k = 0; k < 4; k++) {
        descent_newton_cg c;
        char name[64];
        s = descent_newton_cg_init(&c, 4, k % 2 ? quad_product : NULL, &quad,
                                   &e);
        status("newton-cg init", s, e.message);
        c.max_cg = (size_t)(k / 2);
        snprintf(name, sizeof name, "newton-cg %d quadratic", k);
        wolfe_newton_run(name, q, descent_newton_cg_direction(&c), q0, 30);
        ncg_state(&c);
        if (k % 2 == 0) {
            snprintf(name, sizeof name, "newton-cg %d rosenbrock", k);
            wolfe_newton_run(name, r, descent_newton_cg_direction(&c), r0, 60);
            ncg_state(&c);
            snprintf(name, sizeof name, "newton-cg %d rosenbrock indefinite",
                     k);
            wolfe_newton_run(name, r, descent_newton_cg_direction(&c),
                             r_indefinite, 60);
            ncg_state(&c);
        }
        direction_at("newton-cg at q0", descent_newton_cg_direction(&c), &q,
                     q0, 1);
        ncg_state(&c);
        vec("  r", 4, c.r);
        vec("  v", 4, c.v);
        descent_newton_cg_free(&c);
    }
    {
        descent_newton_cg c;
        s = descent_newton_cg_init(&c, 2, NULL, NULL, &e);
        wolfe_newton_run("newton-cg cubic", cubic,
                         descent_newton_cg_direction(&c), near_saddle, 30);
        ncg_state(&c);
        for (int p = 0; p < 6; p++) {
            char name[64];
            snprintf(name, sizeof name, "newton-cg cubic at %d", p);
            direction_at(name, descent_newton_cg_direction(&c), &cubic,
                         points[p], 2);
            ncg_state(&c);
        }
        descent_newton_cg_free(&c);
    }

    /* The trust region: through the driver, and single steps from radii
     * that give the Newton step, the dogleg, and the Cauchy point. */
    {
        static const double radii[6] = {1e-3, 0.05, 0.3, 1, 10, 1e-20};
        descent_trust_region tr;
        s = descent_trust_region_init(&tr, 4, 1, &e);
        status("tr init", s, e.message);
        descent_step_schedule sched;
        run("tr quadratic", q, descent_trust_region_direction(&tr),
            descent_fixed_step(&sched, 1), q0, 30, true);
        tr_state(&tr);
        tr.radius = 0.1;
        run("tr rosenbrock", r, descent_trust_region_direction(&tr),
            descent_fixed_step(&sched, 1), r0, 80, true);
        tr_state(&tr);
        tr.radius = 1;
        tr.max_radius = 2;
        run("tr rosenbrock indefinite", r, descent_trust_region_direction(&tr),
            descent_fixed_step(&sched, 1), r_indefinite, 80, true);
        tr_state(&tr);
        for (int k = 0; k < 6; k++) {
            char name[64];
            tr.radius = radii[k];
            tr.max_radius = 1e10;
            snprintf(name, sizeof name, "tr quadratic radius %d", k);
            direction_at(name, descent_trust_region_direction(&tr), &q, q0, 1);
            tr_state(&tr);
            vec("  newton", 4, tr.newton);
            vec("  cauchy", 4, tr.cauchy);
            snprintf(name, sizeof name, "tr rosenbrock radius %d", k);
            tr.radius = radii[k];
            direction_at(name, descent_trust_region_direction(&tr), &r,
                         r_indefinite, 1);
            tr_state(&tr);
        }
        descent_trust_region_free(&tr);
        s = descent_trust_region_init(&tr, 2, 0.5, &e);
        run("tr cubic", cubic, descent_trust_region_direction(&tr),
            descent_fixed_step(&sched, 1), near_saddle, 30, true);
        tr_state(&tr);
        for (int p = 0; p < 6; p++) {
            for (int k = 0; k < 5; k++) {
                char name[64];
                tr.radius = radii[k];
                snprintf(name, sizeof name, "tr cubic at %d radius %d", p, k);
                direction_at(name, descent_trust_region_direction(&tr), &cubic,
                             points[p], 1);
                tr_state(&tr);
            }
        }
        static const double flat[2] = {1e8, 1e8};
        tr.radius = 1e-3;
        direction_at("tr cubic flat", descent_trust_region_direction(&tr),
                     &cubic, flat, 1);
        tr_state(&tr);
        descent_trust_region_free(&tr);
    }

    /* Levenberg-Marquardt: single steps, then runs to each stop. */
    {
        static const double amplitudes[3] = {0, 0.01, 0.5};
        double amplitude = 0.01, p[3], theta[3];
        descent_least_squares fit = {8, 2, fit_residuals, &amplitude, "fit"};
        descent_lm lm;
        s = descent_lm_init(&lm, 8, 2, &e);
        status("lm init", s, e.message);
        for (int k = 0; k < 6; k++)
            printf("lm reason %d: %s\n", k,
                   descent_lm_reason_name((descent_lm_reason)k));
        static const double t1[2] = {1, 0};
        for (int sc = 0; sc < 2; sc++) {
            lm.scale = sc;
            for (int k = 0; k < 5; k++) {
                double mu = k == 0 ? 0 : pow(10, 3 * k - 7);
                s = descent_lm_step(&lm, &fit, t1, mu, p, &e);
                status("lm step", s, e.message);
                vec("  p", 2, p);
                vec("  D", 2, lm.D);
                printf("  E %a evals %zu\n", lm.value,
                       lm.residual_evaluations);
            }
        }
        lm.scale = true;
        for (int a = 0; a < 3; a++) {
            descent_trace t;
            amplitude = amplitudes[a];
            descent_trace_init(&t, 2, true, &e);
            lm.trace = &t;
            for (int sc = 0; sc < 2; sc++) {
                lm.scale = sc;
                memcpy(theta, t1, sizeof t1);
                s = descent_levenberg_marquardt(&lm, &fit, theta, &e);
                lm_state("lm run", s, &lm, &e, theta);
                trace("lm trace", &t);
            }
            lm.trace = NULL;
            descent_trace_free(&t);
            lm.scale = true;
        }
        amplitude = 0.01;
        static const double far[2] = {-3, 2};
        memcpy(theta, far, sizeof far);
        s = descent_levenberg_marquardt(&lm, &fit, theta, &e);
        lm_state("lm far", s, &lm, &e, theta);
        lm.max_iterations = 3;
        memcpy(theta, t1, sizeof t1);
        s = descent_levenberg_marquardt(&lm, &fit, theta, &e);
        lm_state("lm capped", s, &lm, &e, theta);
        lm.max_iterations = 200;
        lm.max_mu = 1e-3;
        lm.mu0 = 10;
        memcpy(theta, far, sizeof far);
        s = descent_levenberg_marquardt(&lm, &fit, theta, &e);
        lm_state("lm damping limit", s, &lm, &e, theta);
        lm.max_mu = 1e20;
        lm.mu0 = 1e-3;
        lm.step_tolerance = 1e-3;
        memcpy(theta, t1, sizeof t1);
        s = descent_levenberg_marquardt(&lm, &fit, theta, &e);
        lm_state("lm small step", s, &lm, &e, theta);
        lm.step_tolerance = 1e-14;
        lm.reduction_tolerance = 1e-4;
        memcpy(theta, t1, sizeof t1);
        s = descent_levenberg_marquardt(&lm, &fit, theta, &e);
        lm_state("lm small reduction", s, &lm, &e, theta);
        lm.reduction_tolerance = 1e-15;
        lm.gradient_tolerance = 1e-2;
        memcpy(theta, t1, sizeof t1);
        s = descent_levenberg_marquardt(&lm, &fit, theta, &e);
        lm_state("lm gradient", s, &lm, &e, theta);
        descent_lm_free(&lm);

        descent_least_squares odd = {5, 3, odd_residuals, NULL, NULL};
        s = descent_lm_init(&lm, 5, 3, &e);
        static const double o1[3] = {3.5, 0, 1};
        for (int k = 0; k < 3; k++) {
            s = descent_lm_step(&lm, &odd, o1, k * 0.5, p, &e);
            status("lm odd step", s, e.message);
            vec("  p", 3, p);
            vec("  D", 3, lm.D);
        }
        memcpy(theta, o1, sizeof o1);
        s = descent_levenberg_marquardt(&lm, &odd, theta, &e);
        lm_state("lm odd", s, &lm, &e, theta);
        lm.mu0 = 1e-12;
        memcpy(theta, o1, sizeof o1);
        s = descent_levenberg_marquardt(&lm, &odd, theta, &e);
        lm_state("lm odd undamped", s, &lm, &e, theta);
        static const double bad[3] = {5, 0, 0};
        memcpy(theta, bad, sizeof bad);
        s = descent_levenberg_marquardt(&lm, &odd, theta, &e);
        lm_state("lm odd not finite", s, &lm, &e, theta);
        descent_lm_free(&lm);
    }
}

/* Chapter 7: the generator, the IDX reader, schedules, clipping, the
 * synthetic regression problems, and the float training loop. */
static void fvec(const char *what, size_t n, const float *x)
{
    printf("%s:", what);
    for (size_t i = 0; i < n; i++)
        printf(" %a", (double)x[i]);
    printf("\n");
}

static void generator(void)
{
    static const uint64_t seeds[3] = {0, 42, 0xffffffffffffffffULL};
    for (int s = 0; s < 3; s++) {
        descent_random r;
        descent_random_seed(&r, seeds[s]);
        printf("random seed %d:", s);
        for (int i = 0; i < 6; i++)
            printf(" %llx", (unsigned long long)descent_random_bits(&r));
        static const uint64_t below[7] = {1, 2, 3, 10, 1000003,
                                          0x8000000000000001ULL,
                                          0xffffffffffffffffULL};
        for (int i = 0; i < 7; i++)
            for (int j = 0; j < 3; j++)
                printf(" %llx", (unsigned long long)descent_random_below(
                                    &r, below[i]));
        printf(" below0 %llx", (unsigned long long)descent_random_below(&r, 0));
        printf("\n");
        for (int i = 0; i < 6; i++)
            printf(" u %a", descent_random_uniform(&r));
        for (int i = 0; i < 9; i++)
            printf(" g %a", descent_random_gaussian(&r));
        printf("\n");
        size_t p[17];
        for (size_t n = 0; n <= 17; n += 1 + n / 2) {
            descent_error e = {0};
            descent_status st = descent_random_permutation(&r, n, p, &e);
            status("  permutation", st, e.message);
            for (size_t i = 0; i < n && !st; i++)
                printf(" %zu", p[i]);
            printf("\n");
        }
        double x[9];
        for (int d = -1; d <= 3; d++) {
            descent_error e = {0};
            descent_status st = descent_random_fill(&r, 9, x, d, &e);
            status("  fill", st, e.message);
            if (!st)
                vec("  x", 9, x);
        }
        descent_error e = {0};
        status("  fill NULL", descent_random_fill(&r, 3, NULL, 0, &e),
               e.message);
        status("  fill r NULL", descent_random_fill(NULL, 3, x, 0, &e),
               e.message);
        status("  permutation NULL",
               descent_random_permutation(&r, 3, NULL, &e), e.message);
        status("  permutation r NULL",
               descent_random_permutation(NULL, 3, p, &e), e.message);
    }
}

static void put32(FILE *f, uint32_t v)
{
    unsigned char b[4] = {(unsigned char)(v >> 24), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 8), (unsigned char)v};
    fwrite(b, 1, 4, f);
}

/* Writes an images file of count images of rows x cols and a labels
 * file of labels entries; which names what to spoil. */
static void write_idx(const char *images, const char *labels, int which)
{
    uint32_t count = 5, rows = 3, cols = 2, nlabels = 5;
    FILE *f = fopen(images, "wb");
    put32(f, which == 1 ? 0x801 : which == 2 ? 0x12345678 : 0x803);
    put32(f, which == 3 ? 0 : count);
    put32(f, rows);
    put32(f, which == 4 ? 0xffffffffu : cols);
    size_t pixels = count * rows * cols - (which == 5 ? 3 : 0);
    for (size_t i = 0; i < pixels; i++)
        fputc((int)((i * 37 + 11) % 256), f);
    if (which == 6)
        fputc(7, f);
    fclose(f);
    f = fopen(labels, "wb");
    put32(f, which == 7 ? 0x803 : 0x801);
    put32(f, which == 8 ? 4 : nlabels);
    for (uint32_t i = 0; i < nlabels - (which == 9 ? 2 : 0); i++)
        fputc(which == 10 && i == 2 ? 255 : (int)(i * 3 % 4), f);
    if (which == 11)
        fputc(1, f);
    fclose(f);
}

static void samples(const char *what, descent_status st, const char *message,
                    const descent_samples *s)
{
    status(what, st, message);
    if (st)
        return;
    printf("  count %zu inputs %zu classes %zu outputs %zu\n", s->count,
           s->inputs, s->classes, s->outputs);
    double sum = 0, weighted = 0;
    for (size_t i = 0; i < s->count * s->inputs; i++) {
        sum += s->x[i];
        weighted += s->x[i] * (double)(i % 97 + 1);
    }
    long labels = 0;
    for (size_t i = 0; s->labels != NULL && i < s->count; i++)
        labels += (long)(i + 1) * s->labels[i];
    printf("  x sum %a weighted %a labels %ld\n", sum, weighted, labels);
}

static void data_files(void)
{
    static const size_t init[6][4] = {{3, 2, 4, 0}, {3, 2, 0, 2},
                                      {0, 2, 4, 0}, {3, 0, 4, 0},
                                      {(size_t)-1 / 2, 4, 4, 0},
                                      {3, 2, 4, 3}};
    for (int i = 0; i < 6; i++) {
        descent_samples s;
        descent_error e = {0};
        descent_status st = descent_samples_init(&s, init[i][0], init[i][1],
                                                 init[i][2], init[i][3], &e);
        status("samples init", st, e.message);
        if (!st) {
            printf("  %zu %zu %zu %zu %d %d %d\n", s.count, s.inputs,
                   s.classes, s.outputs, s.x != NULL, s.labels != NULL,
                   s.targets != NULL);
            descent_samples_free(&s);
        }
    }
    for (int which = 0; which <= 11; which++) {
        for (size_t limit = 0; limit <= 6; limit += 3) {
            descent_samples s;
            descent_error e = {0};
            write_idx("probe-images.idx", "probe-labels.idx", which);
            descent_status st = descent_idx_load(&s, "probe-images.idx",
                                                 "probe-labels.idx", limit,
                                                 &e);
            printf("idx %d limit %zu\n", which, limit);
            samples("  load", st, e.message, &s);
            if (!st)
                descent_samples_free(&s);
        }
    }
    descent_samples s;
    descent_error e = {0};
    status("idx missing", descent_idx_load(&s, "probe-none.idx",
                                           "probe-labels.idx", 0, &e),
           e.message);
    status("idx NULL", descent_idx_load(&s, NULL, "probe-labels.idx", 0, &e),
           e.message);
    status("idx s NULL", descent_idx_load(NULL, "a", "b", 0, &e), e.message);
    remove("probe-images.idx");
    remove("probe-labels.idx");
    for (int training = 0; training < 2; training++) {
        descent_status st = descent_fashion_mnist_load(&s, training, 300,
                                                       &e);
        samples("fashion-mnist", st, e.message, &s);
        if (!st)
            descent_samples_free(&s);
    }
    status("fashion-mnist too many",
           descent_fashion_mnist_load(&s, false, 10001, &e), e.message);
}

static void schedules(void)
{
    static const struct {
        descent_schedule_kind kind;
        double eta0, other;
        size_t count;
    } cases[] = {
        {DESCENT_SCHEDULE_CONSTANT, 0.1, 0, 0},
        {DESCENT_SCHEDULE_LINEAR, 0.1, 0.001, 10},
        {DESCENT_SCHEDULE_LINEAR, 0.1, 0.2, 10},
        {DESCENT_SCHEDULE_LINEAR, 0.1, 0.001, 0},
        {DESCENT_SCHEDULE_HARMONIC, 0.5, 0, 0},
        {DESCENT_SCHEDULE_INVERSE_SQUARE, 0.5, 0, 0},
        {DESCENT_SCHEDULE_EXPONENTIAL, 0.5, 0.9, 0},
        {DESCENT_SCHEDULE_EXPONENTIAL, 0.5, 1.5, 0},
        {DESCENT_SCHEDULE_STEP, 0.5, 0.1, 4},
        {DESCENT_SCHEDULE_STEP, 0.5, 0.1, 0},
        {DESCENT_SCHEDULE_PLATEAU, 0.5, 0.1, 2},
        {DESCENT_SCHEDULE_PLATEAU, 0.5, 1.0, 2},
        {DESCENT_SCHEDULE_CONSTANT, -0.1, 0, 0},
        {DESCENT_SCHEDULE_CONSTANT, NAN, 0, 0},
        {DESCENT_SCHEDULE_HARMONIC, INFINITY, 0, 0},
        {DESCENT_SCHEDULE_EXPONENTIAL, 0.5, 0, 0},
        {DESCENT_SCHEDULE_LINEAR, 0.1, -0.001, 10},
        {(descent_schedule_kind)9, 0.1, 0, 0},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        descent_schedule s;
        descent_error e = {0};
        descent_status st = descent_schedule_init(&s, cases[c].kind,
                                                  cases[c].eta0,
                                                  cases[c].other,
                                                  cases[c].count, &e);
        printf("schedule %zu", c);
        status("", st, e.message);
        if (st)
            continue;
        for (size_t k = 0; k < 14; k++)
            printf(" %a", descent_schedule_eta(&s, k));
        printf(" | %a %a\n", descent_schedule_eta(&s, 1000000),
               descent_schedule_eta(&s, (size_t)-1));
        static const double losses[10] = {5, 4, 4.5, 4.2, 4, 3, 3, 3.5, 3,
                                          NAN};
        for (int i = 0; i < 10; i++) {
            st = descent_schedule_epoch(&s, losses[i], &e);
            printf("  epoch %d %s %a %a %zu %a\n", i,
                   descent_status_name(st), descent_schedule_eta(&s, 3),
                   s.best, s.waited, s.factor);
        }
    }
    descent_error e = {0};
    status("schedule NULL", descent_schedule_init(NULL,
                                                  DESCENT_SCHEDULE_CONSTANT,
                                                  0.1, 0, 0, &e), e.message);
    status("schedule epoch NULL", descent_schedule_epoch(NULL, 1, &e),
           e.message);
}

static void clipping(void)
{
    static const double g0[6] = {3, -4, 0.5, -0.25, 12, 1e-3};
    static const double thresholds[6] = {100, 13, 1, 0.3, 0, NAN};
    for (int t = 0; t < 6; t++) {
        for (int zero = 0; zero < 2; zero++) {
            double g[6], h[6], norm = -1;
            float gf[6], hf[6];
            double normf = -1;
            for (int i = 0; i < 6; i++) {
                g[i] = h[i] = zero ? 0 : g0[i];
                gf[i] = hf[i] = (float)g[i];
            }
            descent_error e = {0};
            printf("clip t %d zero %d\n", t, zero);
            status("  norm", descent_clip_norm(g, 6, thresholds[t], &norm,
                                               &e), e.message);
            vec("  g", 6, g);
            printf("  norm %a\n", norm);
            status("  value", descent_clip_value(h, 6, thresholds[t], &e),
                   e.message);
            vec("  h", 6, h);
            status("  norm f", descent_clip_norm_f(gf, 6, thresholds[t],
                                                   &normf, &e), e.message);
            fvec("  gf", 6, gf);
            printf("  norm f %a\n", normf);
            status("  value f", descent_clip_value_f(hf, 6, thresholds[t],
                                                     &e), e.message);
            fvec("  hf", 6, hf);
        }
    }
    double g[3] = {NAN, 1, 2};
    float gf[3] = {1, INFINITY, 2};
    descent_error e = {0};
    status("clip nan", descent_clip_norm(g, 3, 1, NULL, &e), e.message);
    status("clip value nan", descent_clip_value(g, 3, 1, &e), e.message);
    status("clip inf f", descent_clip_norm_f(gf, 3, 1, NULL, &e), e.message);
    status("clip value inf f", descent_clip_value_f(gf, 3, 1, &e), e.message);
    status("clip NULL", descent_clip_norm(NULL, 3, 1, NULL, &e), e.message);
    status("clip n 0", descent_clip_value(g, 0, 1, &e), e.message);
}

static void regression(void)
{
    descent_regression p;
    descent_error e = {0};
    descent_status st = descent_regression_init(&p, 40, 3, 10, 0.1, 7, &e);
    status("regression", st, e.message);
    if (st)
        return;
    vec("  x", 120, p.x);
    vec("  y", 40, p.y);
    vec("  theta*", 3, p.theta_star);
    vec("  H", 9, p.H);
    vec("  S", 9, p.S);
    printf("  trace %a\n", p.trace);
    static const size_t batch[5] = {0, 7, 7, 39, 12};
    double theta[3] = {1, -2, 0.5}, g[3];
    for (size_t m = 0; m <= 5; m += 5) {
        st = descent_regression_gradient(&p, theta, m ? batch : NULL, m ? m :
                                         40, g, &e);
        status("  gradient", st, e.message);
        vec("  g", 3, g);
    }
    descent_random r;
    descent_random_seed(&r, 3);
    size_t idx[40];
    for (size_t i = 0; i < 40; i++)
        idx[i] = i;     /* the draw permutes these in place */
    for (size_t m = 0; m <= 41; m += 8) {
        st = descent_minibatch_draw(&r, 40, m, idx, &e);
        status("  draw", st, e.message);
        for (size_t i = 0; i < m && !st; i++)
            printf(" %zu", idx[i]);
        printf("\n");
    }
    static const descent_schedule_kind kinds[3] = {
        DESCENT_SCHEDULE_CONSTANT, DESCENT_SCHEDULE_HARMONIC,
        DESCENT_SCHEDULE_INVERSE_SQUARE};
    for (int k = 0; k < 3; k++) {
        for (size_t m = 1; m <= 40; m *= 5) {
            descent_schedule s;
            descent_schedule_init(&s, kinds[k], 0.05, 0, 0, &e);
            double t[3] = {2, -1, 3}, d2[12], path_theta[36];
            descent_sgd_path path = {d2, path_theta, 0, 0};
            st = descent_regression_sgd(&p, t, m, &s, 12, &r, &path, &e);
            printf("  sgd %d m %zu", k, m);
            status("", st, e.message);
            vec("  theta", 3, t);
            vec("  d2", 12, d2);
            vec("  path", 36, path_theta);
            printf("  travelled %a largest %a\n", path.travelled,
                   path.largest_gradient);
        }
    }
    static const double etas[4] = {0.01, 0.1, 1, -1};
    for (int i = 0; i < 4; i++)
        for (size_t m = 1; m <= 41; m += 20) {
            double first = -1, exact = -1;
            st = descent_regression_stationary(&p, etas[i], m, &first,
                                               &exact, &e);
            printf("  stationary %d %zu", i, m);
            status("", st, e.message);
            printf("  %a %a\n", first, exact);
        }
    descent_regression_free(&p);
    status("regression bad", descent_regression_init(&p, 2, 3, 10, 0.1, 7,
                                                     &e), e.message);
    status("regression cond", descent_regression_init(&p, 40, 3, 0.5, 0.1,
                                                      7, &e), e.message);
    descent_logistic l;
    st = descent_logistic_init(&l, 30, 3, 0.01, 5, &e);
    status("logistic", st, e.message);
    if (st)
        return;
    vec("  x", 90, l.x);
    vec("  y", 30, l.y);
    vec("  theta*", 3, l.theta_star);
    printf("  E* %a\n", l.value_star);
    for (size_t m = 0; m <= 5; m += 5) {
        double value = 0;
        st = descent_logistic_value(&l, theta, m ? batch : NULL, m ? m : 30,
                                    &value, g, &e);
        status("  value", st, e.message);
        printf("  E %a\n", value);
        vec("  g", 3, g);
    }
    descent_logistic_free(&l);
}

static void progress_file(FILE *f)
{
    rewind(f);
    char line[512];
    while (fgets(line, sizeof line, f) != NULL) {
        /* the samples per second is a time: drop its digits */
        char *s = strstr(line, " samples/s");
        char *b = s;
        while (b != NULL && b > line && b[-1] != ' ')
            b--;
        if (b != NULL)
            printf("  progress %.*s#%s", (int)(b - line), line, s);
        else
            printf("  progress %s", line);
    }
}

static void step_note(size_t step, double loss, void *context)
{
    if (step % 3 == 0)
        printf("  step %zu %a %s\n", step, loss, (const char *)context);
}

static void training(void)
{
    descent_samples train, test, reg;
    descent_error e = {0};
    if (descent_samples_init(&train, 37, 5, 3, 0, &e) ||
        descent_samples_init(&test, 11, 5, 3, 0, &e) ||
        descent_samples_init(&reg, 20, 5, 0, 2, &e)) {
        status("training data", DESCENT_OUT_OF_MEMORY, e.message);
        return;
    }
    for (size_t i = 0; i < 37 * 5; i++)
        train.x[i] = (float)sin(0.37 * (double)i);
    for (size_t i = 0; i < 37; i++)
        train.labels[i] = (int32_t)((i * 7) % 3);
    for (size_t i = 0; i < 11 * 5; i++)
        test.x[i] = (float)cos(0.21 * (double)i);
    for (size_t i = 0; i < 11; i++)
        test.labels[i] = (int32_t)((i * 5) % 3);
    for (size_t i = 0; i < 20 * 5; i++)
        reg.x[i] = (float)sin(1.1 * (double)i);
    for (size_t i = 0; i < 40; i++)
        reg.targets[i] = (float)cos(0.5 * (double)i);
    static const descent_layer_kind acts[3] = {
        DESCENT_LAYER_RELU, DESCENT_LAYER_LOGISTIC, DESCENT_LAYER_TANH};
    for (int a = 0; a < 3; a++) {
        for (int l2 = 0; l2 < 2; l2++) {
            descent_model model;
            descent_layer_spec spec[5] = {{DESCENT_LAYER_DENSE, 4},
                                          {acts[a], 0},
                                          {DESCENT_LAYER_DENSE, l2 ? 2 : 3},
                                          {l2 ? DESCENT_LAYER_L2
                                              : DESCENT_LAYER_SOFTMAX_CROSS_ENTROPY,
                                           0}};
            descent_status st = descent_model_init(&model, 5, 4, spec, 16,
                                                   &e);
            printf("model %d %d", a, l2);
            status("", st, e.message);
            if (st)
                continue;
            printf("  inputs %zu outputs %zu parameters %zu states %zu\n",
                   model.inputs, model.outputs, model.parameters,
                   model.states);
            for (size_t i = 0; i < model.count; i++)
                printf("  layer %zu kind %d %zu %zu %zu %zu\n", i,
                       (int)model.layer[i].kind, model.layer[i].inputs,
                       model.layer[i].outputs, model.layer[i].offset,
                       model.layer[i].parameters);
            descent_random r;
            descent_random_seed(&r, 11);
            st = descent_model_init_weights(&model, &r, &e);
            status("  weights", st, e.message);
            fvec("  theta", model.parameters, model.theta);
            const descent_samples *d = l2 ? &reg : &train;
            static const size_t index[6] = {0, 3, 3, 19, 5, 2};
            double loss = -1, accuracy = -1;
            st = descent_model_gradient(&model, d, index, 6, &loss, &e);
            status("  gradient", st, e.message);
            printf("  loss %a\n", loss);
            fvec("  g", model.parameters, model.gradient);
            st = descent_model_evaluate(&model, d, &loss, &accuracy, &e);
            status("  evaluate", st, e.message);
            printf("  loss %a accuracy %a\n", loss, accuracy);
            for (int rule = 0; rule < 3; rule++) {
                descent_optimizer opt;
                st = descent_sgd_init(&opt, model.parameters,
                                      rule ? 0.9 : 0, rule == 2, &e);
                status("  sgd", st, e.message);
                if (st)
                    continue;
                printf("  %s %zu %a %d %zu\n", opt.name, opt.n, opt.beta,
                       (int)opt.nesterov, opt.vectors);
                float theta[64];
                memcpy(theta, model.theta, model.parameters * sizeof *theta);
                for (int k = 0; k < 3; k++) {
                    st = descent_optimizer_step(&opt, theta, model.gradient,
                                                0.5, &e);
                    status("  step", st, e.message);
                    fvec("  theta", model.parameters, theta);
                }
                printf("  steps %zu\n", opt.steps);
                descent_optimizer_free(&opt);
            }
            descent_model_free(&model);
        }
    }
    /* Whole runs: clipping, schedules, a test set, the progress line. */
    for (int run = 0; run < 5; run++) {
        descent_model model;
        size_t hidden[2] = {6, 4};
        descent_status st = descent_mlp_init(&model, 5, run == 4 ? 1 : 2,
                                             hidden,
                                             run == 3 ? DESCENT_LAYER_TANH
                                                      : DESCENT_LAYER_RELU,
                                             3, 8, &e);
        status("mlp", st, e.message);
        if (st)
            continue;
        descent_random r;
        descent_random_seed(&r, 5 + (uint64_t)run);
        descent_model_init_weights(&model, &r, &e);
        descent_optimizer opt;
        descent_sgd_init(&opt, model.parameters, run == 1 ? 0 : 0.9,
                         run == 2, &e);
        descent_schedule s;
        descent_schedule_init(&s, run == 2 ? DESCENT_SCHEDULE_PLATEAU
                                           : DESCENT_SCHEDULE_LINEAR,
                              0.2, run == 2 ? 0.5 : 0.02, run == 2 ? 1 : 9,
                              &e);
        FILE *progress = tmpfile();
        descent_train_options o = {
            .epochs = 4, .batch = run == 4 ? 8 : 5, .seed = 99,
            .optimizer = &opt, .schedule = &s,
            .clip = run == 1 ? DESCENT_CLIP_NORM
                    : run == 2 ? DESCENT_CLIP_VALUE : DESCENT_CLIP_NONE,
            .clip_threshold = run == 1 ? 0.3 : 0.05,
            .test = run == 0 ? NULL : &test,
            .quiet = progress == NULL || run == 3,
            .progress = progress,
            .callback = run == 0 ? step_note : NULL,
            .context = "note"};
        descent_epoch_record records[4];
        memset(records, 0, sizeof records);
        st = descent_train(&model, &train, &o, records, &e);
        printf("train %d", run);
        status("", st, e.message);
        for (int i = 0; i < 4; i++)
            printf("  %zu %zu %a %a %a %a %a %d\n", records[i].epoch,
                   records[i].steps, records[i].train_loss,
                   records[i].test_loss, records[i].test_accuracy,
                   records[i].eta, records[i].gradient_norm,
                   records[i].seconds >= 0);
        fvec("  theta", model.parameters, model.theta);
        if (progress != NULL) {
            progress_file(progress);
            fclose(progress);
        }
        /* bad options */
        o.quiet = true;
        o.batch = 0;
        status("  batch 0", descent_train(&model, &train, &o, NULL, &e),
               e.message);
        o.batch = 9;
        status("  batch 9", descent_train(&model, &train, &o, NULL, &e),
               e.message);
        o.batch = 5;
        o.clip = DESCENT_CLIP_NORM;
        o.clip_threshold = -1;
        status("  clip", descent_train(&model, &train, &o, NULL, &e),
               e.message);
        descent_optimizer_free(&opt);
        descent_model_free(&model);
    }
    train.labels[4] = 3;
    descent_model model;
    size_t hidden[1] = {4};
    if (!descent_mlp_init(&model, 5, 1, hidden, DESCENT_LAYER_RELU, 3, 8,
                          &e)) {
        double loss, accuracy;
        static const size_t index[2] = {4, 1};
        status("label 3", descent_model_gradient(&model, &train, index, 2,
                                                 &loss, &e), e.message);
        status("label 3 evaluate", descent_model_evaluate(&model, &train,
                                                          &loss, &accuracy,
                                                          &e), e.message);
        descent_model_free(&model);
    }
    descent_samples_free(&train);
    descent_samples_free(&test);
    descent_samples_free(&reg);
}

int main(void)
{
    problems();
    gradient_descent();
    line_searches();
    scalar();
    conjugate_gradients();
    sloppy_cg();
    momentum();
    network();
    theory();
    newton();
    generator();
    data_files();
    schedules();
    clipping();
    regression();
    training();
    descent_quadratic_free(&quad);
    return 0;
}
