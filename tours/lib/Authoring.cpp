// Authoring rules shared by `tour add` (LLDB) and `tourguide import codetour`: anchors checked
// against resolveAnchor before they are written, and a new stop's defaults.
#include "tourguide/tours/Authoring.h"

#include "tourguide/tours/TourFile.h"
#include "tourguide/tours/Trust.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <sstream>

namespace tourguide::tours {

namespace {

namespace fs = std::filesystem;

bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool hasAlnum(const std::string &s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
}

/// Where the comment that ends `line` starts (everything from there on is comment), or npos.
size_t trailingCommentStart(const std::string &line) {
  char quote = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quote) {
      if (c == '\\')
        ++i;
      else if (c == quote)
        quote = 0;
      continue;
    }
    if (c == '"' || c == '\'') {
      quote = c;
      continue;
    }
    if (c != '/' || i + 1 >= line.size())
      continue;
    if (line[i + 1] == '/')
      return i;
    if (line[i + 1] == '*') {
      size_t end = line.find("*/", i + 2);
      if (end == std::string::npos)
        return i; // the comment runs on to the next line
      // Only a comment that nothing but whitespace or another comment follows ends the line.
      std::string rest = line.substr(end + 2);
      size_t code = rest.find_first_not_of(" \t");
      if (code == std::string::npos || rest.compare(code, 2, "//") == 0 ||
          (rest.compare(code, 2, "/*") == 0 && trailingCommentStart(rest) == code))
        return i;
      i = end + 1;
    }
  }
  return std::string::npos;
}

std::string canonical(const std::string &path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::path(path), ec);
  return ec ? fs::path(path).lexically_normal().string() : p.string();
}

/// The anchor's `file` for `path`: relative to `root` when inside it, else absolute.
std::string anchorFile(const std::string &path, const std::string &root) {
  if (!root.empty() && isInsideFolder(path, root)) {
    std::string rel = fs::path(canonical(path)).lexically_relative(canonical(root)).string();
    if (!rel.empty() && rel != "." && rel.compare(0, 2, "..") != 0)
      return rel;
  }
  return canonical(path);
}

std::string lineList(const std::vector<unsigned> &lines) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i)
    out += (i == 0 ? "" : i + 1 == lines.size() ? " and " : ", ") + std::to_string(lines[i]);
  return out;
}

std::string lower(std::string s) {
  for (char &c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

} // namespace

std::string patternOfLine(const std::string &line) {
  size_t comment = trailingCommentStart(line);
  std::string pattern = collapseWhitespace(comment == std::string::npos ? line : line.substr(0, comment));
  return hasAlnum(pattern) ? pattern : std::string();
}

std::string plainFunctionName(const std::string &displayName) {
  std::string s = displayName;
  for (const std::string anon = "(anonymous namespace)::"; ;) {
    size_t at = s.find(anon);
    if (at == std::string::npos)
      break;
    s.erase(at, anon.size());
  }
  std::string out;
  int angle = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    bool operatorHere = s.compare(i, 8, "operator") == 0 && (i == 0 || !isIdentChar(s[i - 1])) &&
                        (i + 8 >= s.size() || !isIdentChar(s[i + 8]));
    if (operatorHere && angle == 0) {
      out += "operator";
      i += 8;
      if (s.compare(i, 2, "()") == 0) {
        out += "()";
        i += 2;
      }
      while (i < s.size() && s[i] != '(')
        out += s[i++];
      break;
    }
    char c = s[i];
    if (c == '<') {
      ++angle;
    } else if (c == '>' && angle > 0) {
      --angle;
    } else if (angle == 0) {
      if (c == '(')
        break;
      out += c;
    }
  }
  // Drop a return type ("void gf::fit" -> "gf::fit") and surrounding spaces.
  while (!out.empty() && out.back() == ' ')
    out.pop_back();
  size_t operatorAt = out.find("operator");
  size_t space = out.rfind(' ', operatorAt == std::string::npos ? std::string::npos : operatorAt);
  if (space != std::string::npos)
    out = out.substr(space + 1);
  while (!out.empty() && (out.front() == '*' || out.front() == '&'))
    out.erase(0, 1); // "float* gf::top" -> "gf::top"
  return out;
}

LineAnchor anchorForLine(SourceView &view, const LineAnchorRequest &request) {
  LineAnchor result;
  std::string why;
  const std::vector<std::string> *lines = view.lines(request.file, why);
  if (!lines) {
    result.error = why;
    return result;
  }
  if (request.line == 0 || request.line > lines->size()) {
    result.error = "line " + std::to_string(request.line) + " is past the end of '" + request.file + "' (" +
                   std::to_string(lines->size()) + " lines)";
    return result;
  }
  const std::string pattern = patternOfLine((*lines)[request.line - 1]);
  const std::string file = anchorFile(request.file, view.repoRoot());
  const std::string wanted = canonical(request.file);

  std::string lastWhy;
  // Resolves `a`; true when form `form` wins and lands on the requested line.
  auto lands = [&](const Anchor &a, AnchorForm form, AnchorResolution &r) {
    r = resolveAnchor(a, view);
    const AnchorPlace *w = r.winner();
    if (!w) {
      lastWhy = r.why();
      return false;
    }
    if (r.form != form || w->line != request.line || canonical(w->file) != wanted) {
      lastWhy = std::string("the ") + formName(r.form) + " form resolves to " +
                fs::path(w->file).filename().string() + ":" + std::to_string(w->line) + " instead";
      return false;
    }
    return true;
  };
  auto take = [&](Anchor a, const AnchorResolution &r) {
    result.anchor = std::move(a);
    result.form = r.form;
    const AnchorPlace &w = *r.winner();
    if (w.hits.size() > 1) {
      std::string scope = r.form == AnchorForm::FunctionPattern ? "'" + result.anchor.function + "'" : "'" + file + "'";
      result.notes.push_back("the pattern '" + pattern + "' is on " + std::to_string(w.hits.size()) + " lines of " +
                             scope + " (lines " + lineList(w.hits) +
                             "); this line is the first, so the stop resolves here, but 'tourguide check' warns "
                             "about the repetition");
    }
    return result;
  };

  AnchorResolution r;
  if (!pattern.empty()) {
    for (const std::string &function : request.functions) {
      if (function.empty())
        continue;
      Anchor a;
      a.function = function;
      a.file = file;
      a.pattern = pattern;
      a.line = request.line;
      if (lands(a, AnchorForm::FunctionPattern, r))
        return take(a, r);
    }
    Anchor a;
    a.file = file;
    a.pattern = pattern;
    a.line = request.line;
    if (lands(a, AnchorForm::FilePattern, r))
      return take(a, r);
  }
  Anchor a;
  a.file = file;
  a.line = request.line;
  if (lands(a, AnchorForm::FileLine, r)) {
    result.notes.push_back(pattern.empty()
                               ? "the line holds no code to match, so the stop is anchored by file and line only: "
                                 "lines added above it move it"
                               : "the line's code '" + pattern + "' is on an earlier line too, so the stop is "
                                 "anchored by file and line only: lines added above it move it");
    return take(a, r);
  }
  result.error = "no anchor resolves back to " + fs::path(request.file).filename().string() + ":" +
                 std::to_string(request.line) + (lastWhy.empty() ? "" : ": " + lastWhy);
  return result;
}

std::string guessStage(const std::string &function, const std::string &file) {
  static const std::vector<std::pair<const char *, std::vector<const char *>>> kWords = {
      {"checkpoint", {"checkpoint", "ckpt", "save", "serial", "snapshot"}},
      {"loss", {"loss", "entropy", "nll", "mse", "hinge", "criterion"}},
      {"metrics", {"metric", "accuracy", "confusion", "eval", "score", "precision", "recall"}},
      {"optimizer", {"sgd", "adam", "optim", "momentum", "update", "rmsprop", "zero_grad"}},
      {"model", {"forward", "backward", "layer", "linear", "conv", "relu", "model", "mlp", "net", "attention",
                 "embed", "matmul", "gemm", "softmax"}},
      {"data", {"load", "read", "batch", "data", "shuffle", "sample", "token", "fetch"}},
      {"loop", {"train", "epoch", "fit", "loop", "step"}},
  };
  for (const std::string &name : {lower(function), lower(fs::path(file).stem().string())}) {
    if (name.empty())
      continue;
    for (const auto &[stage, words] : kWords)
      for (const char *word : words)
        if (name.find(word) != std::string::npos)
          return stage;
  }
  return "setup";
}

std::string uniqueStopId(const Tour &tour, const std::string &text) {
  std::string base;
  for (char c : text) {
    unsigned char u = static_cast<unsigned char>(c);
    if (std::isalnum(u) && u < 0x80)
      base += static_cast<char>(std::tolower(u));
    else if (!base.empty() && base.back() != '-')
      base += '-';
  }
  while (!base.empty() && base.back() == '-')
    base.pop_back();
  if (base.size() > 40) {
    size_t cut = base.rfind('-', 40);
    base = base.substr(0, cut != std::string::npos && cut >= 20 ? cut : 40);
    while (!base.empty() && base.back() == '-')
      base.pop_back();
  }
  if (base.empty())
    base = "stop";
  auto used = [&](const std::string &id) {
    return std::any_of(tour.stops.begin(), tour.stops.end(), [&](const Stop &s) { return s.id == id; });
  };
  std::string id = base;
  for (int n = 2; used(id); ++n)
    id = base + "-" + std::to_string(n);
  return id;
}

int findStopIndex(const Tour &tour, const std::string &idOrNumber) {
  if (idOrNumber.empty())
    return -1;
  for (size_t i = 0; i < tour.stops.size(); ++i)
    if (tour.stops[i].id == idOrNumber)
      return static_cast<int>(i);
  if (idOrNumber.size() > 6 || idOrNumber.find_first_not_of("0123456789") != std::string::npos)
    return -1;
  int n = std::stoi(idOrNumber);
  return n >= 1 && n <= static_cast<int>(tour.stops.size()) ? n - 1 : -1;
}

std::vector<std::string> splitWatchList(const std::string &list) {
  std::vector<std::string> out;
  std::string current;
  int depth = 0;
  auto flush = [&] {
    std::string entry = collapseWhitespace(current);
    if (!entry.empty())
      out.push_back(entry);
    current.clear();
  };
  for (char c : list) {
    if (c == '(' || c == '[' || c == '{')
      ++depth;
    else if ((c == ')' || c == ']' || c == '}') && depth > 0)
      --depth;
    if (c == ',' && depth == 0) {
      flush();
      continue;
    }
    current += c;
  }
  flush();
  return out;
}

std::string editorTemplate(const std::string &text, const EditorContext &context) {
  std::string out = text;
  if (!out.empty() && out.back() != '\n')
    out += '\n';
  out += "\n";
  out += kEditorCutLine;
  out += "\nDo not change or remove the line above: it and everything below it are ignored.\n"
         "Write the stop's text above it, in Markdown, then save the file and quit the editor.\n"
         "An empty text leaves the stop without one.\n";
  auto section = [&](const char *title, const std::vector<std::string> &lines) {
    if (lines.empty())
      return;
    out += "\n";
    if (title)
      out += std::string(title) + "\n";
    for (const std::string &line : lines)
      out += line + "\n";
  };
  section(nullptr, context.about);
  section("Source:", context.source);
  section("Values now:", context.values);
  out += "-->\n";
  return out;
}

std::string textFromEditor(const std::string &edited) {
  std::string text = edited.compare(0, 3, "\xEF\xBB\xBF") == 0 ? edited.substr(3) : edited;
  std::istringstream in(text);
  std::vector<std::string> kept;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    std::string trimmed = line;
    while (!trimmed.empty() && (trimmed.back() == ' ' || trimmed.back() == '\t'))
      trimmed.pop_back();
    if (trimmed == kEditorCutLine)
      break;
    kept.push_back(line);
  }
  auto blank = [](const std::string &line) { return line.find_first_not_of(" \t") == std::string::npos; };
  while (!kept.empty() && blank(kept.back()))
    kept.pop_back();
  size_t first = 0;
  while (first < kept.size() && blank(kept[first]))
    ++first;
  std::string out;
  for (size_t i = first; i < kept.size(); ++i)
    out += kept[i] + (i + 1 < kept.size() ? "\n" : "");
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t'))
    out.pop_back();
  return out;
}

} // namespace tourguide::tours
