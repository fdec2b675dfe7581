// The LLDB backend of tours::SourceView: the functions and source files of the target's own
// modules as their debug info gives them, and LLDB's own breakpoint resolution to say whether a
// place has code. The rules that turn an anchor into a place (the form order, the file lookup
// order, the `./` rule) are tours::resolveAnchor's, shared with `tourguide check`.
// `tour start` keeps the breakpoint of the place that wins (named and disabled: StopArming
// arms it); `tour check` deletes it at once, so it leaves no breakpoint behind.
#pragma once

#include "SourceText.h"
#include "tourguide/tours/AnchorResolution.h"

#include <lldb/API/LLDB.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tourguide::plugin {

class DebugInfoView : public tours::SourceView {
public:
  /// Where LLDB put the place that won: its breakpoint's first location.
  struct Placement {
    lldb::break_id_t breakpointId = LLDB_INVALID_BREAK_ID; ///< Only when breakpoints are kept.
    std::string function;                                  ///< LLDB's display name of the function there.
    std::string file;                                      ///< Full path.
    unsigned line = 0;
    size_t locations = 0;
  };

  /// `access` says which source files may be read (docs/security.md); the default reads any.
  DebugInfoView(lldb::SBTarget target, std::vector<lldb::SBModule> modules, std::string repoRoot,
                SourceAccess access = {});

  /// Keeps the breakpoint of each winning place, named `name` and disabled. Without it (nullptr,
  /// the default) every breakpoint made to ask LLDB is deleted at once.
  void keepBreakpointsAs(const char *name) { keepAs_ = name; }

  /// tours::resolveAnchor in this view; `placed` receives where LLDB put the winner.
  tours::AnchorResolution resolve(const tours::Anchor &anchor, Placement &placed);

  const std::vector<lldb::SBModule> &modules() const { return modules_; }

  // tours::SourceView
  std::string repoRoot() const override { return repoRoot_; }
  std::vector<tours::FunctionBody> functionsNamed(const std::string &name) override;
  const std::vector<std::string> &sourceFiles() override;
  const std::vector<std::string> *lines(const std::string &path, std::string &why) override;
  bool hasCode(const tours::AnchorPlace &place) override;
  std::string functionScope() const override { return "(with debug info) in the program's own modules"; }
  std::string fileScope() const override { return "among the program's sources nor under the repo root"; }

private:
  lldb::SBTarget target_;
  std::vector<lldb::SBModule> modules_;
  lldb::SBFileSpecList moduleSpecs_;
  std::string repoRoot_;
  SourceAccess access_;
  const char *keepAs_ = nullptr;
  Placement placed_;
  std::optional<std::vector<std::string>> sourceFiles_;
  std::map<std::string, std::optional<std::vector<std::string>>> lines_;
  /// The definitions functionsNamed found that are no template's instance; FunctionBody::key is
  /// 1 + the index here (0: none).
  std::vector<std::pair<lldb::SBFunction, lldb::SBCompileUnit>> functions_;
};

/// "pattern 'P' matches N lines in WHERE (a.c:12, a.c:19); using the first" when the winning
/// pattern form found the pattern on several lines (WHERE: 'function', or the anchor's file);
/// "" otherwise. The one wording `tour start`, `tour list` and `tour check` use.
std::string repeatedPatternWarning(const tours::Anchor &anchor, const tours::AnchorPlace &place);

} // namespace tourguide::plugin
