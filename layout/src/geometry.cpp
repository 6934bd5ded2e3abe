#include "hallsim/layout/geometry.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>

// GCC 12 sees a false "may be used uninitialized" inside Boost.Geometry's rescaling once inlined.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <boost/geometry.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic pop
#endif

namespace hallsim::layout {

namespace {

// Orientation tests compare against a tolerance scaled to the operands, so that points a
// few ulps off a line (from decimal coordinates like 0.1) still count as on it.
double orientation_tolerance(const Point& u, const Point& v) {
  return 1e-12 * std::max(1.0, u.norm() * v.norm());
}

// Sign of the turn a -> b -> c: +1 left, -1 right, 0 collinear.
int orientation(const Point& a, const Point& b, const Point& c) {
  const Point u = b - a;
  const Point v = c - a;
  const double z = cross(u, v);
  const double tol = orientation_tolerance(u, v);
  if (z > tol) {
    return 1;
  }
  if (z < -tol) {
    return -1;
  }
  return 0;
}

// True if `p`, known to be collinear with segment s, lies within its bounding box.
bool on_collinear_segment(const Segment& s, const Point& p) {
  const double eps = 1e-12 * std::max({1.0, std::abs(p.x()), std::abs(p.y())});
  return p.x() <= std::max(s.a.x(), s.b.x()) + eps && p.x() >= std::min(s.a.x(), s.b.x()) - eps &&
         p.y() <= std::max(s.a.y(), s.b.y()) + eps && p.y() >= std::min(s.a.y(), s.b.y()) - eps;
}

using BgPoint = boost::geometry::model::d2::point_xy<double>;
using BgPolygon = boost::geometry::model::polygon<BgPoint, /*ClockWise=*/false, /*Closed=*/true>;
using BgMultiPolygon = boost::geometry::model::multi_polygon<BgPolygon>;

BgPolygon to_boost(const Polygon& polygon) {
  BgPolygon result;
  for (const Point& p : polygon) {
    result.outer().emplace_back(p.x(), p.y());
  }
  if (!polygon.empty()) {
    result.outer().emplace_back(polygon.front().x(), polygon.front().y());
  }
  boost::geometry::correct(result);
  return result;
}

}  // namespace

double cross(const Point& u, const Point& v) {
  return u.x() * v.y() - u.y() * v.x();
}

double signed_area(const Polygon& polygon) {
  const std::size_t n = polygon.size();
  if (n < 3) {
    return 0.0;
  }
  double twice = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    // Relative to the first vertex: keeps the products small for plans far from the origin.
    const Point p = polygon[i] - polygon[0];
    const Point q = polygon[(i + 1) % n] - polygon[0];
    twice += cross(p, q);
  }
  return 0.5 * twice;
}

double area(const Polygon& polygon) {
  return std::abs(signed_area(polygon));
}

Point centroid(const Polygon& polygon) {
  assert(!polygon.empty());
  const std::size_t n = polygon.size();
  const Point& origin = polygon[0];
  double twice_area = 0.0;
  Point sum = Point::Zero();
  for (std::size_t i = 0; i < n; ++i) {
    const Point p = polygon[i] - origin;
    const Point q = polygon[(i + 1) % n] - origin;
    const double c = cross(p, q);
    twice_area += c;
    sum += (p + q) * c;
  }
  if (std::abs(twice_area) < 1e-12) {
    Point mean = Point::Zero();
    for (const Point& p : polygon) {
      mean += p;
    }
    return mean / static_cast<double>(n);
  }
  return origin + sum / (3.0 * twice_area);
}

Box bounding_box(const Polygon& polygon) {
  assert(!polygon.empty());
  Box box{polygon[0], polygon[0]};
  for (const Point& p : polygon) {
    box.min = box.min.cwiseMin(p);
    box.max = box.max.cwiseMax(p);
  }
  return box;
}

Segment edge(const Polygon& polygon, std::size_t i) {
  assert(i < polygon.size());
  return Segment{polygon[i], polygon[(i + 1) % polygon.size()]};
}

double projection_parameter(const Segment& s, const Point& p) {
  const Point d = s.b - s.a;
  const double len2 = d.squaredNorm();
  if (len2 == 0.0) {
    return 0.0;
  }
  return (p - s.a).dot(d) / len2;
}

Point closest_point(const Segment& s, const Point& p) {
  const double t = std::clamp(projection_parameter(s, p), 0.0, 1.0);
  return s.a + t * (s.b - s.a);
}

double distance(const Point& p, const Segment& s) {
  return (p - closest_point(s, p)).norm();
}

bool segments_intersect(const Segment& s, const Segment& t) {
  const int o1 = orientation(s.a, s.b, t.a);
  const int o2 = orientation(s.a, s.b, t.b);
  const int o3 = orientation(t.a, t.b, s.a);
  const int o4 = orientation(t.a, t.b, s.b);
  if (o1 != o2 && o3 != o4) {
    return true;
  }
  if (o1 == 0 && on_collinear_segment(s, t.a)) {
    return true;
  }
  if (o2 == 0 && on_collinear_segment(s, t.b)) {
    return true;
  }
  if (o3 == 0 && on_collinear_segment(t, s.a)) {
    return true;
  }
  if (o4 == 0 && on_collinear_segment(t, s.b)) {
    return true;
  }
  return false;
}

bool segments_cross_properly(const Segment& s, const Segment& t) {
  const int o1 = orientation(s.a, s.b, t.a);
  const int o2 = orientation(s.a, s.b, t.b);
  const int o3 = orientation(t.a, t.b, s.a);
  const int o4 = orientation(t.a, t.b, s.b);
  return o1 * o2 < 0 && o3 * o4 < 0;
}

std::optional<Point> intersection_point(const Segment& s, const Segment& t) {
  const Point r = s.b - s.a;
  const Point q = t.b - t.a;
  const double denom = cross(r, q);
  if (std::abs(denom) <= orientation_tolerance(r, q)) {
    return std::nullopt;
  }
  const Point w = t.a - s.a;
  const double u = cross(w, q) / denom;
  const double v = cross(w, r) / denom;
  constexpr double kSlack = 1e-12;
  if (u < -kSlack || u > 1.0 + kSlack || v < -kSlack || v > 1.0 + kSlack) {
    return std::nullopt;
  }
  return s.a + std::clamp(u, 0.0, 1.0) * r;
}

double distance_to_boundary(const Polygon& polygon, const Point& p) {
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < polygon.size(); ++i) {
    best = std::min(best, distance(p, edge(polygon, i)));
  }
  return best;
}

Containment locate(const Polygon& polygon, const Point& p, double tolerance) {
  if (polygon.size() < 3) {
    return Containment::outside;
  }
  if (distance_to_boundary(polygon, p) <= tolerance) {
    return Containment::boundary;
  }
  // Crossing number with a half-open rule on y, so a ray through a vertex counts once.
  bool inside = false;
  const std::size_t n = polygon.size();
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const Point& a = polygon[i];
    const Point& b = polygon[j];
    if ((a.y() > p.y()) != (b.y() > p.y())) {
      const double x_cross = a.x() + (p.y() - a.y()) * (b.x() - a.x()) / (b.y() - a.y());
      if (p.x() < x_cross) {
        inside = !inside;
      }
    }
  }
  return inside ? Containment::inside : Containment::outside;
}

bool contains(const Polygon& polygon, const Point& p, double tolerance) {
  return locate(polygon, p, tolerance) != Containment::outside;
}

std::optional<SelfIntersection> find_self_intersection(const Polygon& polygon) {
  const std::size_t n = polygon.size();
  if (n < 3) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Segment ei = edge(polygon, i);
    if (ei.length() == 0.0) {
      return SelfIntersection{i, (i + 1) % n, ei.a};
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    const Segment ei = edge(polygon, i);
    for (std::size_t j = i + 1; j < n; ++j) {
      const Segment ej = edge(polygon, j);
      const bool adjacent = (j == i + 1) || (i == 0 && j == n - 1);
      if (!adjacent) {
        if (segments_intersect(ei, ej)) {
          const auto where = intersection_point(ei, ej);
          return SelfIntersection{i, j, where ? *where : ej.a};
        }
        continue;
      }
      // Adjacent edges share one vertex; they are wrong only if they fold back on each other.
      const Segment& first = (j == i + 1) ? ei : ej;
      const Segment& second = (j == i + 1) ? ej : ei;
      const Point u = first.b - first.a;
      const Point v = second.b - second.a;
      if (std::abs(cross(u, v)) <= orientation_tolerance(u, v) && u.dot(v) < 0.0) {
        return SelfIntersection{i, j, first.b};
      }
    }
  }
  return std::nullopt;
}

bool is_simple(const Polygon& polygon) {
  return polygon.size() >= 3 && area(polygon) > 0.0 && !find_self_intersection(polygon);
}

double overlap_area(const Polygon& a, const Polygon& b) {
  assert(is_simple(a) && is_simple(b));
  const Box ba = bounding_box(a);
  const Box bb = bounding_box(b);
  if (ba.max.x() <= bb.min.x() || bb.max.x() <= ba.min.x() || ba.max.y() <= bb.min.y() ||
      bb.max.y() <= ba.min.y()) {
    return 0.0;
  }
  BgMultiPolygon shared;
  boost::geometry::intersection(to_boost(a), to_boost(b), shared);
  return boost::geometry::area(shared);
}

bool polygon_within(const Polygon& inner, const Polygon& outer, double tolerance) {
  for (const Point& p : inner) {
    if (!contains(outer, p, tolerance)) {
      return false;
    }
  }
  // Between two consecutive meetings with the outer boundary an inner edge stays on one side,
  // so one point of each piece tells which; a few more catch pieces that graze a vertex.
  for (std::size_t i = 0; i < inner.size(); ++i) {
    const Segment e = edge(inner, i);
    std::vector<double> cuts{0.0, 1.0};
    for (std::size_t k = 0; k < outer.size(); ++k) {
      const Segment f = edge(outer, k);
      if (const auto x = intersection_point(e, f)) {
        cuts.push_back(projection_parameter(e, *x));
      }
      cuts.push_back(std::clamp(projection_parameter(e, f.a), 0.0, 1.0));
    }
    std::sort(cuts.begin(), cuts.end());
    for (std::size_t c = 0; c + 1 < cuts.size(); ++c) {
      if (cuts[c + 1] - cuts[c] <= 1e-12) {
        continue;
      }
      for (const double f : {0.25, 0.5, 0.75}) {
        const double t = cuts[c] + f * (cuts[c + 1] - cuts[c]);
        if (!contains(outer, e.a + t * (e.b - e.a), tolerance)) {
          return false;
        }
      }
    }
  }
  return true;
}

}  // namespace hallsim::layout
