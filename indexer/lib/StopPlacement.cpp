#include "tourguide/indexer/StopPlacement.h"
#include "tourguide/indexer/StageRules.h"

#include <algorithm>
#include <set>

namespace tourguide::indexer {

namespace {

bool isIdentifier(const std::string &s) {
  if (s.empty() || !(isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_'))
    return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

/// Statements a loop repeats over many elements, whose result is the loop's (every parameter
/// moved, every element swapped): the stop goes past that loop.
bool isUpdate(const std::string &kind) {
  return kind == "param_update" || kind == "lr_update" || kind == "adaptive_update" || kind == "momentum" ||
         kind == "shuffle";
}

/// Statements whose values only exist once they have run (a read, an assignment, a sum).
/// Not a comparison, a check, a write to a file or an open: their values are there before.
bool computesValues(const std::string &kind) {
  static const std::set<std::string> keep = {"argmax_compare", "tolerance_check", "file_write", "file_open",
                                             "push_back"};
  return !keep.count(kind);
}

void stepPastLoop(const FunctionFacts &fn, int loop, StageMatch &m, const std::string &accumulator) {
  const LoopFact &l = fn.loops[loop];
  m.stop = {l.afterLine, l.afterText, l.line, l.endLine, true};
  // Past the loop, what it changes holds a last pass's values (a counter at its bound) or is gone;
  // the sum it filled is what the stop is for.
  std::vector<std::string> watch;
  if (isIdentifier(accumulator))
    watch.push_back(accumulator);
  for (const std::string &w : m.watch)
    if (std::find(watch.begin(), watch.end(), w) == watch.end() &&
        std::find(l.writes.begin(), l.writes.end(), w) == l.writes.end())
      watch.push_back(w);
  m.watch = watch;
}

void stepPastStatement(const StatementFact &s, StageMatch &m) {
  m.stop = {s.afterLine, s.afterText, s.fullLine, s.fullEndLine, false};
}

/// Past the first Σ loop, innermost first, that has a place after it: the sum is complete there.
/// `after`: only a loop that runs after that statement in the same flow (a later statement of
/// one of the blocks that hold it, not another branch).
bool pastSum(const FunctionFacts &fn, const StatementFact &s, StageMatch &m,
             const std::function<bool(int)> &mayStepPast, const StatementFact *after = nullptr) {
  if (s.sumLoop < 0)
    return false;
  for (int l = s.loop; l >= 0 && mayStepPast(l); l = fn.loops[l].parent) {
    if (after && (fn.loops[l].line <= after->fullEndLine ||
                  std::find(after->blocks.begin(), after->blocks.end(), fn.loops[l].blockLine) == after->blocks.end()))
      return false;
    if (fn.loops[l].afterLine) {
      stepPastLoop(fn, l, m, s.accumulator);
      return true;
    }
    if (l == s.sumLoop)
      break;
  }
  return false;
}

/// Past the loop that updates the parameters (`for (i...) w[i] -= lr * g[i];`), through loops
/// that hold nothing but it (a loop over layers around a loop over weights); else past the
/// update statement itself.
bool pastUpdate(const FunctionFacts &fn, const StatementFact &s, StageMatch &m,
                const std::function<bool(int)> &mayStepPast) {
  for (int l = s.loop; l >= 0 && mayStepPast(l);) {
    if (fn.loops[l].afterLine) {
      stepPastLoop(fn, l, m, "");
      return true;
    }
    int parent = fn.loops[l].parent;
    if (parent < 0 || fn.loops[parent].bodyLine != fn.loops[l].line)
      break; // the loop ends its parent's body but does not fill it: the parent does more
    l = parent;
  }
  if (!s.afterLine)
    return false;
  stepPastStatement(s, m);
  return true;
}

void placeAtStatement(const FunctionFacts &fn, StageMatch &m, const std::function<bool(int)> &mayStepPast) {
  std::vector<const StatementFact *> here;
  for (const StatementFact &s : fn.statements)
    if (s.line == m.anchorLine && s.text == m.anchorText)
      here.push_back(&s);
  if (here.empty())
    return;
  for (const StatementFact *s : here)
    if (pastSum(fn, *s, m, mayStepPast))
      return;
  // The anchor adds to a sum outside a Σ loop (libfann's unrolled first terms before its loop
  // over the connections): the same sum's loop, later in the function, completes it.
  const StatementFact &first = *here.front();
  if (!first.target.empty() && computesValues(first.kind) && !isUpdate(first.kind))
    for (const StatementFact &s : fn.statements)
      if (s.line > m.anchorLine && s.kind == first.kind && s.accumulator == first.target &&
          pastSum(fn, s, m, mayStepPast, &first))
        return;
  for (const StatementFact *s : here)
    if (isUpdate(s->kind) && pastUpdate(fn, *s, m, mayStepPast))
      return;
  // A sum that is not complete past its statement (declared in the loop it adds in, or reset
  // there) stays on its line; any other value is there once its statement has run.
  for (const StatementFact *s : here)
    if (computesValues(s->kind) && !isUpdate(s->kind) && s->accumulator.empty() && s->afterLine) {
      stepPastStatement(*s, m);
      return;
    }
}

/// `loss = criterion(out, y)`, `auto out = model->forward(x)`: past the statement, the stored
/// value is there to read.
void placeAtCall(const FunctionFacts &fn, StageMatch &m) {
  for (const CallFact &c : fn.calls) {
    const std::string &name = c.calleeQualifiedName.empty() ? c.calleeName : c.calleeQualifiedName;
    if (c.line != m.anchorLine || (!m.via.empty() && name != m.via) || c.storedIn.empty() || !c.afterLine)
      continue;
    m.stop = {c.afterLine, c.afterText, c.line, c.line, false};
    if (std::find(m.watch.begin(), m.watch.end(), c.storedIn) == m.watch.end())
      m.watch.insert(m.watch.begin(), c.storedIn);
    return;
  }
}

} // namespace

void placeStops(const FunctionFacts &fn, std::vector<StageMatch> &matches, const std::function<bool(int)> &mayStepPast) {
  std::set<unsigned> trainingCalls; // a framework's training loop stops at its first pass
  for (const StageMatch &m : matches)
    if (m.stage == "loop" && m.anchorLine)
      trainingCalls.insert(m.anchorLine);
  for (StageMatch &m : matches) {
    if (!m.anchorLine || m.stage == "loop" || trainingCalls.count(m.anchorLine))
      continue;
    if (!m.anchorText.empty())
      placeAtStatement(fn, m, mayStepPast);
    else
      placeAtCall(fn, m);
  }
}

} // namespace tourguide::indexer
