//===- Idioms.h - Recognise numeric idioms of ML code in a function -------===//
//
// The indexer drafts tour annotations. A loop that computes a dot product or
// a softmax is easier to follow when the annotation names the idiom and gives
// its formula in the code's own names, e.g.
//   "lines 120-128 compute out[i] = Σ_j W[i][j]·x[j] + b[i], a linear layer".
// findIdioms() looks at one function body and returns what it recognised.
//
//===----------------------------------------------------------------------===//
#ifndef TOURGUIDE_IDIOMS_IDIOMS_H
#define TOURGUIDE_IDIOMS_IDIOMS_H

#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace tourguide::idioms {

/// One recognised idiom: a loop nest or a statement of a function.
struct Idiom {
  /// "sum", "dot", "matvec", "matmul", "mean", "variance", "softmax",
  /// "logsumexp", "cross_entropy", "relu", "leaky_relu", "gelu", "tanh",
  /// "sigmoid", "sgd_update", "momentum_update", "adam_update".
  /// docs/idioms.md says what each one requires.
  std::string kind;
  /// The formula with the code's own names: "out[i] = Σ_j W[i][j]·x[j] + b[i]",
  /// "w[i] -= lr·g[i]". UTF-8 (Σ, ·, √, ε).
  std::string formula;
  /// One phrase for a newcomer: "a linear layer (matrix-vector product plus
  /// bias)".
  std::string description;
  /// Lines (1-based, in the file holding the function) of the loop nest or
  /// statement; endLine >= beginLine.
  unsigned beginLine = 0, endLine = 0;
  /// What in the code decided it: "nested for over i, j; accumulates
  /// W[i*n+j]*x[j] into out[i]".
  std::string evidence;
};

/// The idioms found in the body of `fn`, ordered by beginLine. Returns an empty
/// vector when `fn` has no body. Never throws. Outer idioms that subsume inner
/// ones (a softmax made of a max loop, an exp-sum loop and a divide loop) are
/// reported once, as the outer idiom. For a template as written (a function
/// template, or a member of a class template) the first implicit
/// instantiation in the TU is analysed: same lines, real types; a template
/// never instantiated yields little. Pass the pattern, not each instantiation,
/// or the same idiom is reported once per instantiation.
/// The parent map some rules need is built for the declaration that holds `fn`
/// alone: `ctx`'s traversal scope (ASTContext::setTraversalScope) is left
/// narrowed to it; a caller that later traverses through the scope (a
/// RecursiveASTVisitor started on the TU) resets it first.
std::vector<Idiom> findIdioms(const clang::FunctionDecl &fn,
                              clang::ASTContext &ctx);

} // namespace tourguide::idioms

#endif // TOURGUIDE_IDIOMS_IDIOMS_H
