// 4.2 Premises (场所).

#include "compliance_rules.hpp"

namespace hallsim::layout::detail {

namespace {

// Minimum hall areas of a provincial construction guide (which province is unconfirmed, see
// docs/compliance.md): shown beside the measured area, never decisive.
constexpr double kGuideCenterArea = 200.0;
constexpr double kGuideStationArea = 50.0;

}  // namespace

RuleResult building_area(const RuleContext& context) {
  const Plan& plan = context.plan;
  RuleResult r;
  const double area = plan.building_area();
  const int windows = static_cast<int>(plan.counters().size());
  const int seats = plan.seat_count();
  r.evidence.push_back(measure_of("", "building floor area inside the outline", area, "m²",
                                  square_metres(area), "sized to population and role",
                                  Outcome::info));
  r.evidence.push_back(measure_of("", "served population", plan.site().served_population, "count",
                                  std::to_string(plan.site().served_population), "",
                                  Outcome::info));
  if (windows > 0) {
    const double per_window = area / windows;
    r.evidence.push_back(
        measure_of("", "floor area per window", per_window, "m²",
                   square_metres(per_window) + " (" + std::to_string(windows) + " windows)",
                   "about 30 m² in a large center (one case study)", Outcome::info));
    const double seats_per_window = static_cast<double>(seats) / windows;
    r.evidence.push_back(
        measure_of("", "waiting seats per window", seats_per_window, "count",
                   format_number(seats_per_window) + " (" + std::to_string(seats) + " seats)",
                   "enough for the simulated peak of people waiting", Outcome::info));
  }
  const SiteLevel level = plan.site().level;
  if (level != SiteLevel::unit) {
    const double guide = level == SiteLevel::center ? kGuideCenterArea : kGuideStationArea;
    r.evidence.push_back(
        measure_of("", "area against a provincial construction guide (unconfirmed figure)", area,
                   "m²", square_metres(area) + (area >= guide ? " (not below it)" : " (below it)"),
                   "≥ " + format_number(guide) + " m²", Outcome::info));
  }
  r.note =
      "The standard sets no figure: the area is judged against the served population and "
      "the simulated demand.";
  return r;
}

}  // namespace hallsim::layout::detail
