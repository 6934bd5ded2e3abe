#pragma once
// Halls and scenarios built in code, shared by the tests and the benchmarks.

#include <string>

#include "hallsim/sim/hall.hpp"

namespace hallsim::sim::samples {

/// `counters` counters of one type (ids c1, c2, ...), no kiosk, no ticket machine, no
/// guidance desk, `seats` seats, walking not modelled.
HallLayout plain_hall(int counters, const std::string& type = "general", int seats = 1000);

/// One item ("item") served by general counters, every day of the week open 0:00–24:00
/// without a lunch break; walk-ins arrive at `per_hour` all day; service time `service`.
/// Nobody balks, reneges, misses a call, consults or uses a kiosk; tickets take no time;
/// ticket holders at closing are served.
Scenario single_queue(double per_hour, const DistributionSpec& service);

/// The town centre of floorplans/town-center.json as the model sees it: its 16 counters
/// (ids c01–c16 and their types), 8 kiosks, one ticket machine, 140 seats, a guidance desk,
/// and walking distances from a simple sample geometry (not the plan's own distances).
HallLayout town_center_hall();

/// A normal weekday at the town centre: Monday to Friday 8:30–17:00 with lunch 12:00–13:30
/// (c01 and c02 cover lunch), Saturday morning; eight items with daily totals and a
/// two-peak hourly shape, about 720 visitors a weekday, appointments, elderly and
/// wheelchair users, balking, reneging, no-shows, follow-ons and complaints.
Scenario town_center_weekday();

}  // namespace hallsim::sim::samples
