// `tourguide index` on a repo with broken TUs, a missing header, a huge file and a program
// that is not ML: the rest is still reported, and the summary and exit code say so.
#include "IndexCommand.h"
#include "TempDirTest.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

#include <set>
#include <string>
#include <vector>

namespace tourguide::indexer {
namespace {

/// A repo written into a fresh temporary folder, and `tourguide index` run on it in-process.
class RepoInTempDir : public test::TempDirTest {
protected:
  int run(std::vector<std::string> args) {
    std::vector<const char *> argv{"tourguide index"};
    for (const std::string &a : args)
      argv.push_back(a.c_str());
    return runIndexCommand(static_cast<int>(argv.size()), argv.data());
  }
};

class BrokenRepo : public RepoInTempDir {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("tourguide-robust", dir));
    write("train.c", R"(#include <math.h>
static float W[4], x[2], y[2], g[4];
static void forward(void) { for (int i = 0; i < 2; ++i) for (int j = 0; j < 2; ++j) y[i] += W[i * 2 + j] * x[j]; }
static void update(float lr) { for (int i = 0; i < 4; ++i) W[i] -= lr * g[i]; }
int main(void) { for (int epoch = 0; epoch < 3; ++epoch) { forward(); update(0.1f); } return 0; }
)");
    write("syntax.c", "int broken(void) { return 1 +; }\n");
    write("missing.c", "#include \"no_such_header.h\"\nint missing(void) { return 0; }\n");
    write("wc.c", R"(#include <stdio.h>
int main(int argc, char **argv) { int n = 0; for (int i = 1; i < argc; ++i) n += argv[i][0] == 'x'; printf("%d\n", n); return 0; }
)");
    write("huge.c", "int huge(void) { return 0; }\n" + std::string(2u << 20, '\n'));
    std::string db = "[";
    for (const char *f : {"train.c", "syntax.c", "missing.c", "wc.c", "huge.c"}) {
      std::string stem = llvm::sys::path::stem(f).str();
      db += std::string(db.size() > 1 ? "," : "") + "{\"directory\":\"" + std::string(dir) +
            "\",\"command\":\"cc -c " + f + " -o " + stem + ".o\",\"file\":\"" + f + "\"}";
    }
    write("compile_commands.json", db + "]");
  }

  nlohmann::json readJson(const std::string &path) {
    auto buf = llvm::MemoryBuffer::getFile(path);
    EXPECT_TRUE(bool(buf));
    return buf ? nlohmann::json::parse((*buf)->getBuffer().str()) : nlohmann::json();
  }
};

TEST_F(BrokenRepo, ReportsTheRestAndCountsErrors) {
  std::string out = std::string(dir) + "/findings.json";
  int rc = run({"-p", std::string(dir), "--format=json", "-o", out, "--max-tu-size=1", "--quiet", "-j", "2"});
  EXPECT_EQ(rc, 1) << "some TUs had errors";
  nlohmann::json j = readJson(out);
  EXPECT_EQ(j["summary"]["tus"], 5);
  EXPECT_EQ(j["summary"]["with_errors"], 2);
  EXPECT_EQ(j["summary"]["skipped"], 1);
  EXPECT_EQ(j["summary"]["parsed"], 4);
  std::string line = j["summary"]["line"];
  EXPECT_NE(line.find("2 with errors"), std::string::npos) << line;
  bool trainFound = false, wcOther = false;
  for (const auto &e : j["entry_points"]) {
    trainFound |= e["program"] == "train" && e["kind"] == "train";
    wcOther |= e["program"] == "wc" && e["kind"] == "other";
  }
  EXPECT_TRUE(trainFound);
  EXPECT_TRUE(wcOther);
  bool loop = false;
  for (const auto &s : j["stages"])
    loop |= s["stage"] == "loop" && s["entry"] == "train" && s["line"] == 5;
  EXPECT_TRUE(loop);
  bool missingHeaderReported = false;
  for (const auto &p : j["problems"])
    for (const auto &m : p["messages"])
      missingHeaderReported |= m.get<std::string>().find("no_such_header.h") != std::string::npos;
  EXPECT_TRUE(missingHeaderReported);
}

TEST_F(BrokenRepo, NonMLCodeSaysNoTrainingLoop) {
  std::string out = std::string(dir) + "/wc.json";
  int rc = run({"-p", std::string(dir), "--format=json", "-o", out, "--quiet", "wc.c"});
  EXPECT_EQ(rc, 1) << "parsed cleanly, but no training loop";
  nlohmann::json j = readJson(out);
  EXPECT_EQ(j["summary"]["tus"], 1);
  EXPECT_TRUE(j["stages"].empty());
  bool note = false;
  for (const auto &n : j["notes"])
    note |= n == "no training loop found";
  EXPECT_TRUE(note);
}

TEST_F(BrokenRepo, WritesAValidTourPerEntryPoint) {
  std::string tours = std::string(dir) + "/.tours";
  int rc = run({"-p", std::string(dir), "train.c"});
  EXPECT_EQ(rc, 0);
  EXPECT_TRUE(llvm::sys::fs::exists(tours + "/train.json"));
}

TEST_F(BrokenRepo, BadUsageIsAnError) {
  EXPECT_EQ(run({"-p", std::string(dir) + "/nowhere"}), 2);
  EXPECT_EQ(run({"-p", std::string(dir), "no_such_source.c"}), 2);
}


/// A repo whose two programs are both `main` (tools/train/main.c, tools/eval/main.c).
class TwoMains : public RepoInTempDir {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("tourguide-two-mains", dir));
    for (const char *tool : {"train", "eval"}) {
      llvm::SmallString<256> folder(dir);
      llvm::sys::path::append(folder, "tools", tool);
      ASSERT_FALSE(llvm::sys::fs::create_directories(folder));
    }
    write("tools/train/main.c", R"(static float W[4], x[2], y[2], g[4];
static void forward(void) { for (int i = 0; i < 2; ++i) for (int j = 0; j < 2; ++j) y[i] += W[i * 2 + j] * x[j]; }
static void update(float lr) { for (int i = 0; i < 4; ++i) W[i] -= lr * g[i]; }
int main(void) { for (int epoch = 0; epoch < 3; ++epoch) { forward(); update(0.1f); } return 0; }
)");
    write("tools/eval/main.c", R"(static float W[4], x[2], y[2];
static void forward(void) { for (int i = 0; i < 2; ++i) for (int j = 0; j < 2; ++j) y[i] += W[i * 2 + j] * x[j]; }
static int accuracy(const int *label) { int correct = 0; for (int i = 0; i < 2; ++i) if ((y[i] > 0) == label[i]) ++correct; return correct; }
int main(void) { int label[2] = {1, 0}; for (int b = 0; b < 3; ++b) { forward(); accuracy(label); } return 0; }
)");
    std::string db = "[";
    for (const char *tool : {"train", "eval"})
      db += std::string(db.size() > 1 ? "," : "") + "{\"directory\":\"" + std::string(dir) + "/tools/" + tool +
            "\",\"command\":\"cc -c main.c -o main.o\",\"file\":\"main.c\"}";
    write("compile_commands.json", db + "]");
  }
};

/// A libtorch-style loop that calls `loss.backward();` twice: the backward stop's line does not
/// name it alone, and the watched `loss` starts the line the placement looks past.
class BackwardTwice : public RepoInTempDir {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("tourguide-backward-twice", dir));
    write("train.cpp", R"(namespace at { struct Tensor { void backward() const; }; Tensor mse_loss(const Tensor &, const Tensor &); }
namespace torch { using at::Tensor; namespace optim { struct SGD { void zero_grad(); void step(); }; } }
int main() {
  torch::optim::SGD optim;
  at::Tensor x, y;
  for (int step = 0; step < 10; ++step) {
    optim.zero_grad();
    at::Tensor loss = at::mse_loss(x, y);
    loss.backward();
    optim.step();
    loss.backward();
  }
  return 0;
}
)");
    write("compile_commands.json", "[{\"directory\":\"" + std::string(dir) +
                                       "\",\"command\":\"c++ -c train.cpp -o train.o\",\"file\":\"train.cpp\"}]");
  }
};

/// A C++ trainer whose first include is a dependency this machine lacks, and whose model is
/// reached only through a template (as a libtorch module is, behind ModuleHolder::operator->).
/// Clang makes the missing include a fatal error and then instantiates no template; and more
/// than 20 errors (each use of the missing library) would be fatal too.
class MissingDependency : public RepoInTempDir {
protected:
  void SetUp() override {
    ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("tourguide-missing-dependency", dir));
    std::string uses;
    for (int i = 0; i < 25; ++i)
      uses += "  argparse::flag(" + std::to_string(i) + ");\n";
    write("train.cpp", R"(#include "argparse/argparse.hpp"
template <class T> struct Holder {
  T impl;
  T *operator->() { return &impl; }
};
struct Model {
  float w[4], g[4];
  float forward(const float *x) { float y = 0; for (int i = 0; i < 4; ++i) y += w[i] * x[i]; return y; }
  void step(float lr) { for (int i = 0; i < 4; ++i) w[i] -= lr * g[i]; }
};
int main() {
)" + uses + R"(  Holder<Model> model;
  float x[4] = {1, 2, 3, 4};
  for (int epoch = 0; epoch < 3; ++epoch) {
    float y = model->forward(x);
    model->step(0.1f * y);
  }
  return 0;
}
)");
    write("compile_commands.json", "[{\"directory\":\"" + std::string(dir) +
                                       "\",\"command\":\"c++ -c train.cpp -o train.o\",\"file\":\"train.cpp\"}]");
  }
};

TEST_F(MissingDependency, CodeAfterTheMissingIncludeIsStillRead) {
  std::string out = std::string(dir) + "/findings.json";
  EXPECT_EQ(run({"-p", std::string(dir), "--format=json", "-o", out, "--quiet", "--root", std::string(dir)}), 1)
      << "the TU has errors";
  auto buf = llvm::MemoryBuffer::getFile(out);
  ASSERT_TRUE(bool(buf));
  nlohmann::json j = nlohmann::json::parse((*buf)->getBuffer().str());
  ASSERT_EQ(j["entry_points"].size(), 1u) << j.dump(1);
  EXPECT_EQ(j["entry_points"][0]["kind"], "train") << j.dump(1);
  std::set<std::string> found;
  for (const auto &s : j["stages"])
    found.insert(s["stage"].get<std::string>() + " " + s["function"].get<std::string>());
  EXPECT_TRUE(found.count("optimizer Model::step")) << j["stages"].dump(1);
  EXPECT_TRUE(found.count("model Model::forward")) << j["stages"].dump(1);
  std::string messages = j["problems"].dump();
  EXPECT_NE(messages.find("argparse/argparse.hpp"), std::string::npos) << messages;
}

TEST_F(BackwardTwice, AWatchedNameStartingALineIsPlacedWithoutCrashing) {
  std::string out = std::string(dir) + "/findings.json";
  EXPECT_EQ(run({"-p", std::string(dir), "--format=json", "-o", out, "--quiet", "--root", std::string(dir)}), 0);
  EXPECT_TRUE(llvm::sys::fs::exists(out));
}

TEST_F(TwoMains, EachProgramGetsItsOwnDraftFile) {
  std::string out = std::string(dir) + "/drafts";
  run({"-p", std::string(dir), "-o", out, "--quiet", "--root", std::string(dir)});
  EXPECT_TRUE(llvm::sys::fs::exists(out + "/train-main.json"));
  EXPECT_TRUE(llvm::sys::fs::exists(out + "/eval-main.json"));
  EXPECT_FALSE(llvm::sys::fs::exists(out + "/main.json"));
}

TEST_F(TwoMains, ACutOffDatabaseIsAnError) {
  write("compile_commands.json", "[{\"directory\":\"" + std::string(dir) +
                                     "/tools/train\",\"command\":\"cc -c main.c -o main.o\",\"file\":\"main.c\"},");
  std::string out = std::string(dir) + "/findings.json";
  EXPECT_EQ(run({"-p", std::string(dir), "--format=json", "-o", out, "--quiet"}), 2);
  EXPECT_FALSE(llvm::sys::fs::exists(out));
}

} // namespace
} // namespace tourguide::indexer
