#include "DispatchValues.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <map>

namespace tourguide::indexer {

namespace {

/// The key of a write to every field of the field's record at once ("fann::*" for
/// "fann::training_algorithm"): a whole struct read with fread or copied from bytes.
std::string wholeRecordKey(const std::string &field) {
  size_t colon = field.rfind("::");
  return (colon == std::string::npos ? field : field.substr(0, colon)) + "::*";
}

/// Does `fn` make the object whose field this is: a function returning the record
/// (fann_allocate_structure returns `struct fann *`), or the record's constructor?
bool makesRecordOf(const FunctionFacts &fn, const std::string &field) {
  size_t colon = field.rfind("::");
  if (colon == std::string::npos)
    return false;
  std::string record = field.substr(0, colon);
  llvm::StringRef last = llvm::StringRef(record).rsplit("::").second;
  if (last.empty())
    last = record;
  return fn.returnsRecord == last || (fn.className == record && fn.name == last);
}

bool takes(const FieldBranchFact &branch, int value) {
  bool listed = std::any_of(branch.values.begin(), branch.values.end(),
                            [&](const ConstantFact &c) { return c.value == value; });
  return listed != branch.otherwise;
}

} // namespace

DispatchValues::DispatchValues(const ProgramIndex &index, const std::string &entryKey,
                               std::shared_ptr<const ProgramSetters> given)
    : DispatchValues(index, entryKey, {}, std::move(given)) {}

DispatchValues::DispatchValues(const ProgramIndex &index, const std::string &entryKey,
                               std::set<std::string> words, std::shared_ptr<const ProgramSetters> given)
    : index(index), commandWords(std::move(words)), shared(given ? std::move(given) : findProgramSetters(index)),
      setters(shared->setters), branchedParameters(shared->branchedParameters) {
  // Writes inside branches no value takes do not count, and leaving them out can rule out more
  // branches: narrow until the reached functions stop changing (a few rounds; the last set of
  // values is from a superset of what is finally reached, which only keeps more branches).
  std::set<std::string> reached = reach(entryKey, /*byCommand=*/true);
  for (int round = 0; round < 4; ++round) {
    collect(reached);
    dropSetOverDefaults(reached);
    std::set<std::string> next = reach(entryKey, /*byCommand=*/true);
    if (next == reached)
      break;
    reached = std::move(next);
  }
}

bool DispatchValues::runsForCommand(const CallFact &call) const {
  return commandWords.empty() || call.command.empty() ||
         std::any_of(call.command.begin(), call.command.end(), [&](const std::string &w) { return commandWords.count(w); });
}

const DispatchValues::Field *DispatchValues::known(const std::string &field) const {
  if (auto whole = fields.find(wholeRecordKey(field)); whole != fields.end() && whole->second.unknown)
    return nullptr; // the whole struct read from a file or copied from bytes
  auto it = fields.find(field);
  return it == fields.end() || it->second.unknown || it->second.values.empty() ? nullptr : &it->second;
}

std::vector<const DispatchValues::Value *>
DispatchValues::valuesTaking(const std::string &field, const std::vector<FieldBranchFact> &branches) const {
  std::vector<const Value *> out;
  const Field *f = known(field);
  if (!f)
    return out;
  for (const Value &v : f->values)
    if (std::all_of(branches.begin(), branches.end(), [&](const FieldBranchFact &b) {
          return b.field != field || takes(b, v.constant.value);
        }))
      out.push_back(&v);
  return out;
}

bool DispatchValues::reaches(const CallFact &call) const {
  for (const FieldBranchFact &b : call.fieldBranches)
    if (known(b.field) && valuesTaking(b.field, call.fieldBranches).empty())
      return false;
  return true;
}

bool DispatchValues::sameValuesAs(const DispatchValues &other) const {
  auto same = [](const Field &a, const Field &b) {
    return a.unknown == b.unknown && a.values.size() == b.values.size() &&
           std::equal(a.values.begin(), a.values.end(), b.values.begin(), [](const Value &x, const Value &y) {
             return x.constant.value == y.constant.value && x.madeIn == y.madeIn && x.command == y.command;
           });
  };
  return fields.size() == other.fields.size() &&
         std::equal(fields.begin(), fields.end(), other.fields.begin(),
                    [&](const auto &a, const auto &b) { return a.first == b.first && same(a.second, b.second); });
}

bool DispatchValues::takenForACommand(const CallFact &call, const std::set<std::string> &commands) const {
  for (const FieldBranchFact &b : call.fieldBranches)
    for (const Value *v : valuesTaking(b.field, call.fieldBranches))
      if (std::any_of(v->command.begin(), v->command.end(), [&](const std::string &w) { return commands.count(w); }))
        return true;
  return false;
}

std::string DispatchValues::why(const CallFact &call) const {
  std::vector<std::string> parts;
  std::set<std::string> done;
  for (const FieldBranchFact &b : call.fieldBranches) {
    if (!done.insert(b.field).second || !known(b.field))
      continue;
    std::vector<std::string> values;
    for (const Value *v : valuesTaking(b.field, call.fieldBranches))
      values.push_back(v->constant.spelling + " (" + v->where + ")");
    if (!values.empty())
      parts.push_back((b.text.empty() ? b.field : b.text) + " is " + llvm::join(values, " or "));
  }
  return llvm::join(parts, "; ");
}

std::shared_ptr<const DispatchValues::ProgramSetters> DispatchValues::findProgramSetters(const ProgramIndex &index) {
  auto out = std::make_shared<ProgramSetters>();
  auto &setters = out->setters;
  auto &branchedParameters = out->branchedParameters;
  for (const auto &[key, fn] : index.functions())
    for (const CallFact &c : fn.calls)
      for (const std::string &t : index.targetsOf(c))
        out->callers[t].push_back(key);
  for (const auto &[key, fn] : index.functions())
    for (const FieldWriteFact &w : fn.fieldWrites)
      if (w.kind == "parameter")
        setters[key].emplace_back(w.field, w.parameter);
  // kad_op2_core(op, ...) calling kad_new_core(0, op, 2), which writes `s->op = op`: passing a
  // parameter on to a setter makes a setter. Each round adds a level of such calls.
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto &[key, fn] : index.functions())
      for (const CallFact &c : fn.calls)
        for (const auto &[argument, parameter] : c.parameterArguments)
          for (const std::string &t : index.targetsOf(c)) {
            auto callee = setters.find(t);
            if (callee == setters.end())
              continue;
            std::vector<std::pair<std::string, int>> found;
            for (const auto &[field, p] : callee->second)
              if (p == static_cast<int>(argument))
                found.emplace_back(field, static_cast<int>(parameter));
            std::vector<std::pair<std::string, int>> &mine = setters[key];
            for (auto &f : found)
              if (std::find(mine.begin(), mine.end(), f) == mine.end()) {
                mine.push_back(std::move(f));
                grew = true;
              }
          }
  }
  for (const auto &[key, fn] : index.functions())
    for (const CallFact &c : fn.calls)
      for (const FieldBranchFact &b : c.fieldBranches)
        if (llvm::StringRef(b.field).startswith("param:")) {
          size_t hash = b.field.rfind('#');
          unsigned number = 0;
          if (hash != std::string::npos && !llvm::StringRef(b.field).substr(hash + 1).getAsInteger(10, number))
            branchedParameters[b.field.substr(6, hash - 6)].insert(number);
        }
  // A parameter passed on to one a branch tests is followed too (a wrapper's).
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto &[key, fn] : index.functions())
      for (const CallFact &c : fn.calls)
        for (const auto &[argument, parameter] : c.parameterArguments)
          for (const std::string &t : index.targetsOf(c))
            if (const FunctionFacts *callee = index.function(t))
              if (auto b = branchedParameters.find(callee->usr);
                  b != branchedParameters.end() && b->second.count(argument))
                grew = branchedParameters[fn.usr].insert(parameter).second || grew;
  }
  return out;
}

DispatchValues::TableTargets DispatchValues::tableTargets(const CallFact &call) const {
  TableTargets out;
  std::vector<std::string> all = index.targetsOf(call);
  const FunctionTableFact *table = call.table.empty() ? nullptr : index.table(call.table);
  auto it = fields.find(call.tableIndexField);
  if (!table || call.tableIndexField.empty() || it == fields.end() || it->second.values.empty()) {
    out.chosen = std::move(all);
    return out;
  }
  bool unknown = it->second.unknown || !known(call.tableIndexField);
  std::vector<std::string> values;
  for (const auto &[i, usr] : table->entries) {
    auto v = std::find_if(it->second.values.begin(), it->second.values.end(),
                          [&](const Value &v) { return v.constant.value == i; });
    if (std::find(all.begin(), all.end(), usr) == all.end())
      continue;
    if (v == it->second.values.end()) {
      if (unknown && std::find(out.others.begin(), out.others.end(), usr) == out.others.end())
        out.others.push_back(usr);
      continue;
    }
    if (std::find(out.chosen.begin(), out.chosen.end(), usr) == out.chosen.end())
      out.chosen.push_back(usr);
    if (values.size() < 6)
      values.push_back(v->constant.spelling + " (" + v->where + ")");
  }
  // A function at a chosen index and at another one stays chosen.
  out.others.erase(std::remove_if(out.others.begin(), out.others.end(),
                                  [&](const std::string &o) {
                                    return std::find(out.chosen.begin(), out.chosen.end(), o) != out.chosen.end();
                                  }),
                   out.others.end());
  std::string field = call.tableIndexField.substr(call.tableIndexField.rfind("::") + 2);
  out.why = table->name + "[" + field + "] with " + field + " " + llvm::join(values, ", ") +
            (it->second.values.size() > values.size() ? ", ..." : "");
  return out;
}

std::vector<std::string> DispatchValues::targetsOf(const CallFact &call) const {
  if (call.table.empty())
    return index.targetsOf(call);
  TableTargets t = tableTargets(call);
  t.chosen.insert(t.chosen.end(), t.others.begin(), t.others.end());
  return t.chosen;
}

std::set<std::string> DispatchValues::reachableFrom(const std::string &entryKey) const {
  return reach(entryKey, /*byCommand=*/false);
}

std::set<std::string> DispatchValues::reach(const std::string &entryKey, bool byCommand) const {
  std::set<std::string> seen{entryKey};
  std::vector<std::string> todo{entryKey};
  while (!todo.empty()) {
    std::string key = std::move(todo.back());
    todo.pop_back();
    if (const FunctionFacts *fn = index.function(key))
      for (const CallFact &c : fn->calls)
        if (reaches(c) && (!byCommand || runsForCommand(c)))
          for (const std::string &t : targetsOf(c))
            if (seen.insert(t).second)
              todo.push_back(t);
  }
  return seen;
}

void DispatchValues::collect(const std::set<std::string> &reached) {
  std::map<std::string, Field> next; // reaches() below still answers with the last round's values
  std::vector<std::pair<std::string, std::string>> passedOn; // {parameter, the caller's parameter given to it}
  auto add = [&](const std::string &field, const ConstantFact &value, std::string where, std::string madeIn = "",
                 const std::vector<std::string> &command = {}) {
    std::vector<Value> &values = next[field].values;
    auto same = std::find_if(values.begin(), values.end(), [&](const Value &v) { return v.constant.value == value.value; });
    if (same == values.end()) {
      values.push_back({value, std::move(where), std::move(madeIn), command});
    } else {
      if (madeIn.empty())
        same->madeIn.clear(); // also set later: not only a default
      if (command.empty() || same->command.empty())
        same->command.clear(); // set outside a command's branch too
      else
        same->command.insert(same->command.end(), command.begin(), command.end());
    }
  };
  auto note = [&](const FieldWriteFact &w, const std::string &where, const std::string &madeIn) {
    // An option's value (`-loss hs`) is set only by a run that passes it: the branches only it
    // takes are the alternatives a user picks, not what the program does by itself.
    if (w.option)
      return;
    if (w.kind == "constant")
      add(w.field, w.value, where, madeIn, w.command);
    else if (w.kind == "unknown")
      next[w.field].unknown = true;
  };
  // Default member initialisers: every object of the class starts with them.
  for (const RecordFacts &r : index.records())
    for (const FieldWriteFact &w : r.fieldWrites)
      note(w, "the default in " + r.qualifiedName, "-");
  for (const std::string &key : reached) {
    const FunctionFacts *fn = index.function(key);
    if (!fn)
      continue;
    for (const FieldWriteFact &w : fn->fieldWrites)
      note(w, "set in " + fn->qualifiedName, makesRecordOf(*fn, w.field) ? key : "");
    // A setter (a write of its parameter) takes the constant each reached call gives it; a
    // parameter passed on is given by the callers of the function passing it.
    for (const CallFact &c : fn->calls) {
      if (!reaches(c) || !runsForCommand(c))
        continue;
      const std::vector<std::string> targets = targetsOf(c);
      for (const std::string &t : targets) {
        const FunctionFacts *callee = index.function(t);
        auto sets = setters.find(t);
        if (!callee || sets == setters.end())
          continue;
        for (const auto &[field, parameter] : sets->second) {
          auto isParameter = [&](const auto &a) { return static_cast<int>(a.first) == parameter; };
          bool constant = false;
          for (const auto &arg : c.constantArguments)
            if (isParameter(arg)) {
              add(field, arg.second, "set by " + callee->qualifiedName + " in " + fn->qualifiedName);
              constant = true;
            }
          if (constant)
            continue;
          if (fn->isMain || std::none_of(c.parameterArguments.begin(), c.parameterArguments.end(), isParameter))
            next[field].unknown = true;
        }
      }
      // A parameter a branch tests takes what each reached call passes: a constant, or what
      // the caller's own parameter holds (resolved below), or anything.
      for (const std::string &t : targets) {
        const FunctionFacts *callee = index.function(t);
        auto branched = callee ? branchedParameters.find(callee->usr) : branchedParameters.end();
        if (branched == branchedParameters.end())
          continue;
        for (unsigned number : branched->second) {
          std::string key = parameterKey(callee->usr, number);
          auto isNumber = [&](const auto &a) { return a.first == number; };
          bool constant = false;
          for (const auto &arg : c.constantArguments)
            if (isNumber(arg)) {
              add(key, arg.second, "passed by " + fn->qualifiedName);
              constant = true;
            }
          auto passed = std::find_if(c.parameterArguments.begin(), c.parameterArguments.end(), isNumber);
          if (constant)
            continue;
          if (passed != c.parameterArguments.end() && !fn->isMain)
            passedOn.emplace_back(key, parameterKey(fn->usr, passed->second));
          else
            next[key].unknown = true;
        }
      }
    }
  }
  // kann_cost(a, label, cal_grad) passing cal_grad on to kann_cost_core: its values are those
  // kann_cost is given. Each round carries them one call further.
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto &[to, from] : passedOn) {
      auto source = next.find(from);
      if (source == next.end())
        continue;
      Field copy = source->second; // a copy: `to` may be `from` (a recursive call)
      Field &target = next[to];
      if (copy.unknown && !target.unknown)
        target.unknown = grew = true;
      for (const Value &v : copy.values)
        if (std::none_of(target.values.begin(), target.values.end(),
                         [&](const Value &o) { return o.constant.value == v.constant.value; })) {
          target.values.push_back(v);
          grew = true;
        }
    }
  }
  fields = std::move(next);
}

void DispatchValues::dropSetOverDefaults(const std::set<std::string> &reached) {
  for (auto &[field, f] : fields) {
    std::set<std::string> makers;
    bool setLater = false;
    for (const Value &v : f.values)
      if (v.madeIn.empty())
        setLater = true;
      else if (v.madeIn != "-")
        makers.insert(v.madeIn);
    // A default member initialiser runs in every constructor: the record's constructors make it.
    if (!setLater || f.unknown)
      continue;
    bool memberDefault = std::any_of(f.values.begin(), f.values.end(), [](const Value &v) { return v.madeIn == "-"; });
    if (memberDefault)
      for (const std::string &key : reached)
        if (const FunctionFacts *fn = index.function(key); fn && makesRecordOf(*fn, field))
          makers.insert(key);
    if (makers.empty() || !setOverAfterMaking(field, makers, reached))
      continue;
    f.values.erase(std::remove_if(f.values.begin(), f.values.end(), [](const Value &v) { return !v.madeIn.empty(); }),
                   f.values.end());
  }
}

bool DispatchValues::setsConstant(const CallFact &call, const std::string &field) const {
  for (const std::string &t : index.targetsOf(call)) {
    const FunctionFacts *callee = index.function(t);
    if (!callee)
      continue;
    for (const FieldWriteFact &w : callee->fieldWrites) {
      if (w.field != field)
        continue;
      if (w.kind == "constant" && !makesRecordOf(*callee, field))
        return true;
      if (w.kind == "parameter" &&
          std::any_of(call.constantArguments.begin(), call.constantArguments.end(),
                      [&](const auto &a) { return static_cast<int>(a.first) == w.parameter; }))
        return true;
    }
  }
  return false;
}

bool DispatchValues::setOverAfterMaking(const std::string &field, const std::set<std::string> &makers,
                                        const std::set<std::string> &reached) const {
  // The functions that make the object or call, at any depth, one that does: one walk up the
  // callers from the makers (a walk down from every callee cost darknet's 33 commands seconds).
  std::set<std::string> reachesMaker(makers.begin(), makers.end());
  std::vector<std::string> todo(makers.begin(), makers.end());
  while (!todo.empty()) {
    std::string key = std::move(todo.back());
    todo.pop_back();
    if (auto it = shared->callers.find(key); it != shared->callers.end())
      for (const std::string &caller : it->second)
        if (reachesMaker.insert(caller).second)
          todo.push_back(caller);
  }
  auto makes = [&](const CallFact &c) {
    for (const std::string &t : index.targetsOf(c))
      if (index.function(t) && reachesMaker.count(t))
        return true;
    return false;
  };
  for (const std::string &key : reached) {
    const FunctionFacts *fn = index.function(key);
    if (!fn)
      continue;
    unsigned madeAt = 0;
    for (const CallFact &c : fn->calls)
      if (reaches(c) && !c.conditional && makes(c) && (!madeAt || c.line < madeAt))
        madeAt = c.line;
    if (!madeAt)
      continue;
    for (const CallFact &c : fn->calls)
      if (c.line > madeAt && !c.conditional && reaches(c) && setsConstant(c, field))
        return true;
  }
  return false;
}

} // namespace tourguide::indexer
