#include "FunctionTables.h"

#include "Usr.h"

namespace tourguide::indexer {

using namespace clang;

namespace {

bool isFunctionPointer(QualType t) {
  return t->isFunctionPointerType() || t->isMemberFunctionPointerType();
}

/// The function an initialiser names (`kad_op_add`, `&kad_op_add`, a cast of either).
const FunctionDecl *functionNamed(const Expr *e) {
  if (!e)
    return nullptr;
  e = e->IgnoreParenCasts();
  if (const auto *addr = dyn_cast<UnaryOperator>(e); addr && addr->getOpcode() == UO_AddrOf)
    e = addr->getSubExpr()->IgnoreParenCasts();
  const auto *ref = dyn_cast<DeclRefExpr>(e);
  return ref ? dyn_cast<FunctionDecl>(ref->getDecl()) : nullptr;
}

} // namespace

std::optional<FunctionTableFact> functionTableOf(const VarDecl *vd, const ASTContext &ctx) {
  if (!vd->hasGlobalStorage() || !vd->getInit())
    return std::nullopt;
  const ArrayType *array = ctx.getAsArrayType(vd->getType());
  if (!array || !isFunctionPointer(array->getElementType()))
    return std::nullopt;
  // The semantic form puts each value at its index, designated (`[KAD_ADD] = f`) or not.
  const auto *list = dyn_cast<InitListExpr>(vd->getInit()->IgnoreParens());
  if (list && !list->isSemanticForm())
    list = list->getSemanticForm();
  if (!list)
    return std::nullopt;
  FunctionTableFact t;
  for (unsigned i = 0; i < list->getNumInits(); ++i)
    if (const FunctionDecl *fd = functionNamed(list->getInit(i)))
      if (std::string usr = usrOf(fd); !usr.empty())
        t.entries.emplace_back(static_cast<int>(i), std::move(usr));
  if (t.entries.empty())
    return std::nullopt;
  t.usr = usrOf(vd);
  if (t.usr.empty())
    return std::nullopt;
  t.name = vd->getNameAsString();
  return t;
}

const VarDecl *calledTable(const CallExpr *call, const Expr *&index) {
  const Expr *callee = call->getCallee()->IgnoreParenImpCasts();
  if (const auto *deref = dyn_cast<UnaryOperator>(callee); deref && deref->getOpcode() == UO_Deref)
    callee = deref->getSubExpr()->IgnoreParenImpCasts();
  const auto *element = dyn_cast<ArraySubscriptExpr>(callee);
  if (!element)
    return nullptr;
  const auto *ref = dyn_cast<DeclRefExpr>(element->getBase()->IgnoreParenImpCasts());
  const auto *vd = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr;
  if (!vd || !vd->hasGlobalStorage())
    return nullptr;
  index = element->getIdx();
  return vd;
}

} // namespace tourguide::indexer
