#pragma once
/// \file
/// Estimating a scenario from real ticket records: each item's service-time distribution
/// (by mean and coefficient of variation, log-normal or gamma, whichever is nearer the data
/// by the Kolmogorov–Smirnov distance) and its hourly arrival rates per weekday. Also a
/// synthetic ticket log drawn from a scenario, for samples and for testing the fit.

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "hallsim/sim/scenario.hpp"

namespace hallsim::sim {

/// Service times of one item and the distribution fitted to them by the method of moments.
struct ServiceTimeFit {
  std::string item;
  std::size_t tickets = 0;  ///< records of the item
  std::size_t count = 0;    ///< records with both a call and a finish time: the sample
  double mean = std::numeric_limits<double>::quiet_NaN();    ///< seconds
  double stddev = std::numeric_limits<double>::quiet_NaN();  ///< sample (n - 1), seconds
  double cv = std::numeric_limits<double>::quiet_NaN();      ///< stddev / mean
  double mean_standard_error = std::numeric_limits<double>::quiet_NaN();  ///< stddev / sqrt(n)
  /// lognormal or gamma (the smaller KS distance); deterministic when the sample has no spread.
  DistributionKind choice = DistributionKind::lognormal;
  /// Kolmogorov–Smirnov distance sup |F_n - F| of the sample from each family with the
  /// sample's mean and cv (NaN for fewer than 2 values or no spread).
  double ks_lognormal = std::numeric_limits<double>::quiet_NaN();
  double ks_gamma = std::numeric_limits<double>::quiet_NaN();  ///< see ks_lognormal

  /// The chosen distribution by mean and cv (meaningless when count is 0).
  DistributionSpec spec() const;
};

/// Hourly arrival rates of one item.
struct ArrivalFit {
  std::string item;
  /// Tickets in each clock hour [h:00, h+1:00) per observed day of each weekday.
  std::array<std::array<double, 24>, kWeekdays> tickets_per_day{};
  /// Visitors per hour while the doors are open: tickets_per_day divided by the part of the
  /// hour the calendar has the doors open (0 where they are closed all hour). This is the
  /// scenario's hourly_rate: the hall model draws rate x open part of each hour.
  std::array<std::array<double, 24>, kWeekdays> hourly_rate{};
};

/// What a ticket log says about demand and service.
struct TicketLogFit {
  std::size_t records = 0;
  /// Records with a call and a finish time (their service time enters the fit).
  std::size_t served = 0;
  /// Days of each weekday with at least one ticket: the divisor of the rates.
  std::array<int, kWeekdays> days_observed{};
  /// Tickets taken while the calendar has the doors closed; left out of the rates.
  std::size_t outside_hours = 0;
  std::vector<ServiceTimeFit> services;  ///< one per item, in order of first appearance
  std::vector<ArrivalFit> arrivals;      ///< same order as services
};

/// Fits every item of `records`. Record day d falls on weekday (first_day + d) mod 7; the
/// calendar gives the open part of each hour. Records must have day >= 0 and finite times.
TicketLogFit fit_ticket_log(const std::vector<TicketRecord>& records, Weekday first_day,
                            const Calendar& calendar = {});

/// Fits one sample of service times (seconds, >= 0); `item` is copied into the result.
ServiceTimeFit fit_service_times(std::vector<double> sample, const std::string& item = {});

/// CDF at x of the log-normal with this mean and coefficient of variation (cv > 0).
double lognormal_cdf(double x, double mean, double cv);
/// CDF at x of the gamma with this mean and coefficient of variation (cv > 0).
double gamma_cdf(double x, double mean, double cv);
/// Kolmogorov–Smirnov distance sup_x |F_n(x) - F(x)| of a sample (any order) from `cdf`.
double ks_distance(std::vector<double> sample, const std::function<double(double)>& cdf);

/// Walk-in rates (visitors per hour) of one item in each clock hour of one weekday, as the
/// hall model draws them: hourly_rate as given; a daily total spread by hourly_shape (all
/// zero: uniform) normalised over the part of each hour the doors are open (open_time to the
/// later of close_time and extended_until), so that the day's expected arrivals are the
/// total. All zero on a closed day.
std::array<double, 24> walk_in_rates(const ItemDemand& demand, const DayHours& hours, Weekday day);

/// Expected arrivals of a day with these rates: each hour's rate times the part of the hour
/// the doors are open.
double expected_arrivals(const std::array<double, 24>& rates, const DayHours& hours);

/// A counter of the synthetic hall.
struct SyntheticCounter {
  std::string id;
  std::string type = "general";  ///< floor-plan spelling of the counter type
};

/// Settings of a synthetic ticket log.
struct SyntheticLogSettings {
  int days = 10;
  Weekday first_day = Weekday::mon;
  std::uint64_t seed = 1;
  std::vector<SyntheticCounter> counters;
};

/// A ticket log drawn from a scenario's walk-in demand and service times at a plain
/// queue-management system: Poisson arrivals by the hour (as the hall model draws them);
/// kiosk users take no ticket; a free counter calls the longest-waiting ticket it may serve
/// (by counter type or id); counters keep the scenario's hours, lunch and extended counters
/// and shifts; visitors leave unserved after their patience (behaviour.patience, when
/// reneging is on) and, under send_home, at closing. Appointments, consultations, walking,
/// priorities and no-shows are left out. Same scenario, settings and seed: same records.
std::vector<TicketRecord> synthesize_ticket_log(const Scenario& scenario,
                                                const SyntheticLogSettings& settings);

}  // namespace hallsim::sim
