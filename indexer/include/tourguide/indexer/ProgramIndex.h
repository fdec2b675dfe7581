// The cross-TU view: every function definition by USR, and the call graph between them.
// Built from TUFacts only, so it can be tested without parsing anything.
#pragma once

#include "tourguide/indexer/Facts.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace tourguide::indexer {

class ProgramIndex {
public:
  /// Merges the facts of all TUs. A function defined in a header is seen by every TU that
  /// includes it; the first definition wins. Each `main` keeps its own key (the USR of every
  /// `main` is the same), "c:@F@main#<file>".
  explicit ProgramIndex(const std::vector<TUFacts> &tus);

  const FunctionFacts *function(const std::string &key) const;
  const std::map<std::string, FunctionFacts> &functions() const { return byKey; }
  const std::vector<RecordFacts> &records() const { return allRecords; }

  /// Keys of the `main` functions, in the order of their TUs.
  const std::vector<std::string> &mains() const { return mainKeys; }
  /// The TU that defined a main (for the program name and executable).
  const TUFacts *tuOfMain(const std::string &key) const;
  /// Every TU that compiled that main's file (a build may compile main.cc into a library
  /// target too), in database order.
  std::vector<const TUFacts *> tusOfMain(const std::string &key) const;

  /// Functions a call may reach: its callee, every overrider of a virtual callee, every
  /// function of the table a call through a table's element names, or, for a dependent call
  /// in a template, every function with that name (when few do).
  std::vector<std::string> targetsOf(const CallFact &call) const;

  /// The function table with this USR (FunctionTableFact), null when no TU defines it.
  const FunctionTableFact *table(const std::string &usr) const;

  /// Concrete classes overriding a method (transitively), as function keys.
  std::vector<std::string> overridersOf(const std::string &key) const;

  /// All functions reachable from `key` (including itself).
  std::set<std::string> reachableFrom(const std::string &key) const;

private:
  std::map<std::string, FunctionFacts> byKey;
  std::map<std::string, std::vector<std::string>> directOverriders;
  std::map<std::string, std::vector<std::string>> byName;
  std::map<std::string, std::vector<std::string>> byPointerField; ///< field -> functions stored in it
  std::map<std::string, FunctionTableFact> tables;                 ///< by USR
  std::map<std::string, const TUFacts *> mainTU;
  std::map<std::string, std::vector<const TUFacts *>> mainTUs;
  std::vector<std::string> mainKeys;
  std::vector<RecordFacts> allRecords;
};

} // namespace tourguide::indexer
