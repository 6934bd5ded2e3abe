#pragma once
/// \file
/// Charts of a simulated day: people waiting and open counters through the day, the wait
/// distribution against the target, each counter's utilisation. Each chart takes plain numbers
/// (no simulation needed) and returns the picture with its axes, so a caller or a test can read
/// back where a value landed.
///
/// Drawing needs an X display, as plan pictures do (run headless under `xvfb-run -a`). The same
/// data and options give the same pixels.

#include <Eigen/Core>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "hallsim/layout/plan.hpp"
#include "hallsim/render/image.hpp"

namespace hallsim::render {

/// Mean number of people waiting (line with dots).
inline constexpr Rgba kChartWaiting{31, 119, 180, 255};
/// Most people waiting at once in a bin, mean over runs (dashed line).
inline constexpr Rgba kChartMostWaiting{120, 170, 215, 255};
/// Open counters (bars of the lower panel).
inline constexpr Rgba kChartOpenCounters{95, 158, 110, 255};
/// The lunch break (shading behind the series).
inline constexpr Rgba kChartLunch{252, 236, 200, 255};
/// Waits up to the target (histogram bars).
inline constexpr Rgba kChartWithinTarget{31, 119, 180, 255};
/// Waits over the target (histogram bars).
inline constexpr Rgba kChartOverTarget{230, 126, 34, 255};
/// The wait target line.
inline constexpr Rgba kChartTarget{214, 39, 40, 255};
/// The P90 line (dashed) and the whiskers of confidence intervals.
inline constexpr Rgba kChartInk{40, 40, 40, 255};
/// Light grid lines at the value ticks.
inline constexpr Rgba kChartGrid{225, 225, 225, 255};

/// Size and font of a chart.
struct ChartOptions {
  int width_px = 1200;  ///< 480 to 4000
  int height_px = 675;  ///< 320 to 4000
  /// TrueType/TrueType-collection font; empty: $HALLSIM_FONT, else kDefaultFontFile.
  std::filesystem::path font_file;
  /// Drawn at this many times the size, then averaged down (see RenderOptions::supersample).
  int supersample = 2;
};

/// An axis range with its ticks: min and max are multiples of step.
struct AxisScale {
  double min = 0.0;
  double max = 1.0;
  double step = 1.0;  ///< 1, 2 or 5 times a power of ten
};

/// The axis from `low` to at least `high` with at most `most_ticks` intervals of a round step
/// (1, 2, 5 x 10^k), min and max on whole steps. An empty range (high <= low) gets one step.
AxisScale nice_scale(double low, double high, int most_ticks);

/// One 15-minute (or other) bin of the day.
struct QueueBin {
  double start_hour = 0.0;     ///< clock time of the bin's start, hours after midnight
  double mean_waiting = 0.0;   ///< people waiting for a call, time-average over the bin
  double most_waiting = 0.0;   ///< the largest number waiting at once in the bin
  double open_counters = 0.0;  ///< counters staffed, time-average over the bin
};

/// A span of clock time, hours after midnight.
struct HourSpan {
  double begin = 0.0;
  double end = 0.0;
};

/// People waiting and open counters through the day (`chart-queue.png`).
struct QueueChartData {
  std::string subtitle;         ///< the hall, the scenario, what the numbers average over
  double bin_hours = 0.25;      ///< width of a bin
  std::vector<QueueBin> bins;   ///< in time order; a gap between bins breaks the lines
  std::vector<HourSpan> lunch;  ///< shaded in both panels
};

/// The distribution of waits from ticket to call (`chart-waits.png`).
struct WaitChartData {
  std::string subtitle;
  std::string count_label_zh = "人次/天";         ///< what a bar's height counts, in Chinese
  std::string count_label_en = "visitors a day";  ///< ... and in English
  double bin_minutes = 1.0;    ///< bar i holds waits in (i w, (i + 1) w] minutes (bar 0 also 0)
  std::vector<double> counts;  ///< one per bar
  double longer = 0.0;         ///< waits beyond the last bar: one extra bar at the right, "longer"
  double target_minutes = 15.0;
  std::optional<double> p90_minutes;  ///< drawn as a dashed line when given
  double share_over_target = 0.0;     ///< 0..1, written beside the target line
};

/// One counter's utilisation over the runs.
struct CounterUtilisation {
  std::string number;  ///< the label over the window
  layout::CounterType type = layout::CounterType::general;
  double mean = 0.0;        ///< busy / open, 0..1; NaN: never open (no bar, "closed")
  double half_width = 0.0;  ///< 95% confidence half-width (0: no whisker)
};

/// Each counter's utilisation (`chart-utilisation.png`).
struct UtilisationChartData {
  std::string subtitle;
  std::vector<CounterUtilisation> counters;  ///< in the plan's order
  std::optional<double> overall;             ///< all counters together, drawn as a dashed line
};

/// One panel of a chart: its plot rectangle in pixels and the values at its edges.
struct ChartPanel {
  double left = 0.0;    ///< pixel x of x_min (pixel (i, j) covers [i, i+1) x [j, j+1))
  double top = 0.0;     ///< pixel y of y_max
  double right = 0.0;   ///< pixel x of x_max
  double bottom = 0.0;  ///< pixel y of y_min
  AxisScale x;
  AxisScale y;

  /// Pixel x of value `value` on the x axis.
  double x_pixel(double value) const {
    return left + (value - x.min) / (x.max - x.min) * (right - left);
  }
  /// Pixel y of value `value` on the y axis (up is more).
  double y_pixel(double value) const {
    return bottom - (value - y.min) / (y.max - y.min) * (bottom - top);
  }
};

/// A text drawn on a chart, and where.
struct ChartText {
  std::string text;
  Eigen::Vector2d anchor = Eigen::Vector2d::Zero();  ///< vertical centre; see `align`
  int align = 0;  ///< -1: anchor at the text's left, 0: centre, 1: right
};

/// A drawn chart with the facts needed to read it back.
struct RenderedChart {
  Image image;
  std::vector<ChartPanel> panels;  ///< top to bottom
  std::vector<ChartText> texts;    ///< every text drawn, in drawing order
};

/// People waiting (mean and most at once) in the upper panel and open counters in the lower,
/// against clock time, with the lunch break shaded. Throws layout::InputError for bad options,
/// a font that cannot be read, or no bins; RenderError without a display.
RenderedChart draw_queue_chart(const QueueChartData& data, const ChartOptions& options = {});

/// The histogram of waits with the target and the P90 as vertical lines, bars over the target
/// in another colour and the share over the target written. Throws as draw_queue_chart.
RenderedChart draw_wait_chart(const WaitChartData& data, const ChartOptions& options = {});

/// One bar per counter (utilisation 0 to 100%) with its 95% interval, coloured by window type
/// as on the plan pictures, labelled with the counter's number. Throws as draw_queue_chart.
RenderedChart draw_utilisation_chart(const UtilisationChartData& data,
                                     const ChartOptions& options = {});

}  // namespace hallsim::render
