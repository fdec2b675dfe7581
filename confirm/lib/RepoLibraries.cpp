#include "tourguide/confirm/RepoLibraries.h"

#include "tourguide/tours/Files.h"
#include "tourguide/tours/Trust.h"

#include <elf.h>

#include <algorithm>
#include <cstring>
#include <filesystem>
#include <set>

namespace tourguide::confirm {

namespace fs = std::filesystem;

namespace {

template <typename T> bool readAt(const std::string &data, uint64_t offset, T &out) {
  if (offset > data.size() || data.size() - offset < sizeof(T))
    return false;
  std::memcpy(&out, data.data() + offset, sizeof(T));
  return true;
}

std::vector<std::string> splitPath(const std::string &list) {
  std::vector<std::string> out;
  for (size_t b = 0, e; b <= list.size(); b = e + 1) {
    e = list.find(':', b);
    if (e == std::string::npos)
      e = list.size();
    if (e > b)
      out.push_back(list.substr(b, e - b));
  }
  return out;
}

bool isSystemFolder(const fs::path &p) {
  static const std::set<std::string> system = {"/", "/usr", "/lib", "/lib64", "/usr/lib", "/usr/lib64",
                                               "/usr/local", "/usr/local/lib", "/opt", "/home", "/tmp"};
  return system.count(p.lexically_normal().string()) > 0 || p.lexically_normal().string().rfind("/usr/lib/", 0) == 0 ||
         p.lexically_normal().string().rfind("/lib/", 0) == 0;
}

/// The folders the loader searches by itself (besides RUNPATH): ld.so.conf's and the defaults.
const std::vector<std::string> &systemLibraryFolders() {
  static const std::vector<std::string> folders = [] {
    std::vector<std::string> out = {"/lib", "/usr/lib", "/lib64", "/usr/lib64", "/lib/x86_64-linux-gnu",
                                    "/usr/lib/x86_64-linux-gnu", "/usr/local/lib"};
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator("/etc/ld.so.conf.d", ec)) {
      auto lines = tours::readLines(entry.path().string());
      for (const std::string &line : lines.value_or(std::vector<std::string>{}))
        if (!line.empty() && line[0] == '/')
          out.push_back(line.substr(0, line.find_first_of(" \t#")));
    }
    return out;
  }();
  return folders;
}

/// A file named `soname` under `root`, at most 6 folders down and 50,000 entries in.
std::string findUnder(const fs::path &root, const std::string &soname) {
  std::error_code ec;
  size_t seen = 0;
  for (fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
       it != end && !ec && ++seen < 50000; it.increment(ec)) {
    if (it.depth() >= 6 || it->path().filename() == ".git") {
      it.disable_recursion_pending();
      continue;
    }
    if (it->path().filename() == soname && fs::is_regular_file(it->path(), ec))
      return it->path().string();
  }
  return {};
}

} // namespace

std::optional<ElfDependencies> readElfDependencies(const std::string &path) {
  tours::ReadError error;
  std::optional<std::string> data = tours::readBoundedRegularFile(path, 256u << 20, error);
  Elf64_Ehdr eh;
  if (!data || !readAt(*data, 0, eh) || std::memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 ||
      eh.e_ident[EI_CLASS] != ELFCLASS64 || eh.e_ident[EI_DATA] != ELFDATA2LSB || eh.e_shentsize != sizeof(Elf64_Shdr))
    return std::nullopt;
  ElfDependencies out;
  std::string origin = fs::path(path).parent_path().string();
  for (uint16_t i = 0; i < eh.e_shnum; ++i) {
    Elf64_Shdr sh, strtab;
    if (!readAt(*data, eh.e_shoff + uint64_t(i) * sizeof(Elf64_Shdr), sh))
      return std::nullopt;
    if (sh.sh_type != SHT_DYNAMIC)
      continue;
    if (!readAt(*data, eh.e_shoff + uint64_t(sh.sh_link) * sizeof(Elf64_Shdr), strtab))
      return std::nullopt;
    auto str = [&](uint64_t offset) -> std::string {
      if (offset >= strtab.sh_size || strtab.sh_offset > data->size() || offset >= data->size() - strtab.sh_offset)
        return {};
      const char *begin = data->data() + strtab.sh_offset + offset;
      size_t limit = std::min<uint64_t>(strtab.sh_size - offset, data->size() - strtab.sh_offset - offset);
      return std::string(begin, strnlen(begin, limit));
    };
    for (uint64_t off = 0; off + sizeof(Elf64_Dyn) <= sh.sh_size && off < (1u << 20); off += sizeof(Elf64_Dyn)) {
      Elf64_Dyn dyn;
      if (!readAt(*data, sh.sh_offset + off, dyn) || dyn.d_tag == DT_NULL)
        break;
      if (dyn.d_tag == DT_NEEDED)
        out.needed.push_back(str(dyn.d_un.d_val));
      else if (dyn.d_tag == DT_RPATH || dyn.d_tag == DT_RUNPATH)
        for (std::string dir : splitPath(str(dyn.d_un.d_val))) {
          for (const char *o : {"$ORIGIN", "${ORIGIN}"})
            for (size_t at; (at = dir.find(o)) != std::string::npos;)
              dir.replace(at, strlen(o), origin);
          out.runpath.push_back(dir);
        }
    }
  }
  return out;
}

std::vector<RepoLibrary> findRepoLibraries(const std::string &executable, const std::vector<std::string> &roots) {
  std::vector<fs::path> searchRoots;
  std::error_code ec;
  for (const std::string &r : roots) {
    fs::path root = fs::weakly_canonical(r, ec);
    if (!ec && !r.empty() && !isSystemFolder(root) && fs::is_directory(root, ec))
      searchRoots.push_back(root);
  }
  std::vector<RepoLibrary> out;
  std::set<std::string> done;
  std::vector<std::string> pending = {executable};
  while (!pending.empty() && done.size() < 256) {
    std::string file = pending.back();
    pending.pop_back();
    std::optional<ElfDependencies> deps = readElfDependencies(file);
    if (!deps)
      continue;
    for (const std::string &soname : deps->needed) {
      if (soname.empty() || soname.find('/') != std::string::npos || !done.insert(soname).second)
        continue;
      // The RUNPATH's copy, when the RUNPATH leads into the repo or build tree: LLDB still
      // does not load it before launch (libsentencepiece_train.so.0 in sentencepiece's tree).
      std::string viaRunpath;
      for (const std::string &dir : deps->runpath)
        if (viaRunpath.empty() && fs::is_regular_file(fs::path(dir) / soname, ec))
          viaRunpath = (fs::path(dir) / soname).string();
      if (!viaRunpath.empty()) {
        if (std::any_of(searchRoots.begin(), searchRoots.end(),
                        [&](const fs::path &root) { return tours::isInsideFolder(viaRunpath, root.string()); })) {
          out.push_back({soname, viaRunpath, true});
          pending.push_back(viaRunpath);
        }
        continue;
      }
      bool systemFinds = false;
      for (const std::string &dir : systemLibraryFolders())
        systemFinds = systemFinds || fs::exists(fs::path(dir) / soname, ec);
      if (systemFinds)
        continue;
      for (const fs::path &root : searchRoots)
        if (std::string found = findUnder(root, soname); !found.empty()) {
          out.push_back({soname, found});
          pending.push_back(found);
          break;
        }
    }
  }
  return out;
}

std::vector<std::string> libraryRoots(const std::string &executable, const std::string &repoRoot) {
  std::vector<std::string> roots;
  if (!repoRoot.empty())
    roots.push_back(repoRoot);
  std::error_code ec;
  fs::path dir = fs::weakly_canonical(executable, ec).parent_path();
  fs::path build = dir;
  fs::path p = dir;
  for (int up = 0; up < 6 && !p.empty() && p != p.root_path(); ++up, p = p.parent_path())
    for (const char *marker : {"CMakeCache.txt", "config.status", "compile_commands.json"})
      if (fs::exists(p / marker, ec))
        build = p;
  roots.push_back(build.string());
  return roots;
}

std::string libraryPathWith(const std::vector<RepoLibrary> &libraries, const std::string &existing) {
  std::vector<std::string> dirs;
  for (const RepoLibrary &l : libraries) {
    if (l.loaderFinds)
      continue;
    std::string dir = fs::path(l.path).parent_path().string();
    if (std::find(dirs.begin(), dirs.end(), dir) == dirs.end())
      dirs.push_back(dir);
  }
  std::string out;
  for (const std::string &d : dirs)
    out += (out.empty() ? "" : ":") + d;
  if (!existing.empty())
    out += (out.empty() ? "" : ":") + existing;
  return out;
}

} // namespace tourguide::confirm
