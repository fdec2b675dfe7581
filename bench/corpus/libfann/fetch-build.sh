#!/usr/bin/env bash
# Fetch Debian's libfann source, build libfann (floatfann.c, static) with CMake at -g -O0 and the
# programs in examples/ against it, all under bear -> compile_commands.json; make tiny data.
# Idempotent. (xor_test_fixed, the -DFIXEDFANN build of xor_test.c, is left out on purpose.)
set -euo pipefail
NAME=libfann
PKG=libfann
source "$(dirname "$0")/../debian-source.sh"  # $CORPUS, $D, $SRC, $BUILD from $NAME
EXAMPLES="xor_train xor_test simple_train simple_test steepness_train robot mushroom cascade_train momentums scaling_train scaling_test"

unpack_debian_source "$PKG" "$SRC/src/fann.c"
command -v bear >/dev/null || apt-get install -y bear
command -v cmake >/dev/null || apt-get install -y cmake

mkdir -p "$BUILD"
cd "$BUILD"
need_build=0
[ -s compile_commands.json ] || need_build=1
for e in $EXAMPLES xor_sample; do [ -x "examples/$e" ] || need_build=1; done
if [ "$need_build" = 1 ]; then
  rm -rf CMakeCache.txt CMakeFiles src examples compile_commands.json
  cmake -S "$SRC" -B . -DCMAKE_BUILD_TYPE=Debug -DCMAKE_C_FLAGS_DEBUG="-g -O0" >/dev/null
  mkdir -p examples
  INC="-I$SRC/src/include -I$BUILD/src/include"
  cmds="set -e; make -j2 fann_static"
  for e in $EXAMPLES; do
    cmds="$cmds; gcc -g -O0 -Wall $INC -c $SRC/examples/$e.c -o examples/$e.o"
    cmds="$cmds; gcc -g -O0 examples/$e.o src/libfann.a -lm -o examples/$e"
  done
  cmds="$cmds; g++ -g -O0 -Wall $INC -c $SRC/examples/xor_sample.cpp -o examples/xor_sample.o"
  cmds="$cmds; g++ -g -O0 examples/xor_sample.o src/libfann.a -lm -o examples/xor_sample"
  bear -- bash -c "$cmds"
fi

# Data: the examples read xor.data from their cwd and ../datasets/*; run them from build/examples.
# xor.data is the 4-row file shipped in examples/; the others are the shipped datasets cut to
# at most 300 rows (FANN format: header "rows inputs outputs", then input line, output line).
cp -n "$SRC/examples/xor.data" examples/xor.data
mkdir -p datasets
for f in robot.train robot.test mushroom.train mushroom.test parity8.train parity8.test scaling.data; do
  [ -s "datasets/$f" ] && continue
  python3 - "$SRC/datasets/$f" "datasets/$f" <<'PY'
import sys
lines = open(sys.argv[1]).read().split("\n")
n, i, o = lines[0].split()
keep = min(int(n), 300)
body = [l for l in lines[1:1 + 2 * keep]]
open(sys.argv[2], "w").write(f"{keep} {i} {o}\n" + "\n".join(body) + "\n")
PY
done
echo "$NAME ready in $BUILD"
