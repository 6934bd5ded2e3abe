#include "compliance_geometry.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <utility>

// GCC 12 sees a false "may be used uninitialized" inside Boost.Geometry once inlined.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/geometry.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <boost/geometry/geometries/segment.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace hallsim::layout::detail {

namespace bg = boost::geometry;

namespace {

using BgPoint = bg::model::d2::point_xy<double>;
using BgSegment = bg::model::segment<BgPoint>;
using BgLinestring = bg::model::linestring<BgPoint>;
using BgPolygon = bg::model::polygon<BgPoint, /*ClockWise=*/false, /*Closed=*/true>;

BgPoint to_boost(const Point& p) {
  return {p.x(), p.y()};
}

BgPolygon to_boost(const Polygon& polygon) {
  BgPolygon result;
  for (const Point& p : polygon) {
    result.outer().push_back(to_boost(p));
  }
  if (!polygon.empty()) {
    result.outer().push_back(to_boost(polygon.front()));
  }
  bg::correct(result);
  return result;
}

// An opening lets sight through when nothing closes it or what closes it is glass.
bool see_through(const Opening& opening) {
  return opening.door == DoorType::none || opening.glass;
}

// The parts of segment `s` left once the clear spans of the see-through openings in the
// wall `wall_id` are cut out of it.
std::vector<Segment> opaque_parts(const Segment& s, const std::string& wall_id,
                                  const std::vector<Opening>& openings) {
  const double length = s.length();
  if (length <= 0.0) {
    return {};
  }
  std::vector<std::pair<double, double>> cuts;
  for (const Opening& o : openings) {
    if (!see_through(o) || o.wall != wall_id) {
      continue;
    }
    if (distance(o.span.a, s) > kPlanTolerance || distance(o.span.b, s) > kPlanTolerance) {
      continue;
    }
    double t0 = projection_parameter(s, o.span.a) * length;
    double t1 = projection_parameter(s, o.span.b) * length;
    if (t0 > t1) {
      std::swap(t0, t1);
    }
    cuts.emplace_back(std::max(t0, 0.0), std::min(t1, length));
  }
  std::sort(cuts.begin(), cuts.end());
  std::vector<Segment> parts;
  const Point dir = (s.b - s.a) / length;
  double from = 0.0;
  for (const auto& [t0, t1] : cuts) {
    if (t0 > from) {
      parts.push_back(Segment{s.a + from * dir, s.a + t0 * dir});
    }
    from = std::max(from, t1);
  }
  if (from < length) {
    parts.push_back(Segment{s.a + from * dir, s.b});
  }
  return parts;
}

}  // namespace

struct SightLines::Pieces {
  std::vector<BgSegment> walls;
  std::vector<BgPolygon> columns;
};

SightLines::SightLines(const Plan& plan) : pieces_(std::make_unique<Pieces>()) {
  const auto add = [this, &plan](const Segment& s, const std::string& wall_id) {
    for (const Segment& part : opaque_parts(s, wall_id, plan.openings())) {
      pieces_->walls.emplace_back(to_boost(part.a), to_boost(part.b));
    }
  };
  for (std::size_t i = 0; i < plan.outline().size(); ++i) {
    add(edge(plan.outline(), i), kOutlineWallId);
  }
  for (const Wall& wall : plan.walls()) {
    if (wall.glass) {
      continue;
    }
    for (std::size_t i = 0; i + 1 < wall.points.size(); ++i) {
      add(Segment{wall.points[i], wall.points[i + 1]}, wall.id);
    }
  }
  for (const Obstacle& obstacle : plan.obstacles()) {
    if (obstacle.kind == ObstacleKind::column) {
      pieces_->columns.push_back(to_boost(obstacle.footprint));
    }
  }
}

SightLines::~SightLines() = default;

bool SightLines::clear(const Point& from, const Point& to) const {
  const double length = (to - from).norm();
  if (length <= kSightTargetMargin) {
    return true;
  }
  const Point end = to - (to - from) * (kSightTargetMargin / length);
  const BgSegment sight(to_boost(from), to_boost(end));
  for (const BgSegment& wall : pieces_->walls) {
    if (bg::intersects(sight, wall)) {
      return false;
    }
  }
  for (const BgPolygon& column : pieces_->columns) {
    if (bg::intersects(sight, column)) {
      return false;
    }
  }
  return true;
}

EntranceView entrance_view(const Plan& plan, const Opening& opening, double depth) {
  Segment wall = opening.span;
  if (wall.length() <= 0.0) {
    // No span (a zero-width opening cannot be built, but be safe): use the nearest outline edge.
    double best = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < plan.outline().size(); ++i) {
      const Segment e = edge(plan.outline(), i);
      if (const double d = distance(opening.position, e); d < best) {
        best = d;
        wall = e;
      }
    }
  }
  const Point along = (wall.b - wall.a).normalized();
  Point normal(-along.y(), along.x());
  // The side of the wall where a short step lands inside the building is inside.
  if (!contains(plan.outline(), opening.position + 0.1 * normal)) {
    normal = -normal;
  }
  EntranceView view;
  view.doorway = opening.position;
  view.inside = opening.position + depth * normal;
  view.outside = opening.position - depth * normal;
  return view;
}

double distance_to_area(const Polygon& polygon, const Point& p) {
  return bg::distance(to_boost(p), to_boost(polygon));
}

double distance_to_polyline(const std::vector<Point>& points, const Point& p) {
  assert(!points.empty());
  if (points.size() == 1) {
    return (points.front() - p).norm();
  }
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    best = std::min(best, distance(p, Segment{points[i], points[i + 1]}));
  }
  return best;
}

bool faces(const Point& position, const Point& facing, const Point& viewer) {
  return facing.dot(viewer - position) > 0.0;
}

std::vector<Point> area_probes(const Polygon& polygon, double inset) {
  const Point c = centroid(polygon);
  std::vector<Point> probes{c};
  for (const Point& v : polygon) {
    const Point towards = c - v;
    const double d = towards.norm();
    probes.push_back(d <= inset ? c : v + towards * (inset / d));
  }
  return probes;
}

std::vector<Point> grid_points(const Polygon& polygon, double step) {
  assert(step > 0.0);
  const Box box = bounding_box(polygon);
  const BgPolygon area = to_boost(polygon);
  std::vector<Point> points;
  const auto nx = static_cast<long>(std::ceil((box.max.x() - box.min.x()) / step));
  const auto ny = static_cast<long>(std::ceil((box.max.y() - box.min.y()) / step));
  for (long j = 0; j < ny; ++j) {
    for (long i = 0; i < nx; ++i) {
      const Point p(box.min.x() + (static_cast<double>(i) + 0.5) * step,
                    box.min.y() + (static_cast<double>(j) + 0.5) * step);
      if (bg::within(to_boost(p), area)) {
        points.push_back(p);
      }
    }
  }
  return points;
}

}  // namespace hallsim::layout::detail
