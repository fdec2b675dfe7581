// A test with a fresh temporary folder of its own, removed afterwards, and a way to write
// files into it: a small repo or build written by the test itself.
#pragma once

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <gtest/gtest.h>

#include <string>

namespace tourguide::test {

class TempDirTest : public ::testing::Test {
protected:
  /// Makes `dir`, named after `prefix`; for SetUp: ASSERT_FALSE(makeDir("...")).
  std::error_code makeDir(const char *prefix) { return llvm::sys::fs::createUniqueDirectory(prefix, dir); }

  void TearDown() override {
    if (!dir.empty())
      llvm::sys::fs::remove_directories(dir);
  }

  /// Writes `text` to `name` (relative to `dir`; its folder must exist).
  void write(const std::string &name, const std::string &text) {
    llvm::SmallString<256> path(dir);
    llvm::sys::path::append(path, name);
    std::error_code ec;
    llvm::raw_fd_ostream os(path, ec);
    ASSERT_FALSE(ec) << path.str().str() << ": " << ec.message();
    os << text;
  }

  llvm::SmallString<256> dir;
};

} // namespace tourguide::test
