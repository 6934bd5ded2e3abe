// Distributions: sample moments and probabilities against the parameters, and the
// messages for bad parameters.

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <numbers>
#include <stdexcept>
#include <string>
#include <vector>

#include "hallsim/sim/random.hpp"

namespace hallsim::sim {
namespace {

// Tolerances are kZ standard errors. For a normal statistic a two-sided 4-SE miss has
// probability 6e-5, so the ~80 checks of this file together misfire for an arbitrary seed
// well under 1% of the time; a wrong parameterisation (rate for mean, sigma for variance,
// cv of the log for cv of the value) misses by tens of standard errors.
constexpr double kZ = 4.0;
constexpr int kBatches = 100;
constexpr int kPerBatch = 2000;
constexpr double kDraws = static_cast<double>(kBatches) * kPerBatch;

/// Draws kBatches x kPerBatch values. The grand mean is checked against `mean` within
/// kZ sigma / sqrt(n) with the true sigma. The variance is checked through the batches:
/// each batch's sample variance is unbiased for sigma^2, and the spread of the 100 batch
/// variances gives the standard error of their average (no fourth moment needed).
template <class D>
void expect_moments(const D& dist, RandomStream rng, double mean, double variance) {
  double total = 0.0;
  std::vector<double> batch_variances;
  std::vector<double> batch(kPerBatch);
  for (int b = 0; b < kBatches; ++b) {
    double batch_sum = 0.0;
    for (double& x : batch) {
      x = static_cast<double>(dist(rng));
      batch_sum += x;
    }
    const double batch_mean = batch_sum / kPerBatch;
    double ss = 0.0;
    for (const double x : batch) {
      ss += (x - batch_mean) * (x - batch_mean);
    }
    batch_variances.push_back(ss / (kPerBatch - 1));
    total += batch_sum;
  }
  EXPECT_NEAR(total / kDraws, mean, kZ * std::sqrt(variance / kDraws)) << "sample mean";

  double v_mean = 0.0;
  for (const double v : batch_variances) {
    v_mean += v;
  }
  v_mean /= kBatches;
  double v_ss = 0.0;
  for (const double v : batch_variances) {
    v_ss += (v - v_mean) * (v - v_mean);
  }
  const double v_se = std::sqrt(v_ss / (kBatches - 1) / kBatches);
  EXPECT_NEAR(v_mean, variance, kZ * v_se) << "sample variance";

  EXPECT_NEAR(dist.mean(), mean, 1e-12 * std::abs(mean)) << "mean()";
  EXPECT_NEAR(dist.variance(), variance, 1e-12 * variance) << "variance()";
}

/// Fraction of n draws with `event` against probability p, within kZ binomial SEs.
template <class D>
void expect_probability(const D& dist, RandomStream rng, const std::function<bool(double)>& event,
                        double p, int n = 200000) {
  int hits = 0;
  for (int i = 0; i < n; ++i) {
    hits += event(static_cast<double>(dist(rng))) ? 1 : 0;
  }
  EXPECT_NEAR(static_cast<double>(hits) / n, p, kZ * std::sqrt(p * (1.0 - p) / n));
}

/// Runs `make` and expects std::invalid_argument whose message holds every fragment.
void expect_rejected(const std::function<void()>& make, const std::vector<std::string>& fragments) {
  try {
    make();
    ADD_FAILURE() << "no exception";
  } catch (const std::invalid_argument& e) {
    const std::string message = e.what();
    for (const std::string& f : fragments) {
      EXPECT_NE(message.find(f), std::string::npos) << "'" << f << "' missing from: " << message;
    }
  }
}

RandomStream stream(const char* name) {
  return RandomSource(20240601).stream(name);
}

RandomStream stream_for_pin() {
  return RandomSource(1).stream("pin");
}

TEST(Deterministic, AlwaysGivesItsValue) {
  RandomStream rng = stream("det");
  const Deterministic d(2.5);
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(d(rng), 2.5);
  }
  EXPECT_EQ(d.variance(), 0.0);
}

TEST(Distributions, FirstDrawsMatchAnIndependentReference) {
  // Computed by the Python reference of docs/statistics.md for the stream (1, "pin") with the
  // formulas of the table there: -m log U_open; mean + sd sqrt(-2 log U_open) cos(2 pi U);
  // Poisson(3.5) by sequential search. Saved scenarios replay only while these hold.
  const std::array<double, 3> exponential = {0x1.63702304f36c3p+3, 0x1.2341ef20222abp+2,
                                             0x1.528265c61af8bp+0};
  RandomStream a = stream_for_pin();
  for (const double want : exponential) {
    EXPECT_DOUBLE_EQ(Exponential(3.0)(a), want);
  }
  const std::array<double, 3> normal = {0x1.614dca50be658p+3, 0x1.7aecf13a5e365p+3,
                                        0x1.9d73b380e61c9p+2};
  RandomStream b = stream_for_pin();
  for (const double want : normal) {
    EXPECT_DOUBLE_EQ(Normal(10.0, 2.0)(b), want);
  }
  const std::array<std::int64_t, 8> poisson = {0, 2, 4, 1, 2, 3, 3, 3};
  RandomStream c = stream_for_pin();
  for (const std::int64_t want : poisson) {
    EXPECT_EQ(Poisson(3.5)(c), want);
  }
}

TEST(Exponential, SampleMomentsMatchTheMean) {
  expect_moments(Exponential(3.0), stream("exp"), 3.0, 9.0);
  // P(X > mean) = e^-1.
  expect_probability(
      Exponential(3.0), stream("exp-tail"), [](double x) { return x > 3.0; }, std::exp(-1.0));
}

TEST(Uniform, SampleMomentsMatchTheBounds) {
  expect_moments(Uniform(2.0, 5.0), stream("uni"), 3.5, 9.0 / 12.0);
}

TEST(Triangular, SampleMomentsAndModeProbabilityMatch) {
  // (1, 2, 6): mean 9/3, variance (1 + 4 + 36 - 2 - 6 - 12) / 18 = 21/18.
  expect_moments(Triangular(1.0, 2.0, 6.0), stream("tri"), 3.0, 21.0 / 18.0);
  // P(X <= mode) = (mode - low) / (high - low) = 1/5.
  expect_probability(
      Triangular(1.0, 2.0, 6.0), stream("tri-mode"), [](double x) { return x <= 2.0; }, 0.2);
  // Mode at an end: the density is a ramp, P(X <= 3) = 1 - (1 - 1/2)^2 = 3/4 on [1, 5].
  expect_probability(
      Triangular(1.0, 1.0, 5.0), stream("tri-ramp"), [](double x) { return x <= 3.0; }, 0.75);
}

TEST(Normal, SampleMomentsAndOneSigmaProbabilityMatch) {
  expect_moments(Normal(10.0, 2.0), stream("norm"), 10.0, 4.0);
  // P(X <= mean + sigma) = Phi(1) = 0.841344746.
  expect_probability(
      Normal(10.0, 2.0), stream("norm-cdf"), [](double x) { return x <= 12.0; },
      0.5 * std::erfc(-1.0 / std::numbers::sqrt2));
}

TEST(Normal, UsesExactlyTwoDrawsPerValue) {
  // No cached second value: a stream used by Normal stays in step with one that was
  // advanced by two raw draws per value, whatever other distributions do in between.
  RandomStream a = stream("two");
  RandomStream b = stream("two");
  const Normal n(0.0, 1.0);
  for (int i = 0; i < 5; ++i) {
    n(a);
  }
  for (int i = 0; i < 10; ++i) {
    b.next_u64();
  }
  EXPECT_EQ(a.state(), b.state());
}

TEST(LogNormal, SampleMomentsMatchMeanAndCv) {
  // Variance = (mean cv)^2.
  expect_moments(LogNormal(5.0, 0.5), stream("ln1"), 5.0, 6.25);
  expect_moments(LogNormal(2.0, 1.0), stream("ln2"), 2.0, 4.0);
  // The median is exp(mu) = mean / sqrt(1 + cv^2).
  const LogNormal d(5.0, 0.5);
  EXPECT_NEAR(std::exp(d.log_mu()), 5.0 / std::sqrt(1.25), 1e-12);
  EXPECT_NEAR(d.log_sigma(), std::sqrt(std::log(1.25)), 1e-15);
  expect_probability(
      d, stream("ln-median"), [](double x) { return x <= 5.0 / std::sqrt(1.25); }, 0.5);
}

TEST(Gamma, SampleMomentsMatchForCvBelowOne) {
  // cv 0.5: shape 4, scale 1.
  const Gamma d(4.0, 0.5);
  EXPECT_DOUBLE_EQ(d.shape(), 4.0);
  EXPECT_DOUBLE_EQ(d.scale(), 1.0);
  expect_moments(d, stream("gam1"), 4.0, 4.0);
  // Shape 4, scale 1 is Erlang-4: P(X <= 4) = 1 - e^-4 (1 + 4 + 16/2 + 64/6).
  expect_probability(
      d, stream("gam1-cdf"), [](double x) { return x <= 4.0; },
      1.0 - std::exp(-4.0) * (1.0 + 4.0 + 8.0 + 64.0 / 6.0));
}

TEST(Gamma, SampleMomentsMatchForCvAboveOne) {
  // cv 2: shape 1/4 < 1 takes the U^(1/shape) boost; variance (4 * 2)^2 = 64.
  const Gamma d(4.0, 2.0);
  EXPECT_DOUBLE_EQ(d.shape(), 0.25);
  EXPECT_DOUBLE_EQ(d.scale(), 16.0);
  expect_moments(d, stream("gam2"), 4.0, 64.0);
}

TEST(Gamma, CvOneIsTheExponential) {
  expect_probability(
      Gamma(2.0, 1.0), stream("gam-exp"), [](double x) { return x > 2.0; }, std::exp(-1.0));
}

TEST(Erlang, SampleMomentsAndCdfMatch) {
  // k = 3, mean 6: variance 36 / 3 = 12; phase rate 1/2, so P(X <= 6) = 1 - e^-3 (1 + 3 + 9/2).
  expect_moments(Erlang(3, 6.0), stream("erl"), 6.0, 12.0);
  expect_probability(
      Erlang(3, 6.0), stream("erl-cdf"), [](double x) { return x <= 6.0; },
      1.0 - std::exp(-3.0) * 8.5);
}

TEST(Bernoulli, SuccessFrequencyMatchesP) {
  expect_moments(Bernoulli(0.3), stream("bern"), 0.3, 0.21);
  RandomStream rng = stream("bern-ends");
  for (int i = 0; i < 1000; ++i) {
    EXPECT_FALSE(Bernoulli(0.0)(rng));
    EXPECT_TRUE(Bernoulli(1.0)(rng));
  }
}

double poisson_pmf(double mean, std::int64_t k) {
  return std::exp(-mean + static_cast<double>(k) * std::log(mean) -
                  std::lgamma(static_cast<double>(k) + 1.0));
}

/// Frequencies of the values mean - 2 sd .. mean + 2 sd against the probability mass function.
void expect_poisson_pmf(double mean, RandomStream rng) {
  const Poisson d(mean);
  constexpr int kN = 200000;
  std::map<std::int64_t, int> hits;
  for (int i = 0; i < kN; ++i) {
    ++hits[d(rng)];
  }
  const auto lo = static_cast<std::int64_t>(std::max(0.0, mean - 2.0 * std::sqrt(mean)));
  const auto hi = static_cast<std::int64_t>(mean + 2.0 * std::sqrt(mean));
  for (std::int64_t k = lo; k <= hi; ++k) {
    const double p = poisson_pmf(mean, k);
    // Up to ~130 cells across the checks: 4.5 SEs keep their joint false alarm below 1e-3.
    EXPECT_NEAR(static_cast<double>(hits[k]) / kN, p, 4.5 * std::sqrt(p * (1.0 - p) / kN))
        << "mean " << mean << ", k = " << k;
  }
}

TEST(Poisson, SmallMeanByInversionMatchesMomentsAndPmf) {
  expect_moments(Poisson(3.5), stream("poi-small"), 3.5, 3.5);
  expect_poisson_pmf(3.5, stream("poi-small-pmf"));
}

TEST(Poisson, LargeMeanByTransformedRejectionMatchesMomentsAndPmf) {
  expect_moments(Poisson(10.0), stream("poi-10"), 10.0, 10.0);
  expect_moments(Poisson(25.0), stream("poi-25"), 25.0, 25.0);
  expect_moments(Poisson(1000.0), stream("poi-1000"), 1000.0, 1000.0);
  expect_poisson_pmf(25.0, stream("poi-25-pmf"));
  expect_poisson_pmf(1000.0, stream("poi-1000-pmf"));
}

TEST(Poisson, ZeroMeanGivesZero) {
  RandomStream rng = stream("poi-0");
  for (int i = 0; i < 100; ++i) {
    EXPECT_EQ(Poisson(0.0)(rng), 0);
  }
}

TEST(EmpiricalDiscrete, FrequenciesFollowTheWeights) {
  // Weights 1:1:2 -> probabilities 1/4, 1/4, 1/2; mean 0.25 + 0.5 + 2.5 = 3.25,
  // E[X^2] = 0.25 + 1 + 12.5 = 13.75, variance 13.75 - 3.25^2 = 3.1875.
  const EmpiricalDiscrete d({1.0, 2.0, 5.0}, {1.0, 1.0, 2.0});
  EXPECT_DOUBLE_EQ(d.probability(2), 0.5);
  expect_moments(d, stream("ed"), 3.25, 3.1875);
  expect_probability(
      d, stream("ed-5"), [](double x) { return x == 5.0; }, 0.5);
  expect_probability(
      d, stream("ed-1"), [](double x) { return x == 1.0; }, 0.25);
}

TEST(EmpiricalDiscrete, NeverDrawsAZeroWeight) {
  const EmpiricalDiscrete d({1.0, 2.0, 3.0, 4.0}, {0.0, 3.0, 0.0, 1.0});
  RandomStream rng = stream("ed-zero");
  for (int i = 0; i < 20000; ++i) {
    const std::size_t k = d.draw_index(rng);
    ASSERT_TRUE(k == 1 || k == 3) << k;
  }
}

TEST(EmpiricalContinuous, InterpolatesBetweenSortedObservations) {
  // Data {4, 1, 2} sorted {1, 2, 4}: gaps [1, 2] and [2, 4], each with probability 1/2 and
  // uniform inside. Mean (1.5 + 3) / 2 = 2.25; E[X^2] = ((1 + 2 + 4) / 3 + (4 + 8 + 16) / 3) / 2
  // = 35/6; variance 35/6 - 2.25^2 = 0.7708333.
  const EmpiricalContinuous d({4.0, 1.0, 2.0});
  EXPECT_EQ(d.sorted_data(), (std::vector<double>{1.0, 2.0, 4.0}));
  expect_moments(d, stream("ec"), 2.25, 35.0 / 6.0 - 2.25 * 2.25);
  expect_probability(
      d, stream("ec-half"), [](double x) { return x <= 2.0; }, 0.5);
  // Inside a gap the density is flat: P(X <= 3) = 1/2 + 1/2 * (3 - 2) / (4 - 2).
  expect_probability(
      d, stream("ec-3"), [](double x) { return x <= 3.0; }, 0.75);
  RandomStream rng = stream("ec-range");
  for (int i = 0; i < 10000; ++i) {
    const double x = d(rng);
    ASSERT_GE(x, 1.0);
    ASSERT_LE(x, 4.0);
  }
}

TEST(Distribution, WrapsAnAlternativeWithoutChangingItsNumbers) {
  const Distribution any = Gamma(3.0, 0.7);
  const Gamma direct(3.0, 0.7);
  RandomStream a = stream("variant");
  RandomStream b = stream("variant");
  for (int i = 0; i < 1000; ++i) {
    ASSERT_EQ(any(a), direct(b));
  }
  EXPECT_DOUBLE_EQ(any.mean(), 3.0);
  EXPECT_DOUBLE_EQ(any.variance(), 3.0 * 3.0 * 0.49);
}

TEST(PiecewisePoissonArrivals, CountsPerIntervalArePoissonWithTheIntegratedRate) {
  // 0.5 per minute for an hour, then 2 per minute for an hour, then closed for an hour:
  // counts are Poisson(30) and Poisson(120), none after 120.
  const PiecewisePoissonArrivals arrivals({0.0, 60.0, 120.0, 180.0}, {0.5, 2.0, 0.0});
  EXPECT_DOUBLE_EQ(arrivals.expected_count(0.0, 180.0), 150.0);
  EXPECT_DOUBLE_EQ(arrivals.expected_count(30.0, 90.0), 15.0 + 60.0);
  constexpr int kDays = 4000;
  RandomStream rng = stream("nhpp");
  double first_sum = 0.0;
  double second_sum = 0.0;
  double second_sq = 0.0;
  for (int day = 0; day < kDays; ++day) {
    int first = 0;
    int second = 0;
    double last = -1.0;
    for (double t = arrivals.next_after(0.0, rng); t < 1e300; t = arrivals.next_after(t, rng)) {
      ASSERT_GT(t, last);
      ASSERT_LT(t, 120.0);
      (t < 60.0 ? first : second) += 1;
      last = t;
    }
    first_sum += first;
    second_sum += second;
    second_sq += static_cast<double>(second) * second;
  }
  EXPECT_NEAR(first_sum / kDays, 30.0, kZ * std::sqrt(30.0 / kDays));
  EXPECT_NEAR(second_sum / kDays, 120.0, kZ * std::sqrt(120.0 / kDays));
  // Poisson: variance equals the mean. Var of the sample variance ~ (mu4 - sigma^4) / n with
  // mu4 = m + 3 m^2 for a Poisson(m), so its SE is sqrt((m + 2 m^2) / n).
  const double m = second_sum / kDays;
  const double var = (second_sq - kDays * m * m) / (kDays - 1);
  EXPECT_NEAR(var, 120.0, kZ * std::sqrt((120.0 + 2.0 * 120.0 * 120.0) / kDays));
}

TEST(Distributions, RejectBadParametersWithTheBadValue) {
  expect_rejected([] { Exponential(-1.0); }, {"Exponential", "mean", "-1"});
  expect_rejected([] { Exponential(0.0); }, {"Exponential", "positive"});
  expect_rejected([] { Uniform(3.0, 2.0); }, {"Uniform", "low <= high", "3", "2"});
  expect_rejected([] { Triangular(1.0, 7.0, 6.0); }, {"Triangular", "mode", "7"});
  expect_rejected([] { Normal(0.0, -2.0); }, {"Normal", "stddev", "-2"});
  expect_rejected([] { LogNormal(5.0, 0.0); }, {"LogNormal", "coefficient of variation", "0"});
  expect_rejected([] { LogNormal(-5.0, 1.0); }, {"LogNormal", "mean", "-5"});
  expect_rejected([] { Gamma(1.0, 0.0); }, {"Gamma", "coefficient of variation", "Deterministic"});
  expect_rejected([] { Gamma(std::nan(""), 1.0); }, {"Gamma", "mean"});
  expect_rejected([] { Erlang(0, 1.0); }, {"Erlang", "k", "0"});
  expect_rejected([] { Bernoulli(1.5); }, {"Bernoulli", "[0, 1]", "1.5"});
  expect_rejected([] { Poisson(-0.5); }, {"Poisson", "mean", "-0.5"});
  expect_rejected([] { EmpiricalDiscrete({}, {}); }, {"EmpiricalDiscrete", "at least one"});
  expect_rejected(
      [] {
        EmpiricalDiscrete({1.0, 2.0}, {1.0});
      },
      {"EmpiricalDiscrete", "2 values", "1 weights"});
  expect_rejected(
      [] {
        EmpiricalDiscrete({1.0, 2.0}, {1.0, -1.0});
      },
      {"EmpiricalDiscrete", "weight 1", "-1"});
  expect_rejected([] { EmpiricalDiscrete({1.0, 2.0}, {0.0, 0.0}); }, {"all be zero"});
  expect_rejected([] { EmpiricalContinuous({}); }, {"EmpiricalContinuous", "at least one"});
  expect_rejected([] { EmpiricalContinuous({1.0, INFINITY}); }, {"observation 1", "not finite"});
  expect_rejected(
      [] {
        PiecewisePoissonArrivals({0.0, 60.0}, {1.0, 2.0});
      },
      {"2 breakpoints need 1 rates, got 2"});
  expect_rejected(
      [] {
        PiecewisePoissonArrivals({0.0, 60.0, 30.0}, {1.0, 2.0});
      },
      {"strictly increasing", "breakpoint 2", "30"});
  expect_rejected([] { PiecewisePoissonArrivals({0.0, 60.0}, {-1.0}); }, {"rate 0", "-1"});
}

}  // namespace
}  // namespace hallsim::sim
