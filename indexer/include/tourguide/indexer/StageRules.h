// The rules that decide what stage of an ML program a function implements, from what its
// body does (statements, loops, idioms) first and from its name second. Each rule is a small
// function of one FunctionFacts so that it can be tested on code held in a string.
#pragma once

#include "tourguide/indexer/Facts.h"
#include "tourguide/indexer/StopPlacement.h"

#include <optional>
#include <string>
#include <vector>

namespace tourguide::indexer {

/// One reason for a decision: "line 42: `w[i] -= lr * g[i];` moves ... (parameter update)".
struct Evidence {
  std::string text;
  unsigned line = 0;
};

struct StageMatch {
  std::string stage;        ///< data, loop, model, loss, optimizer, metrics.
  double confidence = 0;    ///< 0..1: the summed weight of the evidence, capped.
  std::vector<Evidence> evidence;
  unsigned anchorLine = 0;  ///< The statement that decided it (0 = the function's entry).
  std::string anchorText;   ///< That line's text, trimmed: the tour's anchor pattern.
  std::vector<std::string> watch; ///< Scalars worth showing at the stop.
  StopPlace stop;                 ///< Where the stop goes when not on anchorLine (placeStops).
  /// Within the stage: forward/backward (model), step/zero_grad (optimizer), save/load
  /// (checkpoint), loader (data), training/epochs/... (loops).
  std::string role;
  /// For a call into a framework: the API called ("torch::optim::SGD::step") and the
  /// framework's name; the anchor is the call's line.
  std::string via, framework;
  /// Decided by what the functions it calls do, not by its own statements (a loader that
  /// hands its checkpoint path to the reader): the callee's stop is a stop of its own.
  bool byCallees = false;
  /// Found from the stages of the functions it calls (a training step made of calls): a loop
  /// reaching it cites those functions, where the work is done.
  bool throughCalls = false;
};

/// The role a stage rule's match plays, from the function's facts: a model function named
/// backward/backprop is the backward pass, a clearing optimizer function is zero_grad, ...
std::string roleOf(const FunctionFacts &fn, const StageMatch &match);

/// Below this, a match is not reported.
constexpr double kReportThreshold = 0.5;

namespace rules {
std::optional<StageMatch> dataStage(const FunctionFacts &fn);
std::optional<StageMatch> modelStage(const FunctionFacts &fn);
std::optional<StageMatch> modelBuildStage(const FunctionFacts &fn);
std::optional<StageMatch> lossStage(const FunctionFacts &fn);
std::optional<StageMatch> optimizerStage(const FunctionFacts &fn);
std::optional<StageMatch> metricsStage(const FunctionFacts &fn);
std::optional<StageMatch> checkpointStage(const FunctionFacts &fn);
} // namespace rules

/// Every rule above that reaches kReportThreshold, in stage order.
std::vector<StageMatch> functionStages(const FunctionFacts &fn);

/// Whether one of `stages` is `stage` ("model", "checkpoint", ...).
bool hasStage(const std::vector<StageMatch> &stages, const std::string &stage);

/// The stage a single statement kind is evidence for ("param_update" -> "optimizer"),
/// or "" when it decides nothing on its own. Used for loop bodies that do the work inline.
std::string stageOfStatement(const StatementFact &s);

/// The order stages appear in a tour and in reports (defined with the draft writer, TourDraft.cpp).
int stageRank(const std::string &stage);

} // namespace tourguide::indexer
