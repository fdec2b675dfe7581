// `tourguide validate` never sends a tour's escapes to the terminal: the message (which quotes
// the tour's keys), the JSON Pointer and the file's line in the excerpt go through the one
// sanitizer (tours::sanitizeLine), coloured or not.
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

TEST(TerminalCli, ValidateShowsEscapesInMessagesAndExcerptsAsText) {
  fs::path dir = fs::temp_directory_path() / ("tg-terminal-cli-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  // An unknown key holding ESC and U+009B, and raw control bytes inside a string on line 4
  // (invalid JSON: the excerpt shows that line).
  std::ofstream(dir / "keys.json") << "{\"version\": 1, \"title\": \"T\", \"\\u001b]52;c;eA==\\u0007\\u009b2J\": 1,\n"
                                      "\"program\": {\"path\": \"a\"}, \"stops\": [{\"id\": \"a\", \"stage\": \"setup\", "
                                      "\"title\": \"A\", \"anchor\": {\"function\": \"main\"}}]}\n";
  std::ofstream(dir / "raw.json") << "{\n  \"version\": 1,\n  \"program\": {\"path\": \"a\"},\n"
                                     "  \"title\": \"\x1b]52;c;SGVsbG8=\x07 \xc2\x9b" "2J\"\n}\n";
  for (const char *color : {"--color=never", "--color=always"}) {
    test::CommandResult r = test::runCommand({TOURGUIDE_BINARY, "validate", color, "keys.json", "raw.json"}, dir.string());
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out.find('\x07'), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("\xc2\x9b"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("\x1b]"), std::string::npos) << r.out;
    // The validator spells C0 controls in keys out (\x1b); the UTF-8 C1 control is a '?'.
    EXPECT_THAT(r.out, HasSubstr("unknown key '\\x1b]52;c;eA==\\x07?2J'"));
    EXPECT_THAT(r.out, HasSubstr("  \"title\": \"?]52;c;SGVsbG8=? ?2J\"\n"));
  }
  fs::remove_all(dir);
}

} // namespace
} // namespace tourguide::tours
