#pragma once
/// \file
/// Statistics: tallies, time-weighted averages, quantiles, histograms, and
/// replication summaries with Student-t confidence intervals.
///
/// A statistic of no data (the mean of an empty tally, a quantile of nothing) is NaN:
/// "no visitor of this type was served" is a legitimate outcome, and NaN cannot be
/// mistaken for a measured zero. Callers that print KPIs check count() first.

#include <cstddef>
#include <span>
#include <string>
#include <vector>

namespace hallsim::sim {

/// Count, mean, variance (Welford), min, max of observations.
class Tally {
 public:
  void add(double x);
  /// Adds every observation of `other` (Chan et al.'s pairwise update).
  void merge(const Tally& other);
  std::size_t count() const;
  double mean() const;
  double variance() const;  ///< sample variance (n - 1); NaN when n < 2
  double stddev() const;
  double min() const;
  double max() const;
  double sum() const;

 private:
  std::size_t n_ = 0;
  double mean_ = 0.0;
  double m2_ = 0.0;  ///< sum of squared deviations from the running mean
  double min_ = 0.0;
  double max_ = 0.0;
};

/// Time-weighted average of a piecewise-constant quantity (queue length, busy servers).
class TimeWeighted {
 public:
  explicit TimeWeighted(double start_time = 0.0, double initial_value = 0.0);
  /// The value changes to `value` at time `t` (t never decreases).
  void set(double t, double value);
  /// Adds `delta` to the current value at time `t` (a visitor joins: +1, leaves: -1).
  void add(double t, double delta) { set(t, value_ + delta); }
  /// Time average over [start, t]; the current value when t equals the start.
  double mean(double t) const;
  /// Integral of the value over [start, t].
  double area(double t) const;
  double max() const;  ///< largest value held since the start
  double current() const;
  double start_time() const { return start_; }
  /// Forgets the history and starts averaging again at `t` from the current value
  /// (deletes a warm-up period).
  void restart(double t);

 private:
  double start_;
  double last_t_;
  double value_;
  double area_ = 0.0;
  double max_;
};

/// Type-7 sample quantile (Hyndman–Fan; R's default, NumPy's "linear") of data sorted
/// ascending: with h = (n - 1) p, x[floor h] + (h - floor h) (x[floor h + 1] - x[floor h]).
/// NaN for no data; p must lie in [0, 1].
double type7_quantile(std::span<const double> sorted, double p);

/// Exact sample quantiles of stored observations (Hyndman–Fan type 7, as R and NumPy).
class Quantiles {
 public:
  void add(double x);
  double quantile(double p) const;  ///< p in [0, 1]; NaN when empty
  /// Several quantiles at once (one sort).
  std::vector<double> quantiles(std::span<const double> ps) const;
  /// Fraction of observations <= x (the empirical CDF); NaN when empty.
  double fraction_at_most(double x) const;
  std::size_t count() const;

 private:
  std::vector<double> data_;
};

/// Fixed-width histogram with under/overflow counts. Bin i holds [low + i w, low + (i+1) w);
/// values >= high go to the overflow.
class Histogram {
 public:
  Histogram(double low, double high, std::size_t bins);
  void add(double x);
  std::size_t bins() const { return counts_.size(); }
  std::size_t bin_count(std::size_t i) const;
  double bin_low(std::size_t i) const;
  double bin_high(std::size_t i) const;
  std::size_t underflow() const { return underflow_; }
  std::size_t overflow() const { return overflow_; }
  /// All observations, including under- and overflow.
  std::size_t total() const;
  const std::vector<std::size_t>& counts() const { return counts_; }

 private:
  double low_, high_, width_;
  std::vector<std::size_t> counts_;
  std::size_t underflow_ = 0, overflow_ = 0;
};

/// A mean with its 95% confidence interval over n replications.
struct Estimate {
  double mean = 0.0;
  double half_width = 0.0;  ///< t(0.975, n-1) * s / sqrt(n); 0 when n < 2
  std::size_t n = 0;

  double lower() const { return mean - half_width; }
  double upper() const { return mean + half_width; }
  bool contains(double x) const { return lower() <= x && x <= upper(); }
};

/// Two-sided Student-t quantile: the value q with P(|T| <= q) = level for `dof` degrees of freedom.
double student_t_quantile(double level, std::size_t dof);

/// Mean and Student-t confidence interval of independent observations (half-width 0 when
/// fewer than two).
Estimate t_interval(std::span<const double> values, double level = 0.95);

/// Collects one value of a KPI per replication.
class Replications {
 public:
  void add(double value);
  Estimate estimate(double level = 0.95) const;
  std::size_t count() const { return values_.size(); }
  const std::vector<double>& values() const { return values_; }

 private:
  std::vector<double> values_;
};

/// Batch means for one long (already warmed-up) run: the series is cut into `batches`
/// consecutive batches of floor(n / batches) observations (the last n mod batches are
/// dropped), and the interval is the t interval of the batch means. Batches must be long
/// enough for their means to be nearly independent; check with lag1_autocorrelation().
Estimate batch_means(std::span<const double> series, std::size_t batches, double level = 0.95);

/// The means of `batches` consecutive batches, as batch_means() forms them.
std::vector<double> batch_mean_values(std::span<const double> series, std::size_t batches);

/// Lag-1 sample autocorrelation of a series (NaN for fewer than 3 values or no spread).
double lag1_autocorrelation(std::span<const double> series);

/// Paired-difference interval for a - b, replication by replication: with common random
/// numbers the pairs are correlated and the interval is much narrower than the two
/// separate intervals suggest.
Estimate paired_difference(std::span<const double> a, std::span<const double> b,
                           double level = 0.95);

}  // namespace hallsim::sim
