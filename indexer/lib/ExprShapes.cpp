// The shapes of expressions the statement and call classifiers look for (ExprShapes.h).
#include "ExprShapes.h"

#include "tourguide/indexer/Names.h"

#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace tourguide::indexer {

bool containsProduct(const Stmt *s) {
  if (!s)
    return false;
  if (const auto *bo = dyn_cast<BinaryOperator>(s); bo && bo->getOpcode() == BO_Mul)
    return true;
  if (const auto *op = dyn_cast<CXXOperatorCallExpr>(s); op && op->getOperator() == OO_Star && op->getNumArgs() == 2)
    return true;
  // An index multiplies positions, not values (`weights[f*size + i]`, `m.data[y*m.w + x]`).
  if (const auto *as = dyn_cast<ArraySubscriptExpr>(s))
    return containsProduct(as->getBase());
  if (const auto *op = dyn_cast<CXXOperatorCallExpr>(s); op && op->getOperator() == OO_Subscript && op->getNumArgs() == 2)
    return containsProduct(op->getArg(0));
  for (const Stmt *child : s->children())
    if (containsProduct(child))
      return true;
  return false;
}

/// Reads a value out of an array, a container, a pointer or a call: what varies along a
/// loop (`w[i]`, `x->value`, `at(i, j)`, `*p`), not a scalar member of the object (`max_score_`).
static bool readsElement(const Stmt *s, bool throughLocals = false) {
  return containsNode(s, [&](const Stmt *n) {
    if (isa<ArraySubscriptExpr>(n))
      return true;
    // A local holding an element read just before (genann's `const double forward_delta =
    // dd[k];` then `delta += forward_delta * forward_weight;`) is that element.
    if (const auto *ref = dyn_cast<DeclRefExpr>(n); ref && throughLocals)
      if (const auto *var = dyn_cast<VarDecl>(ref->getDecl()); var && var->hasLocalStorage() && var->getInit())
        return isa<ArraySubscriptExpr>(var->getInit()->IgnoreParenImpCasts());
    if (const auto *uo = dyn_cast<UnaryOperator>(n))
      return uo->getOpcode() == UO_Deref;
    if (const auto *me = dyn_cast<MemberExpr>(n))
      return me->isArrow() && !isa<CXXThisExpr>(me->getBase()->IgnoreParenImpCasts());
    if (const auto *call = dyn_cast<CallExpr>(n))
      return !call->getType()->isVoidType();
    return isa<CXXDependentScopeMemberExpr>(n);
  });
}

bool multipliesElements(const Stmt *s) {
  if (!s)
    return false;
  // One factor read along the loop, or both through locals that hold elements (one such local
  // times a scalar member is a count times a constant: `length * max_score_`).
  auto factorsReadElements = [](const Expr *a, const Expr *b) {
    return readsElement(a) || readsElement(b) || (readsElement(a, true) && readsElement(b, true));
  };
  if (const auto *bo = dyn_cast<BinaryOperator>(s); bo && bo->getOpcode() == BO_Mul &&
                                                    factorsReadElements(bo->getLHS(), bo->getRHS()))
    return true;
  if (const auto *op = dyn_cast<CXXOperatorCallExpr>(s); op && op->getOperator() == OO_Star && op->getNumArgs() == 2 &&
                                                         factorsReadElements(op->getArg(0), op->getArg(1)))
    return true;
  if (const auto *as = dyn_cast<ArraySubscriptExpr>(s))
    return multipliesElements(as->getBase());
  for (const Stmt *child : s->children())
    if (multipliesElements(child))
      return true;
  return false;
}

bool mentionsLearningRate(const Stmt *s) {
  return containsNode(s, [](const Stmt *n) {
    const ValueDecl *d = nullptr;
    if (const auto *dre = dyn_cast<DeclRefExpr>(n))
      d = dre->getDecl();
    else if (const auto *me = dyn_cast<MemberExpr>(n))
      d = me->getMemberDecl();
    // A rate is one number; an array named alpha holds per-example values (libsvm's dual
    // variables: G[i] += alpha[j] * Q_i[j] is a gradient, not a step scaled by a rate), and so
    // does a container (sentencepiece's forward-backward: `alpha` is a std::vector).
    QualType t = d ? d->getType().getNonReferenceType() : QualType();
    return d && d->getDeclName().isIdentifier() && !t.isNull() && !t->isPointerType() && !t->isArrayType() &&
           !t->isRecordType() && looksLikeLearningRate(d->getName());
  });
}

bool isStringStream(const Expr *stream) {
  return stream && llvm::StringRef(stream->IgnoreParenImpCasts()->getType().getNonReferenceType().getAsString())
                       .contains("stringstream");
}

bool isElementDifference(const Expr *e) {
  const auto *b = dyn_cast<BinaryOperator>(strip(e));
  auto element = [](const Expr *x) {
    x = strip(x);
    const auto *op = dyn_cast<CXXOperatorCallExpr>(x);
    return isa<ArraySubscriptExpr>(x) || (op && op->getOperator() == OO_Subscript);
  };
  return b && b->getOpcode() == BO_Sub && element(b->getLHS()) && element(b->getRHS());
}

bool isDeviationFromMean(const Expr *e) {
  const auto *b = dyn_cast<BinaryOperator>(strip(e));
  return b && b->getOpcode() == BO_Sub && !vectorName(b->getRHS()).empty() &&
         nameHas(vectorName(b->getRHS()), {"mean", "avg", "average"});
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

std::string vectorName(const Expr *e) {
  while (e) {
    e = e->IgnoreParenCasts();
    if (const auto *as = dyn_cast<ArraySubscriptExpr>(e)) {
      e = as->getBase();
    } else if (const auto *op = dyn_cast<CXXOperatorCallExpr>(e);
               op && op->getNumArgs() > 0 &&
               (op->getOperator() == OO_Subscript || op->getOperator() == OO_Call ||
                (op->getOperator() == OO_Star && op->getNumArgs() == 1))) {
      e = op->getArg(0);
    } else if (const auto *uo = dyn_cast<UnaryOperator>(e);
               uo && (uo->getOpcode() == UO_Deref || uo->getOpcode() == UO_AddrOf)) {
      e = uo->getSubExpr();
    } else if (const auto *bo = dyn_cast<BinaryOperator>(e); bo && bo->isAdditiveOp()) {
      // p + offset: the pointer is the vector, the offset a position.
      e = bo->getLHS()->getType()->isPointerType() ? bo->getLHS() : bo->getRHS();
    } else if (const auto *call = dyn_cast<CXXMemberCallExpr>(e); call && call->getNumArgs() == 0) {
      e = call->getImplicitObjectArgument(); // w.data()
    } else if (const auto *me = dyn_cast<MemberExpr>(e)) {
      return me->getMemberDecl()->getNameAsString();
    } else if (const auto *dme = dyn_cast<CXXDependentScopeMemberExpr>(e)) {
      return dme->getMember().getAsString();
    } else if (const auto *dre = dyn_cast<DeclRefExpr>(e)) {
      return dre->getDecl()->getNameAsString();
    } else {
      return "";
    }
  }
  return "";
}

/// The vector an update writes or an axpy is given: named like the model's weights. Only the
/// vector's own name counts; a width in its index (`m.data[y*m.w + x]`) or its offset does not.
bool isWeightVector(const Expr *e) {
  std::string v = vectorName(e);
  // w_new: a trust-region step's candidate weights, copied into w when accepted (liblinear's TRON).
  return v == "w" || v == "weights" || v == "weight" || v == "params" || v == "theta" || v == "coef" ||
         v == "model_w" || v == "w_new" || v == "new_w";
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
