#include "ProcessControl.h"

#include "Collection.h"
#include "InterruptWatcher.h"
#include "OwnModules.h"
#include "StopArming.h"
#include "tourguide/tours/TourFile.h"

#include <chrono>
#include <csignal>
#include <thread>

namespace tourguide::plugin {

namespace {

bool isAlive(lldb::StateType s) {
  switch (s) {
  case lldb::eStateStopped:
  case lldb::eStateSuspended:
  case lldb::eStateCrashed:
  case lldb::eStateRunning:
  case lldb::eStateStepping:
  case lldb::eStateLaunching:
  case lldb::eStateAttaching:
    return true;
  default:
    return false;
  }
}

std::string stopDescription(lldb::SBThread thread) {
  char buf[256] = {0};
  thread.GetStopDescription(buf, sizeof buf);
  std::string where;
  lldb::SBFrame frame = thread.GetFrameAtIndex(0);
  lldb::SBLineEntry entry = frame.GetLineEntry();
  if (entry.IsValid() && entry.GetFileSpec().GetFilename())
    where = std::string(entry.GetFileSpec().GetFilename()) + ":" + std::to_string(entry.GetLine());
  else if (frame.GetFunctionName())
    where = frame.GetFunctionName();
  std::string text = "stopped";
  if (!where.empty())
    text += " at " + where;
  if (buf[0])
    text += std::string(" (") + buf + ")";
  return text;
}

bool isCrash(lldb::SBThread thread) {
  if (thread.GetStopReason() == lldb::eStopReasonException)
    return true;
  if (thread.GetStopReason() != lldb::eStopReasonSignal || thread.GetStopReasonDataCount() < 1)
    return false;
  auto sig = static_cast<int>(thread.GetStopReasonDataAtIndex(0));
  return sig == SIGSEGV || sig == SIGBUS || sig == SIGFPE || sig == SIGILL || sig == SIGABRT;
}

lldb::SBLaunchInfo launchInfoFor(TourSession &session) {
  const tours::Tour &tour = *session.tour;
  std::string exe = pathOf(session.target.GetExecutable());
  lldb::SBLaunchInfo info = session.target.GetLaunchInfo();
  // A tour without "args" keeps the ones the user gave the target (`lldb -- prog ARGS`,
  // `settings set target.run-args`): drafted tours cannot know a repo's data paths.
  if (!tour.program.args.empty()) {
    std::vector<std::string> args;
    for (const auto &a : tour.program.args)
      args.push_back(tours::expandVariables(a, tour, exe));
    std::vector<const char *> argv;
    for (const auto &a : args)
      argv.push_back(a.c_str());
    argv.push_back(nullptr);
    info.SetArguments(argv.data(), /*append=*/false);
  }
  std::string cwd = tour.program.cwd.empty() ? tours::repoRoot(tour)
                                             : tours::expandVariables(tour.program.cwd, tour, exe);
  if (!cwd.empty() && cwd.front() != '/')
    cwd = tours::repoRoot(tour) + "/" + cwd;
  info.SetWorkingDirectory(cwd.c_str());
  lldb::SBEnvironment env = info.GetEnvironment();
  for (const auto &[name, value] : tour.program.env)
    env.Set(name.c_str(), tours::expandVariables(value, tour, exe).c_str(), /*overwrite=*/true);
  if (!session.repoLibraryPath.empty()) {
    const char *existing = env.Get("LD_LIBRARY_PATH");
    std::string path = session.repoLibraryPath + (existing && *existing ? ":" + std::string(existing) : "");
    env.Set("LD_LIBRARY_PATH", path.c_str(), /*overwrite=*/true);
  }
  info.SetEnvironment(env, /*append=*/false);
  return info;
}

} // namespace

lldb::SBProcess liveProcess(const TourSession &session) {
  if (!session.target.IsValid())
    return {};
  lldb::SBTarget target = session.target;
  lldb::SBProcess p = target.GetProcess();
  if (!p.IsValid() || !isAlive(p.GetState()))
    return {};
  return p;
}

bool isRunning(lldb::SBProcess process) {
  if (!process.IsValid())
    return false;
  switch (process.GetState()) {
  case lldb::eStateRunning:
  case lldb::eStateStepping:
  case lldb::eStateLaunching:
  case lldb::eStateAttaching:
    return true;
  default:
    return false;
  }
}

bool isStopped(lldb::SBProcess process) {
  if (!process.IsValid())
    return false;
  auto s = process.GetState();
  return s == lldb::eStateStopped || s == lldb::eStateSuspended || s == lldb::eStateCrashed;
}

RunOutcome describeProcess(TourSession &session) {
  RunOutcome out;
  lldb::SBTarget target = session.target;
  lldb::SBProcess p = target.IsValid() ? target.GetProcess() : lldb::SBProcess();
  if (!p.IsValid()) {
    out.end = RunEnd::Gone;
    out.text = "the process is gone (killed or detached)";
    return out;
  }
  switch (p.GetState()) {
  case lldb::eStateExited: {
    out.end = RunEnd::Exited;
    out.text = "exited with status " + std::to_string(p.GetExitStatus());
    const char *desc = p.GetExitDescription();
    if (desc && *desc)
      out.text += std::string(" (") + desc + ")";
    return out;
  }
  case lldb::eStateDetached:
    out.end = RunEnd::Gone;
    out.text = "was detached";
    return out;
  case lldb::eStateCrashed:
    out.end = RunEnd::Crashed;
    out.text = "crashed: " + stopDescription(p.GetSelectedThread());
    return out;
  case lldb::eStateStopped:
  case lldb::eStateSuspended:
    break;
  default:
    out.end = RunEnd::Elsewhere;
    out.text = std::string("is ") + lldb::SBDebugger::StateAsCString(p.GetState());
    return out;
  }
  // Stopped: at the awaited tour stop, or a later one (armed too), on any thread? Then select
  // that thread; when several threads are at stops, the earliest stop of the tour wins.
  lldb::SBThread atStop;
  int best = -1;
  for (uint32_t i = 0; i < p.GetNumThreads(); ++i) {
    lldb::SBThread t = p.GetThreadAtIndex(i);
    int index = stopIndexAtThread(session, t);
    if (session.awaited >= 0 && index >= session.awaited && (best < 0 || index < best)) {
      best = index;
      atStop = t;
    }
  }
  if (best >= 0) {
    p.SetSelectedThread(atStop);
    out.end = RunEnd::AtStop;
    out.stopIndex = best;
    out.text = stopDescription(atStop);
    return out;
  }
  lldb::SBThread t = p.GetSelectedThread();
  for (uint32_t i = 0; i < p.GetNumThreads(); ++i)
    if (isCrash(p.GetThreadAtIndex(i)))
      t = p.GetThreadAtIndex(i);
  out.end = isCrash(t) ? RunEnd::Crashed : RunEnd::Elsewhere;
  out.text = (out.end == RunEnd::Crashed ? "crashed: " : "") + stopDescription(t);
  return out;
}

namespace {

/// Launches the program (when no live process exists) or continues it, in the debugger's
/// current mode: waits for the stop when it is synchronous, returns at once otherwise.
bool startProcess(TourSession &session, std::string &error) {
  lldb::SBProcess process = session.launchFresh ? lldb::SBProcess() : liveProcess(session);
  session.launchFresh = false;
  if (!process.IsValid()) {
    lldb::SBLaunchInfo info = launchInfoFor(session);
    lldb::SBError err;
    process = session.target.Launch(info, err);
    if (err.Fail() || !process.IsValid()) {
      error = std::string("could not launch '") + pathOf(session.target.GetExecutable()) +
              "': " + (err.GetCString() ? err.GetCString() : "unknown error");
      return false;
    }
  } else {
    lldb::SBError err = process.Continue();
    if (err.Fail()) {
      error = std::string("could not continue the process: ") +
              (err.GetCString() ? err.GetCString() : "unknown error");
      return false;
    }
  }
  session.processUid = process.GetUniqueID();
  return true;
}

/// The collected series learn of a new process and of every resume.
void collectorResumes(TourSession &session) {
  std::shared_ptr<Collector> collector = session.collector;
  if (!collector)
    return;
  if (session.launchFresh || !liveProcess(session).IsValid())
    collector->newRun();
  collector->resumed();
}

} // namespace

bool debuggerEventsAreTaken(lldb::SBDebugger debugger, int waitMs) {
  constexpr uint32_t kProbe = 1;
  lldb::SBListener listener = debugger.GetListener();
  lldb::SBBroadcaster probe("tourguide.event-probe");
  if (!listener.IsValid() || listener.StartListeningForEvents(probe, kProbe) != kProbe)
    return false;
  probe.BroadcastEventByType(kProbe);
  lldb::SBEvent event;
  bool taken = false;
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(waitMs);
  while (!(taken = !listener.PeekAtNextEventForBroadcaster(probe, event)) &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  if (!taken)
    listener.GetNextEventForBroadcaster(probe, event); // nobody did: leave the queue as it was
  listener.StopListeningForEvents(probe, kProbe);
  return taken;
}

ResumeMode resumeModeFor(lldb::SBDebugger debugger, TourSession &session) {
  ResumeContext context;
  context.asynchronous = debugger.GetAsync();
  static const bool driver = isLldbDriverName(hostProgramName());
  context.lldbDriver = driver;
  if (context.asynchronous && !context.lldbDriver) {
    if (!session.debuggerEventsTaken)
      session.debuggerEventsTaken = debuggerEventsAreTaken(debugger);
    context.eventsTaken = *session.debuggerEventsTaken;
  }
  return chooseResumeMode(context);
}

bool resumeProgram(lldb::SBDebugger debugger, TourSession &session, std::string &error) {
  if (!debugger.GetAsync()) {
    error = "the debugger is synchronous: a run that returns while the program runs needs an "
            "asynchronous one";
    return false;
  }
  collectorResumes(session);
  // The collection's clock stops at its last pass when the program is next seen stopped
  // (Collector::settleClockLocked), as after the user's own `continue`.
  lldb::SBProcess before = liveProcess(session);
  uint32_t stopId = before.IsValid() ? before.GetStopID() : 0;
  if (!startProcess(session, error))
    return false;
  // The process says "stopped" until the adapter's event thread has taken the "running"
  // event. Wait for that (briefly), so that a command typed right after this one does not
  // take the old stop for the end of this run (finishRun).
  lldb::SBTarget target = session.target;
  lldb::SBProcess process = target.GetProcess();
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(500);
  while (isStopped(process) && process.GetStopID() == stopId && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  return true;
}

bool runProgram(lldb::SBDebugger debugger, TourSession &session, RunOutcome &outcome,
                std::string &error) {
  SynchronousScope sync(debugger);
  InterruptWatcher watcher(session.target);
  collectorResumes(session);
  // However the wait ends (even by an exception), the collection's clock stops with it.
  struct StopClock {
    std::shared_ptr<Collector> c;
    ~StopClock() {
      if (c)
        c->stopped();
    }
  } stopClock{session.collector};
  if (!startProcess(session, error))
    return false;
  outcome = describeProcess(session);
  if (watcher.interrupted() && outcome.end == RunEnd::Elsewhere)
    outcome.text = "was interrupted (Ctrl-C) and " + outcome.text;
  return true;
}

std::string processStateText(const TourSession &session) {
  if (!session.target.IsValid())
    return "no target";
  lldb::SBTarget target = session.target;
  lldb::SBProcess p = target.GetProcess();
  if (!p.IsValid())
    return session.processUid ? "no process (it was killed or detached)" : "not launched yet";
  if (p.GetState() == lldb::eStateExited)
    return "exited with status " + std::to_string(p.GetExitStatus());
  std::string s = lldb::SBDebugger::StateAsCString(p.GetState());
  return s + " (pid " + std::to_string(p.GetProcessID()) + ")";
}

} // namespace tourguide::plugin
