// Fact extraction on the shared front end: clangfront parses each TU, FactExtractor's action
// copies what the stage rules need into that TU's TUFacts.
#include "tourguide/indexer/TURunner.h"
#include "tourguide/clangfront/CompilationDatabase.h"
#include "tourguide/indexer/FactExtractor.h"
#include "tourguide/indexer/FactsFile.h"

#include "SharedHeaders.h"

#include "clang/Frontend/FrontendAction.h"
#include "tourguide/clangfront/PayloadCodec.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <optional>
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

/// A cache entry's payload: the TU's header views (which headers' facts it leaves to an
/// earlier TU: checked again whenever the entry is used), then its facts.
std::string cachePayload(std::vector<HeaderView> &views, const TUFacts &facts) {
  clangfront::PayloadWriter out;
  std::string bytes = factsToBinary(facts);
  out(views, bytes);
  return std::move(out.out);
}

bool readCachePayload(llvm::StringRef payload, std::vector<HeaderView> &views, TUFacts &facts) {
  clangfront::PayloadReader in(payload);
  llvm::StringRef bytes;
  in(views, bytes);
  if (!in.ok() || !in.atEnd())
    return false;
  llvm::Expected<TUFacts> read = factsFromBinary(bytes);
  if (!read) {
    llvm::consumeError(read.takeError());
    return false;
  }
  facts = std::move(*read);
  return true;
}

/// The run's SharedHeaders and, per TU, what its extraction shares: the header views of its
/// result (parsed or read from the cache) and whether a parse of it already lost its bet.
struct Sharing {
  explicit Sharing(size_t tus) : run(tus), extraction(tus), views(tus), betLost(tus, false) {}
  SharedHeaders run;
  std::vector<std::unique_ptr<TUSharing>> extraction;
  std::vector<std::vector<HeaderView>> views;
  std::vector<bool> betLost;
};

} // namespace

std::string factsCacheKind() {
  return std::string("index ") + kFactsFormat + " " + std::to_string(kFactsVersion) + " shared-headers 1";
}

std::vector<TUFacts> extractFacts(const clang::tooling::CompilationDatabase &db, const std::vector<std::string> &files,
                                  const clangfront::RunOptions &runOptions, bool dropRepeats, bool shareHeaders,
                                  SharingStats *stats) {
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
  // Headers are shared only where repeats are dropped anyway: one TU's facts (--tu) are whole.
  std::optional<Sharing> sharing;
  if (dropRepeats && shareHeaders)
    sharing.emplace(commands.size());
  const bool listFiles = stats && stats->listFiles;
  std::vector<std::vector<std::string>> leftToEarlier(listFiles ? commands.size() : 0);
  std::atomic<unsigned> readingsLeft{0}, tusLeaving{0}, skippedBodies{0}, reparsed{0};

  if (sharing)
    options.parseAgain = [&](size_t i, const clangfront::TUStatus &parsed) {
      TUSharing &tu = *sharing->extraction[i];
      skippedBodies += tu.skippedBodies;
      // A lost bet leaves the TU without a header's facts; skipped bodies may hide errors. Not
      // worth a second parse when a header is missing (68 of OpenCV's TUs lack a generated one):
      // the TU's errors are mostly that header's, and its facts are partial either way.
      bool mayHideErrors = tu.skippedBodies > 0 && facts[i].errorCount > 0 && !parsed.missingInclude;
      if (!sharing->betLost[i] && (tu.lostBet || mayHideErrors)) {
        sharing->betLost[i] = true;
        ++reparsed;
        return true;
      }
      sharing->views[i] = std::move(tu.views);
      return false;
    };
  options.done = [&](size_t i) {
    if (sharing) {
      std::vector<HeaderView> &views = sharing->views[i];
      sharing->run.finish(i, views, facts[i].errorCount == 0);
      unsigned left = 0;
      for (const HeaderView &view : views)
        if (view.elsewhere) {
          ++left;
          if (listFiles)
            leftToEarlier[i].push_back(view.file);
        }
      readingsLeft += left;
      tusLeaving += left > 0;
      std::vector<HeaderView>().swap(views); // saved, and known to the run
    }
    if (dropRepeats)
      dropper.finished(i);
  };
  if (options.cache) {
    options.save = [&](size_t i) {
      std::vector<HeaderView> none;
      return cachePayload(sharing ? sharing->views[i] : none, facts[i]);
    };
    options.load = [&](size_t i, llvm::StringRef payload) {
      std::vector<HeaderView> views;
      if (!readCachePayload(payload, views, facts[i]))
        return false;
      bool leavesSome = std::any_of(views.begin(), views.end(), [](const HeaderView &v) { return v.elsewhere; });
      // An entry that leaves a header's facts to an earlier TU is whole only if one still gives them.
      if (leavesSome && (!sharing || !sharing->run.givenBefore(i, views)))
        return false;
      if (sharing)
        sharing->views[i] = std::move(views);
      return true;
    };
  }
  std::vector<clangfront::TUStatus> statuses = clangfront::runOnTUs(commands, options, [&](size_t i) {
    facts[i] = TUFacts();
    if (!sharing)
      return createFactExtractionAction(facts[i]);
    sharing->extraction[i] = std::make_unique<TUSharing>(sharing->run, i, /*skipBodies=*/!sharing->betLost[i]);
    return createSharingFactAction(facts[i], *sharing->extraction[i]);
  });
  if (stats) {
    stats->leftToEarlier = std::move(leftToEarlier);
    stats->readingsLeft = readingsLeft;
    stats->tusLeaving = tusLeaving;
    stats->bodiesSkipped = skippedBodies;
    stats->reparsed = reparsed;
  }
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
