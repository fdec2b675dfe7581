// Walks one TU and copies facts about every function defined outside system headers.
// One visitor finds function definitions; a second walks each body, keeping a stack of
// enclosing loops so that every call and statement knows the loop it sits in. What a call
// means by its callee's name is CallClassifier.cpp; the expression shapes both look for are
// ExprShapes.cpp.
#include "tourguide/indexer/FactExtractor.h"
#include "tourguide/indexer/Names.h"

#include "CallClassifier.h"
#include "ExprShapes.h"

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Index/USRGeneration.h"
#include "clang/Lex/Lexer.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Path.h"

#include "tourguide/idioms/Idioms.h"

#include <functional>
#include <optional>
#include <set>

using namespace clang;

namespace tourguide::indexer {

namespace {

class BodyWalker : public RecursiveASTVisitor<BodyWalker> {
public:
  /// `extra` receives the lambdas found in the body.
  BodyWalker(FunctionFacts &fn, ASTContext &ctx, std::vector<FunctionFacts> &extra)
      : fn(fn), ctx(ctx), sm(ctx.getSourceManager()), extra(extra) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

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
    return withLoop("do", s, s->getBody(), "",
                    [&] { return RecursiveASTVisitor::TraverseDoStmt(s); });
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
    inner.TraverseStmt(op->getBody());
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
    std::vector<std::string> words;
    if (s->getCond())
      commandWords(s->getCond(), words);
    if (words.empty())
      return RecursiveASTVisitor::TraverseIfStmt(s);
    for (Stmt *part : {s->getInit(), static_cast<Stmt *>(s->getConditionVariableDeclStmt()),
                       static_cast<Stmt *>(s->getCond())})
      if (part && !TraverseStmt(part))
        return false;
    commandStack.push_back(words);
    bool ok = TraverseStmt(s->getThen());
    commandStack.pop_back();
    return ok && (!s->getElse() || TraverseStmt(s->getElse()));
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
    cond = cond->IgnoreParenImpCasts();
    auto literal = [](const Expr *e) -> const StringLiteral * {
      const auto *l = dyn_cast<StringLiteral>(e->IgnoreParenImpCasts());
      if (!l || l->getCharByteWidth() != 1 || l->getString().empty() || !isalpha(l->getString().front()))
        return nullptr;
      return l;
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
        commandWords(bo->getLHS(), words);
        commandWords(bo->getRHS(), words);
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
      if (const FunctionDecl *pattern = callee->getTemplateInstantiationPattern())
        callee = pattern;
      CallFact c;
      c.calleeUsr = usrOf(callee);
      c.calleeName = callee->getNameAsString();
      c.calleeQualifiedName = callee->getQualifiedNameAsString();
      c.line = line;
      c.loop = currentLoop();
      c.command = currentCommand();
      if (const auto *mc = dyn_cast<CXXMemberCallExpr>(call))
        if (const auto *md = mc->getMethodDecl())
          if (md->isVirtual()) {
            const auto *me = dyn_cast<MemberExpr>(strip(mc->getCallee()));
            c.isVirtual = !(me && me->hasQualifier());
          }
      fn.calls.push_back(c);
      classifyCall(call, callee);
    } else if (const auto *field = dyn_cast_or_null<MemberExpr>(strip(call->getCallee()));
               field && isa<FieldDecl>(field->getMemberDecl())) {
      // C's virtual call: a function pointer stored in a struct (`l.forward(l, net)`).
      CallFact c;
      c.calleeName = field->getMemberDecl()->getNameAsString();
      c.pointerField = c.calleeName;
      c.line = line;
      c.loop = currentLoop();
      c.command = currentCommand();
      fn.calls.push_back(c);
    } else if (const Expr *ce = strip(call->getCallee())) {
      // Dependent calls inside templates: keep the name, resolve it after the merge.
      std::string name;
      if (const auto *ul = dyn_cast<UnresolvedLookupExpr>(ce))
        name = ul->getName().getAsString();
      else if (const auto *um = dyn_cast<UnresolvedMemberExpr>(ce))
        name = um->getMemberName().getAsString();
      else if (const auto *dm = dyn_cast<CXXDependentScopeMemberExpr>(ce))
        name = dm->getMember().getAsString();
      if (!name.empty()) {
        CallFact c;
        c.calleeName = name;
        c.line = line;
        c.loop = currentLoop();
        c.command = currentCommand();
        fn.calls.push_back(c);
        classifyCalleeName(call, name);
      }
    }
    return true;
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
  bool VisitCompoundAssignOperator(CompoundAssignOperator *op) {
    analyseCompound(op, op->getOpcode() == BO_SubAssign, op->getOpcode() == BO_AddAssign,
                    op->getLHS(), op->getRHS());
    return true;
  }

  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *op) {
    OverloadedOperatorKind k = op->getOperator();
    if ((k == OO_MinusEqual || k == OO_PlusEqual) && op->getNumArgs() == 2)
      analyseCompound(op, k == OO_MinusEqual, k == OO_PlusEqual, op->getArg(0), op->getArg(1));
    if (k == OO_GreaterGreater && op->getNumArgs() == 2) {
      QualType t = op->getArg(0)->getType().getNonReferenceType();
      std::string ty = t.getAsString();
      if (llvm::StringRef(ty).contains("istream") || llvm::StringRef(ty).contains("ifstream") ||
          llvm::StringRef(ty).contains("stringstream"))
        addStatement("file_read", op, {});
    }
    if (k == OO_LessLess && op->getNumArgs() == 2) {
      std::string ty = op->getArg(0)->getType().getNonReferenceType().getAsString();
      if (llvm::StringRef(ty).contains("ofstream") || llvm::StringRef(ty).contains("fstream"))
        addStatement("file_write", op, {});
    }
    if (k == OO_EqualEqual && op->getNumArgs() == 2)
      analyseEquality(op, op->getArg(0), op->getArg(1));
    if (k == OO_Equal && op->getNumArgs() == 2)
      analyseAssign(op, op->getArg(0), op->getArg(1));
    return true;
  }

  bool VisitBinaryOperator(BinaryOperator *bo) {
    switch (bo->getOpcode()) {
    case BO_Assign:
      analyseAssign(bo, bo->getLHS(), bo->getRHS());
      break;
    case BO_EQ:
      analyseEquality(bo, bo->getLHS(), bo->getRHS());
      break;
    case BO_Mul: {
      const Expr *l = strip(bo->getLHS()), *r = strip(bo->getRHS());
      // A square of a difference, (a - b) * (a - b); not (H/4) * (H/4), a size.
      const auto *lb = dyn_cast<BinaryOperator>(l);
      if (text(l) == text(r) && !text(l).empty() && !l->isEvaluatable(ctx) &&
          ((lb && lb->getOpcode() == BO_Sub) || anyName(l, [](llvm::StringRef n) {
             return nameHas(n, {"diff", "err", "delta", "resid", "dist"}) || n == "d" || n == "e";
           })))
        addStatement("sq_diff", bo, bo);
      break;
    }
    case BO_Sub: {
      // sq / n - mean * mean: a variance from running sums
      const auto *m = dyn_cast<BinaryOperator>(strip(bo->getRHS()));
      if (m && m->getOpcode() == BO_Mul && text(strip(m->getLHS())) == text(strip(m->getRHS())) &&
          anyName(m, [](llvm::StringRef n) { return nameHas(n, {"mean", "mu", "avg", "average"}); }))
        addStatement("variance", bo, bo);
      break;
    }
    case BO_Div: {
      // (x - mean) / std written into the data: standardisation
      const auto *num = dyn_cast<BinaryOperator>(strip(bo->getLHS()));
      if (num && num->getOpcode() == BO_Sub && inAssignmentToElement &&
          (anyName(num->getRHS(), [](llvm::StringRef n) {
             return nameHas(n, {"mean", "centre", "center", "avg", "mu", "min"});
           }) ||
           anyName(bo->getRHS(), [](llvm::StringRef n) {
             return nameHas(n, {"std", "sigma", "spread", "scale", "range", "dev", "max"});
           })))
        addStatement("normalize", bo, bo);
      if (anyName(bo->getLHS(), [](llvm::StringRef n) {
            return isLossName(n) || isCorrectCounterName(n) || nameHas(n, {"sum", "total", "acc"});
          }))
        addStatement("average", bo, bo);
      break;
    }
    default:
      break;
    }
    return true;
  }

  bool VisitVarDecl(VarDecl *vd) {
    if (const Expr *init = vd->getInit()) {
      const Expr *e = strip(init);
      if (const auto *ce = dyn_cast<CXXFunctionalCastExpr>(e))
        e = strip(ce->getSubExpr());
      if (isa<ArraySubscriptExpr>(e) ||
          (isa<CXXOperatorCallExpr>(e) && cast<CXXOperatorCallExpr>(e)->getOperator() == OO_Subscript))
        if (vd->getType()->isIntegralOrEnumerationType())
          indexFromContainer.insert(vd);
      // int j = rand() % (i + 1): a random position (Fisher-Yates when elements swap with it).
      if (vd->getType()->isIntegralOrEnumerationType() &&
          containsCallNamed(init, [](llvm::StringRef n) {
            return n == "rand" || n == "random" || n == "lrand48" || n == "rand_r" || n == "below" ||
                   n.contains_insensitive("uniform") || n.contains_insensitive("randint");
          }))
        randomIndex.insert(vd);
      // const float *pixels = dataset.image(example): a row picked through the index.
      if (vd->getType()->isPointerType() && mentionsIndexFromContainer(init))
        indexFromContainer.insert(vd);
    }
    return true;
  }

  bool VisitUnaryOperator(UnaryOperator *uo) {
    if (uo->isIncrementOp())
      if (anyName(uo->getSubExpr(), isCorrectCounterName))
        addStatement("count_correct", uo, uo);
    return true;
  }

  bool VisitConditionalOperator(ConditionalOperator *co) {
    // x > 0 ? x : 0  (ReLU)
    const auto *cond = dyn_cast<BinaryOperator>(strip(co->getCond()));
    if (!cond || !cond->isComparisonOp())
      return true;
    auto isZero = [](const Expr *e) {
      e = strip(e);
      if (const auto *il = dyn_cast<IntegerLiteral>(e))
        return il->getValue() == 0;
      if (const auto *fl = dyn_cast<FloatingLiteral>(e))
        return fl->getValue().isZero();
      return false;
    };
    if ((isZero(cond->getRHS()) || isZero(cond->getLHS())) &&
        (isZero(co->getTrueExpr()) || isZero(co->getFalseExpr())))
      addStatement("relu", co, co);
    return true;
  }

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
    fn.loops.push_back(loop);
    loopStack.push_back(static_cast<int>(fn.loops.size()) - 1);
    bool ok = traverse();
    loopStack.pop_back();
    return ok;
  }

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

  void analyseCompound(const Expr *op, bool minus, bool plus, const Expr *lhs, const Expr *rhs) {
    if (!minus && !plus)
      return;
    bool lossTarget = anyName(lhs, isLossName);
    bool floating = isFloatingOrOpaque(lhs->getType());
    if (floating && (lossTarget || (plus && anyName(rhs, isLossName))))
      addStatement("loss_accumulate", op, lhs);
    // grad[label] -= 1: softmax minus one-hot, the cross-entropy gradient
    if (minus && floating && isOne(rhs) && anyName(lhs, isLabelName))
      addStatement("onehot_grad", op, lhs);
    if (plus && anyName(lhs, isCorrectCounterName))
      addStatement("count_correct", op, lhs);
    // A step added to or taken from an element of the weights with no product in sight:
    // RPROP-style updates (libfann's `weights[i] -= next_step`) size the step from signs.
    if (floating && !lossTarget && !containsProduct(rhs) && isElementOrMember(lhs) &&
        isWeightVector(lhs)) {
      addStatement("param_update", op, lhs);
      return;
    }
    if (!floating || (!containsProduct(rhs) && !(minus && anyName(rhs, looksLikeLearningRate))))
      return;
    bool lr = anyName(rhs, looksLikeLearningRate);
    bool updateShape = isElementOrMember(lhs) && (minus || (plus && (lr || containsUnaryMinus(rhs))));
    if (updateShape && !lossTarget) {
      addStatement("param_update", op, lhs);
      if (lr)
        addStatement("lr_update", op, lhs);
      if (containsSqrtDenominator(rhs))
        addStatement("adaptive_update", op, lhs);
    } else if (plus && !lossTarget) {
      addStatement("mac", op, lhs);
    }
  }

public:
  bool TraverseBinaryOperator(BinaryOperator *bo) {
    bool saved = inAssignmentToElement;
    if (bo->isAssignmentOp() || bo->getOpcode() == BO_DivAssign)
      inAssignmentToElement = isElementOrMember(bo->getLHS());
    bool ok = RecursiveASTVisitor::TraverseBinaryOperator(bo);
    inAssignmentToElement = saved;
    return ok;
  }
  bool TraverseCompoundAssignOperator(CompoundAssignOperator *bo) {
    bool saved = inAssignmentToElement;
    inAssignmentToElement = isElementOrMember(bo->getLHS());
    bool ok = RecursiveASTVisitor::TraverseCompoundAssignOperator(bo);
    inAssignmentToElement = saved;
    return ok;
  }

private:
  /// Whether `s` reads a variable from `vars`.
  static bool mentionsVariableIn(const Stmt *s, const std::set<const VarDecl *> &vars) {
    return containsNode(s, [&](const Stmt *n) {
      const auto *dre = dyn_cast<DeclRefExpr>(n);
      const auto *vd = dre ? dyn_cast<VarDecl>(dre->getDecl()) : nullptr;
      return vd && vars.count(vd);
    });
  }
  bool mentionsIndexFromContainer(const Stmt *s) { return mentionsVariableIn(s, indexFromContainer); }

  /// True when a tainted index selects an element or is passed to an accessor:
  /// all[row], all(row, c), dataset.label(example).
  bool indexesWithTaint(const Stmt *s) {
    return containsNode(s, [&](const Stmt *n) {
      if (const auto *as = dyn_cast<ArraySubscriptExpr>(n))
        if (mentionsIndexFromContainer(as->getIdx()))
          return true;
      if (const auto *call = dyn_cast<CallExpr>(n)) {
        unsigned first = 0;
        if (const auto *op = dyn_cast<CXXOperatorCallExpr>(call))
          first = (op->getOperator() == OO_Subscript || op->getOperator() == OO_Call) ? 1 : call->getNumArgs();
        for (unsigned i = first; i < call->getNumArgs(); ++i)
          if (mentionsIndexFromContainer(call->getArg(i)))
            return true;
      }
      return false;
    });
  }

  /// out[i] = all[row] where row came from an index container: rows gathered into a batch.
  bool isGather(const Expr *lhs, const Expr *rhs) {
    // A gather copies values; `loss[i] = -logf(p[target[i]])` computes one.
    if (!isElementOrMember(lhs) || containsCall(rhs))
      return false;
    if (indexesWithTaint(rhs))
      return true;
    if (!isElementOrMember(rhs))
      return false;
    // An index read from a container, or an index that is itself an element (all[idx[i]]).
    return mentionsIndexFromContainer(rhs) || containsNode(rhs, [](const Stmt *n) {
             const auto *as = dyn_cast<ArraySubscriptExpr>(n);
             return as && isa<ArraySubscriptExpr>(strip(as->getIdx()));
           });
  }

  /// A call that computes something; element access through operator() / operator[]
  /// (`all(row, c)`, `v[i]`) and conversions are not.
  static bool containsCall(const Stmt *s) {
    return containsNode(s, [](const Stmt *n) {
      const auto *op = dyn_cast<CXXOperatorCallExpr>(n);
      bool access = op && (op->getOperator() == OO_Call || op->getOperator() == OO_Subscript);
      return isa<CallExpr>(n) && !access && !isa<CXXMemberCallExpr>(n);
    });
  }

  bool mentionsRandomIndex(const Stmt *s) { return mentionsVariableIn(s, randomIndex); }

  void analyseAssign(const Expr *op, const Expr *lhs, const Expr *rhs) {
    notePointerAssignment(lhs, rhs);
    // a[i] = a[j] with j random: the swap of a hand-written shuffle
    if (currentLoop() >= 0 && isElementOrMember(lhs) && isElementOrMember(rhs) &&
        (mentionsRandomIndex(lhs) || mentionsRandomIndex(rhs)))
      addStatement("shuffle", op, lhs);
    if (currentLoop() >= 0 && isGather(lhs, rhs))
      addStatement("gather", op, lhs);
    if (isZeroLiteral(rhs) && anyName(lhs, [](llvm::StringRef n) { return nameHas(n, {"grad"}); }))
      addStatement("zero_grad", op, lhs);
    if (!isFloatingOrOpaque(lhs->getType()))
      return;
    if (anyName(lhs, isLossName))
      addStatement("loss_value", op, lhs);
    if (!isElementOrMember(lhs))
      return;
    std::string target = text(strip(lhs));
    // w = w - lr * g   /   v = beta * v + (1 - beta) * g
    const auto *top = dyn_cast<BinaryOperator>(strip(rhs));
    if (!top || target.empty())
      return;
    std::string rhsText = text(strip(rhs));
    bool mentionsTarget = rhsText.find(target) != std::string::npos;
    if (top->getOpcode() == BO_Sub && mentionsTarget && containsProduct(top->getRHS())) {
      addStatement("param_update", op, lhs);
      if (anyName(rhs, looksLikeLearningRate))
        addStatement("lr_update", op, lhs);
      if (containsSqrtDenominator(rhs))
        addStatement("adaptive_update", op, lhs);
    } else if (top->getOpcode() == BO_Add && mentionsTarget && containsProduct(top->getLHS()) &&
               containsProduct(top->getRHS())) {
      addStatement("momentum", op, lhs);
    }
  }

  void analyseEquality(const Expr *op, const Expr *a, const Expr *b) {
    bool predA = anyName(a, isPredictionName) || containsCallNamed(a, [](llvm::StringRef n) {
                   return n.contains_insensitive("argmax") || n.contains_insensitive("predict") ||
                          n == "max_element";
                 });
    bool predB = anyName(b, isPredictionName) || containsCallNamed(b, [](llvm::StringRef n) {
                   return n.contains_insensitive("argmax") || n.contains_insensitive("predict") ||
                          n == "max_element";
                 });
    bool labelA = anyName(a, isLabelName), labelB = anyName(b, isLabelName);
    if ((predA && labelB) || (predB && labelA))
      addStatement("argmax_compare", op, nullptr);
  }

  void addStatement(const char *kind, const Stmt *s, const Expr *target) {
    StatementFact f;
    f.kind = kind;
    f.line = lineOf(s->getBeginLoc());
    f.loop = currentLoop();
    f.text = lineText(s->getBeginLoc());
    if (target)
      f.target = text(strip(target));
    collectScalarVariables(s, f.variables);
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

  std::string usrOf(const Decl *d) const {
    llvm::SmallString<128> buf;
    if (index::generateUSRForDecl(d, buf))
      return "";
    return std::string(buf);
  }

  FunctionFacts &fn;
  ASTContext &ctx;
  SourceManager &sm;
  std::vector<FunctionFacts> &extra;
  std::vector<int> loopStack;
  std::vector<std::vector<std::string>> commandStack;
  bool inAssignmentToElement = false;
  std::set<const VarDecl *> indexFromContainer; ///< Locals initialised from x[...]: gathered rows.
  std::set<const VarDecl *> randomIndex;        ///< Locals initialised from a random draw.
};

class FunctionFinder : public RecursiveASTVisitor<FunctionFinder> {
public:
  FunctionFinder(TUFacts &out, ASTContext &ctx) : out(out), ctx(ctx), sm(ctx.getSourceManager()) {}

  bool shouldVisitTemplateInstantiations() const { return false; }

  bool VisitFunctionDecl(FunctionDecl *fd) {
    if (!fd->doesThisDeclarationHaveABody() || fd->isImplicit())
      return true;
    if (sm.isInSystemHeader(fd->getLocation()))
      return true;
    if (const auto *md = dyn_cast<CXXMethodDecl>(fd))
      if (md->getParent()->isLambda())
        return true; // A lambda's body belongs to the function that holds it.
    FunctionFacts f;
    llvm::SmallString<128> usr;
    if (index::generateUSRForDecl(fd, usr))
      return true;
    f.usr = std::string(usr);
    f.name = fd->getNameAsString();
    f.qualifiedName = fd->getQualifiedNameAsString();
    f.isMain = fd->isMain();
    f.isTemplate = fd->isTemplated();
    SourceLocation nameLoc = sm.getExpansionLoc(fd->getLocation());
    f.file = fileOf(nameLoc);
    f.line = sm.getExpansionLineNumber(nameLoc);
    f.bodyBeginLine = sm.getExpansionLineNumber(fd->getBody()->getBeginLoc());
    f.endLine = sm.getExpansionLineNumber(fd->getBody()->getEndLoc());
    QualType rt = fd->getReturnType();
    f.returnsFloating = rt->isFloatingType();
    f.returnsVoid = rt->isVoidType();
    QualType pointee = rt;
    while (pointee->isPointerType())
      pointee = pointee->getPointeeType();
    if (const auto *record = pointee->getAsRecordDecl())
      f.returnsRecord = record->getName().empty() && record->getTypedefNameForAnonDecl()
                            ? record->getTypedefNameForAnonDecl()->getNameAsString()
                            : record->getNameAsString();
    if (const auto *typedefType = pointee->getAs<TypedefType>(); typedefType && f.returnsRecord.empty())
      f.returnsRecord = typedefType->getDecl()->getNameAsString();
    for (const ParmVarDecl *p : fd->parameters())
      f.paramNames.push_back(p->getNameAsString());
    if (const auto *md = dyn_cast<CXXMethodDecl>(fd)) {
      f.className = md->getParent()->getQualifiedNameAsString();
      f.isVirtual = md->isVirtual();
      for (const CXXMethodDecl *o : md->overridden_methods()) {
        llvm::SmallString<128> ousr;
        if (!index::generateUSRForDecl(o, ousr))
          f.overrides.push_back(std::string(ousr));
      }
      if (md->getParent()->hasDefinition())
        for (const CXXBaseSpecifier &b : md->getParent()->bases())
          f.baseClasses.push_back(b.getType().getAsString());
    }
    std::vector<FunctionFacts> lambdas;
    BodyWalker walker(f, ctx, lambdas);
    walker.TraverseStmt(fd->getBody());
    if (const auto *ctor = dyn_cast<CXXConstructorDecl>(fd))
      for (const CXXCtorInitializer *init : ctor->inits())
        walker.TraverseStmt(init->getInit());
    for (const auto &idiom : tourguide::idioms::findIdioms(*fd, ctx))
      f.idioms.push_back(
          {idiom.kind, idiom.formula, idiom.description, idiom.beginLine, idiom.endLine, idiom.evidence});
    out.functions.push_back(std::move(f));
    for (FunctionFacts &l : lambdas)
      out.functions.push_back(std::move(l));
    return true;
  }

  bool VisitCXXRecordDecl(CXXRecordDecl *rd) {
    if (!rd->isThisDeclarationADefinition() || rd->isLambda() || !rd->getIdentifier() ||
        sm.isInSystemHeader(rd->getLocation()))
      return true;
    RecordFacts r;
    llvm::SmallString<128> usr;
    if (index::generateUSRForDecl(rd, usr))
      return true;
    r.usr = std::string(usr);
    r.qualifiedName = rd->getQualifiedNameAsString();
    SourceLocation loc = sm.getExpansionLoc(rd->getLocation());
    r.file = fileOf(loc);
    r.line = sm.getExpansionLineNumber(loc);
    for (const CXXBaseSpecifier &b : rd->bases())
      r.bases.push_back(b.getType().getAsString());
    out.records.push_back(std::move(r));
    return true;
  }

  bool VisitRecordDecl(RecordDecl *rd) {
    if (isa<CXXRecordDecl>(rd))
      return true; // C++ records are handled above (with their bases).
    if (!rd->isThisDeclarationADefinition() || !rd->getIdentifier() ||
        sm.isInSystemHeader(rd->getLocation()))
      return true;
    RecordFacts r;
    r.qualifiedName = rd->getQualifiedNameAsString();
    SourceLocation loc = sm.getExpansionLoc(rd->getLocation());
    r.file = fileOf(loc);
    r.line = sm.getExpansionLineNumber(loc);
    r.usr = "c:@S@" + r.qualifiedName;
    out.records.push_back(std::move(r));
    return true;
  }

private:
  std::string fileOf(SourceLocation loc) const {
    FileID id = sm.getFileID(loc);
    if (const FileEntry *fe = sm.getFileEntryForID(id)) {
      llvm::StringRef real = fe->tryGetRealPathName();
      if (!real.empty())
        return real.str();
      return fe->getName().str();
    }
    return sm.getFilename(loc).str();
  }

  TUFacts &out;
  ASTContext &ctx;
  SourceManager &sm;
};

class FactConsumer : public ASTConsumer {
public:
  explicit FactConsumer(TUFacts &out) : out(out) {}
  void HandleTranslationUnit(ASTContext &ctx) override {
    FunctionFinder finder(out, ctx);
    finder.TraverseDecl(ctx.getTranslationUnitDecl());
  }

private:
  TUFacts &out;
};

class FactAction : public ASTFrontendAction {
public:
  explicit FactAction(TUFacts &out) : out(out) {}
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &, llvm::StringRef file) override {
    out.mainFile = file.str();
    out.parsed = true;
    return std::make_unique<FactConsumer>(out);
  }
  void EndSourceFileAction() override {
    out.errorCount += getCompilerInstance().getDiagnostics().getClient()->getNumErrors();
  }

private:
  TUFacts &out;
};

} // namespace

std::unique_ptr<FrontendAction> createFactExtractionAction(TUFacts &out) {
  return std::make_unique<FactAction>(out);
}

TUFacts extractFactsFromCode(llvm::StringRef code, const std::vector<std::string> &args,
                             llvm::StringRef fileName) {
  TUFacts facts;
  std::vector<std::string> allArgs = args;
  allArgs.push_back("-resource-dir=" TOURGUIDE_CLANG_RESOURCE_DIR);
  clang::tooling::runToolOnCodeWithArgs(createFactExtractionAction(facts), code, allArgs, fileName);
  return facts;
}

} // namespace tourguide::indexer
