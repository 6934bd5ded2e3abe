#include <cassert>
#include <stdexcept>

#include "hallsim/layout/navigation.hpp"
#include "nav_field.hpp"
#include "nav_grid.hpp"

namespace hallsim::layout {

namespace detail {

/// A distance field and the grid it lives on.
struct FieldData {
  std::shared_ptr<const NavGrid> grid;
  Field field;
};

}  // namespace detail

namespace {

Place point_place(const Point& p) {
  return Place{"", PlaceKind::point, p, {}};
}

std::vector<Segment> edges_of(const Polygon& polygon) {
  std::vector<Segment> edges;
  for (std::size_t e = 0; e < polygon.size(); ++e) {
    edges.push_back(edge(polygon, e));
  }
  return edges;
}

}  // namespace

double Route::length() const {
  return detail::polyline_length(points);
}

Eigen::MatrixXd WalkingTimes::times(double speed) const {
  assert(speed > 0.0);
  return distances / speed;
}

std::optional<std::size_t> WalkingTimes::index(const std::string& name) const {
  for (std::size_t i = 0; i < places.size(); ++i) {
    if (places[i].name == name) {
      return i;
    }
  }
  return std::nullopt;
}

double WalkingTimes::distance(const std::string& from, const std::string& to) const {
  const auto i = index(from);
  const auto j = index(to);
  if (!i || !j) {
    throw std::out_of_range("no place called \"" + (i ? to : from) + "\" in the walking times");
  }
  return distances(static_cast<Eigen::Index>(*i), static_cast<Eigen::Index>(*j));
}

DistanceField::DistanceField(std::shared_ptr<const detail::FieldData> data)
    : data_(std::move(data)) {}

double DistanceField::at(const Point& p) const {
  const detail::NavGrid& g = *data_->grid;
  return detail::distance_via(data_->field, detail::anchors(g, point_place(p), g.walkable));
}

Route DistanceField::route_from(const Point& p) const {
  const detail::NavGrid& g = *data_->grid;
  const auto start = detail::anchors(g, point_place(p), g.walkable);
  std::size_t best = 0;
  if (detail::distance_via(data_->field, start, &best) == detail::kUnreached) {
    return {};
  }
  std::vector<Point> points{p};
  for (const Point& q : detail::route_from_cell(g, data_->field, start[best].cell)) {
    points.push_back(q);
  }
  return Route{detail::simplify(points)};
}

Point DistanceField::origin() const {
  return data_->grid->origin;
}
double DistanceField::cell_size() const {
  return data_->grid->h;
}
int DistanceField::columns() const {
  return data_->grid->nx;
}
int DistanceField::rows() const {
  return data_->grid->ny;
}
double DistanceField::cell_value(int column, int row) const {
  const detail::NavGrid& g = *data_->grid;
  assert(g.inside(column, row));
  return data_->field.g[g.cell(column, row)];
}

NavGraph::NavGraph(std::shared_ptr<const detail::NavGrid> grid) : grid_(std::move(grid)) {}

NavGraph NavGraph::build(const Plan& plan, const NavSettings& settings) {
  return NavGraph(detail::build_nav_grid(plan, settings));
}

const Plan& NavGraph::plan() const {
  return grid_->plan;
}
const NavSettings& NavGraph::settings() const {
  return grid_->settings;
}
std::size_t NavGraph::vertex_count() const {
  return grid_->cell_of_vertex.size();
}
std::size_t NavGraph::edge_count() const {
  return boost::num_edges(grid_->graph);
}

bool NavGraph::walkable(const Point& p) const {
  const detail::CellIndex c = grid_->cell_at(p);
  return c != detail::kNoCell && grid_->walkable[c] != 0;
}

double NavGraph::clearance(const Point& p) const {
  if (!contains(grid_->plan.outline(), p)) {
    return 0.0;
  }
  for (const Polygon& solid : grid_->solids) {
    if (contains(solid, p)) {
      return 0.0;
    }
  }
  return grid_->clearance_at(p);
}

double NavGraph::free_width(const Point& p) const {
  const detail::CellIndex c = grid_->cell_at(p);
  if (c == detail::kNoCell || !grid_->walkable[c]) {
    return 0.0;
  }
  return 2.0 * grid_->width_radius[c];
}

DistanceField NavGraph::distance_field(const std::vector<Place>& sources) const {
  std::vector<detail::FieldSource> starts;
  for (const Place& place : sources) {
    for (const auto& a : detail::anchors(*grid_, place, grid_->walkable)) {
      starts.push_back(a);
    }
  }
  auto data = std::make_shared<detail::FieldData>();
  data->grid = grid_;
  data->field = detail::any_angle_field(*grid_, std::move(starts), grid_->walkable);
  return DistanceField(std::move(data));
}

std::optional<Route> NavGraph::shortest_route(const Point& from, const Point& to) const {
  const auto start = detail::anchors(*grid_, point_place(from), grid_->walkable);
  std::vector<detail::CellIndex> targets;
  targets.reserve(start.size());
  for (const auto& a : start) {
    targets.push_back(a.cell);
  }
  if (targets.empty()) {
    return std::nullopt;
  }
  const detail::Field field = detail::any_angle_field(
      *grid_, detail::anchors(*grid_, point_place(to), grid_->walkable), grid_->walkable, &targets);
  std::size_t best = 0;
  if (detail::distance_via(field, start, &best) == detail::kUnreached) {
    return std::nullopt;
  }
  std::vector<Point> points{from};
  for (const Point& q : detail::route_from_cell(*grid_, field, start[best].cell)) {
    points.push_back(q);
  }
  return Route{detail::simplify(points)};
}

WalkingTimes NavGraph::walking_times(const std::vector<Place>& places) const {
  const auto n = static_cast<Eigen::Index>(places.size());
  std::vector<std::vector<detail::FieldSource>> near(places.size());
  for (std::size_t i = 0; i < places.size(); ++i) {
    near[i] = detail::anchors(*grid_, places[i], grid_->walkable);
  }
  Eigen::MatrixXd d = Eigen::MatrixXd::Constant(n, n, detail::kUnreached);
  for (Eigen::Index i = 0; i < n; ++i) {
    const detail::Field field =
        detail::any_angle_field(*grid_, near[static_cast<std::size_t>(i)], grid_->walkable);
    for (Eigen::Index j = 0; j < n; ++j) {
      d(i, j) = detail::distance_via(field, near[static_cast<std::size_t>(j)]);
    }
  }
  // Either direction's route is a real walk, so the shorter of the two is the better estimate.
  const Eigen::MatrixXd symmetric = d.cwiseMin(d.transpose());
  WalkingTimes result{places, symmetric};
  result.distances.diagonal().setZero();
  return result;
}

std::vector<Place> NavGraph::simulation_places() const {
  const Plan& p = grid_->plan;
  std::vector<Place> places;
  const Opening& entrance = p.main_entrance();
  places.push_back(Place{entrance.id, PlaceKind::entrance, entrance.position, {entrance.span}});
  for (const Desk& desk : p.desks()) {
    if (desk.kind != DeskKind::guidance) {
      continue;
    }
    places.push_back(Place{desk.id, PlaceKind::guidance_desk, centroid(desk.footprint),
                           edges_of(desk.footprint)});
  }
  for (const SeatRow& row : p.seat_rows()) {
    places.push_back(
        Place{row.id, PlaceKind::seat_row, centroid(row.footprint), edges_of(row.footprint)});
  }
  for (const Counter& counter : p.counters()) {
    places.push_back(Place{counter.id, PlaceKind::counter, counter.customer_side, {}});
  }
  for (const Kiosk& kiosk : p.kiosks()) {
    places.push_back(Place{kiosk.id, PlaceKind::kiosk, kiosk.customer_side, {}});
  }
  for (const Opening& o : p.openings()) {
    if (!o.emergency_exit || o.main_entrance()) {
      continue;
    }
    places.push_back(Place{o.id, PlaceKind::exit, o.position, {o.span}});
  }
  return places;
}

const char* to_string(Severity value) {
  switch (value) {
    case Severity::failure:
      return "failure";
    case Severity::warning:
      return "warning";
    case Severity::info:
      return "info";
  }
  return "?";
}

const char* to_string(PlaceKind value) {
  switch (value) {
    case PlaceKind::entrance:
      return "entrance";
    case PlaceKind::exit:
      return "exit";
    case PlaceKind::guidance_desk:
      return "guidance_desk";
    case PlaceKind::seat_row:
      return "seat_row";
    case PlaceKind::counter:
      return "counter";
    case PlaceKind::kiosk:
      return "kiosk";
    case PlaceKind::point:
      return "point";
  }
  return "?";
}

}  // namespace hallsim::layout
