/* Calls a step defined in a header (programs/header_step.h). */
#include "header_step.h"

#include <stdio.h>

int main(void) {
  float w = 1;
  for (int i = 0; i < 3; ++i)
    w = header_step(w, w);
  printf("w %f\n", w);
  return 0;
}
