// Pictures as drawn: pixels that must be right, golden hashes of the sample plans, errors.
// Drawing needs an X display: run under `xvfb-run -a`.
//
// Golden hashes live in tests/data/render/golden/<name>.txt. After an intended change to the
// pictures, rerun with HALLSIM_UPDATE_GOLDEN=1 to rewrite them, look at the new pictures, and
// commit both (see docs/rendering.md).

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/layout/loader.hpp"
#include "hallsim/render/palette.hpp"
#include "hallsim/render/picture.hpp"
#include "render_test_support.hpp"

namespace hallsim::render {
namespace {

using layout::Point;
using testing::at;
using testing::describe;
using testing::over;

constexpr const char* kBoxHall = HALLSIM_TEST_DATA_DIR "/render/box-hall.json";

layout::Plan load(const std::string& file) {
  return layout::load_plan(file);
}
layout::Plan sample(const std::string& name) {
  return load(std::string(HALLSIM_SOURCE_DIR "/floorplans/") + name + ".json");
}

RenderOptions width(int px) {
  RenderOptions options;
  options.width_px = px;
  return options;
}

// Blending in the graphics driver rounds in its own way: one step per channel either side.
void expect_close(Rgba actual, Rgba expected) {
  EXPECT_NEAR(actual.r, expected.r, 1);
  EXPECT_NEAR(actual.g, expected.g, 1);
  EXPECT_NEAR(actual.b, expected.b, 1);
}

TEST(PlanPicture, EmergencyExitIsSafetyGreenAcrossItsWall) {
  const auto picture = render_plan(load(kBoxHall), {}, width(1000));
  // The east exit spans y 3.4 to 4.6 m in the wall from x = 10 to 10.24 m; a quarter and three
  // quarters of the way along, mid-wall.
  EXPECT_EQ(at(picture, {10.12, 3.7}), kExitGreen) << describe(at(picture, {10.12, 3.7}));
  EXPECT_EQ(at(picture, {10.12, 4.3}), kExitGreen);
  // The wall on either side of it is wall.
  EXPECT_EQ(at(picture, {10.12, 2.0}), kExteriorWall);
  EXPECT_EQ(at(picture, {10.12, 5.5}), kExteriorWall);
  // The main entrance is no exit: its gap (x 2.5 to 3.5 m) is open, not green and not wall.
  const Rgba gap = at(picture, {3.25, -0.12});
  EXPECT_FALSE(gap == kExitGreen) << describe(gap);
  EXPECT_FALSE(gap == kExteriorWall) << describe(gap);
  EXPECT_EQ(at(picture, {1.5, -0.12}), kExteriorWall);
}

TEST(PlanPicture, ZonesAreFilledByKindAtTheirCentroids) {
  const auto picture = render_plan(load(kBoxHall), {}, width(1000));
  EXPECT_EQ(at(picture, {3, 3}), zone_fill(layout::ZoneKind::waiting));
  EXPECT_EQ(at(picture, {8, 3}), zone_fill(layout::ZoneKind::window_service));
  // North is up: the counter (5.0 to 5.6 m north) shows above the zone centres, in its colour.
  EXPECT_EQ(at(picture, {7.7, 5.2}), counter_fill(layout::CounterType::general));
  EXPECT_LT(picture.frame.to_pixel({7.7, 5.2}).y(), picture.frame.to_pixel({8, 3}).y());
}

TEST(PlanPicture, SampleZoneCentroidsShowTheirKind) {
  // Zones whose centre nothing covers (looked at on the pictures in docs/images).
  const auto unit = render_plan(sample("service-unit"));
  EXPECT_EQ(at(unit, {2, 3}), zone_fill(layout::ZoneKind::waiting));       // centroid (2, 3)
  EXPECT_EQ(at(unit, {6, 3}), zone_fill(layout::ZoneKind::disclosure));    // centroid (6, 3)
  EXPECT_EQ(at(unit, {6, 1}), zone_fill(layout::ZoneKind::self_service));  // centroid (6, 1)
}

TEST(PlanPicture, ScaleBarHasTheRoundLengthTimesTheScale) {
  const auto picture = render_plan(load(kBoxHall), {}, width(1000));
  // By hand: (1000 - 2 x (24 + 51)) px over 10.48 m = 81.107 px/m; a fifth of the plan's 850 px
  // is 2.096 m, so the bar is 2 m = 162.21 px.
  const double scale = 850.0 / 10.48;
  EXPECT_NEAR(picture.frame.pixels_per_metre, scale, 1e-9);
  EXPECT_DOUBLE_EQ(picture.scale_bar.length_m, 2.0);
  EXPECT_NEAR(picture.scale_bar.length_px, 2.0 * scale, 1e-9);
  // Measure it: along the bar's top edge, the darkness of the pixels adds up to its length
  // (an edge pixel that is half covered is half dark).
  const int row = static_cast<int>(picture.scale_bar.top);
  const int left = static_cast<int>(picture.scale_bar.left);
  double dark = 0.0;
  for (int x = left - 5; x < left + 200; ++x) {
    const Rgba c = picture.image.pixel(x, row);
    dark += 1.0 - (c.r + c.g + c.b) / (3.0 * 255.0);
  }
  EXPECT_NEAR(dark, 2.0 * scale, 0.5);
  // Twice as wide: text 22 px, padding round(4.6 x 22) = 101 px, (2000 - 2 x 125) / 10.48 =
  // 166.98 px/m; a fifth of 1750 px is 2.096 m again, so the bar is 2 m, twice as long.
  const auto wide = render_plan(load(kBoxHall), {}, width(2000));
  EXPECT_NEAR(wide.frame.pixels_per_metre, 1750.0 / 10.48, 1e-9);
  EXPECT_DOUBLE_EQ(wide.scale_bar.length_m, 2.0);
  const int wide_row = static_cast<int>(wide.scale_bar.top);
  const int wide_left = static_cast<int>(wide.scale_bar.left);
  double wide_dark = 0.0;
  for (int x = wide_left - 5; x < wide_left + 400; ++x) {
    const Rgba c = wide.image.pixel(x, wide_row);
    wide_dark += 1.0 - (c.r + c.g + c.b) / (3.0 * 255.0);
  }
  EXPECT_NEAR(wide_dark, 2.0 * 1750.0 / 10.48, 0.5);
}

TEST(PlanPicture, EveryEmergencyExitOfTheSamplesIsGreen) {
  for (const std::string name : {"service-unit", "village-station", "town-center"}) {
    const auto plan = sample(name);
    const auto picture = render_plan(plan);
    int exits = 0;
    for (const auto& opening : plan.openings()) {
      if (!opening.emergency_exit) {
        continue;
      }
      ++exits;
      // Mid-wall, a quarter of the way in from each jamb, on the side the wall is drawn.
      const Point along = (opening.span.b - opening.span.a);
      Point normal(-along.y(), along.x());
      normal.normalize();
      const bool exterior = opening.exterior;
      const double depth = exterior ? 0.12 : 0.0;
      const Point middle = (opening.span.a + opening.span.b) / 2.0;
      if (exterior && layout::contains(plan.outline(), middle + normal * 0.05)) {
        normal = -normal;
      }
      for (const double t : {0.25, 0.75}) {
        const Point p = opening.span.a + along * t + normal * depth;
        EXPECT_EQ(at(picture, p), kExitGreen)
            << name << " exit " << opening.id << " at " << t << ": " << describe(at(picture, p));
      }
    }
    EXPECT_GT(exits, 0) << name;
  }
}

TEST(PlanPicture, SameInputGivesTheSamePixels) {
  const auto plan = sample("village-station");
  const auto first = pixel_hash(render_plan(plan).image);
  const auto other = render_plan(sample("service-unit"));  // glyph caches now hold more
  const auto again = pixel_hash(render_plan(plan).image);
  EXPECT_EQ(first, again);
  EXPECT_NE(first, pixel_hash(other.image));
}

EgressOverlay box_hall_egress() {
  // Distance to the east exit (10, 4): the hall is one convex room, so the walking distance is
  // the straight line. The counter's cells have no value.
  EgressOverlay egress;
  egress.limit = 6.0;
  ScalarGrid& grid = egress.distance;
  grid.origin = Point(0, 0);
  grid.cell = 0.25;
  grid.columns = 40;
  grid.rows = 24;
  for (int r = 0; r < grid.rows; ++r) {
    for (int c = 0; c < grid.columns; ++c) {
      const Point centre = grid.cell_centre(c, r);
      const bool counter =
          centre.x() > 7.5 && centre.x() < 9.0 && centre.y() > 5.0 && centre.y() < 5.6;
      grid.values.push_back(counter ? std::nan("") : (centre - Point(10, 4)).norm());
    }
  }
  egress.worst = Point(0.125, 0.125);
  egress.worst_route = {Point(0.125, 0.125), Point(10, 4)};
  return egress;
}

TEST(OverlayPicture, EgressHeatMapShowsDistanceOverTheZones) {
  Overlays overlays;
  overlays.egress = box_hall_egress();
  const auto picture = render_plan(load(kBoxHall), overlays);
  const Rgba waiting = zone_fill(layout::ZoneKind::waiting);
  // Cell (20, 4), centre (5.125, 1.125), is sqrt(4.875² + 2.875²) = 5.66 m from the exit.
  const double d = std::hypot(4.875, 2.875);
  expect_close(at(picture, {5.125, 1.125}), over(egress_colour(d, 6.0), 170, waiting));
  // (1.0, 4.5) is 9.01 m away, beyond the 6 m limit: dark red over the waiting zone.
  expect_close(at(picture, {1.0, 4.5}), over({165, 0, 38, 255}, 170, waiting));
  // (4, 4) lies on the 6 m contour.
  EXPECT_EQ(at(picture, {4, 4}), (Rgba{120, 0, 30, 255})) << describe(at(picture, {4, 4}));
  // The worst point is marked with a cross in the route's colour.
  EXPECT_EQ(at(picture, {0.125, 0.125}), kWorstRoutePurple);
  // Without the overlay the same place shows the bare zone.
  EXPECT_EQ(at(render_plan(load(kBoxHall)), {5.125, 1.125}), waiting);
}

TEST(OverlayPicture, AccessFailureAndFailedClauseAreMarkedInRed) {
  Overlays overlays;
  AccessOverlay access;
  access.routes.push_back({"c1", true, {Point(3, 0.3), Point(3, 3.5), Point(8.25, 4.5)}, {}, ""});
  access.routes.push_back(
      {"kiosk", false, {Point(3, 0.3), Point(5.0, 2.0), Point(8, 2)}, Point(8, 2), "door-x"});
  overlays.access = access;
  CheckOverlay check;
  check.failures.push_back({"4.4.1.2", Point(2, 1), "exit count"});
  overlays.check = check;
  const auto picture = render_plan(load(kBoxHall), overlays);
  EXPECT_EQ(at(picture, {8, 2}), kFailureRed);  // the cross on the blocking point
  EXPECT_EQ(at(picture, {2, 1}), kFailureRed);  // the dot of the failed clause
  // The working route runs north along x = 3 m: a blue stroke (drawn at 210/255 opacity).
  expect_close(at(picture, {3, 2.0}), over(kRouteBlue, 210, zone_fill(layout::ZoneKind::waiting)));
}

TEST(PlanPicture, MissingFontIsAClearError) {
  RenderOptions options;
  options.font_file = "/nonexistent/fonts/wqy.ttc";
  try {
    render_plan(load(kBoxHall), {}, options);
    FAIL() << "a missing font must be refused";
  } catch (const layout::InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].file, "/nonexistent/fonts/wqy.ttc");
    EXPECT_NE(e.diagnostics()[0].message.find("does not exist"), std::string::npos);
    EXPECT_NE(e.diagnostics()[0].hint.find("fonts-wqy-microhei"), std::string::npos);
    EXPECT_NE(e.diagnostics()[0].hint.find("--font"), std::string::npos);
    EXPECT_NE(e.diagnostics()[0].hint.find("HALLSIM_FONT"), std::string::npos);
  }
}

TEST(PlanPicture, FileThatIsNoFontIsRefused) {
  RenderOptions options;
  options.font_file = kBoxHall;
  try {
    render_plan(load(kBoxHall), {}, options);
    FAIL() << "a JSON file is not a font";
  } catch (const layout::InputError& e) {
    EXPECT_NE(e.diagnostics()[0].message.find("not a font"), std::string::npos);
  }
}

TEST(PlanPicture, FontWithoutChineseIsRefusedRatherThanDrawingBoxes) {
  const std::string latin_only = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  if (!std::filesystem::exists(latin_only)) {
    GTEST_SKIP() << "needs fonts-dejavu-core";
  }
  RenderOptions options;
  options.font_file = latin_only;
  try {
    render_plan(load(kBoxHall), {}, options);
    FAIL() << "DejaVu Sans has no Chinese characters";
  } catch (const layout::InputError& e) {
    EXPECT_NE(e.diagnostics()[0].message.find("no Chinese characters"), std::string::npos);
  }
}

TEST(PlanPicture, OutOfRangeWidthNamesTheOption) {
  try {
    render_plan(load(kBoxHall), {}, width(100));
    FAIL() << "100 px is too narrow";
  } catch (const layout::InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_EQ(e.diagnostics()[0].pointer, "/width_px");
    EXPECT_NE(e.diagnostics()[0].hint.find("320 to 8000"), std::string::npos);
  }
}

TEST(PlanPicture, WithoutADisplayTheErrorSaysWhatToRun) {
  const char* saved = std::getenv("DISPLAY");
  const std::string restore = saved == nullptr ? "" : saved;
  // No X server listens on display 987 of this machine.
  ::setenv("DISPLAY", ":987", 1);
  std::string message;
  try {
    render_plan(load(kBoxHall));
  } catch (const RenderError& e) {
    message = e.what();
  }
  if (restore.empty()) {
    ::unsetenv("DISPLAY");
  } else {
    ::setenv("DISPLAY", restore.c_str(), 1);
  }
  EXPECT_NE(message.find("DISPLAY=:987"), std::string::npos) << message;
  EXPECT_NE(message.find("xvfb-run -a"), std::string::npos) << message;
}

// Golden hashes: one per sample picture.

void check_golden(const std::string& name, const Image& image) {
  testing::check_golden(testing::golden_picture(name), image, "picture");
}

TEST(GoldenPicture, ServiceUnit) {
  check_golden("service-unit", render_plan(sample("service-unit")).image);
}
TEST(GoldenPicture, VillageStation) {
  check_golden("village-station", render_plan(sample("village-station")).image);
}
TEST(GoldenPicture, TownCenter) {
  check_golden("town-center", render_plan(sample("town-center")).image);
}
TEST(GoldenPicture, BoxHallWithEveryOverlay) {
  Overlays overlays;
  overlays.egress = box_hall_egress();
  CheckOverlay check;
  check.failures.push_back({"4.4.1.2", Point(2, 1), "exit count"});
  overlays.check = check;
  check_golden("box-hall-overlays", render_plan(load(kBoxHall), overlays).image);
}

// Writing PNG files.

std::filesystem::path fresh_folder(const std::string& name) {
  auto folder = std::filesystem::path(::testing::TempDir()) / ("hallsim-render-" + name);
  std::filesystem::remove_all(folder);
  std::filesystem::create_directories(folder);
  return folder;
}

std::uint32_t big_endian(const std::string& bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  }
  return value;
}

TEST(SavePng, WritesAPngOfThePictureSizeAndLeavesNoTemporaryFile) {
  const auto folder = fresh_folder("save");
  const auto file = folder / "hall.png";
  Image image(37, 21, {10, 20, 30, 255});
  save_png(image, file);
  save_png(Image(5, 3), file);  // replacing an existing picture works too
  std::ifstream in(file, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_GT(bytes.size(), 24u);
  EXPECT_EQ(bytes.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
  EXPECT_EQ(bytes.substr(12, 4), "IHDR");
  EXPECT_EQ(big_endian(bytes, 16), 5u);  // width of the second picture
  EXPECT_EQ(big_endian(bytes, 20), 3u);
  int files = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(folder)) {
    ++files;
  }
  EXPECT_EQ(files, 1);
}

TEST(SavePng, MissingFolderIsAnErrorThatNamesTheFileAndCreatesNothing) {
  const auto folder = fresh_folder("missing");
  const auto file = folder / "no-such-folder" / "hall.png";
  try {
    save_png(Image(4, 4), file);
    FAIL() << "the folder does not exist";
  } catch (const layout::InputError& e) {
    EXPECT_EQ(e.diagnostics()[0].file, file.string());
    EXPECT_NE(e.diagnostics()[0].message.find("does not exist"), std::string::npos);
  }
  EXPECT_FALSE(std::filesystem::exists(folder / "no-such-folder"));
}

TEST(SavePng, NameWithoutPngEndingIsRefused) {
  const auto folder = fresh_folder("ending");
  EXPECT_THROW(save_png(Image(4, 4), folder / "hall.jpg"), layout::InputError);
  EXPECT_TRUE(std::filesystem::is_empty(folder));
}

}  // namespace
}  // namespace hallsim::render
