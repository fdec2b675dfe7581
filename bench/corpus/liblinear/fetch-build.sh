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
[ -s data/train.txt ] || python3 "$CORPUS_SCRIPTS/sparse-data.py" data
echo "$NAME ready in $BUILD"
