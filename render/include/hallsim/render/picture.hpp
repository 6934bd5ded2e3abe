#pragma once
/// \file
/// Pictures of a floor plan: to scale, north up, with a scale bar, a legend and overlays.
///
/// Drawing needs an X display (an OpenGL context for the off-screen texture); run headless
/// under `xvfb-run -a`. The same plan, overlays and options give the same pixels.

#include <Eigen/Core>
#include <filesystem>
#include <stdexcept>
#include <string>

#include "hallsim/layout/geometry.hpp"
#include "hallsim/layout/plan.hpp"
#include "hallsim/render/image.hpp"
#include "hallsim/render/overlays.hpp"

namespace hallsim::render {

/// The font used when neither the options nor the environment name one (Debian's
/// fonts-wqy-microhei, which covers Chinese and Latin text).
inline constexpr const char* kDefaultFontFile = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";
/// Environment variable naming a font file, used when the options name none.
inline constexpr const char* kFontEnvironmentVariable = "HALLSIM_FONT";
/// Narrowest and widest picture, pixels.
inline constexpr int kMinWidthPx = 320;
inline constexpr int kMaxWidthPx = 8000;  ///< see kMinWidthPx

/// Settings of a picture; the defaults suit a printed A4 page or a screen.
struct RenderOptions {
  int width_px = 1600;  ///< width of the picture; its height follows from the plan's shape
  /// TrueType/TrueType-collection font; empty: $HALLSIM_FONT, else kDefaultFontFile.
  std::filesystem::path font_file;
  /// Drawn at this many times the size, then averaged down: smooth edges without relying
  /// on the graphics driver's antialiasing. 1 turns it off.
  int supersample = 2;
  int margin_px = 24;  ///< white border around everything
  /// Room around the plan for the entrance arrow, exit labels and outdoor signs, in base text
  /// sizes (see base_text_size), so that labels keep fitting as the picture grows.
  double plan_padding_em = 4.6;
  double exterior_wall_m = 0.24;  ///< drawn thickness of the exterior wall, outside the outline
  bool legend = true;             ///< draw the legend under the plan
};

/// Where plan metres land in the picture (pixel (i, j) covers [i, i+1) x [j, j+1)).
struct PictureFrame {
  layout::Box extent;             ///< the part of the plan drawn, metres
  double pixels_per_metre = 1.0;  ///< the scale
  double left = 0.0;              ///< pixel x of the extent's west edge
  double top = 0.0;               ///< pixel y of the extent's north edge

  /// The picture position of plan point `p` (x to the right, y down: north is up).
  Eigen::Vector2d to_pixel(const layout::Point& p) const {
    return {left + (p.x() - extent.min.x()) * pixels_per_metre,
            top + (extent.max.y() - p.y()) * pixels_per_metre};
  }
  /// Width and height of the extent in pixels.
  Eigen::Vector2d size_px() const { return (extent.max - extent.min) * pixels_per_metre; }
};

/// The scale bar as drawn: a bar of a round length in metres.
struct ScaleBar {
  double length_m = 0.0;   ///< 1, 2 or 5 times a power of ten
  double length_px = 0.0;  ///< length_m times the scale
  double left = 0.0;       ///< pixel x of its 0 end
  double top = 0.0;        ///< pixel y of its top edge
  double height = 0.0;     ///< pixels
};

/// A drawn plan with the facts needed to read it back.
struct RenderedPlan {
  Image image;
  PictureFrame frame;
  ScaleBar scale_bar;
};

/// The picture could not be drawn for a reason outside the plan and the options (no X display,
/// no off-screen texture). The message says what to do.
class RenderError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// The font file to use: `option` if given, else `environment_value` (the value of
/// $HALLSIM_FONT, may be null or empty), else kDefaultFontFile.
std::filesystem::path resolve_font_file(const std::filesystem::path& option,
                                        const char* environment_value);

/// The frame a picture of `plan` with `options` uses (needs no display): the extent holds the
/// outline with its exterior wall, interior walls, signs, amenities, cameras and door leaves.
PictureFrame picture_frame(const layout::Plan& plan, const RenderOptions& options = {});

/// Base text size in pixels for a picture `width_px` wide.
int base_text_size(int width_px);

/// Room around the plan in pixels: plan_padding_em base text sizes, rounded.
int plan_padding_px(const RenderOptions& options);

/// Round length of the scale bar for a scale: the largest of 1, 2, 5 x 10^k metres that is at
/// most a fifth of `plan_width_px` (and at least one metre's worth of pixels in any case).
double scale_bar_length_m(double pixels_per_metre, double plan_width_px);

/// Draws `plan` with `overlays`. Throws layout::InputError for bad options or a font file that
/// cannot be read (naming the file and what to change), RenderError if there is no display.
RenderedPlan render_plan(const layout::Plan& plan, const Overlays& overlays = {},
                         const RenderOptions& options = {});

}  // namespace hallsim::render
