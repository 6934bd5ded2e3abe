// Window-count tuning's speed: one weekday of the sample town centre (the scenario file
// scenarios/town-center-weekday.json in the hall of samples::town_center_hall: the plan's 16
// counters, 8 kiosks, ticket machine and 140 seats, sample walking geometry), half-hour
// periods, the default target p90_wait<=15min and the command's defaults: analytic start,
// ISA, local search (30 replications a plan, at most 80 plans), then 100 fresh replications
// before and after. Reported: wall time per tuning (the goal is under 5 s on two cores),
// simulations and simulated days per second.

#include <benchmark/benchmark.h>

#include <string>

#include "hall_samples.hpp"
#include "hallsim/layout/scenario_loader.hpp"
#include "hallsim/sim/staffing.hpp"

namespace {

using hallsim::sim::HallTuning;
using hallsim::sim::TuneResult;
using hallsim::sim::TuneSettings;

TuneSettings settings(const std::string& target, unsigned threads) {
  TuneSettings s;
  s.target = hallsim::sim::parse_target(target);
  s.day = hallsim::sim::Weekday::tue;
  s.threads = threads;
  return s;
}

void tune_town_centre(benchmark::State& state, const std::string& target) {
  const auto scenario =
      hallsim::layout::load_scenario(HALLSIM_SOURCE_DIR "/scenarios/town-center-weekday.json");
  const TuneSettings s = settings(target, static_cast<unsigned>(state.range(0)));
  double simulations = 0.0, days = 0.0, hours = 0.0;
  for (auto _ : state) {
    const HallTuning problem(hallsim::sim::samples::town_center_hall(), scenario, s);
    const TuneResult r = hallsim::sim::tune(problem);
    double sims = 0.0;
    for (const auto& m : r.methods) {
      sims += m.simulations;
    }
    simulations += sims;
    days += sims * s.replications + 2.0 * s.verify_replications;
    hours = r.tuned_staff_hours;
    benchmark::DoNotOptimize(r.tuned_staff_hours);
  }
  const auto n = static_cast<double>(state.iterations());
  state.counters["simulations"] = benchmark::Counter(simulations / n);
  state.counters["days/s"] = benchmark::Counter(days, benchmark::Counter::kIsRate);
  state.counters["staff_hours"] = benchmark::Counter(hours);
}

void bm_tune_town_centre_p90_15(benchmark::State& state) {
  tune_town_centre(state, "p90_wait<=15min");
}
void bm_tune_town_centre_p80_30(benchmark::State& state) {
  tune_town_centre(state, "p80_wait<=30min");
}

// Argument: worker threads. Wall time is what a manager waits for.
BENCHMARK(bm_tune_town_centre_p90_15)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();
BENCHMARK(bm_tune_town_centre_p80_30)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
