// Prints tour diagnostics the way clang does: the diagnostic line, then the source line and
// a caret under the column.
#pragma once

#include "tourguide/tours/Diagnostic.h"

#include <ostream>
#include <string>
#include <string_view>

namespace tourguide::cli {

struct PrintOptions {
  bool color = false;
};

/// Prints `diag`; `source` is the text of diag.file (empty when it could not be read:
/// then no source line is shown).
void printDiagnostic(std::ostream &out, const tours::Diagnostic &diag, std::string_view source,
                     const PrintOptions &options);

/// The source line and caret line for a 1-based line and column, each ending in '\n';
/// empty when the line does not exist. Tabs before the column are copied into the caret
/// line so the caret stays aligned; a UTF-8 sequence counts as one column.
std::string sourceSnippet(std::string_view source, unsigned line, unsigned column);

/// "1 error and 2 warnings generated." or "" when both are zero.
std::string summaryLine(unsigned errors, unsigned warnings);

} // namespace tourguide::cli
