#include "tourguide/confirm/ConfirmingRun.h"
#include "tourguide/confirm/CandidateBreakpoints.h"
#include "tourguide/confirm/RepoLibraries.h"

#include <lldb/API/LLDB.h>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <map>

#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#ifndef TOURGUIDE_LLDB_SERVER
#define TOURGUIDE_LLDB_SERVER ""
#endif

namespace tourguide::confirm {
namespace {

std::atomic<bool> interruptRequested{false};
extern "C" void onInterrupt(int) { interruptRequested = true; }

/// Ctrl-C ends the run, not the tool: what was reached so far is still a draft.
class InterruptGuard {
public:
  InterruptGuard() {
    interruptRequested = false;
    struct sigaction action = {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, &previous);
    // LLDB talks to lldb-server over a socket that closes when the program is killed; as
    // lldb's own driver does, a write to it must fail with EPIPE, not end this process.
    struct sigaction ignore = {};
    ignore.sa_handler = SIG_IGN;
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &previousPipe);
  }
  ~InterruptGuard() {
    sigaction(SIGINT, &previous, nullptr);
    sigaction(SIGPIPE, &previousPipe, nullptr);
  }

private:
  struct sigaction previous = {}, previousPipe = {};
};

/// An in-process LLDB that launches its own lldb-server (PITFALLS: without the path the
/// launch fails with "unable to locate lldb-server").
class Session {
public:
  Session() {
    // LLDB is initialised once per process: after Terminate() it cannot launch again.
    static bool initialised = [] {
      if (!std::getenv("LLDB_DEBUGSERVER_PATH") && *TOURGUIDE_LLDB_SERVER)
        setenv("LLDB_DEBUGSERVER_PATH", TOURGUIDE_LLDB_SERVER, 0);
      lldb::SBDebugger::Initialize();
      return true;
    }();
    (void)initialised;
    debugger = lldb::SBDebugger::Create(false);
    debugger.SetAsync(true);
    // LLDB's own complaints about a program's debug information ("DW_AT_specification has no
    // decl", hundreds on some repos) are not the user's business during a confirming run.
    if (FILE *null = std::fopen("/dev/null", "w"))
      debugger.SetErrorFileHandle(null, true);
  }
  ~Session() { lldb::SBDebugger::Destroy(debugger); }
  lldb::SBDebugger debugger;
};

std::string drain(lldb::SBProcess &process) {
  std::string out;
  char buf[4096];
  for (size_t n; (n = process.GetSTDOUT(buf, sizeof buf)) > 0;)
    out.append(buf, n);
  for (size_t n; (n = process.GetSTDERR(buf, sizeof buf)) > 0;)
    out.append(buf, n);
  return out;
}

} // namespace

llvm::Expected<RunResult> confirmByRunning(const std::vector<indexer::Finding> &findings,
                                           const RunRequest &request) {
  llvm::SmallString<256> exe(request.executable);
  if (!request.cwd.empty() && !llvm::sys::path::is_absolute(exe))
    llvm::sys::fs::make_absolute(request.cwd, exe);
  if (!llvm::sys::fs::can_execute(exe) || llvm::sys::fs::is_directory(exe))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "'%s' is not an executable program",
                                   exe.c_str());

  Session session;
  lldb::SBError error;
  lldb::SBTarget target = session.debugger.CreateTarget(exe.c_str(), nullptr, nullptr, true, error);
  if (!target.IsValid())
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "cannot debug '%s': %s", exe.c_str(),
                                   error.GetCString() ? error.GetCString() : "unknown error");

  RunResult result;
  // The repo's own libraries that only LD_LIBRARY_PATH would find: loaded before the
  // breakpoints so that they resolve there, and given to the run's loader.
  std::vector<RepoLibrary> libraries = findRepoLibraries(exe.c_str(), libraryRoots(exe.c_str(), request.repoRoot));
  for (const RepoLibrary &l : libraries)
    target.AddModule(l.path.c_str(), nullptr, nullptr);
  // The program's own modules only (the executable, and what lies in its build tree or the
  // repo): a candidate `step` never lands in a system library, and LLDB never searches the
  // debug information of system libraries for the candidates' names (lldb-14 crashed on
  // sentencepiece's protobuf types doing so).
  lldb::SBFileSpecList own;
  std::vector<std::string> roots = libraryRoots(exe.c_str(), request.repoRoot);
  for (uint32_t i = 0; i < target.GetNumModules(); ++i) {
    lldb::SBFileSpec file = target.GetModuleAtIndex(i).GetFileSpec();
    std::string path = std::string(file.GetDirectory() ? file.GetDirectory() : "") + "/" +
                       (file.GetFilename() ? file.GetFilename() : "");
    if (i == 0 || std::any_of(roots.begin(), roots.end(), [&](const std::string &r) {
          return !r.empty() && path.compare(0, r.size() + 1, r + "/") == 0;
        }))
      own.Append(file);
  }
  CandidateBreakpoints candidates(target, findings, own);

  std::vector<const char *> argv;
  for (const std::string &a : request.args)
    argv.push_back(a.c_str());
  argv.push_back(nullptr);
  lldb::SBLaunchInfo launch(argv.data());
  if (!request.cwd.empty())
    launch.SetWorkingDirectory(request.cwd.c_str());
  launch.SetLaunchFlags(launch.GetLaunchFlags() | lldb::eLaunchFlagDisableASLR);
  const char *existing = std::getenv("LD_LIBRARY_PATH");
  if (std::string path = libraryPathWith(libraries, existing ? existing : ""); path != (existing ? existing : "")) {
    lldb::SBEnvironment env = launch.GetEnvironment();
    env.Set("LD_LIBRARY_PATH", path.c_str(), true);
    launch.SetEnvironment(env, true);
  }

  InterruptGuard guard;
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  lldb::SBProcess process = target.Launch(launch, error);
  if (!process.IsValid() || error.Fail())
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "cannot launch '%s': %s", exe.c_str(),
                                   error.GetCString() ? error.GetCString() : "unknown error");

  lldb::SBListener listener = session.debugger.GetListener();
  while (true) {
    if (interruptRequested) {
      result.interrupted = true;
      break;
    }
    if (elapsed() > request.timeoutSeconds) {
      result.timedOut = true;
      break;
    }
    lldb::SBEvent event;
    if (!listener.WaitForEvent(1, event))
      continue;
    if (!lldb::SBProcess::EventIsProcessEvent(event))
      continue;
    lldb::StateType state = lldb::SBProcess::GetStateFromEvent(event);

    result.output += drain(process);
    if (state == lldb::eStateExited) {
      result.exitStatus = process.GetExitStatus();
      break;
    }
    if (state == lldb::eStateCrashed || state == lldb::eStateDetached || state == lldb::eStateInvalid)
      break;
    if (state != lldb::eStateStopped || lldb::SBProcess::GetRestartedFromEvent(event))
      continue;
    candidates.recordStop(process, elapsed());
    // Ours (recorded), or a signal: the program goes on (its own handlers decide).
    process.Continue();
  }
  candidates.finish(result);
  if (process.IsValid() && process.GetState() != lldb::eStateExited) {
    result.output += drain(process);
    process.Kill();
  }
  if (result.output.size() > (64u << 10))
    result.output.resize(64u << 10);
  result.seconds = elapsed();
  return result;
}

namespace {

nlohmann::json toJson(const RunResult &r) {
  nlohmann::json j;
  for (const Reached &x : r.reached)
    j["reached"].push_back({{"finding", x.finding}, {"order", x.order}, {"seconds", x.seconds},
                            {"counter", x.counter}, {"unreadable", x.unreadable}, {"at_entry", x.atEntry},
                            {"passes", {{"counter", x.passes.counter}, {"first", x.passes.first},
                                        {"planned", x.passes.planned}, {"bound", x.passes.bound},
                                        {"seen", x.passes.seen}}}});
  j["placed"] = r.placed;
  for (const auto &[i, why] : r.notPlaced)
    j["not_placed"].push_back({{"finding", i}, {"why", why}});
  j["exit_status"] = r.exitStatus;
  j["timed_out"] = r.timedOut;
  j["interrupted"] = r.interrupted;
  j["seconds"] = r.seconds;
  j["output"] = r.output;
  return j;
}

RunResult fromJson(const nlohmann::json &j) {
  RunResult r;
  for (const auto &x : j.value("reached", nlohmann::json::array())) {
    Reached reached;
    reached.finding = x.at("finding");
    reached.order = x.at("order");
    reached.seconds = x.at("seconds");
    reached.counter = x.at("counter");
    reached.unreadable = x.at("unreadable").get<std::vector<std::string>>();
    reached.atEntry = x.at("at_entry");
    const auto &passes = x.at("passes");
    reached.passes.counter = passes.at("counter");
    reached.passes.first = passes.at("first");
    reached.passes.planned = passes.at("planned");
    reached.passes.bound = passes.at("bound");
    reached.passes.seen = passes.at("seen");
    r.reached.push_back(reached);
  }
  r.placed = j.at("placed").get<std::vector<size_t>>();
  for (const auto &x : j.value("not_placed", nlohmann::json::array()))
    r.notPlaced.emplace_back(x.at("finding").get<size_t>(), x.at("why").get<std::string>());
  r.exitStatus = j.at("exit_status");
  r.timedOut = j.at("timed_out");
  r.interrupted = j.at("interrupted");
  r.seconds = j.at("seconds");
  r.output = j.at("output");
  return r;
}

} // namespace

llvm::Expected<RunResult> confirmByRunningIsolated(const std::vector<indexer::Finding> &findings,
                                                   const RunRequest &request) {
  int fds[2];
  if (pipe(fds) != 0)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "cannot make a pipe for the run");
  pid_t child = fork();
  if (child < 0)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "cannot start the run's process");
  if (child == 0) {
    close(fds[0]);
    auto run = confirmByRunning(findings, request);
    nlohmann::json j = run ? toJson(*run) : nlohmann::json{{"error", llvm::toString(run.takeError())}};
    std::string text = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    for (size_t done = 0; done < text.size();) {
      ssize_t n = write(fds[1], text.data() + done, text.size() - done);
      if (n <= 0)
        break;
      done += static_cast<size_t>(n);
    }
    close(fds[1]);
    _exit(0); // no destructors: LLDB's threads are still running
  }
  close(fds[1]);
  // Ctrl-C reaches both processes; the child ends the run and reports, this one waits for it.
  struct sigaction ignore = {}, previous = {};
  ignore.sa_handler = SIG_IGN;
  sigemptyset(&ignore.sa_mask);
  sigaction(SIGINT, &ignore, &previous);
  std::string text;
  char buf[65536];
  for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) != 0;) {
    if (n < 0) {
      if (errno == EINTR)
        continue;
      break;
    }
    text.append(buf, static_cast<size_t>(n));
  }
  close(fds[0]);
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  sigaction(SIGINT, &previous, nullptr);
  if (WIFSIGNALED(status) || text.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "the debugger crashed while running the program (signal %d in LLDB); "
                                   "the draft is not confirmed",
                                   WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded())
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "the run's report was unreadable");
  if (j.contains("error"))
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s", j["error"].get<std::string>().c_str());
  try {
    return fromJson(j);
  } catch (const nlohmann::json::exception &e) {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "the run's report was unreadable: %s", e.what());
  }
}

} // namespace tourguide::confirm
