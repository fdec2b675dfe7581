// Which anchors are placed through their function (LineInFunction.h): lines of headers.
#include "tourguide/confirm/LineInFunction.h"

#include <gtest/gtest.h>

namespace tourguide::confirm {
namespace {

TEST(LineInFunction, HeadersAreTheIncludedFiles) {
  for (const char *header : {"src/builtin_pb/sentencepiece_model.pb.h", "layer.hpp", "a.hh", "x.inl", "tiny_dnn/vector"})
    EXPECT_TRUE(isHeaderFile(header)) << header;
  for (const char *source : {"src/trainer_interface.cc", "train.c", "net.cpp", "kernel.cu", "dir.h/main.cxx"})
    EXPECT_FALSE(isHeaderFile(source)) << source;
}

} // namespace
} // namespace tourguide::confirm
