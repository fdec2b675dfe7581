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

void CollectionBudget::chargePass(double callbackSeconds) {
  added_ += limits_.trapSeconds + std::max(0.0, callbackSeconds);
  ++passes_;
}

double CollectionBudget::ownSeconds(double now) const {
  double running = ranBefore_ + (runningSince_ >= 0 ? std::max(0.0, now - runningSince_) : 0.0);
  return std::max(0.0, running - added_);
}

bool CollectionBudget::allows(double now) const {
  return added_ <= limits_.maxExtra * ownSeconds(now) + limits_.allowanceSeconds;
}

} // namespace tourguide::collect
