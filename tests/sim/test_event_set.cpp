// The ladder queue against a plain binary heap on (time, seq): every pop must match.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <queue>
#include <span>
#include <utility>
#include <vector>

#include "event_set.hpp"
#include "hallsim/sim/random.hpp"

namespace hallsim::sim {
namespace {

using Key = std::pair<Time, std::uint64_t>;
using ReferenceHeap = std::priority_queue<Key, std::vector<Key>, std::greater<>>;

// Small parameters make buckets overflow and rungs spawn with few entries.
constexpr LadderParams kTightLadder{
    .bucket_target = 2, .split_bucket_target = 2, .split_threshold = 4, .max_rungs = 6};

// Drives a LadderQueue and the reference with the same operations and checks each pop.
class Differential {
 public:
  explicit Differential(LadderParams params) : ladder_(params) {}

  void push(Time t) {
    ASSERT_GE(t, now_);
    ladder_.push(EventEntry{t, next_seq_, 0, 0});
    reference_.emplace(t, next_seq_);
    ++next_seq_;
  }

  // Pops one entry from both and checks they agree; false when both are empty.
  bool pop() {
    EventEntry e{};
    const bool got = ladder_.pop(e);
    EXPECT_EQ(got, !reference_.empty());
    if (!got || reference_.empty()) {
      return false;
    }
    const Key want = reference_.top();
    reference_.pop();
    EXPECT_EQ(e.time, want.first) << "pop " << pops_;
    EXPECT_EQ(e.seq, want.second) << "pop " << pops_;
    now_ = e.time;
    ++pops_;
    return true;
  }

  Time now() const { return now_; }
  std::size_t size() const { return ladder_.size(); }
  const LadderStats& stats() const { return ladder_.stats(); }
  std::uint64_t pops() const { return pops_; }

 private:
  LadderQueue ladder_;
  ReferenceHeap reference_;
  std::uint64_t next_seq_ = 1;
  std::uint64_t pops_ = 0;
  Time now_ = 0.0;
};

// A delay drawn from a mixture that stresses the ladder: zero (ties with now),
// coarse grid values (many exact ties far ahead), exponential, rare huge jumps
// and tiny steps.
Time mixed_delay(RandomStream& rng, Time now) {
  const double u = rng.uniform01();
  if (u < 0.15) {
    return 0.0;
  }
  if (u < 0.45) {
    // Ties at grid times k * 0.25 ahead of now (computed, never accumulated).
    const double k = std::ceil(now / 0.25) + static_cast<double>(rng.uniform_below(40));
    return k * 0.25 - now;
  }
  if (u < 0.85) {
    return Exponential(1.0)(rng);
  }
  if (u < 0.90) {
    return Exponential(50.0)(rng);
  }
  return 1e-9 * static_cast<double>(rng.uniform_below(4));
}

TEST(LadderQueue, PopsByTimeThenByInsertionOrder) {
  LadderQueue q;
  const std::array<Time, 6> times{3.0, 1.0, 2.0, 1.0, 3.0, 0.5};
  for (std::uint64_t i = 0; i < 6; ++i) {
    q.push(EventEntry{times[i], i + 1, 0, 0});
  }
  const std::array<std::uint64_t, 6> want{6, 2, 4, 3, 1, 5};
  for (const std::uint64_t seq : want) {
    EventEntry e{};
    ASSERT_TRUE(q.pop(e));
    EXPECT_EQ(e.seq, seq);
  }
  EventEntry e{};
  EXPECT_FALSE(q.pop(e));
  EXPECT_TRUE(q.empty());
}

// next_few() feeds the engine's prefetch of the next events' action slots.
TEST(LadderQueue, NextFewAreTheNextEntriesWhileSortedAndHoldTheFirstWhileAHeap) {
  LadderQueue q;
  for (std::uint64_t i = 0; i < 10; ++i) {
    q.push(EventEntry{static_cast<Time>(9 - i), i + 1, 0, 0});  // seq 10 fires first
  }
  ASSERT_NE(q.peek(), nullptr);  // ten entries: the whole set is the sorted bottom
  std::vector<std::uint64_t> seqs;
  for (const EventEntry& e : q.next_few(3)) {
    seqs.push_back(e.seq);
  }
  std::sort(seqs.begin(), seqs.end());
  EXPECT_EQ(seqs, (std::vector<std::uint64_t>{8, 9, 10}));
  EXPECT_EQ(q.next_few(50).size(), 10U);

  // A burst of entries at the current time turns the bottom into a heap.
  EventEntry first{};
  ASSERT_TRUE(q.pop(first));
  for (std::uint64_t i = 0; i < 300; ++i) {
    q.push(EventEntry{first.time, 100 + i, 0, 0});
  }
  ASSERT_EQ(q.stats().bottom_heaps, 1U);
  const EventEntry* next = q.peek();
  ASSERT_NE(next, nullptr);
  EXPECT_EQ(next->seq, 100U);
  const std::span<const EventEntry> few = q.next_few(7);
  EXPECT_EQ(few.size(), 7U);
  EXPECT_TRUE(
      std::any_of(few.begin(), few.end(), [](const EventEntry& e) { return e.seq == 100; }));
}

TEST(LadderQueue, MatchesAReferenceHeapOverMixedOperations) {
  for (const LadderParams params : {LadderParams{}, kTightLadder}) {
    Differential d(params);
    RandomStream rng = RandomSource(20240611).stream("ladder-differential");
    for (int i = 0; i < 2000; ++i) {
      d.push(Exponential(5.0)(rng));
    }
    // Phases of growth and of draining, so the ladder empties and is laid out anew.
    for (int op = 0; op < 160000; ++op) {
      const double push_share = (op / 8000) % 2 == 0 ? 0.65 : 0.3;
      if (rng.uniform01() < push_share) {
        d.push(d.now() + mixed_delay(rng, d.now()));
      } else {
        d.pop();
      }
      if (testing::Test::HasFailure()) {
        return;
      }
    }
    while (d.pop()) {
      if (testing::Test::HasFailure()) {
        return;
      }
    }
    EXPECT_EQ(d.size(), 0U);
    // The run went through new epochs and rung splits, not only through the bottom heap.
    EXPECT_GE(d.stats().epochs, 10U);
    EXPECT_GE(d.stats().rungs_spawned, 100U);
    EXPECT_GE(d.stats().deepest, 2U);
  }
}

TEST(LadderQueue, KeepsInsertionOrderForHeavyTiesAcrossBucketsAndRungs) {
  // Wide buckets: each holds a few distinct times and is split into a finer rung.
  Differential d(LadderParams{
      .bucket_target = 1000, .split_bucket_target = 1000, .split_threshold = 4, .max_rungs = 6});
  // 20 distinct times, each repeated 500 times, interleaved so that every time's
  // entries arrive spread over the whole insertion sequence.
  for (int round = 0; round < 500; ++round) {
    for (int k = 0; k < 20; ++k) {
      d.push(static_cast<double>((k * 7) % 20) * 0.125);
    }
  }
  // Entries for already-queued times while the ladder is laid out: some go to the
  // bottom, some to rung buckets, some to the top.
  for (int i = 0; i < 100; ++i) {
    ASSERT_TRUE(d.pop());
  }
  for (int round = 0; round < 50; ++round) {
    for (int k = 0; k < 20; ++k) {
      d.push(std::max(d.now(), static_cast<double>(k) * 0.125));
    }
    d.push(d.now());
  }
  while (d.pop()) {
  }
  EXPECT_EQ(d.pops(), 20U * 500U + 50U * 21U);
  EXPECT_GT(d.stats().rungs_spawned, 0U);
}

TEST(LadderQueue, KeepsOrderWhenEntriesArriveInEveryTier) {
  Differential d(kTightLadder);
  for (int i = 0; i <= 1000; ++i) {
    d.push(static_cast<double>(i) * 0.1);  // 0 .. 100
  }
  ASSERT_TRUE(d.pop());  // lays out the first rung; the top now starts at 100
  EXPECT_EQ(d.stats().epochs, 1U);
  for (int i = 0; i < 10; ++i) {
    d.push(50.0);   // into a rung bucket that already holds time 50
    d.push(100.0);  // equal to the top's start: into the top
    d.push(0.1);    // below the rung's current bucket: into the bottom
    d.push(250.0);  // far beyond: into the top
  }
  while (d.pop()) {
  }
  EXPECT_EQ(d.pops(), 1001U + 40U);
  EXPECT_GE(d.stats().epochs, 2U);
}

TEST(LadderQueue, HandlesAllEntriesAtOneTime) {
  Differential d(kTightLadder);
  for (int i = 0; i < 10000; ++i) {
    d.push(7.0);
  }
  for (int i = 0; i < 5000; ++i) {
    ASSERT_TRUE(d.pop());
  }
  for (int i = 0; i < 5000; ++i) {
    d.push(7.0);
  }
  while (d.pop()) {
  }
  EXPECT_EQ(d.pops(), 15000U);
  EXPECT_EQ(d.stats().rungs_spawned, 0U);  // a bucket of equal times cannot be split
}

TEST(LadderQueue, KeepsOrderThroughABurstOfEntriesIntoTheBottom) {
  for (const LadderParams params : {LadderParams{}, kTightLadder}) {
    Differential d(params);
    for (int i = 0; i < 1000; ++i) {
      d.push(static_cast<double>(i) * 0.01);
    }
    ASSERT_TRUE(d.pop());
    // A burst at the current time (a hall opening all its counters at once, say),
    // then entries just after it: all below every rung, so all into the bottom.
    for (int i = 0; i < 3000; ++i) {
      d.push(d.now());
    }
    for (int i = 0; i < 500; ++i) {
      d.push(d.now() + 1e-6 * static_cast<double>(i % 7));
    }
    for (int i = 0; i < 2000; ++i) {
      ASSERT_TRUE(d.pop());
    }
    for (int i = 0; i < 300; ++i) {
      d.push(d.now());
    }
    while (d.pop()) {
    }
    EXPECT_EQ(d.pops(), 1000U + 3000U + 500U + 300U);
    EXPECT_GE(d.stats().bottom_heaps, 1U) << "the burst should have turned the bottom into a heap";
  }
}

TEST(LadderQueue, StaysInOrderAcrossWidelySpreadTimes) {
  Differential d(LadderParams{});
  RandomStream rng = RandomSource(7).stream("spread");
  // Times from 1e-6 to 1e9 in one set: the first rung is far too coarse for the
  // front, so the front buckets must be split again and again.
  for (int i = 0; i < 20000; ++i) {
    d.push(std::pow(10.0, -6.0 + 15.0 * rng.uniform01()));
  }
  for (int i = 0; i < 30000; ++i) {
    if (i % 3 == 0) {
      d.push(d.now() + std::pow(10.0, -6.0 + 15.0 * rng.uniform01()));
    } else if (!d.pop()) {
      break;
    }
  }
  while (d.pop()) {
  }
  EXPECT_EQ(d.size(), 0U);
  EXPECT_GE(d.stats().deepest, 3U);
}

}  // namespace
}  // namespace hallsim::sim
