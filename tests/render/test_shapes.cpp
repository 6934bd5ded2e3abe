// Geometry of the picture in plan metres, checked by hand: triangles, wall bands, door
// symbols, contours, the frame and the scale bar. Needs no display.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <numbers>

#include "hallsim/layout/loader.hpp"
#include "hallsim/render/overlay_sources.hpp"
#include "hallsim/render/palette.hpp"
#include "hallsim/render/picture.hpp"
#include "names.hpp"
#include "openings.hpp"
#include "painter.hpp"
#include "shapes.hpp"

namespace hallsim::render {
namespace {

using layout::Point;
using layout::Polygon;

double quad_area(const detail::Quad& q) {
  return layout::area(Polygon(q.begin(), q.end()));
}

double band_area(const std::vector<detail::Quad>& quads) {
  double total = 0.0;
  for (const auto& q : quads) {
    total += quad_area(q);
  }
  return total;
}

const Polygon l_shape{{0, 0}, {8, 0}, {8, 4.5}, {6, 4.5}, {6, 6}, {0, 6}};  // 36 + 9 = 45 m²
const Polygon rectangle{{0, 0}, {10, 0}, {10, 6}, {0, 6}};

TEST(Triangulation, TrianglesOfAnLShapeAddUpToItsArea) {
  for (const bool clockwise : {false, true}) {
    Polygon polygon = l_shape;
    if (clockwise) {
      std::reverse(polygon.begin(), polygon.end());
    }
    const auto triangles = detail::triangulate(polygon);
    ASSERT_EQ(triangles.size(), polygon.size() - 2);
    double total = 0.0;
    for (const auto& t : triangles) {
      const Polygon triangle{polygon[t[0]], polygon[t[1]], polygon[t[2]]};
      const double a = layout::area(triangle);
      EXPECT_GT(a, 0.0);
      EXPECT_TRUE(layout::contains(polygon, layout::centroid(triangle)));
      total += a;
    }
    EXPECT_NEAR(total, 45.0, 1e-12);
  }
}

TEST(Triangulation, CollinearVerticesLoseNoArea) {
  // A 4 x 2 rectangle with an extra vertex in the middle of its south edge.
  const Polygon polygon{{0, 0}, {2, 0}, {4, 0}, {4, 2}, {0, 2}};
  double total = 0.0;
  for (const auto& t : detail::triangulate(polygon)) {
    total += layout::area(Polygon{polygon[t[0]], polygon[t[1]], polygon[t[2]]});
  }
  EXPECT_NEAR(total, 8.0, 1e-12);
}

TEST(WallBand, ExteriorWallOfARectangleIsItsOffsetFrame) {
  const auto [left, right] = detail::exterior_wall_sides(rectangle, 0.24);
  EXPECT_EQ(left, 0.0);  // counter-clockwise: the inside is on the left, the wall on the right
  EXPECT_EQ(right, 0.24);
  const auto quads = detail::wall_band(rectangle, true, left, right, {});
  ASSERT_EQ(quads.size(), 4u);
  // (10 + 2 x 0.24) x (6 + 2 x 0.24) - 10 x 6
  EXPECT_NEAR(band_area(quads), 10.48 * 6.48 - 60.0, 1e-9);
  // The mitred corner lands on the diagonal, outside the south-west corner.
  EXPECT_NEAR((quads[0][3] - Point(-0.24, -0.24)).norm(), 0.0, 1e-12);
}

TEST(WallBand, ClockwiseOutlineGetsItsWallOnTheOtherSide) {
  Polygon clockwise = rectangle;
  std::reverse(clockwise.begin(), clockwise.end());
  const auto [left, right] = detail::exterior_wall_sides(clockwise, 0.3);
  EXPECT_EQ(left, 0.3);
  EXPECT_EQ(right, 0.0);
  EXPECT_NEAR(band_area(detail::wall_band(clockwise, true, left, right, {})), 10.6 * 6.6 - 60.0,
              1e-9);
}

TEST(WallBand, DoorGapRemovesItsWidthTimesTheThickness) {
  // A 1 m gap in the south edge (10 m long): fractions 0.25 to 0.35.
  const std::vector<std::vector<detail::Interval>> gaps{{{0.25, 0.35}}};
  const auto quads = detail::wall_band(rectangle, true, 0.0, 0.24, gaps);
  EXPECT_EQ(quads.size(), 5u);
  EXPECT_NEAR(band_area(quads), 10.48 * 6.48 - 60.0 - 1.0 * 0.24, 1e-9);
  // The gap's ends are cut square: the piece west of it ends at x = 2.5 on both faces.
  EXPECT_NEAR(quads[0][1].x(), 2.5, 1e-12);
  EXPECT_NEAR(quads[0][2].x(), 2.5, 1e-12);
}

TEST(WallBand, MitredPolylineHasLengthTimesThickness) {
  // An interior wall 4 m east then 3 m north, 0.2 m thick on its centreline.
  const std::vector<Point> line{{0, 0}, {4, 0}, {4, 3}};
  EXPECT_NEAR(band_area(detail::wall_band(line, false, 0.1, 0.1, {})), 7.0 * 0.2, 1e-12);
}

TEST(OpeningPlace, ExitInTheEastWallSpansItsWidthAroundItsPosition) {
  layout::Opening exit;
  exit.position = {10, 4};
  exit.width = 1.2;
  const auto place = detail::place_opening(exit, rectangle, true);
  EXPECT_EQ(place.segment, 1u);  // (10,0) -> (10,6)
  EXPECT_NEAR(place.along.from, 3.4 / 6.0, 1e-12);
  EXPECT_NEAR(place.along.to, 4.6 / 6.0, 1e-12);
  EXPECT_NEAR((place.span.a - Point(10, 3.4)).norm(), 0.0, 1e-12);
  EXPECT_NEAR((place.span.b - Point(10, 4.6)).norm(), 0.0, 1e-12);
}

TEST(OpeningPlace, LoaderSpanIsUsedWhenGiven) {
  layout::Opening door;
  door.position = {3, 0};
  door.width = 1.0;
  door.span = {Point(3.4, 0), Point(2.6, 0)};  // given backwards: the place is still ordered
  const auto place = detail::place_opening(door, rectangle, true);
  EXPECT_EQ(place.segment, 0u);
  EXPECT_NEAR(place.along.from, 0.26, 1e-12);
  EXPECT_NEAR(place.along.to, 0.34, 1e-12);
}

TEST(DoorSymbol, SingleLeafOpensAQuarterCircleOfItsWidth) {
  const layout::Segment span{Point(2.5, 0), Point(3.5, 0)};
  const auto symbol = detail::door_symbol(layout::DoorType::swinging, span, Point(0, -1), false);
  ASSERT_EQ(symbol.leaves.size(), 1u);
  EXPECT_NEAR((symbol.leaves[0].b - Point(2.5, -1.0)).norm(), 0.0, 1e-12);
  ASSERT_EQ(symbol.arcs.size(), 1u);
  const auto& arc = symbol.arcs[0];
  ASSERT_EQ(arc.size(), static_cast<std::size_t>(detail::kArcPoints));
  EXPECT_NEAR((arc.front() - Point(2.5, -1.0)).norm(), 0.0, 1e-12);  // the open leaf's tip
  EXPECT_NEAR((arc.back() - Point(3.5, 0.0)).norm(), 0.0, 1e-12);    // the closing jamb
  for (const Point& p : arc) {
    EXPECT_NEAR((p - span.a).norm(), 1.0, 1e-12);
  }
}

TEST(DoorSymbol, WideDoorIsAPairOfLeavesMeetingInTheMiddle) {
  const layout::Segment span{Point(0, 0), Point(1.6, 0)};
  const auto symbol = detail::door_symbol(layout::DoorType::swinging, span, Point(0, 1), false);
  ASSERT_EQ(symbol.leaves.size(), 2u);
  for (const auto& leaf : symbol.leaves) {
    EXPECT_NEAR(leaf.length(), 0.8, 1e-12);
  }
  EXPECT_NEAR((symbol.arcs[0].back() - Point(0.8, 0)).norm(), 0.0, 1e-12);
  EXPECT_NEAR((symbol.arcs[1].back() - Point(0.8, 0)).norm(), 0.0, 1e-12);
  const auto both = detail::door_symbol(layout::DoorType::swinging, span, Point(0, 1), true);
  EXPECT_EQ(both.leaves.size(), 4u);
  EXPECT_NEAR(both.leaves[2].b.y(), -0.8, 1e-12);
}

TEST(DoorSymbol, SwingOfUnknownSideDrawsNoLeaf) {
  const layout::Segment span{Point(0, 0), Point(0.9, 0)};
  EXPECT_TRUE(
      detail::door_symbol(layout::DoorType::swinging, span, std::nullopt, false).leaves.empty());
  const auto revolving =
      detail::door_symbol(layout::DoorType::revolving, span, std::nullopt, false);
  ASSERT_TRUE(revolving.revolving_centre.has_value());
  EXPECT_NEAR(revolving.revolving_radius, 0.45, 1e-12);
  EXPECT_EQ(detail::door_symbol(layout::DoorType::sliding, span, std::nullopt, false).panels.size(),
            2u);
}

ScalarGrid radial_grid(const Point& centre, double cell, int n) {
  ScalarGrid grid;
  grid.origin = Point(0, 0);
  grid.cell = cell;
  grid.columns = n;
  grid.rows = n;
  for (int r = 0; r < n; ++r) {
    for (int c = 0; c < n; ++c) {
      grid.values.push_back((grid.cell_centre(c, r) - centre).norm());
    }
  }
  return grid;
}

TEST(Contour, LevelOfADistanceFieldIsACircle) {
  const Point centre(5, 5);
  const auto grid = radial_grid(centre, 0.25, 40);
  const auto segments = detail::contour_segments(grid, 3.0);
  ASSERT_FALSE(segments.empty());
  double length = 0.0;
  for (const auto& s : segments) {
    // Linear interpolation along a cell side misses the circle by at most h²/(8r) = 0.0026 m.
    EXPECT_NEAR((s.a - centre).norm(), 3.0, 0.25 * 0.25 / (8 * 3.0));
    EXPECT_NEAR((s.b - centre).norm(), 3.0, 0.25 * 0.25 / (8 * 3.0));
    length += s.length();
  }
  // Chords of a circle fall short of it; with chords under 0.36 m the shortfall is under 0.1%.
  EXPECT_NEAR(length, 2.0 * std::numbers::pi * 3.0, 2.0 * std::numbers::pi * 3.0 * 1e-3);
}

TEST(Contour, SquaresWithAMissingValueAreSkipped) {
  auto grid = radial_grid(Point(5, 5), 0.25, 40);
  const std::size_t all = detail::contour_segments(grid, 3.0).size();
  // Cell (31, 20) has its centre 2.875 m east of the centre: the contour passes beside it.
  grid.values[20 * 40 + 31] = std::numeric_limits<double>::quiet_NaN();
  const auto segments = detail::contour_segments(grid, 3.0);
  EXPECT_LT(segments.size(), all);
  for (const auto& s : segments) {
    EXPECT_TRUE(std::isfinite(s.a.x()) && std::isfinite(s.b.x()));
  }
}

TEST(Contour, SaddleIsJoinedByTheMeanOfItsCorners) {
  // Corners 1, 0, 1, 0 around one square (mean 0.5): at level 0.4 the high corners are joined
  // through the centre, so the low corners are cut off.
  ScalarGrid grid;
  grid.cell = 1.0;
  grid.columns = 2;
  grid.rows = 2;
  grid.values = {1.0, 0.0, 0.0, 1.0};  // (0,0)=1 (1,0)=0 / (0,1)=0 (1,1)=1
  const auto segments = detail::contour_segments(grid, 0.4);
  ASSERT_EQ(segments.size(), 2u);
  // Each segment cuts off the low corner (1,0)->centre (1.5,0.5) or (0,1)->(0.5,1.5).
  const Point low_a(1.5, 0.5);
  const Point low_b(0.5, 1.5);
  for (const auto& s : segments) {
    const Point mid = (s.a + s.b) / 2.0;
    EXPECT_LT(std::min((mid - low_a).norm(), (mid - low_b).norm()), 0.5);
  }
}

TEST(ScaleBar, LengthIsTheLargestRoundLengthWithinAFifthOfThePlan) {
  EXPECT_DOUBLE_EQ(scale_bar_length_m(100.0, 1000.0), 2.0);   // at most 2 m
  EXPECT_DOUBLE_EQ(scale_bar_length_m(100.0, 999.0), 1.0);    // at most 1.998 m
  EXPECT_DOUBLE_EQ(scale_bar_length_m(10.0, 1000.0), 20.0);   // at most 20 m
  EXPECT_DOUBLE_EQ(scale_bar_length_m(10.0, 1240.0), 20.0);   // at most 24.8 m
  EXPECT_DOUBLE_EQ(scale_bar_length_m(1.0, 2600.0), 500.0);   // at most 520 m
  EXPECT_DOUBLE_EQ(scale_bar_length_m(1000.0, 1000.0), 0.2);  // at most 0.2 m
}

TEST(Frame, BoxHallAtAThousandPixelsHasTheHandComputedScale) {
  const auto plan = layout::load_plan(HALLSIM_TEST_DATA_DIR "/render/box-hall.json");
  RenderOptions options;
  options.width_px = 1000;
  // Text size round(1000 / 90) = 11 px; padding round(4.6 x 11) = 51 px; margin 24 px.
  EXPECT_EQ(base_text_size(1000), 11);
  EXPECT_EQ(plan_padding_px(options), 51);
  const PictureFrame frame = picture_frame(plan, options);
  // West and east: the 0.24 m exterior wall beyond the 10 m outline. South: the entrance's
  // 1.0 m leaf opens outwards. North: the wall.
  EXPECT_NEAR(frame.extent.min.x(), -0.24, 1e-12);
  EXPECT_NEAR(frame.extent.max.x(), 10.24, 1e-12);
  EXPECT_NEAR(frame.extent.min.y(), -1.0, 1e-12);
  EXPECT_NEAR(frame.extent.max.y(), 6.24, 1e-12);
  EXPECT_NEAR(frame.pixels_per_metre, (1000.0 - 2 * (24 + 51)) / 10.48, 1e-9);
  EXPECT_NEAR(frame.left, 75.0, 1e-9);
  EXPECT_NEAR(frame.top, 24.0 + std::round(2.6 * 11) + 51.0, 1e-9);
  // North is up: the north-west corner is at the frame's top-left.
  const auto nw = frame.to_pixel(Point(-0.24, 6.24));
  EXPECT_NEAR(nw.x(), frame.left, 1e-9);
  EXPECT_NEAR(nw.y(), frame.top, 1e-9);
  EXPECT_GT(frame.to_pixel(Point(0, 0)).y(), frame.to_pixel(Point(0, 6)).y());
}

TEST(Frame, ServiceUnitIsScaledToTheWidth) {
  const auto plan = layout::load_plan(HALLSIM_SOURCE_DIR "/floorplans/service-unit.json");
  RenderOptions options;  // 1600 px: text 18 px, padding round(82.8) = 83 px
  const PictureFrame frame = picture_frame(plan, options);
  EXPECT_NEAR(frame.extent.max.x() - frame.extent.min.x(), 8.48, 1e-12);
  EXPECT_NEAR(frame.pixels_per_metre, (1600.0 - 2 * (24 + 83)) / 8.48, 1e-9);
}

TEST(FontFile, OptionBeatsEnvironmentBeatsDefault) {
  EXPECT_EQ(resolve_font_file("/a.ttf", "/b.ttf"), std::filesystem::path("/a.ttf"));
  EXPECT_EQ(resolve_font_file("", "/b.ttf"), std::filesystem::path("/b.ttf"));
  EXPECT_EQ(resolve_font_file("", ""), std::filesystem::path(kDefaultFontFile));
  EXPECT_EQ(resolve_font_file("", nullptr), std::filesystem::path(kDefaultFontFile));
}

TEST(Palette, EgressRampRunsGreenToOrangeThenRedBeyondTheLimit) {
  EXPECT_EQ(egress_colour(0.0, 30.0), (Rgba{26, 152, 80, 255}));
  EXPECT_EQ(egress_colour(15.0, 30.0), (Rgba{254, 224, 139, 255}));
  EXPECT_EQ(egress_colour(30.0, 30.0), (Rgba{244, 109, 67, 255}));
  EXPECT_EQ(egress_colour(30.01, 30.0), (Rgba{165, 0, 38, 255}));
  // A quarter of the way: halfway from green to yellow, rounded: (140, 188, 109.5 -> 110).
  EXPECT_EQ(egress_colour(7.5, 30.0), (Rgba{140, 188, 110, 255}));
}

TEST(Palette, EveryZoneKindAndCounterTypeHasItsOwnColour) {
  std::vector<Rgba> seen;
  for (const auto kind : detail::all_zone_kinds()) {
    seen.push_back(zone_fill(kind));
  }
  for (const auto type : detail::all_counter_types()) {
    seen.push_back(counter_fill(type));
  }
  seen.push_back(kExitGreen);
  seen.push_back(kFloor);
  for (std::size_t i = 0; i < seen.size(); ++i) {
    for (std::size_t j = i + 1; j < seen.size(); ++j) {
      EXPECT_FALSE(seen[i] == seen[j]) << i << " " << j;
    }
  }
}

TEST(Labels, SlopeAndLengthReadAsOnAPlan) {
  EXPECT_EQ(detail::slope_label(12.0, 1.0), "1:12");
  EXPECT_EQ(detail::slope_label(3.6, 0.27), "1:13.3");
  EXPECT_EQ(detail::length_label(0.5), "50 cm");
  EXPECT_EQ(detail::length_label(2.0), "2 m");
  EXPECT_EQ(detail::length_label(2.5), "2.5 m");
}

TEST(Labels, LabelPointOfAUShapeLiesInsideIt) {
  // A U open to the north: its centroid (2, 1.5...) falls in the notch.
  const Polygon u{{0, 0}, {4, 0}, {4, 4}, {3, 4}, {3, 1}, {1, 1}, {1, 4}, {0, 4}};
  EXPECT_FALSE(layout::contains(u, layout::centroid(u)));
  EXPECT_TRUE(layout::contains(u, detail::label_point(u)));
  EXPECT_EQ(detail::label_point(rectangle), Point(5, 3));
}

TEST(ImageHash, DependsOnEveryPixelAndOnTheShape) {
  const Image a(4, 4);
  Image b(4, 4);
  EXPECT_EQ(pixel_hash(a), pixel_hash(b));
  b.set_pixel(3, 2, {255, 255, 254, 255});
  EXPECT_NE(pixel_hash(a), pixel_hash(b));
  EXPECT_NE(pixel_hash(Image(2, 8)), pixel_hash(Image(4, 4)));  // same bytes, other shape
  EXPECT_EQ(to_hex(0x00ab'cdef'0123'4567ull), "00abcdef01234567");
}

layout::ClauseResult clause(const std::string& id, layout::Status status,
                            const std::vector<std::pair<std::string, layout::Outcome>>& evidence) {
  layout::ClauseResult result;
  result.id = id;
  result.title_zh = "标题" + id;
  result.status = status;
  for (const auto& [element, outcome] : evidence) {
    layout::Evidence e;
    e.element = element;
    e.outcome = outcome;
    result.evidence.push_back(e);
  }
  return result;
}

TEST(CheckOverlay, FailuresAreMarkedOnTheElementsTheirEvidenceNames) {
  const auto plan = layout::load_plan(HALLSIM_TEST_DATA_DIR "/render/box-hall.json");
  using layout::Outcome;
  using layout::Status;
  layout::ComplianceReport report;
  report.clauses = {
      clause("A", Status::fail, {{"c1", Outcome::not_met}, {"waiting", Outcome::met}}),
      clause("B", Status::warn, {{"c1, east-exit", Outcome::not_met}}),
      clause("C", Status::fail, {{"", Outcome::not_met}}),
      clause("D", Status::pass, {{"main-door", Outcome::met}}),
      clause("E", Status::warn, {{"no-such-thing", Outcome::not_met}}),
      clause("F", Status::manual, {{"waiting", Outcome::not_evaluated}}),
  };
  const CheckOverlay overlay = check_overlay(plan, report);
  ASSERT_EQ(overlay.failures.size(), 2u);
  // c1 fails a shall (A) and a should (B): one red mark at the centroid of its desk.
  EXPECT_EQ(overlay.failures[0].clause, "A, B");
  EXPECT_EQ(overlay.failures[0].note, "(c1)");
  EXPECT_FALSE(overlay.failures[0].warning);
  EXPECT_NEAR((overlay.failures[0].where - Point(8.25, 5.3)).norm(), 0.0, 1e-12);
  // The east exit only fails the should: amber, at its position.
  EXPECT_EQ(overlay.failures[1].clause, "B");
  EXPECT_TRUE(overlay.failures[1].warning);
  EXPECT_NEAR((overlay.failures[1].where - Point(10, 4)).norm(), 0.0, 1e-12);
  // No element to mark: listed for the plan as a whole, with the clause title.
  ASSERT_EQ(overlay.plan_wide.size(), 2u);
  EXPECT_EQ(overlay.plan_wide[0].clause, "C");
  EXPECT_EQ(overlay.plan_wide[0].note, "标题C");
  EXPECT_FALSE(overlay.plan_wide[0].warning);
  EXPECT_EQ(overlay.plan_wide[1].clause, "E");
  EXPECT_TRUE(overlay.plan_wide[1].warning);
}

TEST(CheckOverlay, ElementPositionsAreWhereThePictureDrawsThem) {
  const auto plan = layout::load_plan(HALLSIM_TEST_DATA_DIR "/render/box-hall.json");
  EXPECT_EQ(*element_position(plan, "waiting"), Point(3, 3));    // the zone's centroid
  EXPECT_EQ(*element_position(plan, "main-door"), Point(3, 0));  // the door's middle
  EXPECT_NEAR((*element_position(plan, "c1") - Point(8.25, 5.3)).norm(), 0.0, 1e-12);
  EXPECT_FALSE(element_position(plan, "nothing").has_value());
}

TEST(EgressOverlay, GridHoldsTheWalkToTheExitOfAnEmptyRoom) {
  // A 10 m x 6 m room with one 1.0 m exit in the south wall at x = 3: from a cell centre the
  // walk is the straight line to the nearest point of the span (2.5..3.5, 0).
  const auto graph = layout::NavGraph::build(
      layout::load_plan(HALLSIM_TEST_DATA_DIR "/plans/egress/empty-room.json"));
  const auto report = layout::check_egress(graph);
  const EgressOverlay overlay = egress_overlay(graph, report);
  const ScalarGrid& grid = overlay.distance;
  ASSERT_EQ(grid.values.size(),
            static_cast<std::size_t>(grid.columns) * static_cast<std::size_t>(grid.rows));
  const layout::Segment span{Point(2.5, 0), Point(3.5, 0)};
  std::size_t valued = 0;
  double largest = 0.0;
  for (int r = 0; r < grid.rows; ++r) {
    for (int c = 0; c < grid.columns; ++c) {
      const double d = grid.at(c, r);
      if (std::isnan(d)) {
        continue;
      }
      ++valued;
      largest = std::max(largest, d);
      // The field starts from the walkable cells nearest the span, whose centres lie within a
      // cell (0.2 m) of it, so it may be off by that much (it is by 9 cm here at most).
      EXPECT_NEAR(d, layout::distance(grid.cell_centre(c, r), span), 0.2) << c << ", " << r;
    }
  }
  // Every walkable cell of the one room reaches the exit, and only those have a value.
  EXPECT_EQ(valued, graph.vertex_count());
  EXPECT_NEAR(largest, report.farthest.distance, 1e-9);
  EXPECT_EQ(overlay.limit, report.farthest.limit);
  ASSERT_TRUE(overlay.worst.has_value());
  EXPECT_EQ(*overlay.worst, report.farthest.from);
  EXPECT_EQ(overlay.worst_route, report.farthest.route.points);
}

TEST(AccessOverlay, NarrowDoorBlocksTheRouteToTheLowCounter) {
  const auto graph = layout::NavGraph::build(
      layout::load_plan(HALLSIM_TEST_DATA_DIR "/plans/egress/narrow-door.json"));
  const auto report = layout::check_access(graph);
  const AccessOverlay overlay = access_overlay(report);
  ASSERT_EQ(overlay.routes.size(), report.targets.size());
  const auto low = std::find_if(overlay.routes.begin(), overlay.routes.end(),
                                [](const AccessRoute& r) { return r.target == "c-low"; });
  ASSERT_NE(low, overlay.routes.end());
  EXPECT_FALSE(low->ok);
  EXPECT_EQ(low->blocking_element, "d-side");  // the 0.85 m door
  ASSERT_TRUE(low->blocked_at.has_value());
  EXPECT_EQ(*low->blocked_at, Point(8.0, 4.0));
  EXPECT_FALSE(low->path.empty());
  const auto high = std::find_if(overlay.routes.begin(), overlay.routes.end(),
                                 [](const AccessRoute& r) { return r.target == "c-high"; });
  ASSERT_NE(high, overlay.routes.end());
  EXPECT_TRUE(high->ok);
  EXPECT_FALSE(high->blocked_at.has_value());
}

}  // namespace
}  // namespace hallsim::render
