// libFuzzer target for the findings reader (indexer/lib/FindingsReader.cpp): `tour draft FILE`
// reads findings inside the user's lldb, from wherever the file came, so any bytes must give
// findings or one error message, without a crash, a hang, a leak or a sanitizer finding; and
// findings that read must hold only what the draft may use (absolute files, bounded lines).
#include "tourguide/indexer/FindingsReader.h"

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace tourguide::indexer;
  const std::string text(reinterpret_cast<const char *>(data), size);
  std::string error;
  std::optional<FindingsFile> findings = parseFindings(text, error);
  if (!findings) {
    if (error.empty())
      abort(); // every refusal says why
    return 0;
  }
  for (const EntryPoint &e : findings->entries)
    if (e.file.empty() || e.file[0] != '/' || e.program.empty())
      abort();
  for (const Finding &f : findings->findings)
    if (f.file.empty() || f.file[0] != '/' || f.function.empty() || f.line > 100000000 || f.anchorLine > 100000000)
      abort();
  return 0;
}
