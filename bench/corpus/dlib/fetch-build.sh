#!/usr/bin/env bash
# Fetch Debian's dlib source; compile only examples/dnn_introduction_ex.cpp and
# examples/dnn_introduction2_ex.cpp, each linked with dlib/all/source.cpp, at -g -O0, under bear
# (-> compile_commands.json); make full-size random MNIST files (dlib::load_mnist_dataset
# insists on 60000 training and 10000 testing images). Idempotent.
set -euo pipefail
NAME=dlib
PKG=dlib
source "$(dirname "$0")/../debian-source.sh"  # $CORPUS, $D, $SRC, $BUILD from $NAME
EXAMPLES="dnn_introduction_ex dnn_introduction2_ex"

unpack_debian_source "$PKG" "$SRC/dlib/all/source.cpp"
command -v bear >/dev/null || apt-get install -y bear

mkdir -p "$BUILD"
cd "$BUILD"
need=0
[ -s compile_commands.json ] || need=1
for e in $EXAMPLES; do [ -x "$e" ] || need=1; done
if [ "$need" = 1 ]; then
  # No GUI, no PNG/JPEG/BLAS: only what the two examples use. dlib's source.cpp once, shared.
  FLAGS="-g -O0 -pthread -DDLIB_NO_GUI_SUPPORT -I$SRC"
  cmds="set -e; g++ $FLAGS -c $SRC/dlib/all/source.cpp -o dlib_source.o"
  for e in $EXAMPLES; do
    cmds="$cmds; g++ $FLAGS -c $SRC/examples/$e.cpp -o $e.o; g++ -pthread $e.o dlib_source.o -o $e"
  done
  rm -f compile_commands.json
  bear -- bash -c "$cmds"
fi

# Full-size random MNIST (IDX format, big-endian headers): 60000 train, 10000 test, 28x28.
if [ ! -s data/mnist/t10k-labels-idx1-ubyte ]; then
  mkdir -p data/mnist
  python3 - <<'PY'
import os, random, struct
random.seed(1)
def images(path, n):
    with open(path, "wb") as f:
        f.write(struct.pack(">IIII", 2051, n, 28, 28))
        f.write(os.urandom(n * 28 * 28))
def labels(path, n):
    with open(path, "wb") as f:
        f.write(struct.pack(">II", 2049, n))
        f.write(bytes(random.randrange(10) for _ in range(n)))
images("data/mnist/train-images-idx3-ubyte", 60000)
labels("data/mnist/train-labels-idx1-ubyte", 60000)
images("data/mnist/t10k-images-idx3-ubyte", 10000)
labels("data/mnist/t10k-labels-idx1-ubyte", 10000)
PY
fi
echo "$NAME ready in $BUILD"
