#include <algorithm>
#include <stdexcept>
#include <string>

#include "hallsim/sim/scenario.hpp"

namespace hallsim::sim {

std::array<double, 24> hourly_rates(const ItemDemand& d, Weekday day, double open, double close) {
  const auto w = static_cast<std::size_t>(day);
  if (d.form == RateForm::hourly) {
    return d.hourly_rate[w];
  }
  std::array<double, 24> weight = d.hourly_shape;
  if (std::all_of(weight.begin(), weight.end(), [](double x) { return x == 0.0; })) {
    weight.fill(1.0);
  }
  // Normalise over the part of each hour the doors are open, so that the expected
  // number of arrivals that day is the daily total.
  double open_weight = 0.0;
  for (std::size_t h = 0; h < 24; ++h) {
    const double a = std::max(open, static_cast<double>(h) * kHourSeconds);
    const double b = std::min(close, static_cast<double>(h + 1) * kHourSeconds);
    if (b > a) {
      open_weight += weight[h] * (b - a) / kHourSeconds;
    }
  }
  std::array<double, 24> rate{};
  if (open_weight <= 0.0) {
    return rate;
  }
  for (std::size_t h = 0; h < 24; ++h) {
    rate[h] = d.daily_total[w] * weight[h] / open_weight;
  }
  return rate;
}

const char* to_string(Weekday day) {
  switch (day) {
    case Weekday::mon:
      return "mon";
    case Weekday::tue:
      return "tue";
    case Weekday::wed:
      return "wed";
    case Weekday::thu:
      return "thu";
    case Weekday::fri:
      return "fri";
    case Weekday::sat:
      return "sat";
    case Weekday::sun:
      return "sun";
  }
  return "?";
}

const char* to_string(DistributionKind kind) {
  switch (kind) {
    case DistributionKind::deterministic:
      return "deterministic";
    case DistributionKind::exponential:
      return "exponential";
    case DistributionKind::lognormal:
      return "lognormal";
    case DistributionKind::gamma:
      return "gamma";
    case DistributionKind::normal:
      return "normal";
    case DistributionKind::uniform:
      return "uniform";
    case DistributionKind::empirical:
      return "empirical";
  }
  return "?";
}

const char* to_string(ClosingPolicy policy) {
  switch (policy) {
    case ClosingPolicy::serve_ticket_holders:
      return "serve_ticket_holders";
    case ClosingPolicy::send_home:
      return "send_home";
  }
  return "?";
}

const char* to_string(CallSelection selection) {
  switch (selection) {
    case CallSelection::longest_waiting:
      return "longest_waiting";
    case CallSelection::queue_order:
      return "queue_order";
  }
  return "?";
}

Distribution make_distribution(const DistributionSpec& spec) {
  switch (spec.kind) {
    case DistributionKind::deterministic:
      return Deterministic(spec.mean);
    case DistributionKind::exponential:
      return Exponential(spec.mean);
    case DistributionKind::lognormal:
      // A coefficient of variation of 0 is a fixed time; LogNormal itself needs cv > 0.
      if (spec.cv == 0.0) {
        return Deterministic(spec.mean);
      }
      return LogNormal(spec.mean, spec.cv);
    case DistributionKind::gamma:
      if (spec.cv == 0.0) {
        return Deterministic(spec.mean);
      }
      return Gamma(spec.mean, spec.cv);
    case DistributionKind::normal:
      return Normal(spec.mean, spec.stddev);
    case DistributionKind::uniform:
      return Uniform(spec.low, spec.high);
    case DistributionKind::empirical:
      return EmpiricalContinuous(spec.data);
  }
  throw std::invalid_argument("unknown distribution kind");
}

}  // namespace hallsim::sim
