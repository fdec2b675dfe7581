#!/bin/bash
# Builds one libFuzzer target with ASan and UBSan (clang++ only) and runs it.
# Usage: run_fuzz.sh CLANGXX SOURCE_DIR WORK_DIR SECONDS [TARGET]
#   TARGET: tour_loader (the default), profile_loader, markdown_renderer or findings_reader.
#   ctest runs each for a short time (label "fuzz"); for a long run:
#   bash tests/fuzz/run_fuzz.sh clang++ . /tmp/tour-fuzz 3600
#   bash tests/fuzz/run_fuzz.sh clang++ . /tmp/profile-fuzz 3600 profile_loader
# New inputs are kept in WORK_DIR/corpus (seeded from the tree, see below); a crash, a leak or
# a timeout is written to WORK_DIR/crash-*, leak-* or timeout-* and fails the run. Rerun one
# with WORK_DIR/TARGET_fuzz FILE.
set -euo pipefail
cxx=$1 src=$(cd "$2" && pwd) work=$3 seconds=$4 target=${5:-tour_loader}
mkdir -p "$work/corpus"
work=$(cd "$work" && pwd) # the fuzzer runs in WORK_DIR: every path must be absolute
fuzz=$src/tests/fuzz
# The LLVM next to this clang++ (/usr/lib/llvm-14/bin/clang++ -> /usr/lib/llvm-14) has the
# headers and libLLVM the profile loader needs.
llvm=$(dirname "$(dirname "$(readlink -f "$(command -v "$cxx")")")")
flags=(-std=c++17 -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined)
seeds=()
case $target in
tour_loader)
  sources=("$src"/tours/lib/*.cpp "$fuzz/TourLoaderFuzz.cpp")
  headers=("$src"/tours/include/tourguide/tours/*.h "$src"/tours/lib/*.h "$fuzz"/*.h)
  flags+=(-I"$src/tours/include" -I"$src/tours/lib" -I"$src/tests/tours")
  libs=()
  seeds=("$src"/tests/tours/corpus/good/*.json "$src"/tests/tours/corpus/bad/*.json)
  dict=$fuzz/tour.dict
  max_len=65536
  ;;
profile_loader)
  sources=("$src/indexer/lib/Profiles.cpp" "$src/tours/lib/Files.cpp" "$src/tours/lib/Suggest.cpp" "$fuzz/ProfileLoaderFuzz.cpp")
  headers=("$src/indexer/include/tourguide/indexer/Profiles.h" "$src/tours/include/tourguide/tours/Files.h" "$src/tours/include/tourguide/tours/Suggest.h")
  flags+=(-I"$src/indexer/include" -I"$src/tours/include" -isystem "$llvm/include"
          -D_GNU_SOURCE -D__STDC_CONSTANT_MACROS -D__STDC_FORMAT_MACROS -D__STDC_LIMIT_MACROS)
  libs=(-L"$llvm/lib" -lLLVM -Wl,-rpath,"$llvm/lib")
  seeds=("$src"/indexer/profiles/*.json "$fuzz"/corpus/profile/*)
  dict=$fuzz/profile.dict
  max_len=16384
  ;;
markdown_renderer)
  sources=("$src/render/lib/Markdown.cpp" "$src/render/lib/TextLayout.cpp" "$src/render/lib/TerminalStyle.cpp"
           "$src/tours/lib/TerminalText.cpp" "$fuzz/MarkdownRendererFuzz.cpp")
  headers=("$src"/render/include/tourguide/render/*.h "$src/tours/include/tourguide/tours/TerminalText.h" "$fuzz"/*.h)
  flags+=(-I"$src/render/include" -I"$src/tours/include" $(pkg-config --cflags libcmark))
  libs=($(pkg-config --libs libcmark))
  seeds=("$fuzz"/corpus/markdown/* "$src"/docs/*.md)
  dict=$fuzz/markdown.dict
  max_len=4096 # a stop's text is a few KB; the docs used as seeds are cut to this
  ;;
findings_reader)
  sources=("$src/indexer/lib/FindingsReader.cpp" "$src/tours/lib/Files.cpp" "$fuzz/FindingsReaderFuzz.cpp")
  headers=("$src"/indexer/include/tourguide/indexer/{FindingsReader,Finding,Facts,StageRules}.h
           "$src/tours/include/tourguide/tours/Files.h")
  flags+=(-I"$src/indexer/include" -I"$src/tours/include")
  libs=()
  seeds=("$fuzz"/corpus/findings/*)
  dict=$fuzz/findings.dict
  max_len=65536
  ;;
*)
  echo "run_fuzz.sh: unknown target '$target' (tour_loader, profile_loader, markdown_renderer, findings_reader)" >&2
  exit 2
  ;;
esac
bin=$work/${target}_fuzz
newest=$(ls -t "${sources[@]}" "${headers[@]}" | head -1)
if [ ! -x "$bin" ] || [ "$newest" -nt "$bin" ]; then
  "$cxx" "${flags[@]}" "${sources[@]}" "${libs[@]}" -o "$bin.new"
  mv "$bin.new" "$bin"
fi
for s in "${seeds[@]}"; do
  [ -f "$s" ] && cp -n "$s" "$work/corpus/" 2>/dev/null || true
done
if [ "$target" = tour_loader ]; then
  for t in "$src"/sample_repos/*/.tours/*.json; do
    cp -n "$t" "$work/corpus/$(basename "$(dirname "$(dirname "$t")")")-$(basename "$t")" 2>/dev/null || true
  done
fi
cd "$work"
exec "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" \
  -dict="$dict" -print_final_stats=1 corpus
