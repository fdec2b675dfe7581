// A tours::SourceView over the files on disk only, for exporting or importing without a build
// folder: it knows no functions (so function forms never resolve and file forms do), lists no
// program sources, and says every line of a readable file has code.
#pragma once

#include "tourguide/tours/AnchorResolution.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tourguide::interop {

class DiskSourceView : public tours::SourceView {
public:
  explicit DiskSourceView(std::string repoRoot) : root_(std::move(repoRoot)) {}

  std::string repoRoot() const override { return root_; }
  std::vector<tours::FunctionBody> functionsNamed(const std::string &) override { return {}; }
  const std::vector<std::string> &sourceFiles() override { return files_; }
  const std::vector<std::string> *lines(const std::string &path, std::string &why) override;
  bool hasCode(const tours::AnchorPlace &place) override;
  std::string functionScope() const override { return "(no build folder was given: functions are not looked up)"; }
  std::string fileScope() const override { return "under the repo root"; }

private:
  std::string root_;
  std::vector<std::string> files_;
  std::map<std::string, std::optional<std::vector<std::string>>> cache_;
};

} // namespace tourguide::interop
