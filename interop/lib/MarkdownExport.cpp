// `tourguide export markdown`: a tour as a walkthrough to read on a code host (MarkdownExport.h).
#include "tourguide/interop/MarkdownExport.h"

#include "tourguide/tours/TourFile.h"

#include <algorithm>
#include <filesystem>

namespace tourguide::interop {

namespace {

namespace fs = std::filesystem;

std::string canonical(const std::string &path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  return ec ? fs::path(path).lexically_normal().string() : p.string();
}

std::string relative(const std::string &path, const std::string &base) {
  std::string rel = fs::path(canonical(path)).lexically_relative(canonical(base)).string();
  return rel.empty() ? canonical(path) : rel;
}

/// Code between backticks, with enough of them that the code's own backticks do not end it.
std::string inlineCode(const std::string &code) {
  size_t longest = 0, run = 0;
  for (char c : code) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  bool pad = !code.empty() && (code.front() == '`' || code.back() == '`');
  return fence + (pad ? " " : "") + code + (pad ? " " : "") + fence;
}

/// The fence's info string for a source file: "c", "cpp", "cuda", "python", or "".
std::string languageOf(const std::string &path) {
  std::string ext = fs::path(path).extension().string();
  for (char &c : ext)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".c")
    return "c";
  if (ext == ".cc" || ext == ".cpp" || ext == ".cxx" || ext == ".hpp" || ext == ".hh" || ext == ".hxx" || ext == ".h" ||
      ext == ".inl" || ext == ".ipp")
    return "cpp";
  if (ext == ".cu" || ext == ".cuh")
    return "cuda";
  if (ext == ".py")
    return "python";
  return {};
}

/// Lines `line - context` .. `line + context`, numbered, the stop's line marked with '>', in a
/// fence longer than any run of backticks in them.
std::string excerpt(const std::vector<std::string> &lines, unsigned line, unsigned context, const std::string &lang) {
  unsigned first = line > context ? line - context : 1;
  unsigned last = std::min<unsigned>(line + context, static_cast<unsigned>(lines.size()));
  size_t width = std::to_string(last).size();
  std::string body;
  size_t longest = 0;
  for (unsigned n = first; n <= last; ++n) {
    std::string number = std::to_string(n);
    const std::string &text = lines[n - 1];
    size_t run = 0;
    for (char c : text) {
      run = c == '`' ? run + 1 : 0;
      longest = std::max(longest, run);
    }
    body += (n == line ? "> " : "  ") + std::string(width - number.size(), ' ') + number + " | " + text + "\n";
  }
  std::string fence(std::max<size_t>(3, longest + 1), '`');
  return fence + lang + "\n" + body + fence + "\n";
}

std::string watchList(const tours::Stop &stop) {
  std::string out;
  for (const tours::Watch &w : stop.watch) {
    std::string item = inlineCode(w.expr);
    if (!w.label.empty())
      item += " (" + w.label + ")";
    out += (out.empty() ? "" : ", ") + item;
  }
  return out;
}

} // namespace

Export exportMarkdown(const tours::Tour &tour, tours::SourceView &view, const MarkdownOptions &options) {
  Export out;
  const std::string root = tours::repoRoot(tour);
  const std::string base = options.outputFolder.empty() ? root : options.outputFolder;
  std::string md = "# " + tour.title + "\n\n";
  if (!tour.description.empty())
    md += tour.description + "\n\n";
  std::string command = tour.program.path;
  for (const std::string &a : tour.program.args)
    command += " " + a;
  md += "**Program:** " + inlineCode(command) +
        (tour.program.cwd.empty() ? std::string() : ", run in " + inlineCode(tour.program.cwd)) + ". This walkthrough is " +
        "the tour `" + fs::path(tour.sourcePath).filename().string() + "` written out; in LLDB, `tour start` plays it " +
        "with live values.\n\n";

  for (size_t i = 0; i < tour.stops.size(); ++i) {
    const tours::Stop &stop = tour.stops[i];
    md += "## " + std::to_string(i + 1) + ". " + stop.title + "\n\n";
    tours::AnchorResolution r = tours::resolveAnchor(stop.anchor, view);
    const tours::AnchorPlace *w = r.winner();
    std::string meta = "*Stage: " + stop.stage + "*";
    if (w) {
      std::string fromRoot = relative(w->file, root);
      std::string target = options.linkPrefix.empty() ? relative(w->file, base) : options.linkPrefix + fromRoot;
      std::string anchor = "#L" + std::to_string(w->line);
      meta += " · [" + inlineCode(fromRoot + anchor) + "](" + target + anchor + ")";
      std::string function = !stop.anchor.function.empty() ? stop.anchor.function
                             : w->body                     ? w->body->name
                                                           : std::string();
      if (!function.empty())
        meta += " in " + inlineCode(function);
      if (stop.hit > 1)
        meta += ", the " + std::to_string(stop.hit) + (stop.hit % 10 == 2 && stop.hit % 100 != 12   ? "nd"
                                                       : stop.hit % 10 == 3 && stop.hit % 100 != 13 ? "rd"
                                                                                                     : "th") +
                " time the program gets there";
    }
    md += meta + "\n\n";
    if (!stop.text.empty())
      md += stop.text + "\n\n";
    if (w) {
      std::string why;
      if (const std::vector<std::string> *lines = view.lines(w->file, why); lines && w->line <= lines->size())
        md += excerpt(*lines, w->line, options.context, languageOf(w->file)) + "\n";
    } else {
      ++out.unresolved;
      out.notes.push_back("stop '" + stop.id + "' does not resolve: " + r.why());
      md += "*This stop's place is not found in the sources: " + r.why() + ".*\n\n";
    }
    if (!stop.watch.empty())
      md += "**Watched values:** " + watchList(stop) + "\n\n";
    if (!stop.collect.empty()) {
      std::string names;
      for (const tours::Collect &c : stop.collect)
        names += (names.empty() ? "" : ", ") + inlineCode(c.expr) + " as *" + c.name + "*";
      md += "**Collected while the program runs:** " + names + "\n\n";
    }
  }
  while (md.size() > 1 && md[md.size() - 1] == '\n' && md[md.size() - 2] == '\n')
    md.pop_back();
  out.text = md;
  return out;
}

} // namespace tourguide::interop
