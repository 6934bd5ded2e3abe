#include "hallsim/sim/queueing.hpp"

#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace hallsim::sim {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Far beyond any hall; only stops a search whose target cannot be met.
constexpr int kMaxServers = 1'000'000;

void require_positive(double x, const char* what) {
  if (!std::isfinite(x) || x <= 0.0) {
    throw std::invalid_argument(std::string(what) + " must be a positive finite number, got " +
                                std::to_string(x));
  }
}

void require_non_negative(double x, const char* what) {
  if (!std::isfinite(x) || x < 0.0) {
    throw std::invalid_argument(std::string(what) + " must be a finite number >= 0, got " +
                                std::to_string(x));
  }
}

void require_servers(int servers) {
  if (servers < 1) {
    throw std::invalid_argument("the number of servers must be >= 1, got " +
                                std::to_string(servers));
  }
}

}  // namespace

double erlang_b(int servers, double offered_load) {
  require_servers(servers);
  require_non_negative(offered_load, "the offered load");
  // B(0) = 1, B(k) = A B(k-1) / (k + A B(k-1)): every term lies in [0, 1], no factorials.
  double b = 1.0;
  for (int k = 1; k <= servers; ++k) {
    b = offered_load * b / (k + offered_load * b);
  }
  return b;
}

double erlang_c(int servers, double offered_load) {
  const double b = erlang_b(servers, offered_load);
  if (offered_load >= servers) {
    return 1.0;
  }
  return servers * b / (servers - offered_load * (1.0 - b));
}

MmcQueue::MmcQueue(double arrival_rate, double service_rate, int servers)
    : lambda_(arrival_rate), mu_(service_rate), c_(servers) {
  require_non_negative(arrival_rate, "the arrival rate");
  require_positive(service_rate, "the service rate");
  require_servers(servers);
}

double MmcQueue::prob_wait() const {
  return erlang_c(c_, offered_load());
}

double MmcQueue::mean_wait() const {
  if (!stable()) {
    return kInf;
  }
  return prob_wait() / (c_ * mu_ - lambda_);
}

double MmcQueue::mean_queue_length() const {
  return stable() ? lambda_ * mean_wait() : kInf;
}

double MmcQueue::mean_sojourn() const {
  return mean_wait() + 1.0 / mu_;
}

double MmcQueue::mean_in_system() const {
  return stable() ? lambda_ * mean_sojourn() : kInf;
}

double MmcQueue::prob_wait_exceeds(double t) const {
  require_non_negative(t, "the waiting time");
  if (!stable()) {
    return 1.0;
  }
  return prob_wait() * std::exp(-(c_ * mu_ - lambda_) * t);
}

double MmcQueue::wait_quantile(double p) const {
  if (!(p >= 0.0 && p < 1.0)) {
    throw std::invalid_argument("the wait quantile's probability must lie in [0, 1), got " +
                                std::to_string(p));
  }
  if (!stable()) {
    return kInf;
  }
  const double c = prob_wait();
  if (p <= 1.0 - c) {
    return 0.0;
  }
  return std::log(c / (1.0 - p)) / (c_ * mu_ - lambda_);
}

int min_servers_for_mean_wait(double arrival_rate, double service_rate, double max_mean_wait) {
  require_non_negative(max_mean_wait, "the target mean wait");
  // Wq falls as servers are added; start at the fewest servers that keep the line stable.
  const MmcQueue probe(arrival_rate, service_rate, 1);
  for (int c = static_cast<int>(std::floor(probe.offered_load())) + 1; c <= kMaxServers; ++c) {
    if (MmcQueue(arrival_rate, service_rate, c).mean_wait() <= max_mean_wait) {
      return c;
    }
  }
  throw std::invalid_argument("no number of servers up to " + std::to_string(kMaxServers) +
                              " meets a mean wait of " + std::to_string(max_mean_wait));
}

int min_servers_for_wait_target(double arrival_rate, double service_rate, double wait,
                                double fraction) {
  require_non_negative(wait, "the target wait");
  if (!(fraction > 0.0 && fraction < 1.0)) {
    throw std::invalid_argument(
        "the fraction of visitors meeting the target must lie in (0, 1), "
        "got " +
        std::to_string(fraction));
  }
  const MmcQueue probe(arrival_rate, service_rate, 1);
  for (int c = static_cast<int>(std::floor(probe.offered_load())) + 1; c <= kMaxServers; ++c) {
    if (MmcQueue(arrival_rate, service_rate, c).prob_wait_exceeds(wait) <= 1.0 - fraction) {
      return c;
    }
  }
  throw std::invalid_argument("no number of servers up to " + std::to_string(kMaxServers) +
                              " meets the waiting-time target");
}

double mg1_mean_wait(double arrival_rate, double mean_service, double service_cv) {
  require_non_negative(arrival_rate, "the arrival rate");
  require_positive(mean_service, "the mean service time");
  require_non_negative(service_cv, "the service time's coefficient of variation");
  const double rho = arrival_rate * mean_service;
  if (rho >= 1.0) {
    return kInf;
  }
  const double second_moment = mean_service * mean_service * (1.0 + service_cv * service_cv);
  return arrival_rate * second_moment / (2.0 * (1.0 - rho));
}

std::vector<double> priority_mg1_mean_waits(std::span<const PriorityClass> classes) {
  // W0: the mean residual work of the job in service, seen by an arrival.
  double w0 = 0.0;
  for (const PriorityClass& k : classes) {
    require_non_negative(k.arrival_rate, "a class's arrival rate");
    require_positive(k.mean_service, "a class's mean service time");
    require_non_negative(k.service_cv, "a class's service-time coefficient of variation");
    w0 += 0.5 * k.arrival_rate * k.mean_service * k.mean_service *
          (1.0 + k.service_cv * k.service_cv);
  }
  std::vector<double> waits;
  waits.reserve(classes.size());
  double load_above = 0.0;
  for (const PriorityClass& k : classes) {
    const double load_through = load_above + k.arrival_rate * k.mean_service;
    waits.push_back(load_through >= 1.0 ? kInf : w0 / ((1.0 - load_above) * (1.0 - load_through)));
    load_above = load_through;
  }
  return waits;
}

double allen_cunneen_mean_wait(double arrival_rate, double mean_service, int servers,
                               double arrival_cv, double service_cv) {
  require_positive(mean_service, "the mean service time");
  require_non_negative(arrival_cv, "the arrival coefficient of variation");
  require_non_negative(service_cv, "the service coefficient of variation");
  const MmcQueue mmc(arrival_rate, 1.0 / mean_service, servers);
  if (!mmc.stable()) {
    return kInf;  // also when both cvs are 0: never infinity times zero
  }
  return mmc.mean_wait() * 0.5 * (arrival_cv * arrival_cv + service_cv * service_cv);
}

double little_number(double throughput, double mean_time) {
  return throughput * mean_time;
}

double little_time(double mean_number, double throughput) {
  require_positive(throughput, "the throughput");
  return mean_number / throughput;
}

}  // namespace hallsim::sim
