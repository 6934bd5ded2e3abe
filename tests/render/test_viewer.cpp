// The viewer off screen: its frames against the snapshot picture, playing without real time,
// layers, and the figures of a clicked counter or zone. Needs an X display: `xvfb-run -a`.

#include <gtest/gtest.h>

#include <string>

#include "hallsim/layout/loader.hpp"
#include "hallsim/render/picture.hpp"
#include "hallsim/render/playback.hpp"
#include "hallsim/render/viewer.hpp"
#include "render_test_support.hpp"

namespace hallsim::render {
namespace {

using layout::Point;
using sim::Spot;
using sim::TraceEvent;
using testing::record;

// Visitor 0 walks to c1 (100 to 120 s) and is served until 400 s; visitor 1 walks to the
// ticket machine and waits seated from 150 s.
Playback day(const layout::Plan& plan) {
  TraceHall hall;
  hall.spot_elements = {"main-door", "guide-desk", "ticket", "kiosk-1", "seats-1", "main-door"};
  hall.counters = {"c1"};
  hall.counter_open = {{{0.0, 1000.0}}};
  const std::vector<sim::TraceRecord> trace{
      record(100, 0, TraceEvent::arrive),
      record(100, 0, TraceEvent::call, Spot::counter, 0, 0),
      record(100, 0, TraceEvent::walk, Spot::counter, 20, 0),
      record(120, 0, TraceEvent::service_start, Spot::counter, 0, 0),
      record(140, 1, TraceEvent::arrive),
      record(140, 1, TraceEvent::walk, Spot::ticket_machine, 6),
      record(150, 1, TraceEvent::ticket, Spot::ticket_machine),
      record(150, 1, TraceEvent::wait, Spot::waiting_area),
      record(400, 0, TraceEvent::service_end, Spot::counter, 0, 0),
      record(400, 0, TraceEvent::walk, Spot::exit, 10),
      record(410, 0, TraceEvent::leave, Spot::exit),
      record(900, 1, TraceEvent::renege, Spot::waiting_area),
      record(900, 1, TraceEvent::walk, Spot::exit, 6),
      record(906, 1, TraceEvent::leave, Spot::exit)};
  return {layout::NavGraph::build(plan), hall, trace};
}

ViewerOptions options() {
  ViewerOptions o;
  o.width_px = 1000;
  o.begin = 0.0;
  o.end = 1000.0;
  return o;
}

// Pixels of the picture region that differ between a frame and a picture.
int differing(const Image& frame, const Image& picture, int rows) {
  int n = 0;
  for (int y = 0; y < rows; ++y) {
    for (int x = 0; x < picture.width(); ++x) {
      n += frame.pixel(x, y) == picture.pixel(x, y) ? 0 : 1;
    }
  }
  return n;
}

TEST(Viewer, FrameAtATimeShowsTheSnapshotPicturesPixels) {
  const layout::Plan plan = layout::load_plan(testing::kPlaybackHall);
  const Playback playback = day(plan);
  Viewer viewer(plan, playback, {}, options());
  RenderOptions ro;
  ro.width_px = 1000;
  ro.legend = false;
  for (const double t : {110.0, 200.0, 403.0}) {  // walking; served and seated; leaving
    viewer.set_time(t);
    const Image frame = viewer.capture();
    Overlays overlays;
    overlays.snapshot = playback.snapshot(t);
    const RenderedPlan picture = render_plan(plan, overlays, ro);
    ASSERT_EQ(viewer.picture_width(), picture.image.width());
    ASSERT_EQ(viewer.picture_height(), picture.image.height());
    ASSERT_GT(frame.height(), picture.image.height());  // the status lines under it
    EXPECT_EQ(differing(frame, picture.image, picture.image.height()), 0) << "t = " << t;
  }
}

TEST(Viewer, PlaysAFixedStepPerFrameWithoutRealTime) {
  const layout::Plan plan = layout::load_plan(testing::kPlaybackHall);
  Viewer viewer(plan, day(plan), {}, options());
  viewer.set_time(100.0);
  const ViewerReport report = viewer.run_headless(10, 30.0);
  EXPECT_EQ(report.frames, 10);
  EXPECT_DOUBLE_EQ(report.end_time, 100.0 + 9 * 30.0);
  EXPECT_DOUBLE_EQ(viewer.time(), 370.0);
  // Past the day's end it stops there.
  viewer.run_headless(50, 30.0);
  EXPECT_DOUBLE_EQ(viewer.time(), 1000.0);
}

TEST(Viewer, ClickedCounterAndZoneShowTheirFiguresNow) {
  const layout::Plan plan = layout::load_plan(testing::kPlaybackHall);
  Viewer viewer(plan, day(plan), {}, options());
  viewer.set_time(200.0);
  const std::vector<std::string> counter = viewer.select({8.25, 5.3});  // on c1's desk
  ASSERT_EQ(counter.size(), 1u);
  EXPECT_NE(counter[0].find("(c1)"), std::string::npos) << counter[0];
  EXPECT_NE(counter[0].find("开放 open"), std::string::npos) << counter[0];
  EXPECT_NE(counter[0].find("已办 0 served"), std::string::npos) << counter[0];
  EXPECT_NE(counter[0].find("serving visitor 0"), std::string::npos) << counter[0];
  // At 500 s: one served; taken 300 s (call at 100 s to 400 s) of 500 s open: 60%.
  viewer.set_time(500.0);
  const std::vector<std::string> later = viewer.selection_lines();
  ASSERT_EQ(later.size(), 1u);
  EXPECT_NE(later[0].find("已办 1 served"), std::string::npos) << later[0];
  EXPECT_NE(later[0].find("busy 60%"), std::string::npos) << later[0];
  EXPECT_NE(later[0].find("空闲 idle"), std::string::npos) << later[0];
  // The waiting zone holds visitor 1 on a seat at 500 s.
  const std::vector<std::string> zone = viewer.select({2.0, 2.0});
  ASSERT_EQ(zone.size(), 1u);
  EXPECT_NE(zone[0].find("(waiting)"), std::string::npos) << zone[0];
  EXPECT_NE(zone[0].find("现有 1 人 people now"), std::string::npos) << zone[0];
  EXPECT_TRUE(viewer.select({20.0, 20.0}).empty());  // outside the hall
}

TEST(Viewer, LayersSwitchOnAndOffOverTheSameFrame) {
  const layout::Plan plan = layout::load_plan(testing::kPlaybackHall);
  const Playback playback = day(plan);
  ViewerLayers layers;
  layers.heat = playback.heat(0.0, 1000.0);
  Viewer viewer(plan, playback, layers, options());
  viewer.set_time(200.0);
  const Image plain = viewer.capture();
  viewer.show_heat(true);
  const Image heat = viewer.capture();
  EXPECT_GT(differing(heat, plain, viewer.picture_height()), 100);
  viewer.show_heat(false);
  EXPECT_EQ(differing(viewer.capture(), plain, plain.height()), 0);
  // A layer it was not given stays off.
  viewer.show_egress(true);
  EXPECT_EQ(differing(viewer.capture(), plain, plain.height()), 0);
}

TEST(Viewer, WithoutAPlaybackShowsThePlanAlone) {
  const layout::Plan plan = layout::load_plan(testing::kPlaybackHall);
  Viewer viewer(plan, std::nullopt, {}, options());
  RenderOptions ro;
  ro.width_px = 1000;
  ro.legend = false;
  const RenderedPlan picture = render_plan(plan, {}, ro);
  EXPECT_EQ(differing(viewer.capture(), picture.image, picture.image.height()), 0);
}

}  // namespace
}  // namespace hallsim::render
