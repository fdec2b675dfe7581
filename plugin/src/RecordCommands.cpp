// Recording a tour where the program is stopped: `tour new`, `tour add`, `tour edit`,
// `tour remove`, `tour move`, `tour save` (docs/plugin.md, "Recording a tour"). One small class
// per subcommand; Recording.h has what they share. Every change is read from and written back
// to the tour file at once.
#include "Subcommands.h"

#include "DebugInfoView.h"
#include "OwnModules.h"
#include "ProcessControl.h"
#include "Recording.h"
#include "tourguide/tours/Authoring.h"
#include "tourguide/tours/TerminalText.h"
#include "tourguide/tours/TourFile.h"
#include "tourguide/tours/Trust.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>

namespace tourguide::plugin {

namespace {

namespace fs = std::filesystem;

using tours::sanitizeLine;

/// The options a recording command was given. Values may follow the option (`--title T`) or be
/// joined to it (`--title=T`).
struct Options {
  std::map<std::string, std::string> values; ///< "--title" -> "T"
  std::vector<std::string> flags;            ///< "--here"
  std::vector<std::string> positional;

  std::optional<std::string> get(const std::string &name) const {
    auto it = values.find(name);
    return it == values.end() ? std::nullopt : std::optional<std::string>(it->second);
  }
  bool has(const std::string &flag) const { return std::find(flags.begin(), flags.end(), flag) != flags.end(); }
  bool empty() const { return values.empty() && flags.empty(); }
};

/// Parses `args` for `command`: `valued` options take a value, `flags` none. Returns "" or the
/// error (with the syntax line).
std::string parseOptions(const Args &args, const std::string &command, const std::vector<std::string> &valued,
                         const std::vector<std::string> &flags, const char *syntax, Options &out) {
  const std::string tail = std::string(". Syntax: ") + syntax;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string &a = args[i];
    if (a.size() < 2 || a[0] != '-') {
      out.positional.push_back(a);
      continue;
    }
    std::string name = a, value;
    bool joined = false;
    if (size_t eq = a.find('='); eq != std::string::npos) {
      name = a.substr(0, eq);
      value = a.substr(eq + 1);
      joined = true;
    }
    if (std::find(flags.begin(), flags.end(), name) != flags.end() && !joined) {
      out.flags.push_back(name);
    } else if (std::find(valued.begin(), valued.end(), name) != valued.end()) {
      if (!joined) {
        if (i + 1 >= args.size())
          return "'" + name + "' needs a value" + tail;
        value = args[++i];
      }
      if (out.values.count(name))
        return "'" + name + "' is given twice" + tail;
      out.values[name] = value;
    } else {
      return "unknown option '" + a + "' for '" + command + "'" + tail;
    }
  }
  return {};
}

bool validId(const std::string &id) {
  if (id.empty() || !(std::islower(static_cast<unsigned char>(id[0])) || std::isdigit(static_cast<unsigned char>(id[0]))))
    return false;
  return id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_.") == std::string::npos;
}

bool validStage(const std::string &stage) {
  return !stage.empty() && std::islower(static_cast<unsigned char>(stage[0])) &&
         stage.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-_") == std::string::npos;
}

std::string knownStageList() {
  std::string out;
  for (const std::string &s : tours::knownStages())
    out += (out.empty() ? "" : ", ") + s;
  return out;
}

/// A positive `hit` from its text, or "" with the error.
std::string parseHit(const std::string &text, unsigned &hit) {
  if (text.empty() || text.size() > 10 || text.find_first_not_of("0123456789") != std::string::npos ||
      std::stoull(text) < 1 || std::stoull(text) > 4294967295ull)
    return "'--hit' needs a whole number from 1 to 4294967295, got '" + text + "'";
  hit = static_cast<unsigned>(std::stoull(text));
  return {};
}

/// The stop's text from --text or --text-file when given; `given` says whether one was.
bool textOption(const Options &o, std::string &text, bool &given, std::string &error) {
  std::optional<std::string> inline_ = o.get("--text"), file = o.get("--text-file");
  given = inline_ || file;
  if (inline_ && file) {
    error = "'--text' and '--text-file' both give the text: use one";
    return false;
  }
  if (inline_)
    text = *inline_;
  if (file) {
    std::optional<std::string> read = readStopTextFile(*file, error);
    if (!read)
      return false;
    text = *read;
  }
  return true;
}

/// Reads the `--watch` list: variable paths must be readable in `frame` (when valid). Notes
/// say which entries are expressions that need --trust.
bool watchOption(const std::string &list, lldb::SBFrame frame, std::vector<tours::Watch> &out,
                 std::vector<std::string> &notes, std::string &error) {
  out.clear();
  for (const std::string &expr : tours::splitWatchList(list)) {
    tours::Watch w;
    w.expr = expr;
    if (!tours::isVariablePath(expr)) {
      notes.push_back("'" + expr + "' is an expression, not a variable path: the stop shows it only to a user who "
                      "starts the tour with --trust (it could run code in the program)");
    } else if (frame.IsValid()) {
      lldb::SBValue v = frame.GetValueForVariablePath(expr.c_str(), lldb::eDynamicDontRunTarget);
      if (!v.IsValid() || v.GetError().Fail()) {
        std::string why = v.IsValid() && v.GetError().GetCString() ? v.GetError().GetCString() : "no such variable";
        std::string names;
        lldb::SBValueList vars = frame.GetVariables(true, true, false, true);
        for (uint32_t i = 0; i < vars.GetSize() && i < 20; ++i)
          if (const char *n = vars.GetValueAtIndex(i).GetName())
            names += (names.empty() ? "" : ", ") + std::string(n);
        error = "'" + expr + "' cannot be read here: " + why + (names.empty() ? "" : "; the frame's variables: " + names);
        return false;
      }
    }
    out.push_back(w);
  }
  return true;
}

std::string watchList(const std::vector<tours::Watch> &watch) {
  std::string out;
  for (const tours::Watch &w : watch)
    out += (out.empty() ? "" : ", ") + (w.label.empty() ? w.expr : w.label);
  return out;
}

/// Cuts a default title to one readable line.
std::string shortTitle(std::string title) {
  if (title.size() <= 80)
    return title;
  size_t cut = 77;
  while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80)
    --cut;
  return title.substr(0, cut) + "...";
}

std::string baseName(const std::string &path) { return fs::path(path).filename().string(); }

std::string describeAnchor(const tours::Anchor &a, tours::AnchorForm form) {
  std::string out = std::string("by ") + tours::formName(form);
  if (!a.pattern.empty())
    out += " '" + a.pattern + "'";
  return out;
}

std::string stopIdList(const tours::Tour &tour) {
  std::string out;
  for (const tours::Stop &s : tour.stops)
    out += (out.empty() ? "" : ", ") + s.id;
  return out;
}

/// Where `stop` is in the selected target (its anchor resolved over the debug info), else
/// where its anchor's file and line say.
void stopPlace(lldb::SBDebugger debugger, const tours::Tour &tour, const tours::Stop &stop, std::string &file,
               unsigned &line) {
  std::string root = tours::repoRoot(tour);
  lldb::SBTarget target = debugger.GetSelectedTarget();
  if (target.IsValid()) {
    DebugInfoView view(target, ownModules(target, root), root);
    DebugInfoView::Placement placed;
    if (view.resolve(stop.anchor, placed).resolved()) {
      file = placed.file;
      line = placed.line;
      return;
    }
  }
  if (!stop.anchor.file.empty() && stop.anchor.line > 0) {
    file = fs::path(stop.anchor.file).is_absolute() ? stop.anchor.file : root + "/" + stop.anchor.file;
    line = stop.anchor.line;
  }
}

std::string aboutStop(const tours::Tour &tour, size_t index, const tours::Stop &stop, const std::string &where) {
  return "Stop " + std::to_string(index + 1) + " of " + std::to_string(tour.stops.size()) + " '" + stop.id + "' [" +
         stop.stage + "]: " + stop.title + "\n" + where;
}

/// The recording commands' base: the session (for the tour being played) and the recording.
class RecordCommand : public TourCommand {
public:
  RecordCommand(std::shared_ptr<TourSession> session, std::shared_ptr<RecordingState> recording)
      : TourCommand(std::move(session)), recording_(std::move(recording)) {}

protected:
  RecordingState &recording() { return *recording_; }

  /// The recorded tour and the index of its stop `id`, or "" and the message to fail with.
  std::string readStop(const std::string &id, RecordedTour &rec, int &index) {
    std::string error;
    if (!readRecordedTour(recording(), session(), rec, error))
      return error;
    index = tours::findStopIndex(rec.tour, id);
    if (index < 0)
      return "no stop '" + id + "' in " + rec.path + "; its stops are: " + stopIdList(rec.tour);
    return {};
  }

  /// Writes the change; on success returns "" and appends "Written to FILE (N stops).".
  std::string write(RecordedTour &rec, std::string &out) {
    if (std::string error = writeRecordedTour(recording(), rec); !error.empty())
      return error;
    size_t n = rec.tour.stops.size();
    out += "Written to " + rec.path + " (" + std::to_string(n) + (n == 1 ? " stop" : " stops") + ").\n";
    return {};
  }

  /// "" when $EDITOR may be opened here; else why not. In an editor's debug adapter (DAP) the
  /// adapter holds the terminal's place: a terminal editor would wait forever on its pipe.
  std::string editorRefusal(lldb::SBDebugger debugger) {
    if (resumeModeFor(debugger, session()) == ResumeMode::ReturnWhileRunning)
      return "$EDITOR cannot open in an editor's debug console: give the text with --text or --text-file";
    return {};
  }

  /// The played tour's stop `id` when `rec` is the file being played (for changes that show at once).
  tours::Stop *playedStop(const RecordedTour &rec, const std::string &id) {
    TourSession &s = session();
    if (!s.active() || s.tour->sourcePath.empty())
      return nullptr;
    std::error_code ec;
    if (!fs::equivalent(fs::path(s.tour->sourcePath), fs::path(rec.path), ec))
      return nullptr;
    for (tours::Stop &stop : s.tour->stops)
      if (stop.id == id)
        return &stop;
    return nullptr;
  }

private:
  std::shared_ptr<RecordingState> recording_;
};

class NewCommand : public RecordCommand {
public:
  using RecordCommand::RecordCommand;

protected:
  const char *name() const override { return "tour new"; }
  bool run(lldb::SBDebugger debugger, const Args &args, lldb::SBCommandReturnObject &result) override {
    Options o;
    if (std::string e = parseOptions(args, "tour new", {"--title"}, {"--continue"}, kNewSyntax, o); !e.empty())
      return fail(result, e);
    if (o.positional.size() != 1)
      return fail(result, std::string(o.positional.empty() ? "'tour new' needs the tour file to write"
                                                           : "'tour new' takes one tour file") +
                              ". Syntax: " + kNewSyntax);
    lldb::SBTarget target = debugger.GetSelectedTarget();
    if (!target.IsValid())
      return fail(result, "no target is selected: a tour records the program it runs, so create the target first "
                          "('target create PROGRAM', or 'lldb PROGRAM')");
    std::string path = fs::absolute(o.positional[0]).lexically_normal().string();
    std::error_code ec;
    std::string out;
    if (recording().open())
      out += "The recording of " + recording().path + " is closed (all of it is on disk).\n";
    if (o.has("--continue")) {
      RecordingState probe;
      probe.path = path;
      RecordedTour rec;
      std::string error;
      if (!fs::exists(path, ec))
        return fail(result, "'" + path + "' does not exist: 'tour new " + o.positional[0] + "' starts it");
      if (!readRecordedTour(probe, session(), rec, error))
        return fail(result, error);
      recording().close();
      recording().path = path;
      rememberHits(recording(), target);
      return succeed(result, out + "Recording into " + path + " ('" + sanitizeLine(rec.tour.title) + "', " +
                                 std::to_string(rec.tour.stops.size()) + " stops): 'tour add' appends a stop.\n");
    }
    if (fs::exists(path, ec))
      return fail(result, "'" + path + "' already exists: 'tour new --continue " + o.positional[0] +
                              "' records into it, or choose another name");
    if (fs::path(path).filename().extension() != ".json")
      return fail(result, "a tour file is a .json file (for example .tours/train.json), not '" + o.positional[0] + "'");

    tours::Tour tour;
    tour.sourcePath = path;
    std::string root = tours::repoRoot(tour);
    std::vector<std::string> notes;
    tour.program = programOfTarget(target, root, notes);
    tour.title = o.get("--title").value_or("A tour of " + baseName(pathOf(target.GetExecutable())));
    if (tour.title.empty())
      return fail(result, "'--title' needs a non-empty title");
    recording().close();
    recording().path = path;
    recording().header = tour;
    rememberHits(recording(), target);

    out += "Recording a new tour '" + sanitizeLine(tour.title) + "' into " + path + ".\n";
    out += "Repo root: " + root + " (the stops' files are relative to it).\n";
    std::string command = tour.program.path;
    for (const std::string &a : tour.program.args)
      command += " " + a;
    out += "Program: " + command + (tour.program.cwd.empty() ? "" : " (in " + tour.program.cwd + ")") + "\n";
    for (const std::string &n : notes)
      out += "Note: " + n + ".\n";
    out += "Stop the program where a stop should be (a breakpoint, 'next', 'step') and type 'tour add'; the file is "
           "written with the first stop, and again at every change.\n";
    return succeed(result, out);
  }
};

class AddCommand : public RecordCommand {
public:
  using RecordCommand::RecordCommand;

protected:
  const char *name() const override { return "tour add"; }
  bool run(lldb::SBDebugger, const Args &args, lldb::SBCommandReturnObject &result) override;
};

bool AddCommand::run(lldb::SBDebugger debugger, const Args &args, lldb::SBCommandReturnObject &result) {
  Options o;
  if (std::string e = parseOptions(args, "tour add", {"--stage", "--title", "--id", "--hit", "--watch", "--text",
                                                      "--text-file"},
                                   {}, kAddSyntax, o);
      !e.empty())
    return fail(result, e);
  if (!o.positional.empty())
    return fail(result, "'tour add' takes options only, not '" + o.positional[0] +
                            "': the stop is where the program is stopped. Syntax: " + kAddSyntax);
  std::string error, text;
  bool textGiven = false;
  if (!textOption(o, text, textGiven, error))
    return fail(result, error);
  tours::Stop stop;
  if (auto stage = o.get("--stage"); stage && !validStage(*stage))
    return fail(result, "'" + *stage + "' is not a stage name: a lowercase letter, then lowercase letters, digits, "
                        "'-' or '_' (tourguide knows " + knownStageList() + ")");
  if (auto id = o.get("--id"); id && !validId(*id))
    return fail(result, "'" + *id + "' is not a stop id: lowercase letters, digits, '-', '_' and '.', starting with a "
                        "letter or digit");
  if (auto hit = o.get("--hit"))
    if (std::string e = parseHit(*hit, stop.hit); !e.empty())
      return fail(result, e);
  if (auto title = o.get("--title"); title && title->empty())
    return fail(result, "'--title' needs a non-empty title");

  lldb::SBFrame frame = selectedFrame(debugger, error);
  if (!frame.IsValid())
    return fail(result, error);
  RecordedTour rec;
  if (!readRecordedTour(recording(), session(), rec, error))
    return fail(result, error);
  if (auto id = o.get("--id"); id && tours::findStopIndex(rec.tour, *id) >= 0 &&
                               rec.tour.stops[static_cast<size_t>(tours::findStopIndex(rec.tour, *id))].id == *id)
    return fail(result, "a stop '" + *id + "' already exists in " + rec.path + " (its stops: " +
                            stopIdList(rec.tour) + ")");

  FramePlace place = anchorAtFrame(frame, tours::repoRoot(rec.tour));
  if (!place.error.empty())
    return fail(result, "cannot add a stop at " + baseName(place.file) + ":" + std::to_string(place.line) + ": " +
                            place.error);
  stop.anchor = place.anchor.anchor;
  std::vector<std::string> notes = place.anchor.notes;
  if (!o.get("--hit")) {
    std::string note;
    stop.hit = hitAtFrame(recording(), frame, note);
    if (!note.empty())
      notes.push_back(note);
  }
  if (auto list = o.get("--watch"))
    if (!watchOption(*list, frame, stop.watch, notes, error))
      return fail(result, error);
  std::string where = place.function.empty() ? baseName(place.file) + ":" + std::to_string(place.line)
                                             : place.function;
  std::string code;
  if (auto lines = tours::readLines(place.file); lines && place.line <= lines->size())
    code = tours::patternOfLine((*lines)[place.line - 1]);
  stop.title = o.get("--title").value_or(shortTitle(code.empty() ? where : where + ": " + code));
  if (auto stage = o.get("--stage")) {
    stop.stage = *stage;
  } else {
    stop.stage = tours::guessStage(place.function, place.file);
  }
  stop.id = o.get("--id").value_or(
      tours::uniqueStopId(rec.tour, o.get("--title") ? *o.get("--title") : place.function.empty() ? stop.title
                                                                                                  : place.function));
  if (!o.get("--stage"))
    notes.push_back("stage guessed from the names: '" + stop.stage + "' ('tour edit " + stop.id +
                    " --stage S' changes it)");
  else if (std::find(tours::knownStages().begin(), tours::knownStages().end(), stop.stage) == tours::knownStages().end())
    notes.push_back("'" + stop.stage + "' is a stage of your own; tourguide knows " + knownStageList());

  // While the tour plays, a new stop goes after the one the program is at.
  size_t at = rec.tour.stops.size();
  if (rec.fromPlayedTour && session().current >= 0)
    if (int i = tours::findStopIndex(rec.tour, session().stop(session().current).id); i >= 0)
      at = static_cast<size_t>(i) + 1;

  if (textGiven) {
    stop.text = text;
  } else if (haveEditor()) {
    if (std::string refusal = editorRefusal(debugger); !refusal.empty())
      return fail(result, refusal + " (no stop was added)");
    tours::Tour withIt = rec.tour;
    withIt.stops.insert(withIt.stops.begin() + static_cast<std::ptrdiff_t>(at), stop);
    std::string about = aboutStop(withIt, at, stop,
                                  "at " + baseName(place.file) + ":" + std::to_string(place.line) +
                                      (place.function.empty() ? "" : " in " + place.function));
    if (!editText("", editorContext(about, place.file, place.line, frame, stop.watch), stop.text, error))
      return fail(result, error + " (no stop was added)");
  } else {
    notes.push_back("no text: 'tour edit " + stop.id + " --text-file FILE' adds it (or set EDITOR, and 'tour edit " +
                    stop.id + "' opens it)");
  }

  rec.tour.stops.insert(rec.tour.stops.begin() + static_cast<std::ptrdiff_t>(at), stop);

  std::string out = "Added stop " + std::to_string(at + 1) + "/" + std::to_string(rec.tour.stops.size()) + " '" +
                    stop.id + "' [" + stop.stage + "]: " + sanitizeLine(stop.title) + "\n";
  out += "  at " + sanitizeLine(stop.anchor.file) + ":" + std::to_string(place.line) +
         (place.function.empty() ? "" : " in " + sanitizeLine(place.function)) + ", " +
         sanitizeLine(describeAnchor(stop.anchor, place.anchor.form)) + " (it resolves back to this line)\n";
  out += "  hit " + std::to_string(stop.hit) + (stop.watch.empty() ? "" : "; watching " + sanitizeLine(watchList(stop.watch))) +
         (stop.text.empty() ? "" : "; text: " + std::to_string(stop.text.size()) + " bytes") + "\n";
  for (const std::string &n : notes)
    out += "  note: " + sanitizeLine(n) + "\n";
  if (std::string e = write(rec, out); !e.empty())
    return fail(result, e);
  rememberHits(recording(), frame.GetThread().GetProcess().GetTarget());
  if (rec.fromPlayedTour)
    out += "The tour being played gets the new stop at the next 'tour start'.\n";
  return succeed(result, out);
}

class EditCommand : public RecordCommand {
public:
  using RecordCommand::RecordCommand;

protected:
  const char *name() const override { return "tour edit"; }
  bool run(lldb::SBDebugger debugger, const Args &args, lldb::SBCommandReturnObject &result) override {
    Options o;
    if (std::string e = parseOptions(args, "tour edit",
                                     {"--stage", "--title", "--id", "--hit", "--watch", "--text", "--text-file"},
                                     {"--here"}, kEditSyntax, o);
        !e.empty())
      return fail(result, e);
    if (o.positional.size() != 1)
      return fail(result, std::string(o.positional.empty() ? "'tour edit' needs the stop to change (its id or number)"
                                                           : "'tour edit' changes one stop at a time") +
                              ". Syntax: " + kEditSyntax);
    std::string error, text;
    bool textGiven = false;
    if (!textOption(o, text, textGiven, error))
      return fail(result, error);
    if (o.empty() && !haveEditor())
      return fail(result, "nothing to change: give what to change (--title, --stage, --text, --text-file, --watch, "
                          "--hit, --id, --here), or set EDITOR to edit the text");
    if (auto stage = o.get("--stage"); stage && !validStage(*stage))
      return fail(result, "'" + *stage + "' is not a stage name: a lowercase letter, then lowercase letters, "
                          "digits, '-' or '_' (tourguide knows " + knownStageList() + ")");
    if (auto id = o.get("--id"); id && !validId(*id))
      return fail(result, "'" + *id + "' is not a stop id: lowercase letters, digits, '-', '_' and '.', starting "
                          "with a letter or digit");
    unsigned hit = 0;
    if (auto h = o.get("--hit"))
      if (std::string e = parseHit(*h, hit); !e.empty())
        return fail(result, e);

    RecordedTour rec;
    int index = -1;
    if (std::string e = readStop(o.positional[0], rec, index); !e.empty())
      return fail(result, e);
    tours::Stop &stop = rec.tour.stops[static_cast<size_t>(index)];
    const std::string oldId = stop.id;
    std::vector<std::string> changed, notes;
    bool restartNeeded = false;
    lldb::SBFrame frame;

    if (o.has("--here")) {
      frame = selectedFrame(debugger, error);
      if (!frame.IsValid())
        return fail(result, error);
      FramePlace place = anchorAtFrame(frame, tours::repoRoot(rec.tour));
      if (!place.error.empty())
        return fail(result, "cannot move stop '" + oldId + "' to " + baseName(place.file) + ":" +
                                std::to_string(place.line) + ": " + place.error);
      stop.anchor = place.anchor.anchor;
      notes.insert(notes.end(), place.anchor.notes.begin(), place.anchor.notes.end());
      if (!o.get("--hit")) {
        std::string note;
        stop.hit = hitAtFrame(recording(), frame, note);
        if (!note.empty())
          notes.push_back(note);
      }
      changed.push_back("anchor (now " + stop.anchor.file + ":" + std::to_string(place.line) + ", " +
                        describeAnchor(stop.anchor, place.anchor.form) + ")");
      restartNeeded = true;
    }
    if (auto id = o.get("--id"); id && *id != stop.id) {
      if (int other = tours::findStopIndex(rec.tour, *id); other >= 0 && rec.tour.stops[static_cast<size_t>(other)].id == *id)
        return fail(result, "a stop '" + *id + "' already exists in " + rec.path);
      stop.id = *id;
      changed.push_back("id (was '" + oldId + "')");
      restartNeeded = true;
    }
    if (auto stage = o.get("--stage")) {
      stop.stage = *stage;
      changed.push_back("stage");
    }
    if (auto title = o.get("--title")) {
      if (title->empty())
        return fail(result, "'--title' needs a non-empty title");
      stop.title = *title;
      changed.push_back("title");
    }
    if (o.get("--hit")) {
      stop.hit = hit;
      changed.push_back("hit");
      restartNeeded = true;
    }
    if (auto list = o.get("--watch")) {
      if (!frame.IsValid()) {
        std::string ignored;
        lldb::SBFrame selected = selectedFrame(debugger, ignored);
        std::string file;
        unsigned line = 0;
        stopPlace(debugger, rec.tour, stop, file, line);
        // Check the names only where the program is stopped at this stop's line.
        if (selected.IsValid() && selected.GetLineEntry().GetLine() == line)
          frame = selected;
      }
      if (!watchOption(*list, frame, stop.watch, notes, error))
        return fail(result, error);
      changed.push_back("watch");
    }
    if (textGiven) {
      stop.text = text;
      changed.push_back("text");
    } else if (o.empty()) {
      if (std::string refusal = editorRefusal(debugger); !refusal.empty())
        return fail(result, refusal);
      std::string file;
      unsigned line = 0;
      stopPlace(debugger, rec.tour, stop, file, line);
      std::string ignored;
      lldb::SBFrame selected = selectedFrame(debugger, ignored);
      std::string about = aboutStop(rec.tour, static_cast<size_t>(index), stop,
                                    file.empty() ? std::string("(not resolved in the selected target)")
                                                 : "at " + baseName(file) + ":" + std::to_string(line));
      std::string edited;
      if (!editText(stop.text, editorContext(about, file, line, selected, stop.watch), edited, error))
        return fail(result, error);
      if (edited == stop.text)
        return succeed(result, "The text of stop '" + oldId + "' is unchanged; nothing was written.\n");
      stop.text = edited;
      changed.push_back("text");
    }

    std::string out = "Changed stop " + std::to_string(index + 1) + "/" + std::to_string(rec.tour.stops.size()) +
                      " '" + stop.id + "': ";
    for (size_t i = 0; i < changed.size(); ++i)
      out += (i ? ", " : "") + sanitizeLine(changed[i]);
    out += ".\n";
    for (const std::string &n : notes)
      out += "  note: " + sanitizeLine(n) + "\n";
    tours::Stop updated = stop;
    if (std::string e = write(rec, out); !e.empty())
      return fail(result, e);
    if (tours::Stop *played = playedStop(rec, oldId)) {
      // What a stop shows changes in the tour being played at once; where it is, at the next start.
      played->title = updated.title;
      played->stage = updated.stage;
      played->text = updated.text;
      played->watch = updated.watch;
      out += restartNeeded ? "The tour being played shows the new text, title, stage and watches now ('tour show'); "
                             "the new place, hit or id take effect at the next 'tour start'.\n"
                           : "The tour being played shows the change now ('tour show').\n";
    }
    return succeed(result, out);
  }
};

class RemoveCommand : public RecordCommand {
public:
  using RecordCommand::RecordCommand;

protected:
  const char *name() const override { return "tour remove"; }
  bool run(lldb::SBDebugger, const Args &args, lldb::SBCommandReturnObject &result) override {
    if (args.size() != 1)
      return fail(result, std::string(args.empty() ? "'tour remove' needs the stop to remove (its id or number)"
                                                   : "'tour remove' removes one stop at a time") +
                              ". Syntax: " + kRemoveSyntax);
    RecordedTour rec;
    int index = -1;
    if (std::string e = readStop(args[0], rec, index); !e.empty())
      return fail(result, e);
    if (rec.tour.stops.size() == 1)
      return fail(result, "'" + rec.tour.stops[0].id + "' is the tour's only stop, and a tour needs one: add another "
                          "first ('tour add'), then remove this one");
    std::string id = rec.tour.stops[static_cast<size_t>(index)].id;
    std::string title = rec.tour.stops[static_cast<size_t>(index)].title;
    rec.tour.stops.erase(rec.tour.stops.begin() + index);
    std::string out = "Removed stop " + std::to_string(index + 1) + " '" + id + "' (" + sanitizeLine(title) + ").\n";
    if (std::string e = write(rec, out); !e.empty())
      return fail(result, e);
    if (rec.fromPlayedTour)
      out += "The tour being played keeps it until the next 'tour start'.\n";
    return succeed(result, out);
  }
};

class MoveCommand : public RecordCommand {
public:
  using RecordCommand::RecordCommand;

protected:
  const char *name() const override { return "tour move"; }
  bool run(lldb::SBDebugger, const Args &args, lldb::SBCommandReturnObject &result) override {
    if (args.size() != 2)
      return fail(result, std::string("'tour move' needs the stop and its new position. Syntax: ") + kMoveSyntax);
    RecordedTour rec;
    int index = -1;
    if (std::string e = readStop(args[0], rec, index); !e.empty())
      return fail(result, e);
    const std::string &n = args[1];
    size_t size = rec.tour.stops.size();
    if (n.empty() || n.size() > 6 || n.find_first_not_of("0123456789") != std::string::npos || std::stoul(n) < 1 ||
        std::stoul(n) > size)
      return fail(result, "the new position must be a number from 1 to " + std::to_string(size) + ", got '" + n + "'");
    size_t to = std::stoul(n) - 1;
    tours::Stop moved = rec.tour.stops[static_cast<size_t>(index)];
    rec.tour.stops.erase(rec.tour.stops.begin() + index);
    rec.tour.stops.insert(rec.tour.stops.begin() + static_cast<std::ptrdiff_t>(to), moved);
    std::string order;
    for (size_t i = 0; i < rec.tour.stops.size(); ++i)
      order += (i ? ", " : "") + std::to_string(i + 1) + " " + rec.tour.stops[i].id;
    std::string out = "Moved stop '" + moved.id + "' from " + std::to_string(index + 1) + " to " +
                      std::to_string(to + 1) + ": " + order + ".\n";
    if (static_cast<size_t>(index) == to)
      return succeed(result, "Stop '" + moved.id + "' is already at " + n + "; nothing was written.\n");
    if (std::string e = write(rec, out); !e.empty())
      return fail(result, e);
    if (rec.fromPlayedTour)
      out += "The tour being played keeps its order until the next 'tour start'.\n";
    return succeed(result, out);
  }
};

class SaveCommand : public RecordCommand {
public:
  using RecordCommand::RecordCommand;

protected:
  const char *name() const override { return "tour save"; }
  bool run(lldb::SBDebugger debugger, const Args &args, lldb::SBCommandReturnObject &result) override {
    if (args.size() > 1 || (args.size() == 1 && args[0].size() > 1 && args[0][0] == '-'))
      return fail(result, std::string("'tour save' takes at most one file. Syntax: ") + kSaveSyntax);
    RecordedTour rec;
    std::string error;
    if (!readRecordedTour(recording(), session(), rec, error))
      return fail(result, error);
    if (!rec.onDisk && rec.tour.stops.empty())
      return fail(result, "nothing to save yet: the tour '" + rec.tour.title +
                              "' has no stop; 'tour add' records one at the line the program is stopped at");
    std::string out;
    if (args.size() == 1) {
      std::string to = fs::absolute(args[0]).lexically_normal().string();
      std::error_code ec;
      if (to != rec.path && fs::exists(to, ec))
        return fail(result, "'" + to + "' already exists; choose another name");
      tours::Tour probe;
      probe.sourcePath = to;
      if (tours::repoRoot(probe) != tours::repoRoot(rec.tour))
        return fail(result, "'" + to + "' has another repo root (" + tours::repoRoot(probe) + ", not " +
                                tours::repoRoot(rec.tour) + "), and the stops' files are relative to the root");
      out += "Saved a copy of " + rec.path + " as " + to + ".\n";
      rec.path = to;
      rec.tour.sourcePath = to;
    }
    if (std::string e = writeRecordedTour(recording(), rec); !e.empty())
      return fail(result, e);
    tours::LoadResult back = tours::loadTourFile(rec.path);
    if (!back.ok())
      return fail(result, "'" + rec.path + "' does not load after writing:\n" + tours::formatAll(back.diagnostics));
    size_t n = back.tour->stops.size();
    out += "Saved " + rec.path + ": " + std::to_string(n) + (n == 1 ? " stop" : " stops") +
           ", in the layout tourguide writes (it loads back unchanged).\n";
    if (!back.diagnostics.empty())
      out += tours::formatAll(back.diagnostics);

    // Every stop resolves in the selected program, as `tour start` will resolve it.
    lldb::SBTarget target = debugger.GetSelectedTarget();
    if (target.IsValid()) {
      std::string root = tours::repoRoot(*back.tour);
      DebugInfoView view(target, ownModules(target, root), root);
      size_t resolved = 0;
      for (const tours::Stop &stop : back.tour->stops) {
        DebugInfoView::Placement placed;
        tours::AnchorResolution r = view.resolve(stop.anchor, placed);
        if (r.resolved())
          ++resolved;
        else
          out += "  stop '" + stop.id + "' does not resolve in " + pathOf(target.GetExecutable()) + ": " +
                 sanitizeLine(r.why()) + "\n";
      }
      out += resolved == n ? "Every stop resolves in " + pathOf(target.GetExecutable()) + ".\n"
                           : std::to_string(resolved) + " of " + std::to_string(n) + " stops resolve in " +
                                 pathOf(target.GetExecutable()) + ".\n";
    }
    for (const tours::TrustConcern &c : tours::trustConcerns(*back.tour))
      out += "  note: " + sanitizeLine(c.asked) + " [at " + c.jsonPath + "]: 'tour start' asks for --trust\n";
    out += "Play it with 'tour start " + rec.path + "'; 'tourguide check -p BUILD_DIR " + rec.path +
           "' checks it against the sources (in CI too).\n";
    if (recording().open()) {
      recording().close();
      out += "The recording is closed; 'tour new --continue FILE' records into it again.\n";
    }
    return succeed(result, out);
  }
};

} // namespace

RecordCommands makeRecordCommands(std::shared_ptr<TourSession> session) {
  auto recording = std::make_shared<RecordingState>();
  RecordCommands c;
  c.add = new AddCommand(session, recording);
  c.edit = new EditCommand(session, recording);
  c.move = new MoveCommand(session, recording);
  c.newTour = new NewCommand(session, recording);
  c.remove = new RemoveCommand(session, recording);
  c.save = new SaveCommand(session, recording);
  return c;
}

} // namespace tourguide::plugin
