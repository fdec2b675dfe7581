// The anchor forms tried in the documented order, the file lookup order and the `./` rule, once
// for the plugin and the checker (docs/tour-format.md, "How an anchor is resolved").
#include "tourguide/tours/AnchorResolution.h"

#include "tourguide/tours/TourFile.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace tourguide::tours {

const char *formName(AnchorForm form) {
  switch (form) {
  case AnchorForm::FunctionPattern:
    return "function + pattern";
  case AnchorForm::FilePattern:
    return "file + pattern";
  case AnchorForm::Function:
    return "function";
  case AnchorForm::FileLine:
    return "file + line";
  case AnchorForm::None:
    break;
  }
  return "none";
}

std::vector<AnchorForm> formsOf(const Anchor &anchor) {
  std::vector<AnchorForm> forms;
  bool function = !anchor.function.empty(), file = !anchor.file.empty(), pattern = !anchor.pattern.empty();
  if (function && pattern)
    forms.push_back(AnchorForm::FunctionPattern);
  if (file && pattern)
    forms.push_back(AnchorForm::FilePattern);
  if (function)
    forms.push_back(AnchorForm::Function);
  if (file && anchor.line > 0)
    forms.push_back(AnchorForm::FileLine);
  return forms;
}

std::string normalizeAnchorFile(const std::string &file) {
  if (file.empty())
    return file;
  std::string out = std::filesystem::path(file).lexically_normal().string();
  while (out.size() > 1 && out.back() == '/')
    out.pop_back();
  return out == "." ? std::string() : out;
}

bool endsWithPath(const std::string &path, const std::string &suffix) {
  if (suffix.empty() || path.size() < suffix.size() ||
      path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0)
    return false;
  return path.size() == suffix.size() || suffix.front() == '/' || path[path.size() - suffix.size() - 1] == '/';
}

std::vector<unsigned> findPattern(const std::vector<std::string> &lines, const std::string &pattern, unsigned first,
                                  unsigned last) {
  std::vector<unsigned> found;
  std::string needle = collapseWhitespace(pattern);
  if (needle.empty() || lines.empty())
    return found;
  first = std::max(first, 1u);
  last = std::min<unsigned>(last, static_cast<unsigned>(lines.size()));
  for (unsigned n = first; n <= last; ++n)
    if (collapseWhitespace(lines[n - 1]).find(needle) != std::string::npos)
      found.push_back(n);
  return found;
}

std::string AnchorResolution::why(std::optional<FormFailure::Reason> skip) const {
  std::vector<const std::string *> said;
  std::string out;
  for (const FormFailure &f : failures) {
    if (skip && f.reason == *skip)
      continue;
    if (std::any_of(said.begin(), said.end(), [&](const std::string *s) { return *s == f.why; }))
      continue;
    said.push_back(&f.why);
    out += (out.empty() ? "" : "; ") + f.why;
  }
  return out;
}

namespace {

using Reason = FormFailure::Reason;

std::string quoted(const std::string &s) { return "'" + s + "'"; }

bool isUnder(const std::string &path, const std::string &folder) {
  return !folder.empty() && path.size() > folder.size() && path.compare(0, folder.size(), folder) == 0 &&
         (folder.back() == '/' || path[folder.size()] == '/');
}

} // namespace

std::string findAnchorFile(const std::string &written, SourceView &view) {
  std::string want = normalizeAnchorFile(written);
  if (want.empty())
    return {};
  std::string root = view.repoRoot();
  std::string direct =
      want.front() == '/' ? want : std::filesystem::path(root + "/" + want).lexically_normal().string();
  const std::vector<std::string> &files = view.sourceFiles();
  // 1. The file the tour names, when the program was built from it.
  if (std::find(files.begin(), files.end(), direct) != files.end())
    return direct;
  // 2. A source of the program with that path suffix: the repo's own first (a vendored copy
  // elsewhere never shadows it), else the first (a checkout that moved after the build).
  std::string outside;
  for (const std::string &f : files)
    if (endsWithPath(f, want)) {
      if (isUnder(f, root))
        return f;
      if (outside.empty())
        outside = f;
    }
  if (!outside.empty())
    return outside;
  // 3. The file on disk (a header the program lists no code from can still hold a pattern).
  std::string why;
  return view.lines(direct, why) ? direct : std::string();
}

namespace {

class Resolver {
public:
  Resolver(const Anchor &anchor, SourceView &view) : a_(anchor), view_(view) {}

  AnchorResolution run() {
    if (!a_.function.empty())
      r_.functions = view_.functionsNamed(a_.function);
    if (!a_.file.empty())
      r_.file = findAnchorFile(a_.file, view_);
    narrowFunctionsToFile();
    for (AnchorForm form : formsOf(a_)) {
      std::optional<AnchorPlace> place = placeFor(form);
      if (!place)
        continue;
      r_.candidates.push_back(std::move(*place));
      if (view_.hasCode(r_.candidates.back())) {
        r_.form = form;
        break;
      }
      fail(form, Reason::NoCode, noCode(r_.candidates.back()));
    }
    return std::move(r_);
  }

private:
  void fail(AnchorForm form, Reason reason, std::string why) { r_.failures.push_back({form, reason, std::move(why)}); }

  /// Several definitions of one name (a `main` per program, static helpers, overloads): the
  /// anchor's file says which one the tour means.
  void narrowFunctionsToFile() {
    if (r_.functions.size() < 2 || r_.file.empty())
      return;
    std::vector<FunctionBody> inFile;
    for (const FunctionBody &fn : r_.functions)
      if (fn.file == r_.file)
        inFile.push_back(fn);
    if (!inFile.empty())
      r_.functions = std::move(inFile);
  }

  bool haveFunction(AnchorForm form) {
    if (!r_.functions.empty())
      return true;
    fail(form, Reason::FunctionNotFound, "function " + quoted(a_.function) + " is not defined " + view_.functionScope());
    return false;
  }

  bool haveFile(AnchorForm form) {
    if (!r_.file.empty())
      return true;
    fail(form, Reason::FileNotFound, "file " + quoted(a_.file) + " is not " + view_.fileScope());
    return false;
  }

  std::optional<AnchorPlace> placeFor(AnchorForm form) {
    switch (form) {
    case AnchorForm::FunctionPattern:
      return functionPattern();
    case AnchorForm::FilePattern:
      return filePattern();
    case AnchorForm::Function:
      if (!haveFunction(form))
        return std::nullopt;
      return AnchorPlace{form, r_.functions.front().file, r_.functions.front().firstLine, a_.function,
                         r_.functions.front(), {}};
    case AnchorForm::FileLine:
      return fileLine();
    case AnchorForm::None:
      break;
    }
    return std::nullopt;
  }

  std::optional<AnchorPlace> functionPattern() {
    const AnchorForm form = AnchorForm::FunctionPattern;
    if (!haveFunction(form))
      return std::nullopt;
    for (const FunctionBody &fn : r_.functions) {
      std::string why;
      const std::vector<std::string> *lines = view_.lines(fn.file, why);
      if (!lines) {
        fail(form, Reason::NotReadable, "pattern not searched: " + why);
        continue;
      }
      std::vector<unsigned> hits = findPattern(*lines, a_.pattern, fn.firstLine, fn.lastLine);
      if (!hits.empty())
        return AnchorPlace{form, fn.file, hits.front(), a_.function, fn, std::move(hits)};
    }
    fail(form, Reason::PatternNotFound,
         "pattern " + quoted(a_.pattern) + " is not in the body of " + quoted(a_.function));
    return std::nullopt;
  }

  std::optional<AnchorPlace> filePattern() {
    const AnchorForm form = AnchorForm::FilePattern;
    if (!haveFile(form))
      return std::nullopt;
    std::string why;
    const std::vector<std::string> *lines = view_.lines(r_.file, why);
    if (!lines) {
      fail(form, Reason::NotReadable, "pattern not searched: " + why);
      return std::nullopt;
    }
    std::vector<unsigned> hits = findPattern(*lines, a_.pattern);
    if (hits.empty()) {
      fail(form, Reason::PatternNotFound, "pattern " + quoted(a_.pattern) + " is not in " + a_.file);
      return std::nullopt;
    }
    return AnchorPlace{form, r_.file, hits.front(), "", std::nullopt, std::move(hits)};
  }

  std::optional<AnchorPlace> fileLine() {
    const AnchorForm form = AnchorForm::FileLine;
    if (!haveFile(form))
      return std::nullopt;
    std::string why;
    if (const std::vector<std::string> *lines = view_.lines(r_.file, why); lines && a_.line > lines->size()) {
      fail(form, Reason::PastTheEnd,
           "line " + std::to_string(a_.line) + " is past the end of " + quoted(a_.file) + " (" +
               std::to_string(lines->size()) + " lines)");
      return std::nullopt;
    }
    return AnchorPlace{form, r_.file, a_.line, "", std::nullopt, {}};
  }

  std::string noCode(const AnchorPlace &p) const {
    if (p.form == AnchorForm::FileLine)
      return "line " + std::to_string(p.line) + " of " + quoted(a_.file) + " has no code";
    std::string where = p.form == AnchorForm::Function ? p.function : p.file + ":" + std::to_string(p.line);
    return std::string(formName(p.form)) + " (" + where + ") has no code";
  }

  const Anchor &a_;
  SourceView &view_;
  AnchorResolution r_;
};

} // namespace

AnchorResolution resolveAnchor(const Anchor &anchor, SourceView &view) { return Resolver(anchor, view).run(); }

} // namespace tourguide::tours
