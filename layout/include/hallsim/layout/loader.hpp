#pragma once
/// \file
/// Reading floor plans from JSON files (format: docs/floorplan-format.md).

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "hallsim/layout/plan.hpp"

namespace hallsim::layout {

/// Largest plan file the loader reads (20 MiB); a real hall's plan is a few hundred kilobytes.
inline constexpr std::uintmax_t kMaxPlanFileBytes = std::uintmax_t{20} * 1024 * 1024;
/// Deepest nesting of arrays and objects the loader accepts (a plan needs 5).
inline constexpr int kMaxPlanNesting = 32;

/// Settings of the loader.
struct LoadOptions {
  std::uintmax_t max_file_bytes = kMaxPlanFileBytes;
};

/// Reads, validates (JSON Schema, then meaning) and builds the plan in `file`.
/// Throws InputError listing every problem found, each with the file and a JSON pointer.
Plan load_plan(const std::filesystem::path& file, const LoadOptions& options = {});

/// Same as load_plan for JSON text already in memory; `file` is only used in messages.
Plan parse_plan(std::string_view json_text, const std::string& file = "<plan>");

/// The JSON Schema of the format (docs/floorplan.schema.json, embedded at build time).
std::string_view floorplan_schema();

}  // namespace hallsim::layout
