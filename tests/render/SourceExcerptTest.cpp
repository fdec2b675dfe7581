#include "tourguide/render/SourceExcerpt.h"
#include "tourguide/tours/Files.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

using namespace tourguide::render;

namespace {

/// A source file in the temp folder, removed when the test ends.
class TempSource {
public:
  explicit TempSource(const std::string &text) {
    char name[] = "/tmp/tourguide-excerpt-XXXXXX";
    int fd = mkstemp(name);
    path_ = name;
    if (fd >= 0)
      close(fd);
    std::ofstream(path_) << text;
  }
  ~TempSource() { std::remove(path_.c_str()); }
  const std::string &path() const { return path_; }

private:
  std::string path_;
};

const char *TwelveLines = "l1\nl2\nl3\nl4\nl5\nl6\nl7\nl8\n\tl9\nl10\nl11\nl12\n";

} // namespace

TEST(SourceExcerpt, MarksTheStopLineWithContext) {
  TempSource file(TwelveLines);
  EXPECT_EQ(renderSourceExcerpt(file.path(), 9, 2, Style{}),
            "   7 | l7\n"
            "   8 | l8\n"
            ">  9 |     l9\n"
            "  10 | l10\n"
            "  11 | l11\n");
}

TEST(SourceExcerpt, ClampsAtTheStartOfTheFile) {
  TempSource file(TwelveLines);
  EXPECT_EQ(renderSourceExcerpt(file.path(), 1, 2, Style{}),
            "> 1 | l1\n"
            "  2 | l2\n"
            "  3 | l3\n");
}

TEST(SourceExcerpt, ClampsAtTheEndOfTheFile) {
  TempSource file(TwelveLines);
  EXPECT_EQ(renderSourceExcerpt(file.path(), 12, 2, Style{}),
            "  10 | l10\n"
            "  11 | l11\n"
            "> 12 | l12\n");
}

TEST(SourceExcerpt, BlankLinesHaveNoTrailingSpaces) {
  TempSource file("int a;\n\n  \r\nint b;\n");
  EXPECT_EQ(renderSourceExcerpt(file.path(), 2, 1, Style{}),
            "  1 | int a;\n"
            "> 2 |\n"
            "  3 |\n");
}

TEST(SourceExcerpt, LongLinesAreCutToTheWidth) {
  TempSource file("int a_rather_long_line_of_code = compute_something(argument);\n");
  Style narrow;
  narrow.width = 30;
  EXPECT_EQ(renderSourceExcerpt(file.path(), 1, 0, narrow), "> 1 | int a_rather_long_lin...\n");
}

TEST(SourceExcerpt, MissingFileGivesOneExplanatoryLine) {
  EXPECT_EQ(renderSourceExcerpt("/nonexistent/train.c", 3, 2, Style{}),
            "  (source not available: /nonexistent/train.c: No such file or directory)\n");
}

TEST(SourceExcerpt, UnreadableFileGivesOneExplanatoryLine) {
  EXPECT_EQ(renderSourceExcerpt("/tmp", 3, 2, Style{}),
            "  (source not readable: /tmp: it is a directory, not a regular file)\n");
}

// Debug information or a #line directive may name any path: a FIFO nobody writes to, a device
// that never ends, a huge file. Each gets one line at once (docs/security.md, "Files").
TEST(SourceExcerpt, OnlyARegularFileUnderTheLimitIsRead) {
  Style wide; // the whole note, not cut at 100 columns
  wide.width = 300;
  char folder[] = "/tmp/tourguide-excerpt-dir-XXXXXX";
  ASSERT_NE(mkdtemp(folder), nullptr);
  std::string fifo = std::string(folder) + "/train.c";
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(renderSourceExcerpt(fifo, 3, 2, wide),
            "  (source not readable: " + fifo + ": it is a FIFO (named pipe), not a regular file)\n");
  EXPECT_EQ(renderSourceExcerpt("/dev/zero", 3, 2, wide),
            "  (source not readable: /dev/zero: it is a character device, not a regular file)\n");
  std::string big = std::string(folder) + "/big.c";
  std::ofstream(big) << "int a;\n";
  ASSERT_EQ(truncate(big.c_str(), static_cast<off_t>(tourguide::tours::kMaxSourceFileBytes) + 1), 0);
  EXPECT_EQ(renderSourceExcerpt(big, 1, 2, wide),
            "  (source not readable: " + big +
                ": it is larger than 32 MiB, the limit for a source file (docs/security.md))\n");
  std::remove(fifo.c_str());
  std::remove(big.c_str());
  rmdir(folder);
}

TEST(SourceExcerpt, LinePastTheEndIsExplained) {
  TempSource file("a\nb\n");
  EXPECT_EQ(renderSourceExcerpt(file.path(), 10, 2, Style{}),
            "  (" + file.path() + " has 2 lines; line 10 is past its end)\n");
}

TEST(SourceExcerpt, ColourMarksTheCurrentLine) {
  TempSource file(TwelveLines);
  Style colour;
  colour.color = true;
  std::string text = renderSourceExcerpt(file.path(), 2, 1, colour);
  EXPECT_NE(text.find("\x1b[1;33m> 2 | \x1b[0m\x1b[1ml2\x1b[0m\n"), std::string::npos) << text;
}
