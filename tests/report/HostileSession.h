// A played session whose every string tries to break out of the page, for the report tests.
#pragma once

#include "tourguide/report/SessionReport.h"

#include <cmath>

namespace tourguide::report::testing {

inline const std::string Script = "<script>alert('x')</script>";

inline SessionRecord hostileSession() {
  SessionRecord session;
  session.tourTitle = "MLP tour " + Script;
  session.tourDescription = "Reads `data` & trains. <img src=x onerror=alert(1)>";
  session.tourFile = ".tours/train.json";
  session.program = "build/train";
  session.args = {"data/train.bin", "--name", "a b\"c"};
  session.endedHow = "exited with status 0";

  StopRecord read;
  read.id = "read";
  read.stage = "data";
  read.title = "Batch is read " + Script;
  read.markdown = "Copies **rows** into `batch->x`.\n\n<div onclick=\"evil()\">raw</div>\n\n"
                  "[click](javascript:alert(1))";
  read.file = "src/loader.c";
  read.line = 42;
  read.index = 1;
  read.total = 4;
  read.firstSourceLine = 40;
  read.sourceLines = {"int f() {", "  if (a < b && c > d)", "  fread(batch->x, 4, n, f);",
                      "  return 0; // </td></tr></table>"};
  read.watches = {{"batch->size", "32"}, {"name", Script}, {"bad \xff\xfe utf8", "\x01\x02ok"}};
  read.reached = true;
  read.reachedAt = "2026-11-21T17:03:12Z";

  StopRecord loss;
  loss.id = "loss";
  loss.stage = "loss";
  loss.title = "Cross-entropy";
  loss.markdown = "The loss is `-log p[label]`.";
  loss.file = "src/loss.c";
  loss.line = 19;
  loss.index = 2;
  loss.total = 4;
  loss.watches = {{"loss", "0.3117"}, {"p", "could not read: optimized out", true}};
  loss.reached = true;
  loss.reachedAt = "2026-11-21T17:03:13Z";

  StopRecord update;
  update.id = "update";
  update.stage = "optimizer";
  update.title = "SGD step";
  update.markdown = "`w -= lr * g`";
  update.index = 3;
  update.total = 4;
  update.watches = {{"lr", "0.05", false, "\u0394 since stop 2 (" + Script + "): 0.1\u21920.05"}};
  update.reached = true;

  StopRecord evaluate;
  evaluate.id = "eval";
  evaluate.stage = "metrics";
  evaluate.title = "Accuracy " + Script;
  evaluate.index = 4;
  evaluate.total = 4;
  evaluate.reached = false;
  evaluate.whyNotReached = "the program exited first " + Script;

  session.stops = {read, loss, update, evaluate};

  charts::Series lossSeries{"loss " + Script, {}, {}, "step"};
  for (int i = 0; i < 50; ++i) {
    lossSeries.x.push_back(i);
    lossSeries.y.push_back(2.0 / (1 + i * 0.2) + 0.25);
  }
  lossSeries.y[10] = NAN;
  charts::Series accuracy{"accuracy", {1, 2, 3}, {0.5, 0.75, 0.875}, "epoch"};
  session.series = {lossSeries, accuracy};
  return session;
}

/// How often `needle` occurs in `haystack`.
inline size_t occurrences(const std::string &haystack, const std::string &needle) {
  size_t count = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size()))
    ++count;
  return count;
}

inline std::string lowercase(std::string text) {
  for (char &c : text)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

} // namespace tourguide::report::testing
