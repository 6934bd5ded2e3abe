#pragma once
/// \file
/// Statistics: tallies, time-weighted averages, quantiles, histograms, and
/// replication summaries with Student-t confidence intervals.
///
/// Pinned public API (implementation in sim/src).

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace hallsim::sim {

/// Count, mean, variance (Welford), min, max of observations.
class Tally {
 public:
  void add(double x);
  std::size_t count() const;
  double mean() const;
  double variance() const;  ///< sample variance (n - 1)
  double stddev() const;
  double min() const;
  double max() const;
};

/// Time-weighted average of a piecewise-constant quantity (queue length, busy servers).
class TimeWeighted {
 public:
  explicit TimeWeighted(double start_time = 0.0, double initial_value = 0.0);
  /// The value changes to `value` at time `t` (t never decreases).
  void set(double t, double value);
  /// Time average over [start, t].
  double mean(double t) const;
  double max() const;
  double current() const;
};

/// Exact sample quantiles of stored observations (Hyndman–Fan type 7, as R and NumPy).
class Quantiles {
 public:
  void add(double x);
  double quantile(double p) const;  ///< p in [0, 1]
  std::size_t count() const;
};

/// Fixed-width histogram with under/overflow counts.
class Histogram {
 public:
  Histogram(double low, double high, std::size_t bins);
  void add(double x);
};

/// A mean with its 95% confidence interval over n replications.
struct Estimate {
  double mean = 0.0;
  double half_width = 0.0;  ///< t(0.975, n-1) * s / sqrt(n); 0 when n < 2
  std::size_t n = 0;
};

/// Two-sided Student-t quantile: the value q with P(|T| <= q) = level for `dof` degrees of freedom.
double student_t_quantile(double level, std::size_t dof);

/// Collects one value of a KPI per replication.
class Replications {
 public:
  void add(double value);
  Estimate estimate(double level = 0.95) const;
};

}  // namespace hallsim::sim
