// A simulated day laid over its plan: where visitors are, what counters have done, where people
// spent the day, and the snapshot and heat pictures. Hand-made traces over a test hall whose
// places can be checked by hand. The picture tests need an X display: run under `xvfb-run -a`.

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/layout/loader.hpp"
#include "hallsim/render/palette.hpp"
#include "hallsim/render/picture.hpp"
#include "hallsim/render/playback.hpp"
#include "heat.hpp"
#include "render_test_support.hpp"
#include "snapshot.hpp"

namespace hallsim::render {
namespace {

using layout::Point;
using sim::Spot;
using sim::TraceEvent;
using testing::at;
using testing::describe;
using testing::over;
using testing::record;

const layout::NavGraph& graph() {
  static const layout::NavGraph g =
      layout::NavGraph::build(layout::load_plan(testing::kPlaybackHall));
  return g;
}

TraceHall hall() {
  TraceHall h;
  h.spot_elements = {"main-door", "guide-desk", "ticket", "kiosk-1", "seats-1", "main-door"};
  h.counters = {"c1"};
  h.counter_open = {{{0.0, 1e9}}};
  h.no_show_wait = 60.0;
  return h;
}

// Visitor 0: in at 100 s, walks 20 s to counter c1, served 120 to 400 s, walks 10 s out.
std::vector<sim::TraceRecord> one_service() {
  return {record(100, 0, TraceEvent::arrive),
          record(100, 0, TraceEvent::call, Spot::counter, 0, 0),
          record(100, 0, TraceEvent::walk, Spot::counter, 20, 0),
          record(120, 0, TraceEvent::service_start, Spot::counter, 0, 0),
          record(400, 0, TraceEvent::service_end, Spot::counter, 0, 0),
          record(400, 0, TraceEvent::walk, Spot::exit, 10),
          record(410, 0, TraceEvent::leave, Spot::exit)};
}

// The point `fraction` of the way along a polyline, by length (written here afresh).
Point along(const std::vector<Point>& points, double fraction) {
  double total = 0.0;
  for (std::size_t i = 1; i < points.size(); ++i) {
    total += (points[i] - points[i - 1]).norm();
  }
  double left = fraction * total;
  for (std::size_t i = 1; i < points.size(); ++i) {
    const double leg = (points[i] - points[i - 1]).norm();
    if (left <= leg) {
      return points[i - 1] + (points[i] - points[i - 1]) * (left / leg);
    }
    left -= leg;
  }
  return points.back();
}

TEST(Playback, WalkIsHalfWayAlongTheShortestRouteHalfWayThroughItsTime) {
  // The plain box hall: one open room with nothing between the door and the counter.
  const layout::NavGraph box =
      layout::NavGraph::build(layout::load_plan(HALLSIM_TEST_DATA_DIR "/render/box-hall.json"));
  TraceHall h = hall();
  h.spot_elements = {"main-door", "main-door", "main-door", "main-door", "main-door", "main-door"};
  const Playback playback(box, h, one_service());
  // From the main door (3, 0) to c1's customer side (8.25, 4.5), 20 s from t = 100 s.
  const auto route = box.shortest_route({3, 0}, {8.25, 4.5});
  ASSERT_TRUE(route);
  const auto mid = playback.visitor_at(0, 110.0);
  ASSERT_TRUE(mid);
  EXPECT_EQ(mid->state, VisitorState::walking);
  const Point expected = along(route->points, 0.5);
  EXPECT_NEAR(mid->position.x(), expected.x(), 1e-9);
  EXPECT_NEAR(mid->position.y(), expected.y(), 1e-9);
  // Nothing stands in the way, so the route is all but the straight line: its middle is within
  // a grid cell (0.2 m) of (5.625, 2.25).
  EXPECT_LT((mid->position - Point(5.625, 2.25)).norm(), 0.2);
  const auto quarter = playback.visitor_at(0, 105.0);
  ASSERT_TRUE(quarter);
  EXPECT_LT((quarter->position - along(route->points, 0.25)).norm(), 1e-9);
}

TEST(Playback, VisitorIsAtTheCounterWhileServedAndGoneAfterLeaving) {
  const Playback playback(graph(), hall(), one_service());
  EXPECT_FALSE(playback.visitor_at(0, 99.9));
  const auto served = playback.visitor_at(0, 200.0);
  ASSERT_TRUE(served);
  EXPECT_EQ(served->state, VisitorState::being_served);
  EXPECT_EQ(served->position, Point(8.25, 4.5));
  EXPECT_FALSE(playback.visitor_at(0, 410.0));
  EXPECT_DOUBLE_EQ(playback.begin(), 100.0);
  EXPECT_DOUBLE_EQ(playback.end(), 410.0);
  EXPECT_EQ(playback.visitors_at(200.0).size(), 1u);
  EXPECT_TRUE(playback.visitors_at(500.0).empty());
}

TEST(Playback, WaitersTakeTheLowestFreeSeatAndAStanderSitsWhenOneFrees) {
  // Five ticket holders for the four seats of the row (centres x = 1.0, 1.5, 2.0, 2.5 m at
  // y = 3.25 m: a 2 m row, 0.5 m a seat); the fifth stands. At 100 s the first is called.
  std::vector<sim::TraceRecord> trace;
  for (std::uint32_t v = 0; v < 5; ++v) {
    const double t = 10.0 * v;
    trace.push_back(record(t, v, TraceEvent::arrive));
    trace.push_back(record(t, v, TraceEvent::walk, Spot::ticket_machine, 3));
    trace.push_back(record(t + 5, v, TraceEvent::ticket, Spot::ticket_machine));
    trace.push_back(record(t + 5, v, TraceEvent::wait, Spot::waiting_area, 0, -1, v < 4 ? 0 : 1));
  }
  trace.push_back(record(100, 0, TraceEvent::call, Spot::counter, 0, 0));
  trace.push_back(record(100, 0, TraceEvent::walk, Spot::counter, 8, 0));
  trace.push_back(record(108, 0, TraceEvent::service_start, Spot::counter, 0, 0));
  const Playback playback(graph(), hall(), trace);
  ASSERT_EQ(playback.seats().size(), 4u);
  for (std::uint32_t v = 0; v < 4; ++v) {
    const auto at = playback.visitor_at(v, 60.0);
    ASSERT_TRUE(at);
    EXPECT_EQ(at->state, VisitorState::waiting_seated);
    EXPECT_NEAR(at->position.x(), 1.0 + 0.5 * v, 1e-12) << v;
    EXPECT_NEAR(at->position.y(), 3.25, 1e-12) << v;
  }
  const auto standing = playback.visitor_at(4, 60.0);
  ASSERT_TRUE(standing);
  EXPECT_EQ(standing->state, VisitorState::waiting_standing);
  EXPECT_TRUE(graph().walkable(standing->position));
  const auto seated = playback.visitor_at(4, 100.0);
  ASSERT_TRUE(seated);
  EXPECT_EQ(seated->state, VisitorState::waiting_seated);
  EXPECT_NEAR(seated->position.x(), 1.0, 1e-12);
  EXPECT_EQ(playback.visitor_at(0, 100.0)->state, VisitorState::walking);
}

TEST(Playback, SeatNumbersOfTheTraceAreTheSeatsOfThePlanInOrder) {
  // The model numbers the seats 0 .. 3 along the row; its sit record moves a stander to one.
  std::vector<sim::TraceRecord> trace{
      record(0, 0, TraceEvent::arrive),
      record(0, 0, TraceEvent::wait, Spot::waiting_area),
      record(0, 1, TraceEvent::arrive),
      record(0, 1, TraceEvent::wait, Spot::waiting_area, 0, -1, 1),
      record(50, 0, TraceEvent::call, Spot::counter, 0, 0),
      record(50, 0, TraceEvent::walk, Spot::counter, 8, 0),
      record(50, 1, TraceEvent::sit, Spot::waiting_area),
      record(58, 0, TraceEvent::service_start, Spot::counter, 0, 0)};
  trace[1].seat = 2;
  trace[6].seat = 2;
  const Playback playback(graph(), hall(), trace);
  EXPECT_NEAR(playback.visitor_at(0, 10.0)->position.x(), 2.0, 1e-12);
  EXPECT_EQ(playback.visitor_at(1, 10.0)->state, VisitorState::waiting_standing);
  const auto sat = playback.visitor_at(1, 55.0);
  ASSERT_TRUE(sat);
  EXPECT_EQ(sat->state, VisitorState::waiting_seated);
  EXPECT_NEAR(sat->position.x(), 2.0, 1e-12);
  EXPECT_NEAR(sat->position.y(), 3.25, 1e-12);
  // A seat the plan lacks is refused.
  trace[6].seat = 4;
  EXPECT_THROW(Playback(graph(), hall(), trace), layout::InputError);
}

TEST(Playback, PeopleInLineStandOneSpacingApartAndMoveUp) {
  // Three walk to the ticket machine at once (no time to walk); the first takes a ticket at
  // 30 s and leaves the line.
  std::vector<sim::TraceRecord> trace;
  for (std::uint32_t v = 0; v < 3; ++v) {
    trace.push_back(record(0, v, TraceEvent::arrive));
    trace.push_back(record(0, v, TraceEvent::walk, Spot::ticket_machine, 0));
  }
  trace.push_back(record(30, 0, TraceEvent::ticket, Spot::ticket_machine));
  trace.push_back(record(30, 0, TraceEvent::balk, Spot::ticket_machine));
  trace.push_back(record(30, 0, TraceEvent::walk, Spot::exit, 5));
  trace.push_back(record(35, 0, TraceEvent::leave, Spot::exit));
  trace.push_back(record(60, 1, TraceEvent::ticket, Spot::ticket_machine));
  const Playback playback(graph(), hall(), trace);
  const Point machine = playback.spot_point(Spot::ticket_machine);
  const auto first = playback.visitor_at(0, 10.0);
  const auto second = playback.visitor_at(1, 10.0);
  const auto third = playback.visitor_at(2, 10.0);
  ASSERT_TRUE(first && second && third);
  ASSERT_TRUE(playback.visitor_at(1, 31.0) && playback.visitor_at(2, 31.0));
  EXPECT_EQ(first->state, VisitorState::in_line);
  EXPECT_EQ(first->position, machine);
  EXPECT_NEAR((second->position - first->position).norm(), 0.6, 1e-9);
  EXPECT_NEAR((third->position - second->position).norm(), 0.6, 1e-9);
  EXPECT_EQ(playback.visitor_at(1, 31.0)->position, machine);
  EXPECT_EQ(playback.visitor_at(2, 31.0)->position, second->position);
}

TEST(Playback, CounterFiguresSoFarFollowItsCallsAndHours) {
  // c1 staffed 9:00 to 12:00 by the trace's own records; one visitor called at 9:10, walking
  // 60 s, served until 9:20.
  std::vector<sim::TraceRecord> trace{
      record(32400, sim::kNoVisitor, TraceEvent::counter_open, Spot::counter, 0, 0),
      record(33000, 0, TraceEvent::arrive),
      record(33000, 0, TraceEvent::call, Spot::counter, 0, 0),
      record(33000, 0, TraceEvent::walk, Spot::counter, 60, 0),
      record(33060, 0, TraceEvent::service_start, Spot::counter, 0, 0),
      record(33600, 0, TraceEvent::service_end, Spot::counter, 0, 0),
      record(33600, 0, TraceEvent::walk, Spot::exit, 10),
      record(33610, 0, TraceEvent::leave, Spot::exit),
      record(43200, sim::kNoVisitor, TraceEvent::counter_close, Spot::counter, 0, 0)};
  TraceHall h = hall();
  h.counter_open = {{{0.0, 10.0}}};  // replaced by the trace's records
  const Playback playback(graph(), h, trace);
  const CounterAt walking = playback.counters_at(33030).at(0);
  EXPECT_TRUE(walking.open);
  ASSERT_TRUE(walking.visitor);
  EXPECT_FALSE(walking.serving);
  const CounterAt serving = playback.counters_at(33300).at(0);
  EXPECT_TRUE(serving.serving);
  EXPECT_EQ(serving.served, 0);
  // At 10:00: open 3600 s, taken 600 s (9:10 to 9:20), one visitor served.
  const CounterAt ten = playback.counters_at(36000).at(0);
  EXPECT_EQ(ten.counter, "c1");
  EXPECT_FALSE(ten.visitor);
  EXPECT_EQ(ten.served, 1);
  EXPECT_DOUBLE_EQ(ten.open_seconds, 3600.0);
  EXPECT_DOUBLE_EQ(ten.busy_seconds, 600.0);
  EXPECT_DOUBLE_EQ(ten.busy_share(), 1.0 / 6.0);
  const CounterAt closed = playback.counters_at(43300).at(0);
  EXPECT_FALSE(closed.open);
  EXPECT_DOUBLE_EQ(closed.open_seconds, 10800.0);
  EXPECT_TRUE(std::isnan(playback.counters_at(100).at(0).busy_share()));
}

TEST(Playback, PeopleInAZoneAreThoseWhosePositionIsInIt) {
  const Playback playback(graph(), hall(), one_service());
  const layout::Plan& plan = playback.plan();
  EXPECT_EQ(playback.people_in(plan.find_zone("windows")->polygon, 200.0), 1);
  EXPECT_EQ(playback.people_in(plan.find_zone("waiting")->polygon, 200.0), 0);
}

// One visitor at c1's customer side (8.25, 4.5) for the whole hour [0, 3600).
std::vector<sim::TraceRecord> one_still_hour() {
  return {record(0, 0, TraceEvent::arrive), record(0, 0, TraceEvent::walk, Spot::counter, 0, 0),
          record(0, 0, TraceEvent::service_start, Spot::counter, 0, 0),
          record(3600, 0, TraceEvent::service_end, Spot::counter, 0, 0),
          record(3600, 0, TraceEvent::leave, Spot::exit)};
}

TEST(HeatMap, OneVisitorStandingStillPeaksAtTheirCellWithOnePersonPerCellArea) {
  const Playback playback(graph(), hall(), one_still_hour());
  HeatSettings settings;
  settings.cell = 0.5;
  const HeatOverlay heat = playback.heat(0.0, 3600.0, settings);
  const ScalarGrid& grid = heat.density;
  EXPECT_EQ(grid.columns, 20);
  EXPECT_EQ(grid.rows, 12);
  // (8.25, 4.5) lies in column floor(8.25 / 0.5) = 16, row floor(4.5 / 0.5) = 9: one person
  // all the time on 0.25 m² is 4 people per m².
  EXPECT_DOUBLE_EQ(grid.at(16, 9), 4.0);
  double peak = 0.0;
  double people = 0.0;
  for (const double v : grid.values) {
    peak = std::max(peak, v);
    people += v * 0.25;
  }
  EXPECT_DOUBLE_EQ(peak, 4.0);
  EXPECT_DOUBLE_EQ(people, 1.0);
  EXPECT_DOUBLE_EQ(heat.scale_max, 5.0);  // the round top above 4
}

TEST(HeatMap, DensityAddsUpToTheAverageHeadCountIncludingWalks) {
  // In the hall 310 s of a 1000 s period, 30 of them walking: 0.31 people on average.
  const Playback playback(graph(), hall(), one_service());
  const HeatOverlay heat = playback.heat(0.0, 1000.0);
  double people = 0.0;
  for (const double v : heat.density.values) {
    people += std::isnan(v) ? 0.0 : v * heat.density.cell * heat.density.cell;
  }
  EXPECT_NEAR(people, 0.31, 1e-12);
  // Nobody waited or stood in a line: the queueing map is empty.
  HeatSettings queueing;
  queueing.waiting_only = true;
  for (const double v : playback.heat(0.0, 1000.0, queueing).density.values) {
    EXPECT_TRUE(std::isnan(v) || v == 0.0);
  }
}

TEST(Playback, TraceNamingAnElementThePlanLacksIsRefusedWithItsSource) {
  TraceHall h = hall();
  h.spot_elements[2] = "ticket-machine-9";
  try {
    const Playback playback(graph(), h, one_service(), {}, "day.csv");
    FAIL() << "the plan has no ticket-machine-9";
  } catch (const layout::InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].file, "day.csv");
    EXPECT_NE(e.diagnostics()[0].message.find("ticket_machine"), std::string::npos);
    EXPECT_NE(e.diagnostics()[0].message.find("ticket-machine-9"), std::string::npos);
    EXPECT_NE(e.diagnostics()[0].hint.find("plan it was simulated with"), std::string::npos);
  }
}

TEST(Clock, ClockTimesAreReadAndWritten) {
  EXPECT_EQ(parse_clock("10:30"), 37800.0);
  EXPECT_EQ(parse_clock("8:05"), 29100.0);
  EXPECT_EQ(parse_clock("17:00:30"), 61230.0);
  EXPECT_EQ(parse_clock("24:00"), 86400.0);
  for (const char* bad : {"25:00", "10:60", "10:3", "1030", "", "-1:00", "10:30:", " 10:30",
                          "24:01", "10:30:61", "100:00"}) {
    EXPECT_FALSE(parse_clock(bad)) << bad;
  }
  EXPECT_EQ(clock_text(86400.0 + 37800.0, sim::Weekday::mon), "周二 Tue 10:30:00");
  EXPECT_EQ(clock_text(6 * 86400.0 + 59.9, sim::Weekday::tue), "周一 Mon 00:00:59");
}

TEST(HeatMap, ScaleTopsAreRound) {
  EXPECT_DOUBLE_EQ(nice_scale_max(4.0), 5.0);
  EXPECT_DOUBLE_EQ(nice_scale_max(0.9), 1.0);
  EXPECT_DOUBLE_EQ(nice_scale_max(0.21), 0.25);
  EXPECT_DOUBLE_EQ(nice_scale_max(1.5), 2.0);
  EXPECT_DOUBLE_EQ(nice_scale_max(0.0), 1.0);
  EXPECT_EQ(density_colour(0.0, 1.0), (Rgba{255, 237, 160, 255}));
  EXPECT_EQ(density_colour(1.0, 1.0), (Rgba{128, 0, 38, 255}));
  EXPECT_EQ(density_colour(7.0, 1.0), (Rgba{128, 0, 38, 255}));
}

// Pictures (X display needed).

TEST(SnapshotPicture, VisitorBeingServedShowsTheStateColourAtTheCustomerSide) {
  // Visitor 0 is served at c1 from 120 to 400 s; visitor 1 sits on the first seat meanwhile.
  std::vector<sim::TraceRecord> trace = one_service();
  trace.insert(trace.begin() + 4, record(150, 1, TraceEvent::arrive));
  trace.insert(trace.begin() + 5, record(150, 1, TraceEvent::wait, Spot::waiting_area));
  const Playback playback(graph(), hall(), trace);
  Overlays overlays;
  overlays.snapshot = playback.snapshot(200.0);
  ASSERT_EQ(overlays.snapshot->visitors.size(), 2u);
  const RenderedPlan picture = render_plan(playback.plan(), overlays);
  EXPECT_EQ(at(picture, {8.25, 4.5}), visitor_colour(VisitorState::being_served))
      << describe(at(picture, {8.25, 4.5}));
  EXPECT_EQ(at(picture, {1.0, 3.25}), visitor_colour(VisitorState::waiting_seated));
  // c1 is staffed: its lamp at the clerk's place.
  EXPECT_EQ(at(picture, {8.25, 5.8}), detail::kOpenCounter);
  // After 400 s the counter's customer side shows the plan again (the low counter's blue disc).
  Overlays later;
  later.snapshot = playback.snapshot(405.0);
  EXPECT_EQ(at(render_plan(playback.plan(), later), {8.25, 4.5}), kRouteBlue);
}

TEST(SnapshotPicture, ClosedCounterIsVeiled) {
  TraceHall h = hall();
  h.counter_open = {{}};
  const Playback playback(graph(), h, one_service());
  Overlays open;
  Overlays closed;
  closed.snapshot = playback.snapshot(50.0);
  const Rgba desk = counter_fill(layout::CounterType::general);
  // A corner of the desk, clear of its number and the clerk's dot.
  EXPECT_EQ(at(render_plan(playback.plan(), open), {7.6, 5.1}), desk);
  const Rgba veiled = at(render_plan(playback.plan(), closed), {7.6, 5.1});
  EXPECT_NEAR(veiled.r, over(detail::kClosedVeil, detail::kClosedVeil.a, desk).r, 1);
  EXPECT_NEAR(veiled.g, over(detail::kClosedVeil, detail::kClosedVeil.a, desk).g, 1);
  EXPECT_NEAR(veiled.b, over(detail::kClosedVeil, detail::kClosedVeil.a, desk).b, 1);
}

TEST(HeatPicture, StillVisitorsCellHasTheTopColourOverTheZone) {
  const Playback playback(graph(), hall(), one_still_hour());
  HeatSettings settings;
  settings.cell = 0.5;
  Overlays overlays;
  overlays.heat = playback.heat(0.0, 3600.0, settings);
  const RenderedPlan picture = render_plan(playback.plan(), overlays);
  // Cell (16, 9) spans x 8.0 to 8.5 m, y 4.5 to 5.0 m; (8.05, 4.9) is clear of the counter's
  // disc. 4 people per m² on a scale to 5, at 190/255 over the window zone's fill.
  const Rgba expected = over(density_colour(4.0, 5.0), detail::kDensityAlpha,
                             zone_fill(layout::ZoneKind::window_service));
  const Rgba actual = at(picture, {8.05, 4.9});
  EXPECT_NEAR(actual.r, expected.r, 1) << describe(actual) << " vs " << describe(expected);
  EXPECT_NEAR(actual.g, expected.g, 1);
  EXPECT_NEAR(actual.b, expected.b, 1);
  // A cell nobody was in shows the bare zone.
  EXPECT_EQ(at(picture, {7.05, 1.9}), zone_fill(layout::ZoneKind::window_service));
}

TEST(HeatPicture, SeatsShowTheHeatOfThoseWhoSatOnThem) {
  // One visitor seated on the first seat (1.0, 3.25) for the hour: its 0.5 m cell has 4 people
  // per m², drawn over the seat's square as well as the floor around it.
  const std::vector<sim::TraceRecord> trace{record(0, 0, TraceEvent::arrive),
                                            record(0, 0, TraceEvent::wait, Spot::waiting_area),
                                            record(3600, 0, TraceEvent::renege, Spot::waiting_area),
                                            record(3600, 0, TraceEvent::leave, Spot::exit)};
  const Playback playback(graph(), hall(), trace);
  HeatSettings settings;
  settings.cell = 0.5;
  Overlays overlays;
  overlays.heat = playback.heat(0.0, 3600.0, settings);
  const RenderedPlan picture = render_plan(playback.plan(), overlays);
  const Rgba seat{139, 94, 60, 255};  // a seat's square as the plan draws it
  const Rgba expected = over(density_colour(4.0, 5.0), detail::kDensityAlpha, seat);
  const Rgba actual = at(picture, {1.1, 3.25});  // in the seat and in cell (2, 6)
  EXPECT_NEAR(actual.r, expected.r, 1) << describe(actual) << " vs " << describe(expected);
  EXPECT_NEAR(actual.g, expected.g, 1);
  EXPECT_NEAR(actual.b, expected.b, 1);
  EXPECT_EQ(at(render_plan(playback.plan()), {1.1, 3.25}), seat);
}

TEST(SnapshotPicture, SameTraceAndMomentGiveTheSamePixels) {
  const Playback playback(graph(), hall(), one_service());
  Overlays overlays;
  overlays.snapshot = playback.snapshot(110.0);
  const auto first = pixel_hash(render_plan(playback.plan(), overlays).image);
  overlays.snapshot = playback.snapshot(111.0);
  const auto moved = pixel_hash(render_plan(playback.plan(), overlays).image);
  overlays.snapshot = playback.snapshot(110.0);
  EXPECT_EQ(first, pixel_hash(render_plan(playback.plan(), overlays).image));
  EXPECT_NE(first, moved);  // the walker moved
}

}  // namespace
}  // namespace hallsim::render
