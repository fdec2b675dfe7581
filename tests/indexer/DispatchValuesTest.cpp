// A switch (or if-chain) on a struct field, resolved by the values the program can give that
// field: a network created with one training algorithm runs that algorithm's case only, a
// setter called with a constant adds its case, a value read at run time keeps every case.
// The program is libfann's shape in a few lines: the algorithm chosen in a struct field, the
// epoch dispatching on it.
#include "TestCode.h"

#include "tourguide/indexer/Findings.h"
#include "tourguide/indexer/ProgramIndex.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>

namespace tourguide::indexer::test {
namespace {

/// `{DISPATCH}` is the body of train_epoch, `{SETUP}` what main does between creating the
/// network and training it.
std::string program(const std::string &dispatch, const std::string &setup) {
  std::string code = R"(#include <stdio.h>
#include <stdlib.h>
enum algorithm { ALG_QUICK, ALG_RESILIENT, ALG_BATCH };
struct net { enum algorithm algorithm; float w[8], g[8]; };
void quick_step(struct net *n) { for (int i = 0; i < 8; ++i) n->w[i] -= 0.1f * n->g[i]; }
void resilient_step(struct net *n) { for (int i = 0; i < 8; ++i) n->w[i] -= 0.2f * n->g[i]; }
void batch_step(struct net *n) { for (int i = 0; i < 8; ++i) n->w[i] -= 0.3f * n->g[i]; }
struct net *net_create(void) {
  struct net *n = calloc(1, sizeof(struct net));
  n->algorithm = ALG_RESILIENT;
  return n;
}
void net_set_algorithm(struct net *n, enum algorithm a) { n->algorithm = a; }
float net_loss(const struct net *n) {
  float loss = 0;
  for (int i = 0; i < 8; ++i) loss += (n->w[i] - 1) * (n->w[i] - 1);
  return loss;
}
void train_epoch(struct net *n) {
{DISPATCH}
}
int main(int argc, char **argv) {
  struct net *n = net_create();
{SETUP}
  for (int epoch = 0; epoch < 10; ++epoch) {
    train_epoch(n);
    net_loss(n);
  }
  return argc > 5 ? 1 : 0;
}
)";
  auto put = [&](const std::string &mark, const std::string &text) { code.replace(code.find(mark), mark.size(), text); };
  put("{DISPATCH}", dispatch);
  put("{SETUP}", setup);
  return code;
}

const char *const kSwitch = R"(  switch (n->algorithm) {
  case ALG_QUICK: quick_step(n); break;
  case ALG_RESILIENT: resilient_step(n); break;
  case ALG_BATCH: batch_step(n); break;
  })";

const char *const kIfChain = R"(  if (n->algorithm == ALG_QUICK)
    quick_step(n);
  else if (n->algorithm == ALG_RESILIENT)
    resilient_step(n);
  else
    batch_step(n);)";

/// The step functions the walk reports, in name order.
std::vector<std::string> stepsReached(const std::string &code) {
  std::vector<TUFacts> tus{parse(code, false, "train.c")}; // the index points into them
  ProgramIndex index(tus);
  Analysis a = analyse(index);
  std::vector<std::string> steps;
  for (const Finding &f : a.findings)
    if (llvm::StringRef(f.function).endswith("_step") &&
        std::find(steps.begin(), steps.end(), f.function) == steps.end())
      steps.push_back(f.function);
  std::sort(steps.begin(), steps.end());
  return steps;
}

using Steps = std::vector<std::string>;

TEST(DispatchValues, TheDefaultConstantPicksItsCase) {
  EXPECT_EQ(stepsReached(program(kSwitch, "")), Steps{"resilient_step"});
}

TEST(DispatchValues, TheEvidenceSaysWhichValueTookTheBranch) {
  std::vector<TUFacts> tus{parse(program(kSwitch, ""), false, "train.c")};
  ProgramIndex index(tus);
  Analysis a = analyse(index);
  auto step = std::find_if(a.findings.begin(), a.findings.end(),
                           [](const Finding &f) { return f.function == "resilient_step"; });
  ASSERT_NE(step, a.findings.end());
  std::vector<std::string> texts;
  for (const Evidence &e : step->evidence)
    texts.push_back(e.text);
  EXPECT_NE(std::find(texts.begin(), texts.end(), "n->algorithm is ALG_RESILIENT (set in net_create)"), texts.end())
      << llvm::join(texts, "\n");
  // The epoch loop reaches its update through the case that runs, and says so.
  auto loop = std::find_if(a.findings.begin(), a.findings.end(),
                           [](const Finding &f) { return f.stage == "loop" && f.function == "main"; });
  ASSERT_NE(loop, a.findings.end());
  std::string loopEvidence;
  for (const Evidence &e : loop->evidence)
    loopEvidence += e.text + "\n";
  EXPECT_NE(loopEvidence.find("resilient_step"), std::string::npos) << loopEvidence;
  EXPECT_EQ(loopEvidence.find("batch_step"), std::string::npos) << loopEvidence;
}

TEST(DispatchValues, ASetterGivenAConstantAfterCreationReplacesTheDefault) {
  // libfann's momentums: fann_create_standard, then fann_set_training_algorithm(ann,
  // FANN_TRAIN_INCREMENTAL): the default set in fann_allocate_structure never reaches training.
  EXPECT_EQ(stepsReached(program(kSwitch, "  net_set_algorithm(n, ALG_BATCH);")), Steps{"batch_step"});
}

TEST(DispatchValues, ASetterThatMayNotRunAddsItsCase) {
  EXPECT_EQ(stepsReached(program(kSwitch, "  if (argc > 2)\n    net_set_algorithm(n, ALG_BATCH);")),
            (Steps{"batch_step", "resilient_step"}));
}

TEST(DispatchValues, ASetterCalledBeforeTheObjectIsMadeReplacesNothing) {
  std::string code = program(kSwitch, "");
  // The setter runs on a network made earlier; main's own network keeps the default.
  code.replace(code.find("  struct net *n = net_create();"), 0,
               "  struct net *first = calloc(1, sizeof(struct net));\n  net_set_algorithm(first, ALG_BATCH);\n");
  EXPECT_EQ(stepsReached(code), (Steps{"batch_step", "resilient_step"}));
}

TEST(DispatchValues, ALocalSetOnceToAConstantIsThatConstant) {
  // libfann's cascade_train: `enum fann_train_enum training_algorithm = FANN_TRAIN_RPROP;`, then
  // fann_set_training_algorithm(ann, training_algorithm).
  EXPECT_EQ(stepsReached(program(kSwitch, "  enum algorithm chosen = ALG_BATCH;\n  net_set_algorithm(n, chosen);")),
            Steps{"batch_step"});
  // Changed later (here from the arguments), it is not known.
  EXPECT_EQ(stepsReached(program(kSwitch, "  enum algorithm chosen = ALG_BATCH;\n  if (argc > 3)\n    chosen = "
                                          "(enum algorithm)atoi(argv[1]);\n  net_set_algorithm(n, chosen);")),
            (Steps{"batch_step", "quick_step", "resilient_step"}));
}

TEST(DispatchValues, AnUnknownValueKeepsEveryCase) {
  ASSERT_EQ(stepsReached(program(kSwitch, "")), Steps{"resilient_step"}) << "without the unknown write";
  EXPECT_EQ(stepsReached(program(kSwitch, "  n->algorithm = (enum algorithm)atoi(argv[1]);")),
            (Steps{"batch_step", "quick_step", "resilient_step"}));
  // The same through the setter: its argument is not a constant.
  EXPECT_EQ(stepsReached(program(kSwitch, "  net_set_algorithm(n, (enum algorithm)atoi(argv[1]));")),
            (Steps{"batch_step", "quick_step", "resilient_step"}));
}

TEST(DispatchValues, AWholeStructReadFromBytesKeepsEveryCase) {
  ASSERT_EQ(stepsReached(program(kSwitch, "")), Steps{"resilient_step"}) << "without the read";
  EXPECT_EQ(stepsReached(program(kSwitch, "  fread(n, sizeof *n, 1, stdin);")),
            (Steps{"batch_step", "quick_step", "resilient_step"}));
  // Copying the field from another network adds no value it could not have had.
  EXPECT_EQ(stepsReached(program(kSwitch, "  struct net other = *n;\n  n->algorithm = other.algorithm;")),
            Steps{"resilient_step"});
}

TEST(DispatchValues, AnIfChainOnTheFieldIsResolvedTheSameWay) {
  EXPECT_EQ(stepsReached(program(kIfChain, "")), Steps{"resilient_step"});
  // The final else takes every value the earlier tests do not: ALG_BATCH.
  EXPECT_EQ(stepsReached(program(kIfChain, "  if (argc > 2)\n    net_set_algorithm(n, ALG_BATCH);")),
            (Steps{"batch_step", "resilient_step"}));
}

TEST(DispatchValues, ADefaultLabelTakesTheValuesNoCaseNames) {
  const char *withDefault = R"(  switch (n->algorithm) {
  case ALG_QUICK: quick_step(n); break;
  default: resilient_step(n); break;
  })";
  EXPECT_EQ(stepsReached(program(withDefault, "")), Steps{"resilient_step"});
  EXPECT_EQ(stepsReached(program(withDefault, "  if (argc > 2)\n    net_set_algorithm(n, ALG_QUICK);")),
            (Steps{"quick_step", "resilient_step"}));
}

/// kann's kann_layer_cost in a few lines: the cost a network ends in is picked by a parameter,
/// through a wrapper that passes it on; `{CALL}` is how main asks for the cost.
std::string parameterProgram(const std::string &call) {
  std::string code = R"(#include <stdlib.h>
#define COST_QUICK 1
#define COST_RESILIENT 2
struct net { float w[8], g[8]; };
void quick_step(struct net *n) { for (int i = 0; i < 8; ++i) n->w[i] -= 0.1f * n->g[i]; }
void resilient_step(struct net *n) { for (int i = 0; i < 8; ++i) n->w[i] -= 0.2f * n->g[i]; }
void pick_update(struct net *n, int kind) {
  if (kind == COST_QUICK) quick_step(n);
  else if (kind == COST_RESILIENT) resilient_step(n);
}
void pick_update_wrapped(struct net *n, int kind) { pick_update(n, kind); }
int main(int argc, char **argv) {
  struct net *n = calloc(1, sizeof(struct net));
  for (int epoch = 0; epoch < 10; ++epoch) {
{CALL}
  }
  return argc > 5 ? 1 : 0;
}
)";
  code.replace(code.find("{CALL}"), 6, call);
  return code;
}

TEST(DispatchValues, ABranchOnAParameterTakesTheConstantsTheCallsPass) {
  EXPECT_EQ(stepsReached(parameterProgram("    pick_update(n, COST_RESILIENT);")), Steps{"resilient_step"});
  // Passed on by a wrapper, the value is the wrapper's callers'.
  EXPECT_EQ(stepsReached(parameterProgram("    pick_update_wrapped(n, COST_QUICK);")), Steps{"quick_step"});
  // A value from the command line may be either.
  EXPECT_EQ(stepsReached(parameterProgram("    pick_update(n, atoi(argv[1]));")),
            (Steps{"quick_step", "resilient_step"}));
}

TEST(DispatchValues, ALocalThatOnlyHoldsConstantsPassesEachOfThem) {
  // mlp.c: `int loss_type = KANN_C_CEB; ... if (c == 'M') loss_type = KANN_C_CEM;`.
  EXPECT_EQ(stepsReached(parameterProgram("    int kind = COST_QUICK;\n    pick_update(n, kind);")),
            Steps{"quick_step"});
  EXPECT_EQ(stepsReached(parameterProgram(
                "    int kind = COST_QUICK;\n    if (argc > 3) kind = COST_RESILIENT;\n    pick_update(n, kind);")),
            (Steps{"quick_step", "resilient_step"}));
  EXPECT_EQ(stepsReached(parameterProgram("    int kind = COST_QUICK;\n    kind += argc;\n    pick_update(n, kind);")),
            (Steps{"quick_step", "resilient_step"}))
      << "changed in place: anything";
}

TEST(DispatchValues, FactsRecordTheBranchesAndTheWrites) {
  TUFacts tu = parse(program(kSwitch, "  net_set_algorithm(n, ALG_BATCH);"), false, "train.c");
  const FunctionFacts *epoch = functionNamed(tu, "train_epoch");
  ASSERT_NE(epoch, nullptr);
  auto call = std::find_if(epoch->calls.begin(), epoch->calls.end(),
                           [](const CallFact &c) { return c.calleeName == "batch_step"; });
  ASSERT_NE(call, epoch->calls.end());
  ASSERT_EQ(call->fieldBranches.size(), 1u);
  EXPECT_EQ(call->fieldBranches[0].field, "net::algorithm");
  EXPECT_EQ(call->fieldBranches[0].text, "n->algorithm");
  ASSERT_EQ(call->fieldBranches[0].values.size(), 1u);
  EXPECT_EQ(call->fieldBranches[0].values[0].value, 2);
  EXPECT_EQ(call->fieldBranches[0].values[0].spelling, "ALG_BATCH");
  const FunctionFacts *setter = functionNamed(tu, "net_set_algorithm");
  ASSERT_NE(setter, nullptr);
  ASSERT_EQ(setter->fieldWrites.size(), 1u);
  EXPECT_EQ(setter->fieldWrites[0].kind, "parameter");
  EXPECT_EQ(setter->fieldWrites[0].parameter, 1);
  const FunctionFacts *create = functionNamed(tu, "net_create");
  ASSERT_NE(create, nullptr);
  ASSERT_EQ(create->fieldWrites.size(), 1u);
  EXPECT_EQ(create->fieldWrites[0].kind, "constant");
  EXPECT_EQ(create->fieldWrites[0].value.spelling, "ALG_RESILIENT");
}

TEST(DispatchValues, FactsRecordCxxDefaultsAndAggregateInitialisers) {
  TUFacts tu = parse(R"(
struct Base { int a; };
enum class Mode { A, B };
struct Opts : Base { Mode mode = Mode::A; };
Opts make() { return Opts{{1}, Mode::B}; }
)", true, "opts.cpp");
  auto record = std::find_if(tu.records.begin(), tu.records.end(),
                             [](const RecordFacts &r) { return r.qualifiedName == "Opts"; });
  ASSERT_NE(record, tu.records.end());
  ASSERT_EQ(record->fieldWrites.size(), 1u);
  EXPECT_EQ(record->fieldWrites[0].field, "Opts::mode");
  EXPECT_EQ(record->fieldWrites[0].value.spelling, "Mode::A");
  const FunctionFacts *make = functionNamed(tu, "make");
  ASSERT_NE(make, nullptr);
  std::vector<std::string> writes;
  for (const FieldWriteFact &w : make->fieldWrites)
    writes.push_back(w.field + "=" + w.kind + ":" + w.value.spelling);
  // The base's initialiser comes first in the braces: `a` gets 1, `mode` gets Mode::B.
  std::sort(writes.begin(), writes.end());
  EXPECT_EQ(writes, (std::vector<std::string>{"Base::a=constant:1", "Opts::mode=constant:Mode::B"}));
}

} // namespace
} // namespace tourguide::indexer::test
