#include "StatementPlaces.h"

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
        if (lineOf((*n)->getBeginLoc()) > endLine) {
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

} // namespace tourguide::indexer
