// What the body walker records about branches on struct fields and writes to them
// (FieldBranchFact, FieldWriteFact): `switch (ann->training_algorithm) { case A: ... }`,
// `if (p->kind == A)`, `ann->training_algorithm = FANN_TRAIN_RPROP;`. The walk resolves them
// with the values the program can give the field (DispatchValues.h). Private to tourguide_indexer.
#pragma once

#include "tourguide/indexer/Facts.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "clang/AST/Stmt.h"

#include <optional>
#include <string>
#include <vector>

namespace tourguide::indexer {

/// The field `e` reads (`ann->training_algorithm`, `param.svm_type`, a member of `this`), keyed
/// by its record and name ("fann::training_algorithm"); nullopt for anything else.
std::optional<std::string> fieldKeyOf(const clang::Expr *e);
std::optional<std::string> fieldKeyOf(const clang::FieldDecl *fd);

/// `e` as an integer constant (an enumerator, a literal, a constant expression); nullopt when
/// it is not one or does not fit an int.
std::optional<ConstantFact> constantOf(const clang::Expr *e, const clang::ASTContext &ctx);

/// The constants a local variable can hold when every write to it in `body` is one
/// (`int loss_type = KANN_C_CEB; ... else if (c == 'M') loss_type = KANN_C_CEM;`); nullopt
/// when one is not, when it is changed in place (`+=`, `++`) or its address is taken.
std::optional<std::vector<ConstantFact>> localConstants(const clang::VarDecl *vd, const clang::Stmt *body,
                                                        const clang::ASTContext &ctx);

/// The branch `cond` takes when true, if it tests one field against constants
/// (`f == A`, `A == f`, `f != A`, `f == A || f == B`); its else branch is the same with
/// `otherwise` flipped.
std::optional<FieldBranchFact> fieldTest(const clang::Expr *cond, const clang::ASTContext &ctx);

/// The branch every case of a switch on a field takes, in the order of the switch body's
/// statements: `branches[i]` is the branch of the body's i-th statement, or nullopt before any
/// case label (dead code) or when the body has a shape this does not follow (labels nested
/// in blocks, case ranges). Empty when `s` does not switch on a field.
std::vector<std::optional<FieldBranchFact>> switchBranches(const clang::SwitchStmt *s,
                                                           const clang::ASTContext &ctx);

/// What is written to a field by `lhs = rhs` (rhs null: `+=`, `++`, `&field` handed out):
/// a constant, a parameter of the function walked (named in `params`: a setter), a copy of the
/// same field of another object, or unknown.
std::optional<FieldWriteFact> fieldWrite(const clang::Expr *lhs, const clang::Expr *rhs,
                                         const std::vector<std::string> &params, const clang::ASTContext &ctx);
/// The same for a field given its value by `rhs` at `where` (a constructor's initialiser list,
/// a default member initialiser).
std::optional<FieldWriteFact> fieldInitialiser(const clang::FieldDecl *fd, const clang::Expr *rhs,
                                               clang::SourceLocation where, const std::vector<std::string> &params,
                                               const clang::ASTContext &ctx);

/// Writes a call may make to fields: a whole struct filled by `fread(&p, ...)`, `memcpy(p, ...)`,
/// `in.read((char *)&p, ...)` (every field of the record unknown: field "record::*"), and a
/// field handed to a non-const reference parameter (`std::cin >> p.mode`).
std::vector<FieldWriteFact> callWrites(const clang::CallExpr *call, const clang::FunctionDecl *callee,
                                       const clang::ASTContext &ctx);

} // namespace tourguide::indexer
