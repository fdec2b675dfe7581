// Parses `tourguide index` options (llvm::cl, on the front end's command line: -p, -j), runs
// the indexer over the selected TUs in parallel, and writes tours or JSON findings.
#include "IndexCommand.h"

#include "tourguide/cli/ExitCode.h"
#include "tourguide/clangfront/CommandLine.h"
#include "tourguide/clangfront/CompilationDatabase.h"
#include "tourguide/clangfront/TUCache.h"
#include "tourguide/indexer/FactsFile.h"
#include "tourguide/indexer/FindingsJson.h"
#include "tourguide/indexer/ProgramIndex.h"
#include "tourguide/indexer/TURunner.h"
#include "tourguide/indexer/TourDraft.h"
#include "tourguide/confirm/ConfirmingRun.h"
#include "tourguide/tours/Files.h"
#include "tourguide/tours/TerminalText.h"
#include "tourguide/tours/TourFile.h"
#include "tourguide/tours/Trust.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace tourguide::indexer {

namespace cl = llvm::cl;
using cli::kExitFailure;
using cli::kExitOk;
using cli::kExitUsage;

namespace {

enum class Format { Tour, Json };

/// The repository root: the nearest folder at or above the sources' common folder that
/// holds a build file or a .git; the common folder itself when there is none.
std::string guessRepoRoot(const std::vector<std::string> &files) {
  if (files.empty())
    return ".";
  std::string common = llvm::sys::path::parent_path(files.front()).str();
  for (const std::string &f : files)
    while (!common.empty() && !llvm::StringRef(f).startswith(common + "/"))
      common = llvm::sys::path::parent_path(common).str();
  for (std::string dir = common; !dir.empty() && dir != "/"; dir = llvm::sys::path::parent_path(dir).str())
    for (const char *marker : {"CMakeLists.txt", "Makefile", "configure", ".git", "meson.build"}) {
      llvm::SmallString<256> p(dir);
      llvm::sys::path::append(p, marker);
      if (llvm::sys::fs::exists(p))
        return dir;
    }
  return common.empty() ? "/" : common;
}

const char *const kOverview =
    "Finds where a C/C++ ML program trains and evaluates, and where its data, loop, model,\n"
    "loss, optimizer and metrics code lives, by parsing every translation unit of\n"
    "compile_commands.json and following the call graph from each main.\n\n"
    "SOURCES restricts the run to files that match (a path, a path suffix, or a folder).\n\n"
    "Each TU's parse is kept in a cache (.tourguide-cache in the build folder, or --cache-dir)\n"
    "and reused while the TU's command and every file it read are unchanged and no file it\n"
    "looked for has appeared; entries unused for a while, or beyond a size, are removed.\n\n"
    "--tu FILE -o FACTS indexes one TU alone and writes its facts (docs/cache.md), for a build\n"
    "system to run beside each compile; --merge FACTS... drafts from such files without parsing.\n\n"
    "With `-- PROGRAM ARGS...` the program runs once under LLDB with a breakpoint on every\n"
    "candidate stop of its entry point; its tour keeps the stops the run reached, in that order.\n\n"
    "Exit status: 0 every TU parsed and a training loop found; 1 some TUs had errors or no\n"
    "training loop was found (what was found is still written); 2 usage error, no compilation\n"
    "database, nothing matches SOURCES, a profile does not load, PROGRAM cannot be run, or the\n"
    "output cannot be written.\n";

/// The command's options: -p and -j are the front end's, the rest are declared here, in the
/// command's own llvm::cl subcommand. llvm::cl options register globally and never
/// unregister, so they are built once, on the first run; every one has a cl::init, which each
/// parse resets it to.
struct IndexOptions {
  clangfront::CommandLine commandLine{"index", kIndexSynopsis, kOverview};
  cl::SubCommand &sub = commandLine.sub;
  cl::OptionCategory &category = commandLine.category;
  cl::opt<std::string> output{
      "o", cl::desc("Output: with --format=tour, the folder for one tour per entry point (default: <root>/.tours);\n"
                    "with --format=json, the findings file (default: standard output)"),
      cl::value_desc("path"), cl::init(""), cl::sub(sub), cl::cat(category)};
  cl::opt<Format> format{"format", cl::desc("What to write:"),
                         cl::values(clEnumValN(Format::Tour, "tour", "draft tour files (default)"),
                                    clEnumValN(Format::Json, "json", "the raw findings as JSON")),
                         cl::init(Format::Tour), cl::sub(sub), cl::cat(category)};
  cl::opt<std::string> root{"root", cl::desc("Repository root (default: nearest folder above the sources with a build file)"),
                            cl::value_desc("dir"), cl::init(""), cl::sub(sub), cl::cat(category)};
  cl::opt<unsigned> maxSizeMiB{"max-tu-size", cl::desc("Skip main files larger than this many MiB (default 8)"),
                               cl::init(8), cl::value_desc("MiB"), cl::sub(sub), cl::cat(category)};
  cl::opt<bool> quiet{"quiet", cl::desc("No progress and no summary line"), cl::init(false), cl::sub(sub),
                      cl::cat(category)};
  cl::opt<double> runTimeout{"run-timeout",
                             cl::desc("With `-- PROGRAM ARGS`: kill the program after this many seconds (default 120)"),
                             cl::init(120), cl::value_desc("seconds"), cl::sub(sub), cl::cat(category)};
  cl::opt<std::string> runCwd{"run-cwd", cl::desc("With `-- PROGRAM ARGS`: the program's working directory (default: here)"),
                              cl::value_desc("dir"), cl::init(""), cl::sub(sub), cl::cat(category)};
  cl::list<std::string> profiles{"profile",
                                 cl::desc("A framework profile (JSON, docs/profiles.md) to use besides the built-in ones\n"
                                          "and the repo's .tours/*.profile.json; may be repeated"),
                                 cl::value_desc("file"), cl::sub(sub), cl::cat(category)};
  cl::opt<std::string> tu{"tu", cl::desc("Index this one TU alone and write its facts file to -o (docs/cache.md)"),
                         cl::value_desc("file"), cl::init(""), cl::sub(sub), cl::cat(category)};
  cl::opt<bool> merge{"merge", cl::desc("The positional arguments are facts files (--tu's): draft from them, parse nothing"),
                      cl::init(false), cl::sub(sub), cl::cat(category)};
  cl::opt<bool> noSharedHeaders{
      "no-shared-headers",
      cl::desc("Analyse every header in every TU that reads it, even when an earlier TU read it the same way\n"
               "(the findings are the same; for measuring, docs/cache.md)"),
      cl::init(false), cl::sub(sub), cl::cat(category)};
  cl::list<std::string> sources{cl::Positional, cl::desc("[SOURCES...] (with --merge: FACTS...)"), cl::sub(sub),
                                cl::cat(category)};
};

/// "12 of 38 TUs left 3100 header readings to earlier TUs ...": what sharing headers saved
/// (docs/cache.md); "" when nothing was shared.
std::string sharingSummary(const SharingStats &shared, size_t tus) {
  if (shared.readingsLeft == 0)
    return "";
  return std::to_string(shared.tusLeaving) + " of " + std::to_string(tus) + " translation units left " +
         std::to_string(shared.readingsLeft) + " header readings to an earlier one that read them the same way (" +
         std::to_string(shared.bodiesSkipped) + " function bodies not parsed, " + std::to_string(shared.reparsed) +
         " translation units parsed again)";
}

/// The user's profiles (--profile, then the repo's .tours/*.profile.json) before the built-in
/// ones, so that a rule of theirs wins over a shipped one.
llvm::Expected<ProfileSet> loadProfiles(const std::string &repoRoot, std::vector<std::string> files) {
  std::error_code ec;
  std::vector<std::string> inRepo;
  for (llvm::sys::fs::directory_iterator it(repoRoot + "/.tours", ec), end; it != end && !ec; it.increment(ec))
    if (llvm::StringRef(it->path()).endswith(".profile.json"))
      inRepo.push_back(it->path());
  std::sort(inRepo.begin(), inRepo.end());
  files.insert(files.end(), inRepo.begin(), inRepo.end());
  std::vector<FrameworkProfile> user;
  for (const std::string &file : files) {
    auto p = loadProfile(file);
    if (!p)
      return p.takeError();
    user.push_back(std::move(*p));
  }
  return ProfileSet::withBuiltins(std::move(user));
}

/// Text from the repo (file names, compiler messages quoting its code) as the terminal may show it.
std::string shown(const std::string &text) { return tourguide::tours::sanitizeLine(text); }

/// One draft file per program: two programs both called `main` (tools/train/main.c and
/// tools/eval/main.c) get their folder's name in front, never the same file.
std::vector<std::string> draftNames(const std::vector<EntryPoint> &entries) {
  std::map<std::string, unsigned> count;
  for (const EntryPoint &e : entries)
    ++count[draftFileStem(e.name())];
  std::vector<std::string> names;
  std::set<std::string> used;
  for (const EntryPoint &e : entries) {
    std::string name = draftFileStem(e.name());
    if (count[name] > 1)
      name = draftFileStem(llvm::sys::path::filename(llvm::sys::path::parent_path(e.file)).str()) + "-" + name;
    std::string unique = name;
    for (int n = 2; !used.insert(unique).second; ++n)
      unique = name + "-" + std::to_string(n);
    names.push_back(unique);
  }
  return names;
}

/// The entry point a command line runs (entryForCommand).
EntryPoint *entryFor(Analysis &analysis, const std::vector<std::string> &command) {
  int i = entryForCommand(analysis.entries, command);
  return i < 0 ? nullptr : &analysis.entries[static_cast<size_t>(i)];
}

/// Runs the program and keeps, for its entry point, only the findings the run reached, in
/// the order it reached them. Returns {program, the sentence for the tour's description}.
std::optional<std::pair<std::string, std::string>> confirmEntry(Analysis &analysis,
                                                                const std::vector<std::string> &command,
                                                                const std::string &cwd, double timeout, bool quiet,
                                                                const std::string &repoRoot, llvm::raw_ostream &err) {
  EntryPoint *entry = entryFor(analysis, command);
  if (!entry) {
    err << "error: '" << command.front() << "' is not one of the programs found:";
    for (const EntryPoint &e : analysis.entries)
      err << " " << e.name() << " (" << e.executable << ")";
    err << "\n";
    return std::nullopt;
  }
  // The program that runs is the one the tour should start, wherever the build put it.
  llvm::SmallString<256> ran(command.front());
  if (!cwd.empty() && !llvm::sys::path::is_absolute(ran))
    llvm::sys::fs::make_absolute(cwd, ran);
  llvm::sys::fs::make_absolute(ran);
  llvm::sys::path::remove_dots(ran, true);
  if (!llvm::sys::fs::can_execute(ran) || llvm::sys::fs::is_directory(ran)) {
    err << "error: '" << command.front() << "' is not an executable program" << (cwd.empty() ? "" : " in " + cwd)
        << "\n";
    return std::nullopt;
  }
  entry->executable = std::string(ran);
  std::vector<Finding> candidates;
  std::vector<Finding> others;
  for (Finding &f : analysis.findings)
    (f.entry == entry->name() ? candidates : others).push_back(std::move(f));
  confirm::RunRequest request;
  request.executable = command.front();
  request.args.assign(command.begin() + 1, command.end());
  request.cwd = cwd;
  request.timeoutSeconds = timeout;
  request.repoRoot = repoRoot;
  if (!quiet)
    err << "running " << confirm::commandText(command) << " with " << candidates.size() << " candidate stops...\n";
  auto run = confirm::confirmByRunningIsolated(candidates, request);
  if (!run) {
    // The static draft is still worth writing; it says it was not confirmed.
    err << "warning: " << llvm::toString(run.takeError()) << "\n";
    for (Finding &f : candidates)
      others.push_back(std::move(f));
    analysis.findings = std::move(others);
    return std::make_pair(std::string(), std::string());
  }

  confirm::ConfirmedFindings confirmed = confirm::confirmFindings(candidates, *run, confirm::commandText(command));
  if (!quiet)
    err << confirmed.summary << "\n";

  analysis.findings = std::move(others);
  for (Finding &f : confirmed.findings)
    analysis.findings.push_back(std::move(f));
  return std::make_pair(entry->name(), confirmed.confirmation);
}

/// The largest facts file --merge reads: a TU of a header-heavy template library holds a few
/// tens of MB of facts.
constexpr size_t kMaxFactsFileBytes = 512u << 20;

/// Reads the facts files of --merge, sorted by main file as a run over the database is.
llvm::Expected<std::vector<TUFacts>> readFactsFiles(const std::vector<std::string> &paths) {
  std::vector<TUFacts> tus;
  for (const std::string &path : paths) {
    tours::ReadError error;
    std::optional<std::string> text = tours::readBoundedRegularFile(path, kMaxFactsFileBytes, error);
    if (!text)
      return llvm::createStringError(llvm::inconvertibleErrorCode(), "cannot read '%s': %s", path.c_str(),
                                     error.reason().c_str());
    llvm::Expected<TUFacts> facts = factsFromJson(*text);
    if (!facts)
      return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s: %s", path.c_str(),
                                     llvm::toString(facts.takeError()).c_str());
    tus.push_back(std::move(*facts));
  }
  std::stable_sort(tus.begin(), tus.end(),
                   [](const TUFacts &a, const TUFacts &b) { return a.mainFile < b.mainFile; });
  return tus;
}

} // namespace

int runIndexCommand(int argc, const char **argv) {
  static IndexOptions o;
  const cl::opt<std::string> &output = o.output;
  const cl::opt<Format> &format = o.format;
  const cl::opt<std::string> &root = o.root;
  const cl::opt<bool> &quiet = o.quiet;
  llvm::raw_ostream &err = llvm::errs();
  // `-- PROGRAM ARGS...`: the command line of a confirming run, kept away from llvm::cl.
  std::vector<std::string> runCommand;
  for (int i = 1; i < argc; ++i)
    if (llvm::StringRef(argv[i]) == "--") {
      runCommand.assign(argv + i + 1, argv + argc);
      argc = i;
      break;
    }
  llvm::Error usage = o.commandLine.parse(llvm::ArrayRef<const char *>(argv + 1, argv + argc));
  if (!usage && o.merge && !o.tu.empty())
    usage = llvm::createStringError(llvm::inconvertibleErrorCode(), "--tu and --merge do not go together");
  else if (!usage && o.merge && o.sources.empty())
    usage = llvm::createStringError(llvm::inconvertibleErrorCode(), "--merge needs facts files");
  else if (!usage && !o.tu.empty() && (output.empty() || !o.sources.empty() || !runCommand.empty()))
    usage = llvm::createStringError(llvm::inconvertibleErrorCode(), "--tu FILE needs -o FACTS, and nothing else to index");
  if (!usage && !o.merge)
    usage = o.commandLine.needBuildPath();
  if (usage) {
    err << o.commandLine.usageError(llvm::toString(std::move(usage)));
    return kExitUsage;
  }
  const std::vector<std::string> sources(o.sources.begin(), o.sources.end());

  std::vector<TUFacts> tus;
  std::vector<std::string> files;
  std::string cacheNote, sharingNote;
  clangfront::RunOptions options;
  options.maxFileBytes = static_cast<uint64_t>(o.maxSizeMiB) << 20;
  if (o.merge) {
    auto read = readFactsFiles(sources);
    if (!read) {
      err << "error: " << llvm::toString(read.takeError()) << "\n";
      return kExitUsage;
    }
    tus = std::move(*read);
    for (const TUFacts &tu : tus)
      files.push_back(tu.mainFile);
  } else {
    auto db = clangfront::loadCompilationDatabase(o.commandLine.buildPath);
    if (!db) {
      err << "error: " << llvm::toString(db.takeError()) << "\n";
      return kExitUsage;
    }
    files = clangfront::selectSources(**db, o.tu.empty() ? sources : std::vector<std::string>{o.tu});
    if (files.empty()) {
      err << "error: no translation unit in the compilation database matches"
          << (!o.tu.empty() ? " --tu " + o.tu : sources.empty() ? "" : " the given SOURCES") << "\n";
      return kExitUsage;
    }
    if (!o.tu.empty() && files.size() > 1) {
      err << "error: --tu " << o.tu << " matches " << files.size() << " translation units; name one\n";
      return kExitUsage;
    }

    options.jobs = o.commandLine.jobs;
    if (llvm::sys::Process::StandardErrIsDisplayed() && !quiet)
      options.progress = &err;
    std::optional<clangfront::TUCache> cache;
    if (std::string folder = o.commandLine.cacheFolder("index"); !folder.empty())
      options.cache = &cache.emplace(folder, factsCacheKind(), o.commandLine.cacheLimits());
    // One TU's facts file (--tu) holds all of it; a whole run keeps each header's functions once.
    SharingStats shared;
    tus = extractFacts(**db, files, options, /*dropRepeats=*/o.tu.empty(), /*shareHeaders=*/!o.noSharedHeaders,
                       &shared);
    sharingNote = sharingSummary(shared, tus.size());
    if (cache && cache->hits > 0)
      cacheNote = std::to_string(cache->hits) + " of " + std::to_string(tus.size()) +
                  " translation units were unchanged and read from the cache in " + cache->dir();
  }

  if (!o.tu.empty()) {
    // One TU's facts for a build system: its errors are in the file, and in the exit status.
    const TUFacts &tu = tus.front();
    if (!quiet)
      for (const std::string &m : tu.errors)
        err << shown(m) << "\n";
    std::string text = factsToJson(tu);
    if (output == "-") {
      llvm::outs() << text;
    } else if (tours::WriteError e = tours::writeFileAtomically(output, text)) {
      err << "error: " << e.message(output) << "\n";
      return kExitUsage;
    }
    return tu.errorCount == 0 && !tu.skipped ? kExitOk : kExitFailure;
  }

  std::string repoRoot = root.empty() ? guessRepoRoot(files) : std::string(root);
  {
    llvm::SmallString<256> abs(repoRoot);
    llvm::sys::fs::make_absolute(abs);
    llvm::sys::path::remove_dots(abs, true);
    repoRoot = std::string(abs);
  }
  std::vector<std::string> profileFiles(o.profiles.begin(), o.profiles.end());
  auto profiles = loadProfiles(repoRoot, profileFiles);
  if (!profiles) {
    err << "error: " << llvm::toString(profiles.takeError()) << "\n";
    return kExitUsage;
  }

  RunSummary summary = summarise(tus);
  ProgramIndex index(tus);
  AnalysisOptions analysisOptions;
  analysisOptions.repoRoot = repoRoot;
  analysisOptions.profiles = std::move(*profiles);
  analysisOptions.translationUnits = files;
  Analysis analysis = analyse(index, analysisOptions);

  std::string confirmedProgram, confirmation;
  if (!runCommand.empty()) {
    auto confirmed = confirmEntry(analysis, runCommand, o.runCwd, o.runTimeout, quiet, repoRoot, err);
    if (!confirmed)
      return kExitUsage;
    std::tie(confirmedProgram, confirmation) = *confirmed;
  }

  if (!quiet)
    for (const TUFacts *tu : summary.problems) {
      if (tu->skipped)
        err << shown(tu->mainFile) << ": skipped: " << shown(tu->skipReason) << "\n";
      for (const std::string &m : tu->errors)
        err << shown(m) << "\n";
      if (tu->errorCount > tu->errors.size())
        err << shown(tu->mainFile) << ": " << (tu->errorCount - tu->errors.size()) << " more errors\n";
    }

  if (format == Format::Json) {
    std::string text = findingsToJson(analysis, summary, repoRoot);
    if (output.empty() || output == "-")
      llvm::outs() << text;
    else if (tours::WriteError e = tours::writeFileAtomically(output, text)) {
      err << "error: " << e.message(output) << "\n";
      return kExitUsage;
    }
  } else {
    llvm::SmallString<256> dir(output.empty() ? repoRoot + "/.tours" : std::string(output));
    llvm::sys::fs::make_absolute(dir);
    llvm::sys::path::remove_dots(dir, true);
    if (std::error_code ec = llvm::sys::fs::create_directories(dir)) {
      err << "error: cannot create '" << dir << "': " << ec.message() << "\n";
      return kExitUsage;
    }
    DraftOptions draft;
    draft.repoRoot = repoRoot;
    draft.tourDir = std::string(dir);
    std::vector<std::string> draftFileNames = draftNames(analysis.entries);
    // A program with subcommands (darknet has 64) gets drafts for the ones that train, or
    // after a run only for the one that ran: a draft per command would bury the one asked for.
    std::string confirmedExecutable;
    for (const EntryPoint &e : analysis.entries)
      if (e.name() == confirmedProgram)
        confirmedExecutable = e.executable;
    std::map<std::string, unsigned> skippedCommands;
    std::string trustNote;
    for (const EntryPoint &e : analysis.entries) {
      if (!e.command.empty() && e.name() != confirmedProgram &&
          ((!confirmedProgram.empty() && e.executable == confirmedExecutable) ||
           (confirmedProgram.empty() && e.kind != "train"))) {
        ++skippedCommands[e.program];
        continue;
      }
      DraftOptions forThis = draft;
      if (e.name() == confirmedProgram) {
        forThis.confirmation = confirmation;
        forThis.runArgs.assign(runCommand.begin() + 1, runCommand.end());
        // The folder the run ran in (--run-cwd, else here): the program's relative arguments
        // (sentencepiece's --input=data/corpus.txt) are relative to it, not to the program's
        // own folder, which stays the default only when they are the same.
        llvm::SmallString<256> cwd(o.runCwd);
        llvm::sys::fs::make_absolute(cwd);
        llvm::sys::path::remove_dots(cwd, true);
        if (std::string(cwd) != llvm::sys::path::parent_path(e.executable).str())
          forThis.runCwd = relativePath(repoRoot, std::string(cwd));
      }
      tourguide::tours::Tour tour = draftTour(e, analysis.findings, forThis);
      if (tour.stops.empty()) {
        if (!quiet)
          err << "note: no stops for '" << e.name() << "' (" << e.kind << "); no tour written\n";
        continue;
      }
      llvm::SmallString<256> path(dir);
      llvm::sys::path::append(path, draftFileNames[&e - analysis.entries.data()] + ".json");
      std::string message = tourguide::tours::saveTourFile(tour, std::string(path));
      if (!message.empty()) {
        err << "error: " << message << "\n";
        return kExitUsage;
      }
      if (!quiet)
        llvm::outs() << "wrote " << path << " (" << tour.stops.size() << " stops)\n";
      // A draft put outside the repo (-o /tmp/...) names the repo as its root, which 'tour
      // start' asks the user to trust; say so now rather than at the refusal.
      tour.sourcePath = std::string(path);
      if (std::vector<tourguide::tours::TrustConcern> asked = tourguide::tours::trustConcerns(tour);
          !asked.empty() && trustNote.empty())
        trustNote = "'tour start' will ask for --trust before it plays these drafts: they ask for " +
                    asked.front().asked + " (docs/security.md)";
    }
    if (!quiet && !trustNote.empty())
      err << "note: " << shown(trustNote) << "\n";
    if (!quiet)
      for (const auto &[program, count] : skippedCommands)
        err << "note: no draft for " << count << " other subcommand" << (count == 1 ? "" : "s") << " of '" << program
            << "'" << (confirmedProgram.empty() ? " (none of them trains)" : "")
            << "; `tourguide index -p BUILD -- " << program << " COMMAND ARGS...` drafts one from a run\n";
  }

  std::vector<std::string> notes = notesFor(analysis);
  if (!sharingNote.empty())
    notes.insert(notes.begin(), sharingNote);
  if (!cacheNote.empty())
    notes.insert(notes.begin(), cacheNote);
  if (!quiet) {
    for (const std::string &n : notes)
      err << "note: " << shown(n) << "\n";
    err << summaryLine(summary, analysis) << "\n";
  }
  bool anyLoop = std::any_of(analysis.findings.begin(), analysis.findings.end(),
                             [](const Finding &f) { return f.stage == "loop"; });
  return summary.withErrors == 0 && anyLoop ? kExitOk : kExitFailure;
}

} // namespace tourguide::indexer
