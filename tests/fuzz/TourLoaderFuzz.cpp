// libFuzzer target for the tour loader (tests/fuzz/README in CMakeLists.txt): any bytes are
// loaded without a crash, a hang or a sanitizer finding; a tour that loads is written and
// loaded again to the same content; the trust rule and the terminal sanitizer hold on it.
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

/// sanitizeLine leaves no control character; sanitizeOutput no escape but SGR.
void checkSanitizer(const std::string &text) {
  for (unsigned char c : tourguide::tours::sanitizeLine(text))
    if (c < 0x20 || c == 0x7f)
      fail("sanitizeLine left a control byte");
  std::string out = tourguide::tours::sanitizeOutput(text);
  for (size_t i = 0; i < out.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c == 0x1b) {
      size_t end = i + 1;
      if (end >= out.size() || out[end] != '[')
        fail("sanitizeOutput left an escape that is not SGR");
      ++end;
      while (end < out.size() && ((out[end] >= '0' && out[end] <= '9') || out[end] == ';'))
        ++end;
      if (end >= out.size() || out[end] != 'm')
        fail("sanitizeOutput left an escape that is not SGR");
      i = end;
    } else if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f) {
      fail("sanitizeOutput left a control byte");
    }
  }
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
