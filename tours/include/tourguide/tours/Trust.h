// What a tour from an unreviewed repository may do without the user's `--trust`
// (docs/security.md). One rule, used by `tourguide validate` (as warnings) and by the plugin's
// `tour start` (which refuses the tour until the user passes --trust).
#pragma once

#include "tourguide/tours/Diagnostic.h"
#include "tourguide/tours/Tour.h"

#include <string>
#include <string_view>
#include <vector>

namespace tourguide::tours {

/// One thing a tour asks for that an untrusted tour may not do.
struct TrustConcern {
  std::string jsonPath; ///< Where in the tour: "/program/env/LD_PRELOAD".
  FilePos pos;          ///< Where in the file (0:0 when unknown).
  std::string asked;    ///< What the tour asked for, e.g. "the program '/usr/bin/node', outside the
                        ///< repo root '/home/me/repo'".
};

struct TrustOptions {
  /// The executable of the target the user selected (`lldb build/train`). The tour's
  /// program.path is then not launched, so it is not checked; ${program_dir} and the
  /// working-directory allowance follow this program. Empty: the tour's program is launched.
  std::string userProgram;
};

/// Everything in `tour` that needs --trust, in file order: a program outside the repo root,
/// a loader-controlling environment variable, a working directory outside the repo root (and
/// outside the user's program's folder), a `root` that leaves the folder holding the tour's
/// .tours/, an anchor file outside the repo root. Empty: the tour is safe to start untrusted.
std::vector<TrustConcern> trustConcerns(const Tour &tour, const TrustOptions &options = {});

/// trustConcerns() as warnings for `tourguide validate` (the tour's program is assumed to be
/// launched).
Diagnostics trustWarnings(const Tour &tour);

/// True for an environment variable that controls how programs are loaded or run before
/// their own code does (LD_PRELOAD, LD_AUDIT, LD_LIBRARY_PATH, DYLD_INSERT_LIBRARIES,
/// GLIBC_TUNABLES, GCONV_PATH, MALLOC_*, ...: docs/security.md has the list), and for a
/// name that is not a plain name (empty, or holding '=' or a NUL byte, which would set
/// another variable than the one it shows). Case is ignored.
bool isLoaderVariable(std::string_view name);

/// The repo root a tour gets when it has no `root` key: the parent of the `.tours` folder
/// holding the tour file, else the tour file's folder. A `root` may not leave it.
std::string defaultRepoRoot(const Tour &tour);

/// The repo root the trust rule confines the tour to: repoRoot() when it lies inside
/// defaultRepoRoot(), else defaultRepoRoot().
std::string confinedRepoRoot(const Tour &tour);

/// True when `path` is `folder` or lies under it, both taken absolute with `.`, `..` and
/// symbolic links resolved (as far as they exist). A relative `path` is taken relative to
/// `folder`. Never throws.
bool isInsideFolder(const std::string &path, const std::string &folder);

} // namespace tourguide::tours
