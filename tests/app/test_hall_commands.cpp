// `hallsim simulate` and `hallsim compare`, run in-process through their own registration
// functions, on the sample town-centre plan and scenarios written by the tests.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "app_test_support.hpp"
#include "commands.hpp"
#include "hall_setup.hpp"

namespace hallsim::app {
namespace {

namespace fs = std::filesystem;

struct Ran {
  int code = -1;
  std::string out;
  std::string err;
};

/// Runs `hallsim <args>` with only the simulate and compare commands registered.
Ran run(std::vector<std::string> args) {
  CLI::App app{"hallsim"};
  app.require_subcommand(1);
  CommandBody chosen;
  add_simulate_command(app, chosen);
  add_compare_command(app, chosen);
  std::reverse(args.begin(), args.end());  // CLI11 parses a reversed vector
  Ran r;
  std::ostringstream out, err;
  auto* old_out = std::cout.rdbuf(out.rdbuf());
  auto* old_err = std::cerr.rdbuf(err.rdbuf());
  try {
    app.parse(args);
    r.code = chosen();
  } catch (const CLI::ParseError& e) {
    r.code = app.exit(e) == 0 ? 0 : kExitBadInput;
  }
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  r.out = out.str();
  r.err = err.str();
  return r;
}

const std::string plan_file = std::string(HALLSIM_SOURCE_DIR) + "/floorplans/town-center.json";

class HallCommands : public hallsim::testing::FreshFolderTest {
 protected:
  HallCommands() : FreshFolderTest("hallsim-hall-") {}

  std::string write(const std::string& name, const std::string& text) {
    const fs::path p = dir_ / name;
    std::ofstream(p) << text;
    return p.string();
  }
  static std::string read(const fs::path& p) { return hallsim::testing::read_file(p); }
};

constexpr const char* kWeekday = R"({
  "format_version": 1,
  "name": "town centre test weekday",
  "first_day": "mon",
  "calendar": {"lunch_counters": ["c01", "c02"], "closing": "serve_ticket_holders"},
  "catalogue": {
    "items": [
      {"id": "social_security", "name": "社保", "service_time": {"kind": "lognormal", "mean": 300, "cv": 0.6},
       "counter_types": ["general", "help_and_agency"], "kiosk_share": 0.25, "consultation_share": 0.15,
       "missing_materials": 0.06},
      {"id": "tax", "name": "税务", "service_time": {"kind": "lognormal", "mean": 480, "cv": 0.6},
       "counter_types": ["departmental_composite"], "kiosk_share": 0.2},
      {"id": "business_licence", "service_time": {"kind": "gamma", "mean": 900, "cv": 0.7},
       "counter_types": ["departmental_composite", "one_thing"], "cannot_be_done": 0.03,
       "follow_on": [{"item": "tax", "probability": 0.3}]}
    ]
  },
  "demand": {
    "items": [
      {"item": "social_security", "daily_total": [300, 300, 300, 300, 300, 100, 0],
       "hourly_shape": [0,0,0,0,0,0,0,0,1,1.6,1.5,1,0.3,0.5,1.3,1.2,0.8,0,0,0,0,0,0,0]},
      {"item": "tax", "daily_total": [60, 60, 60, 60, 60, 20, 0]},
      {"item": "business_licence", "daily_total": [60, 60, 60, 60, 60, 20, 0]}
    ]
  },
  "staffing": {"guidance_staff": 2}
})";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    out.push_back(line);
  }
  return out;
}

TEST_F(HallCommands, SimulateWritesConsistentReportAndFiles) {
  const std::string scenario = write("weekday.json", kWeekday);
  const fs::path out = dir_ / "out";
  const Ran r = run({"simulate", plan_file, scenario, "--replications", "6", "--seed", "5", "--out",
                     out.string(), "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto summary = nlohmann::json::parse(r.out);
  EXPECT_EQ(summary, nlohmann::json::parse(read(out / "summary.json")));
  EXPECT_EQ(summary["replications"], 6);
  const auto& k = summary["kpis"];
  // Every visitor ends one way: the means add up as the counts of each run do.
  const double arrived = k["arrived"]["mean"];
  double ends = 0.0;
  for (const char* o :
       {"served", "balked", "reneged", "missed_call", "sent_home", "inside_at_end"}) {
    ends += k[o]["mean"].get<double>();
  }
  EXPECT_NEAR(ends, arrived, 1e-9 * arrived);
  // A Monday's walk-ins are expected to number 300 + 60 + 60 = 420: within 4 standard errors
  // (the 95% half-width over 6 replications is 2.571 standard errors).
  const double se = k["arrived"]["ci95_half_width"].get<double>() / 2.571;
  EXPECT_NEAR(arrived, 420.0, 4.0 * se);

  // replications.csv: a header and one line per replication; its arrived column averages
  // to the summary's mean.
  const auto rows = lines_of(read(out / "replications.csv"));
  ASSERT_EQ(rows.size(), 7U);
  EXPECT_EQ(rows[0].rfind("replication,arrived,served,", 0), 0U);
  double sum = 0.0;
  for (std::size_t i = 1; i < rows.size(); ++i) {
    const auto a = rows[i].find(',') + 1;
    sum += std::stod(rows[i].substr(a, rows[i].find(',', a) - a));
  }
  EXPECT_NEAR(sum / 6.0, arrived, 1e-9 * arrived);

  // series.csv: 15-minute bins from 8:30; their mean arrivals add up to the mean arrived.
  const auto series = lines_of(read(out / "series.csv"));
  ASSERT_GT(series.size(), 34U);  // 8:30 to 17:00 is 34 bins
  EXPECT_EQ(series[1].rfind("30600,d0 mon 08:30:00,", 0), 0U);
  double arrivals = 0.0;
  for (std::size_t i = 1; i < series.size(); ++i) {
    const auto a = series[i].find(',', series[i].find(',') + 1) + 1;
    arrivals += std::stod(series[i].substr(a, series[i].find(',', a) - a));
  }
  EXPECT_NEAR(arrivals, arrived, 1e-9 * arrived);

  // trace.csv of replication 0: one arrive line per visitor of that run.
  const auto trace = lines_of(read(out / "trace.csv"));
  ASSERT_GT(trace.size(), 1U);
  EXPECT_EQ(trace[0],
            "time_s,clock,visitor,event,place,element,queue,ticket,detail,duration_s,seat");
  // Counters open at 8:30 before anyone arrives: those lines name no visitor.
  EXPECT_EQ(trace[1].rfind("30600,d0 mon 08:30:00,,counter_open,", 0), 0U) << trace[1];
  EXPECT_NE(trace[1].find(",hours,"), std::string::npos) << trace[1];
  // The first visitor's record: visitor 0 enters by the plan's main door.
  const auto first_arrive = std::find_if(trace.begin() + 1, trace.end(), [](const auto& l) {
    return l.find(",arrive,") != std::string::npos;
  });
  ASSERT_NE(first_arrive, trace.end());
  EXPECT_NE(first_arrive->find(",0,arrive,entrance,d-main,"), std::string::npos) << *first_arrive;
  // A visitor who sits down is given a seat of the plan (the last column); a standing one none.
  std::size_t seated = 0, standing = 0;
  for (const auto& line : trace) {
    if (line.find(",wait,") == std::string::npos) {
      continue;
    }
    const std::string seat = line.substr(line.rfind(',') + 1);
    if (line.find(",seated,") != std::string::npos) {
      ++seated;
      ASSERT_FALSE(seat.empty()) << line;
      EXPECT_LT(std::stoi(seat), summary["seats"].get<int>()) << line;
    } else {
      ++standing;
      EXPECT_TRUE(seat.empty()) << line;
    }
  }
  EXPECT_GT(seated, 0U);
  EXPECT_EQ(summary["places"]["entrance"], "d-main");
  EXPECT_EQ(summary["places"]["ticket_machine"], "a-ticket");
  std::size_t arrive_lines = 0, leave_lines = 0;
  for (const auto& line : trace) {
    arrive_lines += line.find(",arrive,") != std::string::npos ? 1 : 0;
    leave_lines += line.find(",leave,") != std::string::npos ? 1 : 0;
  }
  const std::string first_run = rows[1].substr(rows[1].find(',') + 1);
  EXPECT_EQ(static_cast<double>(arrive_lines), std::stod(first_run.substr(0, first_run.find(','))));
  EXPECT_EQ(arrive_lines, leave_lines);
  for (const char* f : {"summary.json", "replications.csv", "series.csv", "trace.csv"}) {
    EXPECT_FALSE(fs::exists(out / (std::string(f) + ".tmp"))) << f;
  }
}

TEST_F(HallCommands, SameSeedGivesByteIdenticalFilesWhateverTheThreads) {
  const std::string scenario = write("weekday.json", kWeekday);
  const Ran a = run({"simulate", plan_file, scenario, "--replications", "8", "--out",
                     (dir_ / "a").string(), "--threads", "1", "--trace-format", "jsonl"});
  const Ran b = run({"simulate", plan_file, scenario, "--replications", "8", "--out",
                     (dir_ / "b").string(), "--threads", "2", "--trace-format", "jsonl"});
  const Ran c = run({"simulate", plan_file, scenario, "--replications", "8", "--out",
                     (dir_ / "c").string(), "--seed", "2", "--trace-format", "jsonl"});
  ASSERT_EQ(a.code, 0) << a.err;
  ASSERT_EQ(b.code, 0) << b.err;
  ASSERT_EQ(c.code, 0) << c.err;
  for (const char* f : {"summary.json", "replications.csv", "series.csv", "trace.jsonl"}) {
    const std::string fa = read(dir_ / "a" / f);
    EXPECT_FALSE(fa.empty()) << f;
    EXPECT_EQ(fa, read(dir_ / "b" / f)) << f;
    EXPECT_NE(fa, read(dir_ / "c" / f)) << f;
  }
  // The report names its own folder, which differs; the rest is the same.
  const std::string ta = a.out.substr(0, a.out.find("Files in"));
  EXPECT_EQ(ta, b.out.substr(0, b.out.find("Files in")));
  // A JSON Lines trace: each line one object with time, visitor, event and place.
  // Counter records come first (the counters open at 8:30) and name no visitor.
  const auto trace = lines_of(read(dir_ / "a" / "trace.jsonl"));
  const auto opening = nlohmann::json::parse(trace.at(0));
  EXPECT_EQ(opening["event"], "counter_open");
  EXPECT_FALSE(opening.contains("visitor"));
  const auto first = std::find_if(trace.begin(), trace.end(), [](const std::string& l) {
    return nlohmann::json::parse(l)["event"] == "arrive";
  });
  ASSERT_NE(first, trace.end());
  const auto arrive = nlohmann::json::parse(*first);
  EXPECT_EQ(arrive["visitor"], 0);
  EXPECT_EQ(arrive["place"], "entrance");
}

TEST_F(HallCommands, CompareClosingWindowsSeesTheSameVisitorsAndLongerWaits) {
  const std::string scenario = write("weekday.json", kWeekday);
  const Ran r = run({"compare", plan_file, scenario, "--close", "c07,c08", "--replications", "10",
                     "--format", "json", "--out", (dir_ / "cmp").string()});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  const auto& k = j["kpis"];
  // Common random numbers: the same arrivals in every replication, so B - A is exactly 0.
  EXPECT_EQ(k["arrived"]["b_minus_a"]["mean"], 0.0);
  EXPECT_EQ(k["arrived"]["b_minus_a"]["ci95_half_width"], 0.0);
  EXPECT_FALSE(k["arrived"]["differs"].get<bool>());
  // Tax is served only by departmental windows: with two of three closed its wait grows.
  const auto& tax = k["item.tax.wait_mean_min"];
  EXPECT_GT(tax["b_minus_a"]["mean"].get<double>(), 0.0);
  EXPECT_TRUE(tax["differs"].get<bool>());
  // The closed counters are never staffed in B.
  EXPECT_EQ(k["counter.c07.open_hours"]["b"]["mean"], 0.0);
  EXPECT_TRUE(fs::exists(dir_ / "cmp" / "compare.csv"));
  const auto csv = lines_of(read(dir_ / "cmp" / "compare.csv"));
  EXPECT_EQ(csv.at(1).rfind("arrived,", 0), 0U);
  EXPECT_NE(csv.at(1).find(",0,0,no"), std::string::npos) << csv.at(1);
}

TEST_F(HallCommands, ScenarioThatLeavesAnItemWithoutCountersIsBadInputWithItsPointer) {
  std::string text = kWeekday;
  text.replace(text.find(R"("staffing": {"guidance_staff": 2})"),
               std::string(R"("staffing": {"guidance_staff": 2})").size(),
               R"("staffing": {"guidance_staff": 2, "closed_counters": ["c07", "c08", "c09"]})");
  const std::string scenario = write("closed.json", text);
  const Ran r = run({"simulate", plan_file, scenario, "--replications", "2"});
  EXPECT_EQ(r.code, kExitBadInput);
  EXPECT_NE(r.err.find(scenario + ":/catalogue/items/1/counter_types: error:"), std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("tax"), std::string::npos) << r.err;
}

TEST_F(HallCommands, UnknownCounterToCloseAndUnwritableFolderAreBadInput) {
  const std::string scenario = write("weekday.json", kWeekday);
  const Ran close = run({"compare", plan_file, scenario, "--close", "c99"});
  EXPECT_EQ(close.code, kExitBadInput);
  EXPECT_NE(close.err.find("no counter 'c99'"), std::string::npos) << close.err;
  const Ran none = run({"compare", plan_file, scenario});
  EXPECT_EQ(none.code, kExitBadInput);
  EXPECT_NE(none.err.find("--close"), std::string::npos) << none.err;
  write("file", "x");
  const Ran out = run({"simulate", plan_file, scenario, "--replications", "2", "--out",
                       (dir_ / "file" / "sub").string()});
  EXPECT_EQ(out.code, kExitBadInput);
  EXPECT_NE(out.err.find("output folder"), std::string::npos) << out.err;
}

}  // namespace
}  // namespace hallsim::app
