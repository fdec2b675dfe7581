// Framework profiles: what an ML framework's API means for a tour, as data. A profile maps
// the framework's functions (by qualified-name pattern) and base classes to stages and
// roles ("torch::optim::*::step" is the optimizer's step), and says where the framework's
// own files are, so that its internals are never a stop. Profiles ship as JSON files in
// indexer/profiles/ (built in), and a user adds one with `--profile FILE` or a
// `*.profile.json` in the repo's `.tours/` (docs/profiles.md).
#pragma once

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tourguide::indexer {

/// A glob (`*`, `?`, `[...]`, `[^...]`, `[!...]`, `\` before a literal) over names or paths,
/// with llvm::GlobPattern's syntax. Matching takes at most (name length) x (pattern length)
/// steps, whatever the pattern: profiles come from cloned repos.
class NamePattern {
public:
  static llvm::Expected<std::shared_ptr<const NamePattern>> create(std::string text);
  bool match(llvm::StringRef name) const;
  const std::string &text() const { return source; }
  /// The last `::` component when it has no wildcard ("backward" of "at::Tensor::backward"):
  /// how a call inside a template, known only by its name, can still be recognised.
  const std::string &lastName() const { return last; }

private:
  NamePattern() = default;
  std::string source, last;
  struct Compiled;
  std::shared_ptr<Compiled> compiled;
};

/// The stages a profile may name, and the roles within them.
const std::vector<std::string> &profileStages();
const std::vector<std::string> &profileRoles();

/// A stage that runs inside a framework's call: the loss and the optimizer's step inside
/// `trainer.train(...)` or `ggml_opt_fit(...)`, which the repo's code never calls itself.
struct InnerStage {
  std::string stage, role, what;
};

/// Integer constants by argument position (from 0). A call's list may hold several values at
/// one position: a local variable that is one of several constants.
using CallConstants = std::vector<std::pair<unsigned, long long>>;

struct ProfileRule {
  std::string pattern; ///< Glob over the qualified name: "torch::optim::*::step", "ggml_opt_fit".
  std::string stage;   ///< data, loop, model, loss, optimizer, metrics, checkpoint, setup.
  std::string role;    ///< forward, backward, step, zero_grad, loader, save, load, training, ...
  std::string what;    ///< "the optimizer's step": how a finding says it.
  std::vector<InnerStage> inside; ///< Stages the call runs for the caller (a fit call's loss).
  /// The rule holds only for calls that pass these integer constants at these positions:
  /// `ggml_opt_epoch(..., /*idata_split=*/0, ...)` trains on no batch, it evaluates.
  CallConstants arguments;
  std::shared_ptr<const NamePattern> glob;
};

/// A method the repo writes when it derives from a framework class: the `forward` of a
/// `torch::nn::Module` is the model's forward whatever its body looks like.
struct ProfileBase {
  std::string classPattern; ///< Glob over the base class's name as written: "torch::nn::Module*".
  std::string method;       ///< "forward".
  std::string stage, role, what;
  std::shared_ptr<const NamePattern> glob;
};

struct FrameworkProfile {
  std::string name;        ///< "libtorch".
  std::string description;
  std::string source;      ///< Where it came from: "built-in" or the file's path.
  std::vector<std::string> paths; ///< Globs over absolute file paths of the framework's own files.
  std::vector<std::shared_ptr<const NamePattern>> pathGlobs;
  std::vector<ProfileRule> calls;
  std::vector<ProfileBase> bases;
};

/// What a call or a method means according to a profile.
struct ProfileMatch {
  const FrameworkProfile *profile = nullptr;
  std::string stage, role, what;
  std::vector<InnerStage> inside;
};

/// Reads one profile; errors name the file and the JSON pointer of the bad value
/// ("libtorch.json: /calls/3/stage: unknown stage 'optimiser' (did you mean 'optimizer'?)").
llvm::Expected<FrameworkProfile> parseProfile(const std::string &text, const std::string &source);
/// The largest profile file loadProfile reads: 4 MiB (docs/profiles.md).
constexpr size_t kMaxProfileBytes = 4u << 20;
/// Reads the profile file `path` (only a regular file, at most kMaxProfileBytes) and parses it.
llvm::Expected<FrameworkProfile> loadProfile(const std::string &path);

/// The profiles shipped with tourguide (compiled in from indexer/profiles/*.json).
const std::vector<FrameworkProfile> &builtinProfiles();

/// An ordered set of profiles: the first rule that matches wins, user profiles first.
class ProfileSet {
public:
  ProfileSet() = default;
  explicit ProfileSet(std::vector<FrameworkProfile> profiles) : profiles(std::move(profiles)) {}
  /// The built-in profiles after `extra` (so that a user's rule overrides a built-in one).
  static ProfileSet withBuiltins(std::vector<FrameworkProfile> extra = {});

  /// The first rule for `qualifiedName` whose `arguments` the call's `constants` satisfy.
  std::optional<ProfileMatch> matchCall(const std::string &qualifiedName, const CallConstants &constants = {}) const;
  /// A call inside a template whose callee is known only by its unqualified name
  /// (`loss.backward()` on a dependent type): matched on the rules' last name component, and
  /// only for frameworks the program is already known to use. Of several such rules, the most
  /// general (fewest literal characters) wins.
  std::optional<ProfileMatch> matchDependentCall(const std::string &name,
                                                 const std::set<std::string> &frameworksInUse,
                                                 const CallConstants &constants = {}) const;
  std::optional<ProfileMatch> matchMethod(const std::vector<std::string> &baseClasses,
                                          const std::string &method) const;
  /// The profile whose `paths` hold this file, if any. Inside `root` the patterns see the
  /// path from the root ("/dlib/dnn/core.h"), so that the folders above the repo (a checkout
  /// in ~/src/dlib/) never make the repo's own files look like the framework's.
  const FrameworkProfile *frameworkOfFile(const std::string &path, const std::string &root = "") const;
  const std::vector<FrameworkProfile> &all() const { return profiles; }

private:
  std::vector<FrameworkProfile> profiles;
};

} // namespace tourguide::indexer
