// A scenario file written from the fit of a ticket log.

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "hallsim/layout/scenario_loader.hpp"
#include "scenario_checks.hpp"

namespace hallsim::layout {

namespace {

using nlohmann::ordered_json;

// Estimates carry a few significant digits at most; more would only be noise in the file.
double rounded(double x, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(x * scale) / scale;
}

ordered_json day_json(const sim::DayHours& d, sim::Weekday w) {
  ordered_json j;
  j["day"] = sim::to_string(w);
  if (!d.open) {
    j["open"] = false;
    return j;
  }
  j["open_time"] = detail::clock_text(d.open_time);
  j["close_time"] = detail::clock_text(d.close_time);
  j["has_lunch_break"] = d.has_lunch_break;
  if (d.has_lunch_break) {
    j["lunch_break"] = {{"begin", detail::clock_text(d.lunch_break.begin)},
                        {"end", detail::clock_text(d.lunch_break.end)}};
  }
  if (d.extended_until > d.close_time) {
    j["extended_until"] = detail::clock_text(d.extended_until);
  }
  return j;
}

ordered_json distribution_json(const sim::DistributionSpec& d) {
  ordered_json j;
  j["kind"] = sim::to_string(d.kind);
  j["mean"] = rounded(d.mean, 1);
  if (d.kind == sim::DistributionKind::lognormal || d.kind == sim::DistributionKind::gamma) {
    j["cv"] = rounded(d.cv, 3);
  }
  return j;
}

}  // namespace

std::string fitted_scenario_json(const sim::TicketLogFit& fit, const sim::Calendar& calendar,
                                 const std::string& name, sim::Weekday first_day) {
  std::vector<std::string> unserved;
  ordered_json items = ordered_json::array();
  for (const sim::ServiceTimeFit& s : fit.services) {
    ordered_json item;
    item["id"] = s.item;
    if (s.count == 0) {
      unserved.push_back(s.item);
      item["service_time"] = distribution_json(sim::ServiceItem{}.service_time);
    } else {
      item["service_time"] = distribution_json(s.spec());
    }
    items.push_back(item);
  }
  ordered_json demand = ordered_json::array();
  for (const sim::ArrivalFit& a : fit.arrivals) {
    ordered_json rates = ordered_json::array();
    for (const auto& day : a.hourly_rate) {
      ordered_json hours = ordered_json::array();
      for (const double r : day) {
        hours.push_back(rounded(r, 3));
      }
      rates.push_back(hours);
    }
    demand.push_back({{"item", a.item}, {"hourly_rate", rates}});
  }
  ordered_json days = ordered_json::array();
  for (std::size_t w = 0; w < calendar.days.size(); ++w) {
    days.push_back(day_json(calendar.days[w], static_cast<sim::Weekday>(w)));
  }

  std::string description =
      "Fitted from " + std::to_string(fit.records) +
      " ticket records: each item's service time (finish minus call) by its mean and "
      "coefficient of variation, as the log-normal or gamma distribution nearer the data by "
      "the Kolmogorov-Smirnov distance; hourly rates are tickets per hour the doors are open, "
      "averaged over the days of each weekday in the log. Items may be served by general "
      "counters only: add their counter types.";
  if (!unserved.empty()) {
    description += " No record of " + detail::joined(unserved) +
                   " was called and finished: their service time is the default.";
  }
  ordered_json doc;
  doc["format_version"] = 1;
  doc["name"] = name;
  doc["description"] = description;
  doc["first_day"] = sim::to_string(first_day);
  doc["calendar"] = {{"days", days}};
  if (!calendar.lunch_counters.empty()) {
    doc["calendar"]["lunch_counters"] = calendar.lunch_counters;
  }
  if (!calendar.extended_counters.empty()) {
    doc["calendar"]["extended_counters"] = calendar.extended_counters;
  }
  doc["catalogue"] = {{"items", items}};
  doc["demand"] = {{"items", demand}};
  return doc.dump(2) + "\n";
}

}  // namespace hallsim::layout
