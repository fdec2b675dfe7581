// One ToolInvocation per TU on a thread pool, with its own file system view and error counter.
#include "tourguide/clangfront/TURunner.h"
#include "tourguide/clangfront/CompilationDatabase.h"

#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/VirtualFileSystem.h"

#include <mutex>

namespace tourguide::clangfront {

namespace {

/// Counts errors and keeps the first few, formatted "file:line: error: message".
class ErrorCounter : public clang::DiagnosticConsumer {
public:
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic &info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
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
    messages.push_back(where + (level == clang::DiagnosticsEngine::Fatal ? "fatal error: " : "error: ") +
                       std::string(text));
  }
  std::vector<std::string> messages;
};

std::string outputOf(const clang::tooling::CompileCommand &cmd) {
  if (!cmd.Output.empty())
    return cmd.Output;
  for (size_t i = 0; i + 1 < cmd.CommandLine.size(); ++i)
    if (cmd.CommandLine[i] == "-o")
      return cmd.CommandLine[i + 1];
  return "";
}

TUStatus runOne(const clang::tooling::CompileCommand &cmd, const RunOptions &options, ActionFactory makeAction,
                size_t i) {
  TUStatus status;
  status.directory = cmd.Directory;
  status.outputFile = outputOf(cmd);
  llvm::SmallString<256> file(cmd.Filename);
  if (!llvm::sys::path::is_absolute(file))
    llvm::sys::fs::make_absolute(cmd.Directory, file);
  status.mainFile = std::string(file);

  uint64_t size = 0;
  if (llvm::sys::fs::file_size(file, size)) {
    status.errorCount = 1;
    status.errors.push_back(status.mainFile + ": error: cannot read the file");
    return status;
  }
  if (options.maxFileBytes != 0 && size > options.maxFileBytes) {
    status.skipped = true;
    return status;
  }

  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs = llvm::vfs::createPhysicalFileSystem();
  fs->setCurrentWorkingDirectory(cmd.Directory);
  llvm::IntrusiveRefCntPtr<clang::FileManager> files(new clang::FileManager(clang::FileSystemOptions(), fs));
  ErrorCounter errors;
  clang::tooling::ToolInvocation invocation(syntaxOnlyCommandLine(cmd, options.adjuster), makeAction(i),
                                            files.get());
  invocation.setDiagnosticConsumer(&errors);
  bool ok = invocation.run();
  status.errorCount = errors.getNumErrors();
  status.errors = std::move(errors.messages);
  if (!ok && status.errorCount == 0) {
    status.errorCount = 1;
    status.errors.push_back(status.mainFile + ": error: the compiler could not run on this command");
  }
  return status;
}

} // namespace

std::vector<TUStatus> runOnTUs(const std::vector<clang::tooling::CompileCommand> &commands,
                               const RunOptions &options, ActionFactory makeAction) {
  std::vector<TUStatus> results(commands.size());
  std::mutex progressMutex;
  unsigned done = 0;
  const unsigned total = static_cast<unsigned>(commands.size());
  {
    llvm::ThreadPool pool(llvm::hardware_concurrency(options.jobs));
    for (size_t i = 0; i < commands.size(); ++i)
      pool.async([&, i] {
        results[i] = runOne(commands[i], options, makeAction, i);
        std::lock_guard<std::mutex> lock(progressMutex);
        ++done;
        if (options.progress) {
          *options.progress << "\r\x1b[K[" << done << "/" << total << "] "
                            << llvm::sys::path::filename(results[i].mainFile);
          options.progress->flush();
        }
      });
    pool.wait();
  }
  if (options.progress && total > 0)
    *options.progress << "\r\x1b[K";
  return results;
}

} // namespace tourguide::clangfront
