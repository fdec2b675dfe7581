#!/usr/bin/env python3
"""Re-indexing with the parse cache (docs/cache.md), measured side by side in one run.

Over the same TUs of a compilation database, with the same -j, prints
  cold index (empty cache)          / clang -fsyntax-only
  re-index with no change           / cold
  re-index after a one-.cpp edit    / cold
  re-index after a header edit      / cold   (the repo's header read by the most TUs)
  peak memory of the cold index     / clang -fsyntax-only's (concurrent clangs summed)
  CPU time of the cold index        / clang -fsyntax-only's (steadier than wall time on a busy machine)
  `tourguide check` with no change  / check with an empty cache, and in seconds (target < 1 s)
and whether the findings read from the cache are byte-identical to the freshly parsed ones.
The check runs on a tour written here from the cold run's findings (up to 6 of their anchors,
else 6 files' first lines; --tour to give one), rooted at the folder the SOURCES share, so it
parses the TUs under it.
Edits append a comment line (no line moves) and are undone at the end. The cache goes to a
temporary folder; the build folder is not written to.

usage: bench_cache.py --tourguide TOOL --build-dir DIR [-j N] [--edit-cpp FILE]
                      [--edit-header FILE] [--tour FILE] [--index-arg ARG]... [--keep-findings DIR]
                      [SOURCES...]
--index-arg passes ARG to every `tourguide index` run (e.g. --index-arg=--no-shared-headers, to
measure without sharing headers between TUs); --keep-findings copies each run's findings to DIR
(cold.json, no-change.json, cpp-edit.json, header-edit.json) to compare two bench runs.
TOOL is the `tourguide` executable; build it with -DCMAKE_BUILD_TYPE=Release for numbers that
mean something (a Debug build's own code is several times slower; Clang's is not).
"""
import argparse
import collections
import filecmp
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_index import load_selected, run_pool, syntax_only_command  # noqa: E402

EDIT = "\n// tourguide bench_cache edit\n"


def files_read(cache_dir):
    """{file: number of TUs whose cache entry records it}, read from the entries themselves."""
    count = collections.Counter()
    for name in os.listdir(cache_dir):
        if not name.endswith(".tu"):
            continue
        with open(os.path.join(cache_dir, name), "rb") as f:
            data = f.read()
        # After the kind and key (two NUL-ended fields) and the error messages comes
        # "<n>\n" then n "<16 hex> <path>\0" records (clangfront/lib/TUCache.cpp).
        body = data.split(b"\n", 2)[2]
        _, _, rest = body.split(b"\0", 2)
        head, rest = rest.split(b"\n", 1)
        for _ in range(int(head.split()[1])):
            _, rest = rest.split(b"\0", 1)
        n, rest = rest.split(b"\n", 1)
        for _ in range(int(n)):
            record, rest = rest.split(b"\0", 1)
            count[record[17:].decode()] += 1
    return count


def tour_from_findings(findings_path, root, tour_path, sources, most=6):
    """Writes a tour of up to `most` stops at the findings' anchors (functions of `root`), or,
    when they have none (a library without a main), at the first line of `most` of `sources`;
    returns how many stops it has. Either way the check reads every TU under `root` first."""
    with open(findings_path) as f:
        doc = json.load(f)
    base = doc.get("root") or root
    stops, seen = [], set()
    for found in doc.get("stages", []) + doc.get("entry_points", []):
        anchor = dict(found.get("anchor") or {"function": found.get("function")})
        path = os.path.normpath(os.path.join(base, found.get("file", "")))
        if not anchor.get("function") or not path.startswith(root + os.sep) or anchor["function"] in seen:
            continue
        seen.add(anchor["function"])
        anchor["file"] = os.path.relpath(path, root)
        if not anchor.get("pattern"):  # a finding may have an empty one; a tour may not
            anchor.pop("pattern", None)
        if "line" in anchor and "pattern" not in anchor:
            del anchor["line"]  # a line alone may have moved since; the function is the anchor
        stops.append({"id": f"s{len(stops)}", "stage": "setup", "title": anchor["function"], "anchor": anchor})
        if len(stops) == most:
            break
    for source in sources[:most - len(stops)] if not stops else []:
        anchor = {"file": os.path.relpath(source, root), "line": 1}
        stops.append({"id": f"s{len(stops)}", "stage": "setup", "title": anchor["file"], "anchor": anchor})
    tour = {"version": 1, "title": "bench_cache.py", "root": root, "program": {"path": "none"}, "stops": stops}
    with open(tour_path, "w") as f:
        json.dump(tour, f, indent=1)
    return len(stops)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tourguide", required=True)
    ap.add_argument("--build-dir", required=True)
    ap.add_argument("--clang", default="/usr/lib/llvm-14/bin/clang")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--edit-cpp", help="the .cpp to edit (default: the middle selected TU)")
    ap.add_argument("--edit-header", help="the header to edit (default: the repo's header most TUs read)")
    ap.add_argument("--tour", help="the tour to check (default: one written from the cold run's findings)")
    ap.add_argument("--index-arg", action="append", default=[], help="an extra argument of every index run")
    ap.add_argument("--keep-findings", help="copy each index run's findings to this folder")
    ap.add_argument("sources", nargs="*")
    a = ap.parse_args()

    entries = load_selected(a.build_dir, a.sources)
    tus = [os.path.normpath(os.path.join(e["directory"], e["file"])) for e in entries]
    work = tempfile.mkdtemp(prefix="tourguide-bench-cache-")
    cache = os.path.join(work, "cache")
    edited = {}  # file -> its original bytes

    def index(name):
        out = os.path.join(work, name + ".json")
        argv = [a.tourguide, "index", "-p", a.build_dir, "-j", str(a.j), "--format=json", "-o", out, "--quiet",
                "--cache-dir", cache] + a.index_arg + [os.path.abspath(s) for s in a.sources]
        seconds, peak, cpu = run_pool([(argv, os.getcwd())], 1)
        if a.keep_findings:
            os.makedirs(a.keep_findings, exist_ok=True)
            shutil.copyfile(out, os.path.join(a.keep_findings, name + ".json"))
        return seconds, peak, cpu, out

    def check(tour):
        argv = [a.tourguide, "check", "-p", a.build_dir, "-j", str(a.j), "--cache-dir", cache, tour]
        seconds, _, cpu = run_pool([(argv, os.getcwd())], 1)
        return seconds, cpu

    def edit(path):
        with open(path, "rb") as f:
            edited.setdefault(path, f.read())
        with open(path, "ab") as f:
            f.write(EDIT.encode())

    def say(label, text):
        print(f"{label + ':':<38}{text}", flush=True)

    print(f"TUs: {len(entries)}, -j {a.j}, one run each; tourguide {a.tourguide}", flush=True)
    try:
        clang_s, clang_peak, clang_cpu = run_pool([(syntax_only_command(e, a.clang), e["directory"]) for e in entries], a.j)
        say("clang -fsyntax-only", f"{clang_s:8.2f} s, peak {clang_peak / 2**20:7.1f} MiB, CPU {clang_cpu:8.2f} s")
        cold_s, cold_peak, cold_cpu, cold_out = index("cold")
        say("index, cold (empty cache)", f"{cold_s:8.2f} s, peak {cold_peak / 2**20:7.1f} MiB, CPU {cold_cpu:8.2f} s")
        same_s, _, _, same_out = index("no-change")
        say("index, no change", f"{same_s:8.2f} s")

        # A source of the repo itself: generated files (in the build folder) may not exist yet.
        ours = [t for t in tus if os.path.isfile(t) and not t.startswith(os.path.abspath(a.build_dir) + os.sep)]
        root = os.path.commonpath(ours)
        tour = os.path.abspath(a.tour) if a.tour else os.path.join(work, "bench.tour.json")
        stops = "" if a.tour else f"{tour_from_findings(cold_out, root, tour, ours)} stops, "
        check_cold_s, check_cold_cpu = check(tour)
        say("check, cold (empty cache)", f"{check_cold_s:8.2f} s, CPU {check_cold_cpu:8.2f} s  ({stops}TUs under {root})")
        check_s, check_cpu = check(tour)
        say("check, no change", f"{check_s:8.2f} s, CPU {check_cpu:8.2f} s")
        cpp = os.path.abspath(a.edit_cpp) if a.edit_cpp else ours[len(ours) // 2]
        edit(cpp)
        cpp_s, _, _, _ = index("cpp-edit")
        say("index, one .cpp edited", f"{cpp_s:8.2f} s  ({os.path.relpath(cpp)})")

        reads = files_read(os.path.join(cache, "index"))
        if a.edit_header:
            header = os.path.abspath(a.edit_header)
        else:
            own = [(n, f) for f, n in reads.items()
                   if f.startswith(root + os.sep) and f not in tus and not f.startswith(a.build_dir)]
            if not own:
                sys.exit("no header of the repo is read by these TUs; pass --edit-header")
            header = max(own)[1]
        edit(header)
        header_s, _, _, _ = index("header-edit")
        readers = reads.get(header, 0)
        say("index, one header edited", f"{header_s:8.2f} s  ({os.path.relpath(header)}, read by {readers} TUs)")
    finally:
        for path, text in edited.items():
            with open(path, "wb") as f:
                f.write(text)

    identical = filecmp.cmp(cold_out, same_out, shallow=False)
    shutil.rmtree(work, ignore_errors=True)
    say("cold / fsyntax-only", f"{cold_s / clang_s:8.3f}  (target <= 1.1)")
    say("cold / fsyntax-only, CPU time", f"{cold_cpu / clang_cpu:8.3f}  (user + system seconds)")
    say("no change / cold", f"{same_s / cold_s:8.3f}  (target <= 0.02)")
    say("one .cpp edit / cold", f"{cpp_s / cold_s:8.3f}  (target <= 0.1)")
    say("header edit / cold", f"{header_s / cold_s:8.3f}  ({readers}/{len(entries)} TUs re-parsed)")
    say("check, no change / cold", f"{check_s / check_cold_s:8.3f}  ({check_s:.2f} s; target < 1 s)")
    say("peak memory cold / fsyntax-only", f"{cold_peak / clang_peak:8.3f}")
    say("findings from the cache identical", "yes" if identical else "NO")
    return 0 if identical else 1


if __name__ == "__main__":
    sys.exit(main())
