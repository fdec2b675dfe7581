/* Nested loops whose every value is known, for the collected-series tests.
 * Usage: collect EPOCHS STEPS WORK
 * Global step t (0, 1, 2, ...) has loss 1/(t+1); epoch e (1..EPOCHS) has score 10*e. WORK
 * is a busy loop per step, so that the program has running time of its own. */
#include <stdio.h>
#include <stdlib.h>

static double spin(int work) {
  volatile double acc = 0;
  for (int k = 0; k < work; ++k)
    acc += k * 1e-9;
  return acc;
}

int main(int argc, char **argv) {
  int epochs = argc > 1 ? atoi(argv[1]) : 3;
  int steps = argc > 2 ? atoi(argv[2]) : 100;
  int work = argc > 3 ? atoi(argv[3]) : 0;
  int step = 0;
  double loss = 0, sum = 0, busy = 0;
  const char *name = "collect";
  for (int epoch = 1; epoch <= epochs; ++epoch) {
    for (int i = 0; i < steps; ++i) {
      loss = 1.0 / (step + 1);
      sum += loss; /* per step */
      busy += spin(work);
      ++step;
    }
    double score = 10.0 * epoch;
    printf("epoch %d score %.1f\n", epoch, score); /* per epoch */
  }
  printf("%s: sum %.6f steps %d busy %.3f\n", name, sum, step, busy);
  return 0;
}
