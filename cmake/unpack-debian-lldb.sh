#!/usr/bin/env bash
# Unpacks Debian's LLDB of one major version (lldb, lldb-server, liblldb, its headers and Python
# module) into a folder, without installing it: lldb-15 and lldb-16 cannot be apt-installed beside
# lldb-14 (the python3-lldb-N packages conflict), but their files run from anywhere once the
# libraries they need (libllvmN, libclang-cppN: scripts/install-deps.sh) are installed.
#
#   unpack-debian-lldb.sh VERSION DEST     DEST/usr/lib/llvm-VERSION/{bin,lib,include} afterwards
#
# Idempotent: does nothing when DEST/.unpacked exists. Called by cmake/TourguideLldb.cmake.
set -euo pipefail
version=$1
dest=$2
[ -f "$dest/.unpacked" ] && exit 0
packages=("lldb-$version" "liblldb-$version" "liblldb-$version-dev" "python3-lldb-$version")
mkdir -p "$dest/debs"
cd "$dest/debs"
rm -f ./*.deb
# apt-get download writes into the current folder; as root it warns that the _apt user cannot
# write there, which is harmless.
if ! apt-get download -qq "${packages[@]}" 2>download.log; then
  # Stale package lists (a version the mirror no longer has): refresh once when allowed to.
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq >/dev/null 2>&1 || true
    apt-get download -qq "${packages[@]}" 2>download.log || { cat download.log >&2; exit 1; }
  else
    cat download.log >&2
    exit 1
  fi
fi
for deb in ./*.deb; do
  dpkg-deb -x "$deb" "$dest"
done
prefix="$dest/usr/lib/llvm-$version"
for file in "$prefix/bin/lldb" "$prefix/bin/lldb-server" "$prefix/lib/liblldb.so" "$prefix/include/lldb/API/LLDB.h"; do
  [ -e "$file" ] || { echo "unpack-debian-lldb: $file missing after unpacking ${packages[*]}" >&2; exit 1; }
done
touch "$dest/.unpacked"
