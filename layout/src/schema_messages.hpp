#pragma once
// JSON Schema validation of a plan document, with messages a planner can act on.

#include <nlohmann/json.hpp>
#include <string_view>

#include "hallsim/layout/diagnostics.hpp"

namespace hallsim::layout::detail {

/// Validates `doc` against `schema_text` (valijson) and records one diagnostic per problem,
/// at the JSON pointer of the offending value, with a hint drawn from the schema.
void validate_against_schema(const nlohmann::json& doc, std::string_view schema_text,
                             DiagnosticSink& sink);

}  // namespace hallsim::layout::detail
