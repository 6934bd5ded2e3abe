// Speed of the navigation grid: building it and the distance field to the emergency exits,
// for the sample town centre and made-up halls up to 10,000 m²; and the full accessibility
// and egress checks of the town centre.
//
//   bench_navigation --benchmark_filter='GraphAndField'
//
// Goals (docs/egress.md): town centre under 50 ms, a 10,000 m² hall under 1 s.
// Rates are Google Benchmark counters: cells_per_s (walkable cells built and reached).
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "hallsim/layout/access.hpp"
#include "hallsim/layout/egress.hpp"
#include "hallsim/layout/loader.hpp"
#include "hallsim/layout/navigation.hpp"
#include "nav_sample_halls.hpp"

namespace hallsim::layout {
namespace {

std::vector<Place> exits_of(const Plan& plan) {
  std::vector<Place> exits;
  for (const Opening& o : plan.openings()) {
    if (o.emergency_exit) exits.push_back(Place{o.id, PlaceKind::exit, o.position, {o.span}});
  }
  return exits;
}

void graph_and_field(benchmark::State& state, const Plan& plan) {
  const std::vector<Place> exits = exits_of(plan);
  std::size_t cells = 0;
  for (auto _ : state) {
    const NavGraph graph = NavGraph::build(plan);
    const DistanceField field = graph.distance_field(exits);
    benchmark::DoNotOptimize(field.cell_value(0, 0));
    cells = graph.vertex_count();
  }
  state.counters["cells"] = static_cast<double>(cells);
  state.counters["cells_per_s"] =
      benchmark::Counter(static_cast<double>(cells), benchmark::Counter::kIsIterationInvariantRate);
}

Plan town_centre() {
  return load_plan(std::string(HALLSIM_SOURCE_DIR) + "/floorplans/town-center.json");
}

void BM_GraphAndFieldTownCentre(benchmark::State& state) {
  graph_and_field(state, town_centre());
}
BENCHMARK(BM_GraphAndFieldTownCentre)->Unit(benchmark::kMillisecond);

void BM_GraphAndFieldSampleHall(benchmark::State& state) {
  const Plan plan = Plan::build(detail::sample_hall(static_cast<double>(state.range(0))));
  graph_and_field(state, plan);
  state.counters["m2"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_GraphAndFieldSampleHall)
    ->Arg(1000)
    ->Arg(2500)
    ->Arg(10000)
    ->Unit(benchmark::kMillisecond);

void BM_AccessTownCentre(benchmark::State& state) {
  const NavGraph graph = NavGraph::build(town_centre());
  for (auto _ : state) {
    const AccessReport report = check_access(graph);
    benchmark::DoNotOptimize(report.targets.data());
  }
}
BENCHMARK(BM_AccessTownCentre)->Unit(benchmark::kMillisecond);

void BM_EgressTownCentre(benchmark::State& state) {
  const NavGraph graph = NavGraph::build(town_centre());
  for (auto _ : state) {
    const EgressReport report = check_egress(graph);
    benchmark::DoNotOptimize(report.findings.data());
  }
}
BENCHMARK(BM_EgressTownCentre)->Unit(benchmark::kMillisecond);

// The whole egress check of the made-up hall: fields, rooms, the widest way out of every
// occupied zone, the evacuation doors, each exit blocked in turn, times and max flows.
void BM_EgressSampleHall(benchmark::State& state) {
  const NavGraph graph =
      NavGraph::build(Plan::build(detail::sample_hall(static_cast<double>(state.range(0)))));
  for (auto _ : state) {
    const EgressReport report = check_egress(graph);
    benchmark::DoNotOptimize(report.findings.data());
  }
  state.counters["m2"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_EgressSampleHall)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace hallsim::layout

BENCHMARK_MAIN();
