# Sourced by the corpus's fetch-build.sh scripts, after NAME is set: where the repo lives, and a
# Debian source package unpacked into $SRC.
#   unpack_debian_source PACKAGE MARKER   does nothing when MARKER (a file of the unpacked tree) exists
#   $CORPUS_SCRIPTS                      this folder, for shared helpers such as sparse-data.py
CORPUS=${CORPUS:-/tmp/corpus}
# This folder (bench/corpus), absolute: the scripts cd into the build before using its helpers.
CORPUS_SCRIPTS=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
D=$CORPUS/$NAME
SRC=$D/src
BUILD=$D/build

# apt-get source needs a deb-src entry: a copy of Debian's own sources with Types: deb-src.
ensure_deb_src() {
  if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ /etc/apt/sources.list 2>/dev/null; then
    sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
      > /etc/apt/sources.list.d/debian-src.sources
    apt-get update
  fi
  if ! apt-cache showsrc "$1" >/dev/null 2>&1; then apt-get update; fi
}

unpack_debian_source() {
  local package=$1 marker=$2
  [ -f "$marker" ] && return 0
  ensure_deb_src "$package"
  mkdir -p "$D/deb"
  # The mirror may 404 on a .debian.tar.xz (seen for libsvm and liblinear): the .dsc and the
  # upstream .orig tarball are enough, without Debian's patches.
  (cd "$D/deb" && { ls ./*.dsc >/dev/null 2>&1 || apt-get source --download-only "$package" || true; })
  rm -rf "$SRC"
  if ! dpkg-source -x "$D"/deb/*.dsc "$SRC" 2>/dev/null; then
    rm -rf "$SRC"; mkdir -p "$SRC"
    tar -xf "$D"/deb/*.orig.tar.* -C "$SRC" --strip-components=1
  fi
}
