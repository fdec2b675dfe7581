// What a function is depends on who calls it: a file read inside the network's builder is part
// of building it, a standardisation inside the model is a layer, and a solver's products are
// its training loop's arithmetic. Each program is a real repo's shape in a few lines.
#include "TestCode.h"

#include "tourguide/indexer/Findings.h"
#include "tourguide/indexer/ProgramIndex.h"

#include <algorithm>

namespace tourguide::indexer::test {
namespace {

bool found(const Analysis &a, const std::string &stage, const std::string &function) {
  return std::any_of(a.findings.begin(), a.findings.end(), [&](const Finding &f) {
    return f.stage == stage && f.function == function && f.alternativeTo.empty();
  });
}

Analysis analyseCode(const std::string &code) {
  std::vector<TUFacts> tus{parse(code, false, "train.c")}; // the index points into them
  ProgramIndex index(tus);
  return analyse(index);
}

// darknet: parse_network_cfg builds the network and, for a softmax layer with a hierarchy,
// reads the tree file (read_tree); forward_batchnorm_layer standardises the activations with
// normalize_cpu. Neither is the data set; the loader that reads the examples is.
TEST(CallerContext, ReadsInTheBuilderAndStandardisingInTheModelAreNotData) {
  Analysis a = analyseCode(R"(#include <stdio.h>
#include <stdlib.h>
#include <math.h>
typedef struct { float *w, *g, *x, *mean, *var; int n; int *tree; } network;
int *read_tree(const char *path) {
  FILE *fp = fopen(path, "r");
  int *t = calloc(16, sizeof(int));
  for (int i = 0; i < 16; ++i) fscanf(fp, "%d", &t[i]);
  fclose(fp);
  return t;
}
network *make_network(const char *tree) {
  network *net = calloc(1, sizeof(network));
  net->tree = read_tree(tree);
  return net;
}
void normalize_cpu(float *x, const float *mean, const float *variance, int n) {
  for (int i = 0; i < n; ++i) x[i] = (x[i] - mean[0]) / (sqrtf(variance[0]) + .000001f);
}
void forward_network(network *net) {
  for (int i = 0; i < net->n; ++i)
    for (int j = 0; j < net->n; ++j) net->x[i] += net->w[i * net->n + j] * net->x[j];
  normalize_cpu(net->x, net->mean, net->var, net->n);
}
void update_network(network *net, float lr) { for (int i = 0; i < net->n; ++i) net->w[i] -= lr * net->g[i]; }
int load_examples(const char *path, float *x, int n) {
  FILE *fp = fopen(path, "rb");
  int got = (int)fread(x, sizeof(float), n, fp);
  fclose(fp);
  return got;
}
int main(int argc, char **argv) {
  network *net = make_network(argv[1]);
  for (int epoch = 0; epoch < 10; ++epoch) {
    load_examples(argv[2], net->x, net->n);
    forward_network(net);
    update_network(net, 0.1f);
  }
  return argc;
}
)");
  EXPECT_TRUE(found(a, "data", "load_examples"));
  EXPECT_TRUE(found(a, "model", "forward_network"));
  EXPECT_FALSE(found(a, "data", "read_tree"));
  EXPECT_FALSE(found(a, "data", "normalize_cpu"));
}

// libsvm's Solver::Solve, liblinear's solve_l2r_l1l2_svc: the solver's iteration loop updates
// the dual variables and recomputes gradients with products; those are the loop's steps, the
// function is the optimizer (and the loop), not a model.
TEST(CallerContext, ASolversProductsAreItsLoopsArithmeticNotAModel) {
  Analysis a = analyseCode(R"(
void solve(float *w, const float *Q, float *G, int n, int iters, float lr) {
  for (int it = 0; it < iters; ++it) {
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) G[i] += Q[i * n + j] * w[j];
    for (int i = 0; i < n; ++i) w[i] -= lr * G[i];
  }
}
float W[4], Q[16], G[4];
int main(void) {
  solve(W, Q, G, 4, 100, 0.1f);
  return 0;
}
)");
  EXPECT_TRUE(found(a, "optimizer", "solve"));
  EXPECT_TRUE(found(a, "loop", "solve"));
  EXPECT_FALSE(found(a, "model", "solve"));
}

// mlp_c's sgd_init(&opt, lr, momentum, ...) keeps the learning rate for the steps and runs once,
// before the loop: it is the optimizer's set-up, not the update (sgd_update is).
TEST(CallerContext, SettingUpTheOptimizerIsNotTheUpdate) {
  Analysis a = analyseCode(R"(
typedef struct { float lr; float *w; const float *g; int n; } sgd;
int sgd_init(sgd *opt, float lr, float *w, const float *g, int n) {
  opt->lr = lr; opt->w = w; opt->g = g; opt->n = n;
  return 0;
}
void sgd_update(sgd *opt) { for (int i = 0; i < opt->n; ++i) opt->w[i] -= opt->lr * opt->g[i]; }
float forward(const float *w, const float *x, int n) {
  float s = 0;
  for (int i = 0; i < n; ++i) s += w[i] * x[i];
  return s;
}
float W[4], X[4], Gr[4];
int main(void) {
  sgd opt;
  sgd_init(&opt, 0.1f, W, Gr, 4);
  for (int epoch = 0; epoch < 10; ++epoch) {
    forward(W, X, 4);
    sgd_update(&opt);
  }
  return 0;
}
)");
  EXPECT_TRUE(found(a, "optimizer", "sgd_update"));
  EXPECT_FALSE(found(a, "optimizer", "sgd_init"));
}

// libfann's xor_train: after training, main runs each row through the network and prints
// fann_abs(calc_out[0] - data->output[i][0]). main is no metric for what it merely prints,
// but this loop scores the model row by row: an evaluation loop, and main is where it scores.
TEST(CallerContext, MainsCheckOfEachOutputAgainstItsTargetIsAnEvaluation) {
  Analysis a = analyseCode(R"(#include <stdio.h>
#define net_abs(v) (((v) > 0) ? (v) : -(v))
float W[4], G[4];
float *forward(const float *x) {
  static float out[1];
  out[0] = 0;
  for (int i = 0; i < 4; ++i) out[0] += W[i] * x[i];
  return out;
}
void step(float lr) { for (int i = 0; i < 4; ++i) W[i] -= lr * G[i]; }
int main(void) {
  float input[8][4] = {{0}}, output[8][1] = {{0}};
  for (int epoch = 0; epoch < 10; ++epoch)
    for (int r = 0; r < 8; ++r) { forward(input[r]); step(0.1f); }
  for (int r = 0; r < 8; ++r) {
    float *calc_out = forward(input[r]);
    printf("%f should be %f, difference=%f\n", calc_out[0], output[r][0], net_abs(calc_out[0] - output[r][0]));
  }
  return 0;
}
)");
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].kind, "train");
  EXPECT_TRUE(found(a, "metrics", "main"));
  EXPECT_TRUE(std::any_of(a.findings.begin(), a.findings.end(), [](const Finding &f) {
    return f.stage == "loop" && f.function == "main" && f.role == "evaluation" && f.line == 15;
  }));
}

// libfann's incremental training: fann_train_epoch_incremental calls fann_train per row, which
// runs the network, the loss, the backward pass and the weight update once: one training step.
// fann_get_MSE returns the mean of the loss accumulated so far: the error a program reports.
TEST(CallerContext, AStepOfCallsIsTheUpdateAndAMeanLossGetterIsAMetric) {
  Analysis a = analyseCode(R"(
typedef struct { float w[4], g[4], out[2], MSE_value; unsigned num_MSE; } net;
float *net_run(net *n, const float *x) {
  for (int i = 0; i < 2; ++i) { n->out[i] = 0; for (int j = 0; j < 2; ++j) n->out[i] += n->w[i * 2 + j] * x[j]; }
  return n->out;
}
void net_compute_MSE(net *n, const float *desired) {
  for (int i = 0; i < 2; ++i) { float diff = desired[i] - n->out[i]; n->MSE_value += diff * diff; n->num_MSE++; }
}
void net_update_weights(net *n, float lr) { for (int i = 0; i < 4; ++i) n->w[i] -= lr * n->g[i]; }
void net_learn(net *n, const float *x, const float *desired) {
  net_run(n, x);
  net_compute_MSE(n, desired);
  net_update_weights(n, 0.7f);
}
float net_get_MSE(const net *n) { return n->num_MSE ? n->MSE_value / (float)n->num_MSE : 0; }
int main(void) {
  static net n;
  float x[8][2] = {{0}}, y[8][2] = {{0}};
  for (int epoch = 0; epoch < 10; ++epoch)
    for (int r = 0; r < 8; ++r) net_learn(&n, x[r], y[r]);
  return net_get_MSE(&n) > 1;
}
)");
  EXPECT_TRUE(found(a, "optimizer", "net_learn"));
  EXPECT_TRUE(found(a, "metrics", "net_get_MSE"));
  EXPECT_FALSE(found(a, "loss", "net_get_MSE"));
}

} // namespace
} // namespace tourguide::indexer::test
