#include "tourguide/tours/Suggest.h"

#include <algorithm>
#include <cctype>
#include <numeric>

namespace tourguide::tours {

unsigned editDistance(std::string_view a, std::string_view b) {
  // One row of the classic dynamic-programming table is enough.
  std::vector<unsigned> row(b.size() + 1);
  std::iota(row.begin(), row.end(), 0u);
  for (size_t i = 1; i <= a.size(); ++i) {
    unsigned diagonal = row[0];
    row[0] = static_cast<unsigned>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      unsigned above = row[j];
      unsigned substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string closestMatch(std::string_view word, const std::vector<std::string> &candidates) {
  // Compare case-insensitively so "Title" suggests "title".
  std::string lowered(word);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  std::string best;
  unsigned bestDistance = ~0u;
  for (const std::string &candidate : candidates) {
    unsigned distance = editDistance(lowered, candidate);
    unsigned limit = static_cast<unsigned>((candidate.size() + 2) / 3);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

std::vector<size_t> closestNames(std::string_view name, const std::vector<std::string> &candidates,
                                 size_t most) {
  const unsigned limit = std::max(2u, static_cast<unsigned>((name.size() + 2) / 3));
  std::vector<std::pair<unsigned, size_t>> ranked;
  for (size_t i = 0; i < candidates.size(); ++i)
    if (unsigned d = editDistance(name, candidates[i]); d <= limit)
      ranked.emplace_back(d, i);
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto &x, const auto &y) { return x.first < y.first; });
  std::vector<size_t> out;
  for (size_t i = 0; i < ranked.size() && i < most; ++i)
    out.push_back(ranked[i].second);
  return out;
}

} // namespace tourguide::tours
