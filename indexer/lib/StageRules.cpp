// Stage rules: each sums weighted evidence from one function's facts. Statements weigh most
// (what the code does); idioms from tourguide_idioms weigh as much; names only tip the balance.
#include "tourguide/indexer/StageRules.h"
#include "tourguide/indexer/Names.h"

#include "llvm/ADT/StringRef.h"

#include <algorithm>
#include <map>
#include <set>

namespace tourguide::indexer {

namespace {

/// Accumulates evidence for one stage.
class Scorer {
public:
  Scorer(const FunctionFacts &fn, std::string stage) : fn(fn) { match.stage = std::move(stage); }

  /// Adds `weight` once per distinct reason, citing the first statement of `kind`.
  bool statement(const std::string &kind, double weight, const std::string &why,
                 bool anchor = true) {
    for (const StatementFact &s : fn.statements)
      if (s.kind == kind) {
        add(weight, "line " + std::to_string(s.line) + ": `" + s.text + "` " + why, s.line);
        if (anchor && !match.anchorLine) {
          match.anchorLine = s.line;
          match.anchorText = s.text;
          for (const std::string &v : s.variables)
            addWatch(v);
          if (isIdentifier(s.target))
            addWatch(s.target);
        }
        return true;
      }
    return false;
  }

  bool idiom(std::initializer_list<llvm::StringRef> kinds, double weight) {
    for (const IdiomFact &i : fn.idioms)
      for (auto k : kinds)
        if (i.kind == k) {
          std::string range = i.beginLine == i.endLine
                                  ? "line " + std::to_string(i.beginLine)
                                  : "lines " + std::to_string(i.beginLine) + "-" +
                                        std::to_string(i.endLine);
          std::string text = range + " compute " + (i.formula.empty() ? i.kind : "`" + i.formula + "`"); // code: `*` is no emphasis
          if (!i.description.empty())
            text += ", " + i.description;
          add(weight, text, i.beginLine);
          return true;
        }
    return false;
  }

  void name(std::initializer_list<llvm::StringRef> words, double weight, const std::string &what) {
    if (nameHas(fn.name, words))
      add(weight, "the name `" + fn.qualifiedName + "` suggests " + what, 0);
    else if (!fn.className.empty() && nameHas(fn.className, words))
      add(weight, "the class `" + fn.className + "` suggests " + what, 0);
  }

  bool has(const std::string &kind) const {
    return std::any_of(fn.statements.begin(), fn.statements.end(),
                       [&](const StatementFact &s) { return s.kind == kind; });
  }
  bool hasIn(const std::string &kind, bool nested) const {
    for (const StatementFact &s : fn.statements)
      if (s.kind == kind && s.loop >= 0 && (!nested || fn.loops[s.loop].parent >= 0))
        return true;
    return false;
  }

  void add(double weight, std::string text, unsigned line) {
    score += weight;
    match.evidence.push_back({std::move(text), line});
  }

  double total() const { return score; }

  std::optional<StageMatch> result() {
    if (score <= 0)
      return std::nullopt;
    match.confidence = std::min(0.95, score);
    return match;
  }

private:
  void addWatch(const std::string &v) {
    if (match.watch.size() < 4 && std::find(match.watch.begin(), match.watch.end(), v) == match.watch.end())
      match.watch.push_back(v);
  }

  const FunctionFacts &fn;
  StageMatch match;
  double score = 0;
};

} // namespace

/// `kann_t *kann_load(const char *fn)`, `Transformer *load_transformer(...)`: a loader that
/// returns the library's own object or a model-like type loads a model, not data.
bool returnsAModel(const FunctionFacts &fn) {
  if (fn.returnsRecord.empty())
    return false;
  llvm::StringRef type(fn.returnsRecord);
  type.consume_back("_t");
  if (nameHas(type.str(), {"data", "set", "batch", "sample", "image", "corpus", "text", "file", "line", "str"}))
    return false;
  llvm::StringRef prefix = llvm::StringRef(fn.name).split('_').first;
  return nameHas(type.str(), {"model", "net", "transformer", "weights", "param", "checkpoint", "layer"}) ||
         (!prefix.empty() && prefix != fn.name && type.equals_insensitive(prefix));
}

/// Calls srand or a like seeding function: what it reads is a seed.
static bool seedsRandom(const FunctionFacts &fn) {
  return std::any_of(fn.calls.begin(), fn.calls.end(), [](const CallFact &c) {
    return c.calleeName == "srand" || c.calleeName == "srandom" || c.calleeName == "srand48" ||
           c.calleeName == "seed48";
  });
}

namespace rules {

/// How a function that hands out the batches is named (its name's end).
constexpr const char *kBatchSources[] = {"get_batch", "next_batch", "make_batch", "sample_batch", "fetch_batch",
                                         "load_batch"};

std::optional<StageMatch> dataStage(const FunctionFacts &fn) {
  Scorer s(fn, "data");
  bool reads = s.statement("file_read", 0.5, "reads from a file or stream");
  if (!reads && s.statement("file_open", 0.3, "opens a file"))
    s.statement("parse", 0.2, "parses what was read", false);
  if (reads && s.hasIn("file_read", false))
    s.add(0.1, "the reads happen in a loop (records or rows one by one)", 0);
  // svm-predict's predict: `while (readline(input))` then strtok/strtod on each line. Not a
  // line reader that is itself parsing (`std::getline` on a string stream, xgboost's Split).
  auto parsesOnLine = [&](unsigned line) {
    return std::any_of(fn.statements.begin(), fn.statements.end(),
                       [&](const StatementFact &st) { return st.kind == "parse" && st.line == line; });
  };
  if (!reads && s.hasIn("parse", false) &&
      std::any_of(fn.calls.begin(), fn.calls.end(), [&](const CallFact &c) {
        return c.loop >= 0 && isLineReaderName(c.calleeName) && !parsesOnLine(c.line);
      }))
    s.statement("parse", 0.5, "parses the lines its line reader fetches, in a loop");
  // fasttext's Dictionary::readFromFile and getLine: `while (readWord(in, word))` takes the
  // input token by token, and the body does something with each (adds it to the vocabulary,
  // looks up its id). The reader is the tool; the loop over what it returns reads the data.
  if (!reads && !s.has("parse"))
    for (const CallFact &c : fn.calls)
      if (c.loop >= 0 && c.line == fn.loops[c.loop].line && isLineReaderName(c.calleeName) &&
          std::any_of(fn.calls.begin(), fn.calls.end(), [&](const CallFact &o) {
            return o.loop == c.loop && o.line > c.line;
          })) {
        s.add(0.5, "line " + std::to_string(c.line) + ": loops over what `" + c.calleeName +
                       "` reads, one record or token at a time",
              c.line);
        break;
      }
  s.statement("shuffle", 0.5, "shuffles the examples");
  s.statement("gather", 0.5, "copies examples through an index (assembles a batch)");
  s.statement("normalize", 0.5, "standardises values in place ((x - mean) / std)");
  s.statement("variance", 0.5, "computes means and variances of the data (for standardisation)");
  if (!s.has("shuffle") && s.has("random") && fn.loops.size() > 0 &&
      nameHas(fn.name, {"shuffle", "perm", "batch", "sample"}))
    s.statement("random", 0.3, "draws random indices over the examples");
  if (reads || s.has("file_open"))
    s.statement("push_back", 0.1, "fills a container", false);
  // darknet's get_next_batch: memcpy of one example's row per iteration into the batch.
  if (isDataLoaderName(fn.name) || nameHas(fn.name, {"batch"}))
    for (const CallFact &c : fn.calls)
      if (c.loop >= 0 && (c.calleeName == "memcpy" || c.calleeName == "memmove" || c.calleeName == "copy")) {
        s.add(0.3, "line " + std::to_string(c.line) + ": copies one example per iteration (`" + c.calleeName + "`)", c.line);
        break;
      }
  s.name({"load", "read", "dataset", "loader", "batch", "shuffle", "data", "parse", "csv", "mnist"}, 0.25,
         "data loading");
  // pytorch/examples' regression: get_batch() makes each batch (x, f(x)) from random numbers,
  // with no file and no loop; a function named as the source of the batches that computes
  // something is the data stage.
  // (The name ends so: make_batchnorm_layer is a layer.)
  const std::string lower = llvm::StringRef(fn.name).lower();
  if (std::any_of(std::begin(kBatchSources), std::end(kBatchSources),
                  [&](const char *w) { return llvm::StringRef(lower).endswith(w); }) &&
      !fn.calls.empty())
    s.add(0.3, "its name says it hands out the batches, and it computes them", fn.line);
  // main() often reads its arguments; only a real read makes it a data stage.
  if ((fn.isMain || fn.isLambda) && !reads)
    return std::nullopt;
  // A helper that only fetches the next line (libsvm's readline, darknet's fgetl, kseq's
  // ks_getuntil) is the loader's tool; the stop is the caller that parses what it returns.
  if (isLineReaderName(fn.name) && !s.has("parse") && !s.has("push_back") && !s.has("gather"))
    return std::nullopt;
  // Reading /dev/urandom to seed the generator (libfann's fann_seed_rand) is not the data set.
  if (seedsRandom(fn) && !s.has("parse") && !s.has("push_back") && !s.has("gather"))
    return std::nullopt;
  // A configuration file holds the program's settings, not its examples (darknet's read_cfg,
  // read_data_cfg).
  if (nameHas(fn.name, {"cfg", "config", "conf_", "option", "ini_", "setting"}))
    return std::nullopt;
  return s.result();
}

std::optional<StageMatch> modelStage(const FunctionFacts &fn) {
  Scorer s(fn, "model");
  // Expectation-maximisation (a mixture model's, a tokenizer's unigram LM): the E-step runs the
  // current model over the data, its expectations are what the M-step fits.
  if (isExpectationStepName(fn.name))
    s.add(0.5, "the name `" + fn.qualifiedName + "` says it is the E-step of EM (the current model's expectations over the data)", fn.line);
  s.idiom({"matvec", "matmul"}, 0.6);
  if (s.hasIn("mac", true))
    s.statement("mac", 0.5, "multiply-accumulates inside nested loops (a matrix-vector or matrix product)");
  else if (s.has("mac"))
    s.statement("mac", 0.3, "multiply-accumulates (a dot product)");
  if (!s.idiom({"relu", "gelu", "tanh", "sigmoid", "softmax"}, 0.2)) {
    if (!s.statement("tanh_call", 0.2, "applies tanh (an activation)"))
      if (!s.statement("relu", 0.2, "clips at zero (ReLU)"))
        if (!s.has("log_call"))
          s.statement("exp_call", 0.15, "exponentiates (sigmoid or softmax)");
  }
  s.name({"forward", "backward", "backprop", "predict", "infer", "layer", "activation", "conv",
          "linear", "dense", "propagate", "logits", "softmax", "rmsnorm", "layernorm", "layer_norm",
          "batchnorm", "attention", "matmul"},
         0.3, "a model computation");
  // A layer's pass named as such that loops over its tensors (encoder_forward, residual_forward:
  // element-wise, so no multiply-accumulate to see).
  if (nameHas(fn.name, {"forward", "backward"}) && !fn.loops.empty() && s.total() < kReportThreshold &&
      !fn.isVirtual)
    s.add(0.2, "`" + fn.qualifiedName + "` loops over its tensors", fn.loops.front().line);
  if (fn.isVirtual && nameHas(fn.name, {"forward", "backward"}))
    s.add(0.2, "`" + fn.qualifiedName + "` is a virtual method (a layer's override)", fn.line);
  // An update of parameters with no products of inputs is the optimizer's job, not the model's.
  if (s.has("param_update") && !s.has("mac") && fn.idioms.empty())
    return std::nullopt;
  if (nameHas(fn.className, {"metric", "meter", "accuracy"}))
    return std::nullopt;
  // Dataset statistics are products and sums too, but of the data.
  if (s.has("variance") || s.has("normalize"))
    return std::nullopt;
  if (fn.isMain || fn.isLambda)
    return std::nullopt;
  // A layer's computation loops over its tensor or multiplies; with neither, a name and a
  // clip at zero are a size computation (kann's conv_find_par: `pad0 > 0 ? pad0 : 0`).
  if (fn.loops.empty() && !s.has("mac") && fn.idioms.empty() && !s.has("tanh_call") && !s.has("exp_call") &&
      !fn.isVirtual)
    return std::nullopt;
  return s.result();
}

/// `struct fann *fann_create_standard(...)`, `kann_t *model_gen(...)`: a function that makes
/// and returns the model's own object builds the network (a stop before training starts).
/// libsvm's svm_train, liblinear's train: named for training, returning the model's record.
bool fitsTheModel(const FunctionFacts &fn) { return returnsAModel(fn) && nameHas(fn.name, {"train", "fit"}); }

std::optional<StageMatch> modelBuildStage(const FunctionFacts &fn) {
  if (fn.isMain || fn.isLambda || fn.returnsRecord.empty())
    return std::nullopt;
  // A function returning one layer builds a part (make_convolutional_layer); the stop is
  // where the whole network is put together.
  bool modelType = (returnsAModel(fn) || nameHas(fn.name, {"model", "net"})) && !nameHas(fn.returnsRecord, {"layer"});
  // libsvm's svm_train, liblinear's train: the library's training entry fits the model to the
  // data and hands it back, the way a builder does after its own set-up.
  bool fits = modelType && fitsTheModel(fn);
  if (!modelType ||
      (!fits && !nameHas(fn.name, {"create", "build", "make", "gen", "new", "construct", "init", "parse"})) ||
      nameHas(fn.name, {"data", "batch", "from", "load", "read", "copy", "clone"}))
    return std::nullopt;
  StageMatch m;
  m.stage = "model";
  m.role = "build";
  m.confidence = 0.55;
  m.evidence.push_back({"`" + fn.qualifiedName + (fits ? "` fits the model to the data and returns it (`"
                                                       : "` makes and returns the model (`") +
                            fn.returnsRecord + "`)",
                        fn.line});
  return m;
}

std::optional<StageMatch> lossStage(const FunctionFacts &fn) {
  Scorer s(fn, "loss");
  // An E-step also gives the objective EM climbs: the data's log-likelihood under the model.
  if (isExpectationStepName(fn.name) && (s.has("log_call") || s.has("loss_accumulate")))
    s.add(0.5, "the name `" + fn.qualifiedName + "` says it is the E-step of EM, and it sums the objective (the log-likelihood)", fn.line);
  s.idiom({"cross_entropy"}, 0.6);
  // A log inside a loop that sums (or a log of a loss-named value): not a Box-Muller draw.
  bool accumulates = s.has("loss_accumulate") || s.has("mac") || s.hasIn("log_call", false);
  if (s.has("log_call") && accumulates)
    s.statement("log_call", 0.5, "takes the log of a probability and accumulates it (cross-entropy / NLL)");
  s.statement("sq_diff", 0.5, "squares a difference of prediction and target (squared error)");
  s.statement("nll", 0.5, "returns the negative log of a probability (the negative log-likelihood)");
  s.statement("loss_accumulate", 0.2, "accumulates a loss");
  s.statement("onehot_grad", 0.3, "subtracts 1 at the label (softmax minus one-hot: the cross-entropy gradient)");
  if (fn.returnsFloating && s.total() > 0)
    s.add(0.1, "returns a scalar", fn.line);
  s.name({"loss", "cost", "criterion", "nll", "mse", "cross_entropy", "crossentropy", "xent"}, 0.4,
         "a loss");
  if (fn.isMain || fn.isLambda || s.has("param_update"))
    return std::nullopt; // main and update functions mention losses without computing one
  // exp(-gamma * sum of (x - y)^2): a Gaussian kernel of a distance (libsvm's k_function), not
  // an error of predictions against targets.
  if (s.has("sq_diff") && s.has("exp_call") && !s.has("log_call") && !s.has("loss_accumulate") &&
      !isLossName(fn.name))
    return std::nullopt;
  if (nameHas(fn.className, {"metric", "meter", "average", "tracker"}))
    return std::nullopt; // a running mean of the loss is a metric
  return s.result();
}

std::optional<StageMatch> optimizerStage(const FunctionFacts &fn) {
  Scorer s(fn, "optimizer");
  // EM's M-step re-estimates the parameters from the E-step's expectations: its update.
  if (isMaximizationStepName(fn.name))
    s.add(0.5, "the name `" + fn.qualifiedName + "` says it is the M-step of EM (the parameters re-estimated from the expectations)", fn.line);
  s.idiom({"sgd_update", "momentum_update", "adam_update"}, 0.6);
  s.statement("param_update", 0.5, "moves a parameter against a product (`w -= lr * g`)");
  s.statement("lr_update", 0.3, "scales the step by a learning rate", false);
  s.statement("adaptive_update", 0.2, "divides by a square root of second moments (Adam / RMSProp)",
              false);
  s.statement("momentum", 0.2, "keeps a running average of gradients (momentum)", false);
  // A backward pass also writes zeros into gradients; only a function that exists to clear
  // them (zero_grad, clear_gradients, reset) is part of the optimizer.
  if (!s.has("mac") && nameHas(fn.name, {"zero", "clear", "reset"}))
    s.statement("zero_grad", 0.5, "clears the accumulated gradients before the next step");
  if (s.total() > 0)
    s.name({"step", "update", "apply", "optim", "sgd", "adam", "descent"}, 0.2, "an optimizer step");
  return s.result();
}

std::optional<StageMatch> metricsStage(const FunctionFacts &fn) {
  Scorer s(fn, "metrics");
  s.statement("argmax_compare", 0.5, "compares a prediction with the label");
  s.statement("count_correct", 0.3, "counts correct predictions");
  s.statement("count_matches", 0.5, "counts the rows where two computed answers agree or differ (right or wrong predictions)");
  // Results compared with expected values within a tolerance, more than once (llm.c's
  // check_tensor over a tensor, test_gpt2's logits and losses): a correctness test's scoring,
  // not a single convergence test.
  unsigned tolerance = std::count_if(fn.statements.begin(), fn.statements.end(),
                                     [](const StatementFact &st) { return st.kind == "tolerance_check"; });
  if (tolerance >= 2)
    s.statement("tolerance_check", 0.5, "compares computed values with expected ones within a tolerance");
  s.statement("argmax", 0.2, "takes an argmax");
  // |output - target| per row: libfann's examples print each output's difference from its
  // target after training (a check of the results, not a tolerance test of the code).
  bool absErrors = s.hasIn("abs_error", false) && !s.has("tolerance_check");
  if (absErrors)
    s.statement("abs_error", 0.5, "compares each output with its target (|output - target|), row by row");
  s.name({"accuracy", "eval", "metric", "perplexity", "score", "validate", "valid", "test", "accur", "meter"},
         0.3, "an evaluation");
  if (s.total() > 0) {
    s.statement("average", 0.2, "averages over the examples", false);
    s.statement("loss_accumulate", 0.2, "sums the loss for an average", false);
  }
  // `return ann->MSE_value / ann->num_MSE;`: a getter of the mean of the loss accumulated so far
  // (libfann's fann_get_MSE) reports the error, it computes no loss.
  if (s.total() == 0 && fn.loops.empty() && fn.returnsFloating && !fn.isMain &&
      std::any_of(fn.statements.begin(), fn.statements.end(), [](const StatementFact &st) {
        return st.kind == "average" && isLossName(st.text);
      }))
    s.statement("average", 0.5, "returns the mean of the loss accumulated so far (the error reported)");
  bool lossAverage = s.has("average") && (s.has("loss_accumulate") || s.has("loss_value"));
  if (lossAverage && s.has("exp_call"))
    s.statement("exp_call", 0.4, "exponentiates an averaged loss (perplexity)");
  if (lossAverage && nameHas(fn.name, {"eval", "valid", "test"}))
    s.statement("average", 0.2, "averages the loss over a dataset", false);
  // main mentions results everywhere; only an accuracy it counts itself makes it a metric.
  if (fn.isMain && !(s.has("argmax_compare") && s.has("count_correct")) && tolerance < 2 && !absErrors)
    return std::nullopt;
  return s.result();
}

std::optional<StageMatch> checkpointStage(const FunctionFacts &fn) {
  Scorer s(fn, "checkpoint");
  bool named = isCheckpointName(fn.name) ||
               nameHas(fn.name, {"save", "archive", "serializ", "dump", "weights", "store", "export"}) ||
               (nameHas(fn.name, {"load", "read", "write", "from_file"}) &&
                (nameHas(fn.name, {"model", "param", "net"}) || returnsAModel(fn)));
  if (!named)
    return std::nullopt;
  if (!s.statement("file_write", 0.4, "writes to a file"))
    s.statement("file_read", 0.3, "reads from a file");
  if (s.total() == 0)
    s.statement("file_open", 0.3, "opens a file");
  if (s.total() > 0)
    s.add(0.3, "the name `" + fn.qualifiedName + "` says it saves or restores the model", 0);
  if (fn.isMain || fn.isLambda)
    return std::nullopt;
  return s.result();
}

} // namespace rules

bool hasStage(const std::vector<StageMatch> &stages, const std::string &stage) {
  return std::any_of(stages.begin(), stages.end(), [&](const StageMatch &m) { return m.stage == stage; });
}

std::vector<StageMatch> functionStages(const FunctionFacts &fn) {
  std::vector<StageMatch> out;
  for (auto rule : {rules::dataStage, rules::modelStage, rules::lossStage, rules::optimizerStage,
                    rules::metricsStage, rules::checkpointStage})
    if (auto m = rule(fn); m && m->confidence >= kReportThreshold)
      out.push_back(std::move(*m));
  // A training entry arranges the examples for its solver (svm_train groups them by class): still
  // the function that fits and returns the model.
  auto onlyArrangesData = [&] {
    return std::all_of(out.begin(), out.end(), [](const StageMatch &m) { return m.stage == "data"; });
  };
  if (auto m = rules::modelBuildStage(fn);
      m && !hasStage(out, "model") && (out.empty() || (rules::fitsTheModel(fn) && onlyArrangesData())))
    out.push_back(std::move(*m));
  // crossentropy_forward loops over its tensors like a layer, and its backward multiplies like
  // one: named for the loss and computing one, it is the loss, not a part of the model.
  if (hasStage(out, "loss") && hasStage(out, "model") && isLossName(fn.name))
    out.erase(std::remove_if(out.begin(), out.end(), [](const StageMatch &m) { return m.stage == "model"; }),
              out.end());
  // Scoring predictions (counting right answers) beside a summed squared error: the error is
  // the evaluation's report (MSE for regression), not a loss; and a function that also reads
  // the test rows is the evaluation's driver, whose products are statistics of the results
  // (svm-predict's predict, liblinear's do_predict), not the model.
  bool scores = std::any_of(fn.statements.begin(), fn.statements.end(), [](const StatementFact &s) {
    return s.kind == "count_correct" || s.kind == "argmax_compare" || s.kind == "count_matches";
  });
  if (hasStage(out, "metrics") && scores) {
    bool driver = hasStage(out, "data");
    out.erase(std::remove_if(out.begin(), out.end(),
                             [&](const StageMatch &m) { return m.stage == "loss" || (driver && m.stage == "model"); }),
              out.end());
  }
  // Reading a checkpoint is not reading the data set.
  if (hasStage(out, "checkpoint"))
    out.erase(std::remove_if(out.begin(), out.end(), [](const StageMatch &m) { return m.stage == "data"; }),
              out.end());
  return out;
}

namespace {
/// The multiply-accumulate that decided a model stage sums into an error signal: the backward
/// pass of a function not named for it (genann_train's `delta += forward_delta * forward_weight`,
/// the hidden layer's deltas from the next layer's).
bool accumulatesErrorSignal(const FunctionFacts &fn, const StageMatch &match) {
  return std::any_of(fn.statements.begin(), fn.statements.end(), [&](const StatementFact &s) {
    return s.kind == "mac" && s.line == match.anchorLine && match.anchorLine != 0 &&
           nameHas(s.target, {"delta", "grad", "deriv"});
  });
}
} // namespace

std::string roleOf(const FunctionFacts &fn, const StageMatch &match) {
  if (!match.role.empty())
    return match.role;
  auto fired = [&](const char *kind) {
    return std::any_of(match.evidence.begin(), match.evidence.end(), [&](const Evidence &e) {
      return std::any_of(fn.statements.begin(), fn.statements.end(), [&](const StatementFact &s) {
        return s.kind == kind && s.line == e.line && e.line != 0;
      });
    });
  };
  if (match.stage == "model")
    return nameHas(fn.name, {"backward", "backprop", "bprop", "grad"}) || accumulatesErrorSignal(fn, match)
               ? "backward"
               : "forward";
  if (match.stage == "optimizer")
    return fired("zero_grad") || (nameHas(fn.name, {"zero", "clear"}) && !fired("param_update")) ? "zero_grad"
                                                                                                : "step";
  if (match.stage == "checkpoint")
    return fired("file_write") ? "save" : "load";
  if (match.stage == "data")
    return "loader";
  return "";
}

std::string stageOfStatement(const StatementFact &s) {
  static const std::map<std::string, std::string> stages = {
      {"file_read", "data"},       {"shuffle", "data"},          {"param_update", "optimizer"},
      {"lr_update", "optimizer"},  {"adaptive_update", "optimizer"}, {"momentum", "optimizer"},
      {"mac", "model"},            {"tanh_call", "model"},       {"relu", "model"},
      {"sq_diff", "loss"},         {"loss_accumulate", "loss"},  {"nll", "loss"},  {"argmax_compare", "metrics"},
      {"count_correct", "metrics"},  {"count_matches", "metrics"}, {"gather", "data"},          {"zero_grad", "optimizer"},
      {"abs_error", "metrics"}};
  auto it = stages.find(s.kind);
  return it == stages.end() ? "" : it->second;
}

} // namespace tourguide::indexer
