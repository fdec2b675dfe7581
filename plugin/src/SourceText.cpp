#include "SourceText.h"

#include "tourguide/tours/Trust.h"

#include <cctype>

namespace tourguide::plugin {

bool SourceAccess::allows(const std::string &path) const {
  return trusted || (compiled && compiled->count(path) != 0) || tours::isInsideFolder(path, root) ||
         (!programDir.empty() && tours::isInsideFolder(path, programDir));
}

std::string SourceAccess::refusal(const std::string &path) const {
  return "source not shown: " + path + " is outside the repo root " + root +
         " and not a file the program was compiled from; 'tour start --trust' shows it";
}

std::vector<unsigned> findPattern(const std::vector<std::string> &lines, const std::string &pattern,
                                  unsigned first, unsigned last) {
  std::vector<unsigned> found;
  std::string needle = collapseWhitespace(pattern);
  if (needle.empty() || lines.empty())
    return found;
  if (first < 1)
    first = 1;
  if (last > lines.size())
    last = static_cast<unsigned>(lines.size());
  for (unsigned n = first; n <= last; ++n)
    if (collapseWhitespace(lines[n - 1]).find(needle) != std::string::npos)
      found.push_back(n);
  return found;
}

} // namespace tourguide::plugin
