// A problem found in a tour file, reported the way a compiler reports one.
#pragma once

#include <string>
#include <vector>

namespace tourguide::tours {

enum class Severity { Error, Warning, Note };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;     ///< Path of the tour file as given by the user.
  unsigned line = 0;    ///< 1-based; 0 = the file as a whole.
  unsigned column = 0;  ///< 1-based.
  std::string jsonPath; ///< Where in the document: "/stops/2/anchor/function" (JSON Pointer).
  std::string message;  ///< What was expected, e.g. "expected a string for 'title', found a number".

  /// "file:line:col: error: message [at /stops/2/title]"
  std::string format() const;
};

using Diagnostics = std::vector<Diagnostic>;

bool hasErrors(const Diagnostics &diags);

/// All diagnostics formatted, one per line, in file order.
std::string formatAll(const Diagnostics &diags);

} // namespace tourguide::tours
