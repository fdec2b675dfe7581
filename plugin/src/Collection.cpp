#include "Collection.h"

#include "OwnModules.h"
#include "StopArming.h"
#include "tourguide/tours/TourFile.h"
#include "tourguide/values/ScalarReader.h"

#include <chrono>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <limits>

namespace tourguide::plugin {

namespace {

double nowSeconds() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

/// TOURGUIDE_COLLECT_BUDGET=off (for bench/live, which measures the unbounded cost): never pause.
collect::BudgetLimits limitsFromEnvironment(collect::BudgetLimits limits) {
  const char *setting = std::getenv("TOURGUIDE_COLLECT_BUDGET");
  if (setting && std::string(setting) == "off")
    limits.allowanceSeconds = std::numeric_limits<double>::infinity();
  return limits;
}

/// "train.c:116 in main".
std::string whereText(const ResolvedStop &r) {
  std::string file = std::filesystem::path(r.file).filename().string();
  // "Trainer::train_epoch(data::DataLoader &)" -> "Trainer::train_epoch": the line says enough.
  std::string function = r.function.substr(0, r.function.find('('));
  return file + ":" + std::to_string(r.line) + (function.empty() ? "" : " in " + function);
}

} // namespace

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
    const tours::Collect &c = *place.collect;
    collect::SeriesSpec spec;
    spec.name = c.name;
    spec.label = c.label;
    spec.expr = c.expr;
    spec.xExpr = c.x;
    spec.every = c.every ? c.every : 1;
    ResolvedStop r = placeStop(view, *place.anchor, kCollectBreakpointName);
    if (r.resolved)
      spec.where = whereText(r);
    series_.emplace_back(spec);
    breakpoints_.push_back(r.breakpointId);
    if (!r.resolved) {
      series_.back().resolved = false;
      series_.back().why = r.why;
      continue;
    }
    Site *site;
    {
      std::lock_guard<std::mutex> guard(sitesMutex);
      site = sites().emplace_back(std::make_unique<Site>(Site{weak_from_this(), series_.size() - 1})).get();
    }
    lldb::SBBreakpoint bp = target.FindBreakpointByID(r.breakpointId);
    bp.SetCallback(&Collector::onPass, site);
    bp.SetEnabled(true);
  }
  // Each location gets its share of the slowdown bound (CollectionBudget.h).
  budget_ = collect::CollectionBudget(limitsFromEnvironment(budget_.limits()), series_.size());
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

void Collector::settleClockLocked() const {
  if (!budget_.running())
    return;
  lldb::SBTarget target = target_;
  lldb::SBProcess process = target.GetProcess();
  lldb::StateType state = process.IsValid() ? process.GetState() : lldb::eStateInvalid;
  if (state == lldb::eStateRunning || state == lldb::eStateStepping)
    return;
  budget_.stopped(lastPass_ >= 0 ? lastPass_ : nowSeconds());
}

void Collector::resumed() {
  std::lock_guard<std::mutex> lock(mutex_);
  double now = nowSeconds();
  settleClockLocked(); // a no-op unless the user ran the program with their own `continue`
  rearmLocked(now);
  budget_.resumed(now);
}

void Collector::stopped() {
  std::lock_guard<std::mutex> lock(mutex_);
  budget_.stopped(nowSeconds());
}

void Collector::newRun() {
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto &s : series_)
    s.clear();
  budget_ = collect::CollectionBudget(budget_.limits(), series_.size());
  lastPass_ = -1;
  rearmLocked(nowSeconds());
}

void Collector::rearmLocked(double now) {
  for (size_t i = 0; i < series_.size(); ++i) {
    if (!series_[i].paused || !budget_.allows(i, now))
      continue;
    lldb::SBBreakpoint bp = breakpointOf(i);
    if (bp.IsValid())
      bp.SetEnabled(true);
    budget_.chargeRearm(i);
    series_[i].paused = false;
  }
}

std::vector<collect::CollectedSeries> Collector::series() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return series_;
}

bool Collector::find(const std::string &name, collect::CollectedSeries &out) const {
  std::lock_guard<std::mutex> lock(mutex_);
  for (const auto &s : series_)
    if (s.spec.name == name) {
      out = s;
      return true;
    }
  return false;
}

double Collector::addedSeconds() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return budget_.addedSeconds();
}

double Collector::ownSeconds() const {
  std::lock_guard<std::mutex> lock(mutex_);
  settleClockLocked();
  return budget_.ownSeconds(nowSeconds());
}

collect::BudgetLimits Collector::limits() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return budget_.limits();
}

bool Collector::empty() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return series_.empty();
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
  double start = nowSeconds();
  std::lock_guard<std::mutex> lock(mutex_);
  if (index >= series_.size())
    return;
  collect::CollectedSeries &s = series_[index];
  // A pass while the plugin thinks the program is stopped: the user resumed it with their own
  // `continue`. Its running time counts from here (the time before the first pass is lost,
  // which only makes the budget stricter).
  if (!budget_.running())
    budget_.resumed(start);
  if (s.countPass()) {
    lldb::SBFrame frame = thread.GetFrameAtIndex(0);
    double y = 0, x = 0;
    std::string why;
    // Only variable paths: an expression here would run the program inside a callback.
    if (!tours::isVariablePath(s.spec.expr)) {
      s.fail("'" + s.spec.expr + "' is not a variable path; collect reads variables only");
    } else if (!values::readScalar(frame.GetValueForVariablePath(s.spec.expr.c_str(), lldb::eNoDynamicValues), y, why)) {
      s.fail("'" + s.spec.expr + "' " + why);
    } else if (!s.spec.xExpr.empty() &&
               !values::readScalar(frame.GetValueForVariablePath(s.spec.xExpr.c_str(), lldb::eNoDynamicValues), x, why)) {
      s.fail("x '" + s.spec.xExpr + "' " + why);
    } else {
      s.add(y, !s.spec.xExpr.empty(), x);
    }
  }
  double now = nowSeconds();
  lastPass_ = now;
  // The first read at a location makes LLDB parse the function's variables (collect.c's main:
  // 15 ms in lldb-15, 57 ms in lldb-16 here), a one-time cost plain lldb pays on its first
  // `frame variable` too, not a slowdown per pass: that pass is charged its trap only, or a
  // series of a short program would be paused after one point in lldb-16.
  budget_.chargePass(index, s.passes <= 1 ? 0.0 : now - start);
  if (!budget_.allows(index, now)) {
    lldb::SBBreakpoint bp = breakpointOf(index);
    if (bp.IsValid())
      bp.SetEnabled(false);
    s.paused = true;
    ++s.pauses;
  } else {
    rearmLocked(now);
  }
}

} // namespace tourguide::plugin
