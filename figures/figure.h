/* figure.h: what every figure program shares. A figure program is run as
   "PROGRAM DATADIR"; it writes its data files into DATADIR and stops with
   a message naming itself at the first failure. */
#ifndef FIGURE_H
#define FIGURE_H

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "descent.h"

/* The program's name for messages, set by figure_data_folder. */
static const char *figure_name = "figure";

/* Stop with "PROGRAM: WHAT: STATUS: MESSAGE" unless status is DESCENT_OK. */
static inline void figure_check(descent_status status, const char *what,
                                const char *message)
{
    if (status != DESCENT_OK) {
        fprintf(stderr, "%s: %s: %s: %s\n", figure_name, what,
                descent_status_name(status), message);
        exit(EXIT_FAILURE);
    }
}

/* The data folder from the command line; the program's name is taken from
   argv[0] (without its folder). */
static inline const char *figure_data_folder(int argc, char **argv)
{
    if (argc > 0 && argv[0] != NULL && argv[0][0] != '\0') {
        const char *slash = strrchr(argv[0], '/');
        figure_name = slash != NULL ? slash + 1 : argv[0];
    }
    if (argc != 2) {
        fprintf(stderr, "usage: %s OUTDIR\n",
                argc > 0 && argv[0] != NULL ? argv[0] : figure_name);
        exit(EXIT_FAILURE);
    }
    return argv[1];
}

/* Open FOLDER/FILE for writing, or stop. */
static inline FILE *figure_open(const char *folder, const char *file)
{
    char path[4096];
    int length = snprintf(path, sizeof path, "%s/%s", folder, file);
    if (length < 0 || (size_t)length >= sizeof path) {
        fprintf(stderr, "%s: %s/%s: path too long\n", figure_name, folder,
                file);
        exit(EXIT_FAILURE);
    }
    FILE *out = fopen(path, "w");
    if (out == NULL) {
        fprintf(stderr, "%s: %s: %s\n", figure_name, path, strerror(errno));
        exit(EXIT_FAILURE);
    }
    return out;
}

/* Close a file from figure_open (FILE names it in the message), or stop:
   a failed close can mean a failed write. */
static inline void figure_close(FILE *out, const char *file)
{
    if (fclose(out) != 0) {
        fprintf(stderr, "%s: %s: %s\n", figure_name, file, strerror(errno));
        exit(EXIT_FAILURE);
    }
}

/* The two-dimensional quadratic E = theta^T A theta / 2 whose eigenvalues
   are lambda[0] and lambda[1], with eigenvectors along the axes rotated
   by phi radians: A = R diag(lambda) R^T. */
static inline void figure_rotated_quadratic(descent_quadratic *q,
                                            const double lambda[2],
                                            double phi)
{
    descent_error err;
    double c = cos(phi), s = sin(phi), A[4];
    A[0] = lambda[0] * c * c + lambda[1] * s * s;
    A[1] = A[2] = (lambda[0] - lambda[1]) * c * s;
    A[3] = lambda[0] * s * s + lambda[1] * c * c;
    figure_check(descent_quadratic_init(q, 2, A, NULL, 0, &err),
                 "quadratic", err.message);
}

/* E of a two-dimensional objective on a count[0] x count[1] grid over
   the box [low[0], high[0]] x [low[1], high[1]], as "x y E" lines with a
   blank line after each x, which is what gnuplot's contouring reads. */
static inline void figure_write_box_grid(const char *folder,
                                         const char *file,
                                         descent_objective *f,
                                         const double low[2],
                                         const double high[2],
                                         const int count[2])
{
    FILE *out = figure_open(folder, file);
    fprintf(out, "# x y E(x,y)\n");
    for (int i = 0; i < count[0]; i++) {
        for (int j = 0; j < count[1]; j++) {
            double theta[2] = {
                low[0] + (high[0] - low[0]) * i / (count[0] - 1),
                low[1] + (high[1] - low[1]) * j / (count[1] - 1)};
            fprintf(out, "%g %g %.10g\n", theta[0], theta[1],
                    descent_value(f, theta));
        }
        fprintf(out, "\n");
    }
    figure_close(out, file);
}

/* The same on the square [-half_width, half_width]^2, count x count. */
static inline void figure_write_grid(const char *folder, const char *file,
                                     descent_objective *f,
                                     double half_width, int count)
{
    const double low[2] = {-half_width, -half_width},
                 high[2] = {half_width, half_width};
    const int counts[2] = {count, count};
    figure_write_box_grid(folder, file, f, low, high, counts);
}

#endif
