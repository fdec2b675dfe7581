"""A CodeTour tour of a C++ header, end to end: codetour/sock/.tours/declarations.tour.

Real tours of C++ repos point at declarations in headers (cs144's util/socket.hh and
util/file_descriptor.hh: members declared in the class and defined in the .cc, a member template
defined after its first use, overloads, deleted copies, a `template<typename T>` line, a doc
comment). A debugger cannot stop on a declaration; the import makes each such step a stop at the
entry of the function it declares. codetour/sock is a small program written for this test with
those features, and declarations.tour a CodeTour file written for it. The copy is built on its
own (cmake, with compile_commands.json). Then:

- `tourguide import codetour -p build` says what each declaration became; the member template's
  declaration is not taken for the signature of the function around it (the checker's index once
  put Sock::option at the declaration in the class, through to its body in sock.cc);
- the tour passes `tourguide validate` and `tourguide check`, and plays in the lldb executable:
  every stop but the deleted copy constructor's is reached;
- `tourguide export codetour` writes a file CodeTour can open, the declaration steps at the
  definitions' lines.

Configuration (environment): TG_LLDB, TG_PLUGIN, TG_TOURGUIDE, TG_CMAKE, TG_SOCK, TG_WORK.
"""

import json
import os
import shutil
import sys
import unittest

from test_codetour_cli import conforms_to_codetour_schema, run

LLDB = os.environ.get("TG_LLDB", "lldb-14")
PLUGIN = os.environ.get("TG_PLUGIN", "")
TOURGUIDE = os.environ.get("TG_TOURGUIDE", "")
CMAKE = os.environ.get("TG_CMAKE", "cmake")
SOCK = os.environ.get("TG_SOCK", "")
WORK = os.environ.get("TG_WORK", "/tmp/tourguide-codetour-declarations")

REPO = os.path.join(WORK, "sock")
BUILD = os.path.join(REPO, "build")
CODETOUR = os.path.join(REPO, ".tours", "declarations.tour")
TOUR = os.path.join(REPO, ".tours", "declarations.json")

# The stops the import makes, in order: the anchor, and where the export puts the step.
EXPECTED = [
    ({"function": "Sock::Sock", "file": "sock.cc"}, ("sock.cc", 5)),
    ({"file": "sock.hh", "pattern": "Sock( const Sock& other ) = delete;", "line": 12}, ("sock.hh", 12)),
    ({"function": "Sock::bind", "file": "sock.cc"}, ("sock.cc", 8)),
    ({"function": "Sock::option", "file": "sock.cc"}, ("sock.cc", 26)),
    ({"function": "Sock::option", "file": "sock.cc", "pattern": "value = level + fd();", "line": 27}, ("sock.cc", 27)),
    ({"function": "Sock::send", "file": "sock.cc", "pattern": "sent_ += static_cast<int>( payload.size() );", "line": 16},
     ("sock.cc", 16)),
    ({"function": "Sock::send", "file": "sock.cc", "pattern": "sent_ += value;", "line": 21}, ("sock.cc", 21)),
]


class CodeTourOfAHeader(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        shutil.rmtree(WORK, ignore_errors=True)
        os.makedirs(WORK)
        shutil.copytree(SOCK, REPO, ignore=shutil.ignore_patterns("build"))
        for argv in ([CMAKE, "-S", REPO, "-B", BUILD, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Debug"],
                     [CMAKE, "--build", BUILD]):
            code, out = run(argv)
            assert code == 0, out
        cls.code, cls.out = run([TOURGUIDE, "import", "codetour", "-p", "build", "--program", "build/sock",
                                 ".tours/declarations.tour"], cwd=REPO)
        with open(TOUR, encoding="utf-8") as f:
            cls.tour = json.load(f)

    def test_import_says_what_each_declaration_became(self):
        self.assertEqual(self.code, 0, self.out)
        for text in [
            "note: step 1 (sock.hh:10): line 10 declares 'Sock::Sock', defined at sock.cc:5: the stop is at its entry",
            "note: step 2 (sock.hh:12): line 12 declares 'Sock::Sock', which is deleted: no code of it runs, so a run "
            "never reaches this stop",
            "note: step 3 (sock.hh:15): line 15 declares 'Sock::bind', defined at sock.cc:8: the stop is at its entry",
            "note: step 4 (sock.hh:24): line 24 declares 'Sock::option', defined at sock.cc:26: the stop is at its entry",
            "note: step 6 (sock.hh:18): line 18 declares 'Sock::send', defined at sock.cc:15: the stop is at its entry",
            "note: step 7 (sock.hh:19): line 19 declares 'Sock::send', defined at sock.cc:20: the stop is at its entry",
        ]:
            self.assertIn(text, self.out)
        self.assertNotIn("is the signature of", self.out)

    def test_imported_tour_is_anchored_and_valid(self):
        self.assertEqual([s["anchor"] for s in self.tour["stops"]], [anchor for anchor, _ in EXPECTED])
        code, out = run([TOURGUIDE, "validate", TOUR])
        self.assertEqual(code, 0, out)
        code, out = run([TOURGUIDE, "check", "-p", BUILD, TOUR])
        self.assertEqual(code, 0, out)
        self.assertIn("checked 7 stops in 1 tour: 0 errors", out)

    def test_plays_in_lldb_to_every_stop_but_the_deleted_one(self):
        script = os.path.join(WORK, "play.lldb")
        with open(script, "w", encoding="utf-8") as f:
            f.write("\n".join(["plugin load " + PLUGIN, "tour start " + TOUR] + ["tour next"] * 7) + "\n")
        code, out = run([LLDB, "--no-lldbinit", "--batch", "-s", script, os.path.join(BUILD, "sock")], cwd=REPO,
                        timeout=600)
        self.assertIn("7 stops, 6 resolved.", out)
        shown = [int(line.split("/")[0][3:]) for line in out.splitlines() if line.startswith("== ")]
        self.assertEqual(shown, [1, 3, 4, 5, 6, 7], out)
        self.assertIn("6 of 7 stops reached.", out)

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
        self.assertEqual([(s["file"], s["line"]) for s in doc["steps"]], [place for _, place in EXPECTED])
        self.assertEqual([s["description"] for s in doc["steps"]], [s["description"] for s in original["steps"]])


if __name__ == "__main__":
    for name in ("TG_PLUGIN", "TG_TOURGUIDE", "TG_SOCK"):
        if not os.environ.get(name):
            sys.exit("set %s (CTest does)" % name)
    unittest.main(verbosity=2)
