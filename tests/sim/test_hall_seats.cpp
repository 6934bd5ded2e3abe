// Seat identities: each waiting visitor sits on the lowest free seat; a seat left behind goes
// to whoever has stood longest; no two visitors share a seat.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hall_invariants.hpp"
#include "hall_samples.hpp"
#include "hall_test_support.hpp"
#include "hallsim/sim/hall.hpp"

namespace hallsim::sim {
namespace {

using testing::fixed_schedule;
using testing::kNine;
using testing::traced;

/// The wait and sit records, in trace order.
std::vector<TraceRecord> seatings(const HallResult& r) {
  std::vector<TraceRecord> out;
  for (const TraceRecord& x : r.trace) {
    if (x.event == TraceEvent::wait || x.event == TraceEvent::sit) {
      out.push_back(x);
    }
  }
  return out;
}

TEST(HallSeats, VisitorsTakeTheLowestFreeSeatAndTheLongestStandingSitsFirst) {
  // One counter, two seats, ten-minute service. 9:00 is called at once; 9:01 sits on seat 0,
  // 9:02 on seat 1; 9:03 and 9:04 stand. At 9:10 the counter calls 9:01: 9:03 (standing
  // longest) sits on seat 0. At 9:20 it calls 9:02: 9:04 sits on seat 1. At 9:30 it calls
  // 9:03 and seat 0 is free: the 9:31 visitor takes it.
  const HallModel model(
      samples::plain_hall(1, "general", 2),
      fixed_schedule({kNine, kNine + 60, kNine + 120, kNine + 180, kNine + 240, kNine + 1860},
                     600.0));
  const RunSettings settings = traced();
  const HallResult r = model.run(settings);
  for (const auto& p : check_trace(model, r, settings)) {
    ADD_FAILURE() << p;
  }
  struct Seating {
    TraceEvent event;
    std::uint32_t visitor;
    double at;  // seconds after 9:00
    std::int32_t seat;
    std::uint8_t standing;
  };
  const std::vector<Seating> expected{
      {TraceEvent::wait, 1, 60, 0, 0},   {TraceEvent::wait, 2, 120, 1, 0},
      {TraceEvent::wait, 3, 180, -1, 1}, {TraceEvent::wait, 4, 240, -1, 1},
      {TraceEvent::sit, 3, 600, 0, 0},   {TraceEvent::sit, 4, 1200, 1, 0},
      {TraceEvent::wait, 5, 1860, 0, 0},
  };
  const auto got = seatings(r);
  ASSERT_EQ(got.size(), expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(got[i].event, expected[i].event);
    EXPECT_EQ(got[i].visitor, expected[i].visitor);
    EXPECT_DOUBLE_EQ(got[i].time, kNine + expected[i].at);
    EXPECT_EQ(got[i].seat, expected[i].seat);
    EXPECT_EQ(got[i].detail, expected[i].standing);
  }
  EXPECT_EQ(r.peak_standing, 2);
}

TEST(HallSeats, TheTraceCheckCatchesTwoVisitorsOnOneSeat) {
  const HallModel model(samples::plain_hall(1, "general", 2),
                        fixed_schedule({kNine, kNine + 60, kNine + 120}, 600.0));
  const RunSettings settings = traced();
  HallResult r = model.run(settings);
  ASSERT_TRUE(check_trace(model, r, settings).empty());
  for (TraceRecord& x : r.trace) {
    if (x.event == TraceEvent::wait && x.visitor == 2) {
      x.seat = 0;  // seat 0 is visitor 1's
    }
  }
  const auto problems = check_trace(model, r, settings);
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(problems[0].find("seat 0 taken by visitor 1"), std::string::npos) << problems[0];
}

TEST(HallSeats, ACrowdedTownCentreNeverSeatsTwoOnOneSeatNorMoreThanItsSeats) {
  // Ten seats for the town centre's day: most ticket holders stand at the peaks. The trace
  // check replays every wait, sit, call and departure and finds no seat shared, nobody
  // standing by a free seat, and min(waiting, seats) seated at every moment.
  HallLayout hall = samples::town_center_hall();
  hall.seats = 10;
  const HallModel model(hall, samples::town_center_weekday());
  for (std::uint64_t seed = 1; seed <= 3; ++seed) {
    RunSettings settings = traced();
    settings.seed = seed;
    const HallResult r = model.run(settings);
    EXPECT_GT(r.peak_standing, 10);
    for (const auto& p : check_trace(model, r, settings)) {
      ADD_FAILURE() << "seed " << seed << ": " << p;
    }
    std::size_t sits = 0;
    for (const TraceRecord& x : r.trace) {
      sits += x.event == TraceEvent::sit ? 1 : 0;
    }
    EXPECT_GT(sits, 0U);
  }
}

}  // namespace
}  // namespace hallsim::sim
