// Facts to and from JSON the nlohmann way: one to_json/from_json per struct, every key read
// with at(), so a file missing a key is an error, never a default.
#include "tourguide/indexer/FactsFile.h"
#include "tourguide/clangfront/PayloadCodec.h"

#include <nlohmann/json.hpp>

namespace tourguide::indexer {

// In the structs' namespace, so that nlohmann finds them (for nlohmann::json, keys sorted).
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ConstantFact, value, spelling)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(FieldBranchFact, field, text, values, otherwise)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(FieldWriteFact, field, line, kind, value, parameter, option, command)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CallFact, calleeUsr, calleeName, calleeQualifiedName, calleeSpecialisedName, line,
                                   loop, isVirtual, pointerField, table, tableIndexField, command, fieldBranches,
                                   conditional, constantArguments, parameterArguments, storedIn, afterLine, afterText)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(LoopFact, keyword, line, endLine, bodyLine, parent, counter, lineText,
                                   bodyLineText, afterLine, afterText, blockLine, writes)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(StatementFact, kind, line, loop, text, variables, target, fullLine, fullEndLine,
                                   afterLine, afterText, blocks, sumLoop, accumulator)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(IdiomFact, kind, formula, description, beginLine, endLine, evidence)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(FunctionFacts, usr, name, qualifiedName, className, baseClasses, file, line,
                                   bodyBeginLine, endLine, isMain, isLambda, isTemplate, constructs, isVirtual,
                                   returnsFloating, returnsVoid, returnsRecord, overrides, calls, loops, statements,
                                   idioms, paramNames, pointerAssignments, fieldWrites)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(RecordFacts, usr, qualifiedName, file, line, bases, fieldWrites)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(FunctionTableFact, usr, name, file, line, entries)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(TUFacts, mainFile, outputFile, directory, parsed, errorCount, errors, skipped,
                                   skipReason, functions, records, tables)

namespace {

using Json = nlohmann::json;

Json document(const TUFacts &facts) {
  Json doc;
  doc["format"] = kFactsFormat;
  doc["version"] = kFactsVersion;
  doc["tu"] = facts;
  return doc;
}

llvm::Error error(const std::string &message) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), "%s", message.c_str());
}

llvm::Expected<TUFacts> fromDocument(const Json &doc) {
  if (!doc.is_object() || !doc.contains("format") || doc["format"] != kFactsFormat)
    return error(std::string("not a facts file (no \"format\": \"") + kFactsFormat + "\")");
  if (!doc.contains("version") || doc["version"] != kFactsVersion)
    return error("facts format version " + (doc.contains("version") ? doc["version"].dump() : "(none)") +
                 ", this tourguide reads version " + std::to_string(kFactsVersion) + "; index the TU again");
  try {
    return doc.at("tu").get<TUFacts>();
  } catch (const Json::exception &e) {
    return error(std::string("malformed facts: ") + e.what());
  }
}

} // namespace

std::string factsToJson(const TUFacts &facts) { return document(facts).dump(1) + "\n"; }

llvm::Expected<TUFacts> factsFromJson(llvm::StringRef text) {
  Json doc = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded())
    return error("not JSON");
  return fromDocument(doc);
}

// The cache's binary form (clangfront/PayloadCodec.h): the same fields in the same order as
// the JSON. In the structs' namespace, so that the codec finds them.
template <class IO> static void fields(IO &io, ConstantFact &c) { io(c.value, c.spelling); }
template <class IO> static void fields(IO &io, FieldBranchFact &b) { io(b.field, b.text, b.values, b.otherwise); }
template <class IO> static void fields(IO &io, FieldWriteFact &w) {
  io(w.field, w.line, w.kind, w.value, w.parameter, w.option, w.command);
}
template <class IO> static void fields(IO &io, CallFact &c) {
  io(c.calleeUsr, c.calleeName, c.calleeQualifiedName, c.calleeSpecialisedName, c.line, c.loop, c.isVirtual,
     c.pointerField, c.table, c.tableIndexField, c.command, c.fieldBranches, c.conditional, c.constantArguments,
     c.parameterArguments, c.storedIn, c.afterLine, c.afterText);
}
template <class IO> static void fields(IO &io, LoopFact &l) {
  io(l.keyword, l.line, l.endLine, l.bodyLine, l.parent, l.counter, l.lineText, l.bodyLineText, l.afterLine,
     l.afterText, l.blockLine, l.writes);
}
template <class IO> static void fields(IO &io, StatementFact &s) {
  io(s.kind, s.line, s.loop, s.text, s.variables, s.target, s.fullLine, s.fullEndLine, s.afterLine, s.afterText,
     s.blocks, s.sumLoop, s.accumulator);
}
template <class IO> static void fields(IO &io, IdiomFact &i) {
  io(i.kind, i.formula, i.description, i.beginLine, i.endLine, i.evidence);
}
template <class IO> static void fields(IO &io, FunctionFacts &f) {
  io(f.usr, f.name, f.qualifiedName, f.className, f.baseClasses, f.file, f.line, f.bodyBeginLine, f.endLine, f.isMain,
     f.isLambda, f.isTemplate, f.constructs, f.isVirtual, f.returnsFloating, f.returnsVoid, f.returnsRecord,
     f.overrides, f.calls, f.loops, f.statements, f.idioms, f.paramNames, f.pointerAssignments, f.fieldWrites);
}
template <class IO> static void fields(IO &io, RecordFacts &r) {
  io(r.usr, r.qualifiedName, r.file, r.line, r.bases, r.fieldWrites);
}
template <class IO> static void fields(IO &io, FunctionTableFact &t) { io(t.usr, t.name, t.file, t.line, t.entries); }
template <class IO> static void fields(IO &io, TUFacts &t) {
  io(t.mainFile, t.outputFile, t.directory, t.parsed, t.errorCount, t.errors, t.skipped, t.skipReason, t.functions,
     t.records, t.tables);
}

namespace {

/// First bytes of the binary form: its own name and version, as a JSON file's "format".
std::string binaryMagic() { return std::string(kFactsFormat) + " binary " + std::to_string(kFactsVersion) + "\n"; }

} // namespace

std::string factsToBinary(const TUFacts &facts) {
  clangfront::PayloadWriter writer;
  writer.out = binaryMagic();
  writer(const_cast<TUFacts &>(facts)); // fields() serves the reader too; the writer only reads
  return std::move(writer.out);
}

llvm::Expected<TUFacts> factsFromBinary(llvm::StringRef bytes) {
  if (!bytes.consume_front(binaryMagic()))
    return error("not facts of this version");
  clangfront::PayloadReader reader(bytes);
  TUFacts facts;
  reader(facts);
  if (!reader.ok() || !reader.atEnd())
    return error("malformed facts");
  return facts;
}

} // namespace tourguide::indexer
