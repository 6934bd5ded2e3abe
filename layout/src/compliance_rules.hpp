#pragma once
// The plan checks of the compliance rules, one function per clause, grouped by chapter in
// compliance_<chapter>.cpp, and the helpers they share. The registry
// (compliance_registry.cpp) binds each function to its clause id, titles and levels.

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "compliance_geometry.hpp"
#include "hallsim/layout/compliance.hpp"

namespace hallsim::layout::detail {

// ---- helpers -----------------------------------------------------------------------------

/// `value` with at most `decimals` decimals, trailing zeros dropped: 1.50 -> "1.5".
std::string format_number(double value, int decimals = 2);
/// "4.2 m".
std::string metres(double value);
/// "45 m²".
std::string square_metres(double value);

/// Outcome::met if `ok`, else Outcome::not_met.
inline Outcome met_if(bool ok) {
  return ok ? Outcome::met : Outcome::not_met;
}

/// One piece of evidence without a number.
Evidence note_of(std::string element, std::string subject, std::string measured,
                 std::string required, Outcome outcome);
/// One piece of evidence with a number.
Evidence measure_of(std::string element, std::string subject, double value, std::string unit,
                    std::string measured, std::string required, Outcome outcome);
/// A count against "at least `minimum`".
Evidence count_of(std::string element, std::string subject, int count, int minimum);

/// "a, b, c".
std::string join(const std::vector<std::string>& items, const std::string& separator = ", ");
/// Ids of `items` (anything with an `id`), joined.
template <class T>
std::string ids_of(const std::vector<const T*>& items) {
  std::vector<std::string> ids;
  ids.reserve(items.size());
  for (const T* item : items) {
    ids.push_back(item->id);
  }
  return join(ids);
}

/// Elements of `items` for which `keep` holds, as pointers, in plan order.
template <class T, class Pred>
std::vector<const T*> select(const std::vector<T>& items, Pred keep) {
  std::vector<const T*> out;
  for (const T& item : items) {
    if (keep(item)) {
      out.push_back(&item);
    }
  }
  return out;
}

/// True if `list` holds `value`.
template <class T>
bool holds(const std::vector<T>& list, const T& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

/// Total `count` of the amenities of `kind`.
int amenity_count(const Plan& plan, AmenityKind kind);
/// Ids of the amenities of `kind`.
std::vector<const Amenity*> amenities_of(const Plan& plan, AmenityKind kind);
/// Zones of `kind`.
std::vector<const Zone*> zones_of(const Plan& plan, ZoneKind kind);
/// Signs of `kind`.
std::vector<const Sign*> signs_of(const Plan& plan, SignKind kind);
/// Desks of `kind`.
std::vector<const Desk*> desks_of(const Plan& plan, DeskKind kind);
/// Centre of a desk, counter or kiosk footprint.
Point footprint_centre(const Polygon& footprint);

/// What a viewer sees of one target.
struct View {
  double distance = 0.0;  ///< viewer to target, metres
  bool in_sight = false;  ///< nothing opaque in between
  bool facing = true;     ///< the target shows its face to the viewer (true if it has none)
  bool within = false;    ///< distance within the limit asked
  double limit = 0.0;     ///< the limit asked, metres
  /// All three hold.
  bool seen() const { return in_sight && facing && within; }
  /// "6.3 m, in sight" / "..., hidden by a wall or column" / "..., turned away" /
  /// "..., beyond 20 m".
  std::string describe() const;
};
/// How `viewer` sees a target at `target` (with face `facing` if it has one) within
/// `max_distance`.
View view_of(const SightLines& sight, const Point& viewer, const Point& target,
             const std::optional<Point>& facing, double max_distance);

/// Something a viewer may look at.
struct Target {
  std::string id;
  Point position = Point::Zero();
  std::optional<Point> facing;  ///< for signs and screens
};
/// The target seen best from `viewer`: the nearest one seen, else the nearest one.
/// `targets` must not be empty.
std::pair<const Target*, View> best_view(const SightLines& sight, const Point& viewer,
                                         const std::vector<Target>& targets, double max_distance);

/// Number of persons in the hall (the plan's estimate, or a supplied design load or peak) and
/// how it was obtained.
struct Occupancy {
  double persons = 0.0;
  std::string basis;  ///< how the number was obtained
};
Occupancy occupancy(const RuleContext& context);

// ---- 4 Construction ----------------------------------------------------------------------

RuleResult building_area(const RuleContext& context);                // 4.2.2
RuleResult guidance_and_warning_signs(const RuleContext& context);   // 4.3.1
RuleResult brand_sign(const RuleContext& context);                   // 4.3.2
RuleResult window_labels(const RuleContext& context);                // 4.3.3
RuleResult status_display(const RuleContext& context);               // 4.3.5
RuleResult hours_board(const RuleContext& context);                  // 4.3.6
RuleResult safety_signs(const RuleContext& context);                 // 4.3.7
RuleResult zone_map(const RuleContext& context);                     // 4.3.9
RuleResult outdoor_name_sign(const RuleContext& context);            // 4.3.10
RuleResult functional_zones(const RuleContext& context);             // 4.4.1.1
RuleResult mother_baby_room(const RuleContext& context);             // 4.4.1.2 a
RuleResult barrier_free(const RuleContext& context);                 // 4.4.1.2 b
RuleResult emergency_exits(const RuleContext& context);              // 4.4.1.2 c
RuleResult elder_friendly(const RuleContext& context);               // 4.4.1.2 d
RuleResult featured_zones(const RuleContext& context);               // 4.4.1.3
RuleResult unit_minimal_set(const RuleContext& context);             // 4.4.1.4
RuleResult guidance_at_entrance(const RuleContext& context);         // 4.4.2.1
RuleResult guidance_functions(const RuleContext& context);           // 4.4.2.2
RuleResult station_guidance(const RuleContext& context);             // 4.4.2.3
RuleResult general_windows(const RuleContext& context);              // 4.4.3 a
RuleResult window_equipment(const RuleContext& context);             // 4.4.3 c
RuleResult center_window_types(const RuleContext& context);          // 4.4.3 d
RuleResult disclosure_conspicuous(const RuleContext& context);       // 4.4.4 a
RuleResult disclosure_equipment(const RuleContext& context);         // 4.4.4 c
RuleResult self_service_kiosks(const RuleContext& context);          // 4.4.5 a
RuleResult kiosk_labels(const RuleContext& context);                 // 4.4.5 b
RuleResult high_frequency_self_service(const RuleContext& context);  // 4.4.5 d
RuleResult self_service_24h(const RuleContext& context);             // 4.4.5 e
RuleResult station_self_service(const RuleContext& context);         // 4.4.5 f
RuleResult rest_and_form_filling(const RuleContext& context);        // 4.4.6.1
RuleResult waiting_amenities(const RuleContext& context);            // 4.4.6.2

// ---- 5 Management, 6 Supervision ---------------------------------------------------------

RuleResult refined_services(const RuleContext& context);  // 5.4.5
RuleResult safety_equipment(const RuleContext& context);  // 5.7.2
RuleResult camera_coverage(const RuleContext& context);   // 6.1.2

}  // namespace hallsim::layout::detail
