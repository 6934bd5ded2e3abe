// The legend: only what the picture shows, in the order of the kinds, bilingual.

#include <algorithm>
#include <cmath>

#include "hallsim/render/palette.hpp"
#include "heat.hpp"
#include "names.hpp"
#include "painter.hpp"

namespace hallsim::render::detail {

namespace {

std::string both(const Names& names) {
  return std::string(names.zh) + " " + names.en;
}

template <typename Items, typename Key, typename Kind>
bool any_of_kind(const Items& items, Key key, Kind kind) {
  return std::any_of(items.begin(), items.end(),
                     [&](const auto& item) { return key(item) == kind; });
}

constexpr double kRow = 1.6;         // row height, in entry text sizes
constexpr double kTitleRow = 1.9;    // section title row
constexpr double kSectionGap = 0.6;  // after a section
constexpr double kSwatch = 1.15;     // swatch side
constexpr double kColumnGap = 1.6;   // between columns

}  // namespace

std::vector<LegendSection> legend_for(const layout::Plan& plan, const Overlays& overlays) {
  std::vector<LegendSection> legend;
  const Rgba white{255, 255, 255, 255};

  LegendSection zones{"区域 Zones", {}};
  for (const layout::ZoneKind kind : all_zone_kinds()) {
    if (any_of_kind(
            plan.zones(), [](const layout::Zone& z) { return z.kind; }, kind)) {
      zones.entries.push_back({Swatch::area, zone_fill(kind), "", both(names_of(kind)), white});
    }
  }
  if (!zones.entries.empty()) {
    legend.push_back(std::move(zones));
  }

  LegendSection windows{"窗口 Service windows", {}};
  for (const layout::CounterType type : all_counter_types()) {
    if (any_of_kind(
            plan.counters(), [](const layout::Counter& c) { return c.type; }, type)) {
      windows.entries.push_back(
          {Swatch::area, counter_fill(type), "", both(names_of(type)), white});
    }
  }
  if (std::any_of(plan.counters().begin(), plan.counters().end(),
                  [](const layout::Counter& c) { return c.low; })) {
    windows.entries.push_back(
        {Swatch::disc, kRouteBlue, "", "低位窗口 Low counter (visitor's place)", white});
  }
  if (!windows.entries.empty()) {
    legend.push_back(std::move(windows));
  }

  LegendSection building{"建筑 Building", {}};
  building.entries.push_back({Swatch::area, kExteriorWall, "", "外墙 Exterior wall", white});
  if (!plan.walls().empty()) {
    building.entries.push_back({Swatch::area, kInteriorWall, "", "内墙 Interior wall", white});
  }
  if (std::any_of(plan.walls().begin(), plan.walls().end(),
                  [](const layout::Wall& w) { return w.glass; })) {
    building.entries.push_back({Swatch::area, kGlassWall, "", "玻璃隔断 Glass wall", white});
  }
  building.entries.push_back({Swatch::arrow, kEntranceBlue, "", "主入口 Main entrance", white});
  if (std::any_of(plan.openings().begin(), plan.openings().end(),
                  [](const layout::Opening& o) { return o.emergency_exit; })) {
    building.entries.push_back({Swatch::area, kExitGreen, "", "安全出口 Emergency exit", white});
  }
  if (!plan.level_changes().empty()) {
    building.entries.push_back({Swatch::line, {217, 119, 6, 255}, "", "台阶 Step", white});
    building.entries.push_back(
        {Swatch::area, {236, 226, 190, 255}, "", "坡道 Ramp (1:run)", white});
  }
  legend.push_back(std::move(building));

  LegendSection furniture{"家具 Furniture", {}};
  if (!plan.kiosks().empty()) {
    furniture.entries.push_back({Swatch::area, {51, 65, 85, 255}, "", "自助终端 Kiosk", white});
  }
  if (!plan.seat_rows().empty()) {
    furniture.entries.push_back({Swatch::area, {139, 94, 60, 255}, "", "座椅 Seat", white});
    if (std::any_of(plan.seat_rows().begin(), plan.seat_rows().end(),
                    [](const layout::SeatRow& r) { return r.priority_seats > 0; })) {
      furniture.entries.push_back(
          {Swatch::area, {59, 130, 246, 255}, "", "爱心专座 Priority seat", white});
    }
  }
  if (!plan.desks().empty()) {
    furniture.entries.push_back({Swatch::area, {222, 196, 150, 255}, "", "服务台 Desk", white});
  }
  if (!plan.obstacles().empty()) {
    furniture.entries.push_back(
        {Swatch::area, {90, 90, 90, 255}, "", "柱 Column / obstacle", white});
  }
  if (!plan.cameras().empty()) {
    furniture.entries.push_back({Swatch::disc, {40, 40, 40, 255}, "", "摄像头 Camera", white});
  }
  if (!furniture.entries.empty()) {
    legend.push_back(std::move(furniture));
  }

  LegendSection signs{"标识 Signs", {}};
  for (const layout::SignKind kind : all_sign_kinds()) {
    if (any_of_kind(
            plan.signs(), [](const layout::Sign& s) { return s.kind; }, kind)) {
      const Rgba fill = sign_fill(kind);
      const bool tab =
          kind == layout::SignKind::window_label || kind == layout::SignKind::kiosk_label;
      signs.entries.push_back({tab ? Swatch::tab : Swatch::icon, fill, glyph_of(kind),
                               both(names_of(kind)), sign_ink(fill)});
    }
  }
  if (!signs.entries.empty()) {
    legend.push_back(std::move(signs));
  }

  LegendSection amenities{"便民设施 Amenities", {}};
  for (const layout::AmenityKind kind : all_amenity_kinds()) {
    if (any_of_kind(
            plan.amenities(), [](const layout::Amenity& a) { return a.kind; }, kind)) {
      Rgba fill{84, 101, 118, 255};
      if (kind == layout::AmenityKind::fireextinguisher) {
        fill = {200, 30, 30, 255};
      }
      if (kind == layout::AmenityKind::firstaid) {
        fill = {225, 80, 80, 255};
      }
      amenities.entries.push_back(
          {Swatch::disc, fill, glyph_of(kind), both(names_of(kind)), white});
    }
  }
  if (!amenities.entries.empty()) {
    legend.push_back(std::move(amenities));
  }

  LegendSection analysis{"分析 Analysis", {}};
  if (overlays.egress) {
    analysis.entries.push_back(
        {Swatch::gradient, {}, "", "距最近出口 Walking distance to nearest exit", white});
    analysis.entries.push_back(
        {Swatch::line, {120, 0, 30, 255}, "", "限值等距线 Limit contour", white});
    analysis.entries.push_back(
        {Swatch::line, kWorstRoutePurple, "", "最远点及路线 Furthest point and its route", white});
  }
  if (overlays.access) {
    analysis.entries.push_back(
        {Swatch::line, kRouteBlue, "", "无障碍路线 Wheelchair route", white});
    analysis.entries.push_back({Swatch::dashed, kFailureRed, "", "不通 Route that fails", white});
    analysis.entries.push_back({Swatch::ring, kFailureRed, "", "阻断处 Blocking element", white});
  }
  if (overlays.check) {
    analysis.entries.push_back(
        {Swatch::ring, kFailureRed, "", "不符合条款 Failed clause (shall)", white});
    analysis.entries.push_back(
        {Swatch::ring, kWarningAmber, "", "建议性条款 Clause not followed (should)", white});
  }
  if (!analysis.entries.empty()) {
    legend.push_back(std::move(analysis));
  }
  if (overlays.heat) {
    legend.push_back(density_legend(*overlays.heat));
  }
  if (overlays.snapshot) {
    legend.push_back(snapshot_legend(*overlays.snapshot));
  }
  if (overlays.check && !overlays.check->plan_wide.empty()) {
    LegendSection whole{"整体不符合 Failing for the plan as a whole", {}};
    for (const CheckMark& mark : overlays.check->plan_wide) {
      whole.entries.push_back(
          {Swatch::ring, mark.warning ? kWarningAmber : kFailureRed, "",
           mark.note.empty() ? mark.clause : concat({mark.clause, " ", mark.note}), white});
    }
    legend.push_back(std::move(whole));
  }
  return legend;
}

LegendGrid layout_legend(const std::vector<LegendSection>& legend, const Font& font, double text,
                         double width) {
  LegendGrid grid;
  grid.text = text * 0.85;
  double widest = 0.0;
  for (const LegendSection& section : legend) {
    for (const LegendEntry& entry : section.entries) {
      widest = std::max(widest, font.measure(entry.label, grid.text).x());
    }
  }
  grid.column_width = grid.text * (kSwatch + 0.6 + kColumnGap) + widest;
  grid.columns = std::max(1, static_cast<int>(std::floor(width / grid.column_width)));
  double height = 0.0;
  for (const LegendSection& section : legend) {
    const auto rows = (section.entries.size() + static_cast<std::size_t>(grid.columns) - 1) /
                      static_cast<std::size_t>(grid.columns);
    height += grid.text * (kTitleRow + kRow * static_cast<double>(rows) + kSectionGap);
  }
  grid.height = std::ceil(height);
  return grid;
}

namespace {

void draw_swatch(Canvas& canvas, const LegendEntry& entry, const Pixel& top_left, double side,
                 const Sizes& sizes) {
  const Pixel size(side, side);
  const Pixel centre = top_left + size / 2.0;
  switch (entry.swatch) {
    case Swatch::area:
      canvas.rectangle(top_left, size, entry.colour);
      canvas.polyline(
          {top_left, top_left + Pixel(side, 0), top_left + size, top_left + Pixel(0, side)},
          sizes.thin, darker(entry.colour, 0.4), true);
      break;
    case Swatch::line:
      canvas.line(centre - Pixel(side / 2, 0), centre + Pixel(side / 2, 0), sizes.thick,
                  entry.colour);
      break;
    case Swatch::dashed:
      canvas.dashed({centre - Pixel(side / 2, 0), centre + Pixel(side / 2, 0)}, sizes.medium * 1.3,
                    side * 0.35, side * 0.25, entry.colour);
      break;
    case Swatch::icon:
      canvas.rectangle(top_left, size, entry.colour);
      canvas.text(entry.glyph, centre, side * 0.72, entry.glyph_colour);
      break;
    case Swatch::tab:
      canvas.rectangle(top_left + size * 0.3, size * 0.4, entry.colour);
      break;
    case Swatch::disc:
      canvas.disc(centre, side * 0.45, entry.colour);
      if (!entry.glyph.empty()) {
        canvas.text(entry.glyph, centre, side * 0.6, entry.glyph_colour);
      }
      break;
    case Swatch::ring:
      canvas.ring(centre, side * 0.4, sizes.medium, entry.colour);
      break;
    case Swatch::gradient: {
      // Three cells: near the exit, at half the limit, beyond it.
      const double third = side / 3.0;
      for (int k = 0; k < 3; ++k) {
        const double d = k == 0 ? 0.0 : (k == 1 ? 0.5 : 1.5);
        canvas.rectangle(top_left + Pixel(k * third, 0), Pixel(third, side), egress_colour(d, 1.0));
      }
      break;
    }
    case Swatch::arrow: {
      const Pixel tip = centre + Pixel(0, -side / 2);
      canvas.line(centre + Pixel(0, side / 2), tip + Pixel(0, side * 0.3), side * 0.25,
                  entry.colour);
      canvas.fill_convex(
          {tip, tip + Pixel(side * 0.35, side * 0.45), tip + Pixel(-side * 0.35, side * 0.45)},
          entry.colour);
      break;
    }
  }
}

}  // namespace

void draw_legend(Canvas& canvas, const std::vector<LegendSection>& legend, const LegendGrid& grid,
                 const Sizes& sizes, const Pixel& top_left) {
  const double t = grid.text;
  const Rgba ink{40, 40, 40, 255};
  double y = top_left.y();
  for (const LegendSection& section : legend) {
    canvas.text(section.title, Pixel(top_left.x(), y + t * kTitleRow / 2.0), t, ink, Align::left,
                true);
    y += t * kTitleRow;
    for (std::size_t i = 0; i < section.entries.size(); ++i) {
      const auto column = static_cast<int>(i % static_cast<std::size_t>(grid.columns));
      const auto row = static_cast<int>(i / static_cast<std::size_t>(grid.columns));
      const Pixel cell(top_left.x() + column * grid.column_width, y + row * t * kRow);
      const double side = t * kSwatch;
      const double middle = t * kRow / 2.0;
      draw_swatch(canvas, section.entries[i], cell + Pixel(0, middle - side / 2.0), side, sizes);
      canvas.text(section.entries[i].label, cell + Pixel(side + t * 0.6, middle), t, ink,
                  Align::left);
    }
    const auto rows = (section.entries.size() + static_cast<std::size_t>(grid.columns) - 1) /
                      static_cast<std::size_t>(grid.columns);
    y += t * (kRow * static_cast<double>(rows) + kSectionGap);
  }
}

}  // namespace hallsim::render::detail
