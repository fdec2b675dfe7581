// Every kind of problem the loader reports: its exact message and exact line:col.
// "$^" in an input marks where the corresponding diagnostic must point (see AnnotatedText.h).
#include "AnnotatedText.h"
#include "tourguide/tours/TourFile.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace tourguide::tours {
namespace {

using test::annotate;
using testing::ElementsAre;
using testing::ElementsAreArray;

/// The formatted diagnostics for `text`, read as "t.json".
std::vector<std::string> diagnose(const std::string &text) {
  std::vector<std::string> lines;
  for (const Diagnostic &d : parseTour(text, "t.json").diagnostics)
    lines.push_back(d.format());
  return lines;
}

/// Expects exactly the diagnostics in `expected` ("error: ..."), the i-th at the i-th marker.
void expectDiagnostics(const std::string &marked, const std::vector<std::string> &expected) {
  test::AnnotatedText input = annotate(marked);
  ASSERT_EQ(input.points.size(), expected.size()) << "one marker per expected diagnostic";
  std::vector<std::string> full;
  for (size_t i = 0; i < expected.size(); ++i)
    full.push_back("t.json:" + test::at(input.points[i]) + ": " + expected[i]);
  EXPECT_THAT(diagnose(input.text), ElementsAreArray(full)) << input.text;
}

/// A valid tour around one stop's members (given without braces).
std::string tourWithStop(const std::string &stopMembers) {
  return "{\n"
         "  \"version\": 1,\n"
         "  \"title\": \"T\",\n"
         "  \"program\": { \"path\": \"build/train\" },\n"
         "  \"stops\": [\n"
         "    { " + stopMembers + " }\n"
         "  ]\n"
         "}\n";
}

const std::string kStopStart = R"("id": "a", "stage": "data", "title": "A", )";

TEST(Diagnostics, ValidTourHasNone) {
  LoadResult result = parseTour(tourWithStop(kStopStart + R"("anchor": { "function": "main" })"),
                                "t.json");
  EXPECT_TRUE(result.ok());
  EXPECT_TRUE(result.diagnostics.empty());
}

TEST(Diagnostics, WrongType) {
  expectDiagnostics(R"({ "version": 1, "title": $^42, "program": { "path": "p" },
  "stops": [{ "id": "a", "stage": "data", "title": "A", "anchor": { "function": "main" } }] })",
                    {"error: expected a string for 'title', found a number [at /title]"});
}

TEST(Diagnostics, WrongTypeOfContainers) {
  expectDiagnostics(R"({ "version": 1, "title": "T", "program": $^"build/train",
  "stops": $^{} })",
                    {"error: expected an object for 'program', found a string [at /program]",
                     "error: expected an array for 'stops', found an object [at /stops]"});
}

TEST(Diagnostics, ProgramMembersHaveTheirTypes) {
  expectDiagnostics(
      R"({ "version": 1, "title": "T",
  "program": { "path": "p", "args": ["a", $^7], "env": { "OMP": $^1 }, "cwd": $^false },
  "stops": [{ "id": "a", "stage": "data", "title": "A", "anchor": { "function": "main" } }] })",
      {"error: expected a string for an element of 'args', found a number [at /program/args/1]",
       "error: expected a string for environment variable 'OMP', found a number [at /program/env/OMP]",
       "error: expected a string for 'cwd', found a boolean [at /program/cwd]"});
}

TEST(Diagnostics, MissingRequiredKeyPointsAtTheObject) {
  expectDiagnostics(R"({ "version": 1, "title": "T", "program": { "path": "p" },
  "stops": [$^{ "id": "a", "stage": "data", "title": "A" }] })",
                    {"error: missing required key 'anchor' in stop [at /stops/0]"});
}

TEST(Diagnostics, MissingTopLevelKeysPointAtTheDocument) {
  expectDiagnostics(R"($^$^{ "version": 1, "program": $^{} })",
                    {"error: missing required key 'title' in tour",
                     "error: missing required key 'stops' in tour",
                     "error: missing required key 'path' in program [at /program]"});
}

TEST(Diagnostics, UnknownKeySuggestsTheClosest) {
  expectDiagnostics(R"({ "version": 1, "title": "T", "program": { "path": "p" }, "stops": [
  { "id": "a", "stage": "data", $^"titel": "A", "anchor": { "function": "main", $^"fille": "a.c" } }] })",
                    // not also "missing required key 'title'": it is the same mistake
                    {"error: unknown key 'titel' in stop; did you mean 'title'? [at /stops/0/titel]",
                     "error: unknown key 'fille' in anchor; did you mean 'file'? [at /stops/0/anchor/fille]"});
}

TEST(Diagnostics, UnknownKeyWithoutACloseMatch) {
  expectDiagnostics(R"({ "version": 1, "title": "T", $^"author": "me", "program": { "path": "p" },
  "stops": [{ "id": "a", "stage": "data", "title": "A", "anchor": { "function": "main" } }] })",
                    {"error: unknown key 'author' in tour [at /author]"});
}

TEST(Diagnostics, NewerVersionNeedsANewerTourguideAndStopsThere) {
  // Keys a future format may add are not reported: only the version.
  expectDiagnostics(R"({ "version": $^2, "chapters": [] })",
                    {"error: tour format version 2 is newer than this tourguide reads "
                     "(version 1); a newer tourguide is needed [at /version]"});
}

TEST(Diagnostics, VersionBelowOne) {
  expectDiagnostics(R"({ "version": $^0, "title": "T", "program": { "path": "p" },
  "stops": [{ "id": "a", "stage": "data", "title": "A", "anchor": { "function": "main" } }] })",
                    {"error: unsupported tour format version 0; the only version is 1 [at /version]"});
}

TEST(Diagnostics, VersionMustBeAnInteger) {
  expectDiagnostics(R"({ "version": $^"1", "title": "T", "program": { "path": "p" },
  "stops": [{ "id": "a", "stage": "data", "title": "A", "anchor": { "function": "main" } }] })",
                    {"error: expected an integer for 'version', found a string [at /version]"});
}

TEST(Diagnostics, EmptyStops) {
  expectDiagnostics(R"({ "version": 1, "title": "T", "program": { "path": "p" }, "stops": $^[] })",
                    {"error: a tour needs at least one stop [at /stops]"});
}

TEST(Diagnostics, DuplicateStopIdHasANoteAtTheFirst) {
  std::string text = R"({ "version": 1, "title": "T", "program": { "path": "p" }, "stops": [
  { "id": "a", "stage": "data", "title": "A", "anchor": { "function": "main" } },
  { "id": "a", "stage": "loss", "title": "B", "anchor": { "function": "loss" } }
] })";
  EXPECT_THAT(diagnose(text),
              ElementsAre("t.json:3:11: error: duplicate stop id 'a' [at /stops/1/id]",
                          "t.json:2:11: note: stop 'a' is first defined here [at /stops/0/id]"));
}

TEST(Diagnostics, InvalidIdCharacters) {
  expectDiagnostics(tourWithStop(R"("id": $^"Read Batch", "stage": "data", "title": "A", "anchor": { "function": "main" })"),
                    {"error: invalid stop id 'Read Batch': use lowercase letters, digits, '-', "
                     "'_' and '.', starting with a letter or digit [at /stops/0/id]"});
  expectDiagnostics(tourWithStop(R"("id": $^"-a", "stage": "data", "title": "A", "anchor": { "function": "main" })"),
                    {"error: invalid stop id '-a': use lowercase letters, digits, '-', "
                     "'_' and '.', starting with a letter or digit [at /stops/0/id]"});
}

TEST(Diagnostics, HitBelowOne) {
  expectDiagnostics(tourWithStop(kStopStart + R"("anchor": { "function": "main" }, "hit": $^0)"),
                    {"error: 'hit' must be at least 1, found 0 [at /stops/0/hit]"});
}

TEST(Diagnostics, HitMustBeAWholeNumber) {
  expectDiagnostics(tourWithStop(kStopStart + R"("anchor": { "function": "main" }, "hit": $^1.5)"),
                    {"error: expected an integer for 'hit', found a number [at /stops/0/hit]"});
  // As in JSON Schema, 2.0 is an integer.
  LoadResult result =
      parseTour(tourWithStop(kStopStart + R"("anchor": { "function": "main" }, "hit": 2.0)"), "t.json");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(result.tour->stops[0].hit, 2u);
}

TEST(Diagnostics, HugeNumbersAreOutOfRangeNotWrapped) {
  expectDiagnostics(tourWithStop(kStopStart + R"("anchor": { "function": "main" }, "hit": $^1e300)"),
                    {"error: 'hit' must be at most 4294967295 [at /stops/0/hit]"});
  expectDiagnostics(tourWithStop(kStopStart + R"("anchor": { "function": "main" }, "hit": $^18446744073709551616)"),
                    {"error: 'hit' must be at most 4294967295 [at /stops/0/hit]"});
  expectDiagnostics(tourWithStop(kStopStart + R"("anchor": { "file": "a.c", "line": $^4294967296 })"),
                    {"error: 'line' must be at most 4294967295 [at /stops/0/anchor/line]"});
}

TEST(Diagnostics, AnchorNeedsFunctionOrFile) {
  expectDiagnostics(tourWithStop(kStopStart + R"("anchor": $^{ "pattern": "loss +=" })"),
                    {"error: anchor needs 'function' or 'file' [at /stops/0/anchor]"});
}

TEST(Diagnostics, LineNeedsFile) {
  expectDiagnostics(tourWithStop(kStopStart + R"("anchor": { "function": "main", $^"line": 3 })"),
                    {"error: 'line' needs 'file' in the anchor [at /stops/0/anchor/line]"});
}

TEST(Diagnostics, LineBelowOne) {
  expectDiagnostics(tourWithStop(kStopStart + R"("anchor": { "file": "a.c", "line": $^0 })"),
                    {"error: 'line' must be at least 1, found 0 [at /stops/0/anchor/line]"});
}

TEST(Diagnostics, CountIsAStringOrAnInteger) {
  expectDiagnostics(
      tourWithStop(kStopStart + R"("anchor": { "function": "main" }, "watch": [{ "expr": "x", "count": $^true }])"),
      {"error: expected a string or an integer for 'count', found a boolean [at /stops/0/watch/0/count]"});
  expectDiagnostics(
      tourWithStop(kStopStart + R"("anchor": { "function": "main" }, "watch": [{ "expr": "x", "count": $^0 }])"),
      {"error: 'count' must be at least 1, found 0 [at /stops/0/watch/0/count]"});
}

TEST(Diagnostics, WatchEntryIsAStringOrAnObject) {
  expectDiagnostics(
      tourWithStop(kStopStart + R"("anchor": { "function": "main" }, "watch": ["x", $^3])"),
      {"error: expected a string or an object for a watch entry, found a number [at /stops/0/watch/1]"});
  expectDiagnostics(
      tourWithStop(kStopStart + R"("anchor": { "function": "main" }, "watch": [$^{ "label": "x" }])"),
      {"error: missing required key 'expr' in watch entry [at /stops/0/watch/0]"});
}

TEST(Diagnostics, UnknownStageIsOnlyAWarning) {
  std::string text = tourWithStop(
      R"("id": "a", "stage": $^"preprocess", "title": "A", "anchor": { "function": "main" })");
  expectDiagnostics(text, {"warning: unknown stage 'preprocess' (known stages: data, loop, model, "
                           "loss, optimizer, metrics, setup, checkpoint); it is shown as written "
                           "[at /stops/0/stage]"});
  EXPECT_TRUE(parseTour(annotate(text).text, "t.json").ok());
}

TEST(Diagnostics, MisspeltStageSuggestsTheKnownOne) {
  expectDiagnostics(tourWithStop(R"("id": "a", "stage": $^"optimiser", "title": "A", "anchor": { "function": "main" })"),
                    {"warning: unknown stage 'optimiser'; did you mean 'optimizer'? [at /stops/0/stage]"});
}

TEST(Diagnostics, StageMustBeALowercaseName) {
  expectDiagnostics(tourWithStop(R"("id": "a", "stage": $^"Data Loading", "title": "A", "anchor": { "function": "main" })"),
                    {"error: invalid stage 'Data Loading': use a lowercase name of letters, digits, "
                     "'-' and '_', starting with a letter [at /stops/0/stage]"});
}

TEST(Diagnostics, ExpressionThatIsNotAVariablePathNeedsTrust) {
  std::string text = tourWithStop(kStopStart + R"("anchor": { "function": "main" }, )"
                                               R"js("watch": [$^"loss()", { "expr": $^"a + b", "count": $^"n * 2" }])js");
  expectDiagnostics(
      text,
      {"warning: watch expression 'loss()' is not a variable path; showing it needs 'tour start "
       "--trust' [at /stops/0/watch/0]",
       "warning: watch expression 'a + b' is not a variable path; showing it needs 'tour start "
       "--trust' [at /stops/0/watch/1/expr]",
       "warning: count 'n * 2' is not a number or a variable path; reading it needs 'tour start "
       "--trust' [at /stops/0/watch/1/count]"});
  EXPECT_TRUE(parseTour(annotate(text).text, "t.json").ok());
}

TEST(Diagnostics, EmptyStringsWhereANameIsNeeded) {
  expectDiagnostics(R"({ "version": 1, "title": $^"", "program": { "path": $^"" },
  "stops": [{ "id": "a", "stage": "data", "title": "A", "anchor": { "function": $^"" }, "watch": [$^""] }] })",
                    {"error: 'title' must not be empty [at /title]",
                     "error: 'path' must not be empty [at /program/path]",
                     "error: 'function' must not be empty [at /stops/0/anchor/function]",
                     "error: watch expression must not be empty [at /stops/0/watch/0]"});
}

TEST(Diagnostics, DuplicateKeyHasANoteAtTheFirst) {
  std::string text = "{\n  \"version\": 1,\n  \"title\": \"A\",\n  \"title\": \"B\"\n}";
  std::vector<std::string> lines = diagnose(text);
  ASSERT_GE(lines.size(), 2u);
  EXPECT_EQ(lines[0], "t.json:1:1: error: missing required key 'program' in tour");
  EXPECT_THAT(diagnose(text),
              testing::IsSupersetOf({"t.json:4:3: error: duplicate key 'title' [at /title]",
                                     "t.json:3:3: note: 'title' is first defined here [at /title]"}));
}

TEST(Diagnostics, SyntaxErrorPointsAtTheUnexpectedToken) {
  expectDiagnostics("{\n  \"version\": 1,\n  \"title\" $^\"x\"\n}\n",
                    {"error: invalid JSON: unexpected string literal; expected ':'"});
  expectDiagnostics("{\n  \"stops\": [1, 2,$^]\n}\n",
                    {"error: invalid JSON: unexpected ']'; expected '[', '{', or a literal"});
  expectDiagnostics("{\n  \"title\": \"x\",$^\n\n", // unexpected end: just after the last text
                    {"error: invalid JSON: unexpected end of input; expected string literal"});
  expectDiagnostics("{ \"a\": $^tru }", {"error: invalid JSON: invalid literal"});
}

TEST(Diagnostics, DocumentMustBeAnObject) {
  expectDiagnostics("$^[1, 2]", {"error: expected an object for the tour, found an array"});
}

TEST(Diagnostics, ColumnsCountCharactersNotBytes) {
  // "é" and "→" are several bytes each in UTF-8 but one column.
  expectDiagnostics(tourWithStop(kStopStart + R"("text": "é → ü", "anchor": { "function": "main" }, "hit": $^0)"),
                    {"error: 'hit' must be at least 1, found 0 [at /stops/0/hit]"});
}

TEST(Diagnostics, ATabIsOneColumn) {
  std::string text = "{\n\t\"version\": 1,\n\t\"title\": \"T\",\n\t\"program\": { \"path\": \"p\" },\n"
                     "\t\"stops\": [{ \"id\": \"a\", \"stage\": \"data\", \"title\": \"A\",\n"
                     "\t\t\"anchor\": { \"function\": \"main\" }, \"hit\": 0 }]\n}\n";
  EXPECT_THAT(diagnose(text),
              ElementsAre("t.json:6:44: error: 'hit' must be at least 1, found 0 [at /stops/0/hit]"));
}

TEST(Diagnostics, AllMistakesOfAFileInFileOrder) {
  std::string text = R"({
  "version": 1,
  "title": 7,
  "program": { "path": "p", "arg": ["x"] },
  "stops": [
    { "id": "a", "stage": "data", "anchor": { "function": "main" }, "hit": -1 },
    { "id": "a", "stage": "loss", "title": "B", "anchor": {} }
  ]
})";
  EXPECT_THAT(
      diagnose(text),
      ElementsAre("t.json:3:12: error: expected a string for 'title', found a number [at /title]",
                  "t.json:4:29: error: unknown key 'arg' in program; did you mean 'args'? [at /program/arg]",
                  "t.json:6:5: error: missing required key 'title' in stop [at /stops/0]",
                  "t.json:6:76: error: 'hit' must be at least 1, found -1 [at /stops/0/hit]",
                  "t.json:7:13: error: duplicate stop id 'a' [at /stops/1/id]",
                  // the note follows its error even though it points further up
                  "t.json:6:13: note: stop 'a' is first defined here [at /stops/0/id]",
                  "t.json:7:59: error: anchor needs 'function' or 'file' [at /stops/1/anchor]"));
}

TEST(Diagnostics, MissingFileIsAnError) {
  LoadResult result = loadTourFile("/nonexistent/dir/tour.json");
  EXPECT_FALSE(result.ok());
  EXPECT_THAT(result.diagnostics,
              testing::SizeIs(1));
  EXPECT_EQ(result.diagnostics[0].format(),
            "/nonexistent/dir/tour.json: error: cannot read tour file: No such file or directory");
}

TEST(Diagnostics, ValidTourIsReadWithPositions) {
  test::AnnotatedText input = annotate(R"({ "version": 1, "title": "T", "program": $^{ "path": "p", "args": ["a"], "env": { "K": "v" } },
  "stops": [
    $^{ "id": "a", "stage": "data", "title": "A", "anchor": $^{ "file": "src/a.c", "line": 4, "pattern": "x +=" },
      "hit": 2, "watch": [$^"x", $^{ "expr": "p->w", "label": "weights", "count": 3 }] }
  ] })");
  LoadResult result = parseTour(input.text, "t.json");
  ASSERT_TRUE(result.ok()) << formatAll(result.diagnostics);
  const Tour &tour = *result.tour;
  EXPECT_EQ(tour.sourcePath, "t.json");
  EXPECT_EQ(tour.program.args, std::vector<std::string>{"a"});
  EXPECT_EQ(tour.program.env.at("K"), "v");
  EXPECT_EQ(test::at(tour.program.pos), test::at(input.points[0]));
  const Stop &stop = tour.stops.at(0);
  EXPECT_EQ(test::at(stop.pos), test::at(input.points[1]));
  EXPECT_EQ(test::at(stop.anchor.pos), test::at(input.points[2]));
  EXPECT_EQ(stop.anchor.file, "src/a.c");
  EXPECT_EQ(stop.anchor.line, 4u);
  EXPECT_EQ(stop.anchor.pattern, "x +=");
  EXPECT_EQ(stop.hit, 2u);
  ASSERT_EQ(stop.watch.size(), 2u);
  EXPECT_EQ(test::at(stop.watch[0].pos), test::at(input.points[3]));
  EXPECT_EQ(test::at(stop.watch[1].pos), test::at(input.points[4]));
  EXPECT_EQ(stop.watch[1].expr, "p->w");
  EXPECT_EQ(stop.watch[1].label, "weights");
  EXPECT_EQ(stop.watch[1].count, "3");
}

TEST(Diagnostics, CollectItemsAreReadWithPositionsAndDefaults) {
  test::AnnotatedText input = annotate(R"({ "version": 1, "title": "T", "program": { "path": "p" },
  "stops": [
    { "id": "a", "stage": "loss", "title": "A", "anchor": { "function": "step" },
      "collect": [$^{ "name": "lr", "expr": "opt->lr", "every": 2.0 }], "plot": [$^"lr", $^"loss"] }
  ],
  "collect": [$^{ "name": "loss", "expr": "loss", "label": "L", "x": "it", "anchor": { "function": "main" } }]
})");
  LoadResult result = parseTour(input.text, "t.json");
  ASSERT_TRUE(result.ok()) << formatAll(result.diagnostics);
  EXPECT_TRUE(result.diagnostics.empty()) << formatAll(result.diagnostics);
  const Stop &stop = result.tour->stops.at(0);
  ASSERT_EQ(stop.collect.size(), 1u);
  EXPECT_EQ(test::at(stop.collect[0].pos), test::at(input.points[0]));
  EXPECT_EQ(stop.collect[0].every, 2u); // 2.0 is an integer, as in JSON Schema
  EXPECT_TRUE(stop.collect[0].anchor.empty());
  EXPECT_EQ(stop.collect[0].label, "");
  EXPECT_EQ(stop.collect[0].x, "");
  ASSERT_EQ(stop.plot, (std::vector<std::string>{"lr", "loss"}));
  ASSERT_EQ(stop.plotPos.size(), 2u);
  EXPECT_EQ(test::at(stop.plotPos[0]), test::at(input.points[1]));
  EXPECT_EQ(test::at(stop.plotPos[1]), test::at(input.points[2]));
  const Collect &loss = result.tour->collect.at(0);
  EXPECT_EQ(test::at(loss.pos), test::at(input.points[3]));
  EXPECT_EQ(loss.every, 1u);
  EXPECT_EQ(loss.label, "L");
  EXPECT_EQ(loss.x, "it");
  EXPECT_EQ(loss.anchor.function, "main");
}

TEST(Diagnostics, CollectItemNeedsNameAndExprAndAtTheTopLevelAnAnchor) {
  expectDiagnostics(R"({ "version": 1, "title": "T", "program": { "path": "p" },
  "collect": [$^{ "name": "a", "expr": "x" }, $^$^{ "anchor": { "function": "f" } }, $^"loss", { "name": "c", "expr": "x", $^"anchr": {} }],
  "stops": [{ "id": "a", "stage": "data", "title": "A", "anchor": { "function": "main" },
    "collect": $^{ "name": "b", "expr": "y" } }] })",
                    {"error: missing required key 'anchor' in top-level collect item (only the "
                     "collect items of a stop default to the stop's anchor) [at /collect/0]",
                     "error: missing required key 'name' in collect item [at /collect/1]",
                     "error: missing required key 'expr' in collect item [at /collect/1]",
                     "error: expected an object for a collect item, found a string [at /collect/2]",
                     // a misspelt anchor is one mistake, not also a missing one
                     "error: unknown key 'anchr' in collect item; did you mean 'anchor'? "
                     "[at /collect/3/anchr]",
                     "error: expected an array for 'collect', found an object [at /stops/0/collect]"});
}

TEST(Diagnostics, CollectItemValues) {
  expectDiagnostics(
      tourWithStop(kStopStart + R"("anchor": { "function": "main" }, "collect": [
        { "name": $^"Loss", "expr": $^"", "every": $^0 },
        { "name": $^"", "expr": "a", "every": $^"10", "x": $^"i + 1", "label": $^7 },
        { "name": "c", "expr": "c", "every": $^1000000001, "x": $^"", "anchor": $^{ "pattern": "p" } },
        { "name": "d", "expr": "d", "every": $^-1, $^"evrey": 2 }])"),
      {"error: invalid series name 'Loss': use lowercase letters, digits, '-', '_' and '.', "
       "starting with a letter or digit [at /stops/0/collect/0/name]",
       "error: collect expression must not be empty [at /stops/0/collect/0/expr]",
       "error: 'every' must be at least 1, found 0 [at /stops/0/collect/0/every]",
       "error: 'name' must not be empty [at /stops/0/collect/1/name]",
       "error: expected an integer for 'every', found a string [at /stops/0/collect/1/every]",
       "error: 'x' must be a variable path (names joined by '.', '->' and '[N]'), found 'i + 1': "
       "x values are read without running code [at /stops/0/collect/1/x]",
       "error: expected a string for 'label', found a number [at /stops/0/collect/1/label]",
       "error: 'every' must be at most 1000000000 [at /stops/0/collect/2/every]",
       "error: 'x' must not be empty [at /stops/0/collect/2/x]",
       "error: anchor needs 'function' or 'file' [at /stops/0/collect/2/anchor]",
       "error: 'every' must be at least 1, found -1 [at /stops/0/collect/3/every]",
       "error: unknown key 'evrey' in collect item; did you mean 'every'? "
       "[at /stops/0/collect/3/evrey]"});
}

TEST(Diagnostics, CollectExpressionThatIsNotAVariablePathIsAWarning) {
  // Like a watch expression, but --trust does not help: the plugin reads series inside a
  // breakpoint callback and collects variable paths only.
  std::string text = tourWithStop(kStopStart + R"("anchor": { "function": "main" }, )"
                                               R"js("collect": [{ "name": "n", "expr": $^"norm(g)" }])js");
  expectDiagnostics(text, {"warning: collect expression 'norm(g)' is not a variable path; only "
                           "variable paths are collected, even with 'tour start --trust', so "
                           "this series gets no values [at /stops/0/collect/0/expr]"});
  EXPECT_TRUE(parseTour(annotate(text).text, "t.json").ok());
}

TEST(Diagnostics, SeriesNamesAreUniqueAcrossTheTourAndTheFirstInTheFileKeepsIt) {
  // The stops come first in this file, so the top-level item is the repeat.
  std::string text = R"({ "version": 1, "title": "T", "program": { "path": "p" }, "stops": [
  { "id": "a", "stage": "data", "title": "A", "anchor": { "function": "main" }, "collect": [{ "name": "x", "expr": "x" }] },
  { "id": "b", "stage": "loss", "title": "B", "anchor": { "function": "f" }, "collect": [{ "name": "y", "expr": "y" }, { "name": "x", "expr": "z" }] }
],
  "collect": [{ "name": "y", "expr": "y", "anchor": { "function": "g" } }] })";
  EXPECT_THAT(diagnose(text),
              ElementsAre("t.json:3:130: error: duplicate series name 'x' [at /stops/1/collect/1/name]",
                          "t.json:2:103: note: series 'x' is first defined here [at /stops/0/collect/0/name]",
                          "t.json:5:25: error: duplicate series name 'y' [at /collect/0/name]",
                          "t.json:3:100: note: series 'y' is first defined here [at /stops/1/collect/0/name]"));
}

TEST(Diagnostics, PlotNamesSeriesDeclaredAnywhereInTheTour) {
  // "later" is declared by a later stop: plot entries may name series from anywhere.
  std::string ok = R"({ "version": 1, "title": "T", "program": { "path": "p" }, "stops": [
  { "id": "a", "stage": "data", "title": "A", "anchor": { "function": "main" }, "plot": ["later", "top"] },
  { "id": "b", "stage": "loss", "title": "B", "anchor": { "function": "f" }, "collect": [{ "name": "later", "expr": "x" }] }
], "collect": [{ "name": "top", "expr": "t", "anchor": { "function": "g" } }] })";
  LoadResult result = parseTour(ok, "t.json");
  EXPECT_TRUE(result.ok()) << formatAll(result.diagnostics);

  expectDiagnostics(R"({ "version": 1, "title": "T", "program": { "path": "p" }, "stops": [
  { "id": "a", "stage": "data", "title": "A", "anchor": { "function": "main" },
    "collect": [{ "name": "train-loss", "expr": "l" }, { "name": "acc", "expr": "a" }],
    "plot": [$^"train_loss", "acc", $^"speed", $^3] },
  { "id": "b", "stage": "loss", "title": "B", "anchor": { "function": "f" }, "plot": $^"acc" }
] })",
                    {"error: unknown series 'train_loss' in 'plot'; did you mean 'train-loss'? "
                     "[at /stops/0/plot/0]",
                     "error: unknown series 'speed' in 'plot' (series of this tour: train-loss, "
                     "acc) [at /stops/0/plot/2]",
                     "error: expected a string for an element of 'plot', found a number "
                     "[at /stops/0/plot/3]",
                     "error: expected an array of strings for 'plot', found a string "
                     "[at /stops/1/plot]"});
}

TEST(Diagnostics, PlotWithoutAnyCollectedSeries) {
  expectDiagnostics(tourWithStop(kStopStart + R"("anchor": { "function": "main" }, "plot": [$^"loss"])"),
                    {"error: unknown series 'loss' in 'plot': no 'collect' item of this tour "
                     "declares a series [at /stops/0/plot/0]"});
}

TEST(Diagnostics, ControlCharactersInMessagesAreEscaped) {
  // A diagnostic stays on one line whatever the file holds.
  expectDiagnostics(R"({ "version": 1, "title": "T", "program": { "path": "p" }, $^"a\tb\u0001": 1,
  "stops": [{ "id": "a", "stage": "data", "title": "A", "anchor": { "function": "main" } }] })",
                    {"error: unknown key 'a\\tb\\x01' in tour [at /a\\tb\\x01]"});
}

} // namespace
} // namespace tourguide::tours
