// gen_data: writes the synthetic glyph data set used by train and eval.
// Usage: gen_data OUT_DIR    (writes OUT_DIR/train.bin and OUT_DIR/test.bin)
//
// Deterministic: the same seeds give byte-identical files on every machine.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "glyphs.h"
#include "torchlike/data/dataset.h"
#include "torchlike/random.h"

namespace {

struct SplitSpec {
  const char* file_name;
  std::size_t count;
  std::uint64_t seed;
};

// One noisy copy of glyph `label`, appended to `pixels` as kGlyphSize^2 bytes.
void render_example(int label, Rng& rng, std::vector<std::uint8_t>& pixels) {
  const int dx = static_cast<int>(rng.below(3)) - 1;  // shift -1, 0 or +1
  const int dy = static_cast<int>(rng.below(3)) - 1;
  const float ink = rng.uniform(0.6f, 1.0f);  // how dark this example's strokes are
  for (int row = 0; row < kGlyphSize; ++row) {
    for (int col = 0; col < kGlyphSize; ++col) {
      const int src_row = row - dy;
      const int src_col = col - dx;
      const bool inside = src_row >= 0 && src_row < kGlyphSize && src_col >= 0 && src_col < kGlyphSize;
      bool on = inside && kGlyphs[label][src_row][src_col] == '#';
      if (rng.uniform() < 0.04f) on = !on;  // salt-and-pepper noise
      float value = (on ? ink : 0.0f) + 0.1f * rng.normal();
      value = std::clamp(value, 0.0f, 1.0f);
      pixels.push_back(static_cast<std::uint8_t>(value * 255.0f + 0.5f));
    }
  }
}

void write_split(const std::string& out_dir, const SplitSpec& split) {
  Rng rng(split.seed);
  std::vector<std::uint8_t> pixels;
  std::vector<std::uint8_t> labels;
  for (std::size_t n = 0; n < split.count; ++n) {
    const int label = static_cast<int>(n % kNumGlyphs);  // balanced classes
    labels.push_back(static_cast<std::uint8_t>(label));
    render_example(label, rng, pixels);
  }
  const std::string path = out_dir + "/" + split.file_name;
  data::write_dataset(path, kGlyphSize, kGlyphSize, kNumGlyphs, pixels, labels);
  std::printf("wrote %zu examples to %s\n", split.count, path.c_str());
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: gen_data OUT_DIR\n");
    return 2;
  }
  try {
    write_split(argv[1], {"train.bin", 1000, 1});
    write_split(argv[1], {"test.bin", 500, 2});
  } catch (const std::exception& error) {
    std::fprintf(stderr, "gen_data: %s\n", error.what());
    return 1;
  }
  return 0;
}
