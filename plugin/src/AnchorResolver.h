// Turns a stop's anchor into the places it can mean, in the order docs/tour-format.md
// fixes: 1. function + pattern, 2. file + pattern, 3. function entry, 4. file + line.
// Reads only debug info and source files; creates no breakpoints (StopArming does).
#pragma once

#include "SourceText.h"
#include "tourguide/tours/Tour.h"

#include <lldb/API/LLDB.h>

#include <string>
#include <vector>

namespace tourguide::plugin {

/// One way an anchor can be placed. A candidate is either a source line or a function entry.
struct AnchorCandidate {
  std::string form;          ///< "function + pattern", "file + pattern", "function", "file + line".
  std::string function;      ///< For "function": the name to break on. Otherwise informative.
  std::string file;          ///< Full path of the source file (line forms).
  unsigned line = 0;         ///< 1-based (line forms); 0 for a function entry.
  std::vector<std::string> warnings;
};

struct AnchorCandidates {
  std::vector<AnchorCandidate> candidates; ///< In resolution order.
  std::vector<std::string> failures;       ///< Why each form that applied found nothing.
};

class AnchorResolver {
public:
  AnchorResolver(lldb::SBTarget target, std::vector<lldb::SBModule> modules, std::string repoRoot);

  AnchorCandidates candidatesFor(const tours::Anchor &anchor) const;

  /// Which source files patterns may be searched in (default: any).
  void setSourceAccess(SourceAccess access) { access_ = std::move(access); }

private:
  struct FunctionBody {
    std::string name;
    std::string file;
    unsigned firstLine = 0, lastLine = 0;
  };
  /// Functions named `name` in the own modules (empty when none).
  std::vector<FunctionBody> findFunctions(const std::string &name) const;
  /// Full path of the source file named by `file` (suffix match on the debug info's files,
  /// then the repo root); empty when not found.
  std::string findSourceFile(const std::string &file) const;

  lldb::SBTarget target_;
  std::vector<lldb::SBModule> modules_;
  std::string repoRoot_;
  SourceAccess access_;
};

} // namespace tourguide::plugin
