// The shapes of expressions the statement and call classifiers look for (ExprShapes.h).
#include "ExprShapes.h"

#include "tourguide/indexer/Names.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace tourguide::indexer {

bool containsProduct(const Stmt *s) {
  return containsNode(s, [](const Stmt *n) {
    if (const auto *bo = dyn_cast<BinaryOperator>(n))
      return bo->getOpcode() == BO_Mul;
    if (const auto *op = dyn_cast<CXXOperatorCallExpr>(n))
      return op->getOperator() == OO_Star && op->getNumArgs() == 2;
    return false;
  });
}

bool containsCallNamed(const Stmt *s, llvm::function_ref<bool(llvm::StringRef)> pred) {
  return containsNode(s, [&](const Stmt *n) {
    const auto *call = dyn_cast<CallExpr>(n);
    const FunctionDecl *fd = call ? call->getDirectCallee() : nullptr;
    return fd && fd->getIdentifier() && pred(fd->getName());
  });
}

static bool isSqrtName(llvm::StringRef n) { return n == "sqrt" || n == "sqrtf" || n == "sqrtl"; }

/// A division whose denominator takes a square root: the adaptive step of Adam/RMSProp.
bool containsSqrtDenominator(const Stmt *s) {
  return containsNode(s, [](const Stmt *n) {
    const auto *bo = dyn_cast<BinaryOperator>(n);
    return bo && bo->getOpcode() == BO_Div && containsCallNamed(bo->getRHS(), isSqrtName);
  });
}

bool containsUnaryMinus(const Stmt *s) {
  return containsNode(s, [](const Stmt *n) {
    const auto *uo = dyn_cast<UnaryOperator>(n);
    return uo && uo->getOpcode() == UO_Minus;
  });
}

/// The argument of an axpy that is written: a vector named like the model's weights.
bool isWeightVector(const Expr *e) {
  return anyName(e, [](llvm::StringRef v) {
    // w_new: a trust-region step's candidate weights, copied into w when accepted (liblinear's TRON).
    return v == "w" || v == "weights" || v == "weight" || v == "params" || v == "theta" || v == "coef" ||
           v == "model_w" || v == "w_new" || v == "new_w";
  });
}

namespace {

/// The literal under parentheses, implicit casts and one functional or C-style cast:
/// `1`, `(1.0)`, `float(1)`, `(double)0`.
const Expr *underLiteralCasts(const Expr *e) {
  e = strip(e);
  if (const auto *c = dyn_cast<CXXFunctionalCastExpr>(e))
    e = strip(c->getSubExpr());
  if (const auto *c = dyn_cast<CStyleCastExpr>(e))
    e = strip(c->getSubExpr());
  return e;
}

} // namespace

bool isOne(const Expr *e) {
  e = underLiteralCasts(e);
  if (const auto *il = dyn_cast<IntegerLiteral>(e))
    return il->getValue() == 1;
  if (const auto *fl = dyn_cast<FloatingLiteral>(e))
    return fl->getValue().convertToDouble() == 1.0;
  return false;
}

bool isZeroLiteral(const Expr *e) {
  e = underLiteralCasts(e);
  if (const auto *il = dyn_cast<IntegerLiteral>(e))
    return il->getValue() == 0;
  if (const auto *fl = dyn_cast<FloatingLiteral>(e))
    return fl->getValue().isZero();
  return false;
}

/// x[i], obj.w, p->w, *p, v[i] on a container, t(i, j): something that outlives the statement.
bool isGradientElement(const Expr *e) {
  const auto *element = dyn_cast_or_null<ArraySubscriptExpr>(strip(e));
  if (!element)
    return false;
  const Expr *array = strip(element->getBase());
  // A solver's own gradient (libsvm's Solver::G_bar, a member of `this`) is the state its
  // iterations update; a gradient reached through a node handed to the function is backprop's.
  if (const auto *me = dyn_cast_or_null<MemberExpr>(array))
    return !isa<CXXThisExpr>(me->getBase()->IgnoreParenImpCasts()) && looksLikeGradient(me->getMemberDecl()->getName());
  if (const auto *dre = dyn_cast_or_null<DeclRefExpr>(array))
    return dre->getDecl()->getIdentifier() && looksLikeGradient(dre->getDecl()->getName());
  return false;
}

bool isElementOrMember(const Expr *e) {
  e = strip(e);
  if (!e)
    return false;
  if (isa<ArraySubscriptExpr>(e) || isa<MemberExpr>(e) || isa<CXXDependentScopeMemberExpr>(e))
    return true;
  if (const auto *uo = dyn_cast<UnaryOperator>(e))
    return uo->getOpcode() == UO_Deref;
  if (const auto *op = dyn_cast<CXXOperatorCallExpr>(e))
    return op->getOperator() == OO_Subscript || op->getOperator() == OO_Call ||
           op->getOperator() == OO_Star;
  if (const auto *dre = dyn_cast<DeclRefExpr>(e)) {
    // A reference parameter (float &w) or a global stands for state owned elsewhere.
    if (const auto *vd = dyn_cast<VarDecl>(dre->getDecl()))
      return vd->getType()->isReferenceType() || vd->hasGlobalStorage();
  }
  return false;
}

bool isFloatingOrOpaque(QualType t) {
  t = t.getNonReferenceType();
  return t->isFloatingType() || t->isRecordType() || t->isDependentType() ||
         t->isTemplateTypeParmType();
}

} // namespace tourguide::indexer
