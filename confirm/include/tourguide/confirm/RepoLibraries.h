// A repo that builds its core as shared libraries without RUNPATH (libtool trees, CMake with
// SKIP_BUILD_RPATH) runs only with LD_LIBRARY_PATH, and LLDB cannot resolve breakpoints in those
// libraries before launch. The program's own ELF says which libraries it needs (DT_NEEDED); the
// ones the loader would not find are looked up in the repo and build trees, so that the
// confirming run and `tour start` can load them and place stops there without the tour setting
// LD_LIBRARY_PATH (which an untrusted tour may not). Plain C++ (<elf.h>): the plugin uses it too.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace tourguide::confirm {

struct ElfDependencies {
  std::vector<std::string> needed;  ///< DT_NEEDED sonames, in order.
  std::vector<std::string> runpath; ///< DT_RPATH and DT_RUNPATH folders ($ORIGIN expanded).
};

/// The dynamic section of a 64-bit little-endian ELF file (at most 256 MiB read); nullopt when
/// it is not one or is malformed.
std::optional<ElfDependencies> readElfDependencies(const std::string &path);

struct RepoLibrary {
  std::string soname; ///< "libfoo.so.1"
  std::string path;   ///< The file in the repo or build tree.
  /// The loader finds it by itself (a RUNPATH into the build tree): it is loaded before launch
  /// like the others, so stops resolve in it, but needs no LD_LIBRARY_PATH.
  bool loaderFinds = false;
};

/// The libraries `executable` needs (and those they need) that lie in the repo or build tree:
/// those its RUNPATH finds there, and those the loader would not find in its RUNPATH or the
/// system folders, found by name under `roots` (searched to a bounded depth and size). LLDB
/// loads neither kind before launch. Roots that are "/" or system folders are ignored.
std::vector<RepoLibrary> findRepoLibraries(const std::string &executable, const std::vector<std::string> &roots);

/// The roots to search for `executable`'s own libraries: `repoRoot` and the build tree holding
/// the executable (the highest of its nearest six ancestors with a CMakeCache.txt,
/// config.status or compile_commands.json, else its own folder).
std::vector<std::string> libraryRoots(const std::string &executable, const std::string &repoRoot);

/// The folders of `libraries` the loader would not find by itself, joined with ':' before `existing` (an LD_LIBRARY_PATH value).
std::string libraryPathWith(const std::vector<RepoLibrary> &libraries, const std::string &existing);

} // namespace tourguide::confirm
