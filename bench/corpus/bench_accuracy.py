#!/usr/bin/env python3
"""Indexer accuracy on real repos: runs `tourguide index --format=json` on every repo of the
corpus (bench/corpus/<name>/truth.json; the repos are built outside the project, see README.md)
and prints one row per repo, measured in this run:

  entries   entry points whose kind (train / eval / other) is right, of the truth's
  recall    truth (entry, stage, function) triples found, of all (function level)
  precision found triples that are in the truth or its "acceptable" list, of all found
            (for the truth's programs)
  non-repo  findings in code that is not the repo's own: outside its root, under a bundled
            folder (third_party/, external/, vendor/, deps/, ...), or in the truth's
            "library_paths"
  no-loop   inference-only / non-ML programs (truth kind eval, or other without a training
            loop in the truth: not a correctness test that trains, as llm.c's test_gpt2) whose
            findings hold no training loop, of all such programs

With --confirmed, each training program whose truth has a simple "run" line is indexed again with
`-- RUN` (the confirming run), and its findings are the ones that run reached.

usage: bench_accuracy.py --tourguide BIN [--corpus DIR] [--only NAME...] [--details] [--confirmed]
A repo whose build folder is missing is listed as "not built" (run its fetch-build.sh).
"""
import argparse
import fnmatch
import glob
import json
import os
import shlex
import subprocess
import sys
import time

VENDORED = {"third_party", "third-party", "thirdparty", "3rdparty", "external", "externals", "extern",
            "vendor", "vendored", "deps", "_deps", "contrib", "submodules"}


def non_repo(path, root, library_paths):
    root = root.rstrip("/") + "/"
    if not path.startswith(root):
        return True
    rel = path[len(root):]
    if any(part in VENDORED for part in rel.split("/")[:-1]):
        return True
    return any(fnmatch.fnmatch(rel, pattern) for pattern in library_paths)


def run_index(tool, truth, run=None):
    """The findings of `tourguide index`; with run = (argv, cwd), confirmed by running that program."""
    out = f"/tmp/bench-accuracy-{truth['repo']}.json"
    if os.path.exists(out):
        os.remove(out)
    argv = [tool, "index", "-p", truth["build"], "--root", truth["root"], "--format=json", "-o", out,
            "--quiet"] + [os.path.join(truth["root"], x) for x in truth.get("sources", [])]
    cwd = truth["root"]
    if run:
        argv += ["--run-timeout=120", "--"] + run[0]
        cwd = run[1]
    start = time.monotonic()
    proc = subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds = time.monotonic() - start
    if not os.path.exists(out) or proc.returncode == 2:  # 2: could not run (1: problems found, still written)
        return None, seconds, proc.stderr.strip().splitlines()[-1:] or ["exit %d" % proc.returncode]
    with open(out) as f:
        return fold_commands(truth, json.load(f)), seconds, []


def parse_run(text, build):
    """A truth's "run" line as (argv, cwd); None for lines with shell syntax beyond `cd DIR &&`."""
    words = shlex.split(text)
    cwd = build
    if len(words) > 3 and words[0] == "cd" and words[2] == "&&":
        cwd = os.path.join(build, words[1])
        words = words[3:]
    if not words or any(w in ("&&", ";", "|", ">", "timeout") or w.endswith(";") for w in words):
        return None
    return words, cwd


def confirmed_findings(tool, truth):
    """Each training program's findings as its confirming run leaves them (the entry's static
    findings when its run line cannot be used), other programs' static findings."""
    static, seconds, err = run_index(tool, truth)
    if static is None:
        return None, seconds, err
    confirmed = 0
    for e in truth["entry_points"]:
        run = parse_run(e.get("run", ""), truth["build"]) if e["kind"] == "train" else None
        if not run:
            continue
        found, more, _ = run_index(tool, truth, run)
        seconds += more
        if found is None:
            continue
        confirmed += 1
        static["stages"] = [f for f in static["stages"] if f["entry"] != e["program"]] + \
                           [f for f in found["stages"] if f["entry"] == e["program"]]
    static["confirmed_programs"] = confirmed
    return static, seconds, []


def runs_command(entry, words):
    """Does a found entry point's subcommand (levels of '|'-joined alternatives) match words?"""
    levels = entry.get("command", [])
    return len(levels) == len(words) and all(w in level.split("|") for w, level in zip(words, levels))


def fold_commands(truth, found):
    """A truth entry with "commands" (one main dispatching on argv) is scored against the
    found subcommand entries it names, their findings counted as the program's."""
    for e in truth["entry_points"]:
        commands = e.get("commands")
        if not commands:
            continue
        subs = [f for f in found["entry_points"] if f["program"] == e["program"] and f.get("command")]
        if not subs:
            continue
        names = {}
        for words in commands:
            for f in subs:
                if runs_command(f, words):
                    names.setdefault(f["name"], f)
        first = next((f for f in subs if runs_command(f, commands[0])), None)
        found["entry_points"] = [f for f in found["entry_points"] if f not in subs]
        if first:
            found["entry_points"].append(dict(first, program=e["program"]))
        for f in found["stages"]:
            if f["entry"] in names:
                f["entry"] = e["program"]
    return found


def score(truth, found):
    programs = {e["program"] for e in truth["entry_points"]}
    kinds = {e["program"]: e["kind"] for e in found["entry_points"]}
    entries_right = sum(1 for e in truth["entry_points"] if kinds.get(e["program"]) == e["kind"])
    wrong_entries = [f"{e['program']}: {kinds.get(e['program'], 'missing')} (truth {e['kind']})"
                     for e in truth["entry_points"] if kinds.get(e["program"]) != e["kind"]]
    want = {(s["entry"], s["stage"], s["function"]) for s in truth["stages"]}
    ok = want | {(a["entry"], a["stage"], a["function"]) for a in truth.get("acceptable", [])}
    got = {(f["entry"], f["stage"], f["function"]) for f in found["stages"] if f["entry"] in programs
           and not f.get("alternative_to")}
    hit = want & got
    extra = got - ok
    library_paths = truth.get("library_paths", [])
    outside = [f for f in found["stages"] if f["entry"] in programs
               and non_repo(f["file"], truth["root"], library_paths)]
    # Inference-only and non-ML programs must report no training loop (issue 12); an "other"
    # program whose truth lists a training loop trains to test the code (llm.c's test_gpt2).
    trains = {s["entry"] for s in truth["stages"] if s["stage"] == "loop" and s.get("role") in ("epochs", "batches", "steps")}
    quiet = [e for e in truth["entry_points"]
             if e["kind"] == "eval" or (e["kind"] == "other" and e["program"] not in trains)]
    looping = {f["entry"] for f in found["stages"] if f["stage"] == "loop" and f.get("role") != "evaluation"}
    no_loop = sum(1 for e in quiet if e["program"] not in looping)
    return {
        "entries": (entries_right, len(truth["entry_points"])),
        "recall": (len(hit), len(want)),
        "precision": (len(got & ok), len(got)),
        "non_repo": len(outside),
        "no_loop": (no_loop, len(quiet)),
        "missed": sorted(want - got),
        "extra": sorted(extra),
        "wrong_entries": wrong_entries,
        "outside": sorted({f"{f['function']} ({f['file']})" for f in outside}),
    }


def pct(pair):
    n, d = pair
    return f"{100.0 * n / d:5.1f}% ({n}/{d})" if d else "    -"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tourguide", required=True)
    ap.add_argument("--corpus", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--details", action="store_true")
    ap.add_argument("--confirmed", action="store_true",
                    help="score training programs after their confirming run (their truth's run line)")
    a = ap.parse_args()
    a.tourguide = os.path.abspath(a.tourguide)

    rows = []
    totals = {"entries": [0, 0], "recall": [0, 0], "precision": [0, 0], "non_repo": 0, "no_loop": [0, 0]}
    for path in sorted(glob.glob(os.path.join(a.corpus, "*", "truth.json"))):
        truth = json.load(open(path))
        name = truth["repo"]
        if a.only and name not in a.only:
            continue
        if not os.path.exists(os.path.join(truth["build"], "compile_commands.json")):
            rows.append((name, truth.get("shape", ""), None, "not built", 0))
            continue
        found, seconds, err = (confirmed_findings if a.confirmed else run_index)(a.tourguide, truth)
        if found is None:
            rows.append((name, truth.get("shape", ""), None, "index failed: " + " ".join(err), seconds))
            continue
        s = score(truth, found)
        for k in ("entries", "recall", "precision", "no_loop"):
            totals[k][0] += s[k][0]
            totals[k][1] += s[k][1]
        totals["non_repo"] += s["non_repo"]
        rows.append((name, truth.get("shape", ""), s, "", seconds))

    print(f"{'repo':14} {'shape':26} {'entries':>14} {'recall':>16} {'precision':>16} {'non-repo':>8} "
          f"{'no-loop':>12} {'time':>6}")
    for name, shape, s, problem, seconds in rows:
        if s is None:
            print(f"{name:14} {shape[:26]:26} {problem}")
            continue
        print(f"{name:14} {shape[:26]:26} {pct(s['entries']):>14} {pct(s['recall']):>16} "
              f"{pct(s['precision']):>16} {s['non_repo']:>8} {pct(s['no_loop']):>12} {seconds:5.1f}s")
    print(f"{'all':14} {'':26} {pct(totals['entries']):>14} {pct(totals['recall']):>16} "
          f"{pct(totals['precision']):>16} {totals['non_repo']:>8} {pct(totals['no_loop']):>12}")
    if a.details:
        for name, _, s, _, _ in rows:
            if not s:
                continue
            print(f"\n== {name}")
            for w in s["wrong_entries"]:
                print("  wrong entry:", w)
            for m in s["missed"]:
                print("  missed:", " ".join(m))
            for x in s["extra"]:
                print("  extra: ", " ".join(x))
            for o in s["outside"][:10]:
                print("  non-repo:", o)
    return 0


if __name__ == "__main__":
    sys.exit(main())
