// The statement classifier: what an assignment, a compound assignment, a comparison, a
// declaration or an operator in a function body means for the stage rules (param_update,
// lr_update, adaptive_update, momentum, mac, loss_accumulate, loss_value, onehot_grad,
// count_correct, count_matches, zero_grad, gather, shuffle, argmax_compare, sq_diff, variance, normalize,
// average, relu, tolerance_check, file_read/file_write through streams). Members of the body walker
// (BodyWalker.h), which records each kind with addStatement.
#include "BodyWalker.h"

namespace tourguide::indexer {

bool BodyWalker::VisitCompoundAssignOperator(CompoundAssignOperator *op) {
  analyseCompound(op, op->getOpcode() == BO_SubAssign, op->getOpcode() == BO_AddAssign,
                  op->getLHS(), op->getRHS());
  return true;
}

bool BodyWalker::VisitCXXOperatorCallExpr(CXXOperatorCallExpr *op) {
  OverloadedOperatorKind k = op->getOperator();
  if ((k == OO_MinusEqual || k == OO_PlusEqual) && op->getNumArgs() == 2)
    analyseCompound(op, k == OO_MinusEqual, k == OO_PlusEqual, op->getArg(0), op->getArg(1));
  if (k == OO_GreaterGreater && op->getNumArgs() == 2) {
    // The stream a chain `in >> a >> b` starts from (each `>>` returns a plain istream&).
    const Expr *stream = op->getArg(0);
    while (const auto *inner = dyn_cast<CXXOperatorCallExpr>(stream->IgnoreParenImpCasts()))
      if (inner->getOperator() == OO_GreaterGreater && inner->getNumArgs() == 2)
        stream = inner->getArg(0);
      else
        break;
    // The stream's own type, before its conversion to the istream base `>>` is a member of.
    std::string ty = stream->IgnoreParenImpCasts()->getType().getNonReferenceType().getAsString();
    // A string stream parses text the program already holds (`std::istringstream is(s); is >>
    // std::hex >> n`); only a stream on a file or an input reads data in.
    if (isStringStream(stream))
      addStatement("parse", op, {});
    else if (llvm::StringRef(ty).contains("istream") || llvm::StringRef(ty).contains("ifstream"))
      addStatement("file_read", op, {});
  }
  if (k == OO_LessLess && op->getNumArgs() == 2) {
    std::string ty = op->getArg(0)->getType().getNonReferenceType().getAsString();
    if (llvm::StringRef(ty).contains("ofstream") || llvm::StringRef(ty).contains("fstream"))
      addStatement("file_write", op, {});
  }
  if (k == OO_EqualEqual && op->getNumArgs() == 2)
    analyseEquality(op, op->getArg(0), op->getArg(1));
  if (k == OO_Equal && op->getNumArgs() == 2)
    analyseAssign(op, op->getArg(0), op->getArg(1));
  return true;
}

bool BodyWalker::VisitBinaryOperator(BinaryOperator *bo) {
  switch (bo->getOpcode()) {
  case BO_Assign:
    analyseAssign(bo, bo->getLHS(), bo->getRHS());
    break;
  case BO_EQ:
    analyseEquality(bo, bo->getLHS(), bo->getRHS());
    break;
  case BO_LT:
  case BO_LE:
  case BO_GT:
  case BO_GE:
    // |a - b| <= tol: a result checked against an expected value (a correctness test).
    if (isAbsoluteDifference(bo->getLHS()) || isAbsoluteDifference(bo->getRHS()))
      addStatement("tolerance_check", bo, nullptr);
    break;
  case BO_Mul: {
    const Expr *l = strip(bo->getLHS()), *r = strip(bo->getRHS());
    // A square of a difference, (a - b) * (a - b); not (H/4) * (H/4), a size.
    const auto *lb = dyn_cast<BinaryOperator>(l);
    if (text(l) == text(r) && !text(l).empty() && !l->isEvaluatable(ctx) && !isDeviationFromMean(l) &&
        ((lb && lb->getOpcode() == BO_Sub) || anyName(l, [](llvm::StringRef n) {
           // A difference of gradients squared (libsvm's select_working_set: grad_diff * grad_diff
           // over a curvature) sizes a step; it is no error of a prediction.
           return (nameHas(n, {"diff", "err", "delta", "resid", "dist"}) || n == "d" || n == "e") &&
                  !nameHas(n, {"grad"});
         })))
      addStatement("sq_diff", bo, bo);
    break;
  }
  case BO_Sub: {
    // sq / n - mean * mean: a variance from running sums
    const auto *m = dyn_cast<BinaryOperator>(strip(bo->getRHS()));
    if (m && m->getOpcode() == BO_Mul && text(strip(m->getLHS())) == text(strip(m->getRHS())) &&
        anyName(m, [](llvm::StringRef n) { return nameHas(n, {"mean", "mu", "avg", "average"}); }))
      addStatement("variance", bo, bo);
    break;
  }
  case BO_Div: {
    // (x - mean) / std written into the data: standardisation
    const auto *num = dyn_cast<BinaryOperator>(strip(bo->getLHS()));
    if (num && num->getOpcode() == BO_Sub && inAssignmentToElement &&
        (anyName(num->getRHS(), [](llvm::StringRef n) {
           return nameHas(n, {"mean", "centre", "center", "avg", "mu", "min"});
         }) ||
         anyName(bo->getRHS(), [](llvm::StringRef n) {
           return nameHas(n, {"std", "sigma", "spread", "scale", "range", "dev", "max"});
         })))
      addStatement("normalize", bo, bo);
    if (anyName(bo->getLHS(), [](llvm::StringRef n) {
          return isLossName(n) || isCorrectCounterName(n) || nameHas(n, {"sum", "total", "acc"});
        }))
      addStatement("average", bo, bo);
    break;
  }
  default:
    break;
  }
  return true;
}

bool BodyWalker::VisitVarDecl(VarDecl *vd) {
  if (const Expr *init = vd->getInit()) {
    noteWeightCopy(vd, init);
    const Expr *e = strip(init);
    if (const auto *ce = dyn_cast<CXXFunctionalCastExpr>(e))
      e = strip(ce->getSubExpr());
    if (isa<ArraySubscriptExpr>(e) ||
        (isa<CXXOperatorCallExpr>(e) && cast<CXXOperatorCallExpr>(e)->getOperator() == OO_Subscript))
      if (vd->getType()->isIntegralOrEnumerationType())
        indexFromContainer.insert(vd);
    // int j = rand() % (i + 1): a random position (Fisher-Yates when elements swap with it).
    if (vd->getType()->isIntegralOrEnumerationType() &&
        containsCallNamed(init, [](llvm::StringRef n) {
          return n == "rand" || n == "random" || n == "lrand48" || n == "rand_r" || n == "below" ||
                 n.contains_insensitive("uniform") || n.contains_insensitive("randint");
        }))
      randomIndex.insert(vd);
    // const float *pixels = dataset.image(example): a row picked through the index.
    if (vd->getType()->isPointerType() && mentionsIndexFromContainer(init))
      indexFromContainer.insert(vd);
  }
  return true;
}

bool BodyWalker::VisitUnaryOperator(UnaryOperator *uo) {
  if (uo->isIncrementOp())
    if (anyName(uo->getSubExpr(), isCorrectCounterName))
      addStatement("count_correct", uo, uo);
  return true;
}

bool BodyWalker::VisitConditionalOperator(ConditionalOperator *co) {
  // x > 0 ? x : 0  (ReLU)
  const auto *cond = dyn_cast<BinaryOperator>(strip(co->getCond()));
  if (!cond || !cond->isComparisonOp())
    return true;
  auto isZero = [](const Expr *e) {
    e = strip(e);
    if (const auto *il = dyn_cast<IntegerLiteral>(e))
      return il->getValue() == 0;
    if (const auto *fl = dyn_cast<FloatingLiteral>(e))
      return fl->getValue().isZero();
    return false;
  };
  if ((isZero(cond->getRHS()) || isZero(cond->getLHS())) &&
      (isZero(co->getTrueExpr()) || isZero(co->getFalseExpr())))
    addStatement("relu", co, co);
  // v > 0 ? v : -v, an absolute value written out (libfann's fann_abs macro).
  const Expr *tested = isZero(cond->getRHS()) ? cond->getLHS() : isZero(cond->getLHS()) ? cond->getRHS() : nullptr;
  const auto *negated = dyn_cast<UnaryOperator>(strip(co->getFalseExpr()));
  if (!negated || negated->getOpcode() != UO_Minus)
    negated = dyn_cast<UnaryOperator>(strip(co->getTrueExpr()));
  if (tested && negated && negated->getOpcode() == UO_Minus && text(strip(tested)) == text(strip(negated->getSubExpr())) &&
      isElementDifference(tested))
    addStatement("abs_error", co, co);
  // `r = |pred - label| <= FLT_EPSILON ? 1.f : 0.f` (then `hits += r`): a row's right-or-wrong
  // as 1 or 0, the term of an accuracy. Not `i == j ? 1 : 0`, a one-hot or Kronecker delta.
  bool oneOrZero = (isOne(co->getTrueExpr()) && isZero(co->getFalseExpr())) ||
                   (isZero(co->getTrueExpr()) && isOne(co->getFalseExpr()));
  if (oneOrZero && (isAbsoluteDifference(cond->getLHS()) || isAbsoluteDifference(cond->getRHS())))
    addStatement("count_matches", co, co);
  return true;
}

bool BodyWalker::VisitReturnStmt(ReturnStmt *rs) {
  // `return -log(state.output[target]);`: the negative log-likelihood of one example (fasttext's
  // SoftmaxLoss::forward), a loss however the function is named.
  const auto *minus = dyn_cast_or_null<UnaryOperator>(rs->getRetValue() ? strip(rs->getRetValue()) : nullptr);
  const auto *call = minus && minus->getOpcode() == UO_Minus ? dyn_cast<CallExpr>(strip(minus->getSubExpr())) : nullptr;
  const FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
  if (callee && callee->getIdentifier() && call->getNumArgs() == 1 &&
      (callee->getName() == "log" || callee->getName() == "logf" || callee->getName() == "logl"))
    addStatement("nll", rs, nullptr);
  return true;
}

void BodyWalker::analyseCompound(const Expr *op, bool minus, bool plus, const Expr *lhs, const Expr *rhs) {
  if (!minus && !plus)
    return;
  bool lossTarget = anyName(lhs, isLossName);
  bool floating = isFloatingOrOpaque(lhs->getType());
  if (floating && (lossTarget || (plus && anyName(rhs, isLossName))))
    addStatement("loss_accumulate", op, lhs);
  // grad[label] -= 1: softmax minus one-hot, the cross-entropy gradient
  if (minus && floating && isOne(rhs) && anyName(lhs, isLabelName))
    addStatement("onehot_grad", op, lhs);
  if (plus && anyName(lhs, isCorrectCounterName))
    addStatement("count_correct", op, lhs);
  // `n_err += (x_max_k != t_max_k)`, `hits += pred == y`: a count of the rows where two
  // computed values differ or agree (wrong or right answers), whatever the names say.
  if (const auto *cmp = dyn_cast_or_null<BinaryOperator>(strip(rhs));
      plus && cmp && (cmp->getOpcode() == BO_EQ || cmp->getOpcode() == BO_NE) &&
      lhs->getType()->isIntegerType() && !cmp->getLHS()->isIntegerConstantExpr(ctx) &&
      !cmp->getRHS()->isIntegerConstantExpr(ctx))
    addStatement("count_matches", op, lhs);
  // A step added to or taken from an element of the weights with no product in sight:
  // RPROP-style updates (libfann's `weights[i] -= next_step`) size the step from signs.
  if (floating && !lossTarget && !containsProduct(rhs) &&
      ((isElementOrMember(lhs) && isWeightVector(lhs)) || isWeightCopy(lhs))) {
    addStatement("param_update", op, lhs);
    return;
  }
  if (!floating || (!containsProduct(rhs) && !(minus && mentionsLearningRate(rhs))))
    return;
  bool lr = mentionsLearningRate(rhs);
  // A product taken from a gradient (`cand_out_slopes[j] -= 2 * diff * activation`) accumulates
  // that gradient: backward arithmetic, not a step of the parameters. So does `q->g[i] -= t *
  // y[i] / x[i]`, a backward pass accumulating a gradient with its sign (a cross-entropy's
  // gradient) without a rate: a step is taken against the gradient.
  bool gradient = nameHas(vectorName(lhs), {"grad", "slope", "deriv", "delta"});
  // Added with a rate, a step moves the weights or follows an error or a gradient; `x[j] +=
  // alpha * c[j]` into any other vector is a scaled sum (fasttext's ProductQuantizer::addcode
  // decoding a vector from its codewords).
  bool followsAnError = isWeightVector(lhs) || containsNode(rhs, [](const Stmt *n) {
                          const auto *b = dyn_cast<BinaryOperator>(n);
                          return b && b->getOpcode() == BO_Sub;
                        }) ||
                        anyName(rhs, [](llvm::StringRef n) {
                          return looksLikeGradient(n) || nameHas(n, {"err", "diff", "resid", "loss"});
                        });
  bool updateShape = (isElementOrMember(lhs) || isWeightCopy(lhs)) && !gradient &&
                     (minus || (plus && ((lr && followsAnError) || containsUnaryMinus(rhs)))) &&
                     !(isGradientElement(lhs) && !lr);
  if (updateShape && !lossTarget) {
    addStatement("param_update", op, lhs);
    if (lr)
      addStatement("lr_update", op, lhs);
    if (containsSqrtDenominator(rhs))
      addStatement("adaptive_update", op, lhs);
  } else if (plus && !lossTarget && multipliesElements(rhs) && !nameHas(vectorName(lhs), {"step"})) {
    // Not a step being summed (`next_step += epsilon * slope`: the update's own arithmetic).
    addStatement("mac", op, lhs);
  }
}

bool BodyWalker::mentionsVariableIn(const Stmt *s, const std::set<const VarDecl *> &vars) {
  return containsNode(s, [&](const Stmt *n) {
    const auto *dre = dyn_cast<DeclRefExpr>(n);
    const auto *vd = dre ? dyn_cast<VarDecl>(dre->getDecl()) : nullptr;
    return vd && vars.count(vd);
  });
}

bool BodyWalker::indexesWithTaint(const Stmt *s) {
  return containsNode(s, [&](const Stmt *n) {
    if (const auto *as = dyn_cast<ArraySubscriptExpr>(n))
      if (mentionsIndexFromContainer(as->getIdx()))
        return true;
    if (const auto *call = dyn_cast<CallExpr>(n)) {
      unsigned first = 0;
      if (const auto *op = dyn_cast<CXXOperatorCallExpr>(call))
        first = (op->getOperator() == OO_Subscript || op->getOperator() == OO_Call) ? 1 : call->getNumArgs();
      for (unsigned i = first; i < call->getNumArgs(); ++i)
        if (mentionsIndexFromContainer(call->getArg(i)))
          return true;
    }
    return false;
  });
}

bool BodyWalker::isGather(const Expr *lhs, const Expr *rhs) {
  // A gather copies values; `loss[i] = -logf(p[target[i]])` computes one.
  if (!isElementOrMember(lhs) || containsCall(rhs))
    return false;
  if (indexesWithTaint(rhs))
    return true;
  if (!isElementOrMember(rhs))
    return false;
  // An index read from a container, or an index that is itself an element (all[idx[i]]).
  return mentionsIndexFromContainer(rhs) || containsNode(rhs, [](const Stmt *n) {
           const auto *as = dyn_cast<ArraySubscriptExpr>(n);
           return as && isa<ArraySubscriptExpr>(strip(as->getIdx()));
         });
}

bool BodyWalker::containsCall(const Stmt *s) {
  return containsNode(s, [](const Stmt *n) {
    const auto *op = dyn_cast<CXXOperatorCallExpr>(n);
    bool access = op && (op->getOperator() == OO_Call || op->getOperator() == OO_Subscript);
    return isa<CallExpr>(n) && !access && !isa<CXXMemberCallExpr>(n);
  });
}

void BodyWalker::analyseAssign(const Expr *op, const Expr *lhs, const Expr *rhs) {
  notePointerAssignment(lhs, rhs);
  if (const auto *dre = dyn_cast<DeclRefExpr>(strip(lhs)))
    noteWeightCopy(dyn_cast<VarDecl>(dre->getDecl()), rhs);
  // a[i] = a[j] with j random: the swap of a hand-written shuffle
  if (currentLoop() >= 0 && isElementOrMember(lhs) && isElementOrMember(rhs) &&
      (mentionsRandomIndex(lhs) || mentionsRandomIndex(rhs)))
    addStatement("shuffle", op, lhs);
  if (currentLoop() >= 0 && isGather(lhs, rhs))
    addStatement("gather", op, lhs);
  if (isZeroLiteral(rhs) && anyName(lhs, [](llvm::StringRef n) { return nameHas(n, {"grad"}); }))
    addStatement("zero_grad", op, lhs);
  if (!isFloatingOrOpaque(lhs->getType()))
    return;
  if (anyName(lhs, isLossName))
    addStatement("loss_value", op, lhs);
  if (!isElementOrMember(lhs))
    return;
  std::string target = text(strip(lhs));
  // w = w - lr * g   /   v = beta * v + (1 - beta) * g
  const auto *top = dyn_cast<BinaryOperator>(strip(rhs));
  if (!top || target.empty())
    return;
  std::string rhsText = text(strip(rhs));
  bool mentionsTarget = rhsText.find(target) != std::string::npos;
  if (top->getOpcode() == BO_Sub && mentionsTarget && containsProduct(top->getRHS())) {
    addStatement("param_update", op, lhs);
    if (mentionsLearningRate(rhs))
      addStatement("lr_update", op, lhs);
    if (containsSqrtDenominator(rhs))
      addStatement("adaptive_update", op, lhs);
  } else if (top->getOpcode() == BO_Add && mentionsTarget && containsProduct(top->getLHS()) &&
             containsProduct(top->getRHS())) {
    addStatement("momentum", op, lhs);
  }
}

bool BodyWalker::isAbsoluteDifference(const Expr *e) const {
  e = strip(e);
  // float diff = fabsf(a[i] - b[i]); ... diff <= tol
  if (const auto *ref = dyn_cast<DeclRefExpr>(e))
    if (const auto *var = dyn_cast<VarDecl>(ref->getDecl()); var && var->getInit() && var->isLocalVarDecl())
      e = strip(var->getInit());
  const auto *call = dyn_cast<CallExpr>(e);
  const FunctionDecl *callee = call ? call->getDirectCallee() : nullptr;
  if (!callee || call->getNumArgs() != 1 || !callee->getDeclName().isIdentifier())
    return false;
  llvm::StringRef name = callee->getName();
  if (name != "fabs" && name != "fabsf" && name != "fabsl" && name != "abs")
    return false;
  const auto *sub = dyn_cast<BinaryOperator>(strip(call->getArg(0)));
  return sub && sub->getOpcode() == BO_Sub;
}

void BodyWalker::analyseEquality(const Expr *op, const Expr *a, const Expr *b) {
  bool predA = anyName(a, isPredictionName) || containsCallNamed(a, [](llvm::StringRef n) {
                 return n.contains_insensitive("argmax") || n.contains_insensitive("predict") ||
                        n == "max_element";
               });
  bool predB = anyName(b, isPredictionName) || containsCallNamed(b, [](llvm::StringRef n) {
                 return n.contains_insensitive("argmax") || n.contains_insensitive("predict") ||
                        n == "max_element";
               });
  bool labelA = anyName(a, isLabelName), labelB = anyName(b, isLabelName);
  if ((predA && labelB) || (predB && labelA))
    addStatement("argmax_compare", op, nullptr);
}

} // namespace tourguide::indexer
