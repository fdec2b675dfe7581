/* layers.c - Linear and ReLU, forward and backward, written as plain loops. */
#include "layers.h"

#include <math.h>
#include <stdlib.h>

int linear_init(Linear *layer, int in, int out, Rng *rng)
{
    const size_t n_weights = (size_t)in * out;
    layer->in = in;
    layer->out = out;
    layer->w = calloc(n_weights, sizeof *layer->w);
    layer->b = calloc((size_t)out, sizeof *layer->b);
    layer->dw = calloc(n_weights, sizeof *layer->dw);
    layer->db = calloc((size_t)out, sizeof *layer->db);
    if (!layer->w || !layer->b || !layer->dw || !layer->db) {
        linear_free(layer);
        return -1;
    }
    if (rng) {
        /* He initialisation keeps the variance of ReLU activations roughly constant
         * from layer to layer, so the first forward pass neither explodes nor vanishes. */
        const float limit = sqrtf(6.0f / (float)in);
        for (size_t i = 0; i < n_weights; ++i)
            layer->w[i] = (2.0f * rng_uniform(rng) - 1.0f) * limit;
    }
    return 0;
}

void linear_free(Linear *layer)
{
    free(layer->w);
    free(layer->b);
    free(layer->dw);
    free(layer->db);
    layer->w = layer->b = layer->dw = layer->db = NULL;
}

void linear_forward(const Linear *layer, const float *x, int n, float *y)
{
    for (int s = 0; s < n; ++s) {
        const float *xs = x + (size_t)s * layer->in;
        float *ys = y + (size_t)s * layer->out;
        for (int o = 0; o < layer->out; ++o) {
            const float *w_row = layer->w + (size_t)o * layer->in;
            float acc = layer->b[o];
            for (int j = 0; j < layer->in; ++j)
                acc += w_row[j] * xs[j];
            ys[o] = acc;
        }
    }
}

void linear_backward(Linear *layer, const float *x, const float *dy, int n, float *dx)
{
    const int in = layer->in;
    const int out = layer->out;

    /* dW[o][j] = Σ_s dy[s][o] · x[s][j]  and  db[o] = Σ_s dy[s][o]: sums over the batch. */
    for (int o = 0; o < out; ++o) {
        float grad_b = 0.0f;
        for (int s = 0; s < n; ++s)
            grad_b += dy[(size_t)s * out + o];
        layer->db[o] = grad_b;

        for (int j = 0; j < in; ++j) {
            float grad_w = 0.0f;
            for (int s = 0; s < n; ++s)
                grad_w += dy[(size_t)s * out + o] * x[(size_t)s * in + j];
            layer->dw[(size_t)o * in + j] = grad_w;
        }
    }

    /* dx[s][j] = Σ_o dy[s][o] · W[o][j]: the same weights, used transposed. */
    if (!dx)
        return;
    for (int s = 0; s < n; ++s) {
        for (int j = 0; j < in; ++j) {
            float grad_x = 0.0f;
            for (int o = 0; o < out; ++o)
                grad_x += dy[(size_t)s * out + o] * layer->w[(size_t)o * in + j];
            dx[(size_t)s * in + j] = grad_x;
        }
    }
}

void relu_forward(const float *x, float *y, int count)
{
    for (int i = 0; i < count; ++i)
        y[i] = x[i] > 0.0f ? x[i] : 0.0f;
}

void relu_backward(const float *x, const float *dy, float *dx, int count)
{
    for (int i = 0; i < count; ++i)
        dx[i] = x[i] > 0.0f ? dy[i] : 0.0f;
}
