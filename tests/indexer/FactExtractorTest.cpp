// What the per-TU extraction copies out of the AST.
#include "TestCode.h"

#include <algorithm>

namespace tourguide::indexer::test {
namespace {

bool hasStatement(const FunctionFacts &fn, const std::string &kind, unsigned line) {
  return std::any_of(fn.statements.begin(), fn.statements.end(),
                     [&](const StatementFact &s) { return s.kind == kind && s.line == line; });
}

TEST(FactExtractor, FunctionsLoopsAndCalls) {
  TUFacts tu = parse(R"(void step(float *w, float lr);
void train(float *w, int epochs, int batches) {
  for (int epoch = 0; epoch < epochs; ++epoch) {
    int b = 0;
    while (b < batches) {
      step(w, 0.1f);
      ++b;
    }
  }
}
)");
  const FunctionFacts *train = functionNamed(tu, "train");
  ASSERT_NE(train, nullptr);
  EXPECT_EQ(train->line, 2u);
  ASSERT_EQ(train->loops.size(), 2u);
  EXPECT_EQ(train->loops[0].keyword, "for");
  EXPECT_EQ(train->loops[0].line, 3u);
  EXPECT_EQ(train->loops[0].counter, "epoch");
  EXPECT_EQ(train->loops[1].keyword, "while");
  EXPECT_EQ(train->loops[1].parent, 0);
  ASSERT_EQ(train->calls.size(), 1u);
  EXPECT_EQ(train->calls[0].calleeName, "step");
  EXPECT_EQ(train->calls[0].line, 6u);
  EXPECT_EQ(train->calls[0].loop, 1) << "the call sits in the inner loop";
  EXPECT_EQ(train->calls[0].calleeUsr, "c:@F@step");
}

TEST(FactExtractor, StatementsOnTheirLines) {
  TUFacts tu = parse(R"(#include <math.h>
void f(float *w, const float *g, float lr, float *y, const float *x, int n, int label, int guess) {
  for (int i = 0; i < n; ++i) w[i] -= lr * g[i];
  for (int i = 0; i < n; ++i) y[0] += w[i] * x[i];
  float loss = -logf(y[0]);
  int correct = 0;
  if (guess == label) correct++;
  (void)loss;
}
)");
  const FunctionFacts *f = functionNamed(tu, "f");
  ASSERT_NE(f, nullptr);
  EXPECT_TRUE(hasStatement(*f, "param_update", 3));
  EXPECT_TRUE(hasStatement(*f, "lr_update", 3));
  EXPECT_TRUE(hasStatement(*f, "mac", 4));
  EXPECT_FALSE(hasStatement(*f, "param_update", 4)) << "+= of a product is accumulation, not an update";
  EXPECT_TRUE(hasStatement(*f, "log_call", 5));
  EXPECT_TRUE(hasStatement(*f, "argmax_compare", 7));
  EXPECT_TRUE(hasStatement(*f, "count_correct", 7));
  const StatementFact *update = nullptr;
  for (const StatementFact &s : f->statements)
    if (s.kind == "param_update")
      update = &s;
  ASSERT_NE(update, nullptr);
  EXPECT_EQ(update->text, "for (int i = 0; i < n; ++i) w[i] -= lr * g[i];");
  EXPECT_EQ(update->target, "w[i]");
  EXPECT_NE(std::find(update->variables.begin(), update->variables.end(), "lr"), update->variables.end());
}

TEST(FactExtractor, WhereTheProgramGoesAfterAStatementALoopOrACall) {
  TUFacts tu = parse(R"(#include <stdio.h>
float dot(const float *w, const float *x, int n);
void f(FILE *in, float *y, const float *w, const float *x, int n) {
  int rows;
  if (fscanf(in, "%d", &rows) != 1)
    return;
  for (int o = 0; o < 2; ++o) {
    float sum = 0;
    for (int j = 0; j < n; ++j) { sum += w[j] * x[j]; }

    y[o] = sum;
    y[o] = 0;
    for (int j = 0; j < n; ++j)
      y[o] += w[j] * x[j];
  }
  float z = dot(w, x, n);
  while (fscanf(in, "%d", &rows) == 1)
    z += rows;
}
)");
  const FunctionFacts *f = functionNamed(tu, "f");
  ASSERT_NE(f, nullptr);
  auto statement = [&](const std::string &kind, unsigned line) -> const StatementFact * {
    for (const StatementFact &s : f->statements)
      if (s.kind == kind && s.line == line)
        return &s;
    return nullptr;
  };
  const StatementFact *header = statement("file_read", 5);
  ASSERT_NE(header, nullptr);
  EXPECT_EQ(header->fullLine, 5u);
  EXPECT_EQ(header->fullEndLine, 6u) << "the whole if";
  EXPECT_EQ(header->afterLine, 7u);
  EXPECT_EQ(header->afterText, "for (int o = 0; o < 2; ++o) {");
  const StatementFact *sum = statement("mac", 9);
  ASSERT_NE(sum, nullptr);
  EXPECT_EQ(sum->accumulator, "sum");
  ASSERT_EQ(f->loops.size(), 4u);
  EXPECT_EQ(sum->sumLoop, 1) << "sums over j, not over o (declared in it)";
  EXPECT_EQ(sum->afterLine, 0u) << "the last statement of the loop's body";
  EXPECT_EQ(f->loops[1].afterLine, 11u) << "past the blank line";
  EXPECT_EQ(f->loops[1].afterText, "y[o] = sum;");
  EXPECT_EQ(f->loops[1].writes, (std::vector<std::string>{"j", "sum"}));
  EXPECT_EQ(f->loops[1].blockLine, 7u) << "a statement of the block of the loop over o";
  EXPECT_EQ(header->blocks, (std::vector<unsigned>{3})) << "the function's body";
  EXPECT_EQ(sum->blocks, (std::vector<unsigned>{9, 7, 3}));
  const StatementFact *element = statement("mac", 14);
  ASSERT_NE(element, nullptr);
  EXPECT_EQ(element->accumulator, "y[o]");
  EXPECT_EQ(element->sumLoop, 2) << "y[o] is reset in the loop over o, and o moves there";
  EXPECT_EQ(f->loops[2].afterLine, 0u) << "the loop ends the body of the loop over o";
  EXPECT_EQ(f->loops[0].afterLine, 16u);
  const StatementFact *more = statement("file_read", 17);
  ASSERT_NE(more, nullptr);
  EXPECT_EQ(more->afterLine, 18u) << "a read in a loop's test: its values are there in the body";
  EXPECT_EQ(more->fullEndLine, 17u) << "what it steps past is the test, not the whole loop";
  EXPECT_EQ(f->loops[3].afterLine, 19u) << "the function's closing brace";
  EXPECT_EQ(f->loops[3].afterText, "}");
  auto call = std::find_if(f->calls.begin(), f->calls.end(), [](const CallFact &c) { return c.calleeName == "dot"; });
  ASSERT_NE(call, f->calls.end());
  EXPECT_EQ(call->storedIn, "z");
  EXPECT_EQ(call->afterLine, 17u);
  auto read = std::find_if(f->calls.begin(), f->calls.end(), [](const CallFact &c) { return c.calleeName == "fscanf"; });
  ASSERT_NE(read, f->calls.end());
  EXPECT_EQ(read->storedIn, "") << "compared, not stored";
}

TEST(FactExtractor, ThePlaceAfterALoopHasCode) {
  TUFacts tu = parse(R"(void g(const float *x, int n, float *out) {
  float s = 0;
  for (int i = 0; i < n; ++i)
    s += x[i];
  float unset;
  ;
  out[0] = s;
  (void)unset;
}
)");
  const FunctionFacts *g = functionNamed(tu, "g");
  ASSERT_NE(g, nullptr);
  ASSERT_EQ(g->loops.size(), 1u);
  EXPECT_EQ(g->loops[0].afterLine, 7u) << "not the declaration without a value, nor the empty statement";
  EXPECT_EQ(g->loops[0].afterText, "out[0] = s;");
}

TEST(FactExtractor, VirtualCallsAndOverrides) {
  TUFacts tu = parse(R"(
struct Layer { virtual ~Layer() = default; virtual void forward(float *x) = 0; };
struct Relu : Layer { void forward(float *x) override { if (*x < 0) *x = 0; } };
void run(Layer &l, float *x) { l.forward(x); }
)", true);
  const FunctionFacts *relu = functionNamed(tu, "Relu::forward");
  ASSERT_NE(relu, nullptr);
  EXPECT_TRUE(relu->isVirtual);
  ASSERT_EQ(relu->overrides.size(), 1u);
  const FunctionFacts *run = functionNamed(tu, "run");
  ASSERT_NE(run, nullptr);
  ASSERT_EQ(run->calls.size(), 1u);
  EXPECT_TRUE(run->calls[0].isVirtual);
  EXPECT_EQ(run->calls[0].calleeUsr, relu->overrides[0]) << "the call names the base method";
}

TEST(FactExtractor, TemplateCallsGoToThePatternAndDependentCallsKeepTheirName) {
  TUFacts tu = parse(R"(
template <class M> void fit(M &m) { for (int e = 0; e < 3; ++e) m.apply(); }
struct Net { void apply() {} };
int main() { Net n; fit(n); }
)", true);
  const FunctionFacts *fit = functionNamed(tu, "fit");
  const FunctionFacts *main = functionNamed(tu, "main");
  ASSERT_NE(fit, nullptr);
  ASSERT_NE(main, nullptr);
  EXPECT_TRUE(main->isMain);
  auto call = std::find_if(main->calls.begin(), main->calls.end(),
                           [](const CallFact &c) { return c.calleeName == "fit"; });
  ASSERT_NE(call, main->calls.end());
  EXPECT_EQ(call->calleeUsr, fit->usr) << "fit<Net> is indexed as its template";
  ASSERT_EQ(fit->calls.size(), 1u);
  EXPECT_EQ(fit->calls[0].calleeName, "apply");
  EXPECT_TRUE(fit->calls[0].calleeUsr.empty()) << "dependent: resolved by name later";
}

TEST(FactExtractor, LambdaIsItsOwnFunctionNamedAfterItsHolder) {
  TUFacts tu = parse(R"(
int main() {
  int correct = 0;
  auto check = [&](int guess, int label) {
    if (guess == label) ++correct;
  };
  check(1, 1);
  return correct;
}
)", true);
  const FunctionFacts *lambda = nullptr;
  for (const FunctionFacts &f : tu.functions)
    if (f.isLambda)
      lambda = &f;
  ASSERT_NE(lambda, nullptr);
  EXPECT_EQ(lambda->qualifiedName, "main");
  EXPECT_EQ(lambda->line, 4u);
  EXPECT_TRUE(hasStatement(*lambda, "argmax_compare", 5));
  const FunctionFacts *main = functionNamed(tu, "main");
  ASSERT_NE(main, nullptr);
  EXPECT_TRUE(std::any_of(main->calls.begin(), main->calls.end(),
                          [&](const CallFact &c) { return c.calleeUsr == lambda->usr; }));
}

TEST(FactExtractor, AFieldWriteSaysWhetherAnOptionOrACommandSetsIt) {
  // fasttext's Args: `supervised` sets the loss for itself, `-loss hs` is an option's value, and
  // save() hands the field's address to a pointer-to-const parameter: a read, no write.
  TUFacts tu = parse(R"(#include <string>
#include <vector>
#include <ostream>
struct Args {
  int loss = 2;
  void parse(const std::vector<std::string> &args) {
    std::string command(args[1]);
    if (command == "supervised")
      loss = 3;
    for (size_t ai = 2; ai + 1 < args.size(); ai += 2)
      if (args[ai] == "-loss") {
        if (args.at(ai + 1) == "hs")
          loss = 1;
      }
  }
  void save(std::ostream &out) { out.write((char *)&(loss), sizeof(loss)); }
};
)", true);
  const FunctionFacts *parse = functionNamed(tu, "Args::parse");
  ASSERT_NE(parse, nullptr);
  ASSERT_EQ(parse->fieldWrites.size(), 2u);
  EXPECT_EQ(parse->fieldWrites[0].line, 9u);
  EXPECT_FALSE(parse->fieldWrites[0].option);
  EXPECT_EQ(parse->fieldWrites[0].command, std::vector<std::string>{"supervised"});
  EXPECT_EQ(parse->fieldWrites[1].line, 13u);
  EXPECT_TRUE(parse->fieldWrites[1].option);
  const FunctionFacts *save = functionNamed(tu, "Args::save");
  ASSERT_NE(save, nullptr);
  EXPECT_TRUE(save->fieldWrites.empty()) << save->fieldWrites.front().kind;
}

TEST(FactExtractor, BrokenCodeStillYieldsWhatParsed) {
  TUFacts tu = parse(R"(
void good(float *w, const float *g, float lr) { w[0] -= lr * g[0]; }
void bad() { this is not C; }
)", false, "", /*errorOk=*/true);
  EXPECT_GT(tu.errorCount, 0u);
  EXPECT_NE(functionNamed(tu, "good"), nullptr);
}

} // namespace
} // namespace tourguide::indexer::test
