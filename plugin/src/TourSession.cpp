#include "TourSession.h"

#include "tourguide/tours/Trust.h"

#include <cctype>
#include <filesystem>

namespace tourguide::plugin {

namespace {
/// The key `drafts` files a tour under: one path however it was typed.
std::string draftKey(const std::string &file) {
  std::error_code ec;
  return std::filesystem::weakly_canonical(std::filesystem::absolute(file, ec), ec).string();
}
} // namespace

void TourSession::rememberDraft(const std::string &file, const std::string &text) { (*drafts)[draftKey(file)] = text; }

bool TourSession::isOwnDraft(const std::string &file, const std::string &text) const {
  auto it = drafts->find(draftKey(file));
  return it != drafts->end() && it->second == text;
}

int TourSession::firstPending() const {
  for (size_t i = 0; i < stops.size(); ++i)
    if (stops[i].resolved && !stops[i].reached && !stops[i].skipped)
      return static_cast<int>(i);
  return -1;
}

int TourSession::nextResolved(int from) const {
  for (int i = from < 0 ? 0 : from; i < static_cast<int>(stops.size()); ++i)
    if (stops[static_cast<size_t>(i)].resolved)
      return i;
  return -1;
}

int TourSession::findStop(const std::string &idOrNumber) const {
  if (!tour || idOrNumber.empty())
    return -1;
  for (size_t i = 0; i < tour->stops.size(); ++i)
    if (tour->stops[i].id == idOrNumber)
      return static_cast<int>(i);
  // Ids may themselves be digits ("1"); an id match above wins over a position.
  for (char c : idOrNumber)
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return -1;
  if (idOrNumber.size() > 6)
    return -1;
  int n = std::stoi(idOrNumber);
  if (n < 1 || n > static_cast<int>(tour->stops.size()))
    return -1;
  return n - 1;
}

std::string TourSession::stopIds() const {
  std::string out;
  if (!tour)
    return out;
  for (const auto &s : tour->stops) {
    if (!out.empty())
      out += ", ";
    out += s.id;
  }
  return out;
}

size_t TourSession::reachedCount() const {
  size_t n = 0;
  for (const auto &s : stops)
    n += s.reached ? 1 : 0;
  return n;
}

void TourSession::skipTo(int index) {
  for (int i = current + 1; i < index && i < static_cast<int>(stops.size()); ++i) {
    auto &stop = stops[static_cast<size_t>(i)];
    if (stop.resolved && !stop.reached)
      stop.skipped = true;
  }
}

SourceAccess TourSession::sourceAccess() const {
  SourceAccess access;
  access.trusted = trusted || !tour;
  access.compiled = compiledSources;
  if (tour)
    access.root = tours::confinedRepoRoot(*tour);
  lldb::SBTarget t = target; // the SB getters are not const
  lldb::SBFileSpec exe = t.IsValid() ? t.GetExecutable() : lldb::SBFileSpec();
  if (exe.IsValid() && exe.GetDirectory())
    access.programDir = exe.GetDirectory();
  return access;
}

void TourSession::reset() {
  tour.reset();
  stops.clear();
  target = lldb::SBTarget();
  trusted = false;
  compiledSources.reset();
  collector.reset();
  createdTarget = false;
  launchFresh = false;
  processUid = 0;
  current = -1;
  currentThread = LLDB_INVALID_THREAD_ID;
  currentPc = LLDB_INVALID_ADDRESS;
  awaited = -1;
  lastEnd = RunEnd::NotRun;
  lastEndText.clear();
  pending.reset();
  syncSeen = false;
  syncHintShown = false;
  orderGuard = nullptr;
}

} // namespace tourguide::plugin
