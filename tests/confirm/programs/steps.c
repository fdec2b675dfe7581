/* A program whose run order differs from its source order: the confirming run must report
   a, b (three passes, one trap), c; never d. */
#include <stdio.h>
volatile int sink;
void d(void) { sink = 4; }
void c(void) { sink = 3; }
void b(int i) { sink = i; }
void a(void) { sink = 1; }
void e(int x) {
  if (x > 100)
    sink = x; /* a line this run never reaches */
}
enum { restore = 0 }; /* a constant the compiler folds, as C++ folds dcgan's const bool */
void g(void) {
  if (restore)
    sink = 7; /* no code: the compiler leaves out a branch it knows is never taken */
  sink = 8;
}
int main(int argc, char **argv) {
  (void)argv;
  a();
  for (int i = 0; i < 3; ++i)
    b(i);
  c();
  e(1);
  g();
  if (argc > 5)
    d();
  printf("done\n");
  return 0;
}
