// Plain facts extracted from one translation unit. Nothing here refers to an AST:
// each TU's AST is dropped as soon as its facts are copied out, so the whole-program
// analysis (call graph, stage rules) works on these structs only.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace tourguide::indexer {

/// An integer constant as the code spells it: `FANN_TRAIN_RPROP` is 1.
struct ConstantFact {
  int value = 0;
  std::string spelling;
};

/// A branch on a struct field: a call under `case FANN_TRAIN_RPROP:` of
/// `switch (ann->training_algorithm)`, or in the branch of `if (p->kind == A || p->kind == B)`.
/// Which branches run then depends on the values the program can give that field.
struct FieldBranchFact {
  /// The record and its member: "fann::training_algorithm"; or a parameter of the function
  /// the branch is in (`if (cost_type == KANN_C_MSE)`), keyed by parameterKey().
  std::string field;
  std::string text;  ///< The field as the condition spells it: "ann->training_algorithm".
  std::vector<ConstantFact> values; ///< The values that take the branch ...
  bool otherwise = false;           ///< ... or, when set, every value but these (`default:`, `else`).
};

/// The key of a function's parameter in FieldBranchFact::field: a branch on it takes the values
/// the program's calls pass there.
inline std::string parameterKey(const std::string &functionUsr, unsigned index) {
  return "param:" + functionUsr + "#" + std::to_string(index);
}

/// A write to a struct field (`ann->training_algorithm = FANN_TRAIN_RPROP;`).
struct FieldWriteFact {
  std::string field; ///< As FieldBranchFact::field.
  unsigned line = 0;
  /// "constant" (`value`), "parameter" (a setter: the enclosing function's parameter number
  /// `parameter`), "copy" (the same field of another object), or "unknown" (read from a file,
  /// computed, written through a pointer). Field "record::*": the whole struct (fread, memcpy).
  std::string kind;
  ConstantFact value;
  int parameter = -1;
  /// Under a test of the command line against an option flag (`if (args[i] == "-loss")`):
  /// the value of an option a run may not pass, not what the program sets by itself.
  bool option = false;
  /// The command words of the branch it is in (CallFact::command): `loss = softmax` under
  /// `if (command == "supervised")` is that command's setting.
  std::vector<std::string> command;
};

/// A call made inside a function body.
struct CallFact {
  std::string calleeUsr;  ///< USR of the called declaration; empty when unresolved (templates).
  std::string calleeName; ///< Unqualified name, used to resolve dependent calls by name.
  /// For a call Clang leaves unresolved inside a template, the one qualified name of the
  /// candidates its lookup found (`at::nll_loss` for `torch::nll_loss(out, y)`), or empty.
  std::string calleeQualifiedName;
  /// A member of a class template's specialisation, named with its arguments
  /// ("torch::nn::ModuleHolder<torch::nn::LinearImpl>::operator()"): what a profile can tell a
  /// layer's call from a loss's. Empty for other callees.
  std::string calleeSpecialisedName;
  unsigned line = 0;
  int loop = -1;          ///< Index into FunctionFacts::loops of the innermost enclosing loop.
  bool isVirtual = false; ///< A call through a virtual method: every overrider may run.
  /// A call through a struct's function-pointer field (`l.forward(l, net)`, C's virtual
  /// call): it may reach every function the program stores in a field of that name.
  std::string pointerField;
  /// A call through an element of a function table (`kad_op_list[p->op](p, KAD_FORWARD)`):
  /// the table's USR (FunctionTableFact), and the field whose value picks the element
  /// ("kad_node_t::op", as FieldBranchFact::field; "" when the index is anything else).
  std::string table;
  std::string tableIndexField;
  /// The words a command line must hold for this call to run: the call sits in the branch of
  /// `if (!strcmp(argv[1], "train"))` or `if (command == "skipgram" || command == "cbow")`
  /// (a subcommand dispatch). Empty for calls that run whatever the arguments.
  std::vector<std::string> command;
  /// The branches on struct fields the call sits in, outermost first.
  std::vector<FieldBranchFact> fieldBranches;
  /// The call sits in a branch of an if, a switch or a ?: (it may not run when its function does).
  bool conditional = false;
  /// Arguments that are integer constants, by position: what a setter is given. A local
  /// variable that only ever holds constants gives one entry per constant, at its position.
  std::vector<std::pair<unsigned, ConstantFact>> constantArguments;
  /// Arguments that are the calling function's own parameters passed on unchanged, as
  /// {argument position, parameter number}: `kad_op2_core(int op, ...)` calling
  /// `kad_new_core(0, op, 2)` sets the field its callee sets from what its own callers give it.
  std::vector<std::pair<unsigned, unsigned>> parameterArguments;
  /// The variable the call's value is stored in (`loss = criterion(...)`, `auto out =
  /// model->forward(x)`), "" when it is not stored.
  std::string storedIn;
  /// Where the program goes once the call's statement has run (see StatementFact::afterLine).
  unsigned afterLine = 0;
  std::string afterText;
};

/// A for / while / do / range-for loop.
struct LoopFact {
  std::string keyword;   ///< "for", "while", "do".
  unsigned line = 0;     ///< Line of the keyword.
  unsigned endLine = 0;
  unsigned bodyLine = 0; ///< Line of the first statement of the body (0 = empty body).
  int parent = -1;       ///< Enclosing loop in the same function.
  std::string counter;   ///< Loop variable when there is an obvious one ("epoch", "i").
  std::string lineText;  ///< The source line of the keyword, trimmed.
  std::string bodyLineText;
  /// Where the program goes once the loop has finished (see StatementFact::afterLine).
  unsigned afterLine = 0;
  std::string afterText;
  /// The first line of the block (`{ ... }`) the loop is a statement of; 0 when it is a branch
  /// of an `if`, a case or another loop's whole body.
  unsigned blockLine = 0;
  /// The scalar variables the loop changes or declares (its counter, its temporaries, its
  /// sums): past the loop they hold a last pass's values, or are gone.
  std::vector<std::string> writes;
};

/// A statement that says something about what the code does.
/// Kinds (the stage rules read these):
///   "file_read"      fread/fscanf/getline/ifstream/istream >> ...
///   "file_open"      fopen/ifstream construction
///   "shuffle"        std::shuffle / random_shuffle / a swap with a random index
///   "param_update"   x[i] -= a * b  (an element or member moved against a product)
///   "lr_update"      a param_update whose right side names a learning rate
///   "adaptive_update" a param_update divided by a sqrt (Adam, RMSProp, Adagrad)
///   "momentum"       v = beta * v + ... on an element or member
///   "mac"            acc += a * b (multiply-accumulate: dot products, layers)
///   "log_call" "exp_call" "sqrt_call" "tanh_call"
///   "sq_diff"        (a - b) * (a - b) or pow(a - b, 2): squared error
///   "loss_accumulate" something named like a loss is accumulated or assigned
///   "argmax_compare" a prediction compared with a label
///   "abs_error"      |a[i] - b[j]| of two elements (an output against its target)
///   "count_correct"  a counter named correct/hits/right is incremented
///   "nll"            `return -log(p)`: the negative log-likelihood of one example
///   "count_matches"  a count of two computed values agreeing or differing: `n_err += (a != b)`,
///                    `countNonZero(a == b)`, or one row's agreement as 1 or 0 (`|p - y| <= eps ? 1 : 0`)
///   "average"        a division of an accumulated sum by a count
///   "relu"           max(0, x) or x > 0 ? x : 0
///   "push_back"      a container grows (batch / dataset building)
///   "file_write"     fwrite/fprintf to a file/ofstream: saving (checkpoints)
///   "gather"         out[i] = all[perm[i]]: rows copied through an index (batch assembly)
///   "normalize"      x = (x - mean) / std written back: standardisation
///   "variance"       sq / n - mean * mean
///   "parse" "random" "argmax"  weak hints (number parsing, rand(), max_element)
struct StatementFact {
  std::string kind;
  unsigned line = 0;
  int loop = -1;
  std::string text;                  ///< The source line, trimmed.
  std::vector<std::string> variables; ///< Scalar locals/params the statement reads or writes.
  std::string target;                 ///< What is written (for updates and accumulations).
  /// The full statement the classified expression is part of (the whole `if` for a read in
  /// its condition, the loop for an expression in its header): its first and last lines.
  unsigned fullLine = 0, fullEndLine = 0;
  /// The first line the program runs once that full statement is done without leaving the pass
  /// of an enclosing loop: the next statement's, or the closing brace of the function; for an
  /// expression in a loop's header, the first line of its body. 0 when there is none (the
  /// statement ends a loop's body). `afterText` is that line, trimmed.
  unsigned afterLine = 0;
  std::string afterText;
  /// The first lines of the blocks that hold the full statement, innermost first: a loop whose
  /// blockLine is one of them runs after it in the same flow (not in another branch).
  std::vector<unsigned> blocks;
  /// What the full statement accumulates into (`sum` of `sum += a * b`, `y[i]`, `n` of `n++`),
  /// "" when it does not accumulate; and the outermost loop over which it sums, index into
  /// FunctionFacts::loops (the accumulator declared outside that loop and neither reset nor
  /// re-indexed inside it), or -1.
  std::string accumulator;
  int sumLoop = -1;
};

/// A math idiom recognised in the function (from tourguide_idioms when available).
struct IdiomFact {
  std::string kind;
  std::string formula;
  std::string description;
  unsigned beginLine = 0, endLine = 0;
  std::string evidence;
};

struct FunctionFacts {
  std::string usr;
  std::string name;          ///< Unqualified.
  std::string qualifiedName; ///< "nn::Linear::forward", "main".
  std::string className;     ///< For methods: the qualified class name.
  std::vector<std::string> baseClasses; ///< For methods: the class's bases (qualified).
  std::string file;          ///< Absolute path of the definition.
  unsigned line = 0;         ///< Line of the function's name in its definition.
  unsigned bodyBeginLine = 0, endLine = 0;
  bool isMain = false;
  bool isLambda = false;     ///< A lambda body, named after the function holding it.
  bool isTemplate = false;   ///< A template or a member of a class template: debuggers know it
                             ///< only by instantiated names (gf::Layered<float>::apply).
  /// Classes this function creates objects of (constructors, new, make_unique<T>), with lines:
  /// which overriders of a virtual call can run at all (rapid type analysis).
  std::vector<std::pair<std::string, unsigned>> constructs;
  bool isVirtual = false;
  bool returnsFloating = false;
  bool returnsVoid = false;
  /// The record type the function returns (through pointers and const), unqualified:
  /// "kann_t" for `kann_t *kann_load(...)`; empty for anything else.
  std::string returnsRecord;
  std::vector<std::string> overrides; ///< USRs of the methods this one overrides.
  std::vector<CallFact> calls;
  std::vector<LoopFact> loops;
  std::vector<StatementFact> statements;
  std::vector<IdiomFact> idioms;
  std::vector<std::string> paramNames;
  /// Functions this body stores in a function-pointer field: {field, function USR}
  /// (`l.forward = forward_convolutional_layer;`).
  std::vector<std::pair<std::string, std::string>> pointerAssignments;
  /// Writes to struct fields (assignments, constructor initialisers, `&p->field` handed out).
  std::vector<FieldWriteFact> fieldWrites;
};

/// A record type with a name that hints at a role (Dataset, Loader, Layer, ...).
struct RecordFacts {
  std::string usr;
  std::string qualifiedName;
  std::string file;
  unsigned line = 0;
  std::vector<std::string> bases;
  /// Default member initialisers (`int mode = 2;` in the class): values every object starts with.
  std::vector<FieldWriteFact> fieldWrites;
};

/// An array of function pointers the code initialises with a list of functions (`kad_op_f
/// kad_op_list[] = {0, kad_op_add, kad_op_mul, ...}`): a call through one of its elements
/// (CallFact::table) may run any of them, the one at the index the program gives.
struct FunctionTableFact {
  std::string usr;  ///< The array variable's.
  std::string name; ///< As the code spells it: "kad_op_list".
  std::string file;
  unsigned line = 0;
  std::vector<std::pair<int, std::string>> entries; ///< {index, function USR}; null entries left out.
};

struct TUFacts {
  std::string mainFile;
  std::string outputFile; ///< "-o" of the compile command (object or executable).
  std::string directory;  ///< The compile command's working directory.
  bool parsed = false;    ///< False when the frontend could not run at all.
  unsigned errorCount = 0;
  std::vector<std::string> errors; ///< The first few error messages, "file:line: message".
  bool skipped = false;            ///< Not parsed on purpose (too large).
  std::string skipReason;
  std::vector<FunctionFacts> functions;
  std::vector<RecordFacts> records;
  std::vector<FunctionTableFact> tables;
};

} // namespace tourguide::indexer
