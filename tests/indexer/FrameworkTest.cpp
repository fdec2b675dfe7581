// Unfamiliar repos: whose code a file is, framework profiles (loading, errors, matching),
// and the analysis of programs that train through a framework's API. Code is held in
// strings; the framework is declared, never defined, as it is when a repo includes its headers.
#include "TestCode.h"

#include "tourguide/indexer/Findings.h"
#include "tourguide/indexer/FindingsJson.h"
#include "tourguide/indexer/ProgramIndex.h"
#include "tourguide/indexer/Profiles.h"
#include "tourguide/indexer/SourceOrigin.h"

#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/Path.h"

#include <algorithm>

namespace tourguide::indexer::test {
namespace {

std::string errorOf(const std::string &json) {
  auto p = parseProfile(json, "my.profile.json");
  if (p)
    return "(no error)";
  return llvm::toString(p.takeError());
}

TEST(ProfileLoader, ReadsAValidProfile) {
  auto p = parseProfile(R"({"tourguide_profile": 1, "framework": "mylib", "paths": ["*/mylib/*"],
    "calls": [{"match": "mylib::Trainer::fit", "stage": "loop", "role": "training", "what": "fits"}],
    "bases": [{"class": "mylib::Module", "method": "forward", "stage": "model", "role": "forward"}]})",
                        "my.profile.json");
  ASSERT_TRUE(static_cast<bool>(p)) << llvm::toString(p.takeError());
  EXPECT_EQ(p->name, "mylib");
  ASSERT_EQ(p->calls.size(), 1u);
  EXPECT_TRUE(p->calls[0].glob->match("mylib::Trainer::fit"));
  ProfileSet set({*p});
  auto m = set.matchCall("mylib::Trainer::fit");
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->stage, "loop");
  EXPECT_EQ(m->role, "training");
  EXPECT_FALSE(set.matchCall("other::fit").has_value());
  auto method = set.matchMethod({"struct mylib::Module"}, "forward");
  ASSERT_TRUE(method.has_value());
  EXPECT_EQ(method->stage, "model");
  EXPECT_EQ(set.frameworkOfFile("/src/mylib/core.h"), &set.all()[0]);
}

TEST(ProfileLoader, ErrorsNameTheFileAndThePointer) {
  EXPECT_EQ(errorOf("{"), "my.profile.json: /: not valid JSON");
  EXPECT_EQ(errorOf("[]"), "my.profile.json: /: a profile is a JSON object");
  EXPECT_EQ(errorOf(R"({"framework": "x"})"),
            "my.profile.json: /: missing \"tourguide_profile\" (the format version, 1)");
  EXPECT_EQ(errorOf(R"({"tourguide_profile": 2, "framework": "x"})"),
            "my.profile.json: /tourguide_profile: this tourguide reads profile format 1");
  EXPECT_EQ(errorOf(R"({"tourguide_profile": 1})"), "my.profile.json: /: missing \"framework\"");
  EXPECT_EQ(errorOf(R"({"tourguide_profile": 1, "framework": "x", "cals": []})"),
            "my.profile.json: /cals: unknown key (did you mean 'calls'?)");
  EXPECT_EQ(errorOf(R"({"tourguide_profile": 1, "framework": "x",
                       "calls": [{"match": "a", "stage": "optimiser"}]})"),
            "my.profile.json: /calls/0/stage: unknown stage 'optimiser' (did you mean 'optimizer'?)");
  EXPECT_EQ(errorOf(R"({"tourguide_profile": 1, "framework": "x",
                       "calls": [{"match": "a", "stage": "optimizer", "role": "zero-grad"}]})"),
            "my.profile.json: /calls/0/role: unknown role 'zero-grad' (did you mean 'zero_grad'?)");
  EXPECT_EQ(errorOf(R"({"tourguide_profile": 1, "framework": "x", "calls": [{"stage": "loss"}]})"),
            "my.profile.json: /calls/0: missing \"match\"");
  EXPECT_EQ(errorOf(R"({"tourguide_profile": 1, "framework": "x", "calls": [{"match": 3, "stage": "loss"}]})"),
            "my.profile.json: /calls/0/match: must be a string");
  EXPECT_EQ(errorOf(R"({"tourguide_profile": 1, "framework": "x", "paths": ["[z-a]"]})").substr(0, 43),
            "my.profile.json: /paths/0: bad pattern '[z-");
  EXPECT_EQ(errorOf(R"({"tourguide_profile": 1, "framework": "x", "bases": [{"class": "B", "stage": "model"}]})"),
            "my.profile.json: /bases/0: missing \"method\"");  EXPECT_EQ(errorOf(R"({"tourguide_profile": 1, "framework": "x",
                       "calls": [{"match": "a", "stage": "loop", "inside": {"stage": "loss"}}]})"),
            "my.profile.json: /calls/0/inside: must be an array of stages {\"stage\", \"role\", \"what\"}");
  EXPECT_EQ(errorOf(R"({"tourguide_profile": 1, "framework": "x",
                       "calls": [{"match": "a", "stage": "loop", "inside": [{"stage": "los"}]}]})"),
            "my.profile.json: /calls/0/inside/0/stage: unknown stage 'los' (did you mean 'loss'?)");
  EXPECT_EQ(errorOf(R"({"tourguide_profile": 1, "framework": "x",
                       "calls": [{"match": "a", "stage": "loop", "inside": [{"stage": "loss", "match": "b"}]}]})"),
            "my.profile.json: /calls/0/inside/0/match: unknown key");
}

TEST(ProfileLoader, ARuleForCallsThatPassAConstant) {
  EXPECT_EQ(errorOf(R"({"tourguide_profile": 1, "framework": "x",
                       "calls": [{"match": "a", "stage": "loop", "arguments": [4, 0]}]})"),
            "my.profile.json: /calls/0/arguments: must be an object from argument positions to integers ({\"4\": 0})");
  EXPECT_EQ(errorOf(R"({"tourguide_profile": 1, "framework": "x",
                       "calls": [{"match": "a", "stage": "loop", "arguments": {"fifth": 0}}]})"),
            "my.profile.json: /calls/0/arguments/fifth: an argument position is a number from 0 to 64");
  EXPECT_EQ(errorOf(R"({"tourguide_profile": 1, "framework": "x",
                       "calls": [{"match": "a", "stage": "loop", "arguments": {"4": "0"}}]})"),
            "my.profile.json: /calls/0/arguments/4: must be an integer (the constant the call passes)");
  auto p = parseProfile(R"({"tourguide_profile": 1, "framework": "x", "calls": [
    {"match": "epoch", "arguments": {"1": 0}, "stage": "loop", "role": "evaluation"},
    {"match": "epoch", "stage": "loop", "role": "training"}]})", "x");
  ASSERT_TRUE(static_cast<bool>(p)) << llvm::toString(p.takeError());
  ProfileSet set({*p});
  EXPECT_EQ(set.matchCall("epoch", {{1, 0}})->role, "evaluation");
  EXPECT_EQ(set.matchCall("epoch", {{1, 8}})->role, "training");
  EXPECT_EQ(set.matchCall("epoch", {{0, 0}})->role, "training") << "another position";
  EXPECT_EQ(set.matchCall("epoch")->role, "training") << "not a constant";
  EXPECT_EQ(set.matchCall("epoch", {{1, 0}, {1, 8}})->role, "training") << "a local that may be either";
}

TEST(ProfileLoader, MissingFileIsAnError) {
  auto p = loadProfile("/nonexistent/x.profile.json");
  ASSERT_FALSE(static_cast<bool>(p));
  EXPECT_NE(llvm::toString(p.takeError()).find("/nonexistent/x.profile.json: cannot read"), std::string::npos);
}

TEST(ProfileLoader, EveryShippedProfileLoads) {
  // builtinProfiles() skips (and reports) a profile that does not parse: all must be there.
  std::vector<std::string> names;
  for (const FrameworkProfile &p : builtinProfiles())
    names.push_back(p.name);
  for (const char *expected : {"libtorch", "tensorflow", "onnxruntime", "opencv", "dlib", "mlpack", "ggml",
                               "tiny-dnn", "kann", "xgboost", "dmlc", "fann", "libsvm"})
    EXPECT_NE(std::find(names.begin(), names.end(), expected), names.end()) << expected;
  auto step = ProfileSet::withBuiltins().matchCall("torch::optim::SGD::step");
  ASSERT_TRUE(step.has_value());
  EXPECT_EQ(step->role, "step");
  auto zero = ProfileSet::withBuiltins().matchCall("torch::optim::Optimizer::zero_grad");
  ASSERT_TRUE(zero.has_value());
  EXPECT_EQ(zero->stage, "optimizer");
  EXPECT_EQ(zero->role, "zero_grad"); // its own role, not "step"
}

/// A name the glob matches: each `*` or `?` a letter, each `[...]` its first character.
static std::string nameMatchedBy(const std::string &glob) {
  std::string name;
  for (size_t i = 0; i < glob.size(); ++i) {
    if (glob[i] == '*' || glob[i] == '?') {
      name += 'X';
    } else if (glob[i] == '[' && i + 1 < glob.size()) {
      name += glob[i + 1];
      i = glob.find(']', i + 2);
    } else {
      name += glob[i];
    }
  }
  return name;
}

TEST(ProfileLoader, NoShippedRuleIsHiddenByAnEarlierOne) {
  // The first rule that matches wins (docs/profiles.md): a general rule written before a specific
  // one hides it (`*l1_loss` before `*smooth_l1_loss` named the smooth L1 loss "the L1 loss";
  // `torch::optim::*::step` before `torch::optim::LRScheduler::step` called a scheduler step the
  // optimizer's step). A name each rule matches must get that rule's own meaning.
  ProfileSet all = ProfileSet::withBuiltins();
  for (const FrameworkProfile &p : builtinProfiles())
    for (const ProfileRule &r : p.calls) {
      if (!r.arguments.empty())
        continue; // an earlier rule may be this one's fallback for other arguments
      std::string name = nameMatchedBy(r.pattern);
      ASSERT_TRUE(r.glob->match(name)) << p.name << ": " << r.pattern << " does not match " << name;
      auto m = all.matchCall(name);
      ASSERT_TRUE(m.has_value()) << name;
      EXPECT_TRUE(m->profile == &p || m->profile->name == p.name) << r.pattern << " is hidden by " << m->profile->name;
      EXPECT_EQ(m->stage + "/" + m->role + ": " + m->what, r.stage + "/" + r.role + ": " + r.what)
          << p.name << ": " << r.pattern << " (" << name << ") is hidden by an earlier rule";
    }
}

TEST(ProfileLoader, AUserRuleWinsOverABuiltInOne) {
  auto mine = parseProfile(R"({"tourguide_profile": 1, "framework": "ours",
    "calls": [{"match": "torch::optim::SGD::step", "stage": "optimizer", "role": "scheduler"}]})", "ours");
  ASSERT_TRUE(static_cast<bool>(mine));
  ProfileSet set = ProfileSet::withBuiltins({*mine});
  EXPECT_EQ(set.matchCall("torch::optim::SGD::step")->role, "scheduler");
}

TEST(SourceOrigin, ClassifiesByPath) {
  ProfileSet profiles = ProfileSet::withBuiltins();
  auto origin = [&](const std::string &path) { return classifyPath(path, "/repo", profiles); };
  EXPECT_EQ(origin("/repo/src/train.cpp").origin, Origin::Own);
  EXPECT_EQ(origin("/repo/third_party/cereal/json.hpp").origin, Origin::Vendored);
  EXPECT_EQ(origin("/repo/third_party/cereal/json.hpp").why, "under third_party/");
  EXPECT_EQ(origin("/repo/external/x/y.c").origin, Origin::Vendored);
  EXPECT_EQ(origin("/repo/src/deps/lib.c").origin, Origin::Vendored);
  EXPECT_EQ(origin("/repo/io/rapidjson/reader.h").origin, Origin::Vendored);
  EXPECT_EQ(origin("/repo/utils/stb_image_resize.h").origin, Origin::Vendored);
  EXPECT_EQ(origin("/repo/include/json.hpp").origin, Origin::Vendored);
  // Protobuf's output, even checked in (sentencepiece's src/builtin_pb/), is generated code.
  EXPECT_EQ(origin("/repo/src/builtin_pb/sentencepiece_model.pb.h").origin, Origin::Vendored);
  EXPECT_EQ(origin("/repo/src/builtin_pb/sentencepiece_model.pb.h").why, "generated code (sentencepiece_model.pb.h)");
  EXPECT_EQ(origin("/repo/src/model.pb.cc").origin, Origin::Vendored);
  EXPECT_EQ(origin("/repo/src/probe.h").origin, Origin::Own);
  EXPECT_EQ(origin("/usr/include/stdio.h").origin, Origin::System);
  EXPECT_EQ(origin("/repo/../elsewhere/x.c").origin, Origin::System);
  FileOrigin torch = origin("/opt/libtorch/include/torch/csrc/api/include/torch/nn/module.h");
  EXPECT_EQ(torch.origin, Origin::Framework);
  EXPECT_EQ(torch.framework, "libtorch");
  // tiny-dnn's headers inside its own repo are a library its examples include...
  EXPECT_EQ(origin("/repo/tiny_dnn/network.h").origin, Origin::Framework);
  // ...but kann's implementation, built by the repo itself, is the repo's own code.
  EXPECT_EQ(classifyPath("/repo/kann.c", "/repo", profiles, {"kann"}).origin, Origin::Own);
  EXPECT_EQ(classifyPath("/repo/kann.c", "/repo", profiles).origin, Origin::Framework);
  // A checkout in a folder named like a framework is still the repo's own code.
  EXPECT_EQ(classifyPath("/home/me/dlib/examples/dnn.cpp", "/home/me/dlib", profiles).origin, Origin::Own);
  EXPECT_EQ(classifyPath("/home/me/dlib/dlib/dnn/core.h", "/home/me/dlib", profiles).origin, Origin::Framework);
}

// A libtorch MNIST trainer in the shape of pytorch/examples: the framework is declared only.
const char *const kTorchLike = R"(
namespace at { struct Tensor { void backward() const; Tensor argmax(int) const; }; 
               Tensor nll_loss(const Tensor &, const Tensor &); Tensor relu(const Tensor &); }
namespace torch {
using at::Tensor;
namespace nn { struct Module { void zero_grad(); void train(bool on = true); virtual ~Module(); };
               struct LinearImpl { Tensor forward(const Tensor &); }; }
namespace optim { struct Optimizer { void zero_grad(); virtual Tensor step(); };
                  struct SGD : Optimizer { SGD(double lr); Tensor step() override; }; }
namespace data { struct Batch { Tensor data, target; };
                 struct Loader { Batch *begin(); Batch *end(); };
                 Loader *make_data_loader(const char *path, int batch_size); }
void save(const nn::Module &m, const char *path);
}
struct Net : torch::nn::Module {
  torch::Tensor forward(torch::Tensor x) {
    x = torch::Tensor(fc1.forward(x));
    return at::relu(fc2.forward(x));
  }
  torch::nn::LinearImpl fc1, fc2;
};
template <typename DataLoader>
void train(Net &model, DataLoader &loader, torch::optim::Optimizer &optimizer) {
  model.train();
  for (auto &batch : loader) {
    optimizer.zero_grad();
    auto output = model.forward(batch.data);
    auto loss = at::nll_loss(output, batch.target);
    loss.backward();
    optimizer.step();
  }
}
int main() {
  Net model;
  auto *loader = torch::data::make_data_loader("data", 64);
  torch::optim::SGD optimizer(0.01);
  for (int epoch = 1; epoch <= 10; ++epoch) {
    train(model, *loader, optimizer);
  }
  torch::save(model, "model.pt");
}
)";

const Finding *findingOf(const Analysis &a, const std::string &stage, const std::string &role,
                         const std::string &function) {
  for (const Finding &f : a.findings)
    if (f.stage == stage && f.role == role && f.function == function)
      return &f;
  return nullptr;
}

/// The whole-program analysis of one translation unit held in a string.
Analysis analyseCode(const std::string &code, bool cxx, const std::string &fileName) {
  std::vector<TUFacts> tus{parse(code, cxx, fileName)};
  ProgramIndex index(tus);
  return analyse(index);
}

std::string listFindings(const Analysis &a) {
  std::string out;
  for (const Finding &f : a.findings)
    out += "\n  " + f.stage + "/" + f.role + " " + f.function + ":" + std::to_string(f.anchorLine) +
           (f.via.empty() ? "" : " via " + f.via);
  return out;
}

TEST(FrameworkAnalysis, ALibtorchTrainerTrainsThroughTheFrameworkApi) {
  Analysis a = analyseCode(kTorchLike, true, "mnist.cpp");
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].kind, "train") << listFindings(a);
  const Finding *zero = findingOf(a, "optimizer", "zero_grad", "train");
  ASSERT_NE(zero, nullptr) << listFindings(a);
  EXPECT_EQ(zero->via, "torch::optim::Optimizer::zero_grad");
  EXPECT_EQ(zero->anchorLine, 26u);
  const Finding *step = findingOf(a, "optimizer", "step", "train");
  ASSERT_NE(step, nullptr) << listFindings(a);
  EXPECT_EQ(step->via, "torch::optim::Optimizer::step"); // called through the base class
  EXPECT_EQ(step->anchorLine, 30u);
  EXPECT_EQ(step->framework, "libtorch");
  const Finding *backward = findingOf(a, "model", "backward", "train");
  ASSERT_NE(backward, nullptr) << listFindings(a);
  // `loss` has a type that depends on the template's parameter: known by its name only.
  EXPECT_EQ(backward->via, "backward");
  EXPECT_NE(findingOf(a, "loss", "", "train"), nullptr) << listFindings(a);
  EXPECT_NE(findingOf(a, "model", "forward", "Net::forward"), nullptr) << listFindings(a);
  EXPECT_NE(findingOf(a, "data", "loader", "main"), nullptr) << listFindings(a);
  EXPECT_NE(findingOf(a, "checkpoint", "save", "main"), nullptr) << listFindings(a);
  // The batch loop in train() reaches the update through the framework: a training loop.
  bool batchLoop = std::any_of(a.findings.begin(), a.findings.end(), [](const Finding &f) {
    return f.stage == "loop" && f.function == "train" && f.line == 25;
  });
  EXPECT_TRUE(batchLoop) << listFindings(a);
  // Backward and forward are separate findings, in the order the program runs them.
  std::vector<std::string> order;
  for (const Finding &f : a.findings)
    if (f.function == "train")
      order.push_back(f.stage + "/" + f.role);
  std::vector<std::string> expected = {"loop/batches", "optimizer/zero_grad", "loss/", "model/backward",
                                       "optimizer/step"};
  std::vector<std::string> got;
  for (const std::string &s : order)
    if (std::find(expected.begin(), expected.end(), s) != expected.end())
      got.push_back(s);
  EXPECT_EQ(got, expected) << listFindings(a);
}

TEST(FrameworkAnalysis, CallsInATemplateThatLookupAlreadyFoundAreNamedByWhatItFound) {
  // pytorch/examples' custom-dataset: train() is a template over the loader, so `data` and
  // `output` depend on it and neither call is resolved. The holder's type does not depend on it,
  // so lookup found SequentialImpl::forward; `torch::nll_loss` finds at::nll_loss's overloads.
  Analysis a = analyseCode(R"(
namespace at { struct Tensor { void backward() const; };
               Tensor nll_loss(const Tensor &, const Tensor &); Tensor nll_loss(const Tensor &, const Tensor &, int); }
namespace torch {
using namespace at;
namespace nn { struct SequentialImpl { template <typename Out = Tensor, typename... In> Out forward(In &&...in); };
               template <class Impl> struct ModuleHolder { Impl *operator->(); }; }
namespace optim { struct Optimizer { void zero_grad(); virtual Tensor step(); }; }
}
struct NetworkImpl : torch::nn::SequentialImpl {};
using Network = torch::nn::ModuleHolder<NetworkImpl>;
template <typename DataLoader>
void train(Network &network, DataLoader &loader, torch::optim::Optimizer &optimizer) {
  for (auto &batch : loader) {
    auto output = network->forward(batch.data);
    auto loss = torch::nll_loss(output, batch.target);
    optimizer.zero_grad();
    loss.backward();
    optimizer.step();
  }
}
struct Loader { struct B { at::Tensor data, target; }; B *begin(); B *end(); };
int main() {
  Network network;
  Loader loader;
  torch::optim::Optimizer optimizer;
  for (int epoch = 0; epoch < 10; ++epoch)
    train(network, loader, optimizer);
}
)",
                           true, "custom.cpp");
  const Finding *forward = findingOf(a, "model", "forward", "train");
  ASSERT_NE(forward, nullptr) << listFindings(a);
  EXPECT_EQ(forward->via, "torch::nn::SequentialImpl::forward");
  const Finding *loss = findingOf(a, "loss", "", "train");
  ASSERT_NE(loss, nullptr) << listFindings(a);
  EXPECT_EQ(loss->via, "at::nll_loss");
  EXPECT_EQ(loss->anchorLine, 16u);
}

TEST(ProfileLoader, ACallKnownByItsNameOnlyTakesTheMostGeneralRuleForIt) {
  // `model->forward(x)` on a template parameter: a layer's forward, not a loss module's, though
  // `torch::nn::*LossImpl::forward` comes first (it must, to win over the general rule).
  auto forward = ProfileSet::withBuiltins().matchDependentCall("forward", {"libtorch"});
  ASSERT_TRUE(forward.has_value());
  EXPECT_EQ(forward->stage + "/" + forward->role, "model/forward") << forward->what;
  auto step = ProfileSet::withBuiltins().matchDependentCall("step", {"libtorch"});
  ASSERT_TRUE(step.has_value());
  EXPECT_EQ(step->role, "step") << "not the scheduler's: " << step->what;
  EXPECT_FALSE(ProfileSet::withBuiltins().matchDependentCall("forward", {"ggml"}).has_value())
      << "only for a framework in use";
}

// pytorch/examples' dcgan: `using namespace torch;` then `struct G : nn::Module`. The base as
// written is `nn::Module`; the profile's rule names `torch::nn::Module`.
TEST(FrameworkAnalysis, AModuleBaseNamedThroughAUsingDirectiveIsTheFrameworksModule) {
  Analysis a = analyseCode(R"(
namespace at { struct Tensor { void backward() const; }; Tensor tanh(const Tensor &);
               Tensor binary_cross_entropy(const Tensor &, const Tensor &); }
namespace torch { using at::Tensor; using at::tanh;
namespace nn { struct Module { void zero_grad(); virtual ~Module(); };
               struct ConvTranspose2dImpl : Module { Tensor forward(const Tensor &); }; }
namespace optim { struct Adam { void zero_grad(); Tensor step(); }; } }
using namespace torch;
struct GeneratorImpl : nn::Module {
  Tensor forward(Tensor x) { return torch::tanh(conv.forward(x)); }
  nn::ConvTranspose2dImpl conv;
};
int main() {
  GeneratorImpl generator;
  optim::Adam optimizer;
  Tensor noise, labels;
  for (int step = 0; step < 100; ++step) {
    optimizer.zero_grad();
    Tensor out = generator.forward(noise);
    Tensor loss = at::binary_cross_entropy(out, labels);
    loss.backward();
    optimizer.step();
  }
}
)",
                           true, "dcgan.cpp");
  const Finding *forward = findingOf(a, "model", "forward", "GeneratorImpl::forward");
  ASSERT_NE(forward, nullptr) << listFindings(a);
  bool byBase = std::any_of(forward->evidence.begin(), forward->evidence.end(), [](const auto &e) {
    return e.text.find("overrides libtorch's `forward`") != std::string::npos;
  });
  EXPECT_TRUE(byBase) << "the forward was found by its name only";
  // It is the stop itself, not a call site of the layer it runs.
  EXPECT_EQ(forward->via, "");
}

// pytorch/examples' regression: `fc(batch_x)` calls ModuleHolder<LinearImpl>::operator(), which
// runs the layer's forward; `criterion(out, y)` on a loss module is the loss. Only the class
// template's argument tells them apart.
TEST(FrameworkAnalysis, ALayerCalledAsAFunctionIsAForwardAndALossModuleTheLoss) {
  Analysis a = analyseCode(R"(
namespace at { struct Tensor { void backward() const; }; }
namespace torch { using at::Tensor;
namespace nn { struct Module { virtual ~Module(); };
  struct LinearImpl : Module { Tensor forward(const Tensor &); };
  struct MSELossImpl : Module { Tensor forward(const Tensor &, const Tensor &); };
  template <typename Contained> struct ModuleHolder {
    template <typename... Args> Tensor operator()(Args &&...args);
  };
  struct Linear : ModuleHolder<LinearImpl> {}; struct MSELoss : ModuleHolder<MSELossImpl> {}; }
namespace optim { struct SGD { void zero_grad(); Tensor step(); }; } }
int main() {
  torch::nn::Linear fc;
  torch::nn::MSELoss criterion;
  torch::optim::SGD optim;
  torch::Tensor x, y;
  for (long batch = 0; batch < 100; ++batch) {
    optim.zero_grad();
    torch::Tensor out = fc(x);
    torch::Tensor loss = criterion(out, y);
    loss.backward();
    optim.step();
  }
}
)",
                           true, "regression.cpp");
  const Finding *forward = findingOf(a, "model", "forward", "main");
  ASSERT_NE(forward, nullptr) << listFindings(a);
  EXPECT_EQ(forward->via, "torch::nn::ModuleHolder<torch::nn::LinearImpl>::operator()");
  EXPECT_EQ(forward->anchorLine, 19u);
  const Finding *loss = findingOf(a, "loss", "", "main");
  ASSERT_NE(loss, nullptr) << listFindings(a);
  EXPECT_EQ(loss->via, "torch::nn::ModuleHolder<torch::nn::MSELossImpl>::operator()");
  EXPECT_EQ(loss->anchorLine, 20u);}

TEST(FrameworkAnalysis, AMethodOnlyTheFrameworkCallsEntersTheRunWhereItsObjectIsCreated) {
  // pytorch/examples' custom-dataset: libtorch's loader calls CustomDataset::get; the repo only
  // creates the data set. Net::forward, which the repo calls itself, stays where it is called.
  Analysis a = analyseCode(R"(
namespace at { struct Tensor { void backward() const; }; Tensor nll_loss(const Tensor &, const Tensor &); }
namespace torch {
using at::Tensor;
namespace nn { struct Module { virtual ~Module(); }; }
namespace data { struct Example { Tensor data, target; };
  namespace datasets { template <class Self> struct Dataset { virtual Example get(unsigned long i) = 0; }; }
  struct Loader { Example *begin(); Example *end(); };
  template <class D> Loader make_data_loader(D dataset, int batch); }
namespace optim { struct Optimizer { void zero_grad(); virtual Tensor step(); }; }
}
struct CustomDataset : torch::data::datasets::Dataset<CustomDataset> {
  torch::data::Example get(unsigned long i) override { return torch::data::Example{}; }
};
struct Net : torch::nn::Module {
  torch::Tensor forward(torch::Tensor x) { return x; }
};
int main() {
  auto loader = torch::data::make_data_loader(CustomDataset(), 8);
  Net net;
  torch::optim::Optimizer optimizer;
  for (int epoch = 0; epoch < 10; ++epoch)
    for (auto &batch : loader) {
      optimizer.zero_grad();
      auto loss = at::nll_loss(net.forward(batch.data), batch.target);
      loss.backward();
      optimizer.step();
    }
}
)",
                           true, "custom.cpp");
  const Finding *get = findingOf(a, "data", "dataset", "CustomDataset::get");
  ASSERT_NE(get, nullptr) << listFindings(a);
  const Finding *forward = findingOf(a, "model", "forward", "Net::forward");
  ASSERT_NE(forward, nullptr) << listFindings(a);
  const Finding *loop = nullptr;
  for (const Finding &f : a.findings)
    if (f.stage == "loop" && f.function == "main" && f.role == "batches")
      loop = &f;
  ASSERT_NE(loop, nullptr) << listFindings(a);
  EXPECT_LT(get->order, loop->order) << "entered where the data set is created" << listFindings(a);
  EXPECT_GT(forward->order, loop->order) << "where the repo calls it" << listFindings(a);
}

TEST(FrameworkAnalysis, AMainThatLoadsThroughTheFrameworkIsNotACheckpointRoutine) {
  // pytorch/examples' transfer-learning: main loads a TorchScript model with torch::jit::load,
  // then builds the data set and trains. Its data helpers and train()'s save are stops of their
  // own, not the inner workings of a checkpoint routine.
  Analysis a = analyseCode(R"(#include <stdio.h>
namespace at { struct Tensor { void backward() const; }; Tensor nll_loss(const Tensor &, const Tensor &); }
namespace torch {
using at::Tensor;
namespace jit { struct Module { Tensor forward(const Tensor &); }; Module load(const char *path); }
namespace optim { struct Optimizer { void zero_grad(); virtual Tensor step(); }; }
void save(const jit::Module &m, const char *path);
}
int read_images(const char *path, float *images, int n) {
  FILE *f = fopen(path, "rb");
  int got = (int)fread(images, sizeof(float), n, f);
  fclose(f);
  return got;
}
void train(torch::jit::Module &net, torch::optim::Optimizer &optimizer, torch::Tensor x, torch::Tensor y) {
  for (int epoch = 0; epoch < 25; ++epoch) {
    optimizer.zero_grad();
    torch::Tensor loss = at::nll_loss(net.forward(x), y);
    loss.backward();
    optimizer.step();
    torch::save(net, "model.pt");
  }
}
int main(int argc, char **argv) {
  torch::jit::Module net = torch::jit::load(argv[1]);
  static float images[1024];
  read_images(argv[2], images, 1024);
  torch::optim::Optimizer optimizer;
  torch::Tensor x, y;
  train(net, optimizer, x, y);
}
)",
                           true, "main.cpp");
  EXPECT_NE(findingOf(a, "checkpoint", "load", "main"), nullptr) << listFindings(a);
  EXPECT_NE(findingOf(a, "data", "loader", "read_images"), nullptr) << listFindings(a);
  const Finding *save = findingOf(a, "checkpoint", "save", "train");
  ASSERT_NE(save, nullptr) << listFindings(a);
  EXPECT_EQ(save->via, "torch::save");
}

// pytorch/examples' regression: get_batch() makes (x, f(x)) from random numbers, with no file
// and no loop; it is where each batch comes from.
TEST(FrameworkAnalysis, AFunctionThatHandsOutTheBatchesIsTheDataStage) {
  Analysis a = analyseCode(R"(
namespace at { struct Tensor { void backward() const; Tensor pow(int) const; };
               Tensor randn(long); Tensor mse_loss(const Tensor &, const Tensor &); }
namespace torch { using at::Tensor; using at::randn;
namespace optim { struct SGD { void zero_grad(); Tensor step(); }; } }
struct Batch { torch::Tensor x, y; };
Batch get_batch(long size) {
  torch::Tensor x = torch::randn(size);
  return Batch{x, x.pow(2)};
}
torch::Tensor predict(const torch::Tensor &x) { return x; }
torch::Tensor make_batchnorm_layer(long n) { return torch::randn(n); }
int main() {
  torch::optim::SGD optim;
  torch::Tensor bn = make_batchnorm_layer(8);
  for (long step = 0; step < 100; ++step) {
    Batch b = get_batch(32);
    optim.zero_grad();
    torch::Tensor loss = at::mse_loss(predict(b.x), b.y);
    loss.backward();
    optim.step();
  }
}
)",
                           true, "regression.cpp");
  EXPECT_NE(findingOf(a, "data", "loader", "get_batch"), nullptr) << listFindings(a);
  EXPECT_EQ(findingOf(a, "data", "loader", "predict"), nullptr) << listFindings(a);
  EXPECT_EQ(findingOf(a, "data", "loader", "make_batchnorm_layer"), nullptr) << "a layer, not make_batch";
}

TEST(FrameworkAnalysis, AProgramThatLoadsAndPredictsIsEval) {
  Analysis a = analyseCode(R"(
namespace tiny_dnn { struct network { void load(const char *); int predict_label(const float *);
                                      void test(const float *, const int *); }; }
int main() {
  tiny_dnn::network nn;
  nn.load("model.bin");
  float image[784] = {0};
  int label = nn.predict_label(image);
  return label;
}
)", true, "test.cpp");
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].kind, "eval") << listFindings(a);
  EXPECT_NE(findingOf(a, "checkpoint", "load", "main"), nullptr) << listFindings(a);
  EXPECT_NE(findingOf(a, "model", "forward", "main"), nullptr) << listFindings(a);
  std::vector<std::string> notes = notesFor(a);
  EXPECT_NE(std::find(notes.begin(), notes.end(), "no training loop found for 'test' (eval)"), notes.end());
}

// OpenCV's logistic_regression sample: its data comes from a cv::FileStorage, and the model
// it saved comes back through StatModel::load<T>, which is Algorithm's.
TEST(FrameworkAnalysis, AnOpenCvProgramReadsItsDataAndLoadsItsModelThroughTheApi) {
  Analysis a = analyseCode(R"(
namespace cv {
struct Mat {};
struct FileNode {};
struct FileStorage { bool open(const char *, int); FileNode operator[](const char *) const; };
void operator>>(const FileNode &, Mat &);
struct Algorithm { void save(const char *) const; template <class T> static T *load(const char *); };
namespace ml {
struct StatModel : Algorithm { bool train(const Mat &, int, const Mat &); float predict(const Mat &, Mat &) const; };
struct LogisticRegression : StatModel { static LogisticRegression *create(); };
} // namespace ml
} // namespace cv
int main() {
  cv::Mat data, labels, out;
  cv::FileStorage f;
  if (f.open("data01.xml", 0)) {
    f["datamat"] >> data;
    f["labelsmat"] >> labels;
  }
  cv::ml::LogisticRegression *lr = cv::ml::LogisticRegression::create();
  lr->train(data, 0, labels);
  lr->save("lr.xml");
  cv::ml::LogisticRegression *again = cv::ml::StatModel::load<cv::ml::LogisticRegression>("lr.xml");
  again->predict(data, out);
}
)", true, "logistic_regression.cpp");
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].kind, "train") << listFindings(a);
  const Finding *data = findingOf(a, "data", "loader", "main");
  ASSERT_NE(data, nullptr) << listFindings(a);
  EXPECT_EQ(data->via, "cv::operator>>");
  const Finding *load = findingOf(a, "checkpoint", "load", "main");
  ASSERT_NE(load, nullptr) << listFindings(a);
  EXPECT_EQ(load->via, "cv::Algorithm::load");
}

TEST(FrameworkAnalysis, AFrameworksTrainerMakesTheProgramTrain) {
  Analysis a = analyseCode(R"(
namespace dlib { template <class Net> struct dnn_trainer { dnn_trainer(Net &); void train(const int *, const int *); };
                 void load_mnist_dataset(const char *, int *, int *); }
struct net_type {};
int main() {
  int images[10], labels[10];
  dlib::load_mnist_dataset("data", images, labels);
  net_type net;
  dlib::dnn_trainer<net_type> trainer(net);
  trainer.train(images, labels);
}
)", true, "dnn_example.cpp");
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].kind, "train") << listFindings(a);
  const Finding *loop = findingOf(a, "loop", "training", "main");
  ASSERT_NE(loop, nullptr) << listFindings(a);
  EXPECT_EQ(loop->via, "dlib::dnn_trainer::train");
  EXPECT_NE(findingOf(a, "data", "loader", "main"), nullptr) << listFindings(a);
}

TEST(FrameworkAnalysis, AFitCallIsAlsoTheLossAndTheUpdateThatRunInsideIt) {
  // The repo's code never names the loss or the optimizer's step: they run inside
  // trainer.train, and the profile's "inside" says so (dlib.json).
  Analysis a = analyseCode(R"(
namespace dlib { template <class Net> struct dnn_trainer { dnn_trainer(Net &); void train(const int *, const int *); }; }
struct net_type {};
int main() {
  int images[10], labels[10];
  net_type net;
  dlib::dnn_trainer<net_type> trainer(net);
  trainer.train(images, labels);
}
)", true, "dnn_example.cpp");
  const Finding *loop = findingOf(a, "loop", "training", "main");
  const Finding *loss = findingOf(a, "loss", "", "main");
  const Finding *step = findingOf(a, "optimizer", "step", "main");
  ASSERT_NE(loop, nullptr) << listFindings(a);
  ASSERT_NE(loss, nullptr) << listFindings(a);
  ASSERT_NE(step, nullptr) << listFindings(a);
  EXPECT_EQ(loss->via, "dlib::dnn_trainer::train");
  EXPECT_EQ(loss->anchorLine, loop->anchorLine);
  EXPECT_EQ(step->anchorLine, loop->anchorLine);
  EXPECT_NE(loss->evidence.front().text.find("inside which dlib runs the loss layer"), std::string::npos)
      << loss->evidence.front().text;
}

TEST(FrameworkAnalysis, AFrameworksPassOverTheDataThatTrainsNothingIsAnEvaluationLoop) {
  // ggml's mnist-eval: ggml_opt_epoch with no training split evaluates every batch; the same
  // call with a split trains on the batches before it (ggml.json's two rules).
  const char *code = R"(
struct ggml_opt_context; struct ggml_opt_dataset; struct ggml_opt_result;
extern "C" void ggml_opt_epoch(ggml_opt_context *, ggml_opt_dataset *, ggml_opt_result *, ggml_opt_result *,
                               long idata_split, void *, void *);
void run_epoch(ggml_opt_context *ctx, ggml_opt_dataset *data, ggml_opt_result *result) {
  ggml_opt_epoch(ctx, data, nullptr, result, SPLIT, nullptr, nullptr);
}
int main() { run_epoch(nullptr, nullptr, nullptr); }
)";
  auto with = [&](const std::string &split) {
    std::string text = code;
    text.replace(text.find("SPLIT"), 5, split);
    return analyseCode(text, true, "mnist.cpp");
  };
  Analysis eval = with("/*idata_split =*/ 0");
  ASSERT_EQ(eval.entries.size(), 1u);
  EXPECT_EQ(eval.entries[0].kind, "eval") << listFindings(eval);
  const Finding *loop = findingOf(eval, "loop", "evaluation", "run_epoch");
  ASSERT_NE(loop, nullptr) << listFindings(eval);
  EXPECT_EQ(loop->via, "ggml_opt_epoch");
  EXPECT_NE(findingOf(eval, "model", "forward", "run_epoch"), nullptr) << listFindings(eval);
  Analysis train = with("900");
  EXPECT_EQ(train.entries[0].kind, "train") << listFindings(train);
  EXPECT_NE(findingOf(train, "loop", "training", "run_epoch"), nullptr) << listFindings(train);
}

TEST(FrameworkAnalysis, AStageTheRepoCallsItselfIsNotDoubledByAFitCall) {
  // train_one_step runs the loss inside (implied), but this program's own optimizer step is
  // the explicit call, kept once.
  Analysis a = analyseCode(R"(
namespace dlib { template <class Net> struct dnn_trainer { dnn_trainer(Net &);
                 void train(const int *, const int *); void train_one_step(const int *, const int *); }; }
struct net_type {};
int main() {
  int images[10], labels[10];
  net_type net;
  dlib::dnn_trainer<net_type> trainer(net);
  for (int i = 0; i < 3; ++i)
    trainer.train_one_step(images, labels);
}
)", true, "dnn_example.cpp");
  unsigned steps = 0;
  for (const Finding &f : a.findings)
    steps += f.stage == "optimizer" && f.role == "step";
  EXPECT_EQ(steps, 1u) << listFindings(a);
  EXPECT_NE(findingOf(a, "loss", "", "main"), nullptr) << listFindings(a);
}

TEST(FrameworkAnalysis, NoStopsInBundledCode) {
  // The repo's main calls a bundled library whose function looks like an optimizer.
  std::vector<TUFacts> tus;
  tus.push_back(parse(R"(
void lib_update(float *w, const float *g, float lr, int n) { for (int i = 0; i < n; ++i) w[i] -= lr * g[i]; }
)", false, "/repo/third_party/lib/update.c"));
  tus.push_back(parse(R"(
void lib_update(float *w, const float *g, float lr, int n);
float w[4], g[4];
int main(void) { lib_update(w, g, 0.1f, 4); return 0; }
)", false, "/repo/src/main.c"));
  ProgramIndex index(tus);
  AnalysisOptions options;
  options.repoRoot = "/repo";
  Analysis a = analyse(index, options);
  for (const Finding &f : a.findings)
    EXPECT_EQ(f.function.find("lib_update"), std::string::npos) << listFindings(a);
  ASSERT_TRUE(a.files.count("/repo/third_party/lib/update.c"));
  EXPECT_EQ(a.files.at("/repo/third_party/lib/update.c").origin, Origin::Vendored);
  EXPECT_EQ(a.files.at("/repo/src/main.c").origin, Origin::Own);
  // Without knowing the root, the same rule still recognises the bundled folder.
  Analysis b = analyse(index);
  for (const Finding &f : b.findings)
    EXPECT_EQ(f.function.find("lib_update"), std::string::npos) << listFindings(b);
}


TEST(PointerFields, ACallThroughAStructsFunctionPointerReachesWhatWasStoredInIt) {
  // darknet's shape: each layer stores its kernels in l.forward / l.update; the network calls
  // them through the fields. The training loop must still reach the update.
  Analysis a = analyseCode(R"(
typedef struct layer { void (*forward)(struct layer *); void (*update)(struct layer *, float); float *w, *g; int n; } layer;
void forward_dense(layer *l) { float acc = 0; for (int i = 0; i < l->n; ++i) for (int j = 0; j < l->n; ++j) acc += l->w[i] * l->g[j]; l->g[0] = acc; }
void update_dense(layer *l, float lr) { for (int i = 0; i < l->n; ++i) l->w[i] -= lr * l->g[i]; }
layer make_dense(void) { layer l = {0}; l.forward = forward_dense; l.update = &update_dense; return l; }
void run(layer *l) { l->forward(l); }
void step(layer *l) { l->update(l, 0.1f); }
int main(void) {
  layer l = make_dense();
  for (int epoch = 0; epoch < 3; ++epoch) { run(&l); step(&l); }
  return 0;
}
)", false, "net.c");
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].kind, "train") << listFindings(a);
  EXPECT_NE(findingOf(a, "optimizer", "step", "update_dense"), nullptr) << listFindings(a);
  EXPECT_NE(findingOf(a, "model", "forward", "forward_dense"), nullptr) << listFindings(a);
}


TEST(OneFileTrainer, StagesWhoseWorkIsInHelpersAndAForwardThatEndsInTheLoss) {
  // llm.c's shape: reads go through a checked fread wrapper; the model's forward ends by
  // computing the loss; loss[i] = -logf(p[target[i]]) is a loss, not a batch being gathered.
  Analysis a = analyseCode(R"(
#include <stdio.h>
#include <math.h>
void fread_check(void *p, size_t size, size_t n, FILE *f) { if (fread(p, size, n, f) != n) return; }
typedef struct { FILE *f; int tokens[64]; } DataLoader;
void dataloader_next_batch(DataLoader *l) { fread_check(l->tokens, sizeof(int), 64, l->f); }
typedef struct { float w[16], g[16], act[16], probs[16], losses[4]; } Model;
void build_from_checkpoint(Model *m, const char *path) { FILE *f = fopen(path, "rb"); fread_check(m->w, 4, 16, f); fclose(f); }
void matmul_forward(float *out, const float *in, const float *w, int n) {
  for (int i = 0; i < n; ++i) { float acc = 0; for (int j = 0; j < n; ++j) acc += in[j] * w[i * n + j]; out[i] = acc; }
}
void residual_forward(float *out, const float *a, const float *b, int n) { for (int i = 0; i < n; ++i) out[i] = a[i] + b[i]; }
void crossentropy_forward(float *losses, const float *probs, const int *targets, int n) {
  for (int i = 0; i < n; ++i) { int ix = targets[i]; losses[i] = -logf(probs[ix]); }
}
void model_forward(Model *m, const int *targets) {
  matmul_forward(m->act, m->w, m->w, 4);
  residual_forward(m->act, m->act, m->w, 16);
  matmul_forward(m->probs, m->act, m->w, 4);
  crossentropy_forward(m->losses, m->probs, targets, 4);
}
void update(Model *m, float lr) { for (int i = 0; i < 16; ++i) m->w[i] -= lr * m->g[i]; }
int main(void) {
  Model m; DataLoader l; l.f = 0;
  build_from_checkpoint(&m, "model.bin");
  for (int step = 0; step < 10; ++step) { dataloader_next_batch(&l); model_forward(&m, l.tokens); update(&m, 0.1f); }
  return 0;
}
)", false, "train_gpt2.c");
  EXPECT_NE(findingOf(a, "data", "loader", "dataloader_next_batch"), nullptr) << listFindings(a);
  EXPECT_NE(findingOf(a, "checkpoint", "load", "build_from_checkpoint"), nullptr) << listFindings(a);
  EXPECT_NE(findingOf(a, "model", "forward", "model_forward"), nullptr) << listFindings(a);
  EXPECT_NE(findingOf(a, "model", "forward", "residual_forward"), nullptr) << listFindings(a);
  EXPECT_NE(findingOf(a, "loss", "", "crossentropy_forward"), nullptr) << listFindings(a);
  EXPECT_EQ(findingOf(a, "data", "loader", "crossentropy_forward"), nullptr) << listFindings(a);
}

TEST(LibraryApi, StopsWhereTheProgramCallsTheLibrary) {
  // libfann's shape: the example calls fann_save, a thin wrapper of fann_save_internal, which
  // opens the file for writing; fann_create_standard builds and returns the network through a
  // helper that builds it too. The stops are at the calls the program makes, the save is a save.
  Analysis a = analyseCode(R"(
#include <stdio.h>
#include <stdlib.h>
struct fann { float *weights; int n; float MSE_value; };
static struct fann *fann_allocate_structure(int n) { struct fann *a = (struct fann *)calloc(1, sizeof *a); a->n = n; return a; }
struct fann *fann_create_standard_array(int n) { return fann_allocate_structure(n); }
struct fann *fann_create_standard(int n) { int m = n; return fann_create_standard_array(m); }
static int fann_save_internal(struct fann *ann, const char *file) {
  FILE *conf = fopen(file, "w+");
  if (!conf) return -1;
  for (int i = 0; i < ann->n; ++i) fprintf(conf, "%f ", ann->weights[i]);
  fclose(conf);
  return 0;
}
int fann_save(struct fann *ann, const char *file) { return fann_save_internal(ann, file); }
int fann_save_to_fixed(struct fann *ann, const char *file) { return fann_save_internal(ann, file); }
void fann_train(struct fann *ann, const float *in, const float *target) {
  for (int i = 0; i < ann->n; ++i) {
    float out = 0;
    for (int j = 0; j < ann->n; ++j) out += ann->weights[j] * in[j];
    float d = out - target[i];
    ann->MSE_value += d * d;
    for (int j = 0; j < ann->n; ++j) ann->weights[j] -= 0.1f * d * in[j];
  }
}
int main(void) {
  struct fann *ann = fann_create_standard(3);
  float in[3] = {0}, out[3] = {0};
  for (int epoch = 0; epoch < 10; ++epoch) fann_train(ann, in, out);
  fann_save(ann, "xor.net");
  fann_save_to_fixed(ann, "xor_fixed.net");
  return 0;
}
)",
                           false, "xor_train.c");
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].kind, "train");
  EXPECT_NE(findingOf(a, "checkpoint", "save", "fann_save"), nullptr) << listFindings(a);
  // Named alike by its first words, not containing its callee's name.
  EXPECT_NE(findingOf(a, "checkpoint", "save", "fann_save_to_fixed"), nullptr) << listFindings(a);
  EXPECT_EQ(findingOf(a, "checkpoint", "save", "fann_save_internal"), nullptr) << listFindings(a);
  EXPECT_EQ(findingOf(a, "checkpoint", "load", "fann_save_internal"), nullptr) << listFindings(a);
  EXPECT_NE(findingOf(a, "model", "build", "fann_create_standard"), nullptr) << listFindings(a);
  EXPECT_EQ(findingOf(a, "model", "build", "fann_create_standard_array"), nullptr) << listFindings(a);
  EXPECT_EQ(findingOf(a, "model", "build", "fann_allocate_structure"), nullptr) << listFindings(a);
}

constexpr const char *kSubcommands = R"(
#include <string.h>
#include <stdio.h>
static float w[4];
static float forward(const float *x) { float y = 0; for (int i = 0; i < 4; ++i) y += w[i] * x[i]; return y; }
static void train(const char *path) {
  float x[4] = {1, 2, 3, 4};
  for (int epoch = 0; epoch < 10; ++epoch) {
    float d = forward(x) - 1.0f;
    for (int i = 0; i < 4; ++i) w[i] -= 0.01f * d * x[i];
  }
}
static void evaluate(const char *path) {
  float x[4] = {1, 2, 3, 4};
  int correct = 0;
  for (int n = 0; n < 10; ++n) { float p = forward(x); if ((p > 0.5f) == (n % 2)) ++correct; }
  printf("%d\n", correct);
}
static void run_model(int argc, char **argv) {
  if (0 == strcmp(argv[2], "train")) train(argv[3]);
  else if (0 == strcmp(argv[2], "valid")) evaluate(argv[3]);
}
int main(int argc, char **argv) {
  for (int i = 1; i < argc; ++i) if (!strcmp(argv[i], "gpu")) puts("gpu");
  if (argc < 3) return 1;
  if (!strcmp(argv[1], "model")) run_model(argc, argv);
  else if (!strcmp(argv[1], "version")) puts("1.0");
  return 0;
}
)";

TEST(Subcommands, EachCommandOfADispatchingMainIsAnEntryPoint) {
  // darknet's shape: main dispatches on argv[1], then a tool on argv[2]; each command is its
  // own program to tour, classified by what it reaches. A flag tested in a loop is no command.
  Analysis a = analyseCode(kSubcommands, false, "tool.c");
  std::map<std::string, std::string> kinds;
  for (const EntryPoint &e : a.entries)
    kinds[e.name()] = e.kind;
  EXPECT_EQ(kinds, (std::map<std::string, std::string>{{"tool model train", "train"}, {"tool model valid", "eval"}}))
      << listFindings(a);
  auto reached = [&](const std::string &entry, const std::string &function) {
    return std::any_of(a.findings.begin(), a.findings.end(),
                       [&](const Finding &f) { return f.entry == entry && f.function == function; });
  };
  EXPECT_TRUE(reached("tool model train", "train")) << listFindings(a);
  EXPECT_FALSE(reached("tool model train", "evaluate")) << listFindings(a);
  EXPECT_TRUE(reached("tool model valid", "evaluate")) << listFindings(a);
  EXPECT_FALSE(reached("tool model valid", "train")) << listFindings(a);
}

TEST(Subcommands, TheLossACommandSetsForItselfIsTheOneThatRuns) {
  // fasttext's shape: Args starts with the `ns` loss, `supervised` sets `softmax` for itself,
  // `-loss hs` is an option a run may pass, `test` reads the args back from the model file, and
  // createLoss switches on a local copy of the field. For `supervised` the softmax loss runs:
  // the others are alternatives at most.
  Analysis a = analyseCode(R"(
#include <cmath>
#include <fstream>
#include <memory>
#include <string>
#include <vector>
enum class loss_name : int { hs = 1, ns, softmax };
struct Args {
  loss_name loss = loss_name::ns;
  void parseArgs(const std::vector<std::string> &args) {
    std::string command(args[1]);
    if (command == "supervised")
      loss = loss_name::softmax;
    for (size_t ai = 2; ai + 1 < args.size(); ai += 2)
      if (args[ai] == "-loss") {
        if (args.at(ai + 1) == "hs")
          loss = loss_name::hs;
      }
  }
  void save(std::ostream &out) { out.write((char *)&(loss), sizeof(loss)); }
  void load(std::istream &in) { in.read((char *)&(loss), sizeof(loss)); }
};
struct Loss { virtual ~Loss() = default; virtual float forward(float *w, int target) = 0; };
struct HierarchicalLoss : Loss {
  float forward(float *w, int target) override {
    float loss = 0;
    for (int i = 0; i < 4; ++i) loss += -std::log(w[i]);
    return loss;
  }
};
struct NegativeSamplingLoss : Loss {
  float forward(float *w, int target) override {
    float loss = 0;
    for (int i = 0; i < 3; ++i) loss += -std::log(1 - w[i]);
    return loss;
  }
};
struct SoftmaxLoss : Loss {
  float forward(float *w, int target) override { return -std::log(w[target]); }
};
std::shared_ptr<Loss> createLoss(const Args &args) {
  loss_name lossName = args.loss;
  switch (lossName) {
  case loss_name::hs:
    return std::make_shared<HierarchicalLoss>();
  case loss_name::ns:
    return std::make_shared<NegativeSamplingLoss>();
  case loss_name::softmax:
    return std::make_shared<SoftmaxLoss>();
  }
  return nullptr;
}
float w[4];
void train(const std::vector<std::string> &argv) {
  Args args;
  args.parseArgs(argv);
  std::shared_ptr<Loss> loss = createLoss(args);
  for (int epoch = 0; epoch < 5; ++epoch) {
    float l = loss->forward(w, 1);
    for (int i = 0; i < 4; ++i) w[i] -= 0.1f * l * w[i];
  }
  std::ofstream out("model.bin");
  args.save(out);
}
void test(const std::vector<std::string> &argv) {
  Args args;
  std::ifstream in(argv[2]);
  args.load(in);
  std::shared_ptr<Loss> loss = createLoss(args);
  float l = loss->forward(w, 0);
  (void)l;
}
int main(int argc, char **argv) {
  std::vector<std::string> args(argv, argv + argc);
  std::string command(args[1]);
  if (command == "supervised" || command == "skipgram")
    train(args);
  else if (command == "test")
    test(args);
}
)", true, "main.cc");
  const Finding *softmax = nullptr, *hierarchical = nullptr;
  for (const Finding &f : a.findings)
    if (f.stage == "loss" && f.entry.find("supervised") != std::string::npos) {
      if (f.function == "SoftmaxLoss::forward")
        softmax = &f;
      if (f.function == "HierarchicalLoss::forward")
        hierarchical = &f;
    }
  ASSERT_NE(softmax, nullptr) << listFindings(a);
  EXPECT_EQ(softmax->alternativeTo, "") << listFindings(a);
  if (hierarchical) {
    EXPECT_NE(hierarchical->alternativeTo, "") << "-loss hs is an option the run may not pass";
  }
}

TEST(Subcommands, StringCommandsWithAlternatives) {
  // fasttext's shape: a std::string made from args[1], several words for one command.
  Analysis a = analyseCode(R"(
#include <map>
#include <string>
#include <vector>
float w[4];
void train(const std::vector<std::string> &args) {
  for (int epoch = 0; epoch < 5; ++epoch) for (int i = 0; i < 4; ++i) w[i] -= 0.1f * w[i] * w[i];
}
void test(const std::vector<std::string> &args) { float s = 0; for (int i = 0; i < 4; ++i) s += w[i] * w[i]; }
int main(int argc, char **argv) {
  std::vector<std::string> args(argv, argv + argc);
  std::string command(args[1]);
  if (command == "skipgram" || command == "cbow" || command == "supervised") train(args);
  else if (command == "test") test(args);
  return 0;
}
)",
                           true, "main.cc");
  std::vector<std::string> names;
  for (const EntryPoint &e : a.entries)
    names.push_back(e.name());
  EXPECT_EQ(names, (std::vector<std::string>{"main skipgram|cbow|supervised", "main test"})) << listFindings(a);
}

TEST(Subcommands, AnUpdateHelperEveryCommandReachesDoesNotMakeThemAllTrain) {
  // darknet: axpy_cpu moves a vector by a scaled other; the update step uses it, and so does
  // every layer's forward. Only the command that reaches the update step trains.
  Analysis a = analyseCode(R"(
#include <string.h>
#include <stdio.h>
static float w[4], b[4], grad[4];
void axpy_cpu(int N, float ALPHA, float *X, int INCX, float *Y, int INCY) {
  for (int i = 0; i < N; ++i) Y[i * INCY] += ALPHA * X[i * INCX];
}
float forward_layer(const float *x) {
  float out[4] = {0};
  axpy_cpu(4, 1.0f, b, 1, out, 1);
  float y = 0;
  for (int i = 0; i < 4; ++i) y += w[i] * x[i] + out[i];
  return y;
}
void update_network(float learning_rate) { axpy_cpu(4, -learning_rate, grad, 1, w, 1); }
void train(void) {
  float x[4] = {1, 2, 3, 4};
  for (int epoch = 0; epoch < 10; ++epoch) {
    float d = forward_layer(x) - 1.0f;
    for (int i = 0; i < 4; ++i) grad[i] = d * x[i];
    update_network(0.01f);
  }
}
void valid(void) {
  float x[4] = {1, 2, 3, 4};
  int correct = 0;
  for (int n = 0; n < 10; ++n) if ((forward_layer(x) > 0.5f) == (n % 2)) ++correct;
  printf("%d\n", correct);
}
void predict(void) { float x[4] = {0}; for (int n = 0; n < 3; ++n) printf("%f\n", forward_layer(x)); }
void demo(void) { float x[4] = {1}; for (int n = 0; n < 3; ++n) printf("%f\n", forward_layer(x)); }
int main(int argc, char **argv) {
  if (argc < 2) return 1;
  if (0 == strcmp(argv[1], "train")) train();
  else if (0 == strcmp(argv[1], "valid")) valid();
  else if (0 == strcmp(argv[1], "predict")) predict();
  else if (0 == strcmp(argv[1], "demo")) demo();
  return 0;
}
)",
                           false, "nets.c");
  std::map<std::string, std::string> kinds;
  for (const EntryPoint &e : a.entries)
    kinds[e.name()] = e.kind;
  EXPECT_EQ(kinds["nets train"], "train") << listFindings(a);
  EXPECT_EQ(kinds["nets valid"], "eval") << listFindings(a);
  EXPECT_EQ(kinds["nets predict"], "eval") << listFindings(a);
}

TEST(LibraryApi, AnUpdateStepGivenTheLearningRateIsTheOptimizer) {
  // fasttext's Model::update: the arithmetic is in the matrix's row update; the step is the
  // method named update that is given lr.
  Analysis a = analyseCode(R"(
struct Matrix { float d[16]; void addRow(const float *g, int row, float a) { for (int j = 0; j < 4; ++j) d[row * 4 + j] += a * g[j]; } };
struct Model {
  Matrix wi; float grad[4];
  float forward(int row) { float s = 0; for (int j = 0; j < 4; ++j) s += wi.d[row * 4 + j] * grad[j]; return s; }
  void update(int row, float lr) { float l = forward(row); for (int j = 0; j < 4; ++j) grad[j] = lr * l; wi.addRow(grad, row, 1.0f); }
};
int main() { Model m{}; for (int epoch = 0; epoch < 3; ++epoch) for (int r = 0; r < 4; ++r) m.update(r, 0.1f); return 0; }
)",
                           true, "train.cc");
  EXPECT_NE(findingOf(a, "optimizer", "step", "Model::update"), nullptr) << listFindings(a);
}


TEST(LibraryApi, ASaveWhoseWritesAreInAHelperIsASaveAndSoIsTheFunctionThatCallsIt) {
  // sentencepiece's shape: Save calls SaveModel and SaveVocab; SaveModel serialises and hands
  // the bytes to a file object's Write, which writes. Neither named function writes itself:
  // both are saves, each a stop, the helper that writes is not.
  Analysis a = analyseCode(R"(
#include <fstream>
#include <string>
struct WritableFile {
  explicit WritableFile(const std::string &name) : os(name) {}
  bool Write(const std::string &text) { os.write(text.data(), text.size()); return true; }
  std::ofstream os;
};
struct Trainer {
  float weights[4];
  std::string Serialize() const { return std::string((const char *)weights, sizeof weights); }
  bool SaveModel(const std::string &filename) const {
    WritableFile output(filename);
    return output.Write(Serialize());
  }
  bool SaveVocab(const std::string &filename) const {
    WritableFile output(filename);
    return output.Write("a\nb\n");
  }
  bool Save() const { return SaveModel("m.model") && SaveVocab("m.vocab"); }
  void Train() {
    for (int epoch = 0; epoch < 3; ++epoch)
      for (int i = 0; i < 4; ++i) weights[i] -= 0.1f * (weights[i] - 1.0f);
    Save();
  }
};
int main() { Trainer t; t.Train(); }
)", true, "spm_train.cc");
  const Finding *save = findingOf(a, "checkpoint", "save", "Trainer::Save");
  const Finding *model = findingOf(a, "checkpoint", "save", "Trainer::SaveModel");
  ASSERT_NE(save, nullptr) << listFindings(a);
  ASSERT_NE(model, nullptr) << listFindings(a);
  EXPECT_LT(save->order, model->order);
  EXPECT_EQ(findingOf(a, "checkpoint", "save", "WritableFile::Write"), nullptr) << listFindings(a);
}

TEST(LibraryApi, APassThatScalesEveryRowThroughAHelperIsTheDataStage) {
  // libfann's fann_scale_train: a loop over the rows calling fann_scale_input, which
  // standardises one row in place. The pass the program calls is a data stop; a loop that also
  // runs the model per row is not a data pass.
  Analysis a = analyseCode(R"(
struct fann { float *scale_mean_in, *scale_deviation_in; int num_input; float *w; };
struct train_data { int num_data; float **input; float *target; };
void fann_scale_input(struct fann *ann, float *input_vector) {
  for (int i = 0; i < ann->num_input; i++)
    input_vector[i] = (input_vector[i] - ann->scale_mean_in[i]) / ann->scale_deviation_in[i];
}
void fann_scale_train(struct fann *ann, struct train_data *data) {
  for (int s = 0; s < data->num_data; s++)
    fann_scale_input(ann, data->input[s]);
}
float forward_layer(struct fann *ann, const float *x) {
  float sum = 0;
  for (int i = 0; i < ann->num_input; i++) sum += ann->w[i] * x[i];
  return sum;
}
void scale_and_score(struct fann *ann, struct train_data *data, float *out) {
  for (int s = 0; s < data->num_data; s++) {
    fann_scale_input(ann, data->input[s]);
    out[s] = forward_layer(ann, data->input[s]);
  }
}
void train(struct fann *ann, struct train_data *data) {
  for (int epoch = 0; epoch < 10; ++epoch)
    for (int s = 0; s < data->num_data; s++) {
      float err = forward_layer(ann, data->input[s]) - data->target[s];
      for (int i = 0; i < ann->num_input; i++) ann->w[i] -= 0.1f * err * data->input[s][i];
    }
}
int main() {
  struct fann ann; struct train_data data; float out[4];
  fann_scale_train(&ann, &data);
  train(&ann, &data);
  scale_and_score(&ann, &data, out);
}
)", false, "scaling_train.c");
  const Finding *pass = findingOf(a, "data", "loader", "fann_scale_train");
  ASSERT_NE(pass, nullptr) << listFindings(a);
  EXPECT_EQ(pass->anchorLine, 10u);
  EXPECT_EQ(findingOf(a, "data", "loader", "scale_and_score"), nullptr) << listFindings(a);
}

TEST(LibraryApi, ACheckpointsHelpersAreItsStopNotDataLoading) {
  // kann's shape: kann_load opens the file and calls kad_load, which reads each node with
  // kad_load1. Those reads are the restore's, not a data loader of their own.
  Analysis a = analyseCode(R"(
#include <stdio.h>
#include <stdlib.h>
typedef struct { int n; float *x; } kann_t;
static int kad_load1(FILE *fp, float *node) { return (int)fread(node, 4, 1, fp); }
static float *kad_load(FILE *fp, int *n) {
  fread(n, 4, 1, fp);
  float *nodes = (float *)calloc(*n, 4);
  for (int i = 0; i < *n; ++i) kad_load1(fp, &nodes[i]);
  return nodes;
}
kann_t *kann_load(const char *fn) {
  FILE *fp = fopen(fn, "rb");
  kann_t *ann = (kann_t *)calloc(1, sizeof *ann);
  ann->x = kad_load(fp, &ann->n);
  fclose(fp);
  return ann;
}
int main(int argc, char **argv) {
  kann_t *ann = kann_load(argv[1]);
  float loss = 0;
  for (int epoch = 0; epoch < 10; ++epoch)
    for (int i = 0; i < ann->n; ++i) { float d = ann->x[i] - 1.0f; loss += d * d; ann->x[i] -= 0.1f * d; }
  return loss > 0;
}
)",
                           false, "mlp.c");
  EXPECT_NE(findingOf(a, "checkpoint", "load", "kann_load"), nullptr) << listFindings(a);
  for (const char *helper : {"kad_load", "kad_load1"}) {
    EXPECT_EQ(findingOf(a, "data", "loader", helper), nullptr) << helper << "\n" << listFindings(a);
    EXPECT_EQ(findingOf(a, "checkpoint", "load", helper), nullptr) << helper << "\n" << listFindings(a);
  }
}

TEST(LibraryApi, AnEvaluationLoopAfterTrainingIsAStopOfItsOwn) {
  // libfann's mushroom: train, then a loop over the test rows calling fann_test (run the
  // network, accumulate the error). The test loop is a stop, named an evaluation.
  Analysis a = analyseCode(R"(
#include <math.h>
struct fann { float w[4]; float MSE_value; int num_MSE; };
static float fann_run(struct fann *ann, const float *in) {
  float sum = 0;
  for (int j = 0; j < 4; ++j) sum += ann->w[j] * in[j];
  return 1.0f / (1.0f + expf(-sum));
}
static void fann_compute_MSE(struct fann *ann, float out, float target) {
  float diff = out - target;
  ann->MSE_value += diff * diff;
  ann->num_MSE++;
}
static void fann_train(struct fann *ann, const float *in, float target) {
  float d = fann_run(ann, in) - target;
  fann_compute_MSE(ann, d + target, target);
  for (int j = 0; j < 4; ++j) ann->w[j] -= 0.1f * d * in[j];
}
static void fann_test(struct fann *ann, const float *in, float target) {
  fann_compute_MSE(ann, fann_run(ann, in), target);
}
int main(void) {
  struct fann ann = {{0}, 0, 0};
  float rows[8][4] = {{0}}, labels[8] = {0};
  for (int epoch = 0; epoch < 100; ++epoch) {
    for (int i = 0; i < 8; ++i)
      fann_train(&ann, rows[i], labels[i]);
  }
  for (int i = 0; i < 8; ++i) {
    fann_test(&ann, rows[i], labels[i]);
  }
  return ann.MSE_value > 1;
}
)",
                           false, "mushroom.c");
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].kind, "train");
  const Finding *test = findingOf(a, "loop", "evaluation", "main");
  ASSERT_NE(test, nullptr) << listFindings(a);
  EXPECT_EQ(test->line, 29u) << listFindings(a); // the `for` over the test rows
  // The training loops keep their roles and come first.
  const Finding *epochs = findingOf(a, "loop", "epochs", "main");
  ASSERT_NE(epochs, nullptr) << listFindings(a);
  EXPECT_LT(epochs->order, test->order);
}
TEST(LibraryApi, AnEvaluationWhoseScoringIsInItsCalleesIsTheMetric) {
  // libfann's fann_test runs the network and hands each output's error to fann_update_MSE;
  // fann_test_data calls it per row. Both evaluate; the training step that calls the same
  // two functions and then updates is not a metric.
  Analysis a = analyseCode(R"(
#include <math.h>
struct fann { float w[4]; float MSE_value; int num_MSE; };
static float fann_run(struct fann *ann, const float *in) {
  float sum = 0;
  for (int j = 0; j < 4; ++j) sum += ann->w[j] * in[j];
  return tanhf(sum);
}
static void fann_update_MSE(struct fann *ann, float diff) {
  ann->MSE_value += diff * diff;
  ann->num_MSE++;
}
static void fann_test(struct fann *ann, const float *in, float target) {
  float out = fann_run(ann, in);
  fann_update_MSE(ann, target - out);
}
static float fann_test_data(struct fann *ann, float rows[8][4], const float *labels) {
  for (int i = 0; i < 8; ++i) fann_test(ann, rows[i], labels[i]);
  return ann->MSE_value / ann->num_MSE;
}
static void fann_train(struct fann *ann, const float *in, float target) {
  float d = target - fann_run(ann, in);
  fann_update_MSE(ann, d);
  for (int j = 0; j < 4; ++j) ann->w[j] -= 0.1f * d * in[j];
}
int main(void) {
  struct fann ann = {{0}, 0, 0};
  float rows[8][4] = {{0}}, labels[8] = {0};
  for (int epoch = 0; epoch < 100; ++epoch)
    for (int i = 0; i < 8; ++i) fann_train(&ann, rows[i], labels[i]);
  return fann_test_data(&ann, rows, labels) > 1;
}
)",
                           false, "robot.c");
  EXPECT_NE(findingOf(a, "metrics", "", "fann_test"), nullptr) << listFindings(a);
  EXPECT_NE(findingOf(a, "metrics", "", "fann_test_data"), nullptr) << listFindings(a);
  EXPECT_EQ(findingOf(a, "metrics", "", "fann_train"), nullptr) << listFindings(a);
}

TEST(LibraryApi, ABatchStepsLoopOverTheSamplesIsATrainingLoop) {
  // libfann's fann_train_epoch_irpropm: per sample the forward, the error and the backward
  // pass accumulate slopes; the weights move once, after the loop. The loop is the batch loop
  // of the epoch loop that calls it; a loop that only runs the model (predict_all) is not.
  Analysis a = analyseCode(R"(
static float w[4], slopes[4];
static float run(const float *in) {
  float s = 0;
  for (int j = 0; j < 4; ++j) s += w[j] * in[j];
  return s;
}
static float compute_mse(float out, float target) { float d = out - target; return d * d; }
static void backpropagate(const float *in, float out, float target) {
  for (int j = 0; j < 4; ++j) slopes[j] += (out - target) * in[j];
}
static void update_weights(float lr) { for (int j = 0; j < 4; ++j) w[j] -= lr * slopes[j]; }
static float train_epoch(float rows[8][4], const float *labels) {
  float mse = 0;
  for (int i = 0; i < 8; ++i) {
    float out = run(rows[i]);
    mse += compute_mse(out, labels[i]);
    backpropagate(rows[i], out, labels[i]);
  }
  update_weights(0.1f);
  return mse;
}
int main(void) {
  float rows[8][4] = {{0}}, labels[8] = {0};
  for (int epoch = 0; epoch < 100; ++epoch) train_epoch(rows, labels);
  return 0;
}
)",
                           false, "simple_train.c");
  const Finding *batches = findingOf(a, "loop", "batches", "train_epoch");
  ASSERT_NE(batches, nullptr) << listFindings(a);
  EXPECT_EQ(batches->line, 15u) << listFindings(a);
}

constexpr const char *kCheckedTraining = R"(
#include <math.h>
#include <stdio.h>
static float w[4];
static float step(const float *x, float y) {
  float p = 0;
  for (int i = 0; i < 4; ++i) p += w[i] * x[i];
  float d = p - y;
  for (int i = 0; i < 4; ++i) w[i] -= 0.1f * d * x[i];
  return d * d;
}
static int check_tensor(const float *a, const float *b, int n) {
  int ok = 1;
  for (int i = 0; i < n; ++i) {
    float diff = fabsf(a[i] - b[i]);
    ok = ok && (diff <= 1e-2f);
  }
  return ok;
}
int main(void) {
  float x[4] = {1, 2, 3, 4}, expected[4] = {0}, losses[10];
  for (int s = 0; s < 10; ++s) losses[s] = step(x, 1.0f);
  printf("%s\n", check_tensor(w, expected, 4) ? "OK" : "FAIL");
  return losses[9] > 1;
}
)";

TEST(EntryKind, ATestThatChecksTrainingResultsWithinAToleranceIsOther) {
  // llm.c's test_gpt2: runs training steps, then compares them with expected values.
  Analysis test = analyseCode(kCheckedTraining, false, "test_gpt2.c");
  ASSERT_EQ(test.entries.size(), 1u);
  EXPECT_EQ(test.entries[0].kind, "other") << listFindings(test);
  // The same code in a program that is not named a test trains; the name alone decides nothing.
  Analysis train = analyseCode(kCheckedTraining, false, "train_gpt2.c");
  ASSERT_EQ(train.entries.size(), 1u);
  EXPECT_EQ(train.entries[0].kind, "train");
  std::string unchecked = kCheckedTraining;
  unchecked.replace(unchecked.find("(diff <= 1e-2f)"), 15, "(diff == 0)");
  Analysis plain = analyseCode(unchecked, false, "test_gpt2.c");
  ASSERT_EQ(plain.entries.size(), 1u);
  EXPECT_EQ(plain.entries[0].kind, "train");
}

TEST(LibraryApi, AValidationPassEachEpochIsAnEvaluationStop) {
  // Two shapes: a test() called after each epoch (the libtorch MNIST example), and a
  // validation loop beside the batch loop inside the epoch loop (kann's kann_train_fnn1b). The
  // forward loop inside a training step, whose update follows it, is not an evaluation.
  Analysis a = analyseCode(R"(
#include <math.h>
static float w[4];
static float forward(const float *x) {
  float s = 0;
  for (int i = 0; i < 4; ++i) s += w[i] * x[i];
  return 1.0f / (1.0f + expf(-s));
}
static float loss_of(float p, float y) { return (p - y) * (p - y); }
static void train_step(float rows[8][4], const float *labels) {
  float grad = 0;
  for (int r = 0; r < 8; ++r) {
    float loss = loss_of(forward(rows[r]), labels[r]);
    grad += loss;
  }
  for (int i = 0; i < 4; ++i) w[i] -= 0.01f * grad * w[i];
}
static float test(float rows[8][4], const float *labels) {
  float loss = 0;
  for (int r = 0; r < 8; ++r) {
    loss += loss_of(forward(rows[r]), labels[r]);
  }
  return loss;
}
int main(void) {
  float rows[8][4] = {{0}}, labels[8] = {0}, val_loss = 0;
  for (int epoch = 0; epoch < 10; ++epoch) {
    for (int batch = 0; batch < 4; ++batch) {
      train_step(rows, labels);
    }
    for (int v = 0; v < 8; ++v) {
      val_loss += loss_of(forward(rows[v]), labels[v]);
    }
    test(rows, labels);
  }
  return val_loss > 1;
}
)",
                           false, "train.c");
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].kind, "train");
  EXPECT_NE(findingOf(a, "loop", "evaluation", "test"), nullptr) << listFindings(a);
  const Finding *validation = findingOf(a, "loop", "evaluation", "main");
  ASSERT_NE(validation, nullptr) << listFindings(a);
  EXPECT_EQ(validation->line, 31u) << listFindings(a); // the `for (int v ...` beside the batches
  EXPECT_EQ(findingOf(a, "loop", "evaluation", "train_step"), nullptr) << listFindings(a);
}

TEST(EntryKind, AGenerationLoopInMainIsTheStopButNotALoopWhoseOwnLinesOnlyLookLikeALayer) {
  // ggml's gpt-2 example generates in main: each pass calls the model's eval. libsvm's
  // svm-scale clamps a feature range with max(x, 0) in main's own loop: no model is called.
  Analysis a = analyseCode(R"(
#include <math.h>
static float w[16];
static void forward(const float *x, float *y) {
  for (int i = 0; i < 4; i++) {
    y[i] = 0;
    for (int j = 0; j < 4; j++) y[i] += w[i * 4 + j] * x[j];
    y[i] = tanhf(y[i]);
  }
}
static void preprocess(float *px, int n) { // sam's resize clamps coordinates at zero
  for (int i = 0; i < n; i++)
    px[i] = px[i] > 0 ? px[i] : 0;
}
int main(int argc, char **argv) {
  float x[4] = {1, 2, 3, 4}, y[4];
  preprocess(x, 4);
  for (int step = 0; step < argc * 8; step++) { // $generation
    forward(x, y);
    x[step % 4] = y[0];
  }
  float range[4] = {-1, 2, -3, 4};
  for (int i = 0; i < 4; i++) // $clamp
    range[i] = range[i] > 0 ? range[i] : 0;
  return (int)x[0] + (int)range[0];
}
)", false, "gpt2.c");
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].kind, "eval") << listFindings(a);
  std::vector<std::string> loops;
  for (const Finding &f : a.findings)
    if (f.stage == "loop")
      loops.push_back(f.function + ":" + std::to_string(f.line));
  EXPECT_EQ(loops, std::vector<std::string>{"main:18"}) << listFindings(a);
}

TEST(EntryKind, AnInferenceProgramsGenerationLoopIsItsStopAndNoTrainingLoop) {
  // llama2.c's run: generate() loops over positions calling forward, then picks the next
  // token. That loop is the program's stop (role evaluation); forward's own loops are not.
  Analysis a = analyseCode(R"(
#include <math.h>
static float w[16];
static void softmax(float *x, int n) {
  float max = x[0], sum = 0;
  for (int i = 1; i < n; i++) if (x[i] > max) max = x[i];
  for (int i = 0; i < n; i++) { x[i] = expf(x[i] - max); sum += x[i]; }
  for (int i = 0; i < n; i++) x[i] /= sum;
}
static float *forward(int token, float *logits) {
  for (int i = 0; i < 4; i++) {
    float val = 0;
    for (int j = 0; j < 4; j++) val += w[i * 4 + j] * (float)(token + j);
    logits[i] = val;
  }
  softmax(logits, 4);
  return logits;
}
static int pick(const float *p, int n) {
  int best = 0;
  for (int i = 1; i < n; i++) if (p[i] > p[best]) best = i;
  return best;
}
static void generate(int steps) {
  float logits[4];
  int token = 1;
  for (int pos = 0; pos < steps; pos++) {
    token = pick(forward(token, logits), 4);
  }
}
int main(void) {
  generate(16);
  return 0;
}
)",
                           false, "run.c");
  ASSERT_EQ(a.entries.size(), 1u);
  EXPECT_EQ(a.entries[0].kind, "eval") << listFindings(a);
  EXPECT_NE(findingOf(a, "loop", "evaluation", "generate"), nullptr) << listFindings(a);
  EXPECT_EQ(findingOf(a, "loop", "evaluation", "forward"), nullptr) << listFindings(a);
  EXPECT_EQ(findingOf(a, "loop", "evaluation", "softmax"), nullptr) << listFindings(a);
  EXPECT_NE(summaryLine(RunSummary{}, a).find("no training loop found"), std::string::npos)
      << summaryLine(RunSummary{}, a);
}

} // namespace
} // namespace tourguide::indexer::test
