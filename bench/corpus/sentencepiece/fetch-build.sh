#!/usr/bin/env bash
# Fetch Debian's sentencepiece source (with Debian's patches: shared libraries only), build
# its five spm_* programs with -g -O0 and CMake's compile_commands.json (bundled protobuf-lite
# and abseil, no tcmalloc), and make a tiny synthetic text corpus. Idempotent.
set -euo pipefail
NAME=sentencepiece
PKG=sentencepiece
source "$(dirname "$0")/../debian-source.sh"  # $CORPUS, $D, $SRC, $BUILD from $NAME
JOBS=${JOBS:-2}

unpack_debian_source "$PKG" "$SRC/src/unigram_model_trainer.cc"
command -v cmake >/dev/null || apt-get install -y cmake

mkdir -p "$BUILD"
cd "$BUILD"
if [ ! -s compile_commands.json ]; then
  cmake -S "$SRC" -B . -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
    -DCMAKE_CXX_FLAGS_DEBUG="-g -O0" -DCMAKE_C_FLAGS_DEBUG="-g -O0" -DSPM_ENABLE_TCMALLOC=OFF
fi
PROGRAMS="spm_train spm_encode spm_decode spm_normalize spm_export_vocab"
for p in $PROGRAMS; do
  [ -x "src/$p" ] || cmake --build . --target $PROGRAMS -j "$JOBS"
done

# Tiny synthetic corpus: 400 sentences from a small vocabulary.
if [ ! -s data/corpus.txt ]; then
  mkdir -p data
  python3 - <<'PY'
import random
random.seed(1)
words = ("the of and to in is was that for on with as by at from this which are be an have "
         "model train token piece vocabulary sentence corpus unigram segment encode decode "
         "learning data network language subword merge frequency probability").split()
lines = [" ".join(random.choice(words) for _ in range(random.randint(5, 15))).capitalize() + "."
         for _ in range(400)]
open("data/corpus.txt", "w").write("\n".join(lines) + "\n")
PY
fi
echo "$NAME ready in $BUILD"
