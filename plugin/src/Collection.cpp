#include "Collection.h"

#include "OwnModules.h"
#include "StopArming.h"
#include "tourguide/values/ScalarReader.h"

#include <deque>

namespace tourguide::plugin {

/// What a collect breakpoint's callback is given. Batons outlive their collector (LLDB keeps
/// the raw pointer until the breakpoint is deleted), so they hold a weak reference and are
/// never freed (sites()): a few dozen bytes per collected series per tour start.
struct Collector::Site {
  std::weak_ptr<Collector> collector;
  size_t index = 0;
};

namespace {
std::mutex sitesMutex;
} // namespace

std::deque<std::unique_ptr<Collector::Site>> &Collector::sites() {
  // Never destroyed: a callback may still run while lldb exits.
  static auto *all = new std::deque<std::unique_ptr<Site>>();
  return *all;
}

Collector::~Collector() = default;

void Collector::place(lldb::SBTarget target, const tours::Tour &tour, DebugInfoView &view) {
  std::lock_guard<std::mutex> lock(mutex_);
  target_ = target;
  for (const tours::SeriesPlace &place : tours::seriesOf(tour)) {
    collect::SeriesSpec spec = collect::specOf(*place.collect);
    ResolvedStop r = placeStop(view, *place.anchor, kCollectBreakpointName);
    breakpoints_.push_back(r.breakpointId);
    if (!r.resolved) {
      collection_.addUnresolved(spec, r.why);
      continue;
    }
    spec.where = collect::placeText(r.file, r.line, r.function);
    size_t index = collection_.add(spec);
    Site *site;
    {
      std::lock_guard<std::mutex> guard(sitesMutex);
      site = sites().emplace_back(std::make_unique<Site>(Site{weak_from_this(), index})).get();
    }
    lldb::SBBreakpoint bp = target.FindBreakpointByID(r.breakpointId);
    bp.SetCallback(&Collector::onPass, site);
    bp.SetEnabled(true);
  }
  collection_.shareBudget();
}

lldb::SBBreakpoint Collector::breakpointOf(size_t index) const {
  if (index >= breakpoints_.size() || breakpoints_[index] == LLDB_INVALID_BREAK_ID || !target_.IsValid())
    return {};
  lldb::SBTarget target = target_;
  lldb::SBBreakpoint bp = target.FindBreakpointByID(breakpoints_[index]);
  // The user may have deleted it, or its id may have been reused: only touch our own.
  if (!bp.IsValid() || !bp.MatchesName(kCollectBreakpointName))
    return {};
  return bp;
}

size_t Collector::remove() {
  std::vector<lldb::break_id_t> ids;
  lldb::SBTarget target;
  {
    // Deleting may have to interrupt a running program: not while a callback could wait on us.
    std::lock_guard<std::mutex> lock(mutex_);
    for (size_t i = 0; i < breakpoints_.size(); ++i) {
      if (lldb::SBBreakpoint bp = breakpointOf(i); bp.IsValid())
        ids.push_back(bp.GetID());
      breakpoints_[i] = LLDB_INVALID_BREAK_ID;
    }
    target = target_;
  }
  size_t removed = 0;
  for (auto id : ids)
    removed += target.BreakpointDelete(id) ? 1 : 0;
  return removed;
}

bool Collector::programRunning() const {
  lldb::SBTarget target = target_;
  lldb::SBProcess process = target.GetProcess();
  lldb::StateType state = process.IsValid() ? process.GetState() : lldb::eStateInvalid;
  return state == lldb::eStateRunning || state == lldb::eStateStepping;
}

void Collector::enable(const std::vector<size_t> &locations) {
  for (size_t i : locations)
    if (lldb::SBBreakpoint bp = breakpointOf(i); bp.IsValid())
      bp.SetEnabled(true);
}

void Collector::resumed() {
  std::lock_guard<std::mutex> lock(mutex_);
  enable(collection_.resumed(programRunning()));
}

void Collector::stopped() {
  std::lock_guard<std::mutex> lock(mutex_);
  collection_.stopped();
}

void Collector::newRun() {
  std::lock_guard<std::mutex> lock(mutex_);
  enable(collection_.newRun());
}

std::vector<collect::CollectedSeries> Collector::series() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return collection_.series();
}

bool Collector::find(const std::string &name, collect::CollectedSeries &out) const {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto &s : collection_.series())
    if (s.spec.name == name) {
      out = s;
      return true;
    }
  return false;
}

double Collector::addedSeconds() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return collection_.addedSeconds();
}

double Collector::ownSeconds() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return collection_.ownSeconds(programRunning());
}

collect::BudgetLimits Collector::limits() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return collection_.limits();
}

bool Collector::empty() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return collection_.empty();
}

bool Collector::onPass(void *baton, lldb::SBProcess &, lldb::SBThread &thread,
                       lldb::SBBreakpointLocation &) {
  // Runs on LLDB's private state thread: nothing may escape, and the answer is always
  // "do not stop" (a collected location never stops the program).
  try {
    auto *site = static_cast<Site *>(baton);
    if (auto collector = site ? site->collector.lock() : nullptr)
      collector->pass(site->index, thread);
  } catch (...) {
  }
  return false;
}

void Collector::pass(size_t index, lldb::SBThread &thread) {
  double start = collect::steadySeconds();
  std::lock_guard<std::mutex> lock(mutex_);
  lldb::SBFrame frame;
  bool haveFrame = false;
  auto read = [&](const std::string &path, double &value, std::string &why) {
    if (!haveFrame) {
      frame = thread.GetFrameAtIndex(0);
      haveFrame = true;
    }
    return values::readScalar(frame.GetValueForVariablePath(path.c_str(), lldb::eNoDynamicValues), value, why);
  };
  collect::SeriesCollection::PassOutcome outcome = collection_.pass(index, start, read);
  if (outcome.pause) {
    if (lldb::SBBreakpoint bp = breakpointOf(index); bp.IsValid())
      bp.SetEnabled(false);
  }
  enable(outcome.rearm);
}

} // namespace tourguide::plugin
