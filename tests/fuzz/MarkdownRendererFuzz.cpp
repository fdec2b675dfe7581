// libFuzzer target for the Markdown renderer (render/lib/Markdown.cpp): a stop's text and a
// tour's description come from the tour file, so any bytes must render without a crash, a
// hang, a leak or a sanitizer finding, and what reaches the terminal must hold the sanitizer's
// promise (TerminalInvariant.h): UTF-8, no control character, and with colour no escape but
// the renderer's own SGR sequences. Each input is rendered with and without colour, at a
// usual width and at a narrow one (wrapping and cutting are where text gets split).
#include "TerminalInvariant.h"
#include "tourguide/render/Markdown.h"

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const std::string markdown(reinterpret_cast<const char *>(data), size);
  for (bool color : {false, true})
    for (unsigned width : {80u, 7u}) {
      tourguide::render::Style style;
      style.color = color;
      style.width = width;
      std::string out = tourguide::render::renderMarkdown(markdown, style);
      std::string hazard = tourguide::fuzz::terminalHazard(out, /*block=*/true, /*sgr=*/color);
      if (!hazard.empty()) {
        std::fprintf(stderr, "renderMarkdown (colour %s, width %u) left %s in:\n%s\n", color ? "on" : "off", width,
                     hazard.c_str(), out.c_str());
        std::abort();
      }
    }
  return 0;
}
