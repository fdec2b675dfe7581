// A tour as a Markdown walkthrough, for reading on a code host without a debugger: the tour's
// title, description and program, then each stop with its stage, title, text, a `path#Lnn`
// link to its line and the source lines around it, and the values it watches.
#pragma once

#include "tourguide/interop/CodeTour.h"

#include <string>

namespace tourguide::interop {

struct MarkdownOptions {
  /// The folder the Markdown file will be in: links are relative to it. Empty: the tour's repo
  /// root (links such as `src/train.c#L40`).
  std::string outputFolder;
  /// When set, links are this prefix followed by the path from the repo root
  /// ("https://github.com/me/repo/blob/main/" + "src/train.c#L40") instead of relative ones.
  std::string linkPrefix;
  unsigned context = 3; ///< Source lines shown above and below each stop's line.
};

/// The walkthrough of `tour`, each stop resolved over `view` (tours::resolveAnchor). A stop that
/// does not resolve is shown with its text and why, without source.
Export exportMarkdown(const tours::Tour &tour, tours::SourceView &view, const MarkdownOptions &options = {});

} // namespace tourguide::interop
