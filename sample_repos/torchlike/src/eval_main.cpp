// eval: loads a checkpoint written by train and measures it on the test images.
// Usage: eval [DATA_DIR] [CHECKPOINT]    (defaults: data model.ckpt)
#include <algorithm>
#include <cstdio>
#include <exception>
#include <string>
#include <vector>

#include "torchlike/checkpoint.h"
#include "torchlike/evaluate.h"
#include "torchlike/model.h"

int main(int argc, char** argv) {
  const std::string data_dir = argc > 1 ? argv[1] : "data";
  const std::string checkpoint_path = argc > 2 ? argv[2] : "model.ckpt";
  try {
    const data::Dataset test_set = data::Dataset::load(data_dir + "/test.bin");
    data::DataLoader loader(test_set, /*batch_size=*/64, /*shuffle=*/false, /*seed=*/0);

    Rng rng(/*seed=*/0);  // the initial weights are overwritten by the checkpoint
    auto model = make_model(test_set.features(), test_set.num_classes(), rng);
    load_checkpoint(*model, checkpoint_path);

    const EvalResult result = evaluate(*model, loader);

    // Chance: the accuracy of always answering the most frequent class of the test set.
    std::vector<std::size_t> per_class(test_set.num_classes(), 0);
    for (std::size_t n = 0; n < test_set.size(); ++n) ++per_class[test_set.label(n)];
    const double chance = static_cast<double>(*std::max_element(per_class.begin(), per_class.end())) /
                          static_cast<double>(test_set.size());

    std::printf("accuracy %.4f (chance %.4f)\n", result.accuracy, chance);
    std::printf("loss %.4f on %zu test examples\n", result.loss, test_set.size());
    for (std::size_t c = 0; c < result.confusion.num_classes(); ++c)
      std::printf("class %zu recall %.4f\n", c, result.confusion.recall(c));
  } catch (const std::exception& error) {
    std::fprintf(stderr, "eval: %s\n", error.what());
    return 1;
  }
  return 0;
}
