// A switch (or if-chain) on a struct field, resolved by the values the program can give that
// field: `switch (ann->training_algorithm)` in fann_train_epoch runs only the case of
// FANN_TRAIN_RPROP when every write the program reaches sets that (fann_allocate_structure's
// default) and no reached setter (`fann_set_training_algorithm(ann, FANN_TRAIN_QUICKPROP)`) is
// given another constant. One unknown write the program reaches (a value read from a file or
// argv) keeps every branch. A branch on a parameter of the function it is in (kann_layer_cost's
// `if (cost_type == KANN_C_MSE)`) is resolved the same way, by the constants the reached calls
// pass there (or pass on, through a wrapper's own parameter). Private to tourguide_indexer;
// Analysis.cpp asks it during the walk.
#pragma once

#include "tourguide/indexer/ProgramIndex.h"

#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace tourguide::indexer {

class DispatchValues {
public:
  /// What does not depend on the entry point: each function that sets a field from one of its
  /// parameters, directly (`s->op = op`) or by passing the parameter on to such a function
  /// ({field, parameter number}), and the parameters branches test. Found once per program and
  /// shared by its entry points (a repo of 63 mains paid for it 63 times).
  struct ProgramSetters {
    std::map<std::string, std::vector<std::pair<std::string, int>>> setters;
    /// Function USR -> the numbers of its parameters some branch in it tests (`cost_type`).
    std::map<std::string, std::set<unsigned>> branchedParameters;
    /// Function key -> the functions that call it (through ProgramIndex::targetsOf).
    std::map<std::string, std::vector<std::string>> callers;
  };
  static std::shared_ptr<const ProgramSetters> findProgramSetters(const ProgramIndex &index);

  /// The values of every field as far as the program of `entryKey` sets them. `shared` is
  /// findProgramSetters(index), found here when not given.
  DispatchValues(const ProgramIndex &index, const std::string &entryKey,
                 std::shared_ptr<const ProgramSetters> shared = nullptr);
  /// The values as far as the program run with one of its subcommands sets them: a call in a
  /// branch of other command words (CallFact::command) is not followed, so another command's
  /// loading of a saved model does not make this one's fields unknown.
  DispatchValues(const ProgramIndex &index, const std::string &entryKey, std::set<std::string> commandWords,
                 std::shared_ptr<const ProgramSetters> shared);

  /// Whether the program gives each field the call branches on a value that takes the call's
  /// branch. True for a call under no such branch, and for a field the program sets to
  /// something not constant or never sets at all (nothing is known then).
  bool reaches(const CallFact &call) const;

  /// Every function reachable from `key` (itself included) through calls that reaches() keeps.
  std::set<std::string> reachableFrom(const std::string &key) const;

  /// What a call through a function table indexed by a field (`kad_op_list[p->op](...)`)
  /// runs: the table's functions at the constants the program writes to the field
  /// (`chosen`, with `why` saying where they are set), and the rest (`others`): none when every
  /// write is such a constant, every other entry when one is not (an operator number read
  /// from a saved model may pick any). Every target is in `chosen` when no constant is known.
  struct TableTargets {
    std::vector<std::string> chosen, others;
    std::string why;
  };
  TableTargets tableTargets(const CallFact &call) const;

  /// The functions a call may run as far as the field values say (ProgramIndex::targetsOf
  /// without the entries of a table no value can pick).
  std::vector<std::string> targetsOf(const CallFact &call) const;

  /// Whether both give every field the same values, from the same commands: what the walk
  /// follows is then the same (a subcommand whose values are the program's keeps its closures).
  bool sameValuesAs(const DispatchValues &other) const;

  /// Whether a value a command of `commands` sets for itself (not a default) takes the call's
  /// branches: fasttext's `supervised` setting `loss = softmax` over the constructor's `ns`.
  bool takenForACommand(const CallFact &call, const std::set<std::string> &commands) const;

  /// Why the call's branches run, for a finding's evidence ("ann->training_algorithm is
  /// FANN_TRAIN_RPROP (set in fann_allocate_structure)"); empty when no branch is resolved.
  std::string why(const CallFact &call) const;

private:
  struct Value {
    ConstantFact constant;
    std::string where; ///< "set in fann_allocate_structure"
    /// Written where the object is made (a function returning the record, its constructor,
    /// a default member initialiser): a default the program may set over.
    std::string madeIn; ///< That function's key; "-" for a default member initialiser; "" otherwise.
    /// The command words whose branches set it (`loss = softmax` for "supervised"); empty when
    /// some write of it is in no command's branch (a default, or set whatever the command).
    std::vector<std::string> command;
  };
  struct Field {
    std::vector<Value> values;
    bool unknown = false;
  };

  /// Whether `call` runs for the subcommand the values are for (every call without one).
  bool runsForCommand(const CallFact &call) const;
  /// reachableFrom(), and with `byCommand` without the calls of other subcommands.
  std::set<std::string> reach(const std::string &entryKey, bool byCommand) const;

  /// The field's values when all of them are known; null otherwise.
  const Field *known(const std::string &field) const;
  /// The known values of `field` that take every branch on it in `branches`.
  std::vector<const Value *> valuesTaking(const std::string &field,
                                          const std::vector<FieldBranchFact> &branches) const;
  void collect(const std::set<std::string> &reached);
  /// Leaves out a field's defaults that every path sets over (dropSetOverDefaults).
  void dropSetOverDefaults(const std::set<std::string> &reached);
  /// Whether some reached function first makes the object (a call reaching `makers`) and then,
  /// unconditionally and on a later line, gives `field` a constant of its own.
  bool setOverAfterMaking(const std::string &field, const std::set<std::string> &makers,
                          const std::set<std::string> &reached) const;
  /// Whether the call gives `field` a constant: a setter given one, or a callee that writes one.
  bool setsConstant(const CallFact &call, const std::string &field) const;

  const ProgramIndex &index;
  std::set<std::string> commandWords; ///< The subcommand's words, at every level; empty: all.
  std::map<std::string, Field> fields;
  std::shared_ptr<const ProgramSetters> shared;
  const std::map<std::string, std::vector<std::pair<std::string, int>>> &setters;
  const std::map<std::string, std::set<unsigned>> &branchedParameters;
};

} // namespace tourguide::indexer
