// The writer's layout: key order, defaults left out, one-line small values, UTF-8, saving.
#include "TestFiles.h"
#include "tourguide/tours/TourFile.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace tourguide::tours {
namespace {

Tour smallTour() {
  Tour tour;
  tour.title = "Small";
  tour.program.path = "build/train";
  Stop stop;
  stop.id = "main";
  stop.stage = "setup";
  stop.title = "Start";
  stop.anchor.function = "main";
  tour.stops.push_back(stop);
  return tour;
}

TEST(WriteTour, LeavesDefaultsOut) {
  EXPECT_EQ(writeTour(smallTour()), R"({
  "version": 1,
  "title": "Small",
  "program": {
    "path": "build/train"
  },
  "stops": [
    {
      "id": "main",
      "stage": "setup",
      "title": "Start",
      "anchor": { "function": "main" }
    }
  ]
}
)");
}

TEST(WriteTour, UsesTheDocumentedKeyOrder) {
  Tour tour = smallTour();
  tour.schema = "s.json";
  tour.description = "D";
  tour.root = "..";
  tour.program.env = {{"B", "2"}, {"A", "1"}};
  tour.program.cwd = "w";
  tour.program.args = {"x"};
  Stop &stop = tour.stops[0];
  stop.text = "T";
  stop.hit = 2;
  stop.anchor = {"f", "a.c", "p", 3, {}, {}};
  stop.watch = {{"w", "", "", {}}, {"p", "weights", "n", {}}, {"q", "", "5", {}}};
  EXPECT_EQ(writeTour(tour), R"({
  "$schema": "s.json",
  "version": 1,
  "title": "Small",
  "description": "D",
  "root": "..",
  "program": {
    "path": "build/train",
    "args": ["x"],
    "cwd": "w",
    "env": { "A": "1", "B": "2" }
  },
  "stops": [
    {
      "id": "main",
      "stage": "setup",
      "title": "Start",
      "text": "T",
      "anchor": { "function": "f", "file": "a.c", "pattern": "p", "line": 3 },
      "hit": 2,
      "watch": [
        "w",
        { "expr": "p", "label": "weights", "count": "n" },
        { "expr": "q", "count": 5 }
      ]
    }
  ]
}
)");
}

TEST(WriteTour, TypesComeAfterTheProgramSortedByNameOneLineEach) {
  Tour tour = smallTour();
  TypeDescription mat;
  mat.name = "lin::Mat<*>";
  mat.data = "storage";
  mat.rows = "rows";
  mat.cols = "cols";
  TypeDescription tensor;
  tensor.name = "Tensor";
  tensor.dtype = "float32";
  tensor.strides = "strides";
  tensor.shape = "shape";
  tensor.data = "data";
  tour.types = {mat, tensor}; // written sorted, as a reader reads them back
  std::string text = writeTour(tour);
  EXPECT_EQ(text, R"({
  "version": 1,
  "title": "Small",
  "program": {
    "path": "build/train"
  },
  "types": {
    "Tensor": { "data": "data", "shape": "shape", "strides": "strides", "dtype": "float32" },
    "lin::Mat<*>": { "data": "storage", "rows": "rows", "cols": "cols" }
  },
  "stops": [
    {
      "id": "main",
      "stage": "setup",
      "title": "Start",
      "anchor": { "function": "main" }
    }
  ]
}
)");
  LoadResult back = parseTour(text, "t.json");
  ASSERT_TRUE(back.ok()) << formatAll(back.diagnostics);
  ASSERT_EQ(back.tour->types.size(), 2u);
  EXPECT_EQ(back.tour->types[0].name, "Tensor");
  EXPECT_EQ(back.tour->types[0].strides, "strides");
  EXPECT_EQ(back.tour->types[1].cols, "cols");
  EXPECT_EQ(writeTour(*back.tour), text);
}

TEST(WriteTour, CollectComesBeforeTheStopsAndPlotLastInAStop) {
  Tour tour = smallTour();
  Collect loss;
  loss.name = "loss";
  loss.expr = "e_loss";
  loss.anchor.function = "main";
  loss.anchor.pattern = "printf(";
  Collect norm;
  norm.name = "norm";
  norm.expr = "g.norm";
  norm.label = "gradient norm";
  norm.x = "step";
  norm.every = 10;
  norm.anchor.function = "clip";
  tour.collect = {loss, norm};
  Collect lr;
  lr.name = "lr";
  lr.expr = "opt->lr"; // no anchor: collected at the stop's
  tour.stops[0].collect = {lr};
  tour.stops[0].watch = {{"w", "", "", {}}};
  tour.stops[0].plot = {"loss", "lr"};
  std::string text = writeTour(tour);
  EXPECT_EQ(text, R"({
  "version": 1,
  "title": "Small",
  "program": {
    "path": "build/train"
  },
  "collect": [
    { "name": "loss", "expr": "e_loss", "anchor": { "function": "main", "pattern": "printf(" } },
    {
      "name": "norm",
      "expr": "g.norm",
      "label": "gradient norm",
      "x": "step",
      "every": 10,
      "anchor": { "function": "clip" }
    }
  ],
  "stops": [
    {
      "id": "main",
      "stage": "setup",
      "title": "Start",
      "anchor": { "function": "main" },
      "watch": ["w"],
      "collect": [{ "name": "lr", "expr": "opt->lr" }],
      "plot": ["loss", "lr"]
    }
  ]
}
)");
  LoadResult back = parseTour(text, "t.json");
  ASSERT_TRUE(back.ok()) << formatAll(back.diagnostics);
  EXPECT_EQ(writeTour(*back.tour), text);
}

TEST(WriteTour, ATopLevelCollectItemKeepsEvenAnEmptyAnchor) {
  // Leaving it out would turn a mistake in memory into a different one in the file; writing
  // it keeps the file's error ("anchor needs 'function' or 'file'") at the item that has it.
  Tour tour = smallTour();
  Collect noPlace;
  noPlace.name = "loss";
  noPlace.expr = "loss";
  tour.collect = {noPlace};
  std::string text = writeTour(tour);
  EXPECT_NE(text.find(R"({ "name": "loss", "expr": "loss", "anchor": {} })"), std::string::npos)
      << text;
}

TEST(WriteTour, SpreadsLongValuesOverLines) {
  Tour tour = smallTour();
  tour.program.args = {std::string(50, 'a'), std::string(50, 'b')};
  std::string text = writeTour(tour);
  EXPECT_NE(text.find("    \"args\": [\n      \"" + std::string(50, 'a') + "\",\n"), std::string::npos)
      << text;
}

TEST(WriteTour, WritesUtf8AsItIsAndEscapesWhatJsonNeeds) {
  Tour tour = smallTour();
  tour.stops[0].text = "loss \xE2\x86\x92 0, \"quoted\"\nnext\tline";
  std::string text = writeTour(tour);
  EXPECT_NE(text.find(R"("text": "loss )" "\xE2\x86\x92" R"( 0, \"quoted\"\nnext\tline")"),
            std::string::npos)
      << text;
}

TEST(WriteTour, CountsThatLookLikeNumbersButAreNotStayStrings) {
  Tour tour = smallTour();
  tour.stops[0].watch = {{"p", "", "0", {}}, {"q", "", "007", {}}};
  std::string text = writeTour(tour);
  EXPECT_NE(text.find(R"({ "expr": "p", "count": "0" }, { "expr": "q", "count": "007" })"),
            std::string::npos)
      << text;
}

TEST(WriteTour, InvalidUtf8InMemoryIsReplacedNotThrown) {
  Tour tour = smallTour();
  tour.title = "bad \xFF byte";
  std::string text = writeTour(tour);
  EXPECT_NE(text.find("\"title\": \"bad \xEF\xBF\xBD byte\""), std::string::npos) << text;
}

TEST(SaveTourFile, WritesAndReportsFailures) {
  std::string dir = testing::TempDir() + "/tourguide-save-test";
  std::filesystem::create_directories(dir);
  std::string path = dir + "/t.json";
  EXPECT_EQ(saveTourFile(smallTour(), path), "");
  EXPECT_EQ(test::readFile(path), writeTour(smallTour()));
  LoadResult reloaded = loadTourFile(path);
  EXPECT_TRUE(reloaded.ok()) << formatAll(reloaded.diagnostics);

  std::string error = saveTourFile(smallTour(), dir + "/no/such/dir/t.json");
  EXPECT_EQ(error.rfind("cannot write tour file " + dir + "/no/such/dir/t.json: ", 0), 0u) << error;
  std::filesystem::remove_all(dir);
}

} // namespace
} // namespace tourguide::tours
