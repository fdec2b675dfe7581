// The body walker: a RecursiveASTVisitor over one function body that keeps a stack of the
// enclosing loops (and of subcommand branches) so that every call and statement it records
// knows where it sits. Private to tourguide_indexer. Its members are defined by concern:
//   - here: the traversal (loops, lambdas, subcommand dispatch), the calls it records and the
//     helpers every rule uses (addStatement, lineText, text);
//   - StatementClassifier.cpp: what a statement means (param_update, lr_update, mac,
//     loss_accumulate, gather, shuffle, argmax_compare, normalize, relu, ...);
//   - CallClassifier.cpp: what a call means by its callee's name (file_read, exp_call, ...);
//   - StatementPlaces.cpp: where the program goes after a statement, a loop or a stored call,
//     and the loops a statement sums over (what places a tour's stop where values exist).
// FactExtractor.cpp runs it on each function the FunctionFinder keeps.
#pragma once

#include "CallClassifier.h"
#include "ExprShapes.h"
#include "FieldBranches.h"
#include "FunctionTables.h"
#include "StatementPlaces.h"
#include "Usr.h"

#include "tourguide/indexer/Facts.h"
#include "tourguide/indexer/Names.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/StringExtras.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace tourguide::indexer {

// The walker's code reads Clang's AST types unqualified, as it did in FactExtractor.cpp.
using namespace clang;

class BodyWalker : public RecursiveASTVisitor<BodyWalker> {
public:
  /// `extra` receives the lambdas found in the body.
  BodyWalker(FunctionFacts &fn, ASTContext &ctx, std::vector<FunctionFacts> &extra)
      : fn(fn), ctx(ctx), sm(ctx.getSourceManager()), extra(extra) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

  /// Walks a function's (or a lambda's) body, knowing where the program goes after each of
  /// its statements (StatementPlaces).
  void walkBody(Stmt *body) {
    bodyRoot = body;
    constantLocals.clear();
    places = std::make_unique<StatementPlaces>(body, sm);
    TraverseStmt(body);
  }

  // --- loops -------------------------------------------------------------
  bool TraverseForStmt(ForStmt *s) {
    std::string counter;
    if (const auto *ds = dyn_cast_or_null<DeclStmt>(s->getInit()))
      if (ds->isSingleDecl())
        if (const auto *vd = dyn_cast<VarDecl>(ds->getSingleDecl()))
          counter = vd->getNameAsString();
    if (counter.empty())
      if (const auto *bo = dyn_cast_or_null<BinaryOperator>(s->getInit()))
        if (bo->isAssignmentOp())
          if (const auto *dre = dyn_cast<DeclRefExpr>(strip(bo->getLHS())))
            counter = dre->getDecl()->getNameAsString();
    return withLoop("for", s, s->getBody(), counter,
                    [&] { return RecursiveASTVisitor::TraverseForStmt(s); });
  }
  bool TraverseWhileStmt(WhileStmt *s) {
    return withLoop("while", s, s->getBody(), "",
                    [&] { return RecursiveASTVisitor::TraverseWhileStmt(s); });
  }
  bool TraverseDoStmt(DoStmt *s) {
    // `do { ... } while (0)` is a macro's statement wrapper (CHECK_OK, RETURN_IF_ERROR): its
    // body runs once, so it is no loop.
    if (runsOnce(s))
      return RecursiveASTVisitor::TraverseDoStmt(s);
    return withLoop("do", s, s->getBody(), "",
                    [&] { return RecursiveASTVisitor::TraverseDoStmt(s); });
  }

  bool runsOnce(const DoStmt *s) const {
    bool value = true;
    const Expr *cond = s->getCond();
    return cond && !cond->isValueDependent() && cond->EvaluateAsBooleanCondition(value, ctx) && !value;
  }
  bool TraverseCXXForRangeStmt(CXXForRangeStmt *s) {
    std::string counter;
    if (const VarDecl *vd = s->getLoopVariable())
      counter = vd->getNameAsString();
    // begin(), end() and operator++ are implicit code: walk them so that the calls they
    // make (a data loader's batch assembly, for one) are part of the loop.
    return withLoop("for", s, s->getBody(), counter, [&] {
      for (DeclStmt *ds : {s->getBeginStmt(), s->getEndStmt()})
        if (ds && ds->isSingleDecl())
          if (auto *vd = dyn_cast<VarDecl>(ds->getSingleDecl()))
            if (vd->getInit() && !TraverseStmt(vd->getInit()))
              return false;
      if (s->getInc() && !TraverseStmt(s->getInc()))
        return false;
      return RecursiveASTVisitor::TraverseCXXForRangeStmt(s);
    });
  }

  /// A lambda's body becomes a function of its own, named after the function that holds it
  /// (that is how a reader finds it) and called from there: it runs when the holder, or
  /// something it hands the lambda to, calls it.
  bool TraverseLambdaExpr(LambdaExpr *le) {
    const CXXMethodDecl *op = le->getCallOperator();
    if (!op || !op->hasBody())
      return true;
    FunctionFacts lambda;
    unsigned line = lineOf(le->getBeginLoc());
    lambda.usr = fn.usr + "@lambda@" + std::to_string(line) + ":" +
                 std::to_string(sm.getExpansionColumnNumber(le->getBeginLoc()));
    lambda.name = fn.name;
    lambda.qualifiedName = fn.qualifiedName;
    lambda.className = fn.className;
    lambda.file = fn.file;
    lambda.line = line;
    lambda.isLambda = true;
    lambda.isTemplate = fn.isTemplate;
    lambda.bodyBeginLine = lineOf(op->getBody()->getBeginLoc());
    lambda.endLine = lineOf(op->getBody()->getEndLoc());
    lambda.returnsFloating = op->getReturnType()->isFloatingType();
    for (const ParmVarDecl *p : op->parameters())
      lambda.paramNames.push_back(p->getNameAsString());
    BodyWalker inner(lambda, ctx, extra);
    inner.walkBody(op->getBody());
    CallFact c;
    c.calleeUsr = lambda.usr;
    c.calleeName = lambda.name;
    c.calleeQualifiedName = lambda.qualifiedName;
    c.line = line;
    c.loop = currentLoop();
    fn.calls.push_back(c);
    extra.push_back(std::move(lambda));
    return true;
  }

  // --- subcommand dispatch -------------------------------------------------
  /// `if (!strcmp(argv[1], "train")) train(...)`: the calls in the branch run only for that
  /// command word. Option flags ("-v") and comparisons of other strings are not commands.
  bool TraverseIfStmt(IfStmt *s) {
    // Its condition runs every time, but counting it in keeps `conditional` on the safe side.
    ++conditionalDepth;
    bool ok = traverseIf(s);
    --conditionalDepth;
    return ok;
  }
  bool TraverseConditionalOperator(ConditionalOperator *c) {
    ++conditionalDepth;
    bool ok = RecursiveASTVisitor::TraverseConditionalOperator(c);
    --conditionalDepth;
    return ok;
  }
  bool traverseIf(IfStmt *s) {
    std::vector<std::string> words, flags;
    if (s->getCond()) {
      commandWords(s->getCond(), words);
      comparedWords(s->getCond(), flags, /*optionFlags=*/true);
    }
    if (!flags.empty()) {
      // `if (args[i] == "-loss")`: what its branch sets is that option's value (FieldWriteFact::option).
      for (Stmt *part : {s->getInit(), static_cast<Stmt *>(s->getConditionVariableDeclStmt()),
                         static_cast<Stmt *>(s->getCond())})
        if (part && !TraverseStmt(part))
          return false;
      ++optionDepth;
      bool ok = TraverseStmt(s->getThen());
      --optionDepth;
      return ok && (!s->getElse() || TraverseStmt(s->getElse()));
    }
    if (words.empty())
      return traverseFieldIf(s);
    for (Stmt *part : {s->getInit(), static_cast<Stmt *>(s->getConditionVariableDeclStmt()),
                       static_cast<Stmt *>(s->getCond())})
      if (part && !TraverseStmt(part))
        return false;
    commandStack.push_back(words);
    bool ok = TraverseStmt(s->getThen());
    commandStack.pop_back();
    return ok && (!s->getElse() || TraverseStmt(s->getElse()));
  }

  // --- branches on struct fields ------------------------------------------
  /// `if (p->kind == A) ... else ...`: the calls in each branch run only for the values that
  /// take it (FieldBranchFact); the walk resolves them with the values the program sets.
  bool traverseFieldIf(IfStmt *s) {
    std::optional<FieldBranchFact> test = fieldTest(s->getCond(), ctx);
    if (!test)
      return RecursiveASTVisitor::TraverseIfStmt(s);
    for (Stmt *part : {s->getInit(), static_cast<Stmt *>(s->getConditionVariableDeclStmt()),
                       static_cast<Stmt *>(s->getCond())})
      if (part && !TraverseStmt(part))
        return false;
    fieldBranchStack.push_back(*test);
    bool ok = TraverseStmt(s->getThen());
    fieldBranchStack.back().otherwise = !test->otherwise;
    ok = ok && (!s->getElse() || TraverseStmt(s->getElse()));
    fieldBranchStack.pop_back();
    return ok;
  }

  /// `switch (ann->training_algorithm) { case A: ...; default: ... }`: each statement of the
  /// body under the branch its case labels (and fall-through) give it.
  bool TraverseSwitchStmt(SwitchStmt *s) {
    ++conditionalDepth;
    bool ok = traverseSwitch(s);
    --conditionalDepth;
    return ok;
  }
  bool traverseSwitch(SwitchStmt *s) {
    std::vector<std::optional<FieldBranchFact>> branches = switchBranches(s, ctx);
    const auto *body = dyn_cast_or_null<CompoundStmt>(s->getBody());
    if (branches.empty() || !body)
      return RecursiveASTVisitor::TraverseSwitchStmt(s);
    for (Stmt *part : {s->getInit(), static_cast<Stmt *>(s->getConditionVariableDeclStmt()),
                       static_cast<Stmt *>(s->getCond())})
      if (part && !TraverseStmt(part))
        return false;
    size_t i = 0;
    for (Stmt *child : const_cast<CompoundStmt *>(body)->body()) {
      const std::optional<FieldBranchFact> &branch = branches[i++];
      if (branch)
        fieldBranchStack.push_back(*branch);
      bool ok = TraverseStmt(child);
      if (branch)
        fieldBranchStack.pop_back();
      if (!ok)
        return false;
    }
    return true;
  }

  /// A write to an integer field: `lhs = rhs`, or (rhs null) `+=`, `++`, `&field` handed out.
  void noteFieldWrite(const Expr *lhs, const Expr *rhs) {
    if (auto w = fieldWrite(lhs, rhs, fn.paramNames, ctx))
      addFieldWrite(std::move(*w));
  }
  /// Records a field write with where it is: under an option's test, in a command's branch.
  void addFieldWrite(FieldWriteFact w) {
    w.option = optionDepth > 0;
    w.command = currentCommand();
    fn.fieldWrites.push_back(std::move(w));
  }

  /// `: loss(loss_name::softmax)` in a constructor.
  void noteFieldInitialiser(const CXXCtorInitializer *init) {
    if (init->isMemberInitializer())
      if (auto w = fieldInitialiser(init->getMember(), init->getInit(), init->getSourceLocation(), fn.paramNames, ctx))
        fn.fieldWrites.push_back(std::move(*w));
  }

  /// `struct parameter p = {.solver_type = L2R_LR}`: each field the braces give a value (the
  /// ones left out are zero).
  bool VisitInitListExpr(InitListExpr *written) {
    // The walk sees the braces as written; the semantic form pairs each value with its field.
    const InitListExpr *ile = written->isSemanticForm() ? written : written->getSemanticForm();
    const RecordDecl *rd = ile && !ile->getType().isNull() ? ile->getType()->getAsRecordDecl() : nullptr;
    if (!rd || rd->isUnion())
      return true;
    // A C++17 aggregate lists its bases' initialisers before its fields'.
    const auto *cxx = dyn_cast<CXXRecordDecl>(rd);
    unsigned i = cxx && cxx->hasDefinition() ? cxx->getNumBases() : 0;
    for (const FieldDecl *field : rd->fields()) {
      if (i >= ile->getNumInits())
        break;
      if (auto w = fieldInitialiser(field, ile->getInit(i++), ile->getBeginLoc(), fn.paramNames, ctx))
        addFieldWrite(std::move(*w));
    }
    return true;
  }

  bool TraverseUnaryOperator(UnaryOperator *uo) {
    if (uo->isIncrementDecrementOp() || (uo->getOpcode() == UO_AddrOf && !readOnlyAddresses.count(uo)))
      noteFieldWrite(uo->getSubExpr(), nullptr);
    return RecursiveASTVisitor::TraverseUnaryOperator(uo);
  }

  /// `out.write((char *)&loss, sizeof loss)`: an address handed to a pointer-to-const parameter
  /// is read through, never written (Args::save is no writer of `loss`). Seen by VisitCallExpr
  /// before its arguments are walked.
  void noteReadOnlyAddresses(const CallExpr *call, const FunctionDecl *callee) {
    unsigned offset = isa<CXXOperatorCallExpr>(call) && isa<CXXMethodDecl>(callee) ? 1 : 0;
    for (unsigned i = offset; i < call->getNumArgs() && i - offset < callee->getNumParams(); ++i) {
      QualType p = callee->getParamDecl(i - offset)->getType();
      if (!p->isPointerType() || !p->getPointeeType().isConstQualified())
        continue;
      if (const auto *uo = dyn_cast<UnaryOperator>(strip(call->getArg(i))); uo && uo->getOpcode() == UO_AddrOf)
        readOnlyAddresses.insert(uo);
    }
  }

  /// Does `e` read the command line (argv[1], args[2], a `command` string made from them)?
  static bool readsCommandLine(const Expr *e) {
    return anyName(e, [](llvm::StringRef v) {
      std::string n = v.lower();
      // Not `mode` or `task`: those are usually option values (-m chat), not positional words.
      return n == "argv" || n == "args" || n == "command" || n == "cmd" || n == "subcommand" || n == "verb";
    });
  }

  static void commandWords(const Expr *cond, std::vector<std::string> &words) {
    comparedWords(cond, words, /*optionFlags=*/false);
  }

  /// The string literals `cond` compares the command line with: command words ("train"), or
  /// with `optionFlags` the option flags ("-loss", "--epochs").
  static void comparedWords(const Expr *cond, std::vector<std::string> &words, bool optionFlags) {
    cond = cond->IgnoreParenImpCasts();
    auto literal = [&](const Expr *e) -> const StringLiteral * {
      const auto *l = dyn_cast<StringLiteral>(e->IgnoreParenImpCasts());
      if (!l || l->getCharByteWidth() != 1 || l->getString().empty())
        return nullptr;
      llvm::StringRef text = l->getString();
      // A word may start with a digit (darknet's "3d"); a flag is '-' or "--" and a letter.
      bool word = isalnum(static_cast<unsigned char>(text.front()));
      llvm::StringRef flag = text.ltrim('-');
      bool isFlag = text.front() == '-' && text.size() - flag.size() <= 2 && !flag.empty() &&
                    isalpha(static_cast<unsigned char>(flag.front()));
      return (optionFlags ? isFlag : word) ? l : nullptr;
    };
    // strcmp(argv[1], "train") (either order), or argv[1] == "train" on std::string.
    auto compared = [&](const Expr *e) -> std::optional<std::string> {
      e = e->IgnoreParenImpCasts();
      const Expr *a = nullptr, *b = nullptr;
      if (const auto *op = dyn_cast<CXXOperatorCallExpr>(e); op && op->getOperator() == OO_EqualEqual &&
                                                              op->getNumArgs() == 2) {
        a = op->getArg(0), b = op->getArg(1);
      } else if (const auto *call = dyn_cast<CallExpr>(e); call && call->getDirectCallee() &&
                                                         call->getDirectCallee()->getIdentifier() &&
                                                         call->getNumArgs() >= 2) {
        llvm::StringRef name = call->getDirectCallee()->getName();
        if (name != "strcmp" && name != "strcasecmp" && name != "strncmp")
          return std::nullopt;
        a = call->getArg(0), b = call->getArg(1);
      } else {
        return std::nullopt;
      }
      if (const StringLiteral *l = literal(b); l && readsCommandLine(a))
        return l->getString().str();
      if (const StringLiteral *l = literal(a); l && readsCommandLine(b))
        return l->getString().str();
      return std::nullopt;
    };
    auto isZero = [](const Expr *e) {
      const auto *i = dyn_cast<IntegerLiteral>(e->IgnoreParenImpCasts());
      return i && i->getValue() == 0;
    };
    if (const auto *bo = dyn_cast<BinaryOperator>(cond)) {
      if (bo->getOpcode() == BO_LOr || bo->getOpcode() == BO_LAnd) {
        comparedWords(bo->getLHS(), words, optionFlags);
        comparedWords(bo->getRHS(), words, optionFlags);
      } else if (bo->getOpcode() == BO_EQ) {
        const Expr *other = isZero(bo->getLHS()) ? bo->getRHS() : isZero(bo->getRHS()) ? bo->getLHS() : nullptr;
        if (other && isa<CallExpr>(other->IgnoreParenImpCasts()) && !isa<CXXOperatorCallExpr>(other->IgnoreParenImpCasts()))
          if (auto w = compared(other))
            words.push_back(*w);
      }
    } else if (const auto *uo = dyn_cast<UnaryOperator>(cond); uo && uo->getOpcode() == UO_LNot) {
      if (const auto *call = dyn_cast<CallExpr>(uo->getSubExpr()->IgnoreParenImpCasts());
          call && !isa<CXXOperatorCallExpr>(call))
        if (auto w = compared(call))
          words.push_back(*w);
    } else if (isa<CXXOperatorCallExpr>(cond)) {
      if (auto w = compared(cond))
        words.push_back(*w);
    }
  }

  /// The command words the current branch runs for (the innermost dispatch), if any.
  std::vector<std::string> currentCommand() const {
    return commandStack.empty() ? std::vector<std::string>{} : commandStack.back();
  }

  // --- calls ---------------------------------------------------------------
  bool VisitCallExpr(CallExpr *call) {
    unsigned line = lineOf(call->getBeginLoc());
    if (const FunctionDecl *callee = call->getDirectCallee()) {
      // Calls to template instantiations go to the pattern: that is the definition we index.
      // make_unique<optim::SGD>(...) creates an SGD: remember the class.
      if (const TemplateArgumentList *targs = callee->getTemplateSpecializationArgs())
        for (const TemplateArgument &a : targs->asArray())
          if (a.getKind() == TemplateArgument::Type)
            noteConstruct(a.getAsType()->getAsCXXRecordDecl(), call->getBeginLoc());
      CallFact c;
      if (const auto *md = dyn_cast<CXXMethodDecl>(callee); md && isa<ClassTemplateSpecializationDecl>(md->getParent()))
        c.calleeSpecialisedName = md->getQualifiedNameAsString();
      if (const FunctionDecl *pattern = callee->getTemplateInstantiationPattern())
        callee = pattern;
      c.calleeUsr = usrOf(callee);
      c.calleeName = callee->getNameAsString();
      c.calleeQualifiedName = callee->getQualifiedNameAsString();
      c.line = line;
      c.loop = currentLoop();
      c.command = currentCommand();
      c.fieldBranches = fieldBranchStack;
      c.conditional = conditionalDepth > 0;
      for (FieldWriteFact &w : callWrites(call, callee, ctx))
        addFieldWrite(std::move(w));
      noteReadOnlyAddresses(call, callee);
      noteArguments(call, c);
      noteStoredResult(call, c);
      if (const auto *mc = dyn_cast<CXXMemberCallExpr>(call))
        if (const auto *md = mc->getMethodDecl())
          if (md->isVirtual()) {
            const auto *me = dyn_cast<MemberExpr>(strip(mc->getCallee()));
            c.isVirtual = !(me && me->hasQualifier());
          }
      fn.calls.push_back(c);
      classifyCall(call, callee);
    } else if (const Expr *index = nullptr; const VarDecl *table = calledTable(call, index)) {
      // A graph library's dispatch: `kad_op_list[p->op](p, KAD_FORWARD)` runs the function
      // the table holds at the node's operator number.
      CallFact c;
      c.calleeName = table->getNameAsString();
      c.table = usrOf(table);
      c.tableIndexField = fieldKeyOf(index).value_or("");
      c.line = line;
      c.loop = currentLoop();
      c.command = currentCommand();
      c.fieldBranches = fieldBranchStack;
      c.conditional = conditionalDepth > 0;
      noteArguments(call, c);
      fn.calls.push_back(c);
    } else if (const auto *field = dyn_cast_or_null<MemberExpr>(strip(call->getCallee()));
               field && isa<FieldDecl>(field->getMemberDecl())) {
      // C's virtual call: a function pointer stored in a struct (`l.forward(l, net)`).
      CallFact c;
      c.calleeName = field->getMemberDecl()->getNameAsString();
      c.pointerField = c.calleeName;
      c.line = line;
      c.loop = currentLoop();
      c.command = currentCommand();
      c.fieldBranches = fieldBranchStack;
      c.conditional = conditionalDepth > 0;
      fn.calls.push_back(c);
    } else if (const Expr *ce = strip(call->getCallee())) {
      // Dependent calls inside templates: keep the name, resolve it after the merge. When the
      // lookup found the candidates already (`torch::nll_loss(out, y)`, `network->forward(x)` on
      // a holder whose type is known), their one qualified name is the callee's.
      std::string name, found;
      if (const auto *overloads = dyn_cast<OverloadExpr>(ce)) {
        name = overloads->getName().getAsString();
        found = sharedQualifiedName(*overloads);
      } else if (const auto *dm = dyn_cast<CXXDependentScopeMemberExpr>(ce)) {
        name = dm->getMember().getAsString();
      }
      if (!name.empty()) {
        CallFact c;
        c.calleeName = name;
        c.calleeQualifiedName = found;
        c.line = line;
        c.loop = currentLoop();
        c.command = currentCommand();
        c.fieldBranches = fieldBranchStack;
        c.conditional = conditionalDepth > 0;
        fn.calls.push_back(c);
        classifyCalleeName(call, name);
      }
    }
    return true;
  }

  /// The qualified name every candidate of an unresolved call shares (the overloads of
  /// `at::nll_loss`), or "" when they differ or there are none (a call left to ADL).
  static std::string sharedQualifiedName(const OverloadExpr &overloads) {
    std::string shared;
    for (const NamedDecl *d : overloads.decls()) {
      std::string name = d->getUnderlyingDecl()->getQualifiedNameAsString();
      if (!shared.empty() && name != shared)
        return "";
      shared = name;
    }
    return shared;
  }

  const std::optional<std::vector<ConstantFact>> &constantsOfLocal(const VarDecl *local) {
    auto it = constantLocals.find(local);
    if (it == constantLocals.end())
      it = constantLocals.emplace(local, localConstants(local, bodyRoot, ctx)).first;
    return it->second;
  }

  /// The arguments that are constants (what a setter is given) and those that pass on the
  /// function's own parameters (what makes it a setter of what its callee sets).
  void noteArguments(const CallExpr *call, CallFact &c) {
    for (unsigned a = 0; a < call->getNumArgs(); ++a) {
      if (auto value = constantOf(call->getArg(a), ctx)) {
        c.constantArguments.emplace_back(a, *value);
        continue;
      }
      const auto *ref = dyn_cast<DeclRefExpr>(call->getArg(a)->IgnoreParenImpCasts());
      // A local that only ever holds constants passes one of them (each is recorded).
      if (const auto *local = ref ? dyn_cast<VarDecl>(ref->getDecl()) : nullptr; local && !isa<ParmVarDecl>(local))
        if (const auto &values = constantsOfLocal(local)) {
          for (const ConstantFact &v : *values)
            c.constantArguments.emplace_back(a, v);
          continue;
        }
      const auto *param = ref ? dyn_cast<ParmVarDecl>(ref->getDecl()) : nullptr;
      // The walked function's own parameter (a lambda's body is walked as its own function).
      if (param && param->getFunctionScopeIndex() < fn.paramNames.size() &&
          fn.paramNames[param->getFunctionScopeIndex()] == param->getNameAsString())
        c.parameterArguments.emplace_back(a, param->getFunctionScopeIndex());
    }
  }

  bool VisitCXXConstructExpr(CXXConstructExpr *ctor) {
    const CXXConstructorDecl *cd = ctor->getConstructor();
    if (!cd)
      return true;
    noteConstruct(cd->getParent(), ctor->getBeginLoc());
    if (const auto *pattern = dyn_cast_or_null<CXXConstructorDecl>(cd->getTemplateInstantiationPattern()))
      cd = pattern;
    std::string cls = cd->getParent()->getQualifiedNameAsString();
    if (llvm::StringRef(cls).contains("ifstream") || llvm::StringRef(cls).contains("basic_fstream"))
      addStatement("file_open", ctor, {});
    if (llvm::StringRef(cls).contains("ofstream"))
      addStatement("file_write", ctor, {});
    if (!ctx.getSourceManager().isInSystemHeader(cd->getLocation()) && !cd->isImplicit()) {
      CallFact c;
      c.calleeUsr = usrOf(cd);
      c.calleeName = cd->getNameAsString();
      c.calleeQualifiedName = cd->getQualifiedNameAsString();
      c.line = lineOf(ctor->getBeginLoc());
      c.loop = currentLoop();
      c.command = currentCommand();
      c.fieldBranches = fieldBranchStack;
      c.conditional = conditionalDepth > 0;
      fn.calls.push_back(c);
    }
    return true;
  }

  bool VisitCXXNewExpr(CXXNewExpr *ne) {
    if (const CXXRecordDecl *rd = ne->getAllocatedType()->getAsCXXRecordDecl())
      noteConstruct(rd, ne->getBeginLoc());
    return true;
  }

  void noteConstruct(const CXXRecordDecl *rd, SourceLocation loc) {
    if (!rd || sm.isInSystemHeader(rd->getLocation()))
      return;
    if (const CXXRecordDecl *pattern = rd->getTemplateInstantiationPattern())
      rd = pattern;
    fn.constructs.emplace_back(rd->getQualifiedNameAsString(), lineOf(loc));
  }

  // --- statements ----------------------------------------------------------
  bool VisitCompoundAssignOperator(CompoundAssignOperator *op);

  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *op);

  bool VisitBinaryOperator(BinaryOperator *bo);

  bool VisitVarDecl(VarDecl *vd);

  bool VisitUnaryOperator(UnaryOperator *uo);

  bool VisitConditionalOperator(ConditionalOperator *co);
  bool VisitReturnStmt(ReturnStmt *rs);

private:
  template <typename F>
  bool withLoop(const char *keyword, Stmt *s, Stmt *body, std::string counter, F traverse) {
    LoopFact loop;
    loop.keyword = keyword;
    loop.line = lineOf(s->getBeginLoc());
    loop.endLine = lineOf(s->getEndLoc());
    loop.parent = currentLoop();
    loop.counter = std::move(counter);
    loop.lineText = lineText(s->getBeginLoc());
    if (body) {
      const Stmt *first = body;
      if (const auto *cs = dyn_cast<CompoundStmt>(body))
        first = cs->body_empty() ? nullptr : cs->body_front();
      if (first) {
        loop.bodyLine = lineOf(first->getBeginLoc());
        loop.bodyLineText = lineText(first->getBeginLoc());
      }
    }
    if (const StatementPlaces::Place *p = places ? places->enclosing(s) : nullptr; p && p->stmt == s) {
      setAfter(p->after, loop.afterLine, loop.afterText);
      loop.blockLine = p->inBlock && !p->blocks.empty() ? p->blocks.front() : 0;
    }
    loop.writes = scalarsWritten(s);
    fn.loops.push_back(loop);
    loopNodes.push_back(s);
    loopStack.push_back(static_cast<int>(fn.loops.size()) - 1);
    bool ok = traverse();
    loopStack.pop_back();
    return ok;
  }

  // --- where the program goes after a statement (StatementPlaces.cpp) ----------
  void setAfter(SourceLocation after, unsigned &line, std::string &text) const;
  /// The full statement holding `s` (StatementPlaces::enclosing), its lines and where the
  /// program goes after it; for an expression in a loop's header, the loop's body comes next.
  const StatementPlaces::Place *placeAfter(const Stmt *s, unsigned &line, std::string &text) const;
  /// `x = f(...)`, `auto out = model->forward(x)`: the variable the call's value goes into.
  void noteStoredResult(const CallExpr *call, CallFact &c);
  /// The scalar variables `s` assigns, increments or declares.
  static std::vector<std::string> scalarsWritten(const Stmt *s);
  /// `sum += a * b`, `y[i] += ...`, `n++`, `s = s + x`: what a full statement accumulates into.
  static const Expr *accumulatorOf(const Stmt *full, const ASTContext &ctx);
  /// Whether `loop` sums into `acc`: every variable `acc` names is declared outside the loop,
  /// nothing in it resets `acc` (`sum = 0`) or moves its index (`y[j]` in the loop over j).
  bool sumsOver(const Stmt *loop, const Expr *acc) const;
  /// Where the program goes after `s`'s full statement, and the loops it sums over.
  void notePlace(const Stmt *s, StatementFact &f);

  int currentLoop() const { return loopStack.empty() ? -1 : loopStack.back(); }

  void classifyCall(const CallExpr *call, const FunctionDecl *callee) {
    if (!callee->getIdentifier())
      return;
    classifyCalleeName(call, callee->getName());
  }

  void classifyCalleeName(const CallExpr *call, llvm::StringRef name) {
    for (const char *kind : indexer::classifyCall(call, name, ctx, [&](const Stmt *s) {
           return mentionsIndexFromContainer(s);
         }))
      addStatement(kind, call, nullptr);
  }

  void analyseCompound(const Expr *op, bool minus, bool plus, const Expr *lhs, const Expr *rhs);

public:
  bool TraverseBinaryOperator(BinaryOperator *bo) {
    if (bo->isAssignmentOp())
      noteFieldWrite(bo->getLHS(), bo->getOpcode() == BO_Assign ? bo->getRHS() : nullptr);
    bool saved = inAssignmentToElement;
    if (bo->isAssignmentOp() || bo->getOpcode() == BO_DivAssign)
      inAssignmentToElement = isElementOrMember(bo->getLHS());
    bool ok = RecursiveASTVisitor::TraverseBinaryOperator(bo);
    inAssignmentToElement = saved;
    return ok;
  }
  bool TraverseCompoundAssignOperator(CompoundAssignOperator *bo) {
    noteFieldWrite(bo->getLHS(), nullptr);
    bool saved = inAssignmentToElement;
    inAssignmentToElement = isElementOrMember(bo->getLHS());
    bool ok = RecursiveASTVisitor::TraverseCompoundAssignOperator(bo);
    inAssignmentToElement = saved;
    return ok;
  }

private:
  /// Whether `s` reads a variable from `vars`.
  static bool mentionsVariableIn(const Stmt *s, const std::set<const VarDecl *> &vars);
  bool mentionsIndexFromContainer(const Stmt *s) { return mentionsVariableIn(s, indexFromContainer); }

  /// True when a tainted index selects an element or is passed to an accessor:
  /// all[row], all(row, c), dataset.label(example).
  bool indexesWithTaint(const Stmt *s);

  /// out[i] = all[row] where row came from an index container: rows gathered into a batch.
  bool isGather(const Expr *lhs, const Expr *rhs);

  /// A call that computes something; element access through operator() / operator[]
  /// (`all(row, c)`, `v[i]`) and conversions are not.
  static bool containsCall(const Stmt *s);

  bool mentionsRandomIndex(const Stmt *s) { return mentionsVariableIn(s, randomIndex); }

  void analyseAssign(const Expr *op, const Expr *lhs, const Expr *rhs);

  void analyseEquality(const Expr *op, const Expr *a, const Expr *b);
  /// fabs(a - b), or a local variable initialised with it.
  bool isAbsoluteDifference(const Expr *e) const;

  void addStatement(const char *kind, const Stmt *s, const Expr *target) {
    StatementFact f;
    f.kind = kind;
    f.line = lineOf(s->getBeginLoc());
    f.loop = currentLoop();
    f.text = lineText(s->getBeginLoc());
    if (target)
      f.target = text(strip(target));
    collectScalarVariables(s, f.variables);
    notePlace(s, f);
    fn.statements.push_back(std::move(f));
  }

  void collectScalarVariables(const Stmt *s, std::vector<std::string> &out) {
    if (!s)
      return;
    if (const auto *dre = dyn_cast<DeclRefExpr>(s)) {
      if (const auto *vd = dyn_cast<VarDecl>(dre->getDecl())) {
        QualType t = vd->getType().getNonReferenceType();
        if ((vd->hasLocalStorage() || isa<ParmVarDecl>(vd)) && t->isArithmeticType()) {
          std::string name = vd->getNameAsString();
          if (std::find(out.begin(), out.end(), name) == out.end())
            out.push_back(name);
        }
      }
    }
    for (const Stmt *child : s->children())
      collectScalarVariables(child, out);
  }

  unsigned lineOf(SourceLocation loc) const {
    return loc.isValid() ? sm.getExpansionLineNumber(loc) : 0;
  }

  std::string lineText(SourceLocation loc) const {
    if (loc.isInvalid())
      return "";
    SourceLocation e = sm.getExpansionLoc(loc);
    bool invalid = false;
    llvm::StringRef buffer = sm.getBufferData(sm.getFileID(e), &invalid);
    if (invalid)
      return "";
    unsigned offset = sm.getFileOffset(e);
    size_t begin = buffer.rfind('\n', offset);
    begin = begin == llvm::StringRef::npos ? 0 : begin + 1;
    size_t end = buffer.find('\n', offset);
    return buffer.slice(begin, end).trim().str();
  }

  std::string text(const Expr *e) const {
    if (!e)
      return "";
    CharSourceRange range = CharSourceRange::getTokenRange(e->getSourceRange());
    return Lexer::getSourceText(range, sm, ctx.getLangOpts()).str();
  }

  /// `l.forward = forward_convolutional_layer;`: which functions a pointer field may call.
  void notePointerAssignment(const Expr *lhs, const Expr *rhs) {
    const auto *field = dyn_cast_or_null<MemberExpr>(strip(lhs));
    if (!field || !isa<FieldDecl>(field->getMemberDecl()))
      return;
    const Expr *value = strip(rhs);
    if (const auto *addr = dyn_cast_or_null<UnaryOperator>(value); addr && addr->getOpcode() == UO_AddrOf)
      value = strip(addr->getSubExpr());
    const auto *ref = dyn_cast_or_null<DeclRefExpr>(value);
    const auto *target = ref ? dyn_cast<FunctionDecl>(ref->getDecl()) : nullptr;
    if (!target)
      return;
    std::string usr = usrOf(target);
    if (!usr.empty())
      fn.pointerAssignments.emplace_back(field->getMemberDecl()->getNameAsString(), usr);
  }

  FunctionFacts &fn;
  ASTContext &ctx;
  SourceManager &sm;
  std::vector<FunctionFacts> &extra;
  std::vector<int> loopStack;
  std::vector<const Stmt *> loopNodes; ///< The statement of each of fn.loops.
  std::unique_ptr<StatementPlaces> places; ///< Of the body walkBody walks.
  const Stmt *bodyRoot = nullptr;          ///< That body.
  std::vector<std::vector<std::string>> commandStack;
  unsigned optionDepth = 0; ///< Inside how many branches an option flag's test takes.
  std::set<const UnaryOperator *> readOnlyAddresses; ///< `&x` handed to a pointer-to-const parameter.
  std::vector<FieldBranchFact> fieldBranchStack; ///< The field branches the walk is inside, outermost first.
  unsigned conditionalDepth = 0; ///< How many if / switch / ?: the walk is inside.
  /// localConstants() of each local passed as an argument, asked once per body: a long function
  /// passing the same local to many calls is scanned once, not once per call.
  std::map<const VarDecl *, std::optional<std::vector<ConstantFact>>> constantLocals;
  bool inAssignmentToElement = false;
  std::set<const VarDecl *> indexFromContainer; ///< Locals initialised from x[...]: gathered rows.
  std::set<const VarDecl *> randomIndex;        ///< Locals initialised from a random draw.
  std::set<const VarDecl *> weightCopies;       ///< Scalar locals holding a weight (`w = weights[i]`).

  /// `w = weights[i]` (or `float w = weights[i];`): the local holds a weight, so moving it and
  /// writing it back (`w += next_step; weights[i] = w;`, libfann's quickprop) updates the weight.
  void noteWeightCopy(const VarDecl *vd, const Expr *value) {
    if (vd && vd->isLocalVarDecl() && vd->getType()->isFloatingType() && value &&
        isa<ArraySubscriptExpr>(strip(value)) && isWeightVector(value))
      weightCopies.insert(vd);
  }
  bool isWeightCopy(const Expr *e) const {
    const auto *dre = dyn_cast<DeclRefExpr>(strip(e));
    const auto *vd = dre ? dyn_cast<VarDecl>(dre->getDecl()) : nullptr;
    return vd && weightCopies.count(vd);
  }
};

} // namespace tourguide::indexer
