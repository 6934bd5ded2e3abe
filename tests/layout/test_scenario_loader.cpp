// The sample scenarios load, say what their files say, fit their plans and the hall model;
// the embedded schema is the documented one.

#include <gtest/gtest.h>

#include <fstream>
#include <numeric>
#include <sstream>
#include <string>
#include <vector>

#include "hallsim/layout/loader.hpp"
#include "hallsim/layout/scenario_loader.hpp"
#include "hallsim/sim/fit.hpp"
#include "hallsim/sim/hall.hpp"

namespace {

using hallsim::layout::appointment_places;
using hallsim::layout::expected_walk_ins;
using hallsim::layout::load_scenario_file;
using hallsim::sim::Weekday;

std::string sample(const std::string& name) {
  return std::string(HALLSIM_SOURCE_DIR) + "/scenarios/" + name;
}

std::string plan_file(const std::string& name) {
  return std::string(HALLSIM_SOURCE_DIR) + "/floorplans/" + name;
}

double sum(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0);
}

const hallsim::sim::ServiceItem& item(const hallsim::sim::Scenario& s, const std::string& id) {
  for (const auto& i : s.catalogue.items) {
    if (i.id == id) return i;
  }
  throw std::runtime_error("no item " + id);
}

// The walk-in daily totals of the town center's normal weekday, as written in the file
// (social security, medical insurance, household certificate, civil affairs, rural affairs,
// tax, household registration, business licence, cross region, one thing, utilities,
// certificate printing).
const std::vector<double> kTownWeekday = {130, 110, 70, 50, 30, 80, 45, 35, 25, 20, 40, 80};

TEST(SampleScenario, TownCenterWeekdayBringsSevenHundredFifteenWalkInsOnEachWeekday) {
  const auto f = load_scenario_file(sample("town-center-weekday.json"));
  ASSERT_EQ(f.scenario.demand.items.size(), kTownWeekday.size());
  EXPECT_DOUBLE_EQ(sum(kTownWeekday), 715.0);
  for (const Weekday d : {Weekday::mon, Weekday::tue, Weekday::wed, Weekday::thu, Weekday::fri}) {
    EXPECT_NEAR(expected_walk_ins(f.scenario, d), 715.0, 1e-9) << hallsim::sim::to_string(d);
  }
  // Saturday: social security 25, medical insurance 15, tax 15, certificate printing 15.
  EXPECT_NEAR(expected_walk_ins(f.scenario, Weekday::sat), 25.0 + 15 + 15 + 15, 1e-9);
  EXPECT_EQ(expected_walk_ins(f.scenario, Weekday::sun), 0.0);
  for (std::size_t i = 0; i < kTownWeekday.size(); ++i) {
    EXPECT_NEAR(expected_walk_ins(f.scenario, i, Weekday::wed), kTownWeekday[i], 1e-9) << i;
  }
  ASSERT_TRUE(f.first_day.has_value());
  EXPECT_EQ(*f.first_day, Weekday::tue);
}

TEST(SampleScenario, ThursdayEveningRateFollowsTheShapeOverTheOpenPartOfEachHour) {
  // Thursday the doors are open 8:30-18:30. Social security's shape (8:1.6, 9:1.5, 10:1.3,
  // 11:0.9, 12:0.3, 13:0.7, 14:1.2, 15:1.0, 16:0.6, 17:0.5, 18:0.4) weighted by the open
  // part of each hour: 0.8 + 1.5 + 1.3 + 0.9 + 0.3 + 0.7 + 1.2 + 1.0 + 0.6 + 0.5 + 0.2 = 9.0.
  const auto s = load_scenario_file(sample("town-center-weekday.json")).scenario;
  const auto& d = s.demand.items[0];
  ASSERT_EQ(d.item, "social_security");
  const auto& thu = s.calendar.days[static_cast<int>(Weekday::thu)];
  const auto rates = hallsim::sim::walk_in_rates(d, thu, Weekday::thu);
  EXPECT_NEAR(rates[17], 130.0 * 0.5 / 9.0, 1e-9);
  EXPECT_NEAR(rates[8], 130.0 * 1.6 / 9.0, 1e-9);
  EXPECT_EQ(rates[7], 0.0);
  // On Tuesday the doors close at 17:00, so the weight sum is 9.0 - 0.5 - 0.2 = 8.3.
  const auto& tue = s.calendar.days[static_cast<int>(Weekday::tue)];
  EXPECT_NEAR(hallsim::sim::walk_in_rates(d, tue, Weekday::tue)[9], 130.0 * 1.5 / 8.3, 1e-9);
}

TEST(SampleScenario, TownCenterCalendarIsANanjingDistrictsWeekWithThursdayEvenings) {
  const auto s = load_scenario_file(sample("town-center-weekday.json")).scenario;
  const auto& mon = s.calendar.days[0];
  EXPECT_TRUE(mon.open);
  EXPECT_EQ(mon.open_time, 8.5 * 3600);
  EXPECT_EQ(mon.close_time, 17 * 3600);
  EXPECT_TRUE(mon.has_lunch_break);
  EXPECT_EQ(mon.lunch_break.begin, 12 * 3600);
  EXPECT_EQ(mon.lunch_break.end, 13.5 * 3600);
  EXPECT_EQ(mon.extended_until, 0.0);
  EXPECT_EQ(s.calendar.days[3].extended_until, 18.5 * 3600);
  const auto& sat = s.calendar.days[5];
  EXPECT_TRUE(sat.open);
  EXPECT_EQ(sat.close_time, 12 * 3600);
  EXPECT_FALSE(sat.has_lunch_break);
  EXPECT_FALSE(s.calendar.days[6].open);
  EXPECT_EQ(s.calendar.lunch_counters, (std::vector<std::string>{"c01", "c06", "c15"}));
  EXPECT_EQ(s.calendar.extended_counters, (std::vector<std::string>{"c01", "c07"}));
  EXPECT_EQ(s.calendar.closing, hallsim::sim::ClosingPolicy::serve_ticket_holders);
}

TEST(SampleScenario, CatalogueKeepsEachItemsDistributionCountersAndShares) {
  const auto s = load_scenario_file(sample("town-center-weekday.json")).scenario;
  ASSERT_EQ(s.catalogue.items.size(), 12u);
  const auto& tax = item(s, "tax");
  EXPECT_EQ(tax.service_time.kind, hallsim::sim::DistributionKind::gamma);
  EXPECT_EQ(tax.service_time.mean, 330.0);
  EXPECT_EQ(tax.service_time.cv, 0.8);
  EXPECT_TRUE(tax.counter_types.empty());
  EXPECT_EQ(tax.counters, (std::vector<std::string>{"c07"}));
  EXPECT_EQ(tax.kiosk_share, 0.3);
  const auto& social = item(s, "social_security");
  EXPECT_EQ(social.counter_types, (std::vector<std::string>{"general", "help_and_agency"}));
  EXPECT_EQ(social.consultation_share, 0.15);
  EXPECT_EQ(social.missing_materials, 0.08);
  EXPECT_EQ(social.cannot_be_done, 0.01);
  const auto& licence = item(s, "business_licence");
  ASSERT_EQ(licence.follow_on.size(), 1u);
  EXPECT_EQ(licence.follow_on[0].item, "tax");
  EXPECT_EQ(licence.follow_on[0].probability, 0.2);
  EXPECT_EQ(s.catalogue.ticket_time.kind, hallsim::sim::DistributionKind::deterministic);
  EXPECT_EQ(s.catalogue.ticket_time.mean, 20.0);
  EXPECT_EQ(s.demand.appointments.punctuality.kind, hallsim::sim::DistributionKind::normal);
  EXPECT_EQ(s.demand.appointments.punctuality.mean, -300.0);
  EXPECT_EQ(s.demand.appointments.punctuality.stddev, 300.0);
  EXPECT_TRUE(s.policies.one_time_notification);
  EXPECT_EQ(s.staffing.guidance_staff, 2);
  // Ten windows work weekdays only, in two shifts each.
  EXPECT_EQ(s.staffing.shifts.size(), 20u);
}

TEST(SampleScenario, AppointmentPlacesCountSlotsThatEndByTheLastSlotEnd) {
  // Business licences 9:00-11:30 and 14:00-16:30 in 30-minute slots (5 + 5), "one thing"
  // 9:00-11:00 in hour slots (2); one booking per slot; weekdays only.
  const auto s = load_scenario_file(sample("town-center-weekday.json")).scenario;
  EXPECT_EQ(appointment_places(s, Weekday::mon), 12);
  EXPECT_EQ(appointment_places(s, Weekday::sat), 0);
  EXPECT_EQ(appointment_places(s, Weekday::sun), 0);
}

TEST(SampleScenario, MondayPeakRaisesMondayOnly) {
  const auto f = load_scenario_file(sample("town-center-monday-peak.json"));
  // The file's Monday totals: the normal weekday's, 25% up, to one decimal.
  const std::vector<double> monday = {162.5, 137.5, 87.5, 62.5, 37.5, 100,
                                      56.2,  43.8,  31.2, 25,   50,   100};
  EXPECT_NEAR(expected_walk_ins(f.scenario, Weekday::mon), sum(monday), 1e-9);
  EXPECT_NEAR(sum(monday), 893.7, 1e-9);
  EXPECT_NEAR(expected_walk_ins(f.scenario, Weekday::tue), 715.0, 1e-9);
  EXPECT_EQ(*f.first_day, Weekday::mon);
  EXPECT_EQ(f.scenario.calendar.lunch_counters.size(), 4u);
}

TEST(SampleScenario, DayAfterAHolidayBringsSixtyPercentMoreOnMonday) {
  const auto f = load_scenario_file(sample("town-center-after-holiday.json"));
  const std::vector<double> monday = {208, 176, 112, 80, 48, 128, 72, 56, 40, 32, 64, 128};
  EXPECT_NEAR(sum(monday), 1144.0, 1e-9);
  EXPECT_NEAR(expected_walk_ins(f.scenario, Weekday::mon), sum(monday), 1e-9);
  EXPECT_NEAR(expected_walk_ins(f.scenario, Weekday::tue), 715.0 * 1.3, 1e-6);
  EXPECT_EQ(f.scenario.staffing.guidance_staff, 3);
  EXPECT_EQ(*f.first_day, Weekday::mon);
}

TEST(SampleScenario, SaturdayMorningOpensFourWindowsForFourItems) {
  const auto f = load_scenario_file(sample("town-center-saturday.json"));
  EXPECT_EQ(*f.first_day, Weekday::sat);
  EXPECT_NEAR(expected_walk_ins(f.scenario, Weekday::sat), 60.0 + 35 + 30 + 25, 1e-9);
  EXPECT_EQ(expected_walk_ins(f.scenario, Weekday::mon), 0.0);
  EXPECT_EQ(f.scenario.catalogue.items.size(), 4u);
  EXPECT_EQ(f.scenario.staffing.closed_counters.size(), 12u);  // 16 windows, 4 open
}

TEST(SampleScenario, VillageStationMixesDailyTotalsWithRatesByTheHour) {
  const auto s = load_scenario_file(sample("village-station-weekday.json")).scenario;
  // Daily totals 25 + 12 + 10 every weekday; the agency item by the hour on Tuesday and
  // Thursday: 2 x 0.5 (8:30-9:00) + 2 + 1.5 + 1.5 + 1 + 0.5 = 7.5.
  EXPECT_NEAR(expected_walk_ins(s, 3, Weekday::tue), 7.5, 1e-12);
  EXPECT_EQ(expected_walk_ins(s, 3, Weekday::wed), 0.0);
  EXPECT_NEAR(expected_walk_ins(s, Weekday::tue), 54.5, 1e-9);
  EXPECT_NEAR(expected_walk_ins(s, Weekday::mon), 47.0, 1e-9);
  EXPECT_EQ(s.demand.items[3].form, hallsim::sim::RateForm::hourly);
  EXPECT_EQ(s.calendar.days[0].lunch_break.begin, 11.5 * 3600);
  EXPECT_EQ(s.calendar.days[0].lunch_break.end, 14 * 3600);
  EXPECT_FALSE(s.calendar.days[5].open);
}

TEST(SampleScenario, ServiceUnitBringsTwentyEightWalkInsAWeekday) {
  const auto s = load_scenario_file(sample("service-unit-weekday.json")).scenario;
  EXPECT_NEAR(expected_walk_ins(s, Weekday::fri), 14.0 + 6 + 8, 1e-9);
  EXPECT_EQ(s.calendar.days[0].close_time, 17.5 * 3600);
}

struct SampleAndPlan {
  const char* scenario;
  const char* plan;
};

const SampleAndPlan kSamples[] = {
    {"town-center-weekday.json", "town-center.json"},
    {"town-center-monday-peak.json", "town-center.json"},
    {"town-center-after-holiday.json", "town-center.json"},
    {"town-center-saturday.json", "town-center.json"},
    {"village-station-weekday.json", "village-station.json"},
    {"service-unit-weekday.json", "service-unit.json"},
    {"town-center-replay.json", "town-center.json"},
};

TEST(SampleScenario, EverySampleFitsItsPlanAndTheHallModel) {
  for (const auto& [scenario, plan_name] : kSamples) {
    SCOPED_TRACE(scenario);
    const auto f = load_scenario_file(sample(scenario));
    const auto plan = hallsim::layout::load_plan(plan_file(plan_name));
    const auto problems = hallsim::layout::scenario_plan_mismatches(f.scenario, plan, scenario);
    for (const auto& p : problems) ADD_FAILURE() << hallsim::layout::format_diagnostic(p);
    hallsim::sim::HallLayout hall;
    hall.name = plan.site().name;
    for (const auto& c : plan.counters()) {
      hall.counters.push_back({c.id, c.number, hallsim::layout::to_string(c.type)});
    }
    hall.kiosks = static_cast<int>(plan.kiosks().size());
    hall.seats = plan.seat_count();
    try {
      const hallsim::sim::HallModel model(hall, f.scenario);
      EXPECT_GE(model.queue_count(), f.scenario.catalogue.items.size());
    } catch (const hallsim::sim::ScenarioError& e) {
      ADD_FAILURE() << e.what();
    }
  }
}

TEST(SampleScenario, TownCenterWeekdayDoesNotFitTheVillageStation) {
  const auto s = load_scenario_file(sample("town-center-weekday.json")).scenario;
  const auto plan = hallsim::layout::load_plan(plan_file("village-station.json"));
  const auto problems =
      hallsim::layout::scenario_plan_mismatches(s, plan, "tc.json", "village-station.json");
  auto has = [&](const std::string& pointer, const std::string& phrase) {
    for (const auto& p : problems) {
      if (p.pointer == pointer && p.message.find(phrase) != std::string::npos) return true;
    }
    return false;
  };
  // Counters the village station does not have.
  EXPECT_TRUE(has("/calendar/lunch_counters/0", "no counter \"c01\" in village-station.json"));
  EXPECT_TRUE(has("/catalogue/items/5/counters/0", "no counter \"c07\""));
  EXPECT_TRUE(has("/staffing/shifts/0/counter", "no counter \"c03\""));
  // Tax is served by c07 only; "one thing" by a window type the station lacks.
  EXPECT_TRUE(has("/catalogue/items/5/counter_types", "no counter of village-station.json"));
  EXPECT_TRUE(has("/catalogue/items/9/counter_types", "types [one_thing]"));
  for (const auto& p : problems) EXPECT_EQ(p.file, "tc.json");
  EXPECT_THROW(hallsim::layout::check_scenario_against_plan(s, plan, "tc.json"),
               hallsim::layout::InputError);
}

TEST(ScenarioSchema, EmbeddedSchemaIsTheDocumentedOne) {
  std::ifstream in(std::string(HALLSIM_SOURCE_DIR) + "/docs/scenario.schema.json",
                   std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(std::string(hallsim::layout::scenario_schema()), text.str());
}

TEST(ScenarioSchema, CounterTypesAreTheFloorPlansWindowTypes) {
  const std::string schema(hallsim::layout::scenario_schema());
  using hallsim::layout::CounterType;
  std::string expected;
  for (const CounterType t :
       {CounterType::general, CounterType::departmental_composite, CounterType::cross_province,
        CounterType::in_province, CounterType::one_thing, CounterType::cannot_get_it_done,
        CounterType::help_and_agency, CounterType::other}) {
    expected +=
        std::string(expected.empty() ? "" : ", ") + "\"" + hallsim::layout::to_string(t) + "\"";
  }
  const auto start = schema.find("\"counter_type\"");
  ASSERT_NE(start, std::string::npos);
  const auto open = schema.find('[', start);
  const auto close = schema.find(']', open);
  std::string listed = schema.substr(open + 1, close - open - 1);
  std::string flat;
  for (std::size_t i = 0; i < listed.size(); ++i) {
    if (listed[i] == '\n') {
      while (i + 1 < listed.size() && listed[i + 1] == ' ') ++i;
      flat += ' ';
      continue;
    }
    flat += listed[i];
  }
  EXPECT_EQ(flat, expected);
}

TEST(ScenarioLoader, LeftOutSectionsTakeTheDocumentedDefaults) {
  const auto f = hallsim::layout::parse_scenario_file(R"({
    "format_version": 1, "name": "minimal",
    "catalogue": {"items": [{"id": "a", "service_time": {"kind": "exponential", "mean": 300}}]},
    "demand": {"items": [{"item": "a", "daily_total": [100, 100, 100, 100, 100, 0, 0]}]}
  })");
  const auto& s = f.scenario;
  EXPECT_FALSE(f.first_day.has_value());
  EXPECT_EQ(s.catalogue.items[0].counter_types, (std::vector<std::string>{"general"}));
  EXPECT_EQ(s.catalogue.items[0].service_time.cv, 1.0);
  EXPECT_EQ(s.calendar.days[0].open_time, 8.5 * 3600);
  EXPECT_EQ(s.calendar.days[5].close_time, 12 * 3600);
  EXPECT_FALSE(s.calendar.days[6].open);
  EXPECT_EQ(s.behaviour.balk_min, 25.0);
  EXPECT_EQ(s.staffing.call.no_show, 0.02);
  // Uniform over the open hours 8:30-17:00 (8.5 h): 100 / 8.5 per hour.
  const auto rates =
      hallsim::sim::walk_in_rates(s.demand.items[0], s.calendar.days[0], Weekday::mon);
  EXPECT_NEAR(rates[10], 100.0 / 8.5, 1e-12);
  EXPECT_NEAR(expected_walk_ins(s, Weekday::mon), 100.0, 1e-9);
}

TEST(ScenarioLoader, RulesReadEveryFieldAndLeaveTheRestAtTheirDefaults) {
  const auto s = hallsim::layout::parse_scenario_file(R"({
    "format_version": 1, "name": "backups",
    "catalogue": {"items": [{"id": "a", "service_time": {"kind": "exponential", "mean": 300}}]},
    "demand": {"items": [{"item": "a", "daily_total": [100, 100, 100, 100, 100, 0, 0]}]},
    "staffing": {"rules": [
      {"counter": "c05", "open_when_waiting_over": 8},
      {"counter": "c06", "days": ["mon", "fri"], "open_when_wait_over": 1200,
       "close_after_quiet": 300, "check_every": 120,
       "active": {"begin": "09:00", "end": "11:30"}}]}
  })")
                     .scenario;
  ASSERT_EQ(s.staffing.rules.size(), 2u);
  const auto& a = s.staffing.rules[0];
  EXPECT_EQ(a.counter, "c05");
  EXPECT_EQ(a.open_when_waiting_over, 8);
  EXPECT_EQ(a.open_when_wait_over, -1.0);
  EXPECT_EQ(a.close_after_quiet, 600.0);
  EXPECT_EQ(a.check_every, 60.0);
  EXPECT_TRUE(a.days.empty());
  EXPECT_EQ(a.active.begin, a.active.end);  // the regular hours
  const auto& b = s.staffing.rules[1];
  EXPECT_EQ(b.open_when_waiting_over, -1);
  EXPECT_EQ(b.open_when_wait_over, 1200.0);
  EXPECT_EQ(b.close_after_quiet, 300.0);
  EXPECT_EQ(b.check_every, 120.0);
  EXPECT_EQ(b.days, (std::vector<Weekday>{Weekday::mon, Weekday::fri}));
  EXPECT_EQ(b.active.begin, 9 * 3600);
  EXPECT_EQ(b.active.end, 11.5 * 3600);
}

TEST(ScenarioLoader, ReturnVisitsAreReadAndTheirDaysChecked) {
  const std::string head = R"({
    "format_version": 1, "name": "returns",
    "catalogue": {"items": [{"id": "a", "service_time": {"kind": "exponential", "mean": 300}}]},
    "demand": {"items": [{"item": "a", "daily_total": [100, 100, 100, 100, 100, 0, 0]}]},
    "behaviour": )";
  const auto s = hallsim::layout::parse_scenario_file(
                     head + R"({"return_share": 0.7, "return_min_days": 2, "return_max_days": 4}})")
                     .scenario;
  EXPECT_EQ(s.behaviour.return_share, 0.7);
  EXPECT_EQ(s.behaviour.return_min_days, 2);
  EXPECT_EQ(s.behaviour.return_max_days, 4);
  const auto d = hallsim::layout::parse_scenario_file(head + "{}}").scenario;
  EXPECT_EQ(d.behaviour.return_share, 0.0);
  EXPECT_EQ(d.behaviour.return_min_days, 1);
  EXPECT_EQ(d.behaviour.return_max_days, 5);
  try {
    (void)hallsim::layout::parse_scenario_file(
        head + R"({"return_share": 0.5, "return_min_days": 6}})", "r.json");
    FAIL() << "accepted";
  } catch (const hallsim::layout::InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u) << e.what();
    EXPECT_EQ(e.diagnostics()[0].pointer, "/behaviour/return_max_days");
    EXPECT_EQ(e.diagnostics()[0].message, "return_max_days 5 is below return_min_days 6");
  }
}

TEST(ScenarioLoader, ARuleForACounterThePlanLacksIsNamedWithItsPointer) {
  auto s = load_scenario_file(sample("town-center-weekday.json")).scenario;
  hallsim::sim::DynamicRule rule;
  rule.counter = "c99";
  rule.open_when_waiting_over = 8;
  s.staffing.rules.push_back(rule);
  const auto plan = hallsim::layout::load_plan(plan_file("town-center.json"));
  const auto problems = hallsim::layout::scenario_plan_mismatches(s, plan, "tc.json");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].pointer, "/staffing/rules/0/counter");
  EXPECT_NE(problems[0].message.find("no counter \"c99\" in"), std::string::npos)
      << problems[0].message;
  EXPECT_NE(problems[0].hint.find("c16"), std::string::npos) << problems[0].hint;
}

TEST(ScenarioLoader, ADayGivingHoursOpensEvenWhereTheDefaultWeekIsClosed) {
  const auto s = hallsim::layout::parse_scenario_file(R"({
    "format_version": 1, "name": "sunday",
    "calendar": {"days": [{}, {}, {}, {}, {}, {"day": "sat"},
                          {"day": "sun", "open_time": "09:00", "close_time": "12:00:30"}]},
    "catalogue": {"items": [{"id": "a", "service_time": {"kind": "lognormal", "mean": 300, "cv": 0.5}}]},
    "demand": {"items": [{"item": "a", "daily_total": [0, 0, 0, 0, 0, 0, 30]}]}
  })")
                     .scenario;
  EXPECT_TRUE(s.calendar.days[6].open);
  EXPECT_EQ(s.calendar.days[6].open_time, 9 * 3600);
  EXPECT_EQ(s.calendar.days[6].close_time, 12 * 3600 + 30);
  EXPECT_FALSE(s.calendar.days[6].has_lunch_break);     // hours given without a lunch break
  EXPECT_EQ(s.calendar.days[5].close_time, 12 * 3600);  // Saturday keeps the default week's
}

}  // namespace
