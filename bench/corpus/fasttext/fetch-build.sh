#!/usr/bin/env bash
# Fetch Debian's fasttext source (with Debian's patches: libfasttext shared library + the
# `fasttext` program), build the program with -g -O0 and CMake's compile_commands.json, and
# make tiny synthetic data. Idempotent.
set -euo pipefail
NAME=fasttext
PKG=fasttext
source "$(dirname "$0")/../debian-source.sh"  # $CORPUS, $D, $SRC, $BUILD from $NAME
JOBS=${JOBS:-2}

unpack_debian_source "$PKG" "$SRC/src/fasttext.cc"
command -v cmake >/dev/null || apt-get install -y cmake

mkdir -p "$BUILD"
cd "$BUILD"
if [ ! -s compile_commands.json ]; then
  # Debian's respect-dh-compiler-flags.patch drops upstream's "-pthread -std=c++11 -O3 ...":
  # put back the language flags, with -g -O0 instead of the optimisation.
  cmake -S "$SRC" -B . -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DCMAKE_CXX_FLAGS="-pthread -std=c++11" -DCMAKE_CXX_FLAGS_DEBUG="-g -O0"
fi
# Only the program and the shared library it links (Debian also defines two static copies).
[ -x fasttext ] || cmake --build . --target fasttext-bin -j "$JOBS"

# Tiny synthetic data: 3 labels, 300 training / 60 test lines; a small unlabelled corpus.
if [ ! -s data/train.txt ]; then
  mkdir -p data
  python3 - <<'PY'
import random
random.seed(1)
topics = {
  "sports": "ball goal team match player score coach league win run".split(),
  "food": "bread cheese pasta soup spice bake cook taste salad fruit".split(),
  "tech": "code compiler kernel memory cpu debug network server byte cache".split(),
}
common = "the a of and to in is it on with for this that".split()
def line(label):
    words = [random.choice(topics[label]) if random.random() < 0.6 else random.choice(common)
             for _ in range(random.randint(6, 14))]
    return f"__label__{label} " + " ".join(words)
labels = list(topics)
open("data/train.txt", "w").write("\n".join(line(random.choice(labels)) for _ in range(300)) + "\n")
open("data/test.txt", "w").write("\n".join(line(random.choice(labels)) for _ in range(60)) + "\n")
open("data/corpus.txt", "w").write("\n".join(line(random.choice(labels)).split(" ", 1)[1] for _ in range(300)) + "\n")
PY
fi
echo "$NAME ready in $BUILD"
