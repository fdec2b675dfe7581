// The recording commands (`tour new`, `add`, `edit`, `remove`, `move`, `save`) in an in-process
// LLDB on the toy program: each misuse with its exact message (and LLDB still usable), what
// each change writes (at once, in the writer's layout), `hit` counted from the breakpoint the
// program is stopped at, recording into the tour being played (after its current stop, and
// an edit shown at once by `tour show`), $EDITOR failing, text files that are not regular or
// too large, and a hand-broken file never overwritten. The end-to-end session in the lldb
// executable is record/test_record_session.py.
#include "LldbSession.h"
#include "TourTestSupport.h"
#include "tourguide/tours/TourFile.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

using namespace tourguide::testing;
namespace fs = std::filesystem;

namespace {

const std::string kNothing = "no tour is being recorded or played: start one with 'tour new FILE' (or play one "
                             "with 'tour start FILE' to change it as it plays)";

std::string readFile(const fs::path &path) {
  std::ifstream in(path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

class Recording : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_TRUE(lldb.pluginLoaded()) << lldb.loadError();
    ::unsetenv("VISUAL");
    ::unsetenv("EDITOR");
    dir = fs::temp_directory_path() / ("tg-record-" + std::to_string(::getpid()) + "-" +
                                       ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir);
    fs::create_directories(dir / ".tours");
    tour = (dir / ".tours" / "rec.json").string();
  }
  void TearDown() override {
    ::unsetenv("EDITOR");
    fs::remove_all(dir);
  }
  /// The toy, stopped at the first call of loss_of (arguments: 10 steps).
  void stopInLoss() {
    ASSERT_TRUE(lldb.run(std::string("target create ") + TG_TOY_EXE).ok);
    ASSERT_TRUE(lldb.run("breakpoint set -n loss_of").ok);
    ASSERT_TRUE(lldb.runAndWait("process launch -- 10").ok);
  }
  Reply fails(const std::string &command) {
    Reply r = lldb.run(command);
    EXPECT_FALSE(r.ok) << command << " unexpectedly succeeded:\n" << r.all();
    EXPECT_TRUE(lldb.run("version").ok);
    return r;
  }
  Reply works(const std::string &command) {
    Reply r = lldb.run(command);
    EXPECT_TRUE(r.ok) << command << ":\n" << r.all();
    return r;
  }
  tourguide::tours::Tour saved() {
    tourguide::tours::LoadResult r = tourguide::tours::loadTourFile(tour);
    EXPECT_TRUE(r.ok()) << tourguide::tours::formatAll(r.diagnostics);
    return r.ok() ? *r.tour : tourguide::tours::Tour();
  }

  LldbSession lldb;
  fs::path dir;
  std::string tour;
};

TEST_F(Recording, WithoutARecordingOrATarget) {
  for (const char *cmd : {"tour edit 1 --title x", "tour remove 1", "tour move 1 2", "tour save"})
    EXPECT_EQ(fails(cmd).err, kNothing) << cmd;
  EXPECT_EQ(fails("tour new " + tour).err, "no target is selected: a tour records the program it runs, so create "
                                           "the target first ('target create PROGRAM', or 'lldb PROGRAM')");
  EXPECT_EQ(fails("tour add").err, "no target is selected: create one ('target create PROGRAM'), run it to the line "
                                   "the stop should show, then type the command again");
  ASSERT_TRUE(lldb.run(std::string("target create ") + TG_TOY_EXE).ok);
  EXPECT_EQ(fails("tour add").err, "the program is not stopped: run it to the line the stop should show (a "
                                   "breakpoint, 'next', 'step'), then type the command again");
  EXPECT_FALSE(fs::exists(tour));
}

TEST_F(Recording, ArgumentsAreCheckedFirst) {
  const std::string add = "Syntax: tour add [--stage S] [--title T] [--id ID] [--hit N] [--watch a,b] [--text T | "
                          "--text-file F]";
  EXPECT_EQ(fails("tour new").err, "'tour new' needs the tour file to write. Syntax: tour new [--title TITLE] "
                                   "[--continue] FILE");
  EXPECT_EQ(fails("tour add here").err,
            "'tour add' takes options only, not 'here': the stop is where the program is stopped. " + add);
  EXPECT_EQ(fails("tour add --colour red").err, "unknown option '--colour' for 'tour add'. " + add);
  EXPECT_EQ(fails("tour add --title").err, "'--title' needs a value. " + add);
  EXPECT_EQ(fails("tour add --hit 0").err, "'--hit' needs a whole number from 1 to 4294967295, got '0'");
  EXPECT_EQ(fails("tour add --text a --text-file b").err, "'--text' and '--text-file' both give the text: use one");
  EXPECT_EQ(fails("tour add --text-file /nonexistent/t.md").err,
            "cannot read the text file '/nonexistent/t.md': No such file or directory");
  EXPECT_EQ(fails("tour add --stage Data").err,
            "'Data' is not a stage name: a lowercase letter, then lowercase letters, digits, '-' or '_' (tourguide "
            "knows data, loop, model, loss, optimizer, metrics, setup, checkpoint)");
  EXPECT_EQ(fails("tour add --id Bad!").err,
            "'Bad!' is not a stop id: lowercase letters, digits, '-', '_' and '.', starting with a letter or digit");
  EXPECT_EQ(fails("tour move 1").err, "'tour move' needs the stop and its new position. Syntax: tour move ID|N POSITION");
  EXPECT_EQ(fails("tour remove").err,
            "'tour remove' needs the stop to remove (its id or number). Syntax: tour remove ID|N");
  EXPECT_EQ(fails("tour edit").err, "'tour edit' needs the stop to change (its id or number). Syntax: tour edit ID|N "
                                    "[--here] [--stage S] [--title T] [--id NEW] [--hit N] [--watch a,b] [--text T "
                                    "| --text-file F]");
  EXPECT_EQ(fails("tour edit 1").err, "nothing to change: give what to change (--title, --stage, --text, --text-file, "
                                      "--watch, --hit, --id, --here), or set EDITOR to edit the text");
}

TEST_F(Recording, EachChangeIsWrittenAtOnce) {
  stopInLoss();
  Reply r = works("tour new " + tour + " --title \"The toy, recorded\"");
  EXPECT_NE(r.out.find("Recording a new tour 'The toy, recorded' into " + tour), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Note: the program " + std::string(TG_TOY_EXE) + " is outside the repo root"),
            std::string::npos)
      << r.out;
  EXPECT_FALSE(fs::exists(tour)) << "a tour with no stop is not a valid file: it is written with the first stop";
  EXPECT_EQ(fails("tour save").err, "nothing to save yet: the tour 'The toy, recorded' has no stop; 'tour add' "
                                    "records one at the line the program is stopped at");
  EXPECT_EQ(fails("tour add --watch nosuch").err.rfind("'nosuch' cannot be read here: ", 0), 0u);
  EXPECT_FALSE(fs::exists(tour));

  r = works("tour add --watch \"b->size, b->x[0]\" --text \"The first call.\"");
  EXPECT_NE(r.out.find("Added stop 1/1 'loss-of' [loss]: loss_of: float sum = 0.0f;"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("by function + pattern 'float sum = 0.0f;' (it resolves back to this line)"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Written to " + tour + " (1 stop)."), std::string::npos) << r.out;
  tourguide::tours::Tour t = saved();
  ASSERT_EQ(t.stops.size(), 1u);
  EXPECT_EQ(t.stops[0].anchor.function, "loss_of");
  EXPECT_EQ(t.stops[0].anchor.pattern, "float sum = 0.0f;");
  EXPECT_EQ(t.stops[0].anchor.line, 20u);
  EXPECT_EQ(t.stops[0].hit, 1u);
  EXPECT_EQ(t.stops[0].text, "The first call.");
  EXPECT_EQ(readFile(tour), tourguide::tours::writeTour(t)) << "not in the writer's layout";

  // Two more passes through loss_of: the next stop there is its 2nd pass after the first stop.
  ASSERT_TRUE(lldb.runAndWait("continue").ok);
  ASSERT_TRUE(lldb.runAndWait("continue").ok);
  r = works("tour add --id third-call --stage loop --title \"The third call\"");
  EXPECT_NE(r.out.find("  hit 2\n"), std::string::npos) << r.out;
  EXPECT_EQ(fails("tour add --id third-call").err.rfind("a stop 'third-call' already exists in " + tour, 0), 0u);
  ASSERT_TRUE(lldb.run("frame select 1").ok);
  r = works("tour add --id caller --title \"In main\"");
  EXPECT_NE(r.out.find("note: hit 1: the selected frame is a caller (frame #1)"), std::string::npos) << r.out;
  t = saved();
  ASSERT_EQ(t.stops.size(), 3u);
  EXPECT_EQ(t.stops[1].hit, 2u);
  EXPECT_EQ(t.stops[2].anchor.function, "main");
  EXPECT_EQ(t.stops[2].anchor.pattern, "float loss = loss_of(&batch);");

  r = works("tour move caller 1");
  EXPECT_NE(r.out.find("Moved stop 'caller' from 3 to 1: 1 caller, 2 loss-of, 3 third-call."), std::string::npos)
      << r.out;
  r = works("tour edit loss-of --title \"Renamed\" --id first-call --hit 1");
  EXPECT_NE(r.out.find("Changed stop 2/3 'first-call': id (was 'loss-of'), title, hit."), std::string::npos) << r.out;
  EXPECT_EQ(fails("tour edit 2 --id caller").err, "a stop 'caller' already exists in " + tour);
  r = works("tour remove caller");
  EXPECT_NE(r.out.find("Removed stop 1 'caller' (In main)."), std::string::npos) << r.out;
  t = saved();
  ASSERT_EQ(t.stops.size(), 2u);
  EXPECT_EQ(t.stops[0].id, "first-call");
  EXPECT_EQ(t.stops[0].title, "Renamed");

  r = works("tour save");
  EXPECT_NE(r.out.find("Saved " + tour + ": 2 stops"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Every stop resolves in " + std::string(TG_TOY_EXE) + "."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("The recording is closed"), std::string::npos) << r.out;
  EXPECT_EQ(fails("tour remove 1").err, kNothing);
  EXPECT_EQ(fails("tour new " + tour).err.rfind("'" + tour + "' already exists: 'tour new --continue ", 0), 0u);
  r = works("tour new --continue " + tour);
  EXPECT_NE(r.out.find("Recording into " + tour + " ('The toy, recorded', 2 stops)"), std::string::npos) << r.out;
  works("tour remove third-call");
  EXPECT_EQ(saved().stops.size(), 1u);
}

TEST_F(Recording, TextFilesAreReadOnlyWhenRegularAndSmall) {
  // Through the one bounded reader (tours::readBoundedRegularFile): a FIFO nobody writes to is
  // refused at once instead of hanging the debugger, a huge file is never read whole.
  stopInLoss();
  works("tour new " + tour);
  fs::path fifo = dir / "notes.fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(fails("tour add --text-file " + fifo.string()).err,
            "cannot read the text file '" + fifo.string() + "': it is a FIFO (named pipe), not a regular file");
  fs::path big = dir / "big.md";
  std::ofstream(big) << std::string((1u << 20) + 1, 'x');
  EXPECT_EQ(fails("tour add --text-file " + big.string()).err,
            "cannot read the text file '" + big.string() +
                "': it is larger than 1 MiB; a stop's text is a few paragraphs");
  EXPECT_FALSE(fs::exists(tour));
  fs::path notes = dir / "notes.md";
  std::ofstream(notes) << "From a file.\n\n";
  works("tour add --text-file " + notes.string());
  EXPECT_EQ(saved().stops.at(0).text, "From a file.");
}

TEST_F(Recording, AHandBrokenFileIsNeverOverwritten) {
  stopInLoss();
  works("tour new " + tour);
  works("tour add --text one");
  { std::ofstream(tour) << "{ \"version\": 1, \"title\": "; }
  Reply r = fails("tour add --id two");
  EXPECT_EQ(r.err.rfind("cannot change '" + tour + "': it does not load (fix it first; nothing was written):\n", 0),
            0u)
      << r.err;
  EXPECT_EQ(readFile(tour), "{ \"version\": 1, \"title\": ");
}

TEST_F(Recording, TheEditorWritesTheTextOrChangesNothing) {
  stopInLoss();
  works("tour new " + tour);
  works("tour add --text \"Before.\"");
  ::setenv("EDITOR", "false", 1);
  EXPECT_EQ(fails("tour edit 1").err, "the editor 'false' exited with status 1; nothing was changed");
  EXPECT_EQ(saved().stops.at(0).text, "Before.");
  // An editor that writes a new first line above the cut line.
  fs::path script = dir / "editor.sh";
  {
    std::ofstream out(script);
    out << "#!/bin/sh\ncp \"$1\" \"" << (dir / "seen.md").string() << "\"\n"
        << "{ echo 'After, from the editor.'; sed -n '/^<!-- -\\{24\\} >8/,$p' \"$1\"; } > \"$1.new\" && mv \"$1.new\" \"$1\"\n";
  }
  fs::permissions(script, fs::perms::owner_all);
  ::setenv("EDITOR", script.c_str(), 1);
  Reply r = works("tour edit 1");
  EXPECT_NE(r.out.find("Changed stop 1/1 'loss-of': text."), std::string::npos) << r.out;
  EXPECT_EQ(saved().stops.at(0).text, "After, from the editor.");
  std::string seen = readFile(dir / "seen.md");
  EXPECT_EQ(seen.rfind("Before.\n", 0), 0u) << seen;
  EXPECT_NE(seen.find("> 20 | "), std::string::npos) << seen;
  EXPECT_NE(seen.find("  b = "), std::string::npos) << seen; // the frame's variables, read now
  r = works("tour edit 1");
  EXPECT_NE(r.out.find("is unchanged; nothing was written"), std::string::npos) << r.out;
}

TEST_F(Recording, IntoTheTourBeingPlayed) {
  // A copy of the toy tour, played with the toy selected (its program.path is not used).
  std::string played = (dir / ".tours" / "toy.json").string();
  fs::copy_file(TG_TOY_TOUR, played);
  ASSERT_TRUE(lldb.run(std::string("target create ") + TG_TOY_EXE).ok);
  Reply r = lldb.run("tour start " + played);
  ASSERT_TRUE(r.ok) << r.all();
  ASSERT_TRUE(showsStop(r.out, "1/4", "The number of steps comes from the command line", 29));

  r = works("tour edit setup --title \"Steps come from argv\" --text \"Edited while playing.\"");
  EXPECT_NE(r.out.find("The tour being played shows the change now ('tour show')."), std::string::npos) << r.out;
  r = works("tour show");
  EXPECT_NE(r.out.find("Steps come from argv"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Edited while playing."), std::string::npos) << r.out;

  r = works("tour add --id after-setup --title \"Right after setup\" --watch argc");
  EXPECT_NE(r.out.find("Added stop 2/5 'after-setup'"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("The tour being played gets the new stop at the next 'tour start'."), std::string::npos)
      << r.out;
  tourguide::tours::LoadResult back = tourguide::tours::loadTourFile(played);
  ASSERT_TRUE(back.ok()) << tourguide::tours::formatAll(back.diagnostics);
  ASSERT_EQ(back.tour->stops.size(), 5u);
  EXPECT_EQ(back.tour->stops[1].id, "after-setup");
  EXPECT_EQ(back.tour->stops[0].title, "Steps come from argv");
  // The anchor file is outside this temporary repo: the tour would need --trust, and save says so.
  r = works("tour save");
  EXPECT_NE(r.out.find("Every stop resolves in "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("'tour start' asks for --trust"), std::string::npos) << r.out;
  r = works("tour next"); // the played tour goes on as it was loaded
  EXPECT_TRUE(showsStop(r.out, "2/4", "The loss averages the batch", 20)) << r.out;
}

TEST_F(Recording, HelpTextsHaveASyntaxLineAndTourNIsStillNext) {
  for (const char *sub : {"new", "add", "edit", "remove", "move", "save"}) {
    Reply r = lldb.run(std::string("help tour ") + sub);
    ASSERT_TRUE(r.ok) << sub << ": " << r.all();
    EXPECT_NE(r.out.find("Syntax: tour " + std::string(sub)), std::string::npos) << r.out;
  }
  EXPECT_EQ(fails("tour n").err, "no tour is active: start one with 'tour start FILE'");
}

} // namespace
