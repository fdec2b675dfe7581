#include "TestFiles.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;

namespace tourguide::tours::test {

std::vector<std::string> jsonFilesIn(const std::string &dir) {
  std::vector<std::string> files;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().extension() == ".json")
      files.push_back(it->path().string());
  std::sort(files.begin(), files.end());
  return files;
}

std::vector<std::string> goodCorpus() { return jsonFilesIn(TOURS_CORPUS_DIR "/good"); }
std::vector<std::string> badCorpus() { return jsonFilesIn(TOURS_CORPUS_DIR "/bad"); }

std::vector<std::string> sampleTours() {
  std::vector<std::string> tours;
  std::error_code ec;
  for (fs::directory_iterator it(TOURGUIDE_SOURCE_DIR "/sample_repos", ec), end;
       !ec && it != end; it.increment(ec)) {
    for (const std::string &tour : jsonFilesIn((it->path() / ".tours").string()))
      tours.push_back(tour);
  }
  std::sort(tours.begin(), tours.end());
  return tours;
}

std::string readFile(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string testNameFor(const std::string &path, bool withFolder) {
  fs::path file(path);
  std::string name = file.stem().string();
  if (withFolder)
    name = file.parent_path().parent_path().filename().string() + "_" + name;
  for (char &c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)))
      c = '_';
  return name;
}

std::string expectedPathFor(const std::string &jsonPath) {
  return fs::path(jsonPath).replace_extension(".expected").string();
}

} // namespace tourguide::tours::test
