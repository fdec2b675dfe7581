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

DispatchValues::DispatchValues(const ProgramIndex &index, const std::string &entryKey) : index(index) {
  // Writes inside branches no value takes do not count, and leaving them out can rule out more
  // branches: narrow until the reached functions stop changing (a few rounds; the last set of
  // values is from a superset of what is finally reached, which only keeps more branches).
  std::set<std::string> reached = reachableFrom(entryKey);
  for (int round = 0; round < 4; ++round) {
    collect(reached);
    dropSetOverDefaults(reached);
    std::set<std::string> next = reachableFrom(entryKey);
    if (next == reached)
      break;
    reached = std::move(next);
  }
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

std::set<std::string> DispatchValues::reachableFrom(const std::string &entryKey) const {
  std::set<std::string> seen{entryKey};
  std::vector<std::string> todo{entryKey};
  while (!todo.empty()) {
    std::string key = std::move(todo.back());
    todo.pop_back();
    if (const FunctionFacts *fn = index.function(key))
      for (const CallFact &c : fn->calls)
        if (reaches(c))
          for (const std::string &t : index.targetsOf(c))
            if (seen.insert(t).second)
              todo.push_back(t);
  }
  return seen;
}

void DispatchValues::collect(const std::set<std::string> &reached) {
  std::map<std::string, Field> next; // reaches() below still answers with the last round's values
  auto add = [&](const std::string &field, const ConstantFact &value, std::string where, std::string madeIn = "") {
    std::vector<Value> &values = next[field].values;
    auto same = std::find_if(values.begin(), values.end(), [&](const Value &v) { return v.constant.value == value.value; });
    if (same == values.end())
      values.push_back({value, std::move(where), std::move(madeIn)});
    else if (madeIn.empty())
      same->madeIn.clear(); // also set later: not only a default
  };
  auto note = [&](const FieldWriteFact &w, const std::string &where, const std::string &madeIn) {
    if (w.kind == "constant")
      add(w.field, w.value, where, madeIn);
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
    // A setter (a write of its parameter) takes the constant each reached call gives it.
    for (const CallFact &c : fn->calls) {
      if (!reaches(c))
        continue;
      for (const std::string &t : index.targetsOf(c)) {
        const FunctionFacts *callee = index.function(t);
        if (!callee)
          continue;
        for (const FieldWriteFact &w : callee->fieldWrites) {
          if (w.kind != "parameter")
            continue;
          auto arg = std::find_if(c.constantArguments.begin(), c.constantArguments.end(),
                                  [&](const auto &a) { return static_cast<int>(a.first) == w.parameter; });
          if (arg == c.constantArguments.end())
            next[w.field].unknown = true;
          else
            add(w.field, arg->second, "set by " + callee->qualifiedName + " in " + fn->qualifiedName);
        }
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
  std::map<std::string, bool> reachesMaker; // callee -> does it (or what it calls) make the object
  auto makes = [&](const CallFact &c) {
    for (const std::string &t : index.targetsOf(c)) {
      auto it = reachesMaker.find(t);
      if (it == reachesMaker.end()) {
        std::set<std::string> below = index.reachableFrom(t);
        bool found = std::any_of(makers.begin(), makers.end(), [&](const std::string &m) { return below.count(m) > 0; });
        it = reachesMaker.emplace(t, found).first;
      }
      if (it->second)
        return true;
    }
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
