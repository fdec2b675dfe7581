// The shapes of expressions that the fact extractor's classifiers look for: a product, a
// square-root denominator, a literal one or zero, an element or member that outlives the
// statement. Private to tourguide_indexer (the body walker, StatementClassifier.cpp, CallClassifier.cpp).
// The subtree walks themselves are the idiom rules' (tourguide/idioms/AstHelpers.h):
// containsNode and anyName, used here and by the idioms.
#pragma once

#include "tourguide/idioms/AstHelpers.h"

#include "clang/AST/Expr.h"
#include "clang/AST/Type.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace tourguide::indexer {

using tourguide::idioms::anyName;
using tourguide::idioms::containsNode;
/// What an expression is once the parentheses, casts and temporaries that never change its
/// meaning are dropped: the idioms' rule, so the facts and the idioms see the same expression.
using tourguide::idioms::detail::strip;

/// A multiplication, built-in or overloaded, anywhere in `s` but in an index (`a[i*n + j]`
/// multiplies positions, not values).
bool containsProduct(const clang::Stmt *s);
/// A product (as containsProduct) one of whose factors reads an element, a pointee or a call's
/// value: a dot product's term (`w[i] * x[i]`), not a product of two scalars (`length * max_score_`).
bool multipliesElements(const clang::Stmt *s);
/// A scalar variable or member named like a learning rate (`lr`, `opt->lr`, `alpha`), not an
/// array or pointer of that name.
bool mentionsLearningRate(const clang::Stmt *s);
/// A string stream (`std::istringstream is(s)`): reading from it parses text the program already
/// holds, it reads no data in.
bool isStringStream(const clang::Expr *stream);
/// `out[0] - target[i][0]`: one element minus another (an output against its target).
bool isElementDifference(const clang::Expr *e);
/// `x - mean[i]`: a value minus a mean (the term a variance squares).
bool isDeviationFromMean(const clang::Expr *e);
/// A direct call whose callee's name satisfies `pred`, anywhere in `s`.
bool containsCallNamed(const clang::Stmt *s, llvm::function_ref<bool(llvm::StringRef)> pred);
/// A division whose denominator takes a square root: the adaptive step of Adam/RMSProp.
bool containsSqrtDenominator(const clang::Stmt *s);
/// A unary minus anywhere in `s`.
bool containsUnaryMinus(const clang::Stmt *s);

/// The variable or member a vector expression names: `w` of `w[i]`, `weights` of
/// `l.weights + k` or `&net->weights[j]`; "" when it names none.
std::string vectorName(const clang::Expr *e);
/// The argument of an axpy that is written: a vector named like the model's weights.
bool isWeightVector(const clang::Expr *e);
/// A literal 1 (or 1.0), possibly cast.
bool isOne(const clang::Expr *e);
/// A literal 0 (or 0.0), possibly cast.
bool isZeroLiteral(const clang::Expr *e);
/// x[i], obj.w, p->w, *p, v[i] on a container, t(i, j): something that outlives the statement.
bool isElementOrMember(const clang::Expr *e);
/// An element of an array named like a gradient (`g[i]`, `p->grad[i]`, `l.delta[j]`), not a
/// member of `this`: what a backward pass writes, never the parameters themselves.
bool isGradientElement(const clang::Expr *e);
/// A floating-point type, or one that may hold floats (a class, a template parameter).
bool isFloatingOrOpaque(clang::QualType t);

} // namespace tourguide::indexer
