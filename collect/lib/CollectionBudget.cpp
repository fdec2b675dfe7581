#include "tourguide/collect/CollectionBudget.h"

#include <algorithm>

namespace tourguide::collect {

void CollectionBudget::resumed(double now) {
  if (runningSince_ < 0)
    runningSince_ = now;
}

void CollectionBudget::stopped(double now) {
  if (runningSince_ >= 0)
    ranBefore_ += std::max(0.0, now - runningSince_);
  runningSince_ = -1;
}

void CollectionBudget::chargePass(size_t location, double callbackSeconds) {
  if (location >= added_.size())
    return;
  added_[location] += limits_.trapSeconds + std::max(0.0, callbackSeconds);
  ++passes_;
}

void CollectionBudget::chargeRearm(size_t location) {
  if (location < added_.size())
    added_[location] += limits_.trapSeconds;
}

double CollectionBudget::addedSeconds() const {
  double total = 0;
  for (double a : added_)
    total += a;
  return total;
}

double CollectionBudget::ownSeconds(double now) const {
  double running = ranBefore_ + (runningSince_ >= 0 ? std::max(0.0, now - runningSince_) : 0.0);
  return std::max(0.0, running - addedSeconds());
}

bool CollectionBudget::allows(size_t location, double now) const {
  if (location >= added_.size())
    return false;
  double share = (limits_.maxExtra * ownSeconds(now) + limits_.allowanceSeconds) / static_cast<double>(added_.size());
  return added_[location] <= share;
}

} // namespace tourguide::collect
