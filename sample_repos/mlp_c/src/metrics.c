/* metrics.c - see metrics.h. */
#include "metrics.h"

#include <stddef.h>
#include <string.h>

int metrics_reset(Metrics *m, int num_classes)
{
    memset(m, 0, sizeof *m);
    if (num_classes < 1 || num_classes > METRICS_MAX_CLASSES)
        return -1;
    m->num_classes = num_classes;
    return 0;
}

int argmax(const float *v, int k)
{
    int best = 0;
    for (int c = 1; c < k; ++c)
        if (v[c] > v[best])
            best = c;
    return best;
}

void metrics_update(Metrics *m, const float *probs, const int *labels, int n, float batch_loss)
{
    const int k = m->num_classes;
    for (int s = 0; s < n; ++s) {
        const int predicted = argmax(probs + (size_t)s * k, k);
        const int truth = labels[s];
        m->confusion[truth][predicted] += 1;
        if (predicted == truth)
            m->correct += 1;
    }
    m->seen += n;
    m->loss_sum += (double)batch_loss * n;
}

double metrics_mean_loss(const Metrics *m)
{
    return m->seen > 0 ? m->loss_sum / (double)m->seen : 0.0;
}

double metrics_accuracy(const Metrics *m)
{
    return m->seen > 0 ? (double)m->correct / (double)m->seen : 0.0;
}

void metrics_print_confusion(const Metrics *m, FILE *out)
{
    fprintf(out, "confusion matrix (rows: true class, columns: predicted class)\n");
    for (int t = 0; t < m->num_classes; ++t) {
        fprintf(out, "  class %d:", t);
        for (int p = 0; p < m->num_classes; ++p)
            fprintf(out, " %5ld", m->confusion[t][p]);
        fprintf(out, "\n");
    }
}
