#include "hallsim/layout/egress.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "nav_field.hpp"
#include "nav_flow.hpp"
#include "nav_grid.hpp"

namespace hallsim::layout {

namespace {

using detail::CellIndex;
using detail::kNoCell;
using detail::kUnreached;
using detail::NavGrid;

constexpr double kSlack = 1e-9;
// Free widths are found by bisection to 1e-7 m: a passage drawn 1.10 m wide reads 1.0999999.
constexpr double kWidthSlack = 1e-6;
constexpr const char* kZonesClause = "4.4.1.2";  // the standard: emergency facilities
constexpr const char* kSafetyClause = "5.7.1";   // the standard: safety equipment and drills
constexpr const char* kCountClause = "GB 50016-2014 5.5.8";
constexpr const char* kRoomDoorsClause = "GB 50016-2014 5.5.15";
constexpr const char* kDistanceClause = "GB 50016-2014 5.5.17";
constexpr const char* kWidthClause = "GB 50016-2014 5.5.18";
constexpr const char* kCapacityClause = "GB 50016-2014 5.5.21";
constexpr const char* kDoorClause = "GB 50016-2014 6.4.11";
constexpr const char* kOutside = "outside";

std::string fmt(double v, int digits = 1) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(digits);
  s << v;
  return s.str();
}

std::string at(const Point& p) {
  return "(" + fmt(p.x(), 2) + ", " + fmt(p.y(), 2) + ")";
}

Place exit_place(const Opening& o) {
  return Place{o.id, PlaceKind::exit, o.position, {o.span}};
}

class EgressCheck {
 public:
  EgressCheck(const NavGraph& graph, const EgressSettings& settings)
      : g_(graph.grid()), s_(settings), plan_(graph.plan()), flow_(g_, s_) {}

  EgressReport run() {
    factor_ = plan_.site().sprinklers ? s_.sprinkler_factor : 1.0;
    r_.building_area = plan_.building_area();
    r_.width_per_100 = width_per_100_persons(plan_.site().fire_resistance_grade);
    make_exit_fields();
    assign_loads();
    check_exits();
    const std::vector<bool> all(exits_.size(), true);
    const detail::Nearest nearest = flow_.nearest(all);
    r_.farthest = farthest(nearest, s_.open_hall_limit * factor_, kDistanceClause, nullptr);
    r_.time = flow_.time(nearest, all);
    check_catchments();
    check_rooms(nearest);
    check_route_widths();
    check_doors(nearest);
    check_cut_off(nearest);
    check_blocked(nearest);
    return std::move(r_);
  }

 private:
  void make_exit_fields() {
    const auto& openings = plan_.openings();
    for (std::size_t o = 0; o < openings.size(); ++o) {
      if (!openings[o].emergency_exit) {
        continue;
      }
      int doorway = -1;
      for (std::size_t d = 0; d < g_.doorways.size(); ++d) {
        if (g_.doorways[d].opening == o) {
          doorway = static_cast<int>(d);
        }
      }
      flow_.add_exit(o, doorway, detail::anchors(g_, exit_place(openings[o]), g_.walkable));
      exits_.push_back(o);
    }
  }

  void assign_loads() {
    // Each walkable cell belongs to the first zone (in file order) that holds its centre.
    const auto n = static_cast<std::size_t>(g_.cell_count());
    zone_of_.assign(n, -1);
    const auto& zones = plan_.zones();
    std::vector<std::vector<CellIndex>> cells(zones.size());
    for (std::size_t z = 0; z < zones.size(); ++z) {
      const Box box = bounding_box(zones[z].polygon);
      for (const CellIndex c : g_.cell_of_vertex) {
        if (zone_of_[c] >= 0 || !box.contains(g_.centre(c))) {
          continue;
        }
        if (contains(zones[z].polygon, g_.centre(c))) {
          zone_of_[c] = static_cast<int>(z);
          cells[z].push_back(c);
        }
      }
    }
    std::vector<double> load(n, 0.0);
    double total = 0.0;
    for (std::size_t z = 0; z < zones.size(); ++z) {
      ZoneLoad zl;
      zl.zone_id = zones[z].id;
      zl.area = area(zones[z].polygon);
      zl.density = design_density(zones[z].kind);
      for (const SeatRow& row : plan_.seat_rows()) {
        if (row.zone == zones[z].id) {
          zl.seats += row.seats;
        }
      }
      zl.persons = std::max(zl.area * zl.density, static_cast<double>(zl.seats));
      if (zl.persons > 0.0 && cells[z].empty()) {
        // A zone with no walkable floor of its own: its people stand on the nearest cell.
        const Point c = centroid(zones[z].polygon);
        CellIndex best = kNoCell;
        for (const CellIndex v : g_.cell_of_vertex) {
          if (best == kNoCell || (g_.centre(v) - c).norm() < (g_.centre(best) - c).norm()) {
            best = v;
          }
        }
        if (best != kNoCell) {
          cells[z].push_back(best);
        }
      }
      total += zl.persons;
      r_.loads.push_back(zl);
      if (zl.persons <= 0.0) {
        continue;
      }
      for (const CellIndex c : cells[z]) {
        load[c] += zl.persons / static_cast<double>(cells[z].size());
      }
    }
    r_.occupants = total;
    if (s_.occupants) {
      r_.occupants_given = true;
      r_.occupants = *s_.occupants;
      if (total > 0.0) {
        for (double& l : load) {
          l *= *s_.occupants / total;
        }
        for (ZoneLoad& zl : r_.loads) {
          zl.persons *= *s_.occupants / total;
        }
      } else if (!g_.cell_of_vertex.empty()) {
        for (const CellIndex c : g_.cell_of_vertex) {
          load[c] = *s_.occupants / static_cast<double>(g_.cell_of_vertex.size());
        }
      }
    }
    flow_.set_load(std::move(load));
    zone_cells_ = std::move(cells);
  }

  NavFinding finding(const std::string& check, const char* clause, Severity severity) const {
    NavFinding f;
    f.check = check;
    f.clause = clause;
    f.standard_clauses = {kZonesClause, kSafetyClause};
    f.severity = severity;
    return f;
  }

  void check_exits() {
    const auto& openings = plan_.openings();
    const double persons = std::ceil(r_.occupants - 1e-6);
    std::size_t usable_count = 0;
    for (std::size_t k = 0; k < exits_.size(); ++k) {
      const Opening& o = openings[exits_[k]];
      ExitResult e;
      e.id = o.id;
      e.position = o.position;
      e.clear_width = o.width;
      e.effective_width = std::max(0.0, o.width - 2.0 * s_.boundary_layer);
      e.capacity = e.effective_width * s_.max_specific_flow;
      e.usable = flow_.exit_usable(k);
      if (e.usable) {
        ++usable_count;
      }
      r_.total_exit_width += o.width;
      r_.exits.push_back(e);
      if (!e.usable) {
        NavFinding f = finding("exit_usable", kDistanceClause, Severity::failure);
        f.element_id = o.id;
        f.position = o.position;
        f.message = "exit " + o.id + " at " + at(o.position) +
                    " cannot be reached: no walkable floor within reach of it; clear the floor "
                    "in front of it";
        r_.findings.push_back(std::move(f));
      }
      if (o.width < s_.exit_min_width - kSlack) {
        NavFinding f = finding("exit_width", kWidthClause, Severity::failure);
        f.element_id = o.id;
        f.position = o.position;
        f.measured = o.width;
        f.required = s_.exit_min_width;
        f.unit = "m";
        f.message = "exit " + o.id + " is " + fmt(o.width, 2) + " m clear, less than " +
                    fmt(s_.exit_min_width, 2) + " m; widen its clear opening";
        r_.findings.push_back(std::move(f));
      }
    }
    const bool one_allowed = r_.building_area <= s_.single_exit_max_area + kSlack &&
                             persons <= s_.single_exit_max_persons + kSlack;
    const std::size_t needed = one_allowed ? 1 : 2;
    if (usable_count < needed) {
      NavFinding f = finding("exit_count", kCountClause, Severity::failure);
      f.measured = static_cast<double>(usable_count);
      f.required = static_cast<double>(needed);
      f.unit = "exits";
      f.message =
          "the floor has " + std::to_string(usable_count) + " usable emergency exit" +
          (usable_count == 1 ? "" : "s") + " for " + fmt(r_.building_area, 0) + " m² and " +
          fmt(persons, 0) + " persons; " +
          (one_allowed ? "add an emergency exit"
                       : "one exit is allowed only up to " + fmt(s_.single_exit_max_area, 0) +
                             " m² and " + fmt(s_.single_exit_max_persons, 0) +
                             " persons; add a second exit away from the first");
      r_.findings.push_back(std::move(f));
    }
    r_.required_exit_width = persons * r_.width_per_100 / 100.0;
    if (r_.total_exit_width < r_.required_exit_width - kSlack) {
      NavFinding f = finding("exit_capacity", kCapacityClause, Severity::failure);
      f.measured = r_.total_exit_width;
      f.required = r_.required_exit_width;
      f.unit = "m";
      std::string ids;
      for (const ExitResult& e : r_.exits) {
        ids += (ids.empty() ? "" : ", ") + e.id;
      }
      f.element_id = ids;
      f.message = "the exits (" + ids + ") are " + fmt(r_.total_exit_width, 2) +
                  " m wide in all; " + fmt(persons, 0) + " persons need " +
                  fmt(r_.required_exit_width, 2) + " m at " + fmt(r_.width_per_100, 2) +
                  " m per 100; widen the exits or add one";
      r_.findings.push_back(std::move(f));
    }
  }

  // Each exit against the people for whom it is the nearest: the code's rule is on the total
  // (checked in check_exits), so a lopsided share is a warning.
  void check_catchments() {
    for (ExitResult& e : r_.exits) {
      for (const ComponentFlow& c : r_.time.components) {
        if (c.exit && c.id == e.id) {
          e.persons = c.persons;
        }
      }
      e.width_for_persons = std::ceil(e.persons - 1e-6) * r_.width_per_100 / 100.0;
      if (e.clear_width >= e.width_for_persons - kSlack) {
        continue;
      }
      NavFinding f = finding("exit_share", kCapacityClause, Severity::warning);
      f.element_id = e.id;
      f.position = e.position;
      f.measured = e.clear_width;
      f.required = e.width_for_persons;
      f.unit = "m";
      // Appended piece by piece: GCC 12 warns wrongly (-Wrestrict) on a chain of + here.
      f.message = "exit " + e.id;
      f.message += " is the nearest for " + fmt(std::ceil(e.persons - 1e-6), 0) +
                   " persons, who need " + fmt(e.width_for_persons, 2) + " m; it is " +
                   fmt(e.clear_width, 2) + " m: widen it or move an exit nearer to them";
      r_.findings.push_back(std::move(f));
    }
  }

  // The longest walk to the nearest active exit over `cells` (all walkable cells if null).
  Travel farthest(const detail::Nearest& nearest, double limit, const char* clause,
                  const std::vector<CellIndex>* cells) const {
    Travel t;
    t.limit = limit;
    t.clause = clause;
    CellIndex worst = kNoCell;
    const auto consider = [&](CellIndex c) {
      if (nearest.exit[c] < 0) {
        return;
      }
      if (worst == kNoCell || nearest.distance[c] > nearest.distance[worst]) {
        worst = c;
      }
    };
    if (cells != nullptr) {
      for (const CellIndex c : *cells) {
        consider(c);
      }
    } else {
      for (const CellIndex c : g_.cell_of_vertex) {
        consider(c);
      }
    }
    if (worst == kNoCell) {
      t.distance = kUnreached;
      return t;
    }
    t.from = g_.centre(worst);
    t.distance = nearest.distance[worst];
    const int e = nearest.exit[worst];
    t.exit_id = plan_.openings()[exits_[e]].id;
    t.route = Route{detail::route_from_cell(g_, flow_.field(e), worst)};
    return t;
  }

  std::string room_name(const detail::Room& room) const {
    std::map<int, int> tally;
    for (const CellIndex c : room.cells) {
      if (zone_of_[c] >= 0) {
        ++tally[zone_of_[c]];
      }
    }
    int best = -1;
    int count = 0;
    for (const auto& [z, n] : tally) {
      if (n > count) {
        best = z;
        count = n;
      }
    }
    return best < 0 ? std::string() : plan_.zones()[best].id;
  }

  // Length over which the route from a door to exit e1 is also a shortest way to exit e2.
  double shared_length(const std::vector<Point>& route, int e1, double d1, int e2,
                       double d2) const {
    const detail::Field& f1 = flow_.field(e1);
    const detail::Field& f2 = flow_.field(e2);
    double shared = 0.0;
    bool parted = false;
    detail::cells_along(g_, route, [&](CellIndex c) {
      if (parted || f1.g[c] == kUnreached || f2.g[c] == kUnreached) {
        return;
      }
      const double walked = std::max(0.0, d1 - f1.g[c]);
      if (walked + f2.g[c] - d2 > s_.dead_end_tolerance) {
        parted = true;
        return;
      }
      shared = std::max(shared, walked);
    });
    return shared;
  }

  void check_rooms(const detail::Nearest& nearest) {
    const auto& openings = plan_.openings();
    room_persons_.assign(g_.rooms.size(), 0.0);
    for (std::size_t r = 0; r < g_.rooms.size(); ++r) {
      const detail::Room& room = g_.rooms[r];
      RoomResult rr;
      rr.zone_id = room_name(room);
      rr.floor_area = room.floor_area;
      for (const CellIndex c : room.cells) {
        rr.persons += flow_.load()[c];
      }
      room_persons_[r] = rr.persons;
      std::vector<int> doors;
      for (const int d : room.doorways) {
        const detail::Doorway& dw = g_.doorways[d];
        const Opening& o = openings[dw.opening];
        const int other = dw.room_minus == static_cast<int>(r) ? dw.room_plus : dw.room_minus;
        if (dw.exterior) {
          if (o.emergency_exit) {
            rr.exits.push_back(o.id);
          }
        } else if (other >= 0 && other != static_cast<int>(r)) {
          rr.doors.push_back(o.id);
          doors.push_back(d);
        }
      }
      if (rr.exits.empty() && doors.empty()) {
        continue;  // a pocket: see check_cut_off
      }
      const std::string name = rr.zone_id.empty()
                                   ? "the room at " + at(g_.centre(room.cells.front()))
                                   : "room " + rr.zone_id;
      if (!rr.exits.empty()) {
        const bool two = rr.exits.size() >= 2;
        const double limit = (two ? s_.open_hall_limit : s_.dead_end_limit) * factor_;
        rr.farthest = farthest(nearest, limit, kDistanceClause, &room.cells);
        if (rr.farthest.distance > limit + kSlack && rr.farthest.distance < kUnreached) {
          NavFinding f = finding("travel_distance", kDistanceClause, Severity::failure);
          f.element_id = rr.farthest.exit_id;
          f.target_id = rr.zone_id;
          f.position = rr.farthest.from;
          f.measured = rr.farthest.distance;
          f.required = limit;
          f.unit = "m";
          f.route = rr.farthest.route.points;
          f.message = "in " + name + " the point " + at(f.position) + " is " +
                      fmt(rr.farthest.distance) + " m from the nearest exit (" +
                      rr.farthest.exit_id + "); the limit with " +
                      (two ? "two or more exits" : "one exit") + " is " + fmt(limit) +
                      " m; add an exit nearer to it or move the far end closer";
          r_.findings.push_back(std::move(f));
        }
      } else {
        check_enclosed_room(room, doors, name, rr);
      }
      check_room_doors(rr, doors, name);
      r_.rooms.push_back(std::move(rr));
    }
  }

  void check_enclosed_room(const detail::Room& room, const std::vector<int>& doors,
                           const std::string& name, RoomResult& rr) {
    const auto& openings = plan_.openings();
    // Any point of the room to its nearest door (GB 50016 5.5.17-3).
    std::vector<std::uint8_t> mask(g_.walkable.size(), 0);
    for (const CellIndex c : room.cells) {
      mask[c] = 1;
    }
    std::vector<detail::FieldSource> sources;
    std::vector<std::size_t> door_of_source;
    for (const int d : doors) {
      for (const CellIndex c : g_.doorways[d].cells) {
        mask[c] = 1;
      }
    }
    for (const int d : doors) {
      const Opening& o = openings[g_.doorways[d].opening];
      for (const auto& a : detail::anchors(g_, exit_place(o), mask)) {
        sources.push_back(a);
        door_of_source.push_back(g_.doorways[d].opening);
      }
    }
    const detail::Field inside = detail::any_angle_field(g_, sources, mask);
    const double room_limit = s_.dead_end_limit * factor_;
    rr.farthest.limit = room_limit;
    rr.farthest.clause = kDistanceClause;
    CellIndex worst = kNoCell;
    for (const CellIndex c : room.cells) {
      if (inside.g[c] < kUnreached && (worst == kNoCell || inside.g[c] > inside.g[worst])) {
        worst = c;
      }
    }
    if (worst != kNoCell) {
      rr.farthest.from = g_.centre(worst);
      rr.farthest.distance = inside.g[worst];
      rr.farthest.route = Route{detail::route_from_cell(g_, inside, worst)};
      CellIndex root = worst;
      while (inside.parent[root] != root) {
        root = inside.parent[root];
      }
      rr.farthest.exit_id = openings[door_of_source[inside.origin[root]]].id;
      if (rr.farthest.distance > room_limit + kSlack) {
        NavFinding f = finding("room_travel_distance", kDistanceClause, Severity::failure);
        f.element_id = rr.farthest.exit_id;
        f.target_id = rr.zone_id;
        f.position = rr.farthest.from;
        f.measured = rr.farthest.distance;
        f.required = room_limit;
        f.unit = "m";
        f.route = rr.farthest.route.points;
        f.message = "in " + name + " the point " + at(f.position) + " is " +
                    fmt(rr.farthest.distance) + " m from the room's nearest door (" +
                    rr.farthest.exit_id + "); the limit is " + fmt(room_limit) +
                    " m; add a door nearer to it";
        r_.findings.push_back(std::move(f));
      }
    }
    // Each door to the nearest exit: 40 m between two exits, 22 m on a dead end.
    for (const int d : doors) {
      const Opening& o = openings[g_.doorways[d].opening];
      const Point mid = 0.5 * (o.span.a + o.span.b);
      const auto start = detail::anchors(g_, Place{o.id, PlaceKind::point, mid, {}}, g_.walkable);
      std::vector<double> to(exits_.size(), kUnreached);
      std::vector<std::size_t> via(exits_.size(), 0);
      int e1 = -1;
      for (std::size_t e = 0; e < exits_.size(); ++e) {
        to[e] = detail::distance_via(flow_.field(static_cast<int>(e)), start, &via[e]);
        if (to[e] < kUnreached && (e1 < 0 || to[e] < to[e1])) {
          e1 = static_cast<int>(e);
        }
      }
      if (e1 < 0) {
        continue;  // no way out: check_cut_off reports it
      }
      RoomResult::Door door;
      door.id = o.id;
      door.to_exit = to[e1];
      door.exit_id = openings[exits_[e1]].id;
      std::vector<Point> route{mid};
      for (const Point& p : detail::route_from_cell(g_, flow_.field(e1), start[via[e1]].cell)) {
        route.push_back(p);
      }
      door.route = Route{detail::simplify(route)};
      door.dead_end_length = door.to_exit;
      for (std::size_t e = 0; e < exits_.size(); ++e) {
        if (static_cast<int>(e) == e1 || to[e] == kUnreached) {
          continue;
        }
        door.dead_end_length =
            std::min(door.dead_end_length,
                     shared_length(door.route.points, e1, to[e1], static_cast<int>(e), to[e]));
      }
      door.dead_end = door.dead_end_length > s_.dead_end_min + kSlack;
      door.limit = (door.dead_end ? s_.dead_end_limit : s_.between_exits_limit) * factor_;
      if (door.to_exit > door.limit + kSlack) {
        NavFinding f = finding("door_travel_distance", kDistanceClause, Severity::failure);
        f.element_id = o.id;
        f.target_id = door.exit_id;
        f.position = mid;
        f.measured = door.to_exit;
        f.required = door.limit;
        f.unit = "m";
        f.route = door.route.points;
        f.message = "door " + o.id + " of " + name + " is " + fmt(door.to_exit) +
                    " m from the nearest exit (" + door.exit_id + "); " +
                    (door.dead_end ? "its ways out run together for " + fmt(door.dead_end_length) +
                                         " m (a dead end), where the limit is "
                                   : "between two exits the limit is ") +
                    fmt(door.limit) + " m; add an exit nearer to it" +
                    (door.dead_end ? " or open the dead end to a second exit" : "");
        r_.findings.push_back(std::move(f));
      }
      rr.door_routes.push_back(std::move(door));
    }
  }

  void check_room_doors(const RoomResult& rr, const std::vector<int>& doors,
                        const std::string& name) {
    if (!rr.exits.empty() || doors.empty()) {
      return;
    }
    const auto& openings = plan_.openings();
    if (doors.size() < 2 && rr.floor_area > s_.single_door_room_max_area + kSlack) {
      NavFinding f = finding("room_doors", kRoomDoorsClause, Severity::failure);
      f.element_id = openings[g_.doorways[doors.front()].opening].id;
      f.target_id = rr.zone_id;
      f.position = openings[g_.doorways[doors.front()].opening].position;
      f.measured = rr.floor_area;
      f.required = s_.single_door_room_max_area;
      f.unit = "m²";
      f.message = name + " has " + fmt(rr.floor_area, 0) + " m² of floor and one door; above " +
                  fmt(s_.single_door_room_max_area, 0) + " m² a room needs two; add a second door";
      r_.findings.push_back(std::move(f));
    }
    double width = 0.0;
    for (const int d : doors) {
      width += openings[g_.doorways[d].opening].width;
    }
    const double need = std::ceil(rr.persons - 1e-6) * r_.width_per_100 / 100.0;
    if (width < need - kSlack) {
      NavFinding f = finding("room_door_capacity", kCapacityClause, Severity::failure);
      f.element_id = openings[g_.doorways[doors.front()].opening].id;
      f.target_id = rr.zone_id;
      f.position = openings[g_.doorways[doors.front()].opening].position;
      f.measured = width;
      f.required = need;
      f.unit = "m";
      f.message = "the doors of " + name + " are " + fmt(width, 2) + " m wide in all; its " +
                  fmt(std::ceil(rr.persons - 1e-6), 0) + " persons need " + fmt(need, 2) +
                  " m; widen them";
      r_.findings.push_back(std::move(f));
    }
    for (const int d : doors) {
      const Opening& o = openings[g_.doorways[d].opening];
      if (o.width >= s_.exit_min_width - kSlack) {
        continue;
      }
      NavFinding f = finding("door_width", kWidthClause, Severity::failure);
      f.element_id = o.id;
      f.target_id = rr.zone_id;
      f.position = o.position;
      f.measured = o.width;
      f.required = s_.exit_min_width;
      f.unit = "m";
      f.message = "door " + o.id + ", the way out of " + name + ", is " + fmt(o.width, 2) +
                  " m clear, less than " + fmt(s_.exit_min_width, 2) + " m; widen it";
      r_.findings.push_back(std::move(f));
    }
  }

  // Floor with no way to any exit, and counter staff places among it.
  void check_cut_off(const detail::Nearest& nearest) {
    const auto n = static_cast<std::size_t>(g_.cell_count());
    std::vector<std::uint8_t> seen(n, 0);
    std::vector<std::uint8_t> staff(n, 0);
    std::vector<std::string> staff_of(n);
    for (const Counter& c : plan_.counters()) {
      const auto near =
          detail::anchors(g_, Place{c.id, PlaceKind::point, c.staff_side, {}}, g_.walkable);
      bool out = false;
      for (const auto& a : near) {
        out = out || nearest.exit[a.cell] >= 0;
        staff[a.cell] = 1;
        staff_of[a.cell] = c.id;
      }
      if (out) {
        continue;
      }
      NavFinding f = finding("no_way_out", kDistanceClause, Severity::failure);
      f.element_id = c.id;
      f.position = c.staff_side;
      f.message = "the staff side of counter " + c.id + " at " + at(c.staff_side) +
                  (near.empty() ? " has no walkable floor within reach (less than 0.40 m free)"
                                : " has no way to any exit") +
                  "; leave a way of at least 0.60 m behind the counters";
      r_.findings.push_back(std::move(f));
    }
    for (const CellIndex start : g_.cell_of_vertex) {
      if (seen[start] || nearest.exit[start] >= 0) {
        continue;
      }
      std::vector<CellIndex> part{start};
      seen[start] = 1;
      for (std::size_t q = 0; q < part.size(); ++q) {
        const auto v = static_cast<std::uint32_t>(g_.vertex_of_cell[part[q]]);
        for (const auto w : boost::make_iterator_range(boost::adjacent_vertices(v, g_.graph))) {
          const CellIndex c = g_.cell_of_vertex[w];
          if (!seen[c] && nearest.exit[c] < 0) {
            seen[c] = 1;
            part.push_back(c);
          }
        }
      }
      const double part_area = static_cast<double>(part.size()) * g_.h * g_.h;
      if (part_area < s_.min_pocket_area - kSlack) {
        continue;
      }
      Point mean = Point::Zero();
      for (const CellIndex c : part) {
        mean += g_.centre(c);
      }
      mean /= static_cast<double>(part.size());
      CellIndex middle = part.front();
      for (const CellIndex c : part) {
        if ((g_.centre(c) - mean).norm() < (g_.centre(middle) - mean).norm()) {
          middle = c;
        }
      }
      NavFinding f = finding("no_way_out", kDistanceClause, Severity::failure);
      f.position = g_.centre(middle);
      f.measured = part_area;
      f.unit = "m²";
      if (zone_of_[middle] >= 0) {
        f.target_id = plan_.zones()[zone_of_[middle]].id;
      }
      f.message = fmt(part_area, 1) + " m² of floor around " + at(f.position) +
                  (f.target_id.empty() ? "" : " in zone " + f.target_id) +
                  " has no way to any exit; give it a door or a way of at least 0.60 m";
      r_.findings.push_back(std::move(f));
    }
  }

  void check_blocked(const detail::Nearest& all) {
    if (exits_.size() < 2) {
      return;
    }
    const auto& openings = plan_.openings();
    const double limit = s_.open_hall_limit * factor_;
    double worst = -1.0;
    for (std::size_t k = 0; k < exits_.size(); ++k) {
      std::vector<bool> active(exits_.size(), true);
      active[k] = false;
      const detail::Nearest nearest = flow_.nearest(active);
      BlockedExit b;
      b.exit_id = openings[exits_[k]].id;
      b.farthest = farthest(nearest, limit, kDistanceClause, nullptr);
      std::size_t cut = 0;
      for (const CellIndex c : g_.cell_of_vertex) {
        if (nearest.exit[c] < 0 && all.exit[c] >= 0) {
          ++cut;
        }
      }
      b.cut_off_area = static_cast<double>(cut) * g_.h * g_.h;
      for (std::size_t e = 0; e < exits_.size(); ++e) {
        if (e != k) {
          b.remaining_width += openings[exits_[e]].width;
        }
      }
      b.required_width = r_.required_exit_width;
      b.time = flow_.time(nearest, active);
      const double score = b.cut_off_area >= s_.min_pocket_area ? kUnreached : b.farthest.distance;
      if (score > worst) {
        worst = score;
        r_.worst_blocked = r_.blocked.size();
      }
      if (b.cut_off_area >= s_.min_pocket_area - kSlack) {
        NavFinding f = finding("blocked_exit", kDistanceClause, Severity::warning);
        f.element_id = b.exit_id;
        f.position = openings[exits_[k]].position;
        f.measured = b.cut_off_area;
        f.unit = "m²";
        f.message = "with exit " + b.exit_id + " blocked, " + fmt(b.cut_off_area, 1) +
                    " m² of floor has no way out; give that part a second exit";
        r_.findings.push_back(std::move(f));
      } else if (b.farthest.distance > limit + kSlack) {
        NavFinding f = finding("blocked_exit", kDistanceClause, Severity::warning);
        f.element_id = b.exit_id;
        f.target_id = b.farthest.exit_id;
        f.position = b.farthest.from;
        f.measured = b.farthest.distance;
        f.required = limit;
        f.unit = "m";
        f.route = b.farthest.route.points;
        f.message = "with exit " + b.exit_id + " blocked, the point " + at(b.farthest.from) +
                    " is " + fmt(b.farthest.distance) + " m from an exit (" + b.farthest.exit_id +
                    "), more than " + fmt(limit) + " m; place the exits farther apart";
        r_.findings.push_back(std::move(f));
      }
      r_.blocked.push_back(std::move(b));
    }
  }

  // The widest way from each occupied zone to its nearest exit (GB 50016 5.5.18: evacuation
  // corridors 1.10 m clear). Doors are left out: their own clear width is held to 0.90 m.
  void check_route_widths() {
    const auto n = static_cast<std::size_t>(g_.cell_count());
    std::vector<double> width(n, 0.0);
    for (const CellIndex c : g_.cell_of_vertex) {
      width[c] = g_.limiting_opening(c) >= 0 ? kUnreached : 2.0 * g_.width_radius[c];
    }
    // Widest ways from an exit, searched when some zone's nearest exit is that one.
    std::vector<std::vector<double>> widest(exits_.size());
    std::vector<std::vector<CellIndex>> previous(exits_.size());
    const auto widest_of = [&](std::size_t k) -> const std::vector<double>& {
      if (widest[k].empty()) {
        std::vector<CellIndex> starts;
        for (const detail::FieldSource& src : flow_.field(static_cast<int>(k)).sources) {
          starts.push_back(src.cell);
        }
        widest[k] = detail::widest_from(g_, starts, width, &previous[k]);
      }
      return widest[k];
    };
    const double cap = 2.0 * g_.settings.clearance_cap;
    // Zones behind the same narrow place share one finding: (its key, their routes).
    std::vector<std::pair<std::string, std::vector<std::size_t>>> behind;
    const auto& zones = plan_.zones();
    for (std::size_t z = 0; z < zones.size(); ++z) {
      if (r_.loads[z].persons <= 0.0 || zone_cells_[z].empty()) {
        continue;
      }
      int e = -1;
      double nearest = kUnreached;
      for (std::size_t k = 0; k < exits_.size(); ++k) {
        if (!flow_.exit_usable(k)) {
          continue;
        }
        for (const CellIndex c : zone_cells_[z]) {
          if (flow_.field(static_cast<int>(k)).g[c] < nearest) {
            nearest = flow_.field(static_cast<int>(k)).g[c];
            e = static_cast<int>(k);
          }
        }
      }
      if (e < 0) {
        continue;  // no way out: check_cut_off reports it
      }
      const std::vector<double>& w = widest_of(static_cast<std::size_t>(e));
      // Start from the most open of the zone's cells that have the widest way out.
      double best = -1.0;
      for (const CellIndex c : zone_cells_[z]) {
        best = std::max(best, w[c]);
      }
      if (best < 0.0) {
        continue;
      }
      CellIndex end = kNoCell;
      const auto open = [&](CellIndex c) { return width[c] < kUnreached ? width[c] : -1.0; };
      for (const CellIndex c : zone_cells_[z]) {
        if (w[c] >= best - kWidthSlack && (end == kNoCell || open(c) > open(end))) {
          end = c;
        }
      }
      EgressRoute route;
      route.zone_id = zones[z].id;
      route.exit_id = plan_.openings()[exits_[e]].id;
      route.limit = s_.route_min_width;
      route.narrowest_width = std::min(best, cap);
      route.narrowest_position = g_.centre(end);
      const CellIndex narrow =
          best < cap - kWidthSlack
              ? narrow_place(detail::chain_to(previous[static_cast<std::size_t>(e)], end), e, best,
                             width)
              : kNoCell;
      if (narrow != kNoCell) {
        route.narrowest_position = g_.width_point[narrow];
        route.narrowed_by = g_.owner_id(g_.nearest[narrow]);
        const std::string other = g_.owner_id(g_.width_pair[narrow]);
        if (!other.empty() && other != route.narrowed_by) {
          route.narrowed_by += " and " + other;
        }
      }
      if (route.narrowest_width < s_.route_min_width - kWidthSlack) {
        route.route = Route{widest_route(e, route.narrowest_width, width, zone_cells_[z])};
        const std::string key =
            route.exit_id + "|" + route.narrowed_by + "|" + fmt(route.narrowest_width, 3);
        const auto group = std::find_if(behind.begin(), behind.end(),
                                        [&](const auto& b) { return b.first == key; });
        if (group == behind.end()) {
          behind.emplace_back(key, std::vector<std::size_t>{r_.routes.size()});
        } else {
          group->second.push_back(r_.routes.size());
        }
      }
      r_.routes.push_back(std::move(route));
    }
    for (const auto& [key, ids] : behind) {
      const EgressRoute& first = r_.routes[ids.front()];
      std::string names;
      for (std::size_t k = 0; k < ids.size(); ++k) {
        names += (k > 0 ? ", " : "") + r_.routes[ids[k]].zone_id;
      }
      NavFinding f = finding("route_width", kWidthClause, Severity::failure);
      f.element_id = first.narrowed_by;
      f.target_id = first.zone_id;
      f.position = first.narrowest_position;
      f.measured = first.narrowest_width;
      f.required = s_.route_min_width;
      f.unit = "m";
      f.route = first.route.points;
      f.message = "the widest way out of " + std::string(ids.size() > 1 ? "zones " : "zone ") +
                  names + " to exit " + first.exit_id + " narrows to " +
                  fmt(first.narrowest_width, 2) + " m at " + at(first.narrowest_position) +
                  (first.narrowed_by.find(" and ") != std::string::npos ? " between "
                   : first.narrowed_by.empty()                          ? ""
                                                                        : " beside ") +
                  first.narrowed_by + ", less than the " + fmt(s_.route_min_width, 2) +
                  " m an evacuation corridor needs; widen the passage there to " +
                  fmt(s_.route_min_width, 2) + " m clear";
      r_.findings.push_back(std::move(f));
    }
  }

  // Where a widest way (`chain`, from exit e's cells to a zone's) of bottleneck `narrowest`
  // narrows: past the last cell reached from the exit through wider floor and before the first
  // reached from the zone's end of it. Elsewhere the chain may graze a wall as closely, but
  // needs not.
  CellIndex narrow_place(const std::vector<CellIndex>& chain, int e, double narrowest,
                         const std::vector<double>& width) const {
    if (chain.empty()) {
      return kNoCell;
    }
    const auto wide_from = [&](const std::vector<CellIndex>& starts) {
      std::vector<std::uint8_t> seen(width.size(), 0);
      std::vector<CellIndex> queue;
      for (const CellIndex c : starts) {
        if (!seen[c] && width[c] > narrowest + kWidthSlack) {
          seen[c] = 1;
          queue.push_back(c);
        }
      }
      for (std::size_t q = 0; q < queue.size(); ++q) {
        const auto v = static_cast<std::uint32_t>(g_.vertex_of_cell[queue[q]]);
        for (const auto u : boost::make_iterator_range(boost::adjacent_vertices(v, g_.graph))) {
          const CellIndex c = g_.cell_of_vertex[u];
          if (!seen[c] && width[c] > narrowest + kWidthSlack) {
            seen[c] = 1;
            queue.push_back(c);
          }
        }
      }
      return seen;
    };
    std::vector<CellIndex> exit_cells;
    for (const detail::FieldSource& src : flow_.field(e).sources) {
      exit_cells.push_back(src.cell);
    }
    const std::vector<std::uint8_t> from_exit = wide_from(exit_cells);
    const std::vector<std::uint8_t> from_zone = wide_from({chain.back()});
    std::size_t first = 0;
    for (std::size_t k = 0; k < chain.size(); ++k) {
      if (from_zone[chain[k]]) {
        break;
      }
      if (from_exit[chain[k]]) {
        first = k + 1;
      }
    }
    // A cell on the passage's middle line may read its width from its clearance alone; a
    // neighbour just off it names the elements either side.
    const auto rank = [&](CellIndex c) {
      const std::int32_t pair = g_.width_pair[c];
      if (pair < 0) {
        return 0;
      }
      return g_.owner_id(pair) != g_.owner_id(g_.nearest[c]) ? 2 : 1;
    };
    CellIndex narrow = kNoCell;
    const auto consider = [&](CellIndex c) {
      if (width[c] <= narrowest + kWidthSlack && (narrow == kNoCell || rank(c) > rank(narrow))) {
        narrow = c;
      }
    };
    for (std::size_t k = first; k < chain.size() && !from_zone[chain[k]]; ++k) {
      consider(chain[k]);
      const auto v = static_cast<std::uint32_t>(g_.vertex_of_cell[chain[k]]);
      for (const auto u : boost::make_iterator_range(boost::adjacent_vertices(v, g_.graph))) {
        consider(g_.cell_of_vertex[u]);
      }
    }
    return narrow;
  }

  // The shortest route from the zone's cells to exit e that keeps at least `keep` of width.
  std::vector<Point> widest_route(int e, double keep, const std::vector<double>& width,
                                  const std::vector<CellIndex>& cells) const {
    std::vector<std::uint8_t> mask(width.size(), 0);
    for (const CellIndex c : g_.cell_of_vertex) {
      mask[c] = width[c] >= keep - kSlack ? 1 : 0;
    }
    std::vector<detail::FieldSource> sources;
    for (const detail::FieldSource& src : flow_.field(e).sources) {
      if (mask[src.cell]) {
        sources.push_back(src);
      }
    }
    const detail::Field field = detail::any_angle_field(g_, sources, mask);
    CellIndex start = kNoCell;
    for (const CellIndex c : cells) {
      if (field.g[c] < kUnreached && (start == kNoCell || field.g[c] < field.g[start])) {
        start = c;
      }
    }
    return start == kNoCell ? std::vector<Point>{} : detail::route_from_cell(g_, field, start);
  }

  // The zone holding `p`, or empty.
  std::string zone_at(const Point& p) const {
    for (const Zone& z : plan_.zones()) {
      if (contains(z.polygon, p)) {
        return z.id;
      }
    }
    return {};
  }

  // Exits and the doors people pass on their way out: which way they open against the way
  // people escape (GB 50016 6.4.11).
  void check_doors(const detail::Nearest& nearest) {
    const auto& openings = plan_.openings();
    std::map<std::string, double> through;
    for (const ComponentFlow& c : r_.time.components) {
      through[c.id] = c.persons;
    }
    for (const std::size_t exit : exits_) {
      const Opening& o = openings[exit];
      EvacuationDoor d;
      d.id = o.id;
      d.exit = true;
      d.door = o.door;
      d.swing = o.swing;
      d.escape_to = kOutside;
      d.persons = through.count(o.id) > 0 ? through[o.id] : 0.0;
      const int doorway = doorway_of(exit);
      if (doorway >= 0) {
        const int room = g_.doorways[doorway].room_plus;
        d.room_persons = room >= 0 ? room_persons_[room] : 0.0;
      }
      d.held = true;
      if (o.door == DoorType::swinging) {
        switch (o.swing) {
          case Swing::outward:
            d.opens_to = kOutside;
            break;
          case Swing::inward:
            d.opens_to = "inside";
            break;
          case Swing::both:
            d.opens_to = "both ways";
            break;
          case Swing::none:
            break;
        }
      }
      d.verdict = verdict(o, d.opens_to, d.escape_to);
      report_door(o, d);
      r_.doors.push_back(std::move(d));
    }
    for (const detail::Doorway& dw : g_.doorways) {
      if (dw.exterior || dw.room_minus < 0 || dw.room_plus < 0 || dw.room_minus == dw.room_plus) {
        continue;
      }
      const Opening& o = openings[dw.opening];
      const auto it = through.find(o.id);
      if (it == through.end() || it->second <= 0.0) {
        continue;  // no one leaves through it
      }
      // People go from the side farther from an exit to the nearer one.
      const double minus = side_distance(dw, dw.room_minus, nearest);
      const double plus = side_distance(dw, dw.room_plus, nearest);
      if (minus == plus) {
        continue;
      }
      const double toward = plus < minus ? 1.0 : -1.0;
      const int from_room = plus < minus ? dw.room_minus : dw.room_plus;
      const Point mid = 0.5 * (dw.span.a + dw.span.b);
      const double probe = 0.5 * dw.wall_thickness + g_.h;
      EvacuationDoor d;
      d.id = o.id;
      d.door = o.door;
      d.swing = o.swing;
      d.persons = it->second;
      d.room_persons = room_persons_[from_room];
      d.escape_to = zone_at(mid + toward * probe * dw.normal);
      d.held = d.room_persons > s_.swing_room_persons + kSlack ||
               d.persons > s_.swing_door_persons + kSlack;
      if (o.door == DoorType::swinging && o.swing == Swing::both) {
        d.opens_to = "both ways";
      } else if (o.door == DoorType::swinging && o.swing != Swing::none && !o.swing_into.empty()) {
        d.opens_to = o.swing_into;
      }
      // The zone it swings into, on the side people go to, or on the side they come from.
      std::string side;
      if (!d.opens_to.empty() && d.opens_to != "both ways") {
        const Zone* into = plan_.find_zone(o.swing_into);
        if (into != nullptr && contains(into->polygon, mid + toward * probe * dw.normal)) {
          side = "escape";
        } else if (into != nullptr && contains(into->polygon, mid - toward * probe * dw.normal)) {
          side = "against";
        }
      }
      d.verdict = verdict(o, d.opens_to == "both ways" ? d.opens_to : side, "escape");
      if (d.held) {
        report_door(o, d);
      }
      r_.doors.push_back(std::move(d));
    }
  }

  int doorway_of(std::size_t opening) const {
    for (std::size_t d = 0; d < g_.doorways.size(); ++d) {
      if (g_.doorways[d].opening == opening) {
        return static_cast<int>(d);
      }
    }
    return -1;
  }

  // Smallest walk to an exit from the cells of `room` just beside a doorway.
  double side_distance(const detail::Doorway& dw, int room, const detail::Nearest& nearest) const {
    double best = kUnreached;
    const Point mid = 0.5 * (dw.span.a + dw.span.b);
    const double half = 0.5 * (dw.span.b - dw.span.a).norm();
    const double depth = dw.half_depth + 2.0 * g_.h;
    const double reach = half + depth;
    const int i0 =
        std::max(0, static_cast<int>(std::floor((mid.x() - reach - g_.origin.x()) / g_.h)));
    const int i1 =
        std::min(g_.nx - 1, static_cast<int>(std::floor((mid.x() + reach - g_.origin.x()) / g_.h)));
    const int j0 =
        std::max(0, static_cast<int>(std::floor((mid.y() - reach - g_.origin.y()) / g_.h)));
    const int j1 =
        std::min(g_.ny - 1, static_cast<int>(std::floor((mid.y() + reach - g_.origin.y()) / g_.h)));
    for (int j = j0; j <= j1; ++j) {
      for (int i = i0; i <= i1; ++i) {
        const CellIndex c = g_.cell(i, j);
        if (g_.room_of[c] != room) {
          continue;
        }
        const Point rel = g_.centre(c) - mid;
        if (std::abs(rel.dot(dw.tangent)) <= half && std::abs(rel.dot(dw.normal)) <= depth) {
          best = std::min(best, nearest.distance[c]);
        }
      }
    }
    return best;
  }

  // "ok", "against", "unknown", or the door type that is no evacuation door. `opens_to` is
  // where the leaf goes ("both ways", or compared with `escape_to`; empty: unknown).
  static std::string verdict(const Opening& o, const std::string& opens_to,
                             const std::string& escape_to) {
    switch (o.door) {
      case DoorType::none:
        return "ok";
      case DoorType::sliding:
        return "sliding";
      case DoorType::automatic:
        return "automatic";
      case DoorType::revolving:
        return "revolving";
      case DoorType::swinging:
        break;
    }
    if (opens_to.empty()) {
      return "unknown";
    }
    return opens_to == "both ways" || opens_to == escape_to ? "ok" : "against";
  }

  void report_door(const Opening& o, const EvacuationDoor& d) {
    if (d.verdict == "ok") {
      return;
    }
    const std::string what = (d.exit ? "exit " : "door ") + o.id;
    const std::string way = d.exit                ? std::string("outward")
                            : d.escape_to.empty() ? std::string("the way people leave")
                                                  : "into " + d.escape_to;
    const std::string who = d.exit ? std::string()
                                   : " (" + fmt(std::ceil(d.persons - 1e-6), 0) +
                                         " persons pass it, from a room of " +
                                         fmt(std::ceil(d.room_persons - 1e-6), 0) + ")";
    NavFinding f = finding("door_swing", kDoorClause, Severity::failure);
    f.element_id = o.id;
    f.target_id = d.escape_to;
    f.position = o.position;
    if (d.verdict == "against") {
      f.message = what + who + " opens " +
                  (d.exit ? std::string("inward") : "into " + o.swing_into) +
                  ", against the way people escape; an evacuation door must open " + way +
                  ": hang it to swing " + way;
    } else if (d.verdict == "unknown") {
      f.severity = Severity::warning;
      f.message = what + who + " is a swinging door whose swing the plan does not give" +
                  (!d.exit && d.swing != Swing::none ? " (no \"swing_into\" zone beside it)" : "") +
                  "; an evacuation door must open " + way + ": give its \"swing\"" +
                  (d.exit ? "" : " and \"swing_into\"");
    } else if (d.verdict == "revolving") {
      f.check = "door_type";
      f.message = what + who +
                  " is a revolving door, which is no evacuation door; put a side-hung door "
                  "that opens " +
                  way + " beside it or in its place";
    } else {
      // The plan cannot show a leaf that breaks away: hallsim assumes one and says so.
      f.check = "door_type";
      f.severity = Severity::warning;
      f.message = what + who + " is " +
                  (d.verdict == "sliding" ? "a sliding door" : "an automatic door") +
                  "; an evacuation door must be side-hung and open " + way +
                  " by hand, so hallsim assumes its leaves also swing " + way +
                  " when pushed in an emergency (breakaway leaves): make sure they do, or put a "
                  "side-hung door that opens " +
                  way + " beside it";
    }
    r_.findings.push_back(std::move(f));
  }

  const NavGrid& g_;
  EgressSettings s_;
  const Plan& plan_;
  detail::FlowModel flow_;
  EgressReport r_;
  double factor_ = 1.0;
  std::vector<std::size_t> exits_;                  // opening index of each exit, in file order
  std::vector<int> zone_of_;                        // per cell: the zone holding it, or -1
  std::vector<std::vector<CellIndex>> zone_cells_;  // per zone: the cells its people stand on
  std::vector<double> room_persons_;                // per grid room
};

}  // namespace

double design_density(ZoneKind kind) {
  switch (kind) {
    case ZoneKind::guidance:
    case ZoneKind::window_service:
    case ZoneKind::self_service:
    case ZoneKind::self_service_24h:
    case ZoneKind::waiting:
    case ZoneKind::lobby:
    case ZoneKind::conference_room:
      return 0.5;
    case ZoneKind::disclosure:
    case ZoneKind::featured:
      return 0.3;
    case ZoneKind::mother_baby:
    case ZoneKind::room:
      return 0.2;
    case ZoneKind::back_office:
    case ZoneKind::office:
    case ZoneKind::restroom:
    case ZoneKind::restroom_wheelchair:
    case ZoneKind::firstaid:
      return 0.1;
    case ZoneKind::nonpublic:
      return 0.05;
    case ZoneKind::walkway:
    case ZoneKind::storage:
    case ZoneKind::ramp:
    case ZoneKind::stairs:
    case ZoneKind::elevator:
      return 0.0;
  }
  return 0.0;
}

double width_per_100_persons(FireResistanceGrade grade) {
  switch (grade) {
    case FireResistanceGrade::i:
    case FireResistanceGrade::ii:
      return 0.65;
    case FireResistanceGrade::iii:
      return 0.75;
    case FireResistanceGrade::iv:
      return 1.00;
  }
  return 1.00;
}

bool EgressReport::passes() const {
  return std::none_of(findings.begin(), findings.end(),
                      [](const NavFinding& f) { return f.severity == Severity::failure; });
}

EgressReport check_egress(const NavGraph& graph, const EgressSettings& settings) {
  return EgressCheck(graph, settings).run();
}

}  // namespace hallsim::layout
