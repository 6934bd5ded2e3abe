#pragma once
// The moving parts of a snapshot (visitors, counters open or closed, the clock), drawn at the
// picture's own size straight onto an SFML target. The snapshot picture and the viewer's frames
// both draw them this way over the same plan picture, so the two agree pixel for pixel.

#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTarget.hpp>

#include "hallsim/layout/plan.hpp"
#include "hallsim/render/image.hpp"
#include "hallsim/render/overlays.hpp"
#include "hallsim/render/picture.hpp"

namespace hallsim::render::detail {

/// Grey veil over a closed counter.
inline constexpr Rgba kClosedVeil{90, 90, 90, 150};
/// The lamp at the clerk's place of an open counter.
inline constexpr Rgba kOpenCounter{250, 204, 21, 255};

/// Radius of a visitor's dot in pixels for a frame and base text size.
double visitor_radius(const PictureFrame& frame, double text);

/// Draws `snapshot` over a picture `width` pixels wide of `plan` in `frame` (text size `text`,
/// margin `margin`): counter states, visitor dots, then the clock at the title row's right end.
void draw_snapshot(sf::RenderTarget& target, const sf::Font& font, const layout::Plan& plan,
                   const PictureFrame& frame, const SnapshotOverlay& snapshot, double text,
                   int width, int margin);

/// `picture` with `snapshot` drawn over it as draw_snapshot draws it (needs an X display, held by
/// the caller). Throws RenderError if the graphics driver refuses a texture.
Image with_snapshot(const Image& picture, const sf::Font& font, const layout::Plan& plan,
                    const PictureFrame& frame, const SnapshotOverlay& snapshot, double text,
                    int margin);

/// The font for the moving parts, read from `file` (already checked by the picture's Font).
/// Throws RenderError if it cannot be read.
void load_font(sf::Font& font, const std::filesystem::path& file);

}  // namespace hallsim::render::detail
