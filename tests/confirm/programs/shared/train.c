/* Fits y = 2 x0 - x1 with a linear model from the shared library libtinynet. */
#include "tinynet.h"

#include <stdio.h>

int main(void) {
  float w[2] = {0, 0};
  const float xs[4][2] = {{1, 0}, {0, 1}, {1, 1}, {2, 1}};
  const float ys[4] = {2, -1, 1, 3};
  const float lr = 0.1f;
  int epochs = 20;
  float loss = 0;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    loss = 0;
    for (int i = 0; i < 4; ++i) {
      float pred = tinynet_forward(w, xs[i], 2);
      float diff = pred - ys[i];
      loss += diff * diff;
      float grad[2] = {2 * diff * xs[i][0], 2 * diff * xs[i][1]};
      tinynet_sgd_update(w, grad, lr, 2);
    }
  }
  printf("loss %f w %f %f\n", loss, w[0], w[1]);
  return 0;
}
