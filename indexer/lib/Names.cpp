// What names say (Names.h): the name lists of the indexer and its idiom rules.
#include "tourguide/indexer/Names.h"

#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"

#include <string>
#include <vector>

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

namespace {
/// The words of an identifier, lowercased: split at underscores and where a capital starts a
/// word ("RunEStep" -> run, e, step; "e_step" -> e, step; "HTTPServer" -> http, server).
std::vector<std::string> identifierWords(llvm::StringRef name) {
  auto upper = [](char c) { return c >= 'A' && c <= 'Z'; };
  auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool startsWord =
        upper(c) && !word.empty() && (!upper(name[i - 1]) || (i + 1 < name.size() && lower(name[i + 1])));
    if (c == '_' || startsWord) {
      if (!word.empty())
        words.push_back(word);
      word.clear();
      if (c == '_')
        continue;
    }
    word += llvm::toLower(c);
  }
  if (!word.empty())
    words.push_back(word);
  return words;
}

bool namesAnEmStep(llvm::StringRef name, llvm::StringRef letter, llvm::StringRef longName) {
  std::vector<std::string> w = identifierWords(name);
  for (size_t i = 0; i < w.size(); ++i)
    if (w[i] == longName || w[i] == (letter + "step").str() || (w[i] == letter && i + 1 < w.size() && w[i + 1] == "step"))
      return true;
  return false;
}
} // namespace

bool isExpectationStepName(llvm::StringRef name) { return namesAnEmStep(name, "e", "expectation"); }
bool isMaximizationStepName(llvm::StringRef name) {
  return namesAnEmStep(name, "m", "maximization") || namesAnEmStep(name, "m", "maximisation");
}

bool isCorrectCounterName(llvm::StringRef name) {
  return nameHas(name, {"correct", "hits", "right", "matches", "accurate", "ok_count", "good", "agree"});
}

} // namespace tourguide::indexer
