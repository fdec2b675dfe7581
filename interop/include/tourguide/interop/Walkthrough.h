// A tour as a walkthrough, for reading on a code host or in a browser without a debugger: the
// tour's title, description and program, then each stop with its stage, title, text, a
// `path#Lnn` link to its line and the source lines around it, and the values it watches.
// One model (walkthroughOf) is written out as Markdown (`tourguide export markdown`) or as one
// self-contained HTML page (`tourguide export html`).
#pragma once

#include "tourguide/interop/CodeTour.h"

#include <string>
#include <vector>

namespace tourguide::interop {

struct WalkthroughOptions {
  /// The folder the written file will be in: links are relative to it. Empty: the tour's repo
  /// root (links such as `src/train.c#L40`).
  std::string outputFolder;
  /// When set, links are this prefix followed by the path from the repo root
  /// ("https://github.com/me/repo/blob/main/" + "src/train.c#L40") instead of relative ones.
  std::string linkPrefix;
  unsigned context = 3; ///< Source lines shown above and below each stop's line.
};

/// One stop as the walkthrough shows it.
struct WalkthroughStop {
  const tours::Stop *stop = nullptr;
  bool resolved = false;
  std::string whyNotResolved;         ///< When not resolved.
  std::string place;                  ///< "src/train.c#L40", from the repo root.
  std::string link;                   ///< Where the place links to ("../src/train.c#L40").
  std::string function;               ///< The function the line is in, when known.
  unsigned line = 0;                  ///< The stop's line.
  std::vector<std::string> excerpt;   ///< The source lines around it...
  unsigned firstLine = 0;             ///< ...starting at this line.
  std::string language;               ///< "c", "cpp", "cuda", "python" or "" (from the file name).
};

struct Walkthrough {
  const tours::Tour *tour = nullptr;
  std::string command;      ///< program.path and its arguments.
  std::string tourFileName; ///< The tour file's name ("train.json").
  std::vector<WalkthroughStop> stops;
  std::vector<std::string> notes; ///< One per stop that does not resolve.
  size_t unresolved = 0;
};

/// Every stop of `tour` resolved over `view` (tours::resolveAnchor); `tour` must outlive it.
Walkthrough walkthroughOf(const tours::Tour &tour, tours::SourceView &view, const WalkthroughOptions &options = {});

/// "the 2nd time the program gets there" for hit 2; empty for a hit of 0 or 1.
std::string passPhrase(unsigned hit);

/// The walkthrough as Markdown. A stop that does not resolve is shown with its text and why,
/// without source, and counted in `unresolved` with a note.
Export exportMarkdown(const tours::Tour &tour, tours::SourceView &view, const WalkthroughOptions &options = {});

/// The walkthrough as one HTML page (inline CSS only, nothing loads or runs): the tour's and
/// stops' Markdown through cmark's safe mode, everything else escaped. Unresolved stops as in
/// exportMarkdown.
Export exportHtml(const tours::Tour &tour, tours::SourceView &view, const WalkthroughOptions &options = {});

} // namespace tourguide::interop
