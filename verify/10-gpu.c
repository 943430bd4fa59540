/* 10-gpu.c: generated from chapters/10-gpu.nw; do not edit. */
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







int main(void)
{
    const struct CMUnitTest tests[] = {
        
        
        
        
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
