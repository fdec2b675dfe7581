"""CodeTour in and out of tourguide, end to end, on a copy of sample_repos/mlp_c.

codetour/mlp_c.tour is a CodeTour file written for mlp_c by hand, following CodeTour's
published schema (https://aka.ms/codetour-schema): a text step, a directory step, a file-only
step, a pattern step, a line step, a selection step, a step with `commands` and `view`, a URI
step, and the tour-level `ref`, `isPrimary`, `nextTour`, `when`. The copy is built on its own
(cmake, with compile_commands.json). Then:

- `tourguide import codetour -p build` writes a tourguide tour: every file step is a stop whose
  anchor names the enclosing function found in the compilation database; every dropped key is
  reported, and nothing is run;
- the tour passes `tourguide validate` and `tourguide check -p build`, and plays through in the
  lldb executable (`tour start` + `tour next` to the end);
- `tourguide export codetour` writes it back in CodeTour's format (checked against the schema's
  rules, restated in conforms_to_codetour_schema below) with the same files and lines, and
  importing that again gives the same anchors;
- `tourguide export markdown -o docs/tour.md` links every stop to `path#Lnn` relative to docs/,
  and each link's line holds the stop's code; `tourguide export html -o docs/tour.html` too, with
  that line highlighted in the stop's excerpt.

Configuration (environment): TG_LLDB, TG_PLUGIN, TG_TOURGUIDE, TG_CMAKE, TG_SAMPLE, TG_CODETOUR,
TG_WORK.
"""

import json
import os
import re
import shutil
import subprocess
import sys
import unittest

LLDB = os.environ.get("TG_LLDB", "lldb-14")
PLUGIN = os.environ.get("TG_PLUGIN", "")
TOURGUIDE = os.environ.get("TG_TOURGUIDE", "")
CMAKE = os.environ.get("TG_CMAKE", "cmake")
SAMPLE = os.environ.get("TG_SAMPLE", "")
CODETOUR = os.environ.get("TG_CODETOUR", "")
WORK = os.environ.get("TG_WORK", "/tmp/tourguide-codetour-test")

REPO = os.path.join(WORK, "mlp_c")
BUILD = os.path.join(REPO, "build")
TOUR = os.path.join(REPO, ".tours", "mlp_c.json")


def run(argv, cwd=None, timeout=300):
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=cwd, timeout=timeout, text=True,
                          errors="replace")
    return proc.returncode, proc.stdout


def collapsed(text):
    return " ".join(text.split())


def line_of(relative, text):
    with open(os.path.join(REPO, relative), encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if text in collapsed(line):
                return number
    raise AssertionError("%r is not in %s" % (text, relative))


def conforms_to_codetour_schema(doc):
    """The rules of CodeTour's JSON schema (https://aka.ms/codetour-schema), restated: a list of
    what is wrong, empty when the document is a valid CodeTour tour."""
    problems = []
    if not isinstance(doc, dict):
        return ["the top level is not an object"]
    top = {"$schema": str, "title": str, "description": str, "ref": str, "isPrimary": bool, "steps": list,
           "stepMarker": str, "nextTour": str, "when": str}
    for key in ("title", "steps"):
        if key not in doc:
            problems.append("missing required %r" % key)
    for key, value in doc.items():
        if key not in top:
            problems.append("unknown top-level key %r" % key)
        elif not isinstance(value, top[key]):
            problems.append("%r is not a %s" % (key, top[key].__name__))
    step_keys = {"file": str, "directory": str, "view": str, "uri": str, "line": (int, float), "pattern": str,
                 "title": str, "description": str, "selection": dict, "commands": list}
    for i, step in enumerate(doc.get("steps", [])):
        if not isinstance(step, dict):
            problems.append("step %d is not an object" % (i + 1))
            continue
        if "description" not in step:
            problems.append("step %d has no description" % (i + 1))
        for key, value in step.items():
            if key not in step_keys:
                problems.append("step %d: unknown key %r" % (i + 1, key))
            elif not isinstance(value, step_keys[key]) or isinstance(value, bool):
                problems.append("step %d: %r has the wrong type" % (i + 1, key))
    return problems


# The stops the import makes, in order: (function, file, code of the line).
EXPECTED = [
    ("rng_seed", "src/rng.c", None),  # a file-only step: the entry of the file's first function
    ("softmax_cross_entropy", "src/loss.c", "double total = 0.0;"),
    ("main", "src/train.c", "sgd_update(&opt);"),
    ("sgd_update", "src/optim.c", "v[i] = opt->momentum * v[i] + param->grad[i];"),
    ("metrics_update", "src/metrics.c", "m->seen += n;"),
]


class CodeTourRoundTrip(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        shutil.rmtree(WORK, ignore_errors=True)
        os.makedirs(WORK)
        shutil.copytree(SAMPLE, REPO, ignore=shutil.ignore_patterns("build", "build-*", ".tours"))
        os.makedirs(os.path.join(REPO, ".tours"))
        shutil.copy(CODETOUR, os.path.join(REPO, ".tours", "mlp_c.tour"))
        for argv in ([CMAKE, "-S", REPO, "-B", BUILD, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Debug"],
                     [CMAKE, "--build", BUILD, "-j", "2"]):
            code, out = run(argv)
            assert code == 0, out
        cls.code, cls.out = run([TOURGUIDE, "import", "codetour", "-p", "build", "--program", "build/train", "--cwd",
                                 "${program_dir}", ".tours/mlp_c.tour", "--", "data", "model.ckpt"], cwd=REPO)
        with open(TOUR, encoding="utf-8") as f:
            cls.tour = json.load(f)

    def test_exit_status_follows_the_convention(self):
        # 2: it could not run (no such input, an output it may not replace); 1: the input has problems.
        code, out = run([TOURGUIDE, "import", "codetour", "-o", os.path.join(WORK, "x.json"), "no-such.tour"], cwd=REPO)
        self.assertEqual(code, 2, out)
        code, out = run([TOURGUIDE, "import", "codetour", "-o", TOUR, ".tours/mlp_c.tour"], cwd=REPO)
        self.assertEqual(code, 2, out)
        self.assertIn("exists", out)
        broken = os.path.join(WORK, "broken.tour")
        with open(broken, "w", encoding="utf-8") as f:
            f.write('{"title": "no steps"}')
        code, out = run([TOURGUIDE, "import", "codetour", "-o", os.path.join(WORK, "broken.json"), broken], cwd=REPO)
        self.assertEqual(code, 1, out)

    def test_import_reports_what_became_what(self):
        self.assertEqual(self.code, 0, self.out)
        for text in [
            "note: 'ref' (\"main\") is dropped: tourguide's anchors follow the code, not a git ref",
            "note: 'isPrimary' is dropped",
            "note: 'nextTour' (\"Evaluating mlp_c\") is dropped",
            "note: 'when' (\"isLinux\") is dropped, never evaluated",
            "note: step 1 (text only) became a section of the tour's description",
            "note: step 1: its '>> command' lines stay plain text: tourguide runs nothing from a tour's text",
            "note: step 2 (the directory 'src') became a section of the tour's description",
            "note: step 3 names only the file src/rng.c: the stop is at its first line",
            "note: step 3 (src/rng.c:1): line 1 holds no code and is in no function, so the stop is at the entry of "
            "the next function, 'rng_seed' (line 9)",
            "note: step 4 (src/loss.c:10) became stop 'softmax-cross-entropy' [loss], anchored by function + pattern "
            "in 'softmax_cross_entropy'",
            "note: step 5 (src/train.c:105) became stop 'main' [loop], anchored by function + pattern in 'main'",
            "note: step 6: its selection is dropped; the stop is at line 31",
            "note: step 7: its 'commands' ('workbench.action.terminal.new', 'codetour.endTour') are dropped, never run",
            "note: step 7: 'view' (\"terminal\") is dropped: it focuses a VS Code view",
            "note: step 8 (the URI 'https://en.wikipedia.org/wiki/Cross-entropy') became a section",
            "Imported .tours/mlp_c.tour as " + os.path.join(REPO, ".tours", "mlp_c.json") + ": 5 stops.",
        ]:
            self.assertIn(text, self.out)

    def test_imported_tour_is_anchored_and_valid(self):
        t = self.tour
        self.assertEqual(t["title"], "mlp_c in eight steps")
        self.assertEqual(t["program"], {"path": "build/train", "args": ["data", "model.ckpt"], "cwd": "${program_dir}"})
        self.assertIn("## Introduction\n\nmlp_c trains", t["description"])
        self.assertIn("## `src`\n\nThe folder `src`.", t["description"])
        self.assertEqual(len(t["stops"]), len(EXPECTED))
        for stop, (function, file, code) in zip(t["stops"], EXPECTED):
            anchor = stop["anchor"]
            self.assertEqual(anchor.get("function", ""), function, stop)
            self.assertEqual(anchor["file"], file)
            if code:
                self.assertEqual(anchor["pattern"], code)
                self.assertEqual(anchor["line"], line_of(file, code))
        self.assertEqual([s["title"] for s in t["stops"]][1:4], ["Softmax cross-entropy", "The update", "Momentum"])
        code, out = run([TOURGUIDE, "validate", TOUR])
        self.assertEqual(code, 0, out)
        code, out = run([TOURGUIDE, "check", "-p", BUILD, TOUR])
        self.assertEqual(code, 0, out)
        self.assertIn("checked 5 stops in 1 tour: 0 errors, 0 warnings", out)

    def test_plays_through_in_lldb(self):
        script = os.path.join(WORK, "play.lldb")
        with open(script, "w", encoding="utf-8") as f:
            f.write("\n".join(["plugin load " + PLUGIN, "tour start " + TOUR] + ["tour next"] * 5) + "\n")
        code, out = run([LLDB, "--no-lldbinit", "--batch", "-s", script], timeout=600)
        self.assertIn("5 stops, 5 resolved.", out)
        for i, (_, file, code_line) in enumerate(EXPECTED, start=1):
            self.assertIn("== %d/5 " % i, out)
            if code_line:
                self.assertRegex(out, r"\n> +%d \| +%s" % (line_of(file, code_line), re.escape(code_line.split()[0])))
        self.assertIn("Tour 'mlp_c in eight steps': 5 of 5 stops reached.", out)

    def test_exports_back_to_codetour(self):
        exported = os.path.join(REPO, ".tours", "exported.tour")
        code, out = run([TOURGUIDE, "export", "codetour", "-p", "build", "-o", exported, TOUR], cwd=REPO)
        self.assertEqual(code, 0, out)
        with open(exported, encoding="utf-8") as f:
            doc = json.load(f)
        self.assertEqual(conforms_to_codetour_schema(doc), [])
        with open(CODETOUR, encoding="utf-8") as f:
            original = json.load(f)
        self.assertEqual(doc["title"], original["title"])
        files = [s for s in original["steps"] if "file" in s]
        self.assertEqual(len(doc["steps"]), len(files))
        for step, before, (_, file, code_line) in zip(doc["steps"], files, EXPECTED):
            self.assertEqual(step["file"], before["file"])
            # A function entry is exported at the body's first line (its '{').
            expected = before.get("line") or (line_of(file, code_line) if code_line else line_of(file, "void rng_seed(") + 1)
            self.assertEqual(step["line"], expected)
            self.assertEqual(step["description"], before["description"])
        # And in again: the same anchors.
        again = os.path.join(REPO, ".tours", "again.json")
        code, out = run([TOURGUIDE, "import", "codetour", "-p", "build", "-o", again, exported], cwd=REPO)
        self.assertEqual(code, 0, out)
        with open(again, encoding="utf-8") as f:
            anchors = [s["anchor"] for s in json.load(f)["stops"]]
        self.assertEqual(anchors, [s["anchor"] for s in self.tour["stops"]])

    def assert_links_lead_to_the_stops(self, links, written, text):
        """Each (target, line) link, relative to the file `written`, leads to its stop's file and line."""
        self.assertEqual(len(links), 5, text)
        for (target, line), (_, file, code_line) in zip(links, EXPECTED):
            path = os.path.normpath(os.path.join(os.path.dirname(written), target))
            self.assertEqual(path, os.path.join(REPO, file))
            if code_line:
                self.assertEqual(int(line), line_of(file, code_line))

    def export_walkthrough(self, form, name):
        """Runs `tourguide export FORM -o docs/NAME`; returns the path written and its text."""
        path = os.path.join(REPO, "docs", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        code, out = run([TOURGUIDE, "export", form, "-p", "build", "-o", path, TOUR], cwd=REPO)
        self.assertEqual(code, 0, out)
        with open(path, encoding="utf-8") as f:
            return path, f.read()

    def test_exports_a_markdown_walkthrough(self):
        md_path, md = self.export_walkthrough("markdown", "tour.md")
        self.assertTrue(md.startswith("# mlp_c in eight steps\n"))
        self.assert_links_lead_to_the_stops(re.findall(r"\]\((\.\./[^)#]+)#L(\d+)\)", md), md_path, md)
        self.assertIn("```c\n", md)
        self.assertRegex(md, r"\n> +\d+ \|     double total = 0\.0;\n")

    def test_exports_an_html_walkthrough(self):
        html_path, html = self.export_walkthrough("html", "tour.html")
        self.assertTrue(html.startswith("<!DOCTYPE html>"))
        self.assertIn("<h1>mlp_c in eight steps</h1>", html)
        links = re.findall(r'<a href="(\.\./[^"#]+)#L(\d+)">', html)
        self.assert_links_lead_to_the_stops(links, html_path, html)
        for _, line in links[1:]:  # the stops on a line of code: highlighted in their excerpts
            self.assertIn('<tr class="here"><td class="ln">%s</td>' % line, html)
        self.assertNotIn("<script", html)


if __name__ == "__main__":
    for name in ("TG_PLUGIN", "TG_TOURGUIDE", "TG_SAMPLE", "TG_CODETOUR"):
        if not os.environ.get(name):
            sys.exit("set %s (CTest does)" % name)
    unittest.main(verbosity=2)
