// Measures the tourguide plugin against plain LLDB in one run, side by side, in-process
// through the SB API, and prints the ratios (never a pass/fail: machines differ).
//
//   tourguide_plugin_bench PLUGIN FIRST_EXE FIRST_TOUR TOY_EXE FIVE_WATCH_TOUR
//
// 1. first stop: `tour start FIRST_TOUR` until its first annotation is printed, versus
//    `breakpoint set -n F` + `process launch` (same arguments and folder) to the same function F (the function of the tour's first
//    stop), each in a fresh debugger, alternated, median of several runs;
// 2. annotation: `tour show` at a stop with five watches, versus `frame variable` of the
//    same five values, median of many repeats.
#include "tourguide/tours/TourFile.h"

#include <lldb/API/LLDB.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

double millis(const std::function<void()> &work) {
  auto start = Clock::now();
  work();
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

bool run(lldb::SBDebugger &d, const std::string &cmd, std::string *out = nullptr) {
  lldb::SBCommandReturnObject r;
  d.GetCommandInterpreter().HandleCommand(cmd.c_str(), r);
  if (out)
    *out = (r.GetOutput() ? r.GetOutput() : "") + std::string(r.GetError() ? r.GetError() : "");
  if (!r.Succeeded())
    std::fprintf(stderr, "'%s' failed: %s\n", cmd.c_str(), r.GetError() ? r.GetError() : "");
  return r.Succeeded();
}

lldb::SBDebugger freshDebugger(const std::string &plugin, const std::string &exe) {
  lldb::SBDebugger d = lldb::SBDebugger::Create(false);
  d.SetAsync(false);
  run(d, "plugin load " + plugin);
  run(d, "target create " + exe);
  return d;
}

void finish(lldb::SBDebugger &d) {
  lldb::SBProcess p = d.GetSelectedTarget().GetProcess();
  if (p.IsValid())
    p.Kill();
  lldb::SBDebugger::Destroy(d);
}

/// `process launch` with the tour's working directory and arguments, so that plain LLDB runs
/// the program exactly as the tour does.
std::string plainLaunchCommand(const std::string &tourFile, const std::string &exe) {
  auto loaded = tourguide::tours::loadTourFile(tourFile);
  if (!loaded.ok())
    return "run";
  const auto &tour = *loaded.tour;
  auto quote = [](const std::string &s) {
    std::string q = "\"";
    for (char c : s)
      q += (c == '"' || c == '\\') ? std::string("\\") + c : std::string(1, c);
    return q + "\"";
  };
  std::string cwd = tour.program.cwd.empty() ? tourguide::tours::repoRoot(tour)
                                             : tourguide::tours::expandVariables(tour.program.cwd, tour, exe);
  std::string cmd = "process launch -w " + quote(cwd) + " --";
  for (const auto &a : tour.program.args)
    cmd += " " + quote(tourguide::tours::expandVariables(a, tour, exe));
  return cmd;
}

} // namespace

int main(int argc, char **argv) {
  if (argc != 6) {
    std::fprintf(stderr, "usage: %s PLUGIN FIRST_EXE FIRST_TOUR TOY_EXE FIVE_WATCH_TOUR\n", argv[0]);
    return 2;
  }
  const std::string plugin = argv[1], firstExe = argv[2], firstTour = argv[3], toyExe = argv[4],
                    fiveTour = argv[5];
  lldb::SBDebugger::Initialize();

  // The function of the tour's first stop, found by playing it once (also warms caches).
  std::string function;
  {
    lldb::SBDebugger d = freshDebugger(plugin, firstExe);
    if (!run(d, "tour start " + firstTour))
      return 1;
    lldb::SBFrame frame = d.GetSelectedTarget().GetProcess().GetSelectedThread().GetFrameAtIndex(0);
    function = frame.GetFunctionName() ? frame.GetFunctionName() : "";
    finish(d);
  }
  if (function.empty())
    return 1;

  const std::string launch = plainLaunchCommand(firstTour, firstExe);
  const int runs = 11;
  std::vector<double> tour, plain;
  // Alternate which of the two goes first, so neither profits from the other's warm caches.
  auto measureTour = [&] {
    lldb::SBDebugger a = freshDebugger(plugin, firstExe);
    tour.push_back(millis([&] { run(a, "tour start " + firstTour); }));
    finish(a);
  };
  auto measurePlain = [&] {
    lldb::SBDebugger b = freshDebugger(plugin, firstExe);
    plain.push_back(millis([&] {
      run(b, "breakpoint set -n " + function);
      run(b, launch);
    }));
    finish(b);
  };
  for (int i = 0; i < runs; ++i) {
    if (i % 2 == 0) {
      measureTour();
      measurePlain();
    } else {
      measurePlain();
      measureTour();
    }
  }

  const int repeats = 50;
  std::vector<double> show, frameVariable;
  {
    lldb::SBDebugger d = freshDebugger(plugin, toyExe);
    std::string out;
    if (!run(d, "tour start " + fiveTour, &out))
      return 1;
    for (int i = 0; i < repeats; ++i) {
      show.push_back(millis([&] { run(d, "tour show"); }));
      frameVariable.push_back(millis([&] { run(d, "frame variable step loss total batch.size batch.x"); }));
    }
    finish(d);
  }

  double t = median(tour), p = median(plain), s = median(show), f = median(frameVariable);
  std::printf("first stop (%s, function %s), median of %d runs each:\n", firstTour.c_str(), function.c_str(), runs);
  std::printf("  tour start to the first annotation      %8.1f ms\n", t);
  std::printf("  breakpoint set -n %s + process launch  %8.1f ms\n", function.c_str(), p);
  std::printf("    (%s)\n", launch.c_str());
  std::printf("  ratio                                    %8.2f\n", p > 0 ? t / p : 0);
  std::printf("one annotation with five watches, median of %d repeats:\n", repeats);
  std::printf("  tour show                                %8.2f ms\n", s);
  std::printf("  frame variable of the same five values   %8.2f ms\n", f);
  std::printf("  ratio                                    %8.2f\n", f > 0 ? s / f : 0);
  lldb::SBDebugger::Terminate();
  return 0;
}
