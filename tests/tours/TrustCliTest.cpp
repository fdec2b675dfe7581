// `tourguide validate` on a tour that asks for what needs --trust (docs/security.md): each
// item is a warning at its value; the tour is still valid (exit 0).
#include "RunCommand.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using testing::HasSubstr;

namespace tourguide::tours {
namespace {

TEST(TrustCli, ValidateWarnsAboutEachThingThatNeedsTrust) {
  fs::path repo = fs::temp_directory_path() / ("tg-trust-cli-" + std::to_string(::getpid()));
  fs::remove_all(repo);
  fs::create_directories(repo / ".tours");
  std::ofstream(repo / ".tours" / "evil.json") << R"({
  "version": 1,
  "title": "Evil",
  "root": "/",
  "program": {
    "path": "/usr/bin/python3",
    "args": ["-c", "import os"],
    "cwd": "/etc",
    "env": { "LD_PRELOAD": "${root}/libevil.so", "OMP_NUM_THREADS": "1" }
  },
  "stops": [
    { "id": "a", "stage": "setup", "title": "A", "anchor": { "file": "../../../../etc/passwd", "line": 1 } }
  ]
}
)";
  test::CommandResult r = test::runCommand({TOURGUIDE_BINARY, "validate", ".tours/evil.json"}, repo.string());
  EXPECT_EQ(r.exitCode, 0) << r.out << r.err;
  const std::string root = fs::weakly_canonical(repo).string();
  EXPECT_THAT(r.out, HasSubstr(".tours/evil.json:4:11: warning: the tour asks for the repo root '/', which "
                               "leaves the folder that holds the tour (" + repo.string() + "); 'tour start' "
                               "refuses it without --trust (docs/security.md) [at /root]\n"));
  EXPECT_THAT(r.out, HasSubstr(".tours/evil.json:6:13: warning: the tour asks for the program '/usr/bin/python3', "
                               "outside the repo root '" + root + "'"));
  EXPECT_THAT(r.out, HasSubstr(".tours/evil.json:8:12: warning: the tour asks for the working directory '/etc', "
                               "outside the repo root '" + root + "'"));
  EXPECT_THAT(r.out, HasSubstr(".tours/evil.json:9:14: warning: the tour asks for the environment variable "
                               "'LD_PRELOAD', which controls how the program is loaded"));
  EXPECT_THAT(r.out, HasSubstr(".tours/evil.json:12:70: warning: the tour asks for the source file "
                               "'../../../../etc/passwd', outside the repo root '" + root + "'"));
  EXPECT_THAT(r.out, HasSubstr("\n5 warnings generated.\n"));
  fs::remove_all(repo);
}

} // namespace
} // namespace tourguide::tours
