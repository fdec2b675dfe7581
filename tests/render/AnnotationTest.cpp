#include "tourguide/render/Annotation.h"
#include "tourguide/render/TextLayout.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <unistd.h>

using namespace tourguide::render;

namespace {

std::string writeTempSource() {
  char name[] = "/tmp/tourguide-annotation-XXXXXX";
  int fd = mkstemp(name);
  if (fd >= 0)
    close(fd);
  std::ofstream(name) << "float mse(const float *y, const float *t, int n) {\n"
                         "  float loss = 0;\n"
                         "  for (int i = 0; i < n; ++i)\n"
                         "    loss += (y[i] - t[i]) * (y[i] - t[i]);\n"
                         "  return loss / n;\n"
                         "}\n";
  return name;
}

AnnotationInput typicalStop(const std::string &file) {
  AnnotationInput in;
  in.stage = "loss";
  in.title = "Mean squared error";
  in.markdown = "Each **prediction** is compared with its target.";
  in.index = 3;
  in.total = 7;
  in.file = file;
  in.line = 4;
  in.contextLines = 1;
  in.watches = {{"loss", "0.25", false},
                {"y", "size=4 float32 min=0.5 max=2 mean=1.25 std=0.559017 nan=0 inf=0 [0.5, 1, 1.5, 2]", false},
                {"grad", "not in scope here", true}};
  in.nextHint = "Type `tour next` to continue.";
  return in;
}

std::vector<std::string> linesOf(const std::string &text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);)
    lines.push_back(line);
  return lines;
}

} // namespace

TEST(Annotation, TypicalStopLayout) {
  std::string file = writeTempSource();
  Style style;
  style.width = 60;
  std::string text = renderAnnotation(typicalStop(file), style);
  std::remove(file.c_str());
  EXPECT_EQ(text,
            "== 3/7 loss: Mean squared error ============================\n"
            "Each **prediction** is compared with its target.\n"
            "\n"
            "at " + file + ":4\n"
            "  3 |   for (int i = 0; i < n; ++i)\n"
            "> 4 |     loss += (y[i] - t[i]) * (y[i] - t[i]);\n"
            "  5 |   return loss / n;\n"
            "\n"
            "  loss = 0.25\n"
            "  y    = size=4 float32 min=0.5 max=2 mean=1.25 std=0.559...\n"
            "  grad ! not in scope here\n"
            "\n"
            "Type `tour next` to continue.\n");
}

TEST(Annotation, NoLineIsWiderThanTheStyle) {
  std::string file = writeTempSource();
  AnnotationInput in = typicalStop(file);
  in.title = "A title that is much longer than the narrow terminal it is shown in";
  in.markdown = "A paragraph with enough words to need several lines at this width.";
  Style style;
  style.width = 24;
  std::string text = renderAnnotation(in, style);
  std::remove(file.c_str());
  for (const std::string &line : linesOf(text))
    EXPECT_LE(line.size(), 24u) << line;
}

TEST(Annotation, ValuesAreWrittenWholeWhenNotCut) {
  std::string file = writeTempSource();
  Style style;
  style.width = 60;
  style.cutValues = false; // output to a pipe or a log
  std::string text = renderAnnotation(typicalStop(file), style);
  std::remove(file.c_str());
  EXPECT_NE(text.find("  y    = size=4 float32 min=0.5 max=2 mean=1.25 std=0.559017"), std::string::npos)
      << text;
  EXPECT_EQ(text.find("0.559..."), std::string::npos) << text;
}

TEST(Annotation, MissingSourceAndNoPositionStillRender) {
  AnnotationInput in;
  in.title = "Somewhere";
  in.file = "/nonexistent/model.cpp";
  in.line = 10;
  Style style;
  style.width = 80;
  EXPECT_EQ(renderAnnotation(in, style),
            "== Somewhere ===================================================================\n"
            "at /nonexistent/model.cpp:10\n"
            "  (source not available: /nonexistent/model.cpp: No such file or directory)\n");
}

TEST(Annotation, ColourAddsAnsiStyles) {
  std::string file = writeTempSource();
  Style style;
  style.color = true;
  std::string text = renderAnnotation(typicalStop(file), style);
  std::remove(file.c_str());
  EXPECT_NE(text.find("\x1b[1;36mloss\x1b[0m"), std::string::npos) << "stage in cyan";
  EXPECT_NE(text.find("\x1b[1mprediction\x1b[0m"), std::string::npos) << "strong in bold";
  EXPECT_NE(text.find("\x1b[31mnot in scope here\x1b[0m"), std::string::npos) << "error in red";
  EXPECT_EQ(text.find("**"), std::string::npos) << "no Markdown markers with colour";
}

TEST(Annotation, TextFromTheTourCannotDriveTheTerminal) {
  AnnotationInput in;
  in.title = "evil\x1b]0;title\x07";
  in.watches = {{"s", "\x1b[2J", false}};
  std::string text = renderAnnotation(in, Style{});
  EXPECT_EQ(text.find('\x1b'), std::string::npos) << text;
}

TEST(Annotation, AbsurdWidthsDoNotBreakRendering) {
  AnnotationInput in;
  in.title = "Title";
  in.markdown = "Some *text* and\n\n- a list";
  in.watches = {{"x", "1", false}};
  for (unsigned width : {0u, 1u, 3u}) {
    Style style;
    style.width = width;
    EXPECT_NE(renderAnnotation(in, style).find("text"), std::string::npos) << width;
  }
}

TEST(Annotation, WhatChangedGoesUnderItsWatch) {
  AnnotationInput in;
  in.title = "After the update";
  in.watches = {{"weights", "size=4 float32 min=0.5 max=1 mean=0.75 std=0.25 nan=0 inf=0 [0.5, 0.5, 1, 1]", false,
                 "\u0394 since stop 2 (before-update): mean|\u0394|=0.01 max|\u0394|=0.02 (4 of 4 changed)"},
                {"lr", "0.1", false, ""},
                {"epoch", "2", false, "\u0394 since stop 3 (epoch-1): 1\u21922"}};
  Style style;
  style.width = 90;
  EXPECT_EQ(renderAnnotation(in, style),
            "== After the update " + std::string(70, '=') + "\n"
            "  weights = size=4 float32 min=0.5 max=1 mean=0.75 std=0.25 nan=0 inf=0 [0.5, 0.5, 1, 1]\n"
            "    \u0394 since stop 2 (before-update): mean|\u0394|=0.01 max|\u0394|=0.02 (4 of 4 changed)\n"
            "  lr      = 0.1\n"
            "  epoch   = 2\n"
            "    \u0394 since stop 3 (epoch-1): 1\u21922\n");

  // Wrapped rather than cut (its numbers come last), dimmed with colour, and sanitised.
  style.width = 40;
  std::string narrow = renderAnnotation(in, style);
  EXPECT_NE(narrow.find("    \u0394 since stop 2 (before-update):\n"
                        "      mean|\u0394|=0.01 max|\u0394|=0.02 (4 of 4\n"
                        "      changed)\n"),
            std::string::npos)
      << narrow;
  for (const std::string &line : linesOf(narrow))
    EXPECT_LE(displayWidth(line), 40u) << line;
  style.color = true;
  in.watches[2].change = "\u0394 since stop 3 (\x1b[2J): 1\u21922";
  std::string coloured = renderAnnotation(in, style);
  EXPECT_NE(coloured.find("    \x1b[2m\u0394 since stop 3 (?[2J): 1\u21922\x1b[0m\n"), std::string::npos)
      << coloured;
}
