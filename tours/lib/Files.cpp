#include "tourguide/tours/Files.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace tourguide::tours {

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

std::string describeSize(size_t bytes) {
  if (bytes >= (1u << 20) && bytes % (1u << 20) == 0)
    return std::to_string(bytes >> 20) + " MiB";
  if (bytes >= 1024 && bytes % 1024 == 0)
    return std::to_string(bytes >> 10) + " KiB";
  return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

std::string ReadError::reason() const {
  switch (step) {
  case Step::None:
    return "";
  case Step::NotRegular:
    return "it is " + detail + ", not a regular file";
  case Step::TooLarge:
    return "it is larger than " + describeSize(limit);
  case Step::Open:
  case Step::Read:
    return detail;
  }
  return "";
}

std::optional<std::string> readBoundedRegularFile(const std::string &path, size_t limit, ReadError &error) {
  error = {};
  error.limit = limit;
  auto fail = [&](ReadError::Step step, std::string detail, int fd) -> std::optional<std::string> {
    error.step = step;
    error.detail = std::move(detail);
    if (fd >= 0)
      ::close(fd);
    return std::nullopt;
  };
  // O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it. O_NOCTTY: a
  // terminal device never becomes the controlling terminal.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
  if (fd < 0)
    return fail(ReadError::Step::Open, std::strerror(errno), -1);
  struct stat info {};
  if (::fstat(fd, &info) != 0)
    return fail(ReadError::Step::Open, std::strerror(errno), fd);
  if (!S_ISREG(info.st_mode))
    return fail(ReadError::Step::NotRegular, kindOfFile(info.st_mode), fd);
  if (static_cast<unsigned long long>(info.st_size) > limit)
    return fail(ReadError::Step::TooLarge, "", fd);
  // One byte more than the file's size: reading it means the file grew (read up to the limit
  // + 1 to know).
  std::string text(static_cast<size_t>(info.st_size) + 1, '\0');
  size_t used = 0;
  while (true) {
    if (used == text.size()) {
      if (text.size() > limit)
        return fail(ReadError::Step::TooLarge, "", fd); // it grew while being read
      text.resize(std::min(text.size() * 2 + 4096, limit + 1));
    }
    ssize_t n = ::read(fd, &text[used], text.size() - used);
    if (n < 0 && (errno == EINTR || errno == EAGAIN))
      continue;
    if (n < 0)
      return fail(ReadError::Step::Read, std::strerror(errno), fd);
    if (n == 0)
      break;
    used += static_cast<size_t>(n);
  }
  ::close(fd);
  if (used > limit)
    return fail(ReadError::Step::TooLarge, "", -1);
  text.resize(used);
  return text;
}

std::optional<std::vector<std::string>> readLines(const std::string &path, ReadError *error) {
  ReadError ignored;
  std::optional<std::string> text = readBoundedRegularFile(path, kMaxSourceFileBytes, error ? *error : ignored);
  if (!text)
    return std::nullopt;
  std::vector<std::string> lines;
  for (size_t start = 0; start < text->size();) {
    size_t end = text->find('\n', start);
    if (end == std::string::npos)
      end = text->size();
    size_t stop = end > start && (*text)[end - 1] == '\r' ? end - 1 : end;
    lines.emplace_back(*text, start, stop - start);
    start = end + 1;
  }
  return lines;
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
