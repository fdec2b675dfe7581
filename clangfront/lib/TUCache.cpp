// The per-TU cache's entries: a small length-prefixed layout (payloads are binary), checked
// from the first byte to the last before anything in it is believed.
//
//   tourguide-tu-cache 2\n
//   <checksum: 16 hex digits, xxHash64 of everything after this line>\n
//   <kind>\0<key>\0
//   <errorCount> <number of messages>\n  then each message\0
//   <number of files>\n                   then each: <16 hex digits hash> <path>\0
//   <number of missing paths>\n           then each, sorted: <length of the start it shares
//                                           with the previous one> <the rest>\0
//   <payload size>\n<payload bytes>
#include "tourguide/clangfront/TUCache.h"

#include "tourguide/tours/Files.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/xxhash.h"

#include <algorithm>

namespace tourguide::clangfront {

namespace {

std::string hex16(uint64_t value) { return llvm::utohexstr(value, /*LowerCase=*/true, /*Width=*/16); }

/// Reads the body of an entry front to back; any surprise makes it fail for good.
class Reader {
public:
  explicit Reader(llvm::StringRef text) : rest_(text) {}
  bool ok() const { return ok_; }
  bool atEnd() const { return rest_.empty(); }
  void fail() { ok_ = false; }

  llvm::StringRef upTo(char end) {
    size_t at = rest_.find(end);
    if (at == llvm::StringRef::npos) {
      ok_ = false;
      return {};
    }
    llvm::StringRef field = rest_.take_front(at);
    rest_ = rest_.drop_front(at + 1);
    return field;
  }
  uint64_t number(char end, unsigned radix = 10) {
    uint64_t value = 0;
    if (upTo(end).getAsInteger(radix, value))
      ok_ = false;
    return value;
  }
  llvm::StringRef bytes(uint64_t size) {
    if (size > rest_.size()) {
      ok_ = false;
      return {};
    }
    llvm::StringRef field = rest_.take_front(size);
    rest_ = rest_.drop_front(size);
    return field;
  }

private:
  llvm::StringRef rest_;
  bool ok_ = true;
};

/// An entry's modification time says when it was last used, for prune(): a hit sets it to now.
/// Best effort: in a folder we may not write to, entries simply age.
void markUsed(const std::string &path) {
  int fd = -1;
  if (llvm::sys::fs::openFileForReadWrite(path, fd, llvm::sys::fs::CD_OpenExisting, llvm::sys::fs::OF_None))
    return;
  (void)llvm::sys::fs::setLastAccessAndModificationTime(
      fd, std::chrono::time_point_cast<std::chrono::nanoseconds>(std::chrono::system_clock::now()));
  llvm::sys::Process::SafelyCloseFileDescriptor(fd);
}

/// The running tool's size and modification time: a rebuilt extractor does not read what an
/// older build wrote, even when nobody bumped a format version.
std::string executableStamp() {
  static const std::string stamp = [] {
    static int anchor;
    std::string exe = llvm::sys::fs::getMainExecutable(nullptr, &anchor);
    llvm::sys::fs::file_status status;
    if (exe.empty() || llvm::sys::fs::status(exe, status))
      return std::string("unknown");
    return std::to_string(status.getSize()) + "@" +
           std::to_string(status.getLastModificationTime().time_since_epoch().count());
  }();
  return stamp;
}

} // namespace

std::string cacheKey(llvm::StringRef directory, llvm::StringRef file, const std::vector<std::string> &args) {
  std::string key = directory.str();
  key += '\n';
  key += file;
  for (const std::string &arg : args) {
    key += '\n';
    key += arg;
  }
  return key;
}

TUCache::TUCache(std::string dir, std::string kind, CacheLimits limits)
    : dir_(std::move(dir)), kind_(kind + " " + executableStamp()), limits_(limits) {}

std::string TUCache::entryPath(const std::string &key) const {
  // The main file is the key's second line; its name makes the folder readable.
  llvm::StringRef file = llvm::StringRef(key).split('\n').second.split('\n').first;
  llvm::SmallString<256> path(dir_);
  llvm::sys::path::append(path, llvm::sys::path::filename(file) + "-" + hex16(llvm::xxHash64(key)) + ".tu");
  return std::string(path);
}

std::optional<uint64_t> TUCache::contentHash(const std::string &path) {
  {
    std::lock_guard<std::mutex> lock(hashesMutex_);
    auto it = hashes_.find(path);
    if (it != hashes_.end())
      return it->second;
  }
  std::optional<uint64_t> hash;
  // Not memory-mapped: a header rewritten while it is hashed must not crash the run.
  if (auto buffer = llvm::MemoryBuffer::getFile(path, /*IsText=*/false, /*RequiresNullTerminator=*/false,
                                                /*IsVolatile=*/true))
    hash = llvm::xxHash64((*buffer)->getBuffer());
  std::lock_guard<std::mutex> lock(hashesMutex_);
  hashes_[path] = hash;
  return hash;
}

bool TUCache::stillMissing(const std::string &path) {
  {
    std::lock_guard<std::mutex> lock(hashesMutex_);
    auto it = missing_.find(path);
    if (it != missing_.end())
      return it->second;
  }
  bool missing = !llvm::sys::fs::exists(path);
  std::lock_guard<std::mutex> lock(hashesMutex_);
  missing_[path] = missing;
  return missing;
}

std::optional<TUCache::Entry> TUCache::lookup(const std::string &key) {
  auto buffer = llvm::MemoryBuffer::getFile(entryPath(key), false, false, /*IsVolatile=*/true);
  if (!buffer) {
    ++misses;
    return std::nullopt;
  }
  auto refuse = [&]() -> std::optional<Entry> {
    ++rejected;
    ++misses;
    return std::nullopt;
  };
  llvm::StringRef text = (*buffer)->getBuffer();
  Reader head(text);
  if (head.upTo('\n') != kMagic)
    return refuse();
  uint64_t checksum = head.number('\n', 16);
  if (!head.ok())
    return refuse();
  // The body starts after the two header lines.
  llvm::StringRef body = text.drop_front(text.find('\n', text.find('\n') + 1) + 1);
  if (llvm::xxHash64(body) != checksum)
    return refuse();

  Reader in(body);
  if (in.upTo('\0') != kind_ || in.upTo('\0') != key)
    return refuse();
  Entry entry;
  entry.errorCount = static_cast<unsigned>(in.number(' '));
  uint64_t messages = in.number('\n');
  for (uint64_t i = 0; i < messages && in.ok(); ++i)
    entry.errors.push_back(in.upTo('\0').str());
  uint64_t files = in.number('\n');
  bool fresh = in.ok();
  for (uint64_t i = 0; i < files && in.ok(); ++i) {
    uint64_t hash = in.number(' ', 16);
    std::string path = in.upTo('\0').str();
    if (fresh && in.ok()) {
      std::optional<uint64_t> now = contentHash(path);
      fresh = now && *now == hash;
    }
  }
  uint64_t missing = in.number('\n');
  std::string path;
  for (uint64_t i = 0; i < missing && in.ok(); ++i) {
    uint64_t shared = in.number(' ');
    llvm::StringRef rest = in.upTo('\0');
    if (shared > path.size()) {
      in.fail();
      break;
    }
    path.resize(shared);
    path += rest;
    if (fresh && in.ok())
      fresh = stillMissing(path);
  }
  uint64_t size = in.number('\n');
  entry.payload = in.bytes(size).str();
  if (!in.ok() || !in.atEnd())
    return refuse();
  if (!fresh) {
    ++misses;
    return std::nullopt;
  }
  ++hits;
  markUsed(entryPath(key));
  return entry;
}

void TUCache::store(const std::string &key, const std::vector<std::string> &files,
                    const std::vector<std::string> &missing, const Entry &entry) {
  std::string body = kind_ + '\0' + key + '\0';
  body += std::to_string(entry.errorCount) + " " + std::to_string(entry.errors.size()) + "\n";
  for (const std::string &message : entry.errors)
    body += message + '\0';
  body += std::to_string(files.size()) + "\n";
  for (const std::string &file : files) {
    std::optional<uint64_t> hash = contentHash(file);
    if (!hash)
      return; // a file the parse read is gone already: nothing could ever validate this entry
    body += hex16(*hash) + " " + file + '\0';
  }
  // Front-coded: the paths share long folder names, and a TU's misses number in thousands.
  body += std::to_string(missing.size()) + "\n";
  llvm::StringRef previous;
  for (const std::string &path : missing) {
    size_t shared = 0;
    while (shared < previous.size() && shared < path.size() && previous[shared] == path[shared])
      ++shared;
    body += std::to_string(shared) + " " + path.substr(shared) + '\0';
    previous = path;
  }
  body += std::to_string(entry.payload.size()) + "\n";
  body += entry.payload;
  if (llvm::sys::fs::create_directories(dir_))
    return;
  std::string text = std::string(kMagic) + "\n" + hex16(llvm::xxHash64(body)) + "\n" + body;
  (void)tours::writeFileAtomically(entryPath(key), text);
}

unsigned TUCache::prune() {
  struct Found {
    std::string path;
    uint64_t size;
    llvm::sys::TimePoint<> used;
  };
  std::vector<Found> entries;
  uint64_t total = 0;
  unsigned removed = 0;
  const auto now = std::chrono::system_clock::now();
  auto remove = [&](const std::string &path) {
    if (!llvm::sys::fs::remove(path))
      ++removed;
  };
  std::error_code ec;
  for (llvm::sys::fs::directory_iterator it(dir_, ec), end; it != end && !ec; it.increment(ec)) {
    llvm::sys::fs::file_status status;
    if (llvm::sys::fs::status(it->path(), status) || status.type() != llvm::sys::fs::file_type::regular_file)
      continue;
    llvm::StringRef name = llvm::sys::path::filename(it->path());
    auto age = now - status.getLastModificationTime();
    if (name.contains(".tu.tmp-")) { // tours::writeFileAtomically's, of a run that was killed
      if (age > std::chrono::hours(1))
        remove(it->path());
    } else if (name.endswith(".tu")) {
      if (age > limits_.maxAge) {
        remove(it->path());
      } else {
        entries.push_back({it->path(), status.getSize(), status.getLastModificationTime()});
        total += status.getSize();
      }
    }
  }
  if (total <= limits_.maxBytes)
    return removed;
  std::sort(entries.begin(), entries.end(), [](const Found &a, const Found &b) { return a.used < b.used; });
  for (const Found &entry : entries) {
    if (total <= limits_.maxBytes)
      break;
    if (!llvm::sys::fs::remove(entry.path)) {
      ++removed;
      total -= entry.size;
    }
  }
  return removed;
}

} // namespace tourguide::clangfront
