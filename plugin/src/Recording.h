// Recording a tour in LLDB (`tour new`, `tour add`, `tour edit`, `tour remove`, `tour move`,
// `tour save`): which file is being recorded, and the pieces the recording commands share —
// reading the file before each change and writing it back at once (atomically, in the
// writer's stable layout), the anchor of the selected frame's line checked against the
// program's debug info, the program and arguments of a new tour, and $EDITOR.
//
// The file on disk is the recording: every change reads it, changes it and writes it back
// (tours::saveTourFile: a temporary file renamed over it), so nothing is lost when the
// debuggee or LLDB crash, and a change made to the file by hand in between is kept. Only the
// header of a tour that has no stop yet is held in memory (a tour file needs a stop): the
// file is written with the first `tour add`.
#pragma once

#include "TourSession.h"
#include "tourguide/tours/Authoring.h"
#include "tourguide/tours/Tour.h"

#include <lldb/API/LLDB.h>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace tourguide::plugin {

/// The tour `tour new` started, shared by the recording commands of one debugger.
struct RecordingState {
  std::string path;                  ///< Absolute path of the tour file; "" = no `tour new` open.
  std::optional<tours::Tour> header; ///< A new tour before its first stop (not on disk yet).
  /// Hit counts of every breakpoint location when the last stop was added, in process
  /// `hitsProcess` (SBProcess::GetUniqueID): a new stop's `hit` counts the passes since then.
  std::map<std::pair<lldb::break_id_t, lldb::break_id_t>, uint32_t> hitsAtLastStop;
  uint32_t hitsProcess = 0;

  bool open() const { return !path.empty(); }
  void close() { *this = RecordingState(); }
};

/// The tour file a recording command changes, read from disk: `tour new`'s, else the tour
/// being played. `fromPlayedTour` says it is the played one.
struct RecordedTour {
  std::string path;
  tours::Tour tour;
  bool fromPlayedTour = false;
  bool onDisk = false; ///< False for a new tour before its first stop.
};

/// Reads the tour to change. On failure returns false with `error`: nothing is being recorded
/// or played, or the file no longer loads (its diagnostics, so a broken hand edit is never
/// overwritten).
bool readRecordedTour(const RecordingState &recording, const TourSession &session, RecordedTour &out,
                      std::string &error);

/// Writes `recorded.tour` to its path after checking that the loader reads back exactly what
/// is written (the writer's layout, parseTour's validation). Returns "" or the error.
std::string writeRecordedTour(RecordingState &recording, RecordedTour &recorded);

/// The selected frame of the stopped program, for `tour add` / `tour edit --here`; or an
/// invalid frame with `error` set (no target, no process, running, no source line).
lldb::SBFrame selectedFrame(lldb::SBDebugger debugger, std::string &error);

/// Where a stop recorded at `frame` is: the anchor of its line (tours::anchorForLine over the
/// program's debug info, then LLDB's own breakpoint placement checked to be that line).
struct FramePlace {
  tours::LineAnchor anchor;
  std::string function; ///< The function's plain name ("" when unknown).
  std::string file;     ///< Absolute path of the source file.
  unsigned line = 0;
  std::string error;    ///< Why no anchor resolves back to the line.
};
FramePlace anchorAtFrame(lldb::SBFrame frame, const std::string &repoRoot);

/// The stop's `hit` for a stop added at `frame` now: the passes through the breakpoint
/// location the thread is stopped at since the last stop was recorded (1 when the program is
/// not stopped at a breakpoint on this line, which `note` then says).
unsigned hitAtFrame(const RecordingState &recording, lldb::SBFrame frame, std::string &note);

/// Remembers every breakpoint location's hit count (after a stop was added).
void rememberHits(RecordingState &recording, lldb::SBTarget target);

/// The `program` of a new tour for `target`: its executable relative to `repoRoot`, the
/// running process's arguments and working directory (from /proc on this machine, else the
/// target's launch settings), with paths under the program's folder or the repo written as
/// ${program_dir}/... or ${root}/.... `notes` receives what a tour reader should know (a
/// program or folder outside the repo root, which needs --trust).
tours::Program programOfTarget(lldb::SBTarget target, const std::string &repoRoot, std::vector<std::string> &notes);

/// The context shown under the text in $EDITOR: where the stop is, the source around
/// `file`:`line`, and the values of `watch` read in `frame` (when valid and at that line).
tours::EditorContext editorContext(const std::string &about, const std::string &file, unsigned line,
                                   lldb::SBFrame frame, const std::vector<tours::Watch> &watch);

/// Opens $VISUAL or $EDITOR on tours::editorTemplate(text, context) and returns the text the
/// author wrote. Returns false with `error` when no editor is set, it cannot be started, or it
/// exits with a failure (the text is then left as it was).
bool editText(const std::string &text, const tours::EditorContext &context, std::string &edited,
              std::string &error);

/// True when $VISUAL or $EDITOR names an editor.
bool haveEditor();

/// The largest file read as a stop's text (`--text-file`, the file $EDITOR wrote): a stop's
/// text is a few paragraphs.
constexpr size_t kMaxStopTextBytes = 1u << 20;

/// The file `path` read as a stop's text (tours::readBoundedRegularFile: a regular file of at
/// most kMaxStopTextBytes, so a FIFO or a device never hangs the debugger), with trailing
/// blank space removed; nullopt with `error` ("cannot read the text file 'a.md': it is a
/// FIFO (named pipe), not a regular file").
std::optional<std::string> readStopTextFile(const std::string &path, std::string &error);

} // namespace tourguide::plugin
