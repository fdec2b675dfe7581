#include "tourguide/indexer/StopPlacement.h"
#include "tourguide/indexer/Names.h"
#include "tourguide/indexer/StageRules.h"
#include "tourguide/indexer/TourDraft.h"
#include "tourguide/tours/AnchorResolution.h"
#include "tourguide/tours/TourFile.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <set>

namespace tourguide::indexer {

namespace {

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

/// Places one function's stops: where the values are computed, and where a draft's pattern finds
/// the place again.
class Placer {
public:
  Placer(const FunctionFacts &fn, const std::function<bool(int)> &mayStepPast, const std::vector<std::string> &lines)
      : fn(fn), mayStepPast(mayStepPast), lines(lines) {}

  void place(StageMatch &m) const {
    if (!m.anchorText.empty())
      placeAtStatement(m);
    else
      placeAtCall(m);
  }

private:
  /// The lines the draft's anchor finds by `text` (TourDraft.cpp: in the function, or in the
  /// file for a template), as `tour start` and `tourguide check` look for a pattern.
  std::vector<unsigned> hits(const std::string &text) const {
    return fn.isTemplate ? tours::findPattern(lines, text) : tours::findPattern(lines, text, fn.bodyBeginLine, fn.endLine);
  }

  /// Whether `text` finds `line` and no other: with more than one line, `tourguide check` warns
  /// that which occurrence the stop means is for a person to say.
  bool namesAlone(unsigned line, const std::string &text) const { return hits(text) == std::vector<unsigned>{line}; }

  /// The place to stop at `line`: there if its text names it alone in the function; else the
  /// next simple statement of the same block that does (libfann's `line++;`, three times in
  /// fann_read_train_from_fd), when the lines stepped over leave the watched values alone;
  /// else none.
  std::optional<std::pair<unsigned, std::string>> anchorable(unsigned line, const std::string &text,
                                                             const std::vector<std::string> &watch) const {
    if (lines.empty())
      return std::make_pair(line, text);
    if (namesAlone(line, text))
      return std::make_pair(line, text);
    // Whether a line may change a watched value: assigns it, steps it, or passes its address.
    auto mayChangeWatch = [&](const std::string &t) {
      auto word = [](char c) { return isalnum(static_cast<unsigned char>(c)) || c == '_'; };
      return std::any_of(watch.begin(), watch.end(), [&](const std::string &w) {
        for (size_t at = t.find(w); at != std::string::npos; at = t.find(w, at + 1)) {
          size_t e = at + w.size();
          if ((at && word(t[at - 1])) || (e < t.size() && word(t[e])))
            continue;
          std::string before = t.substr(0, at), after = t.substr(e);
          size_t b = before.find_last_not_of(' '), a = after.find_first_not_of(' ');
          char prev = b == std::string::npos ? '\0' : before[b];
          std::string next = a == std::string::npos ? "" : after.substr(a, 2);
          // b is npos when the name starts the line (`loss.backward();`): nothing stands before it.
          if (prev == '&' ||
              (b != std::string::npos && b >= 1 &&
               (before.compare(b - 1, 2, "++") == 0 || before.compare(b - 1, 2, "--") == 0)) ||
              next == "++" || next == "--" || (next.size() == 2 && next[1] == '=' && strchr("+-*/%&|^", next[0])) ||
              (!next.empty() && next[0] == '=' && next != "=="))
            return true;
        }
        return false;
      });
    };
    std::string stepped = tours::collapseWhitespace(text);
    for (unsigned l = line + 1; l <= line + 3 && l <= lines.size() && (fn.isTemplate || l <= fn.endLine); ++l) {
      if (mayChangeWatch(stepped) || stepped.empty() || stepped.back() != ';' ||
          stepped.find_first_of("{}") != std::string::npos)
        return std::nullopt;
      const std::string &next = lines[l - 1]; // collapsed: no leading or trailing spaces
      if (next.empty())
        continue;
      std::string code = next.substr(0, next.find("//"));
      code.erase(code.find_last_not_of(' ') + 1);
      if (!code.empty() && code.back() == ';' && code.find_first_of("{}") == std::string::npos &&
          !mayChangeWatch(code) && namesAlone(l, next))
        return std::make_pair(l, next);
      stepped = code;
    }
    return std::nullopt;
  }

  bool stepPastLoop(int loop, StageMatch &m, const std::string &accumulator) const {
    const LoopFact &l = fn.loops[loop];
    auto at = l.afterLine ? anchorable(l.afterLine, l.afterText, m.watch) : std::nullopt;
    if (!at)
      return false;
    m.stop = {at->first, at->second, l.line, l.endLine, true};
    // Past the loop, what it changes holds a last pass's values (a counter at its bound) or is
    // gone; the sum it filled is what the stop is for.
    std::vector<std::string> watch;
    if (isIdentifier(accumulator))
      watch.push_back(accumulator);
    for (const std::string &w : m.watch)
      if (std::find(watch.begin(), watch.end(), w) == watch.end() &&
          std::find(l.writes.begin(), l.writes.end(), w) == l.writes.end())
        watch.push_back(w);
    m.watch = watch;
    return true;
  }

  bool stepPastStatement(const StatementFact &s, StageMatch &m) const {
    auto at = s.afterLine ? anchorable(s.afterLine, s.afterText, m.watch) : std::nullopt;
    if (!at)
      return false;
    m.stop = {at->first, at->second, s.fullLine, s.fullEndLine, false};
    return true;
  }

  /// Past the first Σ loop, innermost first, that has a place after it: the sum is complete
  /// there. `after`: only a loop that runs after that statement in the same flow (a later
  /// statement of one of the blocks that hold it, not another branch).
  bool pastSum(const StatementFact &s, StageMatch &m, const StatementFact *after = nullptr) const {
    if (s.sumLoop < 0)
      return false;
    for (int l = s.loop; l >= 0 && mayStepPast(l); l = fn.loops[l].parent) {
      if (after && (fn.loops[l].line <= after->fullEndLine ||
                    std::find(after->blocks.begin(), after->blocks.end(), fn.loops[l].blockLine) == after->blocks.end()))
        return false;
      if (stepPastLoop(l, m, s.accumulator))
        return true;
      if (l == s.sumLoop)
        break;
    }
    return false;
  }

  /// Past the loop that updates the parameters (`for (i...) w[i] -= lr * g[i];`), through loops
  /// that hold nothing but it (a loop over layers around a loop over weights); else past the
  /// update statement itself.
  bool pastUpdate(const StatementFact &s, StageMatch &m) const {
    for (int l = s.loop; l >= 0 && mayStepPast(l);) {
      if (stepPastLoop(l, m, ""))
        return true;
      int parent = fn.loops[l].parent;
      if (fn.loops[l].afterLine || parent < 0 || fn.loops[parent].bodyLine != fn.loops[l].line)
        break; // the loop ends its parent's body but does not fill it: the parent does more
      l = parent;
    }
    return stepPastStatement(s, m);
  }

  void placeAtStatement(StageMatch &m) const {
    std::vector<const StatementFact *> here;
    for (const StatementFact &s : fn.statements)
      if (s.line == m.anchorLine && s.text == m.anchorText)
        here.push_back(&s);
    if (here.empty())
      return;
    for (const StatementFact *s : here)
      if (pastSum(*s, m))
        return;
    // The anchor adds to a sum outside a Σ loop (libfann's unrolled first terms before its loop
    // over the connections): the same sum's loop, later in the function, completes it.
    const StatementFact &first = *here.front();
    if (!first.target.empty() && computesValues(first.kind) && !isUpdate(first.kind))
      for (const StatementFact &s : fn.statements)
        if (s.line > m.anchorLine && s.kind == first.kind && s.accumulator == first.target && pastSum(s, m, &first))
          return;
    for (const StatementFact *s : here)
      if (isUpdate(s->kind) && pastUpdate(*s, m))
        return;
    // A sum that is not complete past its statement (declared in the loop it adds in, or reset
    // there) stays on its line; any other value is there once its statement has run.
    for (const StatementFact *s : here)
      if (computesValues(s->kind) && !isUpdate(s->kind) && s->accumulator.empty() && stepPastStatement(*s, m))
        return;
  }

  /// `loss = criterion(out, y)`, `auto out = model->forward(x)`: past the statement, the stored
  /// value is there to read.
  void placeAtCall(StageMatch &m) const {
    for (const CallFact &c : fn.calls) {
      const std::string &name = c.calleeQualifiedName.empty() ? c.calleeName : c.calleeQualifiedName;
      if (c.line != m.anchorLine || (!m.via.empty() && name != m.via) || c.storedIn.empty() || !c.afterLine)
        continue;
      std::vector<std::string> watch = m.watch;
      watch.push_back(c.storedIn);
      auto at = anchorable(c.afterLine, c.afterText, watch);
      if (!at)
        continue;
      m.stop = {at->first, at->second, c.line, c.line, false};
      if (std::find(m.watch.begin(), m.watch.end(), c.storedIn) == m.watch.end())
        m.watch.insert(m.watch.begin(), c.storedIn);
      return;
    }
  }

  const FunctionFacts &fn;
  const std::function<bool(int)> &mayStepPast;
  const std::vector<std::string> &lines;
};

} // namespace

void placeStops(const FunctionFacts &fn, std::vector<StageMatch> &matches, const std::function<bool(int)> &mayStepPast,
                const std::vector<std::string> &lines) {
  Placer placer(fn, mayStepPast, lines);
  std::set<unsigned> trainingCalls; // a framework's training loop stops at its first pass
  for (const StageMatch &m : matches)
    if (m.stage == "loop" && m.anchorLine)
      trainingCalls.insert(m.anchorLine);
  for (StageMatch &m : matches) {
    if (!m.anchorLine || m.stage == "loop" || trainingCalls.count(m.anchorLine))
      continue;
    placer.place(m);
  }
}

} // namespace tourguide::indexer
