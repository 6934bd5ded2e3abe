#pragma once
/// \file
/// A simulated day made for pictures, shared by `hallsim render` (the heat and snapshot
/// overlays) and `hallsim view` (defined in cmd_render.cpp).

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

#include "commands.hpp"
#include "hallsim/layout/navigation.hpp"
#include "hallsim/layout/plan.hpp"
#include "hallsim/render/playback.hpp"

namespace hallsim::app {

/// One simulated day of a plan and a scenario, laid over the plan.
struct SimulatedDay {
  render::Playback playback;
  int day = 0;                 ///< index of the day within the run (0: the first)
  double open = 0.0;           ///< the day's opening, simulation seconds
  double close = 0.0;          ///< its closing (after the evening hours if any)
  std::uint64_t visitors = 0;  ///< arrivals that day
};

/// Simulates days 0 .. `day` of SCENARIO at PLAN (replication 0 of `seed`) and lays day `day`'s
/// trace over the plan of `graph`. Throws layout::InputError for bad files, or when the hall is
/// closed that day (naming the scenario's calendar and saying to choose another day).
SimulatedDay simulate_day(const layout::NavGraph& graph, const std::string& plan_file,
                          const std::string& scenario_file, std::uint64_t seed, int day);

/// Seconds after midnight of `text` ("10:30" or "10:30:15"); throws layout::InputError naming
/// `option` and the form to use if it is not a clock time.
double clock_option(const std::string& option, const std::string& text);

/// `hallsim view`.
void add_view_command(CLI::App& app, CommandBody& chosen);

}  // namespace hallsim::app
