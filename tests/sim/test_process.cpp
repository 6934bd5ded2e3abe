// Processes written as coroutines: the visitor's path, timeouts, reneging, frames.
#include <gtest/gtest.h>

#include <array>
#include <stdexcept>
#include <string>
#include <vector>

#include "hallsim/sim/process.hpp"
#include "hallsim/sim/resource.hpp"

namespace hallsim::sim {
namespace {

struct Visit {
  Time arrived = -1.0;
  Time served = -1.0;
  Time left = -1.0;
};

Process visitor(Simulation& sim, ServerPool& counters, Time arrival, Time service, Visit& out) {
  co_await sim.timeout(arrival - sim.now());
  out.arrived = sim.now();
  co_await counters.acquire();
  out.served = sim.now();
  co_await sim.timeout(service);
  counters.release();
  out.left = sim.now();
}

TEST(Process, VisitorsReadAsTheirPathAndMatchTheHandSchedule) {
  Simulation sim;
  ServerPool counters(sim, 2);
  std::vector<Visit> visits(4);
  for (int i = 0; i < 4; ++i) {
    visitor(sim, counters, static_cast<double>(i), 5.0, visits[i]);
  }
  sim.run();
  const std::array<Time, 4> served{0.0, 1.0, 5.0, 6.0};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(visits[i].arrived, static_cast<double>(i));
    EXPECT_EQ(visits[i].served, served[i]) << "visitor " << i;
    EXPECT_EQ(visits[i].left, served[i] + 5.0);
  }
  EXPECT_EQ(counters.busy(), 0);
}

Process note_after(Simulation& sim, Time delay, std::string name, std::vector<std::string>& log) {
  co_await sim.timeout(delay);
  log.push_back(name);
}

TEST(Process, StartsAtOnceAndAZeroTimeoutLetsDueEventsGoFirst) {
  Simulation sim;
  std::vector<std::string> log;
  sim.schedule_at(0.0, [&] { log.emplace_back("event"); });
  note_after(sim, 0.0, "process", log);
  EXPECT_TRUE(log.empty()) << "the process is suspended in its zero timeout";
  sim.run();
  EXPECT_EQ(log, (std::vector<std::string>{"event", "process"}));
}

Process impatient(Simulation& sim, ServerPool& pool, Time patience, Time service, Time& decided,
                  bool& got) {
  got = co_await pool.acquire_within(patience);
  decided = sim.now();
  if (got) {
    co_await sim.timeout(service);
    pool.release();
  }
}

TEST(Process, AnImpatientVisitorLeavesWhenPatienceRunsOut) {
  // The counter is busy until 5. Patience 2 gives up at 2; patience 10 is served at 5.
  Simulation sim;
  ServerPool pool(sim, 1);
  pool.request([] {});
  sim.schedule_at(5.0, [&] { pool.release(); });
  Time decided_short = -1.0;
  Time decided_long = -1.0;
  bool got_short = true;
  bool got_long = false;
  impatient(sim, pool, 2.0, 1.0, decided_short, got_short);
  impatient(sim, pool, 10.0, 1.0, decided_long, got_long);
  EXPECT_EQ(pool.waiting(), 2U);
  sim.run_until(3.0);
  EXPECT_FALSE(got_short);
  EXPECT_EQ(decided_short, 2.0);
  EXPECT_EQ(pool.waiting(), 1U);
  sim.run();
  EXPECT_TRUE(got_long);
  EXPECT_EQ(decided_long, 5.0);
  EXPECT_EQ(sim.now(), 6.0);
  EXPECT_EQ(sim.pending(), 0U) << "the granted visitor's patience timer was cancelled";
}

TEST(Process, PatienceEndingAtTheGrantTimeLosesToAnEarlierScheduledRelease) {
  // The release at 4 was scheduled before the patience timer (also at 4), so it fires first.
  Simulation sim;
  ServerPool pool(sim, 1);
  pool.request([] {});
  sim.schedule_at(4.0, [&] { pool.release(); });
  Time decided = -1.0;
  bool got = false;
  impatient(sim, pool, 4.0, 1.0, decided, got);
  sim.run();
  EXPECT_TRUE(got);
  EXPECT_EQ(decided, 4.0);
}

Process skilled_visitor(Simulation& sim, SkillPool& windows, QueueIndex q, ServerIndex& window) {
  window = co_await windows.acquire(q);
  co_await sim.timeout(1.0);
  windows.release(window);
}

TEST(Process, ASkillPoolTellsTheProcessWhichWindowServesIt) {
  Simulation sim;
  SkillPool windows(sim);
  const QueueIndex a = windows.add_queue();
  const QueueIndex b = windows.add_queue();
  const std::array<QueueIndex, 1> only_b{b};
  const std::array<QueueIndex, 2> both{a, b};
  windows.add_server(only_b);
  windows.add_server(both);
  ServerIndex first = 99;
  ServerIndex second = 99;
  ServerIndex third = 99;
  skilled_visitor(sim, windows, a, first);
  skilled_visitor(sim, windows, a, second);  // waits for window 1
  skilled_visitor(sim, windows, b, third);   // window 0 is free for b
  sim.run();
  EXPECT_EQ(first, 1U);
  EXPECT_EQ(second, 1U);
  EXPECT_EQ(third, 0U);
  EXPECT_EQ(sim.now(), 2.0);
}

// A hall-like owner: member-function processes find the simulation through it.
class Hall {
 public:
  Simulation& simulation() { return sim_; }
  Process open_for(Time hours) {
    co_await sim_.timeout(hours);
    closed_at_ = sim_.now();
  }
  Time closed_at() const { return closed_at_; }

 private:
  Simulation sim_;
  Time closed_at_ = -1.0;
};

TEST(Process, AMemberFunctionRunsInItsOwnersSimulation) {
  Hall hall;
  hall.open_for(8.5);
  hall.simulation().run();
  EXPECT_EQ(hall.closed_at(), 8.5);
}

// Counts its own destruction.
class Flag {
 public:
  explicit Flag(int& destroyed) : destroyed_(&destroyed) {}
  ~Flag() { ++*destroyed_; }
  Flag(const Flag&) = delete;
  Flag& operator=(const Flag&) = delete;

 private:
  int* destroyed_;
};

Process waits_forever(Simulation& sim, ServerPool& pool, int& destroyed) {
  const Flag flag(destroyed);
  co_await pool.acquire();
  co_await sim.timeout(1.0);
}

TEST(Process, AnUnfinishedProcessIsDestroyedWithTheSimulation) {
  int destroyed = 0;
  {
    Simulation sim;
    ServerPool pool(sim, 0);
    waits_forever(sim, pool, destroyed);
    sim.run();
    EXPECT_EQ(destroyed, 0);
    EXPECT_EQ(pool.waiting(), 1U);
  }
  EXPECT_EQ(destroyed, 1);
}

TEST(Process, AFinishedProcessFreesItsLocalsAtOnce) {
  int destroyed = 0;
  Simulation sim;
  ServerPool pool(sim, 1);
  waits_forever(sim, pool, destroyed);
  sim.run();
  EXPECT_EQ(destroyed, 1);
  EXPECT_EQ(pool.busy(), 1) << "the process finished holding the server";
}

Process fails_at(Simulation& sim, Time when) {
  co_await sim.timeout(when);
  throw std::runtime_error("the model broke");
}

TEST(Process, AnExceptionInAProcessLeavesThroughRun) {
  Simulation sim;
  fails_at(sim, 3.0);
  sim.schedule_at(4.0, [] {});
  EXPECT_THROW(sim.run(), std::runtime_error);
  EXPECT_EQ(sim.now(), 3.0);
  sim.run();
  EXPECT_EQ(sim.now(), 4.0);
}

TEST(Process, FrameMemoryIsReusedWithinTheSimulation) {
  Simulation sim;
  void* a = sim.allocate_frame(300);
  sim.deallocate_frame(a, 300);
  void* b = sim.allocate_frame(290);  // same 64-byte class
  EXPECT_EQ(a, b);
  void* c = sim.allocate_frame(290);
  EXPECT_NE(b, c);
  sim.deallocate_frame(b, 290);
  sim.deallocate_frame(c, 290);
  void* big = sim.allocate_frame(100000);  // beyond the pooled sizes
  sim.deallocate_frame(big, 100000);
}

Process chain(Simulation& sim, int remaining, int& finished) {
  co_await sim.timeout(1.0);
  if (remaining > 0) {
    chain(sim, remaining - 1, finished);
  }
  ++finished;
}

TEST(Process, AProcessMayStartTheNextOneBeforeItEnds) {
  Simulation sim;
  int finished = 0;
  chain(sim, 9999, finished);
  sim.run();
  EXPECT_EQ(finished, 10000);
  EXPECT_EQ(sim.now(), 10000.0);
}

}  // namespace
}  // namespace hallsim::sim
