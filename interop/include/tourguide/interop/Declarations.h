// Reading a function declaration from source lines, for CodeTour steps that point at one (a
// header's `void bind( const Address& address );`): a debugger cannot stop on a declaration,
// but it can stop at the entry of the function it declares. A reading of the text, not of the
// AST: the import only uses it to look a definition up, and keeps the step's line when the
// lookup does not find exactly one.
#pragma once

#include <string>
#include <vector>

namespace tourguide::interop {

struct DeclaredFunction {
  std::string name;       ///< "bind", "~FileDescriptor", "Net::load" (as written); empty: none.
  std::string scope;      ///< The class or struct whose body holds the declaration ("Socket"), or "".
  std::string parameters; ///< The parameter list as written ("const std::string& payload").
  bool deleted = false;   ///< `= delete;`: no code of it ever runs.
};

/// The function whose declaration starts at 1-based `line` of `lines`, read on to its `;` (at
/// most a few lines, so `template<typename T>` or a comment on the lines above the declaration
/// count as its start). Nothing for
/// a definition (a `{` comes first), a defaulted or pure function (`= default;`, `= 0;`), an
/// operator, or a line that declares no function.
DeclaredFunction declaredFunctionAt(const std::vector<std::string> &lines, unsigned line);

/// The parameter list's types, to tell a declaration's overload by: namespace qualifiers,
/// `const`, parameter names and default arguments left out ("const std::vector<std::string>&
/// buffers, int n = 0" -> {"vector<string>&", "int"}), so a header's declaration and a source's
/// definition written with `using namespace std;` agree.
std::vector<std::string> parameterTypes(const std::string &parameters);

/// The parameter list of the definition of `name` (its last component: "send") in `head`, the
/// source text from the function's name to its body's `{`; "" when `name(` is not in it.
std::string definitionParameters(const std::string &head, const std::string &name);

} // namespace tourguide::interop
