// A tourguide command's options in its own llvm::cl subcommand, with -p and -j declared once.
#include "tourguide/clangfront/CommandLine.h"

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <vector>

namespace tourguide::clangfront {

namespace cl = llvm::cl;

namespace {

/// -h for --help (llvm::cl has only the long form). One for all commands: an alias belongs to
/// every subcommand its option belongs to, and --help belongs to all of them.
void addShortHelp() {
  static cl::Option *help = cl::getRegisteredOptions(*cl::AllSubCommands).lookup("help");
  if (!help)
    return;
  static cl::alias shortHelp("h", cl::desc("Alias for --help"), cl::aliasopt(*help));
}

} // namespace

CommandLine::CommandLine(std::string name, std::string synopsis, std::string overview)
    : categoryName_("tourguide " + name + " options"), name(std::move(name)), synopsis(std::move(synopsis)),
      overview(std::move(overview)), sub(this->name), category(categoryName_),
      buildPath("p", cl::desc("Build path: the folder holding compile_commands.json (or the file itself)"),
                cl::value_desc("build-path"), cl::Prefix, cl::init(""), cl::sub(sub), cl::cat(category)),
      jobs("j", cl::desc("Translation units parsed at once (default: all cores)"), cl::value_desc("N"),
           cl::init(0), cl::sub(sub), cl::cat(category)),
      cacheDir("cache-dir",
               cl::desc("Where each translation unit's parse is kept for the next run\n"
                        "(default: .tourguide-cache in the build folder)"),
               cl::value_desc("dir"), cl::init(""), cl::sub(sub), cl::cat(category)),
      noCache("no-cache", cl::desc("Parse every translation unit; read and write no cache"), cl::init(false),
              cl::sub(sub), cl::cat(category)),
      cacheMaxMiB("cache-max-size",
                  cl::desc("After a run, remove the least recently used cache entries beyond this many MiB\n"
                           "(default 2048, for each command's cache)"),
                  cl::value_desc("MiB"), cl::init(2048), cl::sub(sub), cl::cat(category)),
      cacheMaxDays("cache-max-age", cl::desc("After a run, remove cache entries unused for this many days (default 30)"),
                   cl::value_desc("days"), cl::init(30), cl::sub(sub), cl::cat(category)),
      unknown_(cl::Sink, cl::sub(sub), cl::ReallyHidden) {}

llvm::Error CommandLine::parse(llvm::ArrayRef<const char *> args) {
  // Values and occurrences from an earlier parse in this process go; positional and sink
  // lists are not among the options ResetAllOptionOccurrences visits.
  cl::ResetAllOptionOccurrences();
  for (cl::Option *option : sub.PositionalOpts)
    option->reset();
  for (cl::Option *option : sub.SinkOpts)
    option->reset();
  cl::HideUnrelatedOptions(category, sub);
  addShortHelp();

  std::vector<const char *> argv = {"tourguide", name.c_str()}; // argv[1] selects the subcommand
  argv.insert(argv.end(), args.begin(), args.end());
  std::string complaints;
  llvm::raw_string_ostream complaintStream(complaints);
  bool ok = cl::ParseCommandLineOptions(static_cast<int>(argv.size()), argv.data(), overview, &complaintStream);
  if (!unknown_.empty())
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "unknown option '%s'", unknown_.front().c_str());
  if (ok)
    return llvm::Error::success();
  // llvm::cl writes some complaints to the stream given ("tourguide: MESSAGE"), and those
  // about an option's value straight to stderr.
  llvm::StringRef first = llvm::StringRef(complaintStream.str()).split('\n').first;
  first.consume_front("tourguide: ");
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 first.empty() ? "invalid command line (see above)" : first.str().c_str());
}

llvm::Error CommandLine::needBuildPath() const {
  if (!buildPath.empty())
    return llvm::Error::success();
  return llvm::createStringError(llvm::inconvertibleErrorCode(),
                                 "no build folder given: pass -p BUILD_DIR (the folder holding compile_commands.json)");
}

CacheLimits CommandLine::cacheLimits() const {
  CacheLimits limits;
  limits.maxBytes = uint64_t(cacheMaxMiB) << 20;
  limits.maxAge = std::chrono::hours(24 * uint64_t(cacheMaxDays));
  return limits;
}

std::string CommandLine::cacheFolder(llvm::StringRef subFolder) const {
  if (noCache)
    return "";
  llvm::SmallString<256> dir(cacheDir.getValue());
  if (dir.empty()) {
    // -p names the build folder or compile_commands.json itself.
    dir = buildPath.getValue();
    if (!llvm::sys::fs::is_directory(dir))
      llvm::sys::path::remove_filename(dir);
    llvm::sys::path::append(dir, ".tourguide-cache");
  }
  llvm::sys::fs::make_absolute(dir);
  llvm::sys::path::append(dir, subFolder);
  return std::string(dir);
}

std::string CommandLine::usageError(const std::string &message) const {
  return "tourguide " + name + ": error: " + message + "\nUsage: " + synopsis + "\n";
}

} // namespace tourguide::clangfront
