/* model.h - the two-layer perceptron:
 *
 *     h_pre  = x · W1ᵀ + b1        (fc1: n_inputs -> n_hidden)
 *     h      = max(0, h_pre)       (ReLU)
 *     logits = h · W2ᵀ + b2        (fc2: n_hidden -> n_classes)
 *
 * The model owns the activations of the last forward pass because the backward pass needs them. */
#ifndef MLP_C_MODEL_H
#define MLP_C_MODEL_H

#include "layers.h"
#include "optim.h"

#define MLP_NUM_PARAMS 4

typedef struct {
    int n_inputs;
    int n_hidden;
    int n_classes;
    int max_batch; /* the activation buffers hold this many samples */
    Linear fc1;
    Linear fc2;
    float *h_pre;  /* max_batch x n_hidden: fc1 output before ReLU */
    float *h;      /* max_batch x n_hidden: after ReLU */
    float *logits; /* max_batch x n_classes */
    float *dh;     /* dLoss/dh */
    float *dh_pre; /* dLoss/dh_pre */
} Mlp;

/* rng may be NULL (all weights zero), e.g. before loading a checkpoint. Returns -1 on failure. */
int mlp_init(Mlp *model, int n_inputs, int n_hidden, int n_classes, int max_batch, Rng *rng);
void mlp_free(Mlp *model);

/* Runs the batch x (n x n_inputs) through the network; returns the logits (n x n_classes),
 * which stay valid until the next call. n must not exceed max_batch. */
const float *mlp_forward(Mlp *model, const float *x, int n);

/* Back-propagates dlogits = dLoss/dlogits of the last forward pass on x into the gradients of
 * both layers (fc1.dw, fc1.db, fc2.dw, fc2.db). */
void mlp_backward(Mlp *model, const float *x, const float *dlogits, int n);

/* Fills params[0..MLP_NUM_PARAMS-1] with the weights and biases, for the optimizer. */
int mlp_params(Mlp *model, Param *params);

#endif
