// The USR of a declaration: the key the facts give functions, records and function tables.
#pragma once

#include "clang/AST/DeclBase.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/SmallString.h"

#include <string>

namespace tourguide::indexer {

/// `d`'s USR, or "" when Clang makes none (the declaration is then left out of the facts).
inline std::string usrOf(const clang::Decl *d) {
  llvm::SmallString<128> buf;
  if (clang::index::generateUSRForDecl(d, buf))
    return "";
  return std::string(buf);
}

} // namespace tourguide::indexer
