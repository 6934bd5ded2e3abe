// Statistics against numbers computed by hand (and, for quantiles, Python's
// statistics.quantiles(method="inclusive"), which is type 7).

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "hallsim/sim/random.hpp"
#include "hallsim/sim/stats.hpp"

namespace hallsim::sim {
namespace {

TEST(Tally, WelfordGivesTheTextbookMeanAndSampleVariance) {
  Tally t;
  for (const double x : {2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0}) {
    t.add(x);
  }
  EXPECT_EQ(t.count(), 8U);
  EXPECT_DOUBLE_EQ(t.mean(), 5.0);
  // Squared deviations 9 + 1 + 1 + 1 + 0 + 0 + 4 + 16 = 32, over n - 1 = 7.
  EXPECT_DOUBLE_EQ(t.variance(), 32.0 / 7.0);
  EXPECT_DOUBLE_EQ(t.stddev(), std::sqrt(32.0 / 7.0));
  EXPECT_EQ(t.min(), 2.0);
  EXPECT_EQ(t.max(), 9.0);
  EXPECT_DOUBLE_EQ(t.sum(), 40.0);
}

TEST(Tally, StaysAccurateFarFromZero) {
  // The naive sum-of-squares formula loses every digit here; Welford keeps them.
  Tally t;
  for (const double x : {1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16}) {
    t.add(x);
  }
  EXPECT_DOUBLE_EQ(t.mean(), 1e9 + 10);
  EXPECT_NEAR(t.variance(), 30.0, 1e-6);  // (36 + 9 + 9 + 36) / 3
}

TEST(Tally, MergingTwoHalvesEqualsTallyingTheWhole) {
  Tally whole;
  Tally a;
  Tally b;
  RandomStream rng = RandomSource(1).stream("tally");
  for (int i = 0; i < 1000; ++i) {
    const double x = 100.0 + rng.uniform01();
    whole.add(x);
    (i < 300 ? a : b).add(x);
  }
  a.merge(b);
  EXPECT_EQ(a.count(), whole.count());
  EXPECT_NEAR(a.mean(), whole.mean(), 1e-12);
  EXPECT_NEAR(a.variance(), whole.variance(), 1e-12);
  EXPECT_EQ(a.min(), whole.min());
  EXPECT_EQ(a.max(), whole.max());
}

TEST(Tally, HasNoMeanWithoutDataAndNoVarianceWithOneValue) {
  Tally t;
  EXPECT_TRUE(std::isnan(t.mean()));
  EXPECT_TRUE(std::isnan(t.min()));
  t.add(3.0);
  EXPECT_EQ(t.mean(), 3.0);
  EXPECT_TRUE(std::isnan(t.variance()));
}

TEST(TimeWeighted, AveragesAPiecewiseConstantQueueByHand) {
  // 0 on [0, 2), 3 on [2, 5), 1 on [5, 10]: area 0 + 9 + 5 = 14 over 10.
  TimeWeighted q;
  q.set(2.0, 3.0);
  q.set(5.0, 1.0);
  EXPECT_DOUBLE_EQ(q.area(10.0), 14.0);
  EXPECT_DOUBLE_EQ(q.mean(10.0), 1.4);
  EXPECT_DOUBLE_EQ(q.mean(5.0), 9.0 / 5.0);
  EXPECT_EQ(q.max(), 3.0);
  EXPECT_EQ(q.current(), 1.0);
}

TEST(TimeWeighted, StartsAtItsStartTimeAndInitialValue) {
  // Busy servers: 2 from t = 100, +1 at 104, -2 at 106; mean over [100, 110] =
  // (2 * 4 + 3 * 2 + 1 * 4) / 10 = 1.8.
  TimeWeighted busy(100.0, 2.0);
  EXPECT_EQ(busy.mean(100.0), 2.0);
  busy.add(104.0, 1.0);
  busy.add(106.0, -2.0);
  EXPECT_DOUBLE_EQ(busy.mean(110.0), 1.8);
}

TEST(TimeWeighted, RestartDeletesTheWarmUp) {
  // 10 on [0, 50) is warm-up; restart at 50 keeps the current value 4 and averages
  // 4 on [50, 60), 0 on [60, 70]: 40 / 20 = 2.
  TimeWeighted q(0.0, 10.0);
  q.set(30.0, 4.0);
  q.restart(50.0);
  q.set(60.0, 0.0);
  EXPECT_DOUBLE_EQ(q.mean(70.0), 2.0);
  EXPECT_EQ(q.max(), 4.0);
  EXPECT_EQ(q.start_time(), 50.0);
}

TEST(Quantiles, MatchType7ComputedByHand) {
  // Sorted {15, 20, 35, 40, 50}, h = 4p: p = 0.4 -> h = 1.6 -> 20 + 0.6 * 15 = 29;
  // p = 0.05 -> h = 0.2 -> 15 + 0.2 * 5 = 16 (Python: quantiles(method="inclusive")).
  Quantiles q;
  for (const double x : {50.0, 15.0, 40.0, 20.0, 35.0}) {
    q.add(x);
  }
  EXPECT_EQ(q.count(), 5U);
  EXPECT_DOUBLE_EQ(q.quantile(0.4), 29.0);
  EXPECT_DOUBLE_EQ(q.quantile(0.05), 16.0);
  EXPECT_DOUBLE_EQ(q.quantile(0.5), 35.0);
  EXPECT_DOUBLE_EQ(q.quantile(0.0), 15.0);
  EXPECT_DOUBLE_EQ(q.quantile(1.0), 50.0);
  const std::vector<double> deciles = {0.1, 0.2, 0.3, 0.7, 0.9};
  const std::vector<double> expected = {17.0, 19.0, 23.0, 39.0, 46.0};
  const std::vector<double> got = q.quantiles(deciles);
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_NEAR(got[i], expected[i], 1e-12);
  }
  EXPECT_DOUBLE_EQ(q.fraction_at_most(35.0), 0.6);
}

TEST(Quantiles, OfNothingIsNaNAndOfOneValueIsThatValue) {
  Quantiles q;
  EXPECT_TRUE(std::isnan(q.quantile(0.5)));
  q.add(7.0);
  EXPECT_EQ(q.quantile(0.9), 7.0);
}

TEST(Quantiles, RejectAProbabilityOutsideTheUnitInterval) {
  Quantiles q;
  q.add(1.0);
  EXPECT_THROW(q.quantile(1.2), std::invalid_argument);
  EXPECT_THROW(q.quantile(-0.1), std::invalid_argument);
}

TEST(Histogram, CountsBinsUnderflowAndOverflow) {
  // [0, 10) in 5 bins of width 2; 10 itself is overflow.
  Histogram h(0.0, 10.0, 5);
  for (const double x : {-1.0, 0.0, 1.99, 2.0, 9.999, 10.0, 15.0}) {
    h.add(x);
  }
  EXPECT_EQ(h.underflow(), 1U);
  EXPECT_EQ(h.bin_count(0), 2U);
  EXPECT_EQ(h.bin_count(1), 1U);
  EXPECT_EQ(h.bin_count(2), 0U);
  EXPECT_EQ(h.bin_count(4), 1U);
  EXPECT_EQ(h.overflow(), 2U);
  EXPECT_EQ(h.total(), 7U);
  EXPECT_DOUBLE_EQ(h.bin_low(3), 6.0);
  EXPECT_DOUBLE_EQ(h.bin_high(3), 8.0);
  EXPECT_EQ(h.bin_high(4), 10.0);
}

TEST(Histogram, RejectsAnEmptyRange) {
  EXPECT_THROW(Histogram(5.0, 5.0, 3), std::invalid_argument);
  EXPECT_THROW(Histogram(0.0, 1.0, 0), std::invalid_argument);
}

TEST(StudentT, QuantilesMatchTheTables) {
  EXPECT_NEAR(student_t_quantile(0.95, 9), 2.262157, 1e-6);
  EXPECT_NEAR(student_t_quantile(0.95, 1), 12.706205, 1e-6);
  EXPECT_NEAR(student_t_quantile(0.99, 4), 4.604095, 1e-6);
  EXPECT_NEAR(student_t_quantile(0.95, 4), 2.776445, 1e-6);
  EXPECT_NEAR(student_t_quantile(0.95, 100000), 1.959987, 1e-5);  // tends to the normal's
  EXPECT_THROW(student_t_quantile(0.95, 0), std::invalid_argument);
  EXPECT_THROW(student_t_quantile(1.0, 5), std::invalid_argument);
}

TEST(Replications, IntervalIsTTimesStandardError) {
  // {10, 12, 11, 13, 9}: mean 11, s^2 = 10 / 4 = 2.5; half-width t(0.975, 4) sqrt(2.5 / 5).
  Replications r;
  for (const double x : {10.0, 12.0, 11.0, 13.0, 9.0}) {
    r.add(x);
  }
  const Estimate e = r.estimate();
  EXPECT_EQ(e.n, 5U);
  EXPECT_DOUBLE_EQ(e.mean, 11.0);
  EXPECT_NEAR(e.half_width, 2.776445 * std::sqrt(0.5), 1e-6);
  EXPECT_TRUE(e.contains(12.9));
  EXPECT_FALSE(e.contains(13.0));
  const Estimate e99 = r.estimate(0.99);
  EXPECT_NEAR(e99.half_width, 4.604095 * std::sqrt(0.5), 1e-6);
}

TEST(Replications, SingleReplicationHasZeroHalfWidth) {
  Replications r;
  r.add(4.0);
  EXPECT_EQ(r.estimate().half_width, 0.0);
  EXPECT_EQ(r.estimate().mean, 4.0);
}

TEST(Replications, NinetyFivePercentIntervalsCoverTheMeanNinetyFivePercentOfTheTime) {
  // 4000 experiments of 5 normal replications each. Coverage is binomial(4000, 0.95):
  // SE 0.0034, so 4 SEs allow 0.936..0.964. A normal-quantile interval (1.96 instead of
  // 2.776) would cover only about 88% and fail.
  RandomStream rng = RandomSource(77).stream("coverage");
  const Normal n(3.0, 2.0);
  constexpr int kExperiments = 4000;
  int covered = 0;
  for (int k = 0; k < kExperiments; ++k) {
    Replications r;
    for (int i = 0; i < 5; ++i) {
      r.add(n(rng));
    }
    covered += r.estimate().contains(3.0) ? 1 : 0;
  }
  EXPECT_NEAR(static_cast<double>(covered) / kExperiments, 0.95,
              4.0 * std::sqrt(0.95 * 0.05 / kExperiments));
}

TEST(BatchMeans, CutsTheSeriesIntoEqualConsecutiveBatches) {
  // 1..22 in 4 batches of 5 (21 and 22 dropped): means 3, 8, 13, 18; their s^2 = 125/3;
  // half-width t(0.975, 3) sqrt(125/3) / 2.
  std::vector<double> series;
  for (int i = 1; i <= 22; ++i) {
    series.push_back(i);
  }
  EXPECT_EQ(batch_mean_values(series, 4), (std::vector<double>{3.0, 8.0, 13.0, 18.0}));
  const Estimate e = batch_means(series, 4);
  EXPECT_EQ(e.n, 4U);
  EXPECT_DOUBLE_EQ(e.mean, 10.5);
  EXPECT_NEAR(e.half_width, 3.182446 * std::sqrt(125.0 / 3.0) / 2.0, 1e-5);
  EXPECT_THROW(batch_means(series, 23), std::invalid_argument);
  EXPECT_THROW(batch_means(series, 0), std::invalid_argument);
}

TEST(BatchMeans, Lag1AutocorrelationByHand) {
  // {1, 2, 3, 4}: deviations -1.5, -0.5, 0.5, 1.5; sum of products of neighbours
  // 0.75 - 0.25 + 0.75 = 1.25 over the sum of squares 5.
  EXPECT_DOUBLE_EQ(lag1_autocorrelation(std::vector<double>{1, 2, 3, 4}), 0.25);
  EXPECT_TRUE(std::isnan(lag1_autocorrelation(std::vector<double>{1, 1, 1})));
}

TEST(PairedDifference, IntervalOfTheDifferences) {
  // a - b = {1, 2, 1}: mean 4/3, s^2 = 1/3, half-width t(0.975, 2) sqrt(1/3) / sqrt(3) = t / 3.
  const std::vector<double> a = {5, 7, 6};
  const std::vector<double> b = {4, 5, 5};
  const Estimate d = paired_difference(a, b);
  EXPECT_DOUBLE_EQ(d.mean, 4.0 / 3.0);
  EXPECT_NEAR(d.half_width, 4.302653 / 3.0, 1e-6);
  EXPECT_THROW(paired_difference(a, std::vector<double>{1.0}), std::invalid_argument);
}

TEST(PairedDifference, CommonRandomNumbersNarrowTheComparison) {
  // Two "scenarios" that differ by a constant 0.1 draw the same noise from the same stream
  // name: the paired interval is exactly 0.1 with no width, while independent streams give
  // an interval much wider than the difference itself.
  const RandomSource source(5);
  std::vector<double> base;
  std::vector<double> better_common;
  std::vector<double> better_independent;
  for (std::uint64_t rep = 0; rep < 20; ++rep) {
    RandomStream s1 = source.stream("visitors", rep);
    RandomStream s2 = source.stream("visitors", rep);
    RandomStream s3 = source.stream("other", rep);
    base.push_back(Exponential(5.0)(s1));
    better_common.push_back(Exponential(5.0)(s2) - 0.1);
    better_independent.push_back(Exponential(5.0)(s3) - 0.1);
  }
  const Estimate common = paired_difference(base, better_common);
  EXPECT_NEAR(common.mean, 0.1, 1e-12);
  EXPECT_NEAR(common.half_width, 0.0, 1e-12);
  EXPECT_GT(paired_difference(base, better_independent).half_width, 1.0);
}

}  // namespace
}  // namespace hallsim::sim
