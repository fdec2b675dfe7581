// Built with -O2: at stop_here() the compiler keeps `tripled` nowhere, so a watch on it
// must come back as a clear "optimized out" error line, not a crash or a stale number.
__attribute__((noinline)) void stop_here() { asm volatile("" ::: "memory"); }

__attribute__((noinline)) int scaled(int a) {
  int tripled = a * 3;
  stop_here();
  return a + 1;
}

int main(int argc, char **) { return scaled(argc) == 0; }
