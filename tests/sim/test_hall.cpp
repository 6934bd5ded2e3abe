// The hall model on hand-computed schedules, and its invariants on a realistic day.

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
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
  const std::array<double, 4> expected_time{0, 60, 300, 360};
  const std::array<int, 4> expected_counter{0, 1, 0, 1};
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

TEST(HallModel, AHallOpenUntilMidnightServesTheNextDaysWalkInsToo) {
  // Open 0:00–24:00 every day: day 1 closes at the very moment day 2 begins. Day 1's
  // closing must not leave day 2 closed: its walk-ins are served like day 1's.
  const HallModel model(samples::plain_hall(1),
                        samples::single_queue(6.0, DistributionSpec::fixed(60.0)));
  RunSettings settings = traced();
  settings.days = 2;
  const HallResult r = model.run(settings);
  EXPECT_TRUE(check_trace(model, r, settings).empty());
  std::size_t day_two = 0;
  for (const auto& x : events_of(r, TraceEvent::arrive)) {
    day_two += x.time >= kDaySeconds ? 1 : 0;
  }
  EXPECT_GT(day_two, 100U);  // 6 an hour for 24 hours: 144 expected
  EXPECT_EQ(r.sent_home, 0U);
  EXPECT_EQ(r.served, r.arrived);
}

TEST(HallModel, TownCentreDayKeepsEveryInvariant) {
  const HallModel model(samples::town_center_hall(), samples::town_center_weekday());
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const RunSettings settings = traced(seed);
    const HallResult r = model.run(settings);
    const auto problems = check_trace(model, r, settings);
    for (const auto& p : problems) {
      ADD_FAILURE() << p;
    }
    EXPECT_GT(r.arrived, 600U);
    EXPECT_LT(r.arrived, 1000U);
  }
}

// ------------------------------------------------------------------ more schedules

/// Every day open 8:30–17:00 with lunch 12:00–13:30.
void office_hours(Scenario& s) {
  for (auto& day : s.calendar.days) {
    day = DayHours{};
  }
}

TEST(HallModel, WalkingTicketAndWaitingAreaGiveTheHandComputedTimes) {
  // One counter; entrance -> ticket machine 12 m, ticket machine -> counter 6 m, waiting
  // area -> counter 9 m, counter -> exit 18 m; 1.2 m/s: 10 s, 5 s, 7.5 s, 15 s. A ticket
  // takes 20 s. Booked visitors come exactly at 9:00 and 9:10; service takes 15 minutes.
  HallLayout hall = samples::plain_hall(1);
  hall.ticket_machines = 1;
  hall.walking = WalkingDistances(1);
  const std::size_t counter = WalkingDistances::counter_point(0);
  hall.walking.set(WalkingDistances::point(Spot::entrance),
                   WalkingDistances::point(Spot::ticket_machine), 12.0);
  hall.walking.set(WalkingDistances::point(Spot::ticket_machine), counter, 6.0);
  hall.walking.set(WalkingDistances::point(Spot::waiting_area), counter, 9.0);
  hall.walking.set(counter, WalkingDistances::point(Spot::exit), 18.0);
  Scenario s = samples::single_queue(0.0, DistributionSpec::fixed(900.0));
  s.catalogue.ticket_time = DistributionSpec::fixed(20.0);
  AppointmentSlots slots;
  slots.item = "item";
  slots.first_slot = kNine;
  slots.last_slot_end = kNine + 1200.0;
  slots.slot_length = 600.0;
  s.demand.appointments.slots.push_back(slots);
  s.demand.appointments.no_show = 0.0;
  s.demand.appointments.punctuality = DistributionSpec::fixed(0.0);
  const HallModel model(hall, s);
  const RunSettings settings = traced();
  const HallResult r = model.run(settings);
  EXPECT_TRUE(check_trace(model, r, settings).empty());
  ASSERT_EQ(r.arrived, 2U);
  EXPECT_EQ(r.appointments, 2U);

  auto time_of = [&](std::uint32_t v, TraceEvent e) {
    for (const auto& x : r.trace) {
      if (x.visitor == v && x.event == e) {
        return x.time - kNine;
      }
    }
    return -1.0;
  };
  EXPECT_DOUBLE_EQ(time_of(0, TraceEvent::ticket), 30.0);         // 10 s walk + 20 s ticket
  EXPECT_DOUBLE_EQ(time_of(0, TraceEvent::call), 30.0);           // the counter is idle
  EXPECT_DOUBLE_EQ(time_of(0, TraceEvent::service_start), 35.0);  // 5 s to the counter
  EXPECT_DOUBLE_EQ(time_of(0, TraceEvent::service_end), 935.0);
  EXPECT_DOUBLE_EQ(time_of(0, TraceEvent::leave), 950.0);
  EXPECT_DOUBLE_EQ(time_of(1, TraceEvent::ticket), 630.0);
  EXPECT_DOUBLE_EQ(time_of(1, TraceEvent::call), 935.0);  // when visitor 0 leaves the counter
  EXPECT_DOUBLE_EQ(time_of(1, TraceEvent::service_start), 942.5);  // 7.5 s from the seats
  EXPECT_DOUBLE_EQ(time_of(1, TraceEvent::leave), 1857.5);
  EXPECT_DOUBLE_EQ(r.waits.tally.max(), 305.0);
  // The counter is taken from each call to the end of its service, the walk included.
  EXPECT_DOUBLE_EQ(r.counter_busy[0], 905.0 + 907.5);
}

TEST(HallModel, TicketHoldersAtClosingAreServedOrSentHomeByPolicy) {
  // One counter closing at 17:00; five tickets 16:50–16:52, 5 minutes each.
  const double t0 = 16.0 * 3600.0 + 50.0 * 60.0;
  Scenario s = fixed_schedule({t0, t0, t0, t0 + 60, t0 + 120}, 300.0);
  office_hours(s);
  s.calendar.closing = ClosingPolicy::serve_ticket_holders;
  {
    const HallModel model(samples::plain_hall(1), s);
    const RunSettings settings = traced();
    const HallResult r = model.run(settings);
    EXPECT_TRUE(check_trace(model, r, settings).empty());
    EXPECT_EQ(r.served, 5U);
    EXPECT_EQ(r.sent_home, 0U);
    const auto ends = events_of(r, TraceEvent::service_end);
    ASSERT_EQ(ends.size(), 5U);
    EXPECT_DOUBLE_EQ(ends.back().time, t0 + 1500.0);  // 17:15
    // Staffed 8:30–12:00 and 13:30–17:00, then until the last ticket holder left at 17:15.
    EXPECT_DOUBLE_EQ(r.counter_open[0], 3.5 * 3600.0 + 3.5 * 3600.0 + 900.0);
  }
  s.calendar.closing = ClosingPolicy::send_home;
  {
    const HallModel model(samples::plain_hall(1), s);
    const RunSettings settings = traced();
    const HallResult r = model.run(settings);
    EXPECT_TRUE(check_trace(model, r, settings).empty());
    // 16:50 and 16:55 are called; at 17:00 the three still waiting go home.
    EXPECT_EQ(r.served, 2U);
    EXPECT_EQ(r.sent_home, 3U);
    const auto home = events_of(r, TraceEvent::sent_home);
    ASSERT_EQ(home.size(), 3U);
    for (const auto& h : home) {
      EXPECT_DOUBLE_EQ(h.time, 17.0 * 3600.0);
    }
    EXPECT_DOUBLE_EQ(r.counter_open[0], 7.0 * 3600.0);
  }
}

TEST(HallModel, OnlyLunchCountersServeAtLunch) {
  // c1 closes for lunch 12:00–13:30 but finishes its visitor (until 12:08); c2 covers lunch.
  const double t = 11.0 * 3600.0 + 58.0 * 60.0;
  Scenario s = fixed_schedule({t, t, t + 720.0, t + 1320.0}, 600.0);
  office_hours(s);
  s.calendar.lunch_counters = {"c2"};
  const HallModel model(samples::plain_hall(2), s);
  RunSettings settings = traced();
  const HallResult r = model.run(settings);
  EXPECT_TRUE(check_trace(model, r, settings).empty());
  const auto calls = events_of(r, TraceEvent::call);
  ASSERT_EQ(calls.size(), 4U);
  EXPECT_EQ(calls[0].counter, 0);
  EXPECT_EQ(calls[1].counter, 1);
  EXPECT_EQ(calls[2].counter, 1);  // 12:10: c1 is at lunch
  EXPECT_EQ(calls[3].counter, 1);
  EXPECT_DOUBLE_EQ(calls[3].time, t + 1320.0);
  // c1: 8:30 to 12:08 (its last visitor), then 13:30–17:00.
  EXPECT_DOUBLE_EQ(r.counter_open[0], 3.0 * 3600.0 + 38.0 * 60.0 + 3.5 * 3600.0);
  EXPECT_DOUBLE_EQ(r.counter_open[1], 8.5 * 3600.0);
  // The 12:00–12:15 bin: two counters until 12:08, one after: (8 * 2 + 7 * 1) / 15.
  const auto bin = std::find_if(r.series.begin(), r.series.end(),
                                [](const SeriesBin& b) { return b.start == 12.0 * 3600.0; });
  ASSERT_NE(bin, r.series.end());
  EXPECT_NEAR(bin->mean_open_counters, 23.0 / 15.0, 1e-12);
  std::size_t arrivals = 0;
  for (const auto& b : r.series) {
    arrivals += static_cast<std::size_t>(b.arrivals);
  }
  EXPECT_EQ(arrivals, 4U);
}

TEST(HallModel, OnlyExtendedCountersServeInTheEvening) {
  // Regular hours end at 17:00; c2 stays until 19:00. Tickets at 16:55 (two), 17:30, 18:30.
  const double t = 16.0 * 3600.0 + 55.0 * 60.0;
  Scenario s = fixed_schedule({t, t, 17.5 * 3600.0, 18.5 * 3600.0}, 600.0);
  office_hours(s);
  for (auto& day : s.calendar.days) {
    day.extended_until = 19.0 * 3600.0;
  }
  s.calendar.extended_counters = {"c2"};
  s.calendar.closing = ClosingPolicy::send_home;
  const HallModel model(samples::plain_hall(2), s);
  const RunSettings settings = traced();
  const HallResult r = model.run(settings);
  EXPECT_TRUE(check_trace(model, r, settings).empty());
  const auto calls = events_of(r, TraceEvent::call);
  ASSERT_EQ(calls.size(), 4U);
  EXPECT_EQ(calls[0].counter, 0);  // 16:55, both counters open
  EXPECT_EQ(calls[1].counter, 1);
  EXPECT_EQ(calls[2].counter, 1);  // 17:30: only the extended counter
  EXPECT_EQ(calls[3].counter, 1);
  EXPECT_EQ(r.served, 4U);
  // c1: 8:30–12:00, 13:30–17:05 (finishing its 16:55 visitor); c2: 8:30–12:00, 13:30–19:00.
  EXPECT_DOUBLE_EQ(r.counter_open[0], 3.5 * 3600.0 + 3.5 * 3600.0 + 300.0);
  EXPECT_DOUBLE_EQ(r.counter_open[1], 3.5 * 3600.0 + 5.5 * 3600.0);
}

TEST(HallModel, PriorityClassesAreCalledFirstAndFifoWithinAClass) {
  // One counter busy 9:00–9:10; twelve tickets at 9:01, 9:01:30, ... wait; about half are
  // elderly (priority class 1). When the counter frees, the elderly go first in ticket order.
  std::vector<double> times{kNine};
  for (int i = 1; i <= 12; ++i) {
    times.push_back(kNine + 30.0 * (i + 1));
  }
  Scenario s = fixed_schedule(times, 600.0);
  s.population.elderly_share = 0.5;
  const HallModel model(samples::plain_hall(1), s);
  const RunSettings settings = traced(7);
  const HallResult r = model.run(settings);
  EXPECT_TRUE(check_trace(model, r, settings).empty());
  std::map<std::uint32_t, int> cls;  // ticket -> class
  for (const auto& t : events_of(r, TraceEvent::ticket)) {
    cls[t.ticket] = t.detail;
  }
  std::vector<std::pair<int, std::uint32_t>> expected;
  for (const auto& [ticket, c] : cls) {
    if (ticket != 1) {
      expected.emplace_back(c, ticket);
    }
  }
  std::sort(expected.begin(), expected.end());
  ASSERT_GT(expected.front().first, 0);  // no appointments here
  ASSERT_EQ(expected.front().first, 1);  // this seed has elderly visitors ...
  ASSERT_EQ(expected.back().first, 2);   // ... and others
  const auto calls = events_of(r, TraceEvent::call);
  ASSERT_EQ(calls.size(), 13U);
  for (std::size_t i = 1; i < calls.size(); ++i) {
    EXPECT_EQ(calls[i].ticket, expected[i - 1].second) << "call " << i;
  }
}

TEST(HallModel, FollowOnAndComplaintVisitFurtherCounters) {
  // Item a is always followed by b; item b always "cannot be done" and goes to the complaint
  // window; fixed times: a 100 s, b 200 s, complaint 300 s.
  Scenario s = fixed_schedule({kNine}, 100.0);
  ServiceItem b;
  b.id = "b";
  b.service_time = DistributionSpec::fixed(200.0);
  b.cannot_be_done = 1.0;
  s.catalogue.items.push_back(b);
  s.catalogue.items[0].follow_on = {{"b", 1.0}};
  s.catalogue.complaint_time = DistributionSpec::fixed(300.0);
  HallLayout hall = samples::plain_hall(1);
  hall.counters.push_back({"w", "9", "cannot_get_it_done"});
  const HallModel model(hall, s);
  ASSERT_EQ(model.queue_count(), 3U);
  EXPECT_EQ(model.queue_name(2), "complaint");
  const RunSettings settings = traced();
  const HallResult r = model.run(settings);
  EXPECT_TRUE(check_trace(model, r, settings).empty());
  const auto starts = events_of(r, TraceEvent::service_start);
  ASSERT_EQ(starts.size(), 3U);
  EXPECT_EQ(starts[0].queue, 0);
  EXPECT_EQ(starts[1].queue, 1);
  EXPECT_EQ(starts[2].queue, 2);
  EXPECT_EQ(starts[2].counter, 1);
  EXPECT_DOUBLE_EQ(starts[2].time, kNine + 300.0);
  EXPECT_EQ(r.complaints, 1U);
  EXPECT_EQ(r.served, 1U);
  EXPECT_EQ(r.waits.tally.count(), 3U);  // three tickets, none waited
  EXPECT_DOUBLE_EQ(r.waits.tally.max(), 0.0);
}

TEST(HallModel, SameSeedSameRunDifferentSeedDifferentRun) {
  const HallModel model(samples::town_center_hall(), samples::town_center_weekday());
  const HallResult a = model.run(traced(11));
  const HallResult b = model.run(traced(11));
  const HallResult c = model.run(traced(12));
  ASSERT_EQ(a.trace.size(), b.trace.size());
  for (std::size_t i = 0; i < a.trace.size(); ++i) {
    const TraceRecord& x = a.trace[i];
    const TraceRecord& y = b.trace[i];
    ASSERT_TRUE(x.time == y.time && x.visitor == y.visitor && x.event == y.event &&
                x.counter == y.counter && x.queue == y.queue && x.ticket == y.ticket &&
                x.detail == y.detail)
        << "record " << i;
  }
  const auto ka = model.kpis(a);
  const auto kb = model.kpis(b);
  ASSERT_EQ(ka.size(), kb.size());
  for (std::size_t i = 0; i < ka.size(); ++i) {
    EXPECT_TRUE(ka[i].value == kb[i].value || (std::isnan(ka[i].value) && std::isnan(kb[i].value)))
        << ka[i].name;
  }
  EXPECT_FALSE(a.trace.size() == c.trace.size() && a.waits.tally.mean() == c.waits.tally.mean());
}

TEST(HallModel, ClosingACounterKeepsTheSameVisitorsAndServiceTimes) {
  // Common random numbers: the variant without c03 sees the same arrivals, and each visitor
  // served in both has the same first service time.
  const Scenario a = samples::town_center_weekday();
  Scenario b = a;
  b.staffing.closed_counters = {"c03"};
  const HallModel ma(samples::town_center_hall(), a);
  const HallModel mb(samples::town_center_hall(), b);
  const HallResult ra = ma.run(traced(3));
  const HallResult rb = mb.run(traced(3));
  const auto arrive_a = events_of(ra, TraceEvent::arrive);
  const auto arrive_b = events_of(rb, TraceEvent::arrive);
  ASSERT_EQ(arrive_a.size(), arrive_b.size());
  for (std::size_t i = 0; i < arrive_a.size(); ++i) {
    EXPECT_EQ(arrive_a[i].time, arrive_b[i].time);
    EXPECT_EQ(arrive_a[i].visitor, arrive_b[i].visitor);
  }
  auto first_service = [](const HallResult& r) {
    std::map<std::uint32_t, double> start, length;
    for (const auto& e : r.trace) {
      if (e.event == TraceEvent::service_start && start.count(e.visitor) == 0) {
        start[e.visitor] = e.time;
      } else if (e.event == TraceEvent::service_end && length.count(e.visitor) == 0) {
        length[e.visitor] = e.time - start.at(e.visitor);
      }
    }
    return length;
  };
  const auto la = first_service(ra);
  const auto lb = first_service(rb);
  std::size_t both = 0;
  for (const auto& [v, len] : la) {
    const auto it = lb.find(v);
    if (it == lb.end()) {
      continue;
    }
    ++both;
    EXPECT_NEAR(it->second, len, 1e-6 * len) << "visitor " << v;
  }
  // Most visitors reach a counter in both variants (the rest balked, reneged or missed).
  EXPECT_GT(both, la.size() * 9 / 10);
  EXPECT_GT(rb.waits.tally.mean(), ra.waits.tally.mean());
}

TEST(HallModel, BadReviewsFollowTheWaitBeyondTheTarget) {
  // Each day two tickets at 9:00 to one counter with 25 minutes of service: the second
  // waits 25 minutes, 10 beyond the 15-minute target, so P(bad) = 0.01/min * 10 = 0.1;
  // the first waits nothing and P(bad) = base_bad = 0. Everybody reviews.
  Scenario s = samples::single_queue(0.0, DistributionSpec::fixed(1500.0));
  s.demand.items.clear();
  const int days = 350;
  for (int d = 0; d < days; ++d) {
    for (int k = 0; k < 2; ++k) {
      TicketRecord r;
      r.day = d;
      r.ticket_time = kNine;
      r.item = "item";
      s.replay.records.push_back(r);
    }
  }
  s.reviews = ReviewModel{};
  s.reviews.base_bad = 0.0;
  s.reviews.per_minute_over = 0.01;
  s.reviews.review_share = 1.0;
  const HallModel model(samples::plain_hall(1), s);
  std::uint64_t reviews = 0, bad = 0;
  for (std::uint64_t rep = 0; rep < 3; ++rep) {
    RunSettings settings;
    settings.days = days;
    settings.replication = rep;
    const HallResult r = model.run(settings);
    EXPECT_TRUE(check_trace(model, r, settings).empty());
    EXPECT_EQ(r.served, 2U * days);
    reviews += r.reviews;
    bad += r.bad_reviews;
  }
  EXPECT_EQ(reviews, 6U * days);
  // Binomial(1050, 0.1): mean 105, sd 9.7; within 4 sd.
  const double n = 3.0 * days, p = 0.1;
  EXPECT_NEAR(static_cast<double>(bad), n * p, 4.0 * std::sqrt(n * p * (1 - p)));
}

TEST(HallModel, ScenarioProblemsAreAllReportedWithPointers) {
  Scenario s = samples::town_center_weekday();
  s.catalogue.items[1].kiosk_share = 1.5;
  s.catalogue.items[2].counter_types = {"nonexistent_type"};
  s.demand.items[0].item = "no_such_item";
  s.staffing.shifts.push_back({"c99", {}, {9 * 3600.0, 10 * 3600.0}});
  s.catalogue.items[0].service_time = DistributionSpec::lognormal(-5.0, 0.5);
  try {
    const HallModel model(samples::town_center_hall(), s);
    FAIL() << "the model accepted a broken scenario";
  } catch (const ScenarioError& e) {
    std::map<std::string, std::string> by_pointer;
    for (const auto& p : e.problems()) {
      by_pointer[p.pointer] = p.message + " | " + p.hint;
    }
    EXPECT_EQ(e.problems().size(), 4U) << e.what();
    EXPECT_NE(by_pointer["/catalogue/items/1/kiosk_share"].find("[0, 1]"), std::string::npos);
    EXPECT_NE(by_pointer["/demand/items/0/item"].find("no_such_item"), std::string::npos);
    EXPECT_NE(by_pointer["/staffing/shifts/0/counter"].find("c99"), std::string::npos);
    EXPECT_NE(by_pointer["/catalogue/items/0/service_time/mean"].find("-5"), std::string::npos);
  }
  // household_registration without its types: only help_and_agency is left, so it still
  // has a counter; take that away too and the model says nobody may serve it.
  s = samples::town_center_weekday();
  s.catalogue.items[2].counter_types = {"nonexistent_type"};
  try {
    const HallModel model(samples::town_center_hall(), s);
    FAIL() << "an item nobody may serve was accepted";
  } catch (const ScenarioError& e) {
    ASSERT_EQ(e.problems().size(), 1U);
    EXPECT_EQ(e.problems()[0].pointer, "/catalogue/items/2/counter_types");
    EXPECT_NE(e.problems()[0].message.find("household_registration"), std::string::npos);
  }
}

TEST(HallModel, InvariantCheckCatchesABrokenTrace) {
  const HallModel model(samples::plain_hall(2),
                        fixed_schedule({kNine, kNine + 60, kNine + 120, kNine + 180}, 300.0));
  const RunSettings settings = traced();
  HallResult r = model.run(settings);
  ASSERT_TRUE(check_trace(model, r, settings).empty());
  HallResult swapped = r;
  // The calls of tickets 3 and 4 swapped: ticket 4 is called first, out of FIFO order.
  std::vector<std::size_t> calls;
  for (std::size_t i = 0; i < swapped.trace.size(); ++i) {
    if (swapped.trace[i].event == TraceEvent::call) {
      calls.push_back(i);
    }
  }
  std::swap(swapped.trace[calls[2]].ticket, swapped.trace[calls[3]].ticket);
  const auto problems = check_trace(model, swapped, settings);
  ASSERT_FALSE(problems.empty());
  EXPECT_NE(problems[0].find("FIFO"), std::string::npos) << problems[0];
  HallResult miscounted = r;
  miscounted.served -= 1;
  EXPECT_FALSE(check_trace(model, miscounted, settings).empty());
}

}  // namespace
}  // namespace hallsim::sim
