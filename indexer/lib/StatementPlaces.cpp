#include "StatementPlaces.h"
#include "BodyWalker.h"

#include "clang/AST/StmtCXX.h"

#include <algorithm>
#include <tuple>

using namespace clang;

namespace tourguide::indexer {

const Stmt *loopBody(const Stmt *s) {
  if (const auto *f = dyn_cast_or_null<ForStmt>(s))
    return f->getBody();
  if (const auto *w = dyn_cast_or_null<WhileStmt>(s))
    return w->getBody();
  if (const auto *d = dyn_cast_or_null<DoStmt>(s))
    return d->getBody();
  if (const auto *r = dyn_cast_or_null<CXXForRangeStmt>(s))
    return r->getBody();
  return nullptr;
}

/// Whether the compiler emits code for `s`: not `;`, not a declaration without an initialiser
/// (`int k;`). A confirming run takes a breakpoint that LLDB moves past a statement ending in
/// `;` for a statement the compiler left out, so the place after a statement is one with code.
static bool hasCode(const Stmt *s) {
  if (isa<NullStmt>(s))
    return false;
  if (const auto *ds = dyn_cast<DeclStmt>(s))
    return std::any_of(ds->decl_begin(), ds->decl_end(), [](const Decl *d) {
      const auto *vd = dyn_cast<VarDecl>(d);
      return vd && vd->hasInit();
    });
  return true;
}

StatementPlaces::StatementPlaces(const Stmt *body, const SourceManager &sm) : sm_(sm) {
  // The function's closing brace runs last (its epilogue has a line of its own).
  SourceLocation end;
  if (const auto *cs = dyn_cast_or_null<CompoundStmt>(body))
    end = cs->getRBracLoc();
  if (body)
    visit(body, end, 0, {}, false, -1);
}

unsigned StatementPlaces::lineOf(SourceLocation loc) const {
  return loc.isValid() ? sm_.getExpansionLineNumber(loc) : 0;
}

void StatementPlaces::visit(const Stmt *s, SourceLocation after, unsigned depth, const std::vector<unsigned> &blocks,
                            bool inBlock, int parent) {
  if (!s)
    return;
  Place p;
  p.parent = parent;
  std::tie(p.file, p.begin) = sm_.getDecomposedExpansionLoc(s->getBeginLoc());
  auto [endFile, endOffset] = sm_.getDecomposedExpansionLoc(s->getEndLoc());
  p.end = endOffset;
  oneFile_ = oneFile_ && endFile == p.file && (places_.empty() || p.file == places_.front().file);
  p.stmt = s;
  p.beginLine = lineOf(s->getBeginLoc());
  p.endLine = lineOf(s->getEndLoc());
  p.depth = depth;
  p.blocks = blocks;
  p.inBlock = inBlock;
  // A breakpoint on a line stops before everything on it: the place after must be a later line.
  // The body itself ends on its closing brace, which its last statement is followed by.
  if (after.isValid() && (lineOf(after) > p.endLine || depth == 0))
    p.after = after;
  places_.push_back(p);
  const int self = static_cast<int>(places_.size()) - 1;
  after = places_.back().after;
  if (const auto *cs = dyn_cast<CompoundStmt>(s)) {
    std::vector<unsigned> inner = blocks;
    inner.insert(inner.begin(), p.beginLine);
    for (auto it = cs->body_begin(); it != cs->body_end(); ++it) {
      unsigned endLine = lineOf((*it)->getEndLoc());
      SourceLocation next = after;
      for (auto n = it + 1; n != cs->body_end(); ++n)
        if (lineOf((*n)->getBeginLoc()) > endLine && hasCode(*n)) {
          next = (*n)->getBeginLoc();
          break;
        }
      visit(*it, next, depth + 1, inner, true, self);
    }
  } else if (const auto *is = dyn_cast<IfStmt>(s)) {
    visit(is->getThen(), after, depth + 1, blocks, false, self);
    visit(is->getElse(), after, depth + 1, blocks, false, self);
  } else if (const Stmt *body = loopBody(s)) {
    visit(body, SourceLocation(), depth + 1, blocks, false, self); // the body's last statement ends a pass
  } else if (const auto *sw = dyn_cast<SwitchStmt>(s)) {
    visit(sw->getBody(), after, depth + 1, blocks, false, self);
  } else if (const auto *sc = dyn_cast<SwitchCase>(s)) {
    visit(sc->getSubStmt(), after, depth + 1, blocks, false, self);
  } else if (const auto *ls = dyn_cast<LabelStmt>(s)) {
    visit(ls->getSubStmt(), after, depth + 1, blocks, false, self);
  } else if (const auto *as = dyn_cast<AttributedStmt>(s)) {
    visit(as->getSubStmt(), after, depth + 1, blocks, false, self);
  } else if (const auto *ts = dyn_cast<CXXTryStmt>(s)) {
    visit(ts->getTryBlock(), after, depth + 1, blocks, false, self);
    for (unsigned h = 0; h < ts->getNumHandlers(); ++h)
      visit(ts->getHandler(h)->getHandlerBlock(), after, depth + 1, blocks, false, self);
  }
}

const StatementPlaces::Place *StatementPlaces::enclosing(const Stmt *node) const {
  if (!node || node->getBeginLoc().isInvalid() || places_.empty())
    return nullptr;
  auto [file, offset] = sm_.getDecomposedExpansionLoc(node->getBeginLoc());
  auto holds = [&](const Place &p) { return p.stmt == node || (p.file == file && p.begin <= offset && offset <= p.end); };
  if (!oneFile_) {
    const Place *best = nullptr;
    for (const Place &p : places_)
      if ((!best || p.depth > best->depth) && holds(p))
        best = &p;
    return best;
  }
  // The last place starting at or before the node, then out through its parents: the first
  // that reaches the node is the innermost that holds it.
  auto next = std::upper_bound(places_.begin(), places_.end(), offset,
                               [](unsigned at, const Place &p) { return at < p.begin; });
  for (int i = static_cast<int>(next - places_.begin()) - 1; i >= 0; i = places_[i].parent)
    if (holds(places_[i]))
      return &places_[i];
  return nullptr;
}

namespace {

/// An expression's text without whitespace, for comparing written expressions.
std::string exprKey(const Expr *e, const ASTContext &ctx) { return tourguide::idioms::detail::key(e, ctx); }

} // namespace

// --- the body walker's facts about where the program goes after a statement ---------
void BodyWalker::setAfter(SourceLocation after, unsigned &line, std::string &text) const {
  line = lineOf(after);
  text = line ? lineText(after) : "";
}

const StatementPlaces::Place *BodyWalker::placeAfter(const Stmt *s, unsigned &line, std::string &text) const {
  const StatementPlaces::Place *p = places ? places->enclosing(s) : nullptr;
  if (!p)
    return nullptr;
  const Stmt *body = loopBody(p->stmt);
  if (body && p->stmt != s) {
    const Stmt *first = body;
    if (const auto *cs = dyn_cast<CompoundStmt>(body))
      first = cs->body_empty() ? nullptr : cs->body_front();
    if (first && lineOf(first->getBeginLoc()) > lineOf(s->getEndLoc()))
      setAfter(first->getBeginLoc(), line, text);
    return p;
  }
  setAfter(p->after, line, text);
  return p;
}

void BodyWalker::noteStoredResult(const CallExpr *call, CallFact &c) {
  const StatementPlaces::Place *p = places ? places->enclosing(call) : nullptr;
  if (!p)
    return;
  auto value = [](const Expr *e) {
    for (const Expr *before = nullptr; e && e != before;) {
      before = e;
      e = strip(e);
      if (const auto *ctor = dyn_cast<CXXConstructExpr>(e); ctor && ctor->getNumArgs() == 1)
        e = ctor->getArg(0);
    }
    return e;
  };
  std::string stored;
  if (const auto *ds = dyn_cast<DeclStmt>(p->stmt)) {
    if (ds->isSingleDecl())
      if (const auto *vd = dyn_cast<VarDecl>(ds->getSingleDecl()); vd && vd->getInit() && value(vd->getInit()) == call)
        stored = vd->getNameAsString();
  } else if (const auto *e = dyn_cast<Expr>(p->stmt)) {
    const Expr *lhs = nullptr, *rhs = nullptr;
    e = strip(e);
    if (const auto *bo = dyn_cast<BinaryOperator>(e); bo && bo->getOpcode() == BO_Assign)
      lhs = bo->getLHS(), rhs = bo->getRHS();
    else if (const auto *op = dyn_cast<CXXOperatorCallExpr>(e); op && op->getOperator() == OO_Equal && op->getNumArgs() == 2)
      lhs = op->getArg(0), rhs = op->getArg(1);
    if (lhs && value(rhs) == call)
      if (const auto *ref = dyn_cast<DeclRefExpr>(strip(lhs)); ref && isa<VarDecl>(ref->getDecl()))
        stored = ref->getDecl()->getNameAsString();
  }
  if (stored.empty())
    return;
  c.storedIn = stored;
  placeAfter(call, c.afterLine, c.afterText);
}

std::vector<std::string> BodyWalker::scalarsWritten(const Stmt *s) {
  std::vector<std::string> out;
  auto note = [&](const Expr *e) {
    if (const auto *ref = dyn_cast_or_null<DeclRefExpr>(e ? strip(e) : nullptr))
      if (const auto *vd = dyn_cast<VarDecl>(ref->getDecl()); vd && vd->getType()->isArithmeticType())
        if (std::find(out.begin(), out.end(), vd->getNameAsString()) == out.end())
          out.push_back(vd->getNameAsString());
  };
  containsNode(s, [&](const Stmt *n) {
    if (const auto *bo = dyn_cast<BinaryOperator>(n); bo && bo->isAssignmentOp())
      note(bo->getLHS());
    else if (const auto *uo = dyn_cast<UnaryOperator>(n); uo && uo->isIncrementDecrementOp())
      note(uo->getSubExpr());
    else if (const auto *ds = dyn_cast<DeclStmt>(n))
      for (const Decl *d : ds->decls())
        if (const auto *vd = dyn_cast<VarDecl>(d); vd && vd->getType()->isArithmeticType() &&
                                                   std::find(out.begin(), out.end(), vd->getNameAsString()) == out.end())
          out.push_back(vd->getNameAsString());
    return false;
  });
  return out;
}


const Expr *BodyWalker::accumulatorOf(const Stmt *full, const ASTContext &ctx) {
  const auto *e = dyn_cast_or_null<Expr>(full);
  if (!e)
    return nullptr;
  e = strip(e);
  if (const auto *ca = dyn_cast<CompoundAssignOperator>(e))
    return ca->getOpcode() == BO_AddAssign || ca->getOpcode() == BO_SubAssign ? ca->getLHS() : nullptr;
  if (const auto *uo = dyn_cast<UnaryOperator>(e))
    return uo->isIncrementDecrementOp() ? uo->getSubExpr() : nullptr;
  if (const auto *op = dyn_cast<CXXOperatorCallExpr>(e))
    return (op->getOperator() == OO_PlusEqual || op->getOperator() == OO_MinusEqual) && op->getNumArgs() == 2
               ? op->getArg(0)
               : nullptr;
  if (const auto *bo = dyn_cast<BinaryOperator>(e); bo && bo->getOpcode() == BO_Assign) {
    std::string lhs = exprKey(bo->getLHS(), ctx);
    const auto *sum = dyn_cast<BinaryOperator>(strip(bo->getRHS()));
    if (sum && (sum->getOpcode() == BO_Add || sum->getOpcode() == BO_Sub) && !lhs.empty() &&
        (exprKey(sum->getLHS(), ctx) == lhs || exprKey(sum->getRHS(), ctx) == lhs))
      return bo->getLHS();
  }
  return nullptr;
}

bool BodyWalker::sumsOver(const Stmt *loop, const Expr *acc) const {
  std::string accKey = exprKey(acc, ctx);
  std::set<const VarDecl *> vars;
  containsNode(acc, [&](const Stmt *n) {
    if (const auto *ref = dyn_cast<DeclRefExpr>(n))
      if (const auto *vd = dyn_cast<VarDecl>(ref->getDecl()))
        vars.insert(vd);
    return false;
  });
  auto [loopFile, loopBegin] = sm.getDecomposedExpansionLoc(loop->getBeginLoc());
  auto [loopEndFile, loopEnd] = sm.getDecomposedExpansionLoc(loop->getEndLoc());
  for (const VarDecl *vd : vars) {
    auto [file, at] = sm.getDecomposedExpansionLoc(vd->getLocation());
    if (file == loopFile && loopBegin <= at && at <= loopEnd)
      return false;
  }
  auto movesIndex = [&](const Expr *lhs) {
    if (exprKey(lhs, ctx) == accKey)
      return false;
    const auto *ref = dyn_cast_or_null<DeclRefExpr>(strip(lhs));
    return ref && vars.count(dyn_cast<VarDecl>(ref->getDecl()));
  };
  return !containsNode(loop, [&](const Stmt *n) {
    if (const auto *bo = dyn_cast<BinaryOperator>(n); bo && bo->isAssignmentOp()) {
      if (bo->getOpcode() == BO_Assign && exprKey(bo->getLHS(), ctx) == accKey)
        return exprKey(bo->getRHS(), ctx).find(accKey) == std::string::npos; // a reset
      return movesIndex(bo->getLHS());
    }
    if (const auto *uo = dyn_cast<UnaryOperator>(n); uo && uo->isIncrementDecrementOp())
      return movesIndex(uo->getSubExpr());
    if (const auto *op = dyn_cast<CXXOperatorCallExpr>(n); op && op->getOperator() == OO_Equal && op->getNumArgs() == 2)
      return exprKey(op->getArg(0), ctx) == accKey &&
             exprKey(op->getArg(1), ctx).find(accKey) == std::string::npos;
    return false;
  });
}

void BodyWalker::notePlace(const Stmt *s, StatementFact &f) {
  const StatementPlaces::Place *p = placeAfter(s, f.afterLine, f.afterText);
  if (!p)
    return;
  f.fullLine = p->beginLine;
  // In a loop's header the stop goes into the body: what it steps past is the header's test.
  f.fullEndLine = loopBody(p->stmt) && p->stmt != s ? lineOf(s->getEndLoc()) : p->endLine;
  f.blocks = p->blocks;
  const Expr *acc = accumulatorOf(p->stmt, ctx);
  if (!acc)
    return;
  f.accumulator = text(strip(acc));
  // From the innermost loop out, as long as each sums into the accumulator.
  for (auto l = loopStack.rbegin(); l != loopStack.rend() && sumsOver(loopNodes[*l], acc); ++l)
    f.sumLoop = *l;
}

} // namespace tourguide::indexer
