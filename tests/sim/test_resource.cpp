// Server pools and skill pools: grant times and orders worked out by hand.
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "hallsim/sim/resource.hpp"

namespace hallsim::sim {
namespace {

// A customer who arrives at `arrival`, holds a server for `service`, then leaves;
// the grant time is written to `granted`.
void customer(Simulation& sim, ServerPool& pool, Time arrival, Time service, Time& granted) {
  sim.schedule_at(arrival, [&sim, &pool, service, &granted] {
    pool.request([&sim, &pool, service, &granted] {
      granted = sim.now();
      sim.schedule_in(service, [&pool] { pool.release(); });
    });
  });
}

TEST(ServerPool, TwoServersGrantArrivalsAtZeroOneTwoThreeAtZeroOneFiveSix) {
  Simulation sim;
  ServerPool pool(sim, 2);
  std::vector<Time> granted(4, -1.0);
  for (int i = 0; i < 4; ++i) {
    customer(sim, pool, static_cast<double>(i), 5.0, granted[i]);
  }
  sim.run_until(2.5);
  EXPECT_EQ(pool.busy(), 2);
  EXPECT_EQ(pool.waiting(), 1U);
  sim.run();
  EXPECT_EQ(granted, (std::vector<Time>{0.0, 1.0, 5.0, 6.0}));
  EXPECT_EQ(sim.now(), 11.0);  // the last one leaves at 6 + 5
  EXPECT_EQ(pool.busy(), 0);
  EXPECT_EQ(pool.waiting(), 0U);
}

TEST(ServerPool, GrantsAtOnceInsideRequestWhenAServerIsFree) {
  Simulation sim;
  ServerPool pool(sim, 1);
  bool granted = false;
  const RequestId id = pool.request([&] { granted = true; });
  EXPECT_TRUE(granted) << "the callback ran before request() returned";
  EXPECT_FALSE(id) << "nothing is left to withdraw";
  EXPECT_FALSE(pool.withdraw(id));
  EXPECT_EQ(pool.busy(), 1);
  EXPECT_EQ(sim.pending(), 0U) << "no event was scheduled for the grant";
}

TEST(ServerPool, ServesAFifoLineInArrivalOrder) {
  Simulation sim;
  ServerPool pool(sim, 1);
  std::vector<int> order;
  pool.request([] {});  // holds the only server
  for (int i = 0; i < 10; ++i) {
    pool.request([&order, i] { order.push_back(i); }, 10 - i);
  }
  for (int i = 0; i < 11; ++i) {
    pool.release();
  }
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}))
      << "a FIFO line ignores priorities";
}

TEST(ServerPool, ServesLowerPriorityValuesFirstAndFifoAmongEquals) {
  Simulation sim;
  ServerPool pool(sim, 1, QueueDiscipline::priority);
  std::vector<int> order;
  pool.request([] {});
  const std::array<int, 7> priorities{3, 1, 2, 1, 3, 0, 2};
  for (int i = 0; i < 7; ++i) {
    pool.request([&order, i] { order.push_back(i); }, priorities[i]);
  }
  for (int i = 0; i < 8; ++i) {
    pool.release();
  }
  EXPECT_EQ(order, (std::vector<int>{5, 1, 3, 2, 6, 0, 4}));
}

TEST(ServerPool, WithdrawnRequestIsNeverGranted) {
  Simulation sim;
  ServerPool pool(sim, 1);
  std::vector<int> order;
  pool.request([] {});
  const RequestId a = pool.request([&] { order.push_back(0); });
  const RequestId b = pool.request([&] { order.push_back(1); });
  const RequestId c = pool.request([&] { order.push_back(2); });
  EXPECT_TRUE(a);
  EXPECT_EQ(pool.waiting(), 3U);
  EXPECT_TRUE(pool.withdraw(b));
  EXPECT_FALSE(pool.withdraw(b)) << "withdrawing twice";
  EXPECT_EQ(pool.waiting(), 2U);
  pool.release();
  EXPECT_FALSE(pool.withdraw(a)) << "already granted";
  pool.release();
  pool.release();
  EXPECT_EQ(order, (std::vector<int>{0, 2}));
  EXPECT_FALSE(pool.withdraw(c));
  EXPECT_FALSE(pool.withdraw(RequestId{}));
  EXPECT_EQ(pool.busy(), 0);
}

TEST(ServerPool, ShrinkingWhileBusyLetsBusyServersFinishFirst) {
  // 3 servers busy until 4, 5, 6; capacity drops to 1 at time 1; a fourth
  // customer waiting since 2 is served only once busy < 1, i.e. at 6.
  Simulation sim;
  ServerPool pool(sim, 3);
  std::vector<Time> granted(4, -1.0);
  for (int i = 0; i < 3; ++i) {
    customer(sim, pool, 0.0, 4.0 + i, granted[i]);
  }
  sim.schedule_at(1.0, [&] { pool.set_capacity(1); });
  customer(sim, pool, 2.0, 1.0, granted[3]);
  sim.run_until(5.5);
  EXPECT_EQ(pool.capacity(), 1);
  EXPECT_EQ(pool.busy(), 1);
  EXPECT_EQ(pool.waiting(), 1U);
  sim.run();
  EXPECT_EQ(granted, (std::vector<Time>{0.0, 0.0, 0.0, 6.0}));
}

TEST(ServerPool, GrowingGrantsWaitingRequestsAtOnce) {
  Simulation sim;
  ServerPool pool(sim, 0);
  std::vector<int> order;
  for (int i = 0; i < 5; ++i) {
    pool.request([&order, i] { order.push_back(i); });
  }
  EXPECT_TRUE(order.empty());
  pool.set_capacity(3);
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2}));
  EXPECT_EQ(pool.busy(), 3);
  EXPECT_EQ(pool.waiting(), 2U);
}

TEST(ServerPool, AGrantMadeInsideACallbackRunsAfterThatCallbackReturns) {
  Simulation sim;
  ServerPool pool(sim, 1);
  std::vector<std::string> log;
  pool.request([] {});
  pool.request([&] {
    log.emplace_back("A begins");
    pool.release();  // A is done at once: B is granted now...
    log.emplace_back("A ends");
  });
  pool.request([&] { log.emplace_back("B"); });  // ...but runs after A's callback
  pool.release();
  EXPECT_EQ(log, (std::vector<std::string>{"A begins", "A ends", "B"}));
  EXPECT_EQ(pool.busy(), 1);
}

TEST(ServerPool, AChainOfZeroLengthServicesDoesNotDeepenTheStack) {
  // 200000 customers who each release at once from their grant callback: with
  // nested calls this would need 200000 stack frames.
  Simulation sim;
  ServerPool pool(sim, 1);
  constexpr int kCustomers = 200000;
  std::vector<int> order;
  order.reserve(kCustomers);
  pool.request([] {});
  for (int i = 0; i < kCustomers; ++i) {
    pool.request([&pool, &order, i] {
      order.push_back(i);
      pool.release();
    });
  }
  pool.release();
  ASSERT_EQ(order.size(), static_cast<std::size_t>(kCustomers));
  for (int i = 0; i < kCustomers; ++i) {
    ASSERT_EQ(order[i], i);
  }
  EXPECT_EQ(pool.busy(), 0);
}

TEST(ServerPool, ACallbackMayRequestAgainAndJoinsTheEndOfTheLine) {
  Simulation sim;
  ServerPool pool(sim, 1);
  std::vector<int> order;
  pool.request([] {});
  pool.request([&] {
    order.push_back(0);
    pool.request([&] { order.push_back(2); });  // a second visit
  });
  pool.request([&] { order.push_back(1); });
  pool.release();  // 0 served
  pool.release();  // 1 served
  pool.release();  // 0's second visit served
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2}));
}

// ---------------------------------------------------------------------------

// A pool with two queues, a (index 0) and b (index 1), and no server yet.
struct TwoQueues {
  explicit TwoQueues(SelectionRule rule = SelectionRule::longest_waiting) : pool(sim, rule) {}
  Simulation sim;
  SkillPool pool;
  QueueIndex a = pool.add_queue();
  QueueIndex b = pool.add_queue();
};

TEST(SkillPool, AServerOfTwoQueuesTakesTheHeadThatHasWaitedLongest) {
  TwoQueues queues;
  auto& [sim, pool, a, b] = queues;
  const std::array<QueueIndex, 2> both{a, b};
  const ServerIndex s = pool.add_server(both);
  std::vector<std::string> order;
  pool.request(a, [](ServerIndex) {});  // keeps the server busy
  sim.schedule_at(1.0, [&] { pool.request(b, [&](ServerIndex) { order.emplace_back("b1"); }); });
  sim.schedule_at(2.0, [&] { pool.request(a, [&](ServerIndex) { order.emplace_back("a2"); }); });
  sim.schedule_at(3.0, [&] { pool.request(b, [&](ServerIndex) { order.emplace_back("b3"); }); });
  sim.schedule_at(4.0, [&] {
    for (int i = 0; i < 4; ++i) {
      pool.release(s);
    }
  });
  sim.run();
  EXPECT_EQ(order, (std::vector<std::string>{"b1", "a2", "b3"}));
}

TEST(SkillPool, EqualWaitsGoToTheLowerQueueIndex) {
  TwoQueues queues;
  auto& [sim, pool, a, b] = queues;
  const std::array<QueueIndex, 2> b_first{b, a};
  const ServerIndex s = pool.add_server(b_first);
  std::vector<std::string> order;
  pool.request(a, [](ServerIndex) {});
  pool.request(b, [&](ServerIndex) { order.emplace_back("b"); });
  pool.request(a, [&](ServerIndex) { order.emplace_back("a"); });  // same time, queue 0
  pool.release(s);
  pool.release(s);
  EXPECT_EQ(order, (std::vector<std::string>{"a", "b"}));
}

TEST(SkillPool, QueueOrderRuleFollowsTheServersOwnList) {
  TwoQueues queues(SelectionRule::queue_order);
  auto& [sim, pool, a, b] = queues;
  const std::array<QueueIndex, 2> b_first{b, a};
  const ServerIndex s = pool.add_server(b_first);
  std::vector<std::string> order;
  pool.request(a, [](ServerIndex) {});
  pool.request(a, [&](ServerIndex) { order.emplace_back("a"); });
  sim.schedule_at(5.0, [&] {
    pool.request(b, [&](ServerIndex) { order.emplace_back("b"); });
    pool.release(s);
    pool.release(s);
  });
  sim.run();
  EXPECT_EQ(order, (std::vector<std::string>{"b", "a"})) << "b first although a waited longer";
}

TEST(SkillPool, AServerOfQueueBNeverTakesQueueA) {
  TwoQueues queues;
  auto& [sim, pool, a, b] = queues;
  const std::array<QueueIndex, 1> only_b{b};
  const ServerIndex s = pool.add_server(only_b);
  bool a_served = false;
  pool.request(a, [&](ServerIndex) { a_served = true; });
  EXPECT_FALSE(a_served);
  EXPECT_FALSE(pool.busy(s));
  EXPECT_EQ(pool.waiting(a), 1U);
  ServerIndex who = 99;
  pool.request(b, [&](ServerIndex server) { who = server; });
  EXPECT_EQ(who, s);
  pool.release(s);
  EXPECT_FALSE(a_served);
  EXPECT_FALSE(pool.busy(s));
  // A server that serves A arrives: it takes A's visitor at once.
  const std::array<QueueIndex, 1> only_a{a};
  const ServerIndex t = pool.add_server(only_a);
  EXPECT_TRUE(a_served);
  EXPECT_TRUE(pool.busy(t));
  EXPECT_EQ(pool.waiting(a), 0U);
}

TEST(SkillPool, ARequestGoesToTheLowestNumberedIdleServerThatMayServeIt) {
  TwoQueues queues;
  auto& [sim, pool, a, b] = queues;
  const std::array<QueueIndex, 1> only_b{b};
  const std::array<QueueIndex, 2> both{a, b};
  pool.add_server(only_b);                       // 0
  const ServerIndex s1 = pool.add_server(both);  // 1
  const ServerIndex s2 = pool.add_server(both);  // 2
  std::vector<ServerIndex> got;
  for (int i = 0; i < 2; ++i) {
    pool.request(a, [&](ServerIndex s) { got.push_back(s); });
  }
  EXPECT_EQ(got, (std::vector<ServerIndex>{s1, s2}));
  pool.request(b, [&](ServerIndex s) { got.push_back(s); });
  EXPECT_EQ(got.back(), 0U);
}

TEST(SkillPool, AClosedServerFinishesItsVisitorAndThenTakesNoOne) {
  Simulation sim;
  SkillPool pool(sim);
  const QueueIndex a = pool.add_queue();
  const std::array<QueueIndex, 1> only_a{a};
  const ServerIndex s = pool.add_server(only_a);
  std::vector<int> served;
  pool.request(a, [&](ServerIndex) { served.push_back(0); });
  pool.request(a, [&](ServerIndex) { served.push_back(1); });
  pool.set_open(s, false);
  EXPECT_TRUE(pool.busy(s)) << "still serving visitor 0";
  pool.release(s);
  EXPECT_FALSE(pool.busy(s));
  EXPECT_FALSE(pool.open(s));
  EXPECT_EQ(served, (std::vector<int>{0}));
  EXPECT_EQ(pool.waiting(a), 1U);
  pool.request(a, [&](ServerIndex) { served.push_back(2); });
  EXPECT_EQ(served.size(), 1U) << "a closed idle server takes no one";
  pool.set_open(s, true);
  EXPECT_EQ(served, (std::vector<int>{0, 1})) << "reopened, it takes the head at once";
  EXPECT_TRUE(pool.busy(s));
}

TEST(SkillPool, AServerAddedClosedWaitsToBeOpened) {
  Simulation sim;
  SkillPool pool(sim);
  const QueueIndex a = pool.add_queue();
  const std::array<QueueIndex, 1> only_a{a};
  const ServerIndex s = pool.add_server(only_a, false);
  int served = 0;
  pool.request(a, [&](ServerIndex) { ++served; });
  EXPECT_EQ(served, 0);
  pool.set_open(s, true);
  EXPECT_EQ(served, 1);
}

TEST(SkillPool, WithdrawnRequestLeavesItsQueue) {
  TwoQueues queues;
  auto& [sim, pool, a, b] = queues;
  const std::array<QueueIndex, 2> both{a, b};
  const ServerIndex s = pool.add_server(both);
  std::vector<int> served;
  pool.request(a, [](ServerIndex) {});
  const RequestId first = pool.request(a, [&](ServerIndex) { served.push_back(1); });
  sim.schedule_at(1.0, [&] { pool.request(b, [&](ServerIndex) { served.push_back(2); }); });
  sim.run();
  EXPECT_EQ(pool.waiting(a), 1U);
  EXPECT_TRUE(pool.withdraw(first));
  EXPECT_FALSE(pool.withdraw(first));
  EXPECT_EQ(pool.waiting(a), 0U);
  pool.release(s);
  EXPECT_EQ(served, (std::vector<int>{2})) << "the withdrawn head of A is skipped";
  EXPECT_EQ(pool.waiting(b), 0U);
}

TEST(SkillPool, PriorityQueueServesLowerValuesFirst) {
  Simulation sim;
  SkillPool pool(sim);
  const QueueIndex a = pool.add_queue(QueueDiscipline::priority);
  const std::array<QueueIndex, 1> only_a{a};
  const ServerIndex s = pool.add_server(only_a);
  std::vector<int> order;
  pool.request(a, [](ServerIndex) {});
  const std::array<int, 4> priorities{2, 0, 1, 0};
  for (int i = 0; i < 4; ++i) {
    pool.request(
        a, [&order, i](ServerIndex) { order.push_back(i); }, priorities[i]);
  }
  for (int i = 0; i < 5; ++i) {
    pool.release(s);
  }
  EXPECT_EQ(order, (std::vector<int>{1, 3, 2, 0}));
}

}  // namespace
}  // namespace hallsim::sim
