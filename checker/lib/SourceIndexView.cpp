#include "tourguide/checker/SourceIndexView.h"

#include <filesystem>

namespace tourguide::checker {

const std::vector<std::string> *SourceFiles::lines(const std::string &path) {
  auto it = cache_.find(path);
  if (it == cache_.end())
    it = cache_.emplace(path, tours::readLines(path)).first;
  return it->second ? &*it->second : nullptr;
}

std::vector<tours::FunctionBody> SourceIndexView::functionsNamed(const std::string &name) {
  std::vector<tours::FunctionBody> out;
  for (const FunctionDef *fn : index_.find(name))
    out.push_back({fn->displayName(), fn->file, fn->bodyBegin, fn->bodyEnd,
                   static_cast<size_t>(fn - index_.functions.data())});
  return out;
}

const std::vector<std::string> *SourceIndexView::lines(const std::string &path, std::string &why) {
  std::error_code ec;
  const std::vector<std::string> *lines = std::filesystem::is_regular_file(path, ec) ? files_.lines(path) : nullptr;
  if (!lines)
    why = "cannot read " + path;
  return lines;
}

bool SourceIndexView::hasCode(const tours::AnchorPlace &place) {
  if (place.form != tours::AnchorForm::FileLine)
    return true;
  const std::vector<std::string> *lines = files_.lines(place.file);
  return lines && place.line <= lines->size();
}

} // namespace tourguide::checker
