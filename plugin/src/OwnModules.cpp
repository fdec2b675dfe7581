#include "OwnModules.h"

#include <filesystem>

#ifdef TOURGUIDE_HAVE_DRAFT
#include "tourguide/confirm/RepoLibraries.h"
#endif

namespace tourguide::plugin {

std::string pathOf(const lldb::SBFileSpec &spec) {
  if (!spec.IsValid() || !spec.GetFilename())
    return {};
  std::string dir = spec.GetDirectory() ? spec.GetDirectory() : "";
  return dir.empty() ? std::string(spec.GetFilename()) : dir + "/" + spec.GetFilename();
}

namespace {
bool isUnder(const std::string &path, std::string dir) {
  if (dir.empty())
    return false;
  if (dir.back() != '/')
    dir += '/';
  return path.compare(0, dir.size(), dir) == 0;
}
} // namespace

std::vector<lldb::SBModule> ownModules(lldb::SBTarget target, const std::string &repoRoot) {
  std::vector<lldb::SBModule> out;
  lldb::SBFileSpec exe = target.GetExecutable();
  std::string exeDir = exe.IsValid() && exe.GetDirectory() ? exe.GetDirectory() : "";
  std::string exePath = pathOf(exe);
  // The build tree the executable is in holds the repo's own libraries too (build/lib/ beside
  // build/bin/, libtool's src/.libs/).
  std::string buildTree;
#ifdef TOURGUIDE_HAVE_DRAFT
  if (!exePath.empty())
    buildTree = confirm::libraryRoots(exePath, "").back();
#endif
  for (uint32_t i = 0; i < target.GetNumModules(); ++i) {
    lldb::SBModule m = target.GetModuleAtIndex(i);
    std::string path = pathOf(m.GetFileSpec());
    if (path == exePath || isUnder(path, exeDir) || isUnder(path, repoRoot) || isUnder(path, buildTree))
      out.push_back(m);
  }
  return out;
}

std::set<std::string> compiledFiles(const std::vector<lldb::SBModule> &modules) {
  std::set<std::string> out;
  for (lldb::SBModule m : modules)
    for (uint32_t c = 0; c < m.GetNumCompileUnits(); ++c)
      if (std::string path = pathOf(m.GetCompileUnitAtIndex(c).GetFileSpec()); !path.empty())
        out.insert(path);
  return out;
}

lldb::SBFileSpecList ownModuleSpecs(const std::vector<lldb::SBModule> &modules) {
  lldb::SBFileSpecList list;
  for (const auto &m : modules)
    list.Append(m.GetFileSpec());
  return list;
}

size_t addRepoLibraries(lldb::SBTarget target, const std::string &libraryPath, const std::string &repoRoot) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path root = fs::weakly_canonical(repoRoot, ec);
  size_t added = 0;
  size_t begin = 0;
  while (begin <= libraryPath.size()) {
    size_t end = libraryPath.find(':', begin);
    if (end == std::string::npos)
      end = libraryPath.size();
    fs::path dir = fs::weakly_canonical(libraryPath.substr(begin, end - begin), ec);
    begin = end + 1;
    // Only the repo's own folders: a tour may not make LLDB read libraries from anywhere else.
    auto rel = dir.lexically_relative(root);
    if (ec || dir.empty() || rel.empty() || *rel.begin() == ".." || !fs::is_directory(dir, ec))
      continue;
    size_t seen = 0;
    for (const auto &entry : fs::directory_iterator(dir, ec)) {
      if (++seen > 200) // a folder of thousands of files is not a build's lib folder
        break;
      std::string name = entry.path().filename().string();
      bool shared = name.size() > 3 && (name.compare(name.size() - 3, 3, ".so") == 0 || name.find(".so.") != std::string::npos);
      if (!shared || !entry.is_regular_file(ec))
        continue;
      lldb::SBModule module = target.AddModule(entry.path().c_str(), nullptr, nullptr);
      added += module.IsValid() ? 1 : 0;
    }
  }
  return added;
}

} // namespace tourguide::plugin
