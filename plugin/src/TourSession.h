// The state of the tour being played in one debugger: the loaded tour, where each stop
// resolved, which stop the program is at and which one it runs to next.
// Every command object holds a reference to the one TourSession of its debugger.
#pragma once

#include "SourceText.h"
#include "tourguide/tours/AnchorResolution.h"
#include "tourguide/tours/Tour.h"
#include "tourguide/values/NumericChange.h"

#include <lldb/API/LLDB.h>

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace tourguide::plugin {

class Collector;     // Collection.h
struct OrderGuard;   // StopArming.cpp

/// Where one stop of the tour resolved in the target (or why it did not).
struct ResolvedStop {
  bool resolved = false;
  tours::AnchorForm form = tours::AnchorForm::None; ///< Which anchor form won.
  std::string why;     ///< When not resolved: the reason, for `tour start` and `tour list`.
  std::vector<std::string> warnings; ///< E.g. a pattern found on several lines.
  std::string function;
  std::string file;    ///< Full path of the source file.
  unsigned line = 0;
  size_t locations = 0;
  lldb::break_id_t breakpointId = LLDB_INVALID_BREAK_ID;
  bool reached = false;
  bool skipped = false; ///< Passed over on purpose by `tour goto` or `tour start --from`.
  /// What the stop showed when the program reached it, for `tour report`.
  struct SeenWatch {
    std::string label, value;
    bool error = false;
    std::string change{}; ///< "Δ since stop 3 (init): 0.5→0.25"; empty when nothing matched.
  };
  std::vector<SeenWatch> seenWatches;
  std::string reachedAt; ///< UTC time (ISO 8601) the program reached the stop.
  /// When the program reached the stop: 1 for the first stop reached in this session, 2 for
  /// the next... (0: not yet). "Earlier stops" are those with a smaller number.
  uint64_t reachOrder = 0;
  /// The numbers its watches showed then (bounded samples), read in process
  /// `snapshotProcess` (SBProcess::GetUniqueID), to say at later stops how they changed.
  std::vector<values::NumericSnapshot> snapshots;
  uint32_t snapshotProcess = 0;
};

/// How the last run of the program ended, for `tour status` and the end summary.
enum class RunEnd { NotRun, AtStop, Elsewhere, Exited, Crashed, Gone };

struct TourSession {
  std::optional<tours::Tour> tour;
  std::vector<ResolvedStop> stops; ///< Parallel to tour->stops.
  lldb::SBTarget target;           ///< The target the tour's breakpoints live in.
  bool trusted = false;            ///< `--trust`: watches may run code in the debuggee.
  /// The files the target's own modules were compiled from (SourceAccess::compiled).
  std::shared_ptr<const std::set<std::string>> compiledSources;
  /// The tour's collected series and their breakpoints (null: the tour collects nothing).
  std::shared_ptr<Collector> collector;
  bool createdTarget = false;      ///< `tour start` created the target (vs. the user's own).
  /// Folders of the program's own shared libraries that the loader would not find
  /// (confirm/RepoLibraries.h), put before LD_LIBRARY_PATH at launch; "" when none.
  std::string repoLibraryPath;
  /// The next run launches a new process even if the old one still looks alive (it was just
  /// killed, and its state may not have caught up yet).
  bool launchFresh = false;
  /// The process the tour is driving (SBProcess::GetUniqueID); 0 = none launched yet.
  uint32_t processUid = 0;
  /// The stop the program is stopped at now (index into stops), or -1.
  int current = -1;
  /// Stops reached so far: the last ResolvedStop::reachOrder given.
  uint64_t reachCount = 0;
  /// Where the program was when it reached `current` (thread and pc), to tell whether the
  /// user has moved it since (stepping) when `tour show` reads the values again.
  lldb::tid_t currentThread = LLDB_INVALID_THREAD_ID;
  lldb::addr_t currentPc = LLDB_INVALID_ADDRESS;
  /// The stop `tour next` runs to, or -1 when every remaining stop is done.
  int awaited = -1;
  RunEnd lastEnd = RunEnd::NotRun;
  std::string lastEndText; ///< "exited with status 0", "stopped by signal SIGSEGV", ...
  /// A run to `awaited` that a command began and returned from while the program runs
  /// (ResumeMode::ReturnWhileRunning, in an editor), not reported yet (finishRun, TourDriver.h).
  struct PendingRun {};
  std::optional<PendingRun> pending;
  /// The guard that keeps a later stop from overtaking the awaited one during a run
  /// (guardOrder, StopArming.h); null until the first run.
  OrderGuard *orderGuard = nullptr;
  /// Whether another thread takes this debugger's events off its listener (a debug
  /// adapter's), once a run has asked (resumeModeFor); kept from one tour to the next.
  std::optional<bool> debuggerEventsTaken;
  /// The tours `tour draft` wrote in this debugger, by canonical path, with the text written:
  /// such a file, unchanged, is the user's own making (its root and library path were set by
  /// this lldb, not by a repository), so `tour start` does not refuse it as untrusted. Kept from
  /// one tour to the next.
  std::shared_ptr<std::map<std::string, std::string>> drafts = std::make_shared<std::map<std::string, std::string>>();
  /// `tour sync` has run during this tour (the editor's stopCommands run it at every stop),
  /// or a run that returned has said once how to see each stop's text.
  bool syncSeen = false;
  bool syncHintShown = false;

  bool active() const { return tour.has_value(); }
  /// Which source files this tour may read and show (docs/security.md).
  SourceAccess sourceAccess() const;
  size_t size() const { return stops.size(); }
  const tours::Stop &stop(int index) const { return tour->stops.at(static_cast<size_t>(index)); }

  /// Remembers that `tour draft` wrote `text` to `file` in this debugger (see `drafts`).
  void rememberDraft(const std::string &file, const std::string &text);
  /// Whether `file` is a tour `tour draft` wrote in this debugger and still holds the text written.
  bool isOwnDraft(const std::string &file, const std::string &text) const;

  /// The first resolved stop at or after `from`, or -1.
  int nextResolved(int from) const;
  /// The first resolved stop, in tour order, not reached or skipped yet, or -1.
  int firstPending() const;
  /// Index of the stop named by an id or a 1-based number, or -1.
  int findStop(const std::string &idOrNumber) const;
  /// "a, b, c": every stop id, for error messages.
  std::string stopIds() const;
  /// Stops not reached yet (resolved ones), and unresolved ones.
  size_t reachedCount() const;

  /// Marks the resolved, unreached stops before `index` (after the current one) as skipped.
  void skipTo(int index);

  /// Forgets the tour (the caller removes the breakpoints first).
  void reset();
};

} // namespace tourguide::plugin
