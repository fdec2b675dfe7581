// libFuzzer target for the framework-profile loader (indexer/lib/Profiles.cpp): a profile comes
// from `--profile FILE` or from a cloned repo's .tours/*.profile.json, so any bytes must parse
// to a profile or to an error without a crash, a hang, a leak or a sanitizer finding; a
// profile that loads must match names (the indexer matches every call it sees) without a hang.
#include "tourguide/indexer/Profiles.h"

#include <cstdint>
#include <string>
#include <vector>

namespace tourguide::indexer {
// The built-in profiles are generated into the build tree (BuiltinProfiles.cpp.in) and tested
// by FrameworkTest; this target exercises only the profile it is given.
const std::vector<FrameworkProfile> &builtinProfiles() {
  static const std::vector<FrameworkProfile> none;
  return none;
}
} // namespace tourguide::indexer

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  using namespace tourguide::indexer;
  const std::string text(reinterpret_cast<const char *>(data), size);
  llvm::Expected<FrameworkProfile> profile = parseProfile(text, "fuzz.profile.json");
  if (!profile) {
    (void)llvm::toString(profile.takeError());
    return 0;
  }
  ProfileSet set({std::move(*profile)});
  // Names as the indexer meets them: qualified calls, a long template-heavy one, base classes,
  // and paths of the repo's files.
  const std::string longName = "ns::" + std::string(48, 'a') + "<" + std::string(24, 'b') + ">::step";
  for (const std::string &name : {std::string("torch::optim::SGD::step"), std::string("main"), longName})
    (void)set.matchCall(name);
  (void)set.matchDependentCall("step", {set.all().front().name});
  (void)set.matchMethod({"struct torch::nn::Module", "class " + longName}, "forward");
  (void)set.frameworkOfFile("/repo/third_party/" + std::string(40, 'a') + "/src/tensor.cpp", "/repo");
  return 0;
}
