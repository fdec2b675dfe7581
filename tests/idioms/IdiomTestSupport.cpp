//===- IdiomTestSupport.cpp - Run findIdioms on code held in a string -----===//

#include "IdiomTestSupport.h"

#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"

#include <algorithm>
#include <map>
#include <regex>
#include <sstream>

namespace tourguide::idioms::test {
namespace {

class FunctionCollector : public clang::RecursiveASTVisitor<FunctionCollector> {
public:
  explicit FunctionCollector(clang::SourceManager &SM) : SM(SM) {}
  bool VisitFunctionDecl(clang::FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() &&
        SM.isInMainFile(SM.getExpansionLoc(FD->getBeginLoc())))
      Functions.push_back(FD);
    return true;
  }
  std::vector<const clang::FunctionDecl *> Functions;

private:
  clang::SourceManager &SM;
};

std::string describe(const std::string &Kind, unsigned B, unsigned E) {
  return Kind + " at lines " + std::to_string(B) + "-" + std::to_string(E);
}

} // namespace

std::vector<Marker> markersIn(const std::string &Code, std::string &Error) {
  static const std::regex Pattern(R"(\$(begin|end|line):(\w+))");
  std::vector<Marker> Done;
  std::map<std::string, std::vector<unsigned>> Open;
  std::istringstream In(Code);
  std::string Line;
  for (unsigned N = 1; std::getline(In, Line); ++N) {
    for (std::sregex_iterator It(Line.begin(), Line.end(), Pattern), End;
         It != End; ++It) {
      std::string What = (*It)[1], Kind = (*It)[2];
      if (What == "line") {
        Done.push_back({Kind, N, N});
      } else if (What == "begin") {
        Open[Kind].push_back(N);
      } else if (Open[Kind].empty()) {
        Error += "$end:" + Kind + " on line " + std::to_string(N) +
                 " has no $begin\n";
      } else {
        Done.push_back({Kind, Open[Kind].back(), N});
        Open[Kind].pop_back();
      }
    }
  }
  for (auto &[Kind, Lines] : Open)
    for (unsigned L : Lines)
      Error +=
          "$begin:" + Kind + " on line " + std::to_string(L) + " has no $end\n";
  std::stable_sort(Done.begin(), Done.end(),
                   [](const Marker &A, const Marker &B) {
                     return A.beginLine < B.beginLine;
                   });
  return Done;
}

std::vector<Idiom> idiomsIn(const std::string &Code, Lang L, std::string &Error,
                            std::vector<std::string> ExtraArgs) {
  std::vector<std::string> Args = {"-target", "x86_64-linux-gnu",
                                   "-fsyntax-only", "-Wno-unused-value"};
  if (L == Lang::C) {
    Args.insert(Args.end(), {"-x", "c", "-std=c11"});
  } else {
    Args.insert(Args.end(), {"-std=c++17"});
  }
  Args.insert(Args.end(), ExtraArgs.begin(), ExtraArgs.end());
  std::unique_ptr<clang::ASTUnit> AST =
      clang::tooling::buildASTFromCodeWithArgs(
          Code, Args, L == Lang::C ? "input.c" : "input.cc");
  if (!AST) {
    Error = "the code could not be parsed at all";
    return {};
  }
  if (AST->getDiagnostics().hasErrorOccurred() &&
      Code.find("error-ok") == std::string::npos)
    Error = "the code does not compile (see the diagnostics above)";
  FunctionCollector Collect(AST->getSourceManager());
  Collect.TraverseDecl(AST->getASTContext().getTranslationUnitDecl());
  std::vector<Idiom> All;
  for (const clang::FunctionDecl *FD : Collect.Functions) {
    std::vector<Idiom> Found = findIdioms(*FD, AST->getASTContext());
    All.insert(All.end(), Found.begin(), Found.end());
  }
  return All;
}

testing::AssertionResult checkMarkers(const std::string &Code, Lang L,
                                      std::vector<std::string> ExtraArgs) {
  std::string Error;
  std::vector<Marker> Expected = markersIn(Code, Error);
  std::vector<Idiom> Found = idiomsIn(Code, L, Error, std::move(ExtraArgs));
  if (!Error.empty())
    return testing::AssertionFailure() << Error;

  std::vector<bool> Used(Found.size(), false);
  std::string Missing, Unexpected;
  for (const Marker &M : Expected) {
    bool Hit = false;
    for (size_t I = 0; I < Found.size() && !Hit; ++I)
      if (!Used[I] && Found[I].kind == M.kind &&
          Found[I].beginLine == M.beginLine && Found[I].endLine == M.endLine)
        Used[I] = Hit = true;
    if (!Hit)
      Missing += "  " + describe(M.kind, M.beginLine, M.endLine) + "\n";
  }
  for (size_t I = 0; I < Found.size(); ++I)
    if (!Used[I])
      Unexpected +=
          "  " + describe(Found[I].kind, Found[I].beginLine, Found[I].endLine) +
          ": " + Found[I].formula + "  [" + Found[I].evidence + "]\n";
  if (Missing.empty() && Unexpected.empty())
    return testing::AssertionSuccess();
  auto Failure = testing::AssertionFailure();
  if (!Missing.empty())
    Failure << "marked but not found:\n" << Missing;
  if (!Unexpected.empty())
    Failure << "found but not marked:\n" << Unexpected;
  return Failure;
}

Idiom idiomOf(const std::string &Code, const std::string &Kind, Lang L) {
  std::string Error;
  std::vector<Idiom> Found = idiomsIn(Code, L, Error);
  EXPECT_EQ(Error, "");
  std::vector<Idiom> OfKind;
  for (const Idiom &I : Found)
    if (I.kind == Kind)
      OfKind.push_back(I);
  EXPECT_EQ(OfKind.size(), 1u) << "idioms of kind " << Kind;
  return OfKind.size() == 1 ? OfKind.front() : Idiom{};
}

std::string formulaOf(const std::string &Code, const std::string &Kind,
                      Lang L) {
  return idiomOf(Code, Kind, L).formula;
}

} // namespace tourguide::idioms::test
