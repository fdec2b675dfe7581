// One ToolInvocation per TU on a thread pool, with its own file system view and error counter.
#include "tourguide/clangfront/TURunner.h"
#include "tourguide/clangfront/CompilationDatabase.h"
#include "tourguide/clangfront/TUCache.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticLex.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <algorithm>
#include <chrono>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <mutex>
#include <optional>

namespace tourguide::clangfront {

namespace {

/// Counts errors and keeps the first few, formatted "file:line: error: message".
class ErrorCounter : public clang::DiagnosticConsumer {
public:
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic &info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
    missingInclude |= info.getID() == clang::diag::err_pp_file_not_found;
    if (level < clang::DiagnosticsEngine::Error || messages.size() >= TUStatus::kMaxErrorMessages)
      return;
    llvm::SmallString<256> text;
    info.FormatDiagnostic(text);
    std::string where;
    if (info.getLocation().isValid() && info.hasSourceManager()) {
      const clang::SourceManager &sm = info.getSourceManager();
      clang::PresumedLoc p = sm.getPresumedLoc(info.getLocation());
      if (p.isValid())
        where = std::string(p.getFilename()) + ":" + std::to_string(p.getLine()) + ": ";
    }
    messages.push_back(where + "error: " + std::string(text)); // no fatal ones: see KeepGoing
  }
  std::vector<std::string> messages;
  bool missingInclude = false;
};

/// The paths a parse looked for and did not find: an include searched for along the include
/// path before the folder that has it, a `__has_include` that was false. A file that appears
/// at one of them later may change what the TU means (a header that now shadows the one it
/// read), so the cache entry keeps them and a lookup checks that they are still missing.
class MissRecorder : public llvm::vfs::ProxyFileSystem {
public:
  explicit MissRecorder(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs) : ProxyFileSystem(std::move(fs)) {}

  llvm::ErrorOr<llvm::vfs::Status> status(const llvm::Twine &path) override {
    llvm::ErrorOr<llvm::vfs::Status> result = ProxyFileSystem::status(path);
    if (!result)
      noteMiss(path, result.getError());
    return result;
  }
  llvm::ErrorOr<std::unique_ptr<llvm::vfs::File>> openFileForRead(const llvm::Twine &path) override {
    auto result = ProxyFileSystem::openFileForRead(path);
    if (!result)
      noteMiss(path, result.getError());
    return result;
  }

  /// Absolute, without dots, sorted, each once.
  std::vector<std::string> misses() {
    std::sort(misses_.begin(), misses_.end());
    misses_.erase(std::unique(misses_.begin(), misses_.end()), misses_.end());
    return misses_;
  }

private:
  void noteMiss(const llvm::Twine &path, std::error_code ec) {
    // Only "not there": a file that exists but cannot be read fails the parse anyway.
    if (ec != std::errc::no_such_file_or_directory && ec != std::errc::not_a_directory)
      return;
    llvm::SmallString<256> abs;
    path.toVector(abs);
    if (!llvm::sys::path::is_absolute(abs))
      if (llvm::ErrorOr<std::string> cwd = getCurrentWorkingDirectory())
        llvm::sys::fs::make_absolute(*cwd, abs);
    llvm::sys::path::remove_dots(abs, true);
    misses_.push_back(std::string(abs));
  }

  std::vector<std::string> misses_;
};

/// Runs the caller's action with a fatal error counted as an error. The usual fatal error is an
/// include the machine lacks (a newcomer's repo whose dependency is not installed), and after a
/// fatal error Clang instantiates no templates, so every call through a template (libtorch's
/// `optimizer.step()` behind `ModuleHolder::operator->`) is lost for the rest of the file: with
/// `argparse.hpp` missing, pytorch/examples' dcgan.cpp gave no finding at all. libclang's
/// KeepGoing option does the same.
class KeepGoing : public clang::WrapperFrontendAction {
public:
  using WrapperFrontendAction::WrapperFrontendAction;

protected:
  bool BeginSourceFileAction(clang::CompilerInstance &ci) override {
    ci.getDiagnostics().setFatalsAsError(true);
    return WrapperFrontendAction::BeginSourceFileAction(ci);
  }
};

std::string outputOf(const clang::tooling::CompileCommand &cmd) {
  if (!cmd.Output.empty())
    return cmd.Output;
  for (size_t i = 0; i + 1 < cmd.CommandLine.size(); ++i)
    if (cmd.CommandLine[i] == "-o")
      return cmd.CommandLine[i + 1];
  return "";
}

/// Every file the parse of a TU read, absolute: its main file, each header (system ones too:
/// an upgraded library changes what a TU means) and anything else the compiler opened.
std::vector<std::string> filesRead(const clang::FileManager &files, llvm::StringRef directory) {
  llvm::SmallVector<const clang::FileEntry *, 256> entries;
  files.GetUniqueIDMapping(entries);
  std::vector<std::string> paths;
  for (const clang::FileEntry *entry : entries) {
    if (!entry)
      continue;
    llvm::SmallString<256> path(entry->tryGetRealPathName());
    if (path.empty()) {
      path = entry->getName();
      if (!llvm::sys::path::is_absolute(path))
        llvm::sys::fs::make_absolute(directory, path);
    }
    llvm::sys::path::remove_dots(path, true);
    paths.push_back(std::string(path));
  }
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  return paths;
}

TUStatus runOne(const clang::tooling::CompileCommand &cmd, const RunOptions &options, ActionFactory makeAction,
                size_t i) {
  TUStatus status;
  status.directory = cmd.Directory;
  status.outputFile = outputOf(cmd);
  status.mainFile = mainFileOf(cmd);

  uint64_t size = 0;
  if (llvm::sys::fs::file_size(status.mainFile, size)) {
    status.errorCount = 1;
    status.errors.push_back(status.mainFile + ": error: cannot read the file");
    return status;
  }
  if (options.maxFileBytes != 0 && size > options.maxFileBytes) {
    status.skipped = true;
    return status;
  }

  std::vector<std::string> args = syntaxOnlyCommandLine(cmd, options.adjuster);
  std::string key;
  if (options.cache) {
    key = cacheKey(cmd.Directory, status.mainFile, args);
    if (std::optional<TUCache::Entry> entry = options.cache->lookup(key)) {
      if (options.load(i, entry->payload)) {
        status.fromCache = true;
        status.errorCount = entry->errorCount;
        status.errors = std::move(entry->errors);
        return status;
      }
      options.cache->countUnused(); // refused by the caller: parsed after all
    }
  }

  llvm::IntrusiveRefCntPtr<MissRecorder> fs;
  llvm::IntrusiveRefCntPtr<clang::FileManager> files;
  bool ok = false;
  do {
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> physical = llvm::vfs::createPhysicalFileSystem();
    physical->setCurrentWorkingDirectory(cmd.Directory);
    fs = new MissRecorder(physical);
    files = new clang::FileManager(clang::FileSystemOptions(), fs);
    ErrorCounter errors;
    clang::tooling::ToolInvocation invocation(args, std::make_unique<KeepGoing>(makeAction(i)), files.get());
    invocation.setDiagnosticConsumer(&errors);
    ok = invocation.run();
    status.errorCount = errors.getNumErrors();
    status.errors = std::move(errors.messages);
    status.missingInclude = errors.missingInclude;
  } while (options.parseAgain && options.parseAgain(i, status));
  if (!ok && status.errorCount == 0) {
    status.errorCount = 1;
    status.errors.push_back(status.mainFile + ": error: the compiler could not run on this command");
    return status; // nothing was parsed: nothing to keep
  }
  if (options.cache)
    options.cache->store(key, filesRead(*files, cmd.Directory), fs->misses(),
                         {status.errorCount, status.errors, options.save(i)});
  return status;
}

/// Gives the memory a parse freed back to the system, so that a worker's footprint between TUs
/// is the facts it keeps, not the largest AST it ever held: glibc keeps freed memory in the
/// arena of the thread that freed it. (8 OpenCV TUs at -j 2: peak 231 -> 222 MB.)
void returnFreedMemory() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

/// "1m05s", "42s": an estimate, so whole seconds.
std::string shortDuration(double seconds) {
  auto s = static_cast<long>(seconds + 0.5);
  return s >= 60 ? std::to_string(s / 60) + "m" + (s % 60 < 10 ? "0" : "") + std::to_string(s % 60) + "s"
                 : std::to_string(s) + "s";
}

} // namespace

std::string mainFileOf(const clang::tooling::CompileCommand &cmd) {
  llvm::SmallString<256> file(cmd.Filename);
  if (!llvm::sys::path::is_absolute(file))
    llvm::sys::fs::make_absolute(cmd.Directory, file);
  return std::string(file);
}

std::vector<TUStatus> runOnTUs(const std::vector<clang::tooling::CompileCommand> &commands,
                               const RunOptions &options, ActionFactory makeAction) {
  std::vector<TUStatus> results(commands.size());
  std::mutex progressMutex;
  unsigned done = 0, parsed = 0;
  const unsigned total = static_cast<unsigned>(commands.size());
  const auto start = std::chrono::steady_clock::now();
  {
    llvm::ThreadPool pool(llvm::hardware_concurrency(options.jobs));
    for (size_t i = 0; i < commands.size(); ++i)
      pool.async([&, i] {
        results[i] = runOne(commands[i], options, makeAction, i);
        if (options.done)
          options.done(i);
        if (!results[i].fromCache && !results[i].skipped)
          returnFreedMemory();
        std::lock_guard<std::mutex> lock(progressMutex);
        ++done;
        if (!results[i].fromCache && !results[i].skipped)
          ++parsed;
        if (options.progress) {
          // The estimate counts parses only: cache hits take next to nothing, so the time
          // left is that of the TUs still to go at the pace of those parsed so far.
          double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
          *options.progress << "\r\x1b[K[" << done << "/" << total << "] ";
          if (parsed > 0 && done < total)
            *options.progress << "ETA " << shortDuration(elapsed / parsed * (total - done)) << " ";
          *options.progress << llvm::sys::path::filename(results[i].mainFile);
          options.progress->flush();
        }
      });
    pool.wait();
  }
  if (options.cache)
    options.cache->prune();
  if (options.progress && total > 0)
    *options.progress << "\r\x1b[K";
  return results;
}

} // namespace tourguide::clangfront
