// CodeTour (the VS Code extension's `.tour` files, https://aka.ms/codetour-schema) to and from
// tourguide tours (docs/interop.md).
//
// Import: a step with a file and a line (or a `selection`, or a `pattern`, CodeTour's regular
// expression) becomes a stop whose anchor tours::anchorForLine makes over a SourceView (the
// enclosing function, when the caller can name it, + the line's pattern, the file and the line as
// hints); a step with a `directory`, a `uri`, or nothing but text becomes a section of the
// tour's description. What a tourguide tour cannot hold is reported as dropped and never acted
// on: `commands` (VS Code commands CodeTour runs at a step), `view`, `when`, `ref`,
// `isPrimary`, `nextTour`, `stepMarker`, `selection` columns, unknown keys.
//
// Export: every stop's anchor is resolved over a SourceView (resolveAnchor) and written as a
// step with `file`, `line`, `title` and `description` (its text), in the tour's order.
#pragma once

#include "tourguide/tours/AnchorResolution.h"
#include "tourguide/tours/Tour.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tourguide::interop {

/// The names of the function that holds line `line` of `file` (absolute), best first; empty
/// when none is known (no build folder given, a line outside any function, a file that is not
/// compiled).
using EnclosingFunction = std::function<std::vector<std::string>(const std::string &file, unsigned line)>;

struct CodeTourImportOptions {
  /// The folder CodeTour's paths are relative to (the workspace). Default (empty): the folder
  /// holding the `.tours`, `.vscode` or `.github` folder the .tour file is in, else its own folder.
  std::string workspaceRoot;
  /// program.path of the tour written (a tour needs one). Empty: "PROGRAM", with a note.
  std::string program;
  std::string cwd;               ///< program.cwd ("${program_dir}", "build"); empty: the repo root.
  std::vector<std::string> args; ///< program.args.
  /// The names of the first function defined at or after a line of a file (may be empty). A
  /// step on a line without code outside any function (a file's first line, a comment between
  /// functions) becomes a stop at that function's entry: a debugger cannot stop on such a line.
  EnclosingFunction nextFunction;
};

struct CodeTourImport {
  std::optional<tours::Tour> tour; ///< Set unless `errors` says why not.
  std::vector<std::string> errors; ///< The file is not a CodeTour tour, or no step becomes a stop.
  std::vector<std::string> notes;  ///< Step by step: what became what, what was dropped and why.
};

/// Imports the CodeTour JSON `text` (read from `codeTourPath`) as a tourguide tour that will be
/// written to `tourPath` (its repo root, tours::repoRoot, is the root of `view`'s relative
/// anchor files). Anchors are made with tours::anchorForLine over `view`; `enclosing` names the
/// function around a line (may be empty).
CodeTourImport importCodeTour(std::string_view text, const std::string &codeTourPath, const std::string &tourPath,
                              tours::SourceView &view, const EnclosingFunction &enclosing,
                              const CodeTourImportOptions &options = {});

/// The default workspace root of a .tour file (see CodeTourImportOptions::workspaceRoot).
std::string codeTourWorkspace(const std::string &codeTourPath);

struct Export {
  std::string text;                ///< The file's content.
  std::vector<std::string> notes;  ///< Stops that did not resolve, paths outside the repo, ...
  size_t unresolved = 0;           ///< Stops written without a resolved line.
};

/// The CodeTour file for `tour`: "$schema", "title", "description", then one step per stop
/// with "title", "description" (the stop's text), "file" (relative to the tour's repo root, the
/// CodeTour workspace) and "line", each resolved over `view`. A stop that does not resolve keeps
/// the file and line its anchor gives, or else becomes a step without a file, with a note.
Export exportCodeTour(const tours::Tour &tour, tours::SourceView &view);

} // namespace tourguide::interop
