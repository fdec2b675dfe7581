// The words of a drafted stop (StopText.h): titles in the stage's words, the math with the lines
// that implement it, what to look for, where the run goes next, and the evidence kept short.
#include "tourguide/indexer/StopText.h"

#include <gtest/gtest.h>

namespace tourguide::indexer {
namespace {

Finding finding(const std::string &stage, const std::string &role, const std::string &function) {
  Finding f;
  f.stage = stage;
  f.role = role;
  f.function = function;
  f.file = "/repo/src/a.c";
  f.line = 10;
  f.confidence = 0.9;
  return f;
}

TEST(StopText, TitlesNameTheFunctionByItsClassAndName) {
  EXPECT_EQ(shortFunctionName("sentencepiece::unigram::Trainer::Train"), "Trainer::Train");
  EXPECT_EQ(shortFunctionName("at::nll_loss"), "nll_loss");
  EXPECT_EQ(shortFunctionName("sp::unigram::(anonymous namespace)::ToLogProb"), "ToLogProb");
  EXPECT_EQ(shortFunctionName("gf::Layered<std::vector<float>>::apply"), "Layered<std::vector<float>>::apply");
  EXPECT_EQ(shortFunctionName("main"), "main");
}

TEST(StopText, TitlesAreInTheStagesWords) {
  Finding loss = finding("loss", "", "softmax_cross_entropy");
  loss.idioms.push_back({"cross_entropy", "total = -Σ_s log(p_true)", "a cross-entropy loss", 31, 31, ""});
  EXPECT_EQ(stopTitle(loss), "The loss: cross-entropy in `softmax_cross_entropy`");
  // A line pattern alone does not name the loss: it also matches batch-norm's variance.
  Finding variance = finding("loss", "", "variance_cpu");
  variance.evidence = {{"line 119: `v += pow(x - m, 2);` squares a difference of prediction and target (squared error)", 119}};
  EXPECT_EQ(stopTitle(variance), "The loss: `variance_cpu`");

  Finding step = finding("optimizer", "step", "train");
  step.via = "torch::optim::Optimizer::step";
  step.framework = "libtorch";
  EXPECT_EQ(stopTitle(step), "Optimizer step in `train`: `Optimizer::step`");

  EXPECT_EQ(stopTitle(finding("loop", "epochs", "main")), "The epoch loop in `main`");
  EXPECT_EQ(stopTitle(finding("loop", "batches", "nn::Trainer::fit")), "The mini-batch loop in `Trainer::fit`");
  EXPECT_EQ(stopTitle(finding("model", "forward", "fann_run")), "The forward pass: `fann_run`");
  EXPECT_EQ(stopTitle(finding("model", "backward", "fann_backpropagate_MSE")),
            "The backward pass: `fann_backpropagate_MSE`");
  Finding update = finding("optimizer", "step", "sgd_update");
  update.idioms.push_back({"momentum_update", "v = μ v - η g; w += v", "SGD with momentum", 3, 5, ""});
  EXPECT_EQ(stopTitle(update), "The parameter update (SGD with momentum): `sgd_update`");
  EXPECT_EQ(stopTitle(finding("checkpoint", "save", "fann_save")), "Saving the model: `fann_save`");
  // A checkpoint without a role says by its name which way it goes.
  EXPECT_EQ(stopTitle(finding("checkpoint", "", "save_weights")), "Saving the model: `save_weights`");
  EXPECT_EQ(stopTitle(finding("checkpoint", "", "load_weights")), "Loading saved parameters: `load_weights`");
  // No title says "computes the network" or "reads the examples" any more: those were the
  // evidence's words.
  for (const char *stage : {"data", "model", "loss", "optimizer", "metrics", "checkpoint", "loop"})
    EXPECT_EQ(stopTitle(finding(stage, "", "f")).find("computes the"), std::string::npos) << stage;
}

TEST(StopText, TheSigmaIsNamedWithTheLinesOfItsLoop) {
  IdiomFact sum{"sum", "y[o] = b[o] + Σ_j w[o][j]·x[j]", "a matrix-vector product with a bias", 41, 48, ""};
  EXPECT_EQ(idiomParagraph(sum), "A matrix-vector product with a bias:\n\n    y[o] = b[o] + Σ_j w[o][j]·x[j]\n\n"
                                 "The Σ over `j` is the loop on lines 41-48.");
  IdiomFact loader{"sum", "loss = Σ_{batch ∈ data_loader} nll(batch)", "a sum", 98, 98, ""};
  EXPECT_NE(idiomParagraph(loader).find("The Σ over `batch` is the loop on line 98."), std::string::npos)
      << idiomParagraph(loader);
  // An unrolled loop's formula is longer than a line: the source shows it better.
  IdiomFact unrolled{"sum", "s = Σ_i " + std::string(120, 'x'), "a sum", 625, 632, ""};
  EXPECT_EQ(idiomParagraph(unrolled), "A sum: the Σ over `i` is the loop on lines 625-632.");
}

TEST(StopText, TheSameSumInSeveralLayersIsOneParagraphNamingEachPlace) {
  // genann_run: each layer sums `*w++ * i[k]`, four times; one paragraph, not one per layer.
  Finding f = finding("model", "forward", "genann_run");
  for (unsigned line : {228u, 240u, 252u, 264u})
    f.idioms.push_back(IdiomFact{"dot", "sum = Σ_k *w++·i[k]", "a dot product", line, line + 2, ""});
  std::string text = stopText(f, "genann.c", nullptr, {});
  EXPECT_NE(text.find("The Σ over `k` is the loop on lines 228-230 (the same again on lines 240-242, 252-254 and "
                      "264-266)."),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("A dot product", text.find("A dot product") + 1), std::string::npos) << text;
}

TEST(StopText, TheMathShownIsWhatTheStopsLineComputesOncePerLoop) {
  Finding loss = finding("loss", "", "kann_cost");
  loss.anchorLine = 392;
  loss.anchorText = "cost += mt->mt[i].cost * size / B;";
  loss.idioms = {{"sum", "k = Σ_i size", "a sum", 390, 395, ""},
                 {"sum", "cost = Σ_i mt->mt[i].cost·size/B", "a sum", 390, 395, ""},
                 {"sum", "k = Σ_i kad_len(q)", "a sum", 399, 403, ""}};
  std::string text = stopText(loss, "kann.c", nullptr);
  EXPECT_NE(text.find("    cost = Σ_i mt->mt[i].cost·size/B"), std::string::npos) << text;
  EXPECT_EQ(text.find("k = Σ_i size"), std::string::npos) << "the same loop, shown once: " << text;
  EXPECT_NE(text.find("k = Σ_i kad_len(q)"), std::string::npos) << text;
  EXPECT_LT(text.find("cost = Σ_i"), text.find("k = Σ_i kad_len(q)")) << text;
}

TEST(StopText, TextSaysWhereItStopsWhatToLookForAndWhereTheRunGoesNext) {
  Finding loss = finding("loss", "", "fann_update_MSE");
  loss.anchorLine = 143;
  loss.anchorText = "d2 = d * d;";
  loss.watch = {"d"};
  loss.evidence = {{"line 143: `d2 = d * d;` squares a difference of prediction and target (squared error)", 143},
                   {"line 146: `mse += d2;` accumulates a loss", 146},
                   {"line 146: `mse += d2;` accumulates a loss", 146},
                   {"returns a scalar", 0},
                   {"the name `fann_update_MSE` suggests a loss", 0},
                   {"reached in the run, 0.19 s after launch", 0}};
  Finding next = finding("optimizer", "step", "fann_update_weights");
  std::string text = stopText(loss, "src/fann_train.c", &next);
  EXPECT_NE(text.find("We stop on line 143, `d2 = d * d;`, which squares a difference of prediction and target "
                      "(squared error)."),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("Look at `d` here. The loss falls as training goes on"), std::string::npos) << text;
  EXPECT_NE(text.find("Next stop: the parameter update, in `fann_update_weights`."), std::string::npos) << text;
  // The evidence: each reason once, at most three, the rest counted; the run's line kept.
  EXPECT_NE(text.find("**Why this stop:** `tourguide index` found it in src/fann_train.c:10 (confidence 90%)"),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("accumulates a loss"), text.rfind("accumulates a loss")) << text;
  EXPECT_EQ(text.find("suggests a loss"), std::string::npos) << text;
  EXPECT_NE(text.find("- and 1 more (`tourguide index --format=json` lists them all)"), std::string::npos) << text;
  EXPECT_NE(text.find("- reached in the run, 0.19 s after launch"), std::string::npos) << text;
  // The last stop says nothing about a next one.
  EXPECT_EQ(stopText(loss, "src/fann_train.c", nullptr).find("Next stop"), std::string::npos);
}

// dcgan's `discriminator_optimizer.step();`: no value goes in that a watch could show, so the
// text must not promise one.
TEST(StopText, AFrameworkCallWithNothingToWatchPromisesNoValues) {
  Finding step = finding("optimizer", "step", "main");
  step.via = "torch::optim::Adam::step";
  step.framework = "libtorch";
  step.anchorLine = 176;
  step.anchorText = "discriminator_optimizer.step();";
  std::string text = stopText(step, "dcgan.cpp", nullptr, {});
  EXPECT_NE(text.find("we stop before the call, and lldb's `next` runs it."), std::string::npos) << text;
  EXPECT_EQ(text.find("shows what goes in"), std::string::npos) << text;
  step.watch = {"lr"};
  text = stopText(step, "dcgan.cpp", nullptr, {});
  EXPECT_NE(text.find("this stop shows what goes in"), std::string::npos) << text;
}

TEST(StopText, AStopPlacedPastItsLineSaysWhatHasRun) {
  Finding run = finding("model", "forward", "fann_run");
  run.functionEnd = 780;
  run.anchorLine = 616;
  run.anchorText = "neuron_sum += fann_mult(weights[2], neurons[2].value);";
  run.evidence = {{"line 616: `neuron_sum += fann_mult(weights[2], neurons[2].value);` multiply-accumulates", 616}};
  run.stop = {753, "neuron_sum = fann_mult(steepness, neuron_sum);", 625, 632, true};
  run.watch = {"neuron_sum"};
  std::string text = stopText(run, "src/fann.c", nullptr);
  EXPECT_NE(text.find("We stop on line 753, `neuron_sum = fann_mult(steepness, neuron_sum);`, once the loop on lines "
                      "625-632 has completed the sum begun on line 616, `neuron_sum += fann_mult(weights[2], "
                      "neurons[2].value);`, which multiply-accumulates."),
            std::string::npos)
      << text;
  EXPECT_EQ(text.find("not set yet"), std::string::npos) << text;

  Finding read = finding("data", "loader", "fann_read_train_from_fd");
  read.anchorLine = 859;
  read.anchorText = "if(fscanf(file, \"%u %u %u\\n\", &num_data, &num_input, &num_output) != 3)";
  read.stop = {864, "line++;", 859, 863, false};
  read.watch = {"num_data"};
  text = stopText(read, "src/fann_train_data.c", nullptr);
  EXPECT_NE(text.find("We stop on line 864, `line++;`, just after line 859, "), std::string::npos) << text;
  EXPECT_NE(text.find("(the whole statement, lines 859-863): what it computes is set."), std::string::npos) << text;

  Finding loss = finding("loss", "", "softmax_cross_entropy");
  loss.functionEnd = 40;
  loss.anchorLine = 31;
  loss.anchorText = "total += -logf(p_true);";
  loss.stop = {40, "}", 11, 38, true};
  loss.watch = {"total"};
  text = stopText(loss, "src/loss.c", nullptr);
  EXPECT_NE(text.find("We stop at the end of `softmax_cross_entropy` (line 40) once the loop on lines 11-38 has "
                      "finished, so its work is complete: line 31, `total += -logf(p_true);`, has run for every pass."),
            std::string::npos)
      << text;
  EXPECT_NE(text.find("`total` adds up every pass of the loop on lines 11-38"), std::string::npos) << text;

  // Not moved: the text says the line has not run.
  loss.stop = {};
  text = stopText(loss, "src/loss.c", nullptr);
  EXPECT_NE(text.find("The stop is before that line runs, so what it computes is not set yet"), std::string::npos)
      << text;
}

} // namespace
} // namespace tourguide::indexer
