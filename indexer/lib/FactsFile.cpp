// Facts to and from JSON the nlohmann way: one to_json/from_json per struct, every key read
// with at(), so a file missing a key is an error, never a default.
#include "tourguide/indexer/FactsFile.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <type_traits>

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

namespace {

// The cache's binary form: the same fields in the same order as the JSON, without names.
// Reading a TU's facts back is the whole cost of a cache hit, and building a JSON document
// first made it several times slower than this direct walk.
template <class IO> void fields(IO &io, CallFact &c) {
  io(c.calleeUsr, c.calleeName, c.calleeQualifiedName, c.line, c.loop, c.isVirtual, c.pointerField, c.command);
}
template <class IO> void fields(IO &io, LoopFact &l) {
  io(l.keyword, l.line, l.endLine, l.bodyLine, l.parent, l.counter, l.lineText, l.bodyLineText);
}
template <class IO> void fields(IO &io, StatementFact &s) { io(s.kind, s.line, s.loop, s.text, s.variables, s.target); }
template <class IO> void fields(IO &io, IdiomFact &i) {
  io(i.kind, i.formula, i.description, i.beginLine, i.endLine, i.evidence);
}
template <class IO> void fields(IO &io, FunctionFacts &f) {
  io(f.usr, f.name, f.qualifiedName, f.className, f.baseClasses, f.file, f.line, f.bodyBeginLine, f.endLine, f.isMain,
     f.isLambda, f.isTemplate, f.constructs, f.isVirtual, f.returnsFloating, f.returnsVoid, f.returnsRecord,
     f.overrides, f.calls, f.loops, f.statements, f.idioms, f.paramNames, f.pointerAssignments);
}
template <class IO> void fields(IO &io, RecordFacts &r) { io(r.usr, r.qualifiedName, r.file, r.line, r.bases); }
template <class IO> void fields(IO &io, TUFacts &t) {
  io(t.mainFile, t.outputFile, t.directory, t.parsed, t.errorCount, t.errors, t.skipped, t.skipReason, t.functions,
     t.records);
}

/// Numbers as LEB128 varints (ints zigzagged), strings and lists with their length first.
class Writer {
public:
  std::string out;
  template <class... T> void operator()(T &...values) { (put(values), ...); }

private:
  void varint(uint64_t v) {
    for (; v >= 0x80; v >>= 7)
      out += static_cast<char>((v & 0x7f) | 0x80);
    out += static_cast<char>(v);
  }
  void put(bool &b) { out += b ? '\1' : '\0'; }
  void put(unsigned &u) { varint(u); }
  void put(int &i) { varint((static_cast<uint64_t>(i) << 1) ^ static_cast<uint64_t>(i >> 31)); }
  void put(std::string &s) {
    varint(s.size());
    out += s;
  }
  template <class A, class B> void put(std::pair<A, B> &p) { (*this)(p.first, p.second); }
  template <class T> void put(std::vector<T> &list) {
    varint(list.size());
    for (T &item : list)
      put(item);
  }
  template <class T, class = decltype(fields(std::declval<Writer &>(), std::declval<T &>()))> void put(T &record) {
    fields(*this, record);
  }
};

/// Reads what Writer wrote; any overrun or impossible length fails it for good.
class Reader {
public:
  explicit Reader(llvm::StringRef in) : in_(in) {}
  bool ok = true;
  bool atEnd() const { return in_.empty(); }
  template <class... T> void operator()(T &...values) { (get(values), ...); }

private:
  uint64_t varint() {
    uint64_t v = 0;
    for (unsigned shift = 0; ok && shift < 64; shift += 7) {
      if (in_.empty())
        break;
      auto byte = static_cast<uint8_t>(in_.front());
      in_ = in_.drop_front();
      v |= uint64_t(byte & 0x7f) << shift;
      if (!(byte & 0x80))
        return v;
    }
    ok = false;
    return 0;
  }
  void get(bool &b) {
    uint64_t v = varint();
    ok = ok && v <= 1;
    b = v == 1;
  }
  void get(unsigned &u) {
    uint64_t v = varint();
    ok = ok && v <= UINT32_MAX;
    u = static_cast<unsigned>(v);
  }
  void get(int &i) {
    uint64_t v = varint();
    i = static_cast<int>((v >> 1) ^ (~(v & 1) + 1));
  }
  void get(std::string &s) {
    uint64_t n = varint();
    if (!ok || n > in_.size()) {
      ok = false;
      return;
    }
    s.assign(in_.data(), n);
    in_ = in_.drop_front(n);
  }
  template <class A, class B> void get(std::pair<A, B> &p) { (*this)(p.first, p.second); }
  template <class T> void get(std::vector<T> &list) {
    uint64_t n = varint();
    if (!ok || n > in_.size()) { // every item takes at least one byte
      ok = false;
      return;
    }
    list.resize(n);
    for (T &item : list)
      if (ok)
        get(item);
  }
  template <class T, class = decltype(fields(std::declval<Reader &>(), std::declval<T &>()))> void get(T &record) {
    fields(*this, record);
  }

  llvm::StringRef in_;
};

/// First bytes of the binary form: its own name and version, as a JSON file's "format".
std::string binaryMagic() { return std::string(kFactsFormat) + " binary " + std::to_string(kFactsVersion) + "\n"; }

} // namespace

std::string factsToBinary(const TUFacts &facts) {
  Writer writer;
  writer.out = binaryMagic();
  writer(const_cast<TUFacts &>(facts)); // fields() serves Reader too; Writer only reads them
  return std::move(writer.out);
}

llvm::Expected<TUFacts> factsFromBinary(llvm::StringRef bytes) {
  if (!bytes.consume_front(binaryMagic()))
    return error("not facts of this version");
  Reader reader(bytes);
  TUFacts facts;
  reader(facts);
  if (!reader.ok || !reader.atEnd())
    return error("malformed facts");
  return facts;
}

} // namespace tourguide::indexer
