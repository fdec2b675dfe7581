// Loading, validating and matching framework profiles (Profiles.h). The JSON is read with
// nlohmann's non-throwing parse and checked key by key, so a bad profile is an error with
// the file and a JSON pointer, never an exception out of the indexer.
#include "tourguide/indexer/Profiles.h"
#include "tourguide/tours/Files.h"
#include "tourguide/tours/Suggest.h"

#include "llvm/ADT/StringRef.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <bitset>
#include <optional>
#include <system_error>

namespace tourguide::indexer {

const std::vector<std::string> &profileStages() {
  static const std::vector<std::string> stages = {"setup", "data", "loop", "model", "loss",
                                                  "optimizer", "metrics", "checkpoint"};
  return stages;
}

const std::vector<std::string> &profileRoles() {
  static const std::vector<std::string> roles = {
      "",         "forward", "backward", "build",  "step",     "zero_grad", "scheduler", "loader",
      "dataset",  "save",    "load",     "training", "epochs", "batches",   "steps",     "evaluation",
      "predict", "init"};
  return roles;
}

/// The pattern as tokens: `*`, or one character out of a set (a literal, `?`, `[...]`).
/// The syntax is llvm::GlobPattern's (LLVM 14), but matching is not: its matcher tries every
/// split of the name at every `*` and takes exponential time on a pattern like
/// `*a*a*a*a*a*a*a*a*c` (found by tests/fuzz/ProfileLoaderFuzz.cpp), and profiles come from
/// cloned repos. This one takes at most (name length) x (tokens) steps.
struct NamePattern::Compiled {
  struct Token {
    bool star = false;
    std::bitset<256> chars; ///< For a token that is not a star: the characters it matches.
  };
  std::vector<Token> tokens;
  std::optional<std::string> exact; ///< The whole pattern, when it has no metacharacter.
};

namespace {

llvm::Error invalidPattern(llvm::StringRef original) {
  return llvm::createStringError(std::errc::invalid_argument, "invalid glob pattern: %s", original.str().c_str());
}

/// The set of a bracket expression's body: "a-cx" is a, b, c and x; a '-' that is not between
/// two characters is itself.
llvm::Expected<std::bitset<256>> characterSet(llvm::StringRef chars, llvm::StringRef original) {
  std::bitset<256> set;
  while (chars.size() >= 3) {
    auto first = static_cast<unsigned char>(chars[0]), last = static_cast<unsigned char>(chars[2]);
    if (chars[1] != '-') {
      set.set(first);
      chars = chars.drop_front();
      continue;
    }
    if (first > last)
      return invalidPattern(original);
    for (unsigned c = first; c <= last; ++c)
      set.set(c);
    chars = chars.drop_front(3);
  }
  for (char c : chars)
    set.set(static_cast<unsigned char>(c));
  return set;
}

} // namespace

llvm::Expected<std::shared_ptr<const NamePattern>> NamePattern::create(std::string text) {
  std::shared_ptr<NamePattern> p(new NamePattern());
  p->source = std::move(text);
  auto compiled = std::make_shared<Compiled>();
  llvm::StringRef rest(p->source), original(p->source);
  if (rest.find_first_of("?*[\\") == llvm::StringRef::npos)
    compiled->exact = p->source;
  while (!compiled->exact && !rest.empty()) {
    Compiled::Token token;
    switch (rest.front()) {
    case '*':
      token.star = true;
      rest = rest.drop_front();
      break;
    case '?':
      token.chars.set();
      rest = rest.drop_front();
      break;
    case '[': {
      // ']' right after '[' (or "[^", "[!") is a member, so "[]" never closes.
      size_t end = rest.find(']', 2);
      if (end == llvm::StringRef::npos)
        return invalidPattern(original);
      llvm::StringRef chars = rest.slice(1, end);
      rest = rest.drop_front(end + 1);
      bool negated = chars.consume_front("^") || chars.consume_front("!");
      auto set = characterSet(chars, original);
      if (!set)
        return set.takeError();
      token.chars = negated ? ~*set : *set;
      break;
    }
    case '\\':
      rest = rest.drop_front(); // the next character is a literal (a trailing backslash is itself)
      if (rest.empty()) {
        token.chars.set('\\');
        break;
      }
      [[fallthrough]];
    default:
      token.chars.set(static_cast<unsigned char>(rest.front()));
      rest = rest.drop_front();
      break;
    }
    compiled->tokens.push_back(token);
  }
  p->compiled = std::move(compiled);
  llvm::StringRef last = llvm::StringRef(p->source).rsplit("::").second;
  if (last.empty())
    last = p->source;
  if (last.find_first_of("*?[") == llvm::StringRef::npos)
    p->last = last.str();
  return std::shared_ptr<const NamePattern>(std::move(p));
}

bool NamePattern::match(llvm::StringRef name) const {
  if (compiled->exact)
    return name == *compiled->exact;
  // Greedy, going back only to the last '*' seen: a later '*' can absorb whatever an earlier
  // one could, so the earlier ones never need another try.
  const std::vector<Compiled::Token> &tokens = compiled->tokens;
  size_t t = 0, i = 0;
  size_t starToken = tokens.size(), starName = 0; // none seen yet
  while (i < name.size()) {
    if (t < tokens.size() && tokens[t].star) {
      starToken = t++;
      starName = i;
    } else if (t < tokens.size() && tokens[t].chars.test(static_cast<unsigned char>(name[i]))) {
      ++t;
      ++i;
    } else if (starToken != tokens.size()) {
      t = starToken + 1; // the last '*' takes one more character
      i = ++starName;
    } else {
      return false;
    }
  }
  while (t < tokens.size() && tokens[t].star)
    ++t;
  return t == tokens.size();
}

namespace {

constexpr int kProfileFormat = 1;

class Reader {
public:
  explicit Reader(std::string source) : source(std::move(source)) {}

  llvm::Error error(const std::string &pointer, const std::string &message) const {
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s: %s: %s", source.c_str(),
                                   pointer.empty() ? "/" : pointer.c_str(), message.c_str());
  }

  static std::string closest(const std::string &word, const std::vector<std::string> &words) {
    std::string best = tours::closestMatch(word, words);
    return best.empty() ? "" : " (did you mean '" + best + "'?)";
  }

  /// A string member; `required` ones must be there and non-empty.
  llvm::Expected<std::string> string(const nlohmann::json &object, const std::string &pointer,
                                     const std::string &key, bool required) const {
    auto it = object.find(key);
    if (it == object.end()) {
      if (required)
        return error(pointer, "missing \"" + key + "\"");
      return std::string();
    }
    if (!it->is_string())
      return error(pointer + "/" + key, "must be a string");
    std::string value = it->get<std::string>();
    if (required && value.empty())
      return error(pointer + "/" + key, "must not be empty");
    return value;
  }

  llvm::Error onlyKeys(const nlohmann::json &object, const std::string &pointer,
                       const std::vector<std::string> &keys) const {
    for (auto it = object.begin(); it != object.end(); ++it)
      if (std::find(keys.begin(), keys.end(), it.key()) == keys.end())
        return error((nlohmann::json::json_pointer(pointer) / it.key()).to_string(),
                     "unknown key" + closest(it.key(), keys));
    return llvm::Error::success();
  }

  llvm::Expected<std::shared_ptr<const NamePattern>> glob(const std::string &pattern,
                                                            const std::string &pointer) const {
    auto g = NamePattern::create(pattern);
    if (!g)
      return error(pointer, "bad pattern '" + pattern + "': " + llvm::toString(g.takeError()));
    return *g;
  }

  llvm::Error stageAndRole(const nlohmann::json &object, const std::string &pointer, std::string &stage,
                           std::string &role, std::string &what) const {
    auto s = string(object, pointer, "stage", true);
    if (!s)
      return s.takeError();
    if (std::find(profileStages().begin(), profileStages().end(), *s) == profileStages().end())
      return error(pointer + "/stage", "unknown stage '" + *s + "'" + closest(*s, profileStages()));
    auto r = string(object, pointer, "role", false);
    if (!r)
      return r.takeError();
    if (std::find(profileRoles().begin(), profileRoles().end(), *r) == profileRoles().end())
      return error(pointer + "/role", "unknown role '" + *r + "'" + closest(*r, profileRoles()));
    auto w = string(object, pointer, "what", false);
    if (!w)
      return w.takeError();
    stage = *s, role = *r, what = *w;
    return llvm::Error::success();
  }

  llvm::Expected<FrameworkProfile> profile(const std::string &text) const {
    nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (doc.is_discarded())
      return error("", "not valid JSON");
    if (!doc.is_object())
      return error("", "a profile is a JSON object");
    if (auto e = onlyKeys(doc, "", {"tourguide_profile", "framework", "description", "paths", "calls", "bases"}))
      return e;
    auto format = doc.find("tourguide_profile");
    if (format == doc.end())
      return error("", "missing \"tourguide_profile\" (the format version, 1)");
    if (!format->is_number_integer() || format->get<int64_t>() != kProfileFormat)
      return error("/tourguide_profile", "this tourguide reads profile format 1");
    FrameworkProfile p;
    p.source = source;
    auto name = string(doc, "", "framework", true);
    if (!name)
      return name.takeError();
    p.name = *name;
    auto description = string(doc, "", "description", false);
    if (!description)
      return description.takeError();
    p.description = *description;

    if (auto paths = doc.find("paths"); paths != doc.end()) {
      if (!paths->is_array())
        return error("/paths", "must be an array of path patterns");
      for (size_t i = 0; i < paths->size(); ++i) {
        std::string pointer = "/paths/" + std::to_string(i);
        if (!(*paths)[i].is_string())
          return error(pointer, "must be a string");
        auto g = glob((*paths)[i].get<std::string>(), pointer);
        if (!g)
          return g.takeError();
        p.paths.push_back((*paths)[i].get<std::string>());
        p.pathGlobs.push_back(*g);
      }
    }
    if (auto calls = doc.find("calls"); calls != doc.end()) {
      if (!calls->is_array())
        return error("/calls", "must be an array of rules");
      for (size_t i = 0; i < calls->size(); ++i) {
        std::string pointer = "/calls/" + std::to_string(i);
        const nlohmann::json &c = (*calls)[i];
        if (!c.is_object())
          return error(pointer, "a rule is an object {\"match\", \"stage\", \"role\", \"what\"}");
        if (auto e = onlyKeys(c, pointer, {"match", "stage", "role", "what", "inside", "arguments"}))
          return e;
        ProfileRule rule;
        auto match = string(c, pointer, "match", true);
        if (!match)
          return match.takeError();
        rule.pattern = *match;
        auto g = glob(rule.pattern, pointer + "/match");
        if (!g)
          return g.takeError();
        rule.glob = *g;
        if (auto e = stageAndRole(c, pointer, rule.stage, rule.role, rule.what))
          return e;
        if (auto inside = c.find("inside"); inside != c.end()) {
          if (!inside->is_array())
            return error(pointer + "/inside", "must be an array of stages {\"stage\", \"role\", \"what\"}");
          for (size_t k = 0; k < inside->size(); ++k) {
            std::string at = pointer + "/inside/" + std::to_string(k);
            const nlohmann::json &in = (*inside)[k];
            if (!in.is_object())
              return error(at, "a stage is an object {\"stage\", \"role\", \"what\"}");
            if (auto e = onlyKeys(in, at, {"stage", "role", "what"}))
              return e;
            InnerStage inner;
            if (auto e = stageAndRole(in, at, inner.stage, inner.role, inner.what))
              return e;
            rule.inside.push_back(std::move(inner));
          }
        }
        if (auto arguments = c.find("arguments"); arguments != c.end()) {
          if (!arguments->is_object())
            return error(pointer + "/arguments",
                         "must be an object from argument positions to integers ({\"4\": 0})");
          for (auto a = arguments->begin(); a != arguments->end(); ++a) {
            std::string at = (nlohmann::json::json_pointer(pointer + "/arguments") / a.key()).to_string();
            unsigned position = 0;
            if (llvm::StringRef(a.key()).getAsInteger(10, position) || position > 64)
              return error(at, "an argument position is a number from 0 to 64");
            if (!a->is_number_integer())
              return error(at, "must be an integer (the constant the call passes)");
            rule.arguments.emplace_back(position, a->get<long long>());
          }
        }
        p.calls.push_back(std::move(rule));
      }
    }
    if (auto bases = doc.find("bases"); bases != doc.end()) {
      if (!bases->is_array())
        return error("/bases", "must be an array of rules");
      for (size_t i = 0; i < bases->size(); ++i) {
        std::string pointer = "/bases/" + std::to_string(i);
        const nlohmann::json &b = (*bases)[i];
        if (!b.is_object())
          return error(pointer, "a rule is an object {\"class\", \"method\", \"stage\", \"role\", \"what\"}");
        if (auto e = onlyKeys(b, pointer, {"class", "method", "stage", "role", "what"}))
          return e;
        ProfileBase base;
        auto cls = string(b, pointer, "class", true);
        if (!cls)
          return cls.takeError();
        auto method = string(b, pointer, "method", true);
        if (!method)
          return method.takeError();
        base.classPattern = *cls;
        base.method = *method;
        auto g = glob(base.classPattern, pointer + "/class");
        if (!g)
          return g.takeError();
        base.glob = *g;
        if (auto e = stageAndRole(b, pointer, base.stage, base.role, base.what))
          return e;
        p.bases.push_back(std::move(base));
      }
    }
    return p;
  }

private:
  std::string source;
};

} // namespace

llvm::Expected<FrameworkProfile> parseProfile(const std::string &text, const std::string &source) {
  return Reader(source).profile(text);
}

llvm::Expected<FrameworkProfile> loadProfile(const std::string &path) {
  // Profiles are small (the shipped ones are a few KB); a larger file is a mistake (a data
  // file passed by accident). Only a regular file is read: a FIFO named x.profile.json in a
  // cloned repo's .tours/ must not hang the indexer (docs/security.md, "Files").
  tours::ReadError error;
  std::optional<std::string> text = tours::readBoundedRegularFile(path, kMaxProfileBytes, error);
  if (!text)
    return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s: cannot read: %s%s", path.c_str(),
                                   error.reason().c_str(),
                                   error.step == tours::ReadError::Step::TooLarge
                                       ? ", the limit for a profile (docs/profiles.md)"
                                       : "");
  return parseProfile(*text, path);
}

ProfileSet ProfileSet::withBuiltins(std::vector<FrameworkProfile> extra) {
  for (const FrameworkProfile &p : builtinProfiles())
    extra.push_back(p);
  return ProfileSet(std::move(extra));
}

namespace {
/// Every position the rule names holds its constant, and only that one.
bool argumentsHold(const ProfileRule &r, const CallConstants &constants) {
  return std::all_of(r.arguments.begin(), r.arguments.end(), [&](const std::pair<unsigned, long long> &want) {
    bool seen = false;
    for (const auto &[position, value] : constants)
      if (position == want.first) {
        if (value != want.second)
          return false;
        seen = true;
      }
    return seen;
  });
}
} // namespace

std::optional<ProfileMatch> ProfileSet::matchCall(const std::string &qualifiedName,
                                                  const CallConstants &constants) const {
  if (qualifiedName.empty())
    return std::nullopt;
  for (const FrameworkProfile &p : profiles)
    for (const ProfileRule &r : p.calls)
      if (r.glob->match(qualifiedName) && argumentsHold(r, constants))
        return ProfileMatch{&p, r.stage, r.role, r.what, r.inside};
  return std::nullopt;
}

std::optional<ProfileMatch> ProfileSet::matchDependentCall(const std::string &name,
                                                           const std::set<std::string> &frameworksInUse,
                                                           const CallConstants &constants) const {
  if (name.empty())
    return std::nullopt;
  // A name alone fits every rule that ends in it: `forward` fits a loss module's
  // (`torch::nn::*LossImpl::forward`) as well as any layer's. The most general rule, the one
  // with the fewest literal characters, says what such a call most often is.
  auto literals = [](const std::string &glob) { return std::count_if(glob.begin(), glob.end(), [](char ch) {
                                                  return ch != '*' && ch != '?';
                                                }); };
  const FrameworkProfile *bestProfile = nullptr;
  const ProfileRule *best = nullptr;
  for (const FrameworkProfile &p : profiles) {
    if (!frameworksInUse.count(p.name))
      continue;
    for (const ProfileRule &r : p.calls)
      if (r.glob->lastName() == name && r.glob->text() != name && argumentsHold(r, constants) &&
          (!best || literals(r.pattern) < literals(best->pattern))) {
        best = &r;
        bestProfile = &p;
      }
    if (best)
      break; // user profiles come first
  }
  if (!best)
    return std::nullopt;
  return ProfileMatch{bestProfile, best->stage, best->role, best->what, best->inside};
}

std::optional<ProfileMatch> ProfileSet::matchMethod(const std::vector<std::string> &baseClasses,
                                                    const std::string &method) const {
  for (const FrameworkProfile &p : profiles)
    for (const ProfileBase &b : p.bases)
      if (b.method == method)
        for (const std::string &base : baseClasses) {
          // "struct torch::nn::Module" from getAsString() on an elaborated type.
          llvm::StringRef name(base);
          for (llvm::StringRef tag : {"struct ", "class "})
            name.consume_front(tag);
          if (b.glob->match(name))
            return ProfileMatch{&p, b.stage, b.role, b.what, {}};
        }
  return std::nullopt;
}

const FrameworkProfile *ProfileSet::frameworkOfFile(const std::string &path, const std::string &root) const {
  llvm::StringRef seen(path);
  llvm::StringRef top = llvm::StringRef(root).rtrim('/');
  if (!top.empty() && seen.startswith(top) && seen.size() > top.size() && seen[top.size()] == '/')
    seen = seen.drop_front(top.size());
  for (const FrameworkProfile &p : profiles)
    for (const auto &g : p.pathGlobs)
      if (g->match(seen))
        return &p;
  return nullptr;
}

} // namespace tourguide::indexer
