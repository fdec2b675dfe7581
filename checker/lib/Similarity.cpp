#include "tourguide/checker/Similarity.h"

#include "llvm/ADT/StringRef.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>
#include <vector>

namespace tourguide::checker {

SubstringMatch closestSubstring(const std::string &pattern, const std::string &text) {
  // Sellers' algorithm: edit distance where the match may start and end anywhere in `text`.
  // cost[j] = edits for pattern[0..i) against a substring of text ending at j; start[j] is
  // where that substring begins.
  const size_t m = pattern.size(), n = text.size();
  std::vector<unsigned> cost(n + 1, 0), next(n + 1);
  std::vector<size_t> start(n + 1), nextStart(n + 1);
  for (size_t j = 0; j <= n; ++j)
    start[j] = j;
  for (size_t i = 1; i <= m; ++i) {
    next[0] = static_cast<unsigned>(i);
    nextStart[0] = 0;
    for (size_t j = 1; j <= n; ++j) {
      unsigned diag = cost[j - 1] + (pattern[i - 1] == text[j - 1] ? 0 : 1);
      unsigned up = cost[j] + 1;       // pattern char deleted
      unsigned left = next[j - 1] + 1; // text char inserted
      if (diag <= up && diag <= left) {
        next[j] = diag;
        nextStart[j] = start[j - 1];
      } else if (up <= left) {
        next[j] = up;
        nextStart[j] = start[j];
      } else {
        next[j] = left;
        nextStart[j] = nextStart[j - 1];
      }
    }
    cost.swap(next);
    start.swap(nextStart);
  }
  SubstringMatch best{static_cast<unsigned>(m), 0, 0};
  for (size_t j = 0; j <= n; ++j)
    if (cost[j] < best.distance || (cost[j] == best.distance && j - start[j] > best.end - best.begin)) {
      best.distance = cost[j];
      best.begin = start[j];
      best.end = j;
    }
  return best;
}

double tokenSimilarity(const std::string &a, const std::string &b) {
  auto count = [](const std::string &text) {
    std::map<std::string, unsigned> bag;
    std::istringstream in(text);
    std::string token;
    while (in >> token)
      ++bag[token];
    return bag;
  };
  std::map<std::string, unsigned> x = count(a), y = count(b);
  unsigned common = 0, total = 0;
  for (const auto &[token, n] : x) {
    auto it = y.find(token);
    unsigned other = it == y.end() ? 0 : it->second;
    common += std::min(n, other);
    total += std::max(n, other);
  }
  for (const auto &[token, n] : y)
    if (!x.count(token))
      total += n;
  return total == 0 ? 1.0 : static_cast<double>(common) / total;
}

} // namespace tourguide::checker
