#include "hallsim/sim/fit.hpp"

#include <algorithm>
#include <boost/math/special_functions/gamma.hpp>
#include <cassert>
#include <cmath>
#include <map>
#include <set>
#include <utility>

namespace hallsim::sim {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Seconds of clock hour `hour` during which the doors are open on `day`.
double open_seconds(const DayHours& day, int hour) {
  if (!day.open) {
    return 0.0;
  }
  const double close = std::max(day.close_time, day.extended_until);
  const double a = std::max(day.open_time, hour * kHourSeconds);
  const double b = std::min(close, (hour + 1) * kHourSeconds);
  return std::max(0.0, b - a);
}

bool doors_open(const DayHours& day, double clock) {
  return day.open && clock >= day.open_time && clock < std::max(day.close_time, day.extended_until);
}

}  // namespace

DistributionSpec ServiceTimeFit::spec() const {
  if (!(cv > 0.0)) {
    return DistributionSpec::fixed(mean);
  }
  return choice == DistributionKind::gamma ? DistributionSpec::gamma(mean, cv)
                                           : DistributionSpec::lognormal(mean, cv);
}

double lognormal_cdf(double x, double mean, double cv) {
  assert(mean > 0.0 && cv > 0.0);
  if (x <= 0.0) {
    return 0.0;
  }
  const double sigma2 = std::log1p(cv * cv);
  const double mu = std::log(mean) - 0.5 * sigma2;
  return 0.5 * std::erfc(-(std::log(x) - mu) / std::sqrt(2.0 * sigma2));
}

double gamma_cdf(double x, double mean, double cv) {
  assert(mean > 0.0 && cv > 0.0);
  if (x <= 0.0) {
    return 0.0;
  }
  const double shape = 1.0 / (cv * cv);
  const double scale = mean * cv * cv;
  return boost::math::gamma_p(shape, x / scale);
}

double ks_distance(std::vector<double> sample, const std::function<double(double)>& cdf) {
  assert(!sample.empty());
  std::sort(sample.begin(), sample.end());
  const auto n = static_cast<double>(sample.size());
  double d = 0.0;
  for (std::size_t i = 0; i < sample.size(); ++i) {
    const double f = cdf(sample[i]);
    // The empirical CDF jumps from i/n to (i+1)/n at the i-th order statistic.
    d = std::max({d, f - static_cast<double>(i) / n, static_cast<double>(i + 1) / n - f});
  }
  return d;
}

ServiceTimeFit fit_service_times(std::vector<double> sample, const std::string& item) {
  ServiceTimeFit fit;
  fit.item = item;
  fit.tickets = sample.size();
  fit.count = sample.size();
  if (sample.empty()) {
    return fit;
  }
  // Two-pass mean and variance: the sample is at hand, and this is exact to rounding.
  double sum = 0.0;
  for (const double x : sample) {
    sum += x;
  }
  fit.mean = sum / static_cast<double>(sample.size());
  if (sample.size() < 2) {
    fit.stddev = 0.0;
    fit.cv = 0.0;
    fit.mean_standard_error = kNaN;
    fit.choice = DistributionKind::deterministic;
    return fit;
  }
  double squares = 0.0;
  for (const double x : sample) {
    squares += (x - fit.mean) * (x - fit.mean);
  }
  fit.stddev = std::sqrt(squares / static_cast<double>(sample.size() - 1));
  fit.mean_standard_error = fit.stddev / std::sqrt(static_cast<double>(sample.size()));
  fit.cv = fit.mean > 0.0 ? fit.stddev / fit.mean : kNaN;
  if (!(fit.mean > 0.0) || !(fit.stddev > 0.0)) {
    fit.cv = 0.0;
    fit.choice = DistributionKind::deterministic;
    return fit;
  }
  const double mean = fit.mean;
  const double cv = fit.cv;
  fit.ks_lognormal = ks_distance(sample, [=](double x) { return lognormal_cdf(x, mean, cv); });
  fit.ks_gamma = ks_distance(std::move(sample), [=](double x) { return gamma_cdf(x, mean, cv); });
  fit.choice =
      fit.ks_gamma < fit.ks_lognormal ? DistributionKind::gamma : DistributionKind::lognormal;
  return fit;
}

TicketLogFit fit_ticket_log(const std::vector<TicketRecord>& records, Weekday first_day,
                            const Calendar& calendar) {
  TicketLogFit fit;
  fit.records = records.size();
  std::map<std::string, std::size_t> index;  // item -> position of first appearance
  std::vector<std::vector<double>> samples;
  std::vector<std::size_t> tickets;
  std::array<std::set<int>, kWeekdays> days;
  const auto weekday_of = [first_day](int day) {
    return static_cast<std::size_t>((static_cast<int>(first_day) + day) % kWeekdays);
  };

  for (const TicketRecord& r : records) {
    assert(r.day >= 0 && std::isfinite(r.ticket_time));
    const auto [it, added] = index.emplace(r.item, fit.arrivals.size());
    if (added) {
      fit.arrivals.emplace_back().item = r.item;
      samples.emplace_back();
      tickets.push_back(0);
    }
    const std::size_t k = it->second;
    ++tickets[k];
    const std::size_t w = weekday_of(r.day);
    days[w].insert(r.day);
    const auto& hours = calendar.days[w];
    if (doors_open(hours, r.ticket_time)) {
      const auto h = static_cast<std::size_t>(std::floor(r.ticket_time / kHourSeconds));
      fit.arrivals[k].tickets_per_day[w][h] += 1.0;
    } else {
      ++fit.outside_hours;
    }
    if (std::isfinite(r.call_time) && std::isfinite(r.finish_time)) {
      samples[k].push_back(r.finish_time - r.call_time);
      ++fit.served;
    }
  }

  for (std::size_t w = 0; w < static_cast<std::size_t>(kWeekdays); ++w) {
    fit.days_observed[w] = static_cast<int>(days[w].size());
  }
  for (std::size_t k = 0; k < fit.arrivals.size(); ++k) {
    ArrivalFit& a = fit.arrivals[k];
    for (std::size_t w = 0; w < static_cast<std::size_t>(kWeekdays); ++w) {
      const int n = fit.days_observed[w];
      for (int h = 0; h < 24; ++h) {
        const auto hh = static_cast<std::size_t>(h);
        if (n == 0) {
          continue;
        }
        a.tickets_per_day[w][hh] /= n;
        const double open = open_seconds(calendar.days[w], h);
        a.hourly_rate[w][hh] = open > 0.0 ? a.tickets_per_day[w][hh] * kHourSeconds / open : 0.0;
      }
    }
    ServiceTimeFit s = fit_service_times(std::move(samples[k]), a.item);
    s.tickets = tickets[k];
    fit.services.push_back(std::move(s));
  }
  return fit;
}

}  // namespace hallsim::sim
