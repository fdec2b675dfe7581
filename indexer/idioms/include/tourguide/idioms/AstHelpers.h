//===- AstHelpers.h - Small AST questions the idiom rules share -----------===//
//
// Every idiom rule asks the same few questions of an expression: is it an
// element access, which loop variables does it depend on, is it a call to
// exp/log/sqrt, what does it look like in the source. The subtree walks
// (containsNode, anyName) are shared with the indexer's statement classifier,
// which is why this header is public; the rest (namespace detail) is the
// idiom rules' own.
//
//===----------------------------------------------------------------------===//
#ifndef TOURGUIDE_IDIOMS_ASTHELPERS_H
#define TOURGUIDE_IDIOMS_ASTHELPERS_H

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <optional>
#include <string>
#include <vector>

namespace tourguide::idioms {

/// Whether S or any statement below it satisfies Pred: the one subtree walk
/// behind every "does this expression contain ..." question.
bool containsNode(const clang::Stmt *S,
                  llvm::function_ref<bool(const clang::Stmt *)> Pred);

/// Whether a name used in S (a variable or a member, lowercased) satisfies
/// Pred.
bool anyName(const clang::Stmt *S,
             llvm::function_ref<bool(llvm::StringRef)> Pred);

} // namespace tourguide::idioms

namespace tourguide::idioms::detail {

/// Drops parentheses, implicit casts, temporaries and functional casts
/// (`float(x)`) that never change what a formula means.
const clang::Expr *strip(const clang::Expr *E);

/// The statement's source text with runs of whitespace collapsed to one space.
std::string sourceText(const clang::Stmt *S, const clang::ASTContext &Ctx);

/// True when S starts inside a macro expansion: it has no source text of its
/// own (a statement that merely ends in a macro call does).
bool inMacro(const clang::Stmt *S);

/// The source text of strip(E) without any whitespace: `a[i] - m` and
/// `a[i]-m` are the same key. For comparing written expressions.
std::string key(const clang::Expr *E, const clang::ASTContext &Ctx);

/// Renders an expression for a formula: operators spaced, `*` as `·`, `x*x`
/// as `x²`, leaves (names, accesses, literals) as written in the source.
std::string formulaText(const clang::Expr *E, const clang::ASTContext &Ctx);

unsigned beginLine(const clang::Stmt *S, const clang::ASTContext &Ctx);
unsigned endLine(const clang::Stmt *S, const clang::ASTContext &Ctx);

/// True when E mentions V, directly or through a local variable whose
/// initialiser mentions it (`int idx = i*n + j; W[idx]`).
bool dependsOn(const clang::Expr *E, const clang::VarDecl *V);

/// True when the place E names changes from one pass of V's loop to the next:
/// it depends on V, or it steps itself (`*w++`, `p[j++]`). An accumulator must
/// not: `*w++ += d * x[k]` updates one weight per pass, it sums nothing.
bool movesWithLoop(const clang::Expr *E, const clang::VarDecl *V);

/// True when E is a call to the C math function Name or one of its float /
/// long double / std:: / __builtin_ spellings (exp, expf, expl, std::exp).
bool isMathCall(const clang::Expr *E, llvm::StringRef Name);
/// The argument of a one- or two-argument math call, or null.
const clang::Expr *callArg(const clang::Expr *E, unsigned I);

/// True for an integer or floating literal equal to Value.
bool isLiteral(const clang::Expr *E, double Value);

/// A binary operation, built-in (`a * b`) or overloaded on a class
/// (`Tensor::operator-=`): the rules read both the same way.
struct Binary {
  clang::BinaryOperatorKind op;
  const clang::Expr *lhs = nullptr, *rhs = nullptr;
};
std::optional<Binary> asBinary(const clang::Expr *E);

/// The factors of a product tree: `a*b*c` gives {a, b, c}; anything else {E}.
std::vector<const clang::Expr *> factors(const clang::Expr *E);

/// An element access: `a[i]`, `a[i][j]`, `a(i, j)`, `a.at(i)`, `*(p + i)`,
/// `p->w[i]`. `base` is the source text of the indexed object.
struct Access {
  const clang::Expr *expr = nullptr;
  std::string base;
  std::vector<const clang::Expr *> indices;
};
std::optional<Access> asAccess(const clang::Expr *E,
                               const clang::ASTContext &Ctx);

/// A counted loop: `for (int i = 0; i < n; ++i)` or a range-for
/// `for (float v : x)`, whose variable is `var`.
struct Loop {
  const clang::Stmt *stmt = nullptr;
  const clang::VarDecl *var = nullptr;
  const clang::Stmt *body = nullptr;
  /// The range of a range-for (`x` in `for (float v : x)`), else null.
  const clang::Expr *range = nullptr;
};
std::optional<Loop> asLoop(const clang::Stmt *S);

/// The statements of a body: a compound's children, or the one statement.
std::vector<const clang::Stmt *> bodyStatements(const clang::Stmt *Body);

/// `t += v`, `t -= v`, `t = t + v`, `t = v + t`, `t = t - v`.
struct Accumulation {
  const clang::Expr *target = nullptr;
  const clang::Expr *value = nullptr;
  bool subtract = false;
};
std::optional<Accumulation> asAccumulation(const clang::Stmt *S,
                                           const clang::ASTContext &Ctx);

/// `t = v`, `T t = v;` (a declaration of one variable with an initialiser).
/// `targetText` is the written target (the variable name for a declaration).
struct Assignment {
  std::string targetText;
  const clang::Expr *target = nullptr; // null for a declaration
  const clang::VarDecl *declared = nullptr;
  const clang::Expr *value = nullptr;
};
std::optional<Assignment> asAssignment(const clang::Stmt *S,
                                       const clang::ASTContext &Ctx);

/// True when E's text contains the text Needle as a whole sub-expression.
bool mentionsText(const clang::Expr *E, llvm::StringRef Needle,
                  const clang::ASTContext &Ctx);

/// Whether the written type is float, double or long double (or a reference
/// to one).
bool isFloating(const clang::Expr *E);
/// Floating, or a class (a tensor or vector type with overloaded operators).
bool isNumericValue(const clang::Expr *E);

} // namespace tourguide::idioms::detail

#endif // TOURGUIDE_IDIOMS_ASTHELPERS_H
