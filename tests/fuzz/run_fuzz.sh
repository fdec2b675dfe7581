#!/bin/bash
# Builds the tour loader's libFuzzer target with ASan and UBSan (clang++ only) and runs it.
# Usage: run_fuzz.sh CLANGXX SOURCE_DIR WORK_DIR SECONDS
#   ctest runs it for a short time (label "fuzz"); for a long run:
#   bash tests/fuzz/run_fuzz.sh clang++ . /tmp/tour-fuzz 3600
# New inputs are kept in WORK_DIR/corpus (seeded from tests/tours/corpus and the sample
# tours); a crash is written to WORK_DIR/crash-* and fails the run.
set -euo pipefail
cxx=$1 src=$2 work=$3 seconds=$4
mkdir -p "$work/corpus"
bin=$work/tour_loader_fuzz
sources=("$src"/tours/lib/*.cpp "$src/tests/fuzz/TourLoaderFuzz.cpp")
newest=$(ls -t "${sources[@]}" "$src"/tours/include/tourguide/tours/*.h "$src"/tours/lib/*.h | head -1)
if [ ! -x "$bin" ] || [ "$newest" -nt "$bin" ]; then
  "$cxx" -std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
    -I"$src/tours/include" -I"$src/tours/lib" -I"$src/tests/tours" "${sources[@]}" -o "$bin.new"
  mv "$bin.new" "$bin"
fi
cp -n "$src"/tests/tours/corpus/good/*.json "$src"/tests/tours/corpus/bad/*.json "$work/corpus/" 2>/dev/null || true
for t in "$src"/sample_repos/*/.tours/*.json; do
  cp -n "$t" "$work/corpus/$(basename "$(dirname "$(dirname "$t")")")-$(basename "$t")" 2>/dev/null || true
done
cd "$work"
exec "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -dict="$src/tests/fuzz/tour.dict" -print_final_stats=1 corpus
