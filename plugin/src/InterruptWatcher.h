// Ctrl-C while a synchronous Launch/Continue waits: lldb-14's interpreter only marks the running
// command as interrupted (it halts the process only when no command runs), and that mark can
// be read only on the command's own thread, which is blocked in the wait. So, for the length of
// the wait, a SIGINT handler notes the signal (then calls lldb's own handler) and a watcher
// thread halts the process, which ends the wait and gives the prompt back.
#pragma once

#include <lldb/API/LLDB.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace tourguide::plugin {

/// Lives exactly as long as one synchronous wait on `target`'s process.
class InterruptWatcher {
public:
  /// With `timeLimitSeconds` > 0 the process is also halted once that long has passed (a
  /// confirming run's time limit, `tour draft --timeout`).
  explicit InterruptWatcher(lldb::SBTarget target, double timeLimitSeconds = 0);
  ~InterruptWatcher();
  InterruptWatcher(const InterruptWatcher &) = delete;
  InterruptWatcher &operator=(const InterruptWatcher &) = delete;
  /// True when Ctrl-C halted the process during the wait.
  bool interrupted() const { return interrupted_; }
  /// True when the time limit halted the process.
  bool timedOut() const { return timedOut_; }

private:
  void watch();

  lldb::SBTarget target_;
  bool installed_ = false;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  std::atomic<bool> interrupted_{false};
  std::atomic<bool> timedOut_{false};
  std::chrono::steady_clock::time_point deadline_;
  bool hasDeadline_ = false;
  std::thread thread_;
};

} // namespace tourguide::plugin
