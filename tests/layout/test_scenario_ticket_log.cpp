// Ticket logs: dates, the CSV reader and writer, the synthetic log and the shipped sample.
//
// The sample scenarios/town-center-tickets.csv is the synthetic log of
// scenarios/town-center-weekday.json at the counters of floorplans/town-center.json, two weeks
// from Monday 2024-03-04, seed 20240304. To write it anew after changing either file:
//   HALLSIM_REGENERATE_SAMPLES=1 build/<dir>/tests/layout_test_scenario_ticket_log

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "hallsim/layout/loader.hpp"
#include "hallsim/layout/scenario_loader.hpp"
#include "hallsim/sim/fit.hpp"

namespace {

using hallsim::layout::Date;
using hallsim::layout::parse_ticket_log;
using hallsim::sim::TicketRecord;
using hallsim::sim::Weekday;

const std::string kSource = HALLSIM_SOURCE_DIR;

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

// The synthetic hall of the sample: the town center's counters under its weekday scenario.
hallsim::sim::SyntheticLogSettings sample_settings() {
  const auto plan = hallsim::layout::load_plan(kSource + "/floorplans/town-center.json");
  hallsim::sim::SyntheticLogSettings settings;
  settings.days = 13;  // Monday 2024-03-04 to Saturday 2024-03-16
  settings.first_day = Weekday::mon;
  settings.seed = 20240304;
  for (const auto& c : plan.counters()) {
    settings.counters.push_back({c.id, hallsim::layout::to_string(c.type)});
  }
  return settings;
}

std::string sample_log_text() {
  const auto scenario =
      hallsim::layout::load_scenario(kSource + "/scenarios/town-center-weekday.json");
  const auto records = hallsim::sim::synthesize_ticket_log(scenario, sample_settings());
  return hallsim::layout::write_ticket_log(
      records, Date{2024, 3, 4},
      {"Synthetic ticket log: scenarios/town-center-weekday.json at the counters of",
       "floorplans/town-center.json, 13 days from Monday 2024-03-04, seed 20240304.",
       "Written by tests/layout/test_scenario_ticket_log.cpp (HALLSIM_REGENERATE_SAMPLES=1);",
       "drawn, not measured: see docs/scenario-format.md."});
}

TEST(TicketLogSample, ShippedLogIsWhatTheGeneratorWrites) {
  const std::string path = kSource + "/scenarios/town-center-tickets.csv";
  const std::string text = sample_log_text();
  if (std::getenv("HALLSIM_REGENERATE_SAMPLES") != nullptr) {
    std::ofstream(path, std::ios::binary) << text;
  }
  EXPECT_TRUE(read(path) == text) << "regenerate " << path << " (see the top of this file)";
}

TEST(TicketLogSample, ReplayScenarioReadsTheSampleFromItsOwnFolder) {
  const auto f =
      hallsim::layout::load_scenario_file(kSource + "/scenarios/town-center-replay.json");
  const auto log = hallsim::layout::load_ticket_log(kSource + "/scenarios/town-center-tickets.csv");
  EXPECT_EQ(f.scenario.replay.records.size(), log.records.size());
  EXPECT_GT(log.records.size(), 5000u);
  EXPECT_EQ(log.first_date, (Date{2024, 3, 4}));
  EXPECT_EQ(log.days, 13);
  ASSERT_TRUE(f.first_day.has_value());
  EXPECT_EQ(*f.first_day, Weekday::mon);
  EXPECT_FALSE(f.scenario.replay.recorded_service_times);
  EXPECT_TRUE(f.scenario.demand.items.empty());
  EXPECT_NE(f.ticket_log.find("town-center-tickets.csv"), std::string::npos);
}

TEST(Dates, DaysSinceEpochMatchTheCalendar) {
  EXPECT_EQ(hallsim::layout::days_since_epoch(Date{1970, 1, 1}), 0);
  EXPECT_EQ(hallsim::layout::days_since_epoch(Date{2024, 3, 4}), 19786);
  EXPECT_EQ(hallsim::layout::days_since_epoch(Date{2000, 3, 1}) -
                hallsim::layout::days_since_epoch(Date{2000, 2, 28}),
            2);  // 2000 is a leap year
  EXPECT_EQ(hallsim::layout::days_since_epoch(Date{1900, 3, 1}) -
                hallsim::layout::days_since_epoch(Date{1900, 2, 28}),
            1);  // 1900 is not
  for (std::int64_t d = -1000; d < 30000; d += 97) {
    EXPECT_EQ(hallsim::layout::days_since_epoch(hallsim::layout::date_from_days(d)), d);
  }
  EXPECT_EQ(hallsim::layout::weekday_of(Date{2024, 3, 4}), Weekday::mon);
  EXPECT_EQ(hallsim::layout::weekday_of(Date{1970, 1, 1}), Weekday::thu);
  EXPECT_EQ(hallsim::layout::weekday_of(Date{2024, 10, 1}), Weekday::tue);  // National Day
  EXPECT_EQ(hallsim::layout::to_string(Date{2024, 3, 4}), "2024-03-04");
}

TEST(TicketLogReader, ReadsColumnsInAnyOrderWithQuotesCommentsAndWindowsLineEnds) {
  const std::string csv =
      "\xEF\xBB\xBF# exported 2024-03-06\r\n"
      "counter,item,date,ticket_time,finish_time,call_time,ticket\r\n"
      "c01,social_security,2024-03-06,8:31,08:40:10,08:35:00,A001\r\n"
      "\r\n"
      "\"c,02\",\"tax \"\"B\"\"\",2024-03-05,09:00:00,,,B001\r\n";
  const auto log = parse_ticket_log(csv, "x.csv");
  ASSERT_EQ(log.records.size(), 2u);
  EXPECT_EQ(log.first_date, (Date{2024, 3, 5}));
  EXPECT_EQ(log.first_day, Weekday::tue);
  EXPECT_EQ(log.days, 2);
  const TicketRecord& a = log.records[0];
  EXPECT_EQ(a.day, 1);
  EXPECT_EQ(a.ticket_time, 8 * 3600 + 31 * 60);
  EXPECT_EQ(a.call_time, 8 * 3600 + 35 * 60);
  EXPECT_EQ(a.finish_time, 8 * 3600 + 40 * 60 + 10);
  EXPECT_EQ(a.item, "social_security");
  EXPECT_EQ(a.counter, "c01");
  const TicketRecord& b = log.records[1];
  EXPECT_EQ(b.day, 0);
  EXPECT_EQ(b.counter, "c,02");
  EXPECT_EQ(b.item, "tax \"B\"");
  EXPECT_TRUE(std::isnan(b.call_time));
  EXPECT_TRUE(std::isnan(b.finish_time));
  EXPECT_EQ(log.lines, (std::vector<std::size_t>{3, 5}));
}

TEST(TicketLogWriter, WhatItWritesReadsBackRoundedToTheSecond) {
  std::vector<TicketRecord> records(3);
  records[0] = {0, 30600.4, "a", 30700.6, 31000.5, "c1"};
  records[1] = {2, 36000.0, "b,c", std::nan(""), std::nan(""), ""};
  records[2] = {1, 50000.2, "a", 50000.2, 50100.0, "c2"};
  const std::string text = hallsim::layout::write_ticket_log(records, Date{2024, 2, 28}, {"hi"});
  EXPECT_EQ(text.substr(0, 5), "# hi\n");
  const auto log = parse_ticket_log(text);
  ASSERT_EQ(log.records.size(), 3u);
  EXPECT_EQ(log.first_date, (Date{2024, 2, 28}));
  EXPECT_EQ(log.days, 3);  // 28 February, 29 February (2024 is a leap year), 1 March
  EXPECT_EQ(log.records[0].ticket_time, 30600);
  EXPECT_EQ(log.records[0].call_time, 30701);
  EXPECT_EQ(log.records[0].finish_time, 31001);  // half rounds away from zero
  EXPECT_EQ(log.records[1].item, "b,c");
  EXPECT_EQ(log.records[1].day, 2);
  EXPECT_TRUE(std::isnan(log.records[1].call_time));
  EXPECT_EQ(log.records[2].counter, "c2");
  EXPECT_NE(text.find("\n2024-03-01,10:00:00,\"b,c\",,,\n"), std::string::npos) << text;
}

// A synthetic log obeys the queue it describes.
TEST(SyntheticLog, FollowsTheHallsHoursAndCountersAndRepeatsForTheSameSeed) {
  const auto scenario =
      hallsim::layout::load_scenario(kSource + "/scenarios/town-center-weekday.json");
  auto settings = sample_settings();
  settings.days = 7;
  const auto records = hallsim::sim::synthesize_ticket_log(scenario, settings);
  const auto again = hallsim::sim::synthesize_ticket_log(scenario, settings);
  ASSERT_EQ(records.size(), again.size());
  for (std::size_t i = 0; i < records.size(); ++i) {
    EXPECT_EQ(records[i].ticket_time, again[i].ticket_time);
    EXPECT_EQ(records[i].counter, again[i].counter);
  }
  std::map<std::string, std::string> type_of;
  for (const auto& c : settings.counters) type_of[c.id] = c.type;
  std::map<std::string, std::vector<std::pair<double, double>>> busy;
  std::vector<int> per_day(7, 0);
  for (const TicketRecord& r : records) {
    ASSERT_GE(r.day, 0);
    ASSERT_LT(r.day, 7);
    ++per_day[static_cast<std::size_t>(r.day)];
    const auto& hours = scenario.calendar.days[static_cast<std::size_t>(r.day)];
    ASSERT_TRUE(hours.open);
    EXPECT_GE(r.ticket_time, hours.open_time);
    EXPECT_LT(r.ticket_time, std::max(hours.close_time, hours.extended_until));
    if (std::isnan(r.call_time)) continue;
    EXPECT_GE(r.call_time, r.ticket_time);
    EXPECT_GE(r.finish_time, r.call_time);
    const hallsim::sim::ServiceItem* item = nullptr;
    for (const auto& i : scenario.catalogue.items) {
      if (i.id == r.item) item = &i;
    }
    ASSERT_NE(item, nullptr);
    const bool by_type = std::find(item->counter_types.begin(), item->counter_types.end(),
                                   type_of[r.counter]) != item->counter_types.end();
    const bool by_id =
        std::find(item->counters.begin(), item->counters.end(), r.counter) != item->counters.end();
    EXPECT_TRUE(by_type || by_id) << r.item << " at " << r.counter;
    busy[r.counter + "/" + std::to_string(r.day)].push_back({r.call_time, r.finish_time});
  }
  // One visitor at a time at each counter.
  for (auto& [counter, spans] : busy) {
    std::sort(spans.begin(), spans.end());
    for (std::size_t i = 1; i < spans.size(); ++i) {
      EXPECT_GE(spans[i].first, spans[i - 1].second) << counter;
    }
  }
  EXPECT_EQ(per_day[6], 0);  // Sunday: closed
  // Kiosk users take no ticket: a weekday's expected tickets are the walk-ins less the
  // kiosk shares, 715 - (32.5 + 22 + 21 + 24 + 72) = 543.5; Saturday 70 - 27.25 = 42.75.
  // Each day's count is Poisson, so it lies within 4 standard deviations.
  for (int d = 0; d < 5; ++d)
    EXPECT_NEAR(per_day[static_cast<std::size_t>(d)], 543.5, 4 * std::sqrt(543.5));
  EXPECT_NEAR(per_day[5], 42.75, 4 * std::sqrt(42.75));
}

}  // namespace
