/* claims.c: generated from chapters/90-claims.nw; do not edit. */
#define _POSIX_C_SOURCE 200809L   /* sigaction, alarm, write */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <unistd.h>

#include "claims.h"

void claim_format(char *text, int size, double x)
{
    if (x == 0 || !isfinite(x)) {
        snprintf(text, (size_t)size, "$%.3g$", x);
        return;
    }
    int exponent = (int)floor(log10(fabs(x)));
    double mantissa = x / pow(10, exponent);
    if (fabs(mantissa) >= 9.995) {
        mantissa /= 10;
        exponent++;
    }
    if (exponent >= -3 && exponent <= 2)
        snprintf(text, (size_t)size, "$%.3g$", x);
    else if (exponent == 3)
        snprintf(text, (size_t)size, "$%.0f$",
                 round(mantissa * 100) * 10);
    else
        snprintf(text, (size_t)size, "$%.2f\\times10^{%d}$", mantissa,
                 exponent);
}

bool claim_report_at_most(const char *key, const char *statement,
                          double measured, double bound)
{
    char m[64], b[64];
    bool passed = measured <= bound;
    claim_format(m, sizeof m, measured);
    claim_format(b, sizeof b, bound);
    claim_report(key, statement, m, b, passed);
    return passed;
}
typedef struct plain_text {
    bool started;   /* something has been printed */
    bool blank;     /* a blank is due before the next character */
    bool word;      /* the last thing printed was a command's name */
    char last;      /* the last character printed */
} plain_text;

static void plain_char(plain_text *out, char c)
{
    if (c == ' ' || c == '~') {
        out->blank = out->started;
        return;
    }
    if (out->blank || (out->word && isalnum((unsigned char)c)))
        putchar(' ');
    putchar(c);
    out->started = true;
    out->blank = out->word = false;
    out->last = c;
}

static void plain_string(plain_text *out, const char *text)
{
    for (; *text != '\0'; text++)
        plain_char(out, *text);
}
static const struct {
    const char *command, *text;
} plain_commands[] = {
    {"le", " <= "}, {"leq", " <= "}, {"ge", " >= "}, {"geq", " >= "},
    {"ne", " != "}, {"approx", " ~= "}, {"pm", " +- "},
    {"times", " x "}, {"cdot", " * "}, {"infty", "inf"},
    {"ldots", "..."}, {"dots", "..."}, {"rm", ""}, {"mathrm", ""},
    {"mathsf", ""}, {"mathbf", ""}, {"mathit", ""}, {"operatorname", ""},
    {"left", ""}, {"right", ""}, {"big", ""}, {"Big", ""},
};

static void plain_range(plain_text *out, const char *c, const char *end);

static const char *plain_argument(plain_text *out, const char *c,
                                  const char *end, bool parenthesize)
{
    const char *begin = c, *stop = c < end ? c + 1 : end, *next = stop;
    if (c < end && *c == '{') {
        int depth = 1;
        begin = stop = c + 1;
        while (stop < end) {
            depth += (*stop == '{') - (*stop == '}');
            if (depth == 0)
                break;
            stop++;
        }
        next = stop < end ? stop + 1 : end;
    }
    bool parentheses = parenthesize && stop - begin > 1;
    if (parentheses)
        plain_char(out, '(');
    plain_range(out, begin, stop);
    if (parentheses)
        plain_char(out, ')');
    return next;
}
static const char *plain_command(plain_text *out, const char *name,
                                 size_t length, const char *c,
                                 const char *end)
{
    if (length == 5 && strncmp(name, "times", 5) == 0
        && strncmp(c, "10^", 3) == 0) {
        plain_char(out, 'e');
        return c + 3;
    }
    if (length == 4 && strncmp(name, "frac", 4) == 0) {
        c = plain_argument(out, c, end, true);
        plain_char(out, '/');
        return plain_argument(out, c, end, true);
    }
    for (size_t i = 0; i < sizeof plain_commands / sizeof plain_commands[0];
         i++)
        if (strlen(plain_commands[i].command) == length
            && strncmp(plain_commands[i].command, name, length) == 0) {
            plain_string(out, plain_commands[i].text);
            return c;
        }
    if (isalnum((unsigned char)out->last) && !out->blank)
        plain_char(out, ' ');
    for (size_t i = 0; i < length; i++)
        plain_char(out, name[i]);
    out->word = true;
    if (length == 4 && strncmp(name, "sqrt", 4) == 0) {
        plain_char(out, '(');
        c = plain_argument(out, c, end, false);
        plain_char(out, ')');
    }
    return c;
}
static void plain_range(plain_text *out, const char *c, const char *end)
{
    while (c < end) {
        if (*c == '$' || *c == '{' || *c == '}') {
            c++;
        } else if (*c != '\\') {
            plain_char(out, *c++);
        } else if (c + 1 < end && isalpha((unsigned char)c[1])) {
            const char *name = ++c;
            while (c < end && isalpha((unsigned char)*c))
                c++;
            size_t length = (size_t)(c - name);
            while (c < end && *c == ' ')
                c++;
            c = plain_command(out, name, length, c, end);
        } else if (c + 1 < end) {
            switch (c[1]) {
            case ',': case ';': case ':': case ' ':
                plain_char(out, ' ');
                break;
            case '!':
                break;
            case '|':
                plain_string(out, "||");
                break;
            default:
                plain_char(out, c[1]);
            }
            c += 2;
        } else {
            c++;
        }
    }
}

static void print_plain(const char *latex)
{
    plain_text out = {false, false, false, ' '};
    plain_range(&out, latex, latex + strlen(latex));
}

static void claim_record(const char *key, const char *statement,
                         const char *measured, const char *bound,
                         const char *verdict)
{
    const char *path = getenv("DESCENT_CLAIMS");
    if (path == NULL || *path == '\0')
        return;
    FILE *record = fopen(path, "a");
    if (record == NULL) {
        perror(path);
        exit(EXIT_FAILURE);
    }
    fprintf(record, "%s\t%s\t%s\t%s\t%s\n", key, statement, measured,
            bound, verdict);
    fclose(record);
}

void claim_report(const char *key, const char *statement,
                  const char *measured, const char *bound, bool passed)
{
    printf("[ CLAIM    ] %s: measured ", key);
    print_plain(measured);
    printf(", bound ");
    print_plain(bound);
    printf(": %s\n", passed ? "holds" : "FAILS");
    fflush(stdout);
    claim_record(key, statement, measured, bound, passed ? "holds" : "fails");
}

void claim_skip(const char *key, const char *statement, const char *why)
{
    char measured[256];
    printf("[ CLAIM    ] %s: not measured in this build: %s\n", key, why);
    fflush(stdout);
    snprintf(measured, sizeof measured, "not measured in this build: %s",
             why);
    claim_record(key, statement, measured, "---", "skipped");
}

__attribute__((constructor)) static void claim_output_by_lines(void)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
}

void claim_table_row(const char *table, const char *format, ...)
{
    const char *record = getenv("DESCENT_CLAIMS");
    if (record == NULL || *record == '\0')
        return;
    const char *slash = strrchr(record, '/');
    int folder = slash != NULL ? (int)(slash - record) : 1;
    char path[4096];
    snprintf(path, sizeof path, "%.*s/run-%s.tex", folder,
             slash != NULL ? record : ".", table);
    FILE *out = fopen(path, "a");
    if (out == NULL) {
        perror(path);
        exit(EXIT_FAILURE);
    }
    va_list args;
    va_start(args, format);
    vfprintf(out, format, args);
    va_end(args);
    fputc('\n', out);
    fclose(out);
}
void claim_fail(const char *format, ...)
{
    char text[512];
    va_list args;
    va_start(args, format);
    vsnprintf(text, sizeof text, format, args);
    va_end(args);
    fail_msg("%s", text);
}

void expect(descent_status got, const char *message,
            descent_status want, const char *fragment)
{
    if (got != want)
        claim_fail("got %s, wanted %s; message: %s",
                   descent_status_name(got), descent_status_name(want),
                   message);
    if (strstr(message, fragment) == NULL)
        claim_fail("message \"%s\" does not contain \"%s\"", message,
                   fragment);
}
enum { BAD_INPUT_SECONDS = 60, BAD_INPUT_CASES = 4096 };

static struct {
    const char *function, *call;
} bad_now;

static const int bad_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL,
                                  SIGABRT};
static struct sigaction bad_previous[sizeof bad_signals
                                     / sizeof bad_signals[0]];

static void bad_write(const char *text)
{
    size_t length = strlen(text);
    while (length > 0) {
        ssize_t written = write(STDERR_FILENO, text, length);
        if (written <= 0)
            return;
        text += written;
        length -= (size_t)written;
    }
}

static void bad_name_the_case(const char *what)
{
    bad_write("\n*** bad input: ");
    bad_write(bad_now.function != NULL ? bad_now.function : "?");
    bad_write(what);
    bad_write(bad_now.call != NULL ? bad_now.call : "?");
    bad_write("\n");
}

static void bad_crashed(int signal_number)
{
    bad_name_the_case(" crashed in ");
    for (size_t i = 0; i < sizeof bad_signals / sizeof bad_signals[0];
         i++)
        if (bad_signals[i] == signal_number)
            sigaction(signal_number, &bad_previous[i], NULL);
    raise(signal_number);
}

static void bad_hung(int signal_number)
{
    (void)signal_number;
    bad_name_the_case(" did not return within a minute: ");
    _exit(EXIT_FAILURE);
}
static struct {
    const char *function;
    int outcome;                 /* 0: clean error, 1: valid */
} bad_record[BAD_INPUT_CASES];
static size_t bad_cases;

static void bad_install(void)
{
    struct sigaction action, now;
    memset(&action, 0, sizeof action);
    sigemptyset(&action.sa_mask);
    action.sa_handler = bad_crashed;
    for (size_t i = 0; i < sizeof bad_signals / sizeof bad_signals[0];
         i++) {
        sigaction(bad_signals[i], NULL, &now);
        if (now.sa_handler != bad_crashed)
            sigaction(bad_signals[i], &action, &bad_previous[i]);
    }
    action.sa_handler = bad_hung;
    sigaction(SIGALRM, &action, NULL);
}

void bad_input_begin(const char *function, const char *call,
                     char *message)
{
    bad_install();
    bad_now.function = function;
    bad_now.call = call;
    if (message != NULL)
        message[0] = '\0';
    alarm(BAD_INPUT_SECONDS);
}

static void bad_input_record(int outcome)
{
    alarm(0);
    if (bad_cases == BAD_INPUT_CASES)
        claim_fail("more than %d bad-input cases", BAD_INPUT_CASES);
    bad_record[bad_cases].function = bad_now.function;
    bad_record[bad_cases].outcome = outcome;
    bad_cases++;
}

void bad_input_error(descent_status got, const char *message,
                     descent_status want, const char *fragment)
{
    alarm(0);
    if (got == DESCENT_OK)
        claim_fail("%s: %s succeeded on bad input", bad_now.function,
                   bad_now.call);
    if (got != want || strstr(message, fragment) == NULL)
        claim_fail("%s: %s gave %s, \"%s\"; wanted %s naming \"%s\"",
                   bad_now.function, bad_now.call,
                   descent_status_name(got), message,
                   descent_status_name(want), fragment);
    bad_input_record(0);
}

void bad_input_nan(double value)
{
    alarm(0);
    if (!isnan(value))
        claim_fail("%s: %s returned %g, not a NaN", bad_now.function,
                   bad_now.call, value);
    bad_input_record(0);
}

void bad_input_valid(descent_status got, const char *message,
                     const char *why)
{
    alarm(0);
    if (got != DESCENT_OK)
        claim_fail("%s: %s is documented as valid (%s) but gave %s: %s",
                   bad_now.function, bad_now.call, why,
                   descent_status_name(got), message);
    bad_input_record(1);
}
void bad_input_table(const char *table)
{
    size_t functions = 0, errors = 0;
    const char *record = getenv("DESCENT_CLAIMS");
    FILE *tsv = NULL;
    if (record != NULL && *record != '\0') {
        const char *slash = strrchr(record, '/');
        char path[4096];
        snprintf(path, sizeof path, "%.*s/bad-input.tsv",
                 slash != NULL ? (int)(slash - record) : 1,
                 slash != NULL ? record : ".");
        tsv = fopen(path, "a");
        if (tsv == NULL) {
            perror(path);
            exit(EXIT_FAILURE);
        }
    }
    for (size_t i = 0; i < bad_cases; i++) {
        const char *name = bad_record[i].function;
        size_t first = 0;
        while (strcmp(bad_record[first].function, name) != 0)
            first++;
        if (first < i)
            continue;   /* counted at its first appearance */
        size_t cases = 0, valid = 0;
        for (size_t j = i; j < bad_cases; j++)
            if (strcmp(bad_record[j].function, name) == 0) {
                cases++;
                valid += (size_t)bad_record[j].outcome;
            }
        char escaped[256];
        size_t k = 0;
        for (const char *c = name; *c != '\0' && k + 2 < sizeof escaped;
             c++) {
            if (*c == '_')
                escaped[k++] = '\\';
            escaped[k++] = *c;
        }
        escaped[k] = '\0';
        claim_table_row(table, "\\texttt{%s} & %zu & %zu & %zu \\\\",
                        escaped, cases, cases - valid, valid);
        if (tsv != NULL)
            fprintf(tsv, "%s\t%zu\t%zu\t%zu\n", name, cases,
                    cases - valid, valid);
        functions++;
        errors += cases - valid;
    }
    if (tsv != NULL)
        fclose(tsv);
    printf("[ BAD INPUT] %zu cases on %zu functions: %zu clean errors,"
           " %zu documented valid\n", bad_cases, functions, errors,
           bad_cases - errors);
    bad_cases = 0;
}
