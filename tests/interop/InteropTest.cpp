// CodeTour import and export and the walkthrough in Markdown and HTML (interop/) on a small repo written to
// a temporary folder: every kind of CodeTour step and what it becomes, every key that is dropped
// (and that nothing is run), the errors of files that are not CodeTour tours, the exported
// steps and links, and a tour taken to CodeTour and back.
#include "tourguide/interop/CodeTour.h"
#include "tourguide/interop/Declarations.h"
#include "tourguide/interop/DiskSourceView.h"
#include "tourguide/interop/Walkthrough.h"
#include "tourguide/tours/TourFile.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include <unistd.h>

namespace tourguide::interop {
namespace {

namespace fs = std::filesystem;

const char *const kTrainC = R"(/* train.c - a toy loop */
#include <stdio.h>

static float loss_of(const float *x, int n)
{
    float sum = 0.0f;
    for (int i = 0; i < n; ++i)
        sum += x[i] * x[i];
    return sum / (float)n;
}

int main(void)
{
    float x[4] = {1, 2, 3, 4};
    float loss = loss_of(x, 4);   // the loss of the batch
    printf("loss %f `code`\n", loss);
    return 0;
}
)";

class Interop : public ::testing::Test {
protected:
  void SetUp() override {
    root = fs::temp_directory_path() /
           ("tg-interop-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root);
    fs::create_directories(root / "src");
    fs::create_directories(root / ".tours");
    std::ofstream(root / "src" / "train.c") << kTrainC;
  }
  void TearDown() override { fs::remove_all(root); }

  /// A walkthrough written to docs/, with one line of context around each stop.
  WalkthroughOptions docsOptions() const {
    WalkthroughOptions options;
    options.outputFolder = (root / "docs").string();
    options.context = 1;
    return options;
  }

  /// The function around a line of train.c, as the checker's index would name it.
  EnclosingFunction enclosing() const {
    return [](const std::string &file, unsigned line) -> std::vector<std::string> {
      if (fs::path(file).filename() != "train.c")
        return {};
      if (line >= 4 && line <= 10)
        return {"loss_of"};
      if (line >= 12 && line <= 18)
        return {"main"};
      return {};
    };
  }
  CodeTourImport import(const std::string &codetour) {
    DiskSourceView view(root.string());
    return importCodeTour(codetour, (root / ".tours" / "t.tour").string(), (root / ".tours" / "t.json").string(), view,
                          enclosing(), {});
  }
  static bool hasNote(const std::vector<std::string> &notes, const std::string &text) {
    return std::any_of(notes.begin(), notes.end(), [&](const std::string &n) { return n == text; });
  }

  fs::path root;
};

TEST_F(Interop, EveryKindOfStepBecomesAStopOrASection) {
  CodeTourImport r = import(R"({
    "$schema": "https://aka.ms/codetour-schema",
    "title": "The toy loop",
    "description": "A tour written in VS Code.",
    "ref": "v1.0", "isPrimary": true, "nextTour": "Next", "stepMarker": "CT", "when": "isLinux",
    "steps": [
      { "title": "Welcome", "description": "Read this first." },
      { "directory": "src", "description": "The sources." },
      { "file": "src/train.c", "line": 15, "description": "### The loss\n\nOne call per batch." },
      { "file": "src/train.c", "pattern": "sum \\+= x\\[i\\]", "title": "Squares", "description": "Adds squares." },
      { "file": "src/train.c", "selection": { "start": { "line": 9, "character": 5 }, "end": { "line": 9, "character": 20 } },
        "description": "The mean." },
      { "file": "src/train.c", "line": 16, "title": "Printed", "description": ">> make run",
        "commands": ["workbench.action.terminal.new"], "view": "terminal", "when": "true", "icon": "x" },
      { "file": "src/train.c", "description": "The whole file." },
      { "uri": "https://example.com/loss", "description": "More about losses." }
    ]})");
  ASSERT_TRUE(r.tour) << (r.errors.empty() ? "" : r.errors[0]);
  const tours::Tour &t = *r.tour;
  EXPECT_EQ(t.title, "The toy loop");
  EXPECT_EQ(t.program.path, "PROGRAM");
  EXPECT_EQ(t.description, "A tour written in VS Code.\n\n## Welcome\n\nRead this first.\n\n## `src`\n\nThe folder "
                           "`src`.\n\nThe sources.\n\n## https://example.com/loss\n\n<https://example.com/loss>\n\nMore "
                           "about losses.");
  ASSERT_EQ(t.stops.size(), 5u);

  EXPECT_EQ(t.stops[0].id, "main");
  EXPECT_EQ(t.stops[0].title, "The loss");
  EXPECT_EQ(t.stops[0].text, "### The loss\n\nOne call per batch.");
  // The files on disk name no function: the anchor does not claim one it cannot confirm
  // (the next test gives the view the functions the checker's index knows).
  EXPECT_EQ(t.stops[0].anchor.function, "");
  EXPECT_EQ(t.stops[0].anchor.file, "src/train.c");
  EXPECT_EQ(t.stops[0].anchor.pattern, "float loss = loss_of(x, 4);");
  EXPECT_EQ(t.stops[0].anchor.line, 15u);
  EXPECT_EQ(t.stops[1].id, "squares");
  EXPECT_EQ(t.stops[1].anchor.line, 8u);
  EXPECT_EQ(t.stops[1].anchor.pattern, "sum += x[i] * x[i];");
  EXPECT_EQ(t.stops[1].stage, "loss");
  EXPECT_EQ(t.stops[2].anchor.line, 9u);   // the selection's start
  EXPECT_EQ(t.stops[3].id, "printed");
  EXPECT_EQ(t.stops[4].anchor.line, 1u);   // a file only: its first line
  EXPECT_EQ(t.stops[4].anchor.pattern, ""); // a comment: no code to match

  for (const char *note : {
           "'ref' (\"v1.0\") is dropped: tourguide's anchors follow the code, not a git ref",
           "'isPrimary' is dropped: it marks the tour VS Code offers first",
           "'nextTour' (\"Next\") is dropped: tourguide tours are not chained",
           "'stepMarker' (\"CT\") is dropped: tourguide does not look for markers in the code",
           "'when' (\"isLinux\") is dropped, never evaluated: it is JavaScript that decides whether VS Code shows the tour",
           "step 1 (text only) became a section of the tour's description, shown before the first stop",
           "step 2 (the directory 'src') became a section of the tour's description, shown before the first stop",
           "step 5: its selection is dropped; the stop is at line 9",
           "step 6: its 'commands' ('workbench.action.terminal.new') are dropped, never run: a tourguide tour cannot run "
           "commands",
           "step 6: 'view' (\"terminal\") is dropped: it focuses a VS Code view",
           "step 6: 'when' (\"true\") is dropped, never evaluated",
           "step 6: 'icon' is dropped: it has no place in a tourguide stop",
           "step 6: its '>> command' lines stay plain text: tourguide runs nothing from a tour's text",
           "step 7 names only the file src/train.c: the stop is at its first line",
           "step 8 (the URI 'https://example.com/loss') became a section of the tour's description, shown before the "
           "first stop",
       })
    EXPECT_TRUE(hasNote(r.notes, note)) << "missing note: " << note;
}

TEST_F(Interop, AnchorsNameTheEnclosingFunctionWhenTheViewKnowsIt) {
  // A view that knows the functions' bodies (as the checker's index does).
  class Known : public DiskSourceView {
  public:
    using DiskSourceView::DiskSourceView;
    std::vector<tours::FunctionBody> functionsNamed(const std::string &name) override {
      std::string file = repoRoot() + "/src/train.c";
      if (name == "loss_of")
        return {{"loss_of", file, 5, 10, 0}};
      if (name == "main")
        return {{"main", file, 13, 18, 1}};
      return {};
    }
  } view(root.string());
  CodeTourImport r = importCodeTour(R"({"title": "T", "steps": [
      { "file": "src/train.c", "line": 6, "description": "a" },
      { "file": "src/train.c", "line": 15, "description": "b" }]})",
                                    (root / ".tours" / "t.tour").string(), (root / ".tours" / "t.json").string(), view,
                                    enclosing());
  ASSERT_TRUE(r.tour);
  EXPECT_EQ(r.tour->stops[0].anchor.function, "loss_of");
  EXPECT_EQ(r.tour->stops[0].anchor.pattern, "float sum = 0.0f;");
  EXPECT_EQ(r.tour->stops[0].stage, "loss");
  EXPECT_EQ(r.tour->stops[1].anchor.function, "main");
  EXPECT_TRUE(hasNote(r.notes, "step 2 (src/train.c:15) became stop 'main' [loop], anchored by function + pattern in 'main'"))
      << r.notes.back();
}

TEST_F(Interop, FilesThatAreNotCodeTourToursAreRefused) {
  auto errorsOf = [&](const std::string &text) {
    CodeTourImport r = import(text);
    EXPECT_FALSE(r.tour);
    return r.errors.empty() ? std::string() : r.errors[0];
  };
  std::string path = (root / ".tours" / "t.tour").string();
  EXPECT_EQ(errorsOf("[1, 2]"), path + " is not a CodeTour tour: its top level is not a JSON object");
  EXPECT_EQ(errorsOf(R"({"steps": []})"), path + " is not a CodeTour tour: it has no \"title\"");
  EXPECT_EQ(errorsOf(R"({"title": "x"})"), path + " is not a CodeTour tour: it has no \"steps\" array");
  EXPECT_EQ(errorsOf(R"({"title": "x", "steps": [{"description": "only text"}]})"),
            path + " has no step with a file, and a tourguide tour needs at least one stop");
  EXPECT_EQ(errorsOf("{ \"title\": ").rfind(path + " is not JSON: ", 0), 0u);
}

TEST_F(Interop, AStepThatDoesNotResolveKeepsItsFileAndLine) {
  CodeTourImport r = import(R"({"title": "x", "steps": [
      { "file": "src/missing.c", "line": 3, "description": "gone" },
      { "file": "src/train.c", "pattern": "(unclosed", "description": "bad regex" }]})");
  ASSERT_TRUE(r.tour);
  EXPECT_EQ(r.tour->stops[0].anchor.file, "src/missing.c");
  EXPECT_EQ(r.tour->stops[0].anchor.line, 3u);
  EXPECT_TRUE(hasNote(r.notes, "step 1 (src/missing.c:3) does not resolve: cannot read " + (root / "src/missing.c").string() +
                                   "; the stop keeps the file and line, and 'tourguide check' will report it"));
  EXPECT_EQ(r.tour->stops[1].anchor.line, 1u);
}

tours::Tour sampleTour(const fs::path &root) {
  tours::Tour t;
  t.sourcePath = (root / ".tours" / "t.json").string();
  t.title = "The toy loop";
  t.description = "Follows `main`.";
  t.program.path = "build/train";
  t.program.args = {"data"};
  tours::Stop a;
  a.id = "loss";
  a.stage = "loss";
  a.title = "The loss of the batch";
  a.text = "One call per batch.";
  a.anchor.file = "src/train.c";
  a.anchor.pattern = "float loss = loss_of(x, 4);";
  a.watch = {{"loss", "", "", {}}, {"x", "inputs", "4", {}}};
  tours::Stop b;
  b.id = "print";
  b.stage = "metrics";
  b.title = "Printed";
  b.anchor.file = "src/train.c";
  b.anchor.line = 16;
  b.hit = 2;
  tours::Stop c;
  c.id = "lost";
  c.stage = "setup";
  c.title = "Nowhere";
  c.text = "A function that is gone.";
  c.anchor.function = "gone";
  t.stops = {a, b, c};
  return t;
}

/// The sample tour cut to its first stop, anchored by file and line only.
tours::Tour oneStopAt(const fs::path &root, const std::string &file, unsigned line) {
  tours::Tour t = sampleTour(root);
  t.stops.resize(1);
  t.stops[0].anchor = {};
  t.stops[0].anchor.file = file;
  t.stops[0].anchor.line = line;
  return t;
}

TEST_F(Interop, CodeTourExportHasAStepPerStop) {
  DiskSourceView view(root.string());
  Export e = exportCodeTour(sampleTour(root), view);
  nlohmann::json doc = nlohmann::json::parse(e.text);
  EXPECT_EQ(doc["$schema"], "https://aka.ms/codetour-schema");
  EXPECT_EQ(doc["title"], "The toy loop");
  EXPECT_EQ(doc["description"], "Follows `main`.");
  ASSERT_EQ(doc["steps"].size(), 3u);
  EXPECT_EQ(doc["steps"][0], nlohmann::json::parse(R"({"title": "The loss of the batch", "description":
      "One call per batch.", "file": "src/train.c", "line": 15})"));
  EXPECT_EQ(doc["steps"][1], nlohmann::json::parse(R"({"title": "Printed", "description": "*metrics*: Printed",
      "file": "src/train.c", "line": 16})"));
  EXPECT_EQ(doc["steps"][2], nlohmann::json::parse(R"({"title": "Nowhere", "description": "A function that is gone."})"));
  EXPECT_EQ(e.unresolved, 1u);
  EXPECT_EQ(e.notes.at(0).rfind("stop 'lost' does not resolve (", 0), 0u) << e.notes.at(0);
  EXPECT_EQ(e.notes.back(), "watches, hit counts, collected series and plots have no place in a CodeTour step: they "
                            "are left out (the tourguide tour keeps them)");
}

TEST_F(Interop, ATourGoesToCodeTourAndBack) {
  tours::Tour t = sampleTour(root);
  t.stops.pop_back(); // the unresolved one has no line to go back to
  DiskSourceView view(root.string());
  Export e = exportCodeTour(t, view);
  CodeTourImport back = importCodeTour(e.text, (root / ".tours" / "t.tour").string(),
                                       (root / ".tours" / "back.json").string(), view, enclosing());
  ASSERT_TRUE(back.tour);
  EXPECT_EQ(back.tour->title, t.title);
  EXPECT_EQ(back.tour->description, t.description);
  ASSERT_EQ(back.tour->stops.size(), 2u);
  for (size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(back.tour->stops[i].title, t.stops[i].title);
    tours::AnchorResolution was = tours::resolveAnchor(t.stops[i].anchor, view);
    tours::AnchorResolution now = tours::resolveAnchor(back.tour->stops[i].anchor, view);
    ASSERT_TRUE(was.resolved() && now.resolved());
    EXPECT_EQ(now.winner()->line, was.winner()->line);
  }
  EXPECT_EQ(back.tour->stops[0].text, "One call per batch.");
}

TEST_F(Interop, MarkdownHasTextLinksAndSource) {
  DiskSourceView view(root.string());
  WalkthroughOptions options = docsOptions();
  Export e = exportMarkdown(sampleTour(root), view, options);
  const std::string &md = e.text;
  EXPECT_EQ(md.rfind("# The toy loop\n\nFollows `main`.\n\n**Program:** `build/train data`.", 0), 0u) << md;
  EXPECT_NE(md.find("## 1. The loss of the batch\n\n*Stage: loss* · [`src/train.c#L15`](../src/train.c#L15)\n\nOne "
                    "call per batch.\n\n```c\n  14 |     float x[4] = {1, 2, 3, 4};\n> 15 |     float loss = "
                    "loss_of(x, 4);   // the loss of the batch\n  16 |     printf(\"loss %f `code`\\n\", loss);\n```\n\n"
                    "**Watched values:** `loss`, `x` (inputs)\n"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("*Stage: metrics* · [`src/train.c#L16`](../src/train.c#L16), the 2nd time the program gets there"),
            std::string::npos)
      << md;
  EXPECT_NE(md.find("## 3. Nowhere\n\n*Stage: setup*\n\nA function that is gone.\n\n*This stop's place is not found in "
                    "the sources: "),
            std::string::npos)
      << md;
  EXPECT_EQ(e.unresolved, 1u);
  options.linkPrefix = "https://git.example/repo/blob/main/";
  std::string prefixed = exportMarkdown(sampleTour(root), view, options).text;
  EXPECT_NE(prefixed.find("(https://git.example/repo/blob/main/src/train.c#L15)"), std::string::npos) << prefixed;
}

TEST_F(Interop, MarkdownFencesOutlastBackticksInTheSource) {
  std::ofstream(root / "src" / "fence.c") << "int a;\nconst char *s = \"```\";\nint b;\n";
  tours::Tour t = oneStopAt(root, "src/fence.c", 2);
  DiskSourceView view(root.string());
  std::string md = exportMarkdown(t, view).text;
  EXPECT_NE(md.find("\n````c\n  1 | int a;\n> 2 | const char *s = \"```\";\n  3 | int b;\n````\n"), std::string::npos) << md;
}

TEST_F(Interop, HtmlHasTheMarkdownWalkthroughsLinksAndSource) {
  DiskSourceView view(root.string());
  WalkthroughOptions options = docsOptions();
  Export e = exportHtml(sampleTour(root), view, options);
  const std::string &html = e.text;
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("<title>The toy loop · walkthrough</title>"), std::string::npos) << html;
  EXPECT_NE(html.find("<div class=\"description\"><p>Follows <code>main</code>.</p>\n</div>"), std::string::npos);
  EXPECT_NE(html.find("<dt>Program</dt><dd><code>build/train data</code></dd>"), std::string::npos) << html;
  EXPECT_NE(html.find("<h2>The loss of the batch</h2><p class=\"where\"><a href=\"../src/train.c#L15\">"
                      "src/train.c#L15</a></p><div class=\"md\"><p>One call per batch.</p>\n</div>"
                      "<div class=\"source\"><table class=\"source\"><tr><td class=\"ln\">14</td>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<tr class=\"here\"><td class=\"ln\">15</td><td>    float loss = loss_of(x, 4);   // the loss of "
                      "the batch</td></tr><tr><td class=\"ln\">16</td><td>    printf(&quot;loss %f `code`\\n&quot;, "
                      "loss);</td></tr></table></div>"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<h3 class=\"part\">Watched values</h3><p><code>loss</code>, <code>x</code> (inputs)</p>"),
            std::string::npos);
  EXPECT_NE(html.find("<a href=\"../src/train.c#L16\">src/train.c#L16</a>, the 2nd time the program gets there</p>"),
            std::string::npos);
  EXPECT_NE(html.find("<h2>Nowhere</h2><div class=\"md\"><p>A function that is gone.</p>\n</div><p class=\"why\">This "
                      "stop's place is not found in the sources: "),
            std::string::npos)
      << html;
  // The same model as the Markdown walkthrough: the same notes for the same stops.
  Export md = exportMarkdown(sampleTour(root), view, options);
  EXPECT_EQ(e.unresolved, 1u);
  EXPECT_EQ(e.notes, md.notes);
  options.linkPrefix = "https://git.example/repo/blob/main/";
  EXPECT_NE(exportHtml(sampleTour(root), view, options).text.find("href=\"https://git.example/repo/blob/main/src/"
                                                                    "train.c#L15\""),
            std::string::npos);
}

TEST_F(Interop, HtmlRunsAndLoadsNothingFromTheTour) {
  tours::Tour t = sampleTour(root);
  t.title = "</title><script>alert(1)</script>";
  t.description = "<script>alert(2)</script> [x](javascript:alert(3)) ![img](https://example.com/a.png)";
  t.stops[0].title = "<img src=x onerror=alert(4)>";
  t.stops[0].text = "<iframe src=\"https://example.com\"></iframe>\n\n[y](javascript:alert(5))";
  t.stops[0].watch = {{"a<b && c>\"d\"", "l<abel>", "", {}}};
  t.stops[0].collect = {{"loss", "<b>loss</b>", "", "", {}, 1, {}}};
  t.program.path = "build/<train>";
  DiskSourceView view(root.string());
  std::string html = exportHtml(t, view).text;
  for (const char *bad : {"<script", "javascript:", "<img", "<iframe", "src=\"https://", "<b>"})
    EXPECT_EQ(html.find(bad), std::string::npos) << bad << "\n" << html;
  EXPECT_NE(html.find("<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; · walkthrough</title>"),
            std::string::npos);
  EXPECT_NE(html.find("<code>a&lt;b &amp;&amp; c&gt;&quot;d&quot;</code> (l&lt;abel&gt;)"), std::string::npos) << html;
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos);
}

TEST_F(Interop, WalkthroughLinksStayPathsWhenAFolderNameHasAColon) {
  fs::create_directories(root / "javascript:x");
  std::ofstream(root / "javascript:x" / "a.c") << "int a;\n";
  tours::Tour t = oneStopAt(root, "javascript:x/a.c", 1);
  DiskSourceView view(root.string());
  Walkthrough walk = walkthroughOf(t, view);
  ASSERT_EQ(walk.stops.size(), 1u);
  EXPECT_EQ(walk.stops[0].link, "./javascript:x/a.c#L1");
  EXPECT_EQ(walk.stops[0].place, "javascript:x/a.c#L1");
}

TEST(Walkthrough, PassPhraseSaysWhichTime) {
  EXPECT_EQ(passPhrase(0), "");
  EXPECT_EQ(passPhrase(1), "");
  const std::pair<unsigned, const char *> ordinals[] = {{2, "2nd"},   {3, "3rd"},   {4, "4th"},    {11, "11th"},
                                                        {12, "12th"}, {21, "21st"}, {113, "113th"}};
  for (const auto &[hit, ordinal] : ordinals)
    EXPECT_EQ(passPhrase(hit), std::string("the ") + ordinal + " time the program gets there");
}

TEST(CodeTourWorkspace, IsTheFolderAboveTheToursFolder) {
  EXPECT_EQ(codeTourWorkspace("/r/.tours/intro.tour"), "/r");
  EXPECT_EQ(codeTourWorkspace("/r/.tours/part/intro.tour"), "/r");
  EXPECT_EQ(codeTourWorkspace("/r/.vscode/tours/a.tour"), "/r");
  EXPECT_EQ(codeTourWorkspace("/r/.github/tours/a.tour"), "/r");
  EXPECT_EQ(codeTourWorkspace("/r/.vscode/main.tour"), "/r");
  EXPECT_EQ(codeTourWorkspace("/r/docs/a.tour"), "/r/docs");
}

TEST_F(Interop, AFileNotInTheWorkspaceIsTheBuildsSourceWithThatPath) {
  // A tool that wrote only file names (cs144's test.tour: "webget.cc" for apps/webget.cc).
  class Built : public DiskSourceView {
  public:
    explicit Built(const std::string &root) : DiskSourceView(root), files_{root + "/src/train.c"} {}
    const std::vector<std::string> &sourceFiles() override { return files_; }

  private:
    std::vector<std::string> files_;
  } view(root.string());
  CodeTourImport r = importCodeTour(R"({"title": "T", "steps": [
      { "file": "train.c", "line": 15, "description": "the loss" },
      { "file": "nowhere.c", "line": 3, "description": "gone" }]})",
                                    (root / ".tours" / "t.tour").string(), (root / ".tours" / "t.json").string(), view,
                                    enclosing());
  ASSERT_TRUE(r.tour) << (r.errors.empty() ? "" : r.errors[0]);
  EXPECT_EQ(r.tour->stops[0].anchor.file, "src/train.c");
  EXPECT_EQ(r.tour->stops[0].anchor.pattern, "float loss = loss_of(x, 4);");
  EXPECT_EQ(r.tour->stops[0].anchor.line, 15u);
  EXPECT_TRUE(hasNote(r.notes, "step 1: train.c is not in the workspace; the stop is in src/train.c, the build's "
                               "source with that path, as 'tour start' and 'tourguide check' find it"));
  EXPECT_EQ(r.tour->stops[1].anchor.file, "nowhere.c");
  EXPECT_EQ(r.tour->stops[1].anchor.line, 3u);
}

// A header as real tours point into it (cs144's socket.hh and file_descriptor.hh): members
// declared in the class and defined in a .cc, overloads, a member template, deleted copies.
const char *const kSockHh = R"(// sock.hh
#pragma once
class Sock
{
public:
  explicit Sock( int fd );
  Sock( const Sock& other ) = delete;
  Sock& operator=( const Sock& other ) = delete;
  //! Binds to a port
  void bind( int port );
  void send( const std::string& payload );
  void send( int value, int times = 1 );
  int fd() const { return fd_; }
  Address get_address( const std::string& name_of_function,
                       const std::function<int( int, sockaddr*, socklen_t* )>& function ) const;
  template<typename T>
  int option( int level, T& value ) const;
  ~Sock() = default;
private:
  int fd_;
};
)";

std::vector<std::string> linesOf(const std::string &text) {
  std::vector<std::string> lines;
  size_t begin = 0;
  for (size_t end; (end = text.find('\n', begin)) != std::string::npos; begin = end + 1)
    lines.push_back(text.substr(begin, end - begin));
  return lines;
}

TEST(Declarations, AreReadFromTheirLineToTheirSemicolon) {
  std::vector<std::string> lines = linesOf(kSockHh);
  auto at = [&](unsigned line) {
    DeclaredFunction d = declaredFunctionAt(lines, line);
    return d.name.empty() ? std::string("-") : d.scope + "::" + d.name + (d.deleted ? " deleted" : "");
  };
  EXPECT_EQ(at(6), "Sock::Sock");
  EXPECT_EQ(at(7), "Sock::Sock deleted");
  EXPECT_EQ(at(8), "-");   // an operator
  EXPECT_EQ(at(9), "Sock::bind"); // its comment, read on to the declaration below
  EXPECT_EQ(at(10), "Sock::bind");
  EXPECT_EQ(at(13), "-");  // a definition
  EXPECT_EQ(at(14), "Sock::get_address"); // over two lines, not the parameter's function<int(
  EXPECT_EQ(at(16), "Sock::option");      // template<typename T> on its own line
  EXPECT_EQ(at(18), "-");  // defaulted
  EXPECT_EQ(at(20), "-");  // a member variable
  EXPECT_EQ(at(3), "-");   // the class head
  EXPECT_EQ(at(0), "-");
  EXPECT_EQ(at(99), "-");
  EXPECT_EQ(declaredFunctionAt(lines, 12).parameters, " int value, int times = 1 ");
  EXPECT_EQ(declaredFunctionAt({"void free_function( int n );"}, 1).scope, "");
}

TEST(Declarations, ParameterTypesLeaveOutWhatDeclarationAndDefinitionMaySpellApart) {
  using Types = std::vector<std::string>;
  EXPECT_EQ(parameterTypes(" const std::vector<std::string>& buffers, int n = 0 "), (Types{"vector<string>&", "int"}));
  EXPECT_EQ(parameterTypes("const vector<string> &bufs, const int count"), (Types{"vector<string>&", "int"}));
  EXPECT_EQ(parameterTypes("unsigned int, char *p"), (Types{"unsignedint", "char*"}));
  EXPECT_EQ(parameterTypes("const std::function<int( int, sockaddr*, socklen_t* )>& f"),
            (Types{"function<int(int,sockaddr*,socklen_t*)>&"}));
  EXPECT_EQ(parameterTypes("std::pair<int, int> p = {1, 2}"), (Types{"pair<int,int>"}));
  EXPECT_EQ(parameterTypes(""), Types{});
  EXPECT_EQ(parameterTypes("void"), Types{});
}

TEST(Declarations, ADefinitionsParametersAreFoundByItsQualifiedName) {
  EXPECT_EQ(definitionParameters("  read( buffer );\n}\nvoid FileDescriptor::read( vector<string>& buffers )\n{\n",
                                 "FileDescriptor::read"),
            " vector<string>& buffers ");
  EXPECT_EQ(definitionParameters("int Sock::option( int level, T& value ) const\n{", "Sock::option<int>"),
            " int level, T& value ");
  EXPECT_EQ(definitionParameters("Sock::~Sock()\n{", "Sock::~Sock"), "");
  EXPECT_EQ(definitionParameters("{", "Sock::bind"), "");
}

const char *const kSockCc = R"(#include "sock.hh"
Sock::Sock( int fd ) : fd_( fd ) {}
void Sock::bind( int port )
{
  option( port, fd_ );
}
void Sock::send( const std::string& payload )
{
  fd_ += payload.size();
}
void Sock::send( int value, int times )
{
  fd_ += value * times;
}
)";

TEST_F(Interop, AStepOnADeclarationStopsAtTheEntryOfItsDefinition) {
  std::ofstream(root / "src" / "sock.hh") << kSockHh;
  std::ofstream(root / "src" / "sock.cc") << kSockCc;
  // The definitions the checker's index knows (bodies: '{' line to '}' line).
  class Known : public DiskSourceView {
  public:
    using DiskSourceView::DiskSourceView;
    std::vector<tours::FunctionBody> functionsNamed(const std::string &name) override {
      std::string file = repoRoot() + "/src/sock.cc";
      if (name == "Sock::Sock")
        return {{"Sock::Sock", file, 2, 2, 0}};
      if (name == "Sock::bind")
        return {{"Sock::bind", file, 4, 6, 1}};
      if (name == "Sock::send")
        return {{"Sock::send", file, 8, 10, 2}, {"Sock::send", file, 12, 14, 3}};
      return {};
    }
  } view(root.string());
  CodeTourImport r = importCodeTour(R"({"title": "T", "steps": [
      { "file": "src/sock.hh", "line": 6, "description": "the constructor" },
      { "file": "src/sock.hh", "line": 10, "description": "bind" },
      { "file": "src/sock.hh", "line": 12, "description": "the second send" },
      { "file": "src/sock.hh", "line": 7, "description": "no copies" },
      { "file": "src/sock.hh", "line": 16, "description": "defined nowhere the view knows" }]})",
                                    (root / ".tours" / "t.tour").string(), (root / ".tours" / "t.json").string(), view,
                                    enclosing());
  ASSERT_TRUE(r.tour) << (r.errors.empty() ? "" : r.errors[0]);
  const std::vector<tours::Stop> &stops = r.tour->stops;
  ASSERT_EQ(stops.size(), 5u);
  EXPECT_EQ(stops[0].anchor.function, "Sock::Sock");
  EXPECT_EQ(stops[0].anchor.file, "src/sock.cc");
  EXPECT_EQ(stops[0].anchor.pattern, "");
  EXPECT_EQ(stops[1].anchor.function, "Sock::bind");
  EXPECT_EQ(stops[1].title, "Sock::bind (src/sock.hh:10)");
  // An overload: the entry form would stop in both, so function + the body's first line.
  EXPECT_EQ(stops[2].anchor.function, "Sock::send");
  EXPECT_EQ(stops[2].anchor.pattern, "fd_ += value * times;");
  EXPECT_EQ(stops[2].anchor.line, 13u);
  EXPECT_EQ(stops[3].anchor.function, "");
  EXPECT_EQ(stops[3].anchor.line, 7u);
  EXPECT_EQ(stops[4].anchor.function, "");
  EXPECT_EQ(stops[4].anchor.line, 16u);
  for (const char *note : {
           "step 1 (src/sock.hh:6): line 6 declares 'Sock::Sock', defined at src/sock.cc:2: the stop is at its entry",
           "step 2 (src/sock.hh:10): line 10 declares 'Sock::bind', defined at src/sock.cc:4: the stop is at its entry",
           "step 3 (src/sock.hh:12): line 12 declares 'Sock::send', defined at src/sock.cc:12: the stop is at its entry",
           "step 4 (src/sock.hh:7): line 7 declares 'Sock::Sock', which is deleted: no code of it runs, so a run never "
           "reaches this stop",
       })
    EXPECT_TRUE(hasNote(r.notes, note)) << "missing note: " << note;
}

} // namespace
} // namespace tourguide::interop
