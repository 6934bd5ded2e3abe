#pragma once
// Reading input text for the scenario loader: files with a size limit, encoding checks, and
// JSON with the pointer of every syntax error and repeated key.
//
// The plan loader (loader.cpp) does the same for floor plans in its own anonymous namespace;
// these are the scenario loader's versions, written to be shared by any further JSON input.

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "hallsim/layout/diagnostics.hpp"

namespace hallsim::layout::detail {

/// "line L, column C" of byte `offset` of `text` (columns count UTF-8 characters, from 1).
std::string text_position(std::string_view text, std::size_t offset);

/// Reads a whole file of at most `max_bytes`. On failure records one diagnostic on `sink`
/// (saying what the file should be: `what`, e.g. "a scenario .json file") and returns nothing.
std::optional<std::string> read_input_file(const std::filesystem::path& file,
                                           std::uintmax_t max_bytes, const std::string& what,
                                           DiagnosticSink& sink);

/// Drops a UTF-8 byte-order mark and checks that the rest is UTF-8 text; records a
/// diagnostic and returns nothing if it is not (UTF-16, GBK, ...). `what` names the
/// kind of file in the hint.
std::optional<std::string_view> checked_utf8(std::string_view text, const std::string& what,
                                             DiagnosticSink& sink);

/// Parses JSON text, recording a diagnostic (with the JSON pointer and line/column) for a
/// syntax error, a repeated key or nesting deeper than `max_nesting`. Returns nothing if the
/// text is empty or not valid JSON; repeated keys are recorded but the document is returned.
std::optional<nlohmann::json> parse_json_text(std::string_view text, int max_nesting,
                                              DiagnosticSink& sink);

}  // namespace hallsim::layout::detail
