/* main.c: generated from chapters/13-explorer.nw; do not edit.
   descent: every method of the book on every test problem. */
#define _POSIX_C_SOURCE 200809L
#include <getopt.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "explorer.h"

enum { RUN = 1, COMPARE = 2, LIST = 4 };

typedef struct option_doc {
    const char *name, *argument;
    unsigned commands;
    const char *text;
} option_doc;

static const option_doc option_docs[] = {
    {"problem", "NAME", RUN | COMPARE,
     "the test problem (descent list problems)"},
    {"method", "NAME", RUN, "the direction rule (descent list methods)"},
    {"methods", "A,B,...", COMPARE,
     "the methods to compare; a method may carry its own parameters, "
     "as in cg:formula=fr"},
    {"search", "NAME", RUN | COMPARE,
     "the step rule (descent list searches); default: the method's own"},
    {"start", "X1,X2,...", RUN | COMPARE,
     "the starting point, or one number for every coordinate; default: "
     "the problem's standard start"},
    {"tolerance", "G", RUN | COMPARE,
     "gradient methods: stop when |g| <= G (default: the library's)"},
    {"value-tolerance", "V", RUN | COMPARE,
     "gradient methods: stop when E changes by less than V relative, "
     "for --stall steps"},
    {"max-iterations", "K", RUN | COMPARE,
     "gradient methods: stop after K steps"},
    {"stall", "K", RUN | COMPARE,
     "gradient methods: steps without change before stalled (0: never)"},
    {"divergence", "X", RUN | COMPARE,
     "gradient methods: diverged when E exceeds X"},
    {"trace", "FILE", RUN,
     "write k, E, |g|, eta, evaluations as tab-separated columns"},
    {"every", "K", RUN, "print every K-th iteration (default: about 25 rows)"},
    {"verbose", NULL, RUN, "print every iteration"},
    {"quiet", NULL, RUN | COMPARE, "print the result line(s) only"},
    {"plot", "FILE", COMPARE,
     "draw the runs with gnuplot into FILE.pdf or FILE.png"},
    {"y", "value|gradient", COMPARE,
     "plot E - E* (or E, if E* is unknown) or |g| (default value)"},
    {"help", NULL, RUN | COMPARE | LIST, "print this help"},
};
enum { OPTION_DOCS = sizeof option_docs / sizeof *option_docs };

static const char *const command_names[] = {"run", "compare", "list"};
static const char *const command_synopses[] = {
    "run --problem NAME --method NAME [options] [parameters]",
    "compare --problem NAME --methods A,B,... [options] [parameters]",
    "list [methods|searches|problems|rules|schedules]",
};
static const char *const command_texts[] = {
    "Minimize a test problem with one method and print its iterations.",
    "Minimize a test problem with several methods from the same start.",
    "List the library's components with their parameters and defaults.",
};
static const char *program_command = "descent";

_Noreturn void explorer_usage_error(const char *format, ...)
{
    va_list args;
    va_start(args, format);
    fprintf(stderr, "%s: ", program_command);
    vfprintf(stderr, format, args);
    va_end(args);
    fprintf(stderr, "\nTry '%s --help'.\n", program_command);
    exit(EXPLORER_USAGE);
}

static size_t parse_count(const char *text, const char *option)
{
    char *end;
    if (text[0] < '0' || text[0] > '9')
        explorer_usage_error("--%s '%s' is not a whole number", option, text);
    unsigned long long v = strtoull(text, &end, 10);
    if (*end != '\0' || v > (unsigned long long)SIZE_MAX / 2)
        explorer_usage_error("--%s '%s' is not a whole number below %zu",
                             option, text, SIZE_MAX / 2);
    return (size_t)v;
}

static double parse_real(const char *text, const char *option, double lower,
                         bool open)
{
    char *end;
    double v = strtod(text, &end);
    if (end == text || *end != '\0' || !isfinite(v))
        explorer_usage_error("--%s '%s' is not a finite number", option,
                             text);
    if (open ? !(v > lower) : !(v >= lower))
        explorer_usage_error("--%s %s is not %s %g", option, text,
                             open ? "above" : "at least", lower);
    return v;
}
enum { MAX_PENDING = 64, MAX_METHODS = 16 };

typedef struct pending {
    const char *name, *text;
    bool used;
} pending;

typedef struct method_spec {
    const descent_component *direction, *step;
    double direction_value[DESCENT_MAX_PARAMETERS];
    double step_value[DESCENT_MAX_PARAMETERS];
    char label[256];
} method_spec;

typedef struct settings {
    unsigned command;
    const char *problem, *method, *methods, *search, *start, *trace, *plot;
    bool gradient_plot, verbose, quiet;
    size_t every;
    descent_options options;
    const char *driver_option;   /* the last of the driver's options given */
    pending parameter[MAX_PENDING];
    size_t parameters;
} settings;

/* The fixed options, from the table of their documentation; the
   parameters' options share one code, and getopt_long's index names
   them. */
enum { FIXED_BASE = 1000, PARAMETER_OPTION = 999 };

struct option *explorer_long_options(const struct option *fixed,
                                     size_t count,
                                     const descent_component_kind *kinds,
                                     size_t kinds_count, int code)
{
    size_t most = count + 1;
    const descent_component *c;
    for (size_t k = 0; k < kinds_count; k++)
        for (size_t i = 0; (c = descent_component_at(kinds[k], i)); i++)
            most += c->parameters;
    struct option *o = calloc(most, sizeof *o);
    if (o == NULL)
        return NULL;
    memcpy(o, fixed, count * sizeof *o);
    for (size_t k = 0; k < kinds_count; k++)
        for (size_t i = 0; (c = descent_component_at(kinds[k], i)); i++)
            for (size_t j = 0; j < c->parameters; j++) {
                const descent_parameter *p = &c->parameter[j];
                size_t known = 0;
                while (known < count && strcmp(o[known].name, p->name) != 0)
                    known++;
                if (known == count)
                    o[count++] = (struct option){
                        p->name, p->kind == DESCENT_PARAMETER_SWITCH
                                     ? optional_argument : required_argument,
                        NULL, code};
            }
    return o;
}

void explorer_owners(const char *name, const descent_component_kind *kinds,
                     size_t kinds_count, char *out, size_t size)
{
    static const char *const words[] = {"method", "search", "problem",
                                        "rule", "schedule"};
    size_t used = 0;
    out[0] = '\0';
    for (size_t k = 0; k < kinds_count; k++) {
        const descent_component *c;
        for (size_t i = 0; (c = descent_component_at(kinds[k], i)); i++)
            if (descent_parameter_index(c, name) < c->parameters &&
                used + strlen(c->name) + 16 < size) {
                int w = snprintf(out + used, size - used, "%s%s %s",
                                 used ? ", " : "", words[kinds[k]], c->name);
                used += w > 0 ? (size_t)w : 0;
            }
    }
}

static const descent_component_kind minimizing[3] = {
    DESCENT_COMPONENT_DIRECTION, DESCENT_COMPONENT_STEP,
    DESCENT_COMPONENT_PROBLEM};

static struct option *long_options(void)
{
    struct option fixed[OPTION_DOCS];
    for (size_t i = 0; i < OPTION_DOCS; i++)
        fixed[i] = (struct option){option_docs[i].name,
                                   option_docs[i].argument != NULL
                                       ? required_argument : no_argument,
                                   NULL, FIXED_BASE + (int)i};
    struct option *table =
        explorer_long_options(fixed, OPTION_DOCS, minimizing, 3,
                              PARAMETER_OPTION);
    if (table == NULL) {
        fprintf(stderr, "%s: no memory for the options\n", program_command);
        exit(EXPLORER_FAILED);
    }
    return table;
}
static void print_command_help(FILE *out, unsigned command);

static void parse_options(int argc, char **argv, settings *s)
{
    static struct option *table;   /* static: reachable at any exit */
    table = long_options();
    s->options = descent_default_options();
    opterr = 0;
    optind = 1;
    int c, index;
    while ((c = getopt_long(argc, argv, ":", table, &index)) != -1) {
        if (c == '?' || c == ':') {
            const char *arg = argv[optind - 1];
            if (c == ':')
                explorer_usage_error("%s needs a value", arg);
            explorer_usage_error("unknown option '%s'", arg);
        }
        if (c == PARAMETER_OPTION) {
            const char *name = table[index].name;
            for (size_t i = 0; i < s->parameters; i++)
                if (strcmp(s->parameter[i].name, name) == 0)
                    explorer_usage_error("--%s is given twice", name);
            if (s->parameters == MAX_PENDING)
                explorer_usage_error("more than %d parameters", MAX_PENDING);
            const char *text = optarg;
            if (text == NULL && optind < argc && argv[optind][0] != '-')
                text = argv[optind++];     /* a switch's value, spaced */
            s->parameter[s->parameters++] =
                (pending){name, text != NULL ? text : "yes", false};
            continue;
        }
        const option_doc *doc = &option_docs[c - FIXED_BASE];
        const char *name = doc->name;
        if (!(doc->commands & s->command))
            explorer_usage_error("--%s is not an option of %s", name,
                                 program_command);
        if (strncmp(doc->text, "gradient methods:", 17) == 0)
            s->driver_option = name;
        if (strcmp(name, "help") == 0) {
            print_command_help(stdout, s->command);
            exit(0);
        } else if (strcmp(name, "problem") == 0)
            s->problem = optarg;
        else if (strcmp(name, "method") == 0)
            s->method = optarg;
        else if (strcmp(name, "methods") == 0)
            s->methods = optarg;
        else if (strcmp(name, "search") == 0)
            s->search = optarg;
        else if (strcmp(name, "start") == 0)
            s->start = optarg;
        else if (strcmp(name, "tolerance") == 0)
            s->options.gradient_tolerance = parse_real(optarg, name, 0, false);
        else if (strcmp(name, "value-tolerance") == 0)
            s->options.value_tolerance = parse_real(optarg, name, 0, false);
        else if (strcmp(name, "max-iterations") == 0)
            s->options.max_iterations = parse_count(optarg, name);
        else if (strcmp(name, "stall") == 0)
            s->options.stall_iterations = parse_count(optarg, name);
        else if (strcmp(name, "divergence") == 0)
            s->options.divergence_threshold =
                parse_real(optarg, name, 0, true);
        else if (strcmp(name, "trace") == 0)
            s->trace = optarg;
        else if (strcmp(name, "every") == 0) {
            s->every = parse_count(optarg, name);
            if (s->every == 0)
                explorer_usage_error("--every 0: give at least 1");
        } else if (strcmp(name, "verbose") == 0)
            s->verbose = true;
        else if (strcmp(name, "quiet") == 0)
            s->quiet = true;
        else if (strcmp(name, "plot") == 0)
            s->plot = optarg;
        else if (strcmp(name, "y") == 0) {
            if (strcmp(optarg, "value") != 0 &&
                strcmp(optarg, "gradient") != 0)
                explorer_usage_error("--y '%s' is not value or gradient",
                                     optarg);
            s->gradient_plot = strcmp(optarg, "gradient") == 0;
        }
    }
    if (optind < argc)
        explorer_usage_error("unexpected argument '%s'", argv[optind]);
    free(table);
    table = NULL;
}
static const descent_component *find(descent_component_kind kind,
                                     const char *name, const char *option)
{
    descent_error error;
    const descent_component *c = descent_component_find(kind, name, &error);
    if (c == NULL)
        explorer_usage_error("--%s: %s", option, error.message);
    return c;
}

/* Parse text into the value of parameter name of c, if c has it. */
static bool assign(const descent_component *c, double *value,
                   const char *name, const char *text)
{
    if (c == NULL)
        return false;
    size_t i = descent_parameter_index(c, name);
    if (i == c->parameters)
        return false;
    descent_error error;
    if (descent_parameter_parse(c, i, text, &value[i], &error))
        explorer_usage_error("%s", error.message);
    return true;
}

/* The components of the library that have a parameter called name. */
static _Noreturn void unused_parameter(const char *name, const char *whom)
{
    char list[512];
    explorer_owners(name, minimizing, 3, list, sizeof list);
    explorer_usage_error("--%s is not a parameter of %s; it belongs to %s",
                         name, whom, list);
}

static void describe(const descent_component *c, const double *value,
                     char *out, size_t size)
{
    size_t used = 0;
    int w = snprintf(out, size, "%s", c->name);
    used = w > 0 ? (size_t)w : 0;
    for (size_t i = 0; i < c->parameters && used < size; i++) {
        const descent_parameter *p = &c->parameter[i];
        if (p->kind == DESCENT_PARAMETER_CHOICE)
            w = snprintf(out + used, size - used, "%s%s = %s",
                         i ? ", " : " (", p->name,
                         p->choices[(size_t)value[i]]);
        else if (p->kind == DESCENT_PARAMETER_SWITCH)
            w = snprintf(out + used, size - used, "%s%s = %s",
                         i ? ", " : " (", p->name, value[i] ? "yes" : "no");
        else
            w = snprintf(out + used, size - used, "%s%s = %g",
                         i ? ", " : " (", p->name, value[i]);
        used += w > 0 ? (size_t)w : 0;
    }
    if (c->parameters > 0 && used + 1 < size)
        strcat(out, ")");
}
typedef struct setup {
    const descent_component *problem;
    double problem_value[DESCENT_MAX_PARAMETERS];
    method_spec method[MAX_METHODS];
    size_t methods;
} setup;

/* One method as named on the command line: NAME or NAME:p=v:q=w. */
static void method_of(const char *spec, const descent_component *search,
                      method_spec *m)
{
    char text[256];
    if (strlen(spec) >= sizeof text)
        explorer_usage_error("method '%.40s...' is too long", spec);
    strcpy(text, spec);
    snprintf(m->label, sizeof m->label, "%s", spec);
    char *rest = strchr(text, ':');
    if (rest != NULL)
        *rest++ = '\0';
    m->direction = find(DESCENT_COMPONENT_DIRECTION, text, "method");
    m->direction->defaults(m->direction_value);
    m->step = search;
    if (search != NULL && (m->direction->flags & DESCENT_OWN_STEP))
        explorer_usage_error("method %s takes its own steps: no --search %s",
                             m->direction->name, search->name);
    if (search != NULL && (m->direction->flags & DESCENT_DERIVATIVE_FREE))
        explorer_usage_error("method %s is derivative-free and has no step "
                             "rule: no --search %s", m->direction->name,
                             search->name);
    if (search == NULL && !(m->direction->flags &
                            (DESCENT_OWN_STEP | DESCENT_DERIVATIVE_FREE)))
        m->step = find(DESCENT_COMPONENT_STEP, m->direction->search,
                       "search");
    descent_error error;
    if (m->step != NULL &&
        descent_search_defaults(m->direction, m->step, m->step_value, &error))
        explorer_usage_error("%s", error.message);
    while (rest != NULL && *rest != '\0') {
        char *next = strchr(rest, ':');
        if (next != NULL)
            *next++ = '\0';
        char *equals = strchr(rest, '=');
        if (equals == NULL)
            explorer_usage_error("method %s: '%s' is not PARAMETER=VALUE",
                                 m->direction->name, rest);
        *equals = '\0';
        if (!assign(m->direction, m->direction_value, rest, equals + 1) &&
            !assign(m->step, m->step_value, rest, equals + 1)) {
            char whom[128];
            snprintf(whom, sizeof whom, "method %s%s%s", m->direction->name,
                     m->step ? " or search " : "",
                     m->step ? m->step->name : "");
            unused_parameter(rest, whom);
        }
        rest = next;
    }
}

static void make_setup(const settings *s, setup *u)
{
    if (s->problem == NULL)
        explorer_usage_error("--problem is required (descent list problems)");
    u->problem = find(DESCENT_COMPONENT_PROBLEM, s->problem, "problem");
    u->problem->defaults(u->problem_value);
    const descent_component *search =
        s->search ? find(DESCENT_COMPONENT_STEP, s->search, "search") : NULL;
    if (s->command == RUN) {
        if (s->method == NULL)
            explorer_usage_error("--method is required (descent list methods)");
        method_of(s->method, search, &u->method[0]);
        u->methods = 1;
    } else {
        if (s->methods == NULL || s->methods[0] == '\0')
            explorer_usage_error("--methods is required, as in "
                                 "--methods cg,bfgs");
        char text[1024];
        if (strlen(s->methods) >= sizeof text)
            explorer_usage_error("--methods is too long");
        strcpy(text, s->methods);
        for (char *name = strtok(text, ","); name != NULL;
             name = strtok(NULL, ",")) {
            if (u->methods == MAX_METHODS)
                explorer_usage_error("more than %d methods", MAX_METHODS);
            method_of(name, search, &u->method[u->methods++]);
        }
    }
    for (size_t i = 0; i < s->parameters; i++) {
        const pending *p = &s->parameter[i];
        bool used = assign(u->problem, u->problem_value, p->name, p->text);
        for (size_t k = 0; k < u->methods; k++) {
            method_spec *m = &u->method[k];
            used |= assign(m->direction, m->direction_value, p->name, p->text);
            used |= assign(m->step, m->step_value, p->name, p->text);
        }
        if (!used) {
            char whom[256];
            int w = snprintf(whom, sizeof whom, "problem %s", u->problem->name);
            for (size_t k = 0; k < u->methods && w > 0 &&
                               (size_t)w + 60 < sizeof whom; k++)
                w += snprintf(whom + w, sizeof whom - (size_t)w,
                              ", method %s%s%s", u->method[k].direction->name,
                              u->method[k].step ? " with search " : "",
                              u->method[k].step ? u->method[k].step->name
                                                : "");
            unused_parameter(p->name, whom);
        }
    }
    size_t gradient_methods = 0;
    for (size_t k = 0; k < u->methods; k++)
        gradient_methods +=
            !(u->method[k].direction->flags & DESCENT_DERIVATIVE_FREE);
    if (s->driver_option != NULL && gradient_methods == 0)
        explorer_usage_error("--%s is an option of the gradient methods' "
                             "driver; %s is derivative-free, and its own "
                             "parameters (such as --max-evaluations and "
                             "--target) say when it stops", s->driver_option,
                             u->method[0].direction->name);
    descent_error error;
    if (descent_component_check(u->problem, u->problem_value, &error))
        explorer_usage_error("%s", error.message);
    for (size_t k = 0; k < u->methods; k++) {
        method_spec *m = &u->method[k];
        if (descent_component_check(m->direction, m->direction_value, &error) ||
            (m->step != NULL &&
             descent_component_check(m->step, m->step_value, &error)))
            explorer_usage_error("%s", error.message);
    }
}
/* A library status as a word: converged, max-iterations, diverged... */
static const char *status_word(descent_status status)
{
    static char word[64];
    if (status == DESCENT_OK)
        return "converged";
    const char *name = descent_status_name(status);
    if (strncmp(name, "DESCENT_", 8) == 0)
        name += 8;
    size_t i = 0;
    for (; name[i] != '\0' && i + 1 < sizeof word; i++)
        word[i] = name[i] == '_' ? '-'
                  : (name[i] >= 'A' && name[i] <= 'Z') ? (char)(name[i] + 32)
                                                       : name[i];
    word[i] = '\0';
    return word;
}

static int exit_status(descent_status status)
{
    return status == DESCENT_OK ? EXPLORER_OK
           : status == DESCENT_INVALID_ARGUMENT ? EXPLORER_USAGE
                                                : EXPLORER_FAILED;
}

static void make_problem(const setup *u, descent_problem *problem,
                         const char *start)
{
    descent_error error;
    descent_status status = descent_problem_build(problem, u->problem,
                                                  u->problem_value, &error);
    if (status == DESCENT_INVALID_ARGUMENT)
        explorer_usage_error("%s", error.message);
    if (status) {
        fprintf(stderr, "%s: %s\n", program_command, error.message);
        exit(EXPLORER_FAILED);
    }
    if (start == NULL)
        return;
    size_t n = problem->n, k = 0;
    const char *p = start;
    while (true) {
        char *end;
        double x = strtod(p, &end);
        if (end == p || (*end != ',' && *end != '\0') || !isfinite(x))
            explorer_usage_error("--start '%s': coordinate %zu is not a "
                                 "finite number", start, k + 1);
        if (k < n)
            problem->start[k] = x;
        k++;
        if (*end == '\0')
            break;
        p = end + 1;
    }
    if (k == 1)
        for (size_t i = 1; i < n; i++)
            problem->start[i] = problem->start[0];
    else if (k != n)
        explorer_usage_error("--start has %zu coordinates; problem %s has "
                             "n = %zu", k, u->problem->name, n);
}

/* Build the method, run the driver from the problem's start. */
static descent_status run_method(descent_problem *problem,
                                 const method_spec *spec,
                                 const descent_options *options,
                                 double *theta, descent_result *result)
{
    descent_method m;
    descent_error error;
    descent_status status = descent_method_build(
        &m, spec->direction, spec->direction_value, spec->step,
        spec->step_value, problem, &error);
    if (status == DESCENT_INVALID_ARGUMENT)
        explorer_usage_error("%s", error.message);
    if (status) {
        *result = (descent_result){.status = status};
        snprintf(result->message, sizeof result->message, "%s", error.message);
        return status;
    }
    memcpy(theta, problem->start, problem->n * sizeof *theta);
    problem->objective.counts = (descent_counts){0};
    status = descent_method_minimize(&m, &problem->objective, options,
                                     theta, result);
    descent_method_free(&m);
    if (status == DESCENT_INVALID_ARGUMENT)
        explorer_usage_error("%s", result->message);
    return status;
}
static void print_result(FILE *out, const char *label,
                         const descent_result *r)
{
    char hessians[48] = "";
    if (r->counts.hessians > 0)
        snprintf(hessians, sizeof hessians, ", %lu Hessians",
                 r->counts.hessians);
    fprintf(out, "%s%s%s after %zu iterations: %lu evaluations "
            "(%lu gradients%s), E = %.10g", label, label[0] ? ": " : "",
            status_word(r->status), r->iterations, r->counts.values,
            r->counts.gradients, hessians, r->value);
    if (!isnan(r->gradient_norm))
        fprintf(out, ", |g| = %.4g", r->gradient_norm);
    fputc('\n', out);
}

static void write_trace(const char *path, const descent_trace *t,
                        double minimum)
{
    FILE *out = fopen(path, "w");
    if (out == NULL) {
        fprintf(stderr, "%s: --trace %s: cannot write it\n", program_command,
                path);
        exit(EXPLORER_FAILED);
    }
    fprintf(out, "k\tE\tgradient_norm\teta\tevaluations%s\n",
            isnan(minimum) ? "" : "\tE_minus_minimum");
    for (size_t k = 0; k < t->length; k++) {
        fprintf(out, "%zu\t%.17g\t%.17g\t%.17g\t%.17g", k, t->value[k],
                t->gradient_norm[k], t->eta[k], t->evaluations[k]);
        if (!isnan(minimum))
            fprintf(out, "\t%.17g", t->value[k] - minimum);
        fputc('\n', out);
    }
    if (fclose(out) != 0) {
        fprintf(stderr, "%s: --trace %s: write failed\n", program_command,
                path);
        exit(EXPLORER_FAILED);
    }
}

static void print_table(const descent_trace *t, size_t every, double minimum)
{
    bool gap = !isnan(minimum);
    printf("%6s  %-23s %s%-11s  %-11s  %s\n", "k", "E", gap ? "E - E*       " : "",
           "|g|", "eta", "evaluations");
    for (size_t k = 0; k < t->length; k++) {
        if (k % every != 0 && k + 1 != t->length)
            continue;
        printf("%6zu  %-23.16g ", k, t->value[k]);
        if (gap)
            printf("%-12.4e ", t->value[k] - minimum);
        if (isnan(t->gradient_norm[k]))
            printf("%-11s  ", "-");
        else
            printf("%-11.4e  ", t->gradient_norm[k]);
        if (isnan(t->eta[k]))
            printf("%-11s  ", "-");
        else
            printf("%-11.4e  ", t->eta[k]);
        printf("%.0f\n", t->evaluations[k]);
    }
}

static int command_run(int argc, char **argv)
{
    settings s = {.command = RUN};
    parse_options(argc, argv, &s);
    setup u = {0};
    make_setup(&s, &u);
    descent_problem problem;
    make_problem(&u, &problem, s.start);
    descent_trace trace;
    descent_error error;
    if (descent_trace_init(&trace, problem.n, false, &error)) {
        fprintf(stderr, "%s: %s\n", program_command, error.message);
        return EXPLORER_FAILED;
    }
    descent_options options = s.options;
    options.trace = &trace;
    double *theta = malloc(problem.n * sizeof *theta);
    if (theta == NULL) {
        fprintf(stderr, "%s: no memory for n = %zu\n", program_command,
                problem.n);
        return EXPLORER_FAILED;
    }
    descent_result result;
    descent_status status = run_method(&problem, &u.method[0], &options,
                                       theta, &result);
    if (!s.quiet) {
        char text[3][400];
        describe(u.problem, u.problem_value, text[0], sizeof text[0]);
        describe(u.method[0].direction, u.method[0].direction_value, text[1],
                 sizeof text[1]);
        if (u.method[0].step != NULL)
            describe(u.method[0].step, u.method[0].step_value, text[2],
                     sizeof text[2]);
        else
            snprintf(text[2], sizeof text[2], "%s",
                     u.method[0].direction->flags & DESCENT_DERIVATIVE_FREE
                         ? "none (derivative-free)" : "its own");
        printf("problem %s\nmethod  %s\nsearch  %s\n\n", text[0], text[1],
               text[2]);
        size_t every = s.verbose ? 1 : s.every;
        if (every == 0)
            every = trace.length > 25 ? (trace.length + 24) / 25 : 1;
        print_table(&trace, every, problem.minimum);
        putchar('\n');
    }
    print_result(stdout, "", &result);
    if (status)
        printf("  %s\n", result.message);
    if (s.trace != NULL)
        write_trace(s.trace, &trace, problem.minimum);
    free(theta);
    descent_trace_free(&trace);
    descent_problem_free(&problem);
    return exit_status(status);
}
static bool plot(const settings *s, const setup *u,
                 const descent_trace *traces, double minimum)
{
    const char *dot = strrchr(s->plot, '.');
    const char *terminal = dot && strcmp(dot, ".pdf") == 0 ? "pdfcairo"
                           : dot && strcmp(dot, ".png") == 0 ? "pngcairo"
                                                             : NULL;
    if (terminal == NULL)
        explorer_usage_error("--plot %s: the name must end in .pdf or .png",
                             s->plot);
    double floor_value = minimum;
    if (isnan(floor_value)) {
        floor_value = INFINITY;
        for (size_t k = 0; k < u->methods; k++)
            for (size_t i = 0; i < traces[k].length; i++)
                if (traces[k].value[i] < floor_value)
                    floor_value = traces[k].value[i];
    }
    FILE *gp = popen("gnuplot", "w");
    if (gp == NULL)
        return false;
    fprintf(gp, "set terminal %s size %s\nset output '%s'\n", terminal,
            terminal[1] == 'd' ? "5in,3.2in" : "800,520", s->plot);
    fprintf(gp, "set logscale y\nset format y '10^{%%L}'\nset key top right\n"
            "set xlabel 'iteration k'\nset ylabel '%s'\nset title '%s'\n",
            s->gradient_plot ? "|g_k|"
            : isnan(minimum) ? "E_k - (lowest E found)" : "E_k - E*",
            u->problem->name);
    fputs("plot ", gp);
    for (size_t k = 0; k < u->methods; k++)
        fprintf(gp, "%s'-' using 1:2 with linespoints pt 7 ps 0.3 title '%s'",
                k ? ", " : "", u->method[k].label);
    fputc('\n', gp);
    for (size_t k = 0; k < u->methods; k++) {
        for (size_t i = 0; i < traces[k].length; i++) {
            double y = s->gradient_plot ? traces[k].gradient_norm[i]
                                        : traces[k].value[i] - floor_value;
            if (y > 0 && isfinite(y))
                fprintf(gp, "%zu %.17g\n", i, y);
        }
        fputs("e\n", gp);
    }
    return pclose(gp) == 0;
}

static int command_compare(int argc, char **argv)
{
    settings s = {.command = COMPARE};
    parse_options(argc, argv, &s);
    setup u = {0};
    make_setup(&s, &u);
    descent_problem problem;
    make_problem(&u, &problem, s.start);
    descent_trace traces[MAX_METHODS];
    descent_result results[MAX_METHODS];
    descent_error error;
    double *theta = malloc(problem.n * sizeof *theta);
    int worst = EXPLORER_OK;
    if (theta == NULL) {
        fprintf(stderr, "%s: no memory for n = %zu\n", program_command,
                problem.n);
        return EXPLORER_FAILED;
    }
    for (size_t k = 0; k < u.methods; k++) {
        if (descent_trace_init(&traces[k], problem.n, false, &error)) {
            fprintf(stderr, "%s: %s\n", program_command, error.message);
            return EXPLORER_FAILED;
        }
        descent_options options = s.options;
        options.trace = &traces[k];
        descent_status status = run_method(&problem, &u.method[k], &options,
                                           theta, &results[k]);
        if (exit_status(status) > worst)
            worst = exit_status(status);
    }
    size_t width = 6;
    for (size_t k = 0; k < u.methods; k++)
        if (strlen(u.method[k].label) > width)
            width = strlen(u.method[k].label);
    if (!s.quiet) {
        char text[400];
        describe(u.problem, u.problem_value, text, sizeof text);
        printf("problem %s\n\n", text);
    }
    printf("%-*s  %-15s %10s %11s %10s  %-23s %s\n", (int)width, "method",
           "status", "iterations", "evaluations", "gradients", "E", "|g|");
    for (size_t k = 0; k < u.methods; k++) {
        const descent_result *r = &results[k];
        printf("%-*s  %-15s %10zu %11lu %10lu  %-23.16g ", (int)width,
               u.method[k].label, status_word(r->status), r->iterations,
               r->counts.values, r->counts.gradients, r->value);
        if (isnan(r->gradient_norm))
            printf("-\n");
        else
            printf("%.4g\n", r->gradient_norm);
    }
    if (s.plot != NULL && !plot(&s, &u, traces, problem.minimum)) {
        fprintf(stderr, "%s: --plot %s: gnuplot failed (is it installed?)\n",
                program_command, s.plot);
        worst = EXPLORER_FAILED;
    }
    for (size_t k = 0; k < u.methods; k++)
        descent_trace_free(&traces[k]);
    free(theta);
    descent_problem_free(&problem);
    return worst;
}
static const char *const kind_titles[] = {
    "methods (descent run --method)", "searches (descent run --search)",
    "problems (descent run --problem)", "training rules (descent train --rule)",
    "schedules (descent train --schedule)"};
static const char *const kind_words[] = {"methods", "searches", "problems",
                                         "rules", "schedules"};

static void value_text(const descent_parameter *p, double v, char *out,
                       size_t size)
{
    if (isnan(v))
        snprintf(out, size, "none: required");
    else if (p->kind == DESCENT_PARAMETER_CHOICE)
        snprintf(out, size, "%s", p->choices[(size_t)v]);
    else if (p->kind == DESCENT_PARAMETER_SWITCH)
        snprintf(out, size, "%s", v ? "yes" : "no");
    else
        snprintf(out, size, "%g", v);
}

static void argument_text(const descent_parameter *p, char *out, size_t size)
{
    size_t used = 0;
    out[0] = '\0';
    if (p->kind == DESCENT_PARAMETER_CHOICE)
        for (size_t i = 0; p->choices[i] != NULL && used < size; i++) {
            int w = snprintf(out + used, size - used, "%s%s", i ? "|" : "",
                             p->choices[i]);
            used += w > 0 ? (size_t)w : 0;
        }
    else
        snprintf(out, size, "%s", p->kind == DESCENT_PARAMETER_SWITCH ? "yes|no"
                                  : p->kind == DESCENT_PARAMETER_COUNT ? "N"
                                                                       : "X");
}

static void list_kind(descent_component_kind kind)
{
    printf("%s\n", kind_titles[kind]);
    const descent_component *c;
    for (size_t i = 0; (c = descent_component_at(kind, i)) != NULL; i++) {
        double value[DESCENT_MAX_PARAMETERS];
        c->defaults(value);
        printf("  %-16s %s [chapter %s]\n", c->name, c->summary, c->chapter);
        if (kind == DESCENT_COMPONENT_DIRECTION &&
            (c->flags & DESCENT_DERIVATIVE_FREE))
            printf("  %-16s   derivative-free: no gradient, no search\n", "");
        else if (kind == DESCENT_COMPONENT_DIRECTION)
            printf("  %-16s   %s%s%s%s\n", "",
                   c->flags & DESCENT_OWN_STEP ? "takes its own steps"
                                               : "default search ",
                   c->flags & DESCENT_OWN_STEP ? "" : c->search,
                   c->flags & DESCENT_UNIT_STEP ? ", trying the step 1 first"
                                                : "",
                   c->flags & DESCENT_NEEDS_HESSIAN ? "; needs a Hessian" : "");
        for (size_t j = 0; j < c->parameters; j++) {
            const descent_parameter *p = &c->parameter[j];
            char argument[128], def[64], option[160];
            argument_text(p, argument, sizeof argument);
            value_text(p, value[j], def, sizeof def);
            snprintf(option, sizeof option, "--%s %s", p->name, argument);
            printf("  %-16s   %-30s %s (default %s)\n", "", option,
                   p->description, def);
        }
    }
    putchar('\n');
}

static int command_list(int argc, char **argv)
{
    if (argc > 2)
        explorer_usage_error("list takes one word at most, not '%s'", argv[2]);
    if (argc == 2 && strcmp(argv[1], "--help") == 0) {
        print_command_help(stdout, LIST);
        return EXPLORER_OK;
    }
    for (int k = 0; k < 5; k++)
        if (argc == 1 || strcmp(argv[1], kind_words[k]) == 0 ||
            (k == 0 && strcmp(argv[1], "directions") == 0)) {
            list_kind((descent_component_kind)k);
            if (argc == 2)
                return EXPLORER_OK;
        }
    if (argc == 2)
        explorer_usage_error("list '%s': the lists are methods, searches, "
                             "problems, rules and schedules", argv[1]);
    return EXPLORER_OK;
}
static void print_options(FILE *out, unsigned command)
{
    for (size_t i = 0; i < OPTION_DOCS; i++) {
        const option_doc *d = &option_docs[i];
        if (!(d->commands & command))
            continue;
        char head[64];
        snprintf(head, sizeof head, "--%s%s%s", d->name, d->argument ? " " : "",
                 d->argument ? d->argument : "");
        fprintf(out, "  %-24s %s\n", head, d->text);
    }
}

static void print_command_help(FILE *out, unsigned command)
{
    int k = command == RUN ? 0 : command == COMPARE ? 1 : 2;
    fprintf(out, "usage: descent %s\n%s\n\n", command_synopses[k],
            command_texts[k]);
    fputs("Options:\n", out);
    print_options(out, command);
    if (command != LIST)
        fputs("\nParameters: every parameter of the chosen problem, method "
              "and search is an\noption --NAME VALUE; 'descent list' shows "
              "them with their defaults.\nA derivative-free method (chapter "
              "beyond) takes no --search; its own\nparameters (such as "
              "--max-evaluations and --target) say when it stops.\nExit status: 0 converged, 1 did "
              "not converge, 2 bad usage.\n", out);
}

static void print_help(FILE *out)
{
    fputs("usage: descent COMMAND [options]\n"
          "Every method of the book on every test problem.\n\nCommands:\n",
          out);
    for (int k = 0; k < 3; k++)
        fprintf(out, "  descent %s\n      %s\n", command_synopses[k],
                command_texts[k]);
    fputs("  descent train [options]\n"
          "      Train a network on Fashion-MNIST with the training loop.\n"
          "  descent help [COMMAND]\n      Print the help of a command.\n\n"
          "  --help, --version, --man (print the manual page in roff)\n\n"
          "Exit status: 0 success, 1 the method did not converge or the run "
          "failed,\n2 bad usage.\n", out);
}

/* roff: a backslash or a leading dot or quote must be escaped. */
static void roff(FILE *out, const char *text)
{
    if (text[0] == '.' || text[0] == '\'')
        fputs("\\&", out);
    for (; *text; text++) {
        if (*text == '\\')
            fputs("\\e", out);
        else if (*text == '-')
            fputs("\\-", out);
        else
            fputc(*text, out);
    }
}

static void man_components(FILE *out, descent_component_kind kind)
{
    const descent_component *c;
    for (size_t i = 0; (c = descent_component_at(kind, i)) != NULL; i++) {
        double value[DESCENT_MAX_PARAMETERS];
        c->defaults(value);
        fputs(".TP\n.B ", out);
        roff(out, c->name);
        fputc('\n', out);
        roff(out, c->summary);
        fprintf(out, " (chapter %s).\n", c->chapter);
        for (size_t j = 0; j < c->parameters; j++) {
            const descent_parameter *p = &c->parameter[j];
            char argument[128], def[64];
            argument_text(p, argument, sizeof argument);
            value_text(p, value[j], def, sizeof def);
            fputs(".br\n\\fB\\-\\-", out);
            roff(out, p->name);
            fputs("\\fR \\fI", out);
            roff(out, argument);
            fputs("\\fR: ", out);
            roff(out, p->description);
            fputs(" (default ", out);
            roff(out, def);
            fputs(").\n", out);
        }
    }
}

static void print_man(FILE *out)
{
    fprintf(out, ".TH DESCENT 1 \"\" \"descent %s\" \"User Commands\"\n",
            EXPLORER_VERSION);
    fputs(".SH NAME\ndescent \\- every method of the book on every test "
          "problem\n.SH SYNOPSIS\n", out);
    for (int k = 0; k < 3; k++) {
        fputs(".B descent\n", out);
        roff(out, command_synopses[k]);
        fputs("\n.br\n", out);
    }
    fputs(".B descent\ntrain [options]\n.SH DESCRIPTION\n"
          "The explorer of the book \\fIdescent\\fR: it runs the library's "
          "methods on its test problems and its training loop on "
          "Fashion\\-MNIST without a line of C.\n.SH COMMANDS\n", out);
    unsigned masks[3] = {RUN, COMPARE, LIST};
    for (int k = 0; k < 3; k++) {
        fprintf(out, ".SS %s\n", command_names[k]);
        roff(out, command_texts[k]);
        fputc('\n', out);
        for (size_t i = 0; i < OPTION_DOCS; i++) {
            const option_doc *d = &option_docs[i];
            if (!(d->commands & masks[k]))
                continue;
            fputs(".TP\n\\fB\\-\\-", out);
            roff(out, d->name);
            fputs("\\fR", out);
            if (d->argument) {
                fputs(" \\fI", out);
                roff(out, d->argument);
                fputs("\\fR", out);
            }
            fputc('\n', out);
            roff(out, d->text);
            fputs(".\n", out);
        }
    }
    fputs(".SS train\nTrain a network on Fashion\\-MNIST; "
          "\\fBdescent train \\-\\-help\\fR lists its options.\n", out);
    static const char *const sections[] = {"METHODS", "SEARCHES", "PROBLEMS",
                                           "TRAINING RULES", "SCHEDULES"};
    for (int k = 0; k < 5; k++) {
        fprintf(out, ".SH %s\n", sections[k]);
        man_components(out, (descent_component_kind)k);
    }
    fputs(".SH EXIT STATUS\n0: the method converged (or the command "
          "succeeded); 1: it did not converge, or the run failed; 2: bad "
          "usage.\n.SH EXAMPLES\n.nf\n"
          "descent run \\-\\-problem rosenbrock \\-\\-method cg "
          "\\-\\-formula prplus \\-\\-search wolfe \\-\\-c2 0.1\n"
          "descent compare \\-\\-problem quadratic \\-\\-n 100 \\-\\-kappa 1e4 "
          "\\-\\-methods steepest,cg,bfgs\n"
          "descent run \\-\\-problem rosenbrock \\-\\-method nelder\\-mead "
          "\\-\\-max\\-evaluations 2000\n"
          "descent train \\-\\-hidden 128 \\-\\-rule adam \\-\\-eta 1e\\-3 "
          "\\-\\-epochs 2\n.fi\n.SH SEE ALSO\nThe book \\fIdescent\\fR "
          "(book.pdf), Appendix \\(lqThe explorer\\(rq.\n", out);
}
int main(int argc, char **argv)
{
    if (argc < 2) {
        print_help(stderr);
        return EXPLORER_USAGE;
    }
    const char *command = argv[1];
    if (strcmp(command, "--help") == 0 || strcmp(command, "-h") == 0) {
        print_help(stdout);
        return EXPLORER_OK;
    }
    if (strcmp(command, "--version") == 0) {
        printf("descent %s\n", EXPLORER_VERSION);
        return EXPLORER_OK;
    }
    if (strcmp(command, "--man") == 0) {
        print_man(stdout);
        return EXPLORER_OK;
    }
    if (strcmp(command, "help") == 0) {
        if (argc == 2) {
            print_help(stdout);
            return EXPLORER_OK;
        }
        const char *topic = argv[2];
        for (int k = 0; k < 3; k++)
            if (strcmp(topic, command_names[k]) == 0) {
                print_command_help(stdout, k == 0 ? RUN : k == 1 ? COMPARE
                                                                 : LIST);
                return EXPLORER_OK;
            }
        if (strcmp(topic, "train") == 0) {
            explorer_train_usage(stdout);
            return EXPLORER_OK;
        }
        explorer_usage_error("help '%s': the commands are run, compare, list "
                             "and train", topic);
    }
    static char name[32];
    snprintf(name, sizeof name, "descent %.20s", command);
    program_command = name;
    if (strcmp(command, "run") == 0)
        return command_run(argc - 1, argv + 1);
    if (strcmp(command, "compare") == 0)
        return command_compare(argc - 1, argv + 1);
    if (strcmp(command, "list") == 0)
        return command_list(argc - 1, argv + 1);
    if (strcmp(command, "train") == 0)
        return explorer_train(argc - 1, argv + 1);
    program_command = "descent";
    explorer_usage_error("unknown command '%s'; the commands are run, "
                         "compare, list, train and help", command);
}
