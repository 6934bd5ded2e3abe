#include "heat.hpp"

#include <array>
#include <cassert>
#include <cmath>
#include <cstdio>

#include "hallsim/render/playback.hpp"
#include "snapshot.hpp"

namespace hallsim::render::detail {

namespace {

std::string number(double value) {
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "%g", std::round(value * 1000.0) / 1000.0);
  return text.data();
}

}  // namespace

void draw_density_map(Painter& p, const HeatOverlay& heat) {
  const ScalarGrid& grid = heat.density;
  assert(grid.columns >= 0 && grid.rows >= 0 &&
         grid.values.size() ==
             static_cast<std::size_t>(grid.columns) * static_cast<std::size_t>(grid.rows));
  assert(heat.scale_max > 0.0);
  std::vector<std::array<Pixel, 4>> cells;
  std::vector<Rgba> colours;
  for (int r = 0; r < grid.rows; ++r) {
    for (int c = 0; c < grid.columns; ++c) {
      const double value = grid.at(c, r);
      if (!(value > 0.0)) {
        continue;  // nobody there (or no floor): the plan shows bare
      }
      const Point sw = grid.origin + Point(c * grid.cell, r * grid.cell);
      const Point ne = sw + Point(grid.cell, grid.cell);
      cells.push_back(
          {p.px(Point(sw.x(), ne.y())), p.px(ne), p.px(Point(ne.x(), sw.y())), p.px(sw)});
      colours.push_back(with_alpha(density_colour(value, heat.scale_max), kDensityAlpha));
    }
  }
  p.canvas.fill_quads(cells, colours);
}

void draw_density_on_seats(Painter& p, const HeatOverlay& heat) {
  const ScalarGrid& grid = heat.density;
  std::vector<std::array<Pixel, 4>> cells;
  std::vector<Rgba> colours;
  for (const layout::SeatRow& row : p.plan.seat_rows()) {
    const layout::Box box = layout::bounding_box(row.footprint);
    const double box_area = (box.max - box.min).prod();
    if (!(box_area > 0.0) || std::abs(layout::area(row.footprint) - box_area) > 1e-6 * box_area) {
      continue;  // only rows drawn as upright rectangles are clipped exactly by their box
    }
    const auto first = [&](double v, double o) {
      return std::max(0, static_cast<int>(std::floor((v - o) / grid.cell)));
    };
    for (int r = first(box.min.y(), grid.origin.y()); r < grid.rows; ++r) {
      const double y0 = grid.origin.y() + r * grid.cell;
      if (y0 >= box.max.y()) {
        break;
      }
      for (int c = first(box.min.x(), grid.origin.x()); c < grid.columns; ++c) {
        const double x0 = grid.origin.x() + c * grid.cell;
        if (x0 >= box.max.x()) {
          break;
        }
        const double value = grid.at(c, r);
        if (!(value > 0.0)) {
          continue;
        }
        const Point sw(std::max(x0, box.min.x()), std::max(y0, box.min.y()));
        const Point ne(std::min(x0 + grid.cell, box.max.x()),
                       std::min(y0 + grid.cell, box.max.y()));
        cells.push_back(
            {p.px(Point(sw.x(), ne.y())), p.px(ne), p.px(Point(ne.x(), sw.y())), p.px(sw)});
        colours.push_back(with_alpha(density_colour(value, heat.scale_max), kDensityAlpha));
      }
    }
  }
  p.canvas.fill_quads(cells, colours);
}

LegendSection density_legend(const HeatOverlay& heat) {
  LegendSection section{heat.title + (heat.period.empty() ? "" : " · " + heat.period), {}};
  const double step = heat.scale_max / kDensitySteps;
  for (int k = 0; k < kDensitySteps; ++k) {
    const double low = step * k;
    const double high = step * (k + 1);
    // Each swatch shows the colour at the top of its step.
    const std::string label = k + 1 == kDensitySteps
                                  ? number(low) + " – " + number(high) + "+ 人/m²"
                                  : number(low) + " – " + number(high) + " 人/m²";
    section.entries.push_back(
        {Swatch::area, density_colour(high, heat.scale_max), "", label, {255, 255, 255, 255}});
  }
  return section;
}

LegendSection snapshot_legend(const SnapshotOverlay& snapshot) {
  LegendSection section{"时刻 " + snapshot.clock + " · 在厅 " +
                            std::to_string(snapshot.visitors.size()) + " 人 people in the hall",
                        {}};
  for (const VisitorState state :
       {VisitorState::walking, VisitorState::in_line, VisitorState::waiting_seated,
        VisitorState::waiting_standing, VisitorState::at_kiosk, VisitorState::being_served,
        VisitorState::at_guidance_desk}) {
    section.entries.push_back(
        {Swatch::disc, visitor_colour(state), "", state_label(state), {255, 255, 255, 255}});
  }
  section.entries.push_back({Swatch::disc,
                             kOpenCounter,
                             "",
                             "开放窗口 Counter open (clerk's place)",
                             {255, 255, 255, 255}});
  section.entries.push_back({Swatch::area,
                             {150, 150, 150, 255},
                             "",
                             "未开放窗口 Counter closed (greyed)",
                             {255, 255, 255, 255}});
  return section;
}

}  // namespace hallsim::render::detail
