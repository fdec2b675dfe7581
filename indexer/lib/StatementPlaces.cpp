#include "StatementPlaces.h"

#include "clang/AST/StmtCXX.h"

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

StatementPlaces::StatementPlaces(const Stmt *body, const SourceManager &sm) : sm_(sm) {
  // The function's closing brace runs last (its epilogue has a line of its own).
  SourceLocation end;
  if (const auto *cs = dyn_cast_or_null<CompoundStmt>(body))
    end = cs->getRBracLoc();
  if (body)
    visit(body, end, 0, {}, false);
}

unsigned StatementPlaces::lineOf(SourceLocation loc) const {
  return loc.isValid() ? sm_.getExpansionLineNumber(loc) : 0;
}

void StatementPlaces::visit(const Stmt *s, SourceLocation after, unsigned depth, const std::vector<unsigned> &blocks,
                            bool inBlock) {
  if (!s)
    return;
  Place p;
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
  after = places_.back().after;
  if (const auto *cs = dyn_cast<CompoundStmt>(s)) {
    std::vector<unsigned> inner = blocks;
    inner.insert(inner.begin(), p.beginLine);
    for (auto it = cs->body_begin(); it != cs->body_end(); ++it) {
      unsigned endLine = lineOf((*it)->getEndLoc());
      SourceLocation next = after;
      for (auto n = it + 1; n != cs->body_end(); ++n)
        if (lineOf((*n)->getBeginLoc()) > endLine) {
          next = (*n)->getBeginLoc();
          break;
        }
      visit(*it, next, depth + 1, inner, true);
    }
  } else if (const auto *is = dyn_cast<IfStmt>(s)) {
    visit(is->getThen(), after, depth + 1, blocks, false);
    visit(is->getElse(), after, depth + 1, blocks, false);
  } else if (const Stmt *body = loopBody(s)) {
    visit(body, SourceLocation(), depth + 1, blocks, false); // the body's last statement ends a pass
  } else if (const auto *sw = dyn_cast<SwitchStmt>(s)) {
    visit(sw->getBody(), after, depth + 1, blocks, false);
  } else if (const auto *sc = dyn_cast<SwitchCase>(s)) {
    visit(sc->getSubStmt(), after, depth + 1, blocks, false);
  } else if (const auto *ls = dyn_cast<LabelStmt>(s)) {
    visit(ls->getSubStmt(), after, depth + 1, blocks, false);
  } else if (const auto *as = dyn_cast<AttributedStmt>(s)) {
    visit(as->getSubStmt(), after, depth + 1, blocks, false);
  } else if (const auto *ts = dyn_cast<CXXTryStmt>(s)) {
    visit(ts->getTryBlock(), after, depth + 1, blocks, false);
    for (unsigned h = 0; h < ts->getNumHandlers(); ++h)
      visit(ts->getHandler(h)->getHandlerBlock(), after, depth + 1, blocks, false);
  }
}

bool StatementPlaces::holds(const Place &p, SourceLocation loc) const {
  auto [file, offset] = sm_.getDecomposedExpansionLoc(loc);
  auto [beginFile, begin] = sm_.getDecomposedExpansionLoc(p.stmt->getBeginLoc());
  auto [endFile, end] = sm_.getDecomposedExpansionLoc(p.stmt->getEndLoc());
  return file == beginFile && file == endFile && begin <= offset && offset <= end;
}

const StatementPlaces::Place *StatementPlaces::enclosing(const Stmt *node) const {
  if (!node || node->getBeginLoc().isInvalid())
    return nullptr;
  const Place *best = nullptr;
  for (const Place &p : places_)
    if ((!best || p.depth > best->depth) && (p.stmt == node || holds(p, node->getBeginLoc())))
      best = &p;
  return best;
}

} // namespace tourguide::indexer
