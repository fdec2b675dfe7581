// Opening a written HTML page in headless Chromium (Debian's package `chromium`) from a test:
// the command line (no network, no profile of the user's, a time limit), the output it prints,
// and the text a reader sees in the DOM it built. Shared by tests/report and tests/plugin.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>

namespace tourguide::testing {

/// /usr/bin/chromium, or $TOURGUIDE_CHROMIUM.
inline std::string chromiumPath() {
  const char *override = std::getenv("TOURGUIDE_CHROMIUM");
  return override && *override ? override : "/usr/bin/chromium";
}

/// The shell command that runs `action` ("--dump-dom", "--screenshot=F ...") on `page`, with
/// its profile in `profileDir`.
inline std::string chromiumCommand(const std::string &profileDir, const std::string &action,
                                   const std::string &page) {
  return "timeout 120 " + chromiumPath() +
         " --headless --no-sandbox --disable-gpu --disable-quic --no-first-run"
         " --disable-background-networking --disable-component-update --disable-sync"
         " --user-data-dir=" + profileDir + " " + action + " file://" + page + " 2>/dev/null";
}

/// Runs a shell command and returns its standard output.
inline std::string capture(const std::string &command) {
  std::string out;
  if (FILE *pipe = popen(command.c_str(), "r")) {
    char buffer[65536];
    size_t n;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0)
      out.append(buffer, n);
    pclose(pipe);
  }
  return out;
}

/// The visible text of serialized HTML: tags, <style> and <title> removed, entities decoded.
inline std::string textOf(const std::string &html) {
  std::string text;
  for (size_t i = 0; i < html.size();) {
    if (html.compare(i, 6, "<style") == 0 || html.compare(i, 6, "<title") == 0) {
      size_t end = html.find(html.compare(i, 6, "<style") == 0 ? "</style>" : "</title>", i);
      i = end == std::string::npos ? html.size() : end + 8;
    } else if (html[i] == '<') {
      size_t end = html.find('>', i);
      i = end == std::string::npos ? html.size() : end + 1;
      text += ' ';
    } else {
      text += html[i++];
    }
  }
  std::string decoded;
  for (size_t i = 0; i < text.size(); ++i) {
    static const std::pair<const char *, char> entities[] = {
        {"&lt;", '<'}, {"&gt;", '>'}, {"&amp;", '&'}, {"&quot;", '"'}, {"&#39;", '\''},
        {"&nbsp;", ' '}};
    bool replaced = false;
    for (const auto &[entity, c] : entities)
      if (text.compare(i, std::strlen(entity), entity) == 0) {
        decoded += c;
        i += std::strlen(entity) - 1;
        replaced = true;
        break;
      }
    if (!replaced)
      decoded += text[i];
  }
  return decoded;
}

} // namespace tourguide::testing
