#include "FixFormat.h"

#include "tourguide/tours/Files.h"
#include "tourguide/tours/TerminalText.h"

namespace tourguide::cli {

bool fixTourFormat(std::ostream &out, const std::string &file, const std::string &text,
                   const tours::LoadResult &loaded) {
  const std::string name = tours::sanitizeLine(file);
  if (!loaded.ok()) {
    out << name << ": not rewritten: it has errors (fix them first)\n";
    return true;
  }
  std::string canonical = tours::writeTour(*loaded.tour);
  if (canonical == text) {
    out << name << ": already in tourguide's layout\n";
    return true;
  }
  // The layout is only ever a change of layout: what it says must load back the same.
  tours::LoadResult back = tours::parseTour(canonical, file);
  if (!back.ok() || tours::writeTour(*back.tour) != canonical) {
    out << name << ": not rewritten: the rewritten text would not load back the same (a bug: please report it)\n";
    return false;
  }
  if (tours::WriteError e = tours::writeFileAtomically(file, canonical)) {
    out << name << ": not rewritten: " << tours::sanitizeLine(e.message(file)) << "\n";
    return false;
  }
  out << name << ": rewritten in tourguide's layout\n";
  return true;
}

} // namespace tourguide::cli
