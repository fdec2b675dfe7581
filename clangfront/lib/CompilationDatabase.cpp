// Loading compile_commands.json, choosing which of its files to parse, and adjusting each
// file's compile command for a syntax-only parse.
#include "tourguide/clangfront/CompilationDatabase.h"

#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include "tourguide/tours/Files.h"

#include <algorithm>

namespace tourguide::clangfront {

llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompilationDatabase(llvm::StringRef buildPath) {
  std::string path = buildPath.str();
  llvm::SmallString<256> file(buildPath);
  if (llvm::sys::fs::is_directory(buildPath))
    llvm::sys::path::append(file, "compile_commands.json");
  std::string error;
  std::unique_ptr<clang::tooling::CompilationDatabase> db;
  if (llvm::sys::fs::exists(file)) { // a regular file of at most 256 MiB: a FIFO never hangs (docs/security.md)
    tours::ReadError why;
    auto text = tours::readBoundedRegularFile(std::string(file), tours::kMaxCompilationDatabaseBytes, why);
    if (!text)
      return llvm::createStringError(llvm::inconvertibleErrorCode(), "cannot read '%s': %s", file.c_str(),
                                     why.reason().c_str());
    if (auto parsed = llvm::json::parse(*text); !parsed)
      return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                     "'%s' is not valid JSON (cut off?): %s", file.c_str(),
                                     llvm::toString(parsed.takeError()).c_str());
    // Read once: Clang's loader is given the bytes checked above, wrapped as its directory
    // loader wraps a compile_commands.json (response files, headers, driver mode).
    db = clang::tooling::JSONCompilationDatabase::loadFromBuffer(*text, error,
                                                                 clang::tooling::JSONCommandLineSyntax::AutoDetect);
    if (db)
      db = clang::tooling::inferTargetAndDriverMode(clang::tooling::inferMissingCompileCommands(
          clang::tooling::expandResponseFiles(std::move(db), llvm::vfs::getRealFileSystem())));
  } else if (llvm::sys::fs::is_directory(buildPath))
    db = clang::tooling::CompilationDatabase::loadFromDirectory(buildPath, error);
  else
    error = "no such file or directory";
  if (!db)
    return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                   "cannot load a compilation database from '%s': %s", path.c_str(),
                                   error.c_str());
  return db;
}

std::vector<std::string> selectSources(const clang::tooling::CompilationDatabase &db,
                                       const std::vector<std::string> &filters) {
  std::vector<std::string> all = db.getAllFiles();
  std::sort(all.begin(), all.end());
  if (filters.empty())
    return all;
  std::vector<std::string> absFilters;
  for (const std::string &f : filters) {
    llvm::SmallString<256> abs(f);
    llvm::sys::fs::make_absolute(abs);
    llvm::sys::path::remove_dots(abs, true);
    absFilters.push_back(std::string(abs));
  }
  std::vector<std::string> selected;
  for (const std::string &file : all) {
    llvm::StringRef path(file);
    bool keep = false;
    for (size_t i = 0; i < filters.size() && !keep; ++i) {
      llvm::StringRef abs(absFilters[i]);
      keep = path == abs || (path.startswith(abs) && path.size() > abs.size() &&
                             llvm::sys::path::is_separator(path[abs.size()])) ||
             path.endswith("/" + filters[i]) || path == filters[i];
    }
    if (keep)
      selected.push_back(file);
  }
  return selected;
}

std::vector<clang::tooling::CompileCommand> firstCommands(const clang::tooling::CompilationDatabase &db,
                                                          const std::vector<std::string> &files) {
  std::vector<clang::tooling::CompileCommand> commands;
  for (const std::string &f : files) {
    std::vector<clang::tooling::CompileCommand> cmds = db.getCompileCommands(f);
    if (!cmds.empty())
      commands.push_back(std::move(cmds.front()));
  }
  return commands;
}

std::string clangResourceDir() { return TOURGUIDE_CLANG_RESOURCE_DIR; }

std::vector<std::string> syntaxOnlyCommandLine(const clang::tooling::CompileCommand &cmd,
                                               const clang::tooling::ArgumentsAdjuster &extra) {
  using namespace clang::tooling;
  std::vector<std::string> args = cmd.CommandLine;
  args = getClangStripOutputAdjuster()(args, cmd.Filename);
  args = getClangStripDependencyFileAdjuster()(args, cmd.Filename);
  args = getClangSyntaxOnlyAdjuster()(args, cmd.Filename);
  // Flags GCC knows and Clang does not would otherwise stop the driver outright.
  args = getInsertArgumentAdjuster({"-resource-dir=" + clangResourceDir(), "-Qunused-arguments",
                                    "-Wno-unknown-warning-option", "-fno-color-diagnostics",
                                    // also stops "N errors generated." on stderr: errors are counted
                                    "-fno-caret-diagnostics",
                                    // the 20th error would be fatal, and Clang stops instantiating
                                    // templates after a fatal error (TURunner's KeepGoing)
                                    "-ferror-limit=0"},
                                   ArgumentInsertPosition::BEGIN)(args, cmd.Filename);
  if (extra)
    args = extra(args, cmd.Filename);
  return args;
}

} // namespace tourguide::clangfront
