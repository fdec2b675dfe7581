#include "tourguide/confirm/CandidateBreakpoints.h"
#include "tourguide/confirm/LineInFunction.h"

#include "tourguide/tours/Files.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>

namespace tourguide::confirm {

namespace {

std::string trim(const std::string &s) {
  size_t b = s.find_first_not_of(" \t\r\n"), e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string withoutSpaces(const std::string &s) {
  std::string out;
  for (char c : s)
    if (!isspace(static_cast<unsigned char>(c)))
      out += c;
  return out;
}

bool isIdentifier(const std::string &s) {
  if (s.empty() || isdigit(static_cast<unsigned char>(s[0])))
    return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return isalnum(static_cast<unsigned char>(c)) || c == '_'; });
}

bool isInteger(const std::string &s, long long &value) {
  if (s.empty())
    return false;
  char *end = nullptr;
  value = std::strtoll(s.c_str(), &end, 0);
  // 10, 0x10, 10u, 10UL
  while (*end == 'u' || *end == 'U' || *end == 'l' || *end == 'L')
    ++end;
  return *end == '\0';
}

/// A path LLDB reads without running code: identifiers joined by '.', '->' and constant
/// subscripts ("cfg.epochs", "net->n", "sizes[0]").
bool isVariablePath(const std::string &s) {
  if (s.empty() || !(isalpha(static_cast<unsigned char>(s[0])) || s[0] == '_'))
    return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '[' || c == ']')
      continue;
    if (c == '-' && i + 1 < s.size() && s[i + 1] == '>') {
      ++i;
      continue;
    }
    return false;
  }
  return true;
}

/// The step of an increment expression on `counter`: "++e", "e++", "e += 2", "e = e + 1".
std::optional<long long> stepOf(const std::string &increment, const std::string &counter) {
  std::string s = withoutSpaces(increment);
  if (s == "++" + counter || s == counter + "++")
    return 1;
  if (s == "--" + counter || s == counter + "--")
    return -1;
  long long k = 0;
  for (const char *op : {"+=", "-="})
    if (s.compare(0, counter.size() + 2, counter + op) == 0 && isInteger(s.substr(counter.size() + 2), k) && k > 0)
      return op[0] == '+' ? k : -k;
  for (const char *op : {"+", "-"}) {
    std::string head = counter + "=" + counter + op;
    if (s.compare(0, head.size(), head) == 0 && isInteger(s.substr(head.size()), k) && k > 0)
      return op[0] == '+' ? k : -k;
  }
  return std::nullopt;
}

} // namespace

std::optional<LoopHeader> parseLoopHeader(const std::string &text) {
  // The for's parentheses, then its three parts at depth 0.
  size_t at = text.find("for");
  while (at != std::string::npos && ((at > 0 && (isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_')) ||
                                     (at + 3 < text.size() && (isalnum(static_cast<unsigned char>(text[at + 3])) || text[at + 3] == '_'))))
    at = text.find("for", at + 1);
  if (at == std::string::npos)
    return std::nullopt;
  size_t open = text.find_first_not_of(" \t", at + 3);
  if (open == std::string::npos || text[open] != '(')
    return std::nullopt;
  std::vector<std::string> parts(1);
  int depth = 0;
  size_t i = open + 1;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (c == '(' || c == '[' || c == '{')
      ++depth;
    else if ((c == ')' || c == ']' || c == '}') && depth-- == 0)
      break;
    if (c == ';' && depth == 0)
      parts.emplace_back();
    else
      parts.back() += c;
  }
  if (i == text.size() || parts.size() != 3)
    return std::nullopt; // unbalanced, or a range-based for
  std::string cond = trim(parts[1]);
  // The comparison: the first of <=, >=, !=, <, > that is not part of <<, >>, ->.
  size_t opAt = std::string::npos;
  std::string op;
  for (size_t k = 0; k < cond.size() && opAt == std::string::npos; ++k) {
    char c = cond[k], next = k + 1 < cond.size() ? cond[k + 1] : '\0';
    char prev = k ? cond[k - 1] : '\0';
    if ((c == '<' || c == '>' || c == '!') && next == '=') {
      opAt = k;
      op = std::string(1, c) + "=";
    } else if ((c == '<' || c == '>') && next != c && prev != c && !(c == '>' && prev == '-')) {
      opAt = k;
      op = std::string(1, c);
    }
  }
  if (opAt == std::string::npos || op == "!=")
    return std::nullopt;
  std::string left = withoutSpaces(cond.substr(0, opAt)), right = withoutSpaces(cond.substr(opAt + op.size()));
  LoopHeader h;
  bool up = op[0] == '<';
  if (isIdentifier(left)) {
    h.counter = left;
    h.bound = right;
  } else if (isIdentifier(right)) {
    h.counter = right;
    h.bound = left;
    up = !up; // "n > e" is "e < n"
  } else {
    return std::nullopt;
  }
  long long literal = 0;
  if (!isVariablePath(h.bound) && !isInteger(h.bound, literal))
    return std::nullopt;
  auto step = stepOf(parts[2], h.counter);
  if (!step || (*step > 0) != up)
    return std::nullopt;
  h.step = *step;
  h.inclusive = op.size() == 2;
  return h;
}

CandidateBreakpoints::CandidateBreakpoints(lldb::SBTarget target, const std::vector<indexer::Finding> &findings,
                                           const lldb::SBFileSpecList &modules, const char *name)
    : target_(target), findings_(findings), modules_(modules), name_(name) {
  for (size_t i = 0; i < findings_.size(); ++i) {
    const indexer::Finding &f = findings_[i];
    if (!place(f.anchorLine ? f.file : f.function, f.anchorLine, i, byBreakpoint_)) {
      notPlaced_.emplace_back(i, "LLDB could not place a breakpoint there");
      continue;
    }
    placed_.push_back(i);
    // Template instances have other names in the debugger; their anchor is by file. A loop or a
    // framework call site is its line: the function's entry does not stand in for it.
    if (f.anchorLine && !f.inTemplate && f.stage != "loop" && f.via.empty())
      place(f.function, 0, i, byEntry_);
  }
}

bool CandidateBreakpoints::place(const std::string &where, unsigned line, size_t finding,
                                 std::map<lldb::break_id_t, std::vector<size_t>> &into) {
  std::pair<std::string, unsigned> key{where, line};
  auto known = byPlace_.find(key);
  if (known != byPlace_.end()) {
    into[known->second].push_back(finding);
    return true;
  }
  lldb::SBBreakpoint bp;
  const indexer::Finding &f = findings_[finding];
  if (line && isHeaderFile(where) && !f.inTemplate) {
    // Through its function (LineInFunction.h: lldb-14 crashes on some headers' file and line).
    // A function not loaded yet has no address: no breakpoint, rather than a risky pending one.
    lldb::SBAddress at = lineAddressInFunctionNamed(target_, modules_, f.function, where, line);
    if (!at.IsValid())
      return false;
    bp = target_.BreakpointCreateBySBAddress(at);
  } else if (modules_.GetSize() == 0) {
    // No module list: a breakpoint with no location yet stays pending, for code in a shared
    // library the program loads later (dlopen).
    bp = line ? target_.BreakpointCreateByLocation(where.c_str(), line) : target_.BreakpointCreateByName(where.c_str());
  } else {
    lldb::SBFileSpecList modules = modules_, noCompUnits; // the SB calls take non-const references
    bp = line ? target_.BreakpointCreateByLocation(lldb::SBFileSpec(where.c_str(), false), line, 0, 0, modules)
              : target_.BreakpointCreateByName(where.c_str(), lldb::eFunctionNameTypeAuto, modules, noCompUnits);
  }
  if (!bp.IsValid())
    return false;
  if (name_)
    bp.AddName(name_);
  all_.push_back(bp.GetID());
  byPlace_[key] = bp.GetID();
  into[bp.GetID()].push_back(finding);
  return true;
}

void CandidateBreakpoints::readLoop(size_t finding, lldb::SBFrame frame, Reached &r) {
  const indexer::Finding &f = findings_[finding];
  auto source = sources_.find(f.file);
  if (source == sources_.end())
    source = sources_.emplace(f.file, tours::readLines(f.file).value_or(std::vector<std::string>{})).first;
  const std::vector<std::string> &lines = source->second;
  // A header may span a few lines.
  std::string header;
  for (unsigned l = f.line; l && l <= lines.size() && l < f.line + 3; ++l)
    header += lines[l - 1] + " ";
  std::optional<LoopHeader> h = parseLoopHeader(header);
  if (!h)
    return;
  lldb::SBValue counter = frame.GetValueForVariablePath(h->counter.c_str(), lldb::eDynamicDontRunTarget);
  lldb::SBError error;
  long long first = counter.IsValid() ? counter.GetValueAsSigned(error, 0) : 0;
  if (!counter.IsValid() || error.Fail() || counter.GetError().Fail())
    return;
  r.passes.counter = h->counter;
  r.passes.first = first;
  long long bound = 0;
  if (!isInteger(h->bound, bound)) {
    lldb::SBValue b = frame.GetValueForVariablePath(h->bound.c_str(), lldb::eDynamicDontRunTarget);
    lldb::SBError berror;
    bound = b.IsValid() ? b.GetValueAsSigned(berror, 0) : 0;
    if (!b.IsValid() || berror.Fail() || b.GetError().Fail())
      return;
    r.passes.bound = h->bound + " = " + std::to_string(bound);
  } else {
    r.passes.bound = h->bound;
  }
  long long span = (h->step > 0 ? bound - first : first - bound) + (h->inclusive ? 1 : 0);
  long long step = h->step > 0 ? h->step : -h->step;
  r.passes.planned = span <= 0 ? 0 : (span + step - 1) / step;
}

void CandidateBreakpoints::seeLoops(lldb::SBThread thread) {
  // Later stops inside a reached loop read its counter in the loop's frame: passes seen so far,
  // at no extra trap.
  for (Reached &r : reached_) {
    const indexer::Finding &f = findings_[r.finding];
    if (r.passes.counter.empty() || !f.functionBegin || !f.functionEnd)
      continue;
    for (uint32_t k = 0; k < thread.GetNumFrames() && k < 64; ++k) {
      lldb::SBFrame frame = thread.GetFrameAtIndex(k);
      lldb::SBLineEntry line = frame.GetLineEntry();
      const char *file = line.IsValid() ? line.GetFileSpec().GetFilename() : nullptr;
      if (!file || f.file.size() < strlen(file) || f.file.compare(f.file.size() - strlen(file), std::string::npos, file) != 0 ||
          line.GetLine() < f.functionBegin || line.GetLine() > f.functionEnd)
        continue;
      lldb::SBValue v = frame.GetValueForVariablePath(r.passes.counter.c_str(), lldb::eDynamicDontRunTarget);
      lldb::SBError error;
      long long now = v.IsValid() ? v.GetValueAsSigned(error, 0) : 0;
      if (v.IsValid() && !error.Fail() && !v.GetError().Fail())
        r.passes.seen = std::max(r.passes.seen, (now >= r.passes.first ? now - r.passes.first : r.passes.first - now) + 1);
      break;
    }
  }
}

bool CandidateBreakpoints::recordStop(lldb::SBProcess process, double seconds) {
  bool ours = false;
  for (uint32_t t = 0; t < process.GetNumThreads(); ++t) {
    lldb::SBThread thread = process.GetThreadAtIndex(t);
    if (thread.GetStopReason() != lldb::eStopReasonBreakpoint || thread.GetStopReasonDataCount() < 1)
      continue;
    auto id = static_cast<lldb::break_id_t>(thread.GetStopReasonDataAtIndex(0));
    bool wasOurs = false;
    if (auto e = byEntry_.find(id); e != byEntry_.end()) {
      wasOurs = true;
      for (size_t i : e->second)
        if (!entered_.count(i)) {
          Reached r;
          r.finding = i;
          r.order = ++order_;
          r.seconds = seconds;
          r.atEntry = true;
          entered_[i] = r;
        }
      byEntry_.erase(e);
    }
    auto it = byBreakpoint_.find(id);
    if (it == byBreakpoint_.end()) {
      if (wasOurs) {
        ours = true;
        target_.FindBreakpointByID(id).SetEnabled(false);
      }
      continue;
    }
    ours = true;
    seeLoops(thread);
    ++order_;
    for (size_t i : it->second) {
      Reached r;
      r.finding = i;
      r.order = order_;
      r.seconds = seconds;
      const indexer::Finding &f = findings_[i];
      lldb::SBFrame frame = thread.GetFrameAtIndex(0);
      for (const std::string &w : f.watch) {
        // Read as a stop would, without running code in the program.
        lldb::SBValue v = frame.GetValueForVariablePath(w.c_str(), lldb::eDynamicDontRunTarget);
        bool readable = v.IsValid() && !v.GetError().Fail() && (v.GetValue() || v.GetNumChildren() > 0);
        if (!readable)
          r.unreadable.push_back(w);
        else if (f.stage == "loop" && r.counter.empty() && v.GetValue())
          r.counter = w + " = " + v.GetValue();
      }
      if (f.stage == "loop")
        readLoop(i, frame, r);
      reached_.push_back(r);
    }
    // Each candidate traps once: disabled (not one-shot, whose stop no longer names it).
    target_.FindBreakpointByID(it->first).SetEnabled(false);
    byBreakpoint_.erase(it);
  }
  return ours;
}

void CandidateBreakpoints::finish(RunResult &result) {
  result.reached = reached_;
  // Functions the run entered whose anchor line it never reached: stops at their entry.
  for (auto &[i, r] : entered_)
    if (std::none_of(result.reached.begin(), result.reached.end(), [&](const Reached &x) { return x.finding == i; }))
      result.reached.push_back(r);
  std::stable_sort(result.reached.begin(), result.reached.end(),
                   [](const Reached &a, const Reached &b) { return a.order < b.order; });
  result.placed = placed_;
  result.notPlaced = notPlaced_;
  // Breakpoints that never found code, in the program or in any library it loaded.
  for (const auto &[id, indices] : byBreakpoint_)
    if (target_.FindBreakpointByID(id).GetNumLocations() == 0)
      for (size_t i : indices) {
        const indexer::Finding &f = findings_[i];
        result.notPlaced.emplace_back(i, "no code at " +
                                             (f.anchorLine ? f.file + ":" + std::to_string(f.anchorLine) : f.function) +
                                             " in this build");
        result.placed.erase(std::remove(result.placed.begin(), result.placed.end(), i), result.placed.end());
      }
}

void CandidateBreakpoints::remove() {
  for (lldb::break_id_t id : all_)
    target_.BreakpointDelete(id);
  all_.clear();
}

} // namespace tourguide::confirm
