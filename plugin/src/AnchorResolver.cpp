#include "AnchorResolver.h"

#include "OwnModules.h"
#include "SourceText.h"

#include <algorithm>
#include <fstream>

namespace tourguide::plugin {

namespace {

bool endsWithPath(const std::string &path, std::string suffix) {
  while (suffix.compare(0, 2, "./") == 0)
    suffix.erase(0, 2);
  if (suffix.empty() || path.size() < suffix.size())
    return false;
  if (path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0)
    return false;
  return path.size() == suffix.size() || suffix.front() == '/' ||
         path[path.size() - suffix.size() - 1] == '/';
}

bool readable(const std::string &path) { return readLines(path).has_value(); } // never opens a FIFO (docs/security.md)

std::string quoted(const std::string &s) { return "'" + s + "'"; }

} // namespace

AnchorResolver::AnchorResolver(lldb::SBTarget target, std::vector<lldb::SBModule> modules,
                               std::string repoRoot)
    : target_(target), modules_(std::move(modules)), repoRoot_(std::move(repoRoot)) {}

std::vector<AnchorResolver::FunctionBody> AnchorResolver::findFunctions(const std::string &name) const {
  std::vector<FunctionBody> out;
  for (auto module : modules_) {
    lldb::SBSymbolContextList list = module.FindFunctions(name.c_str(), lldb::eFunctionNameTypeAuto);
    for (uint32_t i = 0; i < list.GetSize(); ++i) {
      lldb::SBSymbolContext sc = list.GetContextAtIndex(i);
      lldb::SBFunction fn = sc.GetFunction();
      if (!fn.IsValid())
        continue;
      lldb::SBLineEntry start = fn.GetStartAddress().GetLineEntry();
      if (!start.IsValid())
        continue;
      FunctionBody body;
      body.name = fn.GetDisplayName() ? fn.GetDisplayName() : name;
      body.file = pathOf(start.GetFileSpec());
      body.firstLine = start.GetLine();
      body.lastLine = body.firstLine;
      // The body's last line: the highest line of this file among the line-table rows
      // whose address lies inside the function.
      lldb::addr_t lo = fn.GetStartAddress().GetFileAddress();
      lldb::addr_t hi = fn.GetEndAddress().GetFileAddress();
      lldb::SBCompileUnit cu = sc.GetCompileUnit();
      for (uint32_t k = 0; k < cu.GetNumLineEntries(); ++k) {
        lldb::SBLineEntry e = cu.GetLineEntryAtIndex(k);
        lldb::addr_t a = e.GetStartAddress().GetFileAddress();
        if (a >= lo && a < hi && pathOf(e.GetFileSpec()) == body.file)
          body.lastLine = std::max(body.lastLine, e.GetLine());
      }
      out.push_back(body);
    }
  }
  return out;
}

std::string AnchorResolver::findSourceFile(const std::string &file) const {
  for (auto module : modules_) {
    for (uint32_t c = 0; c < module.GetNumCompileUnits(); ++c) {
      lldb::SBCompileUnit cu = module.GetCompileUnitAtIndex(c);
      std::string main = pathOf(cu.GetFileSpec());
      if (endsWithPath(main, file) && access_.allows(main))
        return main;
      for (uint32_t s = 0; s < cu.GetNumSupportFiles(); ++s) {
        std::string support = pathOf(cu.GetSupportFileAtIndex(s));
        if (endsWithPath(support, file) && access_.allows(support))
          return support;
      }
    }
  }
  std::string direct = !file.empty() && file.front() == '/' ? file : repoRoot_ + "/" + file;
  return access_.allows(direct) && readable(direct) ? direct : std::string();
}

AnchorCandidates AnchorResolver::candidatesFor(const tours::Anchor &anchor) const {
  AnchorCandidates result;
  std::vector<FunctionBody> functions;
  if (!anchor.function.empty()) {
    functions = findFunctions(anchor.function);
    if (functions.empty())
      result.failures.push_back("function " + quoted(anchor.function) +
                                " is not defined (with debug info) in the program's own modules");
  }
  std::string sourceFile;
  if (!anchor.file.empty()) {
    sourceFile = findSourceFile(anchor.file);
    if (sourceFile.empty())
      result.failures.push_back("file " + quoted(anchor.file) +
                                " is not among the program's sources nor under the repo root");
  }

  // 1. function + pattern
  if (!anchor.pattern.empty() && !functions.empty()) {
    bool found = false;
    for (const auto &fn : functions) {
      if (!access_.allows(fn.file)) {
        result.failures.push_back("pattern not searched: " + access_.refusal(fn.file));
        continue;
      }
      auto lines = readLines(fn.file);
      if (!lines) {
        result.failures.push_back("cannot read " + fn.file + " to look for the pattern");
        continue;
      }
      auto hits = findPattern(*lines, anchor.pattern, fn.firstLine, fn.lastLine);
      if (hits.empty())
        continue;
      AnchorCandidate c{"function + pattern", fn.name, fn.file, hits.front(), {}};
      result.candidates.push_back(c);
      found = true;
      break;
    }
    if (!found)
      result.failures.push_back("pattern " + quoted(anchor.pattern) + " is not in the body of " +
                                quoted(anchor.function));
  }
  // 2. file + pattern
  if (!anchor.pattern.empty() && !sourceFile.empty()) {
    auto lines = access_.allows(sourceFile) ? readLines(sourceFile) : std::nullopt;
    if (!access_.allows(sourceFile)) {
      result.failures.push_back("pattern not searched: " + access_.refusal(sourceFile));
    } else if (!lines) {
      result.failures.push_back("cannot read " + sourceFile);
    } else {
      auto hits = findPattern(*lines, anchor.pattern);
      if (hits.empty()) {
        result.failures.push_back("pattern " + quoted(anchor.pattern) + " is not in " + anchor.file);
      } else {
        AnchorCandidate c{"file + pattern", "", sourceFile, hits.front(), {}};
        if (hits.size() > 1) {
          std::string others;
          for (size_t i = 1; i < hits.size(); ++i)
            others += (i > 1 ? ", " : "") + std::to_string(hits[i]);
          c.warnings.push_back("pattern " + quoted(anchor.pattern) + " also occurs on line(s) " +
                               others + " of " + anchor.file + "; the first is used");
        }
        result.candidates.push_back(c);
      }
    }
  }
  // 3. function entry
  if (!functions.empty())
    result.candidates.push_back({"function", anchor.function, functions.front().file, 0, {}});
  // 4. file + line
  if (anchor.line > 0 && !sourceFile.empty())
    result.candidates.push_back({"file + line", "", sourceFile, anchor.line, {}});
  return result;
}

} // namespace tourguide::plugin
