#pragma once
// Geometry the compliance rules share: lines of sight, entrance viewpoints, distances to
// areas. Built on Boost.Geometry, which stays inside layout/src.

#include <memory>
#include <vector>

#include "hallsim/layout/geometry.hpp"
#include "hallsim/layout/plan.hpp"

namespace hallsim::layout::detail {

/// Decides whether one point of a plan can be seen from another.
///
/// Opaque: the building outline and interior walls, except glass walls and the clear span of
/// openings that are open passages (no door) or glass doors; columns. Furniture, desks,
/// kiosks and zone borders are lower than eye level or not there at all, and do not block.
class SightLines {
 public:
  /// Collects the opaque pieces of `plan`.
  explicit SightLines(const Plan& plan);
  ~SightLines();
  SightLines(const SightLines&) = delete;
  SightLines& operator=(const SightLines&) = delete;

  /// True if the segment from `from` to `to` meets nothing opaque. The last
  /// kSightTargetMargin metres before `to` are not tested, so that a sign mounted on a wall
  /// is not hidden by that wall.
  bool clear(const Point& from, const Point& to) const;

 private:
  struct Pieces;
  std::unique_ptr<Pieces> pieces_;
};

/// Length of the end of a sight line left untested (see SightLines::clear), metres.
inline constexpr double kSightTargetMargin = 0.05;

/// Where a person stands who has just come in by an opening, or is about to.
struct EntranceView {
  Point doorway = Point::Zero();  ///< midpoint of the clear opening
  Point inside = Point::Zero();   ///< `depth` metres inside, square to the wall
  Point outside = Point::Zero();  ///< `depth` metres outside
};

/// The viewpoints of `opening`, an opening on the building outline.
EntranceView entrance_view(const Plan& plan, const Opening& opening, double depth);

/// Distance from `p` to the area of `polygon`: 0 inside or on it.
double distance_to_area(const Polygon& polygon, const Point& p);

/// Distance from `p` to the nearest point of an open polyline.
double distance_to_polyline(const std::vector<Point>& points, const Point& p);

/// True if a sign or screen at `position` turned towards `facing` shows its face to `viewer`.
bool faces(const Point& position, const Point& facing, const Point& viewer);

/// Points standing for an area when asking "can any of it be seen": its centroid, then each
/// vertex pulled `inset` metres towards the centroid (in ring order).
std::vector<Point> area_probes(const Polygon& polygon, double inset);

/// Centres of the cells of a square grid of step `step` that lie inside `polygon`.
std::vector<Point> grid_points(const Polygon& polygon, double step);

}  // namespace hallsim::layout::detail
