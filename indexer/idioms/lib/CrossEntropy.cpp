//===- CrossEntropy.cpp - a negative log-likelihood statement
//--------------===//
//
//   loss = -log(p[label]);      loss -= logf(probs[y] + 1e-9f);
//   return -(y * log(p) + (1 - y) * log(1 - p));     (binary)
//
// The summed form in a loop (`loss -= y[i] * log(p[i])`) is a reduction and
// is recognised by Reductions.cpp.
//
//===----------------------------------------------------------------------===//

#include "Rules.h"

namespace tourguide::idioms::detail {
using namespace clang;

namespace {

bool containsLog(const Expr *E) {
  return containsNode(E, [](const Stmt *N) {
    const auto *X = dyn_cast<Expr>(N);
    return X && isMathCall(X, "log");
  });
}

// A log of a probability; a log of a log is a transform of a draw, not a likelihood
// (Gumbel noise: `-log(-log(u))`).
bool isLogTerm(const Expr *E) {
  for (const Expr *F : factors(E))
    if (isMathCall(F, "log") && !containsLog(callArg(F, 0)))
      return true;
  return false;
}

// `y*log(p) + (1-y)*log(1-p)`.
bool isBinaryLogLikelihood(const Expr *E) {
  const auto *B = dyn_cast_or_null<BinaryOperator>(strip(E));
  return B && B->getOpcode() == BO_Add && isLogTerm(B->getLHS()) &&
         isLogTerm(B->getRHS());
}

const Expr *negated(const Expr *E) {
  const auto *U = dyn_cast_or_null<UnaryOperator>(strip(E));
  return U && U->getOpcode() == UO_Minus ? strip(U->getSubExpr()) : nullptr;
}

} // namespace

bool matchCrossEntropyStatement(const Stmt *S, Findings &F) {
  const ASTContext &Ctx = F.ctx();
  const Expr *LogPart = nullptr; // the log-likelihood that is negated
  std::string Formula;
  if (std::optional<Accumulation> Acc = asAccumulation(S, Ctx)) {
    const Expr *Neg = negated(Acc->value);
    const Expr *Part = Neg ? Neg : strip(Acc->value);
    if (Acc->subtract == !Neg &&
        (isLogTerm(Part) || isBinaryLogLikelihood(Part))) {
      LogPart = Part;
      Formula =
          formulaText(Acc->target, Ctx) + " += -" + formulaText(Part, Ctx);
    }
  } else {
    const Expr *Value = nullptr;
    std::string Lhs;
    if (const auto *R = dyn_cast<ReturnStmt>(S)) {
      Value = R->getRetValue();
      Lhs = "loss";
    } else if (std::optional<Assignment> A = asAssignment(S, Ctx)) {
      Value = A->value;
      Lhs = A->targetText;
    }
    const Expr *Part = negated(Value);
    if (Part && (isLogTerm(Part) || isBinaryLogLikelihood(Part))) {
      LogPart = Part;
      std::string P = formulaText(Part, Ctx);
      if (isBinaryLogLikelihood(Part) && P.front() != '(')
        P = "(" + P + ")";
      Formula = Lhs + " = -" + P;
    }
  }
  if (!LogPart || !isFloating(LogPart))
    return false;
  Idiom I;
  I.kind = "cross_entropy";
  I.formula = Formula;
  I.description = isBinaryLogLikelihood(LogPart)
                      ? "a binary cross-entropy loss"
                      : "a cross-entropy loss (negative log-likelihood)";
  I.evidence = "negated log of " + sourceText(LogPart, Ctx);
  F.report(std::move(I), S, S);
  return true;
}

} // namespace tourguide::idioms::detail
