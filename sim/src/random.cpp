#include "hallsim/sim/random.hpp"

#include <algorithm>
#include <cassert>
#include <limits>
#include <numbers>
#include <numeric>
#include <sstream>
#include <stdexcept>
#include <string>

#include "hallsim/sim/stats.hpp"

namespace hallsim::sim {

namespace {

constexpr std::uint64_t kGolden = 0x9E3779B97F4A7C15ULL;  // 2^64 / golden ratio
constexpr std::uint64_t kIndexSalt = 0xD1B54A32D192ED03ULL;
constexpr std::uint64_t kFnvOffset = 0xCBF29CE484222325ULL;
constexpr std::uint64_t kFnvPrime = 0x100000001B3ULL;

/// SplitMix64's output function: a bijection with full avalanche.
std::uint64_t mix64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::uint64_t fnv1a64(std::string_view text) {
  std::uint64_t h = kFnvOffset;
  for (const char ch : text) {
    h ^= static_cast<std::uint8_t>(ch);
    h *= kFnvPrime;
  }
  return h;
}

[[noreturn]] void reject(std::string_view distribution, std::string_view what) {
  throw std::invalid_argument(std::string(distribution) + ": " + std::string(what));
}

std::string show(double x) {
  std::ostringstream out;
  out.precision(17);
  out << x;
  return out.str();
}

bool finite(double x) {
  return std::isfinite(x);
}

double standard_normal(RandomStream& rng) {
  // Box–Muller: two draws, one value; the second value is dropped so that no state
  // carries over between calls (a draw never depends on earlier calls elsewhere).
  const double radius = std::sqrt(-2.0 * std::log(rng.uniform01_open()));
  return radius * std::cos(2.0 * std::numbers::pi * rng.uniform01());
}

/// log(k!) without std::lgamma, which writes the process-wide `signgam` on glibc.
double log_factorial(std::int64_t k) {
  if (k < 10) {
    double sum = 0.0;
    for (std::int64_t i = 2; i <= k; ++i) {
      sum += std::log(static_cast<double>(i));
    }
    return sum;
  }
  // Stirling series for log Gamma(x), x = k + 1 >= 11: truncation error below 1e-12.
  const double x = static_cast<double>(k) + 1.0;
  const double inv = 1.0 / x;
  const double inv2 = inv * inv;
  const double series =
      inv * (1.0 / 12.0 - inv2 * (1.0 / 360.0 - inv2 * (1.0 / 1260.0 - inv2 / 1680.0)));
  return (x - 0.5) * std::log(x) - x + 0.5 * std::log(2.0 * std::numbers::pi) + series;
}

}  // namespace

// ---------------------------------------------------------------- streams

RandomStream::RandomStream(const std::array<std::uint64_t, 4>& state) : s_(state) {
  assert((s_[0] | s_[1] | s_[2] | s_[3]) != 0 && "xoshiro256++ state must not be all zero");
}

std::uint64_t RandomStream::uniform_below(std::uint64_t n) {
  assert(n > 0);
  // Values below 2^64 mod n would make the low residues more likely: reject them.
  const std::uint64_t threshold = (0 - n) % n;
  for (;;) {
    const std::uint64_t x = next_u64();
    if (x >= threshold) {
      return x % n;
    }
  }
}

RandomSource::RandomSource(std::uint64_t seed) : seed_(seed) {}

RandomStream RandomSource::stream(std::string_view name) const {
  return stream(name, 0);
}

RandomStream RandomSource::stream(std::string_view name, std::uint64_t index) const {
  std::uint64_t key = mix64(seed_ + kGolden);
  key = mix64(key ^ fnv1a64(name));
  key = mix64(key ^ mix64(index ^ kIndexSalt));
  // Expand the key with SplitMix64; its outputs come from a bijection of four distinct
  // inputs, so at most one word is zero and the state is never all zero.
  std::array<std::uint64_t, 4> state{};
  for (auto& word : state) {
    key += kGolden;
    word = mix64(key);
  }
  return RandomStream(state);
}

std::uint64_t RandomSource::seed() const {
  return seed_;
}

// ---------------------------------------------------------------- distributions

Deterministic::Deterministic(double value) : value_(value) {
  if (!finite(value)) {
    reject("Deterministic", "the value must be a finite number, got " + show(value));
  }
}

Exponential::Exponential(double mean) : mean_(mean) {
  if (!finite(mean) || mean <= 0.0) {
    reject("Exponential", "the mean must be a positive finite number, got " + show(mean));
  }
}

Uniform::Uniform(double low, double high) : low_(low), high_(high) {
  if (!finite(low) || !finite(high) || low > high) {
    reject("Uniform", "need finite low <= high, got low " + show(low) + ", high " + show(high));
  }
}

double Uniform::operator()(RandomStream& rng) const {
  return low_ + (high_ - low_) * rng.uniform01();
}
double Uniform::mean() const {
  return 0.5 * (low_ + high_);
}
double Uniform::variance() const {
  return (high_ - low_) * (high_ - low_) / 12.0;
}

Triangular::Triangular(double low, double mode, double high) : low_(low), mode_(mode), high_(high) {
  if (!finite(low) || !finite(mode) || !finite(high) || !(low <= mode && mode <= high) ||
      !(low < high)) {
    reject("Triangular", "need finite low <= mode <= high with low < high, got " + show(low) +
                             ", " + show(mode) + ", " + show(high));
  }
}

double Triangular::operator()(RandomStream& rng) const {
  const double u = rng.uniform01();
  const double width = high_ - low_;
  const double split = (mode_ - low_) / width;  // CDF at the mode
  if (u < split) {
    return low_ + std::sqrt(u * width * (mode_ - low_));
  }
  return high_ - std::sqrt((1.0 - u) * width * (high_ - mode_));
}
double Triangular::mean() const {
  return (low_ + mode_ + high_) / 3.0;
}
double Triangular::variance() const {
  return (low_ * low_ + mode_ * mode_ + high_ * high_ - low_ * mode_ - low_ * high_ -
          mode_ * high_) /
         18.0;
}

Normal::Normal(double mean, double stddev) : mean_(mean), stddev_(stddev) {
  if (!finite(mean) || !finite(stddev) || stddev < 0.0) {
    reject("Normal", "need a finite mean and a finite stddev >= 0, got mean " + show(mean) +
                         ", stddev " + show(stddev));
  }
}

double Normal::operator()(RandomStream& rng) const {
  return mean_ + stddev_ * standard_normal(rng);
}

LogNormal::LogNormal(double mean, double cv) : mean_(mean), cv_(cv) {
  if (!finite(mean) || mean <= 0.0) {
    reject("LogNormal", "the mean must be a positive finite number, got " + show(mean));
  }
  if (!finite(cv) || cv <= 0.0) {
    reject("LogNormal",
           "the coefficient of variation must be > 0 (use Deterministic for a "
           "constant), got " +
               show(cv));
  }
  const double sigma2 = std::log1p(cv * cv);
  sigma_ = std::sqrt(sigma2);
  mu_ = std::log(mean) - 0.5 * sigma2;
}

double LogNormal::operator()(RandomStream& rng) const {
  return std::exp(mu_ + sigma_ * standard_normal(rng));
}

Gamma::Gamma(double mean, double cv) : mean_(mean), cv_(cv) {
  if (!finite(mean) || mean <= 0.0) {
    reject("Gamma", "the mean must be a positive finite number, got " + show(mean));
  }
  if (!finite(cv) || cv <= 0.0) {
    reject("Gamma",
           "the coefficient of variation must be > 0 (use Deterministic for a "
           "constant), got " +
               show(cv));
  }
  shape_ = 1.0 / (cv * cv);
  scale_ = mean * cv * cv;
  const double boosted = shape_ < 1.0 ? shape_ + 1.0 : shape_;
  d_ = boosted - 1.0 / 3.0;
  c_ = 1.0 / std::sqrt(9.0 * d_);
}

double Gamma::operator()(RandomStream& rng) const {
  double g = 0.0;
  for (;;) {
    double x = 0.0;
    double v = 0.0;
    do {
      x = standard_normal(rng);
      v = 1.0 + c_ * x;
    } while (v <= 0.0);
    v = v * v * v;
    const double u = rng.uniform01_open();
    const double x2 = x * x;
    if (u < 1.0 - 0.0331 * x2 * x2 || std::log(u) < 0.5 * x2 + d_ * (1.0 - v + std::log(v))) {
      g = d_ * v;
      break;
    }
  }
  // Gamma(a) = Gamma(a + 1) * U^(1/a) for a < 1 (Marsaglia & Tsang 2000, section 6).
  if (shape_ < 1.0) {
    g *= std::pow(rng.uniform01_open(), 1.0 / shape_);
  }
  return g * scale_;
}

Erlang::Erlang(int k, double mean) : k_(k), mean_(mean) {
  if (k < 1) {
    reject("Erlang", "the number of phases k must be >= 1, got " + std::to_string(k));
  }
  if (!finite(mean) || mean <= 0.0) {
    reject("Erlang", "the mean must be a positive finite number, got " + show(mean));
  }
}

double Erlang::operator()(RandomStream& rng) const {
  // A sum of logs rather than the log of a product, which underflows for large k.
  double sum = 0.0;
  for (int i = 0; i < k_; ++i) {
    sum += std::log(rng.uniform01_open());
  }
  return -(mean_ / k_) * sum;
}

Bernoulli::Bernoulli(double p) : p_(p) {
  if (!(p >= 0.0 && p <= 1.0)) {
    reject("Bernoulli", "p must lie in [0, 1], got " + show(p));
  }
}

Poisson::Poisson(double mean) : mean_(mean) {
  if (!finite(mean) || mean < 0.0) {
    reject("Poisson", "the mean must be a finite number >= 0, got " + show(mean));
  }
  exp_minus_mean_ = std::exp(-mean);
  // Hörmann (1993), "The transformed rejection method for generating Poisson random
  // variables", algorithm PTRS.
  b_ = 0.931 + 2.53 * std::sqrt(mean);
  a_ = -0.059 + 0.02483 * b_;
  inv_alpha_ = 1.1239 + 1.1328 / (b_ - 3.4);
  v_r_ = 0.9277 - 3.6224 / (b_ - 2.0);
  log_mean_ = mean > 0.0 ? std::log(mean) : 0.0;
}

std::int64_t Poisson::operator()(RandomStream& rng) const {
  if (mean_ < 10.0) {
    const double u = rng.uniform01();
    std::int64_t k = 0;
    double p = exp_minus_mean_;
    double cdf = p;
    // The probability underflows to zero long before k overflows; stop there.
    while (u > cdf && p > 0.0) {
      ++k;
      p *= mean_ / static_cast<double>(k);
      cdf += p;
    }
    return k;
  }
  for (;;) {
    const double u = rng.uniform01_open() - 0.5;
    const double v = rng.uniform01_open();
    const double us = 0.5 - std::abs(u);
    const auto k = static_cast<std::int64_t>(std::floor((2.0 * a_ / us + b_) * u + mean_ + 0.43));
    if (us >= 0.07 && v <= v_r_) {
      return k;
    }
    if (k < 0 || (us < 0.013 && v > us)) {
      continue;
    }
    if (std::log(v * inv_alpha_ / (a_ / (us * us) + b_)) <=
        -mean_ + static_cast<double>(k) * log_mean_ - log_factorial(k)) {
      return k;
    }
  }
}

EmpiricalDiscrete::EmpiricalDiscrete(std::vector<double> values, std::vector<double> weights)
    : values_(std::move(values)) {
  if (values_.empty()) {
    reject("EmpiricalDiscrete", "needs at least one value");
  }
  if (weights.size() != values_.size()) {
    reject("EmpiricalDiscrete", "needs one weight per value, got " +
                                    std::to_string(values_.size()) + " values and " +
                                    std::to_string(weights.size()) + " weights");
  }
  cumulative_.reserve(weights.size());
  double total = 0.0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    if (!finite(values_[i])) {
      reject("EmpiricalDiscrete", "value " + std::to_string(i) + " is not finite");
    }
    if (!finite(weights[i]) || weights[i] < 0.0) {
      reject("EmpiricalDiscrete", "weight " + std::to_string(i) +
                                      " must be a finite number >= 0, got " + show(weights[i]));
    }
    total += weights[i];
    cumulative_.push_back(total);
  }
  if (!(total > 0.0)) {
    reject("EmpiricalDiscrete", "the weights must not all be zero");
  }
}

std::size_t EmpiricalDiscrete::draw_index(RandomStream& rng) const {
  const double total = cumulative_.back();
  const double target = rng.uniform01() * total;
  auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), target);
  // u * total may round up to total: take the last value with a positive weight.
  if (it == cumulative_.end()) {
    it = std::lower_bound(cumulative_.begin(), cumulative_.end(), total);
  }
  return static_cast<std::size_t>(it - cumulative_.begin());
}

double EmpiricalDiscrete::operator()(RandomStream& rng) const {
  return values_[draw_index(rng)];
}

double EmpiricalDiscrete::probability(std::size_t i) const {
  assert(i < values_.size());
  const double below = i == 0 ? 0.0 : cumulative_[i - 1];
  return (cumulative_[i] - below) / cumulative_.back();
}

double EmpiricalDiscrete::mean() const {
  double m = 0.0;
  for (std::size_t i = 0; i < values_.size(); ++i) {
    m += probability(i) * values_[i];
  }
  return m;
}

double EmpiricalDiscrete::variance() const {
  const double m = mean();
  double v = 0.0;
  for (std::size_t i = 0; i < values_.size(); ++i) {
    v += probability(i) * (values_[i] - m) * (values_[i] - m);
  }
  return v;
}

EmpiricalContinuous::EmpiricalContinuous(std::vector<double> data) : sorted_(std::move(data)) {
  if (sorted_.empty()) {
    reject("EmpiricalContinuous", "needs at least one observation");
  }
  for (std::size_t i = 0; i < sorted_.size(); ++i) {
    if (!finite(sorted_[i])) {
      reject("EmpiricalContinuous", "observation " + std::to_string(i) + " is not finite");
    }
  }
  std::sort(sorted_.begin(), sorted_.end());
}

double EmpiricalContinuous::operator()(RandomStream& rng) const {
  return type7_quantile(sorted_, rng.uniform01());
}

double EmpiricalContinuous::mean() const {
  const std::size_t n = sorted_.size();
  if (n == 1) {
    return sorted_[0];
  }
  // Each gap [x_i, x_i+1] has probability 1/(n-1) and a uniform density inside.
  double sum = 0.0;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    sum += 0.5 * (sorted_[i] + sorted_[i + 1]);
  }
  return sum / static_cast<double>(n - 1);
}

double EmpiricalContinuous::variance() const {
  const std::size_t n = sorted_.size();
  if (n == 1) {
    return 0.0;
  }
  const double m = mean();
  // E[(X - m)^2] over each uniform gap, centred first to avoid cancellation.
  double sum = 0.0;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const double a = sorted_[i] - m;
    const double b = sorted_[i + 1] - m;
    sum += (a * a + a * b + b * b) / 3.0;
  }
  return sum / static_cast<double>(n - 1);
}

// ---------------------------------------------------------------- arrivals

PiecewisePoissonArrivals::PiecewisePoissonArrivals(std::vector<double> breakpoints,
                                                   std::vector<double> rates)
    : breakpoints_(std::move(breakpoints)), rates_(std::move(rates)) {
  constexpr std::string_view kWho = "PiecewisePoissonArrivals";
  if (breakpoints_.size() < 2) {
    reject(kWho, "needs at least two breakpoints");
  }
  if (rates_.size() + 1 != breakpoints_.size()) {
    reject(kWho, "needs one rate per interval: " + std::to_string(breakpoints_.size()) +
                     " breakpoints need " + std::to_string(breakpoints_.size() - 1) +
                     " rates, got " + std::to_string(rates_.size()));
  }
  cumulative_.reserve(breakpoints_.size());
  cumulative_.push_back(0.0);
  for (std::size_t i = 0; i < rates_.size(); ++i) {
    if (!finite(breakpoints_[i]) || !finite(breakpoints_[i + 1]) ||
        !(breakpoints_[i] < breakpoints_[i + 1])) {
      reject(kWho, "breakpoints must be finite and strictly increasing; breakpoint " +
                       std::to_string(i + 1) + " (" + show(breakpoints_[i + 1]) +
                       ") does not follow " + show(breakpoints_[i]));
    }
    if (!finite(rates_[i]) || rates_[i] < 0.0) {
      reject(kWho,
             "rate " + std::to_string(i) + " must be a finite number >= 0, got " + show(rates_[i]));
    }
    cumulative_.push_back(cumulative_.back() + rates_[i] * (breakpoints_[i + 1] - breakpoints_[i]));
  }
}

double PiecewisePoissonArrivals::cumulative(double t) const {
  if (t <= breakpoints_.front()) {
    return 0.0;
  }
  if (t >= breakpoints_.back()) {
    return cumulative_.back();
  }
  const auto it = std::upper_bound(breakpoints_.begin(), breakpoints_.end(), t);
  const auto i = static_cast<std::size_t>(it - breakpoints_.begin()) - 1;
  return cumulative_[i] + rates_[i] * (t - breakpoints_[i]);
}

double PiecewisePoissonArrivals::next_after(double t, RandomStream& rng) const {
  const double target = cumulative(t) - std::log(rng.uniform01_open());
  const auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), target);
  if (it == cumulative_.end()) {
    return std::numeric_limits<double>::infinity();
  }
  // cumulative_[i] <= target < cumulative_[i + 1], so rate i is positive.
  const auto i = static_cast<std::size_t>(it - cumulative_.begin()) - 1;
  return breakpoints_[i] + (target - cumulative_[i]) / rates_[i];
}

double PiecewisePoissonArrivals::expected_count(double t0, double t1) const {
  assert(t0 <= t1);
  return cumulative(t1) - cumulative(t0);
}

}  // namespace hallsim::sim
