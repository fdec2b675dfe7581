// `tourguide export markdown`: the walkthrough (Walkthrough.h) as Markdown for a code host.
#include "tourguide/interop/Walkthrough.h"

#include <algorithm>

namespace tourguide::interop {

namespace {

size_t longestBacktickRun(const std::string &text) {
  size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

/// Code between backticks, with enough of them that the code's own backticks do not end it.
std::string inlineCode(const std::string &code) {
  std::string fence(longestBacktickRun(code) + 1, '`');
  bool pad = !code.empty() && (code.front() == '`' || code.back() == '`');
  return fence + (pad ? " " : "") + code + (pad ? " " : "") + fence;
}

/// The excerpt, numbered, the stop's line marked with '>', in a fence longer than any run of
/// backticks in it.
std::string excerpt(const WalkthroughStop &s) {
  unsigned last = s.firstLine + static_cast<unsigned>(s.excerpt.size()) - 1;
  size_t width = std::to_string(last).size();
  std::string body;
  size_t longest = 0;
  for (unsigned n = s.firstLine; n <= last; ++n) {
    std::string number = std::to_string(n);
    const std::string &text = s.excerpt[n - s.firstLine];
    longest = std::max(longest, longestBacktickRun(text));
    body += (n == s.line ? "> " : "  ") + std::string(width - number.size(), ' ') + number + " | " + text + "\n";
  }
  std::string fence(std::max<size_t>(3, longest + 1), '`');
  return fence + s.language + "\n" + body + fence + "\n";
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

Export exportMarkdown(const tours::Tour &tour, tours::SourceView &view, const WalkthroughOptions &options) {
  Walkthrough walk = walkthroughOf(tour, view, options);
  std::string md = "# " + tour.title + "\n\n";
  if (!tour.description.empty())
    md += tour.description + "\n\n";
  md += "**Program:** " + inlineCode(walk.command) +
        (tour.program.cwd.empty() ? std::string() : ", run in " + inlineCode(tour.program.cwd)) + ". This walkthrough is " +
        "the tour `" + walk.tourFileName + "` written out; in LLDB, `tour start` plays it with live values.\n\n";

  for (size_t i = 0; i < walk.stops.size(); ++i) {
    const WalkthroughStop &s = walk.stops[i];
    const tours::Stop &stop = *s.stop;
    md += "## " + std::to_string(i + 1) + ". " + stop.title + "\n\n";
    std::string meta = "*Stage: " + stop.stage + "*";
    if (s.resolved) {
      meta += " · [" + inlineCode(s.place) + "](" + s.link + ")";
      if (!s.function.empty())
        meta += " in " + inlineCode(s.function);
      if (std::string pass = passPhrase(stop.hit); !pass.empty())
        meta += ", " + pass;
    }
    md += meta + "\n\n";
    if (!stop.text.empty())
      md += stop.text + "\n\n";
    if (!s.resolved)
      md += "*This stop's place is not found in the sources: " + s.whyNotResolved + ".*\n\n";
    else if (!s.excerpt.empty())
      md += excerpt(s) + "\n";
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
  return Export{md, walk.notes, walk.unresolved};
}

} // namespace tourguide::interop
