// The call classifier (CallClassifier.h): what a call means by the name of its callee.
#include "CallClassifier.h"

#include "ExprShapes.h"

#include "tourguide/indexer/Names.h"

#include "clang/AST/ExprCXX.h"

#include <algorithm>
#include <set>
#include <string>

using namespace clang;

namespace tourguide::indexer {

namespace {

/// A difference of two values, not a deviation from a mean (`x - mean[i]`: its square is a
/// variance's term, not an error of a prediction against a target).
bool isSubtraction(const Expr *e) {
  const auto *b = dyn_cast<BinaryOperator>(e);
  return b && b->getOpcode() == BO_Sub && !isDeviationFromMean(b);
}

/// fopen(path, "w") or "a": a file the program will write.
bool opensForWriting(const CallExpr *call) {
  if (call->getNumArgs() < 2)
    return false;
  const auto *mode = dyn_cast<StringLiteral>(call->getArg(1)->IgnoreParenImpCasts());
  return mode && mode->getCharByteWidth() == 1 && !mode->getString().empty() &&
         (mode->getString().front() == 'w' || mode->getString().front() == 'a');
}

/// `a == b` or `a != b` of two computed values (not a test against a constant): each element
/// or row where two answers agree or differ, when something counts them.
bool comparesTwoValues(const Expr *e, const ASTContext &ctx) {
  e = strip(e);
  // countNonZero takes an InputArray made from the comparison's result.
  if (const auto *conversion = dyn_cast<CXXConstructExpr>(e); conversion && conversion->getNumArgs() == 1)
    e = strip(conversion->getArg(0));
  const Expr *l = nullptr, *r = nullptr;
  if (const auto *b = dyn_cast<BinaryOperator>(e); b && (b->getOpcode() == BO_EQ || b->getOpcode() == BO_NE)) {
    l = b->getLHS();
    r = b->getRHS();
  } else if (const auto *op = dyn_cast<CXXOperatorCallExpr>(e);
             op && op->getNumArgs() == 2 &&
             (op->getOperator() == OO_EqualEqual || op->getOperator() == OO_ExclaimEqual)) {
    l = op->getArg(0);
    r = op->getArg(1);
  }
  auto constant = [&](const Expr *x) {
    return !x->isValueDependent() && !x->isTypeDependent() && x->IgnoreParenImpCasts()->isEvaluatable(ctx);
  };
  return l && r && !constant(l) && !constant(r);
}

/// `std::getline(is, item)`, `is.read(buf, n)` on a string stream (xgboost's Split and its
/// config parser).
bool readsAStringStream(const CallExpr *call) {
  if (const auto *member = dyn_cast<CXXMemberCallExpr>(call))
    return isStringStream(member->getImplicitObjectArgument());
  return call->getNumArgs() > 0 && isStringStream(call->getArg(0));
}

} // namespace

std::vector<const char *> classifyCall(const CallExpr *call, llvm::StringRef name, const ASTContext &ctx,
                                       llvm::function_ref<bool(const Stmt *)> readsGatheredIndex) {
  std::vector<const char *> kinds;
  static const std::set<std::string> reads = {
      "fread", "fscanf", "fgets", "getline", "getc", "fgetc", "read", "pread", "getdelim",
      "sscanf", "vfscanf", "mmap", "readsome", "gzread", "ifstream", "strtok", "strtof", "strtod",
      "atof", "atoi"};
  static const std::set<std::string> opens = {"fopen", "open", "gzopen", "fdopen", "freopen"};
  std::string n = name.str();
  // A checked variant is the call it checks (llm.c's fread_check, fopen_check; xfopen).
  for (llvm::StringRef suffix : {"_check", "Check", "_or_die"})
    if (llvm::StringRef(n).endswith(suffix) && (reads.count(n.substr(0, n.size() - suffix.size())) ||
                                                opens.count(n.substr(0, n.size() - suffix.size()))))
      n = n.substr(0, n.size() - suffix.size());
  if (n.size() > 1 && n[0] == 'x' && (reads.count(n.substr(1)) || opens.count(n.substr(1))))
    n = n.substr(1);
  // Parsing helpers (atof, strtok) count as reads only together with an open or a read:
  // the data rule asks for file_read or file_open, these only strengthen it.
  if (reads.count(n)) {
    if (n == "strtok" || n == "strtof" || n == "strtod" || n == "atof" || n == "atoi" ||
        n == "sscanf" || readsAStringStream(call))
      kinds.push_back("parse");
    else
      kinds.push_back("file_read");
  } else if (n == "fwrite" || n == "fputs" || n == "fputc" || n == "fprintf" || n == "write" ||
             n == "gzwrite") {
    // fprintf(stderr, ...) is logging, not saving.
    if (n != "fprintf" || !(call->getNumArgs() > 0 && anyName(call->getArg(0), [](llvm::StringRef v) {
                              return v == "stderr" || v == "stdout";
                            })))
      kinds.push_back("file_write");
  } else if (opens.count(n)) {
    // fopen(path, "w") creates the file it will write: for the stage rules that is a write.
    kinds.push_back(opensForWriting(call) ? "file_write" : "file_open");
  } else if ((n == "shuffle" || n == "random_shuffle" || llvm::StringRef(n).contains_insensitive("shuffle")) &&
             !call->getType()->isBooleanType()) {
    // A call that answers yes or no (a flag's getter, `spec.shuffle_input_sentence()`) only asks.
    kinds.push_back("shuffle");
  } else if ((n == "log" || n == "logf" || n == "logl" || n == "log2" || n == "log1p" ||
              n == "log10" || n == "log2f" || n == "log1pf") &&
             call->getNumArgs() <= 1) {
    // A logarithm takes one argument (a tensor's x.log() none); fasttext's meter.log(labels,
    // predictions) records a result.
    kinds.push_back("log_call");
  } else if (n == "exp" || n == "expf" || n == "expl" || n == "exp2" || n == "expm1") {
    kinds.push_back("exp_call");
  } else if (n == "tanh" || n == "tanhf") {
    kinds.push_back("tanh_call");
  } else if (n == "pow" || n == "powf") {
    if (call->getNumArgs() == 2) {
      Expr::EvalResult r;
      const Expr *base = strip(call->getArg(0));
      if (call->getArg(1)->EvaluateAsRValue(r, ctx) && r.Val.isFloat() &&
          r.Val.getFloat().convertToDouble() == 2.0 && isSubtraction(base))
        kinds.push_back("sq_diff");
      else if (call->getArg(1)->EvaluateAsRValue(r, ctx) && r.Val.isInt() && r.Val.getInt() == 2 &&
               isSubtraction(base))
        kinds.push_back("sq_diff");
    }
  } else if (n == "fmax" || n == "fmaxf" || n == "max") {
    for (const Expr *a : call->arguments()) {
      Expr::EvalResult r;
      if (!a->isValueDependent() && a->EvaluateAsRValue(r, ctx) &&
          ((r.Val.isFloat() && r.Val.getFloat().isZero()) || (r.Val.isInt() && r.Val.getInt() == 0)))
        kinds.push_back("relu");
    }
  } else if ((n == "fabs" || n == "fabsf" || n == "fabsl" || n == "abs") && call->getNumArgs() == 1 &&
             isElementDifference(call->getArg(0))) {
    kinds.push_back("abs_error");
  } else if (n == "rand" || n == "random" || n == "drand48" || n == "rand_r" || n == "lrand48") {
    kinds.push_back("random");
  } else if (n == "push_back" || n == "emplace_back") {
    kinds.push_back("push_back");
  } else if ((n == "memset" || n == "fill" || n == "fill_n" || n == "bzero") &&
             ((call->getNumArgs() > 0 &&
               anyName(call->getArg(0), [](llvm::StringRef v) { return nameHas(v, {"grad"}); })) ||
              (isa<CXXMemberCallExpr>(call) &&
               anyName(cast<CXXMemberCallExpr>(call)->getImplicitObjectArgument(),
                       [](llvm::StringRef v) { return nameHas(v, {"grad"}); })))) {
    kinds.push_back("zero_grad");
  } else if (llvm::StringRef(n).contains_insensitive("axpy") &&
             std::any_of(call->arg_begin() + (call->getNumArgs() > 0 ? 1 : 0), call->arg_end(),
                         [](const Expr *a) { return a->getType()->isPointerType() && isWeightVector(a); })) {
    // BLAS-style w += a * x into the weight vector (coordinate descent, Newton steps).
    kinds.push_back("param_update");
  } else if ((n == "swap" || n == "iter_swap") &&
             std::any_of(call->arg_begin(), call->arg_end(), [&](const Expr *a) {
               return containsCallNamed(a, [](llvm::StringRef) { return true; }) ||
                      anyName(a, [](llvm::StringRef v) { return nameHas(v, {"rng", "rand"}); });
             })) {
    kinds.push_back("shuffle"); // Fisher-Yates: swap with a random position
  } else if ((n == "copy" || n == "memcpy" || n == "copy_n") && readsGatheredIndex(call)) {
    kinds.push_back("gather");
  } else if (n == "max_element" || n == "argmax") {
    kinds.push_back("argmax");
  } else if ((llvm::StringRef(n).startswith_insensitive("contains") || n == "find" || n == "count" ||
              n == "binary_search" || n == "includes") &&
             std::any_of(call->arg_begin(), call->arg_end(), [](const Expr *a) { return anyName(a, isLabelName); }) &&
             std::any_of(call->arg_begin(), call->arg_end(), [](const Expr *a) {
               return anyName(a, isPredictionName) && !anyName(a, isLabelName);
             })) {
    // fasttext's Meter::log: `if (utils::contains(labels, prediction.second)) predictedGold++`,
    // a prediction looked up among the gold labels.
    kinds.push_back("argmax_compare");
  } else if (llvm::StringRef(n).startswith_insensitive("count") || n == "sum" || n == "nnz") {
    // countNonZero(labels == predicted), (pred.array() == y.array()).count(): how many rows two
    // answers agree on, an accuracy counted in one call.
    const auto *member = dyn_cast<CXXMemberCallExpr>(call);
    if ((member && member->getImplicitObjectArgument() &&
         comparesTwoValues(member->getImplicitObjectArgument(), ctx)) ||
        std::any_of(call->arg_begin(), call->arg_end(), [&](const Expr *a) { return comparesTwoValues(a, ctx); }))
      kinds.push_back("count_matches");
  }
  return kinds;
}

} // namespace tourguide::indexer
