/* distributed-hooks.c: STUB (CORE), replaced by HOOKS' file. */
#include <stdlib.h>

#include "internal-distributed.h"
#include "internal.h"

descent_status descent_parallel_hooks_init(descent_parallel_hooks **hooks,
        descent_comm *comm, descent_model *model, bool bucketed, bool bn_sync,
        descent_error *error)
{
    (void)comm;
    (void)model;
    (void)bucketed;
    (void)bn_sync;
    *hooks = NULL;
    return descent_fail(error, DESCENT_UNAVAILABLE,
                        "train_parallel: the bucketed reduction and "
                        "synchronized batch normalization are not written yet");
}

descent_status descent_parallel_hooks_finish(descent_parallel_hooks *hooks,
                                             descent_error *error)
{
    (void)hooks;
    return descent_succeed(error);
}

void descent_parallel_hooks_free(descent_parallel_hooks *hooks)
{
    (void)hooks;
}
