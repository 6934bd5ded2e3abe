// `hallsim render PLAN -o hall.png`: a picture of the plan to scale, north up, with a scale bar
// and a legend, and optionally what an analysis found drawn over it (docs/rendering.md).

#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "commands.hpp"
#include "hallsim/layout/access.hpp"
#include "hallsim/layout/compliance.hpp"
#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/layout/egress.hpp"
#include "hallsim/layout/loader.hpp"
#include "hallsim/layout/navigation.hpp"
#include "hallsim/render/overlay_sources.hpp"
#include "hallsim/render/picture.hpp"

namespace hallsim::app {

void add_render_command(CLI::App& app, CommandBody& chosen);

namespace {

struct RenderArguments {
  std::string plan;
  std::string output;
  std::vector<std::string> overlays;
  int width = render::RenderOptions{}.width_px;
  std::string font;
  bool no_legend = false;
};

// Overlays that need a simulated day's trace, which `hallsim render` cannot read yet.
bool needs_trace(const std::string& overlay) {
  return overlay == "heat" || overlay == "snapshot";
}

void print(const layout::InputError& error) {
  for (const layout::Diagnostic& d : error.diagnostics()) {
    std::cerr << layout::format_diagnostic(d) << '\n';
  }
}

int run_render(const RenderArguments& args) {
  for (const std::string& overlay : args.overlays) {
    if (needs_trace(overlay)) {
      std::cerr << "hallsim render: error: the '" << overlay
                << "' overlay draws a simulated day and needs its trace, which this version "
                   "cannot read yet; use egress, access or check\n";
      return kExitBadInput;
    }
  }
  try {
    const layout::Plan plan = layout::load_plan(args.plan);
    render::Overlays overlays;
    if (!args.overlays.empty()) {
      // Every overlay reads the same analyses, made once: the navigation grid, the wheelchair
      // routes and the egress check (as `hallsim check` and `hallsim egress` make them).
      const layout::NavGraph graph = layout::NavGraph::build(plan);
      const layout::AccessReport access = layout::check_access(graph);
      const layout::EgressReport egress = layout::check_egress(graph);
      for (const std::string& overlay : args.overlays) {
        if (overlay == "egress") {
          overlays.egress = render::egress_overlay(graph, egress);
        }
        if (overlay == "access") {
          overlays.access = render::access_overlay(access);
        }
        if (overlay == "check") {
          const layout::SupplementaryEvidence routes = layout::route_evidence(access, egress);
          overlays.check =
              render::check_overlay(plan, layout::check_compliance(plan, args.plan, {}, &routes));
        }
      }
    }
    render::RenderOptions options;
    options.width_px = args.width;
    options.font_file = args.font;
    options.legend = !args.no_legend;
    const render::RenderedPlan picture = render::render_plan(plan, overlays, options);
    render::save_png(picture.image, args.output);
    std::printf("%s: %d x %d px, %.1f px/m, scale bar %g m\n", args.output.c_str(),
                picture.image.width(), picture.image.height(), picture.frame.pixels_per_metre,
                picture.scale_bar.length_m);
    return kExitOk;
  } catch (const layout::InputError& e) {
    print(e);
    return kExitBadInput;
  } catch (const render::RenderError& e) {
    std::cerr << "hallsim render: error: " << e.what() << '\n';
    return kExitBadInput;
  }
}

}  // namespace

void add_render_command(CLI::App& app, CommandBody& chosen) {
  auto args = std::make_shared<RenderArguments>();
  CLI::App* cmd = app.add_subcommand(
      "render",
      "Draw a floor plan as a PNG picture: to scale, north up, zones by kind (Chinese and "
      "English), walls, doors and their swing, exits in green, counters by type, signs, a scale "
      "bar and a legend; optionally with an analysis drawn over it. Needs an X display: run "
      "under `xvfb-run -a` on a machine without a screen");
  cmd->add_option("plan", args->plan, "the floor-plan file (docs/floorplan-format.md)")->required();
  cmd->add_option("-o,--output", args->output, "the picture to write (.png)")->required();
  cmd->add_option("--overlay", args->overlays,
                  "draw over the plan (repeatable): egress (walking distance to the nearest "
                  "exit, the limit contour, the farthest point and its route), access "
                  "(wheelchair routes, failures in red with what blocks them), check (each "
                  "failing clause where it fails); heat and snapshot need a simulation trace "
                  "and are not available yet")
      ->check(CLI::IsMember({"egress", "access", "check", "heat", "snapshot"}));
  cmd->add_option("--width", args->width, "width of the picture in pixels; its height follows")
      ->check(CLI::Range(render::kMinWidthPx, render::kMaxWidthPx));
  cmd->add_option("--font", args->font,
                  std::string("a TrueType font with Chinese characters (default: $") +
                      render::kFontEnvironmentVariable + ", else " + render::kDefaultFontFile +
                      ")");
  cmd->add_flag("--no-legend", args->no_legend, "leave the legend out");
  cmd->callback([args, &chosen] { chosen = [args] { return run_render(*args); }; });
}

}  // namespace hallsim::app
