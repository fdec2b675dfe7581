// Fact extraction on the shared front end: clangfront parses each TU, FactExtractor's action
// copies what the stage rules need into that TU's TUFacts.
#include "tourguide/indexer/TURunner.h"
#include "tourguide/clangfront/CompilationDatabase.h"
#include "tourguide/indexer/FactExtractor.h"
#include "tourguide/indexer/FactsFile.h"

#include "clang/Frontend/FrontendAction.h"

namespace tourguide::indexer {

std::string factsCacheKind() { return std::string("index ") + kFactsFormat + " " + std::to_string(kFactsVersion); }

std::vector<TUFacts> extractFacts(const clang::tooling::CompilationDatabase &db, const std::vector<std::string> &files,
                                  const clangfront::RunOptions &runOptions) {
  std::vector<clang::tooling::CompileCommand> commands = clangfront::firstCommands(db, files);
  std::vector<TUFacts> facts(commands.size());
  clangfront::RunOptions options = runOptions;
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
