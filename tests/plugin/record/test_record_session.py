"""A tour recorded in a real lldb, end to end, as an author would do it on a sample repo.

A copy of sample_repos/mlp_c is built on its own (cmake, with compile_commands.json). One
session in the lldb executable (batch mode) then records a five-stop tour with the `tour`
commands only, never touching the JSON: `tour new`, five `tour add` with watches and text from
files (run forward from breakpoint to breakpoint, the model's forward pass and the checkpoint
recorded after the rest), a sixth added with its text written in $EDITOR and then removed, two
`tour move`s, a `tour edit` of a title and one whose text is written in $EDITOR, and `tour
save`. $EDITOR is a script standing in for the author: it keeps the template it was given
(which must show the source and the values) and writes a new text above the cut line. The
saved tour must then:

- be the file the commands describe (order, ids, stages, watches, texts, anchors);
- pass `tourguide validate` without a diagnostic and `tourguide check -p BUILD` clean;
- play through for someone else: a second, fresh lldb session started in another folder with
  another HOME (`tour start` + `tour next` to the end), every stop reached at the line it was
  recorded at, with its values;
- survive the edit matrix of `tourguide check` on another copy: lines added above every stop
  and a function reformatted leave every stop on the same code (at most an out-of-date line,
  which --fix repairs), as the sample tours and the drafted tours do.

Configuration (environment): TG_LLDB, TG_PLUGIN, TG_TOURGUIDE, TG_CMAKE, TG_SAMPLE (the mlp_c
sources), TG_WORK (a scratch folder, emptied first).
"""

import json
import os
import re
import shutil
import stat
import subprocess
import sys
import unittest

LLDB = os.environ.get("TG_LLDB", "lldb-14")
PLUGIN = os.environ.get("TG_PLUGIN", "")
TOURGUIDE = os.environ.get("TG_TOURGUIDE", "")
CMAKE = os.environ.get("TG_CMAKE", "cmake")
SAMPLE = os.environ.get("TG_SAMPLE", "")
WORK = os.environ.get("TG_WORK", "/tmp/tourguide-record-test")

REPO = os.path.join(WORK, "mlp_c")
BUILD = os.path.join(REPO, "build")
TOUR = os.path.join(REPO, ".tours", "recorded.json")
EDITOR_LOG = os.path.join(WORK, "editor-templates.log")
EDITOR_TEXT = "Written in the editor: the mean loss of this batch is what the optimizer lowers."
CUT_LINE = "<!-- ------------------------ >8 ------------------------"
# The first line of checkpoint_save's body: where a breakpoint on the function stops.
CHECKPOINT_PATTERN = "const CheckpointHeader header = {CHECKPOINT_MAGIC, CHECKPOINT_VERSION,"

TEXTS = {
    "t1.md": "The loss of the **first** batch.\n\n`n` examples, `k` classes: softmax, then -log p[y].\n",
    "t2.md": "The metrics count the batch: `m->seen` grows by `n`.\n",
    "t3.md": "SGD with momentum: `v = momentum * v + g`, then `w -= lr * v`.\n",
    "t4.md": "The forward pass: `h = relu(x W1 + b1)`, then `logits = h W2 + b2`, for the `n` examples.\n",
    "t5.md": "After the last epoch the weights are written: a header, then `W1`, `b1`, `W2`, `b2`.\n",
}

EDITOR_SCRIPT = """#!/bin/sh
# Stands in for the author in $EDITOR: keeps the template it was given, writes a text above the cut line.
set -e
cat "$1" >> "{log}"
printf '%s\\n' '----- end of template -----' >> "{log}"
{{ printf '%s\\n\\n' "{text}"; sed -n '/^<!-- -\\{{24\\}} >8/,$p' "$1"; }} > "$1.new"
mv "$1.new" "$1"
"""


def run(argv, env=None, cwd=None, timeout=300):
    """Runs argv; returns (exit code, stdout + stderr)."""
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=cwd,
                          timeout=timeout, text=True, errors="replace")
    return proc.returncode, proc.stdout


def lldb_batch(commands, env_extra=None, cwd=None):
    """Runs `commands` in the lldb executable in batch mode, from a command file."""
    path = os.path.join(WORK, "commands-%d.lldb" % len(os.listdir(WORK)))
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(commands) + "\n")
    env = dict(os.environ)
    env.update(env_extra or {})
    return run([LLDB, "--no-lldbinit", "--batch", "-s", path], env=env, cwd=cwd, timeout=600)


def source_line(path, number):
    with open(path, encoding="utf-8") as f:
        return " ".join(f.read().split("\n")[number - 1].split())


def line_of(path, text):
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, start=1):
            if text in " ".join(line.split()):
                return number
    raise AssertionError("%r is not in %s" % (text, path))


class RecordedTour(unittest.TestCase):
    session = ""
    saved = None

    @classmethod
    def setUpClass(cls):
        shutil.rmtree(WORK, ignore_errors=True)
        os.makedirs(WORK)
        shutil.copytree(SAMPLE, REPO, ignore=shutil.ignore_patterns("build", "build-*", ".tours"))
        code, out = run([CMAKE, "-S", REPO, "-B", BUILD, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Debug"])
        assert code == 0, out
        code, out = run([CMAKE, "--build", BUILD, "-j", "2"])
        assert code == 0, out
        for name, text in TEXTS.items():
            with open(os.path.join(WORK, name), "w", encoding="utf-8") as f:
                f.write(text)
        editor = os.path.join(WORK, "editor.sh")
        with open(editor, "w", encoding="utf-8") as f:
            f.write(EDITOR_SCRIPT.format(log=EDITOR_LOG, text=EDITOR_TEXT))
        os.chmod(editor, os.stat(editor).st_mode | stat.S_IXUSR)

        w = lambda name: os.path.join(WORK, name)  # noqa: E731
        cls.code, cls.session = lldb_batch([
            "plugin load " + PLUGIN,
            "target create " + os.path.join(BUILD, "train"),
            "breakpoint set -n softmax_cross_entropy -N author_loss",
            "breakpoint set -n metrics_update -N author_metrics",
            "process launch -w " + BUILD + " -- data model.ckpt",
            "tour new " + TOUR + " --title \"One training step of mlp_c, recorded in LLDB\"",
            "tour add --stage loss --title \"The loss of the first batch\" --watch n,k --text-file " + w("t1.md"),
            "continue",
            "tour add --title \"The metrics count the batch\" --watch \"n, batch_loss, m->seen\" --text-file " + w("t2.md"),
            # The author wants the optimizer step between the two: it runs again in the next step.
            "breakpoint disable author_loss",
            "breakpoint set -n sgd_update -N author_sgd",
            "continue",
            "tour add --id update --watch opt->lr,opt->momentum,opt->n_params --text-file " + w("t3.md"),
            "tour add --id scratch --title \"A stop to remove\"",
            "tour remove scratch",
            "tour move update 2",
            # The forward pass comes first in every step: recorded now, moved to the front. (The
            # author's breakpoints are named: the plugin's own take numbers too.)
            "breakpoint disable author_metrics author_sgd",
            "breakpoint set -n mlp_forward -N author_forward",
            "continue",
            "tour add --stage model --id forward --title \"The forward pass\" --watch n,model->n_hidden --text-file "
            + w("t4.md"),
            "tour move forward 1",
            "breakpoint disable author_forward",
            "breakpoint set -n checkpoint_save -N author_checkpoint",
            "continue",
            "tour add --stage checkpoint --title \"The checkpoint\" --watch model->n_classes,model->n_hidden --text-file "
            + w("t5.md"),
            "tour edit update --title \"SGD with momentum\"",
            "tour edit the-loss-of-the-first-batch",
            "tour save",
            "process kill",
        ], {"EDITOR": editor, "VISUAL": ""})
        with open(TOUR, encoding="utf-8") as f:
            cls.saved = json.load(f)

    def test_session_replies(self):
        s = self.session
        for text in [
            "Recording a new tour 'One training step of mlp_c, recorded in LLDB' into " + TOUR,
            "Program: build/train data model.ckpt (in ${program_dir})",
            "Added stop 1/1 'the-loss-of-the-first-batch' [loss]: The loss of the first batch",
            "Added stop 2/2 'the-metrics-count-the-batch' [metrics]: The metrics count the batch",
            "Added stop 3/3 'update' [optimizer]: sgd_update: float *v = opt->velocity;",
            "note: stage guessed from the names: 'optimizer'",
            "Added stop 4/4 'scratch'",
            "Removed stop 4 'scratch' (A stop to remove).",
            "Moved stop 'update' from 3 to 2: 1 the-loss-of-the-first-batch, 2 update, 3 the-metrics-count-the-batch.",
            "Added stop 4/4 'forward' [model]: The forward pass",
            "Moved stop 'forward' from 4 to 1: 1 forward, 2 the-loss-of-the-first-batch, 3 update, "
            "4 the-metrics-count-the-batch.",
            "Added stop 5/5 'the-checkpoint' [checkpoint]: The checkpoint",
            "Changed stop 3/5 'update': title.",
            "Changed stop 2/5 'the-loss-of-the-first-batch': text.",
            "Saved " + TOUR + ": 5 stops, in the layout tourguide writes (it loads back unchanged).",
            "Every stop resolves in " + os.path.join(BUILD, "train") + ".",
        ]:
            self.assertIn(text, s)
        self.assertNotIn("error:", s)
        # Each change was written at once: the removed stop's file had four stops.
        self.assertIn("Written to " + TOUR + " (4 stops).", s)

    def test_saved_tour_is_what_the_commands_said(self):
        t = self.saved
        self.assertEqual(t["title"], "One training step of mlp_c, recorded in LLDB")
        self.assertEqual(t["program"], {"path": "build/train", "args": ["data", "model.ckpt"], "cwd": "${program_dir}"})
        stops = t["stops"]
        self.assertEqual([s["id"] for s in stops], ["forward", "the-loss-of-the-first-batch", "update",
                                                    "the-metrics-count-the-batch", "the-checkpoint"])
        self.assertEqual([s["stage"] for s in stops], ["model", "loss", "optimizer", "metrics", "checkpoint"])
        self.assertEqual([s["title"] for s in stops], ["The forward pass", "The loss of the first batch",
                                                       "SGD with momentum", "The metrics count the batch",
                                                       "The checkpoint"])
        self.assertEqual([s["text"] for s in stops], [TEXTS["t4.md"].rstrip(), EDITOR_TEXT, TEXTS["t3.md"].rstrip(),
                                                      TEXTS["t2.md"].rstrip(), TEXTS["t5.md"].rstrip()])
        self.assertEqual([s["watch"] for s in stops], [["n", "model->n_hidden"], ["n", "k"],
                                                       ["opt->lr", "opt->momentum", "opt->n_params"],
                                                       ["n", "batch_loss", "m->seen"],
                                                       ["model->n_classes", "model->n_hidden"]])
        # The breakpoints of sgd_update, mlp_forward and checkpoint_save were new: their first pass.
        for stop in stops:
            self.assertNotIn("hit", stop)
        expected = [("mlp_forward", "src/model.c", "linear_forward(&model->fc1, x, n, model->h_pre);"),
                    ("softmax_cross_entropy", "src/loss.c", "double total = 0.0;"),
                    ("sgd_update", "src/optim.c", "float *v = opt->velocity;"),
                    ("metrics_update", "src/metrics.c", "const int k = m->num_classes;"),
                    ("checkpoint_save", "src/checkpoint.c", CHECKPOINT_PATTERN)]
        for stop, (function, file, pattern) in zip(stops, expected):
            anchor = stop["anchor"]
            self.assertEqual(anchor["function"], function)
            self.assertEqual(anchor["file"], file)
            self.assertEqual(anchor["pattern"], pattern)
            self.assertEqual(anchor["line"], line_of(os.path.join(REPO, file), pattern))
        # The writer's layout: written again, the file is unchanged (keys in the documented order).
        self.assertEqual(list(t.keys()), ["version", "title", "program", "stops"])
        self.assertEqual(list(stops[0].keys()), ["id", "stage", "title", "text", "anchor", "watch"])

    def test_editor_template_shows_the_source_and_the_values(self):
        with open(EDITOR_LOG, encoding="utf-8") as f:
            log = f.read()
        templates = log.split("----- end of template -----\n")
        self.assertEqual(len(templates), 3, log)  # `tour add --id scratch`, `tour edit 1` (and "" after them)
        add, edit = templates[0], templates[1]
        self.assertIn(CUT_LINE, add)
        self.assertRegex(add, r"> +27 \| +float \*v = opt->velocity;")
        self.assertIn("Stop 4 of 4 'scratch' [optimizer]: A stop to remove", add)
        edit_text, _, context = edit.partition(CUT_LINE)
        self.assertIn("The loss of the **first** batch.", edit_text)  # the text so far, to edit
        self.assertIn("Stop 2 of 5 'the-loss-of-the-first-batch' [loss]: The loss of the first batch", context)
        self.assertIn("double total = 0.0;", context)
        # The program is no longer at the loss: no values, and the template says so.
        self.assertIn("(the program is not stopped at this line: no values to show)", context)
        # `tour add` without --watch shows the frame's variables as they are now.
        self.assertIn("(no watches yet; the frame's variables, which '--watch a,b' can name:)", add)
        self.assertRegex(add, r"\n  opt = ")

    def test_validates_and_checks_clean(self):
        code, out = run([TOURGUIDE, "validate", TOUR])
        self.assertEqual(code, 0, out)
        self.assertNotIn("warning", out)
        code, out = run([TOURGUIDE, "check", "-p", BUILD, TOUR])
        self.assertEqual(code, 0, out)
        self.assertIn("checked 5 stops in 1 tour: 0 errors, 0 warnings", out)

    def test_plays_through_for_someone_else(self):
        # Someone else: a fresh lldb in another folder, with a HOME of its own (no ~/.lldbinit).
        elsewhere = os.path.join(WORK, "someone-else")
        os.makedirs(os.path.join(elsewhere, "home"), exist_ok=True)
        code, out = lldb_batch(["plugin load " + PLUGIN, "tour start " + TOUR] + ["tour next"] * 5,
                               {"HOME": os.path.join(elsewhere, "home")}, cwd=elsewhere)
        expected = [("1/5 model", "The forward pass", "src/model.c", "linear_forward(&model->fc1, x, n, model->h_pre);"),
                    ("2/5 loss", "The loss of the first batch", "src/loss.c", "double total = 0.0;"),
                    ("3/5 optimizer", "SGD with momentum", "src/optim.c", "float *v = opt->velocity;"),
                    ("4/5 metrics", "The metrics count the batch", "src/metrics.c", "const int k = m->num_classes;"),
                    ("5/5 checkpoint", "The checkpoint", "src/checkpoint.c", CHECKPOINT_PATTERN)]
        for header, title, file, pattern in expected:
            self.assertIn("== " + header + ": " + title, out)
            self.assertRegex(out, r"\n> +%d \|" % line_of(os.path.join(REPO, file), pattern))
        self.assertRegex(out, r"\n  n +\= 32\n")
        self.assertRegex(out, r"\n  model->n_hidden +\= 32\n")
        self.assertRegex(out, r"\n  model->n_classes +\= 3\n")
        self.assertRegex(out, r"\n  opt->lr +\= 0\.")
        self.assertIn(EDITOR_TEXT, out)
        self.assertIn("Tour 'One training step of mlp_c, recorded in LLDB': 5 of 5 stops reached.", out)

    def test_survives_the_edit_matrix(self):
        copy = os.path.join(WORK, "edited")
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(REPO, copy, ignore=shutil.ignore_patterns("*.o", "*.a", "train", "eval", "gen_data", "data"))
        db = os.path.join(copy, "build", "compile_commands.json")
        with open(db, encoding="utf-8") as f:
            text = f.read().replace(REPO + "/", copy + "/")
        with open(db, "w", encoding="utf-8") as f:
            f.write(text)
        tour = os.path.join(copy, ".tours", "recorded.json")

        def located():
            code, out = run([TOURGUIDE, "check", "--format=json", "-p", os.path.join(copy, "build"), tour])
            report = json.loads(out[out.index("{"):])
            self.last_statuses = sorted({s["status"] for s in report["stops"]})
            return code, [(s["stop"], source_line(os.path.join(copy, s["location"]["file"]), s["location"]["line"]))
                          for s in report["stops"]]

        code, before = located()
        self.assertEqual(code, 0)
        # A licence header above every stop, and the optimizer's function reformatted.
        for folder, _, names in os.walk(os.path.join(copy, "src")):
            for name in names:
                path = os.path.join(folder, name)
                with open(path, encoding="utf-8") as f:
                    body = f.read()
                with open(path, "w", encoding="utf-8") as f:
                    f.write("// SPDX-License-Identifier: MIT\n// (c) the team\n\n" + body)
        optim = os.path.join(copy, "src", "optim.c")
        with open(optim, encoding="utf-8") as f:
            body = f.read()
        body = body.replace("void sgd_update(Sgd *opt)\n{\n    float *v = opt->velocity;",
                            "void\nsgd_update(Sgd *opt)\n{\n\tfloat   *v =   opt->velocity;")
        with open(optim, "w", encoding="utf-8") as f:
            f.write(body)
        code, after = located()
        self.assertEqual(after, before)  # every stop on the same code
        # Only the line hints are out of date: warnings, which leave the exit status 0.
        self.assertEqual(code, 0)
        self.assertNotEqual(self.last_statuses, ["ok"])
        code, out = run([TOURGUIDE, "check", "--fix", "-p", os.path.join(copy, "build"), tour])
        self.assertEqual(code, 0, out)
        code, fixed = located()
        self.assertEqual((code, fixed), (0, before))


if __name__ == "__main__":
    for name in ("TG_PLUGIN", "TG_TOURGUIDE", "TG_SAMPLE"):
        if not os.environ.get(name):
            sys.exit("set %s (CTest does)" % name)
    unittest.main(verbosity=2)
