#include "Recording.h"

#include "DebugInfoView.h"
#include "OwnModules.h"
#include "tourguide/tours/Files.h"
#include "tourguide/tours/TerminalText.h"
#include "tourguide/tours/TourFile.h"
#include "tourguide/tours/Trust.h"
#include "tourguide/values/WatchReader.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <sstream>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace tourguide::plugin {

namespace {

namespace fs = std::filesystem;

std::string canonical(const std::string &path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(fs::path(path), ec);
  return ec ? fs::path(path).lexically_normal().string() : p.string();
}

std::string absolute(const std::string &path) {
  std::error_code ec;
  fs::path p = fs::absolute(fs::path(path), ec);
  return (ec ? fs::path(path) : p).lexically_normal().string();
}

/// `path` relative to `folder` when it lies inside it ("" when equal), else nullopt.
std::optional<std::string> inside(const std::string &path, const std::string &folder) {
  if (folder.empty() || !tours::isInsideFolder(path, folder))
    return std::nullopt;
  std::string rel = fs::path(canonical(path)).lexically_relative(canonical(folder)).string();
  if (rel == ".")
    return std::string();
  if (rel.empty() || rel.compare(0, 2, "..") == 0)
    return std::nullopt;
  return rel;
}

/// The running process's arguments (without argv[0]) and working directory, from /proc, when
/// the process runs on this machine.
bool processFromProc(lldb::SBProcess process, std::vector<std::string> &args, std::string &cwd) {
  lldb::SBTarget target = process.GetTarget();
  lldb::SBPlatform platform = target.GetPlatform();
  const char *name = platform.IsValid() ? platform.GetName() : nullptr;
  lldb::pid_t pid = process.GetProcessID();
  if (!name || std::strcmp(name, "host") != 0 || pid == LLDB_INVALID_PROCESS_ID || pid == 0)
    return false;
  std::string proc = "/proc/" + std::to_string(pid);
  // Linux keeps a process's arguments within its stack limit, which is 8 MiB by default.
  tours::ReadError readError;
  std::optional<std::string> cmdline = tours::readBoundedRegularFile(proc + "/cmdline", 8u << 20, readError);
  std::error_code ec;
  fs::path dir = fs::read_symlink(proc + "/cwd", ec);
  if (!cmdline || ec)
    return false;
  std::vector<std::string> all;
  for (size_t begin = 0; begin < cmdline->size();) {
    size_t end = cmdline->find('\0', begin);
    if (end == std::string::npos)
      end = cmdline->size();
    all.push_back(cmdline->substr(begin, end - begin));
    begin = end + 1;
  }
  if (all.empty())
    return false;
  args.assign(all.begin() + 1, all.end());
  cwd = dir.string();
  return true;
}

} // namespace

bool readRecordedTour(const RecordingState &recording, const TourSession &session, RecordedTour &out,
                      std::string &error) {
  if (recording.open()) {
    out.path = recording.path;
  } else if (session.active() && !session.tour->sourcePath.empty()) {
    out.path = absolute(session.tour->sourcePath);
    out.fromPlayedTour = true;
  } else {
    error = "no tour is being recorded or played: start one with 'tour new FILE' (or play one with "
            "'tour start FILE' to change it as it plays)";
    return false;
  }
  std::error_code ec;
  if (!fs::exists(out.path, ec) && recording.open() && recording.header) {
    out.tour = *recording.header;
    out.onDisk = false;
    return true;
  }
  tours::LoadResult loaded = tours::loadTourFile(out.path);
  if (!loaded.ok()) {
    error = "cannot change '" + out.path + "': it does not load (fix it first; nothing was written):\n" +
            tours::formatAll(loaded.diagnostics);
    while (!error.empty() && error.back() == '\n')
      error.pop_back();
    return false;
  }
  out.tour = std::move(*loaded.tour);
  out.tour.sourcePath = out.path;
  out.onDisk = true;
  return true;
}

std::string writeRecordedTour(RecordingState &recording, RecordedTour &recorded) {
  std::string text = tours::writeTour(recorded.tour);
  tours::LoadResult back = tours::parseTour(text, recorded.path);
  if (!back.ok()) {
    std::string out = "the change would make '" + recorded.path + "' invalid, so nothing was written:\n" +
                      tours::formatAll(back.diagnostics);
    while (!out.empty() && out.back() == '\n')
      out.pop_back();
    return out;
  }
  if (tours::writeTour(*back.tour) != text)
    return "internal error: '" + recorded.path + "' would not read back as written; nothing was written";
  std::error_code ec;
  fs::path folder = fs::path(recorded.path).parent_path();
  if (!folder.empty() && !fs::exists(folder, ec))
    fs::create_directories(folder, ec);
  if (tours::WriteError e = tours::writeFileAtomically(recorded.path, text))
    return e.message(recorded.path);
  recorded.onDisk = true;
  if (recording.path == recorded.path)
    recording.header.reset();
  return {};
}

lldb::SBFrame selectedFrame(lldb::SBDebugger debugger, std::string &error) {
  lldb::SBTarget target = debugger.GetSelectedTarget();
  if (!target.IsValid()) {
    error = "no target is selected: create one ('target create PROGRAM'), run it to the line the stop "
            "should show, then type the command again";
    return {};
  }
  lldb::SBProcess process = target.GetProcess();
  if (!process.IsValid() || process.GetState() != lldb::eStateStopped) {
    error = "the program is not stopped: run it to the line the stop should show (a breakpoint, 'next', "
            "'step'), then type the command again";
    return {};
  }
  lldb::SBFrame frame = process.GetSelectedThread().GetSelectedFrame();
  if (!frame.IsValid() || !frame.GetLineEntry().IsValid() || frame.GetLineEntry().GetLine() == 0) {
    error = "the selected frame has no source line (no debug info there): select a frame of the "
            "program's own code ('up', 'frame select N')";
    return {};
  }
  return frame;
}

FramePlace anchorAtFrame(lldb::SBFrame frame, const std::string &repoRoot) {
  FramePlace place;
  lldb::SBTarget target = frame.GetThread().GetProcess().GetTarget();
  lldb::SBLineEntry entry = frame.GetLineEntry();
  place.file = pathOf(entry.GetFileSpec());
  place.line = entry.GetLine();
  std::vector<std::string> names;
  auto addName = [&](const char *raw) {
    std::string name = raw ? tours::plainFunctionName(raw) : std::string();
    if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end())
      names.push_back(name);
  };
  lldb::SBFunction fn = frame.GetFunction();
  if (fn.IsValid()) {
    addName(fn.GetDisplayName());
    addName(fn.GetName());
  }
  place.function = names.empty() ? "" : names.front();

  std::vector<lldb::SBModule> modules = ownModules(target, repoRoot);
  lldb::SBModule module = frame.GetModule();
  bool own = std::any_of(modules.begin(), modules.end(), [&](lldb::SBModule m) {
    return pathOf(m.GetFileSpec()) == pathOf(module.GetFileSpec());
  });
  if (!own) {
    place.error = "the selected frame is in " + pathOf(module.GetFileSpec()) +
                  ", which is not one of the program's own modules (the executable and the libraries under its "
                  "folder or the repo root): a stop can only be in the program's own code";
    return place;
  }
  DebugInfoView view(target, modules, repoRoot);
  place.anchor = tours::anchorForLine(view, {place.file, place.line, names});
  if (!place.anchor.ok()) {
    place.error = place.anchor.error;
    return place;
  }
  // LLDB's own placement of the anchor must be this line too (what `tour start` will do).
  DebugInfoView::Placement placed;
  tours::AnchorResolution r = view.resolve(place.anchor.anchor, placed);
  if (!r.resolved() || placed.line != place.line || canonical(placed.file) != canonical(place.file)) {
    place.error = "LLDB places the anchor at " +
                  (r.resolved() ? fs::path(placed.file).filename().string() + ":" + std::to_string(placed.line)
                                : std::string("no line")) +
                  ", not at " + fs::path(place.file).filename().string() + ":" + std::to_string(place.line);
    place.anchor = {};
  }
  return place;
}

unsigned hitAtFrame(const RecordingState &recording, lldb::SBFrame frame, std::string &note) {
  lldb::SBThread thread = frame.GetThread();
  if (frame.GetFrameID() != 0) {
    note = "hit 1: the selected frame is a caller (frame #" + std::to_string(frame.GetFrameID()) +
           "), so the stop is at the call, before it is made; how often it ran is unknown ('--hit N' sets it)";
    return 1;
  }
  unsigned line = frame.GetLineEntry().GetLine();
  lldb::SBBreakpointLocation location;
  if (thread.GetStopReason() == lldb::eStopReasonBreakpoint && thread.GetStopReasonDataCount() >= 2) {
    lldb::SBTarget target = thread.GetProcess().GetTarget();
    auto bpId = static_cast<lldb::break_id_t>(thread.GetStopReasonDataAtIndex(0));
    auto locId = static_cast<lldb::break_id_t>(thread.GetStopReasonDataAtIndex(1));
    lldb::SBBreakpoint bp = target.FindBreakpointByID(bpId);
    if (bp.IsValid())
      location = bp.FindLocationByID(locId);
    if (location.IsValid() && location.GetAddress().GetLineEntry().GetLine() == line) {
      uint32_t hits = location.GetHitCount(), before = 0;
      if (recording.hitsProcess == thread.GetProcess().GetUniqueID())
        if (auto it = recording.hitsAtLastStop.find({bpId, locId}); it != recording.hitsAtLastStop.end())
          before = it->second;
      return hits > before ? hits - before : 1;
    }
  }
  note = "hit 1: the program is not stopped at a breakpoint on this line, so how often the line ran since the "
         "previous stop is unknown ('--hit N' sets it)";
  return 1;
}

void rememberHits(RecordingState &recording, lldb::SBTarget target) {
  recording.hitsAtLastStop.clear();
  recording.hitsProcess = target.GetProcess().IsValid() ? target.GetProcess().GetUniqueID() : 0;
  for (uint32_t i = 0; i < target.GetNumBreakpoints(); ++i) {
    lldb::SBBreakpoint bp = target.GetBreakpointAtIndex(i);
    for (size_t k = 0; k < bp.GetNumLocations(); ++k) {
      lldb::SBBreakpointLocation loc = bp.GetLocationAtIndex(static_cast<uint32_t>(k));
      recording.hitsAtLastStop[{bp.GetID(), loc.GetID()}] = loc.GetHitCount();
    }
  }
}

tours::Program programOfTarget(lldb::SBTarget target, const std::string &repoRoot, std::vector<std::string> &notes) {
  tours::Program program;
  std::string exe = pathOf(target.GetExecutable());
  std::string exeDir = fs::path(exe).parent_path().string();
  if (std::optional<std::string> rel = inside(exe, repoRoot); rel && !rel->empty()) {
    program.path = *rel;
  } else {
    program.path = fs::path(canonical(exe)).lexically_relative(canonical(repoRoot)).string();
    if (program.path.empty())
      program.path = canonical(exe);
    notes.push_back("the program " + exe + " is outside the repo root " + repoRoot +
                    ": 'tour start' runs it only when the user selects it ('lldb PROGRAM') or passes --trust; "
                    "set program.path to where the repo's own build puts it");
  }
  std::vector<std::string> args;
  std::string cwd;
  lldb::SBProcess process = target.GetProcess();
  if (!process.IsValid() || !processFromProc(process, args, cwd)) {
    lldb::SBLaunchInfo info = target.GetLaunchInfo();
    for (uint32_t i = 0; i < info.GetNumArguments(); ++i)
      args.push_back(info.GetArgumentAtIndex(i) ? info.GetArgumentAtIndex(i) : "");
    cwd = info.GetWorkingDirectory() && *info.GetWorkingDirectory() ? info.GetWorkingDirectory()
                                                                      : fs::current_path().string();
  }
  for (std::string &arg : args) {
    if (arg.empty() || arg[0] != '/')
      continue;
    if (std::optional<std::string> rel = inside(arg, exeDir))
      arg = "${program_dir}" + (rel->empty() ? "" : "/" + *rel);
    else if (std::optional<std::string> rel = inside(arg, repoRoot))
      arg = "${root}" + (rel->empty() ? "" : "/" + *rel);
  }
  program.args = args;
  if (!cwd.empty()) {
    if (canonical(cwd) == canonical(exeDir)) {
      program.cwd = "${program_dir}";
    } else if (std::optional<std::string> rel = inside(cwd, repoRoot)) {
      program.cwd = *rel;
    } else {
      program.cwd = canonical(cwd);
      notes.push_back("the working directory " + cwd + " is outside the repo root: 'tour start' needs --trust for it");
    }
  }
  return program;
}

tours::EditorContext editorContext(const std::string &about, const std::string &file, unsigned line,
                                   lldb::SBFrame frame, const std::vector<tours::Watch> &watch) {
  tours::EditorContext context;
  std::istringstream aboutLines(about);
  for (std::string l; std::getline(aboutLines, l);)
    context.about.push_back(tours::sanitizeLine(l));
  if (std::optional<std::vector<std::string>> lines = tours::readLines(file); lines && line > 0) {
    unsigned first = line > 3 ? line - 3 : 1;
    unsigned last = std::min<unsigned>(line + 3, static_cast<unsigned>(lines->size()));
    size_t width = std::to_string(last).size();
    for (unsigned n = first; n <= last; ++n) {
      std::string number = std::to_string(n);
      context.source.push_back((n == line ? "> " : "  ") + std::string(width - number.size(), ' ') + number + " | " +
                               tours::sanitizeLine((*lines)[n - 1]));
    }
  }
  bool here = frame.IsValid() && frame.GetLineEntry().IsValid() && frame.GetLineEntry().GetLine() == line &&
              canonical(pathOf(frame.GetLineEntry().GetFileSpec())) == canonical(file);
  if (!here) {
    context.values.push_back("  (the program is not stopped at this line: no values to show)");
    return context;
  }
  auto show = [&](const tours::Watch &w) {
    render::WatchLine read = values::readWatch(frame, {w.expr, w.label, w.count, false, nullptr});
    context.values.push_back("  " + tours::sanitizeLine(read.label) + " = " + tours::sanitizeLine(read.value));
  };
  if (!watch.empty()) {
    for (const tours::Watch &w : watch)
      show(w);
    return context;
  }
  context.values.push_back("  (no watches yet; the frame's variables, which '--watch a,b' can name:)");
  lldb::SBValueList variables = frame.GetVariables(true, true, false, true);
  for (uint32_t i = 0; i < variables.GetSize() && i < 16; ++i) {
    lldb::SBValue v = variables.GetValueAtIndex(i);
    if (v.GetName())
      show({v.GetName(), "", "", {}});
  }
  return context;
}

bool haveEditor() {
  for (const char *name : {"VISUAL", "EDITOR"})
    if (const char *value = std::getenv(name); value && *value)
      return true;
  return false;
}

bool editText(const std::string &text, const tours::EditorContext &context, std::string &edited, std::string &error) {
  std::string editor;
  for (const char *name : {"VISUAL", "EDITOR"})
    if (const char *value = std::getenv(name); editor.empty() && value && *value)
      editor = value;
  if (editor.empty()) {
    error = "no editor to write the text in: set EDITOR (or VISUAL), or give the text with --text or --text-file";
    return false;
  }
  const char *tmp = std::getenv("TMPDIR");
  std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/tourguide-stop-XXXXXX.md";
  int fd = mkstemps(path.data(), 3);
  if (fd < 0) {
    error = "cannot create a file for the editor in " + fs::path(path).parent_path().string() + ": " +
            std::strerror(errno);
    return false;
  }
  std::string content = tours::editorTemplate(text, context);
  bool written = ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size());
  ::close(fd);
  struct Cleanup {
    std::string path;
    ~Cleanup() { ::unlink(path.c_str()); }
  } cleanup{path};
  if (!written) {
    error = "cannot write " + path + ": " + std::strerror(errno);
    return false;
  }
  // As git does: the editor setting is a shell command line ("code --wait"), the file its argument.
  std::string script = editor + " \"$1\"";
  std::vector<char *> argv = {const_cast<char *>("sh"), const_cast<char *>("-c"), script.data(),
                              const_cast<char *>("sh"), path.data(), nullptr};
  pid_t pid = 0;
  if (int e = posix_spawn(&pid, "/bin/sh", nullptr, nullptr, argv.data(), environ); e != 0) {
    error = "cannot start the editor '" + editor + "': " + std::strerror(e);
    return false;
  }
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    error = "the editor '" + editor + "' " +
            (WIFEXITED(status) ? "exited with status " + std::to_string(WEXITSTATUS(status))
                               : std::string("was stopped by a signal")) +
            "; nothing was changed";
    return false;
  }
  tours::ReadError readError;
  std::optional<std::string> back = tours::readBoundedRegularFile(path, kMaxStopTextBytes, readError);
  if (!back) {
    error = "cannot read back " + path + " after the editor closed (" + readError.reason() +
            "); nothing was changed";
    return false;
  }
  edited = tours::textFromEditor(*back);
  return true;
}

std::optional<std::string> readStopTextFile(const std::string &path, std::string &error) {
  tours::ReadError readError;
  std::optional<std::string> text = tours::readBoundedRegularFile(path, kMaxStopTextBytes, readError);
  if (!text) {
    error = "cannot read the text file '" + path + "': " + readError.reason() +
            (readError.step == tours::ReadError::Step::TooLarge ? "; a stop's text is a few paragraphs" : "");
    return std::nullopt;
  }
  while (!text->empty() && (text->back() == '\n' || text->back() == '\r' || text->back() == ' '))
    text->pop_back();
  return text;
}

} // namespace tourguide::plugin
