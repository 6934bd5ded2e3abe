// The hall model's speed: one simulated weekday of the sample town centre (its sample
// scenario, scenarios/town-center-weekday.json, in the hall of floorplans/town-center.json:
// its 16 counters, 8 kiosks, ticket machine and 140 seats, with the sample walking geometry of
// samples::town_center_hall), and many replications of it on every core, reported as
// visitors and days per second.

#include <benchmark/benchmark.h>

#include <cstdint>
#include <thread>
#include <vector>

#include "hall_samples.hpp"
#include "hallsim/layout/scenario_loader.hpp"
#include "hallsim/sim/hall.hpp"

namespace {

using hallsim::sim::HallModel;
using hallsim::sim::HallResult;
using hallsim::sim::RunSettings;

const HallModel& town_centre() {
  static const HallModel model(
      hallsim::sim::samples::town_center_hall(),
      hallsim::layout::load_scenario(HALLSIM_SOURCE_DIR "/scenarios/town-center-weekday.json"));
  return model;
}

/// One weekday, a new replication each iteration (no trace, no time series).
void bm_town_centre_day(benchmark::State& state) {
  const HallModel& model = town_centre();
  std::uint64_t rep = 0, visitors = 0;
  for (auto _ : state) {
    RunSettings s;
    s.replication = rep++;
    const HallResult r = model.run(s);
    visitors += r.arrived;
    benchmark::DoNotOptimize(r.waits.tally.mean());
  }
  state.counters["visitors_per_day"] =
      benchmark::Counter(static_cast<double>(visitors) / static_cast<double>(rep));
  state.counters["visitors/s"] =
      benchmark::Counter(static_cast<double>(visitors), benchmark::Counter::kIsRate);
  state.counters["days/s"] =
      benchmark::Counter(static_cast<double>(rep), benchmark::Counter::kIsRate);
}
BENCHMARK(bm_town_centre_day)->Unit(benchmark::kMicrosecond);

/// The same day with the per-visitor trace and the 15-minute series recorded.
void bm_town_centre_day_traced(benchmark::State& state) {
  const HallModel& model = town_centre();
  std::uint64_t rep = 0, visitors = 0;
  for (auto _ : state) {
    RunSettings s;
    s.replication = rep++;
    s.record_trace = true;
    s.record_series = true;
    const HallResult r = model.run(s);
    visitors += r.arrived;
    benchmark::DoNotOptimize(r.trace.data());
  }
  state.counters["visitors/s"] =
      benchmark::Counter(static_cast<double>(visitors), benchmark::Counter::kIsRate);
}
BENCHMARK(bm_town_centre_day_traced)->Unit(benchmark::kMicrosecond);

/// 10,000 replications split over every hardware thread, KPIs of each kept (as a
/// `hallsim simulate --replications 10000` would); wall-clock time.
void bm_ten_thousand_replications(benchmark::State& state) {
  const HallModel& model = town_centre();
  const unsigned threads = std::max(1U, std::thread::hardware_concurrency());
  constexpr std::uint64_t kReplications = 10000;
  std::uint64_t visitors = 0;
  for (auto _ : state) {
    std::vector<std::uint64_t> arrived(threads, 0);
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) {
      pool.emplace_back([&model, &arrived, t, threads] {
        for (std::uint64_t rep = t; rep < kReplications; rep += threads) {
          RunSettings s;
          s.replication = rep;
          const HallResult r = model.run(s);
          benchmark::DoNotOptimize(model.kpis(r));
          arrived[t] += r.arrived;
        }
      });
    }
    for (auto& th : pool) {
      th.join();
    }
    for (auto a : arrived) {
      visitors += a;
    }
  }
  state.counters["threads"] = benchmark::Counter(threads);
  state.counters["visitors/s"] =
      benchmark::Counter(static_cast<double>(visitors), benchmark::Counter::kIsRate);
}
BENCHMARK(bm_ten_thousand_replications)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->Iterations(1);

}  // namespace

BENCHMARK_MAIN();
