#pragma once

#include <string>

#include "torchlike/nn/module.h"

// A checkpoint stores every parameter by name (format: "TLCK", uint32 count, then per parameter:
// uint32 name length, name, uint32 element count, the floats). Loading checks that names and
// sizes match the model, so a checkpoint from another architecture is refused, not misread.
// Both throw std::runtime_error with the file name and the problem.
void save_checkpoint(nn::Module& model, const std::string& path);
void load_checkpoint(nn::Module& model, const std::string& path);
