// render_plan: checks the options, lays out the page (title, plan, scale bar, legend) and runs
// the layers in order.

#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "canvas.hpp"
#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/render/palette.hpp"
#include "hallsim/render/picture.hpp"
#include "heat.hpp"
#include "names.hpp"
#include "painter.hpp"
#include "snapshot.hpp"

namespace hallsim::render {

namespace {

void check_options(const RenderOptions& options) {
  layout::DiagnosticSink sink("render options");
  if (options.width_px < kMinWidthPx || options.width_px > kMaxWidthPx) {
    sink.error("/width_px", "the width " + std::to_string(options.width_px) + " px is out of range",
               "choose a width from " + std::to_string(kMinWidthPx) + " to " +
                   std::to_string(kMaxWidthPx) + " pixels");
  }
  if (options.supersample < 1 || options.supersample > 4) {
    sink.error("/supersample", "supersampling must be 1 to 4", "use 2 (the default) or 1");
  }
  if (options.margin_px < 0 || options.margin_px > options.width_px / 4) {
    sink.error("/margin_px", "the margin must be 0 to a quarter of the width",
               "use the default of 24 px");
  }
  if (!(options.plan_padding_em >= 0.0 && options.plan_padding_em <= 10.0)) {
    sink.error("/plan_padding_em", "the padding must be 0 to 10 text sizes",
               "use the default of 4.6");
  }
  if (!(options.exterior_wall_m >= 0.0 && options.exterior_wall_m <= 2.0)) {
    sink.error("/exterior_wall_m", "the exterior wall must be 0 to 2 m thick",
               "use the default of 0.24 m");
  }
  sink.throw_if_any();
}

std::string title_of(const layout::Plan& plan) {
  const detail::Names level = detail::names_of(plan.site().level);
  std::array<char, 64> area{};
  std::snprintf(area.data(), area.size(), "%.0f m²", plan.building_area());
  return detail::concat({level.zh, " ", level.en, " · ", area.data(), " · ",
                         std::to_string(plan.counters().size()), " 窗口 windows"});
}

constexpr Rgba kInk{40, 40, 40, 255};

void draw_title(detail::Canvas& canvas, const layout::Plan& plan, const RenderOptions& options,
                double text) {
  const double y = options.margin_px + text * 1.3;
  const double x = options.margin_px;
  const std::string name = plan.site().name;
  double size = text * 1.5;
  const double room = options.width_px - 2.0 * options.margin_px;
  const std::string rest = title_of(plan);
  const double needed =
      canvas.measure(name, size, true).x() + canvas.measure(rest, text).x() + text * 1.5;
  const double shrink = needed > room ? room / needed : 1.0;
  canvas.text(name, detail::Pixel(x, y), size * shrink, kInk, detail::Align::left, true);
  const double after = x + canvas.measure(name, size * shrink, true).x() + text * 1.2 * shrink;
  canvas.text(rest, detail::Pixel(after, y), text * shrink, {90, 90, 90, 255}, detail::Align::left);
}

ScaleBar place_scale_bar(const PictureFrame& frame, const RenderOptions& options, double text) {
  ScaleBar bar;
  const double plan_bottom = frame.top + frame.size_px().y();
  const double plan_width_px =
      options.width_px - 2.0 * (options.margin_px + plan_padding_px(options));
  bar.length_m = scale_bar_length_m(frame.pixels_per_metre, plan_width_px);
  bar.length_px = bar.length_m * frame.pixels_per_metre;
  bar.left = options.margin_px + plan_padding_px(options);
  bar.top = std::round(plan_bottom + plan_padding_px(options) + text * 0.4);
  bar.height = std::round(text * 0.5);
  return bar;
}

void draw_scale_bar(detail::Canvas& canvas, const ScaleBar& bar, double text) {
  const Rgba black{0, 0, 0, 255};
  const Rgba white{255, 255, 255, 255};
  canvas.rectangle({bar.left, bar.top}, {bar.length_px, bar.height}, black);
  // Four parts, the second and the fourth hollow: the classic alternating bar.
  const double part = bar.length_px / 4.0;
  for (const int k : {1, 3}) {
    canvas.rectangle({bar.left + k * part, bar.top + 1.0},
                     {k == 3 ? part - 1.0 : part, bar.height - 2.0}, white);
  }
  const double label_y = bar.top + bar.height + text * 0.75;
  const std::string full = detail::length_label(bar.length_m);
  if (bar.length_px < text * 6.0) {
    // Too short for three labels under it: its length beside it.
    canvas.text(full, {bar.left + bar.length_px + text * 0.5, bar.top + bar.height / 2.0},
                text * 0.8, kInk, detail::Align::left);
    return;
  }
  canvas.text("0", {bar.left, label_y}, text * 0.8, kInk);
  canvas.text(detail::length_label(bar.length_m / 2.0), {bar.left + bar.length_px / 2.0, label_y},
              text * 0.8, kInk);
  canvas.text(full, {bar.left + bar.length_px, label_y}, text * 0.8, kInk);
}

void draw_north_arrow(detail::Canvas& canvas, const ScaleBar& bar, const RenderOptions& options,
                      double text) {
  const double x = options.width_px - options.margin_px - plan_padding_px(options) - text;
  const double top = bar.top - text * 0.2;
  const detail::Pixel tip(x, top);
  const detail::Pixel base_left(x - text * 0.5, top + text * 1.5);
  const detail::Pixel base_right(x + text * 0.5, top + text * 1.5);
  const detail::Pixel notch(x, top + text * 1.1);
  canvas.fill_convex({tip, notch, base_left}, kInk);
  canvas.fill_convex({tip, base_right, notch}, {150, 150, 150, 255});
  canvas.text("N 北", {x - text * 0.9, top + text * 0.75}, text * 0.9, kInk, detail::Align::right,
              true);
}

}  // namespace

RenderedPlan render_plan(const layout::Plan& plan, const Overlays& overlays,
                         const RenderOptions& options) {
  check_options(options);
  // Declared first so that it is closed last, after every SFML object of this picture.
  const detail::DisplayHold display;
  const detail::Font font(
      resolve_font_file(options.font_file, std::getenv(kFontEnvironmentVariable)));

  RenderedPlan result;
  result.frame = picture_frame(plan, options);
  const PictureFrame& frame = result.frame;
  const double text = base_text_size(options.width_px);
  result.scale_bar = place_scale_bar(frame, options, text);
  const double footer_bottom = result.scale_bar.top + result.scale_bar.height + text * 1.8;

  const std::vector<detail::LegendSection> legend =
      options.legend ? detail::legend_for(plan, overlays) : std::vector<detail::LegendSection>{};
  const double legend_width = options.width_px - 2.0 * options.margin_px;
  const detail::LegendGrid grid = detail::layout_legend(legend, font, text, legend_width);
  const double legend_top = footer_bottom + text * 0.8;
  const int height = static_cast<int>(
      std::ceil((legend.empty() ? footer_bottom : legend_top + grid.height) + options.margin_px));

  detail::Canvas canvas(options.width_px, height, options.supersample, font);
  detail::Painter painter{canvas, plan, frame, options, detail::Sizes(text), {}, {}};
  painter.walls = detail::wall_lines(plan);
  painter.openings = detail::place_openings(plan, painter.walls);

  detail::draw_floor_and_zones(painter);
  if (overlays.egress) {
    detail::draw_heat_map(painter, *overlays.egress);
  }
  detail::draw_level_changes(painter);
  if (overlays.heat) {
    detail::draw_density_map(painter, *overlays.heat);
  }
  detail::draw_furniture(painter);
  if (overlays.heat) {
    detail::draw_density_on_seats(painter, *overlays.heat);
  }
  detail::draw_walls(painter);
  detail::draw_openings(painter);
  detail::draw_points_of_interest(painter);
  detail::draw_zone_labels(painter);
  detail::draw_opening_labels(painter);
  detail::draw_overlay_marks(painter, overlays);

  draw_title(canvas, plan, options, text);
  draw_scale_bar(canvas, result.scale_bar, text);
  draw_north_arrow(canvas, result.scale_bar, options, text);
  if (!legend.empty()) {
    detail::draw_legend(canvas, legend, grid, painter.sizes,
                        {static_cast<double>(options.margin_px), legend_top});
  }
  result.image = canvas.finish();
  if (overlays.snapshot) {
    // The moving parts at the picture's own size, as the viewer draws them over its frames.
    sf::Font moving;
    detail::load_font(moving,
                      resolve_font_file(options.font_file, std::getenv(kFontEnvironmentVariable)));
    result.image = detail::with_snapshot(result.image, moving, plan, frame, *overlays.snapshot,
                                         text, options.margin_px);
  }
  return result;
}

}  // namespace hallsim::render
