// The edit matrix: for each sample repo, a copy gets one ordinary edit (lines inserted above a
// stop, a function reformatted, a local renamed, a function moved, renamed or deleted, a
// pattern's line duplicated). Then, edit by edit: the tour still resolves to the same code,
// or `check` prints exactly the expected diagnostics, and `--fix` repairs what it can.
#include "SampleCopy.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <iostream>
#include <sstream>

namespace tourguide::checker::testing {
namespace {

struct EditCase {
  std::string name;
  std::string repo;
  std::vector<SourceEdit> edits;
  std::string stop;        ///< The stop the edit is aimed at.
  std::string code;        ///< The line that stop must still reach (after --fix); "" = not checked.
  bool reachedBeforeFix;   ///< The stop reaches `code` even before --fix.
  int severityBefore;      ///< worstSeverity after the edit: 0 clean, 1 warnings, 2 errors.
  std::string diagnostics; ///< Exact `check` output (paths relative to the copy).
  int severityAfterFix;    ///< worstSeverity once --fix has run.
  std::string fixOutput;   ///< Exact `check --fix` output.
};

std::ostream &operator<<(std::ostream &out, const EditCase &c) { return out << c.name; }

std::string relativeText(const std::vector<TourReport> &reports, const SampleCopy &copy) {
  std::string text = formatText(reports), prefix = copy.root() + "/";
  for (size_t at; (at = text.find(prefix)) != std::string::npos;)
    text.erase(at, prefix.size());
  return text;
}

const StopReport *findStop(const TourReport &report, const std::string &id) {
  for (const StopReport &s : report.stops)
    if (s.id == id)
      return &s;
  return nullptr;
}

/// Lines that differ between two texts of the same number of lines; -1 when the counts differ.
int changedLines(const std::string &a, const std::string &b, std::string &changed) {
  std::istringstream x(a), y(b);
  std::string la, lb;
  int n = 0;
  while (true) {
    bool ga = static_cast<bool>(std::getline(x, la)), gb = static_cast<bool>(std::getline(y, lb));
    if (ga != gb)
      return -1;
    if (!ga)
      return n;
    if (la != lb) {
      ++n;
      changed += lb + "\n";
    }
  }
}

class EditMatrix : public ::testing::TestWithParam<EditCase> {};

TEST_P(EditMatrix, ResolvesReportsOrRepairs) {
  const EditCase &c = GetParam();
  const bool print = std::getenv("TOURGUIDE_PRINT_ACTUAL") != nullptr;
  SampleCopy copy(c.repo);
  for (const SourceEdit &e : c.edits)
    ASSERT_EQ(copy.apply(e), "");
  const std::string tour = ".tours/train.json";
  const std::string original = copy.read(tour);

  // The sources do not change from here on: one index serves the check, the fix and the re-check.
  std::unique_ptr<SourceIndex> index = copy.index();
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->translationUnitsWithErrors, 0u) << index->problems.front();
  TourReport before = copy.check(tour, *index);
  ASSERT_TRUE(before.loadErrors.empty()) << tours::formatAll(before.loadErrors);
  std::string text = relativeText({before}, copy);
  if (print)
    std::cout << "---- " << c.name << " check:\n" << text;
  EXPECT_EQ(text, c.diagnostics);
  EXPECT_EQ(worstSeverity({before}), c.severityBefore);
  EXPECT_EQ(exitCodeFor({before}), c.severityBefore == 2 ? 1 : 0) << "only errors fail `check`";
  const StopReport *stop = findStop(before, c.stop);
  ASSERT_NE(stop, nullptr);
  if (c.reachedBeforeFix && !c.code.empty()) {
    EXPECT_EQ(resolvedText(*stop), c.code) << "the stop no longer reaches the same code";
  }

  TourReport fixed = copy.check(tour, *index, /*fix=*/true);
  std::string fixText = relativeText({fixed}, copy);
  if (print)
    std::cout << "---- " << c.name << " --fix:\n" << fixText;
  EXPECT_EQ(fixText, c.fixOutput);
  EXPECT_EQ(worstSeverity({fixed}), c.severityAfterFix);

  // What --fix wrote is what a fresh check sees, and only anchor lines changed.
  TourReport after = copy.check(tour, *index);
  EXPECT_EQ(worstSeverity({after}), c.severityAfterFix);
  std::string changed;
  int n = changedLines(original, copy.read(tour), changed);
  EXPECT_GE(n, 0) << "--fix changed the number of lines";
  if (c.fixOutput.find(": fixed: ") == std::string::npos) {
    EXPECT_EQ(n, 0) << "nothing was fixed, yet the tour changed:\n" << changed;
  }
  for (std::istringstream lines(changed); std::getline(lines, text);) {
    bool anchorField = false;
    for (const char *key : {"\"anchor\":", "\"function\":", "\"file\":", "\"pattern\":", "\"line\":"})
      anchorField = anchorField || text.find(key) != std::string::npos;
    EXPECT_TRUE(anchorField) << "--fix changed a line that holds no anchor field: " << text;
  }
  const StopReport *afterStop = findStop(after, c.stop);
  ASSERT_NE(afterStop, nullptr);
  if (!c.code.empty() && c.severityAfterFix < 2) {
    EXPECT_EQ(resolvedText(*afterStop), c.code);
  }
}

// clang-format off
const EditCase kCases[] = {
    // ---------------------------------------------------------------- mlp_c (C)
    {"mlp_c_insert_lines_above", "mlp_c",
     {{"src/optim.c", "#include \"optim.h\"", "/* Added by a refactoring:\n * three lines above every stop.\n */\n#include \"optim.h\""}},
     "momentum-step", "param->value[i] -= opt->lr * v[i];", true, 1,
     ".tours/train.json:261:17: warning: stop 'momentum-step' (\"Update: SGD with momentum, on the second step\"): line 32 is out of date: the pattern is on line 35\n", 0,
     ".tours/train.json:261:17: fixed: stop 'momentum-step' (\"Update: SGD with momentum, on the second step\"): line 32 -> 35 (the pattern is there)\n"},
    {"mlp_c_reformat_function", "mlp_c",
     {{"src/optim.c", "void sgd_update(Sgd *opt)\n{\n    float *v = opt->velocity;",
       "void\nsgd_update(Sgd *opt)\n{\n\tfloat   *v = opt->velocity;\n"},
      {"src/optim.c", "        for (int i = 0; i < param->size; ++i) {\n            v[i] = opt->momentum * v[i] + param->grad[i];\n            param->value[i] -= opt->lr * v[i];",
       "\t\tfor (int i = 0;  i < param->size;  ++i)\n\t\t{\n\t\t\tv[i] = opt->momentum * v[i] + param->grad[i];\n\t\t\tparam->value[i]   -=   opt->lr  *  v[i];"}},
     "momentum-step", "param->value[i] -= opt->lr * v[i];", true, 1,
     ".tours/train.json:261:17: warning: stop 'momentum-step' (\"Update: SGD with momentum, on the second step\"): line 32 is out of date: the pattern is on line 35\n", 0,
     ".tours/train.json:261:17: fixed: stop 'momentum-step' (\"Update: SGD with momentum, on the second step\"): line 32 -> 35 (the pattern is there)\n"},
    {"mlp_c_rename_local", "mlp_c",
     {{"src/optim.c", "    float *v = opt->velocity;", "    float *vel = opt->velocity;"},
      {"src/optim.c", "            v[i] = opt->momentum * v[i] + param->grad[i];\n            param->value[i] -= opt->lr * v[i];",
       "            vel[i] = opt->momentum * vel[i] + param->grad[i];\n            param->value[i] -= opt->lr * vel[i];"},
      {"src/optim.c", "        v += param->size;", "        vel += param->size;"}},
     "momentum-step", "param->value[i] -= opt->lr * vel[i];", false, 1,
     ".tours/train.json:259:20: warning: stop 'momentum-step' (\"Update: SGD with momentum, on the second step\"): pattern 'param->value[i] -= opt->lr * v[i];' is not in the body of 'sgd_update'; the stop falls back to the function's entry\n"
     ".tours/train.json:259:20: note: closest line: src/optim.c:32 in 'sgd_update': `param->value[i] -= opt->lr * vel[i];`\n"
     ".tours/train.json:259:20: note: closest line: src/optim.c:29 in 'sgd_update': `Param *param = &opt->params[p];`\n", 0,
     ".tours/train.json:259:20: fixed: stop 'momentum-step' (\"Update: SGD with momentum, on the second step\"): pattern 'param->value[i] -= opt->lr * v[i];' -> 'param->value[i] -= opt->lr * vel[i];' (the closest line is src/optim.c:32)\n"},
    {"mlp_c_move_function", "mlp_c",
     {{"src/optim.c", "void sgd_update(Sgd *opt)\n{\n    float *v = opt->velocity;\n    for (int p = 0; p < opt->n_params; ++p) {\n        Param *param = &opt->params[p];\n        for (int i = 0; i < param->size; ++i) {\n            v[i] = opt->momentum * v[i] + param->grad[i];\n            param->value[i] -= opt->lr * v[i];\n        }\n        v += param->size; /* the next parameter's velocities follow this one's */\n    }\n}\n\n", ""},
      {"src/sgd_step.c", "", "/* sgd_step.c - the update, in a file of its own. */\n#include \"optim.h\"\n\nvoid sgd_update(Sgd *opt)\n{\n    float *v = opt->velocity;\n    for (int p = 0; p < opt->n_params; ++p) {\n        Param *param = &opt->params[p];\n        for (int i = 0; i < param->size; ++i) {\n            v[i] = opt->momentum * v[i] + param->grad[i];\n            param->value[i] -= opt->lr * v[i];\n        }\n        v += param->size;\n    }\n}\n"}},
     "momentum-step", "param->value[i] -= opt->lr * v[i];", true, 1,
     ".tours/train.json:260:17: warning: stop 'momentum-step' (\"Update: SGD with momentum, on the second step\"): file 'src/optim.c' is out of date: 'sgd_update' is defined in src/sgd_step.c\n", 0,
     ".tours/train.json:260:17: fixed: stop 'momentum-step' (\"Update: SGD with momentum, on the second step\"): file 'src/optim.c' -> 'src/sgd_step.c' (the function moved to src/sgd_step.c)\n"
     ".tours/train.json:261:17: fixed: stop 'momentum-step' (\"Update: SGD with momentum, on the second step\"): line 32 -> 11 (the pattern is there)\n"},
    {"mlp_c_rename_function", "mlp_c",
     {{"src/optim.c", "void sgd_update(Sgd *opt)", "void sgd_step(Sgd *opt)"},
      {"src/optim.h", "void sgd_update(Sgd *opt);", "void sgd_step(Sgd *opt);"},
      {"src/train.c", "sgd_update(&opt);", "sgd_step(&opt);"}},
     "momentum-step", "param->value[i] -= opt->lr * v[i];", true, 1,
     ".tours/train.json:258:21: warning: stop 'momentum-step' (\"Update: SGD with momentum, on the second step\"): function 'sgd_update' is not defined in the sources; the stop still resolves by file + pattern\n"
     ".tours/train.json:258:21: note: 'sgd_step' holds the pattern; defined at src/optim.c:25\n", 0,
     ".tours/train.json:258:21: fixed: stop 'momentum-step' (\"Update: SGD with momentum, on the second step\"): function 'sgd_update' -> 'sgd_step' (renamed: its body holds the pattern)\n"},
    {"mlp_c_delete_function", "mlp_c",
     {{"src/data.c", "void loader_start_epoch(Loader *loader)\n{\n    /* The generator writes the records grouped by class. Without shuffling, every batch would\n     * hold a single class and each update would drag the model towards that class. */\n    if (loader->shuffle)\n        shuffle_indices(loader->order, (int)loader->header.count, &loader->rng);\n    loader->cursor = 0;\n}\n\n", ""}},
     "shuffle", "", true, 2,
     ".tours/train.json:58:21: error: stop 'shuffle' (\"The loader shuffles the order of the records\"): function 'loader_start_epoch' is not defined in the sources\n"
     ".tours/train.json:59:20: error: stop 'shuffle' (\"The loader shuffles the order of the records\"): pattern 'loader->cursor = 0;' is not in src/data.c; only file + line resolves the stop, to a line the anchor cannot confirm\n"
     ".tours/train.json:58:21: note: closest line: src/data.c:104 in 'loader_next': `loader->cursor += n;`\n"
     ".tours/train.json:58:21: note: closest line: src/data.c:84 in 'loader_next': `const int idx = loader->order[loader->cursor + i];`\n"
     ".tours/train.json:58:21: note: not fixable by --fix: no function holds the pattern\n"
     ".tours/train.json:81:17: warning: stop 'read-record' (\"One record is read from disk into the batch\"): line 111 is out of date: the pattern is on line 102\n"
     ".tours/train.json:104:17: warning: stop 'batch-ready' (\"A whole mini-batch is in memory\"): line 114 is out of date: the pattern is on line 105\n", 2,
     ".tours/train.json:58:21: error: stop 'shuffle' (\"The loader shuffles the order of the records\"): function 'loader_start_epoch' is not defined in the sources\n"
     ".tours/train.json:59:20: error: stop 'shuffle' (\"The loader shuffles the order of the records\"): pattern 'loader->cursor = 0;' is not in src/data.c; only file + line resolves the stop, to a line the anchor cannot confirm\n"
     ".tours/train.json:58:21: note: closest line: src/data.c:104 in 'loader_next': `loader->cursor += n;`\n"
     ".tours/train.json:58:21: note: closest line: src/data.c:84 in 'loader_next': `const int idx = loader->order[loader->cursor + i];`\n"
     ".tours/train.json:58:21: note: not fixable by --fix: no function holds the pattern\n"
     ".tours/train.json:81:17: fixed: stop 'read-record' (\"One record is read from disk into the batch\"): line 111 -> 102 (the pattern is there)\n"
     ".tours/train.json:104:17: fixed: stop 'batch-ready' (\"A whole mini-batch is in memory\"): line 114 -> 105 (the pattern is there)\n"},
    {"mlp_c_pattern_twice", "mlp_c",
     {{"src/optim.c", "            param->value[i] -= opt->lr * v[i];\n", "            param->value[i] -= opt->lr * v[i];\n            param->value[i] -= opt->lr * v[i];\n"}},
     "momentum-step", "param->value[i] -= opt->lr * v[i];", true, 1,
     ".tours/train.json:259:20: warning: stop 'momentum-step' (\"Update: SGD with momentum, on the second step\"): pattern 'param->value[i] -= opt->lr * v[i];' occurs 2 times in 'sgd_update' (lines 32 and 33); the first is used\n"
     ".tours/train.json:259:20: note: match at src/optim.c:32 in 'sgd_update': `param->value[i] -= opt->lr * v[i];`\n"
     ".tours/train.json:259:20: note: match at src/optim.c:33 in 'sgd_update': `param->value[i] -= opt->lr * v[i];`\n"
     ".tours/train.json:259:20: note: not fixable by --fix: which occurrence the stop means is for a person to say\n", 1,
     ".tours/train.json:259:20: warning: stop 'momentum-step' (\"Update: SGD with momentum, on the second step\"): pattern 'param->value[i] -= opt->lr * v[i];' occurs 2 times in 'sgd_update' (lines 32 and 33); the first is used\n"
     ".tours/train.json:259:20: note: match at src/optim.c:32 in 'sgd_update': `param->value[i] -= opt->lr * v[i];`\n"
     ".tours/train.json:259:20: note: match at src/optim.c:33 in 'sgd_update': `param->value[i] -= opt->lr * v[i];`\n"
     ".tours/train.json:259:20: note: not fixable by --fix: which occurrence the stop means is for a person to say\n"},

    // ---------------------------------------------------------------- torchlike (C++ classes)
    {"torchlike_insert_lines_above", "torchlike",
     {{"src/sgd.cpp", "#include \"torchlike/optim/sgd.h\"", "// SGD with momentum.\n// (Two lines added above the stop.)\n#include \"torchlike/optim/sgd.h\""}},
     "sgd-step", "w[j] -= lr_ * v[j];", true, 1,
     ".tours/train.json:262:17: warning: stop 'sgd-step' (\"SGD with momentum updates a weight\"): line 20 is out of date: the pattern is on line 22\n", 0,
     ".tours/train.json:262:17: fixed: stop 'sgd-step' (\"SGD with momentum updates a weight\"): line 20 -> 22 (the pattern is there)\n"},
    {"torchlike_reformat_function", "torchlike",
     {{"src/sgd.cpp", "void SGD::step() {\n  for (std::size_t p = 0; p < params_.size(); ++p) {",
       "void SGD::step()\n{\n    for (std::size_t p = 0;  p < params_.size();  ++p)\n    {"},
      {"src/sgd.cpp", "      w[j] -= lr_ * v[j];", "\t\t\tw[j]  -=  lr_ * v[j];"}},
     "sgd-step", "w[j] -= lr_ * v[j];", true, 1,
     ".tours/train.json:262:17: warning: stop 'sgd-step' (\"SGD with momentum updates a weight\"): line 20 is out of date: the pattern is on line 22\n", 0,
     ".tours/train.json:262:17: fixed: stop 'sgd-step' (\"SGD with momentum updates a weight\"): line 20 -> 22 (the pattern is there)\n"},
    {"torchlike_rename_local", "torchlike",
     {{"src/sgd.cpp", "    float* v = velocity_[p].data();", "    float* vel = velocity_[p].data();"},
      {"src/sgd.cpp", "      v[j] = momentum_ * v[j] + g[j];\n      w[j] -= lr_ * v[j];", "      vel[j] = momentum_ * vel[j] + g[j];\n      w[j] -= lr_ * vel[j];"}},
     "sgd-step", "w[j] -= lr_ * vel[j];", false, 1,
     ".tours/train.json:260:20: warning: stop 'sgd-step' (\"SGD with momentum updates a weight\"): pattern 'w[j] -= lr_ * v[j];' is not in the body of 'optim::SGD::step'; the stop falls back to the function's entry\n"
     ".tours/train.json:260:20: note: closest line: src/sgd.cpp:20 in 'optim::SGD::step': `w[j] -= lr_ * vel[j];`\n"
     ".tours/train.json:260:20: note: closest line: src/sgd.cpp:19 in 'optim::SGD::step': `vel[j] = momentum_ * vel[j] + g[j];`\n", 0,
     ".tours/train.json:260:20: fixed: stop 'sgd-step' (\"SGD with momentum updates a weight\"): pattern 'w[j] -= lr_ * v[j];' -> 'w[j] -= lr_ * vel[j];' (the closest line is src/sgd.cpp:20)\n"},
    {"torchlike_move_function", "torchlike",
     {{"src/trainer.cpp", "EpochStats Trainer::train_epoch(data::DataLoader& loader) {\n  metrics::MeanLoss mean_loss;\n  metrics::Accuracy accuracy;\n  for (auto& batch : loader) {\n    optimizer_.zero_grad();\n    Tensor logits = model_.forward(batch.images);\n    const float loss = criterion_.forward(logits, batch.labels);\n    model_.backward(criterion_.backward());\n    optimizer_.step();\n    mean_loss.update(loss, batch.size);\n    accuracy.update(logits, batch.labels);\n  }\n  return {mean_loss.compute(), accuracy.compute()};\n}\n", ""},
      {"src/trainer_epoch.cpp", "", "// One epoch of training, moved out of trainer.cpp.\n#include \"torchlike/trainer.h\"\n\n#include \"torchlike/metrics/metrics.h\"\n\nEpochStats Trainer::train_epoch(data::DataLoader& loader) {\n  metrics::MeanLoss mean_loss;\n  metrics::Accuracy accuracy;\n  for (auto& batch : loader) {\n    optimizer_.zero_grad();\n    Tensor logits = model_.forward(batch.images);\n    const float loss = criterion_.forward(logits, batch.labels);\n    model_.backward(criterion_.backward());\n    optimizer_.step();\n    mean_loss.update(loss, batch.size);\n    accuracy.update(logits, batch.labels);\n  }\n  return {mean_loss.compute(), accuracy.compute()};\n}\n"}},
     "batch-loop", "Tensor logits = model_.forward(batch.images);", true, 1,
     ".tours/train.json:104:17: warning: stop 'batch-loop' (\"One training step in Trainer::train_epoch\"): file 'src/trainer.cpp' is out of date: 'Trainer::train_epoch' is defined in src/trainer_epoch.cpp\n", 0,
     ".tours/train.json:104:17: fixed: stop 'batch-loop' (\"One training step in Trainer::train_epoch\"): file 'src/trainer.cpp' -> 'src/trainer_epoch.cpp' (the function moved to src/trainer_epoch.cpp)\n"
     ".tours/train.json:105:17: fixed: stop 'batch-loop' (\"One training step in Trainer::train_epoch\"): line 26 -> 11 (the pattern is there)\n"},
    {"torchlike_rename_function", "torchlike",
     {{"src/checkpoint.cpp", "void save_checkpoint(nn::Module& model, const std::string& path) {", "void write_checkpoint(nn::Module& model, const std::string& path) {"},
      {"include/torchlike/checkpoint.h", "void save_checkpoint(", "void write_checkpoint("},
      {"src/train_main.cpp", "save_checkpoint(*model, checkpoint_path);", "write_checkpoint(*model, checkpoint_path);"}},
     "save-checkpoint", "out.write(reinterpret_cast<const char*>(param->value.ptr()),", true, 1,
     ".tours/train.json:361:21: warning: stop 'save-checkpoint' (\"The trained weights are saved\"): function 'save_checkpoint' is not defined in the sources; the stop still resolves by file + pattern\n"
     ".tours/train.json:361:21: note: did you mean 'write_checkpoint'? defined at src/checkpoint.cpp:26\n"
     ".tours/train.json:361:21: note: did you mean 'load_checkpoint'? defined at src/checkpoint.cpp:48\n"
     ".tours/train.json:361:21: note: 'write_checkpoint' holds the pattern; defined at src/checkpoint.cpp:26\n", 0,
     ".tours/train.json:361:21: fixed: stop 'save-checkpoint' (\"The trained weights are saved\"): function 'save_checkpoint' -> 'write_checkpoint' (renamed: its body holds the pattern)\n"},
    {"torchlike_delete_function", "torchlike",
     {{"src/sequential.cpp", "Tensor Sequential::backward(const Tensor& grad_output) {\n  // The chain rule runs the layers in reverse: each turns dL/d(its output) into dL/d(its input).\n  Tensor grad = grad_output;\n  for (std::size_t index = layers_.size(); index-- > 0;) {\n    grad = layers_[index]->backward(grad);\n  }\n  return grad;\n}\n\n", ""}},
     "sequential-backward", "", true, 2,
     ".tours/train.json:211:21: error: stop 'sequential-backward' (\"Backward: the chain rule runs the layers in reverse\"): function 'nn::Sequential::backward' is not defined in the sources\n"
     ".tours/train.json:212:20: error: stop 'sequential-backward' (\"Backward: the chain rule runs the layers in reverse\"): pattern 'grad = layers_[index]->backward(grad);' is not in src/sequential.cpp; only file + line resolves the stop, to a line the anchor cannot confirm\n"
     ".tours/train.json:211:21: note: did you mean 'nn::Sequential::forward'? defined at src/sequential.cpp:12\n"
     ".tours/train.json:211:21: note: did you mean 'nn::Sequential::add'? defined at src/sequential.cpp:5\n"
     ".tours/train.json:211:21: note: did you mean 'nn::Sequential::name'? defined at src/sequential.cpp:30\n"
     ".tours/train.json:211:21: note: closest line: src/sequential.cpp:34 in 'nn::Sequential::name': `text += layers_[index]->name();`\n"
     ".tours/train.json:211:21: note: closest line: src/sequential.cpp:16 in 'nn::Sequential::forward': `Module& layer = *layers_[index];`\n"
     ".tours/train.json:211:21: note: not fixable by --fix: no function holds the pattern\n", 2,
     ".tours/train.json:211:21: error: stop 'sequential-backward' (\"Backward: the chain rule runs the layers in reverse\"): function 'nn::Sequential::backward' is not defined in the sources\n"
     ".tours/train.json:212:20: error: stop 'sequential-backward' (\"Backward: the chain rule runs the layers in reverse\"): pattern 'grad = layers_[index]->backward(grad);' is not in src/sequential.cpp; only file + line resolves the stop, to a line the anchor cannot confirm\n"
     ".tours/train.json:211:21: note: did you mean 'nn::Sequential::forward'? defined at src/sequential.cpp:12\n"
     ".tours/train.json:211:21: note: did you mean 'nn::Sequential::add'? defined at src/sequential.cpp:5\n"
     ".tours/train.json:211:21: note: did you mean 'nn::Sequential::name'? defined at src/sequential.cpp:30\n"
     ".tours/train.json:211:21: note: closest line: src/sequential.cpp:34 in 'nn::Sequential::name': `text += layers_[index]->name();`\n"
     ".tours/train.json:211:21: note: closest line: src/sequential.cpp:16 in 'nn::Sequential::forward': `Module& layer = *layers_[index];`\n"
     ".tours/train.json:211:21: note: not fixable by --fix: no function holds the pattern\n"},
    {"torchlike_pattern_twice", "torchlike",
     {{"src/loss.cpp", "    total += example_loss;\n", "    total += example_loss;\n    if (example_loss > 10.0f) total += example_loss;\n"}},
     "cross-entropy", "total += example_loss;", true, 1,
     ".tours/train.json:183:20: warning: stop 'cross-entropy' (\"CrossEntropyLoss: softmax, then -log p[y]\"): pattern 'total += example_loss;' occurs 2 times in 'nn::CrossEntropyLoss::forward' (lines 28 and 29); the first is used\n"
     ".tours/train.json:183:20: note: match at src/loss.cpp:28 in 'nn::CrossEntropyLoss::forward': `total += example_loss;`\n"
     ".tours/train.json:183:20: note: match at src/loss.cpp:29 in 'nn::CrossEntropyLoss::forward': `if (example_loss > 10.0f) total += example_loss;`\n"
     ".tours/train.json:183:20: note: not fixable by --fix: which occurrence the stop means is for a person to say\n", 1,
     ".tours/train.json:183:20: warning: stop 'cross-entropy' (\"CrossEntropyLoss: softmax, then -log p[y]\"): pattern 'total += example_loss;' occurs 2 times in 'nn::CrossEntropyLoss::forward' (lines 28 and 29); the first is used\n"
     ".tours/train.json:183:20: note: match at src/loss.cpp:28 in 'nn::CrossEntropyLoss::forward': `total += example_loss;`\n"
     ".tours/train.json:183:20: note: match at src/loss.cpp:29 in 'nn::CrossEntropyLoss::forward': `if (example_loss > 10.0f) total += example_loss;`\n"
     ".tours/train.json:183:20: note: not fixable by --fix: which occurrence the stop means is for a person to say\n"},

    // ---------------------------------------------------------------- generic_fit (templates)
    {"generic_fit_insert_lines_above", "generic_fit",
     {{"include/generic_fit/inertia.hpp", "template <class T>\nstruct Inertia {", "// Momentum, written as a hook.\n// (Two lines added above the stop.)\ntemplate <class T>\nstruct Inertia {"}},
     "momentum-step", "w[i] -= step * v[i];", true, 1,
     ".tours/train.json:89:146: warning: stop 'momentum-step' (\"The optimizer: a step with momentum\"): line 31 is out of date: the pattern is on line 33\n", 0,
     ".tours/train.json:89:146: fixed: stop 'momentum-step' (\"The optimizer: a step with momentum\"): line 31 -> 33 (the pattern is there)\n"},
    {"generic_fit_reformat_function", "generic_fit",
     {{"src/shelf.cpp", "bool Shelf::next(Handful &out) {", "bool\nShelf::next(Handful &out)\n{"},
      {"src/shelf.cpp", "  cursor_ += take;", "    cursor_   +=   take;"}},
     "mini-batch", "cursor_ += take;", true, 1,
     ".tours/train.json:41:114: warning: stop 'mini-batch' (\"A mini-batch is taken off the shelf\"): line 32 is out of date: the pattern is on line 34\n", 0,
     ".tours/train.json:41:114: fixed: stop 'mini-batch' (\"A mini-batch is taken off the shelf\"): line 32 -> 34 (the pattern is there)\n"},
    {"generic_fit_rename_local", "generic_fit",
     {{"include/generic_fit/inertia.hpp", "      std::vector<T> &v = velocity[k].data;", "      std::vector<T> &vel = velocity[k].data;"},
      {"include/generic_fit/inertia.hpp", "        v[i] = beta * v[i] + (T(1) - beta) * g[i];\n        w[i] -= step * v[i];", "        vel[i] = beta * vel[i] + (T(1) - beta) * g[i];\n        w[i] -= step * vel[i];"}},
     "momentum-step", "w[i] -= step * vel[i];", false, 1,
     ".tours/train.json:89:114: warning: stop 'momentum-step' (\"The optimizer: a step with momentum\"): pattern 'w[i] -= step * v[i];' is not in the body of 'gf::Inertia<float>::nudge'; the stop falls back to the function's entry\n"
     ".tours/train.json:89:114: note: closest line: include/generic_fit/inertia.hpp:31 in 'gf::Inertia<float>::nudge': `w[i] -= step * vel[i];`\n"
     ".tours/train.json:89:114: note: closest line: include/generic_fit/inertia.hpp:30 in 'gf::Inertia<float>::nudge': `vel[i] = beta * vel[i] + (T(1) - beta) * g[i];`\n", 0,
     ".tours/train.json:89:114: fixed: stop 'momentum-step' (\"The optimizer: a step with momentum\"): pattern 'w[i] -= step * v[i];' -> 'w[i] -= step * vel[i];' (the closest line is include/generic_fit/inertia.hpp:31)\n"},
    {"generic_fit_move_function", "generic_fit",
     {{"src/shelf.cpp", "bool Shelf::next(Handful &out) {\n  if (cursor_ >= order_.size())\n    return false;\n  const std::size_t take = std::min(size_, order_.size() - cursor_);\n  const lin::Mat<float> &all = corpus_.features;\n  out.x = lin::Mat<float>(take, all.cols);\n  out.y.resize(take);\n  for (std::size_t i = 0; i < take; ++i) {\n    const std::size_t row = order_[cursor_ + i];\n    for (std::size_t c = 0; c < all.cols; ++c)\n      out.x(i, c) = all(row, c);\n    out.y[i] = corpus_.labels[row];\n  }\n  cursor_ += take;\n  return true;\n}\n\n", ""},
      {"src/shelf_next.cpp", "", "// Shelf::next on its own.\n#include \"generic_fit/shelf.hpp\"\n\n#include <algorithm>\n\nnamespace gf {\n\nbool Shelf::next(Handful &out) {\n  if (cursor_ >= order_.size())\n    return false;\n  const std::size_t take = std::min(size_, order_.size() - cursor_);\n  const lin::Mat<float> &all = corpus_.features;\n  out.x = lin::Mat<float>(take, all.cols);\n  out.y.resize(take);\n  for (std::size_t i = 0; i < take; ++i) {\n    const std::size_t row = order_[cursor_ + i];\n    for (std::size_t c = 0; c < all.cols; ++c)\n      out.x(i, c) = all(row, c);\n    out.y[i] = corpus_.labels[row];\n  }\n  cursor_ += take;\n  return true;\n}\n\n} // namespace gf\n"}},
     "mini-batch", "cursor_ += take;", true, 1,
     ".tours/train.json:41:58: warning: stop 'mini-batch' (\"A mini-batch is taken off the shelf\"): file 'src/shelf.cpp' is out of date: 'gf::Shelf::next' is defined in src/shelf_next.cpp\n", 0,
     ".tours/train.json:41:58: fixed: stop 'mini-batch' (\"A mini-batch is taken off the shelf\"): file 'src/shelf.cpp' -> 'src/shelf_next.cpp' (the function moved to src/shelf_next.cpp)\n"
     ".tours/train.json:41:119: fixed: stop 'mini-batch' (\"A mini-batch is taken off the shelf\"): line 32 -> 21 (the pattern is there)\n"},
    {"generic_fit_rename_function", "generic_fit",
     {{"src/archive.cpp", "bool write_archive(const std::string &path,", "bool save_archive(const std::string &path,"},
      {"include/generic_fit/archive.hpp", "bool write_archive(", "bool save_archive("},
      {"src/train.cpp", "gf::write_archive(", "gf::save_archive("}},
     "save", "for (const lin::Mat<float> &p : archive.params) {", true, 1,
     ".tours/train.json:106:31: warning: stop 'save' (\"The learned parameters are saved\"): function 'gf::write_archive' is not defined in the sources; the stop still resolves by file + pattern\n"
     ".tours/train.json:106:31: note: did you mean 'gf::save_archive'? defined at src/archive.cpp:36\n"
     ".tours/train.json:106:31: note: did you mean 'gf::read_archive'? defined at src/archive.cpp:73\n"
     ".tours/train.json:106:31: note: 'gf::save_archive' holds the pattern; defined at src/archive.cpp:36\n", 0,
     ".tours/train.json:106:31: fixed: stop 'save' (\"The learned parameters are saved\"): function 'gf::write_archive' -> 'gf::save_archive' (renamed: its body holds the pattern)\n"},
    {"generic_fit_delete_function", "generic_fit",
     {{"src/corpus.cpp", "void standardize(Corpus &corpus, const Scaler &scaler) {\n  lin::Mat<float> &x = corpus.features;\n  for (std::size_t r = 0; r < x.rows; ++r)\n    for (std::size_t c = 0; c < x.cols; ++c)\n      x(r, c) = (x(r, c) - scaler.centre[c]) / scaler.spread[c];\n}\n\n", ""}},
     "standardize", "", true, 2,
     ".tours/train.json:25:31: error: stop 'standardize' (\"Every sensor is put on the same scale\"): function 'gf::standardize' is not defined in the sources\n"
     ".tours/train.json:25:87: error: stop 'standardize' (\"Every sensor is put on the same scale\"): pattern 'x(r, c) = (x(r, c) - scaler.centre[c]) / scaler.spread[c];' is not in src/corpus.cpp\n"
     ".tours/train.json:25:157: error: stop 'standardize' (\"Every sensor is put on the same scale\"): line 118 is past the end of src/corpus.cpp (114 lines)\n"
     ".tours/train.json:25:31: note: closest line: src/corpus.cpp:108 in 'gf::measure': `s.centre[c] = float(mean);`\n"
     ".tours/train.json:25:31: note: closest line: src/corpus.cpp:69 in 'gf::read_corpus': `for (std::size_t c = 0; c < out.columns.size(); ++c) {`\n"
     ".tours/train.json:25:31: note: not fixable by --fix: no function holds the pattern\n", 2,
     ".tours/train.json:25:31: error: stop 'standardize' (\"Every sensor is put on the same scale\"): function 'gf::standardize' is not defined in the sources\n"
     ".tours/train.json:25:87: error: stop 'standardize' (\"Every sensor is put on the same scale\"): pattern 'x(r, c) = (x(r, c) - scaler.centre[c]) / scaler.spread[c];' is not in src/corpus.cpp\n"
     ".tours/train.json:25:157: error: stop 'standardize' (\"Every sensor is put on the same scale\"): line 118 is past the end of src/corpus.cpp (114 lines)\n"
     ".tours/train.json:25:31: note: closest line: src/corpus.cpp:108 in 'gf::measure': `s.centre[c] = float(mean);`\n"
     ".tours/train.json:25:31: note: closest line: src/corpus.cpp:69 in 'gf::read_corpus': `for (std::size_t c = 0; c < out.columns.size(); ++c) {`\n"
     ".tours/train.json:25:31: note: not fixable by --fix: no function holds the pattern\n"},
    {"generic_fit_pattern_twice", "generic_fit",
     {{"include/generic_fit/inertia.hpp", "        w[i] -= step * v[i];\n", "        w[i] -= step * v[i];\n        if (beta == T(0)) w[i] -= step * v[i];\n"}},
     "momentum-step", "w[i] -= step * v[i];", true, 1,
     ".tours/train.json:89:114: warning: stop 'momentum-step' (\"The optimizer: a step with momentum\"): pattern 'w[i] -= step * v[i];' occurs 2 times in 'gf::Inertia<float>::nudge' (lines 31 and 32); the first is used\n"
     ".tours/train.json:89:114: note: match at include/generic_fit/inertia.hpp:31 in 'gf::Inertia<float>::nudge': `w[i] -= step * v[i];`\n"
     ".tours/train.json:89:114: note: match at include/generic_fit/inertia.hpp:32 in 'gf::Inertia<float>::nudge': `if (beta == T(0)) w[i] -= step * v[i];`\n"
     ".tours/train.json:89:114: note: not fixable by --fix: which occurrence the stop means is for a person to say\n", 1,
     ".tours/train.json:89:114: warning: stop 'momentum-step' (\"The optimizer: a step with momentum\"): pattern 'w[i] -= step * v[i];' occurs 2 times in 'gf::Inertia<float>::nudge' (lines 31 and 32); the first is used\n"
     ".tours/train.json:89:114: note: match at include/generic_fit/inertia.hpp:31 in 'gf::Inertia<float>::nudge': `w[i] -= step * v[i];`\n"
     ".tours/train.json:89:114: note: match at include/generic_fit/inertia.hpp:32 in 'gf::Inertia<float>::nudge': `if (beta == T(0)) w[i] -= step * v[i];`\n"
     ".tours/train.json:89:114: note: not fixable by --fix: which occurrence the stop means is for a person to say\n"},
};
// clang-format on

INSTANTIATE_TEST_SUITE_P(SampleRepos, EditMatrix, ::testing::ValuesIn(kCases),
                         [](const ::testing::TestParamInfo<EditCase> &info) { return info.param.name; });

} // namespace
} // namespace tourguide::checker::testing
