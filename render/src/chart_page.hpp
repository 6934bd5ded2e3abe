#pragma once
// The page every chart shares: the options checked, the display held, the font read; the title,
// subtitle and legend at the top; the plot rectangle; axes with ticks and labels. Sizes follow
// one text size so that a chart reads the same at any width.

#include <string>
#include <vector>

#include "canvas.hpp"
#include "hallsim/render/charts.hpp"

namespace hallsim::render::detail {

/// How a legend entry shows its series.
enum class LegendMark { line, dashed, bar, shade, whisker };

/// One entry of a chart's legend.
struct LegendItem {
  LegendMark mark = LegendMark::bar;
  Rgba colour;
  std::string label;
};

/// Base text size of a chart: round(min(width / 75, height / 42)), 11 to 40 pixels.
int chart_text_size(int width_px, int height_px);

/// A chart being drawn. The plot rectangle is placed from the text size alone (not from the
/// measured texts), so that where a value lands can be worked out by hand.
class ChartPage {
 public:
  /// Checks `options` (throws layout::InputError), holds the display (RenderError without one),
  /// reads the font and opens the canvas.
  explicit ChartPage(const ChartOptions& options);

  Canvas& canvas() { return canvas_; }
  double text() const { return text_; }      ///< base text size, pixels
  double margin() const { return margin_; }  ///< white border, pixels

  /// Draws the title (Chinese and English), the subtitle and the legend (in as many rows as it
  /// needs), and returns the plot rectangle below them, `right_room` text sizes narrower on the
  /// right. Its y axis title goes above its top-left corner; its x labels below it.
  ChartPanel header(const std::string& title, const std::string& subtitle,
                    const std::vector<LegendItem>& legend, double right_room = 0.0);

  /// Draws a text and records it.
  void label(const std::string& utf8, const Pixel& anchor, double size, Rgba colour,
             Align align = Align::centre, bool bold = false);

  /// Light horizontal grid lines and labels at the y ticks (left of the plot), the axis title
  /// above the plot's top-left corner; `percent` writes values as percentages.
  void y_axis(const ChartPanel& panel, const std::string& title, bool percent = false);
  /// Light vertical grid lines at the x ticks.
  void x_grid(const ChartPanel& panel);
  /// Tick marks and their labels under the plot (`labels[i]` at `positions[i]`, values of the
  /// x axis), and the axis title under them.
  void x_labels(const ChartPanel& panel, const std::vector<double>& positions,
                const std::vector<std::string>& labels, const std::string& title);
  /// The axis lines along the left and bottom edges, outside the plot rectangle.
  void frame(const ChartPanel& panel);

  /// Finishes the picture.
  RenderedChart finish(std::vector<ChartPanel> panels);

 private:
  ChartOptions options_;
  double text_;
  double margin_;
  DisplayHold display_;  // first in, last out: SFML's objects must go before it
  Font font_;
  Canvas canvas_;
  std::vector<ChartText> texts_;
};

/// `value` with as many decimals as `step` needs ("0.5", "12"); as a percentage when `percent`.
std::string tick_text(double value, double step, bool percent = false);

/// The values of an axis's ticks, min to max.
std::vector<double> tick_values(const AxisScale& scale);

}  // namespace hallsim::render::detail
