"""A tour played in an editor: a DAP client drives a real debug adapter (Debian's lldb-vscode,
of the build's LLDB or of an unpacked other version) as VS Code does, with the plugin loaded by
the launch configuration's initCommands and the tour typed in the debug console (the `repl`
context, commands prefixed with a backtick). docs/editors.md describes the set-up.

What an editor needs: a `stopped` event at every tour stop, whose top frame is the stop's line
(that is what the editor highlights), the stop's text in the console (stopCommands run
`tour sync`), `exited` and `terminated` when the program ends, and `pause` answered at once
while `tour next` runs a long way.

Configuration (environment): TG_DAP_ADAPTER (the adapter), TG_PLUGIN, TG_TOY_EXE, TG_TOY_TOUR
(tests/plugin/programs/toy); LLDB_DEBUGSERVER_PATH for the adapter's lldb-server.
"""

import json
import os
import sys
import tempfile
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from dap_client import DapClient  # noqa: E402

ADAPTER = os.environ.get("TG_DAP_ADAPTER", "/usr/lib/llvm-14/bin/lldb-vscode")
PLUGIN = os.environ.get("TG_PLUGIN", "")
TOY_EXE = os.environ.get("TG_TOY_EXE", "")
TOY_TOUR = os.environ.get("TG_TOY_TOUR", "")
TOY_SOURCE = os.path.join(os.path.dirname(os.path.dirname(TOY_TOUR)), "src", "toy.c") if TOY_TOUR else ""

# What an editor's user waits for at most: the requirement is "within a second".
PROMPT_SECONDS = 1.0


def line_of(path, text):
    """The 1-based line of `path` that contains `text` (the test's own reading of the source)."""
    with open(path, encoding="utf-8") as source:
        for number, line in enumerate(source, start=1):
            if text in " ".join(line.split()):
                return number
    raise AssertionError("%r not found in %s" % (text, path))


class TourInEditor(unittest.TestCase):
    def start(self, args, stop_commands=True):
        """An editor's session: initialize, launch stopped at the entry, configurationDone."""
        self.dap = DapClient([ADAPTER], cwd=os.path.dirname(TOY_EXE))
        self.addCleanup(self.dap.close)
        self.dap.request("initialize", {"clientID": "tourguide-test", "adapterID": "lldb",
                                        "linesStartAt1": True, "columnsStartAt1": True,
                                        "pathFormat": "path"})
        launch = {"program": TOY_EXE, "args": args, "stopOnEntry": True,
                  "initCommands": ["plugin load " + PLUGIN]}
        if stop_commands:
            launch["stopCommands"] = ["tour sync"]
            launch["exitCommands"] = ["tour sync"]
        self.dap.request("launch", launch)
        self.dap.event("initialized")
        self.dap.request("configurationDone")
        self.dap.event("stopped")  # at the entry point

    def console_command(self, command):
        """Types `command` in the debug console; returns its text and how long it took. The
        events it causes may come before its response: `self.mark` is where they begin."""
        self.mark = len(self.dap.messages)
        seq, sent = self.dap.send("evaluate", {"expression": "`" + command, "context": "repl"})
        reply = self.dap.response(seq, timeout=120)
        return reply["body"].get("result", ""), reply["_arrived"] - sent

    def expect_tour_stop(self, number, total, line):
        """Since the last console command, the editor was told the program stopped, at `line`,
        and the console shows stop `number`."""
        mark = self.mark
        stopped = self.dap.event("stopped", timeout=60, since=mark)
        self.assertEqual(stopped["body"]["reason"], "breakpoint", self.dap.transcript(mark))
        frames = self.dap.request("stackTrace", {"threadId": stopped["body"]["threadId"],
                                                 "startFrame": 0, "levels": 1})["body"]["stackFrames"]
        self.assertTrue(frames, "no frame at stop %d:\n%s" % (number, self.dap.transcript(mark)))
        self.assertEqual(os.path.basename(frames[0]["source"]["path"]), os.path.basename(TOY_SOURCE))
        self.assertEqual(frames[0]["line"], line, "stop %d highlighted the wrong line" % number)
        header = "== %d/%d " % (number, total)
        self.dap.wait_until(lambda: header in self.dap.console(mark), 30, "console text of stop %d" % number)
        text = self.dap.console(mark)
        self.assertIn("toy.c:%d\n" % line, text)
        return text

    def test_stopped_event_at_every_stop_and_terminated_at_the_end(self):
        self.start(["1000"])
        lines = [line_of(TOY_SOURCE, "float total = 0.0f;"), line_of(TOY_SOURCE, "float sum = 0.0f;"),
                 line_of(TOY_SOURCE, "total += loss;"), line_of(TOY_SOURCE, 'printf("mode')]
        first = len(self.dap.messages)

        reply, seconds = self.console_command("tour start --trust " + TOY_TOUR)
        self.assertIn("4 stops, 4 resolved", reply)
        self.assertIn("The program runs to stop 1/4", reply)
        self.assertLess(seconds, PROMPT_SECONDS, "tour start waited for the program")
        self.expect_tour_stop(1, 4, lines[0])

        reply, seconds = self.console_command("tour next")
        self.assertIn("The program runs to stop 2/4", reply)
        self.assertLess(seconds, PROMPT_SECONDS)
        # Stop 2 is the third call of loss_of; stop 3, later in the same loop, must not come first.
        text = self.expect_tour_stop(2, 4, lines[1])
        self.assertIn("b->size = 4", text)
        self.assertIn("inputs  = size=4 float32 min=2 max=3.5", text)

        self.console_command("tour next")
        text = self.expect_tour_stop(3, 4, lines[2])
        self.assertIn("step  = 2\n", text)
        self.assertIn("loss  = 2.75\n", text)

        self.console_command("tour next")
        text = self.expect_tour_stop(4, 4, lines[3])
        self.assertIn("total = 500250\n", text)

        reply, _ = self.console_command("tour next")
        mark = self.mark
        self.assertIn("That was the last stop", reply)
        exited = self.dap.event("exited", timeout=60, since=mark)
        self.assertEqual(exited["body"]["exitCode"], 0)
        self.dap.event("terminated", timeout=30, since=mark)
        self.assertIn("The program exited with status 0.", self.dap.console(mark))
        self.assertIn("4 of 4 stops reached", self.dap.console(mark))

        # One `stopped` event per tour stop, and none anywhere else.
        stops = [m for m in self.dap.messages[first:] if m.get("event") == "stopped"]
        self.assertEqual(len(stops), 4, self.dap.transcript(first))

    def test_pause_interrupts_a_long_tour_next(self):
        # Two billion steps: tens of seconds from the first stop to the second.
        self.start(["2000000000"])
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as tour:
            json.dump({"version": 1, "title": "A long run, for pause",
                       "program": {"path": TOY_EXE, "args": ["2000000000"]},
                       "stops": [
                           {"id": "setup", "stage": "setup", "title": "Before the long loop",
                            "anchor": {"function": "main", "pattern": "float total = 0.0f;"}},
                           {"id": "report", "stage": "metrics", "title": "After the long loop",
                            "anchor": {"function": "main", "pattern": "printf("}}]}, tour)
        self.addCleanup(os.unlink, tour.name)
        self.console_command("tour start --trust " + tour.name)
        self.expect_tour_stop(1, 2, line_of(TOY_SOURCE, "float total = 0.0f;"))

        reply, seconds = self.console_command("tour next")
        self.assertIn("The program runs to stop 2/2", reply)
        self.assertLess(seconds, PROMPT_SECONDS)
        # While it runs, the console answers at once, and says why the tour cannot go on.
        reply, seconds = self.console_command("tour next")
        self.assertIn("running to stop 2/2 'report'", reply)
        self.assertLess(seconds, PROMPT_SECONDS)

        time.sleep(1.0)
        mark = len(self.dap.messages)
        seq, sent = self.dap.send("pause", {"threadId": 0})
        self.dap.response(seq, timeout=PROMPT_SECONDS)
        stopped = self.dap.event("stopped", timeout=30, since=mark)
        latency = stopped["_arrived"] - sent
        print("pause: stopped event %.3f s after the request" % latency)
        # lldb-vscode reports the SIGSTOP it interrupts with as "exception"; lldb-dap as "pause".
        self.assertIn(stopped["body"]["reason"], ("pause", "exception", "signal"), json.dumps(stopped))
        self.assertNotEqual(stopped["body"]["reason"], "breakpoint")
        self.assertLess(latency, PROMPT_SECONDS)
        self.dap.wait_until(lambda: "before reaching stop 2/2" in self.dap.console(mark), 30,
                            "the tour's note on the pause")
        reply, _ = self.console_command("tour status")
        self.assertIn("Current stop: none", reply)
        self.assertIn("Process: stopped", reply)

    def test_tour_start_again_keeps_the_debug_session(self):
        # In a terminal `tour start` again restarts the program; in an editor the session would
        # end with it, so the tour says how to start again and the program stays where it is.
        self.start(["1000"])
        self.console_command("tour start --trust " + TOY_TOUR)
        self.expect_tour_stop(1, 4, line_of(TOY_SOURCE, "float total = 0.0f;"))
        reply, _ = self.console_command("tour start --trust " + TOY_TOUR)
        self.assertIn("restart the debug session", reply)
        self.assertFalse([m for m in self.dap.messages[self.mark:] if m.get("event") in ("exited", "terminated")])
        reply, _ = self.console_command("tour status")
        self.assertIn("Current stop: 1/4", reply)
        self.console_command("tour next")
        self.expect_tour_stop(2, 4, line_of(TOY_SOURCE, "float sum = 0.0f;"))

    def test_without_stop_commands_the_next_tour_command_shows_the_stop(self):
        self.start(["1000"], stop_commands=False)
        reply, _ = self.console_command("tour start --trust " + TOY_TOUR)
        self.assertIn("'tour sync'", reply)  # the hint: how to see each stop's text
        stopped = self.dap.event("stopped", timeout=60, since=self.mark)
        self.assertEqual(stopped["body"]["reason"], "breakpoint")
        reply, _ = self.console_command("tour show")
        self.assertIn("== 1/4 setup", reply)
        reply, _ = self.console_command("tour status")
        self.assertIn("Current stop: 1/4", reply)


if __name__ == "__main__":
    for name, value in (("TG_PLUGIN", PLUGIN), ("TG_TOY_EXE", TOY_EXE), ("TG_TOY_TOUR", TOY_TOUR)):
        if not value:
            sys.exit("set %s" % name)
    unittest.main(verbosity=2)
