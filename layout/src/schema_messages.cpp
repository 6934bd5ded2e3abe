// GCC 12 reports a false -Wrestrict inside std::string once valijson's code is inlined
// (GCC bug 105651); the warning's location is in libstdc++, so only a file-wide pragma works.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wrestrict"
#endif

#include "schema_messages.hpp"

#include <algorithm>
#include <cassert>
#include <set>
#include <string>
#include <utility>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>
#include <vector>

#include "plan_checks.hpp"

namespace hallsim::layout::detail {

namespace {

using nlohmann::json;

bool starts_with(const std::string& s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// Follows local "$ref": "#/definitions/NAME" links.
const json* resolve(const json& root, const json* node) {
  for (int hops = 0; node != nullptr && hops < 16; ++hops) {
    if (!node->is_object()) {
      return node;
    }
    const auto ref = node->find("$ref");
    if (ref == node->end()) {
      return node;
    }
    const std::string target = ref->get<std::string>();
    constexpr std::string_view kPrefix = "#/definitions/";
    if (!starts_with(target, kPrefix)) {
      return nullptr;
    }
    const auto& definitions = root.at("definitions");
    const auto it = definitions.find(target.substr(kPrefix.size()));
    node = it == definitions.end() ? nullptr : &*it;
  }
  return node;
}

// The schema of the value at `tokens`, as written (before $ref) and resolved.
struct SchemaAt {
  const json* written = nullptr;
  const json* resolved = nullptr;
};

SchemaAt schema_at(const json& schema, const std::vector<std::string>& tokens) {
  const json* node = &schema;
  for (const std::string& token : tokens) {
    const json* r = resolve(schema, node);
    if (r == nullptr || !r->is_object()) {
      return {};
    }
    const auto props = r->find("properties");
    if (props != r->end() && props->contains(token)) {
      node = &(*props)[token];
      continue;
    }
    const auto items = r->find("items");
    if (items != r->end() && !token.empty() &&
        std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      node = &*items;
      continue;
    }
    return {};
  }
  return {node, resolve(schema, node)};
}

std::string description(const SchemaAt& s) {
  for (const json* node : {s.written, s.resolved}) {
    if (node != nullptr && node->is_object() && node->contains("description")) {
      return node->at("description").get<std::string>();
    }
  }
  return "a value as " + std::string("docs/floorplan-format.md") + " describes";
}

const json* value_at(const json& doc, const std::vector<std::string>& tokens) {
  const json* node = &doc;
  for (const std::string& token : tokens) {
    if (node->is_object()) {
      const auto it = node->find(token);
      if (it == node->end()) {
        return nullptr;
      }
      node = &*it;
    } else if (node->is_array()) {
      if (token.empty() || token.size() > 9 ||
          !std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        return nullptr;
      }
      const std::size_t index = std::stoul(token);
      if (index >= node->size()) {
        return nullptr;
      }
      node = &(*node)[index];
    } else {
      return nullptr;
    }
  }
  return node;
}

std::string shorten(const std::string& s) {
  if (s.size() <= 40) {
    return s;
  }
  std::size_t cut = 40;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0U) == 0x80U) {
    --cut;  // whole chars
  }
  return s.substr(0, cut) + "...";
}

std::string describe(const json* v) {
  if (v == nullptr) {
    return "nothing";
  }
  switch (v->type()) {
    case json::value_t::object:
      return "an object {...}";
    case json::value_t::array:
      return "a list [...]";
    case json::value_t::string:
      return "the text \"" + shorten(v->get<std::string>()) + "\"";
    case json::value_t::boolean:
      return v->get<bool>() ? "true" : "false";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
    case json::value_t::number_float:
      return "the number " + format_number(v->get<double>());
    case json::value_t::null:
      return "null";
    default:
      return "a value";
  }
}

std::string type_phrase(const json* schema) {
  if (schema == nullptr || !schema->contains("type")) {
    return "another kind of value";
  }
  std::string type = schema->at("type").get<std::string>();
  if (type == "object") {
    return "an object {...}";
  }
  if (type == "array") {
    return "a list [...]";
  }
  if (type == "string") {
    return "text in double quotes";
  }
  if (type == "number") {
    return "a number";
  }
  if (type == "integer") {
    return "a whole number";
  }
  if (type == "boolean") {
    return "true or false";
  }
  return type;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// " (did you mean "x"?)" for a near miss among `names`, else "".
std::string suggestion(const std::string& wrong, const std::vector<std::string>& names) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, wrong.size() / 3) + 1;
  for (const std::string& name : names) {
    const std::size_t d = edit_distance(wrong, name);
    if (d < best_distance) {
      best_distance = d;
      best = name;
    }
  }
  return best.empty() ? "" : " (did you mean \"" + best + "\"?)";
}

std::string join(const std::vector<std::string>& names) {
  std::string list;
  for (std::size_t i = 0; i < names.size(); ++i) {
    list += (i == 0 ? "" : ", ") + names[i];
  }
  return list;
}

std::vector<std::string> enum_names(const json* schema) {
  std::vector<std::string> names;
  if (schema == nullptr || !schema->contains("enum")) {
    return names;
  }
  for (const json& e : schema->at("enum")) {
    names.push_back(e.is_string() ? e.get<std::string>() : e.dump());
  }
  return names;
}

std::vector<std::string> property_names(const json* schema) {
  std::vector<std::string> names;
  if (schema == nullptr || !schema->contains("properties")) {
    return names;
  }
  for (const auto& [name, _] : schema->at("properties").items()) {
    names.push_back(name);
  }
  return names;
}

// Turns one leaf error of valijson into a diagnostic; wrapper errors ("failed to validate
// item #3") only repeat what their leaves say and are skipped.
class Translator {
 public:
  Translator(const json& doc, const json& schema, DiagnosticSink& sink)
      : doc_(doc), schema_(schema), sink_(sink) {}

  void translate(const valijson::ValidationResults::Error& error) {
    std::vector<std::string> tokens;
    for (std::size_t i = 1; i < error.context.size(); ++i) {  // [0] is "<root>"
      const std::string& c = error.context[i];
      tokens.push_back(c.size() >= 2 ? c.substr(1, c.size() - 2) : c);
    }
    const std::string& what = error.description;
    if (starts_with(what, "Failed to validate") || starts_with(what, "Cannot validate")) {
      return;
    }

    const SchemaAt schema = schema_at(schema_, tokens);
    const json* value = value_at(doc_, tokens);
    const std::string ptr = json_pointer(tokens);
    const std::string wanted = description(schema);

    if (starts_with(what, "Missing required property '")) {
      const std::string field = what.substr(27, what.find('\'', 27) - 27);
      auto child_tokens = tokens;
      child_tokens.push_back(field);
      emit(ptr, "the required field \"" + field + "\" is missing",
           "add \"" + field + "\": " + description(schema_at(schema_, child_tokens)));
    } else if (starts_with(what, "Object contains a property that could not be validated")) {
      unknown_fields(tokens, value, schema.resolved);
    } else if (starts_with(what, "Value type not permitted")) {
      emit(ptr, "expected " + type_phrase(schema.resolved) + ", found " + describe(value),
           "write " + wanted);
    } else if (starts_with(what, "Failed to match against any enum values")) {
      const auto names = enum_names(schema.resolved);
      if (value != nullptr && value->is_string()) {
        const std::string v = value->get<std::string>();
        emit(ptr, "\"" + shorten(v) + "\" is not " + wanted + suggestion(v, names),
             "use one of: " + join(names));
      } else {
        emit(ptr, "expected " + wanted + ", found " + describe(value),
             "use one of: " + join(names));
      }
    } else if (starts_with(what, "Failed to match expected value set by 'const'")) {
      emit(ptr, "expected " + wanted + ", found " + describe(value), "write " + wanted);
    } else if (starts_with(what, "Expected number")) {
      const bool above = what.find("less than") != std::string::npos;
      const char* bound = above ? "maximum" : "minimum";
      const std::string limit = schema.resolved != nullptr && schema.resolved->contains(bound)
                                    ? format_number(schema.resolved->at(bound).get<double>())
                                    : "allowed";
      emit(ptr,
           describe(value) + (above ? " is above the maximum " : " is below the minimum ") + limit,
           "write " + wanted);
    } else if (starts_with(what, "Array should contain")) {
      const bool too_many = what.find("no more than") != std::string::npos;
      const char* bound = too_many ? "maxItems" : "minItems";
      const std::size_t n = value != nullptr ? value->size() : 0;
      const std::string limit = schema.resolved != nullptr && schema.resolved->contains(bound)
                                    ? std::to_string(schema.resolved->at(bound).get<int>())
                                    : "allowed";
      emit(ptr,
           "the list has " + std::to_string(n) + (n == 1 ? " item" : " items") +
               (too_many ? ", more than the " + limit + " allowed"
                         : ", fewer than the " + limit + " needed"),
           "write " + wanted);
    } else if (starts_with(what, "String should be")) {
      const bool too_long = what.find("no more than") != std::string::npos;
      emit(ptr, std::string("the text is too ") + (too_long ? "long" : "short"), "write " + wanted);
    } else if (starts_with(what, "Failed to match regex")) {
      emit(ptr, describe(value) + " is not in the expected form", "write " + wanted);
    } else if (starts_with(what, "Elements at indexes #")) {
      const std::size_t second = std::stoul(what.substr(what.find('#', 22) + 1));
      auto item = tokens;
      item.push_back(std::to_string(second));
      emit(json_pointer(item), "this item repeats an earlier item of the same list",
           "list each value once");
    } else {
      emit(ptr, what, "see docs/floorplan-format.md");
    }
  }

 private:
  void unknown_fields(const std::vector<std::string>& tokens, const json* value,
                      const json* schema) {
    if (value == nullptr || !value->is_object()) {
      return;
    }
    const auto known = property_names(schema);
    for (const auto& [name, _] : value->items()) {
      if (std::find(known.begin(), known.end(), name) != known.end()) {
        continue;
      }
      auto field = tokens;
      field.push_back(name);
      emit(json_pointer(field), "unknown field \"" + shorten(name) + "\"" + suggestion(name, known),
           "remove it or correct its spelling; the fields here are: " + join(known));
    }
  }

  void emit(const std::string& ptr, const std::string& message, const std::string& hint) {
    if (seen_.insert(ptr + '\n' + message).second) {
      sink_.error(ptr, message, hint);
    }
  }

  const json& doc_;
  const json& schema_;
  DiagnosticSink& sink_;
  std::set<std::string> seen_;
};

}  // namespace

void validate_against_schema(const json& doc, std::string_view schema_text, DiagnosticSink& sink) {
  const json schema_doc = json::parse(schema_text);  // embedded at build time; a test parses it
  valijson::Schema schema;
  valijson::SchemaParser parser;
  const valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_doc);
  parser.populateSchema(schema_adapter, schema);

  valijson::Validator validator;
  valijson::ValidationResults results;
  const valijson::adapters::NlohmannJsonAdapter target(doc);
  if (validator.validate(schema, target, &results)) {
    return;
  }

  Translator translator(doc, schema_doc, sink);
  valijson::ValidationResults::Error error;
  while (results.popError(error)) {
    translator.translate(error);
  }
  if (sink.empty()) {
    sink.error("", "the plan does not match the floor-plan schema", "see docs/floorplan-format.md");
  }
}

}  // namespace hallsim::layout::detail
