/* stoch-schedules.c: data for Figure "stoch-schedules" of Chapter 7
   (fig:stoch-schedules). The steps of five schedules from eta0 = 0.1 over
   1000 steps: linear decay to eta0/100 at tau = 500, harmonic, inverse
   square, exponential (gamma = 0.995) and step decay (gamma = 0.5 every
   200 steps). Writes OUTDIR/stoch-schedules.dat, one line per step:
   k, then the five steps in that order. */
#include <stdio.h>
#include "descent.h"
#include "figure.h"

int main(int argc, char **argv)
{
    const char *folder = figure_data_folder(argc, argv);
    const descent_schedule_kind kinds[5] = {
        DESCENT_SCHEDULE_LINEAR, DESCENT_SCHEDULE_HARMONIC,
        DESCENT_SCHEDULE_INVERSE_SQUARE, DESCENT_SCHEDULE_EXPONENTIAL,
        DESCENT_SCHEDULE_STEP};
    const double x[5] = {0.001, 0, 0, 0.995, 0.5};
    const size_t count[5] = {500, 0, 0, 0, 200};
    descent_schedule s[5];
    descent_error err;
    for (int i = 0; i < 5; i++)
        figure_check(descent_schedule_init(&s[i], kinds[i], 0.1, x[i],
                                           count[i], &err),
                     "schedule", err.message);
    FILE *out = figure_open(folder, "stoch-schedules.dat");
    fprintf(out, "# k linear harmonic inverse-square exponential step\n");
    for (size_t k = 0; k <= 1000; k++) {
        fprintf(out, "%zu", k);
        for (int i = 0; i < 5; i++)
            fprintf(out, " %.10g", descent_schedule_eta(&s[i], k));
        fprintf(out, "\n");
    }
    figure_close(out, "stoch-schedules.dat");
    return 0;
}
