#!/usr/bin/env bash
# Fetch Debian's liblinear source, build train/predict with -g -O0 and a compile_commands.json,
# and make tiny synthetic data. Idempotent. (+dfsg drops the bundled blas/: link system -lblas.)
set -euo pipefail
NAME=liblinear
PKG=liblinear
source "$(dirname "$0")/../debian-source.sh"  # $CORPUS, $D, $SRC, $BUILD from $NAME

unpack_debian_source "$PKG" "$SRC/linear.cpp"
command -v bear >/dev/null || apt-get install -y bear
dpkg -s libblas-dev >/dev/null 2>&1 || apt-get install -y libblas-dev

mkdir -p "$BUILD"
cd "$BUILD"
if [ ! -x train ] || [ ! -x predict ] || [ ! -s compile_commands.json ]; then
  # Same commands as upstream's Makefile, with -g -O0 instead of -O3, absolute source paths.
  CFLAGS="-Wall -Wconversion -g -O0 -fPIC"
  bear -- bash -c "
    set -e
    g++ $CFLAGS -c -o tron.o $SRC/tron.cpp
    g++ $CFLAGS -c -o linear.o $SRC/linear.cpp
    g++ $CFLAGS -o train $SRC/train.c tron.o linear.o -lblas
    g++ $CFLAGS -o predict $SRC/predict.c tron.o linear.o -lblas
  "
fi

# Tiny synthetic data: 2 classes, 8 features, libsvm/liblinear sparse format.
if [ ! -s data/train.txt ]; then
  mkdir -p data
  python3 - <<'PY'
import random
random.seed(1)
def rows(n):
    out = []
    for _ in range(n):
        y = random.choice([-1, 1])
        feats = [random.gauss(0.8 * y if j < 3 else 0.0, 1.0) for j in range(8)]
        out.append(("+1" if y > 0 else "-1") + " " +
                   " ".join(f"{j+1}:{v:.4f}" for j, v in enumerate(feats)))
    return "\n".join(out) + "\n"
open("data/train.txt", "w").write(rows(300))
open("data/test.txt", "w").write(rows(100))
PY
fi
echo "$NAME ready in $BUILD"
