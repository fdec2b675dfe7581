// Fact extraction on the shared front end: clangfront parses each TU, FactExtractor's action
// copies what the stage rules need into that TU's TUFacts.
#include "tourguide/indexer/TURunner.h"
#include "tourguide/clangfront/CompilationDatabase.h"
#include "tourguide/indexer/FactExtractor.h"
#include "tourguide/indexer/FactsFile.h"

#include "clang/Frontend/FrontendAction.h"

#include <algorithm>
#include <mutex>
#include <set>

namespace tourguide::indexer {

namespace {

/// Drops repeated functions and records in the TUs' order, whatever order they finish in: a TU
/// waits (whole) until every earlier one is done, so the copy kept is always the first one.
class RepeatDropper {
public:
  explicit RepeatDropper(std::vector<TUFacts> &facts) : facts_(facts), finished_(facts.size()) {}

  void finished(size_t i) {
    std::lock_guard<std::mutex> lock(mutex_);
    finished_[i] = true;
    for (; next_ < facts_.size() && finished_[next_]; ++next_)
      thin(facts_[next_]);
  }

private:
  void thin(TUFacts &tu) {
    auto repeated = [&](const FunctionFacts &f) { return !f.isMain && !functions_.insert(f.usr).second; };
    tu.functions.erase(std::remove_if(tu.functions.begin(), tu.functions.end(), repeated), tu.functions.end());
    tu.functions.shrink_to_fit();
    auto repeatedRecord = [&](const RecordFacts &r) { return !records_.insert(r.usr).second; };
    tu.records.erase(std::remove_if(tu.records.begin(), tu.records.end(), repeatedRecord), tu.records.end());
  }

  std::vector<TUFacts> &facts_;
  std::vector<bool> finished_;
  size_t next_ = 0;
  std::set<std::string> functions_, records_;
  std::mutex mutex_;
};

} // namespace

std::string factsCacheKind() { return std::string("index ") + kFactsFormat + " " + std::to_string(kFactsVersion); }

std::vector<TUFacts> extractFacts(const clang::tooling::CompilationDatabase &db, const std::vector<std::string> &files,
                                  const clangfront::RunOptions &runOptions, bool dropRepeats) {
  std::vector<clang::tooling::CompileCommand> commands = clangfront::firstCommands(db, files);
  std::vector<TUFacts> facts(commands.size());
  clangfront::RunOptions options = runOptions;
  // Warnings are not facts, and computing them costs: -Wall's flow-sensitive ones build a
  // CFG of every function. (bench/indexer compares with clang -fsyntax-only -Wno-everything.)
  clang::tooling::ArgumentsAdjuster noWarnings =
      clang::tooling::getInsertArgumentAdjuster("-w", clang::tooling::ArgumentInsertPosition::BEGIN);
  options.adjuster =
      runOptions.adjuster ? clang::tooling::combineAdjusters(noWarnings, runOptions.adjuster) : noWarnings;
  RepeatDropper dropper(facts);
  if (dropRepeats)
    options.done = [&dropper](size_t i) { dropper.finished(i); };
  if (options.cache) {
    options.save = [&facts](size_t i) { return factsToBinary(facts[i]); };
    options.load = [&facts](size_t i, llvm::StringRef payload) {
      llvm::Expected<TUFacts> read = factsFromBinary(payload);
      if (!read) {
        llvm::consumeError(read.takeError());
        return false;
      }
      facts[i] = std::move(*read);
      return true;
    };
  }
  std::vector<clangfront::TUStatus> statuses =
      clangfront::runOnTUs(commands, options, [&facts](size_t i) { return createFactExtractionAction(facts[i]); });
  for (size_t i = 0; i < facts.size(); ++i) {
    clangfront::TUStatus &status = statuses[i];
    TUFacts &tu = facts[i];
    tu.mainFile = status.mainFile; // the action records the name as given; keep the absolute one
    tu.directory = status.directory;
    tu.outputFile = status.outputFile;
    tu.errorCount = status.errorCount;
    tu.errors = std::move(status.errors);
    tu.skipped = status.skipped;
    if (tu.skipped)
      tu.skipReason = "larger than " + std::to_string(options.maxFileBytes >> 20) +
                      " MiB (generated code?); use --max-tu-size to index it";
  }
  return facts;
}

} // namespace tourguide::indexer
