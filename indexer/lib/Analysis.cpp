// From the program index to findings: for each `main`, walk the call graph depth-first
// (calls and loops in line order, which approximates the order the program runs them),
// report each reached function's stages, find the training loops (loops whose body reaches
// an update and a forward or loss computation), and classify the entry point.
#include "DispatchValues.h"

#include "tourguide/indexer/Findings.h"
#include "tourguide/indexer/Names.h"
#include "tourguide/indexer/TourDraft.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

#include <algorithm>
#include <optional>
#include <map>
#include <set>
#include <tuple>

namespace tourguide::indexer {

namespace {

bool isExecutableFile(const std::string &path) {
  return llvm::sys::fs::is_regular_file(path) && llvm::sys::fs::can_execute(path);
}

/// How a call names its callee: qualified when Clang resolved it, else (inside a template) by name.
const std::string &calleeNameOf(const CallFact &c) {
  return c.calleeQualifiedName.empty() ? c.calleeName : c.calleeQualifiedName;
}


bool loopEncloses(const FunctionFacts &fn, int inner, int outer) {
  for (int l = inner; l >= 0; l = fn.loops[l].parent)
    if (l == outer)
      return true;
  return false;
}

/// For each stage, the first function (breadth-first) that implements it.
using StageWitness = std::map<std::string, std::string>;

class Analyser {
public:
  Analyser(const ProgramIndex &index, const AnalysisOptions &options)
      : index(index), options(options), origins(options.repoRoot, options.profiles, frameworksBuiltHere(options)) {}

  Analysis run() {
    Analysis out;
    for (const std::string &mainKey : index.mains()) {
      // A bundled library's own test or tool is not one of the repo's programs.
      if (!isOwn(mainKey))
        continue;
      EntryPoint program = describeEntry(mainKey);
      // One main that dispatches on its first arguments (darknet classifier train, fasttext
      // supervised) is several programs: each subcommand is an entry point of its own.
      std::set<std::string> seen;
      std::vector<CommandPath> commands = commandsOf(mainKey, 0, seen);
      if (commands.size() < 2)
        commands = {CommandPath{}};
      if (!programSetters)
        programSetters = DispatchValues::findProgramSetters(index);
      dispatch.emplace(index, mainKey, programSetters); // before any closure: they follow only the field branches it keeps
      sharedUpdates = updatesSharedByCommands(mainKey, commands);
      closureCache.clear(); // closures and training loops depend on which updates count
      trainingLoopCache.clear();
      for (const CommandPath &path : commands) {
        EntryPoint entry = program;
        for (const std::vector<std::string> &level : path)
          entry.command.push_back(llvm::join(level, "|"));
        commandPath = path;
        // Each subcommand's own field values (fasttext's `supervised` sets its loss; `test`
        // reads it from the model file); the closures follow them.
        if (!path.empty()) {
          DispatchValues own(index, mainKey, wordsOf(path), programSetters);
          // Most subcommands see the program's values (darknet's 33): their closures are kept.
          if (!own.sameValuesAs(*dispatch)) {
            dispatch.reset();
            dispatch.emplace(std::move(own));
            closureCache.clear();
            trainingLoopCache.clear();
          }
        }
        std::vector<Finding> findings;
        // A bug of ours on code nobody here has seen must not cost the other programs'
        // findings: this one keeps what was found before it, and says so.
        try {
          walk(entry, findings);
          classify(entry, findings);
        } catch (const std::exception &e) {
          out.problems.push_back("internal error while analysing '" + entry.name() + "': " + e.what() +
                                 "; its findings are incomplete (please report it)");
        }
        out.entries.push_back(entry);
        for (Finding &f : findings)
          out.findings.push_back(std::move(f));
      }
      commandPath.clear();
      sharedUpdates.clear();
      closureCache.clear();
      trainingLoopCache.clear();
    }
    for (const auto &[key, fn] : index.functions())
      origins.of(fn.file);
    out.files = origins.files();
    out.frameworks = frameworkCalls;
    return out;
  }

private:
  static std::set<std::string> frameworksBuiltHere(const AnalysisOptions &options) {
    std::set<std::string> names;
    for (const std::string &tu : options.translationUnits)
      if (const FrameworkProfile *fw = options.profiles.frameworkOfFile(tu, options.repoRoot))
        names.insert(fw->name);
    return names;
  }

  /// The command words at each level of a subcommand dispatch.
  using CommandPath = std::vector<std::vector<std::string>>;

  /// A call that runs only for some command words (not one inside a loop: that is option
  /// parsing, `for (i...) if (!strcmp(argv[i], "gpu"))`).
  static bool isDispatch(const CallFact &c) { return !c.command.empty() && c.loop < 0; }

  /// The subcommands `key` dispatches to, leaves only (`classifier train`, `classifier valid`,
  /// `detector train`, ...), in the order the code tests them; empty when it has none.
  std::vector<CommandPath> commandsOf(const std::string &key, unsigned depth, std::set<std::string> &seen) {
    std::vector<CommandPath> out;
    const FunctionFacts *fn = index.function(key);
    if (!fn || depth > 3 || !seen.insert(key).second)
      return out;
    std::vector<std::vector<std::string>> groups; // distinct command words, in order
    for (const CallFact &c : fn->calls) {
      if (isDispatch(c)) {
        if (std::find(groups.begin(), groups.end(), c.command) == groups.end())
          groups.push_back(c.command);
        continue;
      }
      // run(argc, argv) from main, which then dispatches: its subcommands are main's.
      if (c.loop < 0)
        for (const std::string &t : index.targetsOf(c))
          if (isOwn(t))
            for (CommandPath &p : commandsOf(t, depth + 1, seen))
              out.push_back(std::move(p));
    }
    for (const std::vector<std::string> &words : groups) {
      std::vector<CommandPath> below;
      bool ownCode = false; // `version` printing a string has nothing to tour
      for (const CallFact &c : fn->calls)
        if (isDispatch(c) && c.command == words)
          for (const std::string &t : index.targetsOf(c))
            if (isOwn(t)) {
              ownCode = true;
              for (CommandPath &p : commandsOf(t, depth + 1, seen))
                below.push_back(std::move(p));
            }
      if (!ownCode)
        continue;
      if (below.empty())
        below.push_back({});
      for (CommandPath &p : below) {
        p.insert(p.begin(), words);
        if (out.size() < 64)
          out.push_back(std::move(p));
      }
    }
    return out;
  }

  /// Every word of a subcommand, at any level ("classifier", "train").
  static std::set<std::string> wordsOf(const CommandPath &path) {
    std::set<std::string> words;
    for (const std::vector<std::string> &level : path)
      words.insert(level.begin(), level.end());
    return words;
  }

  /// Whether a call runs for the entry's subcommand; `level` is how many of its words the
  /// walk has passed, and becomes one more through a dispatch that matches.
  bool followsCommand(const CallFact &c, unsigned &level) const {
    if (commandPath.empty() || !isDispatch(c) || level >= commandPath.size())
      return true;
    const std::vector<std::string> &want = commandPath[level];
    bool match = std::any_of(c.command.begin(), c.command.end(), [&](const std::string &w) {
      return std::find(want.begin(), want.end(), w) != want.end();
    });
    if (match)
      ++level;
    return match;
  }

  /// Whether `key`'s match says what a caller reaching it does: building the network is not
  /// running it, and an update all subcommands reach is a shared helper (updatesSharedByCommands).
  bool countsWhenReached(const std::string &key, const StageMatch &m) const {
    // A framework's pass over a data set that updates nothing (ggml_opt_epoch with no training
    // split) is an evaluation: reaching it does not make a program train.
    return m.role != "build" && !(m.stage == "optimizer" && sharedUpdates.count(key)) &&
           !(m.stage == "loop" && m.role == "evaluation");
  }

  /// Stages of everything the entry's subcommand reaches.
  std::set<std::string> stagesUnderCommand(const std::string &key) {
    std::set<std::string> stages;
    for (const std::string &k : reachedUnderCommand(key))
      for (const StageMatch &m : stagesOf(k))
        if (countsWhenReached(k, m))
          stages.insert(m.stage);
    return stages;
  }

  /// Everything the entry's subcommand reaches.
  std::set<std::string> reachedUnderCommand(const std::string &key) {
    std::set<std::string> reached;
    std::set<std::pair<std::string, unsigned>> seen;
    std::vector<std::pair<std::string, unsigned>> todo{{key, 0}};
    while (!todo.empty()) {
      auto [k, level] = todo.back();
      todo.pop_back();
      if (!seen.insert({k, level}).second)
        continue;
      reached.insert(k);
      if (const FunctionFacts *fn = index.function(k))
        for (const CallFact &c : fn->calls) {
          unsigned next = level;
          if (followsCommand(c, next))
            for (const std::string &t : index.targetsOf(c))
              todo.push_back({t, next});
        }
    }
    return reached;
  }

  /// Parameter-update code that (nearly) every subcommand reaches is a shared helper
  /// (darknet's axpy_cpu, which layers' forward passes call too), not what makes one
  /// command train: only updates some commands reach and others do not tell them apart.
  std::set<std::string> updatesSharedByCommands(const std::string &mainKey, const std::vector<CommandPath> &commands) {
    std::map<std::string, unsigned> count;
    for (const CommandPath &path : commands) {
      commandPath = path;
      for (const std::string &k : reachedUnderCommand(mainKey)) {
        if (hasStage(stagesOf(k), "optimizer"))
          ++count[k];
      }
    }
    commandPath.clear();
    std::set<std::string> shared;
    if (commands.size() >= 4)
      for (const auto &[k, n] : count)
        if (4 * n >= 3 * commands.size())
          shared.insert(k);
    return shared;
  }

  /// Stops and stage rules apply to the repo's own code only; a framework's or a bundled
  /// library's functions are seen from their call sites.
  bool isOwn(const std::string &key) {
    const FunctionFacts *fn = index.function(key);
    return fn && origins.of(fn->file).origin == Origin::Own;
  }

  const std::vector<StageMatch> &stagesOf(const std::string &key) {
    auto it = stageCache.find(key);
    if (it != stageCache.end())
      return it->second;
    if (!isOwn(key))
      return stageCache[key]; // empty
    const FunctionFacts &fn = *index.function(key);
    std::vector<StageMatch> stages = functionStages(fn);
    std::optional<ProfileMatch> overridden = options.profiles.matchMethod(fn.baseClasses, fn.name);
    if (overridden)
      merge(stages, methodMatch(fn, *overridden));
    for (StageMatch &m : frameworkCallMatches(fn))
      merge(stages, std::move(m));
    // A function that is the framework's stage itself (a Module's forward) is the stop: the
    // layers it calls are how it does it (evidence), not a call to stop at.
    if (overridden)
      for (StageMatch &s : stages)
        if (s.stage == overridden->stage && s.role == overridden->role)
          s.via.clear();
    stageCache[key] = stages; // provisional, guards recursion
    if (auto m = compositionModel(fn, stages))
      stages.push_back(*m);
    if (auto m = dispatchModel(fn, stages))
      stages.push_back(*m);
    if (auto m = compositionByName(fn, stages))
      stages.push_back(*m);
    if (auto m = compositionDataPass(fn, stages))
      stages.push_back(*m);
    if (auto m = compositionOptimizer(fn, stages))
      stages.push_back(*m);
    if (auto m = compositionStep(fn, stages))
      stages.push_back(*m);
    if (auto m = compositionMetrics(fn, stages))
      stages.push_back(*m);
    if (stages.empty())
      stages = wrapperStages(fn);
    if (stages.empty())
      if (auto m = operatorOfAPass(fn))
        stages.push_back(*m);
    if (auto m = assemblesTheNetwork(fn, stages))
      stages.push_back(*m);
    for (StageMatch &m : stages)
      m.role = indexer::roleOf(fn, m);
    return stageCache[key] = stages;
  }

  /// A stage already found for the function with the same (or no) role takes the new
  /// evidence; otherwise the match is a stage of its own.
  static void merge(std::vector<StageMatch> &stages, StageMatch m) {
    for (StageMatch &s : stages)
      if (s.stage == m.stage && (s.role.empty() || s.role == m.role) && s.via.empty()) {
        s.evidence.insert(s.evidence.end(), m.evidence.begin(), m.evidence.end());
        s.confidence = std::min(0.95, std::max(s.confidence, m.confidence) + 0.1);
        s.role = m.role;
        s.via = m.via;
        s.framework = m.framework;
        return;
      }
    stages.push_back(std::move(m));
  }

  StageMatch methodMatch(const FunctionFacts &fn, const ProfileMatch &pm) {
    StageMatch m;
    m.stage = pm.stage;
    m.role = pm.role;
    m.framework = pm.profile->name;
    m.confidence = 0.8;
    m.evidence.push_back({"`" + fn.qualifiedName + "` overrides " + pm.profile->name + "'s `" + fn.name + "`: " +
                              pm.what,
                          fn.line});
    return m;
  }

  /// The frameworks whose API some resolved call of the program's own code names.
  const std::set<std::string> &frameworksInUse() {
    if (inUse)
      return *inUse;
    inUse.emplace();
    for (const auto &[key, fn] : index.functions())
      if (origins.of(fn.file).origin == Origin::Own)
        for (const CallFact &c : fn.calls)
          for (const std::string *name : {&c.calleeSpecialisedName, &c.calleeQualifiedName})
            if (auto pm = options.profiles.matchCall(*name)) {
              inUse->insert(pm->profile->name);
              break;
            }
    return *inUse;
  }

  /// What a call means by the profiles, when it goes into a framework (not into the repo's
  /// own code, which is followed into its body instead).
  /// `name` is the callee's name the profile matched: as Clang names it, else with its class
  /// template's arguments (`ModuleHolder<torch::nn::LinearImpl>::operator()` is a layer,
  /// `...<CrossEntropyLossImpl>...` a loss).
  std::optional<ProfileMatch> frameworkMeaning(const CallFact &c, bool &byNameOnly, std::string &name) {
    byNameOnly = false;
    name = calleeNameOf(c);
    if (!c.table.empty())
      return std::nullopt; // an element of a table of functions is no API's name
    std::vector<std::string> targets = index.targetsOf(c);
    if (std::any_of(targets.begin(), targets.end(), [&](const std::string &t) { return isOwn(t); }))
      return std::nullopt;
    CallConstants constants;
    for (const auto &[position, constant] : c.constantArguments)
      constants.emplace_back(position, constant.value);
    std::optional<ProfileMatch> pm = options.profiles.matchCall(calleeNameOf(c), constants);
    if (!pm && (pm = options.profiles.matchCall(c.calleeSpecialisedName, constants)))
      name = c.calleeSpecialisedName;
    if (!pm && c.calleeUsr.empty()) { // unresolved, inside a template
      pm = options.profiles.matchDependentCall(c.calleeName, frameworksInUse(), constants);
      byNameOnly = pm.has_value();
    }
    return pm;
  }

  /// Calls from the repo's code into a framework, by the profiles: one match per stage and
  /// role, anchored at the first such call (the line a stop would show).
  std::vector<StageMatch> frameworkCallMatches(const FunctionFacts &fn) {
    std::vector<StageMatch> out, inner;
    for (const CallFact &c : fn.calls) {
      bool byNameOnly = false;
      std::string name;
      std::optional<ProfileMatch> pm = frameworkMeaning(c, byNameOnly, name);
      if (!pm)
        continue;
      ++frameworkCalls[pm->profile->name];
      std::string text = "line " + std::to_string(c.line) + ": calls `" + name + "`" +
                         (byNameOnly ? " (inside a template: taken by its name as " + pm->profile->name + "'s)" : "") +
                         ", " + pm->profile->name + (pm->what.empty() ? "'s " + pm->stage : ": " + pm->what);
      auto same = std::find_if(out.begin(), out.end(), [&](const StageMatch &m) {
        return m.stage == pm->stage && m.role == pm->role;
      });
      if (same != out.end()) {
        if (same->evidence.size() < 4)
          same->evidence.push_back({text, c.line});
        continue;
      }
      StageMatch m;
      m.stage = pm->stage;
      m.role = pm->role;
      m.via = name;
      m.framework = pm->profile->name;
      m.confidence = 0.85;
      m.anchorLine = c.line;
      m.evidence.push_back({text, c.line});
      out.push_back(std::move(m));
      // The loss and the update of a fit call are the caller's stages too: its code never
      // names them, and a newcomer looks for them at this line.
      for (const InnerStage &in : pm->inside) {
        StageMatch im;
        im.stage = in.stage;
        im.role = in.role;
        im.via = name;
        im.framework = pm->profile->name;
        im.confidence = 0.7;
        im.anchorLine = c.line;
        im.evidence.push_back({"line " + std::to_string(c.line) + ": calls `" + name + "`, inside which " +
                                   pm->profile->name + " runs " + (in.what.empty() ? "the " + in.stage : in.what),
                               c.line});
        inner.push_back(std::move(im));
      }
    }
    for (StageMatch &im : inner)
      if (std::none_of(out.begin(), out.end(),
                       [&](const StageMatch &m) { return m.stage == im.stage && m.role == im.role; }))
        out.push_back(std::move(im));
    return out;
  }

  /// A function that only chains model computations (layers) is the model's forward or
  /// backward pass: mlp_forward calling linear_forward and relu_forward, Sequential::forward
  /// calling each layer's virtual forward.
  std::optional<StageMatch> compositionModel(const FunctionFacts &fn, const std::vector<StageMatch> &own) {
    if (fn.isMain || fn.isLambda)
      return std::nullopt;
    // An evaluation's driver (reads the rows, scores the predictions: svm-predict's predict)
    // calls the model; it is not the model.
    if (hasStage(own, "model") || (hasStage(own, "data") && hasStage(own, "metrics")))
      return std::nullopt;
    // Named for the loss, it runs the model to get the cost (kann_cost_core: forward, then
    // backward from the cost node): the loss's step, not the model.
    if (isLossName(fn.name))
      return std::nullopt;
    std::set<std::string> modelCallees;
    unsigned modelCalls = 0, otherCalls = 0, lossCalls = 0;
    std::vector<Evidence> evidence;
    for (const CallFact &c : fn.calls)
      for (const std::string &t : index.targetsOf(c)) {
        if (t == index.function(t)->usr && t == fn.usr)
          continue;
        bool isModel = false;
        for (const StageMatch &m : stagesOf(t)) {
          if (m.role == "build")
            continue;
          if (m.stage == "model")
            isModel = true;
          // Clearing the gradients first (a lazily set-up backward) is not an update.
          if ((m.stage == "optimizer" && m.role != "zero_grad") || m.stage == "data")
            return std::nullopt; // a training step, not a model
          if (m.stage == "loss")
            ++lossCalls;
          if (m.stage == "model" && modelCallees.insert(t).second)
            evidence.push_back({"line " + std::to_string(c.line) + ": calls `" + index.function(t)->qualifiedName +
                                    "` (model)" + (c.isVirtual ? " through a virtual call" : ""),
                                c.line});
        }
        ++(isModel ? modelCalls : otherCalls);
      }
    bool named = nameHas(fn.name, {"forward", "backward", "predict", "infer", "propagate", "backprop"});
    // A forward that ends in the loss (gpt2_forward) is still the model's forward; a function
    // that calls a loss and a layer or two is a training step.
    if (lossCalls > 0 && !(named && modelCalls >= 3))
      return std::nullopt;
    // A thin wrapper (a few calls, one of them the model) is the model too; a loop that only
    // sets flags (kad_eval_at marking the node to compute) calls nothing and decides nothing.
    bool loopsCallNothing = std::none_of(fn.calls.begin(), fn.calls.end(), [](const CallFact &c) { return c.loop >= 0; });
    bool wrapper = modelCalls >= 1 && otherCalls <= 2 && loopsCallNothing && fn.statements.empty();
    if (modelCalls == 0 || (modelCalls < 2 && !named && !wrapper))
      return std::nullopt;
    StageMatch m;
    m.stage = "model";
    m.evidence = evidence;
    if (wrapper && modelCalls < 2 && !named)
      m.evidence.push_back({"does little but call the model", 0});
    m.confidence = std::min(0.95, 0.3 + 0.2 * std::min(modelCalls, 3u) + (named ? 0.2 : 0.0));
    if (named)
      m.evidence.push_back({"the name `" + fn.qualifiedName + "` suggests a model computation", 0});
    if (m.confidence < kReportThreshold)
      return std::nullopt;
    return m;
  }

  /// The call in a loop that runs each node of a graph through its own operator, when the
  /// operators are model functions (`kad_op_list[a[i]->op](a[i], KAD_FORWARD)` over the
  /// nodes, `l.forward(l, net)` over the layers); nullptr when `fn` makes none.
  const CallFact *dispatchOverNodes(const FunctionFacts &fn, std::vector<std::string> *operators = nullptr) {
    for (const CallFact &c : fn.calls) {
      if (c.loop < 0 || (c.table.empty() && c.pointerField.empty()))
        continue;
      std::vector<std::string> models;
      for (const std::string &t : index.targetsOf(c))
        if (t != fn.usr && std::any_of(stagesOf(t).begin(), stagesOf(t).end(), [](const StageMatch &m) {
              return m.stage == "model" && m.role != "build";
            }))
          models.push_back(index.function(t)->qualifiedName);
      if (models.size() >= 2) {
        if (operators)
          *operators = std::move(models);
        return &c;
      }
    }
    return nullptr;
  }

  /// A loop that runs each node of a graph through its operator is the model's pass (the
  /// function that calls the layers in order), even though one of the operators is the cost:
  /// backward when the action it passes or its name says so (KAD_BACKWARD, kad_grad).
  std::optional<StageMatch> dispatchModel(const FunctionFacts &fn, const std::vector<StageMatch> &own) {
    if (fn.isMain || fn.isLambda || hasStage(own, "model"))
      return std::nullopt;
    std::vector<std::string> operators;
    const CallFact *c = dispatchOverNodes(fn, &operators);
    if (!c)
      return std::nullopt;
    bool backward = nameHas(fn.name, {"backward", "backprop", "bprop", "grad", "bwd"});
    for (const auto &[position, constant] : c->constantArguments)
      backward = backward || nameHas(constant.spelling, {"backward", "backprop", "grad", "bwd"});
    StageMatch m;
    m.stage = "model";
    m.role = backward ? "backward" : "forward";
    m.confidence = 0.7;
    m.anchorLine = c->line;
    operators.resize(std::min<size_t>(operators.size(), 4));
    m.evidence.push_back({"line " + std::to_string(c->line) + ": runs each node through its operator (`" +
                              c->calleeName + "`: " + llvm::join(operators, ", ") + ", ...), in a loop: the " +
                              m.role + " pass over the whole model",
                          c->line});
    return m;
  }

  /// A function a graph's pass runs as one node's operator (an entry of `kad_op_list`, which
  /// kad_eval_marked calls for every node): one of the model's layers, whatever its body
  /// shows (kad_op_cmul hands its product to a helper, kad_op_max2d only compares).
  std::optional<StageMatch> operatorOfAPass(const FunctionFacts &fn) {
    if (!passOperators) {
      // Once per analysis: a repo without tables has none, and asking again for every
      // function rescanned the whole program each time (8.5 s of 9 on dlib's 64 examples).
      passOperators.emplace();
      for (const auto &[key, caller] : index.functions()) {
        if (!isOwn(key))
          continue;
        for (const CallFact &c : caller.calls)
          if (!c.table.empty() && c.loop >= 0)
            for (const std::string &t : index.targetsOf(c))
              passOperators->emplace(t, "line " + std::to_string(c.line) + " of `" + caller.qualifiedName + "` runs it as a node's operator, through `" + c.calleeName + "`");
      }
    }
    auto it = passOperators->find(fn.usr);
    if (it == passOperators->end() || fn.isMain || (fn.loops.empty() && fn.calls.empty()))
      return std::nullopt;
    StageMatch m;
    m.stage = "model";
    m.confidence = 0.55;
    m.evidence.push_back({it->second + ": an operator of the model's graph", 0});
    return m;
  }

  /// A function that puts the network together from its parts and hands it to the function
  /// that makes the model (mnist-cnn's main: conv2d, relu, max2d, dropout, dense, cost layers,
  /// then kann_new): the builder's stop, as a function returning the model is (model_gen).
  /// Its parts are three or more functions returning the same record type (the graph's node).
  std::optional<StageMatch> assemblesTheNetwork(const FunctionFacts &fn, const std::vector<StageMatch> &own) {
    if (fn.isLambda || hasStage(own, "model"))
      return std::nullopt;
    std::map<std::string, std::set<std::string>> partsByType;
    const CallFact *maker = nullptr;
    for (const CallFact &c : fn.calls)
      for (const std::string &t : index.targetsOf(c)) {
        const FunctionFacts *callee = index.function(t);
        if (!callee || t == fn.usr)
          continue;
        if (!callee->returnsRecord.empty())
          partsByType[callee->returnsRecord].insert(t);
        for (const StageMatch &m : stagesOf(t))
          if (m.role == "build" && !maker)
            maker = &c;
      }
    if (!maker)
      return std::nullopt;
    const FunctionFacts *made = nullptr;
    for (const std::string &t : index.targetsOf(*maker))
      made = index.function(t);
    for (const auto &[type, parts] : partsByType)
      if (parts.size() >= 3 && made && type != made->returnsRecord) {
        StageMatch m;
        m.stage = "model";
        m.role = "build";
        m.confidence = 0.55;
        m.anchorLine = maker->line;
        m.evidence.push_back({"puts the network together from " + std::to_string(parts.size()) + " functions returning `" +
                                  type + "`, and line " + std::to_string(maker->line) + " hands it to `" +
                                  made->qualifiedName + "`, which makes the model",
                              maker->line});
        return m;
      }
    return std::nullopt;
  }

  /// One training step written as calls, with no loop of its own: the model's forward, the
  /// loss, then the update (libfann's fann_train: fann_run, fann_compute_MSE,
  /// fann_backpropagate_MSE, fann_update_weights, called per row by the incremental epoch).
  std::optional<StageMatch> compositionStep(const FunctionFacts &fn, const std::vector<StageMatch> &own) {
    if (fn.isMain || fn.isLambda || !fn.loops.empty() || hasStage(own, "optimizer"))
      return std::nullopt;
    std::optional<Evidence> model, loss, update;
    for (const CallFact &c : fn.calls)
      for (const std::string &t : index.targetsOf(c)) {
        if (t == fn.usr)
          continue;
        for (const StageMatch &m : stagesOf(t)) {
          std::string text = "line " + std::to_string(c.line) + ": calls `" + index.function(t)->qualifiedName + "`";
          if (m.stage == "model" && m.role != "build" && !model && !loss && !update)
            model = Evidence{text + " (model)", c.line};
          else if (m.stage == "loss" && model && !loss && !update)
            loss = Evidence{text + " (loss)", c.line};
          else if (m.stage == "optimizer" && m.role == "step" && model && loss && !update)
            update = Evidence{text + " (update)", c.line};
        }
      }
    if (!update)
      return std::nullopt;
    StageMatch out;
    out.stage = "optimizer";
    out.role = "step";
    out.confidence = 0.6;
    out.throughCalls = true;
    out.anchorLine = update->line;
    out.evidence = {*model, *loss, *update};
    out.evidence.push_back({"runs the model, the loss and the update once, in that order: one training step", 0});
    return out;
  }

  /// `sgd_init(&opt, lr, momentum, ...)`: named as the optimizer's set-up (it runs once,
  /// before the loop, and keeps the learning rate for the steps), it takes no step itself.
  static bool setsUpOnly(const FunctionFacts &fn) {
    return nameHas(fn.name, {"init", "create", "setup", "alloc", "build", "construct"});
  }

  /// An update step whose arithmetic is in a helper (fasttext's Model::update calling the
  /// matrix's addVectorToRow per input row): named as a step and calling a parameter update.
  std::optional<StageMatch> compositionOptimizer(const FunctionFacts &fn, const std::vector<StageMatch> &own) {
    if (fn.isMain || fn.isLambda || !nameHas(fn.name, {"update", "step", "sgd", "adam", "optim", "apply_grad"}) ||
        nameHas(fn.name, {"forward", "predict", "infer"}) || setsUpOnly(fn))
      return std::nullopt;
    if (hasStage(own, "optimizer"))
      return std::nullopt;
    for (const CallFact &c : fn.calls)
      for (const std::string &t : index.targetsOf(c)) {
        if (t == fn.usr)
          continue;
        for (const StageMatch &m : stagesOf(t))
          if (m.stage == "optimizer" && m.role != "zero_grad") {
            StageMatch out;
            out.stage = "optimizer";
            out.role = "step";
            out.confidence = 0.6;
            out.anchorLine = c.line;
            out.evidence.push_back({"line " + std::to_string(c.line) + ": calls `" + index.function(t)->qualifiedName +
                                        "`, which moves parameters",
                                    c.line});
            out.evidence.push_back({"the name `" + fn.qualifiedName + "` says it is an update step", 0});
            return out;
          }
      }
    // Model::update(input, targets, lr, ...): a step that is given the learning rate.
    for (const std::string &p : fn.paramNames) {
      if (looksLikeLearningRate(p)) {
        StageMatch out;
        out.stage = "optimizer";
        out.role = "step";
        out.confidence = 0.55;
        out.evidence.push_back({"`" + fn.qualifiedName + "` is named as an update step and is given the learning rate `" +
                                    p + "`",
                                fn.line});
        return out;
      }
    }
    return std::nullopt;
  }

  /// An evaluation whose scoring is in the functions it calls (libfann's fann_test: fann_run,
  /// then fann_update_MSE per output; fann_test_data calling fann_test per row): named as an
  /// evaluation, it runs the model and scores it, and updates nothing.
  std::optional<StageMatch> compositionMetrics(const FunctionFacts &fn, const std::vector<StageMatch> &own) {
    if (fn.isMain || fn.isLambda || hasStage(own, "metrics") || hasStage(own, "optimizer") ||
        !nameHas(fn.name, {"test", "eval", "valid", "accuracy", "score", "error"}) || nameHas(fn.name, {"train"}))
      return std::nullopt;
    // Evaluating a graph (kad_eval_marked running each node's operator) is its forward pass.
    if (dispatchOverNodes(fn))
      return std::nullopt;
    std::optional<Evidence> model, scored;
    for (const CallFact &c : fn.calls)
      for (const std::string &t : index.targetsOf(c)) {
        if (t == fn.usr)
          continue;
        for (const StageMatch &m : stagesOf(t)) {
          if ((m.stage == "optimizer" && m.role != "zero_grad") || closureOf(t).count("optimizer"))
            return std::nullopt; // cross-validation trains
          std::string text = "line " + std::to_string(c.line) + ": calls `" + index.function(t)->qualifiedName + "`";
          if (m.stage == "model" && !model)
            model = Evidence{text + " (model)", c.line};
          if ((m.stage == "loss" || m.stage == "metrics") && !scored)
            scored = Evidence{text + " (" + m.stage + ")", c.line};
        }
      }
    if (!scored || !(model || hasStage(own, "model") || scoresAMetric(fn)))
      return std::nullopt;
    StageMatch out;
    out.stage = "metrics";
    out.confidence = 0.6;
    out.anchorLine = scored->line;
    if (model)
      out.evidence.push_back(*model);
    out.evidence.push_back(*scored);
    out.evidence.push_back({"the name `" + fn.qualifiedName + "` says it evaluates, and it updates nothing", 0});
    return out;
  }

  /// Calls a function that is itself an evaluation (fann_test_data -> fann_test).
  bool scoresAMetric(const FunctionFacts &fn) {
    for (const CallFact &c : fn.calls)
      for (const std::string &t : index.targetsOf(c))
        if (t != fn.usr && hasStage(stagesOf(t), "metrics"))
          return true;
    return false;
  }

  /// A loader or checkpoint function whose reads happen in a helper it calls
  /// (dataloader_load_batch -> fread_check, gpt2_build_from_checkpoint -> fopen_check): the
  /// name says which, a callee that reads says it really does.
  std::optional<StageMatch> compositionByName(const FunctionFacts &fn, const std::vector<StageMatch> &own) {
    if (fn.isMain || fn.isLambda || !own.empty())
      return std::nullopt;
    // llama2.c's build_transformer(t, checkpoint_path) handing its checkpoint path to
    // read_checkpoint: what it is given says what it loads.
    for (const CallFact &c : fn.calls)
      for (const auto &[argument, parameter] : c.parameterArguments)
        if (parameter < fn.paramNames.size() && isCheckpointName(fn.paramNames[parameter]))
          for (const std::string &t : index.targetsOf(c))
            if (t != fn.usr && hasStage(stagesOf(t), "checkpoint")) {
              StageMatch out;
              out.stage = "checkpoint";
              out.confidence = 0.6;
              out.anchorLine = c.line;
              out.byCallees = true;
              out.evidence.push_back({"line " + std::to_string(c.line) + ": hands its `" + fn.paramNames[parameter] +
                                          "` to `" + index.function(t)->qualifiedName + "`, which restores the model",
                                      c.line});
              return out;
            }
    // A thin wrapper (fann_save -> fann_save_internal) is the wrapper rule's: its stop stands
    // for its callee's (wrapperStages).
    if (wrappedCallee(fn))
      return std::nullopt;
    // Named to save (TrainerInterface::Save, tg_save) or as a checkpoint; not the looser names
    // a function's own writes confirm (`*_weights`, load_network building the net as it reads).
    bool checkpointName = isCheckpointName(fn.name) || nameHas(fn.name, {"save", "serializ"});
    bool dataName = !checkpointName && isDataLoaderName(fn.name);
    if (!checkpointName && !dataName)
      return std::nullopt;
    // A file's reads and writes done by an unnamed helper (sentencepiece's SaveModel calling
    // its WritableFile's Write) are the named function's. (Not for data: a reader of a
    // configuration file is named like a data loader too, darknet's read_data_cfg.)
    auto hasStatement = [&](const std::string &t, std::initializer_list<llvm::StringRef> kinds) {
      const FunctionFacts *callee = index.function(t);
      return callee && std::any_of(callee->statements.begin(), callee->statements.end(), [&](const StatementFact &s) {
               return llvm::is_contained(kinds, s.kind);
             });
    };
    for (const CallFact &c : fn.calls)
      for (const std::string &t : index.targetsOf(c)) {
        if (t == fn.usr)
          continue;
        const std::vector<StageMatch> &callee = stagesOf(t);
        bool readsOrWrites = std::any_of(callee.begin(), callee.end(), [](const StageMatch &m) {
          return m.stage == "data" || m.stage == "checkpoint";
        }) || (checkpointName && callee.empty() && hasStatement(t, {"file_read", "file_write", "file_open"}));
        if (!readsOrWrites)
          continue;
        StageMatch out;
        out.stage = checkpointName ? "checkpoint" : "data";
        out.confidence = 0.6;
        out.byCallees = true; // the callee that reads or writes is a stop of its own
        // Saving or loading as the callee does (its own lines decide nothing here).
        if (checkpointName)
          out.role = std::any_of(callee.begin(), callee.end(),
                                 [](const StageMatch &m) { return m.stage == "checkpoint" && m.role == "save"; }) ||
                             (callee.empty() && hasStatement(t, {"file_write"}))
                         ? "save"
                         : "load";
        out.evidence.push_back({"the name `" + fn.qualifiedName + "` says " +
                                    (checkpointName ? "it saves or restores the model" : "it loads data"),
                                0});
        out.evidence.push_back({"line " + std::to_string(c.line) + ": calls `" + index.function(t)->qualifiedName +
                                    "`, which reads or writes a file",
                                c.line});
        return out;
      }
    return std::nullopt;
  }

  /// A pass over the rows handing each to a data transform (libfann's fann_scale_train calling
  /// fann_scale_input and fann_scale_output per row): the data stage, its work in its callees.
  /// Not a loop that also runs the model, a loss, an update or a metric.
  std::optional<StageMatch> compositionDataPass(const FunctionFacts &fn, const std::vector<StageMatch> &own) {
    if (fn.isMain || fn.isLambda || !own.empty() || fn.loops.empty())
      return std::nullopt;
    std::optional<Evidence> transform;
    for (const CallFact &c : fn.calls)
      for (const std::string &t : index.targetsOf(c)) {
        if (t == fn.usr)
          continue;
        for (const StageMatch &m : stagesOf(t)) {
          if (m.stage != "data" && m.role != "build")
            return std::nullopt;
          if (m.stage == "data" && c.loop >= 0 && !transform)
            transform = Evidence{"line " + std::to_string(c.line) + ": calls `" + index.function(t)->qualifiedName +
                                     "` on each row (data)",
                                 c.line};
        }
      }
    if (!transform)
      return std::nullopt;
    StageMatch out;
    out.stage = "data";
    out.confidence = 0.6;
    out.byCallees = true;
    out.anchorLine = transform->line;
    out.evidence.push_back(*transform);
    return out;
  }

  /// How many '_'-separated words two names start with alike ("fann_save_to_fixed" and
  /// "fann_save_internal": 2).
  static unsigned sharedLeadingWords(llvm::StringRef a, llvm::StringRef b) {
    llvm::SmallVector<llvm::StringRef, 8> wa, wb;
    a.split(wa, '_', -1, false);
    b.split(wb, '_', -1, false);
    unsigned n = 0;
    while (n < wa.size() && n < wb.size() && wa[n] == wb[n])
      ++n;
    return n;
  }

  /// The one function of the repo's own that `fn` passes its work to, when `fn` is a thin
  /// wrapper: no loops, no telling statements, one own callee (`fann_save` ->
  /// `fann_save_internal`, `svm_load_model` -> a reader).
  std::optional<std::pair<std::string, const CallFact *>> wrappedCallee(const FunctionFacts &fn) {
    if (fn.isMain || fn.isLambda || !fn.loops.empty() || !fn.statements.empty() || fn.calls.size() > 3)
      return std::nullopt;
    // Named for the same thing (fann_save -> fann_save_internal, fann_save_to_fixed ->
    // fann_save_internal): not any one-call function (backward_softmax_layer -> axpy_cpu).
    auto sameName = [&](const FunctionFacts &callee) {
      std::string a = llvm::StringRef(fn.name).lower(), b = llvm::StringRef(callee.name).lower();
      return a.size() >= 4 && b.size() >= 4 &&
             (b.find(a) != std::string::npos || a.find(b) != std::string::npos || sharedLeadingWords(a, b) >= 2);
    };
    std::optional<std::pair<std::string, const CallFact *>> one;
    for (const CallFact &c : fn.calls)
      for (const std::string &t : index.targetsOf(c)) {
        if (t == fn.usr || !isOwn(t))
          continue;
        if ((one && one->first != t) || !sameName(*index.function(t)))
          return std::nullopt;
        one.emplace(t, &c);
      }
    return one;
  }

  /// A thin wrapper is where the program asks for the work, so the stop belongs there (the
  /// API a newcomer sees called), with the callee's stages; the callee's own stops for the
  /// same stages are then left out (wrapped).
  std::vector<StageMatch> wrapperStages(const FunctionFacts &fn) {
    std::vector<StageMatch> out;
    auto callee = wrappedCallee(fn);
    // A call into a training loop (kann_train_fnn1 -> kann_train_fnn1b) is not a load or a
    // build: the callee's loops are the stops, its shuffle is not the wrapper's data stage.
    if (!callee || functionHasTrainingLoop(callee->first))
      return out;
    const FunctionFacts &inner = *index.function(callee->first);
    for (const StageMatch &m : stagesOf(callee->first)) {
      // What a program asks a library for: load, save, build. Not a kernel's math.
      if (!m.via.empty() || !(m.stage == "data" || m.stage == "checkpoint" || m.role == "build"))
        continue;
      StageMatch w;
      w.stage = m.stage;
      w.role = m.role;
      w.confidence = m.confidence;
      w.anchorLine = callee->second->line;
      w.evidence.push_back({"line " + std::to_string(callee->second->line) + ": passes its work to `" +
                                inner.qualifiedName + "` (" + m.stage + (m.role.empty() ? "" : " " + m.role) + ")",
                            callee->second->line});
      out.push_back(std::move(w));
    }
    if (!out.empty())
      wrapperTarget[fn.usr] = callee->first;
    return out;
  }

  /// Stages implemented by `key` or anything it reaches, each with one witness.
  const StageWitness &closureOf(const std::string &key) {
    auto it = closureCache.find(key);
    if (it != closureCache.end())
      return it->second;
    StageWitness w;
    std::set<std::string> reach = dispatch ? dispatch->reachableFrom(key) : index.reachableFrom(key);
    // Prefer the function itself, then others in key order (deterministic).
    for (const StageMatch &m : stagesOf(key))
      if (countsWhenReached(key, m) && !m.throughCalls)
        w.emplace(m.stage, key);
    for (const std::string &k : reach)
      for (const StageMatch &m : stagesOf(k))
        if (countsWhenReached(k, m) && !m.throughCalls)
          w.emplace(m.stage, k);
    return closureCache[key] = w;
  }

  EntryPoint describeEntry(const std::string &key) {
    const FunctionFacts &fn = *index.function(key);
    EntryPoint e;
    e.key = key;
    e.function = fn.qualifiedName;
    e.file = fn.file;
    e.line = fn.line;
    if (const TUFacts *tu = index.tuOfMain(key)) {
      std::tie(e.program, e.executable) = locateProgram(*tu);
      // The same main.cc compiled into a library target and into the program: name the
      // program by the compile whose executable was built.
      for (const TUFacts *other : index.tusOfMain(key)) {
        auto [program, executable] = locateProgram(*other);
        if (isExecutableFile(executable)) {
          std::tie(e.program, e.executable) = std::make_pair(program, executable);
          break;
        }
      }
    } else {
      e.program = llvm::sys::path::stem(fn.file).str();
    }
    return e;
  }

  struct LoopInfo {
    StageWitness reached; ///< stage -> function (or "" when done inline in the loop body)
    std::map<std::string, std::string> via; ///< stage -> "call at line N to X" / "line N: ..."
    /// Stages reached only by the loop's own statements, not by a function it calls.
    std::set<std::string> byStatement;
  };

  LoopInfo loopReach(const FunctionFacts &fn, int loop) {
    LoopInfo info;
    for (const StatementFact &s : fn.statements)
      if (s.loop >= 0 && loopEncloses(fn, s.loop, loop)) {
        std::string stage = stageOfStatement(s);
        if (!stage.empty() && !info.reached.count(stage)) {
          info.reached[stage] = "";
          info.via[stage] = "line " + std::to_string(s.line) + ": `" + s.text + "`";
          info.byStatement.insert(stage);
        }
      }
    for (const CallFact &c : fn.calls)
      if (c.loop >= 0 && loopEncloses(fn, c.loop, loop) && (!dispatch || dispatch->reaches(c))) {
        bool byNameOnly = false;
        std::string name;
        if (auto pm = frameworkMeaning(c, byNameOnly, name)) {
          // A framework's training loop (trainer.train per fold) or step (train_one_step)
          // called in a loop runs the model and updates it: the loop trains.
          std::vector<std::string> stages = {pm->stage};
          if (pm->stage == "loop" && pm->role == "evaluation")
            stages = {"model", "metrics"};
          else if (pm->stage == "loop" || (pm->stage == "optimizer" && pm->role == "step"))
            stages = {"optimizer", "model"};
          for (const std::string &stage : stages)
            if (!info.reached.count(stage) || info.byStatement.erase(stage)) {
              info.reached[stage] = "";
              info.via[stage] = "line " + std::to_string(c.line) + ": calls `" +
                                name + "` (" +
                                pm->profile->name + ")";
            }
        }
        for (const std::string &t : index.targetsOf(c))
          for (const auto &[stage, witness] : closureOf(t))
            if (!info.reached.count(stage) || info.reached[stage].empty()) {
              info.byStatement.erase(stage);
              const FunctionFacts *callee = index.function(t);
              const FunctionFacts *where = index.function(witness);
              info.reached[stage] = witness;
              std::string text = "line " + std::to_string(c.line) + ": calls `" + callee->qualifiedName + "`";
              if (witness != t)
                text += ", which reaches " + stage + " in `" + where->qualifiedName + "`";
              else
                text += " (" + stage + ")";
              info.via[stage] = text;
            }
      }
    return info;
  }

  static bool isTraining(const LoopInfo &info) {
    return info.reached.count("optimizer") &&
           (info.reached.count("model") || info.reached.count("loss"));
  }
  /// A loop running the model and scoring it, with no update: an evaluation pass.
  static bool isEvaluation(const LoopInfo &info) {
    return !info.reached.count("optimizer") && info.reached.count("model") &&
           (info.reached.count("metrics") || info.reached.count("loss"));
  }
  /// A loop that calls the model from outside it, scoring nothing: an inference program's
  /// generation or prediction loop (llama2.c's `while (pos < steps)` calling forward, then
  /// sampling the next token). The loops inside the model's own functions are not.
  bool isInference(const std::string &key, const LoopInfo &info) {
    if (!info.reached.count("model") || info.reached.count("optimizer"))
      return false;
    if (insideTrainingLoop || insideModel)
      return false; // the program's own loop, not one inside the model or inside that loop
    // A loop that calls the model (ggml's gpt-2 generating token after token in main), not one
    // whose own statements look like a layer (svm-scale's max(x, 0) of a feature range, sam's
    // pixel coordinates clamped at zero while it resizes the image).
    if (info.byStatement.count("model"))
      return false;
    return !hasStage(stagesOf(key), "model");
  }
  /// A batch step's loop over the samples: it runs the model and its loss per sample, and the
  /// function updates the parameters once after it (libfann's fann_train_epoch_irpropm:
  /// fann_run, fann_compute_MSE, fann_backpropagate_MSE per row, then fann_update_weights_irpropm).
  bool accumulatesForUpdateAfter(const FunctionFacts &fn, const std::string &key, int loop, const LoopInfo &info) {
    if (info.reached.count("optimizer") || !info.reached.count("model") || !info.reached.count("loss") ||
        hasStage(stagesOf(key), "model"))
      return false;
    const LoopFact &l = fn.loops[loop];
    for (const CallFact &c : fn.calls)
      if (c.line > l.endLine && (c.loop < 0 || !loopEncloses(fn, c.loop, loop)) &&
          (!dispatch || dispatch->reaches(c)))
        for (const std::string &t : index.targetsOf(c))
          if (closureOf(t).count("optimizer"))
            return true;
    return false;
  }

  bool evaluating = false;
  std::string alternativeTo;                 ///< Set while walking a non-default overrider.
  std::map<std::string, unsigned> constructedAt; ///< Class -> order of its first creation.
  unsigned constructOrder = 0;

  /// Ranks the classes `fn` creates, for the overriders of a virtual call: a class created in a
  /// branch the program's values never take is not created (fasttext's createLoss under `-loss
  /// hs`, an option); one created in a branch a command's own setting takes comes before one a
  /// default takes (the `supervised` command's SoftmaxLoss before the constructor's `ns`).
  void noteConstructs(const FunctionFacts &fn) {
    if (fn.constructs.empty())
      return;
    const std::set<std::string> commandWords = wordsOf(commandPath);
    constexpr unsigned kAfterTheCommands = 1u << 20;
    for (const auto &[cls, line] : fn.constructs) {
      bool onLine = false, reached = false, forCommand = false;
      for (const CallFact &c : fn.calls)
        if (c.line == line) {
          onLine = true;
          if (dispatch->reaches(c)) {
            reached = true;
            forCommand = forCommand || dispatch->takenForACommand(c, commandWords);
          }
        }
      if (onLine && !reached)
        continue;
      constructedAt.emplace(cls, (forCommand ? 0 : kAfterTheCommands) + constructOrder++);
    }
  }

  /// The methods of the repo's classes that only a framework calls: a `bases` rule's method
  /// (libtorch's data loader calls the `get` of the Dataset<Self> the repo derives) that none
  /// of the repo's own calls reaches. Class -> the methods' keys.
  const std::map<std::string, std::vector<std::string>> &frameworkCallbacks() {
    if (callbackMethods)
      return *callbackMethods;
    callbackMethods.emplace();
    auto calledByTheRepo = [&](const std::string &key) {
      auto it = programSetters->callers.find(key);
      return it != programSetters->callers.end() &&
             std::any_of(it->second.begin(), it->second.end(), [&](const std::string &c) { return isOwn(c); });
    };
    for (const auto &[key, fn] : index.functions())
      if (!fn.className.empty() && isOwn(key) && !calledByTheRepo(key) &&
          options.profiles.matchMethod(fn.baseClasses, fn.name))
        (*callbackMethods)[fn.className].push_back(key);
    return *callbackMethods;
  }

  /// Creating an object whose class has framework callbacks is where they enter the run: a
  /// call to each on the line that creates it (CustomDataset(...) in main, whose `get` runs
  /// inside the framework's loader). Pruned and ordered by a confirming run like any stop.
  std::vector<CallFact> callbacksCreatedBy(const FunctionFacts &fn) {
    std::vector<CallFact> out;
    std::set<std::string> seen;
    for (const auto &[cls, line] : fn.constructs) {
      auto it = frameworkCallbacks().find(cls);
      if (it == frameworkCallbacks().end() || !seen.insert(cls).second)
        continue;
      for (const std::string &key : it->second) {
        CallFact c;
        c.calleeUsr = key;
        c.calleeName = index.function(key)->name;
        c.calleeQualifiedName = index.function(key)->qualifiedName;
        c.line = line;
        out.push_back(std::move(c));
      }
    }
    return out;
  }

  unsigned constructRank(const std::string &key) {
    const FunctionFacts *fn = index.function(key);
    auto it = fn ? constructedAt.find(fn->className) : constructedAt.end();
    return it == constructedAt.end() ? ~0u : it->second;
  }
  bool insideTrainingLoop = false; ///< The function being walked was called from a training loop
                                   ///< (when evaluating: from an evaluation loop).
  bool insideEvaluationLoop = false; ///< ... from a training program's evaluation loop.
  bool insideBuilder = false;      ///< ... from a function that builds the network.
  /// ... from a builder other than the entry point: main that also assembles the network (kann's
  /// mnist-cnn, torchlike) does everything else too, and its data reads are not the builder's.
  bool insideHelperOfBuilder = false;
  bool insideCheckpoint = false;   ///< ... from a function that saves or restores the model.
  bool insideModel = false;        ///< ... from a function of the model.
  bool insideModelCode = false;    ///< ... from a function whose own code is the model's (not one
                                   ///< that calls a framework's forward or backward).

  bool functionHasTrainingLoop(const std::string &key) {
    auto it = trainingLoopCache.find(key);
    if (it != trainingLoopCache.end())
      return it->second;
    trainingLoopCache[key] = false; // cycle guard
    const FunctionFacts &fn = *index.function(key);
    bool found = false;
    for (size_t l = 0; l < fn.loops.size() && !found; ++l)
      found = isTraining(loopReach(fn, static_cast<int>(l)));
    return trainingLoopCache[key] = found;
  }

  std::string roleOf(const FunctionFacts &fn, int loop, const std::vector<bool> &training) {
    const LoopFact &l = fn.loops[loop];
    bool hasInner = false, hasOuter = false;
    for (size_t i = 0; i < fn.loops.size(); ++i) {
      if (!training[i] || static_cast<int>(i) == loop)
        continue;
      if (loopEncloses(fn, static_cast<int>(i), loop))
        hasInner = true;
      if (loopEncloses(fn, loop, static_cast<int>(i)))
        hasOuter = true;
    }
    if (!hasInner)
      for (const CallFact &c : fn.calls)
        if (c.loop >= 0 && loopEncloses(fn, c.loop, loop))
          for (const std::string &t : index.targetsOf(c))
            for (const std::string &r : index.reachableFrom(t))
              if (functionHasTrainingLoop(r))
                hasInner = true;
    std::string counter = llvm::StringRef(l.counter).lower();
    if (nameHas(counter, {"epoch"}) || nameHas(l.lineText, {"epoch"}))
      return "epochs";
    if (nameHas(counter, {"batch"}) || nameHas(l.lineText, {"batch"}))
      return "batches";
    if (nameHas(counter, {"step", "iter"}) || nameHas(l.lineText, {"step", "iter"}))
      return "steps";
    if (hasInner)
      return "epochs";
    if (hasOuter || insideTrainingLoop)
      return "batches";
    return "loop";
  }

  /// Unmarks every marked loop that a marked loop encloses.
  static void keepOutermost(const FunctionFacts &fn, std::vector<bool> &marked) {
    for (size_t l = 0; l < fn.loops.size(); ++l)
      for (int p = fn.loops[l].parent; p >= 0 && marked[l]; p = fn.loops[p].parent)
        if (marked[p])
          marked[l] = false;
  }

  /// Whether the training loop `outer` holds another training loop beside `inner` (its
  /// batches), so that `inner` is a phase of its own (a validation pass), not the forward
  /// half of the step `outer` itself takes.
  static bool hasPhaseBeside(const FunctionFacts &fn, const std::vector<bool> &training, int outer, int inner) {
    for (size_t c = 0; c < fn.loops.size(); ++c)
      if (static_cast<int>(c) != outer && training[c] && loopEncloses(fn, static_cast<int>(c), outer) &&
          !loopEncloses(fn, inner, static_cast<int>(c)))
        return true;
    return false;
  }

  /// A read or a standardisation in a function the network's builder or the model calls is
  /// part of that stage, not the data set: the hierarchy file a layer's parser reads
  /// (darknet's read_tree from parse_network_cfg), a batch norm's `(x - mean) / std`.
  bool partOfCallersStage(const StageMatch &m) const {
    return m.stage == "data" && m.via.empty() && (insideHelperOfBuilder || insideModelCode);
  }

  /// A function whose own loop trains (a solver's iteration loop, its update written in the
  /// body) multiplies and accumulates to compute its gradients and steps: those products are
  /// the training loop's arithmetic, shown by its stop, not a model of their own.
  bool stepArithmetic(const StageMatch &m, const std::vector<bool> &training) const {
    return m.stage == "model" && m.via.empty() && m.role != "build" && !evaluating &&
           std::find(training.begin(), training.end(), true) != training.end();
  }

  void walk(const EntryPoint &entry, std::vector<Finding> &out) {
    constructedAt.clear();
    wrappedHere.clear();
    constructOrder = 0;
    alternativeTo.clear();
    branchTaken.clear();
    // Without any update reachable, the loops worth showing are the evaluation loops.
    // A framework's training loop (trainer.train, ggml_opt_fit) updates parameters too.
    if (commandPath.empty()) {
      evaluating = !closureOf(entry.key).count("optimizer") && !closureOf(entry.key).count("loop");
    } else {
      std::set<std::string> reached = stagesUnderCommand(entry.key);
      evaluating = !reached.count("optimizer") && !reached.count("loop");
    }
    std::set<std::string> visited;
    unsigned order = 0;
    visit(entry, entry.key, 0, 0, visited, order, out);
  }

  void visit(const EntryPoint &entry, const std::string &key, unsigned depth, unsigned commandLevel,
             std::set<std::string> &visited, unsigned &order, std::vector<Finding> &out) {
    if (!visited.insert(key).second)
      return;
    const FunctionFacts &fn = *index.function(key);
    std::vector<bool> training(fn.loops.size());
    std::vector<LoopInfo> infos(fn.loops.size());
    // A loop the walk reaches from inside an evaluation loop is per-row work (svm_predict_values
    // over the support vectors, k_function's sum), not a pass over the data of its own.
    for (size_t l = 0; l < fn.loops.size(); ++l) {
      infos[l] = loopReach(fn, static_cast<int>(l));
      training[l] = evaluating ? !insideTrainingLoop && (isEvaluation(infos[l]) || isInference(key, infos[l]))
                               : isTraining(infos[l]);
    }
    if (!evaluating && insideTrainingLoop)
      for (size_t l = 0; l < fn.loops.size(); ++l)
        training[l] = training[l] || accumulatesForUpdateAfter(fn, key, static_cast<int>(l), infos[l]);
    // A training program also evaluates (mushroom: train, then a loop over the test rows
    // calling fann_test; a test() called each epoch; kann's validation pass after each
    // epoch's batches): such a loop is a stop of its own. Not the per-sample forward loop of
    // a training step, whose update follows it in the enclosing loop or function.
    std::vector<bool> evaluation(fn.loops.size());
    // Called from a training loop, only a function named as an evaluation (test, eval,
    // valid) that updates nothing holds one: the loops of the step's kernels are not.
    // A graph's pass over its nodes (kad_eval_marked) is the model, not an evaluation.
    if (!evaluating && !dispatchOverNodes(fn) &&
        (!insideTrainingLoop || (nameHas(fn.name, {"test", "eval", "valid"}) && !closureOf(key).count("optimizer"))))
      for (size_t l = 0; l < fn.loops.size(); ++l)
        if (!training[l] && !insideEvaluationLoop && isEvaluation(infos[l])) {
          evaluation[l] = true;
          for (int p = fn.loops[l].parent; p >= 0; p = fn.loops[p].parent)
            if (training[p] && !hasPhaseBeside(fn, training, p, static_cast<int>(l)) &&
                !fetchesBatchesOfItsOwn(fn, static_cast<int>(l), p))
              evaluation[l] = false;
        }
    // For evaluation keep only the outermost such loop of a function (not per-row loops).
    if (evaluating)
      keepOutermost(fn, training);
    keepOutermost(fn, evaluation);

    // Everything is ordered by where its stop will be, because that is the order the program
    // reaches them: a stage at its anchor line, a loop at the first line of its body (after
    // the calls in its header, e.g. `while (next_batch(...))`), a call at its line. A stop
    // comes before the calls on its own line.
    struct Item {
      unsigned line;
      int kind; // 0 = a loop's stop, 1 = a stage's stop, 2 = a call: a loop is entered before what its body does
      const StageMatch *stage;
      int loop;
      const CallFact *call;
    };
    std::vector<Item> items;
    std::vector<StageMatch> stages = stagesOf(key);
    if (auto m = scoresInEvaluationLoop(fn, evaluation); m && !hasStage(stages, "metrics"))
      stages.push_back(*m);
    // Each stop where its values are computed; never past a loop that trains (StopPlacement.h).
    placeStops(fn, stages, [&](int l) { return !isTraining(infos[l]); }, sourceLines(fn.file));
    for (const StageMatch &m : stages)
      items.push_back({m.stop.line ? m.stop.line : m.anchorLine, 1, &m, -1, nullptr});
    for (size_t l = 0; l < fn.loops.size(); ++l)
      if (training[l] || evaluation[l])
        items.push_back({fn.loops[l].bodyLine ? fn.loops[l].bodyLine : fn.loops[l].line, 0, nullptr,
                         static_cast<int>(l), nullptr});
    for (const CallFact &c : fn.calls)
      items.push_back({c.line, 2, nullptr, -1, &c});
    const std::vector<CallFact> created = callbacksCreatedBy(fn); // outlives `items`' pointers
    for (const CallFact &c : created)
      items.push_back({c.line, 2, nullptr, -1, &c});
    noteConstructs(fn);
    std::stable_sort(items.begin(), items.end(), [](const Item &a, const Item &b) {
      return a.line < b.line || (a.line == b.line && a.kind < b.kind);
    });
    // What this function is, for the calls it makes (see the inside* flags).
    // (Building the network is not running it.)
    const bool isModel = std::any_of(stages.begin(), stages.end(),
                                     [](const StageMatch &m) { return m.stage == "model" && m.role != "build"; });
    const bool isModelCode = std::any_of(stages.begin(), stages.end(), [](const StageMatch &m) {
      return m.stage == "model" && m.via.empty() && m.role != "build";
    });
    const bool isBuilder =
        std::any_of(stages.begin(), stages.end(), [](const StageMatch &m) { return m.role == "build"; });
    // (A checkpoint stop decided by its callees leaves theirs: they do the reading. A main that
    // calls a framework's load, `torch::jit::load`, is a program that loads a model, not a
    // checkpoint routine: what else it calls is not part of the checkpoint. A helper that does,
    // ggml's mnist_model_init_from_file, is one.)
    const bool isCheckpoint = std::any_of(stages.begin(), stages.end(),
                                          [&](const StageMatch &m) {
                                            return m.stage == "checkpoint" && !m.byCallees &&
                                                   (m.via.empty() || !fn.isMain);
                                          }) &&
                              !functionHasTrainingLoop(key);
    // Reading a file here (test_gpt2's main reading its inputs and expected outputs before its
    // steps) keeps a data stop of this function's own inside its training loop's function.
    const bool readsAFile = std::any_of(fn.statements.begin(), fn.statements.end(),
                                        [](const StatementFact &st) { return st.kind == "file_read"; });
    for (const Item &item : items) {
      if (item.stage) {
        // One stop for building the network: the builder the program calls, not its helpers.
        bool nestedBuild = item.stage->role == "build" && insideBuilder;
        // One stop for saving or restoring the model: the reads and writes of the helpers it
        // calls (kann_save -> kad_save -> kad_save1 per node) are that stop's, not data loading.
        bool nestedFileIo = insideCheckpoint && (item.stage->stage == "checkpoint" || item.stage->stage == "data");
        // The shuffle and batch copies written inside a training loop's function are that
        // loop's steps (kann_train_fnn1b), shown by its stop, not a data stop of their own; a
        // framework's data loader called there is (torch::data::make_data_loader in main).
        nestedFileIo = nestedFileIo || (item.stage->stage == "data" && item.stage->via.empty() && !evaluating &&
                                        !readsAFile && std::find(training.begin(), training.end(), true) != training.end());
        if (!wrappedHere.count(key) && !nestedBuild && !nestedFileIo &&
            !partOfCallersStage(*item.stage) && !stepArithmetic(*item.stage, training))
          out.push_back(findingFor(entry, fn, *item.stage, depth, order++));
        continue;
      }
      if (item.loop >= 0) {
        out.push_back(loopFinding(entry, fn, item.loop, infos[item.loop], training, evaluation[item.loop], depth,
                                  order++));
        continue;
      }
      unsigned level = commandLevel;
      if (!followsCommand(*item.call, level))
        continue; // another subcommand's branch
      if (!dispatch->reaches(*item.call))
        continue; // a case of a switch on a field that no value the program sets selects
      bool saved = insideTrainingLoop, savedBuilder = insideBuilder, savedHelperOfBuilder = insideHelperOfBuilder,
           savedCheckpoint = insideCheckpoint, savedModel = insideModel, savedModelCode = insideModelCode;
      insideModel = insideModel || isModel;
      insideModelCode = insideModelCode || isModelCode;
      insideBuilder = insideBuilder || isBuilder;
      insideHelperOfBuilder = insideHelperOfBuilder || (isBuilder && !fn.isMain);
      insideCheckpoint = insideCheckpoint || isCheckpoint;
      bool savedEvaluation = insideEvaluationLoop;
      if (item.call->loop >= 0)
        for (int l = item.call->loop; l >= 0; l = fn.loops[l].parent) {
          if (training[l])
            insideTrainingLoop = true;
          if (evaluation[l])
            insideEvaluationLoop = true;
        }
      std::vector<std::string> targets = index.targetsOf(*item.call);
      // Through a function table, the functions at the operator numbers the program sets run;
      // the others only for a number read from a file (a saved model's): alternatives.
      DispatchValues::TableTargets table;
      if (!item.call->table.empty()) {
        table = dispatch->tableTargets(*item.call);
        targets = table.chosen;
        targets.insert(targets.end(), table.others.begin(), table.others.end());
      }
      // Of several overriders, the one whose class is created first is taken to be the one
      // that runs (the default branch); the others are alternatives.
      if (item.call->isVirtual && targets.size() > 1)
        std::stable_sort(targets.begin(), targets.end(), [&](const std::string &a, const std::string &b) {
          return constructRank(a) < constructRank(b);
        });
      std::string savedAlt = alternativeTo;
      targets.erase(std::remove_if(targets.begin(), targets.end(), [&](const std::string &t) { return !isOwn(t); }),
                    targets.end());
      for (size_t i = 0; i < targets.size(); ++i) {
        // The wrapper's stop stands for its callee's: the callee's own stops are left out.
        if (auto w = wrapperTarget.find(key); w != wrapperTarget.end() && w->second == targets[i])
          wrappedHere.insert(targets[i]);
        if (item.call->isVirtual && i > 0 && alternativeTo.empty())
          alternativeTo = index.function(targets[0])->qualifiedName;
        bool tableAlternative =
            std::find(table.others.begin(), table.others.end(), targets[i]) != table.others.end();
        if (tableAlternative && alternativeTo.empty() && !table.chosen.empty())
          alternativeTo = index.function(table.chosen.front())->qualifiedName;
        if (std::string why = dispatch->why(*item.call); !why.empty())
          branchTaken.emplace(targets[i], why);
        if (!table.why.empty() && !tableAlternative)
          branchTaken.emplace(targets[i], table.why);
        visit(entry, targets[i], depth + 1, level, visited, order, out);
        alternativeTo = savedAlt;
      }
      insideTrainingLoop = saved;
      insideEvaluationLoop = savedEvaluation;
      insideBuilder = savedBuilder;
      insideHelperOfBuilder = savedHelperOfBuilder;
      insideCheckpoint = savedCheckpoint;
      insideModel = savedModel;
      insideModelCode = savedModelCode;
    }
  }

  /// Whether the loop `inner` fetches batches of its own, apart from those the enclosing loop
  /// `outer` trains on (llm.c's `dataloader_next_batch(&val_loader)` every 10 steps, beside
  /// the step's `dataloader_next_batch(&train_loader)`): a validation pass inside the training
  /// loop, not the forward half of its step.
  bool fetchesBatchesOfItsOwn(const FunctionFacts &fn, int inner, int outer) {
    bool own = false, outside = false;
    for (const CallFact &c : fn.calls) {
      if (c.loop < 0 || !loopEncloses(fn, c.loop, outer))
        continue;
      bool data = false;
      for (const std::string &t : index.targetsOf(c))
        data = data || hasStage(stagesOf(t), "data");
      if (data)
        (loopEncloses(fn, c.loop, inner) ? own : outside) = true;
    }
    return own && outside;
  }

  /// A training program's evaluation pass that scores what it runs, written in the function
  /// holding the loop: `n_val_err += kann_class_error(...)` per validation batch
  /// (kann_train_fnn1b), `val_loss += model.mean_loss` (llm.c's main). The function is that
  /// pass's metrics stop as well as its loop's.
  std::optional<StageMatch> scoresInEvaluationLoop(const FunctionFacts &fn, const std::vector<bool> &evaluation) {
    for (size_t l = 0; l < fn.loops.size(); ++l) {
      if (!evaluation[l])
        continue;
      std::optional<Evidence> scored;
      // Summing the loss counts where the loop runs the model through a call (not arithmetic
      // written in the loop itself, which is the model's own work).
      bool callsTheModel = std::any_of(fn.calls.begin(), fn.calls.end(), [&](const CallFact &c) {
        if (c.loop < 0 || !loopEncloses(fn, c.loop, static_cast<int>(l)))
          return false;
        for (const std::string &t : index.targetsOf(c))
          if (closureOf(t).count("model"))
            return true;
        return false;
      });
      for (const StatementFact &st : fn.statements)
        if (callsTheModel && st.loop >= 0 && loopEncloses(fn, st.loop, static_cast<int>(l)) &&
            st.kind == "loss_accumulate") {
          scored = Evidence{"line " + std::to_string(st.line) + ": `" + st.text + "` sums the loss over the held-out batches",
                            st.line};
          break;
        }
      for (const CallFact &c : fn.calls) {
        if (scored || c.loop < 0 || !loopEncloses(fn, c.loop, static_cast<int>(l)))
          continue;
        for (const std::string &t : index.targetsOf(c))
          if (t != fn.usr && hasStage(stagesOf(t), "metrics")) {
            scored = Evidence{"line " + std::to_string(c.line) + ": scores each held-out batch with `" +
                                  index.function(t)->qualifiedName + "`",
                              c.line};
            break;
          }
      }
      if (!scored)
        continue;
      StageMatch m;
      m.stage = "metrics";
      m.confidence = 0.6;
      m.anchorLine = scored->line;
      m.evidence.push_back({"the loop at line " + std::to_string(fn.loops[l].line) +
                                " evaluates the model on data it does not train on",
                            fn.loops[l].line});
      m.evidence.push_back(*scored);
      return m;
    }
    return std::nullopt;
  }

  Finding baseFinding(const EntryPoint &entry, const FunctionFacts &fn, unsigned depth, unsigned order) {
    Finding f;
    f.entry = entry.name();
    f.function = fn.qualifiedName;
    f.file = fn.file;
    f.line = fn.line;
    f.depth = depth;
    f.order = order;
    f.functionBegin = fn.bodyBeginLine;
    f.alternativeTo = alternativeTo;
    f.inTemplate = fn.isTemplate;
    f.functionEnd = fn.endLine;
    f.idioms = fn.idioms;
    return f;
  }

  /// Why the field branch that called `fn` runs (DispatchValues::why), as evidence.
  void noteBranchTaken(const FunctionFacts &fn, Finding &f) const {
    if (auto why = branchTaken.find(fn.usr); why != branchTaken.end())
      f.evidence.push_back({why->second, 0});
  }

  Finding findingFor(const EntryPoint &entry, const FunctionFacts &fn, const StageMatch &m,
                     unsigned depth, unsigned order) {
    Finding f = baseFinding(entry, fn, depth, order);
    f.stage = m.stage;
    f.confidence = m.confidence;
    f.evidence = m.evidence;
    noteBranchTaken(fn, f);
    f.anchorLine = m.anchorLine;
    f.anchorText = m.anchorText;
    f.stop = m.stop;
    f.watch = m.watch;
    f.role = m.role;
    f.via = m.via;
    f.framework = m.framework;
    if (m.stage == "model" && fn.isVirtual)
      for (const std::string &base : fn.overrides)
        for (const std::string &o : index.overridersOf(base))
          if (const FunctionFacts *of = index.function(o); of && of != &fn)
            f.evidence.push_back({"also implemented by `" + of->qualifiedName + "` (same virtual)", of->line});
    return f;
  }

  Finding loopFinding(const EntryPoint &entry, const FunctionFacts &fn, int loop, const LoopInfo &info,
                      const std::vector<bool> &training, bool evaluation, unsigned depth, unsigned order) {
    const LoopFact &l = fn.loops[loop];
    Finding f = baseFinding(entry, fn, depth, order);
    f.stage = "loop";
    f.line = l.line;
    f.role = evaluating || evaluation ? "evaluation" : roleOf(fn, loop, training);
    double confidence = 0.5;
    for (const char *stage : {"data", "model", "loss", "optimizer", "metrics"}) {
      auto it = info.via.find(stage);
      if (it == info.via.end())
        continue;
      f.evidence.push_back({std::string("reaches ") + stage + ": " + it->second, 0});
      if (std::string(stage) != "data" && std::string(stage) != "metrics")
        confidence += 0.1;
    }
    if (!l.counter.empty() && nameHas(l.counter, {"epoch", "batch", "step", "iter"}))
      confidence += 0.1;
    f.evidence.insert(f.evidence.begin(),
                      {"line " + std::to_string(l.line) + ": `" + l.lineText + "` repeats (" + f.role + ")", l.line});
    f.confidence = std::min(0.95, confidence);
    noteBranchTaken(fn, f);
    f.anchorLine = l.bodyLine ? l.bodyLine : l.line;
    f.anchorText = l.bodyLine ? l.bodyLineText : l.lineText;
    if (!l.counter.empty())
      f.watch.push_back(l.counter);
    for (const StatementFact &s : fn.statements)
      if ((s.kind == "loss_value" || s.kind == "loss_accumulate") && s.loop >= 0 &&
          loopEncloses(fn, s.loop, loop) && !s.target.empty() &&
          s.target.find_first_of(".[]->()*") == std::string::npos &&
          std::find(f.watch.begin(), f.watch.end(), s.target) == f.watch.end() && f.watch.size() < 3)
        f.watch.push_back(s.target);
    return f;
  }

  /// Named a test (its file or its command), and code in its own file compares results with
  /// expected values within a tolerance: llm.c's test_gpt2 runs training steps to compare
  /// losses and gradients with PyTorch's.
  bool isCorrectnessTest(const EntryPoint &e) {
    if (!nameHas(llvm::sys::path::filename(e.file), {"test"}) && !nameHas(e.name(), {"test"}))
      return false;
    std::set<std::string> keys = index.reachableFrom(e.key);
    keys.insert(e.key);
    for (const std::string &key : keys)
      if (const FunctionFacts *fn = index.function(key); fn && fn->file == e.file)
        for (const StatementFact &st : fn->statements)
          if (st.kind == "tolerance_check")
            return true;
    return false;
  }

  void classify(EntryPoint &e, const std::vector<Finding> &findings) {
    std::set<std::string> stages;
    for (const Finding &f : findings)
      stages.insert(f.stage);
    bool nameTrain = nameHas(e.name(), {"train", "fit", "learn"}) ||
                     nameHas(llvm::sys::path::filename(e.file), {"train", "fit", "learn"});
    bool nameEval = nameHas(e.name(), {"eval", "test", "predict", "infer", "valid", "score", "bench"}) ||
                    nameHas(llvm::sys::path::filename(e.file),
                            {"eval", "test", "predict", "infer", "valid", "score", "bench"});
    if (!evaluating && (stages.count("loop") || stages.count("optimizer")) && isCorrectnessTest(e)) {
      e.kind = "other";
      e.confidence = 0.7;
      e.evidence.push_back({"a correctness test: named a test, it checks results against expected values "
                            "within a tolerance (it trains to test the code, not to teach a model)",
                            0});
    } else if (!evaluating && (stages.count("loop") || stages.count("optimizer"))) {
      e.kind = "train";
      e.confidence = stages.count("loop") ? 0.8 : 0.6;
      e.evidence.push_back({stages.count("loop") ? "reaches a training loop (a loop whose body reaches a "
                                                   "parameter update and a forward or loss computation)"
                                                 : "reaches a parameter update",
                            0});
      if (nameTrain)
        e.confidence += 0.15, e.evidence.push_back({"the program's name says train", 0});
    } else if (stages.count("metrics") || stages.count("model") || stages.count("loss")) {
      e.kind = "eval";
      e.confidence = stages.count("metrics") ? 0.75 : 0.55;
      e.evidence.push_back({std::string("updates no parameters but reaches ") +
                                (stages.count("metrics") ? "metrics" : stages.count("model") ? "a model" : "a loss"),
                            0});
      if (nameEval)
        e.confidence += 0.15, e.evidence.push_back({"the program's name says eval/test/predict", 0});
    } else if (nameTrain || nameEval) {
      e.kind = nameTrain ? "train" : "eval";
      e.confidence = 0.3;
      e.evidence.push_back({"only the program's name suggests " + e.kind + "; no ML stage was found in its code", 0});
    } else {
      e.kind = "other";
      e.confidence = 0.7;
      e.evidence.push_back({"reaches no model, loss, update or metric computation", 0});
    }
    e.confidence = std::min(0.95, e.confidence);
  }

  const ProgramIndex &index;
  const AnalysisOptions &options;
  OriginMap origins;
  std::map<std::string, unsigned> frameworkCalls;
  std::optional<std::set<std::string>> inUse;
  std::optional<std::map<std::string, std::vector<std::string>>> callbackMethods; ///< frameworkCallbacks()
  std::map<std::string, std::vector<StageMatch>> stageCache;
  std::map<std::string, StageWitness> closureCache;
  std::map<std::string, bool> trainingLoopCache;
  std::map<std::string, std::vector<std::string>> sourceCache; ///< collapsedLines of each file, for placeStops.

  const std::vector<std::string> &sourceLines(const std::string &file) {
    auto it = sourceCache.find(file);
    return it != sourceCache.end() ? it->second : sourceCache.emplace(file, collapsedLines(file)).first->second;
  }
  std::map<std::string, std::string> wrapperTarget; ///< Thin wrapper -> the callee it stands for.
  std::set<std::string> wrappedHere; ///< Callees reached through their wrapper in this walk.
  CommandPath commandPath;           ///< The subcommand of the entry being walked, if any.
  std::set<std::string> sharedUpdates; ///< Updates all the program's subcommands reach.
  std::optional<DispatchValues> dispatch; ///< The field values of the main being analysed.
  std::shared_ptr<const DispatchValues::ProgramSetters> programSetters; ///< Shared by every main's.
  std::map<std::string, std::string> branchTaken; ///< Function -> why the field branch calling it runs.
  /// Function -> the dispatch loop that runs it (operatorOfAPass); computed on first use.
  std::optional<std::map<std::string, std::string>> passOperators;
};

} // namespace

std::string programNameFor(const TUFacts &tu) {
  llvm::StringRef out(tu.outputFile);
  size_t cm = out.find("CMakeFiles/");
  if (cm != llvm::StringRef::npos) {
    llvm::StringRef rest = out.drop_front(cm + strlen("CMakeFiles/"));
    size_t dir = rest.find(".dir/");
    if (dir != llvm::StringRef::npos)
      return rest.take_front(dir).str();
  }
  if (!out.empty()) {
    llvm::StringRef name = llvm::sys::path::filename(out);
    return name.take_front(name.find('.')).str();
  }
  return llvm::sys::path::stem(tu.mainFile).str();
}

std::string executableFor(const TUFacts &tu, const std::string &program) {
  // Ninja's compile commands run from the top build folder; the object path says which
  // subfolder the target belongs to ("sample_repos/mlp_c/CMakeFiles/train.dir/...").
  llvm::SmallString<256> path(tu.directory);
  llvm::StringRef out(tu.outputFile);
  size_t cm = out.find("CMakeFiles/");
  if (cm != llvm::StringRef::npos && !llvm::sys::path::is_absolute(out))
    llvm::sys::path::append(path, out.take_front(cm));
  else if (cm != llvm::StringRef::npos)
    path = out.take_front(cm);
  llvm::sys::path::append(path, program);
  llvm::sys::path::remove_dots(path, true);
  return std::string(path);
}

std::pair<std::string, std::string> locateProgram(const TUFacts &tu) {
  std::string target = programNameFor(tu);
  // A CMake target "mlp_c_train" with OUTPUT_NAME "train", or "fasttext-bin" (or the same
  // main.cc in a library target "fasttext-shared") built as "fasttext": try the target's name,
  // then its '_'/'-'-separated suffixes and prefixes, beside the compile command's directory.
  std::vector<std::string> names = {target};
  llvm::StringRef t(target);
  for (size_t i = 0; i < t.size(); ++i)
    if (t[i] == '_' || t[i] == '-') {
      names.push_back(t.drop_front(i + 1).str());
      names.push_back(t.take_front(i).str());
    }
  for (const std::string &name : names) {
    std::string exe = executableFor(tu, name);
    if (!name.empty() && isExecutableFile(exe))
      return {name, exe};
  }
  return {target, executableFor(tu, target)};
}

Analysis analyse(const ProgramIndex &index, const AnalysisOptions &options) {
  return Analyser(index, options).run();
}

} // namespace tourguide::indexer
