/* 09-batchnorm.c: generated from chapters/09-batchnorm.nw; do not edit. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "claims.h"
#include "descent.h"
#include "internal-batchnorm.h"


static void smoke(void **state)
{
    descent_batchnorm bn;
    descent_error e;
    double x[6] = {1, 2, 3, 4, 5, 7}, y[6];
    (void)state;
    REQUIRE(descent_batchnorm_init(&bn, 2, 0.1, 1e-5, &e), e);
    REQUIRE(descent_batchnorm_forward(&bn, 3, x, y, &e), e);
    assert_true(fabs(y[0] + y[2] + y[4]) < 1e-12);
    descent_batchnorm_free(&bn);
}




int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(smoke),
        
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
