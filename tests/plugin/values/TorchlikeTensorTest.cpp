// A real sample repo: sample_repos/torchlike's own Tensor (std::vector<float> data plus a
// std::vector<std::size_t> shape), described by tests/plugin/values/torchlike.tour.json. The summary
// of a watched Tensor is checked against the raw vectors read independently here.
#include "StoppedProgram.h"
#include "tourguide/tours/TourFile.h"
#include "tourguide/values/WatchReader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

using tourguide::testing::StoppedProgram;
using tourguide::values::readWatchWithSnapshot;
using tourguide::values::WatchRequest;
using tourguide::values::WatchResult;

namespace {

double statOf(const std::string &line, const std::string &key) {
  size_t at = line.find(" " + key + "=");
  return at == std::string::npos ? std::nan("") : std::stod(line.substr(at + key.size() + 2));
}

/// The elements of a libstdc++ std::vector<T> member, read straight from memory by address.
template <typename T>
std::vector<T> rawVector(lldb::SBFrame frame, lldb::SBProcess process, const std::string &path) {
  lldb::SBValue start = frame.GetValueForVariablePath((path + "._M_impl._M_start").c_str());
  lldb::SBValue finish = frame.GetValueForVariablePath((path + "._M_impl._M_finish").c_str());
  lldb::SBError error;
  uint64_t begin = start.GetValueAsUnsigned(error, 0), end = finish.GetValueAsUnsigned(error, 0);
  EXPECT_TRUE(error.Success()) << path;
  std::vector<T> out((end - begin) / sizeof(T));
  if (!out.empty())
    process.ReadMemory(begin, out.data(), out.size() * sizeof(T), error);
  EXPECT_TRUE(error.Success()) << path;
  return out;
}

} // namespace

TEST(TorchlikeTensor, WatchedTensorAgreesWithItsRawVectors) {
  tourguide::tours::LoadResult tour = tourguide::tours::loadTourFile(TORCHLIKE_TOUR_PATH);
  ASSERT_TRUE(tour.ok()) << tourguide::tours::formatAll(tour.diagnostics);
  StoppedProgram program(TORCHLIKE_TRAIN_PATH, "nn::Linear::forward",
                         {TORCHLIKE_DATA_DIR, testing::TempDir() + "/torchlike-test.ckpt"});
  ASSERT_EQ(program.error(), "");
  lldb::SBFrame frame = program.frame(0);

  for (const tourguide::tours::Watch &watch : tour.tour->stops.at(0).watch) {
    SCOPED_TRACE(watch.expr);
    WatchRequest request;
    request.expr = watch.expr;
    request.types = &tour.tour->types;
    WatchResult result = readWatchWithSnapshot(frame, request);
    ASSERT_FALSE(result.line.error) << result.line.value;
    const std::string &line = result.line.value;

    std::vector<float> data = rawVector<float>(frame, program.process(), watch.expr + ".data");
    std::vector<size_t> shape = rawVector<size_t>(frame, program.process(), watch.expr + ".shape");
    ASSERT_FALSE(data.empty());
    std::string dims;
    size_t product = 1;
    for (size_t d : shape) {
      dims += (dims.empty() ? "" : "x") + std::to_string(d);
      product *= d;
    }
    EXPECT_EQ(product, data.size());
    EXPECT_EQ(line.rfind("Tensor float32 [" + dims + "] min=", 0), 0u) << line;

    double min = data[0], max = data[0], sum = 0;
    for (float v : data) {
      min = std::fmin(min, v), max = std::fmax(max, v), sum += v;
    }
    double mean = sum / data.size(), squares = 0;
    for (float v : data)
      squares += (v - mean) * (v - mean);
    double std = std::sqrt(squares / data.size());
    EXPECT_NEAR(statOf(line, "min"), min, 1e-5 * std::max(1.0, std::fabs(min))) << line;
    EXPECT_NEAR(statOf(line, "max"), max, 1e-5 * std::max(1.0, std::fabs(max))) << line;
    EXPECT_NEAR(statOf(line, "mean"), mean, 1e-5 * std::max(1.0, std::fabs(mean))) << line;
    EXPECT_NEAR(statOf(line, "std"), std, 1e-5 * std::max(1.0, std)) << line;
    EXPECT_NE(line.find(" nan=0 inf=0 ["), std::string::npos) << line;

    ASSERT_TRUE(result.snapshot.has_value());
    ASSERT_EQ(result.snapshot->values.size(), data.size());
    for (size_t i = 0; i < data.size(); ++i)
      ASSERT_EQ(result.snapshot->values[i], data[i]) << i;
  }
}

TEST(TorchlikeTensor, DefaultConstructedTensorIsEmpty) {
  tourguide::tours::LoadResult tour = tourguide::tours::loadTourFile(TORCHLIKE_TOUR_PATH);
  ASSERT_TRUE(tour.ok()) << tourguide::tours::formatAll(tour.diagnostics);
  StoppedProgram program(TORCHLIKE_TRAIN_PATH, "nn::Linear::forward",
                         {TORCHLIKE_DATA_DIR, testing::TempDir() + "/torchlike-test.ckpt"});
  ASSERT_EQ(program.error(), "");
  // The first forward pass has not stored its input yet: no shape, no data.
  WatchRequest request;
  request.expr = "this->input_";
  request.types = &tour.tour->types;
  WatchResult result = readWatchWithSnapshot(program.frame(0), request);
  EXPECT_FALSE(result.line.error) << result.line.value;
  EXPECT_EQ(result.line.value, "Tensor float32 [] (empty)");
}
