#include "tourguide/confirm/LineInFunction.h"

#include <filesystem>
#include <set>

namespace tourguide::confirm {

bool isHeaderFile(const std::string &path) {
  static const std::set<std::string> headers = {".h",   ".hh",  ".hpp", ".hxx", ".h++", ".inl",
                                                ".inc", ".ipp", ".tcc", ".cuh", ""};
  return headers.count(std::filesystem::path(path).extension().string()) > 0;
}

lldb::SBAddress lineAddressIn(lldb::SBFunction function, lldb::SBCompileUnit unit, const std::string &file,
                              unsigned line) {
  if (!function.IsValid() || !unit.IsValid() || line == 0)
    return {};
  const std::string name = std::filesystem::path(file).filename().string();
  const lldb::addr_t lo = function.GetStartAddress().GetFileAddress();
  const lldb::addr_t hi = function.GetEndAddress().GetFileAddress();
  lldb::SBAddress best;
  uint32_t bestLine = 0;
  lldb::addr_t bestAddress = 0;
  for (uint32_t i = 0; i < unit.GetNumLineEntries(); ++i) {
    lldb::SBLineEntry e = unit.GetLineEntryAtIndex(i);
    lldb::addr_t a = e.GetStartAddress().GetFileAddress();
    const char *entryFile = e.GetFileSpec().GetFilename();
    if (a < lo || a >= hi || e.GetLine() < line || !entryFile || name != entryFile)
      continue;
    if (!best.IsValid() || e.GetLine() < bestLine || (e.GetLine() == bestLine && a < bestAddress)) {
      best = e.GetStartAddress();
      bestLine = e.GetLine();
      bestAddress = a;
    }
  }
  return best;
}

lldb::SBAddress lineAddressInFunctionNamed(lldb::SBTarget target, const lldb::SBFileSpecList &modules,
                                           const std::string &name, const std::string &file, unsigned line) {
  std::vector<lldb::SBSymbolContextList> found;
  if (modules.GetSize() == 0)
    found.push_back(target.FindFunctions(name.c_str(), lldb::eFunctionNameTypeAuto));
  for (uint32_t m = 0; m < modules.GetSize(); ++m)
    if (lldb::SBModule module = target.FindModule(modules.GetFileSpecAtIndex(m)); module.IsValid())
      found.push_back(module.FindFunctions(name.c_str(), lldb::eFunctionNameTypeAuto));
  for (lldb::SBSymbolContextList &list : found)
    for (uint32_t i = 0; i < list.GetSize(); ++i) {
      lldb::SBSymbolContext sc = list.GetContextAtIndex(i);
      if (lldb::SBAddress at = lineAddressIn(sc.GetFunction(), sc.GetCompileUnit(), file, line); at.IsValid())
        return at;
    }
  return {};
}

} // namespace tourguide::confirm
