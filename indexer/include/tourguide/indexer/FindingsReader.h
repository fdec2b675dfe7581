// Reading `tourguide index --format=json` back: `tour draft FINDINGS.json` in LLDB drafts a tour
// from it. The file comes from wherever the user got it, so it is read like a tour file: bounded,
// checked field by field, and every problem is an error message, never an exception or an abort
// inside the user's debugger. Plain C++ (no LLVM): the plugin links it.
#pragma once

#include "tourguide/indexer/Finding.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tourguide::indexer {

/// The largest findings file read: 64 MiB. darknet's (64 subcommands) is under 1 MiB.
constexpr size_t kMaxFindingsBytes = 64u << 20;

struct FindingsFile {
  std::string root; ///< The repository root the indexer used (absolute), "" when not recorded.
  std::vector<EntryPoint> entries;
  std::vector<Finding> findings; ///< Grouped by entry, in program order.
};

/// Parses a findings document. On a problem returns nullopt and sets `error` to one sentence
/// that names where ("stages[3].anchor.line: expected a number").
std::optional<FindingsFile> parseFindings(std::string_view text, std::string &error);

/// Reads `path` (a regular file of at most kMaxFindingsBytes) and parses it; errors name the file.
std::optional<FindingsFile> readFindingsFile(const std::string &path, std::string &error);

} // namespace tourguide::indexer
