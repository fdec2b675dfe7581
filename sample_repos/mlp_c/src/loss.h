/* loss.h - softmax followed by cross-entropy, the usual loss for classification.
 *
 * For one sample with logits z (k classes) and true class y:
 *     p_c  = exp(z_c) / Σ_c' exp(z_c')          (softmax: probabilities that sum to 1)
 *     loss = -log p_y                           (cross-entropy against the true class)
 *     dloss/dz_c = p_c - [c == y]               (the gradient is this simple for the pair)
 * The batch loss is the mean over samples, so the gradient is divided by n as well. */
#ifndef MLP_C_LOSS_H
#define MLP_C_LOSS_H

/* logits and probs are n x k; labels has n entries in [0, k). Writes the probabilities to probs
 * and, unless dlogits is NULL, dLoss/dlogits to dlogits (n x k). Returns the mean loss. */
float softmax_cross_entropy(const float *logits, const int *labels, int n, int k, float *probs,
                            float *dlogits);

#endif
