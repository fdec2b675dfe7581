#!/usr/bin/env python3
"""Indexing cost relative to parsing alone, measured side by side in one run.

Runs `tourguide index` and `clang -fsyntax-only` over the same TUs of a compilation database
with the same -j, and prints
  wall time ratio   = index wall time / clang -fsyntax-only wall time
  peak memory ratio = index peak RSS  / clang -fsyntax-only peak RSS (all concurrent clangs summed)
Peak RSS is sampled every few milliseconds from /proc for both sides alike.

usage: bench_index.py --index TOOL --build-dir DIR [-j N] [--repeat R] [SOURCES...]
"""
import argparse
import json
import os
import resource
import shlex
import statistics
import subprocess
import sys
import time

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss(pid):
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * PAGE
    except (OSError, IndexError, ValueError):
        return 0


def selected(entries, filters):
    if not filters:
        return entries
    absf = [os.path.abspath(f) for f in filters]
    out = []
    for e in entries:
        path = os.path.normpath(os.path.join(e["directory"], e["file"]))
        if any(path == a or path.startswith(a + os.sep) or path.endswith("/" + f)
               for a, f in zip(absf, filters)):
            out.append(e)
    return out


def load_selected(build_dir, filters):
    """The entries of build_dir's compile_commands.json that `filters` select; exits when none."""
    with open(os.path.join(build_dir, "compile_commands.json")) as f:
        entries = selected(json.load(f), filters)
    if not entries:
        sys.exit("no TU matches")
    return entries


def syntax_only_command(entry, clang):
    args = entry.get("arguments") or shlex.split(entry["command"])
    cxx = "++" in os.path.basename(args[0]) or entry["file"].endswith((".cc", ".cpp", ".cxx", ".C"))
    out = [clang + ("++" if cxx else "")]
    skip = False
    for a in args[1:]:
        if skip:
            skip = False
            continue
        if a == "-o":
            skip = True
            continue
        if a == "-c" or a.startswith("-MF") or a in ("-MD", "-MMD"):
            continue
        if a == "-MT" or a == "-MF":
            skip = True
            continue
        out.append(a)
    return out + ["-fsyntax-only", "-Wno-everything"]


def cpu_of_children():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def run_pool(commands, jobs):
    """Runs (argv, cwd) commands, `jobs` at a time; returns (wall seconds, peak summed RSS,
    CPU seconds). CPU time (user + system of the commands) hardly depends on how busy the
    machine is; wall time on a shared machine does."""
    pending = list(commands)
    running = []
    peak = 0
    cpu_before = cpu_of_children()
    start = time.monotonic()
    while pending or running:
        while pending and len(running) < jobs:
            argv, cwd = pending.pop(0)
            running.append(subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        peak = max(peak, sum(rss(p.pid) for p in running))
        running = [p for p in running if p.poll() is None]
        time.sleep(0.002)
    return time.monotonic() - start, peak, cpu_of_children() - cpu_before


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", required=True, help="tourguide-index-dev (or a wrapper running `tourguide index`)")
    ap.add_argument("--build-dir", required=True)
    ap.add_argument("--clang", default="/usr/lib/llvm-14/bin/clang")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("sources", nargs="*")
    a = ap.parse_args()

    entries = load_selected(a.build_dir, a.sources)
    clang_cmds = [(syntax_only_command(e, a.clang), e["directory"]) for e in entries]
    index_argv = [a.index, "-p", a.build_dir, "-j", str(a.j), "--format=json", "-o", os.devnull, "--quiet"]
    index_cmd = [(index_argv + [os.path.abspath(s) for s in a.sources], os.getcwd())]

    index_times, clang_times, index_peaks, clang_peaks = [], [], [], []
    for _ in range(a.repeat):  # alternate, so that both see the same machine load
        t, p, _ = run_pool(clang_cmds, a.j)
        clang_times.append(t)
        clang_peaks.append(p)
        t, p, _ = run_pool(index_cmd, 1)
        index_times.append(t)
        index_peaks.append(p)
    ct, it = statistics.median(clang_times), statistics.median(index_times)
    cp, ip = max(clang_peaks), max(index_peaks)
    print(f"TUs: {len(entries)}, -j {a.j}, runs: {a.repeat} (median wall time, max peak RSS)")
    print(f"clang -fsyntax-only: {ct:.3f} s, peak {cp / 2**20:.1f} MiB")
    print(f"tourguide index:     {it:.3f} s, peak {ip / 2**20:.1f} MiB")
    print(f"wall time ratio (index / syntax-only): {it / ct:.2f}")
    print(f"peak memory ratio (index / syntax-only): {ip / cp:.2f}")


if __name__ == "__main__":
    main()
