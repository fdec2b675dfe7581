// `tourguide import codetour`: a CodeTour .tour file as a tourguide tour (interop/CodeTour.h).
#include "tourguide/interop/CodeTour.h"
#include "tourguide/interop/Declarations.h"

#include "tourguide/tours/Authoring.h"
#include "tourguide/tours/TourFile.h"
#include "tourguide/tours/Trust.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <regex>

namespace tourguide::interop {

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

/// Lines longer than this are not searched with a step's regular expression (std::regex
/// recurses per character and a minified line would exhaust the stack).
constexpr size_t kMaxRegexLine = 4096;

std::string stringOf(const json &object, const char *key) {
  auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string oneLine(std::string text, size_t max = 60) {
  for (char &c : text)
    if (c == '\n' || c == '\r' || c == '\t')
      c = ' ';
  text = tours::collapseWhitespace(text);
  if (text.size() > max) {
    size_t cut = max - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
      --cut;
    text = text.substr(0, cut) + "...";
  }
  return text;
}

/// The first Markdown heading of `markdown` ("### Tour Player" -> "Tour Player"), or "".
std::string firstHeading(const std::string &markdown) {
  size_t begin = 0;
  while (begin < markdown.size()) {
    size_t end = markdown.find('\n', begin);
    std::string line = markdown.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
    std::string trimmed = tours::collapseWhitespace(line);
    if (!trimmed.empty()) {
      if (trimmed[0] != '#')
        return {};
      size_t text = trimmed.find_first_not_of('#');
      return text == std::string::npos ? std::string() : tours::collapseWhitespace(trimmed.substr(text));
    }
    if (end == std::string::npos)
      break;
    begin = end + 1;
  }
  return {};
}

/// A 1-based line from a JSON number ("line": 12, or 12.0); 0 when it is not one.
unsigned lineNumber(const json &value) {
  if (value.is_number_unsigned() || value.is_number_integer()) {
    long long n = value.get<long long>();
    return n >= 1 && n <= 100000000 ? static_cast<unsigned>(n) : 0;
  }
  if (value.is_number_float()) {
    double d = value.get<double>();
    return d >= 1 && d <= 1e8 && std::floor(d) == d ? static_cast<unsigned>(d) : 0;
  }
  return 0;
}

/// The first line of `path` matching CodeTour's regular expression `pattern`; 0 when none.
unsigned lineOfPattern(tours::SourceView &view, const std::string &path, const std::string &pattern,
                       std::string &problem) {
  std::string why;
  const std::vector<std::string> *lines = view.lines(path, why);
  if (!lines) {
    problem = why;
    return 0;
  }
  std::regex re;
  try {
    re = std::regex(pattern, std::regex::ECMAScript);
  } catch (const std::regex_error &e) {
    problem = "its pattern is not a regular expression tourguide can read (" + std::string(e.what()) + ")";
    return 0;
  }
  try {
    for (size_t i = 0; i < lines->size(); ++i)
      if ((*lines)[i].size() <= kMaxRegexLine && std::regex_search((*lines)[i], re))
        return static_cast<unsigned>(i + 1);
  } catch (const std::regex_error &e) {
    problem = "its pattern could not be matched (" + std::string(e.what()) + ")";
    return 0;
  }
  problem = "its pattern matches no line of " + path;
  return 0;
}

std::string commandList(const json &commands) {
  std::string out;
  if (commands.is_array())
    for (const json &c : commands)
      out += (out.empty() ? "" : ", ") + (c.is_string() ? "'" + c.get<std::string>() + "'" : c.dump());
  return out.empty() ? commands.dump() : out;
}

/// Why a top-level key of a CodeTour file has no place in a tourguide tour.
std::string droppedTopLevel(const std::string &key, const json &value) {
  if (key == "ref")
    return "'ref' (" + value.dump() + ") is dropped: tourguide's anchors follow the code, not a git ref";
  if (key == "isPrimary")
    return "'isPrimary' is dropped: it marks the tour VS Code offers first";
  if (key == "nextTour")
    return "'nextTour' (" + value.dump() + ") is dropped: tourguide tours are not chained";
  if (key == "stepMarker")
    return "'stepMarker' (" + value.dump() + ") is dropped: tourguide does not look for markers in the code";
  if (key == "when")
    return "'when' (" + value.dump() + ") is dropped, never evaluated: it is JavaScript that decides whether VS Code "
                                       "shows the tour";
  return "'" + key + "' is dropped: it is not part of CodeTour's format, nor of tourguide's";
}

/// A step on a function's signature (its name's line through the body's first line) is a stop
/// at the function's entry: { function, file }, when the view resolves it so.
tours::LineAnchor signatureAnchor(tours::SourceView &view, const std::string &path, unsigned line,
                                  const std::vector<std::string> &names) {
  tours::LineAnchor made;
  std::error_code ec;
  for (const std::string &name : names)
    for (const tours::FunctionBody &body : view.functionsNamed(name)) {
      if (body.firstLine < line || !fs::equivalent(body.file, path, ec))
        continue;
      tours::Anchor entry;
      entry.function = name;
      std::string rel = fs::path(path).lexically_relative(view.repoRoot()).string();
      entry.file = tours::isInsideFolder(path, view.repoRoot()) && !rel.empty() ? rel : path;
      tours::AnchorResolution r = tours::resolveAnchor(entry, view);
      // Overloads: the entry form finds the first definition, which must be this one.
      if (r.form != tours::AnchorForm::Function || r.winner()->line != body.firstLine ||
          !fs::equivalent(r.winner()->file, path, ec))
        continue;
      made.anchor = entry;
      made.form = r.form;
      made.notes.push_back("line " + std::to_string(line) + " is the signature of '" + name +
                           "': the stop is at its entry");
      return made;
    }
  return made;
}

/// Of several definitions (overloads, or one per class), those whose head (the lines up to the
/// body's `{`) has the declaration's parameter types; else those in a file named like the
/// declaration's (socket.hh -> socket.cc).
std::vector<tours::FunctionBody> definitionsOf(tours::SourceView &view, const std::string &path,
                                               const DeclaredFunction &declared,
                                               std::vector<tours::FunctionBody> bodies) {
  constexpr unsigned kHeadLines = 4;
  const std::vector<std::string> wanted = parameterTypes(declared.parameters);
  std::vector<tours::FunctionBody> sameParameters, beside;
  for (const tours::FunctionBody &body : bodies) {
    std::string why, head;
    if (const std::vector<std::string> *lines = view.lines(body.file, why))
      for (unsigned l = body.firstLine > kHeadLines ? body.firstLine - kHeadLines : 1;
           l <= body.firstLine && l <= lines->size(); ++l)
        head += (*lines)[l - 1] + "\n";
    std::string parameters = definitionParameters(head, body.name);
    if (!parameters.empty() || head.find(declared.name.substr(declared.name.rfind(':') + 1)) != std::string::npos)
      if (parameterTypes(parameters) == wanted)
        sameParameters.push_back(body);
    if (fs::path(body.file).stem() == fs::path(path).stem())
      beside.push_back(body);
  }
  return sameParameters.size() == 1 ? sameParameters : beside.size() == 1 ? beside : bodies;
}

/// The anchor of a definition's entry: the function form when its name has no other definition
/// (a debugger would stop in every overload), else function + pattern at the body's first line
/// of code.
tours::LineAnchor entryAnchor(tours::SourceView &view, const tours::FunctionBody &body, bool overloaded) {
  tours::LineAnchor made;
  tours::Anchor entry;
  entry.function = body.name;
  std::string rel = fs::path(body.file).lexically_relative(view.repoRoot()).string();
  entry.file = tours::isInsideFolder(body.file, view.repoRoot()) && !rel.empty() ? rel : body.file;
  tours::AnchorResolution r = tours::resolveAnchor(entry, view);
  std::error_code ec;
  if (!overloaded && r.form == tours::AnchorForm::Function && r.winner()->line == body.firstLine &&
      fs::equivalent(r.winner()->file, body.file, ec)) {
    made.anchor = entry;
    made.form = r.form;
    return made;
  }
  for (unsigned l = body.firstLine; l <= body.lastLine; ++l) {
    made = tours::anchorForLine(view, {body.file, l, {body.name}});
    if (made.form == tours::AnchorForm::FunctionPattern)
      return made;
  }
  return {};
}

/// A step on the declaration of a function defined elsewhere (a header's `void bind( int port
/// );`) is a stop at the entry of its definition, when one definition answers to it (see
/// definitionsOf). When none or several do, or the function is deleted, `made` is not ok()
/// and its notes say why.
tours::LineAnchor declarationAnchor(tours::SourceView &view, const std::string &path, unsigned line) {
  tours::LineAnchor made;
  std::string why;
  const std::vector<std::string> *lines = view.lines(path, why);
  DeclaredFunction declared = lines ? declaredFunctionAt(*lines, line) : DeclaredFunction();
  if (declared.name.empty())
    return made;
  std::string name = declared.scope.empty() || declared.name.find("::") != std::string::npos
                         ? declared.name
                         : declared.scope + "::" + declared.name;
  const std::string at = "line " + std::to_string(line) + " declares '" + name + "'";
  if (declared.deleted) {
    made.notes.push_back(at + ", which is deleted: no code of it runs, so a run never reaches this stop");
    return made;
  }
  std::vector<tours::FunctionBody> bodies = view.functionsNamed(name);
  const bool overloaded = bodies.size() > 1;
  if (overloaded)
    bodies = definitionsOf(view, path, declared, bodies);
  if (bodies.size() != 1) {
    if (!bodies.empty())
      made.notes.push_back(at + ", which has " + std::to_string(bodies.size()) +
                           " definitions (overloads) its parameter types do not tell apart: the stop stays at the line");
    return made;
  }
  const tours::FunctionBody &body = bodies.front();
  made = entryAnchor(view, body, overloaded);
  if (!made.ok())
    made.notes.push_back(at + ", defined at " + body.file + ":" + std::to_string(body.firstLine) +
                         ", an overload whose body has no line of code to anchor it by: the stop stays at the line");
  else
    made.notes.insert(made.notes.begin(), "line " + std::to_string(line) + " declares '" + body.name +
                                              "', defined at " + made.anchor.file + ":" +
                                              std::to_string(body.firstLine) + ": the stop is at its entry");
  return made;
}

} // namespace

std::string codeTourWorkspace(const std::string &codeTourPath) {
  fs::path dir = fs::absolute(fs::path(codeTourPath)).lexically_normal().parent_path();
  std::string name = dir.filename().string();
  if (name == ".tours" || name == ".vscode" || name == ".github")
    return dir.parent_path().string();
  std::string parent = dir.parent_path().filename().string();
  if (name == "tours" && (parent == ".vscode" || parent == ".github"))
    return dir.parent_path().parent_path().string();
  // Tours may be in sub-folders of .tours: the nearest .tours above wins.
  for (fs::path up = dir; !up.empty() && up != up.root_path(); up = up.parent_path())
    if (up.filename() == ".tours")
      return up.parent_path().string();
  return dir.string();
}

CodeTourImport importCodeTour(std::string_view text, const std::string &codeTourPath, const std::string &tourPath,
                              tours::SourceView &view, const EnclosingFunction &enclosing,
                              const CodeTourImportOptions &options) {
  CodeTourImport out;
  json doc;
  try {
    doc = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/true, /*ignore_comments=*/true);
  } catch (const json::exception &e) {
    out.errors.push_back(codeTourPath + " is not JSON: " + e.what());
    return out;
  }
  if (!doc.is_object()) {
    out.errors.push_back(codeTourPath + " is not a CodeTour tour: its top level is not a JSON object");
    return out;
  }
  std::string title = stringOf(doc, "title");
  auto steps = doc.find("steps");
  if (tours::collapseWhitespace(title).empty())
    out.errors.push_back(codeTourPath + " is not a CodeTour tour: it has no \"title\"");
  if (steps == doc.end() || !steps->is_array())
    out.errors.push_back(codeTourPath + " is not a CodeTour tour: it has no \"steps\" array");
  if (!out.errors.empty())
    return out;

  tours::Tour tour;
  tour.sourcePath = fs::absolute(fs::path(tourPath)).lexically_normal().string();
  tour.title = oneLine(title, 200);
  tour.program.path = options.program.empty() ? "PROGRAM" : options.program;
  tour.program.cwd = options.cwd;
  tour.program.args = options.args;
  if (options.program.empty())
    out.notes.push_back("program.path is 'PROGRAM', a placeholder: set it with --program PATH (relative to the repo "
                        "root), or select the program in lldb ('lldb build/train'), which 'tour start' then uses");
  const std::string workspace = options.workspaceRoot.empty() ? codeTourWorkspace(codeTourPath) : options.workspaceRoot;
  const std::string root = tours::repoRoot(tour);

  std::vector<std::string> sections;
  if (std::string d = stringOf(doc, "description"); !d.empty())
    sections.push_back(d);
  for (auto it = doc.begin(); it != doc.end(); ++it)
    if (it.key() != "$schema" && it.key() != "title" && it.key() != "description" && it.key() != "steps")
      out.notes.push_back(droppedTopLevel(it.key(), it.value()));

  size_t n = 0;
  for (const json &step : *steps) {
    ++n;
    const std::string at = "step " + std::to_string(n);
    if (!step.is_object()) {
      out.notes.push_back(at + " is not a JSON object: skipped");
      continue;
    }
    std::string description = stringOf(step, "description");
    std::string stepTitle = oneLine(stringOf(step, "title"), 200);
    for (auto it = step.begin(); it != step.end(); ++it) {
      const std::string &key = it.key();
      if (key == "commands")
        out.notes.push_back(at + ": its 'commands' (" + commandList(it.value()) +
                            ") are dropped, never run: a tourguide tour cannot run commands");
      else if (key == "view")
        out.notes.push_back(at + ": 'view' (" + it.value().dump() + ") is dropped: it focuses a VS Code view");
      else if (key == "when")
        out.notes.push_back(at + ": 'when' (" + it.value().dump() + ") is dropped, never evaluated");
      else if (key != "file" && key != "directory" && key != "uri" && key != "line" && key != "pattern" &&
               key != "title" && key != "description" && key != "selection")
        out.notes.push_back(at + ": '" + key + "' is dropped: it has no place in a tourguide stop");
    }
    if (description.find("\n>>") != std::string::npos || description.compare(0, 2, ">>") == 0)
      out.notes.push_back(at + ": its '>> command' lines stay plain text: tourguide runs nothing from a tour's text");

    std::string file = stringOf(step, "file"), directory = stringOf(step, "directory"), uri = stringOf(step, "uri");
    if (!directory.empty() || file.empty()) {
      // Not a place in the code: a section of the tour's description.
      std::string heading = !stepTitle.empty() ? stepTitle
                            : !directory.empty() ? "`" + directory + "`"
                            : !uri.empty()       ? uri
                            : !firstHeading(description).empty() ? std::string()
                                                                 : "Step " + std::to_string(n);
      std::string section = heading.empty() ? std::string() : "## " + heading + "\n\n";
      if (!directory.empty())
        section += "The folder `" + directory + "`.\n\n";
      else if (!uri.empty())
        section += "<" + uri + ">\n\n";
      section += description;
      sections.push_back(section);
      out.notes.push_back(at + " (" +
                          (!directory.empty() ? "the directory '" + directory + "'"
                           : !uri.empty()     ? "the URI '" + uri + "'"
                                              : std::string("text only")) +
                          ") became a section of the tour's description, shown before the first stop");
      continue;
    }

    std::string path = fs::path(file).is_absolute() ? file : (fs::path(workspace) / file).lexically_normal().string();
    if (std::string why; !fs::path(file).is_absolute() && !view.lines(path, why)) {
      // Not in the workspace (a tool that wrote "webget.cc" for apps/webget.cc): the build's
      // source of that name, as 'tour start' and 'tourguide check' find it.
      std::string found = tours::findAnchorFile(file, view);
      if (!found.empty() && found != path) {
        std::string rel = fs::path(found).lexically_relative(root).string();
        out.notes.push_back(at + ": " + file + " is not in the workspace; the stop is in " +
                            (tours::isInsideFolder(found, root) && !rel.empty() ? rel : found) +
                            ", the build's source with that path, as 'tour start' and 'tourguide check' find it");
        path = found;
      }
    }
    unsigned line = 0;
    if (auto l = step.find("line"); l != step.end()) {
      line = lineNumber(*l);
      if (!line)
        out.notes.push_back(at + ": its 'line' " + l->dump() + " is not a line number");
    }
    if (!line)
      if (auto sel = step.find("selection"); sel != step.end() && sel->is_object() && sel->contains("start") &&
                                             (*sel)["start"].is_object() && (*sel)["start"].contains("line"))
        line = lineNumber((*sel)["start"]["line"]);
    if (step.contains("selection"))
      out.notes.push_back(at + ": its selection is dropped; the stop is at line " + std::to_string(line ? line : 1));
    std::string pattern = stringOf(step, "pattern");
    if (!line && !pattern.empty()) {
      std::string problem;
      line = lineOfPattern(view, path, pattern, problem);
      if (!line)
        out.notes.push_back(at + " (" + file + "): " + problem + "; the stop is at its first line");
    }
    if (!line) {
      if (pattern.empty())
        out.notes.push_back(at + " names only the file " + file + ": the stop is at its first line");
      line = 1;
    }

    std::vector<std::string> names = enclosing ? enclosing(path, line) : std::vector<std::string>();
    tours::LineAnchor made = signatureAnchor(view, path, line, names);
    std::vector<std::string> declarationNotes;
    if (!made.ok() && names.empty()) {
      made = declarationAnchor(view, path, line);
      if (made.ok())
        names = {made.anchor.function};
      else
        declarationNotes = std::move(made.notes);
    }
    if (!made.ok()) {
      made = tours::anchorForLine(view, {path, line, names});
      made.notes.insert(made.notes.begin(), declarationNotes.begin(), declarationNotes.end());
    }
    // A line without code outside any function: the entry of the file's next function.
    if (made.ok() && made.form == tours::AnchorForm::FileLine && made.anchor.pattern.empty() && names.empty() &&
        options.nextFunction)
      for (const std::string &next : options.nextFunction(path, line)) {
        tours::Anchor entry;
        entry.function = next;
        entry.file = made.anchor.file;
        tours::AnchorResolution r = tours::resolveAnchor(entry, view);
        // The entry form must land in this file, after the line (not on an overload elsewhere).
        std::error_code ec;
        if (r.form != tours::AnchorForm::Function || r.winner()->line < line ||
            !fs::equivalent(r.winner()->file, path, ec))
          continue;
        made.anchor = entry;
        made.form = r.form;
        made.notes = {"line " + std::to_string(line) + " holds no code and is in no function, so the stop is at the "
                      "entry of the next function, '" + next + "' (line " + std::to_string(r.winner()->line) + ")"};
        names = {next};
        break;
      }
    tours::Stop stop;
    std::string where = file + ":" + std::to_string(line);
    if (made.ok()) {
      stop.anchor = made.anchor;
      for (const std::string &note : made.notes)
        out.notes.push_back(at + " (" + where + "): " + note);
    } else {
      std::string rel = fs::path(path).lexically_relative(root).string();
      stop.anchor.file = tours::isInsideFolder(path, root) && !rel.empty() ? rel : path;
      stop.anchor.line = line;
      out.notes.push_back(at + " (" + where + ") does not resolve: " + made.error +
                          "; the stop keeps the file and line, and 'tourguide check' will report it");
    }
    std::string function = stop.anchor.function.empty() && !names.empty() ? names.front() : stop.anchor.function;
    stop.title = !stepTitle.empty()                 ? stepTitle
                 : !firstHeading(description).empty() ? oneLine(firstHeading(description), 80)
                 : !function.empty()                 ? function + " (" + where + ")"
                                                     : where;
    stop.stage = tours::guessStage(function, path);
    stop.id = tours::uniqueStopId(tour, !stepTitle.empty() ? stepTitle : !function.empty() ? function : stop.title);
    stop.text = description;
    out.notes.push_back(at + " (" + where + ") became stop '" + stop.id + "' [" + stop.stage + "]" +
                        (made.ok() ? std::string(", anchored by ") + tours::formName(made.form) : std::string()) +
                        (stop.anchor.function.empty() ? "" : " in '" + stop.anchor.function + "'"));
    tour.stops.push_back(std::move(stop));
  }
  if (tour.stops.empty()) {
    out.errors.push_back(codeTourPath + " has no step with a file, and a tourguide tour needs at least one stop");
    return out;
  }
  for (size_t i = 0; i < sections.size(); ++i)
    tour.description += (i ? "\n\n" : "") + sections[i];

  // What the writer produces must load: any error here is a bug in the import, said plainly.
  tours::LoadResult back = tours::parseTour(tours::writeTour(tour), tourPath);
  if (!back.ok()) {
    out.errors.push_back("the imported tour does not validate:\n" + tours::formatAll(back.diagnostics));
    return out;
  }
  out.tour = std::move(tour);
  return out;
}

} // namespace tourguide::interop
