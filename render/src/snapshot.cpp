#include "snapshot.hpp"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <SFML/Graphics/Text.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/Graphics/VertexArray.hpp>
#include <algorithm>
#include <cmath>

#include "hallsim/render/playback.hpp"
#include "shapes.hpp"

namespace hallsim::render::detail {

namespace {

sf::Color to_sf(Rgba c) {
  return {c.r, c.g, c.b, c.a};
}

sf::Vector2f to_sf(const Eigen::Vector2d& p) {
  return {static_cast<float>(p.x()), static_cast<float>(p.y())};
}

void disc(sf::RenderTarget& target, const Eigen::Vector2d& centre, double radius, Rgba colour) {
  sf::CircleShape shape(static_cast<float>(radius), 20);
  shape.setOrigin(static_cast<float>(radius), static_cast<float>(radius));
  shape.setPosition(to_sf(centre));
  shape.setFillColor(to_sf(colour));
  target.draw(shape);
}

void square(sf::RenderTarget& target, const Eigen::Vector2d& centre, double half, Rgba colour) {
  sf::RectangleShape shape(
      sf::Vector2f(static_cast<float>(2.0 * half), static_cast<float>(2.0 * half)));
  shape.setPosition(static_cast<float>(centre.x() - half), static_cast<float>(centre.y() - half));
  shape.setFillColor(to_sf(colour));
  target.draw(shape);
}

void veil(sf::RenderTarget& target, const PictureFrame& frame, const layout::Polygon& footprint,
          Rgba colour) {
  if (footprint.size() < 3) {
    return;
  }
  sf::VertexArray triangles(sf::Triangles);
  for (const Triangle& t : triangulate(footprint)) {
    for (const std::size_t i : t) {
      triangles.append(sf::Vertex(to_sf(frame.to_pixel(footprint[i])), to_sf(colour)));
    }
  }
  target.draw(triangles);
}

}  // namespace

double visitor_radius(const PictureFrame& frame, double text) {
  // A person is about 0.45 m across; never smaller than a readable dot.
  return std::clamp(0.22 * frame.pixels_per_metre, 3.0, text * 0.6);
}

void draw_snapshot(sf::RenderTarget& target, const sf::Font& font, const layout::Plan& plan,
                   const PictureFrame& frame, const SnapshotOverlay& snapshot, double text,
                   int width, int margin) {
  const double clerk = std::clamp(0.16 * frame.pixels_per_metre, 2.5, text * 0.4);
  for (const CounterStatus& status : snapshot.counters) {
    const auto it =
        std::find_if(plan.counters().begin(), plan.counters().end(),
                     [&status](const layout::Counter& c) { return c.id == status.counter; });
    if (it == plan.counters().end()) {
      continue;
    }
    if (status.open) {
      // A lamp lit at the clerk's place: square, so that it is not taken for a visitor.
      const Eigen::Vector2d c = frame.to_pixel(it->staff_side);
      square(target, c, clerk + 1.0, {60, 60, 60, 255});
      square(target, c, clerk, kOpenCounter);
    } else {
      veil(target, frame, it->footprint, kClosedVeil);
    }
  }
  const double r = visitor_radius(frame, text);
  for (const VisitorDot& v : snapshot.visitors) {
    const Eigen::Vector2d c = frame.to_pixel(v.position);
    disc(target, c, r + 1.0, {255, 255, 255, 255});
    disc(target, c, r, visitor_colour(v.state));
  }
  if (snapshot.clock.empty()) {
    return;
  }
  const auto size = static_cast<unsigned>(std::lround(text * 1.2));
  sf::Text clock(sf::String::fromUtf8(snapshot.clock.begin(), snapshot.clock.end()), font, size);
  clock.setStyle(sf::Text::Bold);
  clock.setFillColor(sf::Color(40, 40, 40));
  const sf::FloatRect bounds = clock.getLocalBounds();
  const double right = width - margin;
  const double middle = margin + text * 1.3;
  const double x = std::round(right - bounds.left - bounds.width);
  const double y = std::round(middle - bounds.top - bounds.height / 2.0);
  sf::RectangleShape box(sf::Vector2f(bounds.width + static_cast<float>(text),
                                      bounds.height + static_cast<float>(text * 0.5)));
  box.setPosition(static_cast<float>(x + bounds.left - text * 0.5),
                  static_cast<float>(y + bounds.top - text * 0.25));
  box.setFillColor(sf::Color::White);
  target.draw(box);
  clock.setPosition(static_cast<float>(x), static_cast<float>(y));
  target.draw(clock);
}

Image with_snapshot(const Image& picture, const sf::Font& font, const layout::Plan& plan,
                    const PictureFrame& frame, const SnapshotOverlay& snapshot, double text,
                    int margin) {
  const auto w = static_cast<unsigned>(picture.width());
  const auto h = static_cast<unsigned>(picture.height());
  sf::Texture background;
  if (!background.create(w, h)) {
    throw RenderError("cannot draw: the graphics driver refused a texture of " + std::to_string(w) +
                      " x " + std::to_string(h) + " pixels");
  }
  background.update(picture.bytes().data());
  sf::RenderTexture target;
  sf::ContextSettings settings;
  settings.antialiasingLevel = 0;
  if (!target.create(w, h, settings)) {
    throw RenderError("cannot draw: the graphics driver refused an off-screen texture of " +
                      std::to_string(w) + " x " + std::to_string(h) + " pixels");
  }
  target.clear(sf::Color::White);
  target.draw(sf::Sprite(background));
  draw_snapshot(target, font, plan, frame, snapshot, text, picture.width(), margin);
  target.display();
  const sf::Image copy = target.getTexture().copyToImage();
  Image out(picture.width(), picture.height());
  const sf::Uint8* bytes = copy.getPixelsPtr();
  for (int y = 0; y < picture.height(); ++y) {
    for (int x = 0; x < picture.width(); ++x) {
      const std::size_t i = (static_cast<std::size_t>(y) * w + static_cast<std::size_t>(x)) * 4u;
      out.set_pixel(x, y, {bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]});
    }
  }
  return out;
}

void load_font(sf::Font& font, const std::filesystem::path& file) {
  if (!font.loadFromFile(file.string())) {
    throw RenderError("cannot read the font " + file.string());
  }
}

}  // namespace hallsim::render::detail
