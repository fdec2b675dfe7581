// Facts to and from JSON the nlohmann way: one to_json/from_json per struct, every key read
// with at(), so a file missing a key is an error, never a default.
#include "tourguide/indexer/FactsFile.h"

#include <nlohmann/json.hpp>

namespace tourguide::indexer {

// In the structs' namespace, so that nlohmann finds them (for nlohmann::json, keys sorted).
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CallFact, calleeUsr, calleeName, calleeQualifiedName, line, loop, isVirtual,
                                   pointerField, command)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(LoopFact, keyword, line, endLine, bodyLine, parent, counter, lineText,
                                   bodyLineText)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(StatementFact, kind, line, loop, text, variables, target)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(IdiomFact, kind, formula, description, beginLine, endLine, evidence)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(FunctionFacts, usr, name, qualifiedName, className, baseClasses, file, line,
                                   bodyBeginLine, endLine, isMain, isLambda, isTemplate, constructs, isVirtual,
                                   returnsFloating, returnsVoid, returnsRecord, overrides, calls, loops, statements,
                                   idioms, paramNames, pointerAssignments)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(RecordFacts, usr, qualifiedName, file, line, bases)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(TUFacts, mainFile, outputFile, directory, parsed, errorCount, errors, skipped,
                                   skipReason, functions, records)

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

std::string factsToCbor(const TUFacts &facts) {
  std::vector<std::uint8_t> bytes = Json::to_cbor(document(facts));
  return std::string(bytes.begin(), bytes.end());
}

llvm::Expected<TUFacts> factsFromCbor(llvm::StringRef bytes) {
  Json doc = Json::from_cbor(bytes.bytes_begin(), bytes.bytes_end(), /*strict=*/true, /*allow_exceptions=*/false);
  if (doc.is_discarded())
    return error("not CBOR");
  return fromDocument(doc);
}

} // namespace tourguide::indexer
