#include "SampleCopy.h"
#include "CheckCommandLine.h"
#include "tourguide/checker/Similarity.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;

namespace tourguide::checker::testing {

SampleCopy::SampleCopy(const std::string &name) {
  std::string tmpl = (fs::temp_directory_path() / ("tourguide-check-" + name + "-XXXXXX")).string();
  std::vector<char> buffer(tmpl.begin(), tmpl.end());
  buffer.push_back('\0');
  root_ = ::mkdtemp(buffer.data()) ? std::string(buffer.data()) : std::string();
  fs::path source = fs::path(TOURGUIDE_SOURCE_DIR) / "sample_repos" / name;
  for (auto it = fs::recursive_directory_iterator(source); it != fs::recursive_directory_iterator(); ++it) {
    fs::path rel = fs::relative(it->path(), source);
    if (it->is_directory() && rel.filename().string().rfind("build", 0) == 0) {
      it.disable_recursion_pending(); // the sample's own build output is not part of the repo
      continue;
    }
    if (it->is_directory())
      fs::create_directories(fs::path(root_) / rel);
    else if (it->is_regular_file())
      fs::copy_file(it->path(), fs::path(root_) / rel);
  }
}

SampleCopy::~SampleCopy() {
  std::error_code ec;
  if (!root_.empty() && !std::getenv("TOURGUIDE_KEEP_COPIES"))
    fs::remove_all(root_, ec);
}

std::string SampleCopy::read(const std::string &relative) const {
  std::ifstream in(path(relative), std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string SampleCopy::apply(const SourceEdit &edit) {
  std::string target = path(edit.file);
  std::string text;
  if (!edit.from.empty()) {
    text = read(edit.file);
    size_t at = text.find(edit.from);
    if (at == std::string::npos)
      return edit.file + ": text to replace not found: " + edit.from;
    if (text.find(edit.from, at + 1) != std::string::npos)
      return edit.file + ": text to replace occurs more than once: " + edit.from;
    text.replace(at, edit.from.size(), edit.to);
  } else {
    text = edit.to;
  }
  std::ofstream out(target, std::ios::binary | std::ios::trunc);
  out << text;
  return out ? "" : "cannot write " + target;
}

std::string SampleCopy::writeCompileCommands() const {
  nlohmann::json commands = nlohmann::json::array();
  std::vector<std::string> files;
  for (auto &entry : fs::recursive_directory_iterator(root_)) {
    std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".c" || ext == ".cpp"))
      files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  for (const std::string &file : files) {
    bool cxx = file.size() > 4 && file.compare(file.size() - 4, 4, ".cpp") == 0;
    commands.push_back({{"directory", root_},
                        {"file", file},
                        {"arguments",
                         {cxx ? "c++" : "cc", cxx ? "-std=c++17" : "-std=c11", "-I" + root_ + "/include",
                          "-I" + root_ + "/src", "-c", file, "-o", file + ".o"}}});
  }
  std::string dir = root_ + "/build-cc";
  fs::create_directories(dir);
  std::ofstream(dir + "/compile_commands.json") << commands.dump(1);
  return dir;
}

std::unique_ptr<SourceIndex> SampleCopy::index() const {
  IndexOptions options;
  options.roots = {root_};
  options.onlyRoots = true;
  llvm::Expected<SourceIndex> index = indexCompilationDatabase(writeCompileCommands(), options);
  if (!index) {
    ADD_FAILURE() << llvm::toString(index.takeError());
    return nullptr;
  }
  return std::make_unique<SourceIndex>(std::move(*index));
}

int worstSeverity(const std::vector<TourReport> &reports) {
  int worst = 0;
  for (const TourReport &r : reports)
    worst = std::max(worst, r.errors() ? 2 : r.warnings() ? 1 : 0);
  return worst;
}

TourReport SampleCopy::check(const std::string &tour, const SourceIndex &index, bool fix) const {
  SourceFiles files;
  CheckOptions checkOptions;
  checkOptions.fix = fix;
  return checkTourFile(path(tour), index, files, checkOptions);
}

CommandRun runCheck(std::vector<std::string> args) {
  args.insert(args.begin(), "check");
  std::vector<const char *> argv;
  for (const std::string &a : args)
    argv.push_back(a.c_str());
  std::ostringstream out, err;
  std::streambuf *oldOut = std::cout.rdbuf(out.rdbuf());
  std::streambuf *oldErr = std::cerr.rdbuf(err.rdbuf());
  CommandRun run;
  run.exit = runCheckCommand(static_cast<int>(argv.size()), argv.data());
  std::cout.rdbuf(oldOut);
  std::cerr.rdbuf(oldErr);
  run.out = out.str();
  run.err = err.str();
  return run;
}

std::string resolvedText(const StopReport &stop) {
  if (stop.check.form == AnchorForm::None)
    return "";
  std::ifstream in(stop.check.absoluteFile);
  std::string line;
  for (unsigned n = 1; std::getline(in, line); ++n)
    if (n == stop.check.line)
      return collapseWhitespace(line);
  return "";
}

} // namespace tourguide::checker::testing
