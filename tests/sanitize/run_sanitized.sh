#!/bin/bash
# Builds the pure libraries' unit tests (tours, render, values, charts, collect, report and the
# checker's anchor editor) with -fsanitize=address,undefined in a build tree of their own, and
# runs them: any ASan or UBSan finding, or a leak, fails (docs/security.md, "Sanitizers").
# Usage: run_sanitized.sh SOURCE_DIR TREE CXX [JOBS]
#   ctest runs it as sanitize.pure_unit_tests (label "sanitize"); by hand:
#   bash tests/sanitize/run_sanitized.sh . build/sanitize c++ 2
# The tree is kept between runs, so a second run only rebuilds what changed.
set -euo pipefail
src=$(cd "$1" && pwd) tree=$2 cxx=$3 jobs=${4:-2}
tests=(tours_test tours_noexcept_test render_tests values_pure_tests charts_tests collect_tests report_tests
       checker_pure_tests)
sanitize="-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
start=$SECONDS
if [ ! -f "$tree/CMakeCache.txt" ]; then
  generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  # -g1 (line tables): reports keep file:line, and the build takes far less time than with -g.
  cmake -S "$src" -B "$tree" "${generator[@]}" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_COMPILER="$cxx" \
    -DCMAKE_CXX_FLAGS_DEBUG=-g1 -DCMAKE_C_FLAGS_DEBUG=-g1 \
    "-DTOURGUIDE_COMPONENTS=tours;render;values;charts;collect;report;tests" -DTOURGUIDE_SANITIZE_TREE=ON \
    -DTOURGUIDE_TEST_LLDB_VERSIONS= -DTOURGUIDE_TEST_OLDER_LLDB_VERSIONS= \
    "-DCMAKE_CXX_FLAGS=$sanitize" "-DCMAKE_C_FLAGS=$sanitize" \
    "-DCMAKE_EXE_LINKER_FLAGS=-fsanitize=address,undefined" >/dev/null
fi
cmake --build "$tree" --parallel "$jobs" --target "${tests[@]}"
built=$SECONDS
export ASAN_OPTIONS=detect_leaks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
failed=()
for t in "${tests[@]}"; do
  bin=$(find "$tree/tests" -name "$t" -type f -perm -u+x | head -1)
  if [ -z "$bin" ]; then
    echo "run_sanitized.sh: $t was not built" >&2
    failed+=("$t")
    continue
  fi
  echo "== $t"
  (cd "$tree" && "$bin" --gtest_brief=1) || failed+=("$t")
done
echo "sanitized unit tests: built in $((built - start)) s, ran in $((SECONDS - built)) s"
if [ ${#failed[@]} -gt 0 ]; then
  echo "failed under ASan/UBSan: ${failed[*]}" >&2
  exit 1
fi
