/* A tiny "training loop" for the plugin's end-to-end tests: every value it computes is
 * known in advance, so the tests can check the values a tour shows, not only their names.
 * Usage: toy STEPS   (the loss of step s is s + 0.75; the total of 1000 steps is 500250)
 * A negative STEPS crashes after the loop, for the tests of a tour that ends in a crash. */
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  int size;
  float x[4];
} Batch;

static void fill(Batch *b, int step) {
  b->size = 4;
  for (int i = 0; i < b->size; ++i)
    b->x[i] = (float)step + 0.5f * (float)i;
}

static float loss_of(const Batch *b) {
  float sum = 0.0f;
  for (int i = 0; i < b->size; ++i)
    sum += b->x[i];
  return sum / (float)b->size;
}

int main(int argc, char **argv) {
  int steps = argc > 1 ? atoi(argv[1]) : 10;
  const char *mode = getenv("TOY_MODE");
  float total = 0.0f;
  Batch batch;
  for (int step = 0; step < steps; ++step) {
    fill(&batch, step);
    float loss = loss_of(&batch);
    total += loss;
  }
  if (steps < 0)
    *(volatile int *)0 = steps;
  printf("mode %s total %.2f\n", mode ? mode : "none", total);
  return total > 0.0f ? 0 : 1;
}
