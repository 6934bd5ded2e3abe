#pragma once
// The navigation grid behind NavGraph: cells, clearance, free widths, doorways, rooms, and the
// Boost.Graph graph of moves between walkable cells.

#include <array>
#include <boost/graph/compressed_sparse_row_graph.hpp>
#include <boost/range/iterator_range.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "hallsim/layout/navigation.hpp"
#include "hallsim/layout/plan.hpp"

namespace hallsim::layout::detail {

/// Index of a cell in the full grid (row-major); kNoCell for none.
using CellIndex = std::int32_t;
inline constexpr CellIndex kNoCell = -1;

/// The graph of moves between walkable cells; its vertices number the walkable cells.
using CellGraph =
    boost::compressed_sparse_row_graph<boost::directedS, boost::no_property, boost::no_property,
                                       boost::no_property, std::uint32_t, std::uint32_t>;

/// What a piece of obstacle boundary belongs to.
enum class FeatureKind : std::uint8_t { outline, wall, fitting };

/// A straight piece of the boundary of the walkable space.
struct Feature {
  Segment segment;
  FeatureKind kind = FeatureKind::outline;
  ElementType element_type = ElementType::wall;  ///< meaningless for the outline
  std::size_t element_index = 0;                 ///< meaningless for the outline
  /// Openings whose jamb this piece forms (-1: none): a width measured between two jambs of
  /// the same opening is that opening's clear width.
  std::array<int, 2> jamb_of = {-1, -1};
  bool is_jamb_of(int opening) const {
    return opening >= 0 && (jamb_of[0] == opening || jamb_of[1] == opening);
  }
};

/// An opening's clear span and the cells in it.
struct Doorway {
  std::size_t opening = 0;  ///< index in Plan::openings()
  Segment span;             ///< the clear opening, on the wall's centreline
  Point tangent = Point::UnitX();
  Point normal = Point::UnitY();  ///< for an exterior opening, points into the building
  double half_depth = 0.0;        ///< cells this far either side of the span are in the doorway
  double wall_thickness = 0.0;
  bool exterior = false;
  std::vector<CellIndex> cells;  ///< walkable cells in the doorway
  int room_minus = -1;           ///< room on the side -normal (-1: none, or outside)
  int room_plus = -1;            ///< room on the side +normal
};

/// Why a wheelchair cannot cross a cell.
enum class BarrierKind : std::uint8_t { step, stairs, steep_ramp, high_ramp, threshold, revolving };

/// Something on the floor a wheelchair cannot cross.
struct Barrier {
  BarrierKind kind = BarrierKind::step;
  ElementType element_type = ElementType::level_change;
  std::size_t element_index = 0;
  Point position = Point::Zero();
  double measured = 0.0;
  double required = 0.0;
  std::string unit;
};

/// A region of walkable cells between walls and doorways: a room, a corridor, the hall.
struct Room {
  std::vector<CellIndex> cells;  ///< walkable cells, doorways excluded
  double floor_area = 0.0;       ///< floor inside its walls, furniture included, square metres
  std::vector<int> doorways;     ///< indices into NavGrid::doorways that lead out of it
};

/// The grid, built once per plan and then only read.
struct NavGrid {
  NavGrid(Plan p, NavSettings s) : plan(std::move(p)), settings(std::move(s)) {}

  Plan plan;
  NavSettings settings;
  Point origin = Point::Zero();  ///< lower-left corner of cell (0, 0)
  double h = 0.2;                ///< cell size
  int nx = 0;
  int ny = 0;

  std::vector<Feature> features;
  std::vector<Polygon> solids;  ///< wall rectangles and fitting footprints
  // Features by bucket of side `bucket_size`, for exact distance queries near a point.
  double bucket_size = 1.0;
  int bx = 0;
  int by = 0;
  std::vector<std::vector<std::int32_t>> buckets;

  // Per cell (nx * ny):
  std::vector<std::uint8_t> solid;       ///< outside the outline or inside a wall or fitting
  std::vector<double> clearance;         ///< distance from the centre to the nearest feature
  std::vector<std::int32_t> nearest;     ///< that feature (-1 beyond clearance_cap)
  std::vector<double> width_radius;      ///< half the free width (see NavGraph::free_width)
  std::vector<Point> width_point;        ///< where width_radius was measured
  std::vector<std::int32_t> width_pair;  ///< the feature across the passage there (-1: none)
  std::vector<std::uint8_t> walkable;
  std::vector<std::int32_t> doorway_of;  ///< index into doorways, or -1
  std::vector<std::int32_t> barrier_of;  ///< index into barriers, or -1
  std::vector<std::int32_t> room_of;     ///< index into rooms, or -1 (doorways, solid cells)

  std::vector<Doorway> doorways;
  std::vector<Barrier> barriers;
  std::vector<Room> rooms;

  // The Boost graph: vertex v is cell cell_of_vertex[v].
  std::vector<std::int32_t> vertex_of_cell;  ///< -1 for cells that are not walkable
  std::vector<CellIndex> cell_of_vertex;
  CellGraph graph;

  CellIndex cell_count() const { return static_cast<CellIndex>(nx) * ny; }
  int column(CellIndex c) const { return static_cast<int>(c % nx); }
  int row(CellIndex c) const { return static_cast<int>(c / nx); }
  CellIndex cell(int column, int row) const { return static_cast<CellIndex>(row) * nx + column; }
  bool inside(int column, int row) const {
    return column >= 0 && row >= 0 && column < nx && row < ny;
  }
  Point centre(CellIndex c) const {
    return origin + Point((column(c) + 0.5) * h, (row(c) + 0.5) * h);
  }
  /// The cell holding `p`, or kNoCell outside the grid.
  CellIndex cell_at(const Point& p) const;
  /// Walking distance between two cell centres in a straight line.
  double step(CellIndex a, CellIndex b) const;

  /// Bucket column and row holding x and y (clamped to the bucket grid).
  int bucket_column(double x) const;
  int bucket_row(double y) const;  ///< see bucket_column
  /// Exact distance from `p` to the nearest feature, at most clearance_cap (p must be in free
  /// space: the inside of walls and fittings is not tested). `which` receives the feature.
  double clearance_at(const Point& p, std::int32_t* which = nullptr) const;
  /// True if the segment from `a` to `b` crosses no feature.
  bool segment_clear(const Point& a, const Point& b) const;
  /// True if every cell the straight line between the centres of `a` and `b` touches is in
  /// `mask`; the line then keeps clear of every obstacle (see docs/egress.md).
  bool line_of_sight(CellIndex a, CellIndex b, const std::vector<std::uint8_t>& mask) const;
  /// Calls `visit(cell)` for every cell the line between the centres of `a` and `b` touches, in
  /// order from `a`; stops early when `visit` returns false. Returns false if it stopped.
  template <class Visit>
  bool trace(CellIndex a, CellIndex b, Visit&& visit) const;

  /// The opening whose own clear width limits cell `c` (a doorway cell, or one whose free width
  /// is measured between two jambs of the same opening), or -1.
  int limiting_opening(CellIndex c) const;

  /// Id of the element a feature belongs to ("outline" for the outline).
  std::string owner_id(std::int32_t feature) const;
  /// Id of the element a barrier belongs to.
  std::string owner_id(const Barrier& barrier) const;
};

/// Builds the grid of `plan`; throws InputError if it would be larger than settings.max_cells.
std::unique_ptr<NavGrid> build_nav_grid(const Plan& plan, const NavSettings& settings);

/// Id of the element `ref` names in `plan`.
const std::string& element_id(const Plan& plan, ElementType type, std::size_t index);

template <class Visit>
bool NavGrid::trace(CellIndex a, CellIndex b, Visit&& visit) const {
  // Supercover walk with exact integer arithmetic: the line crosses the k-th column boundary
  // at parameter (2k-1)/(2|dx|) and the l-th row boundary at (2l-1)/(2|dy|).
  int x = column(a);
  int y = row(a);
  const int dx = column(b) - x;
  const int dy = row(b) - y;
  const int sx = dx > 0 ? 1 : -1;
  const int sy = dy > 0 ? 1 : -1;
  const long long ax = dx >= 0 ? dx : -dx;
  const long long ay = dy >= 0 ? dy : -dy;
  if (!visit(cell(x, y))) {
    return false;
  }
  long long k = 1;
  long long l = 1;
  while (k <= ax || l <= ay) {
    const long long cx = k <= ax ? (2 * k - 1) * ay : -1;
    const long long cy = l <= ay ? (2 * l - 1) * ax : -1;
    if (l > ay || (k <= ax && cx < cy)) {
      x += sx;
      ++k;
    } else if (k > ax || cy < cx) {
      y += sy;
      ++l;
    } else {
      // Through a corner: the two cells beside it are touched too.
      if (!visit(cell(x + sx, y)) || !visit(cell(x, y + sy))) {
        return false;
      }
      x += sx;
      y += sy;
      ++k;
      ++l;
    }
    if (!visit(cell(x, y))) {
      return false;
    }
  }
  return true;
}

}  // namespace hallsim::layout::detail
