#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "cli_runner.hpp"

using hallsim::testing::run_hallsim;

TEST(DemoCommand, SameSeedGivesTheSameReportByteForByte) {
  const auto a = run_hallsim("demo --replications 5 --seed 7");
  const auto b = run_hallsim("demo --replications 5 --seed 7");
  ASSERT_EQ(a.exit_code, 0) << a.out;
  EXPECT_EQ(a.out, b.out);
  const auto c = run_hallsim("demo --replications 5 --seed 8");
  EXPECT_NE(a.out, c.out);
}

TEST(DemoCommand, VisitorsPerDayIntervalCoversTheArrivalRateTimesOpeningHours) {
  // A Poisson process of 48 per hour over 8.5 hours brings 408 visitors on average; the
  // 95% interval over 40 days must cover it (fixed seed, so this either always holds or never).
  const auto r = run_hallsim("demo --replications 40 --seed 3 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  const auto& v = j["simulated"]["visitors"];
  const double mean = v["mean"].get<double>();
  const double hw = v["ci95_half_width"].get<double>();
  EXPECT_GT(hw, 0.0);
  EXPECT_LE(mean - hw, 408.0);
  EXPECT_GE(mean + hw, 408.0);
  // Erlang C for A = 48 * 5.5 / 60 = 4.4 erlangs on 5 windows: utilisation 0.88.
  EXPECT_NEAR(j["erlang_c_steady_state"]["utilisation"].get<double>(), 0.88, 1e-12);
}

TEST(DemoCommand, OutOfRangeOptionIsBadInput) {
  const auto r = run_hallsim("demo --windows 0");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.out.find("--windows"), std::string::npos) << r.out;
}
