#include "tourguide/collect/SeriesCollection.h"

#include "tourguide/tours/TourFile.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <limits>

namespace tourguide::collect {

double steadySeconds() {
  using clock = std::chrono::steady_clock;
  return std::chrono::duration<double>(clock::now().time_since_epoch()).count();
}

BudgetLimits limitsFromEnvironment(BudgetLimits limits) {
  const char *setting = std::getenv("TOURGUIDE_COLLECT_BUDGET");
  if (setting && std::string(setting) == "off")
    limits.allowanceSeconds = std::numeric_limits<double>::infinity();
  return limits;
}

SeriesSpec specOf(const tours::Collect &c) {
  SeriesSpec spec;
  spec.name = c.name;
  spec.label = c.label;
  spec.expr = c.expr;
  spec.xExpr = c.x;
  spec.every = c.every ? c.every : 1;
  return spec;
}

std::string placeText(const std::string &file, unsigned line, const std::string &function) {
  std::string name = std::filesystem::path(file).filename().string();
  std::string shortFunction = function.substr(0, function.find('('));
  return name + ":" + std::to_string(line) + (shortFunction.empty() ? "" : " in " + shortFunction);
}

size_t SeriesCollection::add(SeriesSpec spec) {
  series_.emplace_back(std::move(spec));
  return series_.size() - 1;
}

size_t SeriesCollection::addUnresolved(SeriesSpec spec, std::string why) {
  size_t index = add(std::move(spec));
  series_[index].resolved = false;
  series_[index].why = std::move(why);
  return index;
}

void SeriesCollection::shareBudget() {
  budget_ = CollectionBudget(limitsFromEnvironment(budget_.limits()), series_.size());
}

SeriesCollection::PassOutcome SeriesCollection::pass(size_t index, double start, const ReadValue &read) {
  PassOutcome outcome;
  if (index >= series_.size())
    return outcome;
  CollectedSeries &s = series_[index];
  // A pass while the plugin thinks the program is stopped: the user resumed it with their own
  // `continue`. Its running time counts from here (the time before the first pass is lost,
  // which only makes the budget stricter).
  if (!budget_.running())
    budget_.resumed(start);
  if (s.countPass()) {
    double y = 0, x = 0;
    std::string why;
    // Only variable paths: an expression here would run the program inside a callback.
    if (!tours::isVariablePath(s.spec.expr)) {
      s.fail("'" + s.spec.expr + "' is not a variable path; collect reads variables only");
    } else if (!read(s.spec.expr, y, why)) {
      s.fail("'" + s.spec.expr + "' " + why);
    } else if (!s.spec.xExpr.empty() && !read(s.spec.xExpr, x, why)) {
      s.fail("x '" + s.spec.xExpr + "' " + why);
    } else {
      s.add(y, !s.spec.xExpr.empty(), x);
    }
  }
  double now = clock_();
  lastPass_ = now;
  // The first read at a location makes LLDB parse the function's variables (collect.c's main:
  // 15 ms in lldb-15, 57 ms in lldb-16 here), a one-time cost plain lldb pays on its first
  // `frame variable` too, not a slowdown per pass: that pass is charged its trap only, or a
  // series of a short program would be paused after one point in lldb-16.
  budget_.chargePass(index, s.passes <= 1 ? 0.0 : now - start);
  if (!budget_.allows(index, now)) {
    s.paused = true;
    ++s.pauses;
    outcome.pause = true;
  } else {
    outcome.rearm = rearm(now);
  }
  return outcome;
}

std::vector<size_t> SeriesCollection::resumed(bool programRunning) {
  double now = clock_();
  settleClock(programRunning); // a no-op unless the user ran the program with their own `continue`
  std::vector<size_t> armed = rearm(now);
  budget_.resumed(now);
  return armed;
}

void SeriesCollection::stopped() { budget_.stopped(clock_()); }

std::vector<size_t> SeriesCollection::newRun() {
  // The locations paused in the last run have their breakpoints disabled: hand them back to be
  // enabled before clear() forgets that they were paused. The fresh budget owes nothing for them.
  std::vector<size_t> paused;
  for (size_t i = 0; i < series_.size(); ++i) {
    if (series_[i].paused)
      paused.push_back(i);
    series_[i].clear();
  }
  budget_ = CollectionBudget(budget_.limits(), series_.size());
  lastPass_ = -1;
  return paused;
}

void SeriesCollection::settleClock(bool programRunning) {
  if (!budget_.running() || programRunning)
    return;
  budget_.stopped(lastPass_ >= 0 ? lastPass_ : clock_());
}

double SeriesCollection::ownSeconds(bool programRunning) {
  settleClock(programRunning);
  return budget_.ownSeconds(clock_());
}

std::vector<size_t> SeriesCollection::rearm(double now) {
  std::vector<size_t> armed;
  for (size_t i = 0; i < series_.size(); ++i) {
    if (!series_[i].paused || !budget_.allows(i, now))
      continue;
    budget_.chargeRearm(i);
    series_[i].paused = false;
    armed.push_back(i);
  }
  return armed;
}

} // namespace tourguide::collect
