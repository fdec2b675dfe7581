// Turns findings into a tours::Tour. Patterns are checked against the source on disk so
// that "the first line of the function containing the pattern" is the line meant.
#include "tourguide/indexer/TourDraft.h"
#include "tourguide/indexer/StageRules.h"
#include "tourguide/indexer/StopText.h"
#include "tourguide/tours/AnchorResolution.h"
#include "tourguide/tours/Files.h"
#include "tourguide/tours/TourFile.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

namespace tourguide::indexer {

std::vector<std::string> collapsedLines(const std::string &file) {
  std::vector<std::string> lines = tours::readLines(file).value_or(std::vector<std::string>{});
  for (std::string &line : lines)
    line = tours::collapseWhitespace(line);
  return lines;
}

bool patternFindsLine(const std::vector<std::string> &lines, unsigned begin, unsigned end,
                      const std::string &pattern, unsigned line) {
  std::vector<unsigned> hits = tours::findPattern(lines, pattern, begin, end);
  return !hits.empty() && hits.front() == line;
}

namespace {
/// The components of an absolute path, without "/" and ".".
std::vector<std::string> pathParts(const std::string &path) {
  std::vector<std::string> parts;
  for (size_t begin = 0; begin < path.size();) {
    size_t end = path.find('/', begin);
    if (end == std::string::npos)
      end = path.size();
    std::string part = path.substr(begin, end - begin);
    if (!part.empty() && part != ".")
      parts.push_back(part);
    begin = end + 1;
  }
  return parts;
}
} // namespace

std::string relativePath(const std::string &from, const std::string &to) {
  std::vector<std::string> a = pathParts(from), b = pathParts(to);
  size_t common = 0;
  while (common < a.size() && common < b.size() && a[common] == b[common])
    ++common;
  if (common == 0)
    return to;
  std::string out;
  for (size_t i = common; i < a.size(); ++i)
    out += out.empty() ? ".." : "/..";
  for (size_t i = common; i < b.size(); ++i)
    out += (out.empty() ? "" : "/") + b[i];
  return out.empty() ? "." : out;
}

namespace {
/// Do the command line's arguments hold the entry's subcommand words, in order?
bool runsSubcommand(const EntryPoint &e, const std::vector<std::string> &command) {
  auto arg = command.begin() + 1;
  for (const std::string &level : e.command) {
    std::vector<std::string> words;
    for (size_t b = 0, bar; b <= level.size(); b = bar + 1) {
      bar = level.find('|', b);
      if (bar == std::string::npos)
        bar = level.size();
      words.push_back(level.substr(b, bar - b));
    }
    arg = std::find_if(arg, command.end(), [&](const std::string &a) {
      return std::find(words.begin(), words.end(), a) != words.end();
    });
    if (arg == command.end())
      return false;
    ++arg;
  }
  return true;
}
} // namespace

std::string draftFileStem(const std::string &name) {
  std::string out;
  for (char c : name)
    out += (isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') ? c : '_';
  return out.empty() ? "program" : out;
}

int entryForCommand(const std::vector<EntryPoint> &entries, const std::vector<std::string> &command) {
  if (command.empty())
    return -1;
  namespace fs = std::filesystem;
  std::error_code ec;
  const std::string &program = command.front();
  fs::path real = fs::canonical(program, ec);
  bool haveReal = !ec;
  std::vector<int> same;
  for (size_t i = 0; i < entries.size(); ++i) {
    fs::path exe = entries[i].executable.empty() ? fs::path() : fs::canonical(entries[i].executable, ec);
    if (haveReal && !ec && !exe.empty() && exe == real)
      same.push_back(static_cast<int>(i));
  }
  std::string name = fs::path(program).filename().string();
  if (same.empty())
    for (size_t i = 0; i < entries.size(); ++i)
      if (entries[i].program == name)
        same.push_back(static_cast<int>(i));
  for (int i : same)
    if (runsSubcommand(entries[static_cast<size_t>(i)], command))
      return i;
  return same.empty() ? -1 : same.front();
}

int stageRank(const std::string &stage) {
  static const std::vector<std::string> order = {"setup", "data", "loop", "model", "loss",
                                                 "optimizer", "metrics", "checkpoint"};
  auto it = std::find(order.begin(), order.end(), stage);
  return it == order.end() ? static_cast<int>(order.size()) : static_cast<int>(it - order.begin());
}

std::string stopIdFor(const std::string &stage, const std::string &function) {
  std::string id = stage + "-";
  bool dash = false;
  for (char c : function) {
    char l = static_cast<char>(tolower(static_cast<unsigned char>(c)));
    if (isalnum(static_cast<unsigned char>(l)) || l == '_') {
      if (dash && id.back() != '-')
        id += '-';
      id += l;
      dash = false;
    } else {
      dash = true;
    }
  }
  return id;
}

namespace {

/// Where a finding's stop is: the line of the stage's statement, or past it where its values
/// are computed (Finding::stop), named so that the anchor survives edits.
tours::Anchor anchorFor(const Finding &f, const std::vector<std::string> &lines, const std::string &relFile) {
  tours::Anchor anchor;
  const unsigned stopLine = f.stopLine();
  if (f.inTemplate) {
    // LLDB knows gf::Layered<float>::apply, not gf::Layered::apply: anchor by file.
    anchor.file = relFile;
    unsigned line = stopLine ? stopLine : f.functionBegin;
    std::string text = line && line <= lines.size() ? lines[line - 1] : "";
    size_t s = text.find_first_not_of(' ');
    text = s == std::string::npos ? "" : text.substr(s);
    if (!text.empty() && patternFindsLine(lines, 1, static_cast<unsigned>(lines.size()), text, line))
      anchor.pattern = text;
    else
      anchor.line = line;
  } else if (stopLine == 0) {
    anchor.function = f.function;
  } else if (std::string anchorText = f.stop.line && !f.stop.text.empty() ? f.stop.text
                                      : !f.stop.line && !f.anchorText.empty() ? f.anchorText
                                      : stopLine <= lines.size() ? lines[stopLine - 1]
                                                                 : std::string();
             patternFindsLine(lines, f.functionBegin, f.functionEnd, anchorText, stopLine)) {
    // A call into a framework has no statement text of its own: the call's line is the pattern.
    anchor.function = f.function;
    anchor.pattern = tours::collapseWhitespace(anchorText);
  } else {
    // The line's text occurs earlier in the function: name the line itself.
    anchor.file = relFile;
    anchor.line = stopLine;
  }
  return anchor;
}

} // namespace

tourguide::tours::Tour draftTour(const EntryPoint &entry, const std::vector<Finding> &findings,
                                 const DraftOptions &options) {
  using namespace tourguide::tours;
  Tour tour;
  tour.title = (entry.kind == "train" ? "Training with `" : entry.kind == "eval" ? "Evaluating with `" : "Running `") +
               entry.name() + "`";
  tour.description = "A draft written by `tourguide index` from what the code does. `" + entry.name() +
                     "` starts in `" + entry.function + "` (" + relativePath(options.repoRoot, entry.file) +
                     ":" + std::to_string(entry.line) + ") and was classified as **" + entry.kind + "**";
  for (const Evidence &e : entry.evidence)
    tour.description += (&e == &entry.evidence.front() ? ": " : "; ") + e.text;
  tour.description += ".";
  if (!options.confirmation.empty())
    tour.description += "\n\n" + options.confirmation;
  else
    tour.description += "\n\nNot confirmed by a run: the stops are what the code suggests, in the order the "
                        "calls appear. `tourguide index -p BUILD -- PROGRAM ARGS...` runs the program once "
                        "and keeps only the stops it reaches, in the order it reaches them.";
  tour.program.args = options.runArgs;
  // A subcommand's tour starts the program with its command words (the first of each
  // level's alternatives); the rest of its arguments are the team's to add.
  if (tour.program.args.empty())
    for (const std::string &level : entry.command)
      tour.program.args.push_back(level.substr(0, level.find('|')));
  if (!options.runCwd.empty())
    tour.program.cwd = options.runCwd;
  std::string exeRel = relativePath(options.repoRoot, entry.executable);
  tour.program.path = exeRel.compare(0, 2, "..") == 0 || exeRel == entry.executable
                          ? entry.executable
                          : exeRel;
  if (tour.program.cwd.empty())
    tour.program.cwd = "${program_dir}";
  const std::filesystem::path tourDir(options.tourDir);
  if (tourDir.filename() != ".tours" || tourDir.parent_path() != options.repoRoot)
    tour.root = relativePath(options.tourDir, options.repoRoot);

  // Keep the strongest findings of each stage and role, then put them back in program order.
  // By role too: a model's backward is not crowded out by its forwards, nor a zero-grad by
  // the update.
  std::vector<const Finding *> mine;
  for (const Finding &f : findings)
    if (f.entry == entry.name() && f.alternativeTo.empty())
      mine.push_back(&f);
  std::map<std::string, std::vector<const Finding *>> byStageRole;
  for (const Finding *f : mine)
    byStageRole[f->stage + "/" + f->role].push_back(f);
  std::vector<const Finding *> chosen;
  for (auto &[stageRole, list] : byStageRole) {
    std::stable_sort(list.begin(), list.end(), [](const Finding *a, const Finding *b) {
      return a->confidence > b->confidence || (a->confidence == b->confidence && a->order < b->order);
    });
    for (size_t i = 0; i < list.size() && i < options.maxStopsPerStage; ++i)
      chosen.push_back(list[i]);
  }
  // One stop per function for what its own body does: a loss that also averages (and so
  // looks like a metric) is shown once, as the earlier stage. Loops and framework calls in
  // the function are stops of their own.
  std::map<std::string, const Finding *> bodyStop;
  for (const Finding *f : chosen)
    if (f->stage != "loop" && f->via.empty()) {
      const Finding *&kept = bodyStop[f->function + "|" + f->role];
      if (!kept || stageRank(f->stage) < stageRank(kept->stage))
        kept = f;
    }
  chosen.erase(std::remove_if(chosen.begin(), chosen.end(),
                              [&](const Finding *f) {
                                return f->stage != "loop" && f->via.empty() &&
                                       bodyStop[f->function + "|" + f->role] != f;
                              }),
               chosen.end());
  std::sort(chosen.begin(), chosen.end(), [](const Finding *a, const Finding *b) { return a->order < b->order; });
  // Where each finding would stop. Framework stages found on one line (the loss and the update
  // inside `trainer.train(...)`; `loss = criterion(fc(x), y)`) stop at one place: the latest
  // of theirs, past the statement when one of them is, so that what the line stores is set.
  std::map<std::string, std::vector<std::string>> sources;
  std::vector<tours::Anchor> anchors;
  std::map<std::pair<std::string, unsigned>, size_t> latestAtCall;
  for (size_t k = 0; k < chosen.size(); ++k) {
    const Finding *f = chosen[k];
    if (!sources.count(f->file))
      sources[f->file] = collapsedLines(f->file);
    anchors.push_back(anchorFor(*f, sources[f->file], relativePath(options.repoRoot, f->file)));
    if (!f->via.empty() && f->anchorLine)
      if (auto [at, isNew] = latestAtCall.emplace(std::make_pair(f->function, f->anchorLine), k);
          !isNew && f->stopLine() > chosen[at->second]->stopLine())
        at->second = k;
  }
  std::vector<size_t> placedBy(chosen.size()); // whose place each finding's stop is
  for (size_t k = 0; k < chosen.size(); ++k) {
    placedBy[k] = k;
    if (const Finding *f = chosen[k]; !f->via.empty() && f->anchorLine)
      anchors[k] = anchors[placedBy[k] = latestAtCall[{f->function, f->anchorLine}]];
  }
  // Findings at one place are one stop, the first's: the debugger stops there once (a loop
  // whose first line clears the gradients; a function's entry where a confirming run put two).
  // The others are named in its text, and "Next stop" is the next place.
  // The stop is titled by the finding whose own line it is: OpenCV's neural_network sample
  // stops past `TrainData::create(...)` on `network->train(trainData);`, which is the
  // training loop's stop with the data set's values, not the data set's stop. Next comes the
  // finding that moved the stop past its own statement, before one moved to another's place:
  // past `auto output = torch::smooth_l1_loss(fc(x), y);` is the loss's stop, which also
  // covers the forward inside it.
  // 0: at its own line; 1: past its own statement; 2: at another finding's place.
  auto movedRank = [&](size_t k) { return placedBy[k] != k ? 2 : chosen[k]->stop.line != 0 ? 1 : 0; };
  std::vector<size_t> stopsAt;
  std::map<std::string, size_t> byPlace; // place -> index into stopsAt
  std::map<const Finding *, std::vector<const Finding *>> alsoHere;
  for (size_t k = 0; k < chosen.size(); ++k) {
    const tours::Anchor &a = anchors[k];
    std::string place = a.function + "|" + a.pattern + "|" + a.file + "|" + std::to_string(a.line);
    auto [at, isNew] = byPlace.emplace(place, stopsAt.size());
    if (isNew) {
      stopsAt.push_back(k);
      continue;
    }
    size_t &leader = stopsAt[at->second];
    if (movedRank(k) < movedRank(leader)) {
      std::vector<const Finding *> others = std::move(alsoHere[chosen[leader]]);
      alsoHere.erase(chosen[leader]);
      others.insert(others.begin(), chosen[leader]);
      alsoHere[chosen[k]] = std::move(others);
      leader = k;
    } else {
      alsoHere[chosen[leader]].push_back(chosen[k]);
    }
  }

  std::set<std::string> ids;
  for (size_t n = 0; n < stopsAt.size(); ++n) {
    const Finding *f = chosen[stopsAt[n]];
    Stop stop;
    stop.id = stopIdFor(f->stage, f->function);
    for (int i = 2; ids.count(stop.id); ++i)
      stop.id = stopIdFor(f->stage, f->function) + "-" + std::to_string(i);
    ids.insert(stop.id);
    stop.stage = f->stage;
    stop.title = stopTitle(*f);
    stop.anchor = anchors[stopsAt[n]];
    const std::vector<std::string> &lines = sources[f->file];
    // The text quotes the stage's line: a framework call's finding has no statement text of its
    // own, its line is the call ("optimizer.step();").
    Finding quoted = *f;
    quoted.stop = chosen[placedBy[stopsAt[n]]]->stop; // the text says where the stop really is
    if (quoted.anchorText.empty() && quoted.anchorLine && quoted.anchorLine <= lines.size())
      quoted.anchorText = tours::collapseWhitespace(lines[quoted.anchorLine - 1]);
    const Finding *next = n + 1 < stopsAt.size() ? chosen[stopsAt[n + 1]] : nullptr;
    stop.text = stopText(quoted, relativePath(options.repoRoot, f->file), next, alsoHere[f]);
    std::vector<std::string> watches = f->watch;
    for (const Finding *o : alsoHere[f])
      for (const std::string &w : o->watch)
        if (std::find(watches.begin(), watches.end(), w) == watches.end())
          watches.push_back(w);
    for (const std::string &w : watches)
      stop.watch.push_back(Watch{w, "", "", {}});
    tour.stops.push_back(std::move(stop));
  }
  return tour;
}

} // namespace tourguide::indexer
