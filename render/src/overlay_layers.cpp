// Analysis results over the plan: the egress heat map and contour, routes, failure marks.

#include <array>
#include <cassert>
#include <cmath>
#include <cstdio>

#include "hallsim/render/palette.hpp"
#include "names.hpp"
#include "painter.hpp"
#include "shapes.hpp"

namespace hallsim::render::detail {

namespace {

constexpr std::uint8_t kHeatAlpha = 170;  // the zones and furniture still show through
constexpr Rgba kLimitLine{120, 0, 30, 255};

std::string metres(double value) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.1f m", value);
  return buffer.data();
}

double polyline_length(const std::vector<Point>& points) {
  double total = 0.0;
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    total += (points[i + 1] - points[i]).norm();
  }
  return total;
}

void arrow_head(Painter& p, const Pixel& from, const Pixel& to, double size, Rgba colour) {
  const Pixel d = to - from;
  if (d.norm() <= 0.0) {
    return;
  }
  const Pixel u = d.normalized();
  const Pixel side(-u.y(), u.x());
  p.canvas.fill_convex({to, to - u * size + side * size * 0.55, to - u * size - side * size * 0.55},
                       colour);
}

void cross_mark(Painter& p, const Pixel& c, double r, double width, Rgba colour) {
  p.canvas.line(c + Pixel(-r, -r), c + Pixel(r, r), width, colour);
  p.canvas.line(c + Pixel(-r, r), c + Pixel(r, -r), width, colour);
}

// A mark's label on its right, or on its left where the right would run off the picture.
void mark_label(Painter& p, const std::string& text, const Pixel& at, double radius, double size,
                Rgba colour, double lower = 0.0) {
  const Pixel centre = at + Pixel(0.0, lower);
  const double width = p.canvas.measure(text, size, true).x();
  const double gap = radius * 1.4;
  if (centre.x() + gap + width + size * 0.3 > p.canvas.width()) {
    boxed_text(p.canvas, text, centre - Pixel(gap, 0.0), size, colour, Align::right);
  } else {
    boxed_text(p.canvas, text, centre + Pixel(gap, 0.0), size, colour, Align::left);
  }
}

}  // namespace

void draw_heat_map(Painter& p, const EgressOverlay& egress) {
  const ScalarGrid& grid = egress.distance;
  assert(grid.columns >= 0 && grid.rows >= 0 &&
         grid.values.size() ==
             static_cast<std::size_t>(grid.columns) * static_cast<std::size_t>(grid.rows));
  assert(egress.limit > 0.0);
  std::vector<std::array<Pixel, 4>> cells;
  std::vector<Rgba> colours;
  for (int r = 0; r < grid.rows; ++r) {
    for (int c = 0; c < grid.columns; ++c) {
      const double value = grid.at(c, r);
      if (std::isnan(value)) {
        continue;
      }
      const Point sw = grid.origin + Point(c * grid.cell, r * grid.cell);
      const Point ne = sw + Point(grid.cell, grid.cell);
      cells.push_back(
          {p.px(Point(sw.x(), ne.y())), p.px(ne), p.px(Point(ne.x(), sw.y())), p.px(sw)});
      colours.push_back(with_alpha(egress_colour(value, egress.limit), kHeatAlpha));
    }
  }
  p.canvas.fill_quads(cells, colours);
  for (const Segment& s : contour_segments(grid, egress.limit)) {
    const Pixel a = p.px(s.a);
    const Pixel b = p.px(s.b);
    p.canvas.line(a, b, p.sizes.thick, kLimitLine);
    p.canvas.disc(a, p.sizes.thick / 2.0, kLimitLine);
    p.canvas.disc(b, p.sizes.thick / 2.0, kLimitLine);
  }
}

void draw_overlay_marks(Painter& p, const Overlays& overlays) {
  const double text = p.sizes.text * 0.8;
  if (overlays.access) {
    for (const AccessRoute& route : overlays.access->routes) {
      const std::vector<Pixel> path = p.px(route.path);
      if (route.ok) {
        p.canvas.polyline(path, p.sizes.medium, with_alpha(kRouteBlue, 210));
      } else {
        p.canvas.dashed(path, p.sizes.medium * 1.3, p.sizes.text * 0.6, p.sizes.text * 0.35,
                        kFailureRed);
      }
      if (path.size() >= 2) {
        arrow_head(p, path[path.size() - 2], path.back(), p.sizes.text * 0.7,
                   route.ok ? kRouteBlue : kFailureRed);
      }
    }
    // Blocking elements last, so that no route hides them.
    for (const AccessRoute& route : overlays.access->routes) {
      if (route.ok || !route.blocked_at) {
        continue;
      }
      const Pixel c = p.px(*route.blocked_at);
      const double r = p.sizes.text * 0.7;
      p.canvas.disc(c, r, {255, 255, 255, 255});
      p.canvas.ring(c, r, p.sizes.medium, kFailureRed);
      cross_mark(p, c, r * 0.55, p.sizes.medium, kFailureRed);
      const std::string label = route.blocking_element.empty()
                                    ? "无法通行 blocked"
                                    : concat({"阻断 blocked: ", route.blocking_element});
      mark_label(p, label, c, r, text, kFailureRed);
    }
  }
  if (overlays.egress) {
    const EgressOverlay& egress = *overlays.egress;
    if (egress.worst_route.size() >= 2) {
      const std::vector<Pixel> path = p.px(egress.worst_route);
      p.canvas.polyline(path, p.sizes.thick, kWorstRoutePurple);
      arrow_head(p, path[path.size() - 2], path.back(), p.sizes.text * 0.9, kWorstRoutePurple);
    }
    if (egress.worst) {
      const Pixel c = p.px(*egress.worst);
      const double r = p.sizes.text * 0.6;
      p.canvas.disc(c, r, {255, 255, 255, 255});
      p.canvas.ring(c, r, p.sizes.medium, kWorstRoutePurple);
      cross_mark(p, c, r * 0.5, p.sizes.medium, kWorstRoutePurple);
      std::string label = "最远点 furthest";
      if (egress.worst_route.size() >= 2) {
        label = concat({label, " ", metres(polyline_length(egress.worst_route))});
      }
      label = concat({label, " / ", metres(egress.limit)});
      mark_label(p, label, c, r, text, kWorstRoutePurple);
    }
  }
  if (overlays.check) {
    for (const CheckMark& mark : overlays.check->failures) {
      const Rgba colour = mark.warning ? kWarningAmber : kFailureRed;
      const Pixel c = p.px(mark.where);
      const double r = p.sizes.text * 0.75;
      p.canvas.ring(c, r, p.sizes.medium * 1.2, colour);
      p.canvas.disc(c, p.sizes.medium * 1.2, colour);
      const std::string label =
          mark.note.empty() ? mark.clause : concat({mark.clause, " ", mark.note});
      // A line lower than other marks' labels: a failed clause often sits on a blocked route.
      mark_label(p, label, c, r, text, colour, text * 1.3);
    }
  }
}

}  // namespace hallsim::render::detail
