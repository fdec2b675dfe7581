#!/usr/bin/python3
"""Writes mutants of valid tours, one mistake (or none) each, for the schema agreement test.

Usage: mutate_tours.py OUTDIR SEED COUNT TOUR...
Each mutant changes one value to another of a set of awkward values, deletes one member or
element, or adds one key. Mutants with a repeated stop id, a repeated series name or a `plot`
entry naming an undeclared series are skipped: JSON Schema cannot express those rules (see
SchemaAgreementTest.cpp). Deterministic for a given SEED and input.
"""
import copy
import json
import os
import random
import sys

VALUES = [0, 1, 2, -1, 1.5, 2.0, 1e300, 4294967296, 1000000001, "", "x", "1", "Data", "a b",
          "f()", "step\n", True, None, [], {}, ["x"], {"a": "b"}, [{}], [1]]
KEYS = ["titel", "x", "line", "file", "function", "pattern", "count", "hit", "label",
        "expr", "cwd", "args", "env", "root", "stage", "id", "anchor", "name", "every",
        "collect", "plot", "evrey"]


def paths(node, prefix=()):
    yield prefix
    if isinstance(node, dict):
        for key, value in node.items():
            yield from paths(value, prefix + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from paths(value, prefix + (index,))


def at(node, path):
    for key in path:
        node = node[key]
    return node


def stop_ids_repeat(doc):
    stops = doc.get("stops") if isinstance(doc, dict) else None
    if not isinstance(stops, list):
        return False
    ids = [s["id"] for s in stops if isinstance(s, dict) and isinstance(s.get("id"), str)]
    return len(ids) != len(set(ids))


def series_refs_broken(doc):
    """A series name declared twice, or a plot entry naming no declared series."""
    if not isinstance(doc, dict):
        return False
    lists = [doc.get("collect")]
    plots = []
    stops = doc.get("stops")
    for stop in stops if isinstance(stops, list) else []:
        if isinstance(stop, dict):
            lists.append(stop.get("collect"))
            plots.append(stop.get("plot"))
    names = [item["name"] for items in lists if isinstance(items, list)
             for item in items if isinstance(item, dict) and isinstance(item.get("name"), str)]
    declared = set(names)
    plotted = [entry for entries in plots if isinstance(entries, list)
               for entry in entries if isinstance(entry, str)]
    return len(names) != len(declared) or any(entry not in declared for entry in plotted)


def main():
    outdir, seed, count, tours = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4:]
    rng = random.Random(seed)
    docs = []
    for path in sorted(tours):
        with open(path, encoding="utf-8") as f:
            docs.append(json.load(f))
    os.makedirs(outdir, exist_ok=True)
    written = 0
    while written < count:
        doc = copy.deepcopy(rng.choice(docs))
        path = rng.choice(list(paths(doc))[1:])
        parent, key = at(doc, path[:-1]), path[-1]
        roll = rng.random()
        if roll < 0.5:
            parent[key] = rng.choice(VALUES)
        elif roll < 0.75:
            del parent[key]
        elif isinstance(parent, dict):
            parent[rng.choice(KEYS)] = rng.choice(VALUES)
        if stop_ids_repeat(doc) or series_refs_broken(doc):
            continue
        with open(os.path.join(outdir, "mutant-%04d.json" % written), "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=2, ensure_ascii=False)
        written += 1


if __name__ == "__main__":
    main()
