#include "LldbInit.h"

#include "tourguide/cli/Command.h"

#include <filesystem>
#include <system_error>

// Set by cmake/TourguideInstall.cmake.
#ifndef TOURGUIDE_BUILD_CLI_DIR
#define TOURGUIDE_BUILD_CLI_DIR ""
#endif
#ifndef TOURGUIDE_BUILD_PLUGIN
#define TOURGUIDE_BUILD_PLUGIN ""
#endif
#ifndef TOURGUIDE_PLUGIN_FROM_BINDIR
#define TOURGUIDE_PLUGIN_FROM_BINDIR "../lib/tourguide/libtourguide-lldb.so"
#endif

namespace tourguide::cli {

namespace fs = std::filesystem;

namespace {

bool sameFolder(const fs::path &a, const fs::path &b) {
  std::error_code ec;
  return !a.empty() && !b.empty() && fs::equivalent(a, b, ec);
}

bool isFile(const fs::path &p) {
  std::error_code ec;
  return fs::is_regular_file(p, ec);
}

} // namespace

std::string locatePlugin(const std::string &executable) {
  fs::path folder = fs::path(executable).parent_path();
  if (sameFolder(folder, TOURGUIDE_BUILD_CLI_DIR))
    return isFile(TOURGUIDE_BUILD_PLUGIN) ? std::string(TOURGUIDE_BUILD_PLUGIN) : std::string();
  fs::path installed = (folder / TOURGUIDE_PLUGIN_FROM_BINDIR).lexically_normal();
  return isFile(installed) ? installed.string() : std::string();
}

std::string lldbinitLine(const std::string &plugin) {
  if (plugin.find_first_of(" \t\"'\\`") == std::string::npos)
    return "plugin load " + plugin;
  std::string quoted = "\"";
  for (char c : plugin) {
    if (c == '"' || c == '\\' || c == '`')
      quoted += '\\';
    quoted += c;
  }
  return "plugin load " + quoted + "\"";
}

int printLldbinit(std::ostream &out, std::ostream &err) {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  if (ec) {
    err << "tourguide: error: cannot tell where this tourguide is (/proc/self/exe: " << ec.message() << ")\n";
    return kExitFailure;
  }
  std::string plugin = locatePlugin(self.string());
  if (plugin.empty()) {
    err << "tourguide: error: the LLDB plugin is not where it belongs beside "
        << self.string() << " (" << (fs::path(self).parent_path() / TOURGUIDE_PLUGIN_FROM_BINDIR).lexically_normal().string()
        << "): build it (target tourguide-lldb) or install it with this tourguide\n";
    return kExitFailure;
  }
  out << "# tourguide: the `tour` command in every lldb (tourguide --print-lldbinit)\n"
      << lldbinitLine(plugin) << "\n";
  return kExitOk;
}

} // namespace tourguide::cli
