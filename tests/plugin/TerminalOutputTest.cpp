// Every output path of the `tour` command with a tour whose strings and program sources hold
// terminal escapes (OSC 52 clipboard writes, screen clears, C1 controls in UTF-8, BEL):
// start, next, show, list, status, check, plot, the end summary, end and error messages all
// show them as '?', and nothing but SGR colours ever reaches the terminal (docs/security.md).
#include "LldbSession.h"
#include "TourTestSupport.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace tourguide::testing;
namespace fs = std::filesystem;

namespace {

/// "" when `text` can drive no terminal: no C0 control but newline and tab, no C1 control
/// (raw or UTF-8), and every ESC starts an SGR colour sequence. Else what is wrong.
std::string inertProblem(const std::string &text) {
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == 0x1b) {
      size_t end = i + 1;
      if (end < text.size() && text[end] == '[') {
        ++end;
        while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == ';'))
          ++end;
        if (end < text.size() && text[end] == 'm') {
          i = end;
          continue;
        }
      }
      return "an escape sequence at byte " + std::to_string(i) + ": " + text.substr(i, 12);
    }
    if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
      return "control byte " + std::to_string(c) + " at byte " + std::to_string(i);
    if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[i + 1]) <= 0x9f)
      return "a UTF-8 C1 control at byte " + std::to_string(i);
  }
  return "";
}

#define EXPECT_INERT(reply)                                                                        \
  do {                                                                                             \
    Reply r_ = (reply);                                                                            \
    EXPECT_EQ(inertProblem(r_.out), "") << r_.out;                                                 \
    EXPECT_EQ(inertProblem(r_.err), "") << r_.err;                                                 \
  } while (0)

class TerminalOutput : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_TRUE(lldb.pluginLoaded()) << lldb.loadError();
    ASSERT_TRUE(lldb.run(std::string("target create ") + TG_TOY_EXE).ok);
    dir = fs::temp_directory_path() / ("tg-terminal-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    tour = (dir / "escapes.json").string();
    // JSON escapes: \u001b ESC, \u0007 BEL, \u009b CSI and \u009d OSC (as UTF-8 C1 controls).
    std::ofstream(tour) << R"({
  "version": 1,
  "title": "T \u001b]52;c;SGVsbG8=\u0007 \u009b2J title",
  "description": "D \u001b[2J\u001b[H \u009d0;x\u0007 description",
  "program": { "path": "build/toy", "args": ["3"] },
  "collect": [{ "name": "loss", "expr": "loss", "label": "L \u001b]52;c;eA==\u0007\u009b31m label",
                "anchor": { "function": "main", "pattern": "total += loss;" } }],
  "stops": [
    { "id": "a", "stage": "loop", "title": "A \u001b[2J\u009b1;1H stop",
      "text": "X \u001b]0;owned\u0007 text",
      "anchor": { "function": "main", "pattern": "total += loss;" }, "hit": 3,
      "watch": [{ "expr": "step", "label": "s \u001b[5m\u009b" }] },
    { "id": "b", "stage": "metrics", "title": "B \u001b]8;;http://x\u0007 stop",
      "anchor": { "function": "main", "pattern": "printf(\"mode" }, "plot": ["loss"] }
  ]
})";
  }
  void TearDown() override { fs::remove_all(dir); }
  LldbSession lldb;
  fs::path dir;
  std::string tour;
};

TEST_F(TerminalOutput, EveryCommandShowsTheToursEscapesAsText) {
  Reply r = lldb.run("tour start " + tour);
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_INERT(r);
  EXPECT_NE(r.out.find("Tour: T ?]52;c;SGVsbG8=? ?2J title\n"), std::string::npos) << r.out; // start
  EXPECT_NE(r.out.find("?[2J?[H ?0;x? description"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("A ?[2J?1;1H stop"), std::string::npos) << r.out;                       // stop title
  EXPECT_NE(r.out.find("X ?]0;owned? text"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(B ?]8;;http://x? stop)"), std::string::npos) << r.out;                // next hint

  for (const char *command : {"tour show", "tour list", "tour status"}) {
    r = lldb.run(command);
    EXPECT_TRUE(r.ok) << command << "\n" << r.all();
    EXPECT_INERT(r);
    EXPECT_NE(r.out.find("?"), std::string::npos) << command << "\n" << r.out;
  }
  EXPECT_NE(lldb.run("tour list").out.find("Tour: T ?]52;c;SGVsbG8=? ?2J title (2 stops)"), std::string::npos);
  EXPECT_NE(lldb.run("tour status").out.find("A ?[2J?1;1H stop"), std::string::npos);

  EXPECT_INERT(lldb.run("tour check")); // names the stops by id when they resolve

  r = lldb.run("tour plot loss");
  EXPECT_INERT(r); // the collect label is the chart's title
  EXPECT_NE(r.all().find("?]52;c;eA==??31m"), std::string::npos) << r.all();

  r = lldb.run("tour next"); // stop b: draws the plot
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_INERT(r);
  r = lldb.run("tour next"); // the end summary
  EXPECT_INERT(r);
  EXPECT_NE(r.all().find("Tour 'T ?]52;c;SGVsbG8=? ?2J title'"), std::string::npos) << r.all();

  EXPECT_INERT(lldb.run("tour goto \x1b]52;c;eA==\x07")); // the user's own argument in an error
  r = lldb.run("tour end");
  EXPECT_INERT(r);
  EXPECT_NE(r.all().find("T ?]52;c;SGVsbG8=? ?2J title"), std::string::npos) << r.all();
}

TEST_F(TerminalOutput, TheReposSourceLinesInTheExcerptAreShownAsText) {
  // A source line holding escapes (a stranger's file, named by a `#line` directive, shown
  // with --trust): its ESC, BEL and C1 bytes are shown as '?'.
  const std::string secret = "/tmp/tourguide-line-directive-secret.txt";
  std::ofstream(secret) << "one\ntwo \x1b]52;c;SGVsbG8=\x07\nthree \xc2\x9b" "2J\x1b[2J\nfour\n";
  LldbSession other;
  ASSERT_TRUE(other.run(std::string("target create ") + TG_LINE_DIRECTIVE_EXE).ok);
  std::ofstream(dir / "line.json") << R"({"version": 1, "title": "L", "program": {"path": "build/line_directive"},
    "stops": [{"id": "a", "stage": "setup", "title": "A", "anchor": {"function": "main"}}]})";
  Reply r = other.run("tour start --trust " + (dir / "line.json").string());
  ASSERT_TRUE(r.ok) << r.all();
  EXPECT_INERT(r);
  EXPECT_NE(r.out.find("  2 | two ?]52;c;SGVsbG8=?\n> 3 | three ?2J?[2J\n"), std::string::npos) << r.out;
  std::remove(secret.c_str());
}

} // namespace
