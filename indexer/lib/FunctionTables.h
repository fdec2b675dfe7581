// Function tables: an array of function pointers initialised with a list of functions
// (`kad_op_f kad_op_list[] = {0, kad_op_add, kad_op_mul, ...}`), and calls through one of its
// elements (`kad_op_list[p->op](p, KAD_FORWARD)`): a graph library's dispatch from a node's
// operator number to the operator's code. Private to tourguide_indexer; FactExtractor records
// the tables, the body walker the calls.
#pragma once

#include "tourguide/indexer/Facts.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"

#include <optional>

namespace tourguide::indexer {

/// The functions `vd`'s initialiser puts in an array of function pointers, by index (file and
/// line left for the caller); nullopt for any other variable (not an array of function
/// pointers, no initialiser, no function in it).
std::optional<FunctionTableFact> functionTableOf(const clang::VarDecl *vd, const clang::ASTContext &ctx);

/// A call through an element of a table of functions (a variable of static storage):
/// `table[i](...)` or `(*table[i])(...)`; sets `index` to the subscript.
const clang::VarDecl *calledTable(const clang::CallExpr *call, const clang::Expr *&index);

} // namespace tourguide::indexer
