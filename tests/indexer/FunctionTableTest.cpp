// Calls through a table of functions: a graph library keeps its operators in an array of
// function pointers and runs a node with `op_list[p->op](p, FORWARD)`. The node's operator
// number is set by the constructors the program calls (through a helper that passes it on), so
// the operators the program's graph uses are the table's entries at those numbers. The program
// is kann's shape in a few lines.
#include "TestCode.h"

#include "tourguide/indexer/Findings.h"
#include "tourguide/indexer/ProgramIndex.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>

namespace tourguide::indexer::test {
namespace {

/// `{LOAD}` is the body of graph_load (a saved graph's reader), `{EVAL}` the call main makes
/// to run the graph.
std::string graphProgram(const std::string &load) {
  std::string code = R"(#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#define ACT_FORWARD 1
#define ACT_BACKWARD 2
#define ACT_SYNC_DIM 3
typedef struct node { int op; int n; float *x, *g; struct node *child[2]; } node;
typedef int (*op_f)(node *, int);
int op_matmul(node *p, int action) {
  if (action == ACT_FORWARD)
    for (int i = 0; i < p->n; ++i)
      for (int j = 0; j < p->n; ++j)
        p->x[i] += p->child[0]->x[j] * p->child[1]->x[i * p->n + j];
  return 0;
}
int op_conv(node *p, int action) {
  if (action == ACT_FORWARD)
    for (int i = 0; i < p->n; ++i)
      for (int k = 0; k < 3; ++k)
        p->x[i] += p->child[0]->x[i + k] * p->child[1]->x[k];
  return 0;
}
int op_cross_entropy(node *p, int action) {
  float cost = 0;
  for (int i = 0; i < p->n; ++i)
    cost -= p->child[1]->x[i] * logf(p->child[0]->x[i]);
  p->x[0] = cost;
  return 0;
}
int op_max(node *p, int action) {
  if (action == ACT_FORWARD)
    for (int i = 0; i < p->n; ++i)
      if (p->x[i] < p->child[0]->x[i]) p->x[i] = p->child[0]->x[i];
  return 0;
}
op_f op_list[] = {0, op_matmul, op_conv, op_cross_entropy, op_max};
static node *new_core(int n, int op) {
  node *s = calloc(1, sizeof(node));
  s->op = op, s->n = n;
  return s;
}
static node *op2_core(int op, node *a, node *b) {
  node *s = new_core(a->n, op);
  s->child[0] = a, s->child[1] = b;
  return s;
}
node *g_matmul(node *a, node *b) { return op2_core(1, a, b); }
node *g_conv(node *a, node *b) { return op2_core(2, a, b); }
node *g_cross_entropy(node *a, node *b) { return op2_core(3, a, b); }
node *g_max(node *a) { return op2_core(4, a, a); }
void graph_eval(int n, node **v) {
  for (int i = 0; i < n; ++i)
    if (v[i]->child[0])
      op_list[v[i]->op](v[i], ACT_FORWARD);
}
void graph_grad(int n, node **v) {
  for (int i = n - 1; i >= 0; --i)
    if (v[i]->child[0])
      op_list[v[i]->op](v[i], ACT_BACKWARD);
}
const float *graph_eval_at(int n, node **v, int from) {
  for (int i = 0; i < n; ++i)
    v[i]->n = i <= from ? v[i]->n : 0;
  graph_eval(n, v);
  return v[from]->x;
}
float graph_cost(int n, node **v) {
  float cost = *graph_eval_at(n, v, n - 1);
  graph_grad(n, v);
  return cost;
}
void graph_sync(int n, node **v) {
  for (int i = 0; i < n; ++i)
    if (v[i]->child[0])
      op_list[v[i]->op](v[i], ACT_SYNC_DIM);
}
void graph_load(FILE *fp, node *p) {
{LOAD}
}
int main(int argc, char **argv) {
  node *x = new_core(4, 0), *w = new_core(4, 0), *t = new_core(4, 0);
  node *y = g_max(g_matmul(x, w));
  node *cost = g_cross_entropy(y, t);
  node *v[5] = {x, w, t, y, cost};
  if (argc > 1) {
    FILE *fp = fopen(argv[1], "rb");
    graph_load(fp, y);
  }
  graph_sync(5, v);
  graph_eval(5, v);
  graph_grad(5, v);
  printf("%g\n", graph_cost(5, v));
  printf("%g\n", cost->x[0]);
  return 0;
}
)";
  code.replace(code.find("{LOAD}"), 6, load);
  return code;
}

const char *const kNoLoad = "  (void)fp, (void)p;";
const char *const kLoadOp = "  fread(&p->op, sizeof p->op, 1, fp);";

struct Reached {
  std::vector<std::string> ops;          ///< op_* functions reported as the program's
  std::vector<std::string> alternatives; ///< op_* functions reported as alternatives only
};

Reached opsReached(const std::string &code) {
  std::vector<TUFacts> tus{parse(code, false, "graph.c")};
  ProgramIndex index(tus);
  Analysis a = analyse(index);
  Reached r;
  for (const Finding &f : a.findings) {
    if (!llvm::StringRef(f.function).startswith("op_"))
      continue;
    std::vector<std::string> &list = f.alternativeTo.empty() ? r.ops : r.alternatives;
    if (std::find(list.begin(), list.end(), f.function) == list.end())
      list.push_back(f.function);
  }
  for (auto *list : {&r.ops, &r.alternatives})
    std::sort(list->begin(), list->end());
  return r;
}

using Names = std::vector<std::string>;

TEST(FunctionTable, FactsRecordTheTableTheCallThroughItAndTheParametersPassedOn) {
  TUFacts tu = parse(graphProgram(kNoLoad), false, "graph.c");
  ASSERT_EQ(tu.tables.size(), 1u);
  const FunctionTableFact &table = tu.tables.front();
  EXPECT_EQ(table.name, "op_list");
  std::vector<int> indices;
  for (const auto &[i, usr] : table.entries)
    indices.push_back(i);
  EXPECT_EQ(indices, (std::vector<int>{1, 2, 3, 4})) << "the null entry is left out";
  const FunctionFacts *eval = functionNamed(tu, "graph_eval");
  ASSERT_NE(eval, nullptr);
  ASSERT_EQ(eval->calls.size(), 1u);
  EXPECT_EQ(eval->calls[0].table, table.usr);
  EXPECT_EQ(eval->calls[0].tableIndexField, "node::op");
  EXPECT_EQ(eval->calls[0].loop, 0);
  const FunctionFacts *core = functionNamed(tu, "op2_core");
  ASSERT_NE(core, nullptr);
  auto toNew = std::find_if(core->calls.begin(), core->calls.end(),
                            [](const CallFact &c) { return c.calleeName == "new_core"; });
  ASSERT_NE(toNew, core->calls.end());
  EXPECT_EQ(toNew->parameterArguments, (std::vector<std::pair<unsigned, unsigned>>{{1, 0}}))
      << "op2_core passes its parameter 0 (op) as new_core's argument 1";
}

TEST(FunctionTable, TheOperatorsTheProgramsGraphUsesAreReached) {
  // g_conv is defined but main builds no convolution: its operator number is never set.
  // op_max (a max-pooling: no product, no name a rule knows) is a model stage because the
  // graph's passes run it as a node's operator.
  EXPECT_EQ(opsReached(graphProgram(kNoLoad)).ops, (Names{"op_cross_entropy", "op_matmul", "op_max"}));
  EXPECT_EQ(opsReached(graphProgram(kNoLoad)).alternatives, Names{});
}

TEST(FunctionTable, AnOperatorNumberReadFromAFileMakesTheOthersAlternatives) {
  Reached r = opsReached(graphProgram(kLoadOp));
  EXPECT_EQ(r.ops, (Names{"op_cross_entropy", "op_matmul", "op_max"}));
  EXPECT_EQ(r.alternatives, Names{"op_conv"});
}

TEST(FunctionTable, WithNoOperatorNumberKnownEveryEntryIsReached) {
  // Nothing sets `op` to a constant (the constructors take it from the command line).
  std::string code = graphProgram(kNoLoad);
  for (const char *n : {"1", "3", "4"}) {
    std::string from = std::string("op2_core(") + n + ", a";
    code.replace(code.find(from), from.size(), "op2_core(atoi(getenv(\"OP\")), a");
  }
  EXPECT_EQ(opsReached(code).ops, (Names{"op_conv", "op_cross_entropy", "op_matmul", "op_max"}));
}

TEST(FunctionTable, ADispatchThatOnlySetsTheOperatorsUpRunsNoModel) {
  // graph_sync calls every node's operator with ACT_SYNC_DIM, an action that names no pass:
  // its loop neither runs the model nor evaluates it; graph_eval's (ACT_FORWARD) does.
  std::vector<TUFacts> tus{parse(graphProgram(kNoLoad), false, "graph.c")};
  ProgramIndex index(tus);
  Analysis a = analyse(index);
  std::vector<std::string> loops;
  for (const Finding &f : a.findings)
    if (f.stage == "loop")
      loops.push_back(f.function);
  EXPECT_EQ(std::count(loops.begin(), loops.end(), "graph_sync"), 0) << llvm::join(loops, ", ");
}

TEST(FunctionTable, ALoopRunningEachNodesOperatorIsTheModelsPass) {
  std::vector<TUFacts> tus{parse(graphProgram(kNoLoad), false, "graph.c")};
  ProgramIndex index(tus);
  Analysis a = analyse(index);
  auto pass = [&](const std::string &function) -> std::string {
    for (const Finding &f : a.findings)
      if (f.function == function && f.stage == "model")
        return f.role;
    return "(none)";
  };
  EXPECT_EQ(pass("graph_eval"), "forward");
  EXPECT_EQ(pass("graph_grad"), "backward") << "ACT_BACKWARD says which pass";
  EXPECT_EQ(pass("graph_sync"), "(none)");
  // The function that asks for the pass, marking which node to compute in a loop that calls
  // nothing, is the model's forward too; the one named for the cost runs both passes: it is
  // the loss's step, not the model.
  EXPECT_EQ(pass("graph_eval_at"), "forward");
  EXPECT_EQ(pass("graph_cost"), "(none)");
}

TEST(FunctionTable, TheEvidenceSaysWhereTheOperatorNumberIsSet) {
  std::vector<TUFacts> tus{parse(graphProgram(kNoLoad), false, "graph.c")};
  ProgramIndex index(tus);
  Analysis a = analyse(index);
  auto matmul = std::find_if(a.findings.begin(), a.findings.end(),
                             [](const Finding &f) { return f.function == "op_matmul"; });
  ASSERT_NE(matmul, a.findings.end());
  std::string texts;
  for (const Evidence &e : matmul->evidence)
    texts += e.text + "\n";
  EXPECT_NE(texts.find("op_list[op] with op 1 (set by op2_core in g_matmul)"), std::string::npos) << texts;
}

} // namespace
} // namespace tourguide::indexer::test
