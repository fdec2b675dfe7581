#include "Subcommands.h"

#include "Collection.h"
#include "DebugInfoView.h"
#include "DebuggerStyle.h"
#include "OwnModules.h"
#include "SeriesText.h"
#include "StopArming.h"
#include "Summary.h"
#include "TourDriver.h"
#include "tourguide/render/Markdown.h"
#include "tourguide/render/TextLayout.h"
#include "tourguide/tours/TourFile.h"
#include "tourguide/tours/Trust.h"

#include <memory>

#ifdef TOURGUIDE_HAVE_DRAFT
#include "tourguide/confirm/RepoLibraries.h"
#endif

namespace tourguide::plugin {

namespace {

struct StartOptions {
  std::string file;
  std::string from; ///< --from ID|N; empty = the first resolved stop.
  bool trust = false;
};

/// Parses `tour start`'s arguments; returns the error message, or "" when they are fine.
std::string parseStartArgs(const Args &args, StartOptions &opts) {
  const std::string syntax = std::string(". Syntax: ") + kStartSyntax;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &a = args[i];
    if (a == "--trust") {
      opts.trust = true;
    } else if (a == "--from") {
      if (i + 1 >= args.size())
        return "'--from' needs a stop id or number" + syntax;
      opts.from = args[++i];
    } else if (a.compare(0, 7, "--from=") == 0) {
      opts.from = a.substr(7);
    } else if (a.size() > 1 && a[0] == '-') {
      return "unknown option '" + a + "' for 'tour start'" + syntax;
    } else if (opts.file.empty()) {
      opts.file = a;
    } else {
      return "'tour start' takes one tour file, got '" + opts.file + "' and '" + a + "'" + syntax;
    }
  }
  if (opts.file.empty())
    return "'tour start' needs a tour file" + syntax;
  return {};
}

/// Resolves and places (disabled) every stop of `s.tour` in `s.target`'s own modules.
void placeAllStops(TourSession &s) {
  std::string root = tours::repoRoot(*s.tour);
  if (auto path = s.tour->program.env.find("LD_LIBRARY_PATH"); path != s.tour->program.env.end())
    addRepoLibraries(s.target, tours::expandVariables(path->second, *s.tour, tours::programPath(*s.tour)), root);
#ifdef TOURGUIDE_HAVE_DRAFT
  // The program's own libraries in the repo or build tree that it needs but the loader would
  // not find (no RUNPATH): loaded now so stops resolve there, and found at launch without the
  // tour setting LD_LIBRARY_PATH.
  std::string exe = pathOf(s.target.GetExecutable());
  std::vector<confirm::RepoLibrary> libraries = confirm::findRepoLibraries(exe, confirm::libraryRoots(exe, root));
  for (const confirm::RepoLibrary &l : libraries)
    s.target.AddModule(l.path.c_str(), nullptr, nullptr);
  s.repoLibraryPath = confirm::libraryPathWith(libraries, "");
#endif
  std::vector<lldb::SBModule> modules = ownModules(s.target, root);
  s.compiledSources = std::make_shared<const std::set<std::string>>(compiledFiles(modules));
  DebugInfoView view(s.target, modules, root, s.sourceAccess());
  for (const auto &stop : s.tour->stops)
    s.stops.push_back(placeStop(view, stop.anchor));
  if (!tours::seriesOf(*s.tour).empty()) {
    s.collector = std::make_shared<Collector>();
    s.collector->place(s.target, *s.tour, view);
  }
}

/// The stop to run to first: --from's, or the first resolved one. Returns the error message,
/// or "" with `first` set.
std::string firstStop(const TourSession &s, const std::string &from, int &first) {
  first = s.nextResolved(0);
  if (first < 0) {
    lldb::SBTarget target = s.target; // the SB getters are not const
    return resolutionReport(s) + "none of the tour's " + std::to_string(s.size()) + " stops resolved in '" +
           pathOf(target.GetExecutable()) + "': nothing to run. Is this the program the tour was written for?";
  }
  if (from.empty())
    return {};
  int index = s.findStop(from);
  if (index < 0)
    return "no stop '" + from + "' in this tour; its stops are: " + s.stopIds();
  if (!s.stops[static_cast<size_t>(index)].resolved)
    return "stop '" + from + "' did not resolve, so the tour cannot start there: " +
           s.stops[static_cast<size_t>(index)].why;
  first = index;
  return {};
}

/// The refusal of a tour that asks for what an untrusted tour may not do (docs/security.md),
/// or "" when it asks for nothing of the kind.
std::string trustRefusal(const tours::Tour &tour, lldb::SBTarget selected, const std::string &file) {
  tours::TrustOptions options;
  if (selected.IsValid())
    options.userProgram = pathOf(selected.GetExecutable());
  std::vector<tours::TrustConcern> concerns = tours::trustConcerns(tour, options);
  if (concerns.empty())
    return {};
  std::string out = "the tour asks for what a tour from an unreviewed repository may not do without "
                    "your trust (docs/security.md):\n";
  for (const tours::TrustConcern &c : concerns)
    out += "  " + render::sanitize(c.asked) + " [at " + render::sanitize(c.jsonPath) + "]\n";
  out += "Read " + render::sanitize(file) + "; if you trust it, start it with 'tour start --trust " +
         render::sanitize(file) + "'";
  return out;
}

/// What `tour start` says before the first stop: title, description, what resolved.
std::string startHeader(lldb::SBDebugger debugger, const TourSession &s, int first) {
  render::Style style = render::styleFor(debugger);
  std::string out = "Tour: " + render::sanitize(s.tour->title) + "\n";
  if (!s.tour->description.empty())
    out += render::renderMarkdown(s.tour->description, style);
  size_t resolved = 0;
  for (const auto &r : s.stops)
    resolved += r.resolved ? 1 : 0;
  out += std::to_string(s.size()) + " stops, " + std::to_string(resolved) + " resolved" +
         (s.trusted ? "; watch expressions are trusted (--trust)" : "") + ".\n";
  out += resolutionReport(s);
  if (s.collector)
    out += collectionHeader(s.collector->series());
  if (first != s.nextResolved(0))
    out += "Starting at stop " + position(s, first) + " '" + s.stop(first).id + "'.\n";
  return out;
}

class StartCommand : public TourCommand {
public:
  using TourCommand::TourCommand;

protected:
  const char *name() const override { return "tour start"; }

  bool run(lldb::SBDebugger debugger, const Args &args, lldb::SBCommandReturnObject &result) override {
    StartOptions opts;
    if (std::string error = parseStartArgs(args, opts); !error.empty())
      return fail(result, error);

    // The user's selected target, if any, must not be running: we would wait on it.
    lldb::SBTarget selected = debugger.GetSelectedTarget();
    if (selected.IsValid()) {
      lldb::SBProcess p = selected.GetProcess();
      if (p.IsValid() && (p.GetState() == lldb::eStateRunning || p.GetState() == lldb::eStateStepping))
        return fail(result, "the program is running: interrupt it first (Ctrl-C or 'process interrupt')");
    }

    std::string text;
    tours::LoadResult loaded = tours::loadTourFile(opts.file, &text);
    if (!loaded.ok())
      return fail(result, tours::formatAll(loaded.diagnostics));
    if (!opts.trust && !session().isOwnDraft(opts.file, text))
      if (std::string refusal = trustRefusal(*loaded.tour, selected, opts.file); !refusal.empty())
        return fail(result, refusal);
    std::string out = tours::formatAll(loaded.diagnostics); // warnings, as `tourguide validate`

    // Everything is prepared in a fresh session; the current one changes only on success.
    auto fresh = std::make_unique<TourSession>();
    fresh->tour = std::move(*loaded.tour);
    fresh->trusted = opts.trust;
    fresh->debuggerEventsTaken = session().debuggerEventsTaken; // a property of the debugger
    fresh->drafts = session().drafts;                             // and so is what it drafted
    if (selected.IsValid()) {
      fresh->target = selected; // the selected target wins over program.path (tour-format.md)
    } else {
      std::string program = tours::programPath(*fresh->tour);
      lldb::SBError err;
      fresh->target = debugger.CreateTarget(program.c_str(), nullptr, nullptr, true, err);
      if (err.Fail() || !fresh->target.IsValid())
        return fail(result, "cannot create a target from the tour's program '" + program + "': " +
                                (err.GetCString() ? err.GetCString() : "unknown error") +
                                ". Build it first, or select the executable with 'target create "
                                "PATH' before 'tour start'");
      fresh->createdTarget = true;
    }
    placeAllStops(*fresh);
    int first = -1;
    if (std::string error = firstStop(*fresh, opts.from, first); !error.empty()) {
      removeTourBreakpoints(*fresh);
      if (fresh->createdTarget)
        debugger.DeleteTarget(fresh->target);
      return fail(result, error);
    }

    // From here on the new tour replaces the old one. A process the previous tour launched is
    // restarted (`tour start` again means "from the beginning"); one the user started is continued.
    uint32_t previousUid = session().active() ? session().processUid : 0;
    // Except in an editor: its debug session ends with the process, so the tour cannot restart
    // it there (docs/editors.md).
    lldb::SBProcess running = liveProcess(*fresh);
    if (running.IsValid() && previousUid != 0 && running.GetUniqueID() == previousUid &&
        resumeModeFor(debugger, *fresh) == ResumeMode::ReturnWhileRunning) {
      removeTourBreakpoints(*fresh);
      if (fresh->createdTarget)
        debugger.DeleteTarget(fresh->target);
      return fail(result, "in an editor, taking a tour again means running the program again, and the debug "
                          "session ends with it: restart the debug session, then type 'tour start " +
                              opts.file + "' again");
    }
    removeTourBreakpoints(session());
    session() = std::move(*fresh);
    TourSession &s = session();
    s.skipTo(first);
    s.awaited = first;
    lldb::SBProcess live = liveProcess(s);
    bool restart = live.IsValid() && previousUid != 0 && live.GetUniqueID() == previousUid;
    if (restart) {
      live.Kill();
      live = lldb::SBProcess();
      s.launchFresh = true;
    }
    s.processUid = live.IsValid() ? live.GetUniqueID() : 0;

    out += startHeader(debugger, s, first);
    out += live.IsValid() ? "Continuing the running program.\n"
           : restart      ? "Restarting the program from the beginning.\n"
                          : "Launching the program.\n";
    std::string error;
    if (!runToAwaited(debugger, s, out, error)) {
      print(result, out);
      return fail(result, error);
    }
    return succeed(result, out);
  }
};

} // namespace

TourCommand *makeStartCommand(std::shared_ptr<TourSession> session) {
  return new StartCommand(std::move(session));
}

} // namespace tourguide::plugin
