#pragma once
// The meaning checks of a floor plan (everything the JSON Schema cannot say).

#include <string>

#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/layout/plan.hpp"

namespace hallsim::layout::detail {

/// Checks `data`, recording every problem in `sink` under the JSON pointer of the offending
/// value, and fills the derived fields (opening walls and spans, zones of signs and amenities,
/// unit facing vectors, step widths).
void check_plan(PlanData& data, DiagnosticSink& sink);

/// A number as messages print it: at most 2 decimals, no trailing zeros.
std::string format_number(double value);
/// A point as messages print it: "[x, y]".
std::string format_point(const Point& p);

}  // namespace hallsim::layout::detail
