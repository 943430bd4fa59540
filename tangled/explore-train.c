/* explore-train.c: generated from chapters/13-explorer.nw; do not edit.
   The training rules and schedules as components (Appendix "The
   explorer"). */
#include <math.h>
#include <stddef.h>

#include "adaptive.h"
#include "internal-explore.h"

enum { INCLUDED = 0, EXCLUDED = 1 };
#define REAL(name, low, low_end, high, high_end, what)                \
    {name, DESCENT_PARAMETER_REAL, low, high, low_end, high_end, NULL, \
     what}
#define SWITCH(name, what)                                             \
    {name, DESCENT_PARAMETER_SWITCH, 0, 1, false, false, NULL, what}
#define COUNT(name, what)                                              \
    {name, DESCENT_PARAMETER_COUNT, 1, 1e9, false, false, NULL, what}
#define WEIGHT_DECAY                                                   \
    REAL("weight-decay", 0, INCLUDED, INFINITY, EXCLUDED,             \
         "the weight decay lambda")
#define EPS(what) REAL("eps", 0, EXCLUDED, INFINITY, EXCLUDED, what)
#define UNIT(name, what) REAL(name, 0, INCLUDED, 1, EXCLUDED, what)
static const descent_parameter momentum_parameters[] = {
    UNIT("momentum", "the momentum factor beta")};

static void momentum_defaults(double *value) { value[0] = 0.9; }

static descent_status sgd_rule(descent_optimizer *opt, const double *value,
                               size_t n, descent_error *error)
{
    (void)value;
    return descent_sgd_init(opt, n, 0, false, error);
}

static descent_status momentum_rule(descent_optimizer *opt,
                                    const double *value, size_t n,
                                    descent_error *error)
{
    return descent_sgd_init(opt, n, value[0], false, error);
}

static descent_status nesterov_rule(descent_optimizer *opt,
                                    const double *value, size_t n,
                                    descent_error *error)
{
    return descent_sgd_init(opt, n, value[0], true, error);
}
#define FIELD(name) offsetof(descent_adaptive_options, name)

static void options_read(const descent_adaptive_options *o,
                         const descent_parameter *parameter,
                         const size_t *field, size_t count, double *value)
{
    for (size_t i = 0; i < count; i++) {
        const char *at = (const char *)o + field[i];
        value[i] = parameter[i].kind == DESCENT_PARAMETER_SWITCH
                       ? (double)*(const bool *)(const void *)at
                       : *(const double *)(const void *)at;
    }
}

static void options_write(descent_adaptive_options *o,
                          const descent_parameter *parameter,
                          const size_t *field, size_t count,
                          const double *value)
{
    for (size_t i = 0; i < count; i++) {
        char *at = (char *)o + field[i];
        if (parameter[i].kind == DESCENT_PARAMETER_SWITCH)
            *(bool *)(void *)at = value[i] != 0;
        else
            *(double *)(void *)at = value[i];
    }
}
static const descent_parameter rprop_parameters[] = {
    REAL("eta-minus", 0, EXCLUDED, 1, EXCLUDED, "the factor that shrinks"),
    REAL("eta-plus", 1, EXCLUDED, INFINITY, EXCLUDED,
         "the factor that grows"),
    REAL("step-min", 0, EXCLUDED, INFINITY, EXCLUDED, "the least step"),
    REAL("step-max", 0, EXCLUDED, INFINITY, EXCLUDED,
         "the largest step (at least step-min)"),
    SWITCH("backtracking", "undo a step that changed the sign (Rprop+)"),
    WEIGHT_DECAY};
static const size_t rprop_fields[] = {
    FIELD(eta_minus), FIELD(eta_plus), FIELD(step_min), FIELD(step_max),
    FIELD(backtracking), FIELD(weight_decay)};

static const descent_parameter quickprop_parameters[] = {
    REAL("growth-limit", 0, EXCLUDED, INFINITY, EXCLUDED,
         "the growth limit mu"),
    WEIGHT_DECAY};
static const size_t quickprop_fields[] = {FIELD(growth_limit),
                                          FIELD(weight_decay)};

static const descent_parameter adagrad_parameters[] = {
    EPS("the guard epsilon in the denominator"),
    REAL("lr-decay", 0, INCLUDED, INFINITY, EXCLUDED,
         "the decay of the step size"),
    REAL("initial-accumulator", 0, INCLUDED, INFINITY, EXCLUDED,
         "the first sum of squares"),
    WEIGHT_DECAY};
static const size_t adagrad_fields[] = {
    FIELD(eps), FIELD(lr_decay), FIELD(initial_accumulator),
    FIELD(weight_decay)};

static const descent_parameter rmsprop_parameters[] = {
    UNIT("alpha", "the smoothing constant"),
    EPS("the guard epsilon in the denominator"),
    UNIT("momentum", "the momentum factor"),
    SWITCH("centered", "divide by the variance, not the mean square"),
    WEIGHT_DECAY};
static const size_t rmsprop_fields[] = {
    FIELD(alpha), FIELD(eps), FIELD(momentum), FIELD(centered),
    FIELD(weight_decay)};

static const descent_parameter adam_parameters[] = {
    UNIT("beta1", "the decay of the first moment"),
    UNIT("beta2", "the decay of the second moment"),
    EPS("the guard epsilon in the denominator"),
    SWITCH("amsgrad", "divide by the largest second moment (AMSGrad)"),
    SWITCH("bias-correction", "correct the moments' bias"),
    WEIGHT_DECAY};
static const size_t adam_fields[] = {
    FIELD(beta1), FIELD(beta2), FIELD(eps), FIELD(amsgrad),
    FIELD(bias_correction), FIELD(weight_decay)};
#define ADAPTIVE_RULE(rule, KIND, list)                                 \
    static void rule##_defaults(double *value)                         \
    {                                                                  \
        descent_adaptive_options o;                                    \
        descent_adaptive_defaults(KIND, &o, NULL);                     \
        options_read(&o, list##_parameters, list##_fields,             \
                     sizeof list##_fields / sizeof *list##_fields,     \
                     value);                                           \
    }                                                                  \
    static descent_status rule##_rule(descent_optimizer *opt,          \
                                      const double *value, size_t n,   \
                                      descent_error *error)            \
    {                                                                  \
        descent_adaptive_options o;                                    \
        descent_adaptive_defaults(KIND, &o, NULL);                     \
        options_write(&o, list##_parameters, list##_fields,            \
                      sizeof list##_fields / sizeof *list##_fields,    \
                      value);                                          \
        return descent_adaptive_optimizer_init(opt, n, KIND, &o,       \
                                               error);                 \
    }

ADAPTIVE_RULE(rprop, DESCENT_ADAPTIVE_RPROP, rprop)
ADAPTIVE_RULE(quickprop, DESCENT_ADAPTIVE_QUICKPROP, quickprop)
ADAPTIVE_RULE(adagrad, DESCENT_ADAPTIVE_ADAGRAD, adagrad)
ADAPTIVE_RULE(rmsprop, DESCENT_ADAPTIVE_RMSPROP, rmsprop)
ADAPTIVE_RULE(adam, DESCENT_ADAPTIVE_ADAM, adam)
ADAPTIVE_RULE(adamw, DESCENT_ADAPTIVE_ADAMW, adam)
static descent_status plain_schedule(descent_schedule *s,
                                     descent_schedule_kind kind,
                                     double eta0, descent_error *error)
{
    return descent_schedule_init(s, kind, eta0, 0, 0, error);
}

static descent_status constant_schedule(descent_schedule *s,
                                        const double *value, double eta0,
                                        size_t steps, size_t epochs,
                                        descent_error *error)
{
    (void)value, (void)steps, (void)epochs;
    return plain_schedule(s, DESCENT_SCHEDULE_CONSTANT, eta0, error);
}

static descent_status harmonic_schedule(descent_schedule *s,
                                        const double *value, double eta0,
                                        size_t steps, size_t epochs,
                                        descent_error *error)
{
    (void)value, (void)steps, (void)epochs;
    return plain_schedule(s, DESCENT_SCHEDULE_HARMONIC, eta0, error);
}

static descent_status inverse_square_schedule(descent_schedule *s,
                                              const double *value,
                                              double eta0, size_t steps,
                                              size_t epochs,
                                              descent_error *error)
{
    (void)value, (void)steps, (void)epochs;
    return plain_schedule(s, DESCENT_SCHEDULE_INVERSE_SQUARE, eta0, error);
}
static const descent_parameter linear_parameters[] = {
    REAL("final", 0, INCLUDED, 1, INCLUDED,
         "the last step size, a fraction of eta")};
static void linear_defaults(double *value) { value[0] = 0.01; }

static const descent_parameter exponential_parameters[] = {
    REAL("gamma", 0, EXCLUDED, 1, INCLUDED, "the factor per epoch")};
static void exponential_defaults(double *value) { value[0] = 0.5; }

static const descent_parameter step_parameters[] = {
    REAL("gamma", 0, EXCLUDED, 1, INCLUDED, "the factor of a cut"),
    COUNT("every", "epochs between cuts")};
static void step_defaults(double *value) { value[0] = 0.1, value[1] = 2; }

static const descent_parameter plateau_parameters[] = {
    REAL("gamma", 0, EXCLUDED, 1, EXCLUDED, "the factor of a cut"),
    COUNT("patience", "epochs without progress before a cut")};
static void plateau_defaults(double *value)
{
    value[0] = 0.1, value[1] = 2;
}
static descent_status linear_schedule(descent_schedule *s,
                                      const double *value, double eta0,
                                      size_t steps, size_t epochs,
                                      descent_error *error)
{
    return descent_schedule_init(s, DESCENT_SCHEDULE_LINEAR, eta0,
                                 value[0] * eta0, steps * epochs, error);
}

static descent_status exponential_schedule(descent_schedule *s,
                                           const double *value,
                                           double eta0, size_t steps,
                                           size_t epochs,
                                           descent_error *error)
{
    (void)epochs;
    return descent_schedule_init(s, DESCENT_SCHEDULE_EXPONENTIAL, eta0,
                                 pow(value[0], 1.0 / (double)steps), 0,
                                 error);
}

static descent_status step_schedule(descent_schedule *s,
                                    const double *value, double eta0,
                                    size_t steps, size_t epochs,
                                    descent_error *error)
{
    size_t every = (size_t)value[1];
    (void)epochs;
    if (every > SIZE_MAX / steps)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "schedule step: every = %zu epochs of %zu "
                            "steps is too many steps", every, steps);
    return descent_schedule_init(s, DESCENT_SCHEDULE_STEP, eta0, value[0],
                                 every * steps, error);
}

static descent_status plateau_schedule(descent_schedule *s,
                                       const double *value, double eta0,
                                       size_t steps, size_t epochs,
                                       descent_error *error)
{
    (void)steps, (void)epochs;
    return descent_schedule_init(s, DESCENT_SCHEDULE_PLATEAU, eta0,
                                 value[0], (size_t)value[1], error);
}
#define OPS(name, field) \
    static const descent_component_ops name##_ops = {.field = name##_##field}
OPS(sgd, rule); OPS(momentum, rule); OPS(nesterov, rule);
OPS(rprop, rule); OPS(quickprop, rule); OPS(adagrad, rule);
OPS(rmsprop, rule); OPS(adam, rule); OPS(adamw, rule);
OPS(constant, schedule); OPS(linear, schedule); OPS(harmonic, schedule);
OPS(inverse_square, schedule); OPS(exponential, schedule);
OPS(step, schedule); OPS(plateau, schedule);

#define COMPONENT(kind, name, chapter, summary, list, defaults, ops)   \
    {DESCENT_COMPONENT_##kind, name, chapter, summary, 0, NULL,         \
     sizeof list / sizeof *list, list, defaults, &ops##_ops}
#define NONE(kind, name, chapter, summary, ops)                        \
    {DESCENT_COMPONENT_##kind, name, chapter, summary, 0, NULL, 0, NULL, \
     no_defaults, &ops##_ops}

static void no_defaults(double *value) { (void)value; }
const descent_component descent_training_components[] = {
    NONE(RULE, "sgd", "stochastic", "plain stochastic gradient descent",
         sgd),
    COMPONENT(RULE, "momentum", "stochastic", "SGD with heavy-ball momentum",
              momentum_parameters, momentum_defaults, momentum),
    COMPONENT(RULE, "nesterov", "stochastic", "SGD with Nesterov momentum",
              momentum_parameters, momentum_defaults, nesterov),
    COMPONENT(RULE, "rprop", "adaptive", "resilient backpropagation",
              rprop_parameters, rprop_defaults, rprop),
    COMPONENT(RULE, "quickprop", "adaptive", "Fahlman's Quickprop",
              quickprop_parameters, quickprop_defaults, quickprop),
    COMPONENT(RULE, "adagrad", "adaptive", "AdaGrad",
              adagrad_parameters, adagrad_defaults, adagrad),
    COMPONENT(RULE, "rmsprop", "adaptive", "RMSProp",
              rmsprop_parameters, rmsprop_defaults, rmsprop),
    COMPONENT(RULE, "adam", "adaptive", "Adam", adam_parameters,
              adam_defaults, adam),
    COMPONENT(RULE, "adamw", "adaptive", "AdamW, with decoupled decay",
              adam_parameters, adamw_defaults, adamw),
    NONE(SCHEDULE, "constant", "stochastic", "eta at every step", constant),
    COMPONENT(SCHEDULE, "linear", "stochastic",
              "from eta down to final eta over the training",
              linear_parameters, linear_defaults, linear),
    NONE(SCHEDULE, "harmonic", "stochastic", "eta / (k + 1) at step k",
         harmonic),
    NONE(SCHEDULE, "inverse-square", "stochastic",
         "eta / (k + 1)^2 at step k", inverse_square),
    COMPONENT(SCHEDULE, "exponential", "stochastic",
              "eta times gamma every epoch", exponential_parameters,
              exponential_defaults, exponential),
    COMPONENT(SCHEDULE, "step", "stochastic",
              "eta times gamma every few epochs", step_parameters,
              step_defaults, step),
    COMPONENT(SCHEDULE, "plateau", "stochastic",
              "eta times gamma when the loss stops falling",
              plateau_parameters, plateau_defaults, plateau)};
const size_t descent_training_count =
    sizeof descent_training_components / sizeof *descent_training_components;
static descent_status value_check(const char *function,
                                  const descent_component *c,
                                  const descent_parameter *p, double x,
                                  descent_error *error)
{
    bool whole = p->kind != DESCENT_PARAMETER_REAL;
    bool above = p->lower_open ? x > p->lower : x >= p->lower,
         below = p->upper_open ? x < p->upper : x <= p->upper;
    if (isfinite(x) && above && below && (!whole || x == floor(x)))
        return DESCENT_OK;
    return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                        "%s: %s %s = %g must be %s in %c%g, %g%c",
                        function, c->name, p->name, x,
                        whole ? "a whole number" : "finite and lie",
                        p->lower_open ? '(' : '[', p->lower, p->upper,
                        p->upper_open ? ')' : ']');
}
static descent_status values_check(const char *function,
                                   const descent_component *c,
                                   descent_component_kind kind,
                                   const double *value, double *own,
                                   descent_error *error)
{
    const char *wanted = kind == DESCENT_COMPONENT_RULE ? "rule" : "schedule";
    if (c == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: the %s is NULL", function, wanted);
    if (c->kind != kind || c->ops == NULL ||
        (kind == DESCENT_COMPONENT_RULE ? c->ops->rule == NULL
                                        : c->ops->schedule == NULL))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: component %s is not a training %s",
                            function, c->name ? c->name : "(unnamed)",
                            wanted);
    if (c->parameters > DESCENT_MAX_PARAMETERS)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: %s has %zu parameters, more than %d",
                            function, c->name, c->parameters,
                            (int)DESCENT_MAX_PARAMETERS);
    if (c->parameters > 0 && (c->parameter == NULL || c->defaults == NULL))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: %s lacks its parameter table or defaults",
                            function, c->name ? c->name : "(unnamed)");
    if (value == NULL && c->parameters > 0)
        c->defaults(own);
    else
        for (size_t i = 0; i < c->parameters; i++)
            own[i] = value[i];
    for (size_t i = 0; i < c->parameters; i++) {
        descent_status s = value_check(function, c, &c->parameter[i], own[i],
                                       error);
        if (s)
            return s;
    }
    return DESCENT_OK;
}
descent_status descent_rule_build(descent_optimizer *opt,
                                  const descent_component *rule,
                                  const double *value, size_t n,
                                  descent_error *error)
{
    const char *function = "descent_rule_build";
    double own[DESCENT_MAX_PARAMETERS];
    if (opt == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: optimizer opt is NULL", function);
    *opt = (descent_optimizer){0};
    descent_status s = values_check(function, rule, DESCENT_COMPONENT_RULE,
                                    value, own, error);
    if (s)
        return s;
    if (rule->ops->rule == rprop_rule && own[3] < own[2])
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: rprop step-max = %g must be at least "
                            "step-min = %g", function, own[3], own[2]);
    return rule->ops->rule(opt, own, n, error);
}
descent_status descent_schedule_build(descent_schedule *s,
                                      const descent_component *schedule,
                                      const double *value, double eta0,
                                      size_t steps_per_epoch, size_t epochs,
                                      descent_error *error)
{
    const char *function = "descent_schedule_build";
    double own[DESCENT_MAX_PARAMETERS];
    if (s == NULL)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: schedule s is NULL", function);
    *s = (descent_schedule){0};
    descent_status status = values_check(function, schedule,
                                         DESCENT_COMPONENT_SCHEDULE, value,
                                         own, error);
    if (status)
        return status;
    if (steps_per_epoch == 0 || epochs == 0 ||
        epochs > SIZE_MAX / steps_per_epoch)
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: steps_per_epoch = %zu and epochs = %zu must "
                            "be at least 1, and their product a count",
                            function, steps_per_epoch, epochs);
    if (!(eta0 > 0) || !isfinite(eta0))
        return descent_fail(error, DESCENT_INVALID_ARGUMENT,
                            "%s: eta0 = %g must be positive and finite",
                            function, eta0);
    return schedule->ops->schedule(s, own, eta0, steps_per_epoch, epochs,
                                   error);
}
