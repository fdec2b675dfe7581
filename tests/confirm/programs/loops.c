/* A training-like loop for the loop-pass count: the bound is read at the loop's stop (5 passes
   with no argument), and a stop first reached in pass 3 sees the counter at 2. */
#include <stdio.h>
volatile int sink;
void step(int e) { sink = e; }
void checkpoint(int e) { sink = -e; }
int main(int argc, char **argv) {
  (void)argv;
  int epochs = 4 + argc;
  for (int epoch = 0; epoch < epochs; ++epoch) {
    step(epoch);
    if (epoch == 2)
      checkpoint(epoch);
  }
  printf("done\n");
  return 0;
}
