// "Did you mean ...?" for misspelt keys and stage names (the validator, the profile loader) and
// for function names an anchor gives (`tour check` in the plugin, `tourguide check`): the one
// edit distance and the one "plausible typo" rule of every tourguide tool.
// Why not llvm::StringRef::edit_distance: this library is linked into the LLDB plugin, which
// must carry no LLVM of its own (the lldb that loads it has its own LLVM; two copies clash).
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

/// Indices of the names in `candidates` close enough to `name` to be a plausible typo of it
/// (distance at most max(2, a third of `name`'s length, rounded up)), nearest first, ties in
/// the candidates' order, at most `most`. For "closest names" lists of functions.
std::vector<size_t> closestNames(std::string_view name, const std::vector<std::string> &candidates,
                                 size_t most = 3);

} // namespace tourguide::tours
