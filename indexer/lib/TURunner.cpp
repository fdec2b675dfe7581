// Runs fact extraction over many TUs with a thread pool. Each TU gets its own file system
// view (its compile command's working directory, without touching the process's), its own
// diagnostics counter and its own TUFacts; no AST outlives its task.
#include "tourguide/indexer/TURunner.h"
#include "tourguide/indexer/FactExtractor.h"

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

namespace tourguide::indexer {

namespace {

/// Counts errors and keeps the first few, formatted "file:line: error: message".
class CountingDiagnostics : public clang::DiagnosticConsumer {
public:
  void HandleDiagnostic(clang::DiagnosticsEngine::Level level, const clang::Diagnostic &info) override {
    DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < clang::DiagnosticsEngine::Error || messages.size() >= kMaxMessages)
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
  static constexpr size_t kMaxMessages = 5;
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

TUFacts runOne(const clang::tooling::CompileCommand &cmd, const RunOptions &options) {
  TUFacts facts;
  facts.directory = cmd.Directory;
  facts.outputFile = outputOf(cmd);
  llvm::SmallString<256> file(cmd.Filename);
  if (!llvm::sys::path::is_absolute(file))
    llvm::sys::fs::make_absolute(cmd.Directory, file);
  facts.mainFile = std::string(file);

  uint64_t size = 0;
  if (llvm::sys::fs::file_size(file, size)) {
    facts.errorCount = 1;
    facts.errors.push_back(facts.mainFile + ": error: cannot read the file");
    return facts;
  }
  if (size > options.maxFileBytes) {
    facts.skipped = true;
    facts.skipReason = "larger than " + std::to_string(options.maxFileBytes >> 20) +
                       " MiB (generated code?); use --max-tu-size to index it";
    return facts;
  }

  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> fs = llvm::vfs::createPhysicalFileSystem();
  fs->setCurrentWorkingDirectory(cmd.Directory);
  llvm::IntrusiveRefCntPtr<clang::FileManager> files(
      new clang::FileManager(clang::FileSystemOptions(), fs));
  CountingDiagnostics diags;
  clang::tooling::ToolInvocation invocation(adjustedCommandLine(cmd), createFactExtractionAction(facts),
                                            files.get());
  invocation.setDiagnosticConsumer(&diags);
  bool ok = invocation.run();
  facts.mainFile = std::string(file); // the action records the name as given; keep the absolute one
  facts.errorCount = diags.getNumErrors();
  facts.errors = diags.messages;
  if (!ok && facts.errorCount == 0) {
    facts.errorCount = 1;
    facts.errors.push_back(facts.mainFile + ": error: the compiler could not run on this command");
  }
  return facts;
}

} // namespace

std::vector<TUFacts> runOnTUs(const clang::tooling::CompilationDatabase &db,
                              const std::vector<std::string> &files, const RunOptions &options) {
  // Read every command up front: the database is not documented as thread-safe.
  std::vector<clang::tooling::CompileCommand> commands;
  for (const std::string &f : files) {
    std::vector<clang::tooling::CompileCommand> cmds = db.getCompileCommands(f);
    if (!cmds.empty())
      commands.push_back(cmds.front());
  }
  std::vector<TUFacts> results(commands.size());
  std::mutex progressMutex;
  unsigned done = 0;
  {
    llvm::ThreadPool pool(llvm::hardware_concurrency(options.jobs));
    for (size_t i = 0; i < commands.size(); ++i)
      pool.async([&, i] {
        results[i] = runOne(commands[i], options);
        std::lock_guard<std::mutex> lock(progressMutex);
        ++done;
        if (options.progress)
          options.progress(done, static_cast<unsigned>(commands.size()), results[i].mainFile);
      });
    pool.wait();
  }
  return results;
}

} // namespace tourguide::indexer
