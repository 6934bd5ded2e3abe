#include "chart_page.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/render/picture.hpp"

namespace hallsim::render {

AxisScale nice_scale(double low, double high, int most_ticks) {
  assert(most_ticks >= 1 && std::isfinite(low) && std::isfinite(high));
  if (!(high > low)) {
    high = low + 1.0;
  }
  const double range = high - low;
  // Start a decade below the rough step and take the first candidate that fits.
  double power = std::pow(10.0, std::floor(std::log10(range / most_ticks)) - 1.0);
  for (;;) {
    for (const double factor : {1.0, 2.0, 5.0}) {
      const double step = factor * power;
      // A hair of tolerance so that 0.3 / 0.1 does not round up to four steps.
      const double first = std::floor(low / step + 1e-9);
      const double last = std::ceil(high / step - 1e-9);
      if (last - first <= most_ticks) {
        return {first * step, last * step, step};
      }
    }
    power *= 10.0;
  }
}

namespace detail {

namespace {

constexpr Rgba kTitleInk{30, 30, 30, 255};
constexpr Rgba kSoftInk{100, 100, 100, 255};

ChartOptions checked(const ChartOptions& options) {
  layout::DiagnosticSink sink("chart options");
  if (options.width_px < 480 || options.width_px > 4000) {
    sink.error("/width_px",
               "the chart width " + std::to_string(options.width_px) + " px is out of range",
               "choose a width from 480 to 4000 pixels");
  }
  if (options.height_px < 320 || options.height_px > 4000) {
    sink.error("/height_px",
               "the chart height " + std::to_string(options.height_px) + " px is out of range",
               "choose a height from 320 to 4000 pixels");
  }
  if (options.supersample < 1 || options.supersample > 4) {
    sink.error("/supersample", "supersampling must be 1 to 4", "use 2 (the default) or 1");
  }
  sink.throw_if_any();
  return options;
}

}  // namespace

int chart_text_size(int width_px, int height_px) {
  const double size = std::min(width_px / 75.0, height_px / 42.0);
  return std::clamp(static_cast<int>(std::lround(size)), 11, 40);
}

ChartPage::ChartPage(const ChartOptions& options)
    : options_(checked(options)),
      text_(chart_text_size(options.width_px, options.height_px)),
      margin_(std::round(1.5 * text_)),
      font_(resolve_font_file(options.font_file, std::getenv(kFontEnvironmentVariable))),
      canvas_(options.width_px, options.height_px, options.supersample, font_) {}

void ChartPage::label(const std::string& utf8, const Pixel& anchor, double size, Rgba colour,
                      Align align, bool bold) {
  canvas_.text(utf8, anchor, size, colour, align, bold);
  const int side = align == Align::left ? -1 : align == Align::right ? 1 : 0;
  texts_.push_back({utf8, anchor, side});
}

namespace {

// Draws the mark of a legend entry in the box [x, x + w] around row y.
void legend_mark(Canvas& canvas, const LegendItem& item, double x, double y, double w, double t) {
  switch (item.mark) {
    case LegendMark::line:
      canvas.line({x, y}, {x + w, y}, std::max(2.0, 0.16 * t), item.colour);
      canvas.disc({x + w / 2.0, y}, 0.25 * t, item.colour);
      break;
    case LegendMark::dashed:
      canvas.dashed({{x, y}, {x + w, y}}, std::max(2.0, 0.16 * t), 0.4 * t, 0.25 * t, item.colour);
      break;
    case LegendMark::bar:
      canvas.rectangle({x + 0.15 * w, y - 0.4 * t}, {0.7 * w, 0.8 * t}, item.colour);
      break;
    case LegendMark::shade:
      canvas.rectangle({x, y - 0.45 * t}, {w, 0.9 * t}, item.colour);
      break;
    case LegendMark::whisker: {
      const double cx = x + w / 2.0;
      canvas.line({cx, y - 0.45 * t}, {cx, y + 0.45 * t}, 1.5, item.colour);
      canvas.line({cx - 0.25 * t, y - 0.45 * t}, {cx + 0.25 * t, y - 0.45 * t}, 1.5, item.colour);
      canvas.line({cx - 0.25 * t, y + 0.45 * t}, {cx + 0.25 * t, y + 0.45 * t}, 1.5, item.colour);
      break;
    }
  }
}

}  // namespace

ChartPanel ChartPage::header(const std::string& title, const std::string& subtitle,
                             const std::vector<LegendItem>& legend, double right_room) {
  const double t = text_;
  const double m = margin_;
  const double room = options_.width_px - 2.0 * m;
  // The title shrinks rather than run off the page.
  double size = 1.35 * t;
  size *= std::min(1.0, room / std::max(1.0, canvas_.measure(title, size, true).x()));
  label(title, {m, m + 0.7 * t}, size, kTitleInk, Align::left, true);
  double small = 0.85 * t;
  small *= std::min(1.0, room / std::max(1.0, canvas_.measure(subtitle, small).x()));
  label(subtitle, {m, m + 1.95 * t}, small, kSoftInk, Align::left);

  // Legend rows, left to right, wrapping where the next entry would not fit.
  const double entry = 0.8 * t;
  const double mark_width = 1.6 * t;
  double x = m;
  double y = m + 3.2 * t;
  for (const LegendItem& item : legend) {
    const double width = mark_width + 0.4 * t + canvas_.measure(item.label, entry).x();
    if (x > m && x + width > m + room) {
      x = m;
      y += 1.3 * t;
    }
    legend_mark(canvas_, item, x, y, mark_width, t);
    label(item.label, {x + mark_width + 0.4 * t, y}, entry, kTitleInk, Align::left);
    x += width + 1.5 * t;
  }
  const double header_bottom = (legend.empty() ? m + 2.5 * t : y + 0.7 * t);

  ChartPanel panel;
  panel.left = std::round(m + 4.0 * t);
  panel.right = std::round(options_.width_px - m - (1.0 + right_room) * t);
  panel.top = std::round(header_bottom + 1.8 * t);
  panel.bottom = std::round(options_.height_px - m - 2.6 * t);
  return panel;
}

std::vector<double> tick_values(const AxisScale& scale) {
  std::vector<double> ticks;
  const auto n = static_cast<int>(std::lround((scale.max - scale.min) / scale.step));
  for (int i = 0; i <= n; ++i) {
    ticks.push_back(scale.min + i * scale.step);
  }
  return ticks;
}

std::string tick_text(double value, double step, bool percent) {
  if (percent) {
    value *= 100.0;
    step *= 100.0;
  }
  const int decimals = step >= 1.0 ? 0 : static_cast<int>(std::ceil(-std::log10(step) - 1e-9));
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.*f%s", decimals, value, percent ? "%" : "");
  return buffer.data();
}

void ChartPage::y_axis(const ChartPanel& panel, const std::string& title, bool percent) {
  const double t = text_;
  for (const double v : tick_values(panel.y)) {
    const double y = panel.y_pixel(v);
    canvas_.line({panel.left, y}, {panel.right, y}, 1.0, kChartGrid);
    canvas_.line({panel.left - 0.3 * t, y}, {panel.left, y}, 1.5, kChartInk);
    label(tick_text(v, panel.y.step, percent), {panel.left - 0.45 * t, y}, 0.8 * t, kChartInk,
          Align::right);
  }
  label(title, {margin_, panel.top - 0.9 * t}, 0.85 * t, kChartInk, Align::left, true);
}

void ChartPage::x_grid(const ChartPanel& panel) {
  for (const double v : tick_values(panel.x)) {
    const double x = panel.x_pixel(v);
    canvas_.line({x, panel.top}, {x, panel.bottom}, 1.0, kChartGrid);
  }
}

void ChartPage::x_labels(const ChartPanel& panel, const std::vector<double>& positions,
                         const std::vector<std::string>& labels, const std::string& title) {
  assert(positions.size() == labels.size());
  const double t = text_;
  for (std::size_t i = 0; i < positions.size(); ++i) {
    const double x = panel.x_pixel(positions[i]);
    canvas_.line({x, panel.bottom}, {x, panel.bottom + 0.3 * t}, 1.5, kChartInk);
    label(labels[i], {x, panel.bottom + 0.95 * t}, 0.8 * t, kChartInk);
  }
  label(title, {(panel.left + panel.right) / 2.0, panel.bottom + 2.1 * t}, 0.85 * t, kChartInk,
        Align::centre, true);
}

void ChartPage::frame(const ChartPanel& panel) {
  // Outside the rectangle, so that bars standing on the axis keep their measured height.
  canvas_.rectangle({panel.left - 1.5, panel.top}, {1.5, panel.bottom - panel.top + 1.5},
                    kChartInk);
  canvas_.rectangle({panel.left - 1.5, panel.bottom}, {panel.right - panel.left + 1.5, 1.5},
                    kChartInk);
}

RenderedChart ChartPage::finish(std::vector<ChartPanel> panels) {
  RenderedChart chart;
  chart.image = canvas_.finish();
  chart.panels = std::move(panels);
  chart.texts = std::move(texts_);
  return chart;
}

}  // namespace detail
}  // namespace hallsim::render
