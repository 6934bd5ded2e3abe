#pragma once
// What every drawing layer shares: the canvas, the plan, the frame, sizes in pixels, and the
// legend that the layers fill as they draw.

#include <string>
#include <vector>

#include "canvas.hpp"
#include "hallsim/layout/plan.hpp"
#include "hallsim/render/overlays.hpp"
#include "hallsim/render/picture.hpp"
#include "openings.hpp"

namespace hallsim::render::detail {

/// How a legend entry shows its colour.
enum class Swatch {
  area,      ///< a filled square with a dark border (zones, furniture)
  line,      ///< a short thick stroke (routes, walls, contour)
  dashed,    ///< a short dashed stroke
  icon,      ///< a filled square with a glyph (signs)
  tab,       ///< a small plain square (window and kiosk labels)
  disc,      ///< a filled disc with a glyph (amenities, markers)
  ring,      ///< an open circle (markers)
  gradient,  ///< the egress colour ramp
  arrow,     ///< the entrance arrow
};

/// One line of the legend.
struct LegendEntry {
  Swatch swatch = Swatch::area;
  Rgba colour;
  std::string glyph;  ///< for icons and discs
  std::string label;  ///< "中文 English"
  Rgba glyph_colour = {255, 255, 255, 255};
};

/// A titled group of entries.
struct LegendSection {
  std::string title;
  std::vector<LegendEntry> entries;
};

/// Pixel sizes that follow the base text size, so a wide picture is a scaled narrow one.
struct Sizes {
  double text = 16.0;   ///< base text size
  double thin = 1.0;    ///< outlines
  double medium = 2.0;  ///< door leaves, routes
  double thick = 3.0;   ///< contour, worst route
  explicit Sizes(double base)
      : text(base), thin(std::max(1.0, base * 0.07)), medium(base * 0.13), thick(base * 0.22) {}
};

/// The state shared by the layers of one picture.
struct Painter {
  Canvas& canvas;
  const layout::Plan& plan;
  const PictureFrame& frame;
  const RenderOptions& options;
  Sizes sizes;
  std::vector<WallLine> walls;
  std::vector<PlacedOpening> openings;

  /// A plan point in pixels.
  Pixel px(const Point& p) const { return frame.to_pixel(p); }
  /// A plan length in pixels.
  double px(double metres) const { return metres * frame.pixels_per_metre; }
  /// Plan points in pixels.
  std::vector<Pixel> px(const std::vector<Point>& points) const;
  /// A picture position back in plan metres.
  Point plan_at(const Pixel& pixel) const;
  /// A plan direction as a unit pixel direction (y flipped).
  static Pixel direction(const Point& d);
};

/// A colour darkened towards black by `factor` (0 = unchanged, 1 = black).
Rgba darker(Rgba colour, double factor);
/// The same colour with opacity `alpha`.
Rgba with_alpha(Rgba colour, std::uint8_t alpha);

/// Dark or white text, whichever reads on `fill`.
Rgba sign_ink(Rgba fill);

/// Text on a white box, so it reads over any fill (labels of exits, routes, marks).
void boxed_text(Canvas& canvas, const std::string& text, const Pixel& anchor, double size,
                Rgba colour, Align align = Align::left);

/// A point well inside `polygon` for its label: the centroid if inside, else the middle of the
/// widest horizontal chord through it.
Point label_point(const layout::Polygon& polygon);

// The layers, in drawing order.
void draw_floor_and_zones(Painter& painter);
void draw_level_changes(Painter& painter);
void draw_furniture(Painter& painter);
void draw_walls(Painter& painter);
void draw_openings(Painter& painter);
void draw_points_of_interest(Painter& painter);
void draw_zone_labels(Painter& painter);
void draw_opening_labels(Painter& painter);
void draw_heat_map(Painter& painter, const EgressOverlay& egress);
void draw_overlay_marks(Painter& painter, const Overlays& overlays);

/// The legend for `plan` and `overlays`: only the kinds the picture shows.
std::vector<LegendSection> legend_for(const layout::Plan& plan, const Overlays& overlays);
/// How the legend is laid out: entries in columns of equal width.
struct LegendGrid {
  double text = 12.0;         ///< text size of the entries
  double column_width = 0.0;  ///< pixels
  int columns = 1;
  double height = 0.0;  ///< pixels, all sections
};
/// Lays out `legend` in `width` pixels with entries measured in `font` at `text` * 0.85.
LegendGrid layout_legend(const std::vector<LegendSection>& legend, const Font& font, double text,
                         double width);
/// Draws the legend laid out by `grid` with its top-left corner at `top_left`.
void draw_legend(Canvas& canvas, const std::vector<LegendSection>& legend, const LegendGrid& grid,
                 const Sizes& sizes, const Pixel& top_left);

}  // namespace hallsim::render::detail
