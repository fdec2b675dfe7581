/* The model and the optimizer of programs/shared/train.c, built as a shared library with no
   RUNPATH in the program (SKIP_BUILD_RPATH): as in libtool build trees, the program runs only
   when something finds this library in the build tree. */
#include "tinynet.h"

float tinynet_forward(const float *w, const float *x, int n) {
  float acc = 0;
  for (int k = 0; k < n; ++k)
    acc += w[k] * x[k];
  return acc;
}

void tinynet_sgd_update(float *w, const float *grad, float lr, int n) {
  for (int k = 0; k < n; ++k)
    w[k] -= lr * grad[k];
}
