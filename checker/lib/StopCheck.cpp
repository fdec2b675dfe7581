// Resolves one anchor with tours::resolveAnchor over the source index (the rules the plugin
// applies to debug info), then compares every field the tour gives with what the sources say
// now, and proposes a repair only when exactly one reading of the evidence fits.
#include "tourguide/checker/StopCheck.h"
#include "tourguide/checker/Similarity.h"
#include "tourguide/tours/Suggest.h"

#include <algorithm>
#include <cctype>

namespace tourguide::checker {

using tours::Severity;

Severity StopCheck::worst() const {
  Severity s = Severity::Note;
  for (const Finding &f : findings)
    if (f.severity == Severity::Error || (f.severity == Severity::Warning && s == Severity::Note))
      s = f.severity;
  return s;
}

tours::Anchor applyRepairs(tours::Anchor anchor, const std::vector<Repair> &repairs) {
  for (const Repair &r : repairs) {
    if (r.field == "function")
      anchor.function = r.after;
    else if (r.field == "file")
      anchor.file = r.after;
    else if (r.field == "pattern")
      anchor.pattern = r.after;
    else if (r.field == "line")
      anchor.line = static_cast<unsigned>(std::stoul(r.after));
  }
  return anchor;
}

namespace {

std::string quoted(const std::string &s) { return "'" + s + "'"; }

std::string joinLines(const std::vector<unsigned> &lines) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i)
    out += (i == 0 ? "" : i + 1 == lines.size() ? " and " : ", ") + std::to_string(lines[i]);
  return out;
}

/// A candidate line for a changed pattern: where, how far, and the text a new pattern would use.
struct CodeMatch {
  const FunctionDef *function = nullptr;
  std::string file;
  unsigned line = 0;
  unsigned distance = 0;
  std::string newPattern;
  std::string lineText;
};

/// The text a repaired pattern should have: the part of the line that matched, widened to
/// whole words, or the whole line when the match covers most of it (tours usually quote
/// whole statements).
std::string patternFromMatch(const std::string &line, SubstringMatch m) {
  auto word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  size_t b = m.begin, e = m.end;
  while (b > 0 && b < line.size() && word(line[b - 1]) && word(line[b]))
    --b;
  while (e > 0 && e < line.size() && word(line[e - 1]) && word(line[e]))
    ++e;
  if (e - b >= line.size() * 4 / 5)
    return line;
  return collapseWhitespace(line.substr(b, e - b));
}

class Checker {
public:
  Checker(const tours::Anchor &anchor, const SourceIndex &index, SourceFiles &files, const std::string &root)
      : a_(anchor), index_(index), files_(files), root_(root), pattern_(collapseWhitespace(anchor.pattern)) {}

  StopCheck run() {
    resolve();
    checkFunction();
    checkFile();
    checkPattern();
    checkLine();
    if (!r_.findings.empty() && r_.repairs.empty() && r_.unfixableReason.empty())
      r_.unfixableReason = "no unambiguous repair";
    return std::move(r_);
  }

private:
  // --- lookups -------------------------------------------------------------
  std::string relative(const std::string &abs) const {
    if (abs.size() > root_.size() && abs.compare(0, root_.size(), root_) == 0 && abs[root_.size()] == '/')
      return abs.substr(root_.size() + 1);
    return abs;
  }

  std::vector<unsigned> hits(const std::string &file, unsigned first, unsigned last) {
    const std::vector<std::string> *lines = files_.lines(file);
    return lines ? tours::findPattern(*lines, pattern_, first, last) : std::vector<unsigned>();
  }

  std::string lineText(const std::string &file, unsigned line) {
    const std::vector<std::string> *lines = files_.lines(file);
    return lines && line >= 1 && line <= lines->size() ? collapseWhitespace((*lines)[line - 1]) : "";
  }

  /// The innermost definition whose body holds `line` of `file`.
  const FunctionDef *functionAt(const std::string &file, unsigned line) const {
    const FunctionDef *best = nullptr;
    for (const FunctionDef &fn : index_.functions)
      if (fn.file == file && fn.bodyBegin <= line && line <= fn.bodyEnd &&
          (!best || fn.bodyEnd - fn.bodyBegin < best->bodyEnd - best->bodyBegin))
        best = &fn;
    return best;
  }

  // --- resolution (tours::resolveAnchor) --------------------------------------------
  void resolve() {
    SourceIndexView view(index_, files_, root_);
    resolution_ = tours::resolveAnchor(a_, view);
    for (const tours::FunctionBody &body : resolution_.functions)
      fns_.push_back(&view.definition(body));
    fileAbs_ = resolution_.file;
    if (const tours::AnchorPlace *w = resolution_.winner())
      set(resolution_.form, w->file, w->line, w->body ? &view.definition(*w->body) : functionAt(w->file, w->line));
  }

  void set(AnchorForm form, const std::string &file, unsigned line, const FunctionDef *fn) {
    r_.form = form;
    r_.absoluteFile = file;
    r_.file = relative(file);
    r_.line = line;
    resolvedFn_ = fn;
    r_.function = fn ? nameLike(*fn, a_.function) : "";
  }

  /// The name of `fn` written the way the tour writes names (with or without template arguments).
  static std::string nameLike(const FunctionDef &fn, const std::string &tourName) {
    if (tourName.empty())
      return fn.displayName();
    const std::string *best = &fn.names.front();
    for (const std::string &n : fn.names)
      if (tours::editDistance(n, tourName) < tours::editDistance(*best, tourName))
        best = &n;
    return *best;
  }

  bool resolvedByPatternOrFunction() const {
    return r_.form == AnchorForm::FunctionPattern || r_.form == AnchorForm::FilePattern ||
           r_.form == AnchorForm::Function;
  }

  void add(Severity s, const std::string &field, const std::string &message) {
    r_.findings.push_back({s, field, message});
  }

  void note(const std::string &kind, const FunctionDef *fn, const std::string &file, unsigned line) {
    for (const Candidate &c : r_.candidates)
      if (c.kind == kind && c.file == relative(file) && c.line == line)
        return;
    r_.candidates.push_back({kind, fn ? nameLike(*fn, a_.function) : "", relative(file), line, lineText(file, line)});
  }

  void unfixable(const std::string &why) {
    if (r_.unfixableReason.empty())
      r_.unfixableReason = why;
  }

  // --- function ----------------------------------------------------------------
  void checkFunction() {
    if (a_.function.empty() || !fns_.empty())
      return;
    Severity s = r_.form == AnchorForm::FilePattern ? Severity::Warning : Severity::Error;
    std::string message = "function " + quoted(a_.function) + " is not defined in the sources";
    if (s == Severity::Warning)
      message += "; the stop still resolves by file + pattern";
    add(s, "function", message);

    // The closest names, then the functions whose bodies hold the stop's code.
    std::vector<std::string> names;
    for (const FunctionDef &fn : index_.functions)
      names.push_back(nameLike(fn, a_.function));
    for (size_t i : tours::closestNames(a_.function, names)) {
      const FunctionDef &fn = index_.functions[i];
      note("name", &fn, fn.file, fn.line);
    }

    std::vector<const FunctionDef *> holders = functionsHoldingPattern();
    for (const FunctionDef *fn : holders)
      note("body", fn, fn->file, fn->line);
    if (a_.pattern.empty())
      return unfixable("the anchor has no pattern to tell which function the code moved to");
    if (holders.size() != 1)
      return unfixable(holders.empty() ? "no function holds the pattern" : "several functions hold the pattern");
    // A copy of the same body elsewhere would make the rename a guess.
    for (const FunctionDef &other : index_.functions)
      if (&other != holders.front() && !other.body.empty() &&
          tokenSimilarity(other.body, holders.front()->body) >= 0.95)
        return unfixable("the body of " + quoted(holders.front()->displayName()) + " also appears in " +
                         quoted(other.displayName()));
    r_.repairs.push_back({"function", a_.function, nameLike(*holders.front(), a_.function),
                          "renamed: its body holds the pattern"});
  }

  /// Functions whose bodies hold the pattern: in the anchor's file first, else anywhere.
  std::vector<const FunctionDef *> functionsHoldingPattern() {
    std::vector<const FunctionDef *> inFile, anywhere;
    if (pattern_.empty())
      return {};
    for (const FunctionDef &fn : index_.functions) {
      if (hits(fn.file, fn.bodyBegin, fn.bodyEnd).empty())
        continue;
      // Only the innermost holder: a lambda's enclosing function is not a second candidate.
      bool hasInner = false;
      for (const FunctionDef *k : anywhere)
        hasInner = hasInner || (k->file == fn.file && fn.bodyBegin <= k->bodyBegin && k->bodyEnd <= fn.bodyEnd);
      if (hasInner)
        continue;
      anywhere.push_back(&fn);
      if (fn.file == fileAbs_)
        inFile.push_back(&fn);
    }
    return inFile.empty() ? anywhere : inFile;
  }

  // --- file ----------------------------------------------------------------------
  void checkFile() {
    if (a_.file.empty())
      return;
    if (fileAbs_.empty()) {
      bool ok = r_.form == AnchorForm::FunctionPattern || r_.form == AnchorForm::Function;
      add(ok ? Severity::Warning : Severity::Error, "file",
          "file " + quoted(a_.file) + " is not among the sources" +
              (ok ? "; " + quoted(r_.function) + " is defined in " + r_.file : std::string()));
      if (ok)
        r_.repairs.push_back({"file", a_.file, r_.file, "the function moved to " + r_.file});
      return;
    }
    if ((r_.form == AnchorForm::FunctionPattern || r_.form == AnchorForm::Function) && r_.absoluteFile != fileAbs_) {
      add(Severity::Warning, "file",
          "file " + quoted(a_.file) + " is out of date: " + quoted(r_.function) + " is defined in " + r_.file);
      r_.repairs.push_back({"file", a_.file, r_.file, "the function moved to " + r_.file});
    }
  }

  // --- pattern -------------------------------------------------------------------
  void checkPattern() {
    if (pattern_.empty())
      return;
    if (r_.form == AnchorForm::FilePattern && !fns_.empty()) {
      // The function exists but the pattern now lives elsewhere in the file.
      add(Severity::Warning, "pattern",
          "pattern " + quoted(a_.pattern) + " is not in the body of " + quoted(nameLike(*fns_.front(), a_.function)) +
              "; the stop resolves by file + pattern to " + r_.file + ":" + std::to_string(r_.line) +
              (r_.function.empty() ? std::string() : " in " + quoted(r_.function)));
      note("match", resolvedFn_, r_.absoluteFile, r_.line);
      return unfixable("the pattern left the function: whether the stop follows it is for a person to say");
    }
    if (r_.form == AnchorForm::FunctionPattern || r_.form == AnchorForm::FilePattern) {
      std::vector<unsigned> lines;
      std::string where;
      lines = resolution_.winner()->hits;
      where = r_.form == AnchorForm::FunctionPattern ? quoted(r_.function) : r_.file;
      if (lines.size() < 2)
        return;
      add(Severity::Warning, "pattern",
          "pattern " + quoted(a_.pattern) + " occurs " + std::to_string(lines.size()) + " times in " + where +
              " (lines " + joinLines(lines) + "); the first is used");
      for (unsigned line : lines)
        note("match", functionAt(r_.absoluteFile, line), r_.absoluteFile, line);
      return unfixable("which occurrence the stop means is for a person to say");
    }

    // Neither the function nor the file exists: their findings say so, and the pattern has
    // nowhere to be looked for.
    if (fns_.empty() && fileAbs_.empty())
      return;
    // The pattern is nowhere: look for the line it has become.
    std::string scope = fns_.empty() ? a_.file : "the body of " + quoted(nameLike(*fns_.front(), a_.function));
    bool fallsBack = r_.form == AnchorForm::Function;
    if (fallsBack)
      add(Severity::Warning, "pattern",
          "pattern " + quoted(a_.pattern) + " is not in " + scope + "; the stop falls back to the function's entry");
    else
      add(Severity::Error, "pattern",
          "pattern " + quoted(a_.pattern) + " is not in " + scope +
              (r_.form == AnchorForm::FileLine ? "; only file + line resolves the stop, to a line the anchor cannot confirm"
                                               : std::string()));

    std::vector<CodeMatch> matches = closestLines();
    for (size_t i = 0; i < matches.size() && i < 2; ++i)
      note("code", matches[i].function, matches[i].file, matches[i].line);
    if (matches.empty())
      return unfixable("no line is close to the pattern");
    unsigned limit = std::max<unsigned>(2, static_cast<unsigned>(pattern_.size() * 35 / 100));
    unsigned margin = std::max<unsigned>(2, static_cast<unsigned>(pattern_.size() / 5));
    if (matches[0].distance > limit)
      return unfixable("no line is close enough to the pattern");
    if (matches.size() > 1 && matches[1].distance < matches[0].distance + margin)
      return unfixable("several lines are about as close to the pattern");
    r_.repairs.push_back({"pattern", a_.pattern, matches[0].newPattern,
                          "the closest line is " + relative(matches[0].file) + ":" + std::to_string(matches[0].line)});
  }

  /// Lines closest to the pattern, nearest first: in the named functions' bodies, else in
  /// the anchor's file, else in every function body.
  std::vector<CodeMatch> closestLines() {
    std::vector<std::tuple<std::string, unsigned, unsigned>> ranges; // file, first, last
    for (const FunctionDef *fn : fns_)
      ranges.emplace_back(fn->file, fn->bodyBegin, fn->bodyEnd);
    if (ranges.empty() && !fileAbs_.empty())
      ranges.emplace_back(fileAbs_, 1, ~0u);
    if (ranges.empty())
      for (const FunctionDef &fn : index_.functions)
        ranges.emplace_back(fn.file, fn.bodyBegin, fn.bodyEnd);
    std::vector<CodeMatch> out;
    for (const auto &[file, first, last] : ranges) {
      const std::vector<std::string> *lines = files_.lines(file);
      if (!lines)
        continue;
      for (unsigned n = first; n <= std::min<unsigned>(last, static_cast<unsigned>(lines->size())); ++n) {
        std::string text = collapseWhitespace((*lines)[n - 1]);
        if (text.empty())
          continue;
        bool seen = false;
        for (const CodeMatch &m : out)
          seen = seen || (m.file == file && m.line == n);
        if (seen)
          continue;
        SubstringMatch m = closestSubstring(pattern_, text);
        out.push_back({functionAt(file, n), file, n, m.distance, patternFromMatch(text, m), text});
      }
    }
    std::stable_sort(out.begin(), out.end(), [](const CodeMatch &x, const CodeMatch &y) { return x.distance < y.distance; });
    return out;
  }

  // --- line ------------------------------------------------------------------------
  void checkLine() {
    if (a_.line > 0 && r_.form == AnchorForm::None && !fileAbs_.empty()) {
      const std::vector<std::string> *lines = files_.lines(fileAbs_);
      if (lines && a_.line > lines->size())
        add(Severity::Error, "line",
            "line " + std::to_string(a_.line) + " is past the end of " + a_.file + " (" +
                std::to_string(lines->size()) + " lines)");
    }
    if (a_.line == 0 || r_.form == AnchorForm::FileLine || r_.form == AnchorForm::None)
      return;
    // The line is read in `file`: only meaningful when the file is the resolved one (a moved
    // function is reported on `file` already, and its repair brings the line along below).
    bool sameFile = !fileAbs_.empty() && fileAbs_ == r_.absoluteFile;
    bool fileRepaired = false;
    for (const Repair &rep : r_.repairs)
      fileRepaired = fileRepaired || rep.field == "file";
    if (!sameFile && !fileRepaired)
      return;
    if (r_.form == AnchorForm::Function) {
      const FunctionDef *fn = resolvedFn_;
      if (!sameFile || a_.line < fn->bodyBegin || a_.line > fn->bodyEnd) {
        if (sameFile)
          add(Severity::Warning, "line",
              "line " + std::to_string(a_.line) + " is outside " + quoted(r_.function) + " (lines " +
                  std::to_string(fn->bodyBegin) + "-" + std::to_string(fn->bodyEnd) + ")");
        // Only when nothing else is being repaired: a repaired pattern brings its own line.
        bool patternRepaired = false;
        for (const Repair &rep : r_.repairs)
          patternRepaired = patternRepaired || rep.field == "pattern";
        if (!patternRepaired)
          r_.repairs.push_back({"line", std::to_string(a_.line), std::to_string(fn->bodyBegin),
                                "the function's body starts there"});
      }
      return;
    }
    if (a_.line == r_.line)
      return;
    if (sameFile)
      add(Severity::Warning, "line",
          "line " + std::to_string(a_.line) + " is out of date: the pattern is on line " + std::to_string(r_.line));
    r_.repairs.push_back({"line", std::to_string(a_.line), std::to_string(r_.line), "the pattern is there"});
  }

  const tours::Anchor &a_;
  const SourceIndex &index_;
  SourceFiles &files_;
  std::string root_;
  std::string pattern_;
  tours::AnchorResolution resolution_;
  std::vector<const FunctionDef *> fns_; ///< resolution_.functions' definitions.
  std::string fileAbs_;                  ///< resolution_.file.
  const FunctionDef *resolvedFn_ = nullptr;
  StopCheck r_;
};

} // namespace

StopCheck checkAnchor(const tours::Anchor &anchor, const SourceIndex &index, SourceFiles &files,
                      const std::string &repoRoot) {
  if (anchor.empty()) {
    StopCheck r;
    r.findings.push_back({Severity::Error, "", "the anchor names neither a function nor a file"});
    r.unfixableReason = "nothing to repair from";
    return r;
  }
  StopCheck r = Checker(anchor, index, files, repoRoot).run();
  if (r.form == AnchorForm::None && r.worst() != Severity::Error)
    r.findings.push_back({Severity::Error, "", "no form of the anchor resolves"});
  return r;
}

} // namespace tourguide::checker
