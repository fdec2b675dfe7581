// Built with -fno-exceptions, like code that uses LLVM's flags (the LLDB plugin): reading bad
// tours must give diagnostics, never an abort from an exception with nowhere to go.
#include "TestFiles.h"
#include "tourguide/tours/TourFile.h"

#include <gtest/gtest.h>

namespace tourguide::tours {
namespace {

TEST(NoExceptionsConsumer, EveryBadFileGivesDiagnostics) {
  for (const std::string &file : test::badCorpus()) {
    LoadResult result = loadTourFile(file);
    EXPECT_FALSE(result.ok()) << file;
    EXPECT_TRUE(hasErrors(result.diagnostics)) << file;
  }
  EXPECT_FALSE(parseTour("\xFF\xFE garbage", "x.json").ok());
  EXPECT_FALSE(parseTour("", "x.json").ok());
}

TEST(NoExceptionsConsumer, WritingWorks) {
  LoadResult result = loadTourFile(TOURS_CORPUS_DIR "/good/minimal.json");
  ASSERT_TRUE(result.ok());
  EXPECT_EQ(writeTour(*result.tour), test::readFile(TOURS_CORPUS_DIR "/good/minimal.json"));
}

} // namespace
} // namespace tourguide::tours
