// Writing tours where code is read: an anchor for a line that resolves back to that line, the
// defaults of a new stop (id, stage, title), and the text an author edits in $EDITOR. One set of
// rules for the LLDB plugin's recording commands (`tour add`, over the program's debug info)
// and `tourguide import codetour` (over the sources of compile_commands.json): both hand a
// SourceView to anchorForLine, which checks each anchor with resolveAnchor before it is used.
#pragma once

#include "tourguide/tours/AnchorResolution.h"
#include "tourguide/tours/Tour.h"

#include <string>
#include <vector>

namespace tourguide::tours {

/// A source line as an anchor pattern: its code without a trailing `//` or `/* */` comment
/// (quotes are honoured), runs of whitespace collapsed. "" for a line with no code.
std::string patternOfLine(const std::string &line);

/// "nn::Linear::forward" for LLDB's "nn::Linear::forward(nn::Tensor const&)",
/// "gf::fit" for "void gf::fit<float, gf::Loss>(gf::Model&, int)": the qualified name without
/// return type, parameters, template arguments or "(anonymous namespace)::" components.
/// "operator<" and the like are kept whole.
std::string plainFunctionName(const std::string &displayName);

/// What anchorForLine is asked for.
struct LineAnchorRequest {
  std::string file;  ///< Absolute path of the source file, as the view names it.
  unsigned line = 0; ///< 1-based.
  /// The function holding the line, by the names to try, best first ("nn::Linear::forward");
  /// empty when none is known (a line outside any function, a file the view has no code for).
  std::vector<std::string> functions;
};

/// An anchor for one line, and what the author should know about it.
struct LineAnchor {
  Anchor anchor;                      ///< Set when ok().
  AnchorForm form = AnchorForm::None; ///< The form it resolves by.
  std::vector<std::string> notes;     ///< E.g. the pattern occurs on several lines of the function.
  std::string error;                  ///< Why no anchor resolves back to the line.

  bool ok() const { return form != AnchorForm::None; }
};

/// An anchor that survives edits for `request.line` of `request.file`: function + the line's
/// pattern (patternOfLine), with the file (relative to the view's repo root when it is inside
/// it) and the line as hints. Candidates are tried in this order, and the first that
/// resolveAnchor resolves back to the same file and line wins:
///   1. { function, file, pattern, line } for each name in request.functions;
///   2. { file, pattern, line } (a function the view cannot look up by name: a template);
///   3. { file, line } (a line whose code repeats an earlier line, or a line without code).
/// A pattern found on several lines of its function (or file) is still used when the line is
/// the first of them; a note says so, and that `tourguide check` warns about it.
LineAnchor anchorForLine(SourceView &view, const LineAnchorRequest &request);

/// The stage a stop in `function` (file `file`) most likely shows, from words in their names:
/// "loss" for softmax_cross_entropy, "optimizer" for sgd_update, "model" for mlp_forward, ...;
/// "setup" when no word says more. A guess, which the author is told about.
std::string guessStage(const std::string &function, const std::string &file);

/// An id for a new stop made from `text` (a title or a function name): lowercase letters,
/// digits and '-', at most 40 characters, not yet used in `tour` ("-2", "-3", ... appended).
std::string uniqueStopId(const Tour &tour, const std::string &text);

/// The index of the stop named by an id or a 1-based number in `tour`, or -1 (an id wins
/// over a number).
int findStopIndex(const Tour &tour, const std::string &idOrNumber);

/// Splits a `--watch` list ("a,b->c,x[0]") at the commas outside brackets and parentheses,
/// each entry trimmed; empty entries are dropped.
std::vector<std::string> splitWatchList(const std::string &list);

/// The line that ends the author's text in an editor template; it and everything after it is
/// ignored.
inline constexpr const char *kEditorCutLine = "<!-- ------------------------ >8 ------------------------";

/// What the editor template shows under the cut line, each a list of lines.
struct EditorContext {
  std::vector<std::string> about;  ///< "Stop 3 of 5 'update' [optimizer]: SGD updates the weights", where.
  std::vector<std::string> source; ///< The source excerpt, as the stop shows it.
  std::vector<std::string> values; ///< "name = value" lines of the values now.
};

/// The file opened in $EDITOR: `text` (the stop's text so far), the cut line, how to use the
/// file, then `context`, ending with "-->" so a Markdown viewer hides all of it.
std::string editorTemplate(const std::string &text, const EditorContext &context);

/// The author's text from an edited template: everything before the cut line, trailing
/// whitespace and blank lines at the end removed (and a byte-order mark at the start).
std::string textFromEditor(const std::string &edited);

} // namespace tourguide::tours
