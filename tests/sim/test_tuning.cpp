// Window-count tuning without a hall: targets, Erlang C staffing, the offered load m(t),
// shift limits, the ISA rule and the local search against a formula standing in for the model.

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <string>
#include <vector>

#include "hallsim/sim/queueing.hpp"
#include "hallsim/sim/tuning.hpp"

namespace hallsim::sim {
namespace {

TEST(ParseTarget, PercentileWaitIsTheShareOverTheWait) {
  const ServiceTarget t = parse_target("p90_wait<=15min");
  EXPECT_EQ(t.kind, TargetKind::wait_percentile);
  EXPECT_DOUBLE_EQ(t.wait, 900.0);
  EXPECT_NEAR(t.share, 0.1, 1e-12);
  EXPECT_EQ(t.scope, TargetScope::period);
  EXPECT_EQ(t.text(), "p90_wait<=15min");
  EXPECT_NEAR(t.limit(), 0.1, 1e-12);
  // A visitor counts against the target only when waiting longer than 15 minutes.
  EXPECT_EQ(t.measure(900.0, false), 0.0);
  EXPECT_EQ(t.measure(900.5, false), 1.0);
}

TEST(ParseTarget, ReadsEveryFormAndItsScope) {
  const ServiceTarget a = parse_target(" day:abandonment <= 5% ");
  EXPECT_EQ(a.kind, TargetKind::abandonment);
  EXPECT_EQ(a.scope, TargetScope::day);
  EXPECT_NEAR(a.share, 0.05, 1e-12);
  EXPECT_TRUE(a.counts_balks());
  EXPECT_EQ(a.text(), "day:abandonment<=5%");

  const ServiceTarget m = parse_target("mean_wait<=300s");
  EXPECT_EQ(m.kind, TargetKind::mean_wait);
  EXPECT_DOUBLE_EQ(m.limit(), 300.0);
  EXPECT_EQ(m.measure(123.0, false), 123.0);
  EXPECT_EQ(m.text(), "mean_wait<=5min");

  const ServiceTarget s = parse_target("share_wait_over_20min<=0.25");
  EXPECT_EQ(s.kind, TargetKind::share_over);
  EXPECT_DOUBLE_EQ(s.wait, 1200.0);
  EXPECT_DOUBLE_EQ(s.share, 0.25);
  EXPECT_EQ(s.text(), "share_wait_over_20min<=25%");

  const ServiceTarget p = parse_target("prob_wait<=0.5");
  EXPECT_EQ(p.kind, TargetKind::prob_wait);
  EXPECT_EQ(p.measure(0.0, false), 0.0);
  EXPECT_EQ(p.measure(0.1, false), 1.0);

  EXPECT_EQ(parse_target("p95_wait<=0.5h").text(), "p95_wait<=30min");
  EXPECT_EQ(parse_target("p90_wait<=15min").sentence(),
            "90% of visitors wait at most 15 min, in every period");
}

TEST(ParseTarget, BadTextNamesTheProblemAndTheAcceptedForms) {
  auto message = [](const std::string& text) {
    try {
      parse_target(text);
    } catch (const TargetError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  const std::string no_op = message("p90_wait<15min");
  EXPECT_NE(no_op.find("\"p90_wait<15min\""), std::string::npos) << no_op;
  EXPECT_NE(no_op.find("no \"<=\""), std::string::npos) << no_op;
  EXPECT_NE(no_op.find("Accepted forms"), std::string::npos) << no_op;
  EXPECT_NE(no_op.find("p90_wait<=15min"), std::string::npos) << no_op;
  EXPECT_NE(no_op.find("abandonment<=S"), std::string::npos) << no_op;
  EXPECT_NE(message("p100_wait<=15min").find("between 0 and 100"), std::string::npos);
  EXPECT_NE(message("prob_wait<=1.5").find("\"1.5\" is not a share"), std::string::npos);
  EXPECT_NE(message("mean_wait<=15").find("\"15\" is not a duration"), std::string::npos);
  EXPECT_NE(message("median<=15min").find("\"median\" is not a measure"), std::string::npos);
  EXPECT_NE(message("abandonment<=0").find("above zero"), std::string::npos);
}

TEST(ErlangStaffing, IsTheSmallestCountWhoseErlangCMeetsTheTarget) {
  // 24 visitors an hour, 10-minute services: 4 erlangs.
  const double lambda = 24.0 / 3600.0, es = 600.0;
  const ServiceTarget t = parse_target("p80_wait<=5min");
  const int c = erlang_staffing(t, lambda, es);
  // By hand: C(6, 4) = 0.2848, P(W > 5 min) = 0.2848 exp(-(6 - 4) / 2) = 0.105 <= 0.2, while
  // with 5 counters C(5, 4) = 0.5541 and 0.5541 exp(-1/2) = 0.336 > 0.2.
  EXPECT_EQ(c, 6);
  EXPECT_NEAR(MmcQueue(lambda, 1.0 / es, 6).prob_wait_exceeds(300.0), 0.1048, 5e-4);
  EXPECT_NEAR(MmcQueue(lambda, 1.0 / es, 5).prob_wait_exceeds(300.0), 0.3361, 5e-4);

  const ServiceTarget pw = parse_target("prob_wait<=0.3");
  const int d = erlang_staffing(pw, lambda, es);
  EXPECT_LE(erlang_c(d, 4.0), 0.3);
  EXPECT_GT(erlang_c(d - 1, 4.0), 0.3);

  // Abandonment: C theta / (c mu - lambda + theta) with a 20-minute mean patience.
  const ServiceTarget ab = parse_target("abandonment<=5%");
  const int e = erlang_staffing(ab, lambda, es, 1200.0);
  auto share = [&](int n) { return erlang_c(n, 4.0) / 1200.0 / (n / es - lambda + 1.0 / 1200.0); };
  EXPECT_LE(share(e), 0.05);
  EXPECT_GT(share(e - 1), 0.05);

  EXPECT_EQ(erlang_staffing(t, 0.0, es), 0);
  EXPECT_THROW(erlang_staffing(t, lambda, 0.0), std::invalid_argument);
}

TEST(OfferedLoad, ConstantDemandFillsUpLikeTheInfiniteServerQueue) {
  // From an empty start, m(t) = lambda E[S] (1 - exp(-t / E[S])) for exponential service.
  const double lambda = 30.0 / 3600.0, es = 900.0;
  const IntegratedSurvival g([es](double x) { return std::exp(-x / es); }, es, 6.0 * 3600.0);
  const std::vector<double> rates(360, lambda);  // six hours in minutes
  const std::vector<double> at{60.0, 900.0, 1800.0, 3600.0, 5.0 * 3600.0};
  const std::vector<double> m = offered_load(rates, 60.0, g, at);
  for (std::size_t i = 0; i < at.size(); ++i) {
    EXPECT_NEAR(m[i], lambda * es * (1.0 - std::exp(-at[i] / es)), 1e-3) << at[i];
  }
}

TEST(OfferedLoad, SinusoidalDemandPeaksLaterByAboutTheMeanService) {
  // lambda(t) = l (1 + a sin(w t)) and exponential service of mean E[S]: the infinite-server
  // load is l E[S] (1 + a sin(w t - phi) / sqrt(1 + (w E[S])^2)) with tan(phi) = w E[S], so
  // its peak comes phi / w after the arrivals' peak: 28.6 minutes for E[S] = 30 min and an
  // 8-hour cycle, a little under E[S].
  const double l = 40.0 / 3600.0, a = 0.6, es = 1800.0, cycle = 8.0 * 3600.0;
  const double w = 2.0 * std::numbers::pi / cycle;
  const double step = 60.0;
  std::vector<double> rates;
  for (int i = 0; i < 4 * 8 * 60; ++i) {
    rates.push_back(l * (1.0 + a * std::sin(w * (i + 0.5) * step)));
  }
  const IntegratedSurvival g([es](double x) { return std::exp(-x / es); }, es, 32.0 * 3600.0);
  // The third cycle, minute by minute: the start-up has died out (e^-32 of it is left).
  std::vector<double> at;
  for (int i = 0; i < 8 * 60; ++i) {
    at.push_back(2.0 * cycle + i * step);
  }
  const std::vector<double> m = offered_load(rates, step, g, at);
  std::size_t peak = 0;
  for (std::size_t i = 1; i < m.size(); ++i) {
    if (m[i] > m[peak]) {
      peak = i;
    }
  }
  const double arrivals_peak = cycle / 4.0;  // sin is largest a quarter cycle in
  const double lag = static_cast<double>(peak) * step - arrivals_peak;
  const double phi = std::atan(w * es);
  // The minute grid and the minute-wise steps of the rate move the peak by at most a minute.
  EXPECT_NEAR(lag, phi / w, 1.5 * step);
  EXPECT_GT(lag, 0.9 * es);
  EXPECT_LT(lag, es);
  EXPECT_NEAR(m[peak], l * es * (1.0 + a / std::sqrt(1.0 + w * es * w * es)), 0.01);
}

TEST(RatioEstimate, PoolsReplicationsWithTheDeltaMethodInterval) {
  // R = 5 / 30; residuals -2/3 and 2/3; sqrt((8/9) / 1 / 2) / 15 = 0.04444; t(0.975, 1) 12.706.
  const std::vector<double> n{10.0, 20.0}, s{1.0, 4.0};
  const Estimate e = ratio_estimate(n, s);
  EXPECT_NEAR(e.mean, 1.0 / 6.0, 1e-12);
  EXPECT_NEAR(e.half_width, 12.7062 * (2.0 / 3.0) / 15.0, 1e-4);
  EXPECT_TRUE(std::isnan(
      ratio_estimate(std::vector<double>{0.0, 0.0}, std::vector<double>{0.0, 0.0}).mean));
}

TEST(ApplyLimits, ShortShiftsRunOnToTheMinimum) {
  StaffingTable t(8, 1);
  const std::vector<int> counts{0, 1, 0, 0, 2, 2, 0, 0};
  for (int p = 0; p < 8; ++p) {
    t.set(p, 0, counts[static_cast<std::size_t>(p)]);
  }
  StaffingLimits limits;
  limits.group_size = {3};
  limits.min_shift_periods = 3;
  // Counter 1's one-period shift runs on to periods 1-3 and meets its 4-5 shift; counter 2's
  // two-period shift (4-5) runs on into period 6.
  const StaffingTable r = apply_limits(t, limits);
  const std::vector<int> expected{0, 1, 1, 1, 2, 2, 2, 0};
  for (int p = 0; p < 8; ++p) {
    EXPECT_EQ(r.at(p, 0), expected[static_cast<std::size_t>(p)]) << p;
  }
  // At the end of the day a shift grows backwards.
  StaffingTable late(8, 1);
  late.set(7, 0, 1);
  const StaffingTable l = apply_limits(late, limits);
  EXPECT_EQ(l.at(4, 0), 0);
  EXPECT_EQ(l.at(5, 0), 1);
  EXPECT_EQ(l.at(7, 0), 1);
  EXPECT_DOUBLE_EQ(l.staff_hours(PeriodGrid{0.0, 4.0 * 3600.0, 1800.0}), 1.5);
}

TEST(ApplyLimits, ClipsToGroupsAndStaffAndRaisesTheLunchFloor) {
  StaffingTable t(2, 2);
  t.set(0, 0, 5);  // more than the group has
  t.set(0, 1, 2);
  StaffingLimits limits;
  limits.group_size = {3, 3};
  limits.max_staff = 4;
  limits.floor_group = 1;
  limits.floor_counters = 1;
  limits.floor_periods = {1};
  const StaffingTable r = apply_limits(t, limits);
  EXPECT_EQ(r.at(0, 0), 2);  // clipped to 3, then the widest group gives one up for the cap
  EXPECT_EQ(r.at(0, 1), 2);
  EXPECT_EQ(r.at(1, 0), 0);
  EXPECT_EQ(r.at(1, 1), 1);  // the lunch floor
}

TEST(IsaStep, ProbabilityTargetTakesTheSmallestCountWithTheTailWithinIt) {
  // Ten replications see L = 0,1,1,2,2,2,3,3,4,5: P(L >= 3) = 0.4, P(L >= 4) = 0.2.
  OccupancySample o(1, 1, 1, 10);
  const std::vector<int> l{0, 1, 1, 2, 2, 2, 3, 3, 4, 5};
  for (int r = 0; r < 10; ++r) {
    o.in_system[o.index(0, 0, 0, r)] = l[static_cast<std::size_t>(r)];
  }
  const std::vector<double> es{600.0};
  EXPECT_EQ(isa_step(o, parse_target("prob_wait<=0.2"), es, 3600.0).at(0, 0), 4);
  EXPECT_EQ(isa_step(o, parse_target("prob_wait<=0.45"), es, 3600.0).at(0, 0), 3);
  // Other targets: Erlang C on the mean load E[L] = 2.3 erlangs.
  const ServiceTarget t = parse_target("p80_wait<=5min");
  EXPECT_EQ(isa_step(o, t, es, 3600.0).at(0, 0), erlang_staffing(t, 2.3 / 600.0, 600.0));
}

/// A stand-in for the model: each cell's share of waits over the target is the M/M/c value
/// for its period's demand, the same in both replications (so the interval is exact).
Evaluator erlang_evaluator(const std::vector<double>& per_hour, double es,
                           const ServiceTarget& target, int* calls) {
  return [per_hour, es, target, calls](const StaffingTable& t) {
    ++*calls;
    TargetSample s(t.periods(), 1, 2);
    for (int p = 0; p < t.periods(); ++p) {
      const int c = t.at(p, 0);
      const double lambda = per_hour[static_cast<std::size_t>(p)] / 3600.0;
      const double share =
          c == 0 ? 1.0 : MmcQueue(lambda, 1.0 / es, c).prob_wait_exceeds(target.wait);
      for (int r = 0; r < 2; ++r) {
        s.n[s.index(p, 0, r)] = 100.0;
        s.sum[s.index(p, 0, r)] = 100.0 * share;
      }
    }
    return s;
  };
}

TEST(LocalSearch, EndsAtTheErlangCountInEveryPeriodFromAboveAndBelow) {
  const std::vector<double> per_hour{6.0, 18.0, 30.0, 42.0, 30.0, 12.0};
  const double es = 600.0;
  const ServiceTarget target = parse_target("p80_wait<=5min");
  StaffingLimits limits;
  limits.group_size = {12};
  int calls = 0;
  const Evaluator eval = erlang_evaluator(per_hour, es, target, &calls);
  for (int start : {0, 12}) {
    calls = 0;
    const SearchResult r = local_search(StaffingTable(6, 1, start), eval, target, limits);
    EXPECT_TRUE(r.meets);
    EXPECT_EQ(r.evaluations, calls);
    for (int p = 0; p < 6; ++p) {
      EXPECT_EQ(r.table.at(p, 0),
                erlang_staffing(target, per_hour[static_cast<std::size_t>(p)] / 3600.0, es))
          << "start " << start << ", period " << p;
    }
  }
}

TEST(LocalSearch, ReportsATargetOutOfReachUnderTheStaffLimit) {
  const std::vector<double> per_hour{42.0, 42.0};  // needs 9 counters
  const ServiceTarget target = parse_target("p80_wait<=5min");
  StaffingLimits limits;
  limits.group_size = {12};
  limits.max_staff = 6;
  int calls = 0;
  const SearchResult r = local_search(
      StaffingTable(2, 1, 3), erlang_evaluator(per_hour, 600.0, target, &calls), target, limits);
  EXPECT_FALSE(r.meets);
  EXPECT_EQ(r.table.at(0, 0), 6);
  EXPECT_EQ(r.table.at(1, 0), 6);
}

TEST(LocalSearch, RemovesNothingThatMakesACellOutOfReachWorse) {
  // Group 0, one counter, misses whatever is done: its share over the wait is 0.5 plus 0.02 for
  // each of group 1's six counters closed when `pooled` (group 1 takes its overflow), with
  // replications 0.3 apart, so the interval is wider than the harm of closing them all. Group
  // 1's own visitors never wait. Closing group 1's counters hurts group 0's visitors exactly
  // when pooled: then all six stay; otherwise none is needed.
  const ServiceTarget target = parse_target("p80_wait<=5min");
  StaffingLimits limits;
  limits.group_size = {1, 6};
  for (const bool pooled : {true, false}) {
    const Evaluator eval = [pooled](const StaffingTable& t) {
      TargetSample s(1, 2, 2);
      const double share = 0.5 + (pooled ? 0.02 * (6 - t.at(0, 1)) : 0.0);
      for (int r = 0; r < 2; ++r) {
        s.n[s.index(0, 0, r)] = 100.0;
        s.sum[s.index(0, 0, r)] = 100.0 * (share + (r == 0 ? -0.15 : 0.15));
        s.n[s.index(0, 1, r)] = 100.0;
        s.sum[s.index(0, 1, r)] = 0.0;
      }
      return s;
    };
    StaffingTable start(1, 2);
    start.set(0, 0, 1);
    start.set(0, 1, 6);
    const SearchResult r = local_search(start, eval, target, limits);
    EXPECT_FALSE(r.meets);
    // The whole harm, 0.12, lies within the half-width 12.7 x 0.15 of group 0's interval.
    ASSERT_GT(r.verdicts[0].value.half_width, 0.12);
    EXPECT_EQ(r.table.at(0, 0), 1);
    EXPECT_EQ(r.table.at(0, 1), pooled ? 6 : 0) << (pooled ? "pooled" : "apart");
  }
}

}  // namespace
}  // namespace hallsim::sim
