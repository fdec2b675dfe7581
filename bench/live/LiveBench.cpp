// Measures what a tour costs while the program runs, side by side in one run, in-process through
// the SB API, and prints the numbers (never a pass/fail exit code: machines differ).
//
//   tourguide_live_bench PLUGIN TRAIN_EXE MLP_TOUR TOY_EXE TOY_TOUR FIVE_TOUR WORK_DIR [EPOCHS [TRIALS]]
//
// 1. collected series: mlp_c's `train data /dev/null EPOCHS`, launch to exit, natively, under
//    plain LLDB with no breakpoints, and under variants of MLP_TOUR (no collect; the per-batch
//    loss every k passes, alone and beside the per-epoch loss; the default budget and
//    TOURGUIDE_COLLECT_BUDGET=off), each run in a fresh debugger, the order alternated between
//    trials; differences and ratios are taken within a trial, then the median over the trials;
// 2. one trap: TOY_TOUR collects every pass of a tight loop with the budget off, at two loop
//    lengths; the slope is the cost of one pass (every 1: with the read; every 1000: the trap);
// 3. one annotation with five 64-element arrays (FIVE_TOUR): `tour show` versus `frame variable`
//    of the same five, with and without -Z 64, median of many repeats.
#include "tourguide/collect/CollectionBudget.h"

#include <lldb/API/LLDB.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <string>
#include <utility>
#include <vector>

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds(const std::function<void()> &work) {
  auto start = Clock::now();
  work();
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

/// The median over the trials of op(a[i], b[i]): both measured in the same trial.
double pairedMedian(const std::vector<double> &a, const std::vector<double> &b,
                    const std::function<double(double, double)> &op) {
  std::vector<double> out;
  for (size_t i = 0; i < a.size() && i < b.size(); ++i)
    out.push_back(op(a[i], b[i]));
  return median(out);
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

std::string joined(const std::vector<std::string> &args) {
  std::string out;
  for (const auto &a : args)
    out += (out.empty() ? "" : " ") + a;
  return out;
}

/// A debugger with the plugin loaded and `exe` as its target; the program's output goes to
/// /dev/null (the same for every variant) and its arguments are the target's run-args.
lldb::SBDebugger freshDebugger(const std::string &plugin, const std::string &exe, const std::vector<std::string> &args) {
  lldb::SBDebugger d = lldb::SBDebugger::Create(false);
  d.SetAsync(false);
  run(d, "plugin load " + plugin);
  run(d, "target create " + exe);
  run(d, "settings set target.output-path /dev/null");
  run(d, "settings set target.run-args " + joined(args));
  return d;
}

void finish(lldb::SBDebugger &d) {
  lldb::SBProcess p = d.GetSelectedTarget().GetProcess();
  if (p.IsValid() && p.GetState() != lldb::eStateExited)
    p.Kill();
  lldb::SBDebugger::Destroy(d);
}

bool exitedCleanly(lldb::SBDebugger &d) {
  lldb::SBProcess p = d.GetSelectedTarget().GetProcess();
  return p.IsValid() && p.GetState() == lldb::eStateExited && p.GetExitStatus() == 0;
}

/// The program alone: fork, chdir to its folder, stdout to /dev/null, exec, wait.
double nativeRun(const std::string &exe, const std::vector<std::string> &args) {
  std::vector<std::string> all{exe};
  all.insert(all.end(), args.begin(), args.end());
  std::vector<char *> argv;
  for (auto &a : all)
    argv.push_back(a.data());
  argv.push_back(nullptr);
  std::string dir = fs::path(exe).parent_path().string();
  auto start = Clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    int null = open("/dev/null", O_WRONLY);
    if (chdir(dir.c_str()) != 0 || null < 0 || dup2(null, 1) < 0)
      _exit(127);
    execv(argv[0], argv.data());
    _exit(127);
  }
  int status = 0;
  if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    std::fprintf(stderr, "the native run of %s failed\n", exe.c_str());
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// A copy of `base` that collects only the series named in `every` (name -> every), or nothing.
std::string writeTourVariant(const nlohmann::json &base, const std::map<std::string, int> &every,
                             const fs::path &file) {
  nlohmann::json tour = base;
  nlohmann::json kept = nlohmann::json::array();
  for (const auto &c : base.at("collect"))
    if (auto it = every.find(c.at("name").get<std::string>()); it != every.end()) {
      kept.push_back(c);
      kept.back()["every"] = it->second;
    }
  if (kept.empty())
    tour.erase("collect");
  else
    tour["collect"] = kept;
  std::ofstream(file) << tour.dump(2) << "\n";
  return file.string();
}

double firstNumber(const std::string &text, const std::string &pattern) {
  std::smatch m;
  return std::regex_search(text, m, std::regex(pattern)) ? std::stod(m[1].str()) : 0;
}

/// One measured configuration and its samples, one per trial.
struct Variant {
  Variant(std::string label, std::function<double(Variant &)> measure)
      : label(std::move(label)), measure(std::move(measure)) {}
  std::string label;
  std::function<double(Variant &)> measure; ///< One trial: the seconds; may append facts below.
  std::vector<double> times;
  std::vector<std::string> series;                          ///< The series the tour collects.
  std::map<std::string, std::vector<double>> points, pauses; ///< Per series, per trial.
  std::vector<double> estimated; ///< The plugin's estimate of the time the collection added.
};

/// What the plugin says after the run: points and pauses of each series (`tour plot`), and
/// the time it estimates the collection added (`tour status`).
void readFacts(lldb::SBDebugger &d, Variant &v) {
  for (const auto &name : v.series) {
    std::string values, chart;
    run(d, "tour plot --values " + name, &values);
    run(d, "tour plot " + name, &chart);
    v.points[name].push_back(firstNumber(values, "# " + name + ": ([0-9]+) points"));
    v.pauses[name].push_back(firstNumber(chart, "paused ([0-9]+) time"));
  }
  std::string status;
  run(d, "tour status", &status);
  v.estimated.push_back(firstNumber(status, "added about ([0-9.]+) s"));
}

/// `tour start TOUR` + `tour next` until the program exits, the budget on or off.
double tourToExit(const std::string &plugin, const std::string &exe, const std::vector<std::string> &args,
                  const std::string &tour, bool budgetOff, Variant &v) {
  lldb::SBDebugger d = freshDebugger(plugin, exe, args);
  if (budgetOff)
    setenv("TOURGUIDE_COLLECT_BUDGET", "off", 1); // read by `tour start`
  double t = seconds([&] {
    run(d, "tour start " + tour);
    run(d, "tour next");
  });
  unsetenv("TOURGUIDE_COLLECT_BUDGET");
  if (!exitedCleanly(d))
    std::fprintf(stderr, "%s: the program did not run to a clean exit\n", v.label.c_str());
  if (!v.series.empty())
    readFacts(d, v);
  finish(d);
  return t;
}

/// `process launch` (the target's run-args, in the program's folder) until the program exits.
double plainToExit(const std::string &plugin, const std::string &exe, const std::vector<std::string> &args) {
  lldb::SBDebugger d = freshDebugger(plugin, exe, args);
  std::string dir = fs::path(exe).parent_path().string();
  double t = seconds([&] { run(d, "process launch -w " + dir); });
  if (!exitedCleanly(d))
    std::fprintf(stderr, "plain LLDB: %s did not run to a clean exit\n", exe.c_str());
  finish(d);
  return t;
}

/// Runs every variant once per trial, in forward order on even trials and backward on odd ones.
void measureAll(std::vector<Variant> &variants, int trials, const char *what) {
  for (int trial = 0; trial < trials; ++trial) {
    std::fprintf(stderr, "%s: trial %d of %d\n", what, trial + 1, trials);
    for (size_t i = 0; i < variants.size(); ++i) {
      Variant &v = variants[trial % 2 == 0 ? i : variants.size() - 1 - i];
      v.times.push_back(v.measure(v));
    }
  }
}

const char *yesNo(bool ok) { return ok ? "yes" : "NO"; }

std::string loadAverage() {
  double load[3] = {0, 0, 0};
  char text[64];
  std::snprintf(text, sizeof text, "%.2f", getloadavg(load, 3) > 0 ? load[0] : -1.0);
  return text;
}

/// "181" or "169/14": the median points (or pauses) of each series of `v`, in its order.
std::string perSeries(const Variant &v, const std::map<std::string, std::vector<double>> &facts) {
  std::string out;
  for (const auto &name : v.series) {
    auto it = facts.find(name);
    char n[32];
    std::snprintf(n, sizeof n, "%.0f", it == facts.end() ? 0.0 : median(it->second));
    out += (out.empty() ? "" : "/") + std::string(n);
  }
  return out;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 8 || argc > 10) {
    std::fprintf(stderr,
                 "usage: %s PLUGIN TRAIN_EXE MLP_TOUR TOY_EXE TOY_TOUR FIVE_TOUR WORK_DIR [EPOCHS [TRIALS]]\n",
                 argv[0]);
    return 2;
  }
  auto absolute = [](const char *path) { return fs::absolute(path).string(); };
  const std::string plugin = absolute(argv[1]), trainExe = absolute(argv[2]), mlpTour = absolute(argv[3]),
                    toyExe = absolute(argv[4]), toyTour = absolute(argv[5]), fiveTour = absolute(argv[6]);
  const fs::path work = argv[7];
  const int epochs = argc > 8 ? std::atoi(argv[8]) : 600;
  const int trials = argc > 9 ? std::atoi(argv[9]) : 7;
  if (epochs < 1 || trials < 1) {
    std::fprintf(stderr, "EPOCHS and TRIALS are positive integers\n");
    return 2;
  }
  fs::create_directories(work);
  nlohmann::json mlpBase = nlohmann::json::parse(std::ifstream(mlpTour), nullptr, /*allow_exceptions=*/false);
  nlohmann::json toyBase = nlohmann::json::parse(std::ifstream(toyTour), nullptr, /*allow_exceptions=*/false);
  if (!mlpBase.contains("collect") || !toyBase.contains("collect")) {
    std::fprintf(stderr, "%s and %s must be tours with a \"collect\" list\n", mlpTour.c_str(), toyTour.c_str());
    return 2;
  }
  const std::string loadBefore = loadAverage();
  lldb::SBDebugger::Initialize();

  // 1. The training run under each variant.
  const std::vector<std::string> trainArgs{"data", "/dev/null", std::to_string(epochs)};
  const int steps = epochs * 19; // 600 samples in batches of 32: 19 steps per epoch
  std::vector<Variant> train;
  train.emplace_back("native (no debugger)", [&](Variant &) { return nativeRun(trainExe, trainArgs); });
  train.emplace_back("plain LLDB (no breakpoint)", [&](Variant &) { return plainToExit(plugin, trainExe, trainArgs); });
  auto addTour = [&](const std::string &label, const std::map<std::string, int> &every, bool budgetOff) {
    std::string file = writeTourVariant(mlpBase, every, work / ("mlp_" + std::to_string(train.size()) + ".json"));
    train.emplace_back(label, [=, &plugin, &trainExe, &trainArgs](Variant &v) {
      return tourToExit(plugin, trainExe, trainArgs, file, budgetOff, v);
    });
    for (const char *name : {"batch-loss", "epoch-loss"})
      if (every.count(name))
        train.back().series.push_back(name);
  };
  addTour("tour without collect", {}, false);
  for (int k : {1, 10, 100})
    addTour("every " + std::to_string(k), {{"batch-loss", k}}, false);
  for (int k : {1, 10, 100})
    addTour("every " + std::to_string(k) + " + epoch-loss", {{"batch-loss", k}, {"epoch-loss", 1}}, false);
  const size_t firstOff = train.size();
  for (int k : {1, 10, 100})
    addTour("every " + std::to_string(k) + ", budget off", {{"batch-loss", k}}, true);

  // Warm the caches (the executable, the plugin, lldb-server) before anything is timed.
  {
    Variant warm("warm-up", nullptr);
    plainToExit(plugin, trainExe, trainArgs);
    train[2].measure(warm);
  }
  measureAll(train, trials, "collected series");

  // 2. One trap: the slope of the toy's run time over two loop lengths.
  const int shortRun = 1000, longRun = 3000;
  const std::string toyEvery1 = writeTourVariant(toyBase, {{"loss", 1}}, work / "toy_every_1.json");
  const std::string toyEvery1000 = writeTourVariant(toyBase, {{"loss", 1000}}, work / "toy_every_1000.json");
  std::vector<Variant> toy; // plain, every 1, every 1000; then the same for the long run
  for (int n : {shortRun, longRun}) {
    const std::vector<std::string> args{std::to_string(n)};
    toy.emplace_back("plain " + args[0], [=, &plugin, &toyExe](Variant &) { return plainToExit(plugin, toyExe, args); });
    for (const auto &file : {toyEvery1, toyEvery1000})
      toy.emplace_back("toy tour " + file + " " + args[0], [=, &plugin, &toyExe](Variant &v) {
        return tourToExit(plugin, toyExe, args, file, true, v);
      });
  }
  measureAll(toy, trials, "one trap");

  // 3. One annotation with five 64-element arrays versus `frame variable` of the same five.
  const int repeats = 50;
  const std::string five = "param->value param->grad v opt->params[2].value opt->params[2].grad";
  std::vector<double> show, frameAll, framePointers;
  {
    lldb::SBDebugger d = freshDebugger(plugin, trainExe, {"data", "/dev/null"});
    if (!run(d, "tour start " + fiveTour))
      return 1;
    std::vector<std::function<void()>> three{
        [&] { show.push_back(seconds([&] { run(d, "tour show"); })); },
        [&] { frameAll.push_back(seconds([&] { run(d, "frame variable -Z 64 " + five); })); },
        [&] { framePointers.push_back(seconds([&] { run(d, "frame variable " + five); })); }};
    // Each repeat starts with a different one of the three, so none always runs first.
    for (int i = 0; i < repeats; ++i)
      for (size_t j = 0; j < three.size(); ++j)
        three[(i + j) % three.size()]();
    finish(d);
  }

  // The report.
  const auto minus = [](double a, double b) { return a - b; };
  const auto ratio = [](double a, double b) { return b > 0 ? a / b : 0; };
  const Variant &native = train[0], &plain = train[1], &tourOnly = train[2];
  const double nativeTime = median(native.times), plainTime = median(plain.times);
  const tourguide::collect::BudgetLimits limits;
  const double allowedOwn = limits.maxExtra * nativeTime + limits.allowanceSeconds;
  const double allowedLldb = limits.maxExtra * plainTime + limits.allowanceSeconds;
  std::printf("Plugin and samples built %s; %s; %d trials, order alternated, medians.\n", TOURGUIDE_BUILD_TYPE,
              lldb::SBDebugger::GetVersionString(), trials);
  std::printf("Load average (1 min) %s before the run, %s after it, on %ld cores.\n\n", loadBefore.c_str(),
              loadAverage().c_str(), sysconf(_SC_NPROCESSORS_ONLN));
  std::printf("1. Collected series: mlp_c `train data /dev/null %d` (%d steps), launch to exit.\n", epochs, steps);
  std::printf("   A tour stops once, at `printf(\"saved %%s\\n\", ...)` after training, then `tour next` runs to the exit.\n");
  std::printf("   every k: batch-loss, `loss` at the `mlp_backward(...)` line, read every k passes (%d passes);\n", steps);
  std::printf("   + epoch-loss: `epoch_loss` at the `printf(\"epoch %%d loss` line beside it, every pass (%d passes).\n\n",
              epochs);
  std::printf("   %-26s %7s %6s %7s %7s %7s %11s %7s  %-4s %-4s %-4s\n", "", "time s", "/plain", "tour s", "coll s",
              "est s", "points", "pauses", "own", "LLDB", "all");
  for (size_t i = 0; i < train.size(); ++i) {
    const Variant &v = train[i];
    std::printf("   %-26s %7.3f %6.2f", v.label.c_str(), median(v.times), pairedMedian(v.times, plain.times, ratio));
    if (i < 2) {
      std::printf("\n");
      continue;
    }
    double added = pairedMedian(v.times, plain.times, minus);
    std::printf(" %7.3f", added);
    if (v.series.empty()) {
      std::printf("\n");
      continue;
    }
    double collection = pairedMedian(v.times, tourOnly.times, minus);
    std::printf(" %7.3f %7.3f %11s %7s  %-4s %-4s %-4s%s\n", collection, median(v.estimated),
                perSeries(v, v.points).c_str(), perSeries(v, v.pauses).c_str(), yesNo(collection <= allowedOwn),
                yesNo(collection <= allowedLldb), yesNo(added <= allowedOwn), i >= firstOff ? "  (budget off)" : "");
  }
  std::printf("\n   time s  wall time from launch to exit (a tour: `tour start` + `tour next`)\n");
  std::printf("   /plain  time / the plain LLDB run of the same trial: the slowdown a user sees\n");
  std::printf("   tour s  time - the plain LLDB run: what the tour and its collection added\n");
  std::printf("   coll s  time - the tour without collect: what the collection added\n");
  std::printf("   est s   what the plugin estimates the collection added (`tour status`)\n");
  std::printf("   points  values collected (`tour plot --values`), batch-loss/epoch-loss; pauses: times the budget\n"
              "           paused the series\n");
  std::printf("   The bound (docs/plugin.md): time <= 1.25 x the program's own time + 0.1 s, i.e. the time added\n"
              "   <= 0.25 x own + 0.1 s. Three readings of it (only rows with the budget on are bound by it):\n");
  std::printf("   own     coll s <= %.3f s: own = the native run, %.3f s (LLDB's launch cost, %.3f s, not counted)\n",
              allowedOwn, nativeTime, plainTime - nativeTime);
  std::printf("   LLDB    coll s <= %.3f s: own = the plain LLDB run, %.3f s, launch included, as the plugin counts it\n",
              allowedLldb, plainTime);
  std::printf("   all     tour s <= %.3f s: the strictest, the tour's own fixed cost counted as added too\n\n",
              allowedOwn);

  auto toyTime = [&](size_t i) { return median(toy[i].times); };
  auto slope = [&](size_t shortIndex, size_t longIndex) {
    // Per trial: (long - short) of the tour minus (long - short) of plain LLDB, per extra pass.
    std::vector<double> perPass;
    for (int t = 0; t < trials; ++t)
      perPass.push_back((toy[longIndex].times[t] - toy[shortIndex].times[t] - (toy[3].times[t] - toy[0].times[t])) /
                        (longRun - shortRun));
    return median(perPass);
  };
  const double mlpPerPass = pairedMedian(train[firstOff].times, tourOnly.times, minus) / steps;
  std::printf("2. One trap: tests/plugin/programs/toy's loop, `loss` (and x `step`) collected at `total += loss;`,\n"
              "   budget off.\n");
  std::printf("   %-44s %8d %8d passes\n", "", shortRun, longRun);
  std::printf("   %-44s %8.3f %8.3f s\n", "plain LLDB, no breakpoint", toyTime(0), toyTime(3));
  std::printf("   %-44s %8.3f %8.3f s\n", "tour, loss every 1", toyTime(1), toyTime(4));
  std::printf("   %-44s %8.3f %8.3f s\n", "tour, loss every 1000", toyTime(2), toyTime(5));
  std::printf("   %-44s %8.3f ms  ((time - plain LLDB) / %d passes)\n", "one pass, every 1, directly",
              pairedMedian(toy[4].times, toy[3].times, minus) / longRun * 1e3, longRun);
  std::printf("   %-44s %8.3f ms  (the slope: extra time / %d extra passes)\n", "one pass, every 1 (trap + read)",
              slope(1, 4) * 1e3, longRun - shortRun);
  std::printf("   %-44s %8.3f ms\n", "one pass, every 1000 (trap only)", slope(2, 5) * 1e3);
  std::printf("   %-44s %8.3f ms  ((every 1, budget off - tour without collect) / %d)\n", "one pass on mlp_c",
              mlpPerPass * 1e3, steps);
  std::printf("   %-44s %8.3f ms  (BudgetLimits::trapSeconds; plus the callback's measured time)\n\n",
              "the budget assumes", limits.trapSeconds * 1e3);

  double s = median(show), all = median(frameAll), pointers = median(framePointers);
  std::printf("3. One annotation with five 64-element float arrays (mlp_c momentum-step, %s),\n"
              "   median of %d repeats:\n",
              fs::path(fiveTour).filename().c_str(), repeats);
  std::printf("   %-58s %6.2f ms\n", "tour show (reads 5 x 64 floats, prints 5 summaries)", s * 1e3);
  std::printf("   %-58s %6.2f ms   tour show / it: %.2f\n", "frame variable -Z 64 of the same five (prints 320 floats)",
              all * 1e3, all > 0 ? s / all : 0);
  std::printf("   %-58s %6.2f ms   tour show / it: %.2f\n", "frame variable of the same five (5 pointers, no element)",
              pointers * 1e3, pointers > 0 ? s / pointers : 0);
  lldb::SBDebugger::Terminate();
  return 0;
}
