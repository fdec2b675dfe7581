#include "DebugInfoView.h"

#include "OwnModules.h"
#ifdef TOURGUIDE_HAVE_DRAFT
#include "tourguide/confirm/LineInFunction.h"
#endif

#include <algorithm>
#include <filesystem>
#include <set>

namespace tourguide::plugin {

DebugInfoView::DebugInfoView(lldb::SBTarget target, std::vector<lldb::SBModule> modules, std::string repoRoot,
                             SourceAccess access)
    : target_(target), modules_(std::move(modules)), moduleSpecs_(ownModuleSpecs(modules_)),
      repoRoot_(std::move(repoRoot)), access_(std::move(access)) {}

tours::AnchorResolution DebugInfoView::resolve(const tours::Anchor &anchor, Placement &placed) {
  placed_ = {};
  tours::AnchorResolution r = tours::resolveAnchor(anchor, *this);
  placed = r.resolved() ? placed_ : Placement{};
  return r;
}

std::vector<tours::FunctionBody> DebugInfoView::functionsNamed(const std::string &name) {
  std::vector<tours::FunctionBody> out;
  for (auto module : modules_) {
    lldb::SBSymbolContextList list = module.FindFunctions(name.c_str(), lldb::eFunctionNameTypeAuto);
    for (uint32_t i = 0; i < list.GetSize(); ++i) {
      lldb::SBSymbolContext sc = list.GetContextAtIndex(i);
      lldb::SBFunction fn = sc.GetFunction();
      lldb::SBCompileUnit cu = sc.GetCompileUnit();
      // A function template named without its arguments ("gf::fit") comes back as its
      // instantiation's symbol only (LLDB 14 and 16; LLDB 15 finds nothing): its debug info is
      // the function at the symbol's address.
      bool viaSymbol = false;
      if (!fn.IsValid() && sc.GetSymbol().IsValid()) {
        viaSymbol = true;
        lldb::SBAddress entry = sc.GetSymbol().GetStartAddress();
        fn = entry.GetFunction();
        cu = entry.GetCompileUnit();
      }
      if (!fn.IsValid())
        continue;
      lldb::SBLineEntry start = fn.GetStartAddress().GetLineEntry();
      if (!start.IsValid())
        continue;
      tours::FunctionBody body;
      body.name = fn.GetDisplayName() ? fn.GetDisplayName() : name;
      body.file = pathOf(start.GetFileSpec());
      body.firstLine = start.GetLine();
      body.lastLine = body.firstLine;
      // The body's last line: the highest line of this file among the line-table rows
      // whose address lies inside the function.
      lldb::addr_t lo = fn.GetStartAddress().GetFileAddress();
      lldb::addr_t hi = fn.GetEndAddress().GetFileAddress();
      for (uint32_t k = 0; k < cu.GetNumLineEntries(); ++k) {
        lldb::SBLineEntry e = cu.GetLineEntryAtIndex(k);
        lldb::addr_t a = e.GetStartAddress().GetFileAddress();
        if (a >= lo && a < hi && pathOf(e.GetFileSpec()) == body.file)
          body.lastLine = std::max(body.lastLine, e.GetLine());
      }
      bool known = std::any_of(out.begin(), out.end(), [&](const tours::FunctionBody &b) {
        return b.file == body.file && b.firstLine == body.firstLine;
      });
      // A definition that is not a template's instance can be placed on through the function
      // itself (hasCode); an instance stays by file and line, which reaches every instance.
      if (!known && !viaSymbol && body.name.find('<') == std::string::npos) {
        functions_.push_back({fn, cu});
        body.key = functions_.size();
      }
      if (!known)
        out.push_back(body);
    }
  }
  return out;
}

const std::vector<std::string> &DebugInfoView::sourceFiles() {
  if (sourceFiles_)
    return *sourceFiles_;
  // Each compile unit's own file, then the files its line table names (headers), in module and
  // compile-unit order; only those this view may read.
  sourceFiles_.emplace();
  std::set<std::string> seen;
  auto add = [&](const std::string &path) {
    if (!path.empty() && access_.allows(path) && seen.insert(path).second)
      sourceFiles_->push_back(path);
  };
  for (auto module : modules_)
    for (uint32_t c = 0; c < module.GetNumCompileUnits(); ++c) {
      lldb::SBCompileUnit cu = module.GetCompileUnitAtIndex(c);
      add(pathOf(cu.GetFileSpec()));
      for (uint32_t s = 0; s < cu.GetNumSupportFiles(); ++s)
        add(pathOf(cu.GetSupportFileAtIndex(s)));
    }
  return *sourceFiles_;
}

const std::vector<std::string> *DebugInfoView::lines(const std::string &path, std::string &why) {
  if (!access_.allows(path)) {
    why = access_.refusal(path);
    return nullptr;
  }
  auto it = lines_.find(path);
  if (it == lines_.end()) {
    std::error_code ec;
    it = lines_.emplace(path, std::filesystem::is_regular_file(path, ec) ? readLines(path) : std::nullopt).first;
  }
  if (!it->second)
    why = "cannot read " + path;
  return it->second ? &*it->second : nullptr;
}

bool DebugInfoView::hasCode(const tours::AnchorPlace &place) {
  lldb::SBFileSpecList noCompUnits;
  lldb::SBFileSpecList moduleList = moduleSpecs_; // the SB calls take non-const references
  lldb::SBBreakpoint bp;
  if (place.form == tours::AnchorForm::Function)
    bp = target_.BreakpointCreateByName(place.function.c_str(), lldb::eFunctionNameTypeAuto, moduleList, noCompUnits);
#ifdef TOURGUIDE_HAVE_DRAFT
  // A line of a header inside a known function: through that function, since lldb-14 crashes
  // resolving some headers' file and line (confirm/LineInFunction.h).
  else if (place.body && place.body->key && confirm::isHeaderFile(place.file)) {
    const auto &[fn, cu] = functions_[place.body->key - 1];
    lldb::SBAddress at = confirm::lineAddressIn(fn, cu, place.file, place.line);
    if (!at.IsValid())
      return false;
    bp = target_.BreakpointCreateBySBAddress(at);
  }
#endif
  else
    bp = target_.BreakpointCreateByLocation(lldb::SBFileSpec(place.file.c_str(), false), place.line, 0, 0, moduleList,
                                            /*move_to_nearest_code=*/true);
  if (!bp.IsValid())
    return false;
  if (bp.GetNumLocations() == 0) {
    target_.BreakpointDelete(bp.GetID());
    return false;
  }
  placed_ = {};
  placed_.locations = bp.GetNumLocations();
  lldb::SBAddress addr = bp.GetLocationAtIndex(0).GetAddress();
  lldb::SBLineEntry entry = addr.GetLineEntry();
  placed_.file = entry.IsValid() ? pathOf(entry.GetFileSpec()) : place.file;
  placed_.line = entry.IsValid() ? entry.GetLine() : place.line;
  lldb::SBFunction fn = addr.GetFunction();
  placed_.function = fn.IsValid() && fn.GetDisplayName() ? fn.GetDisplayName() : place.function;
  if (keepAs_) {
    bp.AddName(keepAs_);
    bp.SetEnabled(false);
    placed_.breakpointId = bp.GetID();
  } else {
    target_.BreakpointDelete(bp.GetID());
  }
  return true;
}

std::string repeatedPatternWarning(const tours::Anchor &anchor, const tours::AnchorPlace &place) {
  if (place.hits.size() < 2)
    return {};
  std::string base = place.file.substr(place.file.find_last_of('/') + 1);
  std::string where;
  for (size_t i = 0; i < place.hits.size(); ++i)
    where += (i ? ", " : "") + base + ":" + std::to_string(place.hits[i]);
  std::string scope = place.form == tours::AnchorForm::FunctionPattern ? anchor.function : anchor.file;
  return "pattern '" + anchor.pattern + "' matches " + std::to_string(place.hits.size()) + " lines in '" + scope +
         "' (" + where + "); using the first";
}

} // namespace tourguide::plugin
