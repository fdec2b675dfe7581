// `--format=json`: the raw findings, for other tools and for tests.
#pragma once

#include "tourguide/indexer/Findings.h"

#include <string>
#include <vector>

namespace tourguide::indexer {

/// How the run went, TU by TU; also the basis of the summary line and the exit code.
struct RunSummary {
  unsigned total = 0;      ///< TUs selected.
  unsigned parsed = 0;     ///< TUs whose AST was built (possibly with errors).
  unsigned withErrors = 0; ///< TUs with at least one error (or that could not run at all).
  unsigned skipped = 0;    ///< TUs not parsed on purpose (too large).
  std::vector<const TUFacts *> problems; ///< TUs with errors or skipped.
};

RunSummary summarise(const std::vector<TUFacts> &tus);

/// Entries whose kind is train but for which no training loop was found, and an overall
/// note when nothing ML-like was found at all: "no training loop found".
std::vector<std::string> notesFor(const Analysis &analysis);

/// "indexed 12 TUs (11 parsed, 1 with errors, 0 skipped): 2 entry points (train, eval), 9 stages, 1 training loop"
std::string summaryLine(const RunSummary &summary, const Analysis &analysis);

/// The findings document (stable key order, 2-space indent). `root` (the repository root,
/// absolute) is recorded for `tour draft`, which writes the tour relative to it.
std::string findingsToJson(const Analysis &analysis, const RunSummary &summary, const std::string &root = "");

} // namespace tourguide::indexer
