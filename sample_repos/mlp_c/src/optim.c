/* optim.c - SGD with momentum; see optim.h for the update rule. */
#include "optim.h"

#include <stdlib.h>

int sgd_init(Sgd *opt, float lr, float momentum, const Param *params, int n_params)
{
    size_t total = 0;
    opt->velocity = NULL;
    opt->n_params = 0;
    if (n_params < 0 || n_params > SGD_MAX_PARAMS || lr <= 0.0f || momentum < 0.0f ||
        momentum >= 1.0f)
        return -1;
    for (int p = 0; p < n_params; ++p) {
        opt->params[p] = params[p];
        total += (size_t)params[p].size;
    }
    opt->lr = lr;
    opt->momentum = momentum;
    opt->n_params = n_params;
    opt->velocity = calloc(total > 0 ? total : 1, sizeof *opt->velocity);
    return opt->velocity ? 0 : -1;
}

void sgd_update(Sgd *opt)
{
    float *v = opt->velocity;
    for (int p = 0; p < opt->n_params; ++p) {
        Param *param = &opt->params[p];
        for (int i = 0; i < param->size; ++i) {
            v[i] = opt->momentum * v[i] + param->grad[i];
            param->value[i] -= opt->lr * v[i];
        }
        v += param->size; /* the next parameter's velocities follow this one's */
    }
}

void sgd_free(Sgd *opt)
{
    free(opt->velocity);
    opt->velocity = NULL;
    opt->n_params = 0;
}
