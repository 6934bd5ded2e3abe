#pragma once
// Plane geometry the picture needs, in plan metres and free of any drawing library, so that it
// can be tested without a display: triangles of a polygon, wall bands with door gaps, door
// symbols, contour lines of a grid.

#include <array>
#include <optional>
#include <vector>

#include "hallsim/layout/geometry.hpp"
#include "hallsim/layout/plan.hpp"
#include "hallsim/render/overlays.hpp"

namespace hallsim::render::detail {

using layout::Point;
using layout::Polygon;
using layout::Segment;

/// Three vertex indices of a polygon.
using Triangle = std::array<std::size_t, 3>;

/// Triangles covering a simple polygon (either orientation), by ear clipping: n - 2 of them,
/// their areas adding up to the polygon's. Fewer than 3 vertices give none.
std::vector<Triangle> triangulate(const Polygon& polygon);

/// A four-cornered piece of a wall band, corners in order around it.
using Quad = std::array<Point, 4>;

/// A stretch of a segment, as fractions of its length (0 at its start, 1 at its end).
struct Interval {
  double from = 0.0;
  double to = 0.0;
};

/// The band of a wall along `points` (a closed ring if `closed`) reaching `left` metres to the
/// left of the line and `right` metres to its right, mitred at the joints, with the intervals
/// `gaps[i]` of segment i left open (door openings). `gaps` may be shorter than the number of
/// segments. Gap ends are cut square to the segment.
std::vector<Quad> wall_band(const std::vector<Point>& points, bool closed, double left,
                            double right, const std::vector<std::vector<Interval>>& gaps);

/// Which side of the outline the exterior wall is drawn on: `left` and `right` for wall_band
/// so that a wall of `thickness` lies outside the outline.
std::pair<double, double> exterior_wall_sides(const Polygon& outline, double thickness);

/// Where an opening sits: a segment of its wall, and its span along it.
struct OpeningPlace {
  std::size_t segment = 0;  ///< index of the wall's segment (outline edge i runs from vertex i)
  Interval along;           ///< the opening on that segment
  Segment span;             ///< the clear opening, from along.from to along.to
};

/// Finds the segment of `wall_points` (closed if `closed`) nearest to the opening and its span
/// there: the loader's span if it has one, else its width centred on its position.
OpeningPlace place_opening(const layout::Opening& opening, const std::vector<Point>& wall_points,
                           bool closed);

/// The lines of a door as a plan shows them.
struct DoorSymbol {
  std::vector<Segment> leaves;            ///< swinging leaves, drawn open at 90 degrees
  std::vector<std::vector<Point>> arcs;   ///< their swing paths
  std::vector<Quad> panels;               ///< sliding panels
  std::optional<Point> revolving_centre;  ///< a revolving door's axis
  double revolving_radius = 0.0;          ///< and its radius
};

/// Leaves wider than this are drawn as a pair (a double door), metres.
inline constexpr double kDoubleLeafWidth = 1.2;
/// Points on a quarter-circle swing arc.
inline constexpr int kArcPoints = 17;

/// The symbol of a door of `type` in `span`, opening towards `swing_side` (a unit normal of the
/// span; both sides if `both_sides`). A swinging door with no known side has no leaf.
DoorSymbol door_symbol(layout::DoorType type, const Segment& span,
                       const std::optional<Point>& swing_side, bool both_sides);

/// Segments of the contour at `level` of the values of `grid` (marching squares over cell
/// centres, linear interpolation; a square with a missing value is skipped; saddles resolved
/// by the mean of the four corners).
std::vector<Segment> contour_segments(const ScalarGrid& grid, double level);

/// Where the seats of a row go: along the longest edge of its footprint at equal pitch, across
/// the footprint's whole depth. The plan picture draws them there and the playback seats
/// visitors there.
struct SeatRowFrame {
  Point origin = Point::Zero();  ///< start of the longest edge
  Point along = Point::Zero();   ///< unit vector along that edge
  Point across = Point::Zero();  ///< unit normal to its left
  double lo_u = 0.0;             ///< extent of the footprint along, metres from origin
  double hi_u = 0.0;
  double lo_n = 0.0;  ///< extent of the footprint across
  double hi_n = 0.0;
  double pitch = 0.0;  ///< (hi_u - lo_u) / seats

  /// The point `u` metres along and `n` metres across from the origin.
  Point at(double u, double n) const { return origin + along * u + across * n; }
};

/// The frame of `row`; none for a footprint of fewer than 3 corners or a row without seats.
std::optional<SeatRowFrame> seat_row_frame(const layout::SeatRow& row);

}  // namespace hallsim::render::detail
