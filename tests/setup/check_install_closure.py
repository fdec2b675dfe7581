#!/usr/bin/env python3
"""Fails when the build or the test suite uses a file from a Debian package that
scripts/install-deps.sh does not bring in.

CI runs on a developer's machine, where a package installed by hand hides a missing install
step (the `cmark` program behind libcmark-dev's CMake config was one). This check sees it on
any machine: it collects the files the build really used, finds the package owning each
(`dpkg -S`), and requires every owner to be in the dependency closure of the install list
(Depends and Pre-Depends of the installed packages, followed from that list) or in the base
system every Debian root has (Essential and Priority: required packages).

Files the build used:
  - every header any object was compiled with (`ninja -t deps`),
  - every CMake file the configure step read (build.ninja's regeneration inputs),
  - every absolute path in a link or compile command (libraries),
  - every absolute path CTest runs or passes (the test programs' tools),
  - the programs and Python modules the tests run that are found at run time (RUNTIME below),
  - the shared libraries the LLDBs unpacked into the build tree load (lldb-N/: not installed,
    they run with the system's libLLVM-N, libclang-cpp-N, ...).

usage: check_install_closure.py --build DIR --source DIR [--expect-missing PKG]
  --expect-missing PKG   check the check: drop PKG from the install list and pass only when
                         files of PKG are then reported as not installed by the list.
"""
import argparse
import glob
import os
import re
import shlex
import subprocess
import sys

# Found on PATH or imported at test time rather than at configure time.
RUNTIME_PROGRAMS = ["chromium", "tmux", "lldb-14"]
RUNTIME_PYTHON_MODULES = ["jsonschema"]


def run(argv, **kw):
    return subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def llvm_version(build):
    """The build's TOURGUIDE_LLVM_VERSION (the install list depends on it)."""
    try:
        text = open(os.path.join(build, "CMakeCache.txt"), encoding="utf-8", errors="replace").read()
    except OSError:
        return None
    m = re.search(r"^TOURGUIDE_LLVM_VERSION:\w+=(\S+)$", text, re.M)
    return m.group(1) if m else None


def install_list(source, build):
    env = dict(os.environ)
    version = llvm_version(build)
    if version:
        env["TOURGUIDE_LLVM_VERSION"] = version
    out = run(["bash", os.path.join(source, "scripts/install-deps.sh"), "--list"], env=env)
    if out.returncode != 0:
        sys.exit("install-deps.sh --list failed: " + out.stderr)
    return [p for p in out.stdout.split() if p]


def used_files(build):
    files = set()
    deps = run(["ninja", "-C", build, "-t", "deps"])
    if deps.returncode != 0:
        sys.exit("ninja -t deps failed (is this a Ninja build?): " + deps.stderr)
    for line in deps.stdout.splitlines():
        if line.startswith("    "):
            files.add(line.strip())
    ninja_file = os.path.join(build, "build.ninja")
    text = open(ninja_file, encoding="utf-8", errors="replace").read()
    # Regeneration inputs: every CMake file configure read, and every absolute path in a
    # command (libraries on link lines, include folders are directories and are dropped).
    for token in re.findall(r"(/(?:usr|lib|opt|etc)/[^\s:;\"'$|]+)", text):
        files.add(token)
    # Programs and files the tests are given (CTest command lines and properties).
    for folder, _, names in os.walk(build):
        if "CTestTestfile.cmake" in names:
            text = open(os.path.join(folder, "CTestTestfile.cmake"), encoding="utf-8", errors="replace").read()
            files.update(re.findall(r"(/(?:usr|lib|opt|etc)/[^\s:;\"'$|)\]]+)", text))
    for program in RUNTIME_PROGRAMS:
        path = run(["bash", "-c", 'command -v "$1"', "_", program]).stdout.strip()
        if path:
            files.add(path)
        else:
            files.add("(program not found) " + program)
    for binary in glob.glob(os.path.join(build, "lldb-*", "usr", "lib", "llvm-*", "bin", "lldb*")):
        if os.path.islink(binary) or not os.path.isfile(binary):
            continue
        # lldb-13 has no RUNPATH: its tests find liblldb-13 in the unpacked tree, as here.
        libdir = os.path.join(binary.split("/usr/lib/llvm-")[0], "usr", "lib", "x86_64-linux-gnu")
        out = run(["ldd", binary], env=dict(os.environ, LD_LIBRARY_PATH=libdir))
        for m in re.finditer(r"=> (/\S+) \(", out.stdout):
            files.add(m.group(1))
        for m in re.finditer(r"^\s*(\S+) => not found", out.stdout, re.M):
            files.add(f"(library not found) {m.group(1)} for {binary}")
    for module in RUNTIME_PYTHON_MODULES:
        out = run(["/usr/bin/python3", "-c", f"import {module}; print({module}.__file__)"])
        files.add(out.stdout.strip() if out.returncode == 0 else "(python module not found) " + module)
    return {f for f in files if f.startswith("(") or os.path.isfile(f)}


def owners(paths, build, source):
    """path -> package, for files owned by a package; unowned outside the project: None."""
    result = {}
    candidates = {}
    for p in sorted(paths):
        if p.startswith("("):
            result[p] = None
            continue
        real = os.path.realpath(p)
        if real.startswith(os.path.realpath(build) + os.sep) or real.startswith(os.path.realpath(source) + os.sep):
            continue
        # dpkg knows a file by the path its package installed, which merged /usr and
        # alternatives symlinks hide: try the path as used, then its target, then /usr-less forms.
        forms = [p, real]
        for f in (p, real):
            if f.startswith("/usr/"):
                forms.append(f[4:])
        candidates[p] = list(dict.fromkeys(forms))
    found = {}
    every_form = sorted({f for forms in candidates.values() for f in forms})
    for start in range(0, len(every_form), 500):
        out = run(["dpkg", "-S"] + every_form[start:start + 500])
        for line in out.stdout.splitlines():
            m = re.match(r"^(.+?): (/.*)$", line)
            if not m:
                continue
            for pkg in m.group(1).split(", "):
                found.setdefault(m.group(2), pkg.split(":")[0])
    for p, forms in candidates.items():
        result[p] = next((found[f] for f in forms if f in found), None)
    return result


def installed_packages():
    """name -> (depends, provides, base) for every installed package."""
    fmt = "${Package}\t${Status}\t${Essential}\t${Priority}\t${Pre-Depends}, ${Depends}\t${Provides}\n"
    out = run(["dpkg-query", "-W", "-f", fmt])
    pkgs = {}
    for line in out.stdout.splitlines():
        name, status, essential, priority, depends, provides = (line.split("\t") + [""] * 6)[:6]
        if not status.endswith(" installed"):
            continue
        pkgs[name] = (depends, [p.split()[0] for p in provides.split(",") if p.strip()],
                      essential == "yes" or priority == "required")
    return pkgs


def closure(roots, pkgs):
    providers = {}
    for name, (_, provides, _) in pkgs.items():
        providers.setdefault(name, set()).add(name)
        for v in provides:
            providers.setdefault(v, set()).add(name)
    seen = set()
    todo = list(roots) + [n for n, (_, _, base) in pkgs.items() if base]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        depends = pkgs.get(name, ("", [], False))[0]
        for clause in depends.split(","):
            # Every installed alternative counts: on a fresh root apt picks one of them.
            for alternative in clause.split("|"):
                words = alternative.strip().split()
                if not words:
                    continue
                dep = words[0].split(":")[0]
                todo.extend(providers.get(dep, ()))
    return seen


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--expect-missing")
    a = ap.parse_args()

    wanted = install_list(a.source, a.build)
    if a.expect_missing:
        if a.expect_missing not in wanted:
            sys.exit(f"{a.expect_missing} is not in the install list")
        wanted.remove(a.expect_missing)
    pkgs = installed_packages()
    not_installed = [p for p in wanted if p not in pkgs]
    covered = closure([p for p in wanted if p in pkgs], pkgs)
    files = used_files(a.build)
    owner = owners(files, a.build, a.source)

    problems = {}
    for path, pkg in sorted(owner.items()):
        if pkg is None:
            problems.setdefault("(no Debian package)", []).append(path)
        elif pkg not in covered:
            problems.setdefault(pkg, []).append(path)

    print(f"{len(files)} files used by the build and tests, {len(set(owner.values()) - {None})} packages own them; "
          f"install list: {len(wanted)} packages, closure {len(covered)}")
    if not_installed:
        print("listed but not installed here (run scripts/install-deps.sh): " + " ".join(not_installed))
    for pkg, paths in sorted(problems.items()):
        shown = ", ".join(paths[:3]) + (f" and {len(paths) - 3} more" if len(paths) > 3 else "")
        print(f"NOT BROUGHT IN by scripts/install-deps.sh: {pkg}: {shown}")

    if a.expect_missing:
        if a.expect_missing in problems:
            print(f"ok: without {a.expect_missing} in the list, the check reports its files")
            return 0
        print(f"FAILED: {a.expect_missing} was dropped from the list but no file of it was reported")
        return 1
    if problems or not_installed:
        return 1
    print("ok: every file the build and tests use comes from the install list's closure or the base system")
    return 0


if __name__ == "__main__":
    sys.exit(main())
