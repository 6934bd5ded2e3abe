#include <array>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <utility>

#include "compliance_rules.hpp"

namespace hallsim::layout::detail {

std::string format_number(double value, int decimals) {
  // Round first so that -0.001 does not print as "-0".
  const double scale = std::pow(10.0, decimals);
  double rounded = std::round(value * scale) / scale;
  if (rounded == 0.0) {
    rounded = 0.0;
  }
  std::array<char, 64> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.*f", decimals, rounded);
  std::string text(buffer.data());
  if (text.find('.') != std::string::npos) {
    while (text.back() == '0') {
      text.pop_back();
    }
    if (text.back() == '.') {
      text.pop_back();
    }
  }
  return text;
}

std::string metres(double value) {
  return format_number(value) + " m";
}

std::string square_metres(double value) {
  return format_number(value, 1) + " m²";
}

Evidence note_of(std::string element, std::string subject, std::string measured,
                 std::string required, Outcome outcome) {
  Evidence e;
  e.element = std::move(element);
  e.subject = std::move(subject);
  e.measured = std::move(measured);
  e.required = std::move(required);
  e.outcome = outcome;
  return e;
}

Evidence measure_of(std::string element, std::string subject, double value, std::string unit,
                    std::string measured, std::string required, Outcome outcome) {
  Evidence e = note_of(std::move(element), std::move(subject), std::move(measured),
                       std::move(required), outcome);
  e.value = value;
  e.unit = std::move(unit);
  return e;
}

Evidence count_of(std::string element, std::string subject, int count, int minimum) {
  return measure_of(std::move(element), std::move(subject), count, "count", std::to_string(count),
                    "at least " + std::to_string(minimum), met_if(count >= minimum));
}

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) {
      out += separator;
    }
    out += items[i];
  }
  return out;
}

int amenity_count(const Plan& plan, AmenityKind kind) {
  int total = 0;
  for (const Amenity& a : plan.amenities()) {
    if (a.kind == kind) {
      total += a.count;
    }
  }
  return total;
}

std::vector<const Amenity*> amenities_of(const Plan& plan, AmenityKind kind) {
  return select(plan.amenities(), [kind](const Amenity& a) { return a.kind == kind; });
}

std::vector<const Zone*> zones_of(const Plan& plan, ZoneKind kind) {
  return select(plan.zones(), [kind](const Zone& z) { return z.kind == kind; });
}

std::vector<const Sign*> signs_of(const Plan& plan, SignKind kind) {
  return select(plan.signs(), [kind](const Sign& s) { return s.kind == kind; });
}

std::vector<const Desk*> desks_of(const Plan& plan, DeskKind kind) {
  return select(plan.desks(), [kind](const Desk& d) { return d.kind == kind; });
}

Point footprint_centre(const Polygon& footprint) {
  return centroid(footprint);
}

std::string View::describe() const {
  std::string text = metres(distance);
  if (!in_sight) {
    return text + ", hidden by a wall or column";
  }
  if (!facing) {
    return text + ", in sight but turned away";
  }
  if (!within) {
    return text + ", in sight but beyond " + metres(limit);
  }
  return text + ", in sight";
}

View view_of(const SightLines& sight, const Point& viewer, const Point& target,
             const std::optional<Point>& facing, double max_distance) {
  View v;
  v.distance = (target - viewer).norm();
  v.in_sight = sight.clear(viewer, target);
  v.facing = !facing || faces(target, *facing, viewer);
  v.within = v.distance <= max_distance;
  v.limit = max_distance;
  return v;
}

std::pair<const Target*, View> best_view(const SightLines& sight, const Point& viewer,
                                         const std::vector<Target>& targets, double max_distance) {
  assert(!targets.empty());
  const Target* best = nullptr;
  View best_view;
  for (const Target& t : targets) {
    const View v = view_of(sight, viewer, t.position, t.facing, max_distance);
    const bool better = best == nullptr || (v.seen() && !best_view.seen()) ||
                        (v.seen() == best_view.seen() && v.distance < best_view.distance);
    if (better) {
      best = &t;
      best_view = v;
    }
  }
  return {best, best_view};
}

Occupancy occupancy(const RuleContext& context) {
  if (context.supplementary != nullptr && context.supplementary->occupants) {
    return {*context.supplementary->occupants, context.supplementary->occupants_basis};
  }
  const Plan& plan = context.plan;
  const int counters = static_cast<int>(plan.counters().size());
  const int kiosks = static_cast<int>(plan.kiosks().size());
  const int guides = static_cast<int>(desks_of(plan, DeskKind::guidance).size());
  const int persons = plan.seat_count() + 2 * counters + kiosks + 2 * guides;
  return {static_cast<double>(persons),
          "plan estimate: " + std::to_string(plan.seat_count()) + " seats + 2 × " +
              std::to_string(counters) + " windows + " + std::to_string(kiosks) + " kiosks + 2 × " +
              std::to_string(guides) + " guidance desks"};
}

}  // namespace hallsim::layout::detail
