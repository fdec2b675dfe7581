#include "tourguide/indexer/SourceOrigin.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace tourguide::indexer {

const char *originName(Origin origin) {
  switch (origin) {
  case Origin::Own:
    return "own";
  case Origin::Vendored:
    return "vendored";
  case Origin::Framework:
    return "framework";
  case Origin::System:
    return "system";
  }
  return "own";
}

namespace {

/// Folder names that hold code a repo bundles rather than writes.
bool isVendorFolder(llvm::StringRef name) {
  std::string lower = name.lower();
  static const char *const folders[] = {"third_party", "third-party", "thirdparty", "3rdparty", "3rd_party",
                                        "external",    "externals",   "extern",     "vendor",   "vendored",
                                        "deps",        "dependencies", "contrib",   "submodules", "_deps"};
  return std::any_of(std::begin(folders), std::end(folders), [&](const char *f) { return lower == f; });
}

/// Single-file and header-only libraries that repos copy in beside their own code.
bool isKnownLibrary(llvm::StringRef folder, llvm::StringRef file) {
  static const char *const libraryFolders[] = {"rapidjson", "cereal",  "nlohmann", "stb",    "gtest",
                                               "gmock",     "catch2",  "doctest",  "eigen3", "Eigen",
                                               "pybind11",  "fmt",     "spdlog",   "picojson", "cxxopts",
                                               "CLI",       "tinyxml2", "zlib",    "miniz",  "gemmlowp",
                                               "half",      "json11",  "argparse", "glog",   "gflags"};
  if (std::any_of(std::begin(libraryFolders), std::end(libraryFolders),
                  [&](const char *f) { return folder == f; }))
    return true;
  std::string lower = file.lower();
  llvm::StringRef f(lower);
  return f.startswith("stb_") || f == "json.hpp" || f == "picojson.h" || f == "cxxopts.hpp" ||
         f == "catch.hpp" || f == "doctest.h" || f == "lodepng.h" || f == "lodepng.cpp" || f == "miniz.h" ||
         f == "miniz.c" || f == "tinyxml2.h" || f == "tinyxml2.cpp" || f == "cli11.hpp" || f == "argparse.hpp" ||
         f == "half.hpp" || f == "json11.hpp" || f == "dr_wav.h" || f == "dr_mp3.h" || f == "httplib.h" ||
         f == "linenoise.h" || f == "linenoise.c" || f == "sqlite3.c" || f == "sqlite3.h";
}

/// Code a generator wrote (protobuf's and flatbuffers' output, checked in or not): the
/// accessors of a message are not where a newcomer learns what the program does.
bool isGenerated(llvm::StringRef file) {
  return file.endswith(".pb.h") || file.endswith(".pb.cc") || file.endswith(".pb-c.h") ||
         file.endswith(".pb-c.c") || file.endswith("_generated.h");
}

bool isUnder(llvm::StringRef path, llvm::StringRef root) {
  if (root.empty())
    return false;
  root = root.rtrim('/');
  return path.startswith(root) && (path.size() == root.size() || path[root.size()] == '/');
}

} // namespace

FileOrigin classifyPath(const std::string &path, const std::string &root, const ProfileSet &profiles,
                        const std::set<std::string> &builtHere) {
  FileOrigin out;
  llvm::SmallString<256> normal(path);
  llvm::sys::path::remove_dots(normal, true);
  llvm::StringRef p(normal);
  const FrameworkProfile *fw = profiles.frameworkOfFile(std::string(p), root);
  if (fw && !builtHere.count(fw->name)) {
    out.origin = Origin::Framework;
    out.framework = fw->name;
    out.why = fw->name + "'s own files";
    return out;
  }
  if (!root.empty() && !isUnder(p, root)) {
    out.origin = Origin::System;
    out.why = "outside the repo (" + root + ")";
    return out;
  }
  llvm::StringRef rel = root.empty() ? p.ltrim('/') : p.drop_front(llvm::StringRef(root).rtrim('/').size()).ltrim('/');
  llvm::SmallVector<llvm::StringRef, 8> parts;
  rel.split(parts, '/');
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    if (isVendorFolder(parts[i])) {
      out.origin = Origin::Vendored;
      out.why = "under " + parts[i].str() + "/";
      return out;
    }
    if (isKnownLibrary(parts[i], "")) {
      out.origin = Origin::Vendored;
      out.why = "a bundled copy of " + parts[i].str();
      return out;
    }
  }
  if (!parts.empty() && isKnownLibrary("", parts.back())) {
    out.origin = Origin::Vendored;
    out.why = "a bundled single-file library (" + parts.back().str() + ")";
    return out;
  }
  if (!parts.empty() && isGenerated(parts.back())) {
    out.origin = Origin::Vendored;
    out.why = "generated code (" + parts.back().str() + ")";
    return out;
  }
  out.origin = Origin::Own;
  return out;
}

const FileOrigin &OriginMap::of(const std::string &path) {
  auto it = cache.find(path);
  if (it != cache.end())
    return it->second;
  return cache[path] = classifyPath(path, root, profiles, builtHere);
}

} // namespace tourguide::indexer
