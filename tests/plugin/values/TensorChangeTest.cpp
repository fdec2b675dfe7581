// "What changed": snapshots of the same watches at two stops of programs/tensor_program.cpp,
// which changes its data by a known amount between them and measures the change itself.
#include "StoppedProgram.h"
#include "tourguide/values/NumericChange.h"
#include "tourguide/values/WatchReader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

using tourguide::testing::StoppedProgram;
using tourguide::values::describeChange;
using tourguide::values::NumericSnapshot;
using tourguide::values::readWatchWithSnapshot;
using tourguide::values::WatchRequest;
using tourguide::values::WatchResult;

namespace {

double numberAfter(const std::string &line, const std::string &key) {
  size_t at = line.find(key);
  return at == std::string::npos ? std::nan("") : std::stod(line.substr(at + key.size()));
}

double programDouble(lldb::SBFrame frame, const char *name) {
  lldb::SBValue v = frame.GetValueForVariablePath(name);
  lldb::SBError error;
  // By name: lldb::BasicType numbers differ between LLDB versions (this runs in several).
  if (std::string(v.GetType().GetCanonicalType().GetName()) == "double")
    return v.GetData().GetDouble(error, 0);
  return static_cast<double>(v.GetValueAsSigned(error, 0));
}

std::vector<tourguide::tours::TypeDescription> tensorType() {
  tourguide::tours::TypeDescription tensor;
  tensor.name = "Tensor";
  tensor.data = "data";
  tensor.shape = "shape";
  tourguide::tours::TypeDescription mat;
  mat.name = "lin::Mat<*>";
  mat.data = "storage";
  mat.rows = "rows";
  mat.cols = "cols";
  return {tensor, mat};
}

/// Snapshots of `exprs` in main()'s frame (stop_here's caller).
std::map<std::string, NumericSnapshot> snapshots(StoppedProgram &program,
                                                 const std::vector<tourguide::tours::TypeDescription> &types,
                                                 const std::vector<std::string> &exprs) {
  std::map<std::string, NumericSnapshot> out;
  for (const std::string &expr : exprs) {
    WatchRequest request;
    request.expr = expr;
    request.types = &types;
    WatchResult result = readWatchWithSnapshot(program.frame(1), request);
    EXPECT_FALSE(result.line.error) << expr << ": " << result.line.value;
    EXPECT_TRUE(result.snapshot.has_value()) << expr;
    if (result.snapshot)
      out[expr] = *result.snapshot;
  }
  return out;
}

} // namespace

TEST(TensorChange, TheUpdateBetweenTwoStopsIsMeasured) {
  StoppedProgram program(TENSOR_PROGRAM_PATH, "stop_here");
  ASSERT_EQ(program.error(), "");
  const std::vector<tourguide::tours::TypeDescription> types = tensorType();
  const std::vector<std::string> exprs = {"small", "big", "mat", "big_count"};
  std::map<std::string, NumericSnapshot> before = snapshots(program, types, exprs);

  lldb::SBError status = program.process().Continue();
  ASSERT_TRUE(status.Success()) << status.GetCString();
  ASSERT_EQ(program.process().GetState(), lldb::eStateStopped);
  lldb::SBFrame main = program.frame(1);
  ASSERT_EQ(programDouble(main, "big_change"), 0.5) << "not at the second stop";
  std::map<std::string, NumericSnapshot> after = snapshots(program, types, exprs);

  // Every odd element of `small` went down by 0.25: the program measured it too.
  std::string small = describeChange(before["small"], after["small"]);
  EXPECT_EQ(small.rfind("mean|\u0394|=", 0), 0u) << small;
  EXPECT_NEAR(numberAfter(small, "mean|\u0394|="), programDouble(main, "small_change_mean"), 1e-3);
  EXPECT_NEAR(numberAfter(small, "max|\u0394|="), programDouble(main, "small_change_max"), 1e-3);
  EXPECT_NE(small.find("(" + std::to_string(static_cast<long>(programDouble(main, "small_changed"))) +
                       " of 32 changed)"),
            std::string::npos)
      << small;

  // `big` is sampled: the same sample at both stops is compared, and the line says so.
  std::string big = describeChange(before["big"], after["big"]);
  EXPECT_NEAR(numberAfter(big, "mean|\u0394|="), programDouble(main, "big_change"), 1e-3) << big;
  EXPECT_NE(big.find("(262144 of 262144 sampled changed)"), std::string::npos) << big;

  EXPECT_EQ(describeChange(before["mat"], after["mat"]), "unchanged");
  EXPECT_EQ(describeChange(before["big_count"], after["big_count"]), "unchanged");
  EXPECT_EQ(describeChange(before["small"], after["mat"]), "shape changed 4x8\u21923x5");
}

namespace {

NumericSnapshot snapshotOf(lldb::SBFrame frame, const std::string &expr,
                           const std::vector<tourguide::tours::TypeDescription> *types = nullptr) {
  WatchRequest request;
  request.expr = expr;
  request.types = types;
  WatchResult result = readWatchWithSnapshot(frame, request);
  EXPECT_FALSE(result.line.error) << expr << ": " << result.line.value;
  EXPECT_TRUE(result.snapshot.has_value()) << expr;
  return result.snapshot.value_or(NumericSnapshot{});
}

} // namespace

TEST(TensorChange, SnapshotsSayWhereTheirNumbersLive) {
  StoppedProgram program(TENSOR_PROGRAM_PATH, "stop_here");
  ASSERT_EQ(program.error(), "");
  const std::vector<tourguide::tours::TypeDescription> types = tensorType();
  lldb::SBFrame main = program.frame(1);

  NumericSnapshot heap = snapshotOf(main, "small", &types);
  EXPECT_EQ(heap.function, "main");
  EXPECT_EQ(heap.address, main.GetValueForVariablePath("small.data").GetValueAsUnsigned());
  EXPECT_EQ(heap.format.kind, tourguide::values::NumberKind::Floating);
  EXPECT_EQ(heap.format.byteSize, 4u);
  EXPECT_TRUE(heap.contiguous);
  EXPECT_FALSE(heap.onStack) << "a std::vector's elements are on the heap";

  NumericSnapshot global = snapshotOf(main, "small_stats.mean");
  EXPECT_EQ(global.address, main.GetValueForVariablePath("small_stats.mean").GetLoadAddress());
  EXPECT_FALSE(global.onStack);

  // main's locals are on the stack, owned by main's call; stop_here's by stop_here's.
  NumericSnapshot local = snapshotOf(main, "big_count");
  EXPECT_TRUE(local.onStack);
  EXPECT_EQ(local.stackOwner.rfind("main@0x", 0), 0u) << local.stackOwner;
  NumericSnapshot array = snapshotOf(main, "with_nan_buffer");
  EXPECT_TRUE(array.onStack);
  EXPECT_EQ(array.stackOwner, local.stackOwner);
  NumericSnapshot parameter = snapshotOf(program.frame(0), "stage");
  EXPECT_TRUE(parameter.onStack);
  EXPECT_EQ(parameter.stackOwner.rfind("stop_here(int)@0x", 0), 0u) << parameter.stackOwner;

  // The transposed view reads its elements out of memory order.
  tourguide::tours::TypeDescription view;
  view.name = "View";
  view.data = "base";
  view.shape = "dims";
  view.strides = "strides";
  const std::vector<tourguide::tours::TypeDescription> viewTypes = {view};
  EXPECT_FALSE(snapshotOf(main, "transposed", &viewTypes).contiguous);
}

TEST(TensorChange, TheSameMemoryUnderAnotherNameIsCompared) {
  using tourguide::values::describeMatchedChange;
  using tourguide::values::matchSnapshots;
  using tourguide::values::SnapshotMatch;
  StoppedProgram program(TENSOR_PROGRAM_PATH, "stop_here");
  ASSERT_EQ(program.error(), "");
  const std::vector<tourguide::tours::TypeDescription> types = tensorType();
  NumericSnapshot buffer = snapshotOf(program.frame(1), "small_buffer");
  NumericSnapshot nanBuffer = snapshotOf(program.frame(1), "with_nan_buffer");
  NumericSnapshot change1 = snapshotOf(program.frame(1), "big_change");
  ASSERT_TRUE(program.process().Continue().Success());
  ASSERT_EQ(program.process().GetState(), lldb::eStateStopped);
  lldb::SBFrame main = program.frame(1);

  // The Tensor `small` wraps small_buffer's elements: the same 32 floats, shaped 4x8.
  NumericSnapshot small = snapshotOf(main, "small", &types);
  ASSERT_EQ(matchSnapshots(buffer, small), SnapshotMatch::SameMemory);
  std::string change = describeMatchedChange(buffer, small, SnapshotMatch::SameMemory);
  EXPECT_NEAR(numberAfter(change, "mean|\u0394|="), programDouble(main, "small_change_mean"), 1e-3)
      << change;
  EXPECT_NE(change.find("(16 of 32 changed)"), std::string::npos) << change;

  // A stack array and the Tensor over it, both main's: the same memory in the same call.
  NumericSnapshot withNan = snapshotOf(main, "with_nan", &types);
  EXPECT_EQ(matchSnapshots(nanBuffer, withNan), SnapshotMatch::SameMemory);
  EXPECT_EQ(describeMatchedChange(nanBuffer, withNan, SnapshotMatch::SameMemory), "unchanged");

  // Different memory does not match, whatever its format.
  EXPECT_EQ(matchSnapshots(buffer, withNan), SnapshotMatch::None);

  // A global number read again in main: the same watch.
  NumericSnapshot change2 = snapshotOf(main, "big_change");
  ASSERT_EQ(matchSnapshots(change1, change2), SnapshotMatch::SameWatch);
  EXPECT_EQ(describeMatchedChange(change1, change2, SnapshotMatch::SameWatch), "0\u21920.5");
}
