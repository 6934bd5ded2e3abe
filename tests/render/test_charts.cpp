// Charts of a simulated day as drawn: pixels that must be right (bars, lines, points, tick
// labels) on hand-computed axes, golden hashes for a fixed small input, errors.
// Drawing needs an X display: run under `xvfb-run -a`.
//
// Golden hashes live in tests/data/render/charts/<name>.txt; after an intended change to the
// charts, rerun with HALLSIM_UPDATE_GOLDEN=1, look at the pictures it saves, commit both.

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <ostream>
#include <string>

#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/render/charts.hpp"
#include "hallsim/render/palette.hpp"
#include "render_test_support.hpp"

namespace hallsim::render {
namespace {

using testing::describe;

// ------------------------------------------------------------------ fixed inputs

// 8:30 to 17:00 in 15-minute bins: 2 to 6 people waiting in a five-bin cycle, 3 more at most;
// four counters open, two over lunch (12:00-13:30), three in the last hour.
QueueChartData queue_day() {
  QueueChartData d;
  d.subtitle = "测试 Test hall · 4 runs";
  d.lunch = {{12.0, 13.5}};
  for (int i = 0; i < 34; ++i) {
    const double start = 8.5 + 0.25 * i;
    const double mean = 2.0 + i % 5;
    const double open = (start >= 12.0 && start < 13.5) ? 2.0 : start >= 16.0 ? 3.0 : 4.0;
    d.bins.push_back({start, mean, mean + 3.0, open});
  }
  return d;
}

// Forty one-minute bars, 40 waits a day in the first falling by one a minute, 5 longer waits.
WaitChartData waits_day() {
  WaitChartData d;
  d.subtitle = "测试 Test hall · 4 runs";
  d.bin_minutes = 1.0;
  for (int i = 0; i < 40; ++i) {
    d.counts.push_back(40.0 - i);
  }
  d.longer = 5.0;
  d.target_minutes = 15.0;
  d.p90_minutes = 22.04;
  d.share_over_target = 0.4;
  return d;
}

UtilisationChartData counters_day() {
  UtilisationChartData d;
  d.subtitle = "测试 Test hall · 4 runs";
  using layout::CounterType;
  d.counters = {{"1", CounterType::general, 0.5, 0.05},
                {"2", CounterType::general, 0.75, 0.1},
                {"3", CounterType::general, std::nan(""), 0.0},
                {"4", CounterType::one_thing, 0.9, 0.2},
                {"5", CounterType::help_and_agency, 0.3, 0.0},
                {"6", CounterType::cross_province, 0.625, 0.04}};
  d.overall = 0.6;
  return d;
}

// ------------------------------------------------------------------ reading pixels

Rgba at(const RenderedChart& chart, double x, double y) {
  return chart.image.pixel(static_cast<int>(std::floor(x)), static_cast<int>(std::floor(y)));
}

// How much of a pixel `colour` covers, drawn over white: from the channel that differs most.
double coverage(Rgba pixel, Rgba colour) {
  int best = 0;
  double share = 0.0;
  for (const auto& [p, c] :
       {std::pair{pixel.r, colour.r}, {pixel.g, colour.g}, {pixel.b, colour.b}}) {
    if (255 - c > best) {
      best = 255 - c;
      share = (255.0 - p) / (255.0 - c);
    }
  }
  return share;
}

// The height of a bar measured down column `x`, from `from` to the row above `bottom`: each
// pixel counts by how much of it the bar's colour covers (a half-covered edge counts half).
double measured_height(const RenderedChart& chart, double x, int from, double bottom, Rgba colour) {
  double height = 0.0;
  for (int y = from; y < static_cast<int>(bottom); ++y) {
    height += coverage(chart.image.pixel(static_cast<int>(x), y), colour);
  }
  return height;
}

struct InkBox {
  int left = 1 << 30;
  int right = -1;
  int top = 1 << 30;
  int bottom = -1;
  bool empty() const { return right < left; }
  double centre_x() const { return (left + right + 1) / 2.0; }
  double centre_y() const { return (top + bottom + 1) / 2.0; }
};

// The box of dark pixels (text ink) in [x0, x1) x [y0, y1).
InkBox ink(const RenderedChart& chart, int x0, int x1, int y0, int y1) {
  InkBox box;
  for (int y = y0; y < y1; ++y) {
    for (int x = x0; x < x1; ++x) {
      const Rgba c = chart.image.pixel(x, y);
      if (c.r + c.g + c.b < 3 * 140) {
        box.left = std::min(box.left, x);
        box.right = std::max(box.right, x);
        box.top = std::min(box.top, y);
        box.bottom = std::max(box.bottom, y);
      }
    }
  }
  return box;
}

const ChartText* find_text(const RenderedChart& chart, const std::string& text) {
  for (const ChartText& t : chart.texts) {
    if (t.text == text) {
      return &t;
    }
  }
  return nullptr;
}

// ------------------------------------------------------------------ axis scales

// A range to put on an axis in at most `max_steps` steps, and the axis it must get.
struct NiceScaleCase {
  const char* name;
  double low;
  double high;
  int max_steps;
  double min;
  double max;
  double step;
  double tolerance;  ///< 0: equal to the last few bits
};

void PrintTo(const NiceScaleCase& c, std::ostream* os) {
  *os << c.name;
}

std::string nice_scale_case_name(const ::testing::TestParamInfo<NiceScaleCase>& c) {
  return c.param.name;
}

class NiceScaleRounding : public ::testing::TestWithParam<NiceScaleCase> {};

TEST_P(NiceScaleRounding, RoundsTheTopUpToAWholeStepOfOneTwoOrFive) {
  const NiceScaleCase& c = GetParam();
  const AxisScale s = nice_scale(c.low, c.high, c.max_steps);
  if (c.tolerance == 0.0) {
    EXPECT_DOUBLE_EQ(s.min, c.min);
    EXPECT_DOUBLE_EQ(s.max, c.max);
    EXPECT_DOUBLE_EQ(s.step, c.step);
  } else {
    EXPECT_NEAR(s.min, c.min, c.tolerance);
    EXPECT_NEAR(s.max, c.max, c.tolerance);
    EXPECT_NEAR(s.step, c.step, c.tolerance);
  }
}

INSTANTIATE_TEST_SUITE_P(
    NiceScale, NiceScaleRounding,
    ::testing::Values(
        // A step of 1 needs 9, of 2 needs 5 (0..10).
        NiceScaleCase{"NineInSixStepsGoesUpToTenByTwos", 0.0, 9.0, 6, 0.0, 10.0, 2.0, 0.0},
        // A step of 5 gives 8 steps, 2 would give 20.
        NiceScaleCase{"FortyInTwelveStepsGoesByFives", 0.0, 40.0, 12, 0.0, 40.0, 5.0, 0.0},
        // Three steps of 0.1 exactly, not four for a rounding hair.
        NiceScaleCase{"PointThreeInThreeStepsGoesByTenths", 0.0, 0.3, 3, 0.0, 0.3, 0.1, 1e-12},
        // 20 needs 7 steps, 50 needs 3 (0..150).
        NiceScaleCase{"People137InSixStepsGoUpTo150ByFifties", 0.0, 137.0, 6, 0.0, 150.0, 50.0,
                      0.0},
        // A range that does not start at zero starts on a whole step below it.
        NiceScaleCase{"HalfPastEightStartsAtEight", 8.5, 17.0, 10, 8.0, 17.0, 1.0, 0.0}),
    nice_scale_case_name);

TEST(NiceScale, NothingToShowStillGetsAnAxis) {
  const AxisScale f = nice_scale(0.0, 0.0, 5);
  EXPECT_DOUBLE_EQ(f.min, 0.0);
  EXPECT_GT(f.max, 0.0);
}

// ------------------------------------------------------------------ the queue chart

// At 1200 x 675 px the text size is round(min(1200 / 75, 675 / 42)) = 16 px and the margin
// 24 px. One legend row: the plot spans x from round(24 + 4 x 16) = 88 to 1200 - 24 - 16 = 1160,
// y from round(24 + 3.9 x 16 + 1.8 x 16) = 115 to round(675 - 24 - 2.6 x 16) = 609. The queue
// chart splits that with a gap of round(2.4 x 16) = 38: the upper panel ends at
// round(115 + 0.6 x (609 - 115 - 38)) = 389, the lower starts at 427.
TEST(QueueChart, PanelsSitWhereTheTextSizeSaysOnWholeHours) {
  const RenderedChart chart = draw_queue_chart(queue_day());
  ASSERT_EQ(chart.panels.size(), 2u);
  const ChartPanel& upper = chart.panels[0];
  const ChartPanel& lower = chart.panels[1];
  EXPECT_EQ(chart.image.width(), 1200);
  EXPECT_EQ(chart.image.height(), 675);
  EXPECT_DOUBLE_EQ(upper.left, 88.0);
  EXPECT_DOUBLE_EQ(upper.right, 1160.0);
  EXPECT_DOUBLE_EQ(upper.top, 115.0);
  EXPECT_DOUBLE_EQ(upper.bottom, 389.0);
  EXPECT_DOUBLE_EQ(lower.top, 427.0);
  EXPECT_DOUBLE_EQ(lower.bottom, 609.0);
  // 8:30 to 17:00 is drawn from 8:00 to 17:00; at most 9 people (6 + 3) on 0..10 by 2; at most
  // 4 counters on 0..4 by 1.
  EXPECT_DOUBLE_EQ(lower.x.min, 8.0);
  EXPECT_DOUBLE_EQ(lower.x.max, 17.0);
  EXPECT_DOUBLE_EQ(upper.y.max, 10.0);
  EXPECT_DOUBLE_EQ(upper.y.step, 2.0);
  EXPECT_DOUBLE_EQ(lower.y.max, 4.0);
  EXPECT_DOUBLE_EQ(lower.y.step, 1.0);
}

TEST(QueueChart, MeanWaitingIsADotAtTheMiddleOfItsBin) {
  const RenderedChart chart = draw_queue_chart(queue_day());
  // Bin 6 starts at 10:00 and has 2 + 6 % 5 = 3 people waiting; its dot is at 10:07:30:
  // x = 88 + (10.125 - 8) / 9 x 1072 = 341.11, y = 389 - 3 / 10 x 274 = 306.8.
  const double x = 88.0 + (10.125 - 8.0) / 9.0 * 1072.0;
  const double y = 389.0 - 3.0 / 10.0 * 274.0;
  EXPECT_NEAR(chart.panels[0].x_pixel(10.125), x, 1e-9);
  EXPECT_NEAR(chart.panels[0].y_pixel(3.0), y, 1e-9);
  // The dot has a radius of 0.25 x 16 = 4 px: its centre and 2 px off it across the line
  // (up and down; the line runs left and right) are the series' colour.
  EXPECT_EQ(at(chart, x, y), kChartWaiting) << describe(at(chart, x, y));
  EXPECT_EQ(at(chart, x, y - 2.0), kChartWaiting);
  EXPECT_EQ(at(chart, x, y + 2.0), kChartWaiting);
  // 6 px above, outside the dot and the line, it is not.
  EXPECT_FALSE(at(chart, x, y - 6.0) == kChartWaiting);
}

TEST(QueueChart, OpenCounterBarIsAsTallAsItsValue) {
  const RenderedChart chart = draw_queue_chart(queue_day());
  const ChartPanel& lower = chart.panels[1];
  // 16:15 to 16:30: three counters on 0..4 over 609 - 427 = 182 px: 136.5 px.
  const double x = lower.x_pixel(16.375);
  const double height = measured_height(chart, x, 609 - 140, 609.0, kChartOpenCounters);
  EXPECT_NEAR(height, 3.0 / 4.0 * 182.0, 0.5);
  // Over lunch (12:30 to 12:45) two: 91 px.
  EXPECT_NEAR(measured_height(chart, lower.x_pixel(12.625), 609 - 95, 609.0, kChartOpenCounters),
              91.0, 0.5);
}

TEST(QueueChart, LunchIsShadedInBothPanels) {
  const RenderedChart chart = draw_queue_chart(queue_day());
  // Just inside 12:00 and 13:30, above everything drawn in each panel.
  for (const ChartPanel& panel : chart.panels) {
    const double y = panel.top + 3.0;
    EXPECT_EQ(at(chart, panel.x_pixel(12.0) + 2.0, y), kChartLunch);
    EXPECT_EQ(at(chart, panel.x_pixel(13.5) - 3.0, y), kChartLunch);
    // And not before or after it.
    EXPECT_EQ(at(chart, panel.x_pixel(11.5), y), (Rgba{255, 255, 255, 255}));
    EXPECT_EQ(at(chart, panel.x_pixel(14.5), y), (Rgba{255, 255, 255, 255}));
  }
}

TEST(QueueChart, HourLabelsAreCentredUnderTheirTicks) {
  const RenderedChart chart = draw_queue_chart(queue_day());
  const ChartPanel& lower = chart.panels[1];
  for (const double hour : {8.0, 10.0, 12.0, 17.0}) {
    const std::string text = std::to_string(static_cast<int>(hour)) + ":00";
    const ChartText* label = find_text(chart, text);
    ASSERT_NE(label, nullptr) << text;
    const double x = lower.x_pixel(hour);
    EXPECT_DOUBLE_EQ(label->anchor.x(), x);
    EXPECT_DOUBLE_EQ(label->anchor.y(), 609.0 + 0.95 * 16.0);
    // The ink under the tick (below the 4.8 px tick mark, above the axis title), within half
    // the 119 px between hours: centred on the tick to a pixel and a half (a glyph's side
    // bearings are not ink).
    const InkBox box =
        ink(chart, static_cast<int>(x) - 55, static_cast<int>(x) + 55, 609 + 6, 609 + 26);
    ASSERT_FALSE(box.empty()) << text;
    EXPECT_NEAR(box.centre_x(), x, 1.5) << text;
    EXPECT_NEAR(box.centre_y(), label->anchor.y(), 2.0) << text;
  }
}

TEST(QueueChart, ValueLabelsEndLeftOfTheAxisBesideTheirTicks) {
  const RenderedChart chart = draw_queue_chart(queue_day());
  const ChartPanel& upper = chart.panels[0];
  for (const double people : {2.0, 6.0, 10.0}) {
    const std::string text = std::to_string(static_cast<int>(people));
    const double y = upper.y_pixel(people);
    // Right-aligned at 88 - 0.45 x 16 = 80.8.
    const InkBox box = ink(chart, 24, 82, static_cast<int>(y) - 9, static_cast<int>(y) + 10);
    ASSERT_FALSE(box.empty()) << text;
    EXPECT_LE(box.right + 1, 81) << text;
    EXPECT_GE(box.right + 1, 79) << text;
    EXPECT_NEAR(box.centre_y(), y, 2.0) << text;
  }
}

// ------------------------------------------------------------------ the wait chart

// Waits: the longer-waits bar takes 3.5 text sizes off the right, so the plot spans x from 88 to
// round(1200 - 24 - 4.5 x 16) = 1104; 40 minutes on 0..40 by 5; 40 waits at most on 0..40 by 10.
TEST(WaitChart, TargetLineIsAtFifteenMinutes) {
  const RenderedChart chart = draw_wait_chart(waits_day());
  ASSERT_EQ(chart.panels.size(), 1u);
  const ChartPanel& p = chart.panels[0];
  EXPECT_DOUBLE_EQ(p.left, 88.0);
  EXPECT_DOUBLE_EQ(p.right, 1104.0);
  EXPECT_DOUBLE_EQ(p.x.max, 40.0);
  EXPECT_DOUBLE_EQ(p.x.step, 5.0);
  EXPECT_DOUBLE_EQ(p.y.max, 40.0);
  // 15 / 40 of 1016 px from 88: x = 469. The line is 3 px wide, so columns 468 and 469 are all
  // red from the top of the plot to its bottom; 3 px either side is not red.
  const double x = 88.0 + 15.0 / 40.0 * 1016.0;
  EXPECT_DOUBLE_EQ(p.x_pixel(15.0), x);
  for (const double y : {p.top + 1.0, (p.top + p.bottom) / 2.0, p.bottom - 1.0}) {
    EXPECT_EQ(at(chart, x - 1.0, y), kChartTarget) << describe(at(chart, x - 1.0, y));
    EXPECT_EQ(at(chart, x, y), kChartTarget);
    EXPECT_FALSE(at(chart, x - 3.0, y) == kChartTarget);
    EXPECT_FALSE(at(chart, x + 3.0, y) == kChartTarget);
  }
}

TEST(WaitChart, BarHeightsFollowTheCountsAndTheirColourTheTarget) {
  const RenderedChart chart = draw_wait_chart(waits_day());
  const ChartPanel& p = chart.panels[0];
  // Bar 21 (21 to 22 min) holds 19 waits: 19 / 40 of 609 - 115 = 494 px is 234.65 px, in the
  // colour of waits over the target; bar 4 (4 to 5 min) holds 36: 444.6 px, within it. Measured
  // from a little above their tops (the grid lines at 10, 20, 30 are under the bars).
  EXPECT_NEAR(measured_height(chart, p.x_pixel(21.5), 609 - 238, p.bottom, kChartOverTarget),
              234.65, 0.5);
  EXPECT_NEAR(measured_height(chart, p.x_pixel(4.5), 609 - 448, p.bottom, kChartWithinTarget),
              444.6, 0.5);
  EXPECT_EQ(at(chart, p.x_pixel(20.5), p.bottom - 5.0), kChartOverTarget);
  EXPECT_EQ(at(chart, p.x_pixel(4.5), p.bottom - 5.0), kChartWithinTarget);
  // The 5 longer waits stand right of the axis, 5 / 40 x 494 = 61.75 px tall.
  const ChartText* longer = find_text(chart, ">40");
  ASSERT_NE(longer, nullptr);
  EXPECT_NEAR(measured_height(chart, longer->anchor.x(), 609 - 65, p.bottom, kChartOverTarget),
              61.75, 0.5);
}

TEST(WaitChart, ShareOverTheTargetAndTheP90AreWritten) {
  const RenderedChart chart = draw_wait_chart(waits_day());
  const ChartPanel& p = chart.panels[0];
  const ChartText* share = find_text(chart, "超过目标 share over target: 40.0%");
  ASSERT_NE(share, nullptr);
  EXPECT_GT(share->anchor.x(), p.x_pixel(15.0));  // beside the target line, on its right
  const ChartText* target = find_text(chart, "目标 target 15 min");
  ASSERT_NE(target, nullptr);
  // The P90 (22.04 min) is written to one decimal beside its dashed line.
  const ChartText* p90 = find_text(chart, "P90 22.0 min");
  ASSERT_NE(p90, nullptr);
  EXPECT_NEAR(p90->anchor.x(), p.x_pixel(22.04) + 8.0, 1e-9);
  // The dashed line is dark where a dash falls: the first 8 px below the top of the plot.
  EXPECT_EQ(at(chart, p.x_pixel(22.04), p.top + 3.0), kChartInk);
}

// ------------------------------------------------------------------ the utilisation chart

TEST(UtilisationChart, BarsAreAsTallAsTheirShareInTheirWindowColour) {
  const RenderedChart chart = draw_utilisation_chart(counters_day());
  const ChartPanel& p = chart.panels[0];
  EXPECT_DOUBLE_EQ(p.y.min, 0.0);
  EXPECT_DOUBLE_EQ(p.y.max, 1.0);
  const double plot = p.bottom - p.top;
  // Counter 2 (general, 75%): slot 1 of 6; measured a quarter of the way into the bar, off its
  // whisker in the middle.
  const double slot = (p.right - p.left) / 6.0;
  const double quarter = 0.16 * slot;
  // Measured from 3 px above the bar's top, clear of the grid lines over it.
  const auto above = [&p](double value) { return static_cast<int>(p.y_pixel(value)) - 3; };
  EXPECT_NEAR(measured_height(chart, p.x_pixel(1.5) - quarter, above(0.75), p.bottom,
                              counter_fill(layout::CounterType::general)),
              0.75 * plot, 0.5);
  // Counter 4 ("one thing", 90%) in teal; counter 6 (cross-province, 62.5%) in orange.
  EXPECT_NEAR(measured_height(chart, p.x_pixel(3.5) - quarter, above(0.9), p.bottom,
                              counter_fill(layout::CounterType::one_thing)),
              0.9 * plot, 0.5);
  EXPECT_NEAR(measured_height(chart, p.x_pixel(5.5) + quarter, above(0.625), p.bottom,
                              counter_fill(layout::CounterType::cross_province)),
              0.625 * plot, 0.5);
  // Counter 3 was never open: no bar, "未开 closed" instead.
  EXPECT_EQ(at(chart, p.x_pixel(2.5) - quarter, p.bottom - 40.0), (Rgba{255, 255, 255, 255}));
  const ChartText* closed = find_text(chart, "未开 closed");
  ASSERT_NE(closed, nullptr);
  EXPECT_DOUBLE_EQ(closed->anchor.x(), p.x_pixel(2.5));
}

TEST(UtilisationChart, WhiskerSpansTheIntervalAndTheNumberSitsUnderTheBar) {
  const RenderedChart chart = draw_utilisation_chart(counters_day());
  const ChartPanel& p = chart.panels[0];
  // Counter 2: 75% ± 10%, a whisker from 65% to 85% down the bar's middle, dark over the bar.
  const double x = p.x_pixel(1.5);
  EXPECT_EQ(at(chart, x, p.y_pixel(0.84)), kChartInk);
  EXPECT_EQ(at(chart, x, p.y_pixel(0.70)), kChartInk);
  EXPECT_FALSE(at(chart, x, p.y_pixel(0.88)) == kChartInk);
  // Counter 4: 90% ± 20% is cut at 100%, and its value written above that.
  const ChartText* value = find_text(chart, "90%");
  ASSERT_NE(value, nullptr);
  EXPECT_NEAR(value->anchor.y(), p.y_pixel(1.0) - 0.55 * 16.0, 1e-9);
  // The numbers under the bars: "1" to "6" under the middle of each slot.
  for (int i = 0; i < 6; ++i) {
    const ChartText* number = find_text(chart, std::to_string(i + 1));
    ASSERT_NE(number, nullptr);
    EXPECT_DOUBLE_EQ(number->anchor.x(), p.x_pixel(i + 0.5));
    EXPECT_DOUBLE_EQ(number->anchor.y(), p.bottom + 0.95 * 16.0);
  }
}

// ------------------------------------------------------------------ errors and sameness

TEST(ChartOptions, OutOfRangeSizesAreRefusedWithWhatToChoose) {
  ChartOptions options;
  options.width_px = 100;
  options.height_px = 9000;
  try {
    draw_wait_chart(waits_day(), options);
    FAIL() << "a 100 px chart was drawn";
  } catch (const layout::InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 2u);
    EXPECT_EQ(e.diagnostics()[0].pointer, "/width_px");
    EXPECT_NE(e.diagnostics()[0].hint.find("480 to 4000"), std::string::npos);
    EXPECT_EQ(e.diagnostics()[1].pointer, "/height_px");
  }
}

TEST(ChartOptions, MissingFontIsNamed) {
  ChartOptions options;
  options.font_file = "/nope/no-font.ttf";
  try {
    draw_queue_chart(queue_day(), options);
    FAIL() << "drawn without a font";
  } catch (const layout::InputError& e) {
    ASSERT_FALSE(e.diagnostics().empty());
    EXPECT_EQ(e.diagnostics()[0].file, "/nope/no-font.ttf");
    EXPECT_NE(e.diagnostics()[0].hint.find("fonts-wqy-microhei"), std::string::npos);
  }
}

TEST(Charts, SameDataGiveTheSamePixels) {
  EXPECT_EQ(pixel_hash(draw_queue_chart(queue_day()).image),
            pixel_hash(draw_queue_chart(queue_day()).image));
  // And a different value changes them.
  QueueChartData changed = queue_day();
  changed.bins[10].mean_waiting += 1.0;
  EXPECT_NE(pixel_hash(draw_queue_chart(queue_day()).image),
            pixel_hash(draw_queue_chart(changed).image));
}

TEST(Charts, EmptyDaysStillDrawWithANote) {
  const RenderedChart queue = draw_queue_chart(QueueChartData{});
  EXPECT_NE(find_text(queue, "这一天没有人排队 no one queued this day"), nullptr);
  const RenderedChart waits = draw_wait_chart(WaitChartData{});
  EXPECT_NE(find_text(waits, "没有人等候叫号 no waits to show"), nullptr);
  const RenderedChart counters = draw_utilisation_chart(UtilisationChartData{});
  EXPECT_NE(find_text(counters, "没有窗口 no counters"), nullptr);
}

// ------------------------------------------------------------------ golden hashes

void check_golden(const std::string& name, const Image& image) {
  testing::check_golden(
      std::filesystem::path(HALLSIM_TEST_DATA_DIR) / "render" / "charts" / (name + ".txt"), image,
      "chart");
}

TEST(GoldenChart, Queue) {
  check_golden("queue", draw_queue_chart(queue_day()).image);
}
TEST(GoldenChart, Waits) {
  check_golden("waits", draw_wait_chart(waits_day()).image);
}
TEST(GoldenChart, Utilisation) {
  check_golden("utilisation", draw_utilisation_chart(counters_day()).image);
}

}  // namespace
}  // namespace hallsim::render
