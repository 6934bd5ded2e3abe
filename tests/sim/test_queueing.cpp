// Queueing formulas against textbook cases worked by hand.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

#include "hallsim/sim/queueing.hpp"

namespace hallsim::sim {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(ErlangB, TwoServersOneErlangByHand) {
  // B = (A^2 / 2!) / (1 + A + A^2 / 2!) = 0.5 / 2.5.
  EXPECT_DOUBLE_EQ(erlang_b(2, 1.0), 0.2);
  EXPECT_DOUBLE_EQ(erlang_b(1, 1.0), 0.5);  // A / (1 + A)
}

TEST(ErlangB, TenServersFiveErlangsMatchesTheTable) {
  // Exact rational sum (A^c / c!) / sum_k A^k / k! = 0.0183846 (Erlang B tables).
  EXPECT_NEAR(erlang_b(10, 5.0), 0.018384570336648, 1e-14);
}

TEST(ErlangC, TwoServersOneErlangIsOneThird) {
  // Kleinrock, Queueing Systems I, M/M/2 with rho = 1/2: P0 = 1/3 and
  // C = A^c / (c! (1 - rho)) P0 = 1 / (2 * 0.5) * 1/3 = 1/3.
  EXPECT_NEAR(erlang_c(2, 1.0), 1.0 / 3.0, 1e-15);
  // M/M/1: the probability of waiting is rho.
  EXPECT_NEAR(erlang_c(1, 0.7), 0.7, 1e-15);
  EXPECT_NEAR(erlang_c(10, 5.0), 0.036105359158320, 1e-14);
}

TEST(ErlangC, StaysAccurateForAThousandServers) {
  // The direct formula in log space (log-sum-exp in long double) as an independent reference;
  // naive factorials overflow long before c = 1000.
  const int c = 1000;
  const long double a = 950.0L;
  long double max_term = -1e300L;
  std::vector<long double> log_terms;
  for (int k = 0; k <= c; ++k) {
    log_terms.push_back(k * std::log(a) - std::lgamma(static_cast<long double>(k) + 1.0L));
    max_term = std::max(max_term, log_terms.back());
  }
  long double sum = 0.0L;
  for (const long double t : log_terms) {
    sum += std::exp(t - max_term);
  }
  const long double b = std::exp(log_terms.back() - max_term) / sum;
  const long double expected_c = c * b / (c - a * (1.0L - b));
  EXPECT_NEAR(erlang_b(c, 950.0), static_cast<double>(b), 1e-12);
  EXPECT_NEAR(erlang_c(c, 950.0), static_cast<double>(expected_c), 1e-10);
  EXPECT_GT(erlang_c(c, 950.0), 0.0);
  EXPECT_LT(erlang_c(c, 950.0), 1.0);
}

TEST(ErlangC, IsOneWhenTheLoadReachesTheServers) {
  EXPECT_EQ(erlang_c(3, 3.0), 1.0);
  EXPECT_EQ(erlang_c(3, 5.0), 1.0);
}

TEST(MmcQueue, MM1AtHalfLoadWaitsOneServiceTime) {
  // M/M/1, lambda = 0.5, mu = 1: Wq = rho / (mu - lambda) = 1, Lq = 0.5, W = 2, L = 1.
  const MmcQueue q(0.5, 1.0, 1);
  EXPECT_DOUBLE_EQ(q.utilisation(), 0.5);
  EXPECT_DOUBLE_EQ(q.mean_wait(), 1.0);
  EXPECT_DOUBLE_EQ(q.mean_queue_length(), 0.5);
  EXPECT_DOUBLE_EQ(q.mean_sojourn(), 2.0);
  EXPECT_DOUBLE_EQ(q.mean_in_system(), 1.0);
  // P(W > t) = rho e^{-(mu - lambda) t}; the 90% wait solves 0.5 e^{-t/2} = 0.1: t = 2 ln 5.
  EXPECT_DOUBLE_EQ(q.prob_wait_exceeds(2.0), 0.5 * std::exp(-1.0));
  EXPECT_NEAR(q.wait_quantile(0.9), 2.0 * std::log(5.0), 1e-12);
  EXPECT_EQ(q.wait_quantile(0.4), 0.0);  // 60% never wait
}

TEST(MmcQueue, MM2AtHalfLoadByHand) {
  // c = 2, lambda = 1, mu = 1: C = 1/3, Wq = C / (c mu - lambda) = 1/3.
  const MmcQueue q(1.0, 1.0, 2);
  EXPECT_NEAR(q.prob_wait(), 1.0 / 3.0, 1e-15);
  EXPECT_NEAR(q.mean_wait(), 1.0 / 3.0, 1e-15);
  EXPECT_NEAR(q.prob_wait_exceeds(1.0), std::exp(-1.0) / 3.0, 1e-15);
}

TEST(MmcQueue, OverloadedQueueWaitsForever) {
  const MmcQueue q(2.0, 1.0, 2);
  EXPECT_FALSE(q.stable());
  EXPECT_EQ(q.prob_wait(), 1.0);
  EXPECT_EQ(q.mean_wait(), kInf);
  EXPECT_EQ(q.prob_wait_exceeds(100.0), 1.0);
  EXPECT_EQ(q.wait_quantile(0.5), kInf);
}

TEST(MmcQueue, RejectsImpossibleParameters) {
  EXPECT_THROW(MmcQueue(1.0, 0.0, 1), std::invalid_argument);
  EXPECT_THROW(MmcQueue(-1.0, 1.0, 1), std::invalid_argument);
  EXPECT_THROW(MmcQueue(1.0, 1.0, 0), std::invalid_argument);
  EXPECT_THROW(erlang_b(0, 1.0), std::invalid_argument);
  EXPECT_THROW(MmcQueue(0.5, 1.0, 1).wait_quantile(1.0), std::invalid_argument);
}

TEST(WindowCount, SmallestServerCountForAMeanWait) {
  // lambda = mu = 1. c = 1 is unstable; c = 2 waits 1/3; c = 3: B(3, 1) = 1/16,
  // C = (3/16) / (3 - 15/16) = 1/11, Wq = C / 2 = 1/22.
  EXPECT_EQ(min_servers_for_mean_wait(1.0, 1.0, 0.5), 2);
  EXPECT_EQ(min_servers_for_mean_wait(1.0, 1.0, 0.3), 3);
  EXPECT_NEAR(MmcQueue(1.0, 1.0, 3).mean_wait(), 1.0 / 22.0, 1e-15);
}

TEST(WindowCount, SmallestServerCountForAPercentileTarget) {
  // lambda = mu = 1, 90% within 0.5: c = 2 leaves (1/3) e^-0.5 = 0.20 over; c = 3 leaves
  // (1/11) e^-1 = 0.033.
  EXPECT_EQ(min_servers_for_wait_target(1.0, 1.0, 0.5, 0.9), 3);
  // 60% not waiting at all: c = 2 already has P(W > 0) = 1/3.
  EXPECT_EQ(min_servers_for_wait_target(1.0, 1.0, 0.0, 0.6), 2);
}

TEST(WindowCount, HallWithSixtyVisitorsAnHourNeedsTwelveWindows) {
  // 60 visitors per hour, 10-minute cases (mu = 6 per hour), 90% served within 15 minutes:
  // 11 windows leave 15.2% waiting longer (C = 0.682, e^{-(66 - 60) / 4}); 12 leave 2.2%.
  EXPECT_EQ(min_servers_for_wait_target(60.0, 6.0, 0.25, 0.9), 12);
  EXPECT_NEAR(MmcQueue(60.0, 6.0, 11).prob_wait_exceeds(0.25), 0.152201, 1e-6);
  EXPECT_NEAR(MmcQueue(60.0, 6.0, 12).prob_wait_exceeds(0.25), 0.022374, 1e-6);
}

TEST(PollaczekKhinchine, MD1WaitsHalfAsLongAsMM1) {
  // rho = 0.5: M/M/1 Wq = 1; M/D/1 Wq = rho / (2 mu (1 - rho)) = 0.5.
  EXPECT_DOUBLE_EQ(mg1_mean_wait(0.5, 1.0, 1.0), 1.0);
  EXPECT_DOUBLE_EQ(mg1_mean_wait(0.5, 1.0, 0.0), 0.5);
  // cv = 2: rho (1 + 4) / 2 * E[S] / (1 - rho) = 2.5.
  EXPECT_DOUBLE_EQ(mg1_mean_wait(0.5, 1.0, 2.0), 2.5);
  EXPECT_EQ(mg1_mean_wait(1.0, 1.0, 1.0), kInf);
}

TEST(Cobham, TwoClassPriorityWaitsByHand) {
  // Exponential service of mean 1 (E[S^2] = 2), lambda_1 = 0.2, lambda_2 = 0.4:
  // W0 = (0.2 * 2 + 0.4 * 2) / 2 = 0.6; W1 = 0.6 / (1 - 0.2) = 0.75;
  // W2 = 0.6 / ((1 - 0.2) (1 - 0.6)) = 1.875.
  const std::vector<PriorityClass> classes = {{0.2, 1.0, 1.0}, {0.4, 1.0, 1.0}};
  const std::vector<double> w = priority_mg1_mean_waits(classes);
  ASSERT_EQ(w.size(), 2U);
  EXPECT_DOUBLE_EQ(w[0], 0.75);
  EXPECT_DOUBLE_EQ(w[1], 1.875);
  // Kleinrock's conservation law: the load-weighted wait equals FCFS M/M/1's,
  // rho Wq = 0.6 * 0.6 / 0.4 = 0.9.
  EXPECT_NEAR(0.2 * w[0] + 0.4 * w[1], 0.6 * mg1_mean_wait(0.6, 1.0, 1.0), 1e-12);
}

TEST(Cobham, OneClassIsPollaczekKhinchine) {
  const std::vector<PriorityClass> one = {{0.7, 1.2, 0.5}};
  EXPECT_NEAR(priority_mg1_mean_waits(one)[0], mg1_mean_wait(0.7, 1.2, 0.5), 1e-12);
}

TEST(Cobham, ClassesBeyondSaturationWaitForever) {
  // Loads 0.5, 0.4, 0.3: the first two are served (s2 = 0.9), the third is not.
  const std::vector<PriorityClass> classes = {{0.5, 1.0, 1.0}, {0.4, 1.0, 1.0}, {0.3, 1.0, 1.0}};
  const std::vector<double> w = priority_mg1_mean_waits(classes);
  EXPECT_TRUE(std::isfinite(w[0]));
  EXPECT_TRUE(std::isfinite(w[1]));
  EXPECT_EQ(w[2], kInf);
}

TEST(AllenCunneen, IsExactForMMcAndForMG1) {
  EXPECT_NEAR(allen_cunneen_mean_wait(4.5, 1.0, 5, 1.0, 1.0), MmcQueue(4.5, 1.0, 5).mean_wait(),
              1e-15);
  EXPECT_NEAR(allen_cunneen_mean_wait(0.6, 1.0, 1, 1.0, 2.0), mg1_mean_wait(0.6, 1.0, 2.0), 1e-12);
  EXPECT_EQ(allen_cunneen_mean_wait(3.0, 1.0, 2, 0.0, 0.0), kInf);
}

TEST(LittlesLaw, NumberIsRateTimesTime) {
  EXPECT_DOUBLE_EQ(little_number(2.0, 3.0), 6.0);
  EXPECT_DOUBLE_EQ(little_time(6.0, 2.0), 3.0);
  EXPECT_THROW(little_time(1.0, 0.0), std::invalid_argument);
}

}  // namespace
}  // namespace hallsim::sim
