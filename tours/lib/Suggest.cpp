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

} // namespace tourguide::tours
