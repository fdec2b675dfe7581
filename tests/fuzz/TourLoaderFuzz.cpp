// libFuzzer target for the tour loader (tests/fuzz/CMakeLists.txt lists the targets): any bytes
// are loaded without a crash, a hang or a sanitizer finding; a tour that loads is written and
// loaded again to the same content; the trust rule and the terminal sanitizer hold on it.
#include "TerminalInvariant.h"
#include "TourEquality.h"
#include "tourguide/tours/TerminalText.h"
#include "tourguide/tours/TourFile.h"
#include "tourguide/tours/Trust.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

void fail(const std::string &what) {
  std::fprintf(stderr, "%s\n", what.c_str());
  std::abort();
}

/// sanitizeLine leaves no control character at all; sanitizeOutput keeps newlines, tabs and
/// SGR sequences only (TerminalInvariant.h, independent of the sanitizer's own decoder).
void checkSanitizer(const std::string &text) {
  std::string hazard = tourguide::fuzz::terminalHazard(tourguide::tours::sanitizeLine(text), false, false);
  if (!hazard.empty())
    fail("sanitizeLine left " + hazard);
  hazard = tourguide::fuzz::terminalHazard(tourguide::tours::sanitizeOutput(text), true, true);
  if (!hazard.empty())
    fail("sanitizeOutput left " + hazard);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace tourguide::tours;
  const std::string text(reinterpret_cast<const char *>(data), size);
  checkSanitizer(text);
  LoadResult first = parseTour(text, "/repo/.tours/fuzz.json");
  for (const Diagnostic &d : first.diagnostics)
    checkSanitizer(d.format());
  if (!first.ok())
    return 0;
  (void)trustConcerns(*first.tour);
  std::string written = writeTour(*first.tour);
  LoadResult second = parseTour(written, "/repo/.tours/fuzz.json");
  if (!second.ok())
    fail("a loaded tour, written, does not load:\n" + formatAll(second.diagnostics) + written);
  std::string difference = test::contentDifference(*first.tour, *second.tour);
  if (!difference.empty())
    fail("load-write-load changed the tour: " + difference + "\n" + written);
  if (writeTour(*second.tour) != written)
    fail("writeTour is not stable");
  return 0;
}
