#include "tourguide/interop/DiskSourceView.h"

#include "tourguide/tours/Files.h"

#include <sys/stat.h>

namespace tourguide::interop {

namespace {
/// Source files larger than this are not read (a generated table, a data file named like code).
constexpr off_t kMaxSourceBytes = off_t(16) << 20;
} // namespace

const std::vector<std::string> *DiskSourceView::lines(const std::string &path, std::string &why) {
  auto it = cache_.find(path);
  if (it == cache_.end()) {
    struct stat st {};
    std::optional<std::vector<std::string>> read;
    if (::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_size <= kMaxSourceBytes)
      read = tours::readLines(path);
    it = cache_.emplace(path, std::move(read)).first;
  }
  if (!it->second)
    why = "cannot read " + path;
  return it->second ? &*it->second : nullptr;
}

bool DiskSourceView::hasCode(const tours::AnchorPlace &place) {
  if (place.form != tours::AnchorForm::FileLine)
    return true;
  std::string why;
  const std::vector<std::string> *text = lines(place.file, why);
  return text && place.line <= text->size();
}

} // namespace tourguide::interop
