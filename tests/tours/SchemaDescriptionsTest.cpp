// What an editor offers from tours/schema/tour.schema.json, checked without an editor: every key
// of every object has a description (the hover text and the completion's documentation), every
// key whose values form a closed set lists them (`enum` or `const`: the completions), every
// object refuses unknown keys (so a typo is flagged), and the keys are exactly the format's
// (docs/tour-format.md). The enumerations are the library's own lists (knownStages,
// knownDtypes), so the schema cannot drift from them. Whether the schema accepts the same files
// as the loader is SchemaAgreementTest's business.
#include "tourguide/tours/Tour.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <fstream>
#include <set>

namespace tourguide::tours {
namespace {

using json = nlohmann::json;

json loadSchema() {
  std::ifstream in(TOUR_SCHEMA_PATH);
  return json::parse(in);
}

/// The schema of `key`'s value in the object schema at `pointer` ("/$defs/stop").
const json &property(const json &schema, const std::string &pointer, const std::string &key) {
  return schema.at(json::json_pointer(pointer)).at("properties").at(key);
}

std::set<std::string> keysAt(const json &schema, const std::string &pointer) {
  std::set<std::string> keys;
  for (auto it = schema.at(json::json_pointer(pointer)).at("properties").begin();
       it != schema.at(json::json_pointer(pointer)).at("properties").end(); ++it)
    keys.insert(it.key());
  return keys;
}

/// Every object schema (one with "properties") below `node`, with its JSON Pointer.
void objectSchemas(const json &node, const std::string &pointer, std::vector<std::pair<std::string, const json *>> &out) {
  if (node.is_object()) {
    if (node.contains("properties") && node["properties"].is_object())
      out.emplace_back(pointer, &node);
    for (auto it = node.begin(); it != node.end(); ++it)
      objectSchemas(it.value(), pointer + "/" + it.key(), out);
  } else if (node.is_array()) {
    for (size_t i = 0; i < node.size(); ++i)
      objectSchemas(node[i], pointer + "/" + std::to_string(i), out);
  }
}

TEST(SchemaDescriptions, EveryKeyHasADescription) {
  json schema = loadSchema();
  std::vector<std::pair<std::string, const json *>> objects;
  objectSchemas(schema, "", objects);
  size_t keys = 0;
  for (const auto &[pointer, object] : objects)
    for (auto it = (*object)["properties"].begin(); it != (*object)["properties"].end(); ++it) {
      ++keys;
      const json &p = it.value();
      EXPECT_TRUE(p.contains("description") && p["description"].is_string() &&
                  p["description"].get<std::string>().size() >= 10)
          << pointer << "/properties/" << it.key() << " has no description";
    }
  EXPECT_GE(keys, 40u) << "the walk found too few keys to prove anything";
  for (auto it = schema["$defs"].begin(); it != schema["$defs"].end(); ++it)
    EXPECT_TRUE(it.value().contains("description")) << "$defs/" << it.key() << " has no description";
}

TEST(SchemaDescriptions, EveryObjectRefusesUnknownKeys) {
  json schema = loadSchema();
  std::vector<std::pair<std::string, const json *>> objects;
  objectSchemas(schema, "", objects);
  for (const auto &[pointer, object] : objects)
    EXPECT_EQ(object->value("additionalProperties", json(true)), json(false)) << pointer;
}

TEST(SchemaDescriptions, ClosedValueSetsAreListedForCompletion) {
  json schema = loadSchema();
  EXPECT_EQ(property(schema, "", "version").at("const"), 1);
  // Stages: the known ones are offered; a team's own lowercase name is still accepted.
  const json &stage = property(schema, "/$defs/stop", "stage");
  std::vector<std::string> offered;
  for (const json &branch : stage.at("anyOf"))
    if (branch.contains("enum"))
      offered = branch["enum"].get<std::vector<std::string>>();
  EXPECT_EQ(offered, knownStages());
  EXPECT_EQ(property(schema, "/$defs/typeDescription", "dtype").at("enum").get<std::vector<std::string>>(),
            knownDtypes());
  // The usual values of the program's path and working directory are suggested.
  EXPECT_TRUE(property(schema, "/$defs/program", "cwd").contains("examples"));
  EXPECT_TRUE(property(schema, "/$defs/program", "path").contains("examples"));
}

TEST(SchemaDescriptions, KeysAreExactlyTheFormats) {
  json schema = loadSchema();
  using Keys = std::set<std::string>;
  EXPECT_EQ(keysAt(schema, ""),
            (Keys{"$schema", "version", "title", "description", "root", "program", "types", "collect", "stops"}));
  EXPECT_EQ(keysAt(schema, "/$defs/program"), (Keys{"path", "args", "cwd", "env"}));
  EXPECT_EQ(keysAt(schema, "/$defs/stop"),
            (Keys{"id", "stage", "title", "text", "anchor", "hit", "watch", "collect", "plot"}));
  EXPECT_EQ(keysAt(schema, "/$defs/anchor"), (Keys{"function", "file", "pattern", "line"}));
  EXPECT_EQ(keysAt(schema, "/$defs/watch/anyOf/1"), (Keys{"expr", "label", "count"}));
  EXPECT_EQ(keysAt(schema, "/$defs/collectItem"), (Keys{"name", "expr", "label", "x", "every", "anchor"}));
  EXPECT_EQ(keysAt(schema, "/$defs/typeDescription"), (Keys{"data", "shape", "rows", "cols", "strides", "dtype"}));
}

} // namespace
} // namespace tourguide::tours
