// The confirming run on real programs under a real (in-process) LLDB.
#include "tourguide/confirm/ConfirmingRun.h"

#include <gtest/gtest.h>

#include <csignal>
#include <thread>

namespace tourguide::confirm {
namespace {

indexer::Finding at(const std::string &function, const std::string &stage, std::vector<std::string> watch = {}) {
  indexer::Finding f;
  f.entry = "steps";
  f.function = function;
  f.stage = stage;
  f.watch = std::move(watch);
  return f; // no anchor line: the breakpoint is on the function's entry
}

TEST(ConfirmingRun, ReachedInRunOrderEachOnceUnreachedLeftOut) {
  // Given in an order unlike the run's, with one function the run never calls.
  std::vector<indexer::Finding> findings = {at("d", "model"), at("c", "metrics"),
                                            at("b", "loss", {"i", "no_such_variable"}), at("a", "data")};
  RunRequest request;
  request.executable = CONFIRM_STEPS_PROGRAM;
  request.timeoutSeconds = 60;
  auto run = confirmByRunning(findings, request);
  ASSERT_TRUE(static_cast<bool>(run)) << llvm::toString(run.takeError());
  std::vector<std::string> order;
  for (const Reached &r : run->reached)
    order.push_back(findings[r.finding].function);
  EXPECT_EQ(order, (std::vector<std::string>{"a", "b", "c"})); // b once, though called three times
  EXPECT_EQ(run->exitStatus, 0);
  EXPECT_FALSE(run->timedOut);
  EXPECT_NE(run->output.find("done"), std::string::npos) << run->output;
  const Reached &b = run->reached[1];
  EXPECT_EQ(b.unreadable, std::vector<std::string>{"no_such_variable"});
  EXPECT_EQ(run->placed.size(), 4u);
}

TEST(ConfirmingRun, ALineOnABranchNotTakenFallsBackToTheFunctionsEntry) {
  indexer::Finding e = at("e", "model");
  e.file = CONFIRM_STEPS_SOURCE;
  e.anchorLine = 11; // `sink = x;` under `if (x > 100)`, called with 1
  e.anchorText = "sink = x;";
  RunRequest request;
  request.executable = CONFIRM_STEPS_PROGRAM;
  auto run = confirmByRunning({e}, request);
  ASSERT_TRUE(static_cast<bool>(run)) << llvm::toString(run.takeError());
  ASSERT_EQ(run->reached.size(), 1u);
  EXPECT_TRUE(run->reached[0].atEntry);
}

// A framework call site is the stage itself (pytorch/examples' dcgan: `torch::save` every 200
// batches, in main): the function's entry is no substitute for a call the run did not make.
TEST(ConfirmingRun, ACallSiteOnABranchNotTakenIsNotReached) {
  indexer::Finding e = at("e", "checkpoint");
  e.file = CONFIRM_STEPS_SOURCE;
  e.anchorLine = 11;
  e.anchorText = "sink = x;";
  e.via = "torch::save";
  RunRequest request;
  request.executable = CONFIRM_STEPS_PROGRAM;
  auto run = confirmByRunning({e}, request);
  ASSERT_TRUE(static_cast<bool>(run)) << llvm::toString(run.takeError());
  EXPECT_TRUE(run->reached.empty());
}

TEST(ConfirmingRun, ALineInAHeaderIsPlacedThroughItsFunctionAndMovesToTheNextCode) {
  indexer::Finding step = at("header_step", "optimizer");
  step.file = CONFIRM_HEADER_SOURCE;
  step.anchorLine = 6; // the comment above `w -= lr * grad;`
  indexer::Finding missing = at("no_such_step", "optimizer");
  missing.file = CONFIRM_HEADER_SOURCE;
  missing.anchorLine = 7;
  RunRequest request;
  request.executable = CONFIRM_HEADER_PROGRAM;
  auto run = confirmByRunning({step, missing}, request);
  ASSERT_TRUE(static_cast<bool>(run)) << llvm::toString(run.takeError());
  ASSERT_EQ(run->reached.size(), 1u);
  EXPECT_EQ(run->reached[0].finding, 0u);
  EXPECT_FALSE(run->reached[0].atEntry) << "the line's own breakpoint, not the function's entry";
  // A header line of a function the program does not have gets no breakpoint at all (no file
  // and line search over the header).
  ASSERT_EQ(run->notPlaced.size(), 1u);
  EXPECT_EQ(run->notPlaced[0].first, 1u);
}

TEST(ConfirmingRun, AFunctionThisBuildDoesNotHaveIsNotPlaced) {
  std::vector<indexer::Finding> findings = {at("a", "data"), at("not_in_this_program", "model")};
  RunRequest request;
  request.executable = CONFIRM_STEPS_PROGRAM;
  auto run = confirmByRunning(findings, request);
  ASSERT_TRUE(static_cast<bool>(run)) << llvm::toString(run.takeError());
  ASSERT_EQ(run->notPlaced.size(), 1u);
  EXPECT_EQ(run->notPlaced[0].first, 1u);
  EXPECT_NE(run->notPlaced[0].second.find("not_in_this_program"), std::string::npos);
}

TEST(ConfirmingRun, ALoopStopsPassesAreReadFromItsBoundAndLaterStops) {
  indexer::Finding loop = at("main", "loop", {"epoch"});
  loop.file = CONFIRM_LOOPS_SOURCE;
  loop.line = 10;       // for (int epoch = 0; epoch < epochs; ++epoch) {
  loop.anchorLine = 11; // step(epoch);
  loop.functionBegin = 7;
  loop.functionEnd = 17;
  indexer::Finding checkpoint = at("checkpoint", "checkpoint"); // first reached in pass 3
  auto run = confirmByRunning({loop, checkpoint}, [] {
    RunRequest request;
    request.executable = CONFIRM_LOOPS_PROGRAM;
    return request;
  }());
  ASSERT_TRUE(static_cast<bool>(run)) << llvm::toString(run.takeError());
  ASSERT_EQ(run->reached.size(), 2u);
  const LoopPasses &passes = run->reached[0].passes;
  EXPECT_EQ(passes.counter, "epoch");
  EXPECT_EQ(passes.first, 0);
  EXPECT_EQ(passes.planned, 5); // epochs = 4 + argc
  EXPECT_EQ(passes.bound, "epochs = 5");
  EXPECT_EQ(passes.seen, 3);
  EXPECT_EQ(describePasses(passes), "5 passes planned (epochs = 5), 3 seen by later stops");
  // And the draft says so.
  ConfirmedFindings confirmed = confirmFindings({loop, checkpoint}, *run, "./loops");
  ASSERT_EQ(confirmed.findings.size(), 2u);
  EXPECT_NE(confirmed.findings[0].evidence.back().text.find("(epoch = 0; 5 passes planned (epochs = 5), 3 seen by later stops)"),
            std::string::npos)
      << confirmed.findings[0].evidence.back().text;
  EXPECT_EQ(confirmed.findings[0].observed, "5 passes planned (epochs = 5), 3 seen by later stops")
      << "the stop's text says it (TourDraft)";
}

TEST(ConfirmingRun, AMissingProgramIsAnError) {
  RunRequest request;
  request.executable = "/nonexistent/program";
  auto run = confirmByRunning({}, request);
  ASSERT_FALSE(static_cast<bool>(run));
  EXPECT_EQ(llvm::toString(run.takeError()), "'/nonexistent/program' is not an executable program");
}

TEST(ConfirmingRun, AProgramThatNeverEndsIsStoppedAtTheTimeLimit) {
  indexer::Finding tick = at("tick", "loop");
  RunRequest request;
  request.executable = CONFIRM_FOREVER_PROGRAM;
  request.timeoutSeconds = 2;
  auto run = confirmByRunning({tick}, request);
  ASSERT_TRUE(static_cast<bool>(run)) << llvm::toString(run.takeError());
  EXPECT_TRUE(run->timedOut);
  EXPECT_EQ(run->exitStatus, -1);
  EXPECT_EQ(run->reached.size(), 1u);
  EXPECT_GE(run->seconds, 2.0);
  EXPECT_LT(run->seconds, 10.0);
}

TEST(ConfirmingRun, CtrlCStopsTheRunAndKeepsWhatItReached) {
  indexer::Finding tick = at("tick", "loop");
  RunRequest request;
  request.executable = CONFIRM_FOREVER_PROGRAM;
  request.timeoutSeconds = 60;
  std::thread user([] {
    // Long enough for the launch and the first tick on a loaded 2-core machine.
    std::this_thread::sleep_for(std::chrono::seconds(5));
    kill(getpid(), SIGINT); // what Ctrl-C in the terminal sends
  });
  auto run = confirmByRunning({tick}, request);
  user.join();
  ASSERT_TRUE(static_cast<bool>(run)) << llvm::toString(run.takeError());
  EXPECT_TRUE(run->interrupted);
  EXPECT_FALSE(run->timedOut);
  EXPECT_EQ(run->reached.size(), 1u);
  EXPECT_LT(run->seconds, 10.0);
}

} // namespace
} // namespace tourguide::confirm
