/* layers.h - the two building blocks of the MLP: a fully connected layer and ReLU.
 *
 * All functions work on a whole mini-batch at once. Matrices are row-major float arrays:
 * an activation x of a batch of n samples with `in` features is x[s*in + j]. */
#ifndef MLP_C_LAYERS_H
#define MLP_C_LAYERS_H

#include "rng.h"

/* y = x · Wᵀ + b, for every sample of a batch. */
typedef struct {
    int in;    /* features in */
    int out;   /* features out */
    float *w;  /* out x in: row o holds the weights into output o */
    float *b;  /* out */
    float *dw; /* gradient of the loss with respect to w, same shape */
    float *db; /* gradient of the loss with respect to b */
} Linear;

/* Allocates the layer. With an rng, w is drawn from the He-uniform distribution
 * U(-sqrt(6/in), sqrt(6/in)) and b is zero; without one, everything is zero. */
int linear_init(Linear *layer, int in, int out, Rng *rng);
void linear_free(Linear *layer);

/* y[s][o] = b[o] + Σ_j w[o][j] · x[s][j]   for s < n. */
void linear_forward(const Linear *layer, const float *x, int n, float *y);

/* Given dy = dLoss/dy for the batch, sets layer->dw and layer->db (they are overwritten, not
 * accumulated) and, if dx is not NULL, dx = dLoss/dx so the gradient can flow further back. */
void linear_backward(Linear *layer, const float *x, const float *dy, int n, float *dx);

/* y = max(0, x), element-wise over count values. */
void relu_forward(const float *x, float *y, int count);

/* dx = dy where x > 0, else 0: a ReLU lets the gradient through only where it was active. */
void relu_backward(const float *x, const float *dy, float *dx, int count);

#endif
