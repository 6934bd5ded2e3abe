// Speed of the event engine: the hold model and an M/M/5 queue, random numbers included.
//
//   bench_engine --benchmark_filter='Hold|MM5'
//
// Rates are Google Benchmark counters: events_per_s, customers_per_s.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

#include "hallsim/sim/engine.hpp"
#include "hallsim/sim/process.hpp"
#include "hallsim/sim/random.hpp"
#include "hallsim/sim/resource.hpp"

namespace hallsim::sim {
namespace {

// One of the N events of the hold model: when it fires, it schedules itself again
// after an Exp(1) delay, so N events stay pending.
struct HoldEvent {
  Simulation* sim;
  RandomStream* rng;
  const Exponential* delay;
  void operator()() const { sim->schedule_in((*delay)(*rng), *this); }
};

void bm_hold(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  Simulation sim(SimulationDef{.expected_pending = n});
  RandomStream rng = RandomSource(1).stream("hold");
  const Exponential delay(1.0);
  for (std::size_t i = 0; i < n; ++i) {
    sim.schedule_at(delay(rng), HoldEvent{&sim, &rng, &delay});
  }
  // Warm up: every event fires once, so the event set has reached its working shape.
  for (std::size_t i = 0; i < n; ++i) {
    sim.step();
  }
  for (auto _ : state) {
    sim.step();
  }
  state.counters["events_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
  state.counters["pending"] = static_cast<double>(sim.pending());
}
BENCHMARK(bm_hold)->Arg(1000)->Arg(10000)->Arg(100000)->Arg(1000000);

// The same hold model on a plain binary heap of (time, seq) with no actions at all:
// what a heap alone costs, for comparison with the ladder queue above.
void bm_hold_on_binary_heap(benchmark::State& state) {
  struct Entry {
    Time time;
    std::uint64_t seq;
    bool operator>(const Entry& o) const {
      return time > o.time || (time == o.time && seq > o.seq);
    }
  };
  const auto n = static_cast<std::size_t>(state.range(0));
  std::vector<Entry> storage;
  storage.reserve(n);
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> heap(std::greater<>{},
                                                                      std::move(storage));
  RandomStream rng = RandomSource(1).stream("hold");
  const Exponential delay(1.0);
  std::uint64_t seq = 0;
  for (std::size_t i = 0; i < n; ++i) {
    heap.push(Entry{delay(rng), seq++});
  }
  auto step = [&] {
    const Time now = heap.top().time;
    heap.pop();
    heap.push(Entry{now + delay(rng), seq++});
  };
  for (std::size_t i = 0; i < n; ++i) {
    step();
  }
  for (auto _ : state) {
    step();
  }
  state.counters["events_per_s"] =
      benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(bm_hold_on_binary_heap)->Arg(1000)->Arg(10000)->Arg(100000)->Arg(1000000);

constexpr double kArrivalRate = 4.5;
constexpr int kServers = 5;

// M/M/5 with lambda = 4.5, mu = 1 written with callbacks on a ServerPool.
class MM5Callbacks {
 public:
  MM5Callbacks()
      : pool_(sim_, kServers),
        arrivals_(RandomSource(2).stream("arrivals")),
        services_(RandomSource(2).stream("services")) {
    sim_.schedule_at(interarrival_(arrivals_), [this] { arrive(); });
  }
  Simulation& sim() { return sim_; }
  std::uint64_t departed() const { return departed_; }

 private:
  void arrive() {
    sim_.schedule_in(interarrival_(arrivals_), [this] { arrive(); });
    pool_.request([this] { sim_.schedule_in(service_(services_), [this] { depart(); }); });
  }
  void depart() {
    ++departed_;
    pool_.release();
  }

  Simulation sim_;
  ServerPool pool_;
  RandomStream arrivals_;
  RandomStream services_;
  Exponential interarrival_{1.0 / kArrivalRate};
  Exponential service_{1.0};
  std::uint64_t departed_ = 0;
};

template <class Model>
void run_mm5(benchmark::State& state, Model& model) {
  while (model.departed() < 100000) {
    model.sim().step();  // past the empty start
  }
  const std::uint64_t departed_before = model.departed();
  const std::uint64_t fired_before = model.sim().fired();
  for (auto _ : state) {
    model.sim().step();
  }
  state.counters["customers_per_s"] = benchmark::Counter(
      static_cast<double>(model.departed() - departed_before), benchmark::Counter::kIsRate);
  state.counters["events_per_s"] = benchmark::Counter(
      static_cast<double>(model.sim().fired() - fired_before), benchmark::Counter::kIsRate);
}

void bm_mm5(benchmark::State& state) {
  MM5Callbacks model;
  run_mm5(state, model);
}
BENCHMARK(bm_mm5);

// The same M/M/5 written as coroutine processes: a source and one process per visitor.
class MM5Processes {
 public:
  MM5Processes()
      : pool_(sim_, kServers),
        arrivals_(RandomSource(2).stream("arrivals")),
        services_(RandomSource(2).stream("services")) {
    source();
  }
  Simulation& simulation() { return sim_; }
  Simulation& sim() { return sim_; }
  std::uint64_t departed() const { return departed_; }

 private:
  Process source() {
    for (;;) {
      co_await sim_.timeout(interarrival_(arrivals_));
      visitor();
    }
  }
  Process visitor() {
    co_await pool_.acquire();
    co_await sim_.timeout(service_(services_));
    pool_.release();
    ++departed_;
  }

  Simulation sim_;
  ServerPool pool_;
  RandomStream arrivals_;
  RandomStream services_;
  Exponential interarrival_{1.0 / kArrivalRate};
  Exponential service_{1.0};
  std::uint64_t departed_ = 0;
};

void bm_mm5_processes(benchmark::State& state) {
  MM5Processes model;
  run_mm5(state, model);
}
BENCHMARK(bm_mm5_processes);

}  // namespace
}  // namespace hallsim::sim

BENCHMARK_MAIN();
