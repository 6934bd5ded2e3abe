#include "canvas.hpp"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Text.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <SFML/Graphics/View.hpp>
#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include "display.hpp"
#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/render/picture.hpp"
#include "shapes.hpp"

namespace hallsim::render::detail {

namespace {

sf::Color to_sf(Rgba c) {
  return {c.r, c.g, c.b, c.a};
}
sf::Vector2f to_sf(const Pixel& p) {
  return {static_cast<float>(p.x()), static_cast<float>(p.y())};
}
sf::String to_sf(const std::string& utf8) {
  return sf::String::fromUtf8(utf8.begin(), utf8.end());
}

[[noreturn]] void refuse_font(const std::filesystem::path& file, const std::string& message) {
  throw layout::InputError({layout::Diagnostic{
      file.string(), "", message,
      "install Debian's fonts-wqy-microhei (it provides " + std::string(kDefaultFontFile) +
          "), or name a TrueType font with Chinese characters with --font or $" +
          kFontEnvironmentVariable}});
}

}  // namespace

DisplayHold::DisplayHold() : display_(open_display(2000)) {
  if (display_ != nullptr) {
    return;
  }
  const char* name = std::getenv("DISPLAY");
  const std::string which =
      (name == nullptr || name[0] == '\0') ? "DISPLAY is not set" : "DISPLAY=" + std::string(name);
  throw RenderError("cannot draw: no X display could be opened (" + which +
                    "); pictures are drawn in an off-screen OpenGL texture, which needs one: "
                    "run the command under `xvfb-run -a` on a machine without a screen");
}

DisplayHold::~DisplayHold() {
  close_display(display_);
}

struct Font::Impl {
  std::vector<char> bytes;  // sf::Font reads from this buffer for as long as it lives
  sf::Font font;
};

Font::Font(const std::filesystem::path& file) : impl_(std::make_unique<Impl>()) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) {
    refuse_font(file, "the font file does not exist");
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    refuse_font(file, "the font file cannot be opened");
  }
  impl_->bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (impl_->bytes.empty() ||
      !impl_->font.loadFromMemory(impl_->bytes.data(), impl_->bytes.size())) {
    refuse_font(file, "the file is not a font that FreeType can read");
  }
  // A font without CJK glyphs would draw every Chinese label as the empty box of its missing
  // glyph; a noncharacter surely gets that box, so 中 must differ from it.
  const sf::Glyph& chinese = impl_->font.getGlyph(0x4E2D, 24, false);
  const sf::Glyph& missing = impl_->font.getGlyph(0x10FFFD, 24, false);
  if (chinese.advance <= 0.0f ||
      (chinese.advance == missing.advance && chinese.bounds == missing.bounds)) {
    refuse_font(file, "the font has no Chinese characters (tried 中)");
  }
}

Font::~Font() = default;

namespace {

sf::Text make_text(const sf::Font& font, const std::string& utf8, unsigned size, bool bold) {
  sf::Text text(to_sf(utf8), font, size);
  if (bold) {
    text.setStyle(sf::Text::Bold);
  }
  return text;
}

Pixel measure_text(const sf::Font& font, const std::string& utf8, double size, bool bold,
                   int supersample) {
  const auto pixels = static_cast<unsigned>(std::lround(size * supersample));
  const sf::Text text = make_text(font, utf8, pixels, bold);
  const sf::FloatRect bounds = text.getLocalBounds();
  return {static_cast<double>(bounds.left + bounds.width) / supersample, size};
}

}  // namespace

Pixel Font::measure(const std::string& utf8, double size) const {
  return measure_text(impl_->font, utf8, size, false, 1);
}

struct Canvas::Impl {
  const sf::Font* font = nullptr;
  sf::RenderTexture texture;
};

Canvas::Canvas(int width, int height, int supersample, const Font& font)
    : impl_(std::make_unique<Impl>()), width_(width), height_(height), supersample_(supersample) {
  assert(width > 0 && height > 0 && supersample >= 1);
  impl_->font = &font.impl().font;
  sf::ContextSettings settings;
  settings.antialiasingLevel = 0;  // smoothing comes from supersampling, the same on any driver
  // A very large picture is drawn at its own size rather than refused: its edges are then as
  // the rasteriser leaves them, still the same on every run.
  const auto most = static_cast<int>(sf::Texture::getMaximumSize());
  while (supersample_ > 1 && std::max(width, height) * supersample_ > most) {
    --supersample_;
  }
  const auto w = static_cast<unsigned>(width * supersample_);
  const auto h = static_cast<unsigned>(height * supersample_);
  if (w > sf::Texture::getMaximumSize() || h > sf::Texture::getMaximumSize()) {
    throw RenderError("cannot draw: a " + std::to_string(w) + " x " + std::to_string(h) +
                      " pixel texture is larger than the graphics driver allows (" +
                      std::to_string(sf::Texture::getMaximumSize()) +
                      "); choose a smaller --width");
  }
  if (!impl_->texture.create(w, h, settings)) {
    throw RenderError("cannot draw: the graphics driver refused an off-screen texture of " +
                      std::to_string(w) + " x " + std::to_string(h) + " pixels");
  }
  impl_->texture.setSmooth(false);
  impl_->texture.setView(
      sf::View(sf::FloatRect(0.0f, 0.0f, static_cast<float>(width), static_cast<float>(height))));
  impl_->texture.clear(sf::Color::White);
}

Canvas::~Canvas() = default;

void Canvas::fill_polygon(const std::vector<Pixel>& points, Rgba colour) {
  if (points.size() < 3) {
    return;
  }
  const layout::Polygon polygon(points.begin(), points.end());
  sf::VertexArray triangles(sf::Triangles);
  for (const Triangle& t : triangulate(polygon)) {
    for (const std::size_t i : t) {
      triangles.append(sf::Vertex(to_sf(points[i]), to_sf(colour)));
    }
  }
  impl_->texture.draw(triangles);
}

void Canvas::fill_quads(const std::vector<std::array<Pixel, 4>>& quads,
                        const std::vector<Rgba>& colours) {
  assert(quads.size() == colours.size());
  sf::VertexArray triangles(sf::Triangles);
  for (std::size_t i = 0; i < quads.size(); ++i) {
    const auto& q = quads[i];
    const sf::Color c = to_sf(colours[i]);
    for (const int k : {0, 1, 2, 0, 2, 3}) {
      triangles.append(sf::Vertex(to_sf(q[k]), c));
    }
  }
  impl_->texture.draw(triangles);
}

void Canvas::fill_convex(const std::vector<Pixel>& points, Rgba colour) {
  if (points.size() < 3) {
    return;
  }
  sf::VertexArray fan(sf::TriangleFan);
  for (const Pixel& p : points) {
    fan.append(sf::Vertex(to_sf(p), to_sf(colour)));
  }
  impl_->texture.draw(fan);
}

void Canvas::line(const Pixel& a, const Pixel& b, double width, Rgba colour) {
  const Pixel d = b - a;
  const double length = d.norm();
  if (length <= 0.0) {
    return;
  }
  const Pixel n = Pixel(-d.y(), d.x()) / length * (width / 2.0);
  fill_convex({a + n, b + n, b - n, a - n}, colour);
}

void Canvas::polyline(const std::vector<Pixel>& points, double width, Rgba colour, bool closed) {
  const std::size_t n = points.size();
  if (n < 2) {
    return;
  }
  const std::size_t segments = closed ? n : n - 1;
  for (std::size_t i = 0; i < segments; ++i) {
    line(points[i], points[(i + 1) % n], width, colour);
  }
  for (std::size_t i = closed ? 0 : 1; i < (closed ? n : n - 1); ++i) {
    disc(points[i], width / 2.0, colour);
  }
}

void Canvas::dashed(const std::vector<Pixel>& points, double width, double dash, double gap,
                    Rgba colour) {
  assert(dash > 0.0 && gap >= 0.0);
  double phase = 0.0;  // distance into the current dash-and-gap period
  const double period = dash + gap;
  for (std::size_t i = 0; i + 1 < points.size(); ++i) {
    const Pixel& a = points[i];
    const Pixel d = points[i + 1] - a;
    const double length = d.norm();
    if (length <= 0.0) {
      continue;
    }
    const Pixel u = d / length;
    double s = 0.0;
    while (s < length) {
      const bool drawing = phase < dash;
      const double step = std::min(length - s, drawing ? dash - phase : period - phase);
      if (drawing) {
        line(a + u * s, a + u * (s + step), width, colour);
      }
      s += step;
      phase = std::fmod(phase + step, period);
    }
  }
}

namespace {

std::size_t circle_points(double radius_px) {
  return static_cast<std::size_t>(std::clamp(std::lround(radius_px * 1.5), 12L, 96L));
}

}  // namespace

void Canvas::disc(const Pixel& centre, double radius, Rgba colour) {
  if (radius <= 0.0) {
    return;
  }
  sf::CircleShape shape(static_cast<float>(radius), circle_points(radius * supersample_));
  shape.setOrigin(static_cast<float>(radius), static_cast<float>(radius));
  shape.setPosition(to_sf(centre));
  shape.setFillColor(to_sf(colour));
  impl_->texture.draw(shape);
}

void Canvas::ring(const Pixel& centre, double radius, double width, Rgba colour) {
  const double inner = radius - width / 2.0;
  if (inner <= 0.0) {
    disc(centre, radius + width / 2.0, colour);
    return;
  }
  sf::CircleShape shape(static_cast<float>(inner), circle_points(radius * supersample_));
  shape.setOrigin(static_cast<float>(inner), static_cast<float>(inner));
  shape.setPosition(to_sf(centre));
  shape.setFillColor(sf::Color::Transparent);
  shape.setOutlineColor(to_sf(colour));
  shape.setOutlineThickness(static_cast<float>(width));
  impl_->texture.draw(shape);
}

void Canvas::rectangle(const Pixel& top_left, const Pixel& size, Rgba colour) {
  fill_convex(
      {top_left, top_left + Pixel(size.x(), 0.0), top_left + size, top_left + Pixel(0.0, size.y())},
      colour);
}

Pixel Canvas::measure(const std::string& utf8, double size, bool bold) const {
  return measure_text(*impl_->font, utf8, size, bold, supersample_);
}

void Canvas::text(const std::string& utf8, const Pixel& anchor, double size, Rgba colour,
                  Align align, bool bold) {
  if (utf8.empty() || size <= 0.0) {
    return;
  }
  const auto pixels = static_cast<unsigned>(std::lround(size * supersample_));
  sf::Text text = make_text(*impl_->font, utf8, pixels, bold);
  text.setFillColor(to_sf(colour));
  const double scale = 1.0 / supersample_;
  text.setScale(static_cast<float>(scale), static_cast<float>(scale));
  const sf::FloatRect bounds = text.getLocalBounds();
  const double width = (bounds.left + bounds.width) * scale;
  // Centre on the box of a reference text so that every label at a size shares its baseline.
  const sf::FloatRect reference = make_text(*impl_->font, "中Ag", pixels, bold).getLocalBounds();
  const double middle = (reference.top + reference.height / 2.0) * scale;
  double x = anchor.x();
  if (align == Align::centre) {
    x -= width / 2.0;
  }
  if (align == Align::right) {
    x -= width;
  }
  const double y = anchor.y() - middle;
  // Glyphs land on whole texture pixels, so they are copied, not resampled.
  text.setPosition(static_cast<float>(std::round(x * supersample_) * scale),
                   static_cast<float>(std::round(y * supersample_) * scale));
  impl_->texture.draw(text);
}

Image Canvas::finish() {
  impl_->texture.display();
  const sf::Image big = impl_->texture.getTexture().copyToImage();
  const sf::Uint8* bytes = big.getPixelsPtr();
  const std::size_t stride = static_cast<std::size_t>(width_) * supersample_ * 4u;
  const int samples = supersample_ * supersample_;
  Image image(width_, height_);
  for (int y = 0; y < height_; ++y) {
    for (int x = 0; x < width_; ++x) {
      std::array<int, 4> sum{};
      for (int dy = 0; dy < supersample_; ++dy) {
        const sf::Uint8* row = bytes + (static_cast<std::size_t>(y) * supersample_ + dy) * stride +
                               static_cast<std::size_t>(x) * supersample_ * 4u;
        for (int dx = 0; dx < supersample_; ++dx) {
          for (int c = 0; c < 4; ++c) {
            sum[static_cast<std::size_t>(c)] += row[dx * 4 + c];
          }
        }
      }
      const auto average = [&](int c) {
        return static_cast<std::uint8_t>((sum[static_cast<std::size_t>(c)] + samples / 2) /
                                         samples);
      };
      image.set_pixel(x, y, {average(0), average(1), average(2), average(3)});
    }
  }
  return image;
}

}  // namespace hallsim::render::detail
