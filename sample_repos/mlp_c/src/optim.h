/* optim.h - stochastic gradient descent with momentum.
 *
 * The optimizer sees the model only as a list of Params: a named float array with its gradient.
 * For each element it keeps a velocity v and applies
 *     v = momentum · v + grad
 *     w = w - lr · v
 * so a gradient that keeps pointing the same way builds up speed, and one that flips sign from
 * batch to batch partly cancels out. */
#ifndef MLP_C_OPTIM_H
#define MLP_C_OPTIM_H

#define SGD_MAX_PARAMS 8

typedef struct {
    const char *name; /* "fc1.w", ... for messages and for the debugger */
    float *value;
    float *grad;
    int size;
} Param;

typedef struct {
    float lr;
    float momentum;
    int n_params;
    Param params[SGD_MAX_PARAMS];
    float *velocity; /* one value per parameter element, params in order */
} Sgd;

/* Copies the param list and allocates zeroed velocities. Returns -1 on bad input or no memory. */
int sgd_init(Sgd *opt, float lr, float momentum, const Param *params, int n_params);

/* One step: every parameter moves against its (momentum-smoothed) gradient. */
void sgd_update(Sgd *opt);

void sgd_free(Sgd *opt);

#endif
