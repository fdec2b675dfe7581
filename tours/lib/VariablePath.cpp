// The rule that decides whether a watch expression may be read without the user's trust.
#include "tourguide/tours/TourFile.h"

#include <cctype>

namespace tourguide::tours {

namespace {
bool isIdentStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isIdentChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }
bool isDigit(char c) { return c >= '0' && c <= '9'; }

/// Consumes an identifier at `i`; false when there is none.
bool consumeIdentifier(std::string_view s, size_t &i) {
  if (i >= s.size() || !isIdentStart(s[i]))
    return false;
  while (i < s.size() && isIdentChar(s[i]))
    ++i;
  return true;
}
} // namespace

bool isVariablePath(std::string_view expr) {
  size_t i = 0;
  // A leading dereference or address-of only reads memory: "*grad", "&model", "**pp".
  unsigned addressOf = 0;
  while (i < expr.size() && (expr[i] == '*' || expr[i] == '&'))
    addressOf += expr[i++] == '&';
  if (addressOf > 1)
    return false; // "&&a" is not C

  if (!consumeIdentifier(expr, i))
    return false;
  while (i < expr.size()) {
    if (expr[i] == '.') {
      ++i;
      if (!consumeIdentifier(expr, i))
        return false;
    } else if (expr.compare(i, 2, "->") == 0) {
      i += 2;
      if (!consumeIdentifier(expr, i))
        return false;
    } else if (expr[i] == '[') {
      // Only a literal index: "w[i]" would read i, fine in LLDB, but "w[f()]" would not be,
      // and the simple rule is the one a reader can check by eye.
      ++i;
      size_t digits = i;
      while (i < expr.size() && isDigit(expr[i]))
        ++i;
      if (i == digits || i >= expr.size() || expr[i] != ']')
        return false;
      ++i;
    } else {
      return false;
    }
  }
  return true;
}

bool isMemberPath(std::string_view path) {
  return !path.empty() && path[0] != '*' && path[0] != '&' && isVariablePath(path);
}

bool isDescribableTypeName(std::string_view name) {
  if (name.empty() || std::isspace(static_cast<unsigned char>(name.front())) ||
      std::isspace(static_cast<unsigned char>(name.back())))
    return false;
  for (std::string_view qualifier : {"const", "volatile"})
    if (name.substr(0, qualifier.size()) == qualifier &&
        (name.size() == qualifier.size() ||
         !isIdentChar(name[qualifier.size()])))
      return false;
  std::string_view body = name;
  if (body.size() >= 3 && body.substr(body.size() - 3) == "<*>")
    body.remove_suffix(3);
  return body.find_first_of("*&") == std::string_view::npos;
}

} // namespace tourguide::tours
