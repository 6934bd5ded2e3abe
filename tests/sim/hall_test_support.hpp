#pragma once
// Scenarios and settings shared by the hall model's tests: visitors at hand-picked clock times
// with a fixed service, so that every call and wait can be computed by hand.

#include <vector>

#include "hall_samples.hpp"
#include "hallsim/sim/hall.hpp"

namespace hallsim::sim::testing {

/// 9:00 as seconds of the day.
inline constexpr double kNine = 9.0 * 3600.0;

/// One item; visitors come exactly at the given clock times (replayed ticket records) and
/// are served in exactly `service` seconds, with nothing random left.
inline Scenario fixed_schedule(const std::vector<double>& ticket_times, double service) {
  Scenario s = samples::single_queue(0.0, DistributionSpec::fixed(service));
  s.demand.items.clear();
  for (double t : ticket_times) {
    TicketRecord r;
    r.ticket_time = t;
    r.item = "item";
    s.replay.records.push_back(r);
  }
  return s;
}

/// Default settings with the trace recorded.
inline RunSettings traced() {
  RunSettings s;
  s.record_trace = true;
  return s;
}

}  // namespace hallsim::sim::testing
