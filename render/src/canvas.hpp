#pragma once
// The drawing surface: an off-screen SFML texture addressed in output pixels, drawn at a
// multiple of the size and averaged down when finished. Only this file and canvas.cpp know SFML.

#include <Eigen/Core>
#include <array>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "hallsim/render/image.hpp"

namespace hallsim::render::detail {

/// A position in output pixels (x right, y down).
using Pixel = Eigen::Vector2d;

/// Holds a connection to the X display while a picture is drawn. SFML opens and closes its own
/// connection as its objects come and go, and aborts the process if the server refuses one;
/// while this connection stays open the server never resets, so SFML's are not refused.
class DisplayHold {
 public:
  /// Connects, waiting up to two seconds for a server that is resetting; throws RenderError
  /// (saying to run under xvfb-run) if there is no display.
  DisplayHold();
  ~DisplayHold();
  DisplayHold(const DisplayHold&) = delete;
  DisplayHold& operator=(const DisplayHold&) = delete;

 private:
  void* display_ = nullptr;
};

/// A font read from a file, for measuring and drawing text.
class Font {
 public:
  /// Reads `file`; throws layout::InputError naming it if it is missing or not a font.
  explicit Font(const std::filesystem::path& file);
  ~Font();
  Font(const Font&) = delete;
  Font& operator=(const Font&) = delete;

  /// Width and height in pixels of `utf8` set at `size` pixels.
  Pixel measure(const std::string& utf8, double size) const;

  struct Impl;
  /// The font itself, for the canvas.
  const Impl& impl() const { return *impl_; }

 private:
  std::unique_ptr<Impl> impl_;
};

/// How a text is placed relative to its anchor point.
enum class Align { left, centre, right };

/// The drawing surface.
class Canvas {
 public:
  /// A `width` x `height` white picture drawn at `supersample` times the size. Throws
  /// RenderError if the graphics driver refuses the texture.
  Canvas(int width, int height, int supersample, const Font& font);
  ~Canvas();
  Canvas(const Canvas&) = delete;
  Canvas& operator=(const Canvas&) = delete;

  /// Fills a simple polygon (either orientation, convex or not).
  void fill_polygon(const std::vector<Pixel>& points, Rgba colour);
  /// Fills many convex quads in one go (a heat map's cells), each with its colour.
  void fill_quads(const std::vector<std::array<Pixel, 4>>& quads, const std::vector<Rgba>& colours);
  /// Fills a convex polygon (quads, triangles).
  void fill_convex(const std::vector<Pixel>& points, Rgba colour);
  /// A straight stroke `width` pixels wide, square ends flush with a and b.
  void line(const Pixel& a, const Pixel& b, double width, Rgba colour);
  /// Strokes through `points` with round joints; `closed` joins the last to the first.
  void polyline(const std::vector<Pixel>& points, double width, Rgba colour, bool closed = false);
  /// A dashed stroke along `points`: `dash` pixels drawn, `gap` pixels left.
  void dashed(const std::vector<Pixel>& points, double width, double dash, double gap, Rgba colour);
  /// A filled disc.
  void disc(const Pixel& centre, double radius, Rgba colour);
  /// A ring `width` pixels wide on the circle of `radius`.
  void ring(const Pixel& centre, double radius, double width, Rgba colour);
  /// An axis-aligned rectangle.
  void rectangle(const Pixel& top_left, const Pixel& size, Rgba colour);
  /// Text whose box is placed by `align` horizontally and centred vertically on `anchor`.
  void text(const std::string& utf8, const Pixel& anchor, double size, Rgba colour,
            Align align = Align::centre, bool bold = false);
  /// Width and height in pixels of a text.
  Pixel measure(const std::string& utf8, double size, bool bold = false) const;

  /// Width and height in output pixels.
  int width() const { return width_; }
  int height() const { return height_; }  ///< see width()

  /// Finishes drawing and returns the picture at its output size.
  Image finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  int width_ = 0;
  int height_ = 0;
  int supersample_ = 1;
};

}  // namespace hallsim::render::detail
