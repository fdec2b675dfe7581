//===- Rules.h - The idiom rules and the one place they report to ---------===//
//
// Private to tourguide_idioms. Each rule is a small function that looks at one
// loop, one statement list or one expression and, when it recognises an idiom,
// reports it through Findings::report(). Rules claim the loops they explain so
// that a later, smaller rule (a dot product inside a matvec) stays quiet.
//
//===----------------------------------------------------------------------===//
#ifndef TOURGUIDE_IDIOMS_RULES_H
#define TOURGUIDE_IDIOMS_RULES_H

#include "tourguide/idioms/AstHelpers.h"
#include "tourguide/idioms/Idioms.h"

#include "clang/AST/Decl.h"
#include "clang/AST/ParentMapContext.h"
#include "llvm/ADT/DenseSet.h"

#include <vector>

namespace tourguide::idioms::detail {

class Findings {
public:
  Findings(const clang::FunctionDecl &Fn, clang::ASTContext &Ctx)
      : Fn(Fn), Ctx(Ctx) {}

  clang::ASTContext &ctx() const { return Ctx; }
  const clang::FunctionDecl &function() const { return Fn; }

  /// The funnel: records an idiom spanning First..Last and claims both and
  /// everything between them in the same statement list (see claimRange).
  /// ClaimStatements=false leaves the loops free for the structural rules
  /// (an activation inside a reduction loop is a second, separate idiom).
  void report(Idiom I, const clang::Stmt *First, const clang::Stmt *Last,
              bool ClaimStatements = true);

  /// Loops and statements already explained by a reported idiom.
  bool isClaimed(const clang::Stmt *S) const { return Claimed.count(S); }
  void claimSubtree(const clang::Stmt *S);

  /// Expressions an activation rule already explained (the tanh inside a GELU).
  bool isExprClaimed(const clang::Stmt *S) const {
    return ExprClaimed.count(S);
  }
  void claimExprSubtree(const clang::Stmt *S);

  std::vector<Idiom> take();

  /// The parents of a node of the function, as ASTContext::getParents gives them. Clang
  /// builds its parent map for the whole TU on the first question (system headers and all,
  /// several times the cost of the rules on a large TU); here it is built for the
  /// declarations that hold the function only, by narrowing the context's traversal scope,
  /// and for the whole TU again when a node turns out to lie outside them.
  clang::DynTypedNodeList parents(const clang::DynTypedNode &Node);
  template <class T> clang::DynTypedNodeList parents(const T &Node) {
    return parents(clang::DynTypedNode::create(Node));
  }

private:
  const clang::FunctionDecl &Fn;
  clang::ASTContext &Ctx;
  bool ParentScopeSet = false;
  llvm::DenseSet<const clang::Stmt *> Claimed, ExprClaimed;
  std::vector<Idiom> Found;
};

/// What a reduction adds up, e.g. for `s += (x[i] - m) * (x[i] - m)`.
struct Term {
  enum Kind {
    Plain,            // s += x[i]
    Product,          // s += a[i] * b[i]
    Square,           // s += x[i] * x[i]
    SquaredDeviation, // s += (x[i] - m) * (x[i] - m), pow(x[i] - m, 2)
    Exp,              // s += exp(x[i] - m)
    LogLikelihood,    // s += y[i] * log(p[i]), s += log(p[i])
  } kind = Plain;
  std::string text;      // the summand as a formula: "(x[i] - m)²"
  std::string deviation; // for SquaredDeviation: "x[i] - m"
  std::string expArg;    // for Exp: "x[i] - m"
  bool negated = false;  // the value was written `-(...)`
  bool weighted = false; // a factor does not move with the loop (`w * x[i]`)
};
/// Classifies what is added per iteration of the loop over Var; factors that
/// do not move with Var are weights (`scale * x[i]*x[i]` is still a Square).
Term classifyTerm(const clang::Expr *Value, const clang::ASTContext &Ctx,
                  const clang::VarDecl *Var);

/// "Σ_i" for `for (int i ...)`, "Σ_{v ∈ x}" for `for (float v : x)`.
std::string sigma(const Loop &L, const clang::ASTContext &Ctx);

/// True when the loop body is small and flat (no nested loop, at most
/// MaxStatements statements): then a statement in it speaks for the loop.
bool isSimpleLoopBody(const Loop &L, unsigned MaxStatements = 4);

// --- Rules. Each returns true when it reported something. ---

/// matvec / matmul / row-wise dot as a loop nest accumulating products.
bool matchProductNest(const Loop &Outer, Findings &F);
/// sum / dot / cross-entropy as one loop accumulating into a scalar.
bool matchReductionLoop(const Loop &L, Findings &F);
/// sgd / momentum / adam updates in a statement list; Span is the loop that
/// holds the list, or null when the list is not a loop body.
bool matchUpdate(llvm::ArrayRef<const clang::Stmt *> Stmts,
                 const clang::Stmt *Span, Findings &F);
/// mean and variance: a reduction loop followed by a division.
bool matchStatistics(llvm::ArrayRef<const clang::Stmt *> Stmts, Findings &F);
/// softmax and log-sum-exp: an (optional) max loop, an exp-sum loop, then a
/// normalising loop or a log of the sum.
bool matchSoftmax(llvm::ArrayRef<const clang::Stmt *> Stmts, Findings &F);
/// `loss = -log(p[label])` and relatives outside a reduction loop.
bool matchCrossEntropyStatement(const clang::Stmt *S, Findings &F);
/// relu / leaky_relu / gelu / tanh / sigmoid in an expression; `if (x < 0)
/// x = 0;` for relu.
bool matchActivation(const clang::Stmt *S, Findings &F);

} // namespace tourguide::idioms::detail

#endif // TOURGUIDE_IDIOMS_RULES_H
