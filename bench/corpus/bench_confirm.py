#!/usr/bin/env python3
"""The confirming run on the corpus's training programs, measured in one run:

  run time ratio  = the confirming run's wall time (tourguide index ... -- PROGRAM ARGS, or with
                    --in-lldb `tour draft` in lldb-14 on `lldb -- PROGRAM ARGS`: the run alone, as
                    it reports it) / the same program under plain lldb-14 with no breakpoints
                    (lldb --batch -o run)
  reached         = candidate stops the run reached, of the entry's candidates
  whole ratio     = with --in-lldb: the whole `lldb --batch -o 'tour draft ...' -- PROGRAM ARGS`
                    (lldb's start, reading the findings, placing, the run, writing the draft) / the
                    plain lldb run, both whole processes
  drafted         = stops in the confirmed draft
  in order        = the draft played in lldb-14 with the plugin (`tour start`, `tour next` per
                    stop): stops reached, of its stops, and whether each was shown after the one
                    before it ("yes"), as tests/confirm/PlayConfirmedTours.cmake checks

Each program runs with the command line in its truth's "run" field (simple ones only: `cd DIR &&`
is honoured, and `[rm -f FILES;] timeout N PROGRAM ARGS` is a time-limited run; lines with other
shell syntax are skipped and listed).

A time-limited program (a `timeout N` run line, or with --time-limit S one whose plain run does not
end within S seconds: ggml's mnist-train runs 30 epochs of 60000 images, dlib's trainer until its
learning rate falls) is confirmed with that time limit, and its draft is played up to its last
stop, then the program is killed. Its ratio is "-": both runs are cut at the limit.

usage: bench_confirm.py --tourguide BIN --plugin SO [--lldb lldb-14] [--only NAME...] [--max-seconds S]
                        [--time-limit S] [--in-lldb] [--out DIR]
"""
import argparse
import glob
import json
import os
import re
import shlex
import signal
import subprocess
import sys
import time

from bench_accuracy import parse_run  # the truth's "run" line, read the same way in both benches


def time_limited_run(text, build):
    """`[rm -f FILES;] timeout N PROGRAM ARGS` as (argv, cwd, N, FILES); None for anything else."""
    words = shlex.split(text)
    remove = []
    if len(words) > 2 and words[:2] == ["rm", "-f"] and any(w.endswith(";") for w in words):
        end = next(i for i, w in enumerate(words) if w.endswith(";"))
        remove = [w.rstrip(";") for w in words[2:end + 1] if w.rstrip(";")]
        words = words[end + 1:]
    if len(words) < 3 or words[0] != "timeout":
        return None
    run = parse_run(" ".join(shlex.quote(w) for w in words[2:]), build)
    return (run[0], run[1], float(words[1]), remove) if run else None


def descendants(pid):
    """Every process below pid, from /proc: LLDB starts the program in a process group of its
    own, which killing lldb's group leaves running."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found


def run_killed_at(cmd, cwd, limit):
    """Runs cmd; past `limit` seconds it and every process below it (lldb, lldb-server, the
    program) are killed. Returns (seconds, stdout, whether it was killed)."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=limit)
        return time.monotonic() - start, out, False
    except subprocess.TimeoutExpired:
        below = descendants(proc.pid)
        os.killpg(proc.pid, signal.SIGKILL)
        for pid in below:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        out, _ = proc.communicate()
        return time.monotonic() - start, out, True


def plain_lldb(lldb, argv, cwd, limit):
    """The program's time under plain lldb; None when it was still running after `limit` s."""
    cmd = [lldb, "--no-lldbinit", "--batch", "-o", "run", "--", os.path.join(cwd, argv[0])] + argv[1:]
    seconds, _, killed = run_killed_at(cmd, cwd, limit)
    return None if killed else seconds


def remove_files(cwd, names):
    for n in names:
        if os.path.exists(os.path.join(cwd, n)):
            os.remove(os.path.join(cwd, n))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tourguide", required=True)
    ap.add_argument("--plugin", required=True)
    ap.add_argument("--lldb", default="lldb-14")
    ap.add_argument("--corpus", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--only", nargs="*")
    ap.add_argument("--max-seconds", type=float, default=60, help="skip programs whose plain run takes longer")
    ap.add_argument("--time-limit", type=float, default=0,
                    help="confirm a program whose plain run takes longer than this with this time limit")
    ap.add_argument("--out", default="/tmp/bench-confirm",
                    help="folder for the drafts (one per run: two runs sharing one play each other's drafts)")
    ap.add_argument("--in-lldb", action="store_true", help="draft with `tour draft` in lldb instead of `tourguide index --`")
    a = ap.parse_args()
    tool, plugin = os.path.abspath(a.tourguide), os.path.abspath(a.plugin)

    print(f"{'repo':12} {'program':20} {'plain lldb':>10} {'confirming':>10} {'ratio':>6} {'whole':>6} {'reached':>9} "
          f"{'drafted':>7} {'in order':>12}")
    for path in sorted(glob.glob(os.path.join(a.corpus, "*", "truth.json"))):
        truth = json.load(open(path))
        if a.only and truth["repo"] not in a.only:
            continue
        if not os.path.exists(os.path.join(truth["build"], "compile_commands.json")):
            continue
        for e in truth["entry_points"]:
            if e["kind"] != "train" or not e.get("run"):
                continue
            run = parse_run(e["run"], truth["build"])
            name = f"{truth['repo']:12} {e['program'][:20]:20}"
            limit, remove = None, []
            if not run and time_limited_run(e["run"], truth["build"]):
                argv, cwd, limit, remove = time_limited_run(e["run"], truth["build"])
            elif not run:
                print(f"{name} skipped: shell syntax in its run line")
                continue
            else:
                argv, cwd = run
            remove_files(cwd, remove)
            plain = plain_lldb(a.lldb, argv, cwd, limit or a.time_limit or a.max_seconds * 4)
            if plain is None and not limit and a.time_limit:
                limit = a.time_limit
            if plain is None and not limit:
                print(f"{name} skipped: over {a.max_seconds * 4:.0f} s under plain lldb")
                continue
            if plain is not None and plain > a.max_seconds and not limit:
                print(f"{name} skipped: {plain:.0f} s under plain lldb")
                continue
            run_timeout = limit or a.max_seconds * 4
            remove_files(cwd, remove)
            out_dir = os.path.join(a.out, truth["repo"])
            os.makedirs(out_dir, exist_ok=True)
            sources = [os.path.join(truth["root"], x) for x in truth.get("sources", [])]
            tour = os.path.join(out_dir, re.sub(r"[^A-Za-z0-9_.-]", "_", e["program"]) + ".json")
            if os.path.exists(tour):
                os.remove(tour)
            if a.in_lldb:
                findings = os.path.join(out_dir, "findings.json")
                subprocess.run([tool, "index", "-p", truth["build"], "--root", truth["root"], "--format=json",
                                "-o", findings, "--quiet"] + sources, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                cmd = [a.lldb, "--no-lldbinit", "--batch", "-o", f"plugin load {plugin}",
                       "-o", f"tour draft --timeout {run_timeout:.0f} -o {tour} {findings}",
                       "--", os.path.join(cwd, argv[0])] + argv[1:]
                start = time.monotonic()
                proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
                whole = f"{(time.monotonic() - start) / plain:6.2f}" if plain else f"{'-':>6}"
                report = proc.stdout
            else:
                cmd = [tool, "index", "-p", truth["build"], "--root", truth["root"], "-o", out_dir,
                       f"--run-timeout={run_timeout:.0f}"] + sources + ["--"] + argv
                proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                whole = f"{'-':>6}"  # the process also indexes the repo: not comparable
                report = proc.stderr
                # The confirmed draft is the one that says so (a program with subcommands gets
                # it under the command's name; the other programs get unconfirmed drafts).
                for written in re.findall(r"wrote (.*) \(\d+ stops\)", proc.stdout):
                    if "Confirmed by running" in json.load(open(written)).get("description", ""):
                        tour = written
            m = re.search(r"run: (\d+) of (\d+) candidate stops reached in ([\d.]+) s", report)
            if not m:
                print(f"{name} confirming run failed: {report.strip().splitlines()[-1:] }")
                continue
            got, total, secs = int(m.group(1)), int(m.group(2)), float(m.group(3))
            drafted, plays = "-", "-"
            if os.path.exists(tour):
                stops = len(json.load(open(tour))["stops"])
                drafted = str(stops)
                cmds = ["-o", f"plugin load {plugin}", "-o", f"tour start --trust {tour}"]
                # A time-limited program is killed at its last stop instead of run to its end.
                cmds += ["-o", "tour next"] * (stops - 1 if limit else stops + 1)
                if limit:
                    cmds += ["-o", "process kill"]
                remove_files(cwd, remove)
                _, played, killed = run_killed_at([a.lldb, "--no-lldbinit", "--batch"] + cmds, cwd,
                                                  (limit or a.max_seconds) * 8)
                positions = [played.find(f"== {k}/{stops} ") for k in range(1, stops + 1)]
                shown = sum(p >= 0 for p in positions)
                ordered = all(p >= 0 for p in positions) and positions == sorted(positions)
                pm = re.search(r": (\d+) of (\d+) stops reached", played)
                if pm or limit:
                    plays = f"{pm.group(1) if pm else shown}/{stops} " + ("yes" if ordered else "no")
                else:
                    plays = "killed" if killed else "no summary"
            plain_text = f"{plain:9.2f}s" if plain is not None else f">{limit:7.0f} s"
            ratio = f"{secs / plain:6.2f}" if plain else f"{'-':>6}"
            print(f"{name} {plain_text} {secs:9.2f}s {ratio} {whole} {got:>4}/{total:<4} {drafted:>7} {plays:>12}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
