#include "tourguide/tours/Files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tourguide::tours {

std::optional<std::vector<std::string>> readLines(const std::string &path) {
  std::ifstream in(path);
  if (!in)
    return std::nullopt;
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

const char *kindOfFile(mode_t mode) {
  if (S_ISDIR(mode))
    return "a directory";
  if (S_ISFIFO(mode))
    return "a FIFO (named pipe)";
  if (S_ISCHR(mode))
    return "a character device";
  if (S_ISBLK(mode))
    return "a block device";
  if (S_ISSOCK(mode))
    return "a socket";
  return "not a regular file";
}

std::string WriteError::message(const std::string &path) const {
  switch (step) {
  case Step::None:
    return "";
  case Step::NotRegular:
    return "'" + path + "' is " + detail + ", not a regular file";
  case Step::Create:
    return "cannot create a file next to '" + path + "': " + detail;
  case Step::Write:
    return "cannot write '" + path + "': " + detail;
  case Step::Replace:
    return "cannot replace '" + path + "': " + detail;
  }
  return "";
}

WriteError writeFileAtomically(const std::string &path, std::string_view content) {
  auto failed = [](WriteError::Step step, int error) { return WriteError{step, std::strerror(error)}; };
  // Only a regular file is replaced (a symbolic link to one too): renaming over a FIFO or a
  // device node would replace it with a file.
  struct stat info {};
  bool exists = ::stat(path.c_str(), &info) == 0;
  if (exists && !S_ISREG(info.st_mode))
    return {WriteError::Step::NotRegular, kindOfFile(info.st_mode)};
  std::string pattern = path + ".tmp-XXXXXX";
  std::vector<char> name(pattern.begin(), pattern.end());
  name.push_back('\0');
  int fd = mkstemp(name.data());
  if (fd < 0)
    return failed(WriteError::Step::Create, errno);
  std::string temporary(name.data());
  auto abandon = [&](WriteError::Step step) {
    int error = errno;
    close(fd);
    unlink(temporary.c_str());
    return failed(step, error);
  };
  for (size_t written = 0; written < content.size();) {
    ssize_t n = write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      return abandon(WriteError::Step::Write);
    written += static_cast<size_t>(n);
  }
  // mkstemp makes the file 0600: the new file gets the old one's permissions, or 0644.
  mode_t mode = exists ? (info.st_mode & 0777) : 0644;
  if (fchmod(fd, mode) != 0 || fsync(fd) != 0)
    return abandon(WriteError::Step::Write);
  if (close(fd) != 0) {
    int error = errno;
    unlink(temporary.c_str());
    return failed(WriteError::Step::Write, error);
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    int error = errno;
    unlink(temporary.c_str());
    return failed(WriteError::Step::Replace, error);
  }
  return {};
}

} // namespace tourguide::tours
