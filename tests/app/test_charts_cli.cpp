// `hallsim simulate ... --charts DIR`: the real program writes the three charts, the same bytes
// every time; the numbers behind them come from the batch as the report gives them; a folder
// that cannot be made and a missing display exit 2 with what to do. Run under `xvfb-run -a`.

#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "app_test_support.hpp"
#include "cli_runner.hpp"
#include "hall_setup.hpp"

namespace hallsim::app {
namespace {

namespace fs = std::filesystem;
using hallsim::testing::run_hallsim;

const std::string plan_file = std::string(HALLSIM_SOURCE_DIR) + "/floorplans/town-center.json";
const std::string scenario_file =
    std::string(HALLSIM_SOURCE_DIR) + "/scenarios/town-center-weekday.json";

class ChartsCli : public hallsim::testing::FreshFolderTest {
 protected:
  ChartsCli() : FreshFolderTest("hallsim-charts-") {}
};

TEST_F(ChartsCli, WritesThreePngsWithTheSameBytesEveryTime) {
  const std::string args = "simulate " + plan_file + " " + scenario_file +
                           " --replications 4 --seed 1 --threads 2 --charts ";
  const auto first = run_hallsim(args + (dir_ / "a").string());
  ASSERT_EQ(first.exit_code, 0) << first.out;
  EXPECT_NE(first.out.find("Charts in " + (dir_ / "a").string() +
                           ": chart-queue.png chart-waits.png chart-utilisation.png"),
            std::string::npos)
      << first.out;
  // The second run on one thread: the replications are the same whatever the threads.
  const auto second =
      run_hallsim("simulate " + plan_file + " " + scenario_file +
                  " --replications 4 --seed 1 --threads 1 --charts " + (dir_ / "b").string());
  ASSERT_EQ(second.exit_code, 0) << second.out;
  for (const char* name : {"chart-queue.png", "chart-waits.png", "chart-utilisation.png"}) {
    const std::string a = hallsim::testing::read_file(dir_ / "a" / name);
    ASSERT_GT(a.size(), 1000u) << name;
    EXPECT_EQ(a.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8)) << name;
    EXPECT_TRUE(a == hallsim::testing::read_file(dir_ / "b" / name))
        << name << " differs between two runs";
  }
  // Nothing half-written is left beside them.
  for (const auto& entry : fs::directory_iterator(dir_ / "a")) {
    EXPECT_EQ(entry.path().filename().string().rfind("chart-", 0), 0u) << entry.path();
  }
}

TEST_F(ChartsCli, AFolderThatCannotBeMadeExitsTwoBeforeSimulating) {
  std::ofstream(dir_ / "plain-file") << "not a folder";
  const fs::path inside = dir_ / "plain-file" / "charts";
  const auto r = run_hallsim("simulate " + plan_file + " " + scenario_file +
                             " --replications 2 --charts " + inside.string());
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("cannot create the chart folder " + inside.string()), std::string::npos)
      << r.out;
  // Refused before the simulation: no report was printed.
  EXPECT_EQ(r.out.find("Waits from ticket to call"), std::string::npos) << r.out;
}

TEST_F(ChartsCli, NoDisplayExitsTwoSayingToUseXvfb) {
  const char* saved = std::getenv("DISPLAY");
  const std::string restore = saved != nullptr ? saved : "";
  ::setenv("DISPLAY", ":987", 1);
  const auto r = run_hallsim("simulate " + plan_file + " " + scenario_file +
                             " --replications 1 --charts " + dir_.string());
  if (restore.empty()) {
    ::unsetenv("DISPLAY");
  } else {
    ::setenv("DISPLAY", restore.c_str(), 1);
  }
  EXPECT_EQ(r.exit_code, 2) << r.out;
  EXPECT_NE(r.out.find("cannot draw the charts"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("xvfb-run -a"), std::string::npos) << r.out;
  EXPECT_FALSE(fs::exists(dir_ / "chart-queue.png"));
}

// The numbers behind the charts, from a batch run in-process.
class BatchChartsTest : public ::testing::Test {
 protected:
  static BatchSettings settings(int replications) {
    BatchSettings s;
    s.replications = replications;
    s.seed = 7;
    s.first_day = sim::Weekday::tue;
    s.threads = 2;
    s.series = true;
    s.wait_minutes = true;
    return s;
  }
  LoadedHall loaded_ = load_hall(plan_file, scenario_file);
  sim::HallModel model_ = build_hall_model(loaded_.hall, loaded_.scenario, scenario_file);
};

TEST_F(BatchChartsTest, MinuteCountsHoldEveryWaitAndTheShareOverFifteenIsTheReports) {
  const BatchSettings s = settings(1);
  const BatchResult b = run_batch(model_, s);
  std::uint64_t total = 0;
  std::uint64_t over = 0;
  for (std::size_t k = 0; k < b.wait_minutes.size(); ++k) {
    total += b.wait_minutes[k];
    over += k >= 15 ? b.wait_minutes[k] : 0;
  }
  EXPECT_EQ(total, b.first.waits.quantiles.count());
  EXPECT_EQ(over, b.first.waits.over_15);
  // Element k counts waits in (k, k + 1] minutes: the empirical CDF at 10 minutes is the sum
  // of the first ten.
  std::uint64_t upto_ten = 0;
  for (std::size_t k = 0; k < 10; ++k) {
    upto_ten += b.wait_minutes[k];
  }
  EXPECT_DOUBLE_EQ(static_cast<double>(upto_ten) / static_cast<double>(total),
                   b.first.waits.quantiles.fraction_at_most(600.0));
  const BatchCharts charts = batch_charts(model_, b, s);
  EXPECT_DOUBLE_EQ(charts.waits.share_over_target,
                   b.estimate(kpi_index(b, "share_wait_over_15_min")).mean);
  EXPECT_DOUBLE_EQ(*charts.waits.p90_minutes, b.estimate(kpi_index(b, "wait_p90_min")).mean);
}

TEST_F(BatchChartsTest, ChartsCarryTheBatchsNumbers) {
  const BatchSettings s = settings(3);
  const BatchResult b = run_batch(model_, s);
  const BatchCharts charts = batch_charts(model_, b, s);

  // Queue: the first day's bins as series.csv gives them, in hours; lunch 12:00 to 13:30.
  ASSERT_FALSE(charts.queue.bins.empty());
  ASSERT_EQ(charts.queue.bins.size(), b.series.size());  // one day: every bin
  for (std::size_t i = 0; i < b.series.size(); ++i) {
    EXPECT_DOUBLE_EQ(charts.queue.bins[i].start_hour, b.series[i].start / 3600.0);
    EXPECT_DOUBLE_EQ(charts.queue.bins[i].mean_waiting, b.series[i].mean_waiting);
    EXPECT_DOUBLE_EQ(charts.queue.bins[i].most_waiting, b.series[i].max_waiting);
    EXPECT_DOUBLE_EQ(charts.queue.bins[i].open_counters, b.series[i].mean_open_counters);
  }
  ASSERT_EQ(charts.queue.lunch.size(), 1u);
  EXPECT_DOUBLE_EQ(charts.queue.lunch[0].begin, 12.0);
  EXPECT_DOUBLE_EQ(charts.queue.lunch[0].end, 13.5);

  // Waits: bars per day (3 runs of one day), together with the longer ones, are every wait.
  double shown = charts.waits.longer;
  for (const double c : charts.waits.counts) {
    shown += c;
  }
  std::uint64_t total = 0;
  for (const auto c : b.wait_minutes) {
    total += c;
  }
  EXPECT_NEAR(shown * 3.0, static_cast<double>(total), 1e-9 * static_cast<double>(total));
  EXPECT_DOUBLE_EQ(charts.waits.target_minutes, 15.0);
  // The bars reach at least twice the target and the 15-minute mark is on a bar edge.
  const double limit = static_cast<double>(charts.waits.counts.size()) * charts.waits.bin_minutes;
  EXPECT_GE(limit, 30.0);
  EXPECT_DOUBLE_EQ(std::fmod(15.0, charts.waits.bin_minutes), 0.0);

  // Utilisation: one bar per counter of the plan, as the report's per-counter lines.
  const auto& counters = model_.layout().counters;
  ASSERT_EQ(charts.utilisation.counters.size(), counters.size());
  for (std::size_t i = 0; i < counters.size(); ++i) {
    const sim::Estimate e = b.estimate(kpi_index(b, "counter." + counters[i].id + ".utilisation"));
    const render::CounterUtilisation& c = charts.utilisation.counters[i];
    EXPECT_EQ(c.number, counters[i].number);
    EXPECT_EQ(layout::to_string(c.type), counters[i].type);
    if (e.n == 0) {
      EXPECT_TRUE(std::isnan(c.mean));
    } else {
      EXPECT_DOUBLE_EQ(c.mean, e.mean);
      EXPECT_DOUBLE_EQ(c.half_width, e.half_width);
    }
  }
  EXPECT_DOUBLE_EQ(*charts.utilisation.overall,
                   b.estimate(kpi_index(b, "counter_utilisation")).mean);
}

}  // namespace
}  // namespace hallsim::app
