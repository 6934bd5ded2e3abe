#include <algorithm>
#include <cmath>
#include <limits>

#include "hallsim/render/picture.hpp"
#include "openings.hpp"
#include "shapes.hpp"

namespace hallsim::render {

std::filesystem::path resolve_font_file(const std::filesystem::path& option,
                                        const char* environment_value) {
  if (!option.empty()) {
    return option;
  }
  if (environment_value != nullptr && environment_value[0] != '\0') {
    return environment_value;
  }
  return kDefaultFontFile;
}

int base_text_size(int width_px) {
  // About 90 characters of Latin text across the picture, never unreadably small.
  return std::clamp(static_cast<int>(std::lround(width_px / 90.0)), 11, 40);
}

int plan_padding_px(const RenderOptions& options) {
  return static_cast<int>(std::lround(options.plan_padding_em * base_text_size(options.width_px)));
}

double scale_bar_length_m(double pixels_per_metre, double plan_width_px) {
  const double most_m = plan_width_px / 5.0 / pixels_per_metre;
  double best = 0.01;
  for (int exponent = -2; exponent <= 5; ++exponent) {
    for (const double mantissa : {1.0, 2.0, 5.0}) {
      const double length = mantissa * std::pow(10.0, exponent);
      if (length <= most_m * (1.0 + 1e-12)) {
        best = std::max(best, length);
      }
    }
  }
  return best;
}

namespace {

// A picture at most this many times as tall as it is wide: a long corridor still fits a page.
constexpr double kMaxAspect = 2.0;

void grow(layout::Box& box, const layout::Point& p, bool& first) {
  if (first) {
    box.min = p;
    box.max = p;
    first = false;
    return;
  }
  box.min = box.min.cwiseMin(p);
  box.max = box.max.cwiseMax(p);
}

}  // namespace

PictureFrame picture_frame(const layout::Plan& plan, const RenderOptions& options) {
  layout::Box box;
  bool first = true;
  const auto walls = detail::wall_lines(plan);
  const auto [left, right] = detail::exterior_wall_sides(plan.outline(), options.exterior_wall_m);
  for (const auto& quad : detail::wall_band(plan.outline(), true, left, right, {})) {
    for (const auto& p : quad) {
      grow(box, p, first);
    }
  }
  for (const layout::Wall& wall : plan.walls()) {
    const double half = wall.thickness / 2.0;
    for (const auto& quad : detail::wall_band(wall.points, false, half, half, {})) {
      for (const auto& p : quad) {
        grow(box, p, first);
      }
    }
  }
  for (const auto& sign : plan.signs()) {
    grow(box, sign.position, first);
  }
  for (const auto& amenity : plan.amenities()) {
    grow(box, amenity.position, first);
  }
  for (const auto& camera : plan.cameras()) {
    grow(box, camera.position, first);
  }
  for (const auto& placed : detail::place_openings(plan, walls)) {
    for (const auto& leaf : placed.symbol.leaves) {
      grow(box, leaf.b, first);
    }
    for (const auto& arc : placed.symbol.arcs) {
      for (const auto& p : arc) {
        grow(box, p, first);
      }
    }
  }

  PictureFrame frame;
  frame.extent = box;
  const int text = base_text_size(options.width_px);
  const double title_px = std::round(2.6 * text);
  const double inset = options.margin_px + plan_padding_px(options);
  const double available = options.width_px - 2.0 * inset;
  const layout::Point size = box.max - box.min;
  const double by_width = available / std::max(size.x(), 1e-6);
  const double by_height = kMaxAspect * options.width_px / std::max(size.y(), 1e-6);
  frame.pixels_per_metre = std::min(by_width, by_height);
  frame.left = inset + (available - size.x() * frame.pixels_per_metre) / 2.0;
  frame.top = options.margin_px + title_px + plan_padding_px(options);
  return frame;
}

}  // namespace hallsim::render
