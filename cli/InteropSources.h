// The sources `tourguide import` and `tourguide export` resolve anchors in: with -p BUILD_DIR, the
// checker's index of compile_commands.json (functions and their extents known, as `tourguide
// check` knows them); without it, the files on disk (file forms only).
#pragma once

#include "tourguide/checker/SourceIndex.h"
#include "tourguide/checker/SourceIndexView.h"
#include "tourguide/interop/CodeTour.h"
#include "tourguide/interop/DiskSourceView.h"

#include <memory>
#include <string>

namespace tourguide::cli {

struct InteropSources {
  std::unique_ptr<checker::SourceIndex> index; ///< Null without a build folder.
  checker::SourceFiles files;
  std::unique_ptr<tours::SourceView> view;
  /// The function holding a line, from the index (nothing without one).
  interop::EnclosingFunction enclosing;
  /// The first function defined at or after a line, from the index (nothing without one).
  interop::EnclosingFunction nextFunction;
};

/// Opens the sources of the repo at `root` (absolute; relative anchor files are relative to it);
/// the index parses the translation units under `root` and under `alsoUnder` (a CodeTour
/// workspace). `buildDir` empty: the files on disk.
/// Returns false with `error` when the compilation database cannot be loaded; warnings (TUs
/// that did not compile cleanly) go to `warning`.
bool openInteropSources(const std::string &buildDir, const std::string &root, InteropSources &out,
                        std::string &error, std::string &warning, const std::string &alsoUnder = "");

} // namespace tourguide::cli
