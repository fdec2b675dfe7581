/* Never ends on its own: the confirming run's time limit and Ctrl-C must stop it. */
#include <unistd.h>
volatile long ticks;
void tick(void) { ++ticks; }
int main(void) {
  for (;;) {
    tick();
    usleep(1000);
  }
}
