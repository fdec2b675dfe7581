// The target's "own" modules: the executable and the shared libraries loaded from the
// program's own directory tree or the tour's repo. Tour breakpoints are restricted to these,
// so a stop on `step` never lands in libc's `step`.
#pragma once

#include <lldb/API/LLDB.h>

#include <set>
#include <string>
#include <vector>

namespace tourguide::plugin {

/// Modules of `target` whose file lies under the executable's folder, its build tree (the
/// folder above it with a CMakeCache.txt, config.status or compile_commands.json:
/// confirm::libraryRoots) or `repoRoot` (the executable itself always counts).
std::vector<lldb::SBModule> ownModules(lldb::SBTarget target, const std::string &repoRoot);

/// Adds to `target` the shared libraries (`*.so`, `*.so.N...`) found in the folders of the
/// tour's LD_LIBRARY_PATH (program.env) that lie inside `repoRoot`. LLDB loads a program's
/// dependencies before launch only when the system loader would find them, so a repo that
/// builds its own shared library (libfann, many C libraries) would otherwise have no stops
/// or collected series in it until the program runs. Returns how many were added.
size_t addRepoLibraries(lldb::SBTarget target, const std::string &libraryPath, const std::string &repoRoot);

/// The files `modules` were compiled from: each compile unit's own file (full path).
std::set<std::string> compiledFiles(const std::vector<lldb::SBModule> &modules);

/// The same modules as a list of file specs, for the breakpoint-creating SB calls.
lldb::SBFileSpecList ownModuleSpecs(const std::vector<lldb::SBModule> &modules);

/// "dir/name" of a file spec ("" when invalid).
std::string pathOf(const lldb::SBFileSpec &spec);

} // namespace tourguide::plugin
