/* spoiler.h: what the spoiler figures share (Section "The spoiler" of
   Chapter 6): the four points, the logistic neuron on them, and its
   training by gradient descent from the starts of the chapter's tests. */
#ifndef SPOILER_H
#define SPOILER_H

#include "descent.h"
#include "figure.h"
#include "network.h"

/* The seeds searched by spoiler_first_misclassifying. */
enum { SPOILER_FIRST_SEED = 1000, SPOILER_MAX_RUNS = 200 };

/* The four points with the spoiler at (0,-t): (1,0) and (0,1) positive,
   (-1,0) negative, (0,-t) positive; labels 1/0, targets 0.95/0.05; and
   the logistic neuron's L2 problem on them. The datasets and the problem
   point into the struct, so it is set up in place and never copied. */
typedef struct spoiler {
    double x[8], labels[4], targets[4];
    descent_dataset labelled, data;
    descent_network net;
    descent_network_problem problem;
    descent_objective f;
} spoiler;

static inline void spoiler_init(spoiler *s, double t)
{
    const double x[8] = {1, 0, 0, 1, -1, 0, 0, -t};
    const double labels[4] = {1, 1, 0, 1}, target[2] = {0.05, 0.95};
    const size_t sizes[2] = {2, 1};
    descent_error err;
    for (int i = 0; i < 8; i++)
        s->x[i] = x[i];
    for (int i = 0; i < 4; i++) {
        s->labels[i] = labels[i];
        s->targets[i] = target[(int)labels[i]];
    }
    s->labelled = (descent_dataset){4, 2, 1, s->x, s->labels};
    s->data = (descent_dataset){4, 2, 1, s->x, s->targets};
    figure_check(descent_network_init(&s->net, 1, sizes, DESCENT_LOGISTIC,
                                      DESCENT_LOGISTIC, &err),
                 "network", err.message);
    figure_check(descent_network_problem_init(&s->problem, &s->net,
                                              &s->data, DESCENT_L2, &err),
                 "problem", err.message);
    s->f = descent_network_objective(&s->problem);
}

static inline void spoiler_free(spoiler *s)
{
    descent_network_problem_free(&s->problem);
}

/* A start uniform in [-0.1,0.1]^3, as in the chapter's tests. */
static inline void spoiler_random_start(unsigned seed, double w[3])
{
    descent_random random;
    descent_error err;
    descent_random_seed(&random, seed);
    figure_check(descent_random_fill(&random, 3, w, DESCENT_SYMMETRIC,
                                     &err), "random start", err.message);
    for (int i = 0; i < 3; i++)
        w[i] *= 0.1;
}

/* Gradient descent (fixed step 1, at most max_iterations) from the start
   of seed; leaves the weights in w and the neuron's outputs on the four
   points in outputs. */
static inline void spoiler_train(spoiler *s, unsigned seed,
                                 size_t max_iterations, double w[3],
                                 double outputs[4])
{
    descent_step_schedule schedule;
    descent_direction_rule direction = descent_steepest_descent();
    descent_step_rule step = descent_fixed_step(&schedule, 1);
    descent_options options = descent_default_options();
    descent_result result;
    descent_error err;
    options.max_iterations = max_iterations;
    spoiler_random_start(seed, w);
    descent_status st = descent_minimize(&s->f, &direction, &step, &options,
                                         w, &result);
    if (st == DESCENT_STALLED || st == DESCENT_MAX_ITERATIONS)
        st = DESCENT_OK;   /* both are ends of a run, not failures */
    figure_check(st, "gradient descent", result.message);
    figure_check(descent_network_outputs(&s->problem, w, outputs, &err),
                 "outputs", err.message);
}

/* The first seed from SPOILER_FIRST_SEED whose run ends misclassifying
   the spoiler, with that run's weights in w; stops after SPOILER_MAX_RUNS
   seeds without one. */
static inline unsigned spoiler_first_misclassifying(spoiler *s,
                                                    size_t max_iterations,
                                                    double w[3])
{
    for (unsigned seed = SPOILER_FIRST_SEED;
         seed < SPOILER_FIRST_SEED + SPOILER_MAX_RUNS; seed++) {
        double outputs[4];
        spoiler_train(s, seed, max_iterations, w, outputs);
        if (outputs[3] < 0.5)
            return seed;
    }
    figure_check(DESCENT_MAX_ITERATIONS, "gradient descent",
                 "no run misclassified the spoiler");
    return 0;
}

#endif
