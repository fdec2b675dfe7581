// A breakpoint on a line of a header, placed through the function it is in. LLDB's breakpoint on
// a file and line visits every compile unit whose line table names the file, which for a header
// is every unit that includes it, and lldb-14 crashes in some of them: on sentencepiece's
// libsentencepiece_train, a line of an inline TrainerSpec method in sentencepiece_model.pb.h
// segfaults in clang::CXXRecordDecl::addedMember while LLDB adds a method to the class. Found by
// name instead, LLDB reads that function's own definition, and the line is looked up in its own
// compile unit's line table. Uses only the SB API (the plugin links it).
#pragma once

#include <lldb/API/LLDB.h>

#include <string>

namespace tourguide::confirm {

/// True for a file that is included rather than compiled, by its extension (.h, .hh, .hpp,
/// .hxx, .h++, .inl, .inc, .ipp, .tcc, .cuh, or none: <vector>-style headers).
bool isHeaderFile(const std::string &path);

/// The first address of `line` of `file` (matched by file name) in `function`'s code, or of the
/// nearest line after it that has code, as LLDB moves a file-and-line breakpoint; invalid when
/// the function has no code for such a line. `unit` is the function's compile unit.
lldb::SBAddress lineAddressIn(lldb::SBFunction function, lldb::SBCompileUnit unit, const std::string &file,
                              unsigned line);

/// lineAddressIn for the first definition named `name` (a qualified name, as the findings write
/// it) in `modules` (all the target's when empty) that has code for the line.
lldb::SBAddress lineAddressInFunctionNamed(lldb::SBTarget target, const lldb::SBFileSpecList &modules,
                                           const std::string &name, const std::string &file, unsigned line);

} // namespace tourguide::confirm
