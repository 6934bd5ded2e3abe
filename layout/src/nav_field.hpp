#pragma once
// Walking distances on the navigation grid: any-angle distance fields (Lazy Theta*), the cells
// a place is reached from, routes, and the widest way through (a bottleneck search).

#include <cstdint>
#include <limits>
#include <vector>

#include "nav_grid.hpp"

namespace hallsim::layout::detail {

inline constexpr double kUnreached = std::numeric_limits<double>::infinity();

/// A cell a field starts from, at a distance from the place it stands for.
struct FieldSource {
  CellIndex cell = kNoCell;
  double distance = 0.0;
  Point foot = Point::Zero();  ///< the point of the place that distance is measured to
};

/// Distances from a set of sources to every cell the mask lets through.
struct Field {
  std::vector<double> g;             ///< per cell; kUnreached if not reached
  std::vector<CellIndex> parent;     ///< per cell: the cell its straight last leg starts from;
                                     ///< a source is its own parent; kNoCell if not reached
  std::vector<std::int32_t> origin;  ///< per cell: index of the source its route ends at
  std::vector<FieldSource> sources;
  std::vector<CellIndex> settled;  ///< cells in the order they were settled: parents first
};

/// Every walkable cell.
const std::vector<std::uint8_t>& walkable_mask(const NavGrid& grid);

/// The cells within settings.reach of `place` (its point, or its edges) in `mask` that see it
/// in a straight line, with their distances to it.
std::vector<FieldSource> anchors(const NavGrid& grid, const Place& place,
                                 const std::vector<std::uint8_t>& mask);

/// Any-angle shortest distances from `sources` through the cells of `mask` (Lazy Theta*:
/// each cell keeps the farthest cell it sees on its way back to a source as its parent).
/// If `targets` is given, stops once all of them are settled.
Field any_angle_field(const NavGrid& grid, std::vector<FieldSource> sources,
                      const std::vector<std::uint8_t>& mask,
                      const std::vector<CellIndex>* targets = nullptr);

/// Best distance from `start_anchors` (cells near a start point, with their distances to it)
/// to the sources of `field`; kUnreached if none is reached. `best` receives the anchor used.
double distance_via(const Field& field, const std::vector<FieldSource>& start_anchors,
                    std::size_t* best = nullptr);

/// The route from cell `from` back to its source and on to the source's foot point, as a
/// polyline (straight runs merged).
std::vector<Point> route_from_cell(const NavGrid& grid, const Field& field, CellIndex from);

/// Drops repeated points and points in line with their neighbours.
std::vector<Point> simplify(const std::vector<Point>& polyline);
/// Length of a polyline.
double polyline_length(const std::vector<Point>& polyline);

/// For every cell, the largest over routes from `sources` of the smallest `capacity` met on
/// the way (a widest-path search, run with Boost's Dijkstra with min as the combination and
/// greater as the order); -1 where no route reaches. Only walkable cells take part. If
/// `previous` is given, it receives each cell's predecessor on its widest route (a start cell
/// is its own; kNoCell where not reached).
std::vector<double> widest_from(const NavGrid& grid, const std::vector<CellIndex>& sources,
                                const std::vector<double>& capacity,
                                std::vector<CellIndex>* previous = nullptr);

/// Shortest routes over the 8-neighbour moves (Boost's Dijkstra) from `sources`, where entering
/// cell c costs the move's length plus `toll[c]`. Returns the cost per cell (kUnreached where
/// not reached) and fills `previous` as widest_from does.
std::vector<double> tolled_from(const NavGrid& grid, const std::vector<CellIndex>& sources,
                                const std::vector<double>& toll, std::vector<CellIndex>& previous);

/// The cells from a start cell to `to`, following `previous`.
std::vector<CellIndex> chain_to(const std::vector<CellIndex>& previous, CellIndex to);

/// Straightens a chain of neighbouring cells into a polyline whose legs only cross cells in
/// `mask` (each leg runs as far as the line of sight allows).
std::vector<Point> pull_taut(const NavGrid& grid, const std::vector<CellIndex>& chain,
                             const std::vector<std::uint8_t>& mask);

/// Calls `visit(cell)` for every cell a polyline passes through, in order (cells may repeat).
template <class Visit>
void cells_along(const NavGrid& grid, const std::vector<Point>& polyline, Visit&& visit) {
  for (std::size_t k = 0; k + 1 < polyline.size(); ++k) {
    const CellIndex a = grid.cell_at(polyline[k]);
    const CellIndex b = grid.cell_at(polyline[k + 1]);
    if (a == kNoCell || b == kNoCell) {
      continue;
    }
    grid.trace(a, b, [&](CellIndex c) {
      visit(c);
      return true;
    });
  }
}

}  // namespace hallsim::layout::detail
