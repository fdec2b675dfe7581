#include "DispatchValues.h"

#include "llvm/ADT/StringExtras.h"

#include <algorithm>

namespace tourguide::indexer {

namespace {

/// The key of a write to every field of the field's record at once ("fann::*" for
/// "fann::training_algorithm"): a whole struct read with fread or copied from bytes.
std::string wholeRecordKey(const std::string &field) {
  size_t colon = field.rfind("::");
  return (colon == std::string::npos ? field : field.substr(0, colon)) + "::*";
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
  auto add = [&](const std::string &field, const ConstantFact &value, std::string where) {
    std::vector<Value> &values = next[field].values;
    if (std::none_of(values.begin(), values.end(), [&](const Value &v) { return v.constant.value == value.value; }))
      values.push_back({value, std::move(where)});
  };
  auto note = [&](const FieldWriteFact &w, const std::string &where) {
    if (w.kind == "constant")
      add(w.field, w.value, where);
    else if (w.kind == "unknown")
      next[w.field].unknown = true;
  };
  // Default member initialisers: every object of the class starts with them.
  for (const RecordFacts &r : index.records())
    for (const FieldWriteFact &w : r.fieldWrites)
      note(w, "the default in " + r.qualifiedName);
  for (const std::string &key : reached) {
    const FunctionFacts *fn = index.function(key);
    if (!fn)
      continue;
    for (const FieldWriteFact &w : fn->fieldWrites)
      note(w, "set in " + fn->qualifiedName);
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

} // namespace tourguide::indexer
