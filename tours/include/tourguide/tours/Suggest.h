// "Did you mean ...?" for misspelt keys and stage names (the validator) and for function names
// an anchor gives (`tour check` in the plugin). The one edit distance the tours library and the
// plugin use; code that links LLVM may use llvm::StringRef::edit_distance, which counts alike.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tourguide::tours {

/// Levenshtein distance (insertions, deletions, substitutions; each costs 1).
unsigned editDistance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, or "" when none is close enough to be a plausible typo
/// (distance at most a third of the candidate's length, rounded up; ties go to the first).
std::string closestMatch(std::string_view word, const std::vector<std::string> &candidates);

} // namespace tourguide::tours
