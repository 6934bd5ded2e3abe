#include "hallsim/sim/stats.hpp"

#include <algorithm>
#include <array>
#include <boost/math/distributions/students_t.hpp>
#include <cassert>
#include <cmath>
#include <limits>
#include <stdexcept>

namespace hallsim::sim {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

void check_probability(double p, const char* who) {
  if (!(p >= 0.0 && p <= 1.0)) {
    throw std::invalid_argument(std::string(who) + ": the probability must lie in [0, 1], got " +
                                std::to_string(p));
  }
}

}  // namespace

// ---------------------------------------------------------------- Tally

void Tally::add(double x) {
  ++n_;
  if (n_ == 1) {
    min_ = max_ = x;
  } else {
    min_ = std::min(min_, x);
    max_ = std::max(max_, x);
  }
  const double delta = x - mean_;
  mean_ += delta / static_cast<double>(n_);
  m2_ += delta * (x - mean_);
}

void Tally::merge(const Tally& other) {
  if (other.n_ == 0) {
    return;
  }
  if (n_ == 0) {
    *this = other;
    return;
  }
  const auto na = static_cast<double>(n_);
  const auto nb = static_cast<double>(other.n_);
  const double n = na + nb;
  const double delta = other.mean_ - mean_;
  mean_ += delta * nb / n;
  m2_ += other.m2_ + delta * delta * na * nb / n;
  n_ += other.n_;
  min_ = std::min(min_, other.min_);
  max_ = std::max(max_, other.max_);
}

std::size_t Tally::count() const {
  return n_;
}
double Tally::mean() const {
  return n_ == 0 ? kNaN : mean_;
}
double Tally::variance() const {
  return n_ < 2 ? kNaN : m2_ / static_cast<double>(n_ - 1);
}
double Tally::stddev() const {
  return std::sqrt(variance());
}
double Tally::min() const {
  return n_ == 0 ? kNaN : min_;
}
double Tally::max() const {
  return n_ == 0 ? kNaN : max_;
}
double Tally::sum() const {
  return mean_ * static_cast<double>(n_);
}

// ---------------------------------------------------------------- TimeWeighted

TimeWeighted::TimeWeighted(double start_time, double initial_value)
    : start_(start_time), last_t_(start_time), value_(initial_value), max_(initial_value) {}

void TimeWeighted::set(double t, double value) {
  assert(t >= last_t_ && "TimeWeighted: time went backwards");
  area_ += value_ * (t - last_t_);
  last_t_ = t;
  value_ = value;
  max_ = std::max(max_, value);
}

double TimeWeighted::area(double t) const {
  assert(t >= last_t_ && "TimeWeighted: asked about a time before the last change");
  return area_ + value_ * (t - last_t_);
}

double TimeWeighted::mean(double t) const {
  if (t == start_) {
    return value_;
  }
  return area(t) / (t - start_);
}

double TimeWeighted::max() const {
  return max_;
}
double TimeWeighted::current() const {
  return value_;
}

void TimeWeighted::restart(double t) {
  assert(t >= last_t_);
  start_ = last_t_ = t;
  area_ = 0.0;
  max_ = value_;
}

// ---------------------------------------------------------------- quantiles

double type7_quantile(std::span<const double> sorted, double p) {
  check_probability(p, "type7_quantile");
  if (sorted.empty()) {
    return kNaN;
  }
  assert(std::is_sorted(sorted.begin(), sorted.end()));
  const double h = static_cast<double>(sorted.size() - 1) * p;
  const double lo = std::floor(h);
  const auto i = static_cast<std::size_t>(lo);
  if (i + 1 >= sorted.size()) {
    return sorted.back();
  }
  return sorted[i] + (h - lo) * (sorted[i + 1] - sorted[i]);
}

void Quantiles::add(double x) {
  assert(!std::isnan(x));
  data_.push_back(x);
}

double Quantiles::quantile(double p) const {
  const std::array<double, 1> one = {p};
  return quantiles(one).front();
}

std::vector<double> Quantiles::quantiles(std::span<const double> ps) const {
  std::vector<double> sorted = data_;
  std::sort(sorted.begin(), sorted.end());
  std::vector<double> out;
  out.reserve(ps.size());
  for (const double p : ps) {
    out.push_back(type7_quantile(sorted, p));
  }
  return out;
}

double Quantiles::fraction_at_most(double x) const {
  if (data_.empty()) {
    return kNaN;
  }
  const auto hits = std::count_if(data_.begin(), data_.end(), [x](double v) { return v <= x; });
  return static_cast<double>(hits) / static_cast<double>(data_.size());
}

std::size_t Quantiles::count() const {
  return data_.size();
}

// ---------------------------------------------------------------- Histogram

Histogram::Histogram(double low, double high, std::size_t bins)
    : low_(low), high_(high), width_((high - low) / static_cast<double>(bins)), counts_(bins, 0) {
  if (!std::isfinite(low) || !std::isfinite(high) || !(low < high) || bins == 0) {
    throw std::invalid_argument("Histogram: need finite low < high and at least one bin, got low " +
                                std::to_string(low) + ", high " + std::to_string(high) + ", " +
                                std::to_string(bins) + " bins");
  }
}

void Histogram::add(double x) {
  assert(!std::isnan(x));
  if (x < low_) {
    ++underflow_;
  } else if (x >= high_) {
    ++overflow_;
  } else {
    // Rounding can put a value just below `high` one past the last bin.
    const auto i = std::min(static_cast<std::size_t>((x - low_) / width_), counts_.size() - 1);
    ++counts_[i];
  }
}

std::size_t Histogram::bin_count(std::size_t i) const {
  assert(i < counts_.size());
  return counts_[i];
}

double Histogram::bin_low(std::size_t i) const {
  assert(i < counts_.size());
  return low_ + width_ * static_cast<double>(i);
}

double Histogram::bin_high(std::size_t i) const {
  assert(i < counts_.size());
  return i + 1 == counts_.size() ? high_ : low_ + width_ * static_cast<double>(i + 1);
}

std::size_t Histogram::total() const {
  std::size_t sum = underflow_ + overflow_;
  for (const std::size_t c : counts_) {
    sum += c;
  }
  return sum;
}

// ---------------------------------------------------------------- intervals

namespace {

void check_level(double level) {
  if (!(level > 0.0 && level < 1.0)) {
    throw std::invalid_argument("the confidence level must lie in (0, 1), got " +
                                std::to_string(level));
  }
}

}  // namespace

double student_t_quantile(double level, std::size_t dof) {
  check_level(level);
  if (dof == 0) {
    throw std::invalid_argument("student_t_quantile: needs at least one degree of freedom");
  }
  const boost::math::students_t dist(static_cast<double>(dof));
  return boost::math::quantile(dist, 0.5 + 0.5 * level);
}

Estimate t_interval(std::span<const double> values, double level) {
  check_level(level);
  Tally tally;
  for (const double v : values) {
    tally.add(v);
  }
  Estimate e;
  e.n = tally.count();
  e.mean = tally.mean();
  if (e.n >= 2) {
    e.half_width =
        student_t_quantile(level, e.n - 1) * tally.stddev() / std::sqrt(static_cast<double>(e.n));
  }
  return e;
}

void Replications::add(double value) {
  values_.push_back(value);
}

Estimate Replications::estimate(double level) const {
  return t_interval(values_, level);
}

std::vector<double> batch_mean_values(std::span<const double> series, std::size_t batches) {
  if (batches == 0) {
    throw std::invalid_argument("batch_means: needs at least one batch");
  }
  const std::size_t size = series.size() / batches;
  if (size == 0) {
    throw std::invalid_argument("batch_means: " + std::to_string(series.size()) +
                                " observations cannot fill " + std::to_string(batches) +
                                " batches; use fewer batches or a longer run");
  }
  std::vector<double> means;
  means.reserve(batches);
  for (std::size_t b = 0; b < batches; ++b) {
    Tally tally;
    for (std::size_t i = b * size; i < (b + 1) * size; ++i) {
      tally.add(series[i]);
    }
    means.push_back(tally.mean());
  }
  return means;
}

Estimate batch_means(std::span<const double> series, std::size_t batches, double level) {
  return t_interval(batch_mean_values(series, batches), level);
}

double lag1_autocorrelation(std::span<const double> series) {
  const std::size_t n = series.size();
  if (n < 3) {
    return kNaN;
  }
  Tally tally;
  for (const double v : series) {
    tally.add(v);
  }
  const double m = tally.mean();
  double num = 0.0;
  double den = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    den += (series[i] - m) * (series[i] - m);
    if (i + 1 < n) {
      num += (series[i] - m) * (series[i + 1] - m);
    }
  }
  return den > 0.0 ? num / den : kNaN;
}

Estimate paired_difference(std::span<const double> a, std::span<const double> b, double level) {
  if (a.size() != b.size()) {
    throw std::invalid_argument(
        "paired_difference: both scenarios need the same replications, got " +
        std::to_string(a.size()) + " and " + std::to_string(b.size()));
  }
  std::vector<double> diff(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff[i] = a[i] - b[i];
  }
  return t_interval(diff, level);
}

}  // namespace hallsim::sim
