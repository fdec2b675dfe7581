#include "FieldBranches.h"
#include "Usr.h"

#include "tourguide/idioms/AstHelpers.h"

#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"

#include <algorithm>

using namespace clang;

namespace tourguide::indexer {

namespace {

std::string sourceOf(const Expr *e, const ASTContext &ctx) {
  CharSourceRange range = CharSourceRange::getTokenRange(e->getSourceRange());
  return Lexer::getSourceText(range, ctx.getSourceManager(), ctx.getLangOpts()).trim().str();
}

const MemberExpr *fieldAccess(const Expr *e) {
  const auto *me = dyn_cast_or_null<MemberExpr>(e ? e->IgnoreParenCasts() : nullptr);
  return me && isa<FieldDecl>(me->getMemberDecl()) ? me : nullptr;
}

/// Only integer-like fields are dispatched on (an enum, an int, a bool).
bool isDispatchable(const FieldDecl *fd) { return fd->getType()->isIntegralOrEnumerationType(); }

/// What a branch can be resolved on: an integer-like field, or an integer-like parameter of
/// the function the branch is in (its callers' constants pick the branch): its key and text.
struct Dispatched {
  std::string key, text;
};
const MemberExpr *fieldCopiedInto(const VarDecl *vd);

std::optional<Dispatched> dispatchedOn(const Expr *e, const ASTContext &ctx) {
  if (const MemberExpr *me = fieldAccess(e)) {
    auto key = fieldKeyOf(e);
    if (!key || !isDispatchable(cast<FieldDecl>(me->getMemberDecl())))
      return std::nullopt;
    return Dispatched{*key, sourceOf(me, ctx)};
  }
  const auto *ref = dyn_cast_or_null<DeclRefExpr>(e ? e->IgnoreParenCasts() : nullptr);
  if (const MemberExpr *copied = ref ? fieldCopiedInto(dyn_cast<VarDecl>(ref->getDecl())) : nullptr)
    if (auto key = fieldKeyOf(copied))
      return Dispatched{*key, sourceOf(copied, ctx)};
  const auto *param = ref ? dyn_cast<ParmVarDecl>(ref->getDecl()) : nullptr;
  const auto *fn = param ? dyn_cast<FunctionDecl>(param->getDeclContext()) : nullptr;
  std::string usr = fn && param->getType()->isIntegralOrEnumerationType() ? usrOf(fn) : "";
  if (usr.empty())
    return std::nullopt;
  return Dispatched{parameterKey(usr, param->getFunctionScopeIndex()), param->getNameAsString()};
}

void addValue(std::vector<ConstantFact> &values, const ConstantFact &v) {
  if (std::none_of(values.begin(), values.end(), [&](const ConstantFact &o) { return o.value == v.value; }))
    values.push_back(v);
}

bool endsFlow(const Stmt *s) {
  if (const auto *cs = dyn_cast_or_null<CompoundStmt>(s))
    s = cs->body_empty() ? nullptr : cs->body_back();
  return s && (isa<BreakStmt>(s) || isa<ReturnStmt>(s) || isa<ContinueStmt>(s) || isa<GotoStmt>(s));
}

} // namespace

std::optional<std::string> fieldKeyOf(const Expr *e) {
  const MemberExpr *me = fieldAccess(e);
  if (!me)
    return std::nullopt;
  return fieldKeyOf(cast<FieldDecl>(me->getMemberDecl()));
}

namespace {

/// The name a record is met by in every TU: its qualified name, or its typedef's.
std::optional<std::string> recordKeyOf(const RecordDecl *record) {
  if (!record->getName().empty())
    return record->getQualifiedNameAsString();
  if (const TypedefNameDecl *td = record->getTypedefNameForAnonDecl())
    return td->getQualifiedNameAsString();
  return std::nullopt; // an anonymous member struct: no name to meet it by in other TUs
}

} // namespace

std::optional<std::string> fieldKeyOf(const FieldDecl *fd) {
  auto record = recordKeyOf(fd->getParent());
  if (!record)
    return std::nullopt;
  return *record + "::" + fd->getNameAsString();
}

std::vector<FieldWriteFact> callWrites(const CallExpr *call, const FunctionDecl *callee, const ASTContext &ctx) {
  std::vector<FieldWriteFact> out;
  unsigned line = ctx.getSourceManager().getExpansionLineNumber(call->getBeginLoc());
  auto unknown = [&](std::string key) {
    FieldWriteFact w;
    w.field = std::move(key);
    w.line = line;
    w.kind = "unknown";
    out.push_back(std::move(w));
  };
  // The buffer a reading or copying call fills.
  std::optional<unsigned> buffer;
  if (callee && callee->getIdentifier()) {
    llvm::StringRef name = callee->getName();
    if (name == "fread" || name == "memcpy" || name == "memmove" || name == "memset" ||
        (name == "read" && isa<CXXMemberCallExpr>(call)))
      buffer = 0;
    else if (name == "read" || name == "pread")
      buffer = 1;
  }
  if (buffer && *buffer < call->getNumArgs()) {
    const Expr *arg = call->getArg(*buffer)->IgnoreParenCasts();
    QualType t = arg->getType();
    const RecordDecl *record = t->isPointerType() ? t->getPointeeType()->getAsRecordDecl() : nullptr;
    if (record)
      if (auto key = recordKeyOf(record))
        unknown(*key + "::*");
  }
  // A field bound to a reference the callee may write through.
  unsigned offset = isa<CXXOperatorCallExpr>(call) && isa_and_nonnull<CXXMethodDecl>(callee) ? 1 : 0;
  for (unsigned i = 0; i < call->getNumArgs(); ++i) {
    const Expr *arg = call->getArg(i)->IgnoreParens();
    const MemberExpr *me = dyn_cast<MemberExpr>(arg);
    if (!me || !isa<FieldDecl>(me->getMemberDecl()) || !arg->isGLValue())
      continue; // passed by value: read through an lvalue-to-rvalue conversion first
    if (callee && i >= offset && i - offset < callee->getNumParams()) {
      QualType p = callee->getParamDecl(i - offset)->getType();
      if (!p->isReferenceType() || p->getPointeeType().isConstQualified())
        continue;
    }
    if (auto w = fieldInitialiser(cast<FieldDecl>(me->getMemberDecl()), nullptr, call->getBeginLoc(), {}, ctx))
      out.push_back(std::move(*w));
  }
  return out;
}

std::optional<ConstantFact> constantOf(const Expr *e, const ASTContext &ctx) {
  if (!e || e->isValueDependent() || e->isTypeDependent() || !e->getType()->isIntegralOrEnumerationType())
    return std::nullopt;
  Expr::EvalResult result;
  if (!e->EvaluateAsInt(result, ctx))
    return std::nullopt;
  const llvm::APSInt &v = result.Val.getInt();
  if (v.isSigned() ? v.getMinSignedBits() > 32 : v.getActiveBits() > 31)
    return std::nullopt;
  ConstantFact c;
  c.value = static_cast<int>(v.getExtValue());
  const Expr *bare = e->IgnoreParenImpCasts();
  c.spelling = sourceOf(bare, ctx);
  if (c.spelling.empty()) // written by a macro: the enumerator's name, or the number
    if (const auto *ref = dyn_cast<DeclRefExpr>(bare); ref && isa<EnumConstantDecl>(ref->getDecl()))
      c.spelling = ref->getDecl()->getNameAsString();
  if (c.spelling.empty())
    c.spelling = std::to_string(c.value);
  return c;
}

namespace {

/// Calls `write` for each place `vd` may change in `body`: with the value `=` gives it, or null
/// (a compound assignment, ++ or --, its address taken, a non-const reference bound to it).
/// Stops at the first `write` that returns false.
void forEachWriteOf(const VarDecl *vd, const Stmt *body, llvm::function_ref<bool(const Expr *)> write) {
  auto isVd = [&](const Expr *e) {
    const auto *ref = dyn_cast_or_null<DeclRefExpr>(e ? e->IgnoreParenImpCasts() : nullptr);
    return ref && ref->getDecl() == vd;
  };
  tourguide::idioms::containsNode(body, [&](const Stmt *n) {
    if (const auto *bo = dyn_cast<BinaryOperator>(n); bo && bo->isAssignmentOp() && isVd(bo->getLHS()))
      return !write(bo->getOpcode() == BO_Assign ? bo->getRHS() : nullptr);
    if (const auto *uo = dyn_cast<UnaryOperator>(n);
        uo && (uo->isIncrementDecrementOp() || uo->getOpcode() == UO_AddrOf) && isVd(uo->getSubExpr()))
      return !write(nullptr);
    if (const auto *call = dyn_cast<CallExpr>(n))
      if (const FunctionDecl *fd = call->getDirectCallee())
        for (unsigned i = 0; i < call->getNumArgs() && i < fd->getNumParams(); ++i) {
          QualType t = fd->getParamDecl(i)->getType();
          if (t->isReferenceType() && !t.getNonReferenceType().isConstQualified() && isVd(call->getArg(i)) &&
              !write(nullptr))
            return true;
        }
    return false;
  });
}

/// `loss_name lossName = args_->loss;` with nothing writing `lossName` after: a switch on it
/// is a switch on the field (fasttext's createLoss).
const MemberExpr *fieldCopiedInto(const VarDecl *vd) {
  const auto *fn = vd ? dyn_cast_or_null<FunctionDecl>(vd->getParentFunctionOrMethod()) : nullptr;
  if (!fn || !fn->getBody() || !vd->isLocalVarDecl() || vd->isStaticLocal() || !vd->getInit())
    return nullptr;
  const MemberExpr *field = fieldAccess(vd->getInit());
  if (!field || !isDispatchable(cast<FieldDecl>(field->getMemberDecl())))
    return nullptr;
  bool written = false;
  forEachWriteOf(vd, fn->getBody(), [&](const Expr *) { return !(written = true); });
  return written ? nullptr : field;
}

} // namespace

std::optional<std::vector<ConstantFact>> localConstants(const VarDecl *vd, const Stmt *body, const ASTContext &ctx) {
  if (!vd || !body || !vd->isLocalVarDecl() || vd->isStaticLocal() || !vd->getType()->isIntegralOrEnumerationType())
    return std::nullopt;
  std::vector<ConstantFact> values;
  bool ok = true;
  if (vd->getInit()) {
    if (auto v = constantOf(vd->getInit(), ctx))
      addValue(values, *v);
    else
      ok = false;
  }
  forEachWriteOf(vd, body, [&](const Expr *assigned) {
    auto v = assigned ? constantOf(assigned, ctx) : std::nullopt;
    if (v)
      addValue(values, *v);
    else
      ok = false;
    return ok;
  });
  if (!ok || values.empty())
    return std::nullopt;
  return values;
}

std::optional<FieldBranchFact> fieldTest(const Expr *cond, const ASTContext &ctx) {
  if (!cond)
    return std::nullopt;
  cond = cond->IgnoreParenImpCasts();
  auto bare = [&](const Expr *field, bool isZero) -> std::optional<FieldBranchFact> {
    // `if (p->flag)` / `if (!p->flag)`: a test against zero.
    auto on = dispatchedOn(field, ctx);
    if (!on)
      return std::nullopt;
    FieldBranchFact b;
    b.field = on->key;
    b.text = on->text;
    b.values.push_back({0, "0"});
    b.otherwise = !isZero;
    return b;
  };
  if (const auto *uo = dyn_cast<UnaryOperator>(cond); uo && uo->getOpcode() == UO_LNot) {
    if (auto inner = fieldTest(uo->getSubExpr(), ctx)) {
      inner->otherwise = !inner->otherwise;
      return inner;
    }
    return std::nullopt;
  }
  const auto *bo = dyn_cast<BinaryOperator>(cond);
  if (!bo)
    return bare(cond, false);
  if (bo->getOpcode() == BO_LOr || bo->getOpcode() == BO_LAnd) {
    // f == A || f == B takes A and B; f != A && f != B takes everything else.
    bool wantOtherwise = bo->getOpcode() == BO_LAnd;
    auto l = fieldTest(bo->getLHS(), ctx), r = fieldTest(bo->getRHS(), ctx);
    if (!l || !r || l->field != r->field || l->otherwise != wantOtherwise || r->otherwise != wantOtherwise)
      return std::nullopt;
    for (const ConstantFact &v : r->values)
      addValue(l->values, v);
    return l;
  }
  if (bo->getOpcode() != BO_EQ && bo->getOpcode() != BO_NE)
    return std::nullopt;
  const Expr *field = bo->getLHS(), *value = bo->getRHS();
  if (!dispatchedOn(field, ctx))
    std::swap(field, value);
  auto on = dispatchedOn(field, ctx);
  auto constant = constantOf(value, ctx);
  if (!on || !constant)
    return std::nullopt;
  FieldBranchFact b;
  b.field = on->key;
  b.text = on->text;
  b.values.push_back(*constant);
  b.otherwise = bo->getOpcode() == BO_NE;
  return b;
}

std::vector<std::optional<FieldBranchFact>> switchBranches(const SwitchStmt *s, const ASTContext &ctx) {
  std::vector<std::optional<FieldBranchFact>> out;
  auto on = dispatchedOn(s->getCond(), ctx);
  const auto *body = dyn_cast_or_null<CompoundStmt>(s->getBody());
  if (!on || !body)
    return out;
  // Every case's value; a case range or a value that is not a constant: not followed.
  std::vector<ConstantFact> all;
  unsigned labels = 0;
  for (const SwitchCase *sc = s->getSwitchCaseList(); sc; sc = sc->getNextSwitchCase()) {
    ++labels;
    if (const auto *cs = dyn_cast<CaseStmt>(sc)) {
      auto v = cs->caseStmtIsGNURange() ? std::nullopt : constantOf(cs->getLHS(), ctx);
      if (!v)
        return out;
      addValue(all, *v);
    }
  }
  FieldBranchFact current;
  current.field = on->key;
  current.text = on->text;
  bool live = false, withDefault = false;
  unsigned seen = 0;
  for (const Stmt *child : body->body()) {
    const Stmt *inner = child;
    while (const auto *sc = dyn_cast_or_null<SwitchCase>(inner)) {
      ++seen;
      live = true;
      if (const auto *cs = dyn_cast<CaseStmt>(sc))
        addValue(current.values, *constantOf(cs->getLHS(), ctx));
      else
        withDefault = true;
      inner = sc->getSubStmt();
    }
    if (!live) {
      out.emplace_back(std::nullopt);
    } else if (withDefault) {
      // default: (with the cases that fall into it) takes every value no other case names.
      FieldBranchFact b = current;
      b.values.clear();
      for (const ConstantFact &v : all)
        if (std::none_of(current.values.begin(), current.values.end(),
                         [&](const ConstantFact &o) { return o.value == v.value; }))
          b.values.push_back(v);
      b.otherwise = true;
      out.emplace_back(std::move(b));
    } else {
      out.emplace_back(current);
    }
    if (endsFlow(inner)) {
      live = withDefault = false;
      current.values.clear();
    }
  }
  if (seen != labels) // labels inside nested blocks (Duff's device): not followed
    return {};
  return out;
}

std::optional<FieldWriteFact> fieldWrite(const Expr *lhs, const Expr *rhs, const std::vector<std::string> &params,
                                         const ASTContext &ctx) {
  const MemberExpr *me = fieldAccess(lhs);
  if (!me)
    return std::nullopt;
  return fieldInitialiser(cast<FieldDecl>(me->getMemberDecl()), rhs, lhs->getBeginLoc(), params, ctx);
}

std::optional<FieldWriteFact> fieldInitialiser(const FieldDecl *fd, const Expr *rhs, SourceLocation where,
                                               const std::vector<std::string> &params, const ASTContext &ctx) {
  auto key = fieldKeyOf(fd);
  if (!key || !isDispatchable(fd))
    return std::nullopt;
  FieldWriteFact w;
  w.field = *key;
  w.line = where.isValid() ? ctx.getSourceManager().getExpansionLineNumber(where) : 0;
  w.kind = "unknown";
  if (auto c = constantOf(rhs, ctx)) {
    w.kind = "constant";
    w.value = *c;
  } else if (rhs && fieldKeyOf(rhs) == w.field) {
    w.kind = "copy"; // `copy->mode = orig->mode`: no value the field did not have
  } else if (const auto *ref = dyn_cast_or_null<DeclRefExpr>(rhs ? rhs->IgnoreParenCasts() : nullptr)) {
    if (const auto *p = dyn_cast<ParmVarDecl>(ref->getDecl())) {
      unsigned i = p->getFunctionScopeIndex();
      if (i < params.size() && params[i] == p->getNameAsString()) {
        w.kind = "parameter";
        w.parameter = static_cast<int>(i);
      }
    }
  }
  return w;
}

} // namespace tourguide::indexer
