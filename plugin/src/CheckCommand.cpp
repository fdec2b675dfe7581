#include "CheckCommand.h"
#include "tourguide/render/TextLayout.h"

#include "AnchorResolver.h"
#include "OwnModules.h"
#include "SourceText.h"
#include "tourguide/tours/TourFile.h"

#include <algorithm>
#include <set>

namespace tourguide::plugin {

namespace {

std::string quoted(const std::string &s) { return "'" + s + "'"; }

/// Levenshtein distance; the tours library keeps its own private, so the plugin has this one.
size_t editDistance(const std::string &a, const std::string &b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j)
    row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

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
  size_t limit = std::max<size_t>(2, (name.size() + 2) / 3);
  std::vector<std::pair<size_t, std::string>> ranked;
  for (const auto &n : names)
    if (size_t d = editDistance(name, n); d <= limit)
      ranked.emplace_back(d, n);
  std::sort(ranked.begin(), ranked.end());
  std::vector<std::string> out;
  for (size_t i = 0; i < ranked.size() && i < 3; ++i)
    out.push_back(ranked[i].second);
  return out;
}

/// The form the anchor asks for first (docs/tour-format.md order); others are fallbacks.
std::string primaryForm(const tours::Anchor &a) {
  if (!a.function.empty() && !a.pattern.empty())
    return "function + pattern";
  if (!a.file.empty() && !a.pattern.empty())
    return "file + pattern";
  if (!a.function.empty())
    return "function";
  return "file + line";
}

std::string formWording(const std::string &form) { return form == "function" ? "function entry" : form; }

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

struct Placement {
  const AnchorCandidate *candidate = nullptr;
  std::string function, file;
  unsigned line = 0;
  size_t locations = 0;
};

/// Where `c` has code in the own modules, found with a temporary breakpoint that is deleted
/// again at once (LLDB's own resolver is the one `tour start` uses, so both agree).
Placement probe(lldb::SBTarget target, const lldb::SBFileSpecList &modules, const AnchorCandidate &c) {
  Placement p;
  lldb::SBFileSpecList noFiles;
  lldb::SBFileSpecList moduleList = modules; // the SB call takes a non-const reference
  lldb::SBBreakpoint bp =
      c.line == 0 ? target.BreakpointCreateByName(c.function.c_str(), lldb::eFunctionNameTypeAuto,
                                                  modules, noFiles)
                  : target.BreakpointCreateByLocation(lldb::SBFileSpec(c.file.c_str(), false), c.line,
                                                      0, 0, moduleList, /*move_to_nearest_code=*/true);
  if (!bp.IsValid())
    return p;
  p.locations = bp.GetNumLocations();
  if (p.locations > 0) {
    p.candidate = &c;
    lldb::SBAddress addr = bp.GetLocationAtIndex(0).GetAddress();
    lldb::SBLineEntry entry = addr.GetLineEntry();
    p.file = entry.IsValid() ? pathOf(entry.GetFileSpec()) : c.file;
    p.line = entry.IsValid() ? entry.GetLine() : c.line;
    lldb::SBFunction fn = addr.GetFunction();
    p.function = fn.IsValid() && fn.GetDisplayName() ? fn.GetDisplayName() : c.function;
  }
  target.BreakpointDelete(bp.GetID());
  return p;
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
void checkStop(const tours::Tour &tour, const Checked &stop, lldb::SBTarget target,
               const std::vector<lldb::SBModule> &modules, const lldb::SBFileSpecList &specs,
               const AnchorResolver &resolver, std::string &out, Tally &tally) {
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
  AnchorCandidates candidates = resolver.candidatesFor(a);
  Placement found;
  for (const auto &c : candidates.candidates)
    if ((found = probe(target, specs, c)).candidate)
      break;

  if (!found.candidate) {
    std::string why;
    auto add = [&](const std::string &part) { why += (why.empty() ? "" : "; ") + part; };
    // A named function always yields a "function" candidate when it exists.
    bool functionMissing = !a.function.empty() &&
        std::none_of(candidates.candidates.begin(), candidates.candidates.end(),
                     [](const AnchorCandidate &c) { return c.form == "function"; });
    if (functionMissing) {
      std::string part = "function " + quoted(a.function) + " not found in the target";
      auto close = closestFunctions(modules, a.function);
      for (size_t i = 0; i < close.size(); ++i)
        part += (i == 0 ? "; closest names: " : ", ") + quoted(close[i]);
      add(part);
    }
    for (const auto &f : candidates.failures)
      if (!functionMissing || f.compare(0, 9, "function ") != 0)
        add(f);
    for (const auto &c : candidates.candidates) {
      if (c.form != "file + line")
        continue;
      auto lines = readLines(c.file);
      if (lines && c.line > lines->size())
        add("line " + std::to_string(c.line) + " is past the end of " + quoted(a.file) + " (" +
            std::to_string(lines->size()) + " lines)");
      else
        add("line " + std::to_string(c.line) + " of " + quoted(a.file) + " has no code");
    }
    if (why.empty())
      why = "the anchor names nothing this program has";
    diagnostic(tours::Severity::Error, why);
    ++tally.errors;
    return;
  }

  const AnchorCandidate &c = *found.candidate;
  std::vector<std::string> warnings = c.warnings;
  if (c.form == "function + pattern" && c.line > 0) {
    // Several lines of the body holding the pattern: the first one is used.
    if (auto lines = readLines(c.file)) {
      unsigned last = c.line;
      for (const auto &m : modules) {
        lldb::SBModule module = m;
        lldb::SBSymbolContextList list = module.FindFunctions(a.function.c_str(), lldb::eFunctionNameTypeAuto);
        for (uint32_t i = 0; i < list.GetSize(); ++i) {
          lldb::SBFunction fn = list.GetContextAtIndex(i).GetFunction();
          lldb::SBCompileUnit cu = list.GetContextAtIndex(i).GetCompileUnit();
          lldb::addr_t lo = fn.GetStartAddress().GetFileAddress(), hi = fn.GetEndAddress().GetFileAddress();
          for (uint32_t k = 0; fn.IsValid() && k < cu.GetNumLineEntries(); ++k) {
            lldb::SBLineEntry e = cu.GetLineEntryAtIndex(k);
            lldb::addr_t addr = e.GetStartAddress().GetFileAddress();
            if (addr >= lo && addr < hi && pathOf(e.GetFileSpec()) == c.file)
              last = std::max(last, e.GetLine());
          }
        }
      }
      auto hits = findPattern(*lines, a.pattern, c.line, last);
      if (hits.size() > 1) {
        std::string where;
        std::string base = c.file.substr(c.file.find_last_of('/') + 1);
        for (size_t i = 0; i < hits.size(); ++i)
          where += (i ? ", " : "") + base + ":" + std::to_string(hits[i]);
        warnings.push_back("pattern " + quoted(a.pattern) + " matches " + std::to_string(hits.size()) +
                           " lines in " + quoted(a.function) + " (" + where + "); using the first");
      }
    }
  }
  std::string primary = primaryForm(a);
  // A pattern found by file + pattern inside the named function is what the anchor meant:
  // LLDB 14 cannot look a function template up by its plain name ("gf::fit").
  bool sameBody = c.form == "file + pattern" && primary == "function + pattern" &&
                  sameFunction(found.function, a.function);
  if (c.form != primary && !sameBody) {
    std::string failed;
    if (!a.pattern.empty() && !a.function.empty())
      failed = "pattern " + quoted(a.pattern) + " not found in " + quoted(a.function);
    else if (!a.pattern.empty())
      failed = "pattern " + quoted(a.pattern) + " not found in " + quoted(a.file);
    else
      failed = formWording(primary) + " did not resolve";
    warnings.push_back(failed + "; resolved by " + formWording(c.form) + " instead");
  }
  for (const auto &w : warnings)
    diagnostic(tours::Severity::Warning, w);
  ++(warnings.empty() ? tally.ok : tally.warnings);
  out += std::string(warnings.empty() ? "ok" : "warning") + "  " + stop.id + ": " + c.form + " -> " +
         found.function + " at " + found.file + ":" + std::to_string(found.line) + " (" +
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
    lldb::SBFileSpecList specs = ownModuleSpecs(modules);
    AnchorResolver resolver(target, modules, root);
    // `tour check` launches nothing and shows no source lines, so it reads the files under
    // the tour's own root (docs/security.md): an anchor cannot make it read /etc/passwd.
    SourceAccess access;
    access.trusted = false;
    access.root = root;
    access.compiled = std::make_shared<const std::set<std::string>>(compiledFiles(modules));
    if (lldb::SBFileSpec exe = target.GetExecutable(); exe.IsValid() && exe.GetDirectory())
      access.programDir = exe.GetDirectory();
    resolver.setSourceAccess(access);
    std::string out;
    Tally tally;
    for (const auto &stop : tour.stops)
      checkStop(tour, {stop.id, "stop " + quoted(stop.id) + " (" + render::sanitize(stop.title) + ")", stop.anchor, stop.pos}, target,
                modules, specs, resolver, out, tally);
    // Collected series resolve like stops (tour start places them the same way).
    std::vector<tours::SeriesPlace> series = tours::seriesOf(tour);
    for (const tours::SeriesPlace &place : series)
      checkStop(tour, {place.collect->name, "series " + quoted(place.collect->name), *place.anchor, place.collect->pos},
                target, modules, specs, resolver, out, tally);
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
