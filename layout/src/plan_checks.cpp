#include "plan_checks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "enum_names.hpp"

namespace hallsim::layout::detail {

namespace {

constexpr double kMaxCoordinate = 10000.0;    // metres: a hall plan spans less than 10 km
constexpr double kMinOverlap = 1e-4;          // m²: furniture touching along an edge is fine
constexpr double kMinZoneOverlap = 1e-2;      // m²: zones drawn on a shared wall line may graze
constexpr double kMinOutlineArea = 1.0;       // m²
constexpr double kMaxOutsideDistance = 20.0;  // m: entrance steps, ramps and signs outside

std::string quote(const std::string& s) {
  return "'" + s + "'";
}
std::string at(const std::string& base, std::size_t index) {
  return base + "/" + std::to_string(index);
}

const char* type_word(ElementType type) {
  switch (type) {
    case ElementType::wall:
      return "wall";
    case ElementType::zone:
      return "zone";
    case ElementType::opening:
      return "opening";
    case ElementType::level_change:
      return "level change";
    case ElementType::counter:
      return "counter";
    case ElementType::kiosk:
      return "kiosk";
    case ElementType::seat_row:
      return "seat row";
    case ElementType::desk:
      return "desk";
    case ElementType::sign:
      return "sign";
    case ElementType::amenity:
      return "amenity";
    case ElementType::obstacle:
      return "obstacle";
    case ElementType::camera:
      return "camera";
  }
  return "element";
}

const char* list_name(ElementType type) {
  switch (type) {
    case ElementType::wall:
      return "/walls";
    case ElementType::zone:
      return "/zones";
    case ElementType::opening:
      return "/openings";
    case ElementType::level_change:
      return "/level_changes";
    case ElementType::counter:
      return "/counters";
    case ElementType::kiosk:
      return "/kiosks";
    case ElementType::seat_row:
      return "/seat_rows";
    case ElementType::desk:
      return "/desks";
    case ElementType::sign:
      return "/signs";
    case ElementType::amenity:
      return "/amenities";
    case ElementType::obstacle:
      return "/obstacles";
    case ElementType::camera:
      return "/cameras";
  }
  return "";
}

bool finite(const Point& p) {
  return std::isfinite(p.x()) && std::isfinite(p.y());
}

// A straight piece of some wall, for finding the wall an opening sits in.
struct WallPiece {
  std::string wall;
  Segment segment;
};

// A footprint that passed its own checks, for the pairwise overlap test.
struct Placed {
  std::string pointer;  // of the footprint
  std::string what;     // e.g. "counter 'c1'"
  const Polygon* footprint = nullptr;
};

class Checker {
 public:
  Checker(PlanData& data, DiagnosticSink& sink) : data_(data), sink_(sink) {}

  void run() {
    check_numbers();
    // Geometry on non-finite or absurd numbers would only add noise to the list.
    if (!sink_.empty()) {
      return;
    }
    check_site();
    check_ids();
    check_outline();
    check_walls();
    check_zones();
    check_openings();
    check_level_changes();
    check_counters();
    check_kiosks();
    check_seat_rows();
    check_desks();
    check_obstacles();
    check_overlaps();
    check_signs();
    check_amenities();
    check_cameras();
    check_attestations();
  }

 private:
  // ---- numbers -------------------------------------------------------------------------
  void point(const std::string& ptr, const Point& p) {
    if (!finite(p)) {
      sink_.error(ptr, "the point " + format_point(p) + " is not finite",
                  "write two finite numbers [x, y] in metres");
    } else if (std::abs(p.x()) > kMaxCoordinate || std::abs(p.y()) > kMaxCoordinate) {
      sink_.error(ptr, "the point " + format_point(p) + " lies more than 10 km from the origin",
                  "write coordinates in metres between -10000 and 10000");
    }
  }
  void ring(const std::string& ptr, const Polygon& polygon) {
    for (std::size_t i = 0; i < polygon.size(); ++i) {
      point(at(ptr, i), polygon[i]);
    }
  }
  void range(const std::string& ptr, double value, double lo, double hi, const char* what) {
    if (!(value >= lo && value <= hi)) {
      sink_.error(ptr, std::string(what) + " " + format_number(value) + " is out of range",
                  "write a value between " + format_number(lo) + " and " + format_number(hi));
    }
  }
  void direction(const std::string& ptr, const Point& d) {
    if (!finite(d)) {
      sink_.error(ptr, "the direction is not finite", "write two finite numbers [dx, dy]");
    } else if (d.norm() < 1e-9) {
      sink_.error(ptr, "the direction [0, 0] points nowhere",
                  "write a non-zero vector, e.g. [0, -1] for south");
    }
  }

  void check_numbers() {
    const Site& site = data_.site;
    range("/site/served_population", site.served_population, 0, 1e7, "the population");
    range("/site/enterprises", site.enterprises, 0, 1e6, "the number of enterprises");
    ring("/outline", data_.outline);
    for (std::size_t i = 0; i < data_.walls.size(); ++i) {
      const std::string p = at("/walls", i);
      ring(p + "/points", data_.walls[i].points);
      range(p + "/thickness", data_.walls[i].thickness, 0.02, 2.0, "the thickness");
    }
    for (std::size_t i = 0; i < data_.zones.size(); ++i) {
      ring(at("/zones", i) + "/polygon", data_.zones[i].polygon);
    }
    for (std::size_t i = 0; i < data_.openings.size(); ++i) {
      const std::string p = at("/openings", i);
      const Opening& o = data_.openings[i];
      point(p + "/position", o.position);
      range(p + "/width", o.width, 0.3, 20.0, "the width");
      range(p + "/threshold_mm", o.threshold_mm, 0.0, 500.0, "the threshold");
    }
    for (std::size_t i = 0; i < data_.level_changes.size(); ++i) {
      const std::string p = at("/level_changes", i);
      const LevelChange& c = data_.level_changes[i];
      point(p + "/line/0", c.line.a);
      point(p + "/line/1", c.line.b);
      range(p + "/rise", c.rise, 0.005, 10.0, "the rise");
      if (c.width != 0.0) {
        range(p + "/width", c.width, 0.3, 20.0, "the width");
      }
    }
    for (std::size_t i = 0; i < data_.counters.size(); ++i) {
      const std::string p = at("/counters", i);
      const Counter& c = data_.counters[i];
      ring(p + "/footprint", c.footprint);
      point(p + "/customer_side", c.customer_side);
      point(p + "/staff_side", c.staff_side);
      if (c.height_mm != 0.0) {
        range(p + "/height_mm", c.height_mm, 300.0, 1500.0, "the height");
      }
    }
    for (std::size_t i = 0; i < data_.kiosks.size(); ++i) {
      const std::string p = at("/kiosks", i);
      ring(p + "/footprint", data_.kiosks[i].footprint);
      point(p + "/customer_side", data_.kiosks[i].customer_side);
    }
    for (std::size_t i = 0; i < data_.seat_rows.size(); ++i) {
      const std::string p = at("/seat_rows", i);
      const SeatRow& r = data_.seat_rows[i];
      ring(p + "/footprint", r.footprint);
      range(p + "/seats", r.seats, 1, 500, "the number of seats");
      if (r.facing) {
        direction(p + "/facing", *r.facing);
      }
    }
    for (std::size_t i = 0; i < data_.desks.size(); ++i) {
      ring(at("/desks", i) + "/footprint", data_.desks[i].footprint);
    }
    for (std::size_t i = 0; i < data_.signs.size(); ++i) {
      const std::string p = at("/signs", i);
      point(p + "/position", data_.signs[i].position);
      direction(p + "/facing", data_.signs[i].facing);
    }
    for (std::size_t i = 0; i < data_.amenities.size(); ++i) {
      const std::string p = at("/amenities", i);
      const Amenity& a = data_.amenities[i];
      point(p + "/position", a.position);
      if (a.facing) {
        direction(p + "/facing", *a.facing);
      }
      range(p + "/count", a.count, 1, 1000, "the count");
    }
    for (std::size_t i = 0; i < data_.obstacles.size(); ++i) {
      ring(at("/obstacles", i) + "/footprint", data_.obstacles[i].footprint);
    }
    for (std::size_t i = 0; i < data_.cameras.size(); ++i) {
      const std::string p = at("/cameras", i);
      const Camera& c = data_.cameras[i];
      point(p + "/position", c.position);
      direction(p + "/facing", c.facing);
      range(p + "/field_of_view_deg", c.field_of_view_deg, 1.0, 360.0, "the field of view");
      range(p + "/range", c.range, 0.5, 100.0, "the range");
    }
  }

  // ---- site ----------------------------------------------------------------------------
  void check_site() {
    const Site& site = data_.site;
    if (site.name.empty()) {
      sink_.error("/site/name", "the site has no name",
                  "write its official name, e.g. \"XX镇便民服务中心\"");
    }
    if (site.opening_hours.empty()) {
      sink_.error("/site/opening_hours", "the site has no opening hours",
                  "list at least one period, e.g. {\"days\": [\"mon\"], \"open\": \"08:30\", "
                  "\"close\": \"12:00\"}");
    }
    for (std::size_t i = 0; i < site.opening_hours.size(); ++i) {
      const OpeningPeriod& period = site.opening_hours[i];
      const std::string p = at("/site/opening_hours", i);
      if (period.days.empty()) {
        sink_.error(p + "/days", "the period has no days", R"(list the days, e.g. ["mon", "tue"])");
      }
      if (period.open_minute < 0 || period.close_minute > 24 * 60 ||
          period.open_minute >= period.close_minute) {
        sink_.error(p + "/close", "the period closes at or before it opens",
                    R"(make "close" later than "open" on the same day)");
      }
    }
  }

  // ---- ids -----------------------------------------------------------------------------
  template <class T>
  void collect_ids(const std::vector<T>& items, ElementType type) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string ptr = at(list_name(type), i) + "/id";
      const std::string& id = items[i].id;
      if (id.empty()) {
        sink_.error(ptr, "the id is empty", "give every element a unique id such as \"c1\"");
        continue;
      }
      if (id == kOutlineWallId) {
        sink_.error(ptr, "the id 'outline' is reserved for the building outline",
                    "choose another id");
        continue;
      }
      const auto [it, inserted] = ids_.emplace(id, ElementRef{type, i});
      if (!inserted) {
        sink_.error(ptr,
                    "the id " + quote(id) + " is already used by " +
                        at(list_name(it->second.type), it->second.index),
                    "give every element its own id");
      }
    }
  }

  void check_ids() {
    collect_ids(data_.walls, ElementType::wall);
    collect_ids(data_.zones, ElementType::zone);
    collect_ids(data_.openings, ElementType::opening);
    collect_ids(data_.level_changes, ElementType::level_change);
    collect_ids(data_.counters, ElementType::counter);
    collect_ids(data_.kiosks, ElementType::kiosk);
    collect_ids(data_.seat_rows, ElementType::seat_row);
    collect_ids(data_.desks, ElementType::desk);
    collect_ids(data_.signs, ElementType::sign);
    collect_ids(data_.amenities, ElementType::amenity);
    collect_ids(data_.obstacles, ElementType::obstacle);
    collect_ids(data_.cameras, ElementType::camera);
  }

  std::string ids_of(ElementType type) const {
    std::string list;
    int shown = 0;
    for (const auto& [id, ref] : ids_) {
      if (ref.type != type) {
        continue;
      }
      if (shown == 12) {
        list += ", ...";
        break;
      }
      list += (shown++ == 0 ? "" : ", ") + id;
    }
    return list.empty() ? "(none defined)" : list;
  }

  // Index of the zone named `id`, or nothing (after saying why).
  std::optional<std::size_t> resolve_zone(const std::string& ptr, const std::string& id) {
    const auto it = ids_.find(id);
    if (it == ids_.end()) {
      sink_.error(ptr, "no zone has the id " + quote(id),
                  "use the id of one of the zones: " + ids_of(ElementType::zone));
      return std::nullopt;
    }
    if (it->second.type != ElementType::zone) {
      sink_.error(ptr, quote(id) + " is a " + type_word(it->second.type) + ", not a zone",
                  "use the id of one of the zones: " + ids_of(ElementType::zone));
      return std::nullopt;
    }
    return it->second.index;
  }

  // ---- polygons ------------------------------------------------------------------------
  // Checks that `polygon` is a simple ring; `what` names it in messages.
  bool simple(const std::string& ptr, const Polygon& polygon, const std::string& what) {
    if (polygon.size() < 3) {
      sink_.error(ptr, what + " has " + std::to_string(polygon.size()) + " corners",
                  "give at least 3 distinct corners");
      return false;
    }
    if (const auto x = find_self_intersection(polygon)) {
      const Segment ea = edge(polygon, x->edge_a);
      const Segment eb = edge(polygon, x->edge_b);
      if (eb.length() == 0.0 || ea.length() == 0.0) {
        const std::size_t repeated = ea.length() == 0.0 ? x->edge_a : x->edge_b;
        sink_.error(at(ptr, (repeated + 1) % polygon.size()),
                    what + " repeats the point " + format_point(polygon[repeated]),
                    "delete the repeated point (only the last point of a ring repeats the first)");
      } else {
        sink_.error(at(ptr, x->edge_b),
                    what + " crosses itself: its edge from point " + std::to_string(x->edge_b) +
                        " meets its edge from point " + std::to_string(x->edge_a) + " at " +
                        format_point(x->where),
                    "order the points so that the boundary goes round once without crossing");
      }
      return false;
    }
    if (area(polygon) < 1e-6) {
      sink_.error(ptr, what + " has no area", "spread its corners apart");
      return false;
    }
    return true;
  }

  // Checks that `polygon` lies in `outer` (5 cm tolerance); `where` names `outer`.
  void within(const std::string& ptr, const Polygon& polygon, const Polygon& outer,
              const std::string& what, const std::string& where) {
    if (polygon_within(polygon, outer, kPlanTolerance)) {
      return;
    }
    for (std::size_t i = 0; i < polygon.size(); ++i) {
      if (!contains(outer, polygon[i], kPlanTolerance)) {
        std::string message = what;
        message += " reaches outside " + where + ": the point " + format_point(polygon[i]);
        message +=
            " is " + format_number(distance_to_boundary(outer, polygon[i])) + " m outside it";
        sink_.error(at(ptr, i), message, "move the point inside " + where + " or enlarge " + where);
        return;
      }
    }
    sink_.error(ptr, what + " crosses the edge of " + where + " between two of its points",
                "move its points so that it lies inside " + where);
  }

  // ---- outline and walls ---------------------------------------------------------------
  void check_outline() {
    outline_ok_ = simple("/outline", data_.outline, "the building outline");
    if (outline_ok_ && area(data_.outline) < kMinOutlineArea) {
      sink_.error("/outline", "the building outline encloses less than 1 m²",
                  "draw the outline in metres (x east, y north)");
      outline_ok_ = false;
    }
    if (!outline_ok_) {
      return;
    }
    for (std::size_t i = 0; i < data_.outline.size(); ++i) {
      pieces_.push_back(WallPiece{kOutlineWallId, edge(data_.outline, i)});
    }
  }

  bool inside_building(const std::string& ptr, const Point& p, const std::string& what) {
    if (!outline_ok_ || contains(data_.outline, p, kPlanTolerance)) {
      return true;
    }
    sink_.error(ptr,
                what + " at " + format_point(p) + " is outside the building (" +
                    format_number(distance_to_boundary(data_.outline, p)) + " m from the outline)",
                "move it inside the outline");
    return false;
  }

  // Things that may stand outside (entrance steps and ramps, signs) must stay near the
  // building; a far-off point is usually a typo or a plan drawn in the wrong unit.
  bool near_building(const std::string& ptr, const Point& p, const std::string& what) {
    if (!outline_ok_ || contains(data_.outline, p, kPlanTolerance)) {
      return true;
    }
    const double d = distance_to_boundary(data_.outline, p);
    if (d <= kMaxOutsideDistance) {
      return true;
    }
    sink_.error(
        ptr, what + " at " + format_point(p) + " is " + format_number(d) + " m from the building",
        "move it inside or within " + format_number(kMaxOutsideDistance) + " m of the outline");
    return false;
  }

  void check_walls() {
    for (std::size_t i = 0; i < data_.walls.size(); ++i) {
      const Wall& wall = data_.walls[i];
      const std::string p = at("/walls", i) + "/points";
      if (wall.points.size() < 2) {
        sink_.error(p, "wall " + quote(wall.id) + " has fewer than 2 points",
                    "give the two ends of the wall");
        continue;
      }
      for (std::size_t k = 0; k < wall.points.size(); ++k) {
        inside_building(at(p, k), wall.points[k], "the end of wall " + quote(wall.id));
        if (k + 1 < wall.points.size()) {
          const Segment s{wall.points[k], wall.points[k + 1]};
          if (s.length() == 0.0) {
            sink_.error(at(p, k + 1),
                        "wall " + quote(wall.id) + " repeats the point " + format_point(s.a),
                        "delete the repeated point");
          } else {
            pieces_.push_back(WallPiece{wall.id, s});
          }
        }
      }
    }
  }

  // ---- zones ---------------------------------------------------------------------------
  void check_zones() {
    zone_ok_.assign(data_.zones.size(), false);
    for (std::size_t i = 0; i < data_.zones.size(); ++i) {
      const Zone& zone = data_.zones[i];
      const std::string p = at("/zones", i);
      const std::string what = "zone " + quote(zone.id);
      if (zone.theme != FeaturedTheme::none && zone.kind != ZoneKind::featured) {
        sink_.error(p + "/theme", what + " has a theme but is not a featured zone",
                    R"(remove "theme" or set "kind" to "featured")");
      }
      if (!simple(p + "/polygon", zone.polygon, what)) {
        continue;
      }
      zone_ok_[i] = true;
      if (outline_ok_) {
        within(p + "/polygon", zone.polygon, data_.outline, what, "the building");
      }
    }
    for (std::size_t j = 0; j < data_.zones.size(); ++j) {
      if (sink_.full()) {
        return;  // pairwise checks are the slow part of a very broken file
      }
      for (std::size_t i = 0; i < j; ++i) {
        if (!zone_ok_[i] || !zone_ok_[j]) {
          continue;
        }
        const double shared = overlap_area(data_.zones[i].polygon, data_.zones[j].polygon);
        if (shared > kMinZoneOverlap) {
          sink_.error(at("/zones", j) + "/polygon",
                      "zone " + quote(data_.zones[j].id) + " overlaps zone " +
                          quote(data_.zones[i].id) + " (" + at("/zones", i) + ") by " +
                          format_number(shared) + " m²",
                      "move the shared boundary so that the two zones only touch");
        }
      }
    }
  }

  // ---- openings ------------------------------------------------------------------------
  void check_openings() {
    int main_entrances = 0;
    struct Placement {
      std::size_t piece;
      double from;
      double to;
    };
    std::vector<std::optional<Placement>> placed(data_.openings.size());
    for (std::size_t i = 0; i < data_.openings.size(); ++i) {
      Opening& o = data_.openings[i];
      const std::string p = at("/openings", i);
      const std::string what = "opening " + quote(o.id);
      if (o.main_entrance()) {
        if (++main_entrances > 1) {
          sink_.error(p + "/category", what + " is a second main entrance (pedestrian.principal)",
                      "mark only the main door \"pedestrian.principal\"; use \"pedestrian\" for "
                      "the others");
        }
      }
      if (o.swing != Swing::none && o.door != DoorType::swinging) {
        sink_.error(p + "/swing", what + " has a swing but its door is not a swinging door",
                    R"(remove "swing" or set "door" to "swinging")");
      }
      if (!o.swing_into.empty()) {
        resolve_zone(p + "/swing_into", o.swing_into);
      }

      // Which wall piece the opening is on: the named wall's, or the nearest of all.
      bool wall_known = true;
      if (!o.wall.empty() && o.wall != kOutlineWallId) {
        const auto it = ids_.find(o.wall);
        if (it == ids_.end() || it->second.type != ElementType::wall) {
          sink_.error(
              p + "/wall",
              it == ids_.end()
                  ? "no wall has the id " + quote(o.wall)
                  : quote(o.wall) + " is a " + type_word(it->second.type) + ", not a wall",
              "use \"outline\" or the id of one of the walls: " + ids_of(ElementType::wall));
          wall_known = false;
        }
      }
      // Without a valid outline the wall pieces are incomplete and any answer would mislead.
      if (!wall_known || !outline_ok_) {
        continue;
      }
      std::optional<std::size_t> best;
      double best_distance = std::numeric_limits<double>::infinity();
      for (std::size_t k = 0; k < pieces_.size(); ++k) {
        if (!o.wall.empty() && pieces_[k].wall != o.wall) {
          continue;
        }
        const double d = distance(o.position, pieces_[k].segment);
        if (d < best_distance) {
          best_distance = d;
          best = k;
        }
      }
      if (!best) {
        continue;  // the named wall had no usable piece; said already
      }
      const WallPiece& piece = pieces_[*best];
      if (best_distance > kPlanTolerance) {
        const std::string wall_name =
            piece.wall == kOutlineWallId ? "the outline" : "wall " + quote(piece.wall);
        std::string message = what + " at " + format_point(o.position) + " is not on ";
        message += o.wall.empty() ? "any wall: the nearest is " : "its wall, ";
        message += wall_name + ", " + format_number(best_distance) + " m away";
        sink_.error(p + "/position", message,
                    "move the position onto the wall line (within 0.05 m)" +
                        std::string(o.wall.empty() ? "" : " or name the right wall"));
        continue;
      }
      const Segment& s = piece.segment;
      const Point dir = (s.b - s.a) / s.length();
      const double t = projection_parameter(s, o.position) * s.length();
      const double from = t - 0.5 * o.width;
      const double to = t + 0.5 * o.width;
      if (from < -kPlanTolerance || to > s.length() + kPlanTolerance) {
        sink_.error(p + "/width",
                    what + " is " + format_number(o.width) + " m wide but its straight piece of " +
                        (piece.wall == kOutlineWallId ? std::string("the outline")
                                                      : "wall " + quote(piece.wall)) +
                        " is " + format_number(s.length()) + " m long and the opening runs " +
                        format_number(std::max(-from, to - s.length())) + " m past its end",
                    "move the opening along the wall or make it narrower");
        continue;
      }
      o.wall = piece.wall;
      o.exterior = piece.wall == kOutlineWallId;
      o.span = Segment{s.a + std::max(from, 0.0) * dir, s.a + std::min(to, s.length()) * dir};
      placed[i] = Placement{*best, from, to};
      if (o.emergency_exit && !o.exterior) {
        sink_.error(p + "/emergency_exit",
                    what + " is an emergency exit but is in interior wall " + quote(o.wall),
                    "an emergency exit must lead outside: put it in the outline, or set "
                    "\"emergency_exit\" to false");
      }
      if (o.main_entrance() && !o.exterior) {
        sink_.error(p + "/category",
                    what + " is the main entrance but is in interior wall " + quote(o.wall),
                    "put the main entrance in the building outline");
      }
    }
    if (main_entrances == 0) {
      sink_.error("/openings", "the plan has no main entrance",
                  R"(give the main door "category": "pedestrian.principal")");
    }
    for (std::size_t j = 0; j < placed.size(); ++j) {
      if (sink_.full()) {
        return;  // pairwise checks are the slow part of a very broken file
      }
      for (std::size_t i = 0; i < j; ++i) {
        if (!placed[i] || !placed[j] || placed[i]->piece != placed[j]->piece) {
          continue;
        }
        const double shared =
            std::min(placed[i]->to, placed[j]->to) - std::max(placed[i]->from, placed[j]->from);
        if (shared > 0.01) {
          sink_.error(at("/openings", j) + "/position",
                      "opening " + quote(data_.openings[j].id) + " overlaps opening " +
                          quote(data_.openings[i].id) + " (" + at("/openings", i) + ") by " +
                          format_number(shared) + " m along the wall",
                      "move one of them along the wall or make them narrower");
        }
      }
    }
  }

  // ---- level changes -------------------------------------------------------------------
  void check_level_changes() {
    for (std::size_t i = 0; i < data_.level_changes.size(); ++i) {
      LevelChange& c = data_.level_changes[i];
      const std::string p = at("/level_changes", i);
      const std::string what = std::string(to_string(c.kind)) + " " + quote(c.id);
      near_building(p + "/line/0", c.line.a, "the start of " + what);
      near_building(p + "/line/1", c.line.b, "the end of " + what);
      if (c.line.length() < kPlanTolerance) {
        sink_.error(p + "/line", "the line of " + what + " is shorter than 0.05 m",
                    c.kind == LevelChangeKind::step ? "give the two ends of the step's edge"
                                                    : "give the bottom and top of the centreline");
        continue;
      }
      if (c.kind == LevelChangeKind::step) {
        if (c.width == 0.0) {
          c.width = c.line.length();
        }
      } else if (c.width == 0.0) {
        sink_.error(p, what + " has no clear width", "add \"width\": its clear width in metres");
      }
    }
  }

  // ---- furniture -----------------------------------------------------------------------
  // Checks a footprint that belongs to a zone; returns true if it can be tested for overlap.
  bool footprint_in_zone(const std::string& p, const std::string& zone_id, const Polygon& footprint,
                         const std::string& what) {
    const auto zone = resolve_zone(p + "/zone", zone_id);
    if (!simple(p + "/footprint", footprint, what)) {
      return false;
    }
    if (zone && zone_ok_[*zone]) {
      within(p + "/footprint", footprint, data_.zones[*zone].polygon, what,
             "its zone " + quote(zone_id));
    }
    return true;
  }

  void side(const std::string& ptr, const Point& s, const Polygon& footprint,
            const std::string& what) {
    if (!inside_building(ptr, s, what)) {
      return;
    }
    if (locate(footprint, s) == Containment::inside) {
      sink_.error(ptr, what + " " + format_point(s) + " is on the desk itself",
                  "put it in front of the desk, where a person stands or sits");
    }
  }

  void check_counters() {
    std::map<std::string, std::size_t> numbers;
    for (std::size_t i = 0; i < data_.counters.size(); ++i) {
      const Counter& c = data_.counters[i];
      const std::string p = at("/counters", i);
      const std::string what = "counter " + quote(c.id);
      if (c.number.empty()) {
        sink_.error(p + "/number", what + " has no window number",
                    "write the number shown over it");
      } else if (const auto [it, inserted] = numbers.emplace(c.number, i); !inserted) {
        sink_.error(p + "/number",
                    "window number " + quote(c.number) + " is already used by " +
                        at("/counters", it->second),
                    "give every counter its own number");
      }
      if (!footprint_in_zone(p, c.zone, c.footprint, what)) {
        continue;
      }
      placed_.push_back(Placed{p + "/footprint", what, &c.footprint});
      side(p + "/customer_side", c.customer_side, c.footprint, "the customer side of " + what);
      side(p + "/staff_side", c.staff_side, c.footprint, "the staff side of " + what);
      // The desk must stand between visitor and clerk: the line joining them crosses it.
      const Segment across{c.customer_side, c.staff_side};
      int crossings = 0;
      for (std::size_t k = 0; k < c.footprint.size(); ++k) {
        if (segments_intersect(across, edge(c.footprint, k))) {
          ++crossings;
        }
      }
      if (crossings < 2 && locate(c.footprint, c.customer_side) == Containment::outside &&
          locate(c.footprint, c.staff_side) == Containment::outside) {
        sink_.error(
            p + "/staff_side",
            "the customer side and the staff side of " + what + " are on the same side of the desk",
            "put the staff side behind the desk, so that the desk lies between the two "
            "points");
      }
    }
  }

  void check_kiosks() {
    for (std::size_t i = 0; i < data_.kiosks.size(); ++i) {
      const Kiosk& k = data_.kiosks[i];
      const std::string p = at("/kiosks", i);
      const std::string what = "kiosk " + quote(k.id);
      if (!footprint_in_zone(p, k.zone, k.footprint, what)) {
        continue;
      }
      placed_.push_back(Placed{p + "/footprint", what, &k.footprint});
      side(p + "/customer_side", k.customer_side, k.footprint, "the customer side of " + what);
    }
  }

  void check_seat_rows() {
    for (std::size_t i = 0; i < data_.seat_rows.size(); ++i) {
      SeatRow& r = data_.seat_rows[i];
      const std::string p = at("/seat_rows", i);
      const std::string what = "seat row " + quote(r.id);
      if (r.priority_seats < 0 || r.priority_seats > r.seats) {
        sink_.error(p + "/priority_seats",
                    what + " has " + std::to_string(r.priority_seats) + " priority seats out of " +
                        std::to_string(r.seats),
                    "write a number between 0 and \"seats\"");
      }
      if (r.facing) {
        *r.facing = r.facing->normalized();
      }
      if (!footprint_in_zone(p, r.zone, r.footprint, what)) {
        continue;
      }
      placed_.push_back(Placed{p + "/footprint", what, &r.footprint});
    }
  }

  void check_desks() {
    for (std::size_t i = 0; i < data_.desks.size(); ++i) {
      const Desk& d = data_.desks[i];
      const std::string p = at("/desks", i);
      const std::string what = "desk " + quote(d.id);
      if (!footprint_in_zone(p, d.zone, d.footprint, what)) {
        continue;
      }
      placed_.push_back(Placed{p + "/footprint", what, &d.footprint});
    }
  }

  void check_obstacles() {
    for (std::size_t i = 0; i < data_.obstacles.size(); ++i) {
      const Obstacle& o = data_.obstacles[i];
      const std::string p = at("/obstacles", i) + "/footprint";
      const std::string what = "obstacle " + quote(o.id);
      if (!simple(p, o.footprint, what)) {
        continue;
      }
      if (outline_ok_) {
        within(p, o.footprint, data_.outline, what, "the building");
      }
      placed_.push_back(Placed{p, what, &o.footprint});
    }
  }

  void check_overlaps() {
    for (std::size_t j = 0; j < placed_.size(); ++j) {
      if (sink_.full()) {
        return;  // pairwise checks are the slow part of a very broken file
      }
      for (std::size_t i = 0; i < j; ++i) {
        const double shared = overlap_area(*placed_[i].footprint, *placed_[j].footprint);
        if (shared > kMinOverlap) {
          sink_.error(placed_[j].pointer,
                      placed_[j].what + " overlaps " + placed_[i].what + " (" + placed_[i].pointer +
                          ") by " + format_number(shared) + " m²",
                      "move or shrink one of them so that they only touch");
        }
      }
    }
  }

  // ---- things at a point ---------------------------------------------------------------
  // Checks or finds the zone of a thing at `position`.
  void place_in_zone(const std::string& p, std::string& zone_id, const Point& position,
                     const std::string& what) {
    if (!zone_id.empty()) {
      const auto zone = resolve_zone(p + "/zone", zone_id);
      if (zone && zone_ok_[*zone] &&
          !contains(data_.zones[*zone].polygon, position, kPlanTolerance)) {
        sink_.error(
            p + "/position",
            what + " at " + format_point(position) + " is not in its zone " + quote(zone_id),
            "move it into the zone, or correct or remove \"zone\"");
      }
      return;
    }
    for (std::size_t z = 0; z < data_.zones.size(); ++z) {
      if (zone_ok_[z] && contains(data_.zones[z].polygon, position, kPlanTolerance)) {
        zone_id = data_.zones[z].id;
        return;
      }
    }
  }

  void check_signs() {
    for (std::size_t i = 0; i < data_.signs.size(); ++i) {
      Sign& s = data_.signs[i];
      const std::string p = at("/signs", i);
      const std::string what = "sign " + quote(s.id);
      s.facing = s.facing.normalized();
      if (!s.refers_to.empty() && ids_.find(s.refers_to) == ids_.end()) {
        sink_.error(p + "/refers_to", "nothing has the id " + quote(s.refers_to),
                    "use the id of the door, step, counter or kiosk the sign is about");
      }
      if (!near_building(p + "/position", s.position, what)) {
        continue;
      }
      if (outline_ok_ && !contains(data_.outline, s.position, kPlanTolerance)) {
        if (!s.zone.empty()) {
          sink_.error(p + "/zone",
                      what + " stands outside the building but names zone " + quote(s.zone),
                      "remove \"zone\" or move the sign into the zone");
        }
        continue;
      }
      place_in_zone(p, s.zone, s.position, what);
    }
  }

  void check_amenities() {
    for (std::size_t i = 0; i < data_.amenities.size(); ++i) {
      Amenity& a = data_.amenities[i];
      const std::string p = at("/amenities", i);
      const std::string what = std::string(to_string(a.kind)) + " " + quote(a.id);
      if (a.facing) {
        *a.facing = a.facing->normalized();
      }
      if (!inside_building(p + "/position", a.position, what)) {
        continue;
      }
      place_in_zone(p, a.zone, a.position, what);
    }
  }

  void check_cameras() {
    for (std::size_t i = 0; i < data_.cameras.size(); ++i) {
      Camera& c = data_.cameras[i];
      c.facing = c.facing.normalized();
      inside_building(at("/cameras", i) + "/position", c.position, "camera " + quote(c.id));
    }
  }

  // ---- attestations --------------------------------------------------------------------
  void check_attestations() {
    std::map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < data_.attestations.size(); ++i) {
      const Attestation& a = data_.attestations[i];
      const std::string p = at("/attestations", i);
      if (const auto [it, inserted] = seen.emplace(a.clause, i); !inserted) {
        sink_.error(
            p + "/clause",
            "clause " + a.clause + " is already attested by " + at("/attestations", it->second),
            "keep one attestation per clause");
      }
      if (a.by.empty()) {
        sink_.error(p + "/by", "the attestation names nobody", "write who attests, and their post");
      }
      if (!valid_date(a.date)) {
        sink_.error(p + "/date", "\"" + a.date + "\" is not a calendar date",
                    "write the date as YYYY-MM-DD, e.g. 2024-05-06");
      }
    }
  }

  static bool valid_date(const std::string& date) {
    int y = 0;
    int m = 0;
    int d = 0;
    char tail = 0;
    if (date.size() != 10 || std::sscanf(date.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) {
      return false;
    }
    if (m < 1 || m > 12 || d < 1) {
      return false;
    }
    constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    const int days = kDays[static_cast<std::size_t>(m - 1)] + (m == 2 && leap ? 1 : 0);
    return d <= days;
  }

  PlanData& data_;
  DiagnosticSink& sink_;
  std::map<std::string, ElementRef> ids_;
  bool outline_ok_ = false;
  std::vector<bool> zone_ok_;
  std::vector<WallPiece> pieces_;
  std::vector<Placed> placed_;
};

}  // namespace

std::string format_number(double value) {
  if (!std::isfinite(value)) {
    return std::isnan(value) ? "NaN" : (value > 0 ? "inf" : "-inf");
  }
  if (std::abs(value) >= 1e7) {
    std::array<char, 32> buffer{};
    std::snprintf(buffer.data(), buffer.size(), "%.3g", value);
    return buffer.data();
  }
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.2f", value);
  std::string text = buffer.data();
  while (text.back() == '0') {
    text.pop_back();
  }
  if (text.back() == '.') {
    text.pop_back();
  }
  if (text == "-0") {
    text = "0";
  }
  return text;
}

std::string format_point(const Point& p) {
  return "[" + format_number(p.x()) + ", " + format_number(p.y()) + "]";
}

void check_plan(PlanData& data, DiagnosticSink& sink) {
  if (data.format_version != 1) {
    sink.error("/format_version",
               "format version " + std::to_string(data.format_version) + " is not supported",
               "write 1 (this hallsim reads version 1 of the plan format)");
  }
  Checker(data, sink).run();
}

}  // namespace hallsim::layout::detail
