// `hallsim render PLAN -o hall.png`: a picture of the plan to scale, north up, with a scale bar
// and a legend, and optionally what an analysis or a simulated day found drawn over it
// (docs/rendering.md). Also the simulated day that the heat and snapshot overlays and
// `hallsim view` share (cmd_view.hpp).

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cmd_view.hpp"
#include "commands.hpp"
#include "hall_setup.hpp"
#include "hallsim/layout/access.hpp"
#include "hallsim/layout/compliance.hpp"
#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/layout/egress.hpp"
#include "hallsim/layout/loader.hpp"
#include "hallsim/layout/navigation.hpp"
#include "hallsim/render/overlay_sources.hpp"
#include "hallsim/render/picture.hpp"
#include "hallsim/render/playback.hpp"

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
  std::string scenario;
  std::string at;
  std::uint64_t seed = 1;
  int day = 0;
  std::string heat_of = "occupancy";
  double heat_cell = render::HeatSettings{}.cell;
};

// Overlays drawn from a simulated day.
bool needs_trace(const std::string& overlay) {
  return overlay == "heat" || overlay == "snapshot";
}

bool wants(const RenderArguments& args, const std::string& overlay) {
  return std::find(args.overlays.begin(), args.overlays.end(), overlay) != args.overlays.end();
}

// Options that only make sense with a simulated day's overlay, checked before anything runs.
std::vector<std::string> day_option_problems(const RenderArguments& args) {
  std::vector<std::string> problems;
  const bool day_overlay = wants(args, "heat") || wants(args, "snapshot");
  if (day_overlay && args.scenario.empty()) {
    problems.emplace_back(
        "the heat and snapshot overlays draw a simulated day: name its scenario with "
        "--scenario FILE");
  }
  if (wants(args, "snapshot") && args.at.empty()) {
    problems.emplace_back(
        "the snapshot overlay shows one moment: give its clock time with --at HH:MM, e.g. "
        "--at 10:30");
  }
  if (!args.at.empty() && !wants(args, "snapshot")) {
    problems.emplace_back("--at sets the moment of the snapshot overlay: add --overlay snapshot");
  }
  if (!args.scenario.empty() && !day_overlay) {
    problems.emplace_back(
        "--scenario is only read for the heat and snapshot overlays: add --overlay heat or "
        "--overlay snapshot");
  }
  return problems;
}

void print(const layout::InputError& error) {
  for (const layout::Diagnostic& d : error.diagnostics()) {
    std::cerr << layout::format_diagnostic(d) << '\n';
  }
}

int run_render(const RenderArguments& args) {
  if (const std::vector<std::string> problems = day_option_problems(args); !problems.empty()) {
    for (const std::string& problem : problems) {
      std::cerr << "hallsim render: error: " << problem << "\n";
    }
    return kExitBadInput;
  }
  try {
    const layout::Plan plan = layout::load_plan(args.plan);
    render::Overlays overlays;
    const double at = args.at.empty() ? 0.0 : clock_option("--at", args.at);
    if (std::any_of(args.overlays.begin(), args.overlays.end(), needs_trace)) {
      const layout::NavGraph graph =
          layout::NavGraph::build(plan, layout::NavSettings{.source_name = args.plan});
      const SimulatedDay day = simulate_day(graph, args.plan, args.scenario, args.seed, args.day);
      if (wants(args, "heat")) {
        render::HeatSettings heat;
        heat.cell = args.heat_cell;
        heat.waiting_only = args.heat_of == "queueing";
        overlays.heat = day.playback.heat(day.open, day.close, heat);
      }
      if (wants(args, "snapshot")) {
        overlays.snapshot = day.playback.snapshot(day.day * sim::kDaySeconds + at);
      }
    }
    if (std::any_of(args.overlays.begin(), args.overlays.end(),
                    [](const std::string& o) { return !needs_trace(o); })) {
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

double clock_option(const std::string& option, const std::string& text) {
  const std::optional<double> seconds = render::parse_clock(text);
  if (!seconds) {
    throw layout::InputError({layout::Diagnostic{
        option, "", "'" + text + "' is not a clock time",
        "give hours and minutes from 00:00 to 24:00, e.g. " + option + " 10:30"}});
  }
  return *seconds;
}

SimulatedDay simulate_day(const layout::NavGraph& graph, const std::string& plan_file,
                          const std::string& scenario_file, std::uint64_t seed, int day) {
  const LoadedHall loaded = load_hall(plan_file, scenario_file);
  const sim::Weekday first_day = loaded.first_day.value_or(sim::Weekday::mon);
  const auto weekday = static_cast<sim::Weekday>((static_cast<int>(first_day) + day) % 7);
  const sim::DayHours& hours = loaded.scenario.calendar.days[static_cast<std::size_t>(weekday)];
  if (!hours.open) {
    throw layout::InputError({layout::Diagnostic{
        scenario_file, "/calendar/days",
        "the hall is closed on day " + std::to_string(day) + " of the run (" +
            sim::to_string(weekday) + ", the run begins on " + sim::to_string(first_day) + ")",
        "choose a day the hall is open with --day"}});
  }
  const sim::HallModel model = build_hall_model(loaded.hall, loaded.scenario, scenario_file);
  sim::RunSettings run;
  run.days = day + 1;
  run.first_day = first_day;
  run.seed = seed;
  run.record_trace = true;
  const sim::HallResult result = model.run(run);

  render::TraceHall hall;
  for (std::size_t i = 0; i < sim::kNamedSpots; ++i) {
    hall.spot_elements[i] = loaded.spot_elements[i];
  }
  const double midnight = day * sim::kDaySeconds;
  for (std::size_t c = 0; c < model.layout().counters.size(); ++c) {
    hall.counters.push_back(model.layout().counters[c].id);
    std::vector<sim::ClockInterval> open;
    for (const sim::ClockInterval& i : model.counter_hours(c, weekday)) {
      open.push_back({midnight + i.begin, midnight + i.end});
    }
    hall.counter_open.push_back(std::move(open));
  }
  hall.no_show_wait = loaded.scenario.staffing.call.no_show_wait;
  hall.first_day = first_day;
  // Only the chosen day: nobody stays in the hall overnight.
  std::vector<sim::TraceRecord> records;
  std::uint64_t visitors = 0;
  for (const sim::TraceRecord& r : result.trace) {
    if (r.time >= midnight && r.time < midnight + sim::kDaySeconds) {
      records.push_back(r);
      visitors += r.event == sim::TraceEvent::arrive ? 1 : 0;
    }
  }
  render::Playback playback(graph, hall, records, {}, scenario_file);
  const double close = std::max(hours.close_time, hours.extended_until);
  return SimulatedDay{std::move(playback), day, midnight + hours.open_time, midnight + close,
                      visitors};
}

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
                  "failing clause where it fails); from a simulated day of --scenario: heat "
                  "(people per m² averaged over the opening hours) and snapshot (the hall at "
                  "--at: visitors as dots by what they do, counters open or closed, the clock)")
      ->check(CLI::IsMember({"egress", "access", "check", "heat", "snapshot"}));
  cmd->add_option("--scenario", args->scenario,
                  "the demand scenario to simulate for the heat and snapshot overlays "
                  "(docs/scenario-format.md)");
  cmd->add_option("--at", args->at, "clock time of the snapshot, HH:MM or HH:MM:SS (e.g. 10:30)");
  cmd->add_option("--seed", args->seed, "random seed of the simulated day (replication 0)")
      ->capture_default_str();
  cmd->add_option("--day", args->day,
                  "which day of the run to draw: 0 is the scenario's first day, 1 the next...")
      ->check(CLI::Range(0, 365))
      ->capture_default_str();
  cmd->add_option("--heat-of", args->heat_of,
                  "what the heat overlay counts: occupancy (everyone in the hall) or queueing "
                  "(people in a line or waiting for a call)")
      ->check(CLI::IsMember({"occupancy", "queueing"}))
      ->capture_default_str();
  cmd->add_option("--heat-cell", args->heat_cell, "side of a heat-map cell, metres")
      ->check(CLI::Range(0.1, 5.0))
      ->capture_default_str();
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
