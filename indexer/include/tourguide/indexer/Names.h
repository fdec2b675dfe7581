// What names say: the one place the indexer and its idiom rules decide what a variable,
// function or type name suggests (a loss, a label, a learning rate, ...). Every rule is a
// small function of one name so that it can be tested directly. Matching is
// case-insensitive: names are lowercased here, callers need not.
//
// Built as its own small library (tourguide_names) because both tourguide_indexer and
// tourguide_idioms use it and the idioms must not depend on the indexer.
#pragma once

#include "llvm/ADT/StringRef.h"

#include <initializer_list>

namespace tourguide::indexer {

/// Whether `s` is one C identifier ("neuron_sum", "_t"), a name a watch can read as it is.
bool isIdentifier(llvm::StringRef s);

/// Whether the lowercased `name` contains any of `words` (which are lowercase).
bool nameHas(llvm::StringRef name, std::initializer_list<llvm::StringRef> words);

/// A learning rate: "lr", "learning_rate", "eta", "alpha", "step_size", "lr_t", "base_lr",
/// "m_lr", ... "lr" counts only as a word between separators: a name that merely contains the
/// two letters (`ctrl`, `mlr`, `clrs`) does not name a rate. The one rule for "names a learning
/// rate", used by the statement classifier (lr_update) and the update idioms (sgd step).
bool looksLikeLearningRate(llvm::StringRef name);

/// A gradient: "grad", "delta", "g", "g_...", and short d-names ("dw", "db", "dx").
bool looksLikeGradient(llvm::StringRef name);

/// A function named for reading one line or token of text: "readline", "read_line", "fgetl",
/// "ks_getuntil", "ReadLine", "next_line".
bool isLineReaderName(llvm::StringRef name);

/// A loss value: "loss", "cost", "nll", "objective", "xent", "mse".
bool isLossName(llvm::StringRef name);
/// A prediction: "pred", "argmax", "guess", "best", "output", ...
bool isPredictionName(llvm::StringRef name);
/// A label: "label", "target", "truth", "y", "t", "y_...", "..._y", ...
bool isLabelName(llvm::StringRef name);
/// A function that saves or restores the model by its name alone: "checkpoint", "ckpt",
/// "snapshot", "save_model", "load_weights", "restore", ... (not a bare "save" or "load": those
/// need a model in the name or the return type, see StageRules' checkpoint rule).
bool isCheckpointName(llvm::StringRef name);
/// A function that loads training data by its name alone: "dataloader", "load_batch",
/// "next_batch", "dataset", "load_data", ...
bool isDataLoaderName(llvm::StringRef name);
/// A constant that names a pass over a model, as a dispatcher's action argument:
/// "KAD_FORWARD", "OP_BACKWARD", "TASK_COMPUTE", "MODE_EVAL", ... (not "KAD_SYNC_DIM", "ALLOC").
bool namesAPass(llvm::StringRef constant);
/// A counter of right answers: "correct", "hits", "matches", ...
bool isCorrectCounterName(llvm::StringRef name);

/// A step of expectation-maximisation named as such, word by word ("RunEStep", "e_step",
/// "eStep", "Expectation"; "RunMStep", "m_step", "Maximization"), not inside a word ("timestep").
bool isExpectationStepName(llvm::StringRef name);
bool isMaximizationStepName(llvm::StringRef name);

} // namespace tourguide::indexer
