#pragma once
// Helpers shared by the picture tests (render and `hallsim view`): reading a pixel under a plan
// point, blending by hand, hand-made trace records, and the golden-hash check.
//
// A golden file holds one line, "<pixel hash> <width>x<height>". After an intended change to
// the pictures, rerun with HALLSIM_UPDATE_GOLDEN=1 to rewrite the files, look at the pictures
// it saves, and commit both.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "hallsim/render/image.hpp"
#include "hallsim/render/picture.hpp"
#include "hallsim/sim/hall.hpp"

namespace hallsim::render::testing {

/// The test hall of the playback and viewer tests: seats, a guidance desk, a ticket machine,
/// two kiosks and counter c1.
inline constexpr const char* kPlaybackHall = HALLSIM_TEST_DATA_DIR "/render/playback-hall.json";

/// The pixel under plan point `p`.
inline Rgba at(const RenderedPlan& picture, const layout::Point& p) {
  const auto px = picture.frame.to_pixel(p);
  return picture.image.pixel(static_cast<int>(std::floor(px.x())),
                             static_cast<int>(std::floor(px.y())));
}

/// `top` drawn with opacity alpha/255 over opaque `bottom`, as the blending of the picture does.
inline Rgba over(Rgba top, int alpha, Rgba bottom) {
  const auto channel = [alpha](int t, int b) {
    return static_cast<std::uint8_t>(std::lround((t * alpha + b * (255 - alpha)) / 255.0));
  };
  return {channel(top.r, bottom.r), channel(top.g, bottom.g), channel(top.b, bottom.b), 255};
}

/// A colour as "(r, g, b)" for failure messages.
inline std::string describe(Rgba c) {
  return "(" + std::to_string(c.r) + ", " + std::to_string(c.g) + ", " + std::to_string(c.b) + ")";
}

/// One trace record written by hand.
inline sim::TraceRecord record(double t, std::uint32_t visitor, sim::TraceEvent event,
                               sim::Spot spot = sim::Spot::entrance, double duration = 0.0,
                               int counter = -1, std::uint8_t detail = 0) {
  sim::TraceRecord r;
  r.time = t;
  r.visitor = visitor;
  r.event = event;
  r.spot = spot;
  r.duration = duration;
  r.counter = counter;
  r.detail = detail;
  return r;
}

/// Compares the hash of `image` with `golden_file`; `what` ("picture", "chart") words the
/// failure. Under HALLSIM_UPDATE_GOLDEN=1 it rewrites the file instead and saves the picture
/// beside the test's temporary files for a look.
inline void check_golden(const std::filesystem::path& golden_file, const Image& image,
                         const std::string& what) {
  const std::string name = golden_file.stem().string();
  std::ostringstream actual;
  actual << to_hex(pixel_hash(image)) << " " << image.width() << "x" << image.height() << "\n";
  const char* update = std::getenv("HALLSIM_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::filesystem::create_directories(golden_file.parent_path());
    std::ofstream(golden_file) << actual.str();
    const auto saved = std::filesystem::path(::testing::TempDir()) / (name + ".png");
    save_png(image, saved);
    std::cout << "updated " << golden_file.string() << ": " << actual.str() << "  (picture "
              << saved.string() << ")\n";
    return;
  }
  std::ifstream in(golden_file);
  ASSERT_TRUE(in) << "no golden file " << golden_file.string()
                  << "; run with HALLSIM_UPDATE_GOLDEN=1 to make it";
  std::stringstream expected;
  expected << in.rdbuf();
  if (expected.str() != actual.str()) {
    const auto saved = std::filesystem::path(::testing::TempDir()) / (name + ".actual.png");
    save_png(image, saved);
    ADD_FAILURE() << name << ": the " << what << " changed (expected " << expected.str() << ", got "
                  << actual.str() << "); it is saved as " << saved.string()
                  << ". If the change is intended, rerun with HALLSIM_UPDATE_GOLDEN=1.";
  }
}

/// The golden file of a sample picture: tests/data/render/golden/<name>.txt.
inline std::filesystem::path golden_picture(const std::string& name) {
  return std::filesystem::path(HALLSIM_TEST_DATA_DIR) / "render" / "golden" / (name + ".txt");
}

}  // namespace hallsim::render::testing
