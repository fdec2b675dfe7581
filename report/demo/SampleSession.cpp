#include "SampleSession.h"

#include <cmath>
#include <cstdint>

namespace tourguide::report::demo {
namespace {

/// Deterministic noise in [-1, 1] (a small LCG), so every demo page is the same.
class Noise {
public:
  double next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state_ >> 11) / static_cast<double>(1ULL << 53) * 2 - 1;
  }

private:
  uint64_t state_ = 42;
};

charts::Series lossPerStep() {
  charts::Series loss{"loss", {}, {}, "step"};
  Noise noise;
  for (int step = 0; step < 300; ++step) {
    double clean = 2.1 * std::exp(-step / 55.0) + 0.29;
    loss.x.push_back(step);
    loss.y.push_back(clean + 0.06 * noise.next() * (1 + clean));
  }
  loss.y[181] = 1.15; // a bad batch: the spike a newcomer should notice
  return loss;
}

charts::Series accuracyPerEpoch() {
  charts::Series accuracy{"accuracy", {}, {}, "epoch"};
  const double values[] = {0.412, 0.655, 0.741, 0.802, 0.833, 0.851};
  for (int epoch = 0; epoch < 6; ++epoch) {
    accuracy.x.push_back(epoch + 1);
    accuracy.y.push_back(values[epoch]);
  }
  return accuracy;
}

charts::Series learningRate() {
  charts::Series lr{"lr", {}, {}, "step"};
  for (int step = 0; step < 300; step += 5) {
    lr.x.push_back(step);
    lr.y.push_back(step < 30 ? 0.05 * (step + 5) / 35.0
                             : 0.025 * (1 + std::cos(3.14159265 * (step - 30) / 270.0)));
  }
  return lr;
}

StopRecord stop(size_t index, std::string id, std::string stage, std::string title,
                std::string markdown, std::string file, unsigned line) {
  StopRecord s;
  s.index = index;
  s.total = 5;
  s.id = std::move(id);
  s.stage = std::move(stage);
  s.title = std::move(title);
  s.markdown = std::move(markdown);
  s.file = std::move(file);
  s.line = line;
  return s;
}

} // namespace

SessionRecord sampleSession() {
  SessionRecord session;
  session.tourTitle = "Training the two-layer MLP";
  session.tourDescription =
      "Follows one run of `train` from reading the data to the last epoch: where the batch "
      "comes from, how the forward pass and the loss are computed, and how SGD moves the weights.";
  session.tourFile = ".tours/train.json";
  session.program = "build/train";
  session.args = {"data/train.bin", "--epochs", "6", "--lr", "0.05"};
  session.endedHow = "exited with status 0 after 6 epochs";

  StopRecord read = stop(1, "read-batch", "data", "A batch is read from disk",
                         "`loader_next` copies `batch_size` rows of the file into `batch->x` "
                         "and their labels into `batch->y`. At the end of the file it wraps "
                         "around, which is where an **epoch** ends.",
                         "src/loader.c", 42);
  read.firstSourceLine = 38;
  read.sourceLines = {"int loader_next(Loader *l, Batch *batch) {",
                      "  size_t rows = l->batch_size;",
                      "  if (l->pos + rows > l->n) rows = l->n - l->pos;",
                      "  fseek(l->f, l->header + l->pos * l->row_bytes, SEEK_SET);",
                      "  fread(batch->x, sizeof(float), rows * l->dim, l->f);",
                      "  fread(batch->y, sizeof(int), rows, l->f);",
                      "  batch->size = rows;",
                      "  l->pos = (l->pos + rows) % l->n;"};
  read.watches = {{"batch->size", "32"},
                  {"inputs", "float[32x784] min 0 max 1 mean 0.131"},
                  {"l->pos", "4064"}};
  read.reached = true;
  read.reachedAt = "2026-11-21T17:03:12Z";

  StopRecord forward = stop(2, "forward", "model", "The forward pass: two dense layers",
                            "The hidden layer is `relu(W1 x + b1)`; the output layer gives one "
                            "score (a *logit*) per class.\n\n"
                            "```c\nh = relu(W1 * x + b1);\nlogits = W2 * h + b2;\n```",
                            "src/mlp.c", 77);
  forward.firstSourceLine = 74;
  forward.sourceLines = {"void mlp_forward(MLP *m, const float *x, float *logits) {",
                         "  matvec(m->W1, x, m->h, m->hidden, m->in);",
                         "  for (int i = 0; i < m->hidden; ++i)",
                         "    m->h[i] = relu(m->h[i] + m->b1[i]);",
                         "  matvec(m->W2, m->h, logits, m->out, m->hidden);",
                         "  for (int k = 0; k < m->out; ++k) logits[k] += m->b2[k];"};
  forward.watches = {{"m->hidden", "128"},
                     {"logits", "[-1.92, 0.33, 2.71, -0.48, 0.05, ... 10 values]"},
                     {"m->h", "could not read: variable optimized out", true}};
  forward.reached = true;
  forward.reachedAt = "2026-11-21T17:03:12Z";

  StopRecord loss = stop(3, "loss", "loss", "Cross-entropy against the label",
                         "Softmax turns the logits into probabilities; the loss is "
                         "`-log p[label]`, averaged over the batch. It starts near "
                         "`log(10) = 2.30` (a uniform guess) and falls as the model learns.",
                         "src/loss.c", 19);
  loss.firstSourceLine = 16;
  loss.sourceLines = {"  float max = logits[0];", "  for (int k = 1; k < n; ++k) max = fmaxf(max, logits[k]);",
                      "  float sum = 0; for (int k = 0; k < n; ++k) sum += expf(logits[k] - max);",
                      "  return -(logits[label] - max - logf(sum));", "}"};
  loss.watches = {{"label", "2"}, {"return value", "0.3117"}};
  loss.reached = true;
  loss.reachedAt = "2026-11-21T17:03:13Z";

  StopRecord update = stop(4, "update", "optimizer", "SGD moves every weight against its gradient",
                           "Each weight takes a small step downhill: `w -= lr * g`. The learning "
                           "rate follows a warm-up and a cosine schedule (see *lr* below).",
                           "src/sgd.c", 14);
  update.firstSourceLine = 11;
  update.sourceLines = {"void sgd_step(float *w, const float *g, size_t n, float lr) {",
                        "  for (size_t i = 0; i < n; ++i)", "\tw[i] -= lr * g[i];", "}"};
  update.line = 13;
  update.watches = {{"lr", "0.0493"}, {"n", "101770"}, {"g[0]", "-0.00213"}};
  update.reached = true;
  update.reachedAt = "2026-11-21T17:03:13Z";

  StopRecord evaluate = stop(5, "evaluate", "metrics", "Accuracy on the held-out set",
                             "After each epoch `evaluate` counts how many test images get the "
                             "right class.",
                             "src/eval.c", 31);
  evaluate.reached = false;
  evaluate.whyNotReached = "the tour asked for hit 8, but the program ran only 6 epochs";

  session.stops = {read, forward, loss, update, evaluate};
  session.series = {lossPerStep(), accuracyPerEpoch(), learningRate()};
  return session;
}

} // namespace tourguide::report::demo
