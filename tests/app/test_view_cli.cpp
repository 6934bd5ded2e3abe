// A simulated day of the sample town center in pictures: the snapshot and heat overlays of
// `hallsim render`, `hallsim view` off screen, their agreement, the golden snapshot at 10:30, and
// the errors of their options. Run under `xvfb-run -a`.
//
// The golden hash lives in tests/data/render/golden/town-center-snapshot-1030.txt; after an
// intended change rerun with HALLSIM_UPDATE_GOLDEN=1, look at the picture and commit both.

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "../render/render_test_support.hpp"
#include "app_test_support.hpp"
#include "cli_runner.hpp"
#include "cmd_view.hpp"
#include "hallsim/layout/loader.hpp"
#include "hallsim/render/picture.hpp"
#include "hallsim/render/viewer.hpp"

namespace hallsim::app {
namespace {

using hallsim::testing::read_file;
using hallsim::testing::run_hallsim;
using render::testing::at;

const std::string kPlan = HALLSIM_SOURCE_DIR "/floorplans/town-center.json";
const std::string kScenario = HALLSIM_SOURCE_DIR "/scenarios/town-center-weekday.json";
constexpr double kTenThirty = 10.5 * 3600.0;

std::filesystem::path temp(const std::string& name) {
  return std::filesystem::path(::testing::TempDir()) / ("hallsim-view-" + name);
}

struct TownDay {
  layout::Plan plan = layout::load_plan(kPlan);
  layout::NavGraph graph = layout::NavGraph::build(plan);
  SimulatedDay day = simulate_day(graph, kPlan, kScenario, 1, 0);
};

const TownDay& town() {
  static const TownDay t;
  return t;
}

TEST(TownCenterDay, SimulatedDayIsTheScenariosFirstDayFromOpeningToClosing) {
  const SimulatedDay& day = town().day;
  // The scenario's week begins on a Tuesday, open 8:30 to 17:00.
  EXPECT_EQ(day.playback.hall().first_day, sim::Weekday::tue);
  EXPECT_DOUBLE_EQ(day.open, 8.5 * 3600.0);
  EXPECT_DOUBLE_EQ(day.close, 17.0 * 3600.0);
  EXPECT_GT(day.visitors, 0u);
  EXPECT_EQ(day.playback.hall().counters.size(), town().plan.counters().size());
}

TEST(TownCenterDay, VisitorBeingServedAtHalfPastTenIsDrawnAtTheCounter) {
  const SimulatedDay& day = town().day;
  render::Overlays overlays;
  overlays.snapshot = day.playback.snapshot(kTenThirty);
  const render::RenderedPlan picture = render::render_plan(town().plan, overlays);
  int serving = 0;
  for (const render::CounterAt& c : day.playback.counters_at(kTenThirty)) {
    if (!c.serving) {
      continue;
    }
    ++serving;
    // The trace has this visitor at the counter: the playback puts them on its customer side.
    const auto visitor = day.playback.visitor_at(*c.visitor, kTenThirty);
    ASSERT_TRUE(visitor);
    EXPECT_EQ(visitor->state, render::VisitorState::being_served);
    const auto counter = std::find_if(town().plan.counters().begin(), town().plan.counters().end(),
                                      [&c](const layout::Counter& k) { return k.id == c.counter; });
    ASSERT_NE(counter, town().plan.counters().end());
    EXPECT_EQ(visitor->position, counter->customer_side);
    EXPECT_EQ(at(picture, counter->customer_side),
              render::visitor_colour(render::VisitorState::being_served))
        << c.counter;
  }
  EXPECT_GT(serving, 0) << "a weekday morning has visitors at the counters";
}

TEST(TownCenterDay, ViewerPlaysAnHourOffScreenAndItsLastFrameIsTheSnapshot) {
  const SimulatedDay& day = town().day;
  render::ViewerOptions options;
  options.begin = day.open;
  options.end = day.close;
  options.start = 10.0 * 3600.0;
  render::Viewer viewer(town().plan, day.playback, {}, options);
  const render::ViewerReport report = viewer.run_headless(120, 30.0);
  EXPECT_EQ(report.frames, 120);
  EXPECT_DOUBLE_EQ(report.end_time, 10.0 * 3600.0 + 119 * 30.0);  // 10:59:30
  const render::Image frame = viewer.capture();
  render::RenderOptions ro;
  ro.width_px = options.width_px;
  ro.legend = false;
  render::Overlays overlays;
  overlays.snapshot = day.playback.snapshot(report.end_time);
  const render::RenderedPlan snapshot = render::render_plan(town().plan, overlays, ro);
  // The plan area: the frame's extent in pixels.
  const auto top_left =
      snapshot.frame.to_pixel({snapshot.frame.extent.min.x(), snapshot.frame.extent.max.y()});
  const auto size = snapshot.frame.size_px();
  int differing = 0;
  int compared = 0;
  for (int y = static_cast<int>(top_left.y()); y < static_cast<int>(top_left.y() + size.y()); ++y) {
    for (int x = static_cast<int>(top_left.x()); x < static_cast<int>(top_left.x() + size.x());
         ++x) {
      ++compared;
      differing += frame.pixel(x, y) == snapshot.image.pixel(x, y) ? 0 : 1;
    }
  }
  EXPECT_GT(compared, 500000);
  EXPECT_EQ(differing, 0);
}

TEST(TownCenterDay, GoldenSnapshotAtHalfPastTen) {
  render::Overlays overlays;
  overlays.snapshot = town().day.playback.snapshot(kTenThirty);
  render::testing::check_golden(render::testing::golden_picture("town-center-snapshot-1030"),
                                render::render_plan(town().plan, overlays).image, "picture");
}

TEST(TownCenterDay, HeatOfTheDayAddsUpToTheTimeVisitorsSpentInside) {
  // Time-averaged people per m² over the opening hours, summed over the floor, is the average
  // head count: person-seconds inside from 8:30 to 17:00 over the 30600 s.
  const SimulatedDay& day = town().day;
  const render::HeatOverlay heat = day.playback.heat(day.open, day.close);
  double people = 0.0;
  for (const double v : heat.density.values) {
    people += std::isnan(v) ? 0.0 : v * heat.density.cell * heat.density.cell;
  }
  // Sampled every 10 s at the middle of each step: each visitor's stay, one interval, is
  // counted to within one step, so the sampled average is within visitors x 10 s / period.
  constexpr double kStep = 10.0;
  double inside = 0.0;
  const auto steps = static_cast<int>((day.close - day.open) / kStep);
  for (int k = 0; k < steps; ++k) {
    inside += static_cast<double>(day.playback.visitors_at(day.open + (k + 0.5) * kStep).size());
  }
  inside *= kStep / (day.close - day.open);
  EXPECT_GT(people, 1.0);
  EXPECT_NEAR(people, inside, static_cast<double>(day.visitors) * kStep / (day.close - day.open));
}

TEST(ViewCommand, HeadlessHourPrintsItsFramesAndCapturesTheSamePixelsTwice) {
  const auto first = temp("a.png");
  const auto second = temp("b.png");
  for (const auto& file : {first, second}) {
    const auto r =
        run_hallsim("view " + kPlan + " " + kScenario +
                    " --at 10:00 --headless-frames 120 --frame-step 30 --capture " + file.string());
    ASSERT_EQ(r.exit_code, 0) << r.out;
    EXPECT_NE(r.out.find("120 frames in"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("周二 Tue 10:59:30"), std::string::npos) << r.out;
  }
  EXPECT_GT(read_file(first).size(), 1000u);
  EXPECT_EQ(read_file(first), read_file(second));
}

TEST(ViewCommand, HelpNamesTheKeysAndOptions) {
  const auto r = run_hallsim("view --help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* text : {"--headless-frames", "--frame-step", "--at", "--speed", "--capture",
                           "Space", "go to HH:MM", "egress", "heat"}) {
    EXPECT_NE(r.out.find(text), std::string::npos) << text;
  }
  const auto render_help = run_hallsim("render --help");
  for (const char* text : {"--scenario", "--at", "--seed", "--day", "--heat-of", "snapshot"}) {
    EXPECT_NE(render_help.out.find(text), std::string::npos) << text;
  }
}

TEST(RenderCommand, SnapshotAndHeatPicturesAreWritten) {
  const auto snapshot = temp("snapshot.png");
  const auto r =
      run_hallsim("render " + kPlan + " -o " + snapshot.string() +
                  " --overlay snapshot --scenario " + kScenario + " --at 10:30 --width 800");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("800 x"), std::string::npos) << r.out;
  const auto heat = temp("heat.png");
  const auto h =
      run_hallsim("render " + kPlan + " -o " + heat.string() +
                  " --overlay heat --heat-of queueing --scenario " + kScenario + " --width 800");
  ASSERT_EQ(h.exit_code, 0) << h.out;
  EXPECT_TRUE(std::filesystem::exists(heat));
}

TEST(RenderCommand, DayOverlaysSayWhatTheyMiss) {
  const auto out = temp("x.png").string();
  auto r = run_hallsim("render " + kPlan + " -o " + out + " --overlay snapshot --at 10:30");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("--scenario FILE"), std::string::npos) << r.out;
  r = run_hallsim("render " + kPlan + " -o " + out + " --overlay snapshot --scenario " + kScenario);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("--at HH:MM"), std::string::npos) << r.out;
  r = run_hallsim("render " + kPlan + " -o " + out + " --overlay snapshot --scenario " + kScenario +
                  " --at 25:00");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("'25:00' is not a clock time"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--at 10:30"), std::string::npos) << r.out;
  // Day 5 of a run from Tuesday is a Sunday, when the town center is closed.
  r = run_hallsim("render " + kPlan + " -o " + out + " --overlay heat --scenario " + kScenario +
                  " --day 5");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find(kScenario + ":/calendar/days"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("closed on day 5 of the run (sun"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--day"), std::string::npos) << r.out;
  EXPECT_FALSE(std::filesystem::exists(out));
}

TEST(ViewCommand, WithoutADisplayTheErrorSaysWhatToRun) {
  const char* saved = std::getenv("DISPLAY");
  const std::string restore = saved == nullptr ? "" : saved;
  ::setenv("DISPLAY", ":987", 1);  // no X server listens there
  const auto r = run_hallsim("view " + kPlan + " --headless-frames 1");
  if (restore.empty()) {
    ::unsetenv("DISPLAY");
  } else {
    ::setenv("DISPLAY", restore.c_str(), 1);
  }
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("DISPLAY=:987"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("xvfb-run -a"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace hallsim::app
