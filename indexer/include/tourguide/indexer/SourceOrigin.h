// Whose code a file is: the repo's own, bundled third-party code inside the repo, the ML
// framework the repo is built on, or the system's. Stops go only in the repo's own code;
// a framework's API called from it is a finding at the call site.
#pragma once

#include "tourguide/indexer/Profiles.h"

#include <map>
#include <set>
#include <string>

namespace tourguide::indexer {

enum class Origin { Own, Vendored, Framework, System };

const char *originName(Origin origin); ///< "own", "vendored", "framework", "system".

struct FileOrigin {
  Origin origin = Origin::Own;
  std::string why;       ///< "under third_party/", "libtorch's files (*/torch/csrc/*)", ...
  std::string framework; ///< The profile's name for Origin::Framework.
};

/// The rule, on a path alone (tested directly): outside `root` is the system's (or a
/// framework's when a profile's paths hold it); inside, a folder named like bundled code
/// (third_party, external, vendor, deps, ...) or a well-known single-file library (stb_*.h,
/// json.hpp, rapidjson/, cereal/, ...) is vendored; a profile's paths make it the framework's.
/// A framework in `builtHere` (its implementation is among the indexed translation units,
/// as libfann's or kann's is in their own repos) is the repo's code, not a library.
FileOrigin classifyPath(const std::string &path, const std::string &root, const ProfileSet &profiles,
                        const std::set<std::string> &builtHere = {});

/// classifyPath, asked once per file.
class OriginMap {
public:
  OriginMap(std::string root, const ProfileSet &profiles, std::set<std::string> builtHere = {})
      : root(std::move(root)), profiles(profiles), builtHere(std::move(builtHere)) {}
  const FileOrigin &of(const std::string &path);
  const std::map<std::string, FileOrigin> &files() const { return cache; }
  const std::string &repoRoot() const { return root; }

private:
  std::string root;
  const ProfileSet &profiles;
  std::set<std::string> builtHere;
  std::map<std::string, FileOrigin> cache;
};

} // namespace tourguide::indexer
