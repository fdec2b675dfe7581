// The call classifier: what a call means for the stage rules, from the name of the function it
// calls (fread is a file read, shuffle a shuffle, exp an exp_call, memset on a gradient a
// zero_grad, ...). Private to tourguide_indexer; the body walker (BodyWalker.h) records
// each kind as a statement fact at the call.
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"

#include <vector>

namespace tourguide::indexer {

/// The statement kinds a call to `name` makes (file_read, parse, file_write, file_open, shuffle,
/// log_call, exp_call, tanh_call, sq_diff, relu, random, push_back, zero_grad, param_update,
/// gather, argmax), in order; usually none or one. `readsGatheredIndex` says whether a subtree
/// reads an index taken from a container (the walker's state): a copy through one is a gather.
std::vector<const char *> classifyCall(const clang::CallExpr *call, llvm::StringRef name,
                                       const clang::ASTContext &ctx,
                                       llvm::function_ref<bool(const clang::Stmt *)> readsGatheredIndex);

} // namespace tourguide::indexer
