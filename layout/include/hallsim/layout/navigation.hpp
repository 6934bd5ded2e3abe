#pragma once
/// \file
/// The walkable space of a floor plan as a graph: free width, walking distances and routes.
///
/// The floor is cut into square cells (0.2 m by default). A cell is walkable when its centre is
/// at least a body's half-width from every wall, counter, kiosk, seat row, desk and obstacle;
/// openings are the only gaps in walls. Neighbouring walkable cells are joined (8 neighbours),
/// and distances are measured any-angle: a route runs straight between the cells that see each
/// other, so a diagonal is as long as it is on paper (see docs/egress.md).

#include <Eigen/Core>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hallsim/layout/geometry.hpp"
#include "hallsim/layout/plan.hpp"

namespace hallsim::layout {

namespace detail {
struct NavGrid;
struct FieldData;
}  // namespace detail

/// Settings of the navigation grid; the defaults suit halls.
struct NavSettings {
  double cell_size = 0.2;  ///< side of a grid cell, metres
  /// Half the width a person needs (0.40 m sideways): a cell closer than this to anything solid
  /// is not walkable. Must be at least cell_size / sqrt(2), so that straight moves between
  /// walkable cells can never touch an obstacle.
  double body_radius = 0.2;
  /// Free widths are measured up to twice this (2.0 m by default); wider is reported as this.
  double clearance_cap = 1.0;
  /// How far from a place (a counter's customer side, a door) its first walkable cell may be.
  double reach = 0.6;
  /// Largest grid the builder accepts, in cells: 100,000 m² at 0.2 m (ten times the 10,000 m²
  /// benchmark hall) in about 150 MB; a plan drawn in millimetres would need a million times more.
  std::size_t max_cells = 2'500'000;
  /// Name of the plan file, for the message when the plan is too large for the grid.
  std::string source_name = "<plan>";
};

/// A walking route: a polyline from where it starts to where it ends.
struct Route {
  std::vector<Point> points;
  /// Length of the polyline, metres.
  double length() const;
};

/// Kinds of named place.
enum class PlaceKind { entrance, exit, guidance_desk, seat_row, counter, kiosk, point };

/// A place people walk to or from: a point, or the edges of something they walk up to.
struct Place {
  std::string name;  ///< the element id, e.g. "c3" or "main-door"
  PlaceKind kind = PlaceKind::point;
  Point position = Point::Zero();  ///< a representative point (the customer side, the middle)
  std::vector<Segment> edges;      ///< a door's clear opening, a desk's sides; empty: `position`
};

/// Walking distances between named places, as a dense matrix.
struct WalkingTimes {
  std::vector<Place> places;
  /// distances(i, j): walking distance from places[i] to places[j], metres; symmetric, zero on
  /// the diagonal, +infinity when there is no route.
  Eigen::MatrixXd distances;

  /// Walking times at `speed` metres per second, seconds (+infinity where there is no route).
  Eigen::MatrixXd times(double speed) const;
  /// Index of the place called `name`, if any.
  std::optional<std::size_t> index(const std::string& name) const;
  /// Walking distance between two named places; throws std::out_of_range for an unknown name.
  double distance(const std::string& from, const std::string& to) const;
};

/// Walking distances from a set of places to every walkable cell.
class DistanceField {
 public:
  /// Distance from `p` to the nearest source, metres; +infinity if `p` has no route to one.
  double at(const Point& p) const;
  /// The route from `p` to the nearest source; empty if there is none.
  Route route_from(const Point& p) const;
  /// Grid for drawing: the lower-left corner, cell size, columns and rows.
  Point origin() const;
  double cell_size() const;  ///< side of a cell, metres
  int columns() const;       ///< cells across (x)
  int rows() const;          ///< cells up (y)
  /// Distance at the centre of a cell; +infinity for cells that are not walkable or not reached.
  double cell_value(int column, int row) const;

  /// Made by NavGraph::distance_field.
  explicit DistanceField(std::shared_ptr<const detail::FieldData> data);

 private:
  std::shared_ptr<const detail::FieldData> data_;
};

/// The walkable space of a plan, as a grid graph with free widths. Holds its own copy of the plan;
/// copies share the grid.
class NavGraph {
 public:
  /// Builds the grid of `plan`. Throws InputError if the plan is too large for the grid.
  static NavGraph build(const Plan& plan, const NavSettings& settings = {});

  /// The plan the graph was built from.
  const Plan& plan() const;
  /// The settings it was built with.
  const NavSettings& settings() const;
  /// Number of walkable cells (vertices of the graph).
  std::size_t vertex_count() const;
  /// Number of directed moves between neighbouring walkable cells (edges of the graph).
  std::size_t edge_count() const;

  /// True if the cell holding `p` is walkable.
  bool walkable(const Point& p) const;
  /// Distance from `p` to the nearest wall, fitting or obstacle, metres (0 inside one; at most
  /// clearance_cap).
  double clearance(const Point& p) const;
  /// Free width of the passage at `p`: twice the largest clearance found on the cell's links to
  /// its neighbours, which finds the middle line of a passage between grid points. Zero where
  /// the cell is not walkable.
  double free_width(const Point& p) const;

  /// Walking distances from `sources` (all at distance zero) to everywhere.
  DistanceField distance_field(const std::vector<Place>& sources) const;
  /// The shortest walking route from `from` to `to`, or nothing if there is none.
  std::optional<Route> shortest_route(const Point& from, const Point& to) const;
  /// Walking distances between every pair of `places`.
  WalkingTimes walking_times(const std::vector<Place>& places) const;
  /// The places the visitor simulation walks between: the main entrance, guidance desks, seat
  /// rows, counters (customer side), kiosks (customer side) and emergency exits, in that order.
  std::vector<Place> simulation_places() const;

  /// The grid itself, for the accessibility and egress checks.
  const detail::NavGrid& grid() const { return *grid_; }

 private:
  explicit NavGraph(std::shared_ptr<const detail::NavGrid> grid);
  std::shared_ptr<const detail::NavGrid> grid_;  // shared with the distance fields made from it
};

/// How much a finding weighs: a "shall" that fails, a "should" that fails, or information.
enum class Severity { failure, warning, info };

/// One result of the accessibility or egress checks, with what the report needs to show it.
struct NavFinding {
  std::string check;                          ///< short name, e.g. "route_width", "travel_distance"
  std::string clause;                         ///< the code clause, e.g. "GB 50016-2014 5.5.17"
  std::vector<std::string> standard_clauses;  ///< the standard's clauses it serves ("4.4.1.2")
  Severity severity = Severity::failure;
  std::string element_id;          ///< the element at fault; empty for the plan as a whole
  std::string target_id;           ///< what the route leads to or from; may be empty
  Point position = Point::Zero();  ///< where it is
  std::optional<double> measured;  ///< the value found
  std::optional<double> required;  ///< the limit it is held to
  std::string unit;                ///< unit of measured and required: "m", "mm", "persons", "s"
  std::string message;             ///< one sentence: what, where, and what to change
  std::vector<Point> route;        ///< the route concerned; may be empty
};

/// Text name of a severity: "failure", "warning", "info".
const char* to_string(Severity value);
/// Text name of a place kind, e.g. "counter".
const char* to_string(PlaceKind value);

}  // namespace hallsim::layout
