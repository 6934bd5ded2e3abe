// The hall model against queueing theory: with one item, one counter type, no walking and
// no behaviour, a long day of the model is an M/M/c (or M/G/1, M/M/c/c, M/M/1/K) queue.
//
// Tolerances: each figure is estimated over independent replications (days); the test
// accepts the formula's value within 4 standard errors of the replication mean, the
// standard error being the 95% half-width divided by its t quantile.

#include <gtest/gtest.h>

#include <cmath>

#include "hall_samples.hpp"
#include "hallsim/sim/hall.hpp"
#include "hallsim/sim/queueing.hpp"
#include "hallsim/sim/stats.hpp"

namespace hallsim::sim {
namespace {

constexpr int kReplications = 200;

double standard_error(const Estimate& e) {
  return e.n < 2 ? 0.0 : e.half_width / student_t_quantile(0.95, e.n - 1);
}

void expect_within_4_se(const Estimate& e, double formula, const char* what) {
  const double se = standard_error(e);
  EXPECT_GT(se, 0.0) << what;
  EXPECT_NEAR(e.mean, formula, 4.0 * se)
      << what << ": simulated " << e.mean << " ± " << e.half_width << " (95%), formula " << formula;
}

/// Waits of tickets taken after a 4-hour warm-up of a 24-hour day, over replications.
struct WaitFigures {
  Replications mean_wait, share_waiting, share_over_15;
};

WaitFigures simulate_waits(const HallModel& model) {
  WaitFigures f;
  for (int k = 0; k < kReplications; ++k) {
    RunSettings s;
    s.seed = 2024;
    s.replication = static_cast<std::uint64_t>(k);
    s.warmup = 4.0 * 3600.0;
    const HallResult r = model.run(s);
    const auto n = static_cast<double>(r.waits.tally.count());
    f.mean_wait.add(r.waits.tally.mean());
    f.share_waiting.add(1.0 - r.waits.quantiles.fraction_at_most(0.0));
    f.share_over_15.add(static_cast<double>(r.waits.over_15) / n);
  }
  return f;
}

TEST(HallQueueing, ExponentialServiceMatchesErlangC) {
  // Three counters, 10-minute exponential service, 12.6 arrivals an hour: rho = 0.7.
  const double per_hour = 12.6, mean_service = 600.0;
  const HallModel model(
      samples::plain_hall(3),
      samples::single_queue(per_hour, DistributionSpec::exponential(mean_service)));
  const MmcQueue mmc(per_hour / 3600.0, 1.0 / mean_service, 3);
  const WaitFigures f = simulate_waits(model);
  expect_within_4_se(f.mean_wait.estimate(), mmc.mean_wait(), "mean wait (s)");
  expect_within_4_se(f.share_waiting.estimate(), mmc.prob_wait(), "P(wait > 0)");
  expect_within_4_se(f.share_over_15.estimate(), mmc.prob_wait_exceeds(900.0), "P(wait > 15 min)");
}

TEST(HallQueueing, FixedAndLognormalServiceMatchPollaczekKhinchine) {
  // One counter, rho = 0.6; M/D/1 and M/G/1 with cv 0.5.
  const double mean_service = 300.0, per_hour = 0.6 * 3600.0 / mean_service;
  for (const double cv : {0.0, 0.5}) {
    const DistributionSpec service = cv == 0.0 ? DistributionSpec::fixed(mean_service)
                                               : DistributionSpec::lognormal(mean_service, cv);
    const HallModel model(samples::plain_hall(1), samples::single_queue(per_hour, service));
    const WaitFigures f = simulate_waits(model);
    expect_within_4_se(f.mean_wait.estimate(), mg1_mean_wait(per_hour / 3600.0, mean_service, cv),
                       cv == 0.0 ? "M/D/1 mean wait" : "M/G/1 mean wait");
  }
}

TEST(HallQueueing, ZeroPatienceMakesALossSystemWithErlangBLosses) {
  // Visitors who would have to wait leave at once: the share who renege is Erlang B.
  Scenario s = samples::single_queue(12.6, DistributionSpec::exponential(600.0));
  s.behaviour.renege_enabled = true;
  s.behaviour.patience = DistributionSpec::fixed(0.0);
  const HallModel model(samples::plain_hall(3), s);
  Replications lost;
  for (int k = 0; k < kReplications; ++k) {
    RunSettings rs;
    rs.replication = static_cast<std::uint64_t>(k);
    const HallResult r = model.run(rs);
    lost.add(static_cast<double>(r.reneged) / static_cast<double>(r.arrived));
  }
  expect_within_4_se(lost.estimate(), erlang_b(3, 12.6 * 600.0 / 3600.0), "share lost");
}

TEST(HallQueueing, BalkingAtOneAheadMakesMM1WithRoomForTwo) {
  // Tolerance 0: a visitor who sees anyone waiting balks, so at most one is served and one
  // waits (M/M/1/2). The share who balk is P2 = (1 - rho) rho^2 / (1 - rho^3).
  Scenario s = samples::single_queue(9.6, DistributionSpec::exponential(300.0));
  s.behaviour.balk_enabled = true;
  s.behaviour.balk_min = 0.0;
  s.behaviour.balk_max = 0.0;
  const HallModel model(samples::plain_hall(1), s);
  Replications balked;
  for (int k = 0; k < kReplications; ++k) {
    RunSettings rs;
    rs.replication = static_cast<std::uint64_t>(k);
    const HallResult r = model.run(rs);
    balked.add(static_cast<double>(r.balked) / static_cast<double>(r.arrived));
  }
  const double rho = 9.6 * 300.0 / 3600.0;
  expect_within_4_se(balked.estimate(), (1 - rho) * rho * rho / (1 - rho * rho * rho),
                     "share balked");
}

}  // namespace
}  // namespace hallsim::sim
