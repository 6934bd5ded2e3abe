#pragma once
// The scenario loader's pieces: JSON -> sim::Scenario, the meaning checks the JSON Schema
// cannot express, and small helpers shared by the scenario files.

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/layout/scenario_loader.hpp"
#include "hallsim/sim/scenario.hpp"

namespace hallsim::layout::detail {

/// Builds the scenario from a document that passed the schema, recording on `sink` what only
/// the document shows (parameters a distribution kind does not take, a day entry in the wrong
/// place, both rate forms given, ...). `first_day` receives the file's "first_day", if any.
sim::Scenario convert_scenario(const nlohmann::json& doc, std::optional<sim::Weekday>& first_day,
                               std::string& description, DiagnosticSink& sink);

/// The meaning checks of a converted scenario (ids, references, clock order, rates while the
/// hall is closed, ...), each recorded under the pointer of the offending value.
void check_scenario(const sim::Scenario& scenario, DiagnosticSink& sink);

/// "HH:MM" (or "HH:MM:SS" when there are seconds) of a clock time in seconds.
std::string clock_text(double seconds);

/// The diagnostics recorded on `sink` so far.
std::vector<Diagnostic> diagnostics_of(const DiagnosticSink& sink);

/// " (did you mean "x"?)" when one of `names` is a near miss of `wrong`, else "".
std::string did_you_mean(const std::string& wrong, const std::vector<std::string>& names);

/// The pointer of item `index` of the list at `base`: base + "/" + index.
std::string at(const std::string& base, std::size_t index);

/// The names joined by ", ".
std::string joined(const std::vector<std::string>& names);

}  // namespace hallsim::layout::detail
