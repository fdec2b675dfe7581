//===- Products.cpp - matvec / matmul as loop nests
//------------------------===//
//
//   for i:            (float s = b[i];)          out[i] = b[i];
//     for j:            s += W[i*n+j] * x[j];  or  out[i] += W[i][j] * x[j];
//     (out[i] = s;)
//
// The innermost loop accumulates a product of two accesses that both move
// with its variable j; which outer variables each factor and the output move
// with tells a matrix-vector product from a matrix-matrix product.
//
//===----------------------------------------------------------------------===//

#include "Rules.h"

#include <algorithm>

namespace tourguide::idioms::detail {
using namespace clang;

namespace {

struct ProductNest {
  std::vector<Loop> chain; // outermost first; back() accumulates
  const Stmt *accStmt = nullptr;
  Accumulation acc;
};

// An element of an array, or a local that holds one, perhaps scaled
// (`const T aip = a(i, p);`, `float A_PART = ALPHA*A[i*lda+k];`) hoisted out
// of the inner loop. Returns what it stands for, or null.
const Expr *elementOf(const Expr *E, const ASTContext &Ctx) {
  E = strip(E);
  if (asAccess(E, Ctx))
    return E;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
      if (V->hasLocalStorage() && !isa<ParmVarDecl>(V) && V->getInit()) {
        std::vector<const Expr *> Fs = factors(V->getInit());
        if (llvm::count_if(
                Fs, [&](const Expr *F) { return asAccess(F, Ctx); }) == 1)
          return strip(V->getInit());
      }
  return nullptr;
}

// The two elements of a product like `ALPHA * A[i*lda+k] * B[k*ldb+j]`;
// the other factors are scalars (checked later not to move with the nest).
bool twoElements(const Expr *Value, const Expr *&A, const Expr *&B,
                 std::vector<const Expr *> &Scalars, const ASTContext &Ctx) {
  A = B = nullptr;
  Scalars.clear();
  for (const Expr *F : factors(Value)) {
    const Expr *E = elementOf(F, Ctx);
    if (!E)
      Scalars.push_back(F);
    else if (!A)
      A = E;
    else if (!B)
      B = E;
    else
      return false;
  }
  return A && B;
}

// Depth-first through loops that are direct statements of a loop body, for
// the first `t += A * B` whose factors are elements moving with the loop.
bool findProductLoop(const Loop &L, ProductNest &Nest, const ASTContext &Ctx) {
  Nest.chain.push_back(L);
  std::vector<const Stmt *> Stmts = bodyStatements(L.body);
  for (const Stmt *S : Stmts) {
    std::optional<Accumulation> Acc = asAccumulation(S, Ctx);
    if (!Acc || Acc->subtract || !dependsOn(Acc->value, L.var))
      continue;
    // A scalar accumulator must stay put in this loop: it is the sum's loop.
    if (!asAccess(Acc->target, Ctx) && movesWithLoop(Acc->target, L.var))
      continue;
    const Expr *A, *B;
    std::vector<const Expr *> Scalars;
    if (twoElements(Acc->value, A, B, Scalars, Ctx)) {
      Nest.accStmt = S;
      Nest.acc = *Acc;
      return true;
    }
  }
  for (const Stmt *S : Stmts)
    if (std::optional<Loop> Inner = asLoop(S))
      if (findProductLoop(*Inner, Nest, Ctx))
        return true;
  Nest.chain.pop_back();
  return false;
}

// The value of a bias: `b[i]` in `float s = b[i]` or `out[i] = s + b[i]`.
std::string biasIn(const Expr *Value, llvm::StringRef AccText,
                   const ASTContext &Ctx) {
  const Expr *V = strip(Value);
  if (asAccess(V, Ctx) || isa<DeclRefExpr, MemberExpr>(V))
    return sourceText(V, Ctx) == AccText ? "" : formulaText(V, Ctx);
  if (const auto *B = dyn_cast<BinaryOperator>(V);
      B && B->getOpcode() == BO_Add) {
    if (sourceText(strip(B->getLHS()), Ctx) == AccText)
      return formulaText(B->getRHS(), Ctx);
    if (sourceText(strip(B->getRHS()), Ctx) == AccText)
      return formulaText(B->getLHS(), Ctx);
  }
  return "";
}

std::string joinNames(const std::vector<Loop> &Chain) {
  std::string Out;
  for (const Loop &L : Chain)
    Out += (Out.empty() ? "" : ", ") + L.var->getNameAsString();
  return Out;
}

} // namespace

bool matchProductNest(const Loop &Outer, Findings &F) {
  const ASTContext &Ctx = F.ctx();
  ProductNest Nest;
  if (!findProductLoop(Outer, Nest, Ctx) || Nest.chain.size() < 2)
    return false;
  const Loop &Inner = Nest.chain.back();
  const Loop &Parent = Nest.chain[Nest.chain.size() - 2];
  std::string AccText = sourceText(strip(Nest.acc.target), Ctx);

  // Where the sum ends up, and whether a bias starts it or is added to it.
  const Expr *Out = nullptr;
  bool AddsToOut = false;
  std::string Bias;
  bool Initialised = false; // `out[i] = 0;` or `float s = b[i];` first
  const bool ScalarAcc = !asAccess(Nest.acc.target, Ctx);
  bool AfterInner = false;
  for (const Stmt *S : bodyStatements(Parent.body)) {
    if (S == Inner.stmt) {
      AfterInner = true;
      continue;
    }
    // `C[i*ldc+j] += sum;` after the loop: the product is added to the output.
    if (std::optional<Accumulation> Acc = asAccumulation(S, Ctx);
        ScalarAcc && AfterInner && !Out && Acc && !Acc->subtract &&
        asAccess(Acc->target, Ctx) &&
        key(Acc->value, Ctx) == key(Nest.acc.target, Ctx)) {
      Out = Acc->target;
      AddsToOut = true;
      continue;
    }
    std::optional<Assignment> A = asAssignment(S, Ctx);
    if (!A)
      continue;
    if (!AfterInner && A->targetText == AccText) {
      Initialised = true;
      Bias = biasIn(A->value, AccText, Ctx); // `float s = b[i];`
    } else if (ScalarAcc && AfterInner && !Out && A->target &&
               asAccess(A->target, Ctx) &&
               mentionsText(A->value, AccText, Ctx)) {
      Out = A->target; // `out[i] = s + b[i];`
      if (Bias.empty())
        Bias = biasIn(A->value, AccText, Ctx);
    }
  }
  // Accumulating straight into the output: without a visible start value the
  // code adds the product to what the output held (C += A·B, as in gemm).
  if (!Out && asAccess(Nest.acc.target, Ctx)) {
    Out = Nest.acc.target;
    AddsToOut = !Initialised;
  }
  if (!Out)
    return false;

  // Which loop variables the output moves with, and the one it sums over:
  // the variable the factors share and the output lacks (k in
  // C[i][j] += A[i][k] * B[k][j], whatever the order of the loops).
  const Expr *A, *B;
  std::vector<const Expr *> Scalars;
  twoElements(Nest.acc.value, A, B, Scalars, Ctx);
  for (const Expr *X : Scalars)
    for (const Loop &L : Nest.chain)
      if (dependsOn(X, L.var))
        return false; // a third factor that moves: not a plain product
  std::vector<const VarDecl *> OutVars;
  const Loop *SumLoop = nullptr;
  unsigned SumVars = 0;
  for (const Loop &L : Nest.chain) {
    if (dependsOn(Out, L.var)) {
      OutVars.push_back(L.var);
    } else if (dependsOn(A, L.var) || dependsOn(B, L.var)) {
      ++SumVars;
      SumLoop = &L;
    }
  }
  if (SumVars != 1 || !dependsOn(A, SumLoop->var) ||
      !dependsOn(B, SumLoop->var))
    return false;
  // The nest starts at an output or sum loop, not at an epoch loop around it.
  if (Outer.var != SumLoop->var &&
      std::find(OutVars.begin(), OutVars.end(), Outer.var) == OutVars.end())
    return false;

  bool AOnly = false, BOnly = false, AAny = false, BAny = false;
  for (const VarDecl *V : OutVars) {
    bool InA = dependsOn(A, V), InB = dependsOn(B, V);
    AAny |= InA;
    BAny |= InB;
    AOnly |= InA && !InB;
    BOnly |= InB && !InA;
  }

  Idiom I;
  if (AOnly && BOnly) {
    I.kind = "matmul";
    I.description = Bias.empty()
                        ? "a matrix-matrix product"
                        : "a linear layer over a batch (matrix-matrix product "
                          "plus bias)";
  } else if (AAny != BAny) {
    I.kind = "matvec";
    I.description = Bias.empty()
                        ? "a matrix-vector product"
                        : "a linear layer (matrix-vector product plus bias)";
  } else if (AAny && BAny) {
    I.kind = "dot";
    I.description = "a dot product per row";
  } else {
    return false;
  }
  I.formula = formulaText(Out, Ctx) + (AddsToOut ? " += " : " = ") +
              sigma(*SumLoop, Ctx) + " ";
  for (const Expr *X : Scalars)
    I.formula += formulaText(X, Ctx) + "·";
  I.formula += formulaText(A, Ctx) + "·" + formulaText(B, Ctx);
  if (!Bias.empty())
    I.formula += " + " + Bias;
  I.evidence = "nested for over " + joinNames(Nest.chain) + "; accumulates " +
               sourceText(Nest.acc.value, Ctx) + " into " + AccText;
  if (AccText != sourceText(strip(Out), Ctx))
    I.evidence += ", stored in " + sourceText(strip(Out), Ctx);
  if (!Bias.empty())
    I.evidence += "; bias " + Bias;
  F.report(std::move(I), Outer.stmt, Outer.stmt);
  return true;
}

} // namespace tourguide::idioms::detail
