#include "LldbVersion.h"

#include <cctype>
#include <cstring>

namespace tourguide::plugin {

std::optional<int> lldbMajorVersion(const char *versionString) {
  if (!versionString)
    return std::nullopt;
  const char *at = std::strstr(versionString, "version ");
  if (!at)
    return std::nullopt;
  at += std::strlen("version ");
  if (!std::isdigit(static_cast<unsigned char>(*at)))
    return std::nullopt;
  int major = 0;
  for (; std::isdigit(static_cast<unsigned char>(*at)) && major < 100000; ++at)
    major = major * 10 + (*at - '0');
  return major;
}

std::optional<std::string> unsupportedLldb(const char *versionString) {
  std::string first = versionString ? versionString : "";
  first = first.substr(0, first.find('\n'));
  std::optional<int> major = lldbMajorVersion(versionString);
  if (major && *major >= kOldestLldbMajor)
    return std::nullopt;
  std::string which = major ? "this is " + first : "cannot tell which LLDB this is ('" + first + "')";
  return "tourguide: the tour plugin needs LLDB " + std::to_string(kOldestLldbMajor) +
         " or later; " + which + ". The plugin is not loaded. Load it in lldb-" +
         std::to_string(kOldestLldbMajor) + " or a later lldb.";
}

} // namespace tourguide::plugin
