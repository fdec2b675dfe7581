// Tensor-like types described by a tour's "types": programs/tensor_program.cpp builds values
// of its own Tensor, lin::Mat<T>, View (strided) and Blob (dtype) types and computes their
// statistics itself; the summaries tourguide reads must agree with them.
#include "StoppedProgram.h"
#include "tourguide/tours/TourFile.h"
#include "tourguide/values/WatchReader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>

using tourguide::render::WatchLine;
using tourguide::testing::StoppedProgram;
using tourguide::values::readWatch;
using tourguide::values::readWatchWithSnapshot;
using tourguide::values::WatchRequest;
using tourguide::values::WatchResult;

namespace {

/// The tour a team would write for tensor_program.cpp: read by the real loader.
const char *const kTour = R"({
  "version": 1,
  "title": "Tensor types",
  "program": { "path": "tensor_program" },
  "types": {
    "Tensor": { "data": "data", "shape": "shape" },
    "lin::Mat<*>": { "data": "storage", "rows": "rows", "cols": "cols" },
    "View": { "data": "base", "shape": "dims", "strides": "strides" },
    "Blob": { "data": "raw", "shape": "shape", "dtype": "int32" }
  },
  "stops": [{ "id": "s", "stage": "model", "title": "S", "anchor": { "function": "stop_here" } }]
})";

const std::vector<tourguide::tours::TypeDescription> &tourTypes() {
  static const std::vector<tourguide::tours::TypeDescription> types = [] {
    tourguide::tours::LoadResult loaded = tourguide::tours::parseTour(kTour, "tensor.tour.json");
    EXPECT_TRUE(loaded.ok()) << tourguide::tours::formatAll(loaded.diagnostics);
    return loaded.ok() ? loaded.tour->types : std::vector<tourguide::tours::TypeDescription>{};
  }();
  return types;
}

/// The number after " key=" in a summary line (NaN when missing).
double statOf(const std::string &line, const std::string &key) {
  size_t at = line.find(" " + key + "=");
  if (at == std::string::npos)
    return std::nan("");
  return std::stod(line.substr(at + key.size() + 2));
}

class TensorWatchTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() { program = new StoppedProgram(TENSOR_PROGRAM_PATH, "stop_here"); }
  static void TearDownTestSuite() {
    delete program;
    program = nullptr;
  }
  void SetUp() override { ASSERT_EQ(program->error(), ""); }

  static WatchRequest request(const std::string &expr) {
    WatchRequest r;
    r.expr = expr;
    r.types = &tourTypes();
    return r;
  }
  static WatchLine read(const std::string &expr) { return readWatch(program->frame(1), request(expr)); }
  static std::string value(const std::string &expr) {
    WatchLine line = read(expr);
    EXPECT_FALSE(line.error) << expr << ": " << line.value;
    return line.value;
  }
  /// A number the program computed itself (a double or integer global).
  static double programNumber(const std::string &path) {
    lldb::SBValue v = program->frame(1).GetValueForVariablePath(path.c_str());
    EXPECT_TRUE(v.IsValid() && v.GetError().Success()) << path;
    lldb::SBError error;
    // By name: lldb::BasicType numbers differ between LLDB versions (this runs in several).
    if (std::string(v.GetType().GetCanonicalType().GetName()) == "double")
      return v.GetData().GetDouble(error, 0);
    return static_cast<double>(v.GetValueAsSigned(error, 0));
  }
  /// min, max, mean and std of `line` agree with the program's `stats` global.
  static void expectStats(const std::string &line, const std::string &stats) {
    for (const char *key : {"min", "max", "mean", "std"}) {
      double expected = programNumber(stats + "." + key);
      EXPECT_NEAR(statOf(line, key), expected, 1e-5 * std::max(1.0, std::fabs(expected)))
          << key << " in " << line;
    }
  }

  static StoppedProgram *program;
};

StoppedProgram *TensorWatchTest::program = nullptr;

} // namespace

TEST_F(TensorWatchTest, TheTourDescribesFourTypes) {
  ASSERT_EQ(tourTypes().size(), 4u);
  EXPECT_EQ(tourTypes()[0].name, "Blob"); // sorted by name
  EXPECT_EQ(tourTypes()[1].name, "Tensor");
}

TEST_F(TensorWatchTest, SmallTensorIsReadWhole) {
  std::string line = value("small");
  EXPECT_EQ(line.rfind("Tensor float32 [4x8] min=", 0), 0u) << line;
  EXPECT_NE(line.find(" nan=0 inf=0 [0, 0.9589, 1.683, 1.995, 1.819, ...]"), std::string::npos)
      << line;
  EXPECT_EQ(line.find("sampled"), std::string::npos) << line;
  expectStats(line, "small_stats");
}

TEST_F(TensorWatchTest, PointerToADescribedTypeIsSummarisedToo) {
  EXPECT_EQ(value("small_ptr"), value("small"));
}

TEST_F(TensorWatchTest, BigTensorIsSampledAcrossItsWholeLengthAndSaysSo) {
  std::string line = value("big");
  EXPECT_EQ(line.rfind("Tensor float32 [1024x1024] ", 0), 0u) << line;
  EXPECT_NE(line.find(" (sampled 262144 of 1048576)"), std::string::npos) << line;
  // The maximum (11.023) is only in the upper half: a sample of the first MiB would miss it.
  // Each chunk covers whole rows, so this sample has the full array's statistics.
  expectStats(line, "big_stats");
}

TEST_F(TensorWatchTest, TemplatePatternMatchesEveryInstantiation) {
  std::string floats = value("mat");
  EXPECT_EQ(floats.rfind("lin::Mat<float> float32 [3x5] ", 0), 0u) << floats;
  expectStats(floats, "mat_stats");
  std::string doubles = value("matd");
  EXPECT_EQ(doubles.rfind("lin::Mat<double> float64 [2x2] ", 0), 0u) << doubles;
  expectStats(doubles, "matd_stats");
}

TEST_F(TensorWatchTest, NanAndInfAreCounted) {
  std::string line = value("with_nan");
  EXPECT_EQ(line.rfind("Tensor float32 [2x3] ", 0), 0u) << line;
  EXPECT_EQ(statOf(line, "nan"), programNumber("nan_stats.nan"));
  EXPECT_EQ(statOf(line, "inf"), programNumber("nan_stats.inf"));
  expectStats(line, "nan_stats");
  EXPECT_NE(line.find("[1, nan, 3, inf, -inf, ...]"), std::string::npos) << line;
}

TEST_F(TensorWatchTest, StridesAreFollowed) {
  std::string line = value("transposed");
  // Row 0 of the transposed view is column 0 of the 3x4 buffer: 0, 16, 64; then 1, 25.
  EXPECT_EQ(line.rfind("View float64 [4x3] ", 0), 0u) << line;
  EXPECT_NE(line.find("[0, 16, 64, 1, 25, ...]"), std::string::npos) << line;
  expectStats(line, "view_stats");
}

TEST_F(TensorWatchTest, DtypeReadsUntypedMemory) {
  std::string line = value("blob");
  EXPECT_EQ(line.rfind("Blob int32 [5] ", 0), 0u) << line;
  EXPECT_NE(line.find("[-2, 7, 100, 0, 40]"), std::string::npos) << line;
  expectStats(line, "blob_stats");
}

TEST_F(TensorWatchTest, EmptyTensor) { EXPECT_EQ(value("empty"), "Tensor float32 [0x4] (empty)"); }

TEST_F(TensorWatchTest, ImpossibleShapesAreRefusedWithAReason) {
  WatchLine negative = read("garbage");
  EXPECT_TRUE(negative.error);
  EXPECT_EQ(negative.value, "Tensor (as the tour's \"types\" describe it): negative dimension -3 "
                            "(is the value initialised yet?)");
  WatchLine absurd = read("absurd");
  EXPECT_TRUE(absurd.error);
  EXPECT_EQ(absurd.value, "Tensor (as the tour's \"types\" describe it): shape "
                          "[2000000000x2000000000] has more than 68719476736 elements "
                          "(is the value initialised yet?)");
  WatchLine dangling = read("dangling");
  EXPECT_TRUE(dangling.error);
  EXPECT_EQ(dangling.value, "Tensor float32 [2x2]: `data` is nullptr");
  WatchLine tooShort = read("short_mat");
  EXPECT_TRUE(tooShort.error);
  EXPECT_EQ(tooShort.value,
            "lin::Mat<float> float32 [4x4]: the shape needs 16 elements but `storage` holds 3");
}

TEST_F(TensorWatchTest, WithoutTypesATensorIsAPlainStruct) {
  WatchRequest plain;
  plain.expr = "small";
  WatchLine line = readWatch(program->frame(1), plain);
  EXPECT_FALSE(line.error) << line.value;
  EXPECT_EQ(line.value.rfind("{data = 0x", 0), 0u) << line.value;
}

TEST_F(TensorWatchTest, AMemberOfATensorIsAPlainValue) {
  std::string line = value("small_ptr->shape");
  EXPECT_EQ(line, "size=2 int32 min=4 max=8 mean=6 std=2 [4, 8]");
}

TEST_F(TensorWatchTest, SnapshotHoldsTheNumbersOfTheSummary) {
  WatchResult result = readWatchWithSnapshot(program->frame(1), request("small"));
  ASSERT_FALSE(result.line.error) << result.line.value;
  ASSERT_TRUE(result.snapshot.has_value());
  EXPECT_EQ(result.snapshot->key, "small");
  EXPECT_EQ(result.snapshot->shape, (std::vector<uint64_t>{4, 8}));
  EXPECT_EQ(result.snapshot->total, 32u);
  ASSERT_EQ(result.snapshot->values.size(), 32u);
  EXPECT_FALSE(result.snapshot->sampled());
  EXPECT_FLOAT_EQ(result.snapshot->values[1], std::sin(0.5f) * 2.0f);

  WatchResult big = readWatchWithSnapshot(program->frame(1), request("big"));
  ASSERT_TRUE(big.snapshot.has_value());
  EXPECT_EQ(big.snapshot->values.size(), 262144u);
  EXPECT_EQ(big.snapshot->indices.size(), 262144u);
  EXPECT_EQ(big.snapshot->indices.back(), 1048576u / 64 * 63 + 4095);

  WatchResult text = readWatchWithSnapshot(program->frame(1), request("small_stats"));
  EXPECT_FALSE(text.snapshot.has_value()) << "a struct has no snapshot";
}

TEST_F(TensorWatchTest, ReadingTensorsDoesNotResumeTheProgram) {
  lldb::SBProcess process = program->process();
  uint32_t stopsBefore = process.GetStopID(true);
  for (const char *expr : {"small", "small_ptr", "big", "mat", "matd", "with_nan", "transposed",
                           "blob", "empty", "garbage", "absurd", "dangling", "short_mat"})
    readWatchWithSnapshot(program->frame(1), request(expr));
  EXPECT_EQ(process.GetStopID(true), stopsBefore);
  EXPECT_EQ(process.GetState(), lldb::eStateStopped);
}
