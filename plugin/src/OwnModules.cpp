#include "OwnModules.h"

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
  for (uint32_t i = 0; i < target.GetNumModules(); ++i) {
    lldb::SBModule m = target.GetModuleAtIndex(i);
    std::string path = pathOf(m.GetFileSpec());
    if (path == exePath || isUnder(path, exeDir) || isUnder(path, repoRoot))
      out.push_back(m);
  }
  return out;
}

lldb::SBFileSpecList ownModuleSpecs(const std::vector<lldb::SBModule> &modules) {
  lldb::SBFileSpecList list;
  for (const auto &m : modules)
    list.Append(m.GetFileSpec());
  return list;
}

} // namespace tourguide::plugin
