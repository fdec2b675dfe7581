#include "tourguide/report/StageColors.h"

#include <cstring>
#include <functional>

namespace tourguide::report {
namespace {

struct NamedColor {
  const char *stage;
  StageColor color;
};

// The known stages of the tour format, each with a colour of its own.
constexpr NamedColor Known[] = {
    {"data", {"#1d4ed8", "#dbeafe"}},       {"loop", {"#6d28d9", "#ede9fe"}},
    {"model", {"#0f766e", "#ccfbf1"}},      {"loss", {"#b91c1c", "#fee2e2"}},
    {"optimizer", {"#b45309", "#fef3c7"}},  {"metrics", {"#15803d", "#dcfce7"}},
    {"setup", {"#475569", "#e2e8f0"}},      {"checkpoint", {"#a21caf", "#fae8ff"}},
};
// A team's own stage names share these, picked by a hash of the name so a name keeps its colour.
constexpr StageColor Others[] = {
    {"#0e7490", "#cffafe"}, {"#be185d", "#fce7f3"}, {"#4338ca", "#e0e7ff"}, {"#4d7c0f", "#ecfccb"}};

} // namespace

StageColor stageColor(const std::string &stage) {
  for (const NamedColor &known : Known)
    if (stage == known.stage)
      return known.color;
  // FNV-1a: std::hash may differ between standard libraries; this stays put.
  unsigned hash = 2166136261u;
  for (unsigned char c : stage)
    hash = (hash ^ c) * 16777619u;
  return Others[hash % (sizeof Others / sizeof Others[0])];
}

} // namespace tourguide::report
