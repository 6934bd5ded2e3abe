#pragma once
/// \file
/// Seeded, named, independent random streams and the distributions hall models
/// use. Everything here is written in the project, so a seed gives the same
/// numbers with every standard library.
///
/// Pinned public API (implementation in sim/src).

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace hallsim::sim {

/// One random stream (a 64-bit generator with 2^256 period class or better).
/// Streams are made by a RandomSource from (master seed, name), so "arrivals"
/// and "service" stay independent and two runs that differ only in staffing
/// draw the same visitors (common random numbers).
class RandomStream {
 public:
  /// Next raw 64-bit value.
  std::uint64_t next_u64();
  /// Uniform on [0, 1) with 53 random bits.
  double uniform01();
  /// Uniform on (0, 1): never 0, safe for log().
  double uniform01_open();
};

/// Makes named streams from one master seed.
class RandomSource {
 public:
  explicit RandomSource(std::uint64_t seed);
  /// The stream for `name`; the same (seed, name) always gives the same stream.
  RandomStream stream(std::string_view name) const;
  /// The stream for `name` and a number (replication k, counter i, ...).
  RandomStream stream(std::string_view name, std::uint64_t index) const;
  std::uint64_t seed() const;
};

// Distributions: each is a small value type with `double operator()(RandomStream&) const`
// (integer-valued ones return std::int64_t or bool), plus mean() and variance().
struct Exponential { double mean; };                        ///< by mean (= 1/rate)
struct Uniform { double low, high; };
struct Triangular { double low, mode, high; };
struct Normal { double mean, stddev; };
struct LogNormal { double mean, cv; };                      ///< by mean and coefficient of variation
struct Gamma { double mean, cv; };                          ///< by mean and coefficient of variation
struct Erlang { int k; double mean; };                      ///< sum of k exponentials, total mean
struct Bernoulli { double p; };
struct Poisson { double mean; };
/// Discrete empirical: values with weights.
struct EmpiricalDiscrete { std::vector<double> values, weights; };
/// Continuous empirical from data (linear interpolation of the sample's quantiles).
struct EmpiricalContinuous { std::vector<double> sorted_data; };

}  // namespace hallsim::sim
