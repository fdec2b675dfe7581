// What names say (Names.h): the name lists of the indexer and its idiom rules.
#include "tourguide/indexer/Names.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <string>

namespace tourguide::indexer {

bool nameHas(llvm::StringRef name, std::initializer_list<llvm::StringRef> words) {
  std::string lower = name.lower();
  llvm::StringRef n(lower);
  for (llvm::StringRef w : words)
    if (n.contains(w))
      return true;
  return false;
}

bool looksLikeLearningRate(llvm::StringRef name) {
  std::string lower = name.lower();
  llvm::StringRef n(lower);
  if (n == "lr" || n == "eta" || n == "alpha" || n == "step_size" || n == "stepsize" ||
      n == "rate" || n == "lrate" || n == "learnrate")
    return true;
  if (n.contains("learning") || n.contains("learn_rate") || n.contains("learnrate"))
    return true;
  // "lr" as a word: lr_, _lr, mLr (lowercased: mlr) is too loose, keep to separators.
  return n.startswith("lr_") || n.endswith("_lr") || n.contains("_lr_") || n.startswith("m_lr");
}

bool looksLikeGradient(llvm::StringRef name) {
  std::string lower = name.lower();
  llvm::StringRef n(lower);
  return n.contains("grad") || n.contains("delta") || n == "g" || n.startswith("g_") ||
         (n.size() <= 3 && n.startswith("d") && n.size() > 1);
}

namespace {
/// The name lowercased without its underscores: `SaveModel` and `save_model` read alike.
std::string joinedLower(llvm::StringRef name) {
  std::string joined;
  for (char c : name.lower())
    if (c != '_')
      joined += c;
  return joined;
}
} // namespace

bool isCheckpointName(llvm::StringRef name) {
  return nameHas(joinedLower(name), {"checkpoint", "ckpt", "snapshot", "savemodel", "loadmodel", "saveweights",
                                     "loadweights", "restore"});
}

bool isDataLoaderName(llvm::StringRef name) {
  return nameHas(joinedLower(name), {"dataloader", "loadbatch", "nextbatch", "loader", "dataset", "loaddata",
                                     "readdata"});
}

bool isIdentifier(llvm::StringRef s) {
  return !s.empty() && (llvm::isAlpha(s.front()) || s.front() == '_') &&
         llvm::all_of(s, [](char c) { return llvm::isAlnum(c) || c == '_'; });
}

bool isLineReaderName(llvm::StringRef name) {
  std::string joined = joinedLower(name);
  // fasttext's Dictionary::readWord hands out the next word the same way (the whole name: a
  // read_words or read_tokens may read them all).
  return nameHas(joined, {"readline", "getline", "fgetl", "getuntil", "nextline"}) || joined == "readword" ||
         joined == "nextword" || joined == "getword";
}

bool isLossName(llvm::StringRef name) {
  return nameHas(name, {"loss", "cost", "nll", "objective", "xent", "mse", "crossentropy", "cross_entropy"});
}

bool isPredictionName(llvm::StringRef name) {
  return nameHas(name, {"pred", "argmax", "guess", "best", "max_idx", "maxidx", "max_index",
                        "predicted", "output", "out"});
}

bool isLabelName(llvm::StringRef name) {
  std::string lower = name.lower();
  llvm::StringRef n(lower);
  return nameHas(n, {"label", "target", "truth", "expected", "answer", "class", "gold"}) ||
         n == "y" || n == "t" || n.startswith("y_") || n.endswith("_y");
}

bool namesAPass(llvm::StringRef constant) {
  return nameHas(constant, {"forward", "backward", "backprop", "grad", "compute", "eval", "infer", "predict", "fwd",
                            "bwd"});
}

bool isCorrectCounterName(llvm::StringRef name) {
  return nameHas(name, {"correct", "hits", "right", "matches", "accurate", "ok_count", "good", "agree"});
}

} // namespace tourguide::indexer
