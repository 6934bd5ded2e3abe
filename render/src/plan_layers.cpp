// The plan itself: floor, zones, furniture, walls, doors, signs and labels.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "hallsim/render/palette.hpp"
#include "names.hpp"
#include "painter.hpp"

namespace hallsim::render::detail {

using layout::Plan;

std::vector<Pixel> Painter::px(const std::vector<Point>& points) const {
  std::vector<Pixel> out;
  out.reserve(points.size());
  for (const Point& p : points) {
    out.push_back(px(p));
  }
  return out;
}

Point Painter::plan_at(const Pixel& pixel) const {
  return {frame.extent.min.x() + (pixel.x() - frame.left) / frame.pixels_per_metre,
          frame.extent.max.y() - (pixel.y() - frame.top) / frame.pixels_per_metre};
}

Pixel Painter::direction(const Point& d) {
  const double length = d.norm();
  return length > 0.0 ? Pixel(d.x() / length, -d.y() / length) : Pixel(0.0, -1.0);
}

Rgba darker(Rgba colour, double factor) {
  const auto channel = [factor](std::uint8_t v) {
    return static_cast<std::uint8_t>(std::lround(v * (1.0 - factor)));
  };
  return {channel(colour.r), channel(colour.g), channel(colour.b), colour.a};
}

Rgba with_alpha(Rgba colour, std::uint8_t alpha) {
  colour.a = alpha;
  return colour;
}

Rgba sign_ink(Rgba fill) {
  return fill.r > 200 && fill.g > 180 ? Rgba{40, 40, 40, 255} : Rgba{255, 255, 255, 255};
}

Point label_point(const layout::Polygon& polygon) {
  Point c = layout::centroid(polygon);
  if (layout::locate(polygon, c) == layout::Containment::inside) {
    return c;
  }
  // The widest stretch of the horizontal line through the centroid that lies inside.
  std::vector<double> xs;
  const std::size_t n = polygon.size();
  for (std::size_t i = 0; i < n; ++i) {
    const Point& a = polygon[i];
    const Point& b = polygon[(i + 1) % n];
    if ((a.y() > c.y()) != (b.y() > c.y())) {
      xs.push_back(a.x() + (c.y() - a.y()) * (b.x() - a.x()) / (b.y() - a.y()));
    }
  }
  std::sort(xs.begin(), xs.end());
  double best = -1.0;
  Point chosen = c;
  for (std::size_t i = 0; i + 1 < xs.size(); i += 2) {
    if (xs[i + 1] - xs[i] > best) {
      best = xs[i + 1] - xs[i];
      chosen = Point((xs[i] + xs[i + 1]) / 2.0, c.y());
    }
  }
  return chosen;
}

namespace {

constexpr Rgba kInk{40, 40, 40, 255};
constexpr Rgba kWhite{255, 255, 255, 255};
constexpr Rgba kDoorLine{60, 60, 60, 255};
constexpr Rgba kStepOrange{217, 119, 6, 255};

// Outline and fill of a footprint.
void area(Painter& p, const layout::Polygon& footprint, Rgba fill, Rgba border) {
  const std::vector<Pixel> points = p.px(footprint);
  p.canvas.fill_polygon(points, fill);
  p.canvas.polyline(points, p.sizes.thin, border, true);
}

// The size at which `text` fits `room` pixels wide, at most `most`, or 0 if under `least`.
double fitting_size(const Canvas& canvas, const std::string& text, double room, double most,
                    double least) {
  const double width = canvas.measure(text, most).x();
  double size = width > room && width > 0.0 ? most * room / width : most;
  return size >= least ? size : 0.0;
}

// Width, height of a footprint's bounding box in pixels.
Pixel box_px(const Painter& p, const layout::Polygon& footprint) {
  const layout::Box box = layout::bounding_box(footprint);
  return (box.max - box.min) * p.frame.pixels_per_metre;
}

}  // namespace

void draw_floor_and_zones(Painter& p) {
  p.canvas.fill_polygon(p.px(p.plan.outline()), kFloor);
  for (const layout::Zone& zone : p.plan.zones()) {
    p.canvas.fill_polygon(p.px(zone.polygon), zone_fill(zone.kind));
  }
  // Borders after every fill, so a zone drawn later does not hide its neighbour's edge.
  for (const layout::Zone& zone : p.plan.zones()) {
    p.canvas.polyline(p.px(zone.polygon), p.sizes.thin, darker(zone_fill(zone.kind), 0.3), true);
  }
}

void draw_level_changes(Painter& p) {
  for (const layout::LevelChange& change : p.plan.level_changes()) {
    const Segment& line = change.line;
    const double length = line.length();
    if (length <= 0.0) {
      continue;
    }
    const Point u = (line.b - line.a) / length;
    const Point n(-u.y(), u.x());
    if (change.kind == layout::LevelChangeKind::step) {
      p.canvas.line(p.px(line.a), p.px(line.b), p.sizes.medium * 1.5, kStepOrange);
      continue;
    }
    const double half = std::max(change.width, 0.3) / 2.0;
    const std::vector<Point> body{line.a + n * half, line.b + n * half, line.b - n * half,
                                  line.a - n * half};
    const bool ramp = change.kind == layout::LevelChangeKind::ramp;
    area(p, body, ramp ? Rgba{236, 226, 190, 255} : Rgba{216, 210, 199, 255}, kInk);
    if (!ramp) {
      // Treads every 0.28 m, the usual going of a public stair.
      for (double s = 0.28; s < length - 1e-9; s += 0.28) {
        const Point m = line.a + u * s;
        p.canvas.line(p.px(m + n * half), p.px(m - n * half), p.sizes.thin, kInk);
      }
    }
    // An arrow up the slope or flight, from bottom to top.
    const Pixel a = p.px(line.a + u * std::min(0.2, length * 0.1));
    const Pixel b = p.px(line.b - u * std::min(0.2, length * 0.1));
    p.canvas.line(a, b, p.sizes.thin * 1.5, kInk);
    const Pixel d = (b - a).normalized();
    const Pixel side(-d.y(), d.x());
    const double head = p.sizes.text * 0.45;
    p.canvas.fill_convex({b, b - d * head + side * head * 0.5, b - d * head - side * head * 0.5},
                         kInk);
    if (ramp) {
      const std::string label = slope_label(change.run(), change.rise);
      const double size = fitting_size(p.canvas, label, p.px(change.width) * 0.9,
                                       p.sizes.text * 0.8, p.sizes.text * 0.5);
      if (size > 0.0) {
        p.canvas.text(label, p.px((line.a + line.b) / 2.0) + side * size * 0.8, size, kInk);
      }
    }
  }
}

namespace {

void draw_seat_row(Painter& p, const layout::SeatRow& row) {
  const layout::Polygon& f = row.footprint;
  if (f.size() < 3) {
    return;
  }
  area(p, f, {226, 211, 186, 255}, {140, 110, 70, 255});
  // Seats along the longest edge of the footprint, the priority seats first.
  const std::optional<detail::SeatRowFrame> frame = detail::seat_row_frame(row);
  if (!frame) {
    return;
  }
  const double lo_u = frame->lo_u;
  const double lo_n = frame->lo_n;
  const double hi_n = frame->hi_n;
  const double pitch = frame->pitch;
  const double inset = std::min(pitch, hi_n - lo_n) * 0.12;
  for (int k = 0; k < row.seats; ++k) {
    const double u0 = lo_u + k * pitch + inset;
    const double u1 = lo_u + (k + 1) * pitch - inset;
    const double n0 = lo_n + inset;
    const double n1 = hi_n - inset;
    const std::vector<Point> seat{frame->at(u0, n0), frame->at(u1, n0), frame->at(u1, n1),
                                  frame->at(u0, n1)};
    const Rgba colour = k < row.priority_seats ? Rgba{59, 130, 246, 255} : Rgba{139, 94, 60, 255};
    p.canvas.fill_polygon(p.px(seat), colour);
  }
}

void label_in(Painter& p, const layout::Polygon& footprint, const std::string& text, Rgba colour,
              double most, bool bold) {
  const Pixel box = box_px(p, footprint);
  const double size = std::min(
      {fitting_size(p.canvas, text, box.x() * 0.85, most, p.sizes.text * 0.45), box.y() * 0.75});
  if (size < p.sizes.text * 0.45) {
    return;
  }
  p.canvas.text(text, p.px(layout::centroid(footprint)), size, colour, Align::centre, bold);
}

}  // namespace

void draw_furniture(Painter& p) {
  for (const layout::SeatRow& row : p.plan.seat_rows()) {
    draw_seat_row(p, row);
  }
  for (const layout::Desk& desk : p.plan.desks()) {
    area(p, desk.footprint, {222, 196, 150, 255}, {140, 110, 70, 255});
    const char* text = desk.kind == layout::DeskKind::guidance  ? "咨询台"
                       : desk.kind == layout::DeskKind::writing ? "填单台"
                                                                : "";
    label_in(p, desk.footprint, text, kInk, p.sizes.text * 0.75, false);
  }
  for (const layout::Obstacle& obstacle : p.plan.obstacles()) {
    Rgba fill{150, 150, 150, 255};
    switch (obstacle.kind) {
      case layout::ObstacleKind::column:
        fill = {90, 90, 90, 255};
        break;
      case layout::ObstacleKind::furniture:
        fill = {181, 151, 112, 255};
        break;
      case layout::ObstacleKind::planter:
        fill = {122, 158, 88, 255};
        break;
      case layout::ObstacleKind::equipment:
        fill = {130, 140, 152, 255};
        break;
      case layout::ObstacleKind::other:
        break;
    }
    area(p, obstacle.footprint, fill, kInk);
  }
  for (const layout::Kiosk& kiosk : p.plan.kiosks()) {
    area(p, kiosk.footprint, {51, 65, 85, 255}, kInk);
    label_in(p, kiosk.footprint, kiosk.hours_24 ? "24h" : "自助", kWhite, p.sizes.text * 0.75,
             false);
  }
  const double dot = std::clamp(p.px(0.12), p.sizes.text * 0.18, p.sizes.text * 0.4);
  for (const layout::Counter& counter : p.plan.counters()) {
    const Rgba fill = counter_fill(counter.type);
    area(p, counter.footprint, fill, darker(fill, 0.5));
    label_in(p, counter.footprint, counter.number, kWhite, p.sizes.text * 1.2, true);
    // The clerk's seat (filled) and the visitor's place (open, or blue at a low counter).
    p.canvas.disc(p.px(counter.staff_side), dot, darker(fill, 0.35));
    if (counter.low) {
      p.canvas.disc(p.px(counter.customer_side), dot * 1.2, kRouteBlue);
    } else {
      p.canvas.ring(p.px(counter.customer_side), dot, p.sizes.thin * 1.5, darker(fill, 0.35));
    }
  }
}

void draw_walls(Painter& p) {
  for (std::size_t i = 0; i < p.walls.size(); ++i) {
    const WallLine& line = p.walls[i];
    const auto gaps = gaps_of(i, line, p.openings);
    double left = 0.0;
    double right = 0.0;
    Rgba colour = kInteriorWall;
    if (line.exterior) {
      std::tie(left, right) = exterior_wall_sides(*line.points, p.options.exterior_wall_m);
      colour = kExteriorWall;
    } else {
      left = right = line.wall->thickness / 2.0;
      if (line.wall->glass) {
        colour = kGlassWall;
      }
    }
    for (const Quad& quad : wall_band(*line.points, line.closed, left, right, gaps)) {
      p.canvas.fill_convex({p.px(quad[0]), p.px(quad[1]), p.px(quad[2]), p.px(quad[3])}, colour);
    }
  }
}

namespace {

// Thickness of the wall an opening is in, and how far it reaches on its outward side.
std::pair<double, double> wall_reach(const Painter& p, const PlacedOpening& item) {
  const WallLine& line = p.walls[item.wall_index];
  if (line.exterior) {
    return {0.0, p.options.exterior_wall_m};
  }
  const double half = line.wall->thickness / 2.0;
  return {-half, half};
}

void draw_door(Painter& p, const PlacedOpening& item) {
  const DoorSymbol& symbol = item.symbol;
  for (const auto& arc : symbol.arcs) {
    p.canvas.polyline(p.px(arc), p.sizes.thin, kDoorLine);
  }
  for (const Segment& leaf : symbol.leaves) {
    p.canvas.line(p.px(leaf.a), p.px(leaf.b), p.sizes.medium, kDoorLine);
  }
  for (const Quad& panel : symbol.panels) {
    p.canvas.fill_convex({p.px(panel[0]), p.px(panel[1]), p.px(panel[2]), p.px(panel[3])},
                         kDoorLine);
  }
  if (symbol.revolving_centre) {
    const Pixel c = p.px(*symbol.revolving_centre);
    const double r = p.px(symbol.revolving_radius);
    p.canvas.ring(c, r, p.sizes.thin, kDoorLine);
    p.canvas.line(c - Pixel(r, 0.0), c + Pixel(r, 0.0), p.sizes.medium, kDoorLine);
    p.canvas.line(c - Pixel(0.0, r), c + Pixel(0.0, r), p.sizes.medium, kDoorLine);
  }
  const bool drawn = !symbol.leaves.empty() || !symbol.panels.empty() || symbol.revolving_centre;
  if (!drawn) {
    // An open passage or a door whose swing the plan does not give: a dashed threshold.
    p.canvas.dashed({p.px(item.place.span.a), p.px(item.place.span.b)}, p.sizes.thin,
                    p.sizes.text * 0.3, p.sizes.text * 0.2, kDoorLine);
  }
}

// Lines of text stacked beyond `from` along the pixel direction `out`, each on a white box.
void labels_beyond(Painter& p, const std::vector<std::pair<std::string, Rgba>>& lines,
                   const Pixel& from, const Pixel& out, double size) {
  const bool sideways = std::abs(out.x()) > std::abs(out.y());
  const double line_height = size * 1.35;
  const double block = line_height * static_cast<double>(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    Pixel anchor;
    Align align = Align::centre;
    if (sideways) {
      // Beside the wall, the block centred on the opening.
      anchor = from + out * (size * 0.4) +
               Pixel(0.0, -block / 2.0 + line_height * (static_cast<double>(i) + 0.5));
      align = out.x() > 0 ? Align::left : Align::right;
    } else {
      const double first = size * 0.4 + line_height / 2.0;
      const double step = line_height * static_cast<double>(i);
      anchor =
          from + Pixel(0.0, out.y() > 0 ? first + step : -(first + block - line_height) + step);
    }
    boxed_text(p.canvas, lines[i].first, anchor, size, lines[i].second, align);
  }
}

}  // namespace

void boxed_text(Canvas& canvas, const std::string& text, const Pixel& anchor, double size,
                Rgba colour, Align align) {
  const Pixel extent = canvas.measure(text, size, true);
  const double pad = size * 0.2;
  double left = anchor.x();
  if (align == Align::centre) {
    left -= extent.x() / 2.0;
  }
  if (align == Align::right) {
    left -= extent.x();
  }
  canvas.rectangle({left - pad, anchor.y() - extent.y() / 2.0 - pad},
                   {extent.x() + 2.0 * pad, extent.y() + 2.0 * pad}, {255, 255, 255, 220});
  canvas.text(text, anchor, size, colour, align, true);
}

namespace {

// How far out (metres from the wall line) an exit band reaches: across the wall, and never
// thinner on the picture than a little over half a text size.
std::pair<double, double> band_reach(const Painter& p, const PlacedOpening& item) {
  const auto [inner, outer] = wall_reach(p, item);
  return {inner, std::max(outer, inner + p.sizes.text * 0.6 / p.frame.pixels_per_metre)};
}

}  // namespace

void draw_openings(Painter& p) {
  for (const PlacedOpening& item : p.openings) {
    draw_door(p, item);
  }
}

void draw_opening_labels(Painter& p) {
  // Exit bands go over sign icons: a sign mounted at an exit must not hide the exit.
  for (const PlacedOpening& item : p.openings) {
    if (!item.opening->emergency_exit) {
      continue;
    }
    const Segment& span = item.place.span;
    const auto [inner, outer] = band_reach(p, item);
    p.canvas.fill_convex({p.px(span.a + item.outward * inner), p.px(span.b + item.outward * inner),
                          p.px(span.b + item.outward * outer), p.px(span.a + item.outward * outer)},
                         kExitGreen);
  }
  for (const PlacedOpening& item : p.openings) {
    const layout::Opening& opening = *item.opening;
    if (!opening.emergency_exit && !opening.main_entrance()) {
      continue;
    }
    const Segment& span = item.place.span;
    const double outer = band_reach(p, item).second;
    const Pixel out = Painter::direction(item.outward);
    const bool sideways = std::abs(out.x()) > std::abs(out.y());
    Pixel label_from = p.px((span.a + span.b) / 2.0 + item.outward * outer);
    std::vector<std::pair<std::string, Rgba>> lines;
    if (opening.main_entrance()) {
      // An arrow from outside pointing in, its tip just clear of the wall.
      const double length = p.sizes.text * 2.0;
      const Pixel tip = label_from + out * (p.sizes.text * 0.25);
      const Pixel tail = tip + out * length;
      const Pixel side(-out.y(), out.x());
      const double head = p.sizes.text * 0.9;
      p.canvas.line(tail, tip + out * head * 0.8, p.sizes.text * 0.35, kEntranceBlue);
      p.canvas.fill_convex(
          {tip, tip + out * head + side * head * 0.6, tip + out * head - side * head * 0.6},
          kEntranceBlue);
      label_from = tail;
      if (sideways) {
        lines.emplace_back("主入口", kEntranceBlue);
        lines.emplace_back("Entrance", kEntranceBlue);
      } else {
        lines.emplace_back("主入口 Main entrance", kEntranceBlue);
      }
    }
    if (opening.emergency_exit) {
      if (sideways) {
        lines.emplace_back("安全出口", kExitGreen);
        lines.emplace_back("EXIT", kExitGreen);
      } else {
        lines.emplace_back("安全出口 EXIT", kExitGreen);
      }
    }
    labels_beyond(p, lines, label_from, out, p.sizes.text * 0.72);
  }
}

void draw_points_of_interest(Painter& p) {
  // Icons keep to about 0.6 m on a small-scale picture, so that they do not bury the plan.
  const double icon =
      std::min(p.sizes.text * 1.05, std::max(p.sizes.text * 0.45, p.frame.pixels_per_metre * 0.6));
  for (const layout::Amenity& amenity : p.plan.amenities()) {
    Rgba fill{84, 101, 118, 255};
    if (amenity.kind == layout::AmenityKind::fireextinguisher) {
      fill = {200, 30, 30, 255};
    }
    if (amenity.kind == layout::AmenityKind::firstaid) {
      fill = {225, 80, 80, 255};
    }
    const Pixel c = p.px(amenity.position);
    p.canvas.disc(c, icon * 0.45, fill);
    p.canvas.text(glyph_of(amenity.kind), c, icon * 0.6, kWhite);
  }
  for (const layout::Camera& camera : p.plan.cameras()) {
    const Pixel c = p.px(camera.position);
    const Pixel d = Painter::direction(camera.facing);
    const double half = camera.field_of_view_deg * std::acos(-1.0) / 360.0;
    const double r = icon * 1.4;
    std::vector<Pixel> fan{c};
    for (int k = 0; k <= 8; ++k) {
      const double a = -half + 2.0 * half * k / 8.0;
      fan.emplace_back(c + r * Pixel(d.x() * std::cos(a) - d.y() * std::sin(a),
                                     d.x() * std::sin(a) + d.y() * std::cos(a)));
    }
    p.canvas.fill_convex(fan, {40, 40, 40, 60});
    p.canvas.disc(c, icon * 0.25, {40, 40, 40, 255});
  }
  for (const layout::Sign& sign : p.plan.signs()) {
    // The icon stands in front of its wall, on the readers' side, with a notch towards them.
    // Window and kiosk labels are small plain tabs: the number on the desk says the rest, and
    // a full icon would hide it.
    const bool tab =
        sign.kind == layout::SignKind::window_label || sign.kind == layout::SignKind::kiosk_label;
    const double side = tab ? icon * 0.45 : icon;
    const Pixel d = Painter::direction(sign.facing);
    const Pixel c = p.px(sign.position) + d * (side * 0.5 + 1.0);
    const Rgba fill = sign_fill(sign.kind);
    const Pixel half(side / 2.0, side / 2.0);
    p.canvas.rectangle(c - half, half * 2.0, fill);
    if (tab) {
      continue;
    }
    const Pixel across(-d.y(), d.x());
    const Pixel front = c + d * (side * 0.5);
    p.canvas.fill_convex(
        {front + across * side * 0.22, front + d * side * 0.25, front - across * side * 0.22},
        fill);
    p.canvas.text(glyph_of(sign.kind), c, side * 0.72, sign_ink(fill));
  }
}

namespace {

struct PixelBox {
  Pixel min;
  Pixel max;
  bool overlaps(const PixelBox& other) const {
    return min.x() < other.max.x() && other.min.x() < max.x() && min.y() < other.max.y() &&
           other.min.y() < max.y();
  }
};

std::vector<PixelBox> furniture_boxes(const Painter& p) {
  std::vector<PixelBox> boxes;
  const auto add = [&](const layout::Polygon& footprint) {
    if (footprint.empty()) {
      return;
    }
    const layout::Box box = layout::bounding_box(footprint);
    const Pixel a = p.px(box.min);
    const Pixel b = p.px(box.max);
    boxes.push_back({a.cwiseMin(b), a.cwiseMax(b)});
  };
  for (const auto& x : p.plan.counters()) {
    add(x.footprint);
  }
  for (const auto& x : p.plan.kiosks()) {
    add(x.footprint);
  }
  for (const auto& x : p.plan.seat_rows()) {
    add(x.footprint);
  }
  for (const auto& x : p.plan.desks()) {
    add(x.footprint);
  }
  for (const auto& x : p.plan.obstacles()) {
    add(x.footprint);
  }
  return boxes;
}

}  // namespace

void draw_zone_labels(Painter& p) {
  const std::vector<PixelBox> furniture = furniture_boxes(p);
  for (const layout::Zone& zone : p.plan.zones()) {
    const Names names = names_of(zone.kind);
    const std::string zh = zone.name.empty() ? names.zh : zone.name;
    const std::string en = names.en;
    const Pixel box = box_px(p, zone.polygon);
    const double most = p.sizes.text;
    const double least = p.sizes.text * 0.55;
    double size = std::min(fitting_size(p.canvas, zh, box.x() * 0.9, most, least),
                           fitting_size(p.canvas, en, box.x() * 0.9, most, least));
    const bool two_lines = size > 0.0 && box.y() > size * 3.0;
    if (!two_lines) {
      size = fitting_size(p.canvas, zh, box.x() * 0.9, most, least);
    }
    if (size <= 0.0 || box.y() < size * 1.2) {
      continue;
    }
    // The label block sits just above its anchor, so a zone's centre stays clear for markers;
    // the anchor moves off the centre only where furniture would be under the text.
    const double width = std::max(p.canvas.measure(zh, size, true).x(),
                                  two_lines ? p.canvas.measure(en, size * 0.85).x() : 0.0);
    const double top = two_lines ? size * 2.45 : size * 1.35;
    const auto block = [&](const Pixel& anchor) {
      return PixelBox{anchor + Pixel(-width / 2.0, -top), anchor + Pixel(width / 2.0, -size * 0.2)};
    };
    const auto fits = [&](const Pixel& anchor) {
      const PixelBox b = block(anchor);
      for (const Pixel& corner :
           {b.min, b.max, Pixel(b.min.x(), b.max.y()), Pixel(b.max.x(), b.min.y())}) {
        if (!layout::contains(zone.polygon, p.plan_at(corner))) {
          return false;
        }
      }
      return std::none_of(furniture.begin(), furniture.end(),
                          [&](const PixelBox& f) { return f.overlaps(b); });
    };
    const Pixel centre = p.px(label_point(zone.polygon));
    Pixel anchor = centre;
    bool found = fits(centre);
    const double step = top / 2.0;
    for (int k = 1; k <= 12 && !found; ++k) {
      for (const double sign : {-1.0, 1.0}) {
        for (const double dx : {0.0, -0.25, 0.25}) {
          const Pixel candidate = centre + Pixel(dx * box.x(), sign * k * step);
          if (!found && fits(candidate)) {
            anchor = candidate;
            found = true;
          }
        }
      }
    }
    const Rgba colour = darker(zone_fill(zone.kind), 0.72);
    if (!found) {
      // Nowhere clear: the text goes over the furniture on a veil of the zone's colour.
      const PixelBox b = block(anchor);
      const double pad = size * 0.2;
      p.canvas.rectangle(b.min - Pixel(pad, pad), b.max - b.min + Pixel(2 * pad, 2 * pad),
                         with_alpha(zone_fill(zone.kind), 215));
    }
    if (two_lines) {
      p.canvas.text(zh, anchor - Pixel(0.0, size * 1.9), size, colour, Align::centre, true);
      p.canvas.text(en, anchor - Pixel(0.0, size * 0.8), size * 0.85, colour);
    } else {
      p.canvas.text(zh, anchor - Pixel(0.0, size * 0.8), size, colour, Align::centre, true);
    }
  }
}

}  // namespace hallsim::render::detail
