// Parsing many translation units on a thread pool. Each TU gets its own file system view (its
// compile command's working directory, without touching the process's), its own error
// counter and the caller's FrontendAction, which does the AST work; no AST outlives its task.
#pragma once

#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/raw_ostream.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace clang {
class FrontendAction;
} // namespace clang

namespace tourguide::clangfront {

class TUCache;
struct TUStatus;

struct RunOptions {
  unsigned jobs = 0;         ///< TUs parsed at once; 0 = one per hardware thread.
  uint64_t maxFileBytes = 0; ///< Larger main files are not parsed (generated code); 0 = no limit.
  /// Applied to each command line after syntaxOnlyCommandLine's own adjustments (e.g. "-w").
  clang::tooling::ArgumentsAdjuster adjuster;
  /// When set (a terminal), "[done/total] file" is redrawn on one line there after each TU
  /// and erased at the end.
  llvm::raw_ostream *progress = nullptr;
  /// When set, a TU whose entry is fresh is not parsed: `load` fills its result from the
  /// entry's payload instead of the action; after a parse, `save` gives the payload to store.
  TUCache *cache = nullptr;
  std::function<std::string(size_t i)> save;
  /// Fills TU `i`'s result from a payload `save` wrote; false when it cannot (then it is parsed).
  std::function<bool(size_t i, llvm::StringRef payload)> load;
  /// When set, asked after each parse of TU `i`, with how it went; true parses it once more,
  /// with a new action (the caller's action bet on something during the parse and lost).
  std::function<bool(size_t i, const TUStatus &parsed)> parseAgain;
  /// When set, called on the worker once TU `i`'s result is complete (parsed, read from the
  /// cache, or not parsed at all), e.g. to thin it out while other TUs are still parsed.
  std::function<void(size_t i)> done;
};

/// How the parse of one TU went; what it found is the caller's action's.
struct TUStatus {
  std::string mainFile;   ///< The command's file, made absolute from its directory.
  std::string directory;  ///< The command's working directory.
  std::string outputFile; ///< What the command writes ("output", or its "-o"); "" when neither says.
  bool skipped = false;   ///< Not parsed: larger than RunOptions::maxFileBytes.
  bool fromCache = false; ///< Not parsed: the cache's entry was fresh.
  /// Errors and fatal errors; at least 1 when the file cannot be read or the compiler could
  /// not run on the command.
  unsigned errorCount = 0;
  std::vector<std::string> errors; ///< The first kMaxErrorMessages, "file:line: error: message".
  /// An include was not found (a dependency this machine lacks, a header the build generates):
  /// the errors that follow are mostly its consequences.
  bool missingInclude = false;
  static constexpr size_t kMaxErrorMessages = 5;
};

/// The command's file, made absolute from its working directory (TUStatus::mainFile).
std::string mainFileOf(const clang::tooling::CompileCommand &cmd);

/// Makes the action that reads TU number `i` of the commands. Called on a worker thread,
/// once per TU that is parsed (not for a skipped or unreadable one); what the action writes
/// must belong to TU `i` alone.
using ActionFactory = llvm::function_ref<std::unique_ptr<clang::FrontendAction>(size_t i)>;

/// Parses each command's file (syntax only), `options.jobs` TUs at a time. Never fails as a
/// whole: a TU that does not compile still runs its action, and its errors are counted.
/// Returns one status per command, in the commands' order.
std::vector<TUStatus> runOnTUs(const std::vector<clang::tooling::CompileCommand> &commands,
                               const RunOptions &options, ActionFactory makeAction);

} // namespace tourguide::clangfront
