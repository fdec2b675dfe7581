#!/usr/bin/env bash
# The demo: installs what is missing, builds, indexes a sample repo, and plays its
# hand-written tour in LLDB (batch mode), stop by stop, then draws the series it collected
# and writes the session report.
#   SAMPLE=torchlike bash scripts/demo.sh     picks another sample repo
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${TOURGUIDE_BUILD_DIR:-$root/build}
sample=${SAMPLE:-mlp_c}

bash "$root/scripts/install-deps.sh"
bash "$root/scripts/build.sh"

program_dir=$build/sample_repos/$sample
tour=$root/sample_repos/$sample/.tours/train.json
plugin=$build/plugin/libtourguide-lldb.so

if [ -x "$build/cli/tourguide" ] && "$build/cli/tourguide" index --help >/dev/null 2>&1; then
  echo
  echo "== tourguide index: drafting a tour of sample_repos/$sample from its compile commands"
  "$build/cli/tourguide" index -p "$build" -o "$build/demo-tours/$sample" \
    "$root/sample_repos/$sample" || true
  echo "   drafted tours are in $build/demo-tours/$sample/ (play one with 'tour start --trust FILE': outside the repo, a draft names the repo as its root, which 'tour start' asks you to trust)"
fi

if [ ! -f "$plugin" ]; then
  echo "== the LLDB plugin is not built yet; running the sample directly"
  (cd "$program_dir" && ./train data model.ckpt && ./eval data model.ckpt)
  exit 0
fi

echo
echo "== lldb-14: playing $tour"
stops=$(/usr/bin/python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["stops"]))' "$tour")
args=(-o "plugin load $plugin" -o "tour start $tour")
for _ in $(seq 2 "$stops"); do args+=(-o "tour next"); done
report=$build/demo-tours/$sample-session.html
mkdir -p "$(dirname "$report")"
args+=(-o "tour next" -o "tour status" -o "tour plot" -o "tour report $report")
lldb-14 --batch "${args[@]}" "$program_dir/train"
echo
echo "== the session report (stops, values, changes, charts): $report"
