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
constexpr const char* kZonesClause = "4.4.1.2";  // the standard: emergency facilities
constexpr const char* kSafetyClause = "5.7.1";   // the standard: safety equipment and drills
constexpr const char* kCountClause = "GB 50016-2014 5.5.8";
constexpr const char* kRoomDoorsClause = "GB 50016-2014 5.5.15";
constexpr const char* kDistanceClause = "GB 50016-2014 5.5.17";
constexpr const char* kWidthClause = "GB 50016-2014 5.5.18";
constexpr const char* kCapacityClause = "GB 50016-2014 5.5.21";

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
      total += zl.persons;
      r_.loads.push_back(zl);
      if (zl.persons <= 0.0) {
        continue;
      }
      if (cells[z].empty()) {
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
      f.message = "exit " + e.id + " is the nearest for " + fmt(std::ceil(e.persons - 1e-6), 0) +
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
    for (std::size_t r = 0; r < g_.rooms.size(); ++r) {
      const detail::Room& room = g_.rooms[r];
      RoomResult rr;
      rr.zone_id = room_name(room);
      rr.floor_area = room.floor_area;
      for (const CellIndex c : room.cells) {
        rr.persons += flow_.load()[c];
      }
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

  const NavGrid& g_;
  EgressSettings s_;
  const Plan& plan_;
  detail::FlowModel flow_;
  EgressReport r_;
  double factor_ = 1.0;
  std::vector<std::size_t> exits_;  // opening index of each exit, in file order
  std::vector<int> zone_of_;        // per cell: the zone holding it, or -1
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
