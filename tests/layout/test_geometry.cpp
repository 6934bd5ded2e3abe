// Plane geometry of plans, checked against values worked out by hand.

#include <gtest/gtest.h>

#include <cmath>

#include "hallsim/layout/geometry.hpp"
#include "layout_test_support.hpp"

namespace hl = hallsim::layout;
using hl::Point;
using hl::Polygon;
using hl::Segment;

namespace {

using hl::testing::rect;

// The town center's outline: a 40 m x 20 m hall with a 14 m x 10 m wing to the north-east.
Polygon l_shape() {
  return {{0, 0}, {40, 0}, {40, 30}, {26, 30}, {26, 20}, {0, 20}};
}

Polygon square(double x0, double y0, double side) {
  return rect(x0, y0, x0 + side, y0 + side);
}

}  // namespace

TEST(PolygonArea, ShoelaceGivesTheAreaOfAnLShape) {
  // 40 * 20 + 14 * 10 = 940 m².
  EXPECT_DOUBLE_EQ(hl::area(l_shape()), 940.0);
  EXPECT_DOUBLE_EQ(hl::signed_area(l_shape()), 940.0);  // counter-clockwise
}

TEST(PolygonArea, ClockwiseRingHasNegativeSignedArea) {
  Polygon cw = l_shape();
  std::reverse(cw.begin(), cw.end());
  EXPECT_DOUBLE_EQ(hl::signed_area(cw), -940.0);
  EXPECT_DOUBLE_EQ(hl::area(cw), 940.0);
}

TEST(PolygonArea, RightTriangleFarFromTheOriginKeepsItsArea) {
  // Legs 4 and 3: area 6, also 9 km from the origin where naive products lose digits.
  const Polygon t{{9000, 9000}, {9004, 9000}, {9000, 9003}};
  EXPECT_NEAR(hl::area(t), 6.0, 1e-9);
}

TEST(PolygonCentroid, TriangleCentroidIsTheMeanOfItsCorners) {
  const Point c = hl::centroid({{0, 0}, {4, 0}, {0, 3}});
  EXPECT_NEAR(c.x(), 4.0 / 3.0, 1e-12);
  EXPECT_NEAR(c.y(), 1.0, 1e-12);
}

TEST(PolygonCentroid, LShapeCentroidWeighsItsTwoRectangles) {
  // Hall 800 m² centred at (20, 10); wing 140 m² centred at (33, 25).
  const Point c = hl::centroid(l_shape());
  EXPECT_NEAR(c.x(), (800.0 * 20 + 140.0 * 33) / 940.0, 1e-9);
  EXPECT_NEAR(c.y(), (800.0 * 10 + 140.0 * 25) / 940.0, 1e-9);
}

TEST(PointInPolygon, PointsInsideOutsideAndOnTheLShape) {
  const Polygon l = l_shape();
  EXPECT_EQ(hl::locate(l, {30, 25}), hl::Containment::inside);    // in the wing
  EXPECT_EQ(hl::locate(l, {10, 25}), hl::Containment::outside);   // in the notch
  EXPECT_EQ(hl::locate(l, {26, 25}), hl::Containment::boundary);  // on the wing's west wall
  EXPECT_EQ(hl::locate(l, {0, 0}), hl::Containment::boundary);    // a corner
  EXPECT_EQ(hl::locate(l, {-1, 10}), hl::Containment::outside);
}

TEST(PointInPolygon, RayThroughAVertexIsCountedOnce) {
  // The ray from (30, 20) to the east runs along y = 20, through the vertices (26, 20) and
  // (0, 20) to its west and crosses only the east wall: inside.
  EXPECT_EQ(hl::locate(l_shape(), {30, 20}), hl::Containment::inside);
  // From (-1, 20) it passes both vertices and the east wall: outside.
  EXPECT_EQ(hl::locate(l_shape(), {-1, 20}), hl::Containment::outside);
}

TEST(PointInPolygon, ToleranceTurnsANearMissIntoBoundary) {
  const Polygon s = square(0, 0, 10);
  EXPECT_FALSE(hl::contains(s, {10.04, 5}));
  EXPECT_TRUE(hl::contains(s, {10.04, 5}, 0.05));
  EXPECT_FALSE(hl::contains(s, {10.06, 5}, 0.05));
}

TEST(SegmentIntersection, DiagonalsOfASquareCrossAtItsCentre) {
  const Segment a{{0, 0}, {2, 2}};
  const Segment b{{0, 2}, {2, 0}};
  EXPECT_TRUE(hl::segments_intersect(a, b));
  EXPECT_TRUE(hl::segments_cross_properly(a, b));
  const auto x = hl::intersection_point(a, b);
  ASSERT_TRUE(x.has_value());
  EXPECT_NEAR(x->x(), 1.0, 1e-12);
  EXPECT_NEAR(x->y(), 1.0, 1e-12);
}

TEST(SegmentIntersection, TouchingAtAnEndIntersectsButDoesNotCross) {
  const Segment a{{0, 0}, {1, 0}};
  const Segment b{{1, 0}, {1, 1}};
  EXPECT_TRUE(hl::segments_intersect(a, b));
  EXPECT_FALSE(hl::segments_cross_properly(a, b));
}

TEST(SegmentIntersection, CollinearSegmentsMeetOnlyIfTheyOverlap) {
  EXPECT_TRUE(hl::segments_intersect({{0, 0}, {2, 0}}, {{1, 0}, {3, 0}}));
  EXPECT_FALSE(hl::segments_intersect({{0, 0}, {1, 0}}, {{2, 0}, {3, 0}}));
  EXPECT_FALSE(hl::intersection_point({{0, 0}, {2, 0}}, {{1, 0}, {3, 0}}).has_value());
}

TEST(SegmentIntersection, ParallelSegmentsDoNotMeet) {
  EXPECT_FALSE(hl::segments_intersect({{0, 0}, {4, 0}}, {{0, 1}, {4, 1}}));
}

TEST(SegmentIntersection, SegmentsWhoseLinesCrossBeyondTheirEndsDoNotMeet) {
  // The lines cross at (3, 0), past the end of the first segment.
  const Segment a{{0, 0}, {2, 0}};
  const Segment b{{3, -1}, {3, 1}};
  EXPECT_FALSE(hl::segments_intersect(a, b));
  EXPECT_FALSE(hl::intersection_point(a, b).has_value());
}

TEST(SimplePolygon, SquareAndLShapeAreSimple) {
  EXPECT_TRUE(hl::is_simple(square(0, 0, 1)));
  EXPECT_TRUE(hl::is_simple(l_shape()));
}

TEST(SimplePolygon, BowTieCrossesItselfAtItsWaist) {
  const Polygon bow{{0, 0}, {2, 2}, {2, 0}, {0, 2}};
  EXPECT_FALSE(hl::is_simple(bow));
  const auto x = hl::find_self_intersection(bow);
  ASSERT_TRUE(x.has_value());
  EXPECT_EQ(x->edge_a, 0u);  // (0,0)-(2,2)
  EXPECT_EQ(x->edge_b, 2u);  // (2,0)-(0,2)
  EXPECT_NEAR(x->where.x(), 1.0, 1e-12);
  EXPECT_NEAR(x->where.y(), 1.0, 1e-12);
}

TEST(SimplePolygon, RepeatedVertexAndFoldBackAreNotSimple) {
  EXPECT_FALSE(hl::is_simple({{0, 0}, {1, 0}, {1, 0}, {1, 1}}));
  // Goes east to (2, 0), back west to (1, 0), then north: the first two edges overlap.
  EXPECT_FALSE(hl::is_simple({{0, 0}, {2, 0}, {1, 0}, {1, 1}}));
}

TEST(SimplePolygon, RingTouchingItselfAtAVertexIsNotSimple) {
  // Two squares sharing the corner (1, 1), drawn as one ring.
  const Polygon eight{{0, 0}, {1, 0}, {1, 1}, {2, 1}, {2, 2}, {1, 2}, {1, 1}, {0, 1}};
  EXPECT_FALSE(hl::is_simple(eight));
}

TEST(SimplePolygon, RedundantCollinearVertexIsAllowed) {
  EXPECT_TRUE(hl::is_simple({{0, 0}, {1, 0}, {2, 0}, {2, 2}, {0, 2}}));
}

TEST(PointSegmentDistance, PerpendicularFootAndEndpoints) {
  const Segment s{{0, 0}, {4, 0}};
  EXPECT_DOUBLE_EQ(hl::distance({2, 3}, s), 3.0);   // foot inside the segment
  EXPECT_DOUBLE_EQ(hl::distance({-3, 4}, s), 5.0);  // nearest is the end (0, 0): 3-4-5
  EXPECT_DOUBLE_EQ(hl::distance({7, 4}, s), 5.0);   // nearest is the end (4, 0)
  EXPECT_DOUBLE_EQ(hl::projection_parameter(s, {1, 9}), 0.25);
}

TEST(PointSegmentDistance, SlantedSegment) {
  // Distance from the origin to the line x + y = 2 is 2 / sqrt(2).
  EXPECT_NEAR(hl::distance({0, 0}, {{2, 0}, {0, 2}}), std::sqrt(2.0), 1e-12);
}

TEST(PointSegmentDistance, DegenerateSegmentIsAPoint) {
  EXPECT_DOUBLE_EQ(hl::distance({3, 4}, {{0, 0}, {0, 0}}), 5.0);
}

TEST(PolygonOverlap, OffsetSquaresShareOneSquareMetre) {
  EXPECT_NEAR(hl::overlap_area(square(0, 0, 2), square(1, 1, 2)), 1.0, 1e-9);
  EXPECT_NEAR(hl::overlap_area(square(0, 0, 2), square(2, 0, 2)), 0.0, 1e-12);  // touching
}

TEST(PolygonOverlap, SquareAcrossTheNotchOfTheLShape) {
  // The square [20, 30] x [15, 25]: its southern half (50 m²) is in the hall, the strip
  // [26, 30] x [20, 25] (20 m²) in the wing, and the 30 m² in the notch are outside.
  EXPECT_NEAR(hl::overlap_area(l_shape(), square(20, 15, 10)), 70.0, 1e-9);
}

TEST(PolygonWithin, EdgeThroughTheNotchIsNotWithinAlthoughItsCornersAre) {
  // Every corner is inside the L, but the edge from (30, 25) to (20, 19) passes (25, 22),
  // which is in the notch.
  const Polygon quad{{20, 15}, {30, 15}, {30, 25}, {20, 19}};
  for (const Point& p : quad) {
    EXPECT_TRUE(hl::contains(l_shape(), p));
  }
  EXPECT_FALSE(hl::polygon_within(quad, l_shape()));
}

TEST(PolygonWithin, ToleranceLetsAZoneDrawnOnTheWallLineStickOutAFewCentimetres) {
  // The east edge sticks out by 4 cm, then by 6 cm, past a 5 cm tolerance.
  EXPECT_TRUE(hl::polygon_within(rect(0, 0, 10.04, 10), square(0, 0, 10), 0.05));
  EXPECT_FALSE(hl::polygon_within(rect(0, 0, 10.06, 10), square(0, 0, 10), 0.05));
  // A corner sticking out diagonally by (4 cm, 4 cm) is 5.7 cm away: outside.
  EXPECT_FALSE(hl::polygon_within(square(0, 0, 10.04), square(0, 0, 10), 0.05));
}

TEST(PolygonWithin, TheWingLiesWithinTheLShape) {
  EXPECT_TRUE(hl::polygon_within(rect(26, 20, 40, 30), l_shape()));
  EXPECT_FALSE(hl::polygon_within(rect(20, 20, 40, 30), l_shape()));
}

TEST(BoundingBox, SpansTheExtremeVertices) {
  const hl::Box box = hl::bounding_box(l_shape());
  EXPECT_EQ(box.min, Point(0, 0));
  EXPECT_EQ(box.max, Point(40, 30));
}
