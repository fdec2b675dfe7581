#include "AtomicWrite.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace tourguide::report {
namespace {

std::string failure(const std::string &what, const std::string &path, int error) {
  return "cannot " + what + " '" + path + "': " + std::strerror(error);
}

} // namespace

std::string writeFileAtomically(const std::string &path, const std::string &content) {
  if (path.empty())
    return "no file name given for the report";
  // Only a regular file is replaced (a symbolic link to one too): renaming over a FIFO or a
  // device node would replace it with a file (as root, under /dev).
  struct stat info {};
  if (::stat(path.c_str(), &info) == 0 && !S_ISREG(info.st_mode))
    return "'" + path + "' is " +
           (S_ISDIR(info.st_mode)    ? "a directory"
            : S_ISFIFO(info.st_mode) ? "a FIFO (named pipe)"
            : S_ISCHR(info.st_mode)  ? "a character device"
            : S_ISBLK(info.st_mode)  ? "a block device"
            : S_ISSOCK(info.st_mode) ? "a socket"
                                     : "not a regular file") +
           ", not a regular file: only a new file or a regular file is replaced by the report";
  std::string pattern = path + ".tmp-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0)
    return failure("create a file next to", path, errno);
  std::string temporary(name.data());
  auto abandon = [&](const std::string &what) {
    int error = errno;
    close(fd);
    unlink(temporary.c_str());
    return failure(what, path, error);
  };
  for (size_t written = 0; written < content.size();) {
    ssize_t n = write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return abandon("write");
    written += static_cast<size_t>(n);
  }
  // mkstemp makes the file 0600; a report is meant to be shared.
  if (fchmod(fd, 0644) != 0 || fsync(fd) != 0)
    return abandon("write");
  if (close(fd) != 0) {
    int error = errno;
    unlink(temporary.c_str());
    return failure("write", path, error);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    int error = errno;
    unlink(temporary.c_str());
    return failure("replace", path, error);
  }
  return {};
}

} // namespace tourguide::report
