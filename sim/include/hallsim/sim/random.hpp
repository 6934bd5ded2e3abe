#pragma once
/// \file
/// Seeded, named, independent random streams and the distributions hall models
/// use. Everything here is written in the project, so a seed gives the same
/// numbers with every standard library.
///
/// Each distribution is a small immutable value type: its constructor checks the
/// parameters (std::invalid_argument with a sentence naming the bad value), and it
/// offers `operator()(RandomStream&) const`, `mean()` and `variance()`. Parameters
/// are read back through accessors of the same name as the constructor argument.

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

namespace hallsim::sim {

/// One random stream: a xoshiro256++ generator (period 2^256 - 1).
/// Streams are made by a RandomSource from (master seed, name), so "arrivals"
/// and "service" stay independent and two runs that differ only in staffing
/// draw the same visitors (common random numbers).
class RandomStream {
 public:
  /// A stream that starts from a raw xoshiro256++ state, which must not be all zero.
  /// Models get their streams from RandomSource; this is for tests and checkpoints.
  explicit RandomStream(const std::array<std::uint64_t, 4>& state);

  /// Next raw 64-bit value.
  std::uint64_t next_u64() {
    const std::uint64_t result = rotl(s_[0] + s_[3], 23) + s_[0];
    const std::uint64_t t = s_[1] << 17;
    s_[2] ^= s_[0];
    s_[3] ^= s_[1];
    s_[1] ^= s_[2];
    s_[0] ^= s_[3];
    s_[2] ^= t;
    s_[3] = rotl(s_[3], 45);
    return result;
  }
  /// Uniform on [0, 1) with 53 random bits.
  double uniform01() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }
  /// Uniform on (0, 1): never 0, safe for log(); 52 random bits, centred in their cells.
  double uniform01_open() { return (static_cast<double>(next_u64() >> 12) + 0.5) * 0x1.0p-52; }
  /// Uniform integer in [0, n) without modulo bias; n must be > 0.
  std::uint64_t uniform_below(std::uint64_t n);

  /// The generator's current state (it continues from here when copied).
  const std::array<std::uint64_t, 4>& state() const { return s_; }

 private:
  static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

  std::array<std::uint64_t, 4> s_;
};

/// Makes named streams from one master seed.
class RandomSource {
 public:
  explicit RandomSource(std::uint64_t seed);
  /// The stream for `name`; the same (seed, name) always gives the same stream.
  /// It is the stream (name, 0).
  RandomStream stream(std::string_view name) const;
  /// The stream for `name` and a number (replication k, counter i, ...).
  RandomStream stream(std::string_view name, std::uint64_t index) const;
  std::uint64_t seed() const;

 private:
  std::uint64_t seed_;
};

/// Always the same value (deterministic service, fixed walking time).
class Deterministic {
 public:
  explicit Deterministic(double value);
  double operator()(RandomStream& /*rng*/) const { return value_; }
  double value() const { return value_; }
  double mean() const { return value_; }
  double variance() const { return 0.0; }

 private:
  double value_;
};

/// Exponential, given by its mean (= 1 / rate); inverse-CDF method, one draw.
class Exponential {
 public:
  explicit Exponential(double mean);
  double operator()(RandomStream& rng) const { return -mean_ * std::log(rng.uniform01_open()); }
  double mean() const { return mean_; }
  double variance() const { return mean_ * mean_; }

 private:
  double mean_;
};

/// Uniform on [low, high); one draw.
class Uniform {
 public:
  Uniform(double low, double high);
  double operator()(RandomStream& rng) const;
  double low() const { return low_; }
  double high() const { return high_; }
  double mean() const;
  double variance() const;

 private:
  double low_, high_;
};

/// Triangular on [low, high] with the given mode; inverse-CDF method, one draw.
class Triangular {
 public:
  Triangular(double low, double mode, double high);
  double operator()(RandomStream& rng) const;
  double low() const { return low_; }
  double mode() const { return mode_; }
  double high() const { return high_; }
  double mean() const;
  double variance() const;

 private:
  double low_, mode_, high_;
};

/// Normal; Box–Muller with exactly two draws per value and no state kept between calls.
class Normal {
 public:
  Normal(double mean, double stddev);
  double operator()(RandomStream& rng) const;
  double mean() const { return mean_; }
  double stddev() const { return stddev_; }
  double variance() const { return stddev_ * stddev_; }

 private:
  double mean_, stddev_;
};

/// Log-normal given by its own mean and coefficient of variation (not those of the log).
class LogNormal {
 public:
  LogNormal(double mean, double cv);
  double operator()(RandomStream& rng) const;
  double mean() const { return mean_; }
  double cv() const { return cv_; }
  double variance() const { return mean_ * mean_ * cv_ * cv_; }
  /// Parameters of the underlying normal: log X ~ N(mu, sigma^2).
  double log_mu() const { return mu_; }
  double log_sigma() const { return sigma_; }

 private:
  double mean_, cv_, mu_, sigma_;
};

/// Gamma given by mean and coefficient of variation: shape 1/cv^2, scale mean*cv^2.
/// Marsaglia–Tsang squeeze-rejection; shape < 1 (cv > 1) via the U^(1/shape) boost.
class Gamma {
 public:
  Gamma(double mean, double cv);
  double operator()(RandomStream& rng) const;
  double mean() const { return mean_; }
  double cv() const { return cv_; }
  double variance() const { return mean_ * mean_ * cv_ * cv_; }
  double shape() const { return shape_; }
  double scale() const { return scale_; }

 private:
  double mean_, cv_, shape_, scale_;
  double d_, c_;  ///< Marsaglia–Tsang constants for shape max(shape, shape + 1)
};

/// Sum of k exponentials; `mean` is the total mean (each phase has mean/k). k draws.
class Erlang {
 public:
  Erlang(int k, double mean);
  double operator()(RandomStream& rng) const;
  int k() const { return k_; }
  double mean() const { return mean_; }
  double variance() const { return mean_ * mean_ / k_; }

 private:
  int k_;
  double mean_;
};

/// True with probability p; one draw.
class Bernoulli {
 public:
  explicit Bernoulli(double p);
  bool operator()(RandomStream& rng) const { return rng.uniform01() < p_; }
  double p() const { return p_; }
  double mean() const { return p_; }
  double variance() const { return p_ * (1.0 - p_); }

 private:
  double p_;
};

/// Poisson count. Mean < 10: inversion by sequential search (one draw);
/// mean >= 10: Hörmann's PTRS transformed rejection (two draws per trial).
class Poisson {
 public:
  explicit Poisson(double mean);
  std::int64_t operator()(RandomStream& rng) const;
  double mean() const { return mean_; }
  double variance() const { return mean_; }

 private:
  double mean_;
  double exp_minus_mean_;                      ///< inversion start, mean < 10
  double b_, a_, inv_alpha_, v_r_, log_mean_;  ///< PTRS constants, mean >= 10
};

/// Discrete empirical: values with weights (need not sum to one). Cumulative search, one draw.
class EmpiricalDiscrete {
 public:
  EmpiricalDiscrete(std::vector<double> values, std::vector<double> weights);
  double operator()(RandomStream& rng) const;
  /// Index of the drawn value (to pick a service type, a counter, ...).
  std::size_t draw_index(RandomStream& rng) const;
  const std::vector<double>& values() const { return values_; }
  /// Normalised probability of values()[i].
  double probability(std::size_t i) const;
  double mean() const;
  double variance() const;

 private:
  std::vector<double> values_;
  std::vector<double> cumulative_;  ///< running sums of the weights
};

/// Continuous empirical from data: the inverse CDF interpolates linearly between the
/// sorted observations (the type-7 sample quantile function), so every gap between two
/// neighbouring observations is equally likely and uniform inside. One draw.
class EmpiricalContinuous {
 public:
  /// Any order; the data are sorted here. At least one finite value.
  explicit EmpiricalContinuous(std::vector<double> data);
  double operator()(RandomStream& rng) const;
  const std::vector<double>& sorted_data() const { return sorted_; }
  double mean() const;
  double variance() const;

 private:
  std::vector<double> sorted_;
};

/// Any real-valued distribution above, chosen at run time (e.g. a service time read from
/// a plan). Holds its alternative by value.
class Distribution {
 public:
  using Alternatives =
      std::variant<Deterministic, Exponential, Uniform, Triangular, Normal, LogNormal, Gamma,
                   Erlang, EmpiricalDiscrete, EmpiricalContinuous>;
  template <class D>
  requires std::is_constructible_v<Alternatives, D> Distribution(D d)
      : impl_(std::move(d)) {}  // NOLINT(google-explicit-constructor)

  double operator()(RandomStream& rng) const {
    return std::visit([&rng](const auto& d) { return static_cast<double>(d(rng)); }, impl_);
  }
  double mean() const {
    return std::visit([](const auto& d) { return d.mean(); }, impl_);
  }
  double variance() const {
    return std::visit([](const auto& d) { return d.variance(); }, impl_);
  }
  const Alternatives& alternatives() const { return impl_; }

 private:
  Alternatives impl_;
};

/// Arrival times of a Poisson process whose rate is constant between breakpoints
/// (visitors per unit time from breakpoints[i] to breakpoints[i + 1]), found by
/// inverting the cumulative rate with one Exp(1) draw per arrival. No arrivals
/// before the first or after the last breakpoint.
class PiecewisePoissonArrivals {
 public:
  PiecewisePoissonArrivals(std::vector<double> breakpoints, std::vector<double> rates);
  /// The first arrival strictly after `t`, or +infinity if none comes before the last
  /// breakpoint.
  double next_after(double t, RandomStream& rng) const;
  /// Expected number of arrivals in [t0, t1].
  double expected_count(double t0, double t1) const;
  const std::vector<double>& breakpoints() const { return breakpoints_; }
  const std::vector<double>& rates() const { return rates_; }

 private:
  double cumulative(double t) const;

  std::vector<double> breakpoints_, rates_;
  std::vector<double> cumulative_;  ///< integral of the rate up to each breakpoint
};

}  // namespace hallsim::sim
