// A corpus of broken scenarios and ticket logs (tests/data/scenarios/broken): each is
// refused with the file, the exact JSON pointer or CSV line and column, and a sentence that
// says what is wrong and what to change.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hallsim/layout/scenario_loader.hpp"

namespace {

using hallsim::layout::Diagnostic;
using hallsim::layout::InputError;

const std::string kDir = std::string(HALLSIM_TEST_DATA_DIR) + "/scenarios/broken/";

struct Expected {
  const char* file;       ///< in the corpus
  const char* names;      ///< the file the diagnostic names (its last part)
  const char* pointer;    ///< JSON pointer or "line L, column C"
  const char* message;    ///< a phrase of the message
  const char* hint;       ///< a phrase of the hint
  std::size_t count = 1;  ///< problems reported; the first is the one described
};

std::vector<Diagnostic> problems_of_scenario(const std::string& file) {
  try {
    (void)hallsim::layout::load_scenario_file(kDir + file);
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  return {};
}

std::vector<Diagnostic> problems_of_log(const std::string& file) {
  try {
    (void)hallsim::layout::load_ticket_log(kDir + file);
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  return {};
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

void expect_one(const std::vector<Diagnostic>& problems, const Expected& e) {
  SCOPED_TRACE(e.file);
  ASSERT_EQ(problems.size(), e.count) << [&] {
    std::string all;
    for (const auto& p : problems) all += hallsim::layout::format_diagnostic(p) + "\n";
    return all;
  }();
  const Diagnostic& d = problems.front();
  EXPECT_TRUE(ends_with(d.file, e.names)) << d.file;
  EXPECT_EQ(d.pointer, e.pointer);
  EXPECT_NE(d.message.find(e.message), std::string::npos) << d.message;
  EXPECT_NE(d.hint.find(e.hint), std::string::npos) << d.hint;
}

const Expected kBrokenScenarios[] = {
    {"missing-comma.json", "missing-comma.json", "/catalogue/items/0",
     "not valid JSON at line 13, column 9: syntax error", "a missing comma"},
    {"nan-mean.json", "nan-mean.json", "/catalogue/items/1/service_time/mean",
     "NaN and Infinity are not numbers in JSON", "finite number"},
    {"repeated-key.json", "repeated-key.json", "/name", "\"name\" appears twice", "keep only one"},
    {"empty.json", "empty.json", "", "the file is empty", "write"},
    {"cut-short.json", "cut-short.json", "/catalogue/items/0/service_time/mean",
     "the file ends at line 10, column 19 before the JSON is complete", "close every open"},
    {"format-version-2.json", "format-version-2.json", "/format_version", "found the number 2",
     "the number 1"},
    {"unknown-field.json", "unknown-field.json", "/catalogue/items/0/servce_time",
     "unknown field \"servce_time\" (did you mean \"service_time\"?)", "remove it", 2},
    {"share-above-one.json", "share-above-one.json", "/catalogue/items/0/kiosk_share",
     "the number 1.5 is above the maximum 1", "between 0 and 1"},
    {"negative-rate.json", "negative-rate.json", "/demand/items/1/hourly_rate/1/9",
     "the number -3 is below the minimum 0", "visitors per hour"},
    {"unknown-counter-type.json", "unknown-counter-type.json", "/catalogue/items/0/counter_types/0",
     "(did you mean \"general\"?)", "departmental_composite"},
    {"bad-clock-time.json", "bad-clock-time.json", "/calendar/days/0/open_time",
     "the text \"8:30\" is not in the expected form", "HH:MM"},
    {"lognormal-without-cv.json", "lognormal-without-cv.json", "/catalogue/items/0/service_time",
     "the lognormal distribution has no \"cv\"", "takes \"mean\" and \"cv\""},
    {"normal-service-time.json", "normal-service-time.json", "/catalogue/items/0/service_time/kind",
     "a normal distribution gives negative durations", "\"lognormal\" or \"gamma\""},
    {"parameter-of-another-kind.json", "parameter-of-another-kind.json",
     "/catalogue/items/1/service_time/stddev",
     "\"stddev\" is not a parameter of a gamma distribution", "change \"kind\""},
    {"both-rate-forms.json", "both-rate-forms.json", "/demand/items/0",
     "gives both \"hourly_rate\" and \"daily_total\"", "give exactly one"},
    {"rate-while-closed.json", "rate-while-closed.json", "/demand/items/1/hourly_rate/0/7",
     "a rate of 6 visitors per hour at 07:00-08:00 on mon, when the doors are shut (open "
     "08:30-17:00)",
     "the first of the 24 rates is for 00:00-01:00"},
    {"unknown-demand-item.json", "unknown-demand-item.json", "/demand/items/1/item",
     "no item \"taxes\" in the catalogue (did you mean \"tax\"?)", "social_security, tax"},
    {"total-on-closed-day.json", "total-on-closed-day.json", "/demand/items/0/daily_total/6",
     "a daily total of 15 visitors on sun, when the hall is closed all day", "set it to 0"},
    {"duplicate-item-id.json", "duplicate-item-id.json", "/catalogue/items/1/id",
     "\"social_security\" is used twice (first at /catalogue/items/0)", "unique id"},
    {"follows-itself.json", "follows-itself.json", "/catalogue/items/0/follow_on/0/item",
     "cannot follow itself", "another item"},
    {"item-nobody-serves.json", "item-nobody-serves.json", "/catalogue/items/1/counter_types",
     "no counter may serve item \"tax\"", "kiosk_share to 1"},
    {"lunch-outside-hours.json", "lunch-outside-hours.json", "/calendar/days/2/lunch_break",
     "12:00-13:30 lies outside the opening hours 08:30-12:00", "has_lunch_break to false"},
    {"days-out-of-order.json", "days-out-of-order.json", "/calendar/days/1/day",
     "entry 2 of the days is for tue, but it says \"wed\"", "Monday first", 2},
    {"evening-without-counters.json", "evening-without-counters.json",
     "/calendar/days/3/extended_until", "extended hours on thu, but no counter is open",
     "/calendar/extended_counters"},
    {"appointment-on-closed-day.json", "appointment-on-closed-day.json",
     "/demand/appointments/slots/0/days/0", "appointments on sun, when the hall is closed",
     "remove the day"},
    {"balk-max-below-min.json", "balk-max-below-min.json", "/behaviour/balk_max",
     "balk_max 20 is below balk_min 40", "balk_min <= balk_max"},
    {"shift-ends-before-it-begins.json", "shift-ends-before-it-begins.json",
     "/staffing/shifts/0/period/end", "the shift ends at 12:00, not after it begins at 13:30",
     "later than begin"},
    {"rule-never-opens.json", "rule-never-opens.json", "/staffing/rules/0",
     "the rule never opens counter \"c05\": it has neither open_when_waiting_over nor "
     "open_when_wait_over",
     "give at least one of them"},
    {"rule-twice.json", "rule-twice.json", "/staffing/rules/1/counter",
     "counter \"c05\" already has a rule (/staffing/rules/0)", "one rule"},
    {"rule-checks-every-zero.json", "rule-checks-every-zero.json", "/staffing/rules/0/check_every",
     "the number 0 is below the minimum 1", "1 to 86400"},
    {"rule-wait-half-negative.json", "rule-wait-half-negative.json",
     "/staffing/rules/0/open_when_wait_over", "a wait of -0.5 s", "-1 for unused", 2},
    {"rule-hours-backwards.json", "rule-hours-backwards.json", "/staffing/rules/0/active/end",
     "the rule's hours end at 09:00, before they begin at 15:00", "later than begin"},
    {"no-visitors.json", "no-visitors.json", "", "the scenario brings no visitors",
     "/demand/items"},
    {"replay-log-missing.json", "replay-log-missing.json", "/replay/ticket_log",
     "no-such-log.csv does not exist", "relative to the scenario file's folder"},
    {"first-day-against-log.json", "first-day-against-log.json", "/first_day",
     "first_day is wed, but the ticket log starts on 2024-03-04, a mon", "\"mon\""},
    {"replay-unknown-item.json", "log-unknown-item.csv", "line 3, column 3",
     "item \"taxes\" is not in the scenario's catalogue (did you mean \"tax\"?)",
     "add it to /catalogue/items"},
};

TEST(BrokenScenario, EachIsRefusedWithItsPointerAndWhatToChange) {
  for (const Expected& e : kBrokenScenarios) expect_one(problems_of_scenario(e.file), e);
}

TEST(BrokenScenario, TheBaseOfTheCorpusItselfLoads) {
  EXPECT_NO_THROW((void)hallsim::layout::load_scenario_file(kDir + "valid-base.json"));
}

TEST(BrokenScenario, EveryProblemIsReportedInOnePass) {
  const auto problems = problems_of_scenario("three-problems.json");
  // The schema finds the share below 0 first; a scenario that fails the schema is not
  // read further, so its meaning is checked once the schema passes.
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems[0].pointer, "/catalogue/items/0/kiosk_share");
  // With the share fixed, the two meaning problems come together.
  std::string text = R"({"format_version": 1, "name": "two",
    "catalogue": {"items": [{"id": "tax", "service_time": {"kind": "exponential", "mean": 300}}]},
    "demand": {"items": [{"item": "taxes", "daily_total": [1, 1, 1, 1, 1, 0, 0]}]},
    "behaviour": {"balk_min": 40, "balk_max": 20}})";
  try {
    (void)hallsim::layout::parse_scenario_file(text, "two.json");
    FAIL() << "accepted";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 2u) << e.what();
    EXPECT_EQ(e.diagnostics()[0].pointer, "/demand/items/0/item");
    EXPECT_EQ(e.diagnostics()[1].pointer, "/behaviour/balk_max");
    EXPECT_EQ(std::string(e.what()),
              "two.json:/demand/items/0/item: error: no item \"taxes\" in the catalogue (did you "
              "mean \"tax\"?); name one of the catalogue's items: tax\n"
              "two.json:/behaviour/balk_max: error: balk_max 20 is below balk_min 40; give "
              "balk_min <= balk_max");
  }
}

TEST(BrokenScenario, AFileLargerThanTheLimitIsNotRead) {
  hallsim::layout::ScenarioLoadOptions options;
  options.max_file_bytes = 100;
  try {
    (void)hallsim::layout::load_scenario_file(kDir + "valid-base.json", options);
    FAIL() << "accepted";
  } catch (const InputError& e) {
    ASSERT_EQ(e.diagnostics().size(), 1u);
    EXPECT_NE(e.diagnostics()[0].message.find("larger than the limit"), std::string::npos);
  }
  const auto missing = problems_of_scenario("no-such-file.json");
  ASSERT_EQ(missing.size(), 1u);
  EXPECT_NE(missing[0].message.find("does not exist"), std::string::npos);
}

const Expected kBrokenLogs[] = {
    {"bad-date.csv", "bad-date.csv", "line 3, column 1",
     "date \"2024-02-30\" is not a calendar date", "YYYY-MM-DD"},
    {"bad-time.csv", "bad-time.csv", "line 4, column 2",
     "ticket_time \"08:61:00\" is not a time of day", "HH:MM:SS"},
    {"call-before-ticket.csv", "call-before-ticket.csv", "line 2, column 4",
     "called at 08:35:00, before the ticket was taken at 08:40:00", "check the times"},
    {"finish-without-call.csv", "finish-without-call.csv", "line 2, column 5",
     "a finish time without a call time", "leave both empty"},
    {"finish-before-call.csv", "finish-before-call.csv", "line 2, column 5",
     "finished at 08:44:59, before the call at 08:45:00", "check the times"},
    {"missing-item-column.csv", "missing-item-column.csv", "line 1",
     "the header has no \"item\" column", "date, ticket_time and item"},
    {"unknown-column.csv", "unknown-column.csv", "line 1, column 3",
     "unknown column \"itme\" (did you mean \"item\"?)", "the columns are: date, ticket_time", 2},
    {"wrong-field-count.csv", "wrong-field-count.csv", "line 3",
     "the line has 4 fields, the header 6", "quote values that contain commas"},
    {"unclosed-quote.csv", "unclosed-quote.csv", "line 2, column 3", "a quote is not closed",
     "close the quote"},
    {"empty.csv", "empty.csv", "", "the ticket log is empty", "header line"},
    {"header-only.csv", "header-only.csv", "line 1", "a header but no tickets",
     "one line per ticket"},
    {"gbk.csv", "gbk.csv", "", "not valid UTF-8: byte 0xCE at line 2, column 22",
     "GBK and other legacy encodings"},
};

TEST(BrokenTicketLog, EachIsRefusedWithItsLineColumnAndWhatToChange) {
  for (const Expected& e : kBrokenLogs) expect_one(problems_of_log(e.file), e);
}

TEST(BrokenTicketLog, ManyBadLinesAreCappedWithACountOfTheRest) {
  const auto problems = problems_of_log("sixty-bad-lines.csv");
  ASSERT_EQ(problems.size(), hallsim::layout::kMaxTicketLogDiagnostics + 1);
  EXPECT_EQ(problems.front().pointer, "line 2, column 2");
  EXPECT_NE(problems.front().message.find("\"25:00:00\" is not a time of day"), std::string::npos);
  EXPECT_EQ(problems[49].pointer, "line 51, column 2");
  EXPECT_EQ(problems.back().pointer, "");
  EXPECT_EQ(problems.back().message, "10 more problems not shown");
}

}  // namespace
