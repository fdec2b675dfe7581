#!/usr/bin/env bash
# Fetch Debian's libsvm source, build svm-train/svm-predict/svm-scale with -g -O0 and a
# compile_commands.json, and make tiny synthetic data. Idempotent.
set -euo pipefail
NAME=libsvm
PKG=libsvm
source "$(dirname "$0")/../debian-source.sh"  # $CORPUS, $D, $SRC, $BUILD from $NAME

unpack_debian_source "$PKG" "$SRC/svm.cpp"
command -v bear >/dev/null || apt-get install -y bear

mkdir -p "$BUILD"
cd "$BUILD"
if [ ! -x svm-train ] || [ ! -x svm-predict ] || [ ! -x svm-scale ] || [ ! -s compile_commands.json ]; then
  # Same commands as upstream's Makefile, with -g -O0 instead of -O3, absolute source paths.
  CFLAGS="-Wall -Wconversion -g -O0 -fPIC"
  bear -- bash -c "
    set -e
    g++ $CFLAGS -c $SRC/svm.cpp -o svm.o
    g++ $CFLAGS $SRC/svm-train.c svm.o -o svm-train -lm
    g++ $CFLAGS $SRC/svm-predict.c svm.o -o svm-predict -lm
    g++ $CFLAGS $SRC/svm-scale.c -o svm-scale
  "
fi

# Tiny synthetic data: 2 classes, 8 features, libsvm sparse format.
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
echo "libsvm ready in $BUILD"
