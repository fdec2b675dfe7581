// The source-index backend of tours::SourceView: the function definitions and files a LibTooling
// pass over compile_commands.json found (SourceIndex.h), and the files' lines as they are on disk.
// `tourguide check` resolves anchors through it with tours::resolveAnchor, the same rules the
// LLDB plugin applies to a program's debug info.
#pragma once

#include "tourguide/checker/SourceIndex.h"
#include "tourguide/tours/AnchorResolution.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace tourguide::checker {

/// Source lines, read once per file.
class SourceFiles {
public:
  /// The file's lines (no line ends); nullptr when it cannot be read.
  const std::vector<std::string> *lines(const std::string &path);

private:
  std::map<std::string, std::optional<std::vector<std::string>>> cache_;
};

class SourceIndexView : public tours::SourceView {
public:
  /// `repoRoot` is absolute.
  SourceIndexView(const SourceIndex &index, SourceFiles &files, std::string repoRoot)
      : index_(index), files_(files), repoRoot_(std::move(repoRoot)) {}

  /// The definition a FunctionBody of this view stands for.
  const FunctionDef &definition(const tours::FunctionBody &body) const { return index_.functions[body.key]; }

  // tours::SourceView
  std::string repoRoot() const override { return repoRoot_; }
  /// SourceIndex::find: exact names, names without template arguments, trailing components.
  std::vector<tours::FunctionBody> functionsNamed(const std::string &name) override;
  const std::vector<std::string> &sourceFiles() override { return index_.files; }
  const std::vector<std::string> *lines(const std::string &path, std::string &why) override;
  /// A function has code; a line has code when it is in the file (the index keeps no line table).
  bool hasCode(const tours::AnchorPlace &place) override;
  std::string functionScope() const override { return "in the sources"; }
  std::string fileScope() const override { return "among the sources"; }

private:
  const SourceIndex &index_;
  SourceFiles &files_;
  std::string repoRoot_;
};

} // namespace tourguide::checker
