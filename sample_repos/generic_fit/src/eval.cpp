// eval [DATA_DIR] [CHECKPOINT]: scores the checkpoint written by train on DATA_DIR/test.csv.
#include "generic_fit/archive.hpp"
#include "generic_fit/corpus.hpp"
#include "generic_fit/discrepancy.hpp"
#include "generic_fit/layered.hpp"
#include "generic_fit/verdict.hpp"

#include <cstdio>
#include <string>
#include <vector>

int main(int argc, char **argv) {
  const std::string data_dir = argc > 1 ? argv[1] : "data";
  const std::string archive_path = argc > 2 ? argv[2] : "model.ckpt";

  gf::Archive archive;
  std::string error;
  if (!gf::read_archive(archive_path, archive, error)) {
    std::fprintf(stderr, "eval: %s\n", error.c_str());
    return 1;
  }
  gf::Corpus corpus;
  if (!gf::read_corpus(data_dir + "/test.csv", corpus, error)) {
    std::fprintf(stderr, "eval: %s\n", error.c_str());
    return 1;
  }
  if (corpus.columns.size() != archive.inputs || std::size_t(corpus.classes) > archive.classes) {
    std::fprintf(stderr, "eval: %s does not match the shape in %s\n",
                 (data_dir + "/test.csv").c_str(), archive_path.c_str());
    return 1;
  }
  // The test readings are scaled with the training corpus's numbers, never their own.
  gf::standardize(corpus, archive.scaler);

  gf::Layered<float> net(archive.inputs, archive.width, archive.classes, /*seed=*/0);
  std::vector<lin::Mat<float> *> params = net.parameters();
  if (params.size() != archive.params.size()) {
    std::fprintf(stderr, "eval: %s holds %zu parameters, expected %zu\n", archive_path.c_str(),
                 archive.params.size(), params.size());
    return 1;
  }
  for (std::size_t k = 0; k < params.size(); ++k) {
    if (params[k]->rows != archive.params[k].rows || params[k]->cols != archive.params[k].cols) {
      std::fprintf(stderr, "eval: parameter %zu in %s has the wrong shape\n", k,
                   archive_path.c_str());
      return 1;
    }
    *params[k] = archive.params[k];
  }

  const lin::Mat<float> scores = net.respond(corpus.features);
  lin::Mat<float> slope;
  const float penalty = gf::Discrepancy<float>().penalty(scores, corpus.labels, slope);

  const std::size_t classes = archive.classes;
  const gf::Verdict verdict = gf::judge(scores, corpus.labels, classes);

  std::printf("readings %zu\n", scores.rows);
  std::printf("mean loss %.4f\n", double(penalty));
  std::printf("accuracy %.4f (chance %.4f)\n", verdict.accuracy, verdict.chance);
  std::printf("confusion (rows: true state, columns: predicted)\n");
  for (std::size_t t = 0; t < classes; ++t) {
    std::printf("  state %zu:", t);
    for (std::size_t g = 0; g < classes; ++g)
      std::printf(" %5d", verdict.tally(t, g));
    std::printf("\n");
  }
  return 0;
}
