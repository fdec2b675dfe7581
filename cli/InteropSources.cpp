#include "InteropSources.h"

#include <algorithm>
#include <filesystem>

namespace tourguide::cli {

namespace {

/// The names of `fn`, one without template arguments first: it is what a tour writes
/// ("gf::Layered::apply").
std::vector<std::string> namesOf(const checker::FunctionDef &fn) {
  std::vector<std::string> names;
  for (const std::string &name : fn.names)
    if (name.find('<') == std::string::npos)
      names.push_back(name);
  for (const std::string &name : fn.names)
    if (std::find(names.begin(), names.end(), name) == names.end())
      names.push_back(name);
  return names;
}

bool sameFile(const checker::FunctionDef &fn, const std::string &name, const std::string &wanted);

std::string canonical(const std::string &path) {
  std::error_code ec;
  std::filesystem::path p = std::filesystem::weakly_canonical(path, ec);
  return ec ? std::filesystem::path(path).lexically_normal().string() : p.string();
}

bool sameFile(const checker::FunctionDef &fn, const std::string &name, const std::string &wanted) {
  return std::filesystem::path(fn.file).filename() == name && canonical(fn.file) == wanted;
}

} // namespace

bool openInteropSources(const std::string &buildDir, const std::string &root, InteropSources &out,
                        std::string &error, std::string &warning, const std::string &alsoUnder) {
  if (buildDir.empty()) {
    out.view = std::make_unique<interop::DiskSourceView>(root);
    return true;
  }
  checker::IndexOptions options;
  options.roots = {root};
  if (!alsoUnder.empty() && alsoUnder != root)
    options.roots.push_back(alsoUnder);
  options.onlyRoots = true;
  llvm::Expected<checker::SourceIndex> indexed = checker::indexCompilationDatabase(buildDir, options);
  if (!indexed) {
    error = llvm::toString(indexed.takeError());
    return false;
  }
  out.index = std::make_unique<checker::SourceIndex>(std::move(*indexed));
  if (out.index->translationUnitsWithErrors > 0)
    warning = std::to_string(out.index->translationUnitsWithErrors) + " of " +
              std::to_string(out.index->translationUnits) +
              " translation units did not compile cleanly; what they parsed is still used (first: " +
              out.index->problems.front() + ")";
  out.view = std::make_unique<checker::SourceIndexView>(*out.index, out.files, root);
  const checker::SourceIndex *index = out.index.get();
  out.enclosing = [index](const std::string &file, unsigned line) {
    // The innermost definition around the line (a lambda's body inside its function's).
    const checker::FunctionDef *best = nullptr;
    std::string wanted = canonical(file), name = std::filesystem::path(file).filename().string();
    for (const checker::FunctionDef &fn : index->functions)
      if (fn.line <= line && line <= fn.bodyEnd && sameFile(fn, name, wanted) &&
          (!best || fn.bodyEnd - fn.line < best->bodyEnd - best->line))
        best = &fn;
    return best ? namesOf(*best) : std::vector<std::string>();
  };
  out.nextFunction = [index](const std::string &file, unsigned line) {
    const checker::FunctionDef *best = nullptr;
    std::string wanted = canonical(file), name = std::filesystem::path(file).filename().string();
    for (const checker::FunctionDef &fn : index->functions)
      if (fn.line >= line && sameFile(fn, name, wanted) && (!best || fn.line < best->line))
        best = &fn;
    return best ? namesOf(*best) : std::vector<std::string>();
  };
  return true;
}

} // namespace tourguide::cli
