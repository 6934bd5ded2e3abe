// The viewer: the plan picture drawn once per set of layers into a texture, the moving parts
// drawn over it each frame as the snapshot overlay draws them, and three lines under it (the
// clock and state, the selection's figures, the keys).

#include "hallsim/render/viewer.hpp"

#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/Graphics/Sprite.hpp>
#include <SFML/Graphics/Text.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/Window/Event.hpp>
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "canvas.hpp"
#include "hallsim/layout/diagnostics.hpp"
#include "snapshot.hpp"

namespace hallsim::render {

namespace {

constexpr double kMinSpeed = 1.0;
constexpr double kMaxSpeed = 3840.0;
constexpr double kJump = 600.0;       // Left / Right
constexpr double kLongJump = 3600.0;  // with Shift
constexpr int kStatusLines = 3;

std::string percent(double share) {
  if (std::isnan(share)) {
    return "-";
  }
  std::array<char, 16> text{};
  std::snprintf(text.data(), text.size(), "%.0f%%", share * 100.0);
  return text.data();
}

std::string speed_text(double speed) {
  std::array<char, 32> text{};
  std::snprintf(text.data(), text.size(), "×%g", speed);
  return text.data();
}

}  // namespace

std::string viewer_help() {
  return "空格 Space 播放/暂停 play/pause · +/− 快慢 speed · ←/→ −/+ 10 min (Shift: 1 h) · "
         "G 跳转 go to HH:MM · E 疏散 egress · A 无障碍 access · H 热力 heat · "
         "点击 click: 窗口/区域数据 figures · Esc 退出 quit";
}

struct Viewer::Impl {
  // Declared first so that it is closed last, after every SFML object of the viewer.
  detail::DisplayHold display;
  layout::Plan plan;
  std::optional<Playback> playback;
  ViewerLayers layers;
  ViewerOptions options;
  sf::Font font;
  PictureFrame frame;
  int width = 0;
  int picture_height = 0;
  int height = 0;
  double text = 12.0;
  bool egress_on = false;
  bool access_on = false;
  bool heat_on = false;
  std::map<int, std::unique_ptr<sf::Texture>> pictures;  // by layer mask
  double t = 0.0;
  double speed = 60.0;
  bool playing = false;
  std::optional<std::size_t> counter;  // selected counter (plan order)
  std::optional<std::size_t> zone;     // selected zone (plan order)
  std::optional<std::string> go_to;    // the clock time being typed after G

  Impl(const layout::Plan& p, std::optional<Playback> pb, ViewerLayers l, const ViewerOptions& o)
      : plan(p), playback(std::move(pb)), layers(std::move(l)), options(o) {
    if (options.end <= options.begin) {
      options.begin = playback ? playback->begin() : 0.0;
      options.end = playback ? playback->end() : 0.0;
    }
    t = std::clamp(options.start, options.begin, std::max(options.begin, options.end));
    speed = std::clamp(options.speed, kMinSpeed, kMaxSpeed);
    text = base_text_size(options.width_px);
    picture(0);  // checks the options and the font, and fixes the frame
    detail::load_font(font,
                      resolve_font_file(options.font_file, std::getenv(kFontEnvironmentVariable)));
    height = picture_height + static_cast<int>(std::ceil(text * (1.7 * kStatusLines + 0.6)));
  }

  int mask() const {
    return (egress_on && layers.egress ? 1 : 0) | (access_on && layers.access ? 2 : 0) |
           (heat_on && layers.heat ? 4 : 0);
  }

  const sf::Texture& picture(int m) {
    auto& slot = pictures[m];
    if (slot) {
      return *slot;
    }
    Overlays overlays;
    if ((m & 1) != 0) {
      overlays.egress = layers.egress;
    }
    if ((m & 2) != 0) {
      overlays.access = layers.access;
    }
    if ((m & 4) != 0) {
      overlays.heat = layers.heat;
    }
    RenderOptions ro;
    ro.width_px = options.width_px;
    ro.font_file = options.font_file;
    ro.legend = false;
    const RenderedPlan rendered = render_plan(plan, overlays, ro);
    frame = rendered.frame;
    width = rendered.image.width();
    picture_height = rendered.image.height();
    slot = std::make_unique<sf::Texture>();
    if (!slot->create(static_cast<unsigned>(width), static_cast<unsigned>(picture_height))) {
      throw RenderError("cannot draw: the graphics driver refused a texture of " +
                        std::to_string(width) + " x " + std::to_string(picture_height) + " pixels");
    }
    slot->update(rendered.image.bytes().data());
    return *slot;
  }

  void set_time(double value) {
    t = std::clamp(value, options.begin, std::max(options.begin, options.end));
  }

  std::vector<std::string> selection() const {
    std::vector<std::string> lines;
    if (counter) {
      const layout::Counter& c = plan.counters()[*counter];
      std::string line = "窗口 Counter " + (c.number.empty() ? c.id : c.number) + " (" + c.id + ")";
      if (playback) {
        const std::vector<CounterAt> all = playback->counters_at(t);
        const auto it = std::find_if(all.begin(), all.end(),
                                     [&c](const CounterAt& a) { return a.counter == c.id; });
        if (it != all.end()) {
          line += it->open ? " · 开放 open" : " · 未开放 closed";
          line += " · 已办 " + std::to_string(it->served) + " served";
          line += " · 忙 busy " + percent(it->busy_share()) + " so far";
          if (it->visitor) {
            line += (it->serving ? " · 正在办理 serving visitor " : " · 叫号 called visitor ") +
                    std::to_string(*it->visitor);
          } else {
            line += " · 空闲 idle";
          }
        } else {
          line += " · not in the simulated hall";
        }
      }
      lines.push_back(line);
    }
    if (zone) {
      const layout::Zone& z = plan.zones()[*zone];
      std::string line = "区域 Zone " + (z.name.empty() ? z.id : z.name) + " (" + z.id + ")";
      if (playback) {
        line += " · 现有 " + std::to_string(playback->people_in(z.polygon, t)) + " 人 people now";
      }
      lines.push_back(line);
    }
    return lines;
  }

  std::vector<std::string> select(const layout::Point& p) {
    counter.reset();
    zone.reset();
    for (std::size_t i = 0; i < plan.counters().size(); ++i) {
      const layout::Counter& c = plan.counters()[i];
      if (layout::contains(c.footprint, p) || (p - c.customer_side).norm() < 0.5 ||
          (p - c.staff_side).norm() < 0.5) {
        counter = i;
        return selection();
      }
    }
    for (std::size_t i = 0; i < plan.zones().size(); ++i) {
      if (layout::contains(plan.zones()[i].polygon, p)) {
        zone = i;
        break;
      }
    }
    return selection();
  }

  void line(sf::RenderTarget& target, const std::string& utf8, double y, double size,
            sf::Color colour) const {
    sf::Text label(sf::String::fromUtf8(utf8.begin(), utf8.end()), font,
                   static_cast<unsigned>(std::lround(size)));
    label.setFillColor(colour);
    const sf::FloatRect bounds = label.getLocalBounds();
    // Shrunk to fit the width rather than cut.
    const double room = width - 2.0 * text;
    if (bounds.width > room) {
      const auto scale = static_cast<float>(room / bounds.width);
      label.setScale(scale, scale);
    }
    label.setPosition(static_cast<float>(text), static_cast<float>(std::round(y)));
    target.draw(label);
  }

  void draw(sf::RenderTarget& target) {
    target.clear(sf::Color::White);
    target.draw(sf::Sprite(picture(mask())));
    if (playback) {
      detail::draw_snapshot(target, font, plan, frame, playback->snapshot(t), text, width,
                            RenderOptions{}.margin_px);
    }
    const double row = text * 1.7;
    double y = picture_height + text * 0.2;
    std::string status;
    if (playback) {
      const std::vector<VisitorAt> now = playback->visitors_at(t);
      int open = 0;
      for (const CounterAt& c : playback->counters_at(t)) {
        open += c.open ? 1 : 0;
      }
      status = std::string(playing ? "播放 Playing " + speed_text(speed) : "暂停 Paused") + " · " +
               clock_text(t, playback->hall().first_day) + " · 在厅 " + std::to_string(now.size()) +
               " 人 in the hall · 开放窗口 " + std::to_string(open) + "/" +
               std::to_string(playback->hall().counters.size()) + " counters open";
    } else {
      status = "没有情景 No scenario: give one to play a simulated day";
    }
    status += std::string(" · 图层 layers:") +
              (layers.egress ? egress_on ? " egress on" : " egress off" : "") +
              (layers.access ? access_on ? ", access on" : ", access off" : "") +
              (layers.heat ? heat_on ? ", heat on" : ", heat off" : "");
    line(target, status, y, text, sf::Color(30, 30, 30));
    y += row;
    std::string middle;
    if (go_to) {
      middle = "跳转 Go to: " + *go_to + "_  (HH:MM, Enter 确定 jump, Esc 取消 cancel)";
    } else {
      const std::vector<std::string> lines = selection();
      middle = lines.empty() ? "点击窗口或区域查看数据 Click a counter or a zone for its figures"
                             : lines.front();
    }
    line(target, middle, y, text, sf::Color(31, 95, 191));
    y += row;
    line(target, viewer_help(), y, text * 0.85, sf::Color(90, 90, 90));
  }

  layout::Point plan_point(const sf::Vector2f& pixel) const {
    return {frame.extent.min.x() + (pixel.x - frame.left) / frame.pixels_per_metre,
            frame.extent.max.y() - (pixel.y - frame.top) / frame.pixels_per_metre};
  }

  // Keys; false when the viewer should close.
  bool key(const sf::Event::KeyEvent& k) {
    if (go_to) {
      if (k.code == sf::Keyboard::Enter) {
        if (const std::optional<double> clock = parse_clock(*go_to); clock && playback) {
          set_time(std::floor(t / sim::kDaySeconds) * sim::kDaySeconds + *clock);
        }
        go_to.reset();
      } else if (k.code == sf::Keyboard::Escape) {
        go_to.reset();
      } else if (k.code == sf::Keyboard::BackSpace && !go_to->empty()) {
        go_to->pop_back();
      }
      return true;
    }
    const double jump = k.shift ? kLongJump : kJump;
    switch (k.code) {
      case sf::Keyboard::Escape:
      case sf::Keyboard::Q:
        return false;
      case sf::Keyboard::Space:
        playing = !playing;
        break;
      case sf::Keyboard::Add:
      case sf::Keyboard::Equal:
      case sf::Keyboard::Up:
        speed = std::min(kMaxSpeed, speed * 2.0);
        break;
      case sf::Keyboard::Subtract:
      case sf::Keyboard::Hyphen:
      case sf::Keyboard::Down:
        speed = std::max(kMinSpeed, speed / 2.0);
        break;
      case sf::Keyboard::Left:
        set_time(t - jump);
        break;
      case sf::Keyboard::Right:
        set_time(t + jump);
        break;
      case sf::Keyboard::Home:
        set_time(options.begin);
        break;
      case sf::Keyboard::End:
        set_time(options.end);
        break;
      case sf::Keyboard::G:
        go_to = std::string();
        break;
      case sf::Keyboard::E:
        egress_on = !egress_on;
        break;
      case sf::Keyboard::A:
        access_on = !access_on;
        break;
      case sf::Keyboard::H:
        heat_on = !heat_on;
        break;
      default:
        break;
    }
    return true;
  }
};

Viewer::Viewer(const layout::Plan& plan, std::optional<Playback> playback, ViewerLayers layers,
               const ViewerOptions& options)
    : impl_(std::make_unique<Impl>(plan, std::move(playback), std::move(layers), options)) {}

Viewer::~Viewer() = default;

double Viewer::time() const {
  return impl_->t;
}
void Viewer::set_time(double t) {
  impl_->set_time(t);
}
void Viewer::show_egress(bool on) {
  impl_->egress_on = on;
}
void Viewer::show_access(bool on) {
  impl_->access_on = on;
}
void Viewer::show_heat(bool on) {
  impl_->heat_on = on;
}
std::vector<std::string> Viewer::select(const layout::Point& p) {
  return impl_->select(p);
}
std::vector<std::string> Viewer::selection_lines() const {
  return impl_->selection();
}
const PictureFrame& Viewer::frame() const {
  return impl_->frame;
}
int Viewer::picture_width() const {
  return impl_->width;
}
int Viewer::picture_height() const {
  return impl_->picture_height;
}

namespace {

sf::RenderTexture& offscreen(sf::RenderTexture& target, int width, int height) {
  sf::ContextSettings settings;
  settings.antialiasingLevel = 0;
  if (!target.create(static_cast<unsigned>(width), static_cast<unsigned>(height), settings)) {
    throw RenderError("cannot draw: the graphics driver refused an off-screen texture of " +
                      std::to_string(width) + " x " + std::to_string(height) + " pixels");
  }
  return target;
}

Image to_image(const sf::Image& image) {
  const sf::Vector2u size = image.getSize();
  Image out(static_cast<int>(size.x), static_cast<int>(size.y));
  const sf::Uint8* bytes = image.getPixelsPtr();
  for (unsigned y = 0; y < size.y; ++y) {
    for (unsigned x = 0; x < size.x; ++x) {
      const std::size_t i = (static_cast<std::size_t>(y) * size.x + x) * 4u;
      out.set_pixel(static_cast<int>(x), static_cast<int>(y),
                    {bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]});
    }
  }
  return out;
}

}  // namespace

Image Viewer::capture() {
  sf::RenderTexture target;
  offscreen(target, impl_->width, impl_->height);
  impl_->draw(target);
  target.display();
  return to_image(target.getTexture().copyToImage());
}

ViewerReport Viewer::run_headless(int frames, double step) {
  sf::RenderTexture target;
  offscreen(target, impl_->width, impl_->height);
  const double t0 = impl_->t;
  impl_->playing = true;
  ViewerReport report;
  const auto start = std::chrono::steady_clock::now();
  for (int k = 0; k < frames; ++k) {
    // Each frame's time from its number, not by adding steps up.
    impl_->set_time(t0 + step * k);
    impl_->draw(target);
    target.display();
    ++report.frames;
  }
  // Reading the last frame back waits for the driver to finish every frame.
  const sf::Image last = target.getTexture().copyToImage();
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  report.end_time = impl_->t;
  impl_->playing = false;
  (void)last;
  return report;
}

ViewerReport Viewer::run_window(int max_frames) {
  Impl& v = *impl_;
  sf::ContextSettings settings;
  settings.antialiasingLevel = 0;
  sf::RenderWindow window(
      sf::VideoMode(static_cast<unsigned>(v.width), static_cast<unsigned>(v.height)),
      sf::String::fromUtf8(v.options.title.begin(), v.options.title.end()), sf::Style::Default,
      settings);
  window.setFramerateLimit(60);
  window.setKeyRepeatEnabled(true);
  v.playing = v.playback.has_value();
  ViewerReport report;
  const auto start = std::chrono::steady_clock::now();
  // Simulation time while playing: from an anchor, by real time elapsed since (not summed).
  auto anchor_real = start;
  double anchor_t = v.t;
  double anchor_speed = v.speed;
  bool was_playing = v.playing;
  while (window.isOpen()) {
    sf::Event event;
    bool moved = false;
    while (window.pollEvent(event)) {
      if (event.type == sf::Event::Closed) {
        window.close();
      } else if (event.type == sf::Event::KeyPressed) {
        const double before = v.t;
        if (!v.key(event.key)) {
          window.close();
        }
        moved = moved || v.t != before;
      } else if (event.type == sf::Event::TextEntered && v.go_to) {
        const auto c = event.text.unicode;
        if ((c >= '0' && c <= '9') || c == ':') {
          if (v.go_to->size() < 8) {
            v.go_to->push_back(static_cast<char>(c));
          }
        }
      } else if (event.type == sf::Event::MouseButtonPressed &&
                 event.mouseButton.button == sf::Mouse::Left) {
        const sf::Vector2f at = window.mapPixelToCoords({event.mouseButton.x, event.mouseButton.y});
        if (at.y < v.picture_height) {
          v.select(v.plan_point(at));
        }
      } else if (event.type == sf::Event::Resized) {
        // Keep the picture's proportions: letterbox it in the window.
        const double sx = static_cast<double>(event.size.width) / v.width;
        const double sy = static_cast<double>(event.size.height) / v.height;
        const double s = std::min(sx, sy);
        sf::View view(
            sf::FloatRect(0.0f, 0.0f, static_cast<float>(v.width), static_cast<float>(v.height)));
        const auto w = static_cast<float>(v.width * s / event.size.width);
        const auto h = static_cast<float>(v.height * s / event.size.height);
        view.setViewport(sf::FloatRect((1.0f - w) / 2.0f, (1.0f - h) / 2.0f, w, h));
        window.setView(view);
      }
    }
    if (!window.isOpen()) {
      break;
    }
    const auto now = std::chrono::steady_clock::now();
    if (moved || v.playing != was_playing || v.speed != anchor_speed) {
      anchor_real = now;
      anchor_t = v.t;
      anchor_speed = v.speed;
      was_playing = v.playing;
    }
    if (v.playing) {
      v.set_time(anchor_t +
                 anchor_speed * std::chrono::duration<double>(now - anchor_real).count());
      if (v.t >= v.options.end) {
        v.playing = false;
      }
    }
    v.draw(window);
    window.display();
    ++report.frames;
    if (max_frames > 0 && report.frames >= max_frames) {
      window.close();
    }
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  report.end_time = v.t;
  return report;
}

}  // namespace hallsim::render
