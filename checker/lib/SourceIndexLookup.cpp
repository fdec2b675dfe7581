// The parts of the source index that need no Clang: looking names up the way LLDB does,
// merging what several TUs found, template-argument stripping, and the layout-blind token
// text used to compare function bodies.
#include "tourguide/checker/SourceIndex.h"

#include <cctype>
#include <unordered_map>
#include <unordered_set>

namespace tourguide::checker {

std::string stripTemplateArguments(const std::string &name) {
  std::string out;
  int depth = 0;
  for (size_t i = 0; i < name.size(); ++i) {
    // "operator<", "operator<<", "operator<=>" are names, not argument lists.
    if (depth == 0 && name.compare(i, 8, "operator") == 0) {
      out += name.substr(i);
      break;
    }
    char c = name[i];
    if (c == '<') {
      ++depth;
      continue;
    }
    if (c == '>' && depth > 0) {
      --depth;
      continue;
    }
    if (depth == 0)
      out += c;
  }
  return out;
}

std::string normalizeTokens(const std::string &code) {
  std::string out;
  auto emit = [&](const std::string &token) {
    if (!out.empty())
      out += ' ';
    out += token;
  };
  size_t i = 0, n = code.size();
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(code[i]);
    if (std::isspace(c)) {
      ++i;
    } else if (code.compare(i, 2, "//") == 0) {
      while (i < n && code[i] != '\n')
        ++i;
    } else if (code.compare(i, 2, "/*") == 0) {
      size_t end = code.find("*/", i + 2);
      i = end == std::string::npos ? n : end + 2;
    } else if (std::isalnum(c) || c == '_') {
      size_t b = i;
      // Identifiers and numbers (with their suffixes, exponents and digit separators).
      while (i < n && (std::isalnum(static_cast<unsigned char>(code[i])) || code[i] == '_' ||
                       (code[i] == '.' && std::isdigit(c)) || code[i] == '\''))
        ++i;
      emit(code.substr(b, i - b));
    } else if (c == '"' || c == '\'') {
      size_t b = i++;
      while (i < n && code[i] != static_cast<char>(c)) {
        if (code[i] == '\\')
          ++i;
        ++i;
      }
      i = i < n ? i + 1 : n;
      emit(code.substr(b, i - b));
    } else {
      // Multi-character operators first, so "a->b" and "a - > b" stay different.
      static const char *const ops[] = {"<<=", ">>=", "->*", "...", "::", "->", "++", "--", "<<", ">>",
                                        "<=",  ">=",  "==",  "!=",  "&&", "||", "+=", "-=", "*=", "/=",
                                        "%=",  "&=",  "|=",  "^=",  ".*"};
      std::string token(1, static_cast<char>(c));
      for (const char *op : ops)
        if (code.compare(i, std::char_traits<char>::length(op), op) == 0) {
          token = op;
          break;
        }
      i += token.size();
      emit(token);
    }
  }
  return out;
}

const std::string &FunctionDef::displayName() const {
  for (const std::string &n : names)
    if (n.find('<') != std::string::npos && n.find("operator") == std::string::npos)
      return n;
  return names.front();
}

bool FunctionDef::hasName(const std::string &name) const {
  for (const std::string &n : names)
    if (n == name)
      return true;
  return false;
}

std::vector<const FunctionDef *> SourceIndex::find(const std::string &name) const {
  std::vector<const FunctionDef *> exact, suffix;
  std::string stripped = stripTemplateArguments(name);
  for (const FunctionDef &fn : functions) {
    if (fn.hasName(name)) {
      exact.push_back(&fn);
      continue;
    }
    for (const std::string &n : fn.names) {
      bool viaSuffix = !name.empty() && n.size() >= name.size() + 2 && n.compare(n.size() - name.size(), name.size(), name) == 0 &&
                       n.compare(n.size() - name.size() - 2, 2, "::") == 0;
      bool viaStripped = stripped != name && n == stripped;
      if (viaSuffix || viaStripped) {
        suffix.push_back(&fn);
        break;
      }
    }
  }
  return exact.empty() ? suffix : exact;
}

namespace {
std::string definitionKey(const FunctionDef &fn) {
  return fn.file + ":" + std::to_string(fn.line) + ":" + std::to_string(fn.bodyBegin);
}
} // namespace

SourceIndexMerger::SourceIndexMerger(SourceIndex &index) : index_(index) {
  for (size_t i = 0; i < index_.functions.size(); ++i)
    known_.emplace(definitionKey(index_.functions[i]), i);
  files_.insert(index_.files.begin(), index_.files.end());
}

void SourceIndexMerger::add(SourceIndex &&part) {
  for (FunctionDef &fn : part.functions) {
    auto [it, added] = known_.emplace(definitionKey(fn), index_.functions.size());
    if (added) {
      index_.functions.push_back(std::move(fn));
      continue;
    }
    FunctionDef &same = index_.functions[it->second];
    for (std::string &n : fn.names)
      if (!same.hasName(n))
        same.names.push_back(std::move(n));
    if (same.body.empty())
      same.body = std::move(fn.body);
  }
  for (std::string &f : part.files)
    if (files_.insert(f).second)
      index_.files.push_back(std::move(f));
  index_.translationUnits += part.translationUnits;
  index_.translationUnitsWithErrors += part.translationUnitsWithErrors;
  for (std::string &p : part.problems)
    index_.problems.push_back(std::move(p));
}

void mergeInto(SourceIndex &index, SourceIndex &&part) { SourceIndexMerger(index).add(std::move(part)); }

} // namespace tourguide::checker
