// train [DATA_DIR] [CHECKPOINT]: fits the machine-state classifier to DATA_DIR/train.csv and
// writes CHECKPOINT (defaults: data, model.ckpt).
#include "generic_fit/archive.hpp"
#include "generic_fit/corpus.hpp"
#include "generic_fit/discrepancy.hpp"
#include "generic_fit/fit.hpp"
#include "generic_fit/layered.hpp"

#include <cstdio>
#include <string>

int main(int argc, char **argv) {
  const std::string data_dir = argc > 1 ? argv[1] : "data";
  const std::string archive_path = argc > 2 ? argv[2] : "model.ckpt";

  gf::Corpus corpus;
  std::string error;
  if (!gf::read_corpus(data_dir + "/train.csv", corpus, error)) {
    std::fprintf(stderr, "train: %s\n", error.c_str());
    return 1;
  }
  const gf::Scaler scaler = gf::measure(corpus);
  gf::standardize(corpus, scaler);
  std::printf("read %zu readings of %zu sensors, %d machine states\n", corpus.labels.size(),
              corpus.columns.size(), corpus.classes);

  using Net = gf::Layered<float>;
  const std::size_t width = 12;
  Net net(corpus.columns.size(), width, std::size_t(corpus.classes), /*seed=*/3);
  const gf::Discrepancy<float> discrepancy;
  gf::Schedule schedule;

  gf::Hooks<Net> hooks;
  hooks.after_pass = [&corpus](int pass, double mean_penalty, const Net &model) {
    // How often the highest score lands on the true state, over the whole training corpus.
    const lin::Mat<float> scores = model.respond(corpus.features);
    std::size_t agree = 0;
    for (std::size_t r = 0; r < scores.rows; ++r)
      if (int(lin::row_argmax(scores, r)) == corpus.labels[r])
        ++agree;
    const double agreement = double(agree) / double(scores.rows);
    std::printf("epoch %d loss %.4f\n", pass, mean_penalty);
    std::printf("  train accuracy %.3f\n", agreement);
  };

  gf::fit(net, discrepancy, corpus, schedule, hooks);

  gf::Archive archive;
  archive.inputs = corpus.columns.size();
  archive.width = width;
  archive.classes = std::size_t(corpus.classes);
  archive.scaler = scaler;
  for (const lin::Mat<float> *p : net.parameters())
    archive.params.push_back(*p);
  if (!gf::write_archive(archive_path, archive, error)) {
    std::fprintf(stderr, "train: %s\n", error.c_str());
    return 1;
  }
  std::printf("saved %s\n", archive_path.c_str());
  return 0;
}
