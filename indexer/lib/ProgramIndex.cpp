// Merges per-TU facts into one program-wide table and answers call-graph questions.
#include "tourguide/indexer/ProgramIndex.h"
#include "tourguide/indexer/Names.h"

#include <algorithm>
#include <deque>

namespace tourguide::indexer {

namespace {
/// Dependent calls resolved by name stop being evidence when too many functions share it.
constexpr size_t kMaxNameMatches = 8;
/// A function-pointer field that holds more functions than this is a generic callback slot,
/// not a layer's method (darknet stores about 30 layer kinds' forward in `forward`).
constexpr size_t kMaxPointerTargets = 48;

/// A dispatch through a function table made to set its operators up, not to run them:
/// `kad_op_list[p->op](p, KAD_SYNC_DIM)` passes an action by name, and no name says a pass
/// (KAD_FORWARD, KAD_BACKWARD). The operators' math runs only in the passes.
bool setsUpOnly(const CallFact &call) {
  bool named = false;
  for (const auto &[position, constant] : call.constantArguments) {
    if (!isIdentifier(constant.spelling))
      continue;
    if (namesAPass(constant.spelling))
      return false;
    named = true;
  }
  return named;
}
} // namespace

ProgramIndex::ProgramIndex(const std::vector<TUFacts> &tus) {
  std::set<std::string> recordUsrs;
  for (const TUFacts &tu : tus) {
    for (const FunctionFacts &fn : tu.functions) {
      std::string key = fn.isMain ? fn.usr + "#" + fn.file : fn.usr;
      if (fn.isMain)
        mainTUs[key].push_back(&tu);
      if (byKey.count(key))
        continue;
      byKey.emplace(key, fn);
      for (const auto &[field, usr] : fn.pointerAssignments) {
        std::vector<std::string> &targets = byPointerField[field];
        if (std::find(targets.begin(), targets.end(), usr) == targets.end())
          targets.push_back(usr);
      }
      if (fn.isMain) {
        mainKeys.push_back(key);
        mainTU[key] = &tu;
      }
    }
    for (const RecordFacts &r : tu.records)
      if (recordUsrs.insert(r.usr).second)
        allRecords.push_back(r);
    for (const FunctionTableFact &t : tu.tables)
      tables.emplace(t.usr, t);
  }
  for (const auto &[key, fn] : byKey) {
    for (const std::string &base : fn.overrides)
      directOverriders[base].push_back(key);
    byName[fn.name].push_back(key);
  }
}

const FunctionFacts *ProgramIndex::function(const std::string &key) const {
  auto it = byKey.find(key);
  return it == byKey.end() ? nullptr : &it->second;
}

const FunctionTableFact *ProgramIndex::table(const std::string &usr) const {
  auto it = tables.find(usr);
  return it == tables.end() ? nullptr : &it->second;
}

const TUFacts *ProgramIndex::tuOfMain(const std::string &key) const {
  auto it = mainTU.find(key);
  return it == mainTU.end() ? nullptr : it->second;
}

std::vector<const TUFacts *> ProgramIndex::tusOfMain(const std::string &key) const {
  auto it = mainTUs.find(key);
  return it == mainTUs.end() ? std::vector<const TUFacts *>{} : it->second;
}

std::vector<std::string> ProgramIndex::overridersOf(const std::string &key) const {
  std::vector<std::string> result;
  std::deque<std::string> work{key};
  std::set<std::string> seen{key};
  while (!work.empty()) {
    std::string k = work.front();
    work.pop_front();
    auto it = directOverriders.find(k);
    if (it == directOverriders.end())
      continue;
    for (const std::string &o : it->second)
      if (seen.insert(o).second) {
        result.push_back(o);
        work.push_back(o);
      }
  }
  return result;
}

std::vector<std::string> ProgramIndex::targetsOf(const CallFact &call) const {
  std::vector<std::string> result;
  if (!call.calleeUsr.empty()) {
    if (byKey.count(call.calleeUsr))
      result.push_back(call.calleeUsr);
    // A virtual call may land in any overrider; a call to a pure virtual has only those.
    if (call.isVirtual || !byKey.count(call.calleeUsr))
      for (const std::string &o : overridersOf(call.calleeUsr))
        result.push_back(o);
    return result;
  }
  if (!call.table.empty()) {
    const FunctionTableFact *t = setsUpOnly(call) ? nullptr : table(call.table);
    if (t)
      for (const auto &[i, usr] : t->entries)
        if (byKey.count(usr) && std::find(result.begin(), result.end(), usr) == result.end())
          result.push_back(usr);
    return result;
  }
  if (!call.pointerField.empty()) {
    auto field = byPointerField.find(call.pointerField);
    if (field != byPointerField.end() && field->second.size() <= kMaxPointerTargets)
      for (const std::string &t : field->second)
        if (byKey.count(t))
          result.push_back(t);
    return result;
  }
  auto it = byName.find(call.calleeName);
  if (it == byName.end() || it->second.size() > kMaxNameMatches)
    return result;
  if (call.calleeQualifiedName.empty())
    return it->second;
  // Inside a template, the lookup may have found the candidates already: only functions of that
  // qualified name, or their overriders, can run (xgboost's `exc.Run(fn, i)` is
  // dmlc::OMPException::Run, never the repo's CLI::Run).
  for (const std::string &key : it->second)
    if (function(key)->qualifiedName == call.calleeQualifiedName) {
      result.push_back(key);
      for (const std::string &o : overridersOf(key))
        if (std::find(result.begin(), result.end(), o) == result.end())
          result.push_back(o);
    }
  return result;
}

std::set<std::string> ProgramIndex::reachableFrom(const std::string &key) const {
  std::set<std::string> seen;
  if (!byKey.count(key))
    return seen;
  std::deque<std::string> work{key};
  seen.insert(key);
  while (!work.empty()) {
    const FunctionFacts *fn = function(work.front());
    work.pop_front();
    for (const CallFact &c : fn->calls)
      for (const std::string &t : targetsOf(c))
        if (seen.insert(t).second)
          work.push_back(t);
  }
  return seen;
}

} // namespace tourguide::indexer
