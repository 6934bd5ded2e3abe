#include "hallsim/layout/access.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "nav_field.hpp"
#include "nav_grid.hpp"

namespace hallsim::layout {

namespace {

using detail::Barrier;
using detail::BarrierKind;
using detail::CellIndex;
using detail::kNoCell;
using detail::kUnreached;
using detail::NavGrid;

constexpr double kSlack = 1e-9;
// Toll for entering a cell that breaks a limit, metres per unit of shortfall (1 - ratio):
// larger than any detour on a floor, so the best try breaks the limits as little as it can
// (through the middle of a narrow door, not past its jamb) and is the shortest among those.
constexpr double kToll = 1e6;

constexpr const char* kStandardClause = "4.4.1.2";
constexpr const char* kRouteClause = "GB 55019-2021 2.2.2";
constexpr const char* kCrowdedClause = "GB 55019-2021 2.2.3";
constexpr const char* kDoorClause = "GB 55019-2021 2.5.4";
constexpr const char* kThresholdClause = "GB 50763-2012 3.5.3";
constexpr const char* kRampClause = "GB 55019-2021 2.3.1";
constexpr const char* kTurningClause = "GB 55019-2021 2.6.1";
constexpr const char* kLowCounterClause = "GB 55019-2021 3.6.1";

std::string fmt(double v, int digits = 2) {
  std::ostringstream s;
  s.setf(std::ios::fixed);
  s.precision(digits);
  s << v;
  return s.str();
}

std::string at(const Point& p) {
  return "(" + fmt(p.x()) + ", " + fmt(p.y()) + ")";
}

double segment_distance(const Segment& a, const Segment& b) {
  if (segments_intersect(a, b)) {
    return 0.0;
  }
  return std::min({distance(a.a, b), distance(a.b, b), distance(b.a, a), distance(b.b, a)});
}

// Zones a visitor goes to; corridors, ramps, stairs and lifts are ways, not destinations.
bool destination_zone(const Zone& z) {
  return z.is_public && z.kind != ZoneKind::walkway && z.kind != ZoneKind::ramp &&
         z.kind != ZoneKind::stairs && z.kind != ZoneKind::elevator;
}

class AccessCheck {
 public:
  AccessCheck(const NavGraph& graph, const AccessSettings& settings)
      : g_(graph.grid()), s_(settings), plan_(graph.plan()) {}

  AccessReport run() {
    report_.entrance_id = plan_.main_entrance().id;
    measure_cells();
    find_entrance();
    collect_targets();
    route_reachable();
    try_unreachable();
    check_crowded();
    check_turning();
    check_low_counter();
    check_approach();
    for (Target& t : targets_) {
      report_.targets.push_back(std::move(t.result));
    }
    return std::move(report_);
  }

 private:
  // Which opening's own width limits cell c (a doorway cell, or one whose free width is
  // measured between two jambs of the same opening); -1 for none.
  int door_of(CellIndex c) const { return g_.limiting_opening(c); }

  double width_of(CellIndex c) const {
    const double w = 2.0 * g_.width_radius[c];
    const int o = door_[c];
    return o >= 0 ? std::min(w, plan_.openings()[o].width) : w;
  }

  void measure_cells() {
    const auto n = static_cast<std::size_t>(g_.cell_count());
    door_.assign(n, -1);
    ratio_.assign(n, 0.0);
    ok_.assign(n, 0);
    for (std::size_t c = 0; c < n; ++c) {
      if (!g_.walkable[c]) {
        continue;
      }
      const auto cell = static_cast<CellIndex>(c);
      door_[c] = door_of(cell);
      if (g_.barrier_of[c] >= 0) {
        continue;
      }
      ratio_[c] = width_of(cell) / (door_[c] >= 0 ? s_.door_width : s_.route_width);
      ok_[c] = ratio_[c] >= 1.0 - kSlack ? 1 : 0;
    }
  }

  void find_entrance() {
    const Opening& e = plan_.main_entrance();
    entrance_ =
        detail::anchors(g_, Place{e.id, PlaceKind::entrance, e.position, {e.span}}, g_.walkable);
    // Start where a wheelchair may be; only if it may be nowhere at the door (a narrow door,
    // a high threshold) start anywhere, so that the door itself is what the report blames.
    for (const auto& a : entrance_) {
      if (ok_[a.cell]) {
        entrance_cells_.push_back(a.cell);
      }
    }
    if (entrance_cells_.empty()) {
      for (const auto& a : entrance_) {
        entrance_cells_.push_back(a.cell);
      }
    }
  }

  struct Target {
    AccessTarget result;
    std::vector<detail::FieldSource> cells;  // with distance to the target point (0 in zones)
  };

  void collect_targets() {
    for (const Zone& zone : plan_.zones()) {
      if (!destination_zone(zone)) {
        continue;
      }
      Target t;
      t.result.kind = AccessTargetKind::zone;
      t.result.id = zone.id;
      t.result.position = centroid(zone.polygon);
      const Box box = bounding_box(zone.polygon);
      const CellIndex lo = g_.cell_at(box.min.cwiseMax(g_.origin));
      const CellIndex hi = g_.cell_at(box.max.cwiseMin(g_.centre(g_.cell_count() - 1)));
      for (int j = g_.row(lo); lo != kNoCell && hi != kNoCell && j <= g_.row(hi); ++j) {
        for (int i = g_.column(lo); i <= g_.column(hi); ++i) {
          const CellIndex c = g_.cell(i, j);
          if (g_.walkable[c] && contains(zone.polygon, g_.centre(c))) {
            t.cells.push_back({c, 0.0, g_.centre(c)});
          }
        }
      }
      targets_.push_back(std::move(t));
    }
    const auto add_point = [this](AccessTargetKind kind, const std::string& id, const Point& p,
                                  bool low) {
      Target t;
      t.result.kind = kind;
      t.result.id = id;
      t.result.position = p;
      t.result.low_counter = low;
      t.cells = detail::anchors(g_, Place{id, PlaceKind::point, p, {}}, g_.walkable);
      targets_.push_back(std::move(t));
    };
    for (const Counter& c : plan_.counters()) {
      add_point(AccessTargetKind::counter, c.id, c.customer_side, c.low);
    }
    for (const Kiosk& k : plan_.kiosks()) {
      add_point(AccessTargetKind::kiosk, k.id, k.customer_side, false);
    }
  }

  // Doors a polyline passes, in order, each once.
  std::vector<std::string> doors_along(const std::vector<Point>& route, double* narrowest) const {
    std::vector<std::string> doors;
    *narrowest = 0.0;
    detail::cells_along(g_, route, [&](CellIndex c) {
      if (g_.doorway_of[c] < 0) {
        return;
      }
      const Opening& o = plan_.openings()[g_.doorways[g_.doorway_of[c]].opening];
      if (std::find(doors.begin(), doors.end(), o.id) != doors.end()) {
        return;
      }
      doors.push_back(o.id);
      *narrowest = *narrowest == 0.0 ? o.width : std::min(*narrowest, o.width);
    });
    return doors;
  }

  void route_reachable() {
    std::vector<detail::FieldSource> starts;
    for (const auto& a : entrance_) {
      if (ok_[a.cell]) {
        starts.push_back(a);
      }
    }
    ok_field_ = detail::any_angle_field(g_, starts, ok_);
    // The widest wheelchair route: doors count as wide here (they are reported apart).
    std::vector<double> passage(ok_.size(), 0.0);
    for (std::size_t c = 0; c < ok_.size(); ++c) {
      if (ok_[c]) {
        passage[c] = door_[c] >= 0 ? kUnreached : 2.0 * g_.width_radius[c];
      }
    }
    std::vector<CellIndex> previous;
    const std::vector<double> widest = detail::widest_from(g_, entrance_cells_, passage, &previous);
    for (Target& t : targets_) {
      double best = kUnreached;
      const detail::FieldSource* end = nullptr;
      for (const auto& a : t.cells) {
        if (ok_field_.g[a.cell] + a.distance < best) {
          best = ok_field_.g[a.cell] + a.distance;
          end = &a;
        }
      }
      if (end == nullptr) {
        continue;
      }
      AccessTarget& r = t.result;
      r.reachable = true;
      std::vector<Point> back = detail::route_from_cell(g_, ok_field_, end->cell);
      if (r.kind != AccessTargetKind::zone) {
        back.insert(back.begin(), r.position);
      }
      std::reverse(back.begin(), back.end());
      r.route = Route{detail::simplify(back)};
      r.length = r.route.length();
      if (r.kind == AccessTargetKind::zone) {
        r.position = g_.centre(end->cell);
      }
      r.doors = doors_along(r.route.points, &r.narrowest_door);
      // Narrowest passage of the widest route to any of the target's cells.
      CellIndex widest_end = kNoCell;
      for (const auto& a : t.cells) {
        if (widest[a.cell] > 0.0 &&
            (widest_end == kNoCell || widest[a.cell] > widest[widest_end])) {
          widest_end = a.cell;
        }
      }
      r.narrowest_width = kUnreached;
      for (const CellIndex c : detail::chain_to(previous, widest_end)) {
        if (door_[c] >= 0 || 2.0 * g_.width_radius[c] >= r.narrowest_width) {
          continue;
        }
        r.narrowest_width = 2.0 * g_.width_radius[c];
        r.narrowest_position = g_.width_point[c];
      }
      if (r.narrowest_width == kUnreached) {
        r.narrowest_width = 2.0 * g_.settings.clearance_cap;
        r.narrowest_position = r.position;
      }
    }
  }

  AccessBlock block_at(CellIndex c) const {
    AccessBlock b;
    if (g_.barrier_of[c] >= 0) {
      const Barrier& bar = g_.barriers[g_.barrier_of[c]];
      b.element_id = g_.owner_id(bar);
      b.measured = bar.measured;
      b.required = bar.required;
      b.unit = bar.unit;
      b.position = bar.position;
      switch (bar.kind) {
        case BarrierKind::step:
          b.what = "step";
          b.clause = kRampClause;
          b.position = closest_point(plan_.level_changes()[bar.element_index].line, g_.centre(c));
          break;
        case BarrierKind::stairs:
          b.what = "stairs";
          b.clause = kRampClause;
          break;
        case BarrierKind::steep_ramp:
        case BarrierKind::high_ramp:
          b.what = "ramp";
          b.clause = kRampClause;
          break;
        case BarrierKind::threshold:
          b.what = "threshold";
          b.clause = kThresholdClause;
          break;
        case BarrierKind::revolving:
          b.what = "revolving door";
          b.clause = kDoorClause;
          break;
      }
      return b;
    }
    if (door_[c] >= 0) {
      const Opening& o = plan_.openings()[door_[c]];
      b.element_id = o.id;
      b.what = "door";
      b.position = o.position;
      b.measured = width_of(c);
      b.required = s_.door_width;
      b.unit = "m";
      b.clause = kDoorClause;
      return b;
    }
    b.element_id = g_.owner_id(g_.nearest[c]);
    const std::string other = g_.owner_id(g_.width_pair[c]);
    if (!other.empty() && other != b.element_id) {
      b.element_id += " and " + other;
    }
    b.what = "passage";
    b.position = g_.width_point[c];
    b.measured = width_of(c);
    b.required = s_.route_width;
    b.unit = "m";
    b.clause = kRouteClause;
    return b;
  }

  static std::string describe(const AccessBlock& b) {
    std::string text = b.what + " " + b.element_id + " at " + at(b.position) + ": ";
    if (b.unit == "ratio") {
      text +=
          "slope 1:" + fmt(1.0 / b.measured, 1) + ", steeper than 1:" + fmt(1.0 / b.required, 0);
    } else if (b.what == "revolving door") {
      text += "a revolving door cannot be used from a wheelchair";
    } else if (b.what == "stairs") {
      text += "stairs cannot be used from a wheelchair";
    } else if (b.unit == "mm") {
      text += fmt(b.measured, 0) + " mm high, more than " + fmt(b.required, 0) + " mm";
    } else if (b.what == "ramp") {
      text += "rises " + fmt(b.measured) + " m in one run, more than " + fmt(b.required) + " m";
    } else {
      text += fmt(b.measured) + " m clear, less than " + fmt(b.required) + " m";
    }
    return text;
  }

  static std::string remedy(const AccessBlock& b) {
    if (b.what == "step") {
      return "add a ramp of at most 1:12 beside it or level the floor";
    }
    if (b.what == "stairs") {
      return "add a ramp or a lift beside the stairs";
    }
    if (b.what == "ramp") {
      return "lengthen the ramp to at most 1:12 with landings every 0.75 m of rise";
    }
    if (b.what == "threshold") {
      return "lower the threshold to 15 mm or less";
    }
    if (b.what == "revolving door") {
      return "add a swing or sliding door of at least 0.90 m beside it";
    }
    if (b.what == "door") {
      return "widen the door's clear opening to at least 0.90 m";
    }
    return "move the fittings apart to leave at least 1.20 m";
  }

  void try_unreachable() {
    std::vector<double> toll(ok_.size(), 0.0);
    for (std::size_t c = 0; c < ok_.size(); ++c) {
      toll[c] = ok_[c] ? 0.0 : kToll * (1.0 - std::min(ratio_[c], 1.0));
    }
    std::vector<CellIndex> previous;
    std::vector<double> cost;
    bool searched = false;
    for (Target& t : targets_) {
      AccessTarget& r = t.result;
      if (r.reachable) {
        continue;
      }
      if (!searched) {
        cost = detail::tolled_from(g_, entrance_cells_, toll, previous);
        searched = true;
      }
      CellIndex end = kNoCell;
      for (const auto& a : t.cells) {
        if (cost[a.cell] < kUnreached && (end == kNoCell || cost[a.cell] < cost[end])) {
          end = a.cell;
        }
      }
      NavFinding f;
      f.check = "wheelchair_route";
      f.standard_clauses = {kStandardClause};
      f.target_id = r.id;
      f.position = r.position;
      if (end == kNoCell) {
        f.clause = kRouteClause;
        f.message = std::string(to_string(r.kind)) + " " + r.id +
                    " cannot be reached from the main entrance at all, on foot or on wheels; "
                    "give it a way in";
        report_.findings.push_back(std::move(f));
        continue;
      }
      const std::vector<CellIndex> chain = detail::chain_to(previous, end);
      std::vector<std::uint8_t> mask = ok_;
      for (const CellIndex c : chain) {
        mask[c] = 1;
      }
      std::vector<Point> points = detail::pull_taut(g_, chain, mask);
      if (r.kind != AccessTargetKind::zone) {
        points.push_back(r.position);
      }
      r.route = Route{detail::simplify(points)};
      r.length = r.route.length();
      r.doors = doors_along(r.route.points, &r.narrowest_door);
      // The narrowest point, and every stretch of the route that breaks a limit.
      r.narrowest_width = kUnreached;
      bool in_run = false;
      CellIndex worst = kNoCell;
      const auto close_run = [&] {
        if (in_run) {
          r.blocks.push_back(block_at(worst));
        }
        in_run = false;
      };
      for (const CellIndex c : chain) {
        if (door_[c] < 0 && width_of(c) < r.narrowest_width) {
          r.narrowest_width = width_of(c);
          r.narrowest_position = g_.width_point[c];
        }
        if (ok_[c]) {
          close_run();
          continue;
        }
        if (!in_run || ratio_[c] < ratio_[worst] ||
            (g_.barrier_of[c] >= 0 && g_.barrier_of[worst] < 0)) {
          worst = c;
        }
        in_run = true;
      }
      close_run();
      if (r.narrowest_width == kUnreached) {
        r.narrowest_width = 2.0 * g_.settings.clearance_cap;
        r.narrowest_position = r.position;
      }
      // The same element met twice (a route that crosses a band of cells twice) is one block.
      std::vector<AccessBlock> unique;
      for (const AccessBlock& b : r.blocks) {
        if (std::none_of(unique.begin(), unique.end(), [&](const AccessBlock& u) {
              return u.element_id == b.element_id && u.what == b.what;
            })) {
          unique.push_back(b);
        }
      }
      r.blocks = std::move(unique);
      const AccessBlock* main = r.blocks.empty() ? nullptr : &r.blocks.front();
      for (const AccessBlock& b : r.blocks) {
        if (b.what != "passage" && main->what == "passage") {
          main = &b;
        }
      }
      std::string message = "no wheelchair route from the main entrance to " +
                            std::string(to_string(r.kind)) + " " + r.id + ": ";
      for (std::size_t k = 0; k < r.blocks.size(); ++k) {
        message += (k > 0 ? "; " : "") + describe(r.blocks[k]);
      }
      if (main != nullptr) {
        f.clause = main->clause;
        f.element_id = main->element_id;
        f.position = main->position;
        f.measured = main->measured;
        f.required = main->required;
        f.unit = main->unit;
        message += " (narrowest point " + fmt(r.narrowest_width) + " m at " +
                   at(r.narrowest_position) + "); " + remedy(*main);
      }
      f.message = message;
      f.route = r.route.points;
      report_.findings.push_back(std::move(f));
    }
  }

  void check_crowded() {
    std::vector<double> ratio(ok_.size(), 0.0);
    for (std::size_t c = 0; c < ok_.size(); ++c) {
      if (!ok_[c]) {
        continue;
      }
      ratio[c] = door_[c] >= 0 ? kUnreached : 2.0 * g_.width_radius[c] / s_.crowded_route_width;
    }
    std::vector<CellIndex> previous;
    const std::vector<double> widest = detail::widest_from(g_, entrance_cells_, ratio, &previous);
    // One warning per narrow place, naming every target behind it.
    std::map<CellIndex, std::vector<std::string>> behind;
    std::map<CellIndex, std::vector<Point>> route_to;
    for (const Target& t : targets_) {
      if (!t.result.reachable) {
        continue;
      }
      CellIndex end = kNoCell;
      for (const auto& a : t.cells) {
        if (widest[a.cell] > 0.0 && (end == kNoCell || widest[a.cell] > widest[end])) {
          end = a.cell;
        }
      }
      if (end == kNoCell || widest[end] >= 1.0 - kSlack) {
        continue;
      }
      const std::vector<CellIndex> chain = detail::chain_to(previous, end);
      CellIndex narrow = kNoCell;
      for (const CellIndex c : chain) {
        if (narrow == kNoCell || ratio[c] < ratio[narrow]) {
          narrow = c;
        }
      }
      if (narrow == kNoCell) {
        continue;
      }
      behind[narrow].push_back(t.result.id);
      if (!route_to.count(narrow)) {
        route_to[narrow] = detail::pull_taut(g_, chain, ok_);
      }
    }
    for (const auto& [c, ids] : behind) {
      NavFinding f;
      f.check = "crowded_route_width";
      f.clause = kCrowdedClause;
      f.standard_clauses = {kStandardClause};
      f.severity = Severity::warning;
      f.element_id = g_.owner_id(g_.nearest[c]);
      const std::string other = g_.owner_id(g_.width_pair[c]);
      if (!other.empty() && other != f.element_id) {
        f.element_id += " and " + other;
      }
      f.target_id = ids.front();
      f.position = g_.width_point[c];
      f.measured = 2.0 * g_.width_radius[c];
      f.required = s_.crowded_route_width;
      f.unit = "m";
      std::string list;
      for (std::size_t k = 0; k < ids.size(); ++k) {
        list += (k > 0 ? ", " : "") + ids[k];
      }
      f.message = "the widest wheelchair route to " + list + " narrows to " + fmt(*f.measured) +
                  " m at " + at(f.position) + " beside " + f.element_id +
                  ", less than the 1.80 m a crowded hall should have; widen the passage";
      f.route = route_to[c];
      report_.findings.push_back(std::move(f));
    }
  }

  // Largest turning circle (as a radius) with its centre within turning_search of `p`, on a
  // cell a wheelchair reaches, and on the side `side` of `door` when a door is given.
  double largest_circle(const Point& p, const detail::Doorway* door, double side,
                        Point* where) const {
    double best = 0.0;
    const double r = s_.turning_search;
    const int i0 = std::max(0, static_cast<int>(std::floor((p.x() - r - g_.origin.x()) / g_.h)));
    const int i1 =
        std::min(g_.nx - 1, static_cast<int>(std::floor((p.x() + r - g_.origin.x()) / g_.h)));
    const int j0 = std::max(0, static_cast<int>(std::floor((p.y() - r - g_.origin.y()) / g_.h)));
    const int j1 =
        std::min(g_.ny - 1, static_cast<int>(std::floor((p.y() + r - g_.origin.y()) / g_.h)));
    for (int j = j0; j <= j1; ++j) {
      for (int i = i0; i <= i1; ++i) {
        const CellIndex c = g_.cell(i, j);
        if (ok_field_.g[c] == kUnreached) {
          continue;
        }
        const Point q = g_.width_point[c];
        if ((q - p).norm() > r) {
          continue;
        }
        if (door != nullptr && (q - door->span.a).dot(door->normal) * side <= 0.0) {
          continue;
        }
        if (g_.width_radius[c] > best) {
          best = g_.width_radius[c];
          *where = q;
        }
      }
    }
    return best;
  }

  void turning_finding(const std::string& element, const std::string& target, const Point& p,
                       double radius, const std::string& where_text) {
    NavFinding f;
    f.check = "turning_circle";
    f.clause = kTurningClause;
    f.standard_clauses = {kStandardClause};
    f.element_id = element;
    f.target_id = target;
    f.position = p;
    f.measured = 2.0 * radius;
    f.required = s_.turning_diameter;
    f.unit = "m";
    f.message = "no " + fmt(s_.turning_diameter) + " m turning circle " + where_text +
                "; the largest that fits is " + fmt(2.0 * radius) +
                " m across; clear the floor there";
    report_.findings.push_back(std::move(f));
  }

  void check_turning() {
    const double need = 0.5 * s_.turning_diameter - kSlack;
    std::vector<std::string> doors;
    for (const Target& t : targets_) {
      const AccessTarget& r = t.result;
      if (!r.reachable) {
        continue;
      }
      for (const std::string& d : r.doors) {
        if (std::find(doors.begin(), doors.end(), d) == doors.end()) {
          doors.push_back(d);
        }
      }
      if (r.kind != AccessTargetKind::counter) {
        continue;
      }
      Point where = r.position;
      const double radius = largest_circle(r.position, nullptr, 0.0, &where);
      if (radius < need) {
        turning_finding(r.id, r.id, r.position, radius,
                        "within " + fmt(s_.turning_search, 1) + " m of the customer side of " +
                            r.id + " at " + at(r.position));
      }
    }
    for (const detail::Doorway& d : g_.doorways) {
      const Opening& o = plan_.openings()[d.opening];
      if (std::find(doors.begin(), doors.end(), o.id) == doors.end()) {
        continue;
      }
      const Point mid = 0.5 * (d.span.a + d.span.b);
      for (const double side : {-1.0, 1.0}) {
        if (d.exterior && side < 0.0) {
          continue;  // the outside is not on the plan
        }
        if ((side < 0.0 ? d.room_minus : d.room_plus) < 0) {
          continue;
        }
        Point where = mid;
        const double radius = largest_circle(mid, &d, side, &where);
        if (radius < need) {
          turning_finding(o.id, "", mid, radius,
                          "on one side of door " + o.id + " at " + at(mid) + " (towards " +
                              at(mid + side * d.normal) + ")");
        }
      }
    }
  }

  void check_low_counter() {
    if (plan_.counters().empty()) {
      return;
    }
    bool any_low = false;
    bool reached = false;
    for (const Target& t : targets_) {
      if (!t.result.low_counter) {
        continue;
      }
      any_low = true;
      reached = reached || t.result.reachable;
    }
    if (any_low && reached) {
      return;
    }
    NavFinding f;
    f.check = "low_counter";
    f.clause = kLowCounterClause;
    f.standard_clauses = {kStandardClause};
    f.measured = 0.0;
    f.required = 1.0;
    f.unit = "counters";
    f.message = any_low ? "no low counter can be reached in a wheelchair; clear the way to one"
                        : "no counter is a low counter with knee space; mark one \"low\" (700-850 "
                          "mm high) and give it knee space";
    report_.findings.push_back(std::move(f));
  }

  // Steps, stairs and ramps outside the building belong to the outside door nearest to them;
  // those before an entrance a wheelchair uses are its approach (GB 55019 2.3.1, 2.2.2).
  void check_approach() {
    const auto& openings = plan_.openings();
    std::vector<const Opening*> outside;
    for (const Opening& o : openings) {
      if (o.exterior) {
        outside.push_back(&o);
      }
    }
    // Per entrance: the rise the steps before it make, and whether a usable ramp climbs it.
    std::map<std::string, double> step_rise;
    std::map<std::string, double> ramp_rise;
    std::map<std::string, std::size_t> highest;
    const auto& changes = plan_.level_changes();
    for (const LevelChange& lc : changes) {
      if (contains(plan_.outline(), 0.5 * (lc.line.a + lc.line.b))) {
        continue;  // inside: the grid's barriers
      }
      const Opening* door = nullptr;
      double nearest = kUnreached;
      for (const Opening* o : outside) {
        const double d = segment_distance(lc.line, o->span);
        if (d < nearest - kSlack) {
          nearest = d;
          door = o;
        }
      }
      if (door == nullptr || !(door->main_entrance() || door->accessible)) {
        continue;
      }
      ApproachLevelChange a;
      a.id = lc.id;
      a.entrance_id = door->id;
      a.kind = lc.kind;
      a.rise = lc.rise;
      a.width = lc.width;
      a.slope = lc.kind == LevelChangeKind::step || lc.run() <= 0.0 ? 0.0 : lc.rise / lc.run();
      if (lc.kind == LevelChangeKind::ramp) {
        a.passable = a.slope <= s_.max_ramp_slope + kSlack && a.rise <= s_.max_ramp_rise + kSlack &&
                     a.width >= s_.route_width - kSlack;
        check_ramp(lc, a);
        if (a.passable) {
          ramp_rise[door->id] = std::max(ramp_rise[door->id], a.rise);
        }
      } else {
        a.passable = a.rise <= s_.max_step_rise + kSlack;
        if (!a.passable && a.rise > step_rise[door->id]) {
          step_rise[door->id] = a.rise;
          highest[door->id] = report_.approach.size();
        }
      }
      report_.approach.push_back(std::move(a));
    }
    for (const auto& [door, rise] : step_rise) {
      if (ramp_rise[door] >= rise - kSlack) {
        continue;
      }
      const ApproachLevelChange& a = report_.approach[highest[door]];
      const LevelChange& lc = *std::find_if(changes.begin(), changes.end(),
                                            [&](const LevelChange& c) { return c.id == a.id; });
      NavFinding f = approach_finding("approach_step", lc, a);
      f.measured = a.rise * 1000.0;
      f.required = s_.max_step_rise * 1000.0;
      f.unit = "mm";
      f.message = (a.kind == LevelChangeKind::stairs ? "stairs " : "step ") + a.id;
      f.message += " before entrance " + door + " rises " + fmt(a.rise * 1000.0, 0) + " mm, and ";
      f.message += ramp_rise[door] > 0.0 ? "the usable ramps beside it climb only " +
                                               fmt(ramp_rise[door] * 1000.0, 0) + " mm"
                                         : std::string("no usable ramp climbs it");
      f.message += "; add a ramp of at most 1:" + fmt(1.0 / s_.max_ramp_slope, 0) + " (at least " +
                   fmt(a.rise / s_.max_ramp_slope) + " m long) and " + fmt(s_.route_width) +
                   " m wide beside it";
      report_.findings.push_back(std::move(f));
    }
  }

  NavFinding approach_finding(const std::string& check, const LevelChange& lc,
                              const ApproachLevelChange& a) const {
    NavFinding f;
    f.check = check;
    f.clause = kRampClause;
    f.standard_clauses = {kStandardClause};
    f.element_id = lc.id;
    f.target_id = a.entrance_id;
    f.position = 0.5 * (lc.line.a + lc.line.b);
    return f;
  }

  void check_ramp(const LevelChange& lc, const ApproachLevelChange& a) {
    const std::string name = "ramp " + lc.id + " before entrance " + a.entrance_id;
    if (a.slope > s_.max_ramp_slope + kSlack) {
      NavFinding f = approach_finding("approach_ramp", lc, a);
      f.measured = a.slope;
      f.required = s_.max_ramp_slope;
      f.unit = "ratio";
      f.message = name + " rises 1:" + fmt(1.0 / a.slope, 1) +
                  ", steeper than 1:" + fmt(1.0 / s_.max_ramp_slope, 0) +
                  "; lengthen its run to at least " + fmt(a.rise / s_.max_ramp_slope) + " m";
      report_.findings.push_back(std::move(f));
    }
    if (a.rise > s_.max_ramp_rise + kSlack) {
      NavFinding f = approach_finding("approach_ramp", lc, a);
      f.measured = a.rise;
      f.required = s_.max_ramp_rise;
      f.unit = "m";
      f.message = name + " rises " + fmt(a.rise) + " m in one run, more than " +
                  fmt(s_.max_ramp_rise) + " m; break it into runs with a landing of at least " +
                  fmt(s_.turning_diameter) + " m between them, each drawn as a ramp of its own";
      report_.findings.push_back(std::move(f));
    }
    if (a.width < s_.route_width - kSlack) {
      NavFinding f = approach_finding("approach_ramp", lc, a);
      f.clause = kRouteClause;
      f.measured = a.width;
      f.required = s_.route_width;
      f.unit = "m";
      f.message = name + " is " + fmt(a.width) + " m wide, less than the " + fmt(s_.route_width) +
                  " m of an accessible route; widen it";
      report_.findings.push_back(std::move(f));
    }
  }

  const NavGrid& g_;
  AccessSettings s_;
  const Plan& plan_;
  AccessReport report_;
  std::vector<int> door_;         // per cell: the opening whose width limits it, or -1
  std::vector<double> ratio_;     // per cell: free width over the width required there
  std::vector<std::uint8_t> ok_;  // per cell: a wheelchair may cross it
  std::vector<detail::FieldSource> entrance_;
  std::vector<CellIndex> entrance_cells_;
  std::vector<Target> targets_;
  detail::Field ok_field_;
};

}  // namespace

bool AccessReport::passes() const {
  return std::none_of(findings.begin(), findings.end(),
                      [](const NavFinding& f) { return f.severity == Severity::failure; });
}

AccessReport check_access(const NavGraph& graph, const AccessSettings& settings) {
  return AccessCheck(graph, settings).run();
}

const char* to_string(AccessTargetKind value) {
  switch (value) {
    case AccessTargetKind::zone:
      return "zone";
    case AccessTargetKind::counter:
      return "counter";
    case AccessTargetKind::kiosk:
      return "kiosk";
  }
  return "?";
}

}  // namespace hallsim::layout
