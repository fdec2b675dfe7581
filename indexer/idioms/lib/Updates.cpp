//===- Updates.cpp - sgd / momentum / adam parameter updates
//---------------===//
//
//   w[i] -= lr * g[i];                                   sgd
//   v[i] = mu * v[i] + g[i];  w[i] -= lr * v[i];          momentum
//   m[i] = b1*m[i] + (1-b1)*g[i];  v[i] = b2*v[i] + (1-b2)*g[i]*g[i];
//   w[i] -= lr * m[i] / (sqrt(v[i]) + eps);              adam
//
// A moving average ("EMA") is `v = c*v + rest`; a step subtracts from a
// floating-point parameter. A plain `x -= a*b` is only called an SGD step
// when a factor is named like a rate (lr, eta, alpha, ...) or a gradient
// (grad, g, dw, delta, ...): `v[j] -= dot * u[j]` in Gram-Schmidt is not one.
// What names a rate or a gradient is decided once, in tourguide/indexer/Names.h.
//
//===----------------------------------------------------------------------===//

#include "Rules.h"

#include "tourguide/indexer/Names.h"

#include "llvm/ADT/StringExtras.h"

#include <functional>

namespace tourguide::idioms::detail {
using namespace clang;

namespace {

struct MovingAverage {
  const Stmt *stmt = nullptr;
  std::string target;
  bool squared = false; // averages g² (Adam's second moment)
};

struct Step {
  const Stmt *stmt = nullptr;
  const Expr *target = nullptr;
  const Expr *delta = nullptr; // what is subtracted (or added, for w += v)
};

bool hasSquare(const Expr *E, const ASTContext &Ctx) {
  E = strip(E);
  if (!E)
    return false;
  if (isMathCall(E, "pow") && isLiteral(callArg(E, 1), 2))
    return true;
  std::vector<const Expr *> Fs = factors(E);
  for (size_t A = 0; A < Fs.size(); ++A)
    for (size_t B = A + 1; B < Fs.size(); ++B)
      if (key(Fs[A], Ctx) == key(Fs[B], Ctx) &&
          !isa<IntegerLiteral, FloatingLiteral>(Fs[A]))
        return true;
  for (const Expr *F : Fs)
    if (F != E && hasSquare(F, Ctx))
      return true;
  return false;
}

std::optional<MovingAverage> asMovingAverage(const Stmt *S,
                                             const ASTContext &Ctx) {
  std::optional<Assignment> A = asAssignment(S, Ctx);
  if (!A || !A->target || !isNumericValue(A->target))
    return std::nullopt;
  std::optional<Binary> B = asBinary(strip(A->value));
  if (!B || (B->op != BO_Add && B->op != BO_Sub))
    return std::nullopt;
  auto Decays = [&](const Expr *Side) {
    std::vector<const Expr *> Fs = factors(Side);
    if (Fs.size() < 2)
      return false;
    for (const Expr *F : Fs)
      if (sourceText(F, Ctx) == A->targetText)
        return true;
    return false;
  };
  const Expr *Rest = nullptr;
  if (Decays(B->lhs))
    Rest = B->rhs;
  else if (B->op == BO_Add && Decays(B->rhs))
    Rest = B->lhs;
  if (!Rest)
    return std::nullopt;
  return MovingAverage{S, A->targetText, hasSquare(Rest, Ctx)};
}

std::optional<Step> asStep(const Stmt *S, const ASTContext &Ctx) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  std::optional<Binary> B = E ? asBinary(strip(E)) : std::nullopt;
  if (!B || !isNumericValue(B->lhs))
    return std::nullopt;
  if (B->op == BO_SubAssign || B->op == BO_AddAssign)
    return Step{S, B->lhs, B->rhs};
  std::optional<Accumulation> Acc = asAccumulation(S, Ctx);
  if (Acc)
    return Step{S, Acc->target, Acc->value};
  return std::nullopt;
}

bool isSubtraction(const Stmt *S, const ASTContext &Ctx) {
  std::optional<Accumulation> Acc = asAccumulation(S, Ctx);
  if (!Acc)
    return false;
  const auto *U = dyn_cast<UnaryOperator>(strip(Acc->value));
  bool Neg = U && U->getOpcode() == UO_Minus;
  return Acc->subtract != Neg;
}

// The last identifier of an operand: `p->lr` reads "lr", `g[i]` reads "g".
std::string nameOf(const Expr *E, const ASTContext &Ctx) {
  std::string T;
  if (std::optional<Access> A = asAccess(E, Ctx))
    T = A->base;
  else
    T = sourceText(strip(E), Ctx);
  size_t Cut = T.find_last_of(".>");
  if (Cut != std::string::npos)
    T = T.substr(Cut + 1);
  return llvm::StringRef(T).lower();
}


bool looksLikeSgdStep(const Expr *Delta, std::string &Why,
                      const ASTContext &Ctx) {
  std::vector<const Expr *> Fs = factors(Delta);
  if (Fs.size() < 2)
    return false;
  for (const Expr *F : Fs) {
    std::string N = nameOf(F, Ctx);
    if (indexer::looksLikeLearningRate(N)) {
      Why = "'" + N + "' names a learning rate";
      return true;
    }
    if (indexer::looksLikeGradient(N)) {
      Why = "'" + N + "' names a gradient";
      return true;
    }
  }
  return false;
}

bool containsSqrt(const Stmt *S) {
  return containsNode(S, [](const Stmt *N) {
    const auto *E = dyn_cast<Expr>(N);
    return E && isMathCall(E, "sqrt");
  });
}

// The step's delta mentions the average, directly or through a local
// (`float mhat = m[i] / (1 - b1t);`).
bool uses(const Expr *Delta, const std::string &Name, const ASTContext &Ctx) {
  if (mentionsText(Delta, Name, Ctx))
    return true;
  return containsNode(Delta, [&](const Stmt *S) {
    const auto *Ref = dyn_cast<DeclRefExpr>(S);
    const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    return V && V->hasLocalStorage() && V->getInit() &&
           mentionsText(V->getInit(), Name, Ctx);
  });
}

} // namespace

bool matchUpdate(llvm::ArrayRef<const Stmt *> Stmts, const Stmt *Span,
                 Findings &F) {
  const ASTContext &Ctx = F.ctx();
  bool Found = false;
  std::vector<MovingAverage> Averages;
  for (const Stmt *S : Stmts)
    if (!F.isClaimed(S))
      if (std::optional<MovingAverage> MA = asMovingAverage(S, Ctx))
        Averages.push_back(*MA);

  for (const Stmt *S : Stmts) {
    if (F.isClaimed(S))
      continue;
    std::optional<Step> St = asStep(S, Ctx);
    if (!St)
      continue;
    std::string Target = sourceText(strip(St->target), Ctx);
    bool IsAverage = false;
    for (const MovingAverage &MA : Averages)
      IsAverage |= MA.target == Target;
    if (IsAverage)
      continue;

    const MovingAverage *First = nullptr, *Second = nullptr;
    for (const MovingAverage &MA : Averages) {
      if (!uses(St->delta, MA.target, Ctx))
        continue;
      (MA.squared ? Second : First) = &MA;
    }
    Idiom I;
    const Stmt *Begin = S;
    std::string Step = formulaText(cast<Expr>(S), Ctx);
    if (First && Second && containsSqrt(St->delta)) {
      I.kind = "adam_update";
      I.formula = formulaText(cast<Expr>(First->stmt), Ctx) + "; " +
                  formulaText(cast<Expr>(Second->stmt), Ctx) + "; " + Step;
      I.description = "an Adam step (moving averages of the gradient and its "
                      "square, then a step scaled by 1/(√v + ε))";
      I.evidence = "moving averages " + First->target + " and " +
                   Second->target + " (squared); " + Target +
                   " steps by a quotient with sqrt";
      for (const Stmt *X : Stmts)
        if (X == First->stmt || X == Second->stmt) {
          Begin = X;
          break;
        }
    } else if (First && !Second) {
      I.kind = "momentum_update";
      I.formula = formulaText(cast<Expr>(First->stmt), Ctx) + "; " + Step;
      I.description = "SGD with momentum (a velocity averages the gradients, "
                      "the parameter steps along it)";
      I.evidence = "moving average " + First->target + " = c*" + First->target +
                   " + ...; " + Target + " steps by it";
      Begin = First->stmt;
    } else if (Averages.empty() && isSubtraction(S, Ctx)) {
      std::string Why;
      if (!looksLikeSgdStep(St->delta, Why, Ctx))
        continue;
      I.kind = "sgd_update";
      I.formula = Step;
      I.description = "a gradient-descent step (SGD)";
      I.evidence = "floating-point " + Target + " decreased by " +
                   sourceText(St->delta, Ctx) + "; " + Why;
    } else {
      continue;
    }
    F.report(std::move(I), Span ? Span : Begin, Span ? Span : S);
    if (Span)
      return true; // one update per loop: the loop's lines say it all
    // The statements between the first moving average and the step are part
    // of the update (bias corrections of Adam).
    bool Inside = false;
    for (const Stmt *X : Stmts) {
      Inside |= X == Begin;
      if (Inside)
        F.claimSubtree(X);
      if (X == S)
        break;
    }
    Found = true;
  }
  return Found;
}

} // namespace tourguide::idioms::detail
