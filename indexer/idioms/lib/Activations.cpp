//===- Activations.cpp - relu / leaky_relu / gelu / tanh / sigmoid
//---------===//
//
//   x > 0 ? x : 0      fmaxf(0.f, x)      std::max(0.0f, x)    if (x<0) x = 0;
//   0.5*x*(1 + tanh(sqrt(2/pi)*(x + 0.044715*x*x*x)))    0.5*x*(1 +
//   erf(x/sqrt(2))) tanh(x)            1 / (1 + exp(-x))
//
// An activation reports the loop around it when it is the loop's only
// statement (`for i: y[i] = relu(x[i])`), else its own statement.
//
//===----------------------------------------------------------------------===//

#include "Rules.h"

#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"

namespace tourguide::idioms::detail {
using namespace clang;

namespace {

struct Activation {
  std::string kind;
  std::string input; // "x[i]"
  std::string rhs;   // "max(0, x[i])"
  std::string description;
  std::string evidence;
};

// `X > 0`, `0 < X`, ...: sets X and whether the true branch is the positive
// one.
bool comparesWithZero(const Expr *Cond, const Expr *&X, bool &PositiveIfTrue) {
  const auto *B = dyn_cast_or_null<BinaryOperator>(strip(Cond));
  if (!B || !B->isRelationalOp())
    return false;
  bool Greater = B->getOpcode() == BO_GT || B->getOpcode() == BO_GE;
  if (isLiteral(B->getRHS(), 0)) {
    X = strip(B->getLHS());
    PositiveIfTrue = Greater;
    return true;
  }
  if (isLiteral(B->getLHS(), 0)) {
    X = strip(B->getRHS());
    PositiveIfTrue = !Greater;
    return true;
  }
  return false;
}

std::optional<Activation> asRelu(const Expr *E, const ASTContext &Ctx) {
  if (const auto *C = dyn_cast<ConditionalOperator>(E)) {
    const Expr *X = nullptr;
    bool PositiveIfTrue = false;
    if (!comparesWithZero(C->getCond(), X, PositiveIfTrue))
      return std::nullopt;
    const Expr *Pos = PositiveIfTrue ? C->getTrueExpr() : C->getFalseExpr();
    const Expr *Neg = PositiveIfTrue ? C->getFalseExpr() : C->getTrueExpr();
    std::string XT = sourceText(X, Ctx);
    if (sourceText(strip(Pos), Ctx) != XT)
      return std::nullopt;
    std::string In = formulaText(X, Ctx);
    if (isLiteral(Neg, 0))
      return Activation{"relu", In, "max(0, " + In + ")", "a ReLU activation",
                        "conditional " + sourceText(E, Ctx)};
    std::vector<const Expr *> Fs = factors(Neg);
    if (Fs.size() == 2)
      for (int K = 0; K < 2; ++K)
        if (sourceText(Fs[K], Ctx) == XT)
          return Activation{"leaky_relu", In,
                            In + " > 0 ? " + In + " : " +
                                formulaText(Fs[1 - K], Ctx) + "·" + In,
                            "a leaky ReLU activation",
                            "conditional " + sourceText(E, Ctx)};
    return std::nullopt;
  }
  // x * (x > 0): the comparison is 0 or 1 (darknet's relu_activate).
  if (const auto *M = dyn_cast<BinaryOperator>(E);
      M && M->getOpcode() == BO_Mul) {
    for (auto [Value, Gate] : {std::pair{M->getLHS(), M->getRHS()},
                               std::pair{M->getRHS(), M->getLHS()}}) {
      const Expr *X = nullptr;
      bool PositiveIfTrue = false;
      if (comparesWithZero(Gate, X, PositiveIfTrue) && PositiveIfTrue &&
          key(X, Ctx) == key(Value, Ctx)) {
        std::string In = formulaText(X, Ctx);
        return Activation{"relu", In, "max(0, " + In + ")", "a ReLU activation",
                          "multiplied by its own positivity: " +
                              sourceText(E, Ctx)};
      }
    }
    return std::nullopt;
  }
  // fmax(0, x), fmaxf(x, 0.f), std::max(0.0f, x), max(x, 0).
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call || Call->getNumArgs() != 2 || !Call->getDirectCallee() ||
      !Call->getDirectCallee()->getDeclName().isIdentifier())
    return std::nullopt;
  if (!isMathCall(E, "fmax") && Call->getDirectCallee()->getName() != "max")
    return std::nullopt;
  for (int K = 0; K < 2; ++K)
    if (isLiteral(Call->getArg(K), 0)) {
      // max(0, a - b) is the positive part of a difference: a remaining
      // time, a hinge loss margin; not an activation.
      if (const auto *D = dyn_cast<BinaryOperator>(strip(Call->getArg(1 - K)));
          D && D->getOpcode() == BO_Sub)
        return std::nullopt;
      std::string In = formulaText(Call->getArg(1 - K), Ctx);
      return Activation{"relu", In, "max(0, " + In + ")", "a ReLU activation",
                        "max with zero: " + sourceText(E, Ctx)};
    }
  return std::nullopt;
}

// `1 + f(...)` where f is tanh or erf: the GELU's gate.
const Expr *onePlus(const Expr *E, StringRef Fn) {
  const auto *B = dyn_cast_or_null<BinaryOperator>(strip(E));
  if (!B || B->getOpcode() != BO_Add)
    return nullptr;
  if (isLiteral(B->getLHS(), 1) && isMathCall(B->getRHS(), Fn))
    return strip(B->getRHS());
  if (isLiteral(B->getRHS(), 1) && isMathCall(B->getLHS(), Fn))
    return strip(B->getLHS());
  return nullptr;
}

std::optional<Activation> asGelu(const Expr *E, const ASTContext &Ctx) {
  std::vector<const Expr *> Fs = factors(E);
  if (Fs.size() < 3)
    return std::nullopt;
  bool Half = false;
  std::string Gate, X;
  for (const Expr *F : Fs) {
    if (isLiteral(F, 0.5))
      Half = true;
    else if (onePlus(F, "tanh"))
      Gate = "tanh";
    else if (onePlus(F, "erf"))
      Gate = "erf";
    else
      X += (X.empty() ? "" : "·") + formulaText(F, Ctx);
  }
  if (!Half || Gate.empty() || X.empty())
    return std::nullopt;
  std::string Rhs = Gate == "tanh" ? "0.5·" + X + "·(1 + tanh(√(2/π)·(" + X +
                                         " + 0.044715·" + X + "³)))"
                                   : "0.5·" + X + "·(1 + erf(" + X + "/√2))";
  return Activation{"gelu", X, Rhs,
                    Gate == "tanh" ? "a GELU activation (tanh approximation)"
                                   : "a GELU activation (exact, with erf)",
                    "0.5 * x * (1 + " + Gate + "(...)) in " +
                        sourceText(E, Ctx)};
}

std::optional<Activation> asSigmoid(const Expr *E, const ASTContext &Ctx) {
  const auto *B = dyn_cast<BinaryOperator>(E);
  if (!B || B->getOpcode() != BO_Div || !isLiteral(B->getLHS(), 1))
    return std::nullopt;
  const auto *Sum = dyn_cast<BinaryOperator>(strip(B->getRHS()));
  if (!Sum || Sum->getOpcode() != BO_Add)
    return std::nullopt;
  for (auto [One, Exp] : {std::pair{Sum->getLHS(), Sum->getRHS()},
                          std::pair{Sum->getRHS(), Sum->getLHS()}}) {
    if (!isLiteral(One, 1) || !isMathCall(Exp, "exp"))
      continue;
    const auto *Neg = dyn_cast<UnaryOperator>(strip(callArg(Exp, 0)));
    if (!Neg || Neg->getOpcode() != UO_Minus)
      continue;
    std::string In = formulaText(Neg->getSubExpr(), Ctx);
    return Activation{"sigmoid", In, "1/(1 + exp(-" + In + "))",
                      "a sigmoid (logistic) activation",
                      "1 / (1 + exp(-x)) in " + sourceText(E, Ctx)};
  }
  return std::nullopt;
}

std::optional<Activation> asTanh(const Expr *E, const ASTContext &Ctx) {
  if (!isMathCall(E, "tanh"))
    return std::nullopt;
  std::string In = formulaText(callArg(E, 0), Ctx);
  return Activation{"tanh", In, "tanh(" + In + ")", "a tanh activation",
                    "call " + sourceText(E, Ctx)};
}

// `if (x > 1) x = 1;` next to `if (x < 0) x = 0;`: a clamp to a range (of a
// pixel, a probability), not an activation.
bool clampedAbove(const IfStmt *If, const Expr *X, Findings &F) {
  ASTContext &Ctx = F.ctx();
  DynTypedNodeList Parents = F.parents(*If);
  const auto *Block =
      Parents.empty() ? nullptr : Parents[0].get<CompoundStmt>();
  if (!Block)
    return false;
  std::vector<const Stmt *> Stmts = bodyStatements(Block);
  for (size_t I = 0; I < Stmts.size(); ++I) {
    if (Stmts[I] != If)
      continue;
    for (size_t J : {I - 1, I + 1}) {
      if (J >= Stmts.size())
        continue;
      const auto *Other = dyn_cast<IfStmt>(Stmts[J]);
      const auto *Cond =
          Other ? dyn_cast<BinaryOperator>(strip(Other->getCond())) : nullptr;
      if (Cond && (Cond->getOpcode() == BO_GT || Cond->getOpcode() == BO_GE) &&
          key(Cond->getLHS(), Ctx) == key(X, Ctx))
        return true;
    }
  }
  return false;
}

// `if (x < 0) x = 0;`
std::optional<Activation> asReluIf(const IfStmt *If, Findings &F) {
  ASTContext &Ctx = F.ctx();
  const Expr *X = nullptr;
  bool PositiveIfTrue = true;
  if (If->getElse() || !comparesWithZero(If->getCond(), X, PositiveIfTrue) ||
      PositiveIfTrue || !isFloating(X) || clampedAbove(If, X, F))
    return std::nullopt;
  std::vector<const Stmt *> Then = bodyStatements(If->getThen());
  if (Then.size() != 1)
    return std::nullopt;
  std::optional<Assignment> A = asAssignment(Then.front(), Ctx);
  if (!A || !A->target || A->targetText != sourceText(X, Ctx) ||
      !isLiteral(A->value, 0))
    return std::nullopt;
  std::string In = formulaText(X, Ctx);
  return Activation{"relu", In, "max(0, " + In + ")",
                    "a ReLU activation (in place)",
                    "clamps " + In + " below at zero"};
}

// The statement that holds E (a direct statement of a block or a loop body)
// and, for an assignment, what it assigns to.
const Stmt *enclosingStatement(const Stmt *E, Findings &F, std::string &Lhs,
                               const Loop *&LoopOf,
                               std::optional<Loop> &LoopStorage) {
  ASTContext &Ctx = F.ctx();
  DynTypedNode Node = DynTypedNode::create(*E);
  const Stmt *Current = E;
  for (unsigned Depth = 0; Depth < 64; ++Depth) {
    DynTypedNodeList Parents = F.parents(Node);
    if (Parents.empty())
      return Current;
    const DynTypedNode &P = Parents[0];
    const auto *Self = dyn_cast<Expr>(E);
    auto IsSelf = [&](const Expr *X) {
      return Self && strip(X) == strip(Self);
    };
    if (const auto *V = P.get<VarDecl>()) {
      if (Lhs.empty() && IsSelf(V->getInit()))
        Lhs = V->getNameAsString();
    } else if (const auto *PS = P.get<Stmt>()) {
      if (const auto *B = dyn_cast<BinaryOperator>(PS);
          B && B->getOpcode() == BO_Assign && Lhs.empty() &&
          IsSelf(B->getRHS()))
        Lhs = formulaText(B->getLHS(), Ctx);
      if (isa<CompoundStmt>(PS)) {
        // A block that is a loop's body: see whether that loop holds only E.
        DynTypedNodeList Up = F.parents(P);
        if (!Up.empty())
          if (const auto *LS = Up[0].get<Stmt>()) {
            LoopStorage = asLoop(LS);
            if (LoopStorage && LoopStorage->body == PS &&
                bodyStatements(PS).size() == 1 &&
                isSimpleLoopBody(*LoopStorage))
              LoopOf = &*LoopStorage;
          }
        return Current;
      }
      if (std::optional<Loop> L = asLoop(PS); L && L->body == Current) {
        LoopStorage = L;
        LoopOf = isSimpleLoopBody(*LoopStorage) ? &*LoopStorage : nullptr;
        return Current;
      }
      if (isa<IfStmt>(PS))
        return Current;
      Current = PS;
    }
    Node = P;
  }
  return Current;
}

// The function a `return` returns from: a lambda's return is not the
// enclosing function's.
const Decl *returnsFrom(const Stmt *S, Findings &F) {
  DynTypedNode Node = DynTypedNode::create(*S);
  for (unsigned Depth = 0; Depth < 64; ++Depth) {
    DynTypedNodeList Parents = F.parents(Node);
    if (Parents.empty() || Parents[0].get<LambdaExpr>())
      return nullptr;
    if (const auto *FD = Parents[0].get<FunctionDecl>())
      return FD;
    Node = Parents[0];
  }
  return nullptr;
}

} // namespace

bool matchActivation(const Stmt *S, Findings &F) {
  ASTContext &Ctx = F.ctx();
  std::optional<Activation> Act;
  if (const auto *If = dyn_cast<IfStmt>(S)) {
    Act = asReluIf(If, F);
  } else if (const auto *E = dyn_cast<Expr>(S)) {
    if (E != E->IgnoreParenImpCasts())
      return false; // matched on the expression itself, not on its wrapper
    if (!isFloating(E))
      return false;
    for (auto *Rule : {asGelu, asRelu, asSigmoid, asTanh})
      if ((Act = Rule(E, Ctx)))
        break;
  }
  if (!Act)
    return false;
  F.claimExprSubtree(S);

  std::string Lhs;
  const Loop *LoopOf = nullptr;
  std::optional<Loop> Storage;
  const Stmt *Holder = enclosingStatement(S, F, Lhs, LoopOf, Storage);
  if (isa<IfStmt>(S))
    Lhs = Act->input; // clamped in place
  const auto *Ret = dyn_cast<ReturnStmt>(Holder);
  if (Lhs.empty()) {
    if (Ret && Ret->getRetValue() && isa<Expr>(S) &&
        returnsFrom(Ret, F) == &F.function() &&
        strip(Ret->getRetValue()) == strip(cast<Expr>(S)) &&
        F.function().getDeclName().isIdentifier()) {
      Lhs = F.function().getNameAsString() + "(";
      for (unsigned I = 0; I < F.function().getNumParams(); ++I)
        Lhs +=
            (I ? ", " : "") + F.function().getParamDecl(I)->getNameAsString();
      Lhs += ")";
    } else {
      Lhs = "y";
    }
  }
  Idiom I;
  I.kind = Act->kind;
  I.formula = Lhs + " = " + Act->rhs;
  I.description = Act->description;
  I.evidence = Act->evidence;
  const Stmt *Span = LoopOf ? LoopOf->stmt : Holder;
  F.report(std::move(I), Span, Span, /*ClaimStatements=*/false);
  return true;
}

} // namespace tourguide::idioms::detail
