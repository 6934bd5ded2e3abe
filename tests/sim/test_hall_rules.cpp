// Dynamic counter rules: a backup counter opened when the queue grows and closed after a
// quiet spell, on hand-computed schedules; its staffed time; its checks; and its effect on
// waits in a loaded hall (common random numbers, paired interval).

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "hall_invariants.hpp"
#include "hall_samples.hpp"
#include "hall_test_support.hpp"
#include "hallsim/sim/hall.hpp"
#include "hallsim/sim/stats.hpp"

namespace hallsim::sim {
namespace {

using testing::kNine;
using testing::traced;

/// One item served in exactly `service` seconds by c1 (all day) and the backup c2, which its
/// rule opens; visitors come at the given clock times.
Scenario backup_schedule(const std::vector<double>& ticket_times, double service,
                         const DynamicRule& rule) {
  Scenario s = testing::fixed_schedule(ticket_times, service);
  s.staffing.rules.push_back(rule);
  return s;
}

DynamicRule backup_rule() {
  DynamicRule rule;
  rule.counter = "c2";
  rule.check_every = 60.0;
  rule.active = {kNine, 12.0 * 3600.0};
  return rule;
}

/// The counter records of counter `c` (opening and closing), in trace order.
std::vector<TraceRecord> counter_records(const HallResult& r, int c) {
  std::vector<TraceRecord> out;
  std::copy_if(r.trace.begin(), r.trace.end(), std::back_inserter(out), [c](const TraceRecord& x) {
    return x.counter == c &&
           (x.event == TraceEvent::counter_open || x.event == TraceEvent::counter_close);
  });
  return out;
}

const TraceRecord* call_of(const HallResult& r, std::uint32_t visitor) {
  for (const TraceRecord& x : r.trace) {
    if (x.visitor == visitor && x.event == TraceEvent::call) {
      return &x;
    }
  }
  return nullptr;
}

TEST(HallRules, BackupOpensAtTheFirstCheckWithMoreThanNWaitingAndClosesAfterTheQuietTime) {
  // c1 serves the 9:00:00 ticket until 9:10 (10-minute service). Tickets at 9:00:10 and
  // 9:00:20 make two waiting: the checks of 9:01 see 2, not more than 2. The 9:01:30 ticket
  // makes three: the 9:02 check opens c2, which calls 9:00:10 at once. c1 calls 9:00:20 at
  // 9:10, c2 calls 9:01:30 at 9:12; from then on nobody waits: the 9:12 check starts the
  // quiet time, and 15 quiet minutes later (9:27) c2 closes. c2 finished its last visitor at
  // 9:22, so it closes at once: staffed 9:02–9:27, 1500 s.
  DynamicRule rule = backup_rule();
  rule.open_when_waiting_over = 2;
  rule.close_after_quiet = 900.0;
  const HallModel model(samples::plain_hall(2),
                        backup_schedule({kNine, kNine + 10, kNine + 20, kNine + 90}, 600.0, rule));
  const RunSettings settings = traced();
  const HallResult r = model.run(settings);
  for (const auto& p : check_trace(model, r, settings)) {
    ADD_FAILURE() << p;
  }
  const auto records = counter_records(r, 1);
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].event, TraceEvent::counter_open);
  EXPECT_DOUBLE_EQ(records[0].time, kNine + 120.0);
  EXPECT_EQ(records[0].detail, static_cast<std::uint8_t>(CounterChange::rule));
  EXPECT_EQ(records[0].visitor, kNoVisitor);
  EXPECT_EQ(records[1].event, TraceEvent::counter_close);
  EXPECT_DOUBLE_EQ(records[1].time, kNine + 27.0 * 60.0);
  EXPECT_EQ(records[1].detail, static_cast<std::uint8_t>(CounterChange::rule));
  ASSERT_NE(call_of(r, 1), nullptr);
  EXPECT_EQ(call_of(r, 1)->counter, 1);
  EXPECT_DOUBLE_EQ(call_of(r, 1)->time, kNine + 120.0);
  EXPECT_EQ(call_of(r, 2)->counter, 0);
  EXPECT_DOUBLE_EQ(call_of(r, 2)->time, kNine + 600.0);
  EXPECT_EQ(call_of(r, 3)->counter, 1);
  EXPECT_DOUBLE_EQ(call_of(r, 3)->time, kNine + 720.0);
  EXPECT_DOUBLE_EQ(r.counter_open[1], 1500.0);
  EXPECT_DOUBLE_EQ(r.counter_busy[1], 1200.0);
  EXPECT_DOUBLE_EQ(r.waits.tally.sum(), 0.0 + 110.0 + 580.0 + 630.0);
}

TEST(HallRules, NWaitingIsNotEnoughToOpen) {
  // The same day without the 9:01:30 ticket: never more than two wait, c2 stays shut.
  DynamicRule rule = backup_rule();
  rule.open_when_waiting_over = 2;
  const HallModel model(samples::plain_hall(2),
                        backup_schedule({kNine, kNine + 10, kNine + 20}, 600.0, rule));
  const RunSettings settings = traced();
  const HallResult r = model.run(settings);
  EXPECT_TRUE(check_trace(model, r, settings).empty());
  EXPECT_TRUE(counter_records(r, 1).empty());
  EXPECT_DOUBLE_EQ(r.counter_open[1], 0.0);
  EXPECT_DOUBLE_EQ(call_of(r, 2)->time, kNine + 1200.0);  // c1 serves everyone
}

TEST(HallRules, BackupOpensWhenTheLongestWaitPassesTheLimitAndClosesWhenItsHoursEnd) {
  // c1 is busy 9:00–9:10; the 9:00:30 ticket has waited 270 s at the 9:05 check and 330 s
  // at 9:06, past the 5-minute limit: c2 opens and calls it at 9:06. Its rule ends at 9:30
  // before the hour of quiet has passed: c2 closes then, staffed 24 minutes. Half-hour
  // periods split those 1440 s into 1440 s of 9:00–9:30 and none after.
  DynamicRule rule = backup_rule();
  rule.open_when_wait_over = 300.0;
  rule.close_after_quiet = 3600.0;
  rule.active = {kNine, kNine + 1800.0};
  const HallModel model(samples::plain_hall(2), backup_schedule({kNine, kNine + 30}, 600.0, rule));
  RunSettings settings = traced();
  settings.period_length = 1800.0;
  const HallResult r = model.run(settings);
  EXPECT_TRUE(check_trace(model, r, settings).empty());
  ASSERT_NE(call_of(r, 1), nullptr);
  EXPECT_EQ(call_of(r, 1)->counter, 1);
  EXPECT_DOUBLE_EQ(call_of(r, 1)->time, kNine + 360.0);
  const auto records = counter_records(r, 1);
  ASSERT_EQ(records.size(), 2U);
  EXPECT_DOUBLE_EQ(records[1].time, kNine + 1800.0);
  EXPECT_DOUBLE_EQ(r.counter_open[1], 1440.0);
  for (const PeriodStats& p : r.periods) {
    EXPECT_DOUBLE_EQ(p.counter_open[1], p.start == kNine ? 1440.0 : 0.0) << p.start;
  }
}

TEST(HallRules, ABackupCounterHasOnlyItsShiftsAsFixedHours) {
  DynamicRule rule = backup_rule();
  rule.open_when_waiting_over = 5;
  Scenario s = backup_schedule({kNine}, 60.0, rule);
  EXPECT_TRUE(HallModel(samples::plain_hall(2), s).counter_hours(1, Weekday::mon).empty());
  s.staffing.shifts.push_back({"c2", {}, {8.0 * 3600.0, kNine}});
  const HallModel model(samples::plain_hall(2), s);
  ASSERT_EQ(model.counter_hours(1, Weekday::mon).size(), 1U);
  EXPECT_DOUBLE_EQ(model.counter_hours(1, Weekday::mon)[0].end, kNine);
  EXPECT_EQ(model.counter_rule(1), 0);
  EXPECT_EQ(model.counter_rule(0), -1);
  // The shift opens and closes c2 in the trace; its hours are its staffed time.
  const RunSettings settings = traced();
  const HallResult r = model.run(settings);
  EXPECT_TRUE(check_trace(model, r, settings).empty());
  const auto records = counter_records(r, 1);
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].detail, static_cast<std::uint8_t>(CounterChange::hours));
  EXPECT_DOUBLE_EQ(records[0].time, 8.0 * 3600.0);
  EXPECT_DOUBLE_EQ(r.counter_open[1], 3600.0);
}

TEST(HallRules, BadRulesAreListedWithTheirPointers) {
  Scenario s = samples::single_queue(10.0, DistributionSpec::fixed(60.0));
  DynamicRule unknown;
  unknown.counter = "c9";
  unknown.open_when_waiting_over = 3;
  DynamicRule never;  // both triggers unused, checks every 0 s
  never.counter = "c2";
  never.check_every = 0.0;
  DynamicRule twice;
  twice.counter = "c2";
  twice.open_when_wait_over = 600.0;
  twice.close_after_quiet = -5.0;
  twice.active = {12.0 * 3600.0, kNine};
  s.staffing.rules = {unknown, never, twice};
  s.staffing.closed_counters = {"c2"};
  try {
    const HallModel model(samples::plain_hall(2), s);
    FAIL() << "the rules were accepted";
  } catch (const ScenarioError& e) {
    std::vector<std::string> pointers;
    for (const auto& p : e.problems()) {
      pointers.push_back(p.pointer);
    }
    const std::vector<std::string> expected{"/staffing/rules/0/counter",
                                            "/staffing/rules/1/counter",
                                            "/staffing/rules/1",
                                            "/staffing/rules/1/check_every",
                                            "/staffing/rules/2/counter",
                                            "/staffing/rules/2/counter",
                                            "/staffing/rules/2/close_after_quiet",
                                            "/staffing/rules/2/active"};
    EXPECT_EQ(pointers, expected);
    const std::string text = e.what();
    EXPECT_NE(text.find("no counter 'c9' in the hall"), std::string::npos) << text;
    EXPECT_NE(text.find("already has the rule /staffing/rules/1"), std::string::npos) << text;
    EXPECT_NE(text.find("has a rule but is closed"), std::string::npos) << text;
  }
}

TEST(HallRules, ABackupCounterCutsTheTownCentresWaitsUnderCommonRandomNumbers) {
  // The town centre without general counters c05 and c06, against the same hall whose c05
  // and c06 are backups opened when more than 8 general tickets wait. Same seeds: the same
  // visitors in both. The paired 95% interval of the mean-wait difference lies below 0, and
  // the backups are staffed part of the day only.
  Scenario without = samples::town_center_weekday();
  without.staffing.closed_counters = {"c05", "c06"};
  Scenario with = samples::town_center_weekday();
  for (const char* id : {"c05", "c06"}) {
    DynamicRule rule;
    rule.counter = id;
    rule.open_when_waiting_over = 8;
    with.staffing.rules.push_back(rule);
  }
  const HallLayout hall = samples::town_center_hall();
  const HallModel a(hall, without);
  const HallModel b(hall, with);
  std::vector<double> wait_a, wait_b;
  double backup_open = 0.0;
  constexpr int kRuns = 30;
  for (int k = 0; k < kRuns; ++k) {
    RunSettings s;
    s.seed = 11;
    s.replication = static_cast<std::uint64_t>(k);
    s.record_trace = k == 0;
    const HallResult ra = a.run(s);
    const HallResult rb = b.run(s);
    EXPECT_EQ(ra.arrived, rb.arrived);
    if (k == 0) {
      for (const auto& p : check_trace(b, rb, s)) {
        ADD_FAILURE() << p;
      }
    }
    wait_a.push_back(ra.waits.tally.mean());
    wait_b.push_back(rb.waits.tally.mean());
    backup_open += rb.counter_open[4] + rb.counter_open[5];
  }
  const Estimate diff = paired_difference(wait_b, wait_a);
  EXPECT_LT(diff.upper(), 0.0) << "B - A mean wait: " << diff.mean << " ± " << diff.half_width;
  // Regular hours are 7 h a weekday per counter; the backups work less than that.
  const double mean_backup_hours = backup_open / kRuns / 2.0 / 3600.0;
  EXPECT_GT(mean_backup_hours, 0.0);
  EXPECT_LT(mean_backup_hours, 7.0);
}

}  // namespace
}  // namespace hallsim::sim
