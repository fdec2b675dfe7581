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

TEST(IsMemberPath, IsAVariablePathWithoutDereferenceOrAddress) {
  for (const char *path : {"data", "storage._M_impl", "dims[0]", "impl->buf", "a.b->c[2]"})
    EXPECT_TRUE(isMemberPath(path)) << path;
  for (const char *path : {"", "*data", "&data", "ptr()", "data + 1", "dims[i]", "1"})
    EXPECT_FALSE(isMemberPath(path)) << path;
}

TEST(IsDescribableTypeName, NamesWithoutQualifiersPointersOrReferences) {
  for (const char *name : {"Tensor", "lin::Mat<float>", "lin::Mat<*>", "Mat<float, 3>",
                           "constant_tensor", "unsigned int", "<*>"})
    EXPECT_TRUE(isDescribableTypeName(name)) << name;
  for (const char *name : {"", "Tensor *", "Tensor&", "const Tensor", "volatile Mat", "const",
                           " Tensor", "Tensor ", "Blob<*>::Impl", "Mat<float*>"})
    EXPECT_FALSE(isDescribableTypeName(name)) << name;
}

} // namespace
} // namespace tourguide::tours
