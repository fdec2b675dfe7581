/* loss.c - softmax cross-entropy; see loss.h for the math. */
#include "loss.h"

#include <math.h>
#include <stddef.h>

float softmax_cross_entropy(const float *logits, const int *labels, int n, int k, float *probs,
                            float *dlogits)
{
    double total = 0.0;
    for (int s = 0; s < n; ++s) {
        const float *z = logits + (size_t)s * k;
        float *p = probs + (size_t)s * k;

        /* Subtracting the largest logit changes nothing mathematically (it cancels in the
         * ratio) but keeps expf from overflowing when a logit is large. */
        float z_max = z[0];
        for (int c = 1; c < k; ++c)
            if (z[c] > z_max)
                z_max = z[c];
        float denom = 0.0f;
        for (int c = 0; c < k; ++c) {
            p[c] = expf(z[c] - z_max);
            denom += p[c];
        }
        for (int c = 0; c < k; ++c)
            p[c] /= denom;

        const int y = labels[s];
        const float p_true = p[y] > 1e-12f ? p[y] : 1e-12f; /* log(0) would be -inf */
        total += -logf(p_true);

        if (dlogits) {
            float *dz = dlogits + (size_t)s * k;
            for (int c = 0; c < k; ++c)
                dz[c] = (p[c] - (c == y ? 1.0f : 0.0f)) / (float)n;
        }
    }
    return (float)(total / n);
}
