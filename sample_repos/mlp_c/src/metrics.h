/* metrics.h - running loss, accuracy and confusion matrix over an epoch or a test split. */
#ifndef MLP_C_METRICS_H
#define MLP_C_METRICS_H

#include <stdio.h>

#define METRICS_MAX_CLASSES 16

typedef struct {
    int num_classes;
    long seen;       /* samples counted so far */
    long correct;    /* of which the arg-max prediction was the true class */
    double loss_sum; /* Σ over samples of their loss (batch mean loss × batch size) */
    long confusion[METRICS_MAX_CLASSES][METRICS_MAX_CLASSES]; /* [true class][predicted class] */
} Metrics;

/* Returns -1 when num_classes is out of range [1, METRICS_MAX_CLASSES]. */
int metrics_reset(Metrics *m, int num_classes);

/* Index of the largest of v[0..k-1] (the first one on ties). */
int argmax(const float *v, int k);

/* Adds one batch: probs is n x num_classes, batch_loss the batch's mean loss. */
void metrics_update(Metrics *m, const float *probs, const int *labels, int n, float batch_loss);

double metrics_mean_loss(const Metrics *m);
double metrics_accuracy(const Metrics *m);

/* Prints the confusion matrix, one row per true class. */
void metrics_print_confusion(const Metrics *m, FILE *out);

#endif
