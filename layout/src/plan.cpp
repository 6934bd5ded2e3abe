#include "hallsim/layout/plan.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <utility>

#include "enum_names.hpp"
#include "hallsim/layout/diagnostics.hpp"
#include "plan_checks.hpp"

namespace hallsim::layout {

Plan::Plan(PlanData data) : data_(std::move(data)) {
  const auto add = [this](const auto& items, ElementType type) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      ids_.emplace(items[i].id, ElementRef{type, i});
    }
  };
  add(data_.walls, ElementType::wall);
  add(data_.zones, ElementType::zone);
  add(data_.openings, ElementType::opening);
  add(data_.level_changes, ElementType::level_change);
  add(data_.counters, ElementType::counter);
  add(data_.kiosks, ElementType::kiosk);
  add(data_.seat_rows, ElementType::seat_row);
  add(data_.desks, ElementType::desk);
  add(data_.signs, ElementType::sign);
  add(data_.amenities, ElementType::amenity);
  add(data_.obstacles, ElementType::obstacle);
  add(data_.cameras, ElementType::camera);
}

Plan Plan::build(PlanData data, const std::string& file) {
  DiagnosticSink sink(file);
  detail::check_plan(data, sink);
  sink.throw_if_any();
  return Plan(std::move(data));
}

double Plan::building_area() const {
  return area(data_.outline);
}

int Plan::seat_count() const {
  int total = 0;
  for (const SeatRow& row : data_.seat_rows) {
    total += row.seats;
  }
  return total;
}

std::optional<ElementRef> Plan::find(const std::string& id) const {
  const auto it = ids_.find(id);
  if (it == ids_.end()) {
    return std::nullopt;
  }
  return it->second;
}

const Zone* Plan::find_zone(const std::string& id) const {
  const auto ref = find(id);
  if (!ref || ref->type != ElementType::zone) {
    return nullptr;
  }
  return &data_.zones[ref->index];
}

const Opening* Plan::find_opening(const std::string& id) const {
  const auto ref = find(id);
  if (!ref || ref->type != ElementType::opening) {
    return nullptr;
  }
  return &data_.openings[ref->index];
}

const Zone* Plan::zone_at(const Point& p) const {
  for (const Zone& zone : data_.zones) {
    if (contains(zone.polygon, p)) {
      return &zone;
    }
  }
  return nullptr;
}

const Opening& Plan::main_entrance() const {
  const auto it = std::find_if(data_.openings.begin(), data_.openings.end(),
                               [](const Opening& o) { return o.main_entrance(); });
  assert(it != data_.openings.end());  // Plan::build refuses a plan without one
  return *it;
}

const Attestation* Plan::attestation(const std::string& clause) const {
  for (const Attestation& a : data_.attestations) {
    if (a.clause == clause) {
      return &a;
    }
  }
  return nullptr;
}

const char* to_string(SiteLevel value) {
  return detail::name_of(detail::kSiteLevelNames, value);
}
const char* to_string(ZoneKind value) {
  return detail::name_of(detail::kZoneKindNames, value);
}
const char* to_string(FeaturedTheme value) {
  return detail::name_of(detail::kFeaturedThemeNames, value);
}
const char* to_string(OpeningCategory value) {
  return detail::name_of(detail::kOpeningCategoryNames, value);
}
const char* to_string(DoorType value) {
  return detail::name_of(detail::kDoorTypeNames, value);
}
const char* to_string(Swing value) {
  return detail::name_of(detail::kSwingNames, value);
}
const char* to_string(LevelChangeKind value) {
  return detail::name_of(detail::kLevelChangeKindNames, value);
}
const char* to_string(CounterType value) {
  return detail::name_of(detail::kCounterTypeNames, value);
}
const char* to_string(Equipment value) {
  return detail::name_of(detail::kEquipmentNames, value);
}
const char* to_string(DeskKind value) {
  return detail::name_of(detail::kDeskKindNames, value);
}
const char* to_string(SignKind value) {
  return detail::name_of(detail::kSignKindNames, value);
}
const char* to_string(AmenityKind value) {
  return detail::name_of(detail::kAmenityKindNames, value);
}
const char* to_string(ObstacleKind value) {
  return detail::name_of(detail::kObstacleKindNames, value);
}
const char* to_string(Weekday value) {
  return detail::name_of(detail::kWeekdayNames, value);
}
const char* to_string(FireResistanceGrade value) {
  return detail::name_of(detail::kFireResistanceGradeNames, value);
}

}  // namespace hallsim::layout
