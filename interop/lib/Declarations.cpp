// Reading a function declaration from source lines (interop/Declarations.h).
#include "tourguide/interop/Declarations.h"

#include <cctype>
#include <regex>

namespace tourguide::interop {

namespace {

/// Lines a declaration is read over (its first line included).
constexpr unsigned kMaxDeclarationLines = 6;
/// Lines above a scope's `{` searched for the `class X` / `struct X` it opens.
constexpr unsigned kMaxHeadLines = 3;

/// `line` without its `//` comment (a `//` inside a string literal cuts it short too, which
/// only loses a declaration, never invents one).
std::string withoutLineComment(const std::string &line) {
  size_t at = line.find("//");
  return at == std::string::npos ? line : line.substr(0, at);
}

/// The class or struct whose body holds 0-based line `index`: the `{` not closed before it,
/// when the lines just above it name a class or a struct.
std::string enclosingClass(const std::vector<std::string> &lines, size_t index) {
  int depth = 0;
  for (size_t i = index; i-- > 0;) {
    std::string text = withoutLineComment(lines[i]);
    for (size_t c = text.size(); c-- > 0;) {
      if (text[c] == '}') {
        ++depth;
      } else if (text[c] == '{' && depth > 0) {
        --depth;
      } else if (text[c] == '{') {
        std::string head = text.substr(0, c);
        for (size_t up = 1; up <= kMaxHeadLines && up <= i; ++up)
          head = withoutLineComment(lines[i - up]) + " " + head;
        static const std::regex classHead(R"(\b(?:class|struct)\s+([A-Za-z_]\w*)\s*(?:final\s*)?(?::[^;{}()]*)?$)");
        std::smatch m;
        return std::regex_search(head, m, classHead) ? m[1].str() : std::string();
      }
    }
  }
  return {};
}

/// The text between the '(' at `open` and the ')' that closes it.
std::string insideParentheses(const std::string &text, size_t open) {
  int depth = 0;
  size_t c = open + 1;
  for (; c < text.size() && (text[c] != ')' || depth > 0); ++c)
    depth += text[c] == '(' ? 1 : text[c] == ')' ? -1 : 0;
  return text.substr(open + 1, c - open - 1);
}

} // namespace

DeclaredFunction declaredFunctionAt(const std::vector<std::string> &lines, unsigned line) {
  if (line == 0 || line > lines.size())
    return {};
  std::string statement;
  for (size_t i = line - 1; i < lines.size() && i < line - 1 + kMaxDeclarationLines; ++i) {
    statement += withoutLineComment(lines[i]) + " ";
    if (statement.find_first_of(";{}") != std::string::npos)
      break;
  }
  size_t end = statement.find_first_of(";{}");
  if (end == std::string::npos || statement[end] != ';')
    return {}; // a definition, a scope's brace, or no statement end in sight
  statement.resize(end);
  static const std::regex noCode(R"(\)[^()]*=\s*(?:default|0)\s*$)"), deletedFunction(R"(\)[^()]*=\s*delete\s*$)");
  if (std::regex_search(statement, noCode))
    return {};
  // The name right before the first '(' outside template arguments: "Address get_address(",
  // "explicit FDWrapper(", "T CheckSystemCall(" (not "function<int(" of a parameter's type).
  int angle = 0;
  size_t paren = std::string::npos;
  for (size_t c = 0; c < statement.size() && paren == std::string::npos; ++c) {
    if (statement[c] == '<')
      ++angle;
    else if (statement[c] == '>' && angle > 0)
      --angle;
    else if (statement[c] == '(' && angle == 0)
      paren = c;
  }
  if (paren == std::string::npos)
    return {};
  static const std::regex nameBeforeParen(R"((?:^|[^\w:~])((?:[A-Za-z_]\w*::)*~?[A-Za-z_]\w*)\s*$)");
  static const std::regex notAFunction(
      R"(^(?:if|for|while|switch|return|sizeof|alignof|decltype|alignas|noexcept|static_assert|throw|new|delete|__attribute__|operator)$)");
  std::smatch m;
  std::string before = statement.substr(0, paren);
  if (!std::regex_search(before, m, nameBeforeParen))
    return {};
  std::string name = m[1].str();
  std::string last = name.substr(name.rfind(':') == std::string::npos ? 0 : name.rfind(':') + 1);
  if (std::regex_match(last, notAFunction) || before.find("operator") != std::string::npos)
    return {};
  return {name, enclosingClass(lines, line - 1), insideParentheses(statement, paren),
          std::regex_search(statement, deletedFunction)};
}

std::vector<std::string> parameterTypes(const std::string &parameters) {
  static const std::regex token(R"([A-Za-z_]\w*|::|\.\.\.|\S)");
  static const std::regex builtin(R"(^(?:int|char|short|long|float|double|bool|void|unsigned|signed|auto)$)");
  std::vector<std::string> types;
  std::vector<std::string> current;
  int depth = 0;
  bool inDefault = false;
  auto finish = [&] {
    // Namespace qualifiers and `const` out; the parameter's name (a trailing identifier after
    // another token that is not a builtin type's word) out.
    std::vector<std::string> kept;
    for (size_t i = 0; i < current.size(); ++i) {
      if (current[i] == "const" || current[i] == "volatile" || current[i] == "::")
        continue;
      if (i + 1 < current.size() && current[i + 1] == "::")
        continue;
      kept.push_back(current[i]);
    }
    if (kept.size() > 1 && std::isalpha(static_cast<unsigned char>(kept.back()[0])) &&
        !std::regex_match(kept.back(), builtin))
      kept.pop_back();
    std::string type;
    for (const std::string &t : kept)
      type += t;
    if (!type.empty() && type != "void")
      types.push_back(type);
    current.clear();
    inDefault = false;
  };
  for (auto it = std::sregex_iterator(parameters.begin(), parameters.end(), token); it != std::sregex_iterator();
       ++it) {
    std::string t = it->str();
    if (t == "<" || t == "(" || t == "[" || t == "{")
      ++depth;
    else if ((t == ">" || t == ")" || t == "]" || t == "}") && depth > 0)
      --depth;
    if (t == "," && depth == 0) {
      finish();
      continue;
    }
    if (t == "=" && depth == 0)
      inDefault = true;
    if (!inDefault)
      current.push_back(t);
  }
  finish();
  return types;
}

std::string definitionParameters(const std::string &head, const std::string &name) {
  // "FileDescriptor::read(" first (a call of read() above the definition is not it), then "read(".
  std::vector<std::string> parts;
  static const std::regex component(R"(~?\w+)");
  const std::string plain = name.substr(0, name.find('<')); // "Sock::option<int>" -> "Sock::option"
  for (auto it = std::sregex_iterator(plain.begin(), plain.end(), component); it != std::sregex_iterator(); ++it)
    parts.push_back(it->str());
  if (parts.empty())
    return {};
  std::vector<std::string> spellings = {parts.back()};
  if (parts.size() > 1)
    spellings.insert(spellings.begin(), parts[parts.size() - 2] + R"(\s*::\s*)" + parts.back());
  for (const std::string &spelling : spellings) {
    std::smatch m;
    if (std::regex_search(head, m, std::regex(R"((?:^|[^\w~]))" + spelling + R"(\s*\()")))
      return insideParentheses(head, static_cast<size_t>(m.position(0) + m.length(0) - 1));
  }
  return {};
}

} // namespace tourguide::interop
