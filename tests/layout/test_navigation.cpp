// The navigation grid: walking distances, routes, free widths, walking-time matrices.

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <stdexcept>
#include <string>

#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/layout/loader.hpp"
#include "hallsim/layout/navigation.hpp"

namespace hallsim::layout {
namespace {

Plan test_plan(const std::string& name) {
  return load_plan(std::string(HALLSIM_TEST_DATA_DIR) + "/plans/egress/" + name);
}

Place exit_place(const Plan& plan, const std::string& id) {
  const Opening* o = plan.find_opening(id);
  return Place{o->id, PlaceKind::exit, o->position, {o->span}};
}

// Where a straight walk may start and end is the walkable cell nearest the point; with cells
// of h = 0.2 m the walk may bend by up to h / sqrt(2) within 0.3 m of each end, which costs at
// most 2 * (h^2 / 2) / (2 * 0.3) = 0.067 m in all (the first-order cost of a sideways offset d
// over a leg of length t is d^2 / 2t).
constexpr double kEndSlack = 0.067;

// An 8-neighbour grid walks a 22.5 degree line 8.2 % long (1.4 m over 17 m); any-angle
// walking must be straight at every angle.
TEST(WalkingDistance, StraightWalkInAnEmptyRoomIsEuclideanAtEveryAngle) {
  const NavGraph graph = NavGraph::build(test_plan("square.json"));
  const Point from(1.05, 1.37);
  for (const double degrees : {0.0, 10.0, 22.5, 30.0, 45.0, 60.0, 67.5, 80.0, 90.0}) {
    const double a = degrees * std::numbers::pi / 180.0;
    const Point to = from + 17.0 * Point(std::cos(a), std::sin(a));
    const auto route = graph.shortest_route(from, to);
    ASSERT_TRUE(route.has_value()) << degrees;
    EXPECT_GE(route->length(), 17.0 - 1e-9) << degrees;
    EXPECT_LE(route->length(), 17.0 + kEndSlack) << degrees;
    EXPECT_EQ(route->points.front(), from);
    EXPECT_EQ(route->points.back(), to);
  }
}

TEST(WalkingDistance, DiagonalBetweenCellCentresIsExact) {
  // (0.5, 0.5) and (19.5, 19.5) are cell centres: no bend at the ends at all.
  const NavGraph graph = NavGraph::build(test_plan("square.json"));
  const auto route = graph.shortest_route(Point(0.5, 0.5), Point(19.5, 19.5));
  ASSERT_TRUE(route.has_value());
  EXPECT_NEAR(route->length(), 19.0 * std::sqrt(2.0), 1e-9);
  EXPECT_EQ(route->points.size(), 2u);
}

TEST(WalkingDistance, LShapedCorridorGoesRoundTheInnerCorner) {
  // Corridor 2 m wide: east along y = 0..2, then north along x = 18..20 to an exit whose clear
  // span is x = 18.4..19.6 at y = 20. From (1, 1) the taut string runs over the inner corner
  // C = (18, 2) to the span's end (18.4, 20).
  const Plan plan = test_plan("l-corridor.json");
  const NavGraph graph = NavGraph::build(plan);
  const DistanceField field = graph.distance_field({exit_place(plan, "exit")});
  const Point p(1.0, 1.0);
  const Point corner(18.0, 2.0);
  const Point span_end(18.4, 20.0);
  const double taut = (corner - p).norm() + (span_end - corner).norm();  // 35.0338
  // People keep body_radius (0.2 m) from the corner, and the grid's nearest walkable cells lie
  // up to h / sqrt(2) further out: rounding a 90 degree corner at radius r costs at most
  // r * pi / 2 over the taut string.
  const double r = 0.2 + 0.2 / std::sqrt(2.0);
  const double d = field.at(p);
  EXPECT_GE(d, taut);
  EXPECT_LE(d, taut + r * std::numbers::pi / 2.0 + kEndSlack);
  EXPECT_LE((d - taut) / taut, 0.02);  // the "few percent" bound, with room to spare
}

TEST(WalkingDistance, RouteFromAPointIsAsLongAsItsDistanceAndEndsInTheExit) {
  const Plan plan = test_plan("l-corridor.json");
  const NavGraph graph = NavGraph::build(plan);
  const DistanceField field = graph.distance_field({exit_place(plan, "exit")});
  const Point p(1.0, 1.0);
  const Route route = field.route_from(p);
  ASSERT_GE(route.points.size(), 3u);  // it must bend at the corner
  EXPECT_EQ(route.points.front(), p);
  EXPECT_NEAR(route.length(), field.at(p), 1e-9);
  const Point end = route.points.back();
  EXPECT_NEAR(end.y(), 20.0, 1e-12);
  EXPECT_GE(end.x(), 18.4 - 1e-12);
  EXPECT_LE(end.x(), 19.6 + 1e-12);
  // No leg leaves the corridor: every vertex keeps the body radius from the walls.
  for (std::size_t k = 1; k + 1 < route.points.size(); ++k) {
    EXPECT_GE(graph.clearance(route.points[k]), 0.2 - 1e-9);
  }
}

TEST(WalkingDistance, PointOutsideTheBuildingHasNoRoute) {
  const Plan plan = test_plan("l-corridor.json");
  const NavGraph graph = NavGraph::build(plan);
  const DistanceField field = graph.distance_field({exit_place(plan, "exit")});
  EXPECT_TRUE(std::isinf(field.at(Point(5.0, 10.0))));  // inside the L's notch
  EXPECT_TRUE(field.route_from(Point(5.0, 10.0)).points.empty());
}

TEST(FreeWidth, GapBetweenPlantersAndWallIsMeasuredBetweenGridPoints) {
  // Planters end at x = 8.9, the wall is at x = 10: a 1.10 m gap whose middle line x = 9.45
  // falls between cell centres (9.3, 9.5). Twice the centre clearance would read 1.00 m.
  const NavGraph graph = NavGraph::build(test_plan("narrow-passage.json"));
  EXPECT_NEAR(graph.free_width(Point(9.45, 5.0)), 1.10, 0.02);
  EXPECT_NEAR(graph.clearance(Point(9.45, 5.0)), 0.55, 1e-12);
}

TEST(FreeWidth, DoorWidthIsItsClearWidth) {
  // A 0.85 m door in a 0.12 m wall: the width found at the door is the jambs' distance.
  const NavGraph graph = NavGraph::build(test_plan("narrow-door.json"));
  EXPECT_NEAR(graph.free_width(Point(8.0, 4.0)), 0.85, 0.02);
}

TEST(FreeWidth, ClearanceIsZeroInsideFittingsAndOutsideTheOutline) {
  const NavGraph graph = NavGraph::build(test_plan("narrow-passage.json"));
  EXPECT_EQ(graph.clearance(Point(4.0, 5.0)), 0.0);           // inside the planters
  EXPECT_EQ(graph.clearance(Point(-1.0, 5.0)), 0.0);          // outside the building
  EXPECT_NEAR(graph.clearance(Point(4.0, 6.0)), 0.8, 1e-12);  // 0.8 m above the planters
  EXPECT_FALSE(graph.walkable(Point(4.0, 5.0)));
  EXPECT_EQ(graph.free_width(Point(4.0, 5.0)), 0.0);
}

TEST(NavGraph, VerticesAndEdgesOfAnEmptyRoomCountByHand) {
  // 10 m x 6 m: cell centres 0.1, 0.3, ... ; those at least 0.2 m from the walls are
  // x = 0.3 .. 9.7 (48) by y = 0.3 .. 5.7 (28) = 1344, plus the exit's cells at y = 0.1 whose
  // distance to the jambs (2.5, 0) and (3.5, 0) is at least 0.2: x = 2.7, 2.9, 3.1, 3.3.
  const NavGraph graph = NavGraph::build(test_plan("empty-room.json"));
  EXPECT_EQ(graph.vertex_count(), 1344u + 4u);
  // Neighbour pairs in the 48 x 28 block: 47*28 across, 48*27 up, 2*47*27 diagonal; the four
  // door cells touch three cells above each and each other three times. Edges are directed.
  const std::size_t pairs = 47 * 28 + 48 * 27 + 2 * 47 * 27 + 4 * 3 + 3;
  EXPECT_EQ(graph.edge_count(), 2 * pairs);
}

TEST(NavGraph, PlanTooLargeForTheGridIsRefusedWithFileAndPointer) {
  NavSettings settings;
  settings.source_name = "huge-outline.json";
  try {
    (void)NavGraph::build(test_plan("huge-outline.json"), settings);
    FAIL() << "a 9 km plan was accepted";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    const Diagnostic& d = e.diagnostics().front();
    EXPECT_EQ(d.file, "huge-outline.json");
    EXPECT_EQ(d.pointer, "/outline");
    EXPECT_NE(d.message.find("9000 m by 9000 m"), std::string::npos) << d.message;
    EXPECT_NE(d.hint.find("metres"), std::string::npos) << d.hint;
  }
}

TEST(NavGraph, SameInputGivesTheSameDistancesBitForBit) {
  const Plan plan = test_plan("dead-end.json");
  const NavGraph a = NavGraph::build(plan);
  const NavGraph b = NavGraph::build(plan);
  const DistanceField fa =
      a.distance_field({exit_place(plan, "exit-west"), exit_place(plan, "exit-east")});
  const DistanceField fb =
      b.distance_field({exit_place(plan, "exit-west"), exit_place(plan, "exit-east")});
  ASSERT_EQ(fa.columns(), fb.columns());
  ASSERT_EQ(fa.rows(), fb.rows());
  for (int j = 0; j < fa.rows(); ++j) {
    for (int i = 0; i < fa.columns(); ++i) {
      const double x = fa.cell_value(i, j);
      const double y = fb.cell_value(i, j);
      EXPECT_TRUE(x == y || (std::isinf(x) && std::isinf(y))) << i << "," << j;
    }
  }
}

TEST(WalkingTimes, EntranceToCounterInAnOpenHallIsTheStraightWalk) {
  const Plan plan = test_plan("narrow-door.json");
  const NavGraph graph = NavGraph::build(plan);
  const std::vector<Place> places = graph.simulation_places();
  // Entrance first, then counters in file order, then exits other than the entrance.
  ASSERT_EQ(places.size(), 4u);
  EXPECT_EQ(places[0].name, "entrance");
  EXPECT_EQ(places[0].kind, PlaceKind::entrance);
  EXPECT_EQ(places[1].name, "c-high");
  EXPECT_EQ(places[2].name, "c-low");
  EXPECT_EQ(places[3].name, "exit-side");
  const WalkingTimes times = graph.walking_times(places);
  // c-high's customer side (2, 5.9) to the nearest point of the entrance span (2.25..3.75, 0).
  const double straight = std::hypot(0.25, 5.9);
  EXPECT_GE(times.distance("entrance", "c-high"), straight - 1e-9);
  EXPECT_LE(times.distance("entrance", "c-high"), straight + kEndSlack);
  // c-low is behind the side door at (8, 4): the walk is longer than the straight line.
  EXPECT_GT(times.distance("entrance", "c-low"), (Point(10.0, 5.9) - Point(3.75, 0.0)).norm());
  EXPECT_EQ(times.distances.rows(), 4);
  for (Eigen::Index i = 0; i < 4; ++i) {
    for (Eigen::Index j = 0; j < 4; ++j) EXPECT_EQ(times.distances(i, j), times.distances(j, i));
  }
  EXPECT_EQ(times.distances.diagonal().maxCoeff(), 0.0);
  const Eigen::MatrixXd seconds = times.times(1.25);
  EXPECT_DOUBLE_EQ(seconds(0, 1), times.distances(0, 1) / 1.25);
  EXPECT_EQ(times.index("c-low"), std::optional<std::size_t>(2));
  EXPECT_FALSE(times.index("nowhere").has_value());
  EXPECT_THROW((void)times.distance("entrance", "nowhere"), std::out_of_range);
}

}  // namespace
}  // namespace hallsim::layout
