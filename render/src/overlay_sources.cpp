#include "hallsim/render/overlay_sources.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "names.hpp"
#include "painter.hpp"

namespace hallsim::render {

std::optional<layout::Point> element_position(const layout::Plan& plan, const std::string& id) {
  const auto ref = plan.find(id);
  if (!ref) {
    return std::nullopt;
  }
  const layout::PlanData& d = plan.data();
  const std::size_t i = ref->index;
  switch (ref->type) {
    case layout::ElementType::wall: {
      const auto& points = d.walls[i].points;
      return (points.front() + points[1]) / 2.0;
    }
    case layout::ElementType::zone:
      return detail::label_point(d.zones[i].polygon);
    case layout::ElementType::opening:
      return d.openings[i].position;
    case layout::ElementType::level_change:
      return (d.level_changes[i].line.a + d.level_changes[i].line.b) / 2.0;
    case layout::ElementType::counter:
      return layout::centroid(d.counters[i].footprint);
    case layout::ElementType::kiosk:
      return layout::centroid(d.kiosks[i].footprint);
    case layout::ElementType::seat_row:
      return layout::centroid(d.seat_rows[i].footprint);
    case layout::ElementType::desk:
      return layout::centroid(d.desks[i].footprint);
    case layout::ElementType::sign:
      return d.signs[i].position;
    case layout::ElementType::amenity:
      return d.amenities[i].position;
    case layout::ElementType::obstacle:
      return layout::centroid(d.obstacles[i].footprint);
    case layout::ElementType::camera:
      return d.cameras[i].position;
  }
  return std::nullopt;
}

namespace {

// The ids an evidence line names: its element field may list several ("c1, c2", "a+b").
std::vector<std::string> element_ids(const std::string& element) {
  std::vector<std::string> ids;
  std::string current;
  for (const char c : element) {
    if (c == ',' || c == '+' || c == ';' || c == ' ') {
      if (!current.empty()) {
        ids.push_back(current);
      }
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  if (!current.empty()) {
    ids.push_back(current);
  }
  return ids;
}

void add_unique(std::vector<std::string>& list, const std::string& item) {
  if (std::find(list.begin(), list.end(), item) == list.end()) {
    list.push_back(item);
  }
}

}  // namespace

CheckOverlay check_overlay(const layout::Plan& plan, const layout::ComplianceReport& report) {
  struct Place {
    std::string element;
    layout::Point where;
    std::vector<std::string> clauses;
    bool any_failure = false;
  };
  std::vector<Place> places;  // in the order the report first names them
  CheckOverlay overlay;
  for (const layout::ClauseResult& clause : report.clauses) {
    const bool failure = clause.status == layout::Status::fail;
    if (!failure && clause.status != layout::Status::warn) {
      continue;
    }
    bool marked = false;
    for (const layout::Evidence& evidence : clause.evidence) {
      if (evidence.outcome != layout::Outcome::not_met) {
        continue;
      }
      for (const std::string& id : element_ids(evidence.element)) {
        const auto where = element_position(plan, id);
        if (!where) {
          continue;
        }
        auto it = std::find_if(places.begin(), places.end(),
                               [&](const Place& p) { return p.element == id; });
        if (it == places.end()) {
          places.push_back({id, *where, {}, false});
          it = places.end() - 1;
        }
        add_unique(it->clauses, clause.id);
        it->any_failure = it->any_failure || failure;
        marked = true;
      }
    }
    if (!marked) {
      overlay.plan_wide.push_back({clause.id, layout::Point::Zero(), clause.title_zh, !failure});
    }
  }
  for (const Place& place : places) {
    std::string clauses;
    for (const std::string& id : place.clauses) {
      clauses = clauses.empty() ? id : detail::concat({clauses, ", ", id});
    }
    overlay.failures.push_back(
        {clauses, place.where, detail::concat({"(", place.element, ")"}), !place.any_failure});
  }
  return overlay;
}

EgressOverlay egress_overlay(const layout::NavGraph& graph, const layout::EgressReport& report) {
  std::vector<layout::Place> exits;
  for (const layout::Opening& opening : graph.plan().openings()) {
    if (opening.emergency_exit) {
      exits.push_back({opening.id, layout::PlaceKind::exit, opening.position, {opening.span}});
    }
  }
  EgressOverlay overlay;
  overlay.limit = report.farthest.limit;
  ScalarGrid& grid = overlay.distance;
  if (!exits.empty()) {
    const layout::DistanceField field = graph.distance_field(exits);
    grid.origin = field.origin();
    grid.cell = field.cell_size();
    grid.columns = field.columns();
    grid.rows = field.rows();
    grid.values.reserve(static_cast<std::size_t>(grid.columns) *
                        static_cast<std::size_t>(grid.rows));
    for (int r = 0; r < grid.rows; ++r) {
      for (int c = 0; c < grid.columns; ++c) {
        const double d = field.cell_value(c, r);
        grid.values.push_back(std::isfinite(d) ? d : std::numeric_limits<double>::quiet_NaN());
      }
    }
  }
  if (std::isfinite(report.farthest.distance) && !report.farthest.route.points.empty()) {
    overlay.worst = report.farthest.from;
    overlay.worst_route = report.farthest.route.points;
  }
  return overlay;
}

AccessOverlay access_overlay(const layout::AccessReport& report) {
  AccessOverlay overlay;
  for (const layout::AccessTarget& target : report.targets) {
    AccessRoute route;
    route.target = target.id;
    route.ok = target.reachable;
    route.path = target.route.points;
    if (!target.reachable && !target.blocks.empty()) {
      route.blocked_at = target.blocks.front().position;
      route.blocking_element = target.blocks.front().element_id;
    } else if (!target.reachable) {
      route.blocked_at = target.position;  // no way at all: mark the target itself
    }
    overlay.routes.push_back(std::move(route));
  }
  return overlay;
}

}  // namespace hallsim::render
