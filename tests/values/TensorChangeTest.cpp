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
  if (v.GetType().GetBasicType() == lldb::eBasicTypeDouble)
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
  EXPECT_EQ(small.rfind("changed: mean|\u0394|=", 0), 0u) << small;
  EXPECT_NEAR(numberAfter(small, "mean|\u0394|="), programDouble(main, "small_change_mean"), 1e-3);
  EXPECT_NEAR(numberAfter(small, "max|\u0394|="), programDouble(main, "small_change_max"), 1e-3);
  EXPECT_NE(small.find("(" + std::to_string(static_cast<long>(programDouble(main, "small_changed"))) +
                       " of 32 elements changed)"),
            std::string::npos)
      << small;

  // `big` is sampled: the same sample at both stops is compared, and the line says so.
  std::string big = describeChange(before["big"], after["big"]);
  EXPECT_NEAR(numberAfter(big, "mean|\u0394|="), programDouble(main, "big_change"), 1e-3) << big;
  EXPECT_NE(big.find("(262144 of 262144 sampled elements changed)"), std::string::npos) << big;

  EXPECT_EQ(describeChange(before["mat"], after["mat"]), "unchanged");
  EXPECT_EQ(describeChange(before["big_count"], after["big_count"]), "unchanged");
  EXPECT_EQ(describeChange(before["small"], after["mat"]), "shape changed 4x8\u21923x5");
}
