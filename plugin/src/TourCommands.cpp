#include "TourCommands.h"

#include "LldbCheckCommand.h"
#ifdef TOURGUIDE_HAVE_REPORT
#include "SessionReportCommand.h"
#endif
#include "Subcommands.h"
#include "TourSession.h"

#include <memory>

namespace tourguide::plugin {

namespace {

struct SubcommandSpec {
  const char *name;
  const char *help;
  const char *syntax;
  const char *repeat; ///< What Enter on an empty line repeats ("" = nothing).
};

} // namespace

bool registerTourCommands(lldb::SBDebugger debugger) {
  lldb::SBCommandInterpreter interpreter = debugger.GetCommandInterpreter();
  lldb::SBCommand tour = interpreter.AddMultiwordCommand(
      "tour", "Guided tours of a program: play a tour file's annotated stops (tourguide).");
  if (!tour.IsValid())
    return false;
  auto session = std::make_shared<TourSession>();
  auto add = [&](TourCommand *impl, const SubcommandSpec &spec) {
    return tour.AddCommand(spec.name, impl, spec.help, spec.syntax, spec.repeat).IsValid();
  };
  bool ok = true;
  ok &= add(makeStartCommand(session),
            {"start",
             "Load and check a tour file, create the target from the tour's program when none is "
             "selected, arm the stops and run the program to the first stop (or continue the "
             "running one). --from starts at a later stop; --trust lets watch expressions that "
             "are not plain variable paths run code in the program.",
             kStartSyntax, ""});
  ok &= add(makeNextCommand(session),
            {"next", "Run the program to the tour's next stop and show its annotation. Enter "
                     "on an empty line repeats it.",
             "tour next", "tour next"});
  // `tour n` stays `tour next` beside `tour new`: an exact name wins over a prefix.
  ok &= add(makeNextCommand(session),
            {"n", "Short for 'tour next' (kept unambiguous beside 'tour new').", "tour n", "tour next"});
  ok &= add(makeSyncCommand(session),
            {"sync", "In an editor (DAP), where 'tour next' returns while the program runs: show the "
                     "stop the program has reached since, or how it ended; nothing when there is "
                     "nothing new. Put it in the launch configuration's stopCommands and "
                     "exitCommands (docs/editors.md).",
             "tour sync", ""});
  ok &= add(makeShowCommand(session),
            {"show", "Show the current stop's annotation again, with values read now.", "tour show", ""});
  ok &= add(makeListCommand(session),
            {"list", "List every stop: its stage, and where it resolved (function, file:line, "
                     "number of locations) or why it did not.",
             "tour list", ""});
  ok &= add(makeGotoCommand(session),
            {"goto", "Run the program to a later stop, by id or 1-based number, skipping the stops "
                     "in between.",
             kGotoSyntax, ""});
  ok &= add(makeStatusCommand(session),
            {"status", "Show the tour, the current stop, the stops reached, not yet reached and "
                       "unresolved, and the process state.",
             "tour status", ""});
  ok &= add(makeCheckCommand(session),
            {"check", "Check that every stop of a tour resolves in the selected target (the tour "
                      "of 'tour start' without FILE): how and where each resolved, compiler-style "
                      "errors and warnings for the others. Launches nothing, leaves no breakpoint.",
             kCheckSyntax, ""});
  ok &= add(makePlotCommand(session),
            {"plot", "Draw the series the tour collects while the program runs (its \"collect\" "
                     "entries) as terminal charts, all or the ones named; --values prints every "
                     "point instead.",
             kPlotSyntax, ""});
#ifdef TOURGUIDE_HAVE_REPORT
  ok &= add(makeReportCommand(session),
            {"report", "Write what this session saw as one self-contained HTML page: every stop "
                       "reached with its text, source and the values it showed (and how they "
                       "changed since an earlier stop), and the stops not reached with why.",
             kReportSyntax, ""});
#endif
  // Recording (RecordCommands.cpp): every change is written to the tour file at once.
  RecordCommands record = makeRecordCommands(session);
  ok &= add(record.newTour,
            {"new", "Start recording a new tour of the selected target into FILE: its program, arguments and "
                    "working directory come from the target; 'tour add' then records stops. --continue records "
                    "into an existing tour file.",
             kNewSyntax, ""});
  ok &= add(record.add,
            {"add", "Add a stop at the selected frame's line: an anchor that survives edits (function + the line's "
                    "pattern, file and line as hints; checked to resolve back to this line), the hit count of this "
                    "place since the previous stop, the values to watch, and the text from --text, --text-file or "
                    "$EDITOR (a template showing the source and the values now). Goes into the tour 'tour new' "
                    "started, else into the tour being played, after its current stop.",
             kAddSyntax, ""});
  ok &= add(record.edit,
            {"edit", "Change a stop of the tour being recorded (or played): its title, stage, text, watches, hit or "
                     "id; --here moves it to the selected frame's line. With no option, opens $EDITOR on its text.",
             kEditSyntax, ""});
  ok &= add(record.remove, {"remove", "Remove a stop from the tour being recorded (or played).", kRemoveSyntax, ""});
  ok &= add(record.move,
            {"move", "Move a stop of the tour being recorded (or played) to another position (1-based).", kMoveSyntax,
             ""});
  ok &= add(record.save,
            {"save", "Write the tour being recorded (or played) in tourguide's layout, check that it loads back "
                     "unchanged and that every stop resolves in the selected target, and close the recording. With "
                     "FILE, save it under that name (in the same repo).",
             kSaveSyntax, ""});
  ok &= add(makeEndCommand(session),
            {"end", "End the tour: remove exactly the tour's breakpoints. Your own breakpoints and "
                    "the process stay as they are.",
             "tour end", ""});
#ifdef TOURGUIDE_HAVE_DRAFT
  ok &= add(makeDraftCommand(session),
            {"draft", "Draft a tour of the selected program from `tourguide index --format=json` findings: run it once "
                      "with its own arguments, environment and working directory and a breakpoint on every candidate "
                      "stop of its entry point (each traps once), and write the stops it reached, in that order "
                      "(default: the repo's .tours/PROGRAM.json). Ctrl-C or --timeout (default 120 s) ends the run "
                      "with what it reached.",
             kDraftSyntax, ""});
#endif
  return ok;
}

} // namespace tourguide::plugin
