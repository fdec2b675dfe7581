#!/usr/bin/env bash
# Configures and builds tourguide (and the sample repos) into $TOURGUIDE_BUILD_DIR (default: build/).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TOURGUIDE_BUILD_DIR:-$root/build}
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Debug >/dev/null
fi
cmake --build "$build" --parallel "$(nproc)"
