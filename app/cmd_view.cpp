// `hallsim view PLAN [SCENARIO]`: a simulated day played over the plan in a window, or off
// screen for a fixed number of frames (docs/rendering.md).

#include "cmd_view.hpp"

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "hall_setup.hpp"
#include "hallsim/layout/access.hpp"
#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/layout/egress.hpp"
#include "hallsim/layout/loader.hpp"
#include "hallsim/layout/navigation.hpp"
#include "hallsim/render/overlay_sources.hpp"
#include "hallsim/render/picture.hpp"
#include "hallsim/render/viewer.hpp"

namespace hallsim::app {

namespace {

struct ViewArguments {
  std::string plan;
  std::string scenario;
  std::uint64_t seed = 1;
  int day = 0;
  std::string at;
  double speed = render::ViewerOptions{}.speed;
  int width = render::ViewerOptions{}.width_px;
  std::string font;
  int headless_frames = 0;
  double frame_step = 30.0;
  int quit_after = 0;
  std::string capture;
  std::string heat_of = "occupancy";
};

int run_view(const ViewArguments& args) {
  try {
    const layout::Plan plan = layout::load_plan(args.plan);
    const double at = args.at.empty() ? -1.0 : clock_option("--at", args.at);
    const layout::NavGraph graph =
        layout::NavGraph::build(plan, layout::NavSettings{.source_name = args.plan});
    render::ViewerLayers layers;
    layers.egress = render::egress_overlay(graph, layout::check_egress(graph));
    layers.access = render::access_overlay(layout::check_access(graph));
    render::ViewerOptions options;
    options.width_px = args.width;
    options.font_file = args.font;
    options.speed = args.speed;
    options.title = "hallsim view · " + plan.site().name;
    std::optional<render::Playback> playback;
    sim::Weekday first_day = sim::Weekday::mon;
    if (!args.scenario.empty()) {
      SimulatedDay day = simulate_day(graph, args.plan, args.scenario, args.seed, args.day);
      render::HeatSettings heat;
      heat.waiting_only = args.heat_of == "queueing";
      layers.heat = day.playback.heat(day.open, day.close, heat);
      options.begin = day.open;
      options.end = std::max(day.close, day.playback.end());
      options.start = at >= 0.0 ? day.day * sim::kDaySeconds + at : day.open;
      first_day = day.playback.hall().first_day;
      playback = std::move(day.playback);
    }
    render::Viewer viewer(plan, std::move(playback), std::move(layers), options);
    render::ViewerReport report;
    if (args.headless_frames > 0) {
      report = viewer.run_headless(args.headless_frames, args.frame_step);
    } else {
      report = viewer.run_window(args.quit_after);
    }
    if (!args.capture.empty()) {
      render::save_png(viewer.capture(), args.capture);
    }
    std::printf("%d frames in %.2f s: %.1f frames/s; last frame at %s\n", report.frames,
                report.seconds, report.frames_per_second(),
                render::clock_text(report.end_time, first_day).c_str());
    return kExitOk;
  } catch (const layout::InputError& e) {
    return report_input_error(e);
  } catch (const render::RenderError& e) {
    std::cerr << "hallsim view: error: " << e.what() << '\n';
    return kExitBadInput;
  }
}

}  // namespace

void add_view_command(CLI::App& app, CommandBody& chosen) {
  auto args = std::make_shared<ViewArguments>();
  CLI::App* cmd = app.add_subcommand(
      "view",
      "Play a simulated day over a floor plan in a window: visitors walking their routes, "
      "queues forming, counters opening and closing, the clock. Keys: " +
          render::viewer_help() +
          ". Without SCENARIO the plan and its egress and access layers are shown. Needs an X "
          "display (under `xvfb-run -a` only with --headless-frames or --quit-after)");
  cmd->add_option("plan", args->plan, "the floor-plan file (docs/floorplan-format.md)")->required();
  cmd->add_option("scenario", args->scenario,
                  "the demand scenario of the day to play (docs/scenario-format.md)");
  cmd->add_option("--seed", args->seed, "random seed of the simulated day (replication 0)")
      ->capture_default_str();
  cmd->add_option("--day", args->day, "which day of the run to play: 0 is the scenario's first")
      ->check(CLI::Range(0, 365))
      ->capture_default_str();
  cmd->add_option("--at", args->at, "clock time to start at, HH:MM (default: the opening)");
  cmd->add_option("--speed", args->speed,
                  "simulated seconds per real second while playing (+ and - double and halve it)")
      ->check(CLI::Range(1.0, 3840.0))
      ->capture_default_str();
  cmd->add_option("--width", args->width, "width of the window's plan picture in pixels")
      ->check(CLI::Range(render::kMinWidthPx, render::kMaxWidthPx))
      ->capture_default_str();
  cmd->add_option("--font", args->font,
                  std::string("a TrueType font with Chinese characters (default: $") +
                      render::kFontEnvironmentVariable + ", else " + render::kDefaultFontFile +
                      ")");
  cmd->add_option("--heat-of", args->heat_of,
                  "what the heat layer (key H) counts: occupancy or queueing")
      ->check(CLI::IsMember({"occupancy", "queueing"}))
      ->capture_default_str();
  cmd->add_option("--headless-frames", args->headless_frames,
                  "draw this many frames off screen, without a window or real time, each "
                  "--frame-step simulated seconds after the last; prints the frame rate")
      ->check(CLI::Range(1, 1000000));
  cmd->add_option("--frame-step", args->frame_step,
                  "simulated seconds between two frames drawn off screen")
      ->check(CLI::Range(0.0, 86400.0))
      ->capture_default_str();
  cmd->add_option("--quit-after", args->quit_after,
                  "close the window after this many frames (to measure the frame rate)")
      ->check(CLI::Range(1, 1000000));
  cmd->add_option("--capture", args->capture, "write the last frame to this .png file");
  cmd->callback([args, &chosen] { chosen = [args] { return run_view(*args); }; });
}

}  // namespace hallsim::app
