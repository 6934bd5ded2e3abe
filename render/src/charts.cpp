// The three charts of a simulated day, drawn on the shared chart page.

#include "hallsim/render/charts.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdio>

#include "chart_page.hpp"
#include "hallsim/render/palette.hpp"
#include "names.hpp"

namespace hallsim::render {

namespace {

using detail::Align;
using detail::ChartPage;
using detail::LegendItem;
using detail::LegendMark;
using detail::Pixel;

constexpr Rgba kSoftInk{110, 110, 110, 255};

[[maybe_unused]] bool valid_count(double x) {
  return std::isfinite(x) && x >= 0.0;
}

/// "8:00", the clock hour of `hour` hours after midnight of day 0.
std::string clock_label(double hour) {
  const long h = std::lround(hour);
  return std::to_string(((h % 24) + 24) % 24) + ":00";
}

/// Minutes as labels write them: "15", "12.3".
std::string minutes_text(double minutes) {
  std::array<char, 32> buffer{};
  if (std::abs(minutes - std::round(minutes)) < 1e-9) {
    std::snprintf(buffer.data(), buffer.size(), "%.0f", minutes);
  } else {
    std::snprintf(buffer.data(), buffer.size(), "%.1f", minutes);
  }
  return buffer.data();
}

std::string one_decimal(double x) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.1f", x);
  return buffer.data();
}

std::string percent_text(double share, int decimals) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.*f%%", decimals, share * 100.0);
  return buffer.data();
}

/// A note in the middle of an empty plot.
void no_data(ChartPage& page, const ChartPanel& panel, const std::string& note,
             double across = 0.5) {
  page.label(note,
             {panel.left + across * (panel.right - panel.left), (panel.top + panel.bottom) / 2.0},
             page.text(), kSoftInk);
}

/// Clock hours covered by the bins (whole hours; 8 to 17 for no bins) and the tick step.
AxisScale hour_scale(const QueueChartData& data) {
  if (data.bins.empty()) {
    return {8.0, 17.0, 1.0};
  }
  double first = data.bins.front().start_hour;
  double last = data.bins.front().start_hour + data.bin_hours;
  for (const QueueBin& b : data.bins) {
    first = std::min(first, b.start_hour);
    last = std::max(last, b.start_hour + data.bin_hours);
  }
  const double span = std::ceil(last - 1e-9) - std::floor(first + 1e-9);
  const double step = span <= 14.0 ? 1.0 : span <= 28.0 ? 2.0 : nice_scale(0.0, span, 14).step;
  return {std::floor(first / step + 1e-9) * step, std::ceil(last / step - 1e-9) * step, step};
}

/// Consecutive bins without a gap, as index ranges [begin, end).
std::vector<std::pair<std::size_t, std::size_t>> runs_of(const QueueChartData& data) {
  std::vector<std::pair<std::size_t, std::size_t>> runs;
  std::size_t begin = 0;
  for (std::size_t i = 1; i <= data.bins.size(); ++i) {
    if (i == data.bins.size() ||
        data.bins[i].start_hour - data.bins[i - 1].start_hour > data.bin_hours * 1.001) {
      runs.emplace_back(begin, i);
      begin = i;
    }
  }
  return runs;
}

void shade_lunch(ChartPage& page, const ChartPanel& panel, const std::vector<HourSpan>& lunch) {
  for (const HourSpan& s : lunch) {
    const double begin = std::max(s.begin, panel.x.min);
    const double end = std::min(s.end, panel.x.max);
    if (end > begin) {
      const double x0 = panel.x_pixel(begin);
      page.canvas().rectangle({x0, panel.top}, {panel.x_pixel(end) - x0, panel.bottom - panel.top},
                              kChartLunch);
    }
  }
}

}  // namespace

RenderedChart draw_queue_chart(const QueueChartData& data, const ChartOptions& options) {
  assert(data.bin_hours > 0.0);
  for (const QueueBin& b : data.bins) {
    assert(std::isfinite(b.start_hour) && valid_count(b.mean_waiting) &&
           valid_count(b.most_waiting) && valid_count(b.open_counters));
    (void)b;
  }
  ChartPage page(options);
  const double t = page.text();
  const std::string minutes = minutes_text(data.bin_hours * 60.0);
  std::vector<LegendItem> legend{
      {LegendMark::line, kChartWaiting, "平均排队人数 mean people waiting"},
      {LegendMark::dashed, kChartMostWaiting,
       detail::concat({"每", minutes, "分钟内同时最多 most at once in ", minutes, " min"})},
      {LegendMark::bar, kChartOpenCounters, "开放窗口 open counters"}};
  if (!data.lunch.empty()) {
    legend.push_back({LegendMark::shade, kChartLunch, "午休 lunch break"});
  }
  const ChartPanel whole =
      page.header("排队人数与开放窗口 · People waiting and open counters through the day",
                  data.subtitle, legend);

  // Two panels on one time axis: people above, counters below.
  const double gap = std::round(2.4 * t);
  ChartPanel upper = whole;
  upper.bottom = std::round(whole.top + 0.6 * (whole.bottom - whole.top - gap));
  ChartPanel lower = whole;
  lower.top = upper.bottom + gap;
  upper.x = lower.x = hour_scale(data);
  double most_people = 0.0;
  double most_open = 0.0;
  for (const QueueBin& b : data.bins) {
    most_people = std::max({most_people, b.mean_waiting, b.most_waiting});
    most_open = std::max(most_open, b.open_counters);
  }
  upper.y = nice_scale(0.0, std::max(most_people, 1.0), 6);
  lower.y = nice_scale(0.0, std::max(most_open, 1.0), 5);
  if (lower.y.step < 1.0) {  // counters are counted in whole counters
    lower.y = {0.0, std::ceil(lower.y.max - 1e-9), 1.0};
  }

  for (const ChartPanel* panel : {&upper, &lower}) {
    shade_lunch(page, *panel, data.lunch);
    page.x_grid(*panel);
  }
  page.y_axis(upper, "排队人数 people waiting");
  page.y_axis(lower, "开放窗口 open counters");

  detail::Canvas& canvas = page.canvas();
  // Open counters: one bar per bin, a pixel apart when there is room.
  for (const QueueBin& b : data.bins) {
    const double x0 = lower.x_pixel(b.start_hour);
    const double x1 = lower.x_pixel(b.start_hour + data.bin_hours);
    const double inset = x1 - x0 > 6.0 ? 1.0 : 0.0;
    const double y = lower.y_pixel(b.open_counters);
    canvas.rectangle({x0 + inset, y}, {x1 - x0 - 2.0 * inset, lower.bottom - y},
                     kChartOpenCounters);
  }
  // People waiting: each bin's value at its middle.
  const double line_width = std::max(2.0, std::round(0.16 * t));
  for (const auto& [begin, end] : runs_of(data)) {
    std::vector<Pixel> mean;
    std::vector<Pixel> most;
    for (std::size_t i = begin; i < end; ++i) {
      const double x = upper.x_pixel(data.bins[i].start_hour + data.bin_hours / 2.0);
      mean.emplace_back(x, upper.y_pixel(data.bins[i].mean_waiting));
      most.emplace_back(x, upper.y_pixel(data.bins[i].most_waiting));
    }
    if (most.size() >= 2) {
      canvas.dashed(most, line_width, 0.4 * t, 0.25 * t, kChartMostWaiting);
    }
    canvas.polyline(mean, line_width, kChartWaiting);
    for (const Pixel& p : mean) {
      canvas.disc(p, 0.25 * t, kChartWaiting);
    }
  }
  if (data.bins.empty()) {
    no_data(page, upper, "这一天没有人排队 no one queued this day");
  }

  page.frame(upper);
  page.frame(lower);
  const std::vector<double> positions = detail::tick_values(lower.x);
  std::vector<std::string> labels;
  labels.reserve(positions.size());
  for (const double h : positions) {
    labels.push_back(clock_label(h));
  }
  page.x_labels(lower, positions, labels, "时刻 time of day");
  return page.finish({upper, lower});
}

RenderedChart draw_wait_chart(const WaitChartData& data, const ChartOptions& options) {
  assert(data.bin_minutes > 0.0 && data.target_minutes > 0.0 && valid_count(data.longer));
  assert(data.share_over_target >= 0.0 && data.share_over_target <= 1.0);
  double tallest = data.longer;
  double total = data.longer;
  for (const double c : data.counts) {
    assert(valid_count(c));
    tallest = std::max(tallest, c);
    total += c;
  }
  ChartPage page(options);
  const double t = page.text();
  const std::string target = minutes_text(data.target_minutes);
  std::vector<LegendItem> legend{
      {LegendMark::bar, kChartWithinTarget,
       detail::concat({"不超过", target, "分钟 within ", target, " min"})},
      {LegendMark::bar, kChartOverTarget,
       detail::concat({"超过", target, "分钟 over ", target, " min"})},
      {LegendMark::line, kChartTarget, "目标 target"}};
  if (data.p90_minutes) {
    legend.push_back(
        {LegendMark::dashed, kChartInk, "P90 九成的人等候不超过 90% waited no longer"});
  }
  const double limit = static_cast<double>(data.counts.size()) * data.bin_minutes;
  // Waits beyond the last bar get a bar of their own to the right of the axis.
  const bool longer = data.longer > 0.0;
  ChartPanel panel = page.header("等候时间分布 · How long visitors waited from ticket to call",
                                 data.subtitle, legend, longer ? 3.5 : 0.0);
  panel.x = nice_scale(0.0, std::max(limit, data.target_minutes + data.bin_minutes), 12);
  panel.y = nice_scale(0.0, std::max(tallest, 1.0), 6);
  page.y_axis(panel, detail::concat({data.count_label_zh, " ", data.count_label_en}));

  detail::Canvas& canvas = page.canvas();
  const auto bar_colour = [&](double middle) {
    return middle > data.target_minutes ? kChartOverTarget : kChartWithinTarget;
  };
  double bar_width = 0.0;
  for (std::size_t i = 0; i < data.counts.size(); ++i) {
    const double x0 = panel.x_pixel(static_cast<double>(i) * data.bin_minutes);
    const double x1 = panel.x_pixel(static_cast<double>(i + 1) * data.bin_minutes);
    bar_width = x1 - x0;
    const double inset = x1 - x0 > 6.0 ? 1.0 : 0.0;
    const double y = panel.y_pixel(data.counts[i]);
    canvas.rectangle({x0 + inset, y}, {x1 - x0 - 2.0 * inset, panel.bottom - y},
                     bar_colour((static_cast<double>(i) + 0.5) * data.bin_minutes));
  }
  if (longer) {
    const double x0 = panel.right + 1.2 * t;
    const double width = std::max(bar_width, 1.2 * t);
    const double y = panel.y_pixel(data.longer);
    canvas.rectangle({x0, y}, {width, panel.bottom - y}, bar_colour(limit + 1.0));
    canvas.rectangle({x0 - 0.3 * t, panel.bottom}, {width + 0.6 * t, 1.5}, kChartInk);
    page.label(detail::concat({">", minutes_text(limit)}),
               {x0 + width / 2.0, panel.bottom + 0.95 * t}, 0.8 * t, kChartInk);
  }
  if (total <= 0.0) {
    no_data(page, panel, "没有人等候叫号 no waits to show", 0.75);  // clear of the target line
  }

  // The target, with the share of waits over it beside it.
  const double target_x = panel.x_pixel(data.target_minutes);
  canvas.line({target_x, panel.top}, {target_x, panel.bottom}, 3.0, kChartTarget);
  page.label(detail::concat({"目标 target ", target, " min"}),
             {target_x + 0.5 * t, panel.top + 0.6 * t}, 0.85 * t, kChartTarget, Align::left, true);
  page.label(
      detail::concat({"超过目标 share over target: ", percent_text(data.share_over_target, 1)}),
      {target_x + 0.5 * t, panel.top + 1.75 * t}, 0.85 * t, kChartTarget, Align::left);
  if (data.p90_minutes) {
    const double p90 = *data.p90_minutes;
    const double x = panel.x_pixel(p90);
    canvas.dashed({{x, panel.top}, {x, panel.bottom}}, 2.0, 0.5 * t, 0.3 * t, kChartInk);
    // Away from the target's labels: left of its line when it lies left of the target.
    const bool left_side = p90 < data.target_minutes;
    page.label(detail::concat({"P90 ", one_decimal(p90), " min"}),
               {left_side ? x - 0.5 * t : x + 0.5 * t, panel.top + 3.0 * t}, 0.85 * t, kChartInk,
               left_side ? Align::right : Align::left, true);
  }

  page.frame(panel);
  const std::vector<double> positions = detail::tick_values(panel.x);
  std::vector<std::string> labels;
  labels.reserve(positions.size());
  for (const double m : positions) {
    labels.push_back(detail::tick_text(m, panel.x.step));
  }
  page.x_labels(panel, positions, labels, "等候时间（分钟）wait from ticket to call, minutes");
  return page.finish({panel});
}

RenderedChart draw_utilisation_chart(const UtilisationChartData& data,
                                     const ChartOptions& options) {
  for (const CounterUtilisation& c : data.counters) {
    assert(std::isnan(c.mean) || (c.mean >= 0.0 && c.mean <= 1.0 + 1e-9));
    assert(valid_count(c.half_width));
    (void)c;
  }
  ChartPage page(options);
  const double t = page.text();
  std::vector<LegendItem> legend;
  for (const layout::CounterType type : detail::all_counter_types()) {
    if (std::any_of(data.counters.begin(), data.counters.end(),
                    [type](const CounterUtilisation& c) { return c.type == type; })) {
      const detail::Names names = detail::names_of(type);
      legend.push_back(
          {LegendMark::bar, counter_fill(type), detail::concat({names.zh, " ", names.en})});
    }
  }
  legend.push_back({LegendMark::whisker, kChartInk, "95% 置信区间 95% interval over runs"});
  if (data.overall) {
    legend.push_back({LegendMark::dashed, kChartInk,
                      detail::concat({"全部窗口 all counters: ", percent_text(*data.overall, 0)})});
  }
  ChartPanel panel = page.header("窗口利用率 · Counter utilisation (busy time / staffed time)",
                                 data.subtitle, legend);
  const auto n = static_cast<double>(std::max<std::size_t>(data.counters.size(), 1));
  panel.x = {0.0, n, 1.0};
  panel.y = {0.0, 1.0, 0.2};
  page.y_axis(panel, "利用率 utilisation", true);

  detail::Canvas& canvas = page.canvas();
  const double slot = (panel.right - panel.left) / n;
  const bool value_labels = slot >= 2.2 * t;
  std::vector<double> positions;
  std::vector<std::string> labels;
  for (std::size_t i = 0; i < data.counters.size(); ++i) {
    const CounterUtilisation& c = data.counters[i];
    const double middle = static_cast<double>(i) + 0.5;
    const double cx = panel.x_pixel(middle);
    positions.push_back(middle);
    labels.push_back(c.number);
    if (std::isnan(c.mean)) {
      page.label("未开 closed", {cx, panel.bottom - 0.6 * t}, 0.7 * t, kSoftInk);
      continue;
    }
    const double half = 0.32 * slot;
    const double y = panel.y_pixel(c.mean);
    canvas.rectangle({cx - half, y}, {2.0 * half, panel.bottom - y}, counter_fill(c.type));
    double top = y;
    if (c.half_width > 0.0) {
      const double hi = panel.y_pixel(std::min(1.0, c.mean + c.half_width));
      const double lo = panel.y_pixel(std::max(0.0, c.mean - c.half_width));
      const double cap = 0.3 * half;
      canvas.line({cx, hi}, {cx, lo}, 2.0, kChartInk);
      canvas.line({cx - cap, hi}, {cx + cap, hi}, 2.0, kChartInk);
      canvas.line({cx - cap, lo}, {cx + cap, lo}, 2.0, kChartInk);
      top = std::min(top, hi);
    }
    if (value_labels) {
      page.label(percent_text(c.mean, 0), {cx, top - 0.55 * t}, 0.7 * t, kChartInk);
    }
  }
  if (data.overall) {
    const double y = panel.y_pixel(*data.overall);
    canvas.dashed({{panel.left, y}, {panel.right, y}}, 2.0, 0.5 * t, 0.3 * t, kChartInk);
  }
  if (data.counters.empty()) {
    no_data(page, panel, "没有窗口 no counters");
  }
  page.frame(panel);
  page.x_labels(panel, positions, labels, "窗口号 counter number");
  return page.finish({panel});
}

}  // namespace hallsim::render
