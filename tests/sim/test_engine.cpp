// The simulation clock and its event set, through the public API.
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <functional>
#include <memory>
#include <queue>
#include <set>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "hallsim/sim/engine.hpp"
#include "hallsim/sim/random.hpp"

namespace hallsim::sim {
namespace {

TEST(Simulation, FiresEventsInTimeOrderWithTheClockAtEachEventsTime) {
  Simulation sim;
  std::vector<std::pair<int, Time>> fired;
  for (const auto& [id, t] : std::vector<std::pair<int, Time>>{{0, 3.0}, {1, 1.0}, {2, 2.5}}) {
    sim.schedule_at(t, [&fired, &sim, id = id] { fired.emplace_back(id, sim.now()); });
  }
  sim.run();
  ASSERT_EQ(fired.size(), 3U);
  EXPECT_EQ(fired[0], std::make_pair(1, 1.0));
  EXPECT_EQ(fired[1], std::make_pair(2, 2.5));
  EXPECT_EQ(fired[2], std::make_pair(0, 3.0));
  EXPECT_EQ(sim.now(), 3.0);
  EXPECT_EQ(sim.fired(), 3U);
}

TEST(Simulation, StartsAtTheGivenTimeAndSchedulesRelativeToNow) {
  Simulation sim(SimulationDef{.start_time = 100.0});
  EXPECT_EQ(sim.now(), 100.0);
  Time seen = 0.0;
  sim.schedule_in(2.5, [&] { sim.schedule_in(0.25, [&] { seen = sim.now(); }); });
  sim.run();
  EXPECT_EQ(seen, 102.75);
}

TEST(Simulation, EventsAtTheSameTimeFireInTheOrderTheyWereScheduled) {
  Simulation sim;
  std::vector<int> order;
  // Interleave five times so every time's events are scheduled far apart, and
  // add zero-delay events from inside events.
  for (int i = 0; i < 5000; ++i) {
    const Time t = static_cast<double>((i * 3) % 5);
    sim.schedule_at(t, [&order, &sim, i] {
      order.push_back(i);
      if (i % 100 == 0) {
        sim.schedule_in(0.0, [&order, i] { order.push_back(100000 + i); });
      }
    });
  }
  sim.run();
  // Expected: by time, then by scheduling order; a zero-delay event goes after
  // every event already scheduled for that time.
  std::vector<int> want;
  for (int t = 0; t < 5; ++t) {
    std::vector<int> spawned;
    for (int i = 0; i < 5000; ++i) {
      if ((i * 3) % 5 != t) {
        continue;
      }
      want.push_back(i);
      if (i % 100 == 0) {
        spawned.push_back(100000 + i);
      }
    }
    want.insert(want.end(), spawned.begin(), spawned.end());
  }
  EXPECT_EQ(order, want);
}

TEST(Simulation, TiesStayInOrderWhenTheEventSetGrowsFromFewToMany) {
  // The event set is sized for 16 and then holds 200000: it re-plans its buckets
  // on the way, and every tie must still break by scheduling order.
  Simulation sim(SimulationDef{.expected_pending = 16});
  std::vector<std::uint32_t> order;
  order.reserve(200000);
  for (std::uint32_t i = 0; i < 200000; ++i) {
    const Time t = static_cast<double>((i * 7919U) % 1000U) * 0.5;
    sim.schedule_at(t, [&order, i] { order.push_back(i); });
  }
  sim.run();
  ASSERT_EQ(order.size(), 200000U);
  for (std::size_t k = 1; k < order.size(); ++k) {
    const std::uint32_t a = order[k - 1];
    const std::uint32_t b = order[k];
    const std::uint32_t ta = (a * 7919U) % 1000U;
    const std::uint32_t tb = (b * 7919U) % 1000U;
    ASSERT_TRUE(ta < tb || (ta == tb && a < b)) << "at " << k << ": " << a << " then " << b;
  }
}

TEST(Simulation, CancelledEventDoesNotFireAndLeavesPending) {
  Simulation sim;
  int fired = 0;
  const EventId a = sim.schedule_at(1.0, [&] { fired += 1; });
  const EventId b = sim.schedule_at(2.0, [&] { fired += 10; });
  EXPECT_TRUE(a);
  EXPECT_NE(a, b);
  EXPECT_EQ(sim.pending(), 2U);
  EXPECT_TRUE(sim.cancel(b));
  EXPECT_EQ(sim.pending(), 1U);
  EXPECT_FALSE(sim.cancel(b)) << "cancelling twice";
  sim.run();
  EXPECT_EQ(fired, 1);
  EXPECT_EQ(sim.fired(), 1U);
  EXPECT_EQ(sim.now(), 1.0) << "a cancelled event does not move the clock";
  EXPECT_FALSE(sim.cancel(a)) << "cancelling after it fired";
  EXPECT_FALSE(sim.cancel(EventId{})) << "the null id";
  EXPECT_FALSE(sim.cancel(EventId{0xdead00000007ULL})) << "an id never issued";
}

TEST(Simulation, StaleIdDoesNotCancelTheEventThatReusedItsSlot) {
  Simulation sim;
  const EventId old = sim.schedule_at(1.0, [] {});
  sim.run();
  bool fired = false;
  const EventId fresh = sim.schedule_at(2.0, [&] { fired = true; });
  EXPECT_NE(old, fresh);
  EXPECT_FALSE(sim.cancel(old));
  sim.run();
  EXPECT_TRUE(fired);
}

TEST(Simulation, AnEventCannotCancelItselfWhileFiring) {
  Simulation sim;
  EventId self;
  bool result = true;
  self = sim.schedule_at(1.0, [&] { result = sim.cancel(self); });
  sim.run();
  EXPECT_FALSE(result);
}

TEST(Simulation, CancellingDestroysTheCapturedStateAtOnce) {
  auto token = std::make_shared<int>(7);
  Simulation sim;
  const EventId id = sim.schedule_at(5.0, [token] { ++*token; });
  EXPECT_EQ(token.use_count(), 2);
  EXPECT_TRUE(sim.cancel(id));
  EXPECT_EQ(token.use_count(), 1);
  {
    Simulation other;
    other.schedule_at(1.0, [token, counts = std::vector<int>(100, 1)] {
      *token += static_cast<int>(counts.size());
    });
    EXPECT_EQ(token.use_count(), 2);
  }
  EXPECT_EQ(token.use_count(), 1) << "pending events are destroyed with the simulation";
}

TEST(Simulation, PendingStaysExactThroughCancelsAndFiring) {
  Simulation sim;
  std::vector<EventId> ids;
  ids.reserve(10000);
  for (int i = 0; i < 10000; ++i) {
    ids.push_back(sim.schedule_at(static_cast<double>(i % 100), [] {}));
  }
  for (std::size_t i = 0; i < ids.size(); i += 2) {
    ASSERT_TRUE(sim.cancel(ids[i]));
  }
  EXPECT_EQ(sim.pending(), 5000U);
  sim.run_until(49.0);  // times 0..49: 50 times x 100 events, half of them cancelled
  EXPECT_EQ(sim.fired(), 2500U);
  EXPECT_EQ(sim.pending(), 2500U);
  sim.run();
  EXPECT_EQ(sim.pending(), 0U);
  EXPECT_EQ(sim.fired(), 5000U);
}

TEST(Simulation, RunUntilFiresEventsAtExactlyTheLimitAndSetsTheClock) {
  Simulation sim;
  std::vector<Time> fired;
  auto record = [&] { fired.push_back(sim.now()); };
  sim.schedule_at(1.0, record);
  sim.schedule_at(2.0, [&] {
    record();
    sim.schedule_in(0.0, record);  // also at 2.0: still within the limit
  });
  sim.schedule_at(2.0 + 1e-12, record);
  sim.run_until(2.0);
  EXPECT_EQ(fired, (std::vector<Time>{1.0, 2.0, 2.0}));
  EXPECT_EQ(sim.now(), 2.0);
  EXPECT_EQ(sim.pending(), 1U);
  sim.run_until(10.0);
  EXPECT_EQ(fired.size(), 4U);
  EXPECT_EQ(sim.now(), 10.0) << "the clock moves to the limit even with nothing to fire";
}

TEST(Simulation, RunUntilInfinityLeavesTheClockAtTheLastEvent) {
  Simulation sim;
  sim.schedule_at(7.5, [] {});
  sim.run_until(kInfinity);
  EXPECT_EQ(sim.now(), 7.5);
  EXPECT_EQ(sim.fired(), 1U);
}

TEST(Simulation, StepFiresOneEventAtATime) {
  Simulation sim;
  EXPECT_FALSE(sim.step());
  int count = 0;
  sim.schedule_at(1.0, [&] { ++count; });
  sim.schedule_at(4.0, [&] { ++count; });
  EXPECT_TRUE(sim.step());
  EXPECT_EQ(count, 1);
  EXPECT_EQ(sim.now(), 1.0);
  EXPECT_TRUE(sim.step());
  EXPECT_EQ(sim.now(), 4.0);
  EXPECT_FALSE(sim.step());
  EXPECT_EQ(count, 2);
}

TEST(Simulation, StopMakesRunReturnAfterTheCurrentEvent) {
  Simulation sim;
  std::vector<int> fired;
  sim.schedule_at(1.0, [&] { fired.push_back(1); });
  sim.schedule_at(2.0, [&] {
    fired.push_back(2);
    sim.stop();
  });
  sim.schedule_at(2.0, [&] { fired.push_back(3); });
  sim.schedule_at(5.0, [&] { fired.push_back(5); });
  sim.run();
  EXPECT_EQ(fired, (std::vector<int>{1, 2}));
  EXPECT_EQ(sim.now(), 2.0);
  sim.run_until(4.0);  // a new run starts afresh
  EXPECT_EQ(fired, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(sim.now(), 4.0);
}

TEST(Simulation, RunUntilStoppedEarlyLeavesTheClockAtTheStoppingEvent) {
  Simulation sim;
  sim.schedule_at(3.0, [&] { sim.stop(); });
  sim.schedule_at(4.0, [] {});
  sim.run_until(10.0);
  EXPECT_EQ(sim.now(), 3.0);
  EXPECT_EQ(sim.pending(), 1U);
}

TEST(Simulation, AnExceptionFromAnEventLeavesTheSimulationUsable) {
  Simulation sim;
  int after = 0;
  sim.schedule_at(1.0, [] { throw std::runtime_error("model error"); });
  sim.schedule_at(2.0, [&] { ++after; });
  EXPECT_THROW(sim.run(), std::runtime_error);
  EXPECT_EQ(sim.now(), 1.0);
  EXPECT_EQ(sim.pending(), 1U);
  sim.run();
  EXPECT_EQ(after, 1);
}

// Reference for the differential test: a binary heap on (time, seq) plus a set of
// cancelled sequence numbers.
struct ReferenceEngine {
  using Key = std::tuple<Time, std::uint64_t, int>;  // time, seq, label
  std::priority_queue<Key, std::vector<Key>, std::greater<>> heap;
  std::set<std::uint64_t> live;
  std::uint64_t next_seq = 0;
  Time now = 0.0;

  std::uint64_t schedule(Time t, int label) {
    heap.emplace(t, next_seq, label);
    live.insert(next_seq);
    return next_seq++;
  }
  bool cancel(std::uint64_t seq) { return live.erase(seq) == 1; }
  // The label of the next live event, or -1.
  int step() {
    while (!heap.empty()) {
      const auto [t, seq, label] = heap.top();
      heap.pop();
      if (live.erase(seq) == 0) {
        continue;
      }
      now = t;
      return label;
    }
    return -1;
  }
};

TEST(Simulation, MatchesAReferenceHeapOverMixedSchedulesCancelsAndSteps) {
  Simulation sim(SimulationDef{.expected_pending = 64});
  ReferenceEngine ref;
  RandomStream rng = RandomSource(99).stream("engine-differential");
  std::vector<std::pair<EventId, std::uint64_t>> issued;  // engine id, reference seq
  int last_fired = -1;
  int label = 0;
  for (int op = 0; op < 120000; ++op) {
    const double u = rng.uniform01();
    const double push_share = (op / 6000) % 2 == 0 ? 0.6 : 0.35;
    if (u < push_share) {
      const double v = rng.uniform01();
      Time t = sim.now();
      if (v < 0.2) {
        t += 0.0;
      } else if (v < 0.5) {
        t = (std::floor(sim.now()) + static_cast<double>(rng.uniform_below(20))) * 1.0;
        if (t < sim.now()) {
          t = sim.now();
        }
      } else {
        t += Exponential(3.0)(rng);
      }
      const int my_label = label++;
      issued.emplace_back(sim.schedule_at(t, [&last_fired, my_label] { last_fired = my_label; }),
                          ref.schedule(t, my_label));
    } else if (u < push_share + 0.15 && !issued.empty()) {
      const auto& [id, seq] = issued[rng.uniform_below(issued.size())];
      ASSERT_EQ(sim.cancel(id), ref.cancel(seq)) << "op " << op;
    } else {
      last_fired = -1;
      const bool stepped = sim.step();
      const int want = ref.step();
      ASSERT_EQ(stepped, want >= 0) << "op " << op;
      ASSERT_EQ(last_fired, want) << "op " << op;
      ASSERT_EQ(sim.now(), ref.now);
    }
    ASSERT_EQ(sim.pending(), ref.live.size()) << "op " << op;
  }
  for (;;) {
    last_fired = -1;
    const int want = ref.step();
    ASSERT_EQ(sim.step(), want >= 0);
    if (want < 0) {
      break;
    }
    ASSERT_EQ(last_fired, want);
  }
}

// Hashes every fired (time, event number) of a small hold model: 50 visitors who
// each come back after an exponential delay, 20000 events in all.
std::uint64_t hold_trace_hash(std::uint64_t seed) {
  Simulation sim;
  RandomStream rng = RandomSource(seed).stream("hold");
  const Exponential delay(1.0);
  std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a
  auto mix = [&hash](std::uint64_t x) {
    for (int b = 0; b < 8; ++b) {
      hash ^= (x >> (8 * b)) & 0xffU;
      hash *= 1099511628211ULL;
    }
  };
  struct Visitor {
    Simulation* sim;
    RandomStream* rng;
    const Exponential* delay;
    std::function<void(std::uint64_t)>* mix;
    std::uint64_t number;
    void operator()() const {
      (*mix)(std::bit_cast<std::uint64_t>(sim->now()));
      (*mix)(number);
      if (sim->fired() < 20000) {
        sim->schedule_in((*delay)(*rng), *this);
      }
    }
  };
  std::function<void(std::uint64_t)> mixer = mix;
  for (std::uint64_t v = 0; v < 50; ++v) {
    sim.schedule_at(delay(rng), Visitor{&sim, &rng, &delay, &mixer, v});
  }
  sim.run();
  return hash;
}

TEST(Simulation, SameSeedGivesTheSameTraceAndAnotherSeedAnother) {
  const std::uint64_t a = hold_trace_hash(1);
  EXPECT_EQ(a, hold_trace_hash(1));
  EXPECT_NE(a, hold_trace_hash(2));
}

}  // namespace
}  // namespace hallsim::sim
