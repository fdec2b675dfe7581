// The run-wide table of SharedHeaders.h.
#include "SharedHeaders.h"

namespace tourguide::indexer {

bool SharedHeaders::likelyGivenBefore(size_t tu, llvm::StringRef file) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = files_.find(file);
  return it != files_.end() && !it->second.varies && it->second.firstClean < tu;
}

bool SharedHeaders::seenBefore(size_t tu, const HeaderView &view) const {
  auto file = seen_.find(view.file);
  if (file == seen_.end())
    return false;
  auto first = file->second.find(view.hash);
  return first != file->second.end() && first->second < tu;
}

void SharedHeaders::markGivenBefore(size_t tu, std::vector<HeaderView> &views) {
  std::lock_guard<std::mutex> lock(mutex_);
  for (HeaderView &view : views)
    view.elsewhere = seenBefore(tu, view);
}

bool SharedHeaders::givenBefore(size_t tu, const std::vector<HeaderView> &views) {
  std::unique_lock<std::mutex> lock(mutex_);
  auto allSeen = [&] {
    for (const HeaderView &view : views)
      if (view.elsewhere && !seenBefore(tu, view))
        return false;
    return true;
  };
  if (allSeen())
    return true;
  // Not yet: an earlier TU still running may see it. The earliest unfinished TU never waits
  // (every TU before it is done), and workers take TUs in order, so this ends.
  changed_.wait(lock, [&] { return firstUnfinished_ >= tu; });
  return allSeen();
}

void SharedHeaders::finish(size_t tu, const std::vector<HeaderView> &views, bool clean) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const HeaderView &view : views) {
      auto [first, fresh] = seen_[view.file].try_emplace(view.hash, tu);
      if (!fresh && tu < first->second)
        first->second = tu;
      auto [state, added] = files_.try_emplace(view.file);
      if (added)
        state->second.hash = view.hash;
      else if (state->second.hash != view.hash)
        state->second.varies = true;
      if (clean && tu < state->second.firstClean)
        state->second.firstClean = tu;
    }
    finished_[tu] = true;
    while (firstUnfinished_ < finished_.size() && finished_[firstUnfinished_])
      ++firstUnfinished_;
  }
  changed_.notify_all();
}

} // namespace tourguide::indexer
