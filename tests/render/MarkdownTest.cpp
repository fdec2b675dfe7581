#include "tourguide/render/Markdown.h"

#include <gtest/gtest.h>

using namespace tourguide::render;

namespace {
std::string plain(const std::string &markdown, unsigned width = 40) {
  Style style;
  style.width = width;
  return renderMarkdown(markdown, style);
}
std::string colour(const std::string &markdown, unsigned width = 40) {
  Style style;
  style.color = true;
  style.width = width;
  return renderMarkdown(markdown, style);
}
} // namespace

TEST(Markdown, EmptyInputGivesNothing) { EXPECT_EQ(plain(""), ""); }

TEST(Markdown, ParagraphsAreWrappedAndSeparated) {
  EXPECT_EQ(plain("The loss is averaged over the batch so that the learning rate does not "
                  "depend on it.\n\nSecond paragraph."),
            "The loss is averaged over the batch so\n"
            "that the learning rate does not depend\n"
            "on it.\n"
            "\n"
            "Second paragraph.\n");
}

TEST(Markdown, InlineStylesKeepTheirMarkersWithoutColour) {
  EXPECT_EQ(plain("An *emphasis*, a **strong** and `x[i]`."),
            "An *emphasis*, a **strong** and `x[i]`.\n");
}

TEST(Markdown, InlineStylesBecomeAnsiWithColour) {
  EXPECT_EQ(colour("An *emphasis*, a **strong** and `x[i]`."),
            "An \x1b[3memphasis\x1b[0m, a \x1b[1mstrong\x1b[0m and \x1b[36mx[i]\x1b[0m.\n");
}

TEST(Markdown, LinksShowTextAndUrl) {
  EXPECT_EQ(plain("See [the paper](https://arxiv.org/abs/1412.6980) or <https://x.org>.", 80),
            "See the paper (https://arxiv.org/abs/1412.6980) or https://x.org.\n");
}

TEST(Markdown, HeadingsAreUnderlinedWithoutColour) {
  EXPECT_EQ(plain("# Adam\n\n## Moments\ntext"), "Adam\n====\n\nMoments\n-------\n\ntext\n");
}

TEST(Markdown, HeadingsAreBoldWithColour) {
  EXPECT_EQ(colour("# Adam"), "\x1b[1;4mAdam\x1b[0m\n");
}

TEST(Markdown, CodeBlocksAreIndentedAndNotWrapped) {
  EXPECT_EQ(plain("Code:\n\n```c\nfor (i = 0; i < n; ++i) loss += (y[i] - t[i]) * (y[i] - t[i]);\n"
                  "\treturn loss;\n```\n"),
            "Code:\n"
            "\n"
            "    for (i = 0; i < n; ++i) loss += (...\n"
            "        return loss;\n");
}

TEST(Markdown, BulletListsWrapUnderTheirText) {
  EXPECT_EQ(plain("- forward pass computes the predictions\n- loss\n", 30),
            "- forward pass computes the\n"
            "  predictions\n"
            "- loss\n");
}

TEST(Markdown, NumberedListsAlignTheirNumbers) {
  EXPECT_EQ(plain("8. eight\n9. nine\n10. ten\n"),
            " 8. eight\n"
            " 9. nine\n"
            "10. ten\n");
}

TEST(Markdown, NestedListsAreIndented) {
  EXPECT_EQ(plain("- outer\n  1. inner\n  2. second\n- last\n"),
            "- outer\n"
            "  1. inner\n"
            "  2. second\n"
            "- last\n");
}

TEST(Markdown, BlockQuotesHaveABar) {
  EXPECT_EQ(plain("> Quoted words that need to wrap at thirty columns.", 30),
            "| Quoted words that need to\n"
            "| wrap at thirty columns.\n");
}

TEST(Markdown, HardLineBreaksAreKept) {
  EXPECT_EQ(plain("first line  \nsecond line"), "first line\nsecond line\n");
}

TEST(Markdown, EscapeSequencesInTheTextAreDefused) {
  EXPECT_EQ(plain("clear \x1b[2J screen"), "clear ?[2J screen\n");
}
