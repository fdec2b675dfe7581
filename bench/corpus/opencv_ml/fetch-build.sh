#!/usr/bin/env bash
# Four of OpenCV's machine-learning samples (samples/cpp of Debian's opencv source package) as
# a user's programs built on an installed OpenCV (Debian's libopencv-*-dev): a trainer-class
# framework (cv::ml::StatModel::train/predict/save/load), its headers under /usr/include.
# Built with -g -O0 and a compile_commands.json, with OpenCV's own sample data. Idempotent.
set -euo pipefail
NAME=opencv_ml
source "$(dirname "$0")/../debian-source.sh"  # $CORPUS, $D, $SRC, $BUILD from $NAME

UNPACKED=$D/opencv
if [ ! -f "$UNPACKED/samples/cpp/letter_recog.cpp" ]; then
  SRC=$UNPACKED unpack_debian_source opencv "$UNPACKED/samples/cpp/letter_recog.cpp"
fi
dpkg -s libopencv-ml-dev libopencv-highgui-dev >/dev/null 2>&1 ||
  DEBIAN_FRONTEND=noninteractive apt-get install -y libopencv-ml-dev libopencv-core-dev libopencv-highgui-dev
command -v bear >/dev/null || apt-get install -y bear

PROGRAMS="letter_recog neural_network logistic_regression tree_engine"
mkdir -p "$SRC" "$BUILD"
for p in $PROGRAMS; do cp -u "$UNPACKED/samples/cpp/$p.cpp" "$SRC/"; done
cd "$BUILD"
if [ ! -s compile_commands.json ] || ! ls $PROGRAMS >/dev/null 2>&1; then
  bear -- bash -c "
    set -e
    for p in $PROGRAMS; do
      g++ -g -O0 -I/usr/include/opencv4 $SRC/\$p.cpp -o \$p -lopencv_ml -lopencv_highgui -lopencv_core
    done
  "
fi
# The samples' own data; a 1500-row cut of letter-recognition.data so the MLP trains in seconds.
cp -u "$UNPACKED/samples/data/data01.xml" "$UNPACKED/samples/data/letter-recognition.data" .
[ -s letters-small.data ] || head -1500 letter-recognition.data > letters-small.data
echo "opencv_ml ready in $BUILD"
