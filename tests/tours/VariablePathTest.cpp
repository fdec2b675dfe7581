#include "tourguide/tours/TourFile.h"

#include <gtest/gtest.h>

namespace tourguide::tours {
namespace {

TEST(IsVariablePath, AcceptsNamesMembersAndLiteralIndices) {
  for (const char *expr : {"loss", "_x", "x1", "model.layers[0].w", "batch->x", "*grad", "&model",
                           "**pp", "this->w", "a.b->c[12][3].d", "nn_", "w[0]"})
    EXPECT_TRUE(isVariablePath(expr)) << expr;
}

TEST(IsVariablePath, RejectsAnythingThatCouldRunCode) {
  for (const char *expr : {"", "f()", "loss()", "a + b", "a=b", "x++", "(int)x", "w[i]", "w[-1]",
                           "w[]", "w[0", "a.", "a->", "a-", "1x", "*", "a b", " a", "a ",
                           "sizeof(x)", "a::b", "a[0]x", "x->f()", "a.b.c()", "&&a"})
    EXPECT_FALSE(isVariablePath(expr)) << expr;
}

} // namespace
} // namespace tourguide::tours
