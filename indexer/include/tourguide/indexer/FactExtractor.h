// Per-TU fact extraction: a frontend action that walks one translation unit and copies
// what the stage rules need (functions by USR, calls, loops, telling statements) into
// plain TUFacts. The AST dies with the action; only the facts survive.
#pragma once

#include "tourguide/indexer/Facts.h"

#include "llvm/ADT/StringRef.h"

#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTConsumer;
class FrontendAction;
} // namespace clang

namespace tourguide::indexer {

/// An action that fills `out.functions` and `out.records` for the TU it runs on.
/// `out` must outlive the action.
std::unique_ptr<clang::FrontendAction> createFactExtractionAction(TUFacts &out);

/// Parses code held in a string (tests, experiments). `args` are compiler flags
/// (e.g. {"-target", "x86_64-linux-gnu", "-std=c++17"}); errors are counted in the result.
TUFacts extractFactsFromCode(llvm::StringRef code, const std::vector<std::string> &args,
                             llvm::StringRef fileName = "input.cc");

} // namespace tourguide::indexer
