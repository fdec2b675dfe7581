#!/bin/bash
# The header-heavy repo of bench_cache.py: dlib 19.24's examples from Debian 12's source package,
# every example that needs neither a GUI nor an outside library, each one TU of dlib's templates
# (as dlib's own examples/CMakeLists.txt builds them), plus dlib/all/source.cpp. Only a
# compile_commands.json is written (the indexer and clang -fsyntax-only need nothing else);
# unpacked under $CORPUS (default /tmp/corpus-big), never in this repo.
#   bash bench/indexer/dlib-examples.sh
#   python3 bench/indexer/bench_cache.py --tourguide build-rel/cli/tourguide \
#       --build-dir /tmp/corpus-big/dlib-examples/build -j 2
set -euo pipefail
NAME=dlib-examples
CORPUS=${CORPUS:-/tmp/corpus-big}
source "$(dirname "$0")/../corpus/debian-source.sh"
unpack_debian_source dlib "$SRC/dlib/all/source.cpp"
mkdir -p "$BUILD"
python3 - "$SRC" "$BUILD" <<'PY'
import json, os, re, sys
src, build = sys.argv[1], sys.argv[2]
examples = os.path.join(src, "examples")
# A GUI (image_window, ...), a camera, a database or sockets need libraries a configure would
# look for; left out, as dlib's CMakeLists leaves them out when those are missing.
outside = re.compile(r"gui_widgets|image_window|perspective_window|opencv|sqlite|webcam|sockets|"
                     r"iosockstream|server_http|server_iostream|bridge|load_image|image_io|jpeg|png")
units = []
for name in sorted(os.listdir(examples)):
    path = os.path.join(examples, name)
    if not name.endswith(".cpp"):
        continue
    with open(path, errors="replace") as f:
        if outside.search(f.read()):
            continue
    units.append(path)
units.append(os.path.join(src, "dlib", "all", "source.cpp"))
flags = ["-std=c++14", "-g", "-O0", "-pthread", "-DDLIB_NO_GUI_SUPPORT", "-I" + src]
db = [{"directory": build, "file": u,
       "arguments": ["g++"] + flags + ["-c", u, "-o", os.path.basename(u) + ".o"]} for u in units]
with open(os.path.join(build, "compile_commands.json"), "w") as f:
    json.dump(db, f, indent=1)
print(f"{len(units)} TUs in {build}/compile_commands.json")
PY
