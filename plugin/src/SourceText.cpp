#include "SourceText.h"

#include "tourguide/tours/Trust.h"

namespace tourguide::plugin {

bool SourceAccess::allows(const std::string &path) const {
  return trusted || (compiled && compiled->count(path) != 0) || tours::isInsideFolder(path, root) ||
         (!programDir.empty() && tours::isInsideFolder(path, programDir));
}

std::string SourceAccess::refusal(const std::string &path) const {
  return "source not shown: " + path + " is outside the repo root " + root +
         " and not a file the program was compiled from; 'tour start --trust' shows it";
}

} // namespace tourguide::plugin
