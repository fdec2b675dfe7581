//===- AstHelpers.cpp - Small AST questions the idiom rules share ---------===//

#include "tourguide/idioms/AstHelpers.h"

#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/STLExtras.h"

#include <algorithm>
#include <cstdint>
#include <functional>

namespace tourguide::idioms {
using namespace clang;

bool containsNode(const Stmt *S, llvm::function_ref<bool(const Stmt *)> Pred) {
  if (!S)
    return false;
  if (Pred(S))
    return true;
  for (const Stmt *Child : S->children())
    if (containsNode(Child, Pred))
      return true;
  return false;
}

bool anyName(const Stmt *S, llvm::function_ref<bool(StringRef)> Pred) {
  return containsNode(S, [&](const Stmt *N) {
    std::string Name;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(N))
      Name = Ref->getDecl()->getNameAsString();
    else if (const auto *Member = dyn_cast<MemberExpr>(N))
      Name = Member->getMemberDecl()->getNameAsString();
    else if (const auto *Dependent = dyn_cast<CXXDependentScopeMemberExpr>(N))
      Name = Dependent->getMember().getAsString();
    else
      return false;
    return Pred(StringRef(Name).lower());
  });
}

} // namespace tourguide::idioms

namespace tourguide::idioms::detail {
using namespace clang;

const Expr *strip(const Expr *E) {
  while (E) {
    const Expr *Before = E;
    E = E->IgnoreParenImpCasts();
    if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr();
    else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *B = dyn_cast<CXXBindTemporaryExpr>(E))
      E = B->getSubExpr();
    else if (const auto *X = dyn_cast<ExplicitCastExpr>(E))
      E = X->getSubExpr();
    if (E == Before)
      break;
  }
  return E;
}

std::string sourceText(const Stmt *S, const ASTContext &Ctx) {
  if (!S)
    return "";
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange Range = SM.getExpansionRange(S->getSourceRange());
  StringRef Text = Lexer::getSourceText(Range, SM, Ctx.getLangOpts());
  std::string Out;
  bool Space = false;
  for (char C : Text) {
    if (C == ' ' || C == '\t' || C == '\n' || C == '\r') {
      Space = !Out.empty();
      continue;
    }
    if (Space)
      Out += ' ';
    Space = false;
    Out += C;
  }
  return Out;
}

bool inMacro(const Stmt *S) { return S && S->getBeginLoc().isMacroID(); }

std::string key(const Expr *E, const ASTContext &Ctx) {
  E = strip(E);
  std::string T = sourceText(E, Ctx);
  T.erase(std::remove(T.begin(), T.end(), ' '), T.end());
  // Parts of one macro expansion all read as the whole invocation: keep
  // them apart (`fann_mult(w[i], x[i])` is not w[i] times itself).
  if (inMacro(E))
    T += "@" + std::to_string(reinterpret_cast<std::uintptr_t>(E));
  return T;
}

namespace {

// Literal as written, without the type suffix and without a useless ".0":
// "1.0f" reads "1", "0.5f" reads "0.5", "1e-8f" reads "1e-8".
std::string literalText(const Expr *E, const ASTContext &Ctx) {
  std::string T = sourceText(E, Ctx);
  if (!isa<FloatingLiteral>(E))
    return T;
  while (!T.empty() && (T.back() == 'f' || T.back() == 'F' || T.back() == 'l' ||
                        T.back() == 'L'))
    T.pop_back();
  if (T.find_first_of("eExX") == std::string::npos) {
    if (StringRef(T).endswith(".0"))
      T.resize(T.size() - 2);
    else if (StringRef(T).endswith("."))
      T.pop_back();
  }
  return T;
}

// Math functions print under their C name: expf, std::exp and
// __builtin_expf all read "exp" in a formula.
std::string calleeName(const CallExpr *Call) {
  const FunctionDecl *FD = Call->getDirectCallee();
  if (!FD || !FD->getDeclName().isIdentifier())
    return "";
  StringRef Name = FD->getName();
  Name.consume_front("__builtin_");
  static const char *const Known[] = {"exp",  "log",  "sqrt", "tanh",
                                      "erf",  "pow",  "fabs", "fmax",
                                      "fmin", "exp2", "log2", "cbrt"};
  for (const char *K : Known)
    if (Name == K || (Name.size() == strlen(K) + 1 && Name.startswith(K) &&
                      (Name.back() == 'f' || Name.back() == 'l')))
      return K;
  return Name.str();
}

const Expr *stripKeepParens(const Expr *E) {
  while (E) {
    const Expr *Before = E;
    E = E->IgnoreImpCasts();
    if (const auto *C = dyn_cast<ExprWithCleanups>(E))
      E = C->getSubExpr();
    else if (const auto *M = dyn_cast<MaterializeTemporaryExpr>(E))
      E = M->getSubExpr();
    else if (const auto *X = dyn_cast<ExplicitCastExpr>(E))
      E = X->getSubExpr();
    if (E == Before)
      break;
  }
  return E;
}

} // namespace

std::string formulaText(const Expr *E, const ASTContext &Ctx) {
  E = stripKeepParens(E);
  if (!E)
    return "";
  // What a macro expands to is not written anywhere: print the invocation.
  if (inMacro(E))
    return sourceText(E, Ctx);
  if (const auto *P = dyn_cast<ParenExpr>(E)) {
    // Keep the parentheses the author wrote, but not around a lone leaf.
    const Expr *Inner = stripKeepParens(P->getSubExpr());
    std::string In = formulaText(Inner, Ctx);
    if (isa<DeclRefExpr, MemberExpr, ArraySubscriptExpr, CallExpr,
            IntegerLiteral, FloatingLiteral, ParenExpr>(Inner))
      return In;
    return "(" + In + ")";
  }
  if (std::optional<Binary> B = asBinary(E)) {
    std::string L = formulaText(B->lhs, Ctx);
    std::string R = formulaText(B->rhs, Ctx);
    switch (B->op) {
    case BO_Mul: {
      // A product prints as its factors; runs of one factor as a power:
      // `(1 - b2) * g * g` reads "(1 - b2)·g²".
      std::vector<std::string> Fs;
      std::function<void(const Expr *)> Flatten = [&](const Expr *X) {
        X = stripKeepParens(X);
        if (std::optional<Binary> M = asBinary(X); M && M->op == BO_Mul) {
          Flatten(M->lhs);
          Flatten(M->rhs);
        } else {
          Fs.push_back(formulaText(X, Ctx));
        }
      };
      Flatten(E);
      std::string Out;
      for (size_t I = 0; I < Fs.size();) {
        size_t Run = 1;
        while (I + Run < Fs.size() && Fs[I + Run] == Fs[I])
          ++Run;
        Out += (Out.empty() ? "" : "·") + Fs[I];
        if (Run == 2)
          Out += "²";
        else if (Run == 3)
          Out += "³";
        else
          for (size_t K = 1; K < Run; ++K)
            Out += "·" + Fs[I];
        I += Run;
      }
      return Out;
    }
    case BO_Div:
      return L + "/" + R;
    case BO_MulAssign:
      return L + " ·= " + R;
    default:
      return L + " " + BinaryOperator::getOpcodeStr(B->op).str() + " " + R;
    }
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() == UO_Minus)
      return "-" + formulaText(U->getSubExpr(), Ctx);
    return sourceText(E, Ctx);
  }
  if (const auto *C = dyn_cast<ConditionalOperator>(E))
    return formulaText(C->getCond(), Ctx) + " ? " +
           formulaText(C->getTrueExpr(), Ctx) + " : " +
           formulaText(C->getFalseExpr(), Ctx);
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    if (!isa<CXXOperatorCallExpr, CXXMemberCallExpr>(Call)) {
      std::string Name = calleeName(Call);
      if (!Name.empty()) {
        std::string Out = Name + "(";
        for (unsigned I = 0; I < Call->getNumArgs(); ++I)
          Out += (I ? ", " : "") + formulaText(Call->getArg(I), Ctx);
        return Out + ")";
      }
    }
  }
  if (isa<FloatingLiteral>(E))
    return literalText(E, Ctx);
  return sourceText(E, Ctx);
}

unsigned beginLine(const Stmt *S, const ASTContext &Ctx) {
  return Ctx.getSourceManager().getExpansionLineNumber(S->getBeginLoc());
}
unsigned endLine(const Stmt *S, const ASTContext &Ctx) {
  return Ctx.getSourceManager().getExpansionLineNumber(S->getEndLoc());
}

namespace {
bool dependsOnImpl(const Stmt *S, const VarDecl *V, unsigned Depth) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S)) {
    const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
    if (Var == V)
      return true;
    // A local index variable stands for its initialiser.
    if (Var && Depth < 3 && Var->hasLocalStorage() && !isa<ParmVarDecl>(Var) &&
        Var->getInit())
      return dependsOnImpl(Var->getInit(), V, Depth + 1);
    return false;
  }
  for (const Stmt *Child : S->children())
    if (dependsOnImpl(Child, V, Depth))
      return true;
  return false;
}
} // namespace

bool dependsOn(const Expr *E, const VarDecl *V) {
  return V && dependsOnImpl(E, V, 0);
}

namespace {
bool stepsItself(const Stmt *S) {
  if (!S)
    return false;
  if (const auto *U = dyn_cast<UnaryOperator>(S); U && U->isIncrementDecrementOp())
    return true;
  if (const auto *B = dyn_cast<BinaryOperator>(S); B && B->isAssignmentOp())
    return true;
  for (const Stmt *Child : S->children())
    if (stepsItself(Child))
      return true;
  return false;
}
} // namespace

bool movesWithLoop(const Expr *E, const VarDecl *V) { return dependsOn(E, V) || stepsItself(E); }

bool isMathCall(const Expr *E, StringRef Name) {
  const auto *Call = dyn_cast_or_null<CallExpr>(strip(E));
  if (!Call || isa<CXXOperatorCallExpr, CXXMemberCallExpr>(Call))
    return false;
  return calleeName(Call) == Name;
}

const Expr *callArg(const Expr *E, unsigned I) {
  const auto *Call = dyn_cast_or_null<CallExpr>(strip(E));
  if (!Call || I >= Call->getNumArgs())
    return nullptr;
  return Call->getArg(I);
}

bool isLiteral(const Expr *E, double Value) {
  E = strip(E);
  if (const auto *I = dyn_cast_or_null<IntegerLiteral>(E))
    return static_cast<double>(I->getValue().getLimitedValue()) == Value;
  if (const auto *F = dyn_cast_or_null<FloatingLiteral>(E))
    return F->getValueAsApproximateDouble() == Value;
  return false;
}

std::optional<Binary> asBinary(const Expr *E) {
  if (const auto *B = dyn_cast_or_null<BinaryOperator>(E))
    return Binary{B->getOpcode(), B->getLHS(), B->getRHS()};
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(E))
    if (Op->getNumArgs() == 2 && Op->isInfixBinaryOp())
      return Binary{BinaryOperator::getOverloadedOpcode(Op->getOperator()),
                    Op->getArg(0), Op->getArg(1)};
  return std::nullopt;
}

std::vector<const Expr *> factors(const Expr *E) {
  E = strip(E);
  if (std::optional<Binary> B = asBinary(E))
    if (B->op == BO_Mul) {
      std::vector<const Expr *> Out = factors(B->lhs);
      std::vector<const Expr *> R = factors(B->rhs);
      Out.insert(Out.end(), R.begin(), R.end());
      return Out;
    }
  return {E};
}

namespace {
// Accesses nest: `a[i][j]` is an access of an access.
std::optional<Access> indexInto(const Expr *Whole, const Expr *Object,
                                llvm::ArrayRef<const Expr *> Indices,
                                const ASTContext &Ctx) {
  Access A;
  A.expr = Whole;
  const Expr *Obj = strip(Object);
  if (std::optional<Access> Inner = asAccess(Obj, Ctx);
      Inner && !Inner->indices.empty()) {
    A.base = Inner->base;
    A.indices = Inner->indices;
  } else {
    A.base = sourceText(Obj, Ctx);
  }
  A.indices.insert(A.indices.end(), Indices.begin(), Indices.end());
  return A;
}
} // namespace

std::optional<Access> asAccess(const Expr *E, const ASTContext &Ctx) {
  E = strip(E);
  if (!E)
    return std::nullopt;
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(E))
    return indexInto(E, AS->getBase(), {AS->getIdx()}, Ctx);
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (Op->getOperator() == OO_Subscript && Op->getNumArgs() == 2)
      return indexInto(E, Op->getArg(0), {Op->getArg(1)}, Ctx);
    if (Op->getOperator() == OO_Call && Op->getNumArgs() >= 2) {
      std::vector<const Expr *> Idx(Op->arg_begin() + 1, Op->arg_end());
      return indexInto(E, Op->getArg(0), Idx, Ctx);
    }
    return std::nullopt;
  }
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *M = MC->getMethodDecl();
    if (M && M->getDeclName().isIdentifier() && M->getName() == "at" &&
        MC->getNumArgs() >= 1) {
      std::vector<const Expr *> Idx(MC->arg_begin(), MC->arg_end());
      return indexInto(E, MC->getImplicitObjectArgument(), Idx, Ctx);
    }
    return std::nullopt;
  }
  if (const auto *U = dyn_cast<UnaryOperator>(E)) {
    if (U->getOpcode() != UO_Deref)
      return std::nullopt;
    const Expr *Sub = strip(U->getSubExpr());
    if (const auto *Add = dyn_cast<BinaryOperator>(Sub);
        Add && Add->getOpcode() == BO_Add) {
      const Expr *L = strip(Add->getLHS()), *R = strip(Add->getRHS());
      if (L->getType()->isPointerType())
        return indexInto(E, L, {R}, Ctx);
      if (R->getType()->isPointerType())
        return indexInto(E, R, {L}, Ctx);
      return std::nullopt;
    }
    Access A;
    A.expr = E;
    A.base = sourceText(Sub, Ctx);
    return A; // `*w`: a scalar behind a pointer, no index.
  }
  return std::nullopt;
}

std::optional<Loop> asLoop(const Stmt *S) {
  if (const auto *F = dyn_cast_or_null<ForStmt>(S)) {
    Loop L;
    L.stmt = S;
    L.body = F->getBody();
    auto VarOf = [](const Expr *E) -> const VarDecl * {
      if (const auto *R = dyn_cast_or_null<DeclRefExpr>(strip(E)))
        return dyn_cast<VarDecl>(R->getDecl());
      return nullptr;
    };
    if (const auto *Inc = dyn_cast_or_null<Expr>(F->getInc())) {
      const Expr *I = strip(Inc);
      if (const auto *U = dyn_cast<UnaryOperator>(I))
        L.var = VarOf(U->getSubExpr());
      else if (const auto *B = dyn_cast<BinaryOperator>(I))
        L.var = VarOf(B->getLHS());
    }
    if (!L.var) {
      if (const auto *DS = dyn_cast_or_null<DeclStmt>(F->getInit());
          DS && DS->isSingleDecl())
        L.var = dyn_cast<VarDecl>(DS->getSingleDecl());
      else if (const auto *B = dyn_cast_or_null<BinaryOperator>(F->getInit()))
        L.var = VarOf(B->getLHS());
    }
    if (!L.var || !L.body)
      return std::nullopt;
    return L;
  }
  if (const auto *R = dyn_cast_or_null<CXXForRangeStmt>(S)) {
    Loop L;
    L.stmt = S;
    L.body = R->getBody();
    L.var = R->getLoopVariable();
    L.range = R->getRangeInit();
    return L;
  }
  return std::nullopt;
}

std::vector<const Stmt *> bodyStatements(const Stmt *Body) {
  if (const auto *C = dyn_cast_or_null<CompoundStmt>(Body))
    return {C->body_begin(), C->body_end()};
  if (Body)
    return {Body};
  return {};
}

std::optional<Accumulation> asAccumulation(const Stmt *S,
                                           const ASTContext &Ctx) {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return std::nullopt;
  std::optional<Binary> B = asBinary(strip(E));
  if (!B)
    return std::nullopt;
  if (B->op == BO_AddAssign || B->op == BO_SubAssign)
    return Accumulation{B->lhs, B->rhs, B->op == BO_SubAssign};
  if (B->op != BO_Assign)
    return std::nullopt;
  std::optional<Binary> Rhs = asBinary(strip(B->rhs));
  if (!Rhs || (Rhs->op != BO_Add && Rhs->op != BO_Sub))
    return std::nullopt;
  std::string Target = key(B->lhs, Ctx);
  if (key(Rhs->lhs, Ctx) == Target)
    return Accumulation{B->lhs, Rhs->rhs, Rhs->op == BO_Sub};
  if (Rhs->op == BO_Add && key(Rhs->rhs, Ctx) == Target)
    return Accumulation{B->lhs, Rhs->lhs, false};
  return std::nullopt;
}

std::optional<Assignment> asAssignment(const Stmt *S, const ASTContext &Ctx) {
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(S)) {
    if (!DS->isSingleDecl())
      return std::nullopt;
    const auto *V = dyn_cast<VarDecl>(DS->getSingleDecl());
    if (!V || !V->getInit())
      return std::nullopt;
    Assignment A;
    A.targetText = V->getNameAsString();
    A.declared = V;
    A.value = V->getInit();
    return A;
  }
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E)
    return std::nullopt;
  std::optional<Binary> B = asBinary(strip(E));
  if (!B || B->op != BO_Assign)
    return std::nullopt;
  Assignment A;
  A.target = B->lhs;
  A.targetText = sourceText(strip(B->lhs), Ctx);
  A.value = B->rhs;
  return A;
}

bool mentionsText(const Expr *E, StringRef Needle, const ASTContext &Ctx) {
  if (!E)
    return false;
  if (sourceText(strip(E), Ctx) == Needle)
    return true;
  for (const Stmt *Child : E->children())
    if (const auto *CE = dyn_cast_or_null<Expr>(Child))
      if (mentionsText(CE, Needle, Ctx))
        return true;
  return false;
}

bool isNumericValue(const Expr *E) {
  if (!E)
    return false;
  if (isFloating(E))
    return true;
  QualType T = E->IgnoreParens()->getType();
  return !T.isNull() && T.getNonReferenceType()->isRecordType();
}

bool isFloating(const Expr *E) {
  if (!E)
    return false;
  QualType T = E->IgnoreParens()->getType();
  return !T.isNull() && T.getNonReferenceType()->isRealFloatingType();
}

} // namespace tourguide::idioms::detail
