// Drives the real debugger: launches programs/watch_program.cpp under an in-process
// SBDebugger, stops in stop_here() and reads main()'s variables with readWatch.
#include "StoppedProgram.h"
#include "tourguide/values/ScalarReader.h"
#include "tourguide/values/WatchReader.h"

#include "NumberTypes.h" // private to the library: builtinOf is tested directly

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

using tourguide::render::WatchLine;
using tourguide::values::readWatch;
using tourguide::testing::StoppedProgram;
using tourguide::values::WatchRequest;

namespace {

class WatchReaderTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() { program = new StoppedProgram(WATCH_PROGRAM_PATH, "stop_here"); }
  static void TearDownTestSuite() {
    delete program;
    program = nullptr;
  }

  void SetUp() override {
    ASSERT_EQ(program->error(), "");
    process = program->process();
    ASSERT_EQ(process.GetState(), lldb::eStateStopped);
  }

  /// main()'s frame: stop_here() was called from it.
  static lldb::SBFrame mainFrame() {
    lldb::SBFrame frame = program->frame(1);
    EXPECT_STREQ(frame.GetFunctionName(), "main");
    return frame;
  }

  static WatchLine read(const std::string &expr, const std::string &count = "",
                        bool trusted = false) {
    WatchRequest request;
    request.expr = expr;
    request.count = count;
    request.trusted = trusted;
    return readWatch(mainFrame(), request);
  }

  /// The value of a line that must not be an error.
  static std::string value(const std::string &expr, const std::string &count = "") {
    WatchLine line = read(expr, count);
    EXPECT_FALSE(line.error) << expr << ": " << line.value;
    return line.value;
  }

  /// A number the program computed itself, read as a plain double.
  static double programDouble(const std::string &name) { return std::stod(value(name)); }

  static StoppedProgram *program;
  lldb::SBProcess process;
};

StoppedProgram *WatchReaderTest::program = nullptr;

/// The number after `key` ("mean=") in a summary line.
double statOf(const std::string &line, const std::string &key) {
  size_t at = line.find(" " + key);
  if (at == std::string::npos)
    return -12345.678;
  return std::stod(line.substr(at + 1 + key.size()));
}

} // namespace

TEST_F(WatchReaderTest, Scalars) {
  EXPECT_EQ(value("epoch"), "3");
  EXPECT_EQ(value("lr"), "0.001");
  EXPECT_EQ(value("shuffle"), "true");
  EXPECT_EQ(value("grade"), "'A' (65)");
  EXPECT_EQ(value("tag"), "\"train\"");
  EXPECT_EQ(value("phase"), "Eval");
  EXPECT_EQ(value("null_ptr"), "nullptr");
  EXPECT_EQ(value("big_size"), "1000000");
}

TEST_F(WatchReaderTest, LabelDefaultsToTheExpression) {
  WatchRequest request;
  request.expr = "epoch";
  EXPECT_EQ(readWatch(mainFrame(), request).label, "epoch");
  request.label = "current epoch";
  EXPECT_EQ(readWatch(mainFrame(), request).label, "current epoch");
}

TEST_F(WatchReaderTest, FloatVectorSummary) {
  std::string line = value("weights");
  EXPECT_EQ(line, "size=6 float32 min=-1.25 max=10 mean=2.45833 std=3.69238 nan=0 inf=0 [0.5, -1.25, 2, 3.5, 0, ...]");
  EXPECT_NEAR(statOf(line, "mean="), programDouble("weights_mean"), 1e-5);
}

TEST_F(WatchReaderTest, NanAndInfAreCountedAndLeftOutOfTheStats) {
  EXPECT_EQ(value("losses"), "size=6 float64 min=1 max=3 mean=2 std=0.816497 nan=1 inf=2 [1, nan, inf, -inf, 2, ...]");
}

TEST_F(WatchReaderTest, IntVectorSummary) {
  std::string line = value("labels");
  EXPECT_EQ(line, "size=8 int32 min=1 max=9 mean=3.875 std=2.57087 [3, 1, 4, 1, 5, ...]");
  EXPECT_DOUBLE_EQ(statOf(line, "mean="), programDouble("labels_mean"));
}

TEST_F(WatchReaderTest, EmptyVector) { EXPECT_EQ(value("empty"), "size=0 []"); }

TEST_F(WatchReaderTest, StdArray) {
  EXPECT_EQ(value("shape"), "size=4 int32 min=1 max=28 mean=15 std=13.0192 [1, 3, 28, 28]");
}

TEST_F(WatchReaderTest, CArrays) {
  EXPECT_EQ(value("bias"), "size=3 float32 min=0.1 max=0.3 mean=0.2 std=0.0816497 nan=0 inf=0 [0.1, 0.2, 0.3]");
  EXPECT_EQ(value("grid"), "size=2x3 float32 min=1 max=6 mean=3.5 std=1.70783 nan=0 inf=0 [1, 2, 3, 4, 5, ...]");
  EXPECT_EQ(value("pixels"), "size=5 uint8 min=0 max=255 mean=79.8 std=99.6983 [0, 255, 128, 7, 9]");
  EXPECT_EQ(value("label_name"), "\"cat\"");
  EXPECT_EQ(value("grid[1]"), "size=3 float32 min=4 max=6 mean=5 std=0.816497 nan=0 inf=0 [4, 5, 6]");
}

TEST_F(WatchReaderTest, PointerWithCountFromAVariable) {
  std::string line = value("data", "n");
  EXPECT_EQ(line, "size=10 float32 min=0 max=4.5 mean=2.25 std=1.43614 nan=0 inf=0 [0, 0.5, 1, 1.5, 2, ...]");
  EXPECT_DOUBLE_EQ(statOf(line, "mean="), programDouble("data_mean"));
}

TEST_F(WatchReaderTest, PointerWithLiteralCount) {
  EXPECT_EQ(value("data", "4"), "size=4 float32 min=0 max=1.5 mean=0.75 std=0.559017 nan=0 inf=0 [0, 0.5, 1, 1.5]");
}

TEST_F(WatchReaderTest, PointerWithoutCountShowsWhatItPointsTo) {
  std::string line = value("data");
  EXPECT_EQ(line.substr(0, 2), "0x");
  EXPECT_EQ(line.substr(line.size() - 5), " -> 0");
}

TEST_F(WatchReaderTest, BadCounts) {
  WatchLine refused = read("data", "bump()");
  EXPECT_TRUE(refused.error);
  EXPECT_NE(refused.value.find("could run code"), std::string::npos) << refused.value;
  WatchLine missing = read("data", "no_such_count");
  EXPECT_TRUE(missing.error);
  EXPECT_NE(missing.value.find("count `no_such_count` cannot be read"), std::string::npos)
      << missing.value;
}

TEST_F(WatchReaderTest, StructOnOneLine) {
  EXPECT_EQ(value("origin"), "{id = 7, x = 1.5, y = -2.25, name = \"origin\"}");
  std::string viaPointer = value("origin_ptr");
  EXPECT_EQ(viaPointer.substr(0, 2), "0x");
  EXPECT_NE(viaPointer.find(" -> {id = 7, x = 1.5, y = -2.25, name = \"origin\"}"),
            std::string::npos)
      << viaPointer;
  EXPECT_EQ(value("origin_ptr->name"), "\"origin\"");
  EXPECT_EQ(value("origin.y"), "-2.25");
}

TEST_F(WatchReaderTest, VectorOfStructs) {
  EXPECT_EQ(value("points"), "size=2 [{id = 1, x = 0.5, y = 1, name = \"a\"}, "
                             "{id = 2, x = 1.5, y = 2, name = \"b\"}]");
}

TEST_F(WatchReaderTest, ContainersInsideValuesListOnlyTheirFirstElements) {
  EXPECT_EQ(value("sample"), "{label = 2, features = size=4 [0.25, 0.5, 0.75, ...]}");
  EXPECT_EQ(value("nested"), "size=2 [size=2 [1, 2], size=1 [3]]");
  EXPECT_EQ(value("sample.features"),
            "size=4 float32 min=0.25 max=1 mean=0.625 std=0.279508 nan=0 inf=0 [0.25, 0.5, 0.75, 1]");
}

TEST_F(WatchReaderTest, StdString) {
  EXPECT_EQ(value("name"), "\"mnist-train\" (11 chars)");
  EXPECT_EQ(value("long_text"), "\"" + std::string(200, 'x') + "\"... (1000 chars)");
}

TEST_F(WatchReaderTest, BigVectorIsSampledAcrossItsWholeLengthAndSaysSo) {
  std::string line = value("big");
  EXPECT_EQ(line.rfind("size=1000000 float32 min=", 0), 0u) << line;
  const std::string end = " [0, 1, 2, 3, 4, ...] (sampled 262144 of 1000000)";
  ASSERT_GT(line.size(), end.size()) << line;
  EXPECT_EQ(line.substr(line.size() - end.size()), end) << line;
  EXPECT_EQ(statOf(line, "min="), programDouble("big_min"));
  // The maximum is in the last quarter: a sample of the first MiB only would miss it.
  EXPECT_EQ(statOf(line, "max="), programDouble("big_max"));
  // 64 chunks of 4096 elements = 4 periods of the i % 1000 pattern (plus 96): close to the
  // whole array's mean, not equal.
  EXPECT_NEAR(statOf(line, "mean="), programDouble("big_mean"), 0.02 * programDouble("big_mean"));
}

TEST_F(WatchReaderTest, UnknownVariableIsAnErrorLine) {
  WatchLine line = read("no_such_variable");
  EXPECT_TRUE(line.error);
  EXPECT_EQ(line.value, "not available here: `no_such_variable` is not in scope in main()");
}

TEST_F(WatchReaderTest, ExpressionIsRefusedWithoutTrustAndNothingRuns) {
  uint32_t stopsBefore = process.GetStopID(true);
  std::string callsBefore = value("calls");
  WatchLine line = read("bump()");
  EXPECT_TRUE(line.error);
  EXPECT_EQ(line.value, "`bump()` is not a variable path: evaluating it could run code in the "
                        "program (start the tour with `tour start --trust FILE` to allow it)");
  EXPECT_EQ(read("epoch + 1").error, true);
  EXPECT_EQ(value("calls"), callsBefore);
  EXPECT_EQ(process.GetStopID(true), stopsBefore) << "reading ran code in the program";
}

// The check above relies on the stop ID moving whenever code runs: show that it does.
TEST_F(WatchReaderTest, TrustedCallRunsCodeAndMovesTheStopId) {
  uint32_t stopsBefore = process.GetStopID(true);
  int callsBefore = std::stoi(value("calls"));
  WatchLine line = read("bump()", "", /*trusted=*/true);
  EXPECT_FALSE(line.error) << line.value;
  EXPECT_EQ(line.value, std::to_string(callsBefore + 1));
  EXPECT_EQ(value("calls"), std::to_string(callsBefore + 1));
  EXPECT_NE(process.GetStopID(true), stopsBefore);
  EXPECT_EQ(process.GetState(), lldb::eStateStopped);
}

TEST_F(WatchReaderTest, ReadingEveryKindDoesNotResumeTheProgram) {
  uint32_t stopsBefore = process.GetStopID(true);
  for (const char *expr : {"epoch", "weights", "shape", "bias", "grid", "origin", "origin_ptr",
                           "points", "name", "big", "tag", "phase"})
    value(expr);
  value("data", "n");
  EXPECT_EQ(process.GetStopID(true), stopsBefore);
  EXPECT_EQ(process.GetState(), lldb::eStateStopped);
}

TEST_F(WatchReaderTest, TrustedExpressionIsEvaluated) {
  WatchLine line = read("epoch * 2 + 1", "", /*trusted=*/true);
  EXPECT_FALSE(line.error) << line.value;
  EXPECT_EQ(line.value, "7");
  WatchLine bad = read("epoch +* 2", "", /*trusted=*/true);
  EXPECT_TRUE(bad.error);
  EXPECT_EQ(bad.value.rfind("evaluation failed: ", 0), 0u) << bad.value;
}

TEST_F(WatchReaderTest, NoFrameIsAnErrorLine) {
  WatchRequest request;
  request.expr = "epoch";
  WatchLine line = readWatch(lldb::SBFrame(), request);
  EXPECT_TRUE(line.error);
  EXPECT_EQ(line.value, "no stopped frame to read from (is the program running?)");
}

TEST_F(WatchReaderTest, VariableOutOfScopeInAnotherFrame) {
  WatchRequest request;
  request.expr = "epoch";
  // stop_here() has no locals: main's variables are not visible from its frame.
  WatchLine line = readWatch(program->frame(0), request);
  EXPECT_TRUE(line.error);
  EXPECT_EQ(line.value, "not available here: `epoch` is not in scope in stop_here()");
}

TEST_F(WatchReaderTest, ScalarsKeepTheirNumberAndWhereItLives) {
  struct Case {
    const char *expr;
    double number;
    tourguide::values::NumberKind kind;
  };
  using tourguide::values::NumberKind;
  for (const Case &c : {Case{"epoch", 3, NumberKind::Signed}, Case{"lr", 0.001, NumberKind::Floating},
                        Case{"shuffle", 1, NumberKind::Bool}, Case{"grade", 65, NumberKind::Signed}}) {
    WatchRequest request;
    request.expr = c.expr;
    tourguide::values::WatchResult result = tourguide::values::readWatchWithSnapshot(mainFrame(), request);
    ASSERT_TRUE(result.snapshot.has_value()) << c.expr << ": " << result.line.value;
    const tourguide::values::NumericSnapshot &s = *result.snapshot;
    EXPECT_EQ(s.key, c.expr);
    EXPECT_EQ(s.function, "main");
    EXPECT_TRUE(s.shape.empty()) << c.expr;
    EXPECT_EQ(s.total, 1u) << c.expr;
    ASSERT_EQ(s.values.size(), 1u) << c.expr;
    EXPECT_EQ(s.values[0], c.number) << c.expr;
    EXPECT_EQ(s.format.kind, c.kind) << c.expr;
    EXPECT_EQ(s.address, mainFrame().GetValueForVariablePath(c.expr).GetLoadAddress()) << c.expr;
    EXPECT_TRUE(s.onStack) << c.expr;
    EXPECT_EQ(s.stackOwner.rfind("main@0x", 0), 0u) << s.stackOwner;
  }
}

TEST_F(WatchReaderTest, AnEvaluatedNumberIsNotTiedToLldbsScratchMemory) {
  WatchRequest request;
  request.expr = "epoch * 2 + 1";
  request.trusted = true;
  tourguide::values::WatchResult result = tourguide::values::readWatchWithSnapshot(mainFrame(), request);
  ASSERT_TRUE(result.snapshot.has_value()) << result.line.value;
  EXPECT_EQ(result.snapshot->values, std::vector<double>{7});
  EXPECT_EQ(result.snapshot->address, 0u) << "the next expression reuses that memory";
  // A pointer an expression returns points into the program's own memory.
  request.expr = "data + 0";
  request.count = "n";
  result = tourguide::values::readWatchWithSnapshot(mainFrame(), request);
  ASSERT_TRUE(result.snapshot.has_value()) << result.line.value;
  EXPECT_EQ(result.snapshot->address, mainFrame().GetValueForVariablePath("data").GetValueAsUnsigned());
  EXPECT_FALSE(result.snapshot->onStack) << "new float[n] is on the heap";
}

TEST_F(WatchReaderTest, BitfieldsShareAnAddressSoTheirsIsNotKept) {
  using tourguide::values::matchSnapshots;
  using tourguide::values::SnapshotMatch;
  EXPECT_EQ(value("flags.mode"), "5");
  EXPECT_EQ(value("flags.level"), "17");
  WatchRequest request;
  request.expr = "flags.mode";
  auto mode = tourguide::values::readWatchWithSnapshot(mainFrame(), request);
  request.expr = "flags.level";
  auto level = tourguide::values::readWatchWithSnapshot(mainFrame(), request);
  ASSERT_TRUE(mode.snapshot && level.snapshot);
  EXPECT_EQ(mode.snapshot->values, std::vector<double>{5});
  EXPECT_EQ(level.snapshot->values, std::vector<double>{17});
  EXPECT_EQ(mode.snapshot->address, 0u);
  EXPECT_EQ(matchSnapshots(*mode.snapshot, *level.snapshot), SnapshotMatch::None);
}

TEST_F(WatchReaderTest, ReadScalarGivesTheNumberCollectedSeriesUse) {
  auto read = [](const std::string &path, double &out, std::string &why) {
    return tourguide::values::readScalar(
        mainFrame().GetValueForVariablePath(path.c_str(), lldb::eNoDynamicValues), out, why);
  };
  double out = 0;
  std::string why;
  ASSERT_TRUE(read("epoch", out, why)) << why;
  EXPECT_EQ(out, 3);
  ASSERT_TRUE(read("lr", out, why)) << why;
  EXPECT_EQ(out, 0.001); // exactly: from the bytes, not from LLDB's text
  ASSERT_TRUE(read("shuffle", out, why)) << why;
  EXPECT_EQ(out, 1);
  ASSERT_TRUE(read("phase", out, why)) << why;
  EXPECT_EQ(out, 1); // Phase::Eval
  ASSERT_TRUE(read("flags.level", out, why)) << why;
  EXPECT_EQ(out, 17); // a bitfield, not its storage unit
  EXPECT_FALSE(read("tag", out, why));
  EXPECT_NE(why.find("not a number"), std::string::npos) << why;
  EXPECT_FALSE(read("weights", out, why));
  EXPECT_FALSE(read("no_such_variable", out, why));
  EXPECT_FALSE(why.empty());
}

namespace {

using tourguide::values::Builtin;
using tourguide::values::builtinNamed;
using tourguide::values::builtinOf;

lldb::SBType typeOf(lldb::SBFrame frame, const char *path) {
  return frame.GetValueForVariablePath(path).GetType();
}

} // namespace

// The builtin of a value, asked of the running LLDB (these tests run in lldb 14, 15 and 16:
// LLDB 15 inserted eBasicTypeChar8 before eBasicTypeShort, so a float is enumerator 16 in
// 14's header and 17 in 15's). A float must be a float in every one of them.
TEST_F(WatchReaderTest, BuiltinTypesAreWhatTheRunningLldbNamesThem) {
  lldb::SBFrame frame = mainFrame();
  EXPECT_EQ(builtinOf(typeOf(frame, "bias[0]")), Builtin::Float);
  EXPECT_EQ(builtinOf(typeOf(frame, "lr")), Builtin::Double);
  EXPECT_EQ(builtinOf(typeOf(frame, "shuffle")), Builtin::Bool);
  EXPECT_EQ(builtinOf(typeOf(frame, "epoch")), Builtin::Int);
  EXPECT_EQ(builtinOf(typeOf(frame, "pixels[0]")), Builtin::UnsignedChar);
  EXPECT_EQ(builtinOf(typeOf(frame, "flags.mode")), Builtin::UnsignedInt);
  Builtin grade = builtinOf(typeOf(frame, "grade"));
  EXPECT_TRUE(grade == Builtin::Char || grade == Builtin::SignedChar);
  EXPECT_EQ(builtinOf(typeOf(frame, "origin")), Builtin::None);
  EXPECT_EQ(builtinOf(typeOf(frame, "data")), Builtin::None);
  EXPECT_EQ(builtinOf(typeOf(frame, "data").GetPointeeType()), Builtin::Float);
}

TEST(BuiltinNames, EveryBasicTypeNameLldbGives) {
  EXPECT_EQ(builtinNamed("float"), Builtin::Float);
  EXPECT_EQ(builtinNamed("long double"), Builtin::LongDouble);
  EXPECT_EQ(builtinNamed("_Bool"), Builtin::Bool);
  EXPECT_EQ(builtinNamed("bool"), Builtin::Bool);
  EXPECT_EQ(builtinNamed("char8_t"), Builtin::Char8);
  EXPECT_EQ(builtinNamed("unsigned long long"), Builtin::UnsignedLongLong);
  EXPECT_EQ(builtinNamed("__int128"), Builtin::Other);
  EXPECT_EQ(builtinNamed(""), Builtin::Other);
}
