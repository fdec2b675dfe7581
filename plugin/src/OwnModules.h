// The target's "own" modules: the executable and the shared libraries loaded from the
// program's own directory tree or the tour's repo. Tour breakpoints are restricted to these,
// so a stop on `step` never lands in libc's `step`.
#pragma once

#include <lldb/API/LLDB.h>

#include <string>
#include <vector>

namespace tourguide::plugin {

/// Modules of `target` whose file lies under the executable's folder or under `repoRoot`
/// (the executable itself always counts).
std::vector<lldb::SBModule> ownModules(lldb::SBTarget target, const std::string &repoRoot);

/// The same modules as a list of file specs, for the breakpoint-creating SB calls.
lldb::SBFileSpecList ownModuleSpecs(const std::vector<lldb::SBModule> &modules);

/// "dir/name" of a file spec ("" when invalid).
std::string pathOf(const lldb::SBFileSpec &spec);

} // namespace tourguide::plugin
