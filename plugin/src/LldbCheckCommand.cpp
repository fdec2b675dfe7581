#include "LldbCheckCommand.h"
#include "tourguide/render/TextLayout.h"

#include "DebugInfoView.h"
#include "OwnModules.h"
#include "SourceText.h"
#include "tourguide/tours/Suggest.h"
#include "tourguide/tours/TourFile.h"

#include <algorithm>
#include <set>

namespace tourguide::plugin {

namespace {

using tours::AnchorForm;

std::string quoted(const std::string &s) { return "'" + s + "'"; }

/// Up to three function names of the own modules closest to `name` (plausible typos only).
std::vector<std::string> closestFunctions(const std::vector<lldb::SBModule> &modules,
                                          const std::string &name) {
  std::set<std::string> names;
  for (auto module : modules)
    for (size_t i = 0; i < module.GetNumSymbols(); ++i) {
      lldb::SBSymbol sym = module.GetSymbolAtIndex(i);
      if (sym.GetType() == lldb::eSymbolTypeCode && sym.GetDisplayName())
        names.insert(sym.GetDisplayName());
    }
  std::vector<std::string> candidates(names.begin(), names.end());
  std::vector<std::string> out;
  for (size_t i : tours::closestNames(name, candidates))
    out.push_back(candidates[i]);
  return out;
}

std::string formWording(AnchorForm form) {
  return form == AnchorForm::Function ? "function entry" : tours::formName(form);
}

/// "gf::fit" for "void gf::fit<float, gf::Loss>(gf::Model&, int)": LLDB names a template
/// instantiation with its arguments, its parameters and its return type.
std::string baseName(const std::string &display) {
  std::string out;
  int angle = 0;
  for (size_t i = 0; i < display.size(); ++i) {
    char ch = display[i];
    if (ch == '(' && angle == 0 && out.compare(0, 8, "operator") != 0)
      break;
    if (ch == '<' && out.compare(0, 8, "operator") != 0)
      ++angle;
    else if (ch == '>' && angle > 0)
      --angle;
    else if (angle == 0)
      out += ch == ' ' ? '\0' : ch;
  }
  size_t space = out.rfind('\0'); // drop the return type
  return space == std::string::npos ? out : out.substr(space + 1);
}

/// True when the function LLDB placed the stop in is the one the anchor names.
bool sameFunction(const std::string &display, const std::string &wanted) {
  std::string base = baseName(display);
  return base == wanted ||
         (base.size() > wanted.size() + 2 &&
          base.compare(base.size() - wanted.size() - 2, std::string::npos, "::" + wanted) == 0);
}

struct Tally {
  size_t ok = 0, warnings = 0, errors = 0;
};

/// What is checked: a stop, or a collected series (which has an anchor of its own or its stop's).
struct Checked {
  std::string id;       ///< For the "ok" line.
  std::string describe; ///< "stop 'id' (Title)", "series 'loss'".
  tours::Anchor anchor;
  tours::FilePos pos;
};

/// Checks one stop or series; appends its line(s) to `out` and counts it.
void checkStop(const tours::Tour &tour, const Checked &stop, DebugInfoView &view, std::string &out, Tally &tally) {
  auto diagnostic = [&](tours::Severity severity, const std::string &message) {
    tours::Diagnostic d;
    d.severity = severity;
    d.file = tour.sourcePath;
    d.line = stop.pos.line;
    d.column = stop.pos.column;
    d.message = stop.describe + ": " + message;
    out += d.format() + "\n";
  };
  const tours::Anchor &a = stop.anchor;
  DebugInfoView::Placement found;
  tours::AnchorResolution r = view.resolve(a, found);

  if (!r.resolved()) {
    // A missing function is named with the closest names the program has instead.
    bool functionMissing = !a.function.empty() && r.functions.empty();
    std::string why;
    if (functionMissing) {
      why = "function " + quoted(a.function) + " not found in the target";
      auto close = closestFunctions(view.modules(), a.function);
      for (size_t i = 0; i < close.size(); ++i)
        why += (i == 0 ? "; closest names: " : ", ") + quoted(close[i]);
    }
    std::string rest = functionMissing ? r.why(tours::FormFailure::Reason::FunctionNotFound) : r.why();
    if (!rest.empty())
      why += (why.empty() ? "" : "; ") + rest;
    if (why.empty())
      why = "the anchor names nothing this program has";
    diagnostic(tours::Severity::Error, why);
    ++tally.errors;
    return;
  }

  std::vector<std::string> warnings;
  if (std::string w = repeatedPatternWarning(a, *r.winner()); !w.empty())
    warnings.push_back(w);
  AnchorForm primary = tours::formsOf(a).front();
  // A pattern found by file + pattern inside the named function is what the anchor meant:
  // LLDB cannot look a class template's member up without its template arguments
  // ("gf::Layered::apply"), nor LLDB 15 a function template ("gf::fit"), which the source
  // index (`tourguide check`) can.
  bool sameBody = r.form == AnchorForm::FilePattern && primary == AnchorForm::FunctionPattern &&
                  sameFunction(found.function, a.function);
  if (r.form != primary && !sameBody) {
    std::string failed;
    if (!a.pattern.empty() && !a.function.empty())
      failed = "pattern " + quoted(a.pattern) + " not found in " + quoted(a.function);
    else if (!a.pattern.empty())
      failed = "pattern " + quoted(a.pattern) + " not found in " + quoted(a.file);
    else
      failed = formWording(primary) + " did not resolve";
    warnings.push_back(failed + "; resolved by " + formWording(r.form) + " instead");
  }
  for (const auto &w : warnings)
    diagnostic(tours::Severity::Warning, w);
  ++(warnings.empty() ? tally.ok : tally.warnings);
  out += std::string(warnings.empty() ? "ok" : "warning") + "  " + stop.id + ": " + tours::formName(r.form) +
         " -> " + found.function + " at " + found.file + ":" + std::to_string(found.line) + " (" +
         std::to_string(found.locations) + (found.locations == 1 ? " location" : " locations") + ")\n";
}

class CheckCommand : public TourCommand {
public:
  using TourCommand::TourCommand;

protected:
  const char *name() const override { return "tour check"; }

  bool run(lldb::SBDebugger debugger, const Args &args, lldb::SBCommandReturnObject &result) override {
    if (args.size() > 1)
      return fail(result, std::string("'tour check' takes at most one tour file. Syntax: ") + kCheckSyntax);
    if (args.empty()) {
      if (!needTour(debugger, result))
        return false;
      return report(session().tour.value(), session().target, result);
    }
    tours::LoadResult loaded = tours::loadTourFile(args[0]);
    if (!loaded.ok())
      return fail(result, tours::formatAll(loaded.diagnostics));
    std::string header = tours::formatAll(loaded.diagnostics);
    if (!header.empty())
      print(result, header);
    // The selected target wins, as for `tour start`. Without one a target is made from the
    // tour's program for the check only and deleted again: `tour check` changes nothing.
    lldb::SBTarget target = debugger.GetSelectedTarget();
    bool temporary = false;
    if (!target.IsValid()) {
      if (loaded.tour->program.path.empty())
        return fail(result, "no target is selected and the tour names no program: select the "
                            "executable with 'target create PATH' before 'tour check'");
      std::string program = tours::programPath(*loaded.tour);
      lldb::SBError err;
      target = debugger.CreateTarget(program.c_str(), nullptr, nullptr, true, err);
      if (err.Fail() || !target.IsValid()) {
        if (target.IsValid())
          debugger.DeleteTarget(target);
        return fail(result, "no target is selected and the tour's program '" + program +
                                "' cannot be loaded: build it, or select the executable with "
                                "'target create PATH' before 'tour check'");
      }
      temporary = true;
    }
    bool ok = report(*loaded.tour, target, result);
    if (temporary)
      debugger.DeleteTarget(target);
    return ok;
  }

private:
  bool report(const tours::Tour &tour, lldb::SBTarget target, lldb::SBCommandReturnObject &result) {
    std::string root = tours::repoRoot(tour);
    std::vector<lldb::SBModule> modules = ownModules(target, root);
    // `tour check` launches nothing and shows no source lines, so it reads the files under
    // the tour's own root (docs/security.md): an anchor cannot make it read /etc/passwd.
    SourceAccess access;
    access.trusted = false;
    access.root = root;
    access.compiled = std::make_shared<const std::set<std::string>>(compiledFiles(modules));
    if (lldb::SBFileSpec exe = target.GetExecutable(); exe.IsValid() && exe.GetDirectory())
      access.programDir = exe.GetDirectory();
    // No breakpoint is kept: each place is asked of LLDB and deleted at once.
    DebugInfoView view(target, modules, root, access);
    std::string out;
    Tally tally;
    for (const auto &stop : tour.stops)
      checkStop(tour, {stop.id, "stop " + quoted(stop.id) + " (" + render::sanitize(stop.title) + ")", stop.anchor, stop.pos},
                view, out, tally);
    // Collected series resolve like stops (tour start places them the same way).
    std::vector<tours::SeriesPlace> series = tours::seriesOf(tour);
    for (const tours::SeriesPlace &place : series)
      checkStop(tour, {place.collect->name, "series " + quoted(place.collect->name), *place.anchor, place.collect->pos},
                view, out, tally);
    std::string summary = std::to_string(tour.stops.size()) + " stops" +
                          (series.empty() ? std::string() : ", " + std::to_string(series.size()) + " series") + ": " +
                          std::to_string(tally.ok) +
                          " ok, " + std::to_string(tally.warnings) + " warnings, " +
                          std::to_string(tally.errors) + " errors";
    out += summary + "\n";
    print(result, out);
    if (tally.errors > 0)
      return fail(result, "tour check: " + summary);
    return succeed(result, "");
  }
};

} // namespace

TourCommand *makeCheckCommand(std::shared_ptr<TourSession> session) {
  return new CheckCommand(std::move(session));
}

} // namespace tourguide::plugin
