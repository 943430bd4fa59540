/* stoch-samples.c: data for Figure "stoch-samples" of Chapter 7
   (fig:stoch-samples). Loads Fashion-MNIST's test set with the library's
   loader and writes the first image of each class into one white canvas,
   as rows "x y pixel" for gnuplot's image style: class c in column c % 5
   and row c / 5, each image 28 x 28, with a gap of 4 pixels between
   images and 14 between the rows (for the class names). Writes
   OUTDIR/stoch-samples.dat. */
#include <stdio.h>
#include "descent.h"
#include "figure.h"

enum { WIDTH = 5 * 32 - 4, HEIGHT = 42 + 28 };

int main(int argc, char **argv)
{
    const char *folder = figure_data_folder(argc, argv);
    descent_samples test;
    descent_error err;
    figure_check(descent_fashion_mnist_load(&test, false, 0, &err),
                 "Fashion-MNIST test set", err.message);
    static float canvas[HEIGHT][WIDTH];   /* white where no image is */
    for (int c = 0; c < 10; c++) {
        size_t i = 0;
        while (i < test.count && test.labels[i] != c)
            i++;
        if (i == test.count)
            figure_check(DESCENT_DATA_ERROR, "a class", "has no image");
        const float *image = test.x + i * test.inputs;
        for (int row = 0; row < 28; row++)
            for (int col = 0; col < 28; col++)
                canvas[(c / 5) * 42 + row][(c % 5) * 32 + col] =
                    image[row * 28 + col];
    }
    FILE *out = figure_open(folder, "stoch-samples.dat");
    fprintf(out, "# x y pixel: one grid, y downwards as negative numbers\n");
    for (int y = 0; y < HEIGHT; y++) {
        for (int x = 0; x < WIDTH; x++)
            fprintf(out, "%d %d %.4f\n", x, -y, canvas[y][x]);
        fprintf(out, "\n");
    }
    figure_close(out, "stoch-samples.dat");
    descent_samples_free(&test);
    return 0;
}
