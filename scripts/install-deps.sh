#!/usr/bin/env bash
# Installs the Debian 12 packages tourguide needs, and nothing when all are present.
# Runs as root (or through sudo when it exists). One `apt-get update`, then one install.
# TOURGUIDE_LLVM_VERSION=15|16 adds that version's LLVM and Clang dev packages and its liblldb (the
# build's -DTOURGUIDE_LLVM_VERSION); its other LLDB files come unpacked from Debian's packages at
# configure time.
set -euo pipefail
llvm=${TOURGUIDE_LLVM_VERSION:-14}

packages=(
  # build
  g++ make cmake ninja-build pkg-config
  # LLVM / Clang LibTooling / LLDB 14 (the plugin itself runs in lldb 14 and later)
  llvm-14-dev libclang-14-dev libclang-cpp14-dev clang-14 lldb-14 liblldb-14-dev python3-lldb-14
  # lldb 15 and 16 cannot be installed beside lldb-14: the plugin's tests run them unpacked from
  # Debian's packages in the build tree (cmake/TourguideLldb.cmake), with these libraries
  libllvm15 libclang-cpp15 libllvm16 libclang-cpp16 python3-six
  # and lldb 13, unpacked too: the plugin must refuse to load in it, with a message
  libllvm13 libclang-cpp13
  # libraries
  nlohmann-json3-dev libcmark-dev libgtest-dev libgmock-dev
  # tests: a real JSON Schema validator, and tmux to drive an interactive lldb
  python3 python3-jsonschema tmux
  # the session report is checked in a real headless browser
  chromium
  # the tour loader's fuzz test: libFuzzer and the sanitizers' runtimes (clang-14 only
  # recommends them, and this script installs without recommends)
  libclang-rt-14-dev
  # the Debian package (cpack -G DEB): its Depends come from dpkg-shlibdeps, which CPack runs
  # on the files `file` says are ELF
  dpkg-dev file
)
if [ "$llvm" != 14 ]; then
  # liblldb-N installs beside lldb-14 (only lldb-N and python3-lldb-N conflict): the CLI links it
  # (confirm/ hosts a debugger), so the installed CLI and the Debian package need it. The fuzz
  # tests build with that version's clang++, which needs its own libFuzzer and sanitizers.
  packages+=("llvm-$llvm-dev" "libclang-$llvm-dev" "libclang-cpp$llvm-dev" "clang-$llvm" "liblldb-$llvm"
             "libclang-rt-$llvm-dev")
fi

# `--list`: the package list, one a line (the test suite checks that the build uses nothing else).
if [ "${1:-}" = "--list" ]; then
  printf '%s\n' "${packages[@]}"
  exit 0
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

sudo=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then
  sudo=sudo
fi

if [ ${#missing[@]} -gt 0 ]; then
  echo "tourguide: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ] && [ -z "$sudo" ]; then
    echo "tourguide: run as root to install: ${missing[*]}" >&2
    exit 1
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Debian 12's lldb-14 looks for its Python module where `lldb-14 -P` says
# (/usr/lib/local/lib/python3.11/dist-packages), but python3-lldb-14 puts it under
# /usr/lib/llvm-14/lib/python3.11/dist-packages: every lldb-14 start then prints a
# ModuleNotFoundError traceback. Link the module where lldb looks, once.
lldb_python=$(lldb-14 -P 2>/dev/null || true)
packaged=/usr/lib/llvm-14/lib/python3.11/dist-packages/lldb
if [ -n "$lldb_python" ] && [ ! -e "$lldb_python/lldb" ] && [ -d "$packaged" ]; then
  if [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; then
    echo "tourguide: linking lldb-14's Python module into $lldb_python (Debian's path is wrong)"
    $sudo mkdir -p "$lldb_python"
    $sudo ln -s "$packaged" "$lldb_python/lldb"
  fi
fi
