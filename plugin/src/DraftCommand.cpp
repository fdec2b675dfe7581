// `tour draft FINDINGS.json`: the confirming run inside the user's lldb. The selected target runs
// once with its own arguments, environment and working directory, with a breakpoint on every
// candidate stop of its entry point (each traps once); the stops it reached, in the order it
// reached them, become a tour written by the same code as `tourguide index -- PROGRAM ARGS`
// (confirm/RunResult.h, indexer/TourDraft.h). The findings file chooses no program, no command
// and no environment: it names places and variables only, read without running the program's
// code, and only in the repo's own modules (docs/security.md).
#include "Subcommands.h"

#include "InterruptWatcher.h"
#include "OwnModules.h"
#include "ProcessControl.h"
#include "tourguide/confirm/CandidateBreakpoints.h"
#include "tourguide/confirm/RepoLibraries.h"
#include "tourguide/indexer/FindingsReader.h"
#include "tourguide/indexer/TourDraft.h"
#include "tourguide/tours/TourFile.h"
#include "tourguide/tours/Trust.h"

#include <chrono>
#include <cstdlib>
#include <filesystem>

namespace tourguide::plugin {

namespace {

namespace fs = std::filesystem;

/// Labels the run's breakpoints, so that only they are removed afterwards.
constexpr const char *kDraftBreakpointName = "tourguide-draft";

struct DraftOptions {
  std::string file, entry, output;
  double timeout = 120;
};

std::string parseDraftArgs(const Args &args, DraftOptions &opts) {
  const std::string syntax = std::string(". Syntax: ") + kDraftSyntax;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &a = args[i];
    auto value = [&](std::string &into) -> std::string {
      if (i + 1 >= args.size())
        return "'" + a + "' needs a value" + syntax;
      into = args[++i];
      return {};
    };
    std::string error, number;
    if (a == "--entry")
      error = value(opts.entry);
    else if (a == "-o" || a == "--output")
      error = value(opts.output);
    else if (a == "--timeout") {
      error = value(number);
      char *end = nullptr;
      opts.timeout = error.empty() ? std::strtod(number.c_str(), &end) : 0;
      if (error.empty() && (!end || *end || !(opts.timeout > 0)))
        error = "'--timeout' needs a number of seconds above 0, got '" + number + "'" + syntax;
    } else if (a.size() > 1 && a[0] == '-')
      error = "unknown option '" + a + "' for 'tour draft'" + syntax;
    else if (opts.file.empty())
      opts.file = a;
    else
      error = "'tour draft' takes one findings file, got '" + opts.file + "' and '" + a + "'" + syntax;
    if (!error.empty())
      return error;
  }
  if (opts.file.empty())
    return "'tour draft' needs the findings of `tourguide index --format=json`" + syntax;
  return {};
}

class DraftCommand : public TourCommand {
public:
  using TourCommand::TourCommand;

protected:
  const char *name() const override { return "tour draft"; }

  bool run(lldb::SBDebugger debugger, const Args &args, lldb::SBCommandReturnObject &result) override {
    DraftOptions opts;
    if (std::string error = parseDraftArgs(args, opts); !error.empty())
      return fail(result, error);
    lldb::SBTarget target = debugger.GetSelectedTarget();
    if (!target.IsValid())
      return fail(result, "no program selected: 'target create PROGRAM' (with its arguments after '--', or "
                          "'settings set target.run-args ...') before 'tour draft'");
    if (lldb::SBProcess p = target.GetProcess(); p.IsValid() && p.GetState() != lldb::eStateExited &&
                                                 p.GetState() != lldb::eStateDetached)
      return fail(result, "the program is already running: the draft's run starts it from the beginning; "
                          "end it first ('process kill')");

    std::string error;
    std::optional<indexer::FindingsFile> findings = indexer::readFindingsFile(opts.file, error);
    if (!findings)
      return fail(result, error);

    // The command line the user gave the target, as the run will use it.
    std::string exe = pathOf(target.GetExecutable());
    lldb::SBLaunchInfo launch = target.GetLaunchInfo();
    std::vector<std::string> command = {exe};
    for (uint32_t i = 0; i < launch.GetNumArguments(); ++i)
      command.push_back(launch.GetArgumentAtIndex(i) ? launch.GetArgumentAtIndex(i) : "");

    int index = -1;
    for (size_t i = 0; i < findings->entries.size() && !opts.entry.empty(); ++i)
      if (findings->entries[i].name() == opts.entry)
        index = static_cast<int>(i);
    if (opts.entry.empty())
      index = indexer::entryForCommand(findings->entries, command);
    if (index < 0) {
      std::string names;
      for (const indexer::EntryPoint &e : findings->entries)
        names += (names.empty() ? "" : ", ") + ("'" + e.name() + "'");
      return fail(result, (opts.entry.empty() ? "'" + exe + "' is not one of the programs in " + opts.file
                                              : "no entry point '" + opts.entry + "' in " + opts.file) +
                              (names.empty() ? "; it lists none" : "; it lists " + names) +
                              (opts.entry.empty() ? " (name one with --entry NAME)" : ""));
    }
    indexer::EntryPoint entry = findings->entries[static_cast<size_t>(index)];
    entry.executable = exe;
    std::string root = findings->root.empty() ? fs::path(entry.file).parent_path().string() : findings->root;

    // Only the repo's own code: a candidate elsewhere would read a file outside it.
    std::vector<indexer::Finding> candidates;
    size_t outside = 0;
    for (const indexer::Finding &f : findings->findings) {
      if (f.entry != entry.name())
        continue;
      if (tours::isInsideFolder(f.file, root))
        candidates.push_back(f);
      else
        ++outside;
    }
    if (candidates.empty())
      return fail(result, "no candidate stops for '" + entry.name() + "' in " + opts.file);

    // Where the draft goes: -o, or the repo's .tours/ when the findings or the program are in
    // that repo (a findings file from elsewhere must not choose where files are written).
    // A root that holds neither the findings file nor the program is only the findings' word:
    // it chooses no output folder and no folder libraries are loaded from.
    std::error_code ec;
    const bool rootIsLocal = tours::isInsideFolder(fs::absolute(opts.file, ec).string(), root) ||
                             tours::isInsideFolder(exe, root);
    fs::path output = opts.output;
    if (output.empty()) {
      if (!rootIsLocal)
        return fail(result, "the findings' repository root '" + root + "' holds neither " + opts.file + " nor '" +
                                exe + "': say where to write the draft with -o FILE");
      output = fs::path(root) / ".tours" / (indexer::draftFileStem(entry.name()) + ".json");
    }
    output = fs::absolute(output);

    std::string out;
    // The repo's own shared libraries the loader would not find: loaded now so stops resolve in
    // them, and found by the run through LD_LIBRARY_PATH (set here, never by the findings).
    std::vector<confirm::RepoLibrary> libraries =
        confirm::findRepoLibraries(exe, confirm::libraryRoots(exe, rootIsLocal ? root : ""));
    for (const confirm::RepoLibrary &l : libraries)
      target.AddModule(l.path.c_str(), nullptr, nullptr);
    lldb::SBEnvironment env = launch.GetEnvironment();
    const char *existing = env.Get("LD_LIBRARY_PATH");
    if (std::string path = confirm::libraryPathWith(libraries, existing ? existing : "");
        path != (existing ? existing : "")) {
      env.Set("LD_LIBRARY_PATH", path.c_str(), true);
      launch.SetEnvironment(env, false);
    }
    if (!libraries.empty()) {
      out += "the program's own libraries:";
      for (const confirm::RepoLibrary &l : libraries)
        out += " " + l.path;
      out += "\n";
    }
    std::vector<lldb::SBModule> modules = ownModules(target, root);
    confirm::CandidateBreakpoints breakpoints(target, candidates, ownModuleSpecs(modules), kDraftBreakpointName);

    confirm::RunResult run;
    {
      SynchronousScope sync(debugger);
      InterruptWatcher watcher(target, opts.timeout);
      auto start = std::chrono::steady_clock::now();
      auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
      lldb::SBError launchError;
      lldb::SBProcess process = target.Launch(launch, launchError);
      if (launchError.Fail() || !process.IsValid()) {
        breakpoints.remove();
        return fail(result, "could not launch '" + exe + "': " +
                                (launchError.GetCString() ? launchError.GetCString() : "unknown error"));
      }
      while (true) {
        lldb::StateType state = process.GetState();
        if (state == lldb::eStateExited) {
          run.exitStatus = process.GetExitStatus();
          break;
        }
        if (state != lldb::eStateStopped && state != lldb::eStateSuspended)
          break; // crashed, detached, gone
        breakpoints.recordStop(process, elapsed());
        if (watcher.interrupted()) {
          run.interrupted = true;
          break;
        }
        if (watcher.timedOut() || elapsed() > opts.timeout) {
          run.timedOut = true;
          break;
        }
        // A stop of ours (recorded) or a signal: the program goes on; its own handlers decide.
        // A crash stops it for good: the run ends there, with what it reached.
        lldb::SBThread thread = process.GetSelectedThread();
        if (thread.GetStopReason() == lldb::eStopReasonException)
          break;
        if (process.Continue().Fail())
          break;
      }
      run.seconds = elapsed();
      if (process.IsValid() && process.GetState() != lldb::eStateExited)
        process.Kill();
    }
    breakpoints.finish(run);
    breakpoints.remove();

    confirm::ConfirmedFindings confirmed = confirm::confirmFindings(candidates, run, confirm::commandText(command));
    indexer::DraftOptions draft;
    draft.repoRoot = root;
    draft.tourDir = output.parent_path().string();
    draft.confirmation = confirmed.confirmation;
    draft.runArgs.assign(command.begin() + 1, command.end());
    // The folder the run ran in (the target's, else lldb's own, which the program inherits):
    // relative arguments are relative to it; the program's own folder stays the default.
    const char *launchCwd = launch.GetWorkingDirectory();
    fs::path runCwd = launchCwd && *launchCwd ? fs::absolute(launchCwd, ec) : fs::current_path(ec);
    runCwd = runCwd.lexically_normal();
    if (!runCwd.empty() && runCwd != fs::path(exe).parent_path().lexically_normal())
      draft.runCwd = indexer::relativePath(root, runCwd.string());
    tours::Tour tour = indexer::draftTour(entry, confirmed.findings, draft);
    out += confirmed.summary + "\n";
    if (outside)
      out += std::to_string(outside) + " candidate" + (outside == 1 ? "" : "s") + " outside the repository root '" +
             root + "' ignored\n";
    if (tour.stops.empty())
      return fail(result, out + "no candidate stop was reached: no draft written");
    fs::create_directories(output.parent_path(), ec);
    if (std::string message = tours::saveTourFile(tour, output.string()); !message.empty())
      return fail(result, out + message);
    // Written by this lldb from the user's own command: 'tour start' plays it unasked while it
    // holds this text, even where its root or library path would be refused from a repository.
    session().rememberDraft(output.string(), tours::writeTour(tour));
    out += "wrote " + output.string() + " (" + std::to_string(tour.stops.size()) + " stops); play it with 'tour start " +
           output.string() + "'\n";
    return succeed(result, out);
  }
};

} // namespace

TourCommand *makeDraftCommand(std::shared_ptr<TourSession> session) {
  return new DraftCommand(std::move(session));
}

} // namespace tourguide::plugin
