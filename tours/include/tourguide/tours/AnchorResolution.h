// What an anchor means: the one place a stop (or a collected series) is, resolved by the rules
// docs/tour-format.md gives in "How an anchor is resolved". The rules live here, once; what the
// program holds comes from a SourceView. The LLDB plugin's view reads the debug info of the
// program being debugged (`tour start`, `tour check`), the checker's view reads the source index
// built from compile_commands.json (`tourguide check`), so every tool resolves an anchor alike.
#pragma once

#include "tourguide/tours/Files.h" // readLines: where patterns are looked for
#include "tourguide/tours/Tour.h"

#include <optional>
#include <string>
#include <vector>

namespace tourguide::tours {

/// The forms of an anchor, in the order they are tried. None: no form resolved.
enum class AnchorForm { None, FunctionPattern, FilePattern, Function, FileLine };

/// "function + pattern", "file + pattern", "function", "file + line"; "none".
const char *formName(AnchorForm form);

/// The forms `anchor` gives, in the order they are tried: function + pattern needs `function`
/// and `pattern`, file + pattern `file` and `pattern`, function `function`, file + line `file`
/// and `line`.
std::vector<AnchorForm> formsOf(const Anchor &anchor);

/// An anchor's `file` as it is matched: "." segments (a leading "./" too) and "x/.." folded
/// lexically, no trailing '/'. "./src/a.c" and "src/x/../a.c" are "src/a.c".
std::string normalizeAnchorFile(const std::string &file);

/// True when `path` is `suffix` or ends with "/" + `suffix` (a whole-component path suffix:
/// "src/a.c" matches "/repo/src/a.c", not "/repo/xsrc/a.c"; a `suffix` starting with '/'
/// brings its own boundary).
bool endsWithPath(const std::string &path, const std::string &suffix);

class SourceView;

/// The file an anchor's `file` names, absolute, in resolveAnchor's lookup order (and
/// docs/tour-format.md's): the file under the repo root when the program was built from it, else
/// a source of the program ending with that path (the repo's own first), else the file on disk
/// under the repo root; "" when none is found.
std::string findAnchorFile(const std::string &written, SourceView &view);

/// 1-based numbers of the lines in [first, last] (clamped to the file) that contain `pattern`,
/// runs of whitespace compared as one space (collapseWhitespace). An empty pattern matches
/// nothing.
std::vector<unsigned> findPattern(const std::vector<std::string> &lines, const std::string &pattern,
                                  unsigned first = 1, unsigned last = ~0u);

/// One definition of a function, as a SourceView knows it.
struct FunctionBody {
  std::string name;       ///< The view's name for it: "nn::Linear::forward", "gf::Layered<float>::apply".
  std::string file;       ///< Absolute path of the file holding the body.
  unsigned firstLine = 0; ///< The body's first line: where the function form is reported.
  unsigned lastLine = 0;  ///< The body's last line; a pattern is looked for in [firstLine, lastLine].
  size_t key = 0;         ///< The view's own handle for the definition (the checker: its index position).
};

/// A place one form of the anchor found.
struct AnchorPlace {
  AnchorForm form = AnchorForm::None;
  std::string file;             ///< Absolute path.
  unsigned line = 0;            ///< 1-based; for the function form, the body's first line.
  std::string function;         ///< Function forms: the anchor's `function` as the tour writes it.
  std::optional<FunctionBody> body; ///< Function forms: the definition the place is in.
  std::vector<unsigned> hits;   ///< Pattern forms: every line of the body (or the file) holding the
                                ///< pattern, in order; `line` is the first.
};

/// Why a form the anchor gives found no place.
struct FormFailure {
  enum class Reason {
    FunctionNotFound, ///< The view has no definition answering to `function`.
    FileNotFound,     ///< Neither the program's sources nor the repo root hold `file`.
    NotReadable,      ///< The file the pattern would be looked for in cannot or may not be read.
    PatternNotFound,  ///< The pattern is not in the function's body / the file.
    PastTheEnd,       ///< `line` is past the end of `file`.
    NoCode,           ///< The place was found but the program has no code there.
  };
  AnchorForm form = AnchorForm::None;
  Reason reason = Reason::NoCode;
  std::string why; ///< One sentence: "pattern 'x' is not in the body of 'f'".
};

/// What resolveAnchor needs to know about a program and its sources. Backends: the plugin's
/// debug-info view (plugin/src/DebugInfoView.h) and the checker's source-index view
/// (tourguide/checker/SourceIndexView.h).
class SourceView {
public:
  virtual ~SourceView() = default;

  /// The tour's repo root, absolute: a relative anchor `file` is looked for under it.
  virtual std::string repoRoot() const = 0;
  /// Definitions answering to `name`, by the view's name rule (LLDB's function lookup in the
  /// program's own modules; the source index's exact, template-argument-free or trailing-
  /// component match), in the view's order.
  virtual std::vector<FunctionBody> functionsNamed(const std::string &name) = 0;
  /// The program's source files the view may read (absolute), in the view's order.
  virtual const std::vector<std::string> &sourceFiles() = 0;
  /// The lines of the regular file `path` (no line ends), or nullptr with `why` set: "cannot
  /// read PATH" (missing, unreadable, a folder or a device), or why the view may not read it.
  virtual const std::vector<std::string> *lines(const std::string &path, std::string &why) = 0;
  /// Whether the program has code at `place` (a line without code may move on to the next
  /// one that has). Asked in resolution order until one place has code.
  virtual bool hasCode(const AnchorPlace &place) = 0;
  /// Where functions are looked for, as failures say it: "in the sources".
  virtual std::string functionScope() const = 0;
  /// Where files are looked for, as failures say it: "among the sources".
  virtual std::string fileScope() const = 0;
};

struct AnchorResolution {
  AnchorForm form = AnchorForm::None;  ///< The form that won; None when no form found code.
  std::vector<AnchorPlace> candidates; ///< Every place found, in resolution order; the winner last.
  std::vector<FormFailure> failures;   ///< Why each form tried before the winner (all of them when
                                       ///< none won) failed, in resolution order.
  std::vector<FunctionBody> functions; ///< The definitions `function` names; when there are
                                       ///< several and some are in the anchor's file, those.
  std::string file;                    ///< The anchor's `file` as found (absolute); "" when not.

  bool resolved() const { return form != AnchorForm::None; }
  /// The place of the form that won; nullptr when none did.
  const AnchorPlace *winner() const { return resolved() ? &candidates.back() : nullptr; }
  /// The failures' sentences joined by "; ", each once, leaving out those for `skip`.
  std::string why(std::optional<FormFailure::Reason> skip = std::nullopt) const;
};

/// Resolves `anchor` in `view`. The forms formsOf() gives are tried in order; the first that
/// finds a place the view says has code wins. `file` is looked for, in this order:
///   1. the file under the repo root (or the absolute path), when it is one of the program's
///      sources;
///   2. a source of the program whose path ends with `file` (normalizeAnchorFile), one under
///      the repo root first, else the first in the view's order;
///   3. the file under the repo root on disk, when the view can read it.
/// When `function` names several definitions and some are in the file found, only those count.
AnchorResolution resolveAnchor(const Anchor &anchor, SourceView &view);

} // namespace tourguide::tours
