#pragma once
/// \file
/// The discrete-event engine: a simulation clock and its pending-event set.
///
/// Pinned public API (implementation in sim/src). Events fire in order of
/// (time, insertion sequence): two events at the same time fire in the order
/// they were scheduled, on every run and every platform.

#include <cstddef>
#include <cstdint>
#include <limits>

namespace hallsim::sim {

/// Simulation time. The unit is the model's choice (hall models use seconds).
/// An event's time is computed once as `now + delay` or given absolutely; periodic
/// times are computed as `k * period`, never accumulated.
using Time = double;

inline constexpr Time kInfinity = std::numeric_limits<Time>::infinity();

/// Names one scheduled event so that it can be cancelled. Value 0 names none.
struct EventId {
  std::uint64_t value = 0;
  friend bool operator==(EventId, EventId) = default;
  explicit operator bool() const { return value != 0; }
};

/// Settings of a simulation (plain struct with defaults).
struct SimulationDef {
  Time start_time = 0.0;
  /// Expected number of pending events; lets the event set size itself up front.
  std::size_t expected_pending = 1024;
};

/// The clock and the pending-event set. One per run; nothing is shared between two.
class Simulation {
 public:
  explicit Simulation(SimulationDef def = {});
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  /// The current simulation time.
  Time now() const;

  /// Schedules `action` (callable as `void()`) at absolute time `t >= now()`.
  template <class F>
  EventId schedule_at(Time t, F&& action);
  /// Schedules `action` after `delay >= 0`.
  template <class F>
  EventId schedule_in(Time delay, F&& action);

  /// Cancels a pending event; returns false if it already fired, was cancelled, or never existed.
  bool cancel(EventId id);

  /// Fires the next event; returns false if none is pending.
  bool step();
  /// Fires events until none is pending or stop() is called.
  void run();
  /// Fires every event with time <= t, then sets the clock to t (if not stopped earlier).
  void run_until(Time t);
  /// Makes run() / run_until() return after the event being fired.
  void stop();

  /// Number of pending (not cancelled) events.
  std::size_t pending() const;
  /// Number of events fired so far.
  std::uint64_t fired() const;
};

}  // namespace hallsim::sim
