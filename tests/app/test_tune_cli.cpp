// `hallsim tune` on the sample town centre: exit codes, the staffing table and its
// staff-hours, the verification per period, determinism across thread counts, the tuned
// scenario file, bad targets.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli_runner.hpp"

namespace {

using hallsim::testing::run_hallsim;

const std::string kPlan = std::string(HALLSIM_SOURCE_DIR) + "/floorplans/town-center.json";
const std::string kScenario =
    std::string(HALLSIM_SOURCE_DIR) + "/scenarios/town-center-weekday.json";
// Small replication counts keep the command tests quick; the figures are checked for
// consistency, not for their values.
const std::string kQuick = " --replications 10 --verify-replications 10";

std::filesystem::path temp_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("hallsim_tune_" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

std::string read(const std::filesystem::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(TuneCommand, TextReportHasTheTableItsCostAndTheVerdicts) {
  const auto r = run_hallsim("tune " + kPlan + " " + kScenario + kQuick);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("Target: 90% of visitors wait at most 15 min, in every period"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("Tuned staffing: counters open per period and group"), std::string::npos);
  EXPECT_NE(r.out.find("08:30-09:00"), std::string::npos);
  EXPECT_NE(r.out.find("Methods side by side"), std::string::npos);
  EXPECT_NE(r.out.find("SIPP (Erlang C per period)"), std::string::npos);
  EXPECT_NE(r.out.find("MOL (offered load m(t))"), std::string::npos);
  EXPECT_NE(r.out.find("ISA (iterative staffing)"), std::string::npos);
  EXPECT_NE(r.out.find("local search (the result)"), std::string::npos);
  EXPECT_NE(r.out.find("before = the scenario's own staffing"), std::string::npos);
  EXPECT_NE(r.out.find("Columns: tickets per day"), std::string::npos);
  EXPECT_NE(r.out.find("whole day"), std::string::npos);
  EXPECT_NE(r.out.find("Result: the tuned plan uses"), std::string::npos);
}

TEST(TuneCommand, JsonStaffHoursAddUpFromTheTables) {
  const auto r = run_hallsim("tune " + kPlan + " " + kScenario + kQuick + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  const auto& periods = j["periods"];
  const std::size_t groups = j["groups"].size();
  ASSERT_GT(periods.size(), 0U);
  ASSERT_GT(groups, 1U);
  EXPECT_EQ(periods[0]["begin"], "08:30");
  EXPECT_EQ(periods[periods.size() - 1]["end"], "17:00");
  const double hours_per_period = j["settings"]["period_min"].get<double>() / 60.0;
  // The tuned table's staff-hours: counters x period length.
  double tuned = 0.0;
  for (const auto& row : j["tuned"]["table"]) {
    ASSERT_EQ(row.size(), groups);
    for (const auto& n : row) {
      tuned += n.get<int>() * hours_per_period;
    }
  }
  EXPECT_NEAR(tuned, j["tuned"]["staff_hours"].get<double>(), 1e-9);
  // The scenario's staffing: open counters per period add up to its staff-hours (counters that
  // serve no item would count only in the latter; the town centre has none).
  double before = 0.0;
  for (const auto& row : j["scenario_staffing"]["open"]) {
    for (const auto& n : row) {
      before += n.get<double>() * hours_per_period;
    }
  }
  EXPECT_NEAR(before, j["scenario_staffing"]["staff_hours"].get<double>(), 1e-6);
  // The town centre's 16 counters, 8.5 hours, minus lunch for 13 of them: 16 x 8.5 - 13 x 1.5.
  EXPECT_NEAR(before, 16 * 8.5 - 13 * 1.5, 1e-6);
  // The last method is the result.
  const auto& methods = j["methods"];
  ASSERT_EQ(methods.size(), 4U);
  EXPECT_EQ(methods[3]["table"], j["tuned"]["table"]);
  EXPECT_EQ(j["before"].size(), periods.size() + 1);
  EXPECT_EQ(j["after"].size(), periods.size() + 1);
  EXPECT_EQ(j["after"][periods.size()]["period"], "whole day");
  for (const auto& f : j["after"]) {
    const std::string v = f["verdict"];
    EXPECT_TRUE(v == "meets" || v == "unclear" || v == "misses" || v == "no visitors") << v;
  }
}

TEST(TuneCommand, TownCentreFromEveryWindowOpenMeetsTheTargetWithFewerStaffHours) {
  // The command of docs/tuning.md: the town centre's weekday from the staffing a manager starts
  // with, every window open all day (16 x 8.5 h), all-purpose general windows, 80% of visitors
  // called within 30 minutes in every half hour. The fixed staffing meets the target in every
  // period of the fresh replications; the tuned plan must too, with fewer staff-hours.
  const std::string tune_scenario =
      std::string(HALLSIM_SOURCE_DIR) + "/scenarios/town-center-tune.json";
  const auto r = run_hallsim("tune " + kPlan + " " + tune_scenario +
                             " --all-purpose --target 'p80_wait<=30min' --replications 50"
                             " --threads 2 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_NEAR(j["scenario_staffing"]["staff_hours"].get<double>(), 16 * 8.5, 1e-6);
  const double tuned = j["tuned"]["staff_hours"].get<double>();
  EXPECT_LT(tuned, j["scenario_staffing"]["staff_hours"].get<double>());
  EXPECT_TRUE(j["methods"][3]["meets_target"].get<bool>());
  for (const char* side : {"before", "after"}) {
    for (const auto& f : j[side]) {
      EXPECT_EQ(f["verdict"], "meets") << side << " " << f["period"];
    }
  }
}

TEST(TuneCommand, SameSeedSameBytesWhateverTheThreads) {
  const std::string args = "tune " + kPlan + " " + kScenario + kQuick + " --format json";
  const auto one = run_hallsim(args + " --threads 1");
  const auto two = run_hallsim(args + " --threads 2");
  ASSERT_EQ(one.exit_code, 0) << one.out;
  EXPECT_EQ(one.out, two.out);
  const auto other = run_hallsim(args + " --seed 7");
  EXPECT_NE(one.out, other.out);
}

TEST(TuneCommand, WritesTheReportAndTheTunedScenarioThatSimulateRuns) {
  const auto dir = temp_dir("files");
  const auto report = dir / "tune.txt";
  const auto tuned = dir / "tuned.json";
  const auto r = run_hallsim("tune " + kPlan + " " + kScenario + kQuick + " --output " +
                             report.string() + " --write-scenario " + tuned.string());
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(read(report).find("Tuned staffing"), std::string::npos);
  const auto j = nlohmann::json::parse(read(tuned));
  // Every shift of the tuned day is a run of the table: on Tuesday (the scenario's first day)
  // the shifts' hours add up to the tuned staff-hours.
  const auto jr = run_hallsim("tune " + kPlan + " " + kScenario + kQuick + " --format json");
  const auto rep = nlohmann::json::parse(jr.out);
  double hours = 0.0;
  for (const auto& s : j["staffing"]["shifts"]) {
    bool tuesday = false;
    for (const auto& d : s["days"]) {
      tuesday = tuesday || d == "tue";
    }
    if (!tuesday) {
      continue;
    }
    auto clock = [](const std::string& t) {
      return std::stod(t.substr(0, 2)) + std::stod(t.substr(3, 2)) / 60.0;
    };
    hours += clock(s["period"]["end"]) - clock(s["period"]["begin"]);
  }
  EXPECT_NEAR(hours, rep["tuned"]["staff_hours"].get<double>(), 1e-9);
  const auto sim = run_hallsim("simulate " + kPlan + " " + tuned.string() +
                               " --replications 3 --first-day tue --format json");
  EXPECT_EQ(sim.exit_code, 0) << sim.out;
  std::filesystem::remove_all(dir);
}

TEST(TuneCommand, BadTargetExitsTwoShowingTheAcceptedForms) {
  const auto r = run_hallsim("tune " + kPlan + " " + kScenario + " --target 'p90 wait < 15'");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("--target"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Accepted forms"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("pNN_wait<=Tmin"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("day:"), std::string::npos) << r.out;
  const auto period = run_hallsim("tune " + kPlan + " " + kScenario + " --period 30");
  EXPECT_EQ(period.exit_code, 2) << period.out;
  EXPECT_NE(period.out.find("--period \"30\" is not a duration"), std::string::npos) << period.out;
  const auto closed = run_hallsim("tune " + kPlan + " " + kScenario + " --day sun");
  EXPECT_EQ(closed.exit_code, 2) << closed.out;
  EXPECT_NE(closed.out.find("closed on sun"), std::string::npos) << closed.out;
  const auto rule = run_hallsim("tune " + kPlan + " " + kScenario + " --compare-rule counter=c99");
  EXPECT_EQ(rule.exit_code, 2) << rule.out;
  EXPECT_NE(rule.out.find("no counter \"c99\""), std::string::npos) << rule.out;
  const auto hours = run_hallsim("tune " + kPlan + " " + kScenario +
                                 " --compare-rule 'counter=c16,waiting>2,active=ab:00-16:00'");
  EXPECT_EQ(hours.exit_code, 2) << hours.out;
  EXPECT_NE(hours.out.find("cannot be read"), std::string::npos) << hours.out;
}

TEST(TuneCommand, ComparesADynamicRuleWithTheTunedPlan) {
  const auto r = run_hallsim("tune " + kPlan + " " + kScenario + kQuick +
                             " --format json --compare-rule 'counter=W16,waiting>4,quiet=10min'");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  const auto& c = j["rule_comparison"];
  EXPECT_EQ(c["counter"], "c16");
  EXPECT_EQ(c["periods"].size(), j["periods"].size() + 1);
  // The rule's staff-hours replace the counter's fixed hours in the tuned plan.
  EXPECT_NEAR(c["staff_hours"].get<double>(),
              j["tuned"]["staff_hours"].get<double>() -
                  c["tuned_plan_counter_hours"].get<double>() +
                  c["backup_counter_hours"].get<double>(),
              1e-9);
  EXPECT_GE(c["backup_counter_hours"].get<double>(), 0.0);
}

}  // namespace

namespace {

TEST(SizeCommand, SizesTheTownCentresDemandWithSeatsAndArea) {
  const auto r = run_hallsim("size " + kScenario + kQuick + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  int windows = 0;
  bool like_tax_window = false;
  for (const auto& g : j["counters"]) {
    windows += g["counters"].get<int>();
    like_tax_window = like_tax_window || g["type"] == "like c07";
  }
  EXPECT_EQ(windows, j["windows"].get<int>());
  EXPECT_TRUE(like_tax_window) << r.out;
  // Area: 1,800 m² / 61 windows each, at least 200 m² (domain facts).
  EXPECT_NEAR(j["area_m2"].get<double>(), std::max(200.0, windows * 1800.0 / 61.0), 1e-9);
  EXPECT_GE(j["waiting_seats"].get<int>(), 1);
  EXPECT_GE(j["kiosks"].get<int>(), 1);  // the town centre sends some items to kiosks
  const auto text = run_hallsim("size " + kScenario + kQuick);
  ASSERT_EQ(text.exit_code, 0) << text.out;
  EXPECT_NE(text.out.find("Counters needed"), std::string::npos);
  EXPECT_NE(text.out.find("Waiting seats:"), std::string::npos);
  EXPECT_NE(text.out.find("Hall area: about"), std::string::npos);
}

TEST(SizeCommand, BadTargetExitsTwo) {
  const auto r = run_hallsim("size " + kScenario + " --target 'p90_wait<=15'");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("Accepted forms"), std::string::npos) << r.out;
}

}  // namespace
