#!/bin/bash
# The large repo of bench_cache.py: OpenCV 4.6 from Debian 12's source package (469 TUs of
# core, imgproc, ml, dnn, calib3d, features2d, video, objdetect, photo, flann and two apps),
# configured only: compile_commands.json and the configure-time headers are all the indexer
# needs. Unpacked and configured under $CORPUS (default /tmp/corpus-big), never in this repo.
#   bash bench/indexer/opencv-debian.sh
#   S=/tmp/corpus-big/opencv/src/modules
#   python3 bench/indexer/bench_cache.py --tourguide build-rel/cli/tourguide \
#       --build-dir /tmp/corpus-big/opencv/build -j 2 $S/core $S/imgproc $S/ml $S/flann \
#       $S/features2d $S/calib3d $S/video $S/objdetect $S/photo $S/dnn
# (403 TUs: the SOURCES leave out the 17 TUs the build generates, OpenCL kernels and protobuf
# code, which a configure alone does not write; docs/cache.md has the figures.)
set -euo pipefail
NAME=opencv
CORPUS=${CORPUS:-/tmp/corpus-big}
source "$(dirname "$0")/../corpus/debian-source.sh"
unpack_debian_source opencv "$SRC/modules/core/CMakeLists.txt"
# Debian's source has no 3rdparty codecs (dfsg): they are turned off, as are the optional
# libraries, so that configuring needs only cmake, ninja, zlib and protobuf (dnn).
cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_EXPORT_COMPILE_COMMANDS=ON \
  -DBUILD_LIST=core,imgproc,ml,flann,features2d,calib3d,video,objdetect,photo,dnn \
  -DBUILD_TESTS=ON -DBUILD_PERF_TESTS=OFF -DBUILD_EXAMPLES=OFF -DBUILD_JAVA=OFF -DBUILD_opencv_python3=OFF \
  -DOPENCV_GENERATE_PKGCONFIG=OFF -DWITH_PROTOBUF=ON -DBUILD_PROTOBUF=OFF -DPROTOBUF_UPDATE_FILES=ON \
  -DWITH_OPENCL=OFF -DWITH_IPP=OFF -DWITH_ITT=OFF -DWITH_ADE=OFF -DWITH_TBB=OFF -DWITH_OPENMP=OFF \
  -DWITH_LAPACK=OFF -DWITH_EIGEN=OFF -DWITH_TIFF=OFF -DWITH_WEBP=OFF -DWITH_OPENJPEG=OFF -DWITH_JASPER=OFF \
  -DWITH_OPENEXR=OFF -DWITH_QUIRC=OFF -DWITH_PNG=OFF -DWITH_JPEG=OFF -DBUILD_ZLIB=OFF -DWITH_FFMPEG=OFF \
  -DWITH_GSTREAMER=OFF -DWITH_V4L=OFF -DWITH_GTK=OFF -DWITH_QT=OFF -DWITH_VTK=OFF -DWITH_1394=OFF
