#!/usr/bin/env bash
# Fetch Debian's darknet source, build the `darknet` program with upstream's Makefile (DEBUG=1:
# -O0 -g; CPU only, no OpenCV) out of tree under bear (-> compile_commands.json), and make a tiny
# synthetic 3-class image set plus a small classifier cfg in the same layer types as
# cfg/cifar.cfg. Idempotent.
set -euo pipefail
NAME=darknet
PKG=darknet
source "$(dirname "$0")/../debian-source.sh"  # $CORPUS, $D, $SRC, $BUILD from $NAME
JOBS=${JOBS:-2}

unpack_debian_source "$PKG" "$SRC/examples/classifier.c"
command -v bear >/dev/null || apt-get install -y bear

mkdir -p "$BUILD"
cd "$BUILD"
if [ ! -x darknet ] || [ ! -s compile_commands.json ]; then
  rm -rf obj libdarknet.a darknet compile_commands.json
  # Upstream Makefile run from the build dir: VPATH finds the sources, objects land in ./obj.
  bear -- make -f "$SRC/Makefile" -j "$JOBS" DEBUG=1 \
    VPATH="$SRC/src:$SRC/examples:$SRC" COMMON="-I$SRC/include -I$SRC/src" \
    obj backup results darknet
fi

# Tiny data: 3 classes of 32x32 PNG images (a coloured square whose colour is the class),
# 150 train / 30 test; the label is found in the file name (darknet matches it with strstr).
if [ ! -s data/tiny/tiny.cfg ]; then
  mkdir -p data/tiny/train data/tiny/test
  python3 - <<'PY'
import random, struct, zlib
random.seed(1)
labels = ["redthing", "greenthing", "bluething"]
def png(path, rgb_rows):
    raw = b"".join(b"\x00" + bytes(r) for r in rgb_rows)
    def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    with open(path, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 32, 32, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))
def image(c):
    x0, y0 = random.randint(0, 16), random.randint(0, 16)
    rows = []
    for y in range(32):
        row = []
        for x in range(32):
            px = [random.randint(0, 60) for _ in range(3)]
            if x0 <= x < x0 + 16 and y0 <= y < y0 + 16: px[c] = random.randint(180, 255)
            row += px
        rows.append(row)
    return rows
for split, n in (("train", 150), ("test", 30)):
    paths = []
    for i in range(n):
        c = i % 3
        p = f"data/tiny/{split}/{i:04d}_{labels[c]}.png"
        png(p, image(c)); paths.append(p)
    open(f"data/tiny/{split}.list", "w").write("\n".join(paths) + "\n")
open("data/tiny/labels.txt", "w").write("\n".join(labels) + "\n")
open("data/tiny/tiny.data", "w").write(
    "classes=3\ntrain=data/tiny/train.list\nvalid=data/tiny/test.list\n"
    "labels=data/tiny/labels.txt\nbackup=backup\ntop=2\n")
open("data/tiny/tiny.cfg", "w").write("""[net]
batch=16
subdivisions=1
height=28
width=28
channels=3
max_crop=32
min_crop=32
hue=.1
saturation=.75
exposure=.75
learning_rate=0.1
policy=poly
power=4
max_batches=20
momentum=0.9
decay=0.0005

[convolutional]
batch_normalize=1
filters=8
size=3
stride=1
pad=1
activation=leaky

[maxpool]
size=2
stride=2

[dropout]
probability=.5

[convolutional]
filters=3
size=1
stride=1
pad=1
activation=leaky

[avgpool]

[softmax]
groups=1
""")
PY
fi
echo "$NAME ready in $BUILD"
