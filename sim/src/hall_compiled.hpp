#pragma once
// The checked, pre-computed form of a hall and a scenario that runs read: distributions
// built once, counters matched to queues, each weekday's opening hours, counter hours and
// arrival-rate functions.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "hallsim/sim/hall.hpp"
#include "hallsim/sim/random.hpp"

namespace hallsim::sim {

/// A slot of booked appointments on one weekday.
struct CompiledSlot {
  double start = 0.0;  ///< clock time
  std::uint32_t queue = 0;
  int places = 0;
  double booked_share = 0.0;
};

/// One weekday, ready to run.
struct CompiledDay {
  bool open = false;
  double open_time = 0.0;
  double close_time = 0.0;  ///< doors close: end of regular or extended hours
  /// Walk-in arrivals per item that has any demand that day (queue index, process).
  std::vector<std::pair<std::uint32_t, PiecewisePoissonArrivals>> arrivals;
  std::vector<CompiledSlot> slots;
  /// Staffed periods of each counter (clock times, sorted, disjoint).
  std::vector<std::vector<ClockInterval>> counter_hours;
  /// Dynamic rules that apply that day: (index in Staffing::rules, clock hours they apply).
  std::vector<std::pair<std::uint32_t, ClockInterval>> rules;
};

/// A replayed ticket record, ready to run.
struct CompiledRecord {
  int day = 0;
  double ticket_time = 0.0;  ///< clock time
  std::uint32_t queue = 0;
  double recorded_service = -1.0;  ///< < 0: draw from the catalogue
};

/// Follow-on visit of an item.
struct CompiledFollowOn {
  std::uint32_t queue = 0;
  double probability = 0.0;
};

struct detail::CompiledHall {
  HallLayout layout;
  Scenario scenario;

  std::vector<std::string> queue_names;  ///< items, then "complaint" if there is a window
  std::size_t item_count = 0;
  bool complaint_window = false;  ///< a counter of type cannot_get_it_done exists
  std::uint32_t complaint_queue = 0;

  std::vector<std::string> counter_types;
  std::vector<std::uint32_t> counter_type_of;
  std::vector<std::vector<std::uint32_t>> queue_counters;  ///< counters that may serve a queue
  std::vector<std::vector<std::uint32_t>> counter_queues;  ///< queues a counter serves, in order
  std::vector<std::uint32_t> rule_counter;                 ///< by rule: the counter it opens
  std::vector<int> counter_rule;                           ///< by counter: its rule, or -1

  std::vector<Distribution> service;     ///< per queue (complaint: complaint time)
  std::vector<Distribution> kiosk_time;  ///< per item
  std::vector<double> kiosk_share;       ///< per item (0 when the hall has no kiosk)
  std::vector<double> consultation_share;
  std::vector<double> missing_materials;  ///< after one-time notification
  std::vector<double> cannot_be_done;
  std::vector<std::vector<CompiledFollowOn>> follow_on;
  Distribution consultation_time = Deterministic(0.0);
  Distribution complaint_time = Deterministic(0.0);
  Distribution ticket_time = Deterministic(0.0);
  Distribution patience = Deterministic(0.0);
  Distribution punctuality = Deterministic(0.0);

  std::array<CompiledDay, kWeekdays> days;
  std::vector<CompiledRecord> replay;  ///< sorted by (day, ticket time, file order)

  std::vector<std::string> notes;
};

}  // namespace hallsim::sim
