#include "generic_fit/archive.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>

namespace gf {

namespace {

const char *const kMagic = "generic_fit-archive";
const int kVersion = 1;

void write_row(std::ofstream &out, const char *name, const std::vector<float> &v) {
  out << name;
  for (float x : v)
    out << ' ' << x;
  out << '\n';
}

bool read_row(std::ifstream &in, const std::string &name, std::size_t n, std::vector<float> &v) {
  std::string word;
  if (!(in >> word) || word != name)
    return false;
  v.resize(n);
  for (float &x : v)
    if (!(in >> x))
      return false;
  return true;
}

} // namespace

bool write_archive(const std::string &path, const Archive &archive, std::string &error) {
  // Written beside the target and renamed at the end, so a run stopped half-way (in a debugger,
  // say) leaves the previous checkpoint whole instead of a truncated one.
  const std::string partial = path + ".partial";
  std::ofstream out(partial);
  if (!out) {
    error = partial + ": cannot open for writing";
    return false;
  }
  out.precision(std::numeric_limits<float>::max_digits10);
  out << kMagic << ' ' << kVersion << '\n';
  out << "shape " << archive.inputs << ' ' << archive.width << ' ' << archive.classes << '\n';
  write_row(out, "centre", archive.scaler.centre);
  write_row(out, "spread", archive.scaler.spread);
  for (const lin::Mat<float> &p : archive.params) {
    out << "param " << p.rows << ' ' << p.cols << '\n';
    for (std::size_t r = 0; r < p.rows; ++r) {
      for (std::size_t c = 0; c < p.cols; ++c)
        out << (c ? " " : "") << p(r, c);
      out << '\n';
    }
  }
  out << "end\n";
  out.close();
  if (!out) {
    error = partial + ": write failed";
    std::remove(partial.c_str());
    return false;
  }
  if (std::rename(partial.c_str(), path.c_str()) != 0) {
    error = path + ": cannot replace (" + std::strerror(errno) + ")";
    std::remove(partial.c_str());
    return false;
  }
  return true;
}

bool read_archive(const std::string &path, Archive &archive, std::string &error) {
  std::ifstream in(path);
  if (!in) {
    error = path + ": cannot open (run train first?)";
    return false;
  }
  std::string magic, word;
  int version = 0;
  if (!(in >> magic >> version) || magic != kMagic) {
    error = path + ": not a generic_fit archive";
    return false;
  }
  if (version != kVersion) {
    error = path + ": archive version " + std::to_string(version) + ", expected " +
            std::to_string(kVersion);
    return false;
  }
  archive = Archive{};
  if (!(in >> word >> archive.inputs >> archive.width >> archive.classes) || word != "shape" ||
      !read_row(in, "centre", archive.inputs, archive.scaler.centre) ||
      !read_row(in, "spread", archive.inputs, archive.scaler.spread)) {
    error = path + ": damaged header";
    return false;
  }
  while (in >> word && word == "param") {
    std::size_t rows = 0, cols = 0;
    if (!(in >> rows >> cols) || rows * cols > 1000000) {
      error = path + ": damaged parameter shape";
      return false;
    }
    lin::Mat<float> p(rows, cols);
    for (float &x : p.data)
      if (!(in >> x)) {
        error = path + ": parameter " + std::to_string(archive.params.size()) + " is cut short";
        return false;
      }
    archive.params.push_back(std::move(p));
  }
  if (word != "end") {
    error = path + ": missing 'end' (file truncated?)";
    return false;
  }
  return true;
}

} // namespace gf
