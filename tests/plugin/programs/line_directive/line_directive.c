/* For the trust tests (TrustTest.cpp): a `#line` directive makes the line table name a file
 * outside any repo, as a stranger's source could name /etc/passwd. Its lines must not be
 * read or shown without `tour start --trust` (docs/security.md). */
#include <stdio.h>

int main(int argc, char **argv) {
  (void)argv;
#line 3 "/tmp/tourguide-line-directive-secret.txt"
  printf("%d\n", argc);
  return 0;
}
