// The hall model on hand-computed schedules, and its invariants on a realistic day.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "hall_invariants.hpp"
#include "hall_samples.hpp"
#include "hallsim/sim/hall.hpp"

namespace hallsim::sim {
namespace {

constexpr double kNine = 9.0 * 3600.0;

/// A one-item scenario whose visitors come exactly at the given clock times (replayed
/// ticket records), with a fixed service time and nothing random left.
Scenario fixed_schedule(const std::vector<double>& ticket_times, double service) {
  Scenario s = samples::single_queue(0.0, DistributionSpec::fixed(service));
  s.demand.items.clear();
  for (double t : ticket_times) {
    TicketRecord r;
    r.ticket_time = t;
    r.item = "item";
    s.replay.records.push_back(r);
  }
  return s;
}

std::vector<TraceRecord> events_of(const HallResult& r, TraceEvent e) {
  std::vector<TraceRecord> out;
  std::copy_if(r.trace.begin(), r.trace.end(), std::back_inserter(out),
               [e](const TraceRecord& x) { return x.event == e; });
  return out;
}

RunSettings traced(std::uint64_t seed = 1) {
  RunSettings s;
  s.seed = seed;
  s.record_trace = true;
  s.record_series = true;
  return s;
}

TEST(HallModel, TwoCountersFixedServiceGiveTheHandComputedSchedule) {
  // Tickets at 9:00:00, 9:01, 9:02, 9:03; two counters; 5 minutes of service each.
  // Counter 1 takes the first at 0 and the third when it frees at 300; counter 2 the
  // second at 60 and the fourth at 360. Waits: 0, 0, 180, 180 seconds.
  const HallModel model(samples::plain_hall(2),
                        fixed_schedule({kNine, kNine + 60, kNine + 120, kNine + 180}, 300.0));
  const RunSettings settings = traced();
  const HallResult r = model.run(settings);
  EXPECT_TRUE(check_trace(model, r, settings).empty());

  const auto calls = events_of(r, TraceEvent::call);
  ASSERT_EQ(calls.size(), 4U);
  const double expected_time[] = {0, 60, 300, 360};
  const int expected_counter[] = {0, 1, 0, 1};
  for (std::size_t i = 0; i < 4; ++i) {
    EXPECT_EQ(calls[i].visitor, i);
    EXPECT_DOUBLE_EQ(calls[i].time, kNine + expected_time[i]);
    EXPECT_EQ(calls[i].counter, expected_counter[i]);
  }
  const auto ends = events_of(r, TraceEvent::service_end);
  ASSERT_EQ(ends.size(), 4U);
  EXPECT_DOUBLE_EQ(ends[3].time, kNine + 660);
  EXPECT_EQ(r.arrived, 4U);
  EXPECT_EQ(r.served, 4U);
  EXPECT_DOUBLE_EQ(r.waits.tally.mean(), 90.0);
  EXPECT_DOUBLE_EQ(r.waits.tally.max(), 180.0);
  EXPECT_DOUBLE_EQ(r.waits.quantiles.quantile(0.5), 90.0);  // type 7 of {0, 0, 180, 180}
  EXPECT_EQ(r.peak_waiting, 2);                             // tickets 3 and 4 at 9:02–9:05
  // Counter 1 busy 0–600 of its 8:30–12:00 and 13:30–24:00 ... every day here is open
  // 0:00–24:00 and the hall empties at 9:11, so counter 1 is staffed 24 h of the day.
  EXPECT_DOUBLE_EQ(r.counter_busy[0], 600.0);
  EXPECT_DOUBLE_EQ(r.counter_busy[1], 600.0);
}

TEST(HallModel, TownCentreDayKeepsEveryInvariant) {
  const HallModel model(samples::town_center_hall(), samples::town_center_weekday());
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const RunSettings settings = traced(seed);
    const HallResult r = model.run(settings);
    const auto problems = check_trace(model, r, settings);
    for (const auto& p : problems) ADD_FAILURE() << p;
    EXPECT_GT(r.arrived, 600U);
    EXPECT_LT(r.arrived, 1000U);
    std::cerr << "arrived " << r.arrived << " served " << r.served << " balked " << r.balked
              << " reneged " << r.reneged << " missed " << r.missed_call << " home " << r.sent_home
              << " inside " << r.inside << " mean wait " << r.waits.tally.mean() / 60 << " p90 "
              << r.waits.quantiles.quantile(0.9) / 60 << " peak " << r.peak_in_hall << " end "
              << r.end_time / 3600 << "\n";
  }
}

}  // namespace
}  // namespace hallsim::sim
