#pragma once
// Per-period statistics of a run (RunSettings::period_length): periods laid from each
// midnight, kept only where something happened or where a day's opening hours ask for them.

#include <cstddef>
#include <cstdint>
#include <vector>

#include "hallsim/sim/hall.hpp"

namespace hallsim::sim {

/// Collects PeriodStats by the period a moment falls in.
class PeriodRecorder {
 public:
  /// Periods of `length` seconds over `days` days; `length` 0 records nothing.
  PeriodRecorder(double length, int days, std::size_t counters, std::size_t counter_types);

  /// False when the run does not collect periods.
  bool enabled() const { return length_ > 0.0; }
  /// The period containing simulation time `t` (created on first use).
  PeriodStats& at(double t);
  /// Makes sure every period meeting [from, to) is reported, even with nothing in it.
  void cover(double from, double to);
  /// Spreads the span [from, to) of counter `counter` over the periods it crosses.
  void add_open(std::size_t counter, double from, double to) {
    spread(&PeriodStats::counter_open, counter, from, to);
  }
  void add_busy(std::size_t counter, double from, double to) {
    spread(&PeriodStats::counter_busy, counter, from, to);
  }
  /// The periods in time order; the recorder is empty afterwards.
  std::vector<PeriodStats> take();

 private:
  std::size_t index(double t) const;
  double start(std::size_t g) const;
  double end(std::size_t g) const;
  PeriodStats& slot(std::size_t g);
  void spread(std::vector<double> PeriodStats::*field, std::size_t counter, double from, double to);

  double length_;
  std::size_t per_day_ = 0;  ///< periods a day (the last one may be shorter)
  std::size_t counters_;
  std::size_t counter_types_;
  std::vector<std::uint32_t> slot_of_;  ///< by period index: position in stats_, or none
  std::vector<PeriodStats> stats_;
};

}  // namespace hallsim::sim
