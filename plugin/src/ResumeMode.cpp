#include "ResumeMode.h"

#include <cctype>
#include <climits>
#include <unistd.h>

namespace tourguide::plugin {

ResumeMode chooseResumeMode(const ResumeContext &context) {
  if (context.asynchronous && !context.lldbDriver && context.eventsTaken)
    return ResumeMode::ReturnWhileRunning;
  return ResumeMode::WaitForStop;
}

bool isLldbDriverName(std::string_view name) {
  constexpr std::string_view kDriver = "lldb";
  if (name.substr(0, kDriver.size()) != kDriver)
    return false;
  std::string_view version = name.substr(kDriver.size());
  if (version.empty())
    return true;
  if (version.size() < 2 || version[0] != '-' || !std::isdigit(static_cast<unsigned char>(version[1])))
    return false;
  for (char c : version.substr(1))
    if (!std::isdigit(static_cast<unsigned char>(c)) && c != '.')
      return false;
  return true;
}

std::string hostProgramName() {
  char path[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", path, sizeof path - 1);
  if (n <= 0)
    return {};
  std::string_view full(path, static_cast<size_t>(n));
  size_t slash = full.rfind('/');
  return std::string(slash == std::string_view::npos ? full : full.substr(slash + 1));
}

} // namespace tourguide::plugin
