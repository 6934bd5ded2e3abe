// Per-period statistics of the hall model (RunSettings::period_length): hand-computed
// periods, periods that add up to the whole run, and a stationary hall against Erlang C.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <map>
#include <stdexcept>
#include <vector>

#include "hall_samples.hpp"
#include "hall_test_support.hpp"
#include "hallsim/sim/hall.hpp"
#include "hallsim/sim/queueing.hpp"
#include "hallsim/sim/stats.hpp"

namespace hallsim::sim {
namespace {

using testing::fixed_schedule;
using testing::kNine;

const PeriodStats& period_at(const HallResult& r, double start) {
  for (const PeriodStats& p : r.periods) {
    if (p.start == start) {
      return p;
    }
  }
  throw std::out_of_range("no period starts at " + std::to_string(start));
}

TEST(HallPeriods, OneCounterFixedScheduleGivesTheHandComputedPeriodWaits) {
  // Tickets at 9:00, 9:02, 9:04, 9:08 and 9:12; one counter; 5 minutes each. Calls at 9:00,
  // 9:05, 9:10, 9:15, 9:20: waits 0, 180, 360, 420 (tickets of 9:00–9:10) and 480 (9:10–9:20).
  const HallModel model(
      samples::plain_hall(1),
      fixed_schedule({kNine, kNine + 120, kNine + 240, kNine + 480, kNine + 720}, 300.0));
  RunSettings settings;
  settings.period_length = 600.0;
  const HallResult r = model.run(settings);

  // The day is open 0:00–24:00: 144 ten-minute periods, the counter staffed in each.
  ASSERT_EQ(r.periods.size(), 144U);
  for (std::size_t i = 0; i < r.periods.size(); ++i) {
    EXPECT_DOUBLE_EQ(r.periods[i].start, 600.0 * static_cast<double>(i));
    EXPECT_DOUBLE_EQ(r.periods[i].length, 600.0);
    EXPECT_DOUBLE_EQ(r.periods[i].counter_open[0], 600.0);
  }
  const PeriodStats& first = period_at(r, kNine);
  EXPECT_EQ(first.tickets, 4U);
  EXPECT_EQ(first.answered, 4U);
  EXPECT_EQ(first.abandoned, 0U);
  EXPECT_DOUBLE_EQ(first.waits.tally.sum(), 0.0 + 180.0 + 360.0 + 420.0);
  EXPECT_DOUBLE_EQ(first.waits.tally.mean(), 240.0);
  EXPECT_DOUBLE_EQ(first.waits.tally.max(), 420.0);
  EXPECT_DOUBLE_EQ(first.waits.quantiles.quantile(0.5), 270.0);  // type 7 of {0, 180, 360, 420}
  ASSERT_EQ(first.counter_type_waits.size(), 1U);
  EXPECT_EQ(first.counter_type_waits[0].tally.count(), 4U);
  const PeriodStats& second = period_at(r, kNine + 600.0);
  EXPECT_EQ(second.tickets, 1U);
  EXPECT_DOUBLE_EQ(second.waits.tally.mean(), 480.0);
  // The counter is taken 9:00–9:25 without a break.
  EXPECT_DOUBLE_EQ(first.counter_busy[0], 600.0);
  EXPECT_DOUBLE_EQ(second.counter_busy[0], 600.0);
  EXPECT_DOUBLE_EQ(period_at(r, kNine + 1200.0).counter_busy[0], 300.0);
  EXPECT_EQ(period_at(r, kNine + 1200.0).waits.tally.count(), 0U);
  EXPECT_DOUBLE_EQ(period_at(r, kNine - 600.0).counter_busy[0], 0.0);
}

TEST(HallPeriods, TicketsSentHomeAtClosingAreAbandonedInThePeriodTheyWereTaken) {
  // One counter, office hours 8:30–17:00 with lunch 12:00–13:30, everyone sent home at
  // closing. Tickets at 16:50 (three), 16:51, 16:52, 5 minutes each: 16:50 and 16:55 are
  // called (waits 0 and 300), the other three go home at 17:00.
  const double t0 = 16.0 * 3600.0 + 50.0 * 60.0;
  Scenario s = fixed_schedule({t0, t0, t0, t0 + 60, t0 + 120}, 300.0);
  for (auto& day : s.calendar.days) {
    day = DayHours{};
  }
  s.calendar.closing = ClosingPolicy::send_home;
  const HallModel model(samples::plain_hall(1), s);
  RunSettings settings;
  settings.period_length = 600.0;
  const HallResult r = model.run(settings);

  // 8:30–17:00 in ten-minute periods: 51 of them, lunch included.
  ASSERT_EQ(r.periods.size(), 51U);
  EXPECT_DOUBLE_EQ(r.periods.front().start, 8.5 * 3600.0);
  EXPECT_DOUBLE_EQ(r.periods.back().start, t0);
  const PeriodStats& last = r.periods.back();
  EXPECT_EQ(last.tickets, 5U);
  EXPECT_EQ(last.answered, 2U);
  EXPECT_EQ(last.abandoned, 3U);
  EXPECT_DOUBLE_EQ(last.waits.tally.sum(), 300.0);
  EXPECT_DOUBLE_EQ(last.counter_busy[0], 600.0);
  EXPECT_DOUBLE_EQ(period_at(r, 12.0 * 3600.0).counter_open[0], 0.0);  // lunch
  double open = 0.0;
  for (const PeriodStats& p : r.periods) {
    open += p.counter_open[0];
  }
  EXPECT_DOUBLE_EQ(open, 7.0 * 3600.0);
  EXPECT_DOUBLE_EQ(open, r.counter_open[0]);
}

TEST(HallPeriods, TheLastPeriodOfADayEndsAtMidnight) {
  // Seven-hour periods: 0–7, 7–14, 14–21 and a three-hour one 21–24, then day 2 starts anew.
  Scenario s = fixed_schedule({kNine, kNine}, 60.0);
  s.replay.records[1].day = 1;
  const HallModel model(samples::plain_hall(1), s);
  RunSettings settings;
  settings.days = 2;
  settings.period_length = 7.0 * 3600.0;
  const HallResult r = model.run(settings);
  ASSERT_EQ(r.periods.size(), 8U);
  EXPECT_DOUBLE_EQ(r.periods[3].start, 21.0 * 3600.0);
  EXPECT_DOUBLE_EQ(r.periods[3].length, 3.0 * 3600.0);
  EXPECT_DOUBLE_EQ(r.periods[3].counter_open[0], 3.0 * 3600.0);
  EXPECT_DOUBLE_EQ(r.periods[4].start, kDaySeconds);
  EXPECT_DOUBLE_EQ(r.periods[5].start, kDaySeconds + 7.0 * 3600.0);
  EXPECT_EQ(r.periods[1].tickets, 1U);  // 9:00 of day 1
  EXPECT_EQ(r.periods[5].tickets, 1U);  // 9:00 of day 2
}

/// What the trace says about tickets: taken, answered, abandoned.
struct TraceCounts {
  std::uint64_t tickets = 0, answered = 0, abandoned = 0;
};

TraceCounts count_trace(const HallResult& r) {
  TraceCounts n;
  std::map<std::uint32_t, bool> holding;  // visitor -> holds a ticket not yet called
  for (const TraceRecord& x : r.trace) {
    switch (x.event) {
      case TraceEvent::ticket:
        ++n.tickets;
        holding[x.visitor] = true;
        break;
      case TraceEvent::call:
        holding[x.visitor] = false;
        ++n.answered;
        break;
      case TraceEvent::no_show:
        --n.answered;
        ++n.abandoned;
        break;
      case TraceEvent::renege:
      case TraceEvent::sent_home:
        if (holding[x.visitor]) {
          holding[x.visitor] = false;
          ++n.abandoned;
        }
        break;
      default:
        break;
    }
  }
  return n;
}

TEST(HallPeriods, PeriodsAddUpToTheWholeRun) {
  // Two weekdays of the town centre: transfers, complaints, balking, reneging, no-shows,
  // lunch, closing; visitors balk at 5 to 20 tickets ahead. Half-hour periods.
  Scenario s = samples::town_center_weekday();
  s.behaviour.balk_min = 5.0;
  s.behaviour.balk_max = 20.0;
  const HallModel model(samples::town_center_hall(), s);
  RunSettings settings;
  settings.days = 2;
  settings.seed = 7;
  settings.record_trace = true;
  settings.period_length = 1800.0;
  const HallResult r = model.run(settings);
  const TraceCounts expected = count_trace(r);
  ASSERT_GT(expected.abandoned, 0U);
  ASSERT_GT(r.balked, 0U);

  PeriodStats sum;
  sum.counter_open.assign(r.counter_open.size(), 0.0);
  sum.counter_busy.assign(r.counter_busy.size(), 0.0);
  std::vector<std::uint64_t> type_calls(r.counter_type_waits.size(), 0);
  double previous = -1.0;
  for (const PeriodStats& p : r.periods) {
    EXPECT_GT(p.start, previous);
    previous = p.start;
    sum.tickets += p.tickets;
    sum.answered += p.answered;
    sum.abandoned += p.abandoned;
    sum.balked += p.balked;
    EXPECT_EQ(p.waits.tally.count(), p.answered);
    EXPECT_LE(p.answered + p.abandoned, p.tickets);
    sum.waits.tally.merge(p.waits.tally);
    for (std::size_t c = 0; c < p.counter_open.size(); ++c) {
      sum.counter_open[c] += p.counter_open[c];
      sum.counter_busy[c] += p.counter_busy[c];
      EXPECT_LE(p.counter_busy[c], p.length + 1e-9);
    }
    for (std::size_t k = 0; k < p.counter_type_waits.size(); ++k) {
      type_calls[k] += p.counter_type_waits[k].tally.count();
    }
  }
  EXPECT_EQ(sum.tickets, expected.tickets);
  EXPECT_EQ(sum.answered, expected.answered);
  EXPECT_EQ(sum.abandoned, expected.abandoned);
  EXPECT_EQ(sum.balked, r.balked);
  // Without a warm-up the run's waits are exactly those of the periods.
  EXPECT_EQ(sum.waits.tally.count(), r.waits.tally.count());
  EXPECT_NEAR(sum.waits.tally.sum(), r.waits.tally.sum(), 1e-9 * r.waits.tally.sum());
  for (std::size_t c = 0; c < r.counter_open.size(); ++c) {
    EXPECT_NEAR(sum.counter_open[c], r.counter_open[c], 1e-6) << "counter " << c;
    EXPECT_NEAR(sum.counter_busy[c], r.counter_busy[c], 1e-6) << "counter " << c;
  }
  for (std::size_t k = 0; k < type_calls.size(); ++k) {
    EXPECT_EQ(type_calls[k], r.counter_type_waits[k].tally.count()) << "counter type " << k;
  }

  // A warm-up trims the run's waits but not the periods'.
  RunSettings warm = settings;
  warm.warmup = 3600.0;
  const HallResult w = model.run(warm);
  std::uint64_t answered = 0;
  for (const PeriodStats& p : w.periods) {
    answered += p.answered;
  }
  EXPECT_EQ(answered, sum.answered);
  EXPECT_LT(w.waits.tally.count(), answered);
}

TEST(HallPeriods, MiddleOfAStationaryDayMatchesErlangC) {
  // Three counters, 2-minute exponential service, 63 arrivals an hour (rho = 0.7), open all
  // day. The tickets of 12:00–13:00, twelve hours after opening, see the steady state: over
  // 200 replications their mean wait is within 4 standard errors of Erlang C's.
  const double per_hour = 63.0, mean_service = 120.0;
  const HallModel model(
      samples::plain_hall(3),
      samples::single_queue(per_hour, DistributionSpec::exponential(mean_service)));
  Replications noon;
  for (std::uint64_t k = 0; k < 200; ++k) {
    RunSettings s;
    s.seed = 99;
    s.replication = k;
    s.period_length = 3600.0;
    const HallResult r = model.run(s);
    const PeriodStats& p = period_at(r, 12.0 * 3600.0);
    ASSERT_GT(p.answered, 0U);
    noon.add(p.waits.tally.mean());
  }
  const Estimate e = noon.estimate();
  const double se = e.half_width / student_t_quantile(0.95, e.n - 1);
  const MmcQueue mmc(per_hour / 3600.0, 1.0 / mean_service, 3);
  EXPECT_NEAR(e.mean, mmc.mean_wait(), 4.0 * se)
      << "simulated " << e.mean << " ± " << e.half_width << " (95%), Erlang C " << mmc.mean_wait();
}

TEST(HallPeriods, APeriodShorterThanAMinuteIsRefused) {
  const HallModel model(samples::plain_hall(1), fixed_schedule({kNine}, 60.0));
  RunSettings s;
  s.period_length = 30.0;
  EXPECT_THROW(model.run(s), std::invalid_argument);
  s.period_length = -1.0;
  EXPECT_THROW(model.run(s), std::invalid_argument);
}

}  // namespace
}  // namespace hallsim::sim
