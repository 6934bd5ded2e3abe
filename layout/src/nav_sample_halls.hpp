#pragma once
// Made-up halls of any size, for the navigation benchmarks and the tests that check them.

#include "hallsim/layout/plan.hpp"

namespace hallsim::layout::detail {

/// A square open-plan service centre of about `area` square metres (at least 400): an office
/// in the south-west corner, guidance desk and kiosks by the main entrance in the south wall,
/// blocks of waiting seats in the middle, a row of counters along the north wall, columns,
/// and emergency exits in the west and east walls.
PlanData sample_hall(double area);

}  // namespace hallsim::layout::detail
