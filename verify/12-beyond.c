/* 12-beyond.c: generated from chapters/12-beyond.nw; do not edit. */
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

static void bad_input_summary(void **state)
{
    (void)state;
    bad_input_table("bad-input-12-table");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        
        cmocka_unit_test(bad_input_summary),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
