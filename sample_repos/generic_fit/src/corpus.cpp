#include "generic_fit/corpus.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace gf {

namespace {

std::vector<std::string> split_commas(const std::string &line) {
  std::vector<std::string> fields;
  std::stringstream in(line);
  for (std::string field; std::getline(in, field, ',');)
    fields.push_back(field);
  return fields;
}

bool parse_float(const std::string &text, float &value) {
  const char *begin = text.c_str();
  char *end = nullptr;
  errno = 0;
  value = std::strtof(begin, &end);
  return end != begin && *end == '\0' && errno == 0 && std::isfinite(value);
}

bool parse_label(const std::string &text, int &label) {
  const char *begin = text.c_str();
  char *end = nullptr;
  long v = std::strtol(begin, &end, 10);
  label = static_cast<int>(v);
  return end != begin && *end == '\0' && v >= 0 && v < 1000;
}

} // namespace

bool read_corpus(const std::string &path, Corpus &out, std::string &error) {
  std::ifstream in(path);
  if (!in) {
    error = path + ": cannot open";
    return false;
  }
  out = Corpus{};
  std::vector<float> values; // all readings, row after row, until the row count is known
  std::size_t line_no = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (!line.empty() && line.back() == '\r')
      line.pop_back();
    if (line.empty() || line[0] == '#')
      continue;
    std::vector<std::string> fields = split_commas(line);
    if (out.columns.empty()) {
      if (fields.size() < 2) {
        error = path + ":" + std::to_string(line_no) + ": header needs sensor columns and a state";
        return false;
      }
      out.columns.assign(fields.begin(), fields.end() - 1);
      continue;
    }
    if (fields.size() != out.columns.size() + 1) {
      error = path + ":" + std::to_string(line_no) + ": expected " +
              std::to_string(out.columns.size() + 1) + " fields, found " +
              std::to_string(fields.size());
      return false;
    }
    for (std::size_t c = 0; c < out.columns.size(); ++c) {
      float v = 0;
      if (!parse_float(fields[c], v)) {
        error = path + ":" + std::to_string(line_no) + ": '" + fields[c] + "' is not a number";
        return false;
      }
      values.push_back(v);
    }
    int label = 0;
    if (!parse_label(fields.back(), label)) {
      error = path + ":" + std::to_string(line_no) + ": '" + fields.back() +
              "' is not a machine state";
      return false;
    }
    out.labels.push_back(label);
    if (label + 1 > out.classes)
      out.classes = label + 1;
  }
  if (out.labels.empty()) {
    error = path + ": no readings";
    return false;
  }
  out.features.rows = out.labels.size();
  out.features.cols = out.columns.size();
  out.features.data = std::move(values);
  return true;
}

Scaler measure(const Corpus &corpus) {
  const lin::Mat<float> &x = corpus.features;
  Scaler s{std::vector<float>(x.cols, 0.0f), std::vector<float>(x.cols, 0.0f)};
  for (std::size_t c = 0; c < x.cols; ++c) {
    double sum = 0, sq = 0;
    for (std::size_t r = 0; r < x.rows; ++r) {
      sum += x(r, c);
      sq += double(x(r, c)) * x(r, c);
    }
    const double mean = sum / double(x.rows);
    const double var = sq / double(x.rows) - mean * mean;
    s.centre[c] = float(mean);
    s.spread[c] = var > 1e-12 ? float(std::sqrt(var)) : 1.0f;
  }
  return s;
}

void standardize(Corpus &corpus, const Scaler &scaler) {
  lin::Mat<float> &x = corpus.features;
  for (std::size_t r = 0; r < x.rows; ++r)
    for (std::size_t c = 0; c < x.cols; ++c)
      x(r, c) = (x(r, c) - scaler.centre[c]) / scaler.spread[c];
}

} // namespace gf
