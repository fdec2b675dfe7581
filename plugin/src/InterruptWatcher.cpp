#include "InterruptWatcher.h"

#include <chrono>
#include <csignal>

namespace tourguide::plugin {

namespace {

std::atomic<bool> g_sigintSeen{false};
struct sigaction g_previousSigint;

extern "C" void noteSigint(int sig) {
  g_sigintSeen = true;
  if (g_previousSigint.sa_flags & SA_SIGINFO)
    return; // lldb's driver installs a plain handler; a siginfo one cannot be called safely here
  if (g_previousSigint.sa_handler != SIG_DFL && g_previousSigint.sa_handler != SIG_IGN &&
      g_previousSigint.sa_handler != nullptr)
    g_previousSigint.sa_handler(sig);
}

} // namespace

InterruptWatcher::InterruptWatcher(lldb::SBTarget target, double timeLimitSeconds) : target_(target) {
  if (timeLimitSeconds > 0) {
    hasDeadline_ = true;
    deadline_ = std::chrono::steady_clock::now() +
                std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(timeLimitSeconds));
  }
  g_sigintSeen = false;
  struct sigaction ours = {};
  ours.sa_handler = noteSigint;
  sigemptyset(&ours.sa_mask);
  installed_ = sigaction(SIGINT, &ours, &g_previousSigint) == 0;
  thread_ = std::thread([this] { watch(); });
}

InterruptWatcher::~InterruptWatcher() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    done_ = true;
  }
  wake_.notify_all();
  thread_.join();
  if (installed_)
    sigaction(SIGINT, &g_previousSigint, nullptr);
}

void InterruptWatcher::watch() {
  std::unique_lock<std::mutex> lock(mutex_);
  while (!done_) {
    // A signal handler cannot notify a condition variable, so the flag is polled; the
    // destructor wakes the wait at once so a finished run is not delayed.
    wake_.wait_for(lock, std::chrono::milliseconds(20));
    if (done_)
      continue;
    if (hasDeadline_ && !timedOut_ && std::chrono::steady_clock::now() >= deadline_) {
      // Only SendAsyncInterrupt: the command's thread holds the target's API lock while it
      // waits in Continue, and any other SB call on the process (GetState) would wait for it.
      lldb::SBProcess process = target_.GetProcess();
      if (process.IsValid()) {
        process.SendAsyncInterrupt();
        timedOut_ = true;
      }
      continue;
    }
    if (!g_sigintSeen)
      continue;
    g_sigintSeen = false;
    lldb::SBProcess process = target_.GetProcess();
    if (process.IsValid()) {
      process.SendAsyncInterrupt();
      interrupted_ = true;
    }
  }
}

} // namespace tourguide::plugin
