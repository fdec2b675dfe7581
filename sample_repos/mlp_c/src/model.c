/* model.c - wires Linear and ReLU into the MLP of model.h. */
#include "model.h"

#include <stdlib.h>

int mlp_init(Mlp *model, int n_inputs, int n_hidden, int n_classes, int max_batch, Rng *rng)
{
    const size_t hidden_size = (size_t)max_batch * n_hidden;
    model->n_inputs = n_inputs;
    model->n_hidden = n_hidden;
    model->n_classes = n_classes;
    model->max_batch = max_batch;
    model->h_pre = model->h = model->logits = model->dh = model->dh_pre = NULL;
    model->fc1.w = model->fc2.w = NULL;
    if (n_inputs <= 0 || n_hidden <= 0 || n_classes <= 0 || max_batch <= 0)
        return -1;

    if (linear_init(&model->fc1, n_inputs, n_hidden, rng) != 0)
        return -1;
    if (linear_init(&model->fc2, n_hidden, n_classes, rng) != 0) {
        linear_free(&model->fc1);
        return -1;
    }
    model->h_pre = calloc(hidden_size, sizeof(float));
    model->h = calloc(hidden_size, sizeof(float));
    model->dh = calloc(hidden_size, sizeof(float));
    model->dh_pre = calloc(hidden_size, sizeof(float));
    model->logits = calloc((size_t)max_batch * n_classes, sizeof(float));
    if (!model->h_pre || !model->h || !model->dh || !model->dh_pre || !model->logits) {
        mlp_free(model);
        return -1;
    }
    return 0;
}

void mlp_free(Mlp *model)
{
    if (model->fc1.w)
        linear_free(&model->fc1);
    if (model->fc2.w)
        linear_free(&model->fc2);
    free(model->h_pre);
    free(model->h);
    free(model->logits);
    free(model->dh);
    free(model->dh_pre);
    model->h_pre = model->h = model->logits = model->dh = model->dh_pre = NULL;
}

const float *mlp_forward(Mlp *model, const float *x, int n)
{
    linear_forward(&model->fc1, x, n, model->h_pre);              /* h_pre = x · W1ᵀ + b1 */
    relu_forward(model->h_pre, model->h, n * model->n_hidden);    /* h = max(0, h_pre) */
    linear_forward(&model->fc2, model->h, n, model->logits);      /* logits = h · W2ᵀ + b2 */
    return model->logits;
}

void mlp_backward(Mlp *model, const float *x, const float *dlogits, int n)
{
    /* The chain rule, applied from the output back to the input: each step turns the gradient
     * with respect to a layer's output into gradients for its weights and for its input. */
    linear_backward(&model->fc2, model->h, dlogits, n, model->dh);         /* dW2, db2, dh */
    relu_backward(model->h_pre, model->dh, model->dh_pre, n * model->n_hidden);
    linear_backward(&model->fc1, x, model->dh_pre, n, NULL);               /* dW1, db1 */
}

int mlp_params(Mlp *model, Param *params)
{
    const Param list[MLP_NUM_PARAMS] = {
        {"fc1.w", model->fc1.w, model->fc1.dw, model->n_hidden * model->n_inputs},
        {"fc1.b", model->fc1.b, model->fc1.db, model->n_hidden},
        {"fc2.w", model->fc2.w, model->fc2.dw, model->n_classes * model->n_hidden},
        {"fc2.b", model->fc2.b, model->fc2.db, model->n_classes},
    };
    for (int p = 0; p < MLP_NUM_PARAMS; ++p)
        params[p] = list[p];
    return MLP_NUM_PARAMS;
}
