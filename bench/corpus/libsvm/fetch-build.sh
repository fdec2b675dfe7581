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
[ -s data/train.txt ] || python3 "$CORPUS_SCRIPTS/sparse-data.py" data
echo "libsvm ready in $BUILD"
