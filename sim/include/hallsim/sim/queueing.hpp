#pragma once
/// \file
/// Analytic queueing results: Erlang B and C, M/M/c waits and their tail, the number of
/// windows needed for a waiting-time target, Pollaczek–Khinchine for M/G/1, Cobham's
/// non-preemptive priority M/G/1, the Allen–Cunneen G/G/c approximation, Little's law.
///
/// Rates are per unit of time and times are in the same unit. Bad parameters (a
/// negative rate, no servers) throw std::invalid_argument; an overloaded queue is not
/// an error: its mean wait is +infinity.

#include <span>
#include <vector>

namespace hallsim::sim {

/// Erlang B: probability that an arrival finds all `servers` busy in the M/M/c/c loss
/// system with offered load A = arrival rate / service rate. Stable for thousands of servers.
double erlang_b(int servers, double offered_load);

/// Erlang C: probability that an arrival has to wait in M/M/c; 1 when A >= servers.
double erlang_c(int servers, double offered_load);

/// An M/M/c queue: Poisson arrivals, exponential service, c servers, one FIFO line.
class MmcQueue {
 public:
  MmcQueue(double arrival_rate, double service_rate, int servers);

  double arrival_rate() const { return lambda_; }
  double service_rate() const { return mu_; }
  int servers() const { return c_; }
  /// A = lambda / mu, in erlangs.
  double offered_load() const { return lambda_ / mu_; }
  /// rho = A / c.
  double utilisation() const { return offered_load() / c_; }
  bool stable() const { return utilisation() < 1.0; }

  /// P(W > 0), Erlang C.
  double prob_wait() const;
  /// Mean wait in line Wq = C / (c mu - lambda); +infinity when unstable.
  double mean_wait() const;
  /// Mean number waiting Lq = lambda Wq.
  double mean_queue_length() const;
  /// Mean time in the hall W = Wq + 1 / mu.
  double mean_sojourn() const;
  /// Mean number in the system L = lambda W.
  double mean_in_system() const;
  /// P(W > t) = C exp(-(c mu - lambda) t); 1 when unstable.
  double prob_wait_exceeds(double t) const;
  /// The p-quantile of the wait (0 when p <= 1 - C); +infinity when unstable.
  double wait_quantile(double p) const;

 private:
  double lambda_, mu_;
  int c_;
};

/// Smallest number of servers whose M/M/c mean wait is at most `max_mean_wait`.
int min_servers_for_mean_wait(double arrival_rate, double service_rate, double max_mean_wait);

/// Smallest number of servers with P(W <= wait) >= fraction in M/M/c
/// (e.g. 90% of visitors wait at most 15 minutes). `fraction` lies in (0, 1).
int min_servers_for_wait_target(double arrival_rate, double service_rate, double wait,
                                double fraction);

/// Pollaczek–Khinchine mean wait of M/G/1: lambda E[S^2] / (2 (1 - rho)), with
/// E[S^2] = mean^2 (1 + cv^2). cv = 0 is M/D/1, cv = 1 is M/M/1. +infinity when rho >= 1.
double mg1_mean_wait(double arrival_rate, double mean_service, double service_cv);

/// One class of visitors in a priority queue.
struct PriorityClass {
  double arrival_rate = 0.0;
  double mean_service = 0.0;
  double service_cv = 1.0;  ///< coefficient of variation of the service time
};

/// Cobham's mean waits for the non-preemptive priority M/G/1 queue. `classes` are listed
/// from the highest priority down; W_k = W0 / ((1 - s_{k-1}) (1 - s_k)) with
/// W0 = sum lambda_i E[S_i^2] / 2 and s_k the load of classes 1..k. A class whose
/// s_k >= 1 has an infinite wait.
std::vector<double> priority_mg1_mean_waits(std::span<const PriorityClass> classes);

/// Allen–Cunneen approximation of the G/G/c mean wait: the M/M/c wait times
/// (ca^2 + cs^2) / 2. Exact for M/M/c and for M/G/1; an approximation otherwise.
double allen_cunneen_mean_wait(double arrival_rate, double mean_service, int servers,
                               double arrival_cv, double service_cv);

/// Little's law L = lambda W: mean number present from throughput and mean time.
double little_number(double throughput, double mean_time);
/// Little's law W = L / lambda: mean time from mean number present and throughput.
double little_time(double mean_number, double throughput);

}  // namespace hallsim::sim
