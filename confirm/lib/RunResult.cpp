// From a confirming run to the findings a draft is written from (moved here from the CLI's
// `tourguide index` so that `tour draft` in LLDB drafts the same tour from the same run).
#include "tourguide/confirm/RunResult.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

namespace tourguide::confirm {

std::string commandText(const std::vector<std::string> &command) {
  std::string out;
  for (const std::string &w : command)
    out += (out.empty() ? "" : " ") + w;
  return out;
}

std::string describePasses(const LoopPasses &p) {
  std::string out;
  if (p.planned >= 0)
    out = std::to_string(p.planned) + " pass" + (p.planned == 1 ? "" : "es") + " planned (" + p.bound + ")";
  if (p.seen > 1)
    out += (out.empty() ? "" : ", ") + std::to_string(p.seen) + " seen by later stops";
  return out;
}

ConfirmedFindings confirmFindings(const std::vector<indexer::Finding> &candidates, const RunResult &run,
                                  const std::string &commandLine) {
  using indexer::Finding;
  ConfirmedFindings out;
  // Reached findings in the run's order; one stop per function, stage and role.
  std::set<std::string> seen;
  std::vector<bool> reached(candidates.size());
  for (const Reached &r : run.reached) {
    if (r.finding >= candidates.size())
      continue;
    reached[r.finding] = true;
    Finding f = candidates[r.finding];
    if (!seen.insert(f.function + "|" + f.stage + "|" + f.role).second)
      continue;
    f.order = r.order;
    f.alternativeTo.clear(); // the run took it
    if (r.atEntry) {
      f.evidence.push_back({"the run entered `" + f.function + "` but not line " + std::to_string(f.stopLine()) +
                                " (a branch it did not take): the stop is at the function's entry",
                            0});
      f.anchorLine = 0;
      f.anchorText.clear();
      f.stop = {};
      f.watch.clear();
    }
    // A watch that could not be read at the stop would only show an error there.
    for (const std::string &w : r.unreadable)
      f.watch.erase(std::remove(f.watch.begin(), f.watch.end(), w), f.watch.end());
    char when[32];
    snprintf(when, sizeof when, "%.2f s", r.seconds);
    std::string detail = r.counter;
    if (std::string passes = describePasses(r.passes); !passes.empty()) {
      detail += (detail.empty() ? "" : "; ") + passes;
      f.observed = passes;
    }
    f.evidence.push_back(
        {"reached in the run, " + std::string(when) + " after launch" + (detail.empty() ? "" : " (" + detail + ")"),
         0});
    out.findings.push_back(std::move(f));
  }
  std::map<size_t, std::string> notPlaced(run.notPlaced.begin(), run.notPlaced.end());
  std::string missed;
  unsigned missedCount = 0;
  std::set<std::string> listed;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Finding &f = candidates[i];
    if (reached[i] || seen.count(f.function + "|" + f.stage + "|" + f.role) ||
        !listed.insert(f.function + "|" + f.stage + "|" + f.role).second)
      continue;
    ++missedCount;
    if (missedCount > 12)
      continue;
    std::string why = notPlaced.count(i)                ? notPlaced[i]
                      : !f.alternativeTo.empty()        ? "an override this program did not use (`" + f.alternativeTo + "` ran)"
                      : run.timedOut || run.interrupted ? "not reached before the run was stopped"
                                                        : "not reached with these arguments";
    missed += "\n- `" + f.function + "` (" + f.stage + (f.role.empty() ? "" : ", " + f.role) + "): " + why;
  }
  if (missedCount > 12)
    missed += "\n- and " + std::to_string(missedCount - 12) + " more";

  char secs[32];
  snprintf(secs, sizeof secs, "%.1f s", run.seconds);
  std::string how = run.timedOut          ? "it was stopped after the time limit"
                    : run.interrupted     ? "it was interrupted"
                    : run.exitStatus >= 0 ? "exit status " + std::to_string(run.exitStatus)
                                          : "it did not exit normally";
  out.confirmation = "Confirmed by running `" + commandLine + "` (" + secs + ", " + how + "): " +
                     std::to_string(out.findings.size()) + " of " + std::to_string(candidates.size()) +
                     " candidate stops were reached, and the stops are in the order the run reached them.";
  if (!missed.empty())
    out.confirmation += "\n\nNot reached in that run, so not stops here:" + missed;
  out.summary = "run: " + std::to_string(out.findings.size()) + " of " + std::to_string(candidates.size()) +
                " candidate stops reached in " + secs + " (" + how + ")";
  return out;
}

} // namespace tourguide::confirm
