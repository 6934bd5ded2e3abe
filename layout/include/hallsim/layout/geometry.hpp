#pragma once
/// \file
/// Plane geometry for floor plans: points, segments, polygons, in local metres.
///
/// Coordinates are metres in the plan's own frame: x grows to the east, y to the north.
/// A polygon is stored as an open ring: its last vertex is joined to its first, and the first
/// is not repeated (in the JSON file the ring is closed, GeoJSON style; the loader drops the
/// repeated point). Either orientation is accepted.

#include <Eigen/Core>
#include <optional>
#include <vector>

namespace hallsim::layout {

/// A point or a vector in the plane, metres.
using Point = Eigen::Vector2d;

/// Default tolerance of geometric tests on plans (5 cm): an opening this close to a wall is on it.
inline constexpr double kPlanTolerance = 0.05;

/// A straight piece of wall, edge or line of sight from `a` to `b`.
struct Segment {
  Point a = Point::Zero();
  Point b = Point::Zero();
  /// Length in metres.
  double length() const { return (b - a).norm(); }
};

/// A polygon as an open ring of vertices (see the file comment).
using Polygon = std::vector<Point>;

/// An axis-aligned box.
struct Box {
  Point min = Point::Zero();
  Point max = Point::Zero();
  /// True if `p` lies in the box or on its edge.
  bool contains(const Point& p) const {
    return p.x() >= min.x() && p.x() <= max.x() && p.y() >= min.y() && p.y() <= max.y();
  }
};

/// z-component of the cross product of `u` and `v`: positive if `v` turns left from `u`.
double cross(const Point& u, const Point& v);

/// Signed area by the shoelace formula: positive for a counter-clockwise ring.
double signed_area(const Polygon& polygon);
/// Area in square metres, whatever the orientation.
double area(const Polygon& polygon);
/// Area centroid; for a degenerate (zero-area) polygon, the mean of its vertices.
Point centroid(const Polygon& polygon);
/// Smallest box holding every vertex. The polygon must not be empty.
Box bounding_box(const Polygon& polygon);
/// The `i`-th edge, from vertex i to vertex i+1 (wrapping around).
Segment edge(const Polygon& polygon, std::size_t i);

/// Distance from `p` to the closest point of `s`.
double distance(const Point& p, const Segment& s);
/// The point of `s` closest to `p`.
Point closest_point(const Segment& s, const Point& p);
/// Position of the projection of `p` on the line of `s`, as a fraction of `s` (0 at a, 1 at b).
double projection_parameter(const Segment& s, const Point& p);

/// True if the closed segments share at least one point (touching counts).
bool segments_intersect(const Segment& s, const Segment& t);
/// True if the segments cross at a single point interior to both (touching and overlap do not).
bool segments_cross_properly(const Segment& s, const Segment& t);
/// The single crossing point of two non-parallel segments, if they meet.
std::optional<Point> intersection_point(const Segment& s, const Segment& t);

/// Where a point lies with respect to a polygon.
enum class Containment { outside, boundary, inside };
/// Classifies `p`: within `tolerance` of an edge counts as boundary.
Containment locate(const Polygon& polygon, const Point& p, double tolerance = 1e-9);
/// True if `p` lies inside `polygon` or within `tolerance` of its boundary.
bool contains(const Polygon& polygon, const Point& p, double tolerance = 1e-9);
/// Distance from `p` to the nearest edge of `polygon`.
double distance_to_boundary(const Polygon& polygon, const Point& p);

/// A place where a polygon's boundary touches or crosses itself.
struct SelfIntersection {
  std::size_t edge_a = 0;  ///< index of the first edge (see edge())
  std::size_t edge_b = 0;  ///< index of the second edge
  Point where = Point::Zero();
};
/// The first self-intersection of the ring (non-adjacent edges that meet, adjacent edges that
/// fold back on each other, or repeated vertices), or nothing if the polygon is simple.
std::optional<SelfIntersection> find_self_intersection(const Polygon& polygon);
/// True if the polygon has at least 3 vertices, non-zero area and no self-intersection.
bool is_simple(const Polygon& polygon);

/// Area shared by two simple polygons, square metres.
double overlap_area(const Polygon& a, const Polygon& b);
/// True if every point of simple polygon `inner` lies in simple polygon `outer`, allowing
/// `inner` to stick out by at most `tolerance` metres (for walls drawn on centrelines).
bool polygon_within(const Polygon& inner, const Polygon& outer, double tolerance = kPlanTolerance);

}  // namespace hallsim::layout
