#!/usr/bin/env bash
# Installs the Debian 12 packages tourguide needs, and nothing when all are present.
# Runs as root (or through sudo when it exists). One `apt-get update`, then one install.
set -euo pipefail

packages=(
  # build
  g++ make cmake ninja-build pkg-config
  # LLVM / Clang LibTooling / LLDB, one major version (the plugin must match lldb's)
  llvm-14-dev libclang-14-dev libclang-cpp14-dev clang-14 lldb-14 liblldb-14-dev python3-lldb-14
  # libraries
  nlohmann-json3-dev libcmark-dev libgtest-dev libgmock-dev
  # tests: a real JSON Schema validator, and tmux to drive an interactive lldb
  python3 python3-jsonschema tmux
  # the session report is checked in a real headless browser
  chromium
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "tourguide: installing ${missing[*]}"
sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "tourguide: run as root to install: ${missing[*]}" >&2; exit 1; }
  sudo=sudo
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
