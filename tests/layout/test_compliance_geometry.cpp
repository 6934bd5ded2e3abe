// The geometry behind the compliance rules: what blocks a line of sight, where a person at an
// entrance stands, the points that stand for an area.

#include <cmath>

#include "compliance_geometry.hpp"
#include "test_compliance_support.hpp"

namespace hallsim::layout {
namespace {

using detail::SightLines;
using testing::kCenter;
using testing::plan_data;
using testing::rect;

// The center (30 × 20 m) with a wall across it at y = 10 from x = 12.5 to x = 18, holding one
// opening at x = 15 of the given kind; a glass wall at x = 22 from y = 7 to 11; the column at
// (19.8–20.2, 11.8–12.2) is in the base plan.
Plan center_with_partition(DoorType door, bool glass_door) {
  PlanData data = plan_data(kCenter);
  Wall partition;
  partition.id = "w-partition";
  partition.points = {Point(12.5, 10), Point(18, 10)};
  data.walls.push_back(partition);
  Wall glass;
  glass.id = "w-glass";
  glass.points = {Point(22, 7), Point(22, 11)};
  glass.glass = true;
  data.walls.push_back(glass);
  Opening o;
  o.id = "door-partition";
  o.position = Point(15, 10);
  o.width = 1.0;
  o.door = door;
  o.glass = glass_door;
  data.openings.push_back(o);
  return Plan::build(std::move(data), "test-plan.json");
}

TEST(SightLines, AnOpaqueWallBlocksAndItsEndsDoNot) {
  const Plan plan = center_with_partition(DoorType::swinging, false);
  const SightLines sight(plan);
  EXPECT_FALSE(sight.clear(Point(13, 8), Point(13, 12)));  // through the wall
  EXPECT_TRUE(sight.clear(Point(11, 8), Point(11, 12)));   // past its west end
  EXPECT_TRUE(sight.clear(Point(13, 8), Point(17, 8)));    // along it, on one side
}

TEST(SightLines, AClosedDoorBlocksAnOpenPassageOrAGlassDoorDoesNot) {
  const Segment through{Point(15, 8), Point(15, 12)};
  EXPECT_FALSE(
      SightLines(center_with_partition(DoorType::swinging, false)).clear(through.a, through.b));
  EXPECT_TRUE(SightLines(center_with_partition(DoorType::none, false)).clear(through.a, through.b));
  EXPECT_TRUE(
      SightLines(center_with_partition(DoorType::sliding, true)).clear(through.a, through.b));
  // Beside the 1 m opening (x 14.5–15.5) the wall still blocks.
  EXPECT_FALSE(SightLines(center_with_partition(DoorType::none, false))
                   .clear(Point(14.3, 8), Point(14.3, 12)));
}

TEST(SightLines, GlassWallsLetSightThroughAndColumnsDoNot) {
  const SightLines sight(center_with_partition(DoorType::swinging, false));
  EXPECT_TRUE(sight.clear(Point(21, 9), Point(23, 9)));        // across the glass wall
  EXPECT_FALSE(sight.clear(Point(19, 12), Point(21, 12)));     // through the column
  EXPECT_TRUE(sight.clear(Point(19, 12.5), Point(21, 12.5)));  // just past it
}

TEST(SightLines, TheBuildingOutlineBlocksExceptThroughGlassDoors) {
  const SightLines sight(Plan::build(plan_data(kCenter), "test-plan.json"));
  // From the street through the glass main door (x 14–16 at y = 0) and through solid wall.
  EXPECT_TRUE(sight.clear(Point(15, -1.5), Point(15, 3.4)));
  EXPECT_FALSE(sight.clear(Point(5, -1.5), Point(5, 3)));
}

TEST(SightLines, ASignOnAWallIsNotHiddenByThatWall) {
  const SightLines sight(Plan::build(plan_data(kCenter), "test-plan.json"));
  // The brand sign hangs on the north wall at (12, 20).
  EXPECT_TRUE(sight.clear(Point(12, 15), Point(12, 20)));
}

TEST(EntranceView, StandsSquareToTheWallInsideAndOutside) {
  const Plan plan = Plan::build(plan_data(kCenter), "test-plan.json");
  const detail::EntranceView main = detail::entrance_view(plan, plan.main_entrance(), 1.5);
  EXPECT_TRUE(main.doorway.isApprox(Point(15, 0)));
  EXPECT_TRUE(main.inside.isApprox(Point(15, 1.5)));
  EXPECT_TRUE(main.outside.isApprox(Point(15, -1.5)));
  const detail::EntranceView west =
      detail::entrance_view(plan, *plan.find_opening("exit-west"), 2.0);
  EXPECT_TRUE(west.inside.isApprox(Point(2, 15)));
  EXPECT_TRUE(west.outside.isApprox(Point(-2, 15)));
}

TEST(AreaGeometry, DistanceToAnAreaIsZeroInsideAndToTheNearestEdgeOutside) {
  const Polygon square = rect(0, 0, 4, 4);
  EXPECT_DOUBLE_EQ(detail::distance_to_area(square, Point(2, 2)), 0.0);
  EXPECT_DOUBLE_EQ(detail::distance_to_area(square, Point(7, 2)), 3.0);
  EXPECT_DOUBLE_EQ(detail::distance_to_area(square, Point(7, 8)), 5.0);  // 3-4-5 to the corner
}

TEST(AreaGeometry, ProbesAreTheCentroidThenEachCornerPulledInwards) {
  const std::vector<Point> probes = detail::area_probes(rect(0, 0, 4, 2), std::sqrt(2.0) / 2.0);
  ASSERT_EQ(probes.size(), 5u);
  EXPECT_TRUE(probes[0].isApprox(Point(2, 1)));
  // Corner (0, 0) moved √2/2 m towards (2, 1): along (2, 1)/√5.
  EXPECT_TRUE(probes[1].isApprox(Point(2, 1) * (std::sqrt(2.0) / 2.0 / std::sqrt(5.0))));
}

TEST(AreaGeometry, GridPointsAreCellCentresInsideTheArea) {
  EXPECT_EQ(detail::grid_points(rect(0, 0, 2, 2), 0.5).size(), 16u);
  // An L of three 1 × 1 squares: 3 × 4 cells of 0.5 m.
  const Polygon ell{Point(0, 0), Point(2, 0), Point(2, 1), Point(1, 1), Point(1, 2), Point(0, 2)};
  const std::vector<Point> points = detail::grid_points(ell, 0.5);
  EXPECT_EQ(points.size(), 12u);
  EXPECT_TRUE(points.front().isApprox(Point(0.25, 0.25)));
}

TEST(AreaGeometry, ASignFacesThoseInFrontOfIt) {
  EXPECT_TRUE(detail::faces(Point(0, 0), Point(0, 1), Point(3, 2)));
  EXPECT_FALSE(detail::faces(Point(0, 0), Point(0, 1), Point(3, -2)));
}

}  // namespace
}  // namespace hallsim::layout
