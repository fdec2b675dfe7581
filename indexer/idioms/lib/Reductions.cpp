//===- Reductions.cpp - sum / dot / cross-entropy in one loop
//--------------===//
//
//   for (i...) s += x[i];          sum
//   for (i...) s += a[i] * b[i];   dot
//   for (i...) loss -= y[i] * log(p[i]);   cross-entropy
//
// A reduction accumulates into something that does not move with the loop
// (`s`, `out[b]`) a value that does. A counter (`n += 1`) does not move.
//
//===----------------------------------------------------------------------===//

#include "Rules.h"

namespace tourguide::idioms::detail {
using namespace clang;

namespace {

Idiom describeReduction(const Term &T, bool Negate, const std::string &Acc,
                        const std::string &Sum) {
  Idiom I;
  I.kind = "sum";
  if (T.kind == Term::LogLikelihood && Negate) {
    I.kind = "cross_entropy";
    I.formula = Acc + " = -" + Sum + " " + T.text;
    I.description = "a cross-entropy loss (negative log-likelihood, summed)";
    return I;
  }
  I.formula = Acc + (Negate ? " -= " : " = ") + Sum + " " + T.text;
  switch (T.kind) {
  case Term::Product:
    I.kind = "dot";
    I.description = "a dot product";
    break;
  case Term::Square:
    I.description = "a sum of squares (squared L2 norm)";
    break;
  case Term::SquaredDeviation:
    I.description = "a sum of squared deviations";
    break;
  case Term::Exp:
    I.description = "a sum of exponentials";
    break;
  case Term::LogLikelihood:
    I.description = "a sum of logarithms (log-likelihood)";
    break;
  case Term::Plain:
    I.description = "a sum";
    break;
  }
  return I;
}

} // namespace

bool matchReductionLoop(const Loop &L, Findings &F) {
  const ASTContext &Ctx = F.ctx();
  bool Simple = isSimpleLoopBody(L);
  bool Found = false;
  for (const Stmt *S : bodyStatements(L.body)) {
    std::optional<Accumulation> Acc = asAccumulation(S, Ctx);
    if (!Acc || F.isClaimed(S))
      continue;
    QualType TargetType = Acc->target->getType();
    if (!TargetType->isArithmeticType() || movesWithLoop(Acc->target, L.var) ||
        !movesWithLoop(Acc->value, L.var))
      continue;
    Term T = classifyTerm(Acc->value, Ctx, L.var);
    bool Negate = Acc->subtract != T.negated;
    std::string AccText = formulaText(Acc->target, Ctx);
    Idiom I = describeReduction(T, Negate, AccText, sigma(L, Ctx));
    I.evidence = std::string(L.range ? "range-for over " : "for over ") +
                 L.var->getNameAsString() + "; accumulates " +
                 sourceText(Acc->value, Ctx) + " into " + AccText;
    // A busy loop body is more than this reduction: point at the statement.
    const Stmt *Span = Simple ? L.stmt : S;
    F.report(std::move(I), Span, Span, /*ClaimStatements=*/!Simple);
    F.claimSubtree(S);
    Found = true;
  }
  if (Found && Simple)
    F.claimSubtree(L.stmt);
  return Found;
}

} // namespace tourguide::idioms::detail
