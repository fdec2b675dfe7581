// A program and its files held in memory, as a tours::SourceView: what the anchor-resolution
// and the authoring tests resolve anchors against.
#pragma once

#include "tourguide/tours/AnchorResolution.h"

#include <algorithm>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace tourguide::tours::test {

/// A program and its files, in memory. Files in `disk` exist but are none of the program's
/// sources unless listed in `sources`; `noCode` lists "file:line" places without code and
/// function names whose entry has none.
class FakeView : public SourceView {
public:
  std::string root = "/repo";
  std::map<std::string, std::vector<std::string>> disk;
  std::vector<std::string> sources;
  std::vector<FunctionBody> functions;
  std::set<std::string> noCode;
  std::vector<std::string> asked; ///< Every place hasCode was asked about, "form@file:line".

  std::string repoRoot() const override { return root; }
  std::vector<FunctionBody> functionsNamed(const std::string &name) override {
    std::vector<FunctionBody> out;
    std::copy_if(functions.begin(), functions.end(), std::back_inserter(out),
                 [&](const FunctionBody &f) { return f.name == name; });
    return out;
  }
  const std::vector<std::string> &sourceFiles() override { return sources; }
  const std::vector<std::string> *lines(const std::string &path, std::string &why) override {
    auto it = disk.find(path);
    if (it == disk.end()) {
      why = "cannot read " + path;
      return nullptr;
    }
    return &it->second;
  }
  bool hasCode(const AnchorPlace &place) override {
    std::string where = place.form == AnchorForm::Function ? place.function : place.file + ":" + std::to_string(place.line);
    asked.push_back(std::string(formName(place.form)) + "@" + where);
    return noCode.count(where) == 0;
  }
  std::string functionScope() const override { return "in the program"; }
  std::string fileScope() const override { return "among the program's files"; }

  /// Adds a source file of the program.
  void source(const std::string &path, std::vector<std::string> text) {
    disk[path] = std::move(text);
    sources.push_back(path);
  }
};

} // namespace tourguide::tours::test
