// Return visits: a visit that failed for missing materials comes back some open days later
// with the materials; returns past the last simulated day are counted as pending.

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "hall_invariants.hpp"
#include "hall_samples.hpp"
#include "hall_test_support.hpp"
#include "hallsim/sim/hall.hpp"
#include "hallsim/sim/stats.hpp"

namespace hallsim::sim {
namespace {

using testing::kNine;

/// One booked visitor at 9:00 on Fridays only, whose item always lacks materials; Saturday
/// and Sunday closed; everyone who fails comes back `delay` open days later.
Scenario friday_failure(int delay) {
  Scenario s = samples::single_queue(0.0, DistributionSpec::fixed(600.0));
  for (auto& day : s.calendar.days) {
    day = DayHours{};
  }
  s.calendar.days[5].open = false;
  s.calendar.days[6].open = false;
  s.demand.items.clear();
  AppointmentSlots slot;
  slot.item = "item";
  slot.days = {Weekday::fri};
  slot.first_slot = kNine;
  slot.last_slot_end = kNine + 1800.0;
  s.demand.appointments.slots.push_back(slot);
  s.demand.appointments.no_show = 0.0;
  s.demand.appointments.punctuality = DistributionSpec::fixed(0.0);
  s.catalogue.items[0].missing_materials = 1.0;
  s.behaviour.return_share = 1.0;
  s.behaviour.return_min_days = delay;
  s.behaviour.return_max_days = delay;
  return s;
}

TEST(HallReturns, AFridayFailureComesBackOnMondayWithItsMaterials) {
  // Friday, Saturday, Sunday, Monday: one open day after Friday is Monday.
  const HallModel model(samples::plain_hall(1), friday_failure(1));
  RunSettings settings;
  settings.first_day = Weekday::fri;
  settings.days = 4;
  settings.record_trace = true;
  const HallResult r = model.run(settings);
  for (const auto& p : check_trace(model, r, settings)) {
    ADD_FAILURE() << p;
  }
  EXPECT_EQ(r.arrived, 2U);
  EXPECT_EQ(r.returns, 1U);
  EXPECT_EQ(r.returns_pending, 0U);
  EXPECT_EQ(r.missing_materials, 1U);  // the return visit has its materials
  std::vector<TraceRecord> ends, arrivals;
  for (const TraceRecord& x : r.trace) {
    if (x.event == TraceEvent::service_end) {
      ends.push_back(x);
    }
    if (x.event == TraceEvent::arrive) {
      arrivals.push_back(x);
    }
  }
  ASSERT_EQ(arrivals.size(), 2U);
  const double monday = 3.0 * kDaySeconds;
  EXPECT_GE(arrivals[1].time, monday + 8.5 * 3600.0);
  EXPECT_LT(arrivals[1].time, monday + 17.0 * 3600.0);
  ASSERT_EQ(ends.size(), 2U);
  EXPECT_EQ(ends[0].detail, 1);  // missing materials on Friday
  EXPECT_EQ(ends[1].detail, 0);  // done on Monday
}

TEST(HallReturns, AReturnDueAfterTheLastDayIsPending) {
  // Two open days later is Tuesday, after the run's Monday.
  const HallModel model(samples::plain_hall(1), friday_failure(2));
  RunSettings settings;
  settings.first_day = Weekday::fri;
  settings.days = 4;
  const HallResult r = model.run(settings);
  EXPECT_EQ(r.arrived, 1U);
  EXPECT_EQ(r.returns, 0U);
  EXPECT_EQ(r.returns_pending, 1U);
}

TEST(HallReturns, DayTwoArrivalsRiseByTheReturningShareOfDayOneFailures) {
  // Monday and Tuesday 8:30–17:00, 30 walk-ins an hour, three counters, 30% of visits lack
  // materials and half of those come back the next open day. The same seeds with and
  // without returns give the same Monday (common random numbers), so Tuesday's extra
  // arrivals are exactly the returns. Given Monday's failures F, the returns are
  // Binomial(F, 0.5): over 100 replications their sum is within 4 standard deviations of
  // 0.5 ΣF; and their mean is within 4 standard errors of 0.5 x 0.3 x 255 expected
  // failures (nobody balks or reneges, every ticket holder is served).
  Scenario s = samples::single_queue(30.0, DistributionSpec::exponential(300.0));
  for (auto& day : s.calendar.days) {
    day = DayHours{};
    day.has_lunch_break = false;
  }
  s.catalogue.items[0].missing_materials = 0.3;
  Scenario without = s;
  s.behaviour.return_share = 0.5;
  s.behaviour.return_min_days = 1;
  s.behaviour.return_max_days = 1;
  const HallModel with_returns(samples::plain_hall(3), s);
  const HallModel no_returns(samples::plain_hall(3), without);
  double returns = 0.0, monday_failures = 0.0, tuesday_failures = 0.0, pending = 0.0;
  Replications per_run;
  for (std::uint64_t k = 0; k < 100; ++k) {
    RunSettings two;
    two.days = 2;
    two.seed = 5;
    two.replication = k;
    RunSettings one = two;
    one.days = 1;
    const HallResult r = with_returns.run(two);
    const HallResult r0 = no_returns.run(two);
    const HallResult monday = with_returns.run(one);
    ASSERT_EQ(r.arrived - r0.arrived, r.returns) << "replication " << k;
    returns += static_cast<double>(r.returns);
    per_run.add(static_cast<double>(r.returns));
    monday_failures += static_cast<double>(monday.missing_materials);
    tuesday_failures += static_cast<double>(r.missing_materials - monday.missing_materials);
    pending += static_cast<double>(r.returns_pending);
  }
  EXPECT_NEAR(returns, 0.5 * monday_failures, 4.0 * std::sqrt(monday_failures * 0.25));
  // Tuesday's failures (returning visitors have their materials) are all due after the run.
  EXPECT_NEAR(pending, 0.5 * tuesday_failures, 4.0 * std::sqrt(tuesday_failures * 0.25));
  const Estimate e = per_run.estimate();
  const double se = e.half_width / student_t_quantile(0.95, e.n - 1);
  EXPECT_NEAR(e.mean, 0.5 * 0.3 * 30.0 * 8.5, 4.0 * se) << e.mean << " ± " << e.half_width;
}

}  // namespace
}  // namespace hallsim::sim
