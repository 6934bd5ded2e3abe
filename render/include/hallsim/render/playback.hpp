#pragma once
/// \file
/// A simulated day played back over its floor plan: where each visitor is and what they are
/// doing at any moment, what each counter is doing, and where people spent the day.
///
/// The playback reads a trace (sim::TraceRecord, as sim::HallModel::run records it) and never
/// drives a simulation. Walks follow the plan's shortest walking routes
/// (layout::NavGraph::shortest_route) and take the time the trace gives them; places the model
/// counts but does not locate (which seat, which kiosk, where in a line) are assigned here, the
/// same way on every run.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hallsim/layout/navigation.hpp"
#include "hallsim/layout/plan.hpp"
#include "hallsim/render/image.hpp"
#include "hallsim/render/overlays.hpp"
#include "hallsim/sim/hall.hpp"

namespace hallsim::render {

/// The run a trace comes from, in the plan's words.
struct TraceHall {
  /// The plan element each named spot (sim::Spot entrance .. exit) was measured at: a door,
  /// a desk, an amenity, a kiosk or a seat row id (the trace file's `element` column).
  std::array<std::string, sim::kNamedSpots> spot_elements;
  /// The plan id of each counter, in the model's order (TraceRecord::counter indexes it).
  std::vector<std::string> counters;
  /// Staffed periods of each counter (same order), simulation seconds, sorted and disjoint;
  /// used only for a trace without counter_open and counter_close records, which say it.
  std::vector<std::vector<sim::ClockInterval>> counter_open;
  /// Seconds a counter waits for an unanswered call (sim::CallPolicy::no_show_wait).
  double no_show_wait = 0.0;
  sim::Weekday first_day = sim::Weekday::mon;  ///< weekday of simulation day 0
};

/// How places the model does not locate are laid out.
struct PlaybackSettings {
  double spacing = 0.6;  ///< between people in a line, or standing while they wait, metres
};

/// One visitor at a moment.
struct VisitorAt {
  std::uint32_t visitor = 0;
  layout::Point position = layout::Point::Zero();
  VisitorState state = VisitorState::walking;
};

/// One counter at a moment, with its figures so far.
struct CounterAt {
  std::string counter;  ///< its plan id
  bool open = false;    ///< staffed now
  /// The visitor called to it or being served at it now, if any.
  std::optional<std::uint32_t> visitor;
  bool serving = false;       ///< that visitor has reached it (not still walking to it)
  int served = 0;             ///< services finished so far
  double busy_seconds = 0.0;  ///< taken so far: from each call to the end of its service
  double open_seconds = 0.0;  ///< staffed so far
  /// busy_seconds over open_seconds (NaN before the counter first opens).
  double busy_share() const;
};

/// What a heat map counts.
struct HeatSettings {
  double cell = 1.0;          ///< side of a grid cell, metres
  bool waiting_only = false;  ///< only people in a line or waiting for a call (queueing)
  double step = 0.25;         ///< walks are sampled every this many seconds
};

namespace detail {
struct PlaybackData;
}  // namespace detail

/// A trace laid over its plan (immutable; copies share the data).
class Playback {
 public:
  /// Lays `trace` (in time order, as recorded) over the plan of `graph`. Throws
  /// layout::InputError naming `source` if the trace names a spot element or counter the plan
  /// lacks.
  Playback(const layout::NavGraph& graph, const TraceHall& hall,
           const std::vector<sim::TraceRecord>& trace, const PlaybackSettings& settings = {},
           const std::string& source = "<trace>");

  /// The plan.
  const layout::Plan& plan() const;
  /// The run's description.
  const TraceHall& hall() const;
  /// Time of the first arrival and of the last leaving (0 and 0 for an empty trace).
  double begin() const;
  double end() const;  ///< see begin()

  /// Every visitor in the hall at `t` (arrived, not yet left), in visitor order.
  std::vector<VisitorAt> visitors_at(double t) const;
  /// One visitor at `t`, if in the hall then.
  std::optional<VisitorAt> visitor_at(std::uint32_t visitor, double t) const;
  /// Every counter at `t`, in the model's order.
  std::vector<CounterAt> counters_at(double t) const;
  /// People whose position at `t` lies in `area`.
  int people_in(const layout::Polygon& area, double t) const;
  /// The snapshot overlay of moment `t`.
  SnapshotOverlay snapshot(double t) const;
  /// Time-averaged people per m² over [from, to) on a grid covering the building.
  HeatOverlay heat(double from, double to, const HeatSettings& settings = {}) const;

  /// Where the seats are (every seat row in plan order, seats along each row).
  const std::vector<layout::Point>& seats() const;
  /// The point a named spot's visitors stand at (the first place of its line).
  layout::Point spot_point(sim::Spot spot) const;

 private:
  std::shared_ptr<const detail::PlaybackData> data_;
};

/// "周二 Tue 10:30:00": the weekday and clock time of simulation time `t`.
std::string clock_text(double t, sim::Weekday first_day);

/// Seconds after midnight of "HH:MM" or "HH:MM:SS" (also "H:MM"; 0:00 to 24:00); nothing if
/// malformed.
std::optional<double> parse_clock(const std::string& text);

/// Centres of the seats of a row, as the picture draws them: along its longest side.
std::vector<layout::Point> seat_centres(const layout::SeatRow& row);

/// Colour of a visitor's dot in a snapshot.
Rgba visitor_colour(VisitorState state);
/// Colour of the heat map at `value` people per m² on a scale topped at `scale_max`: pale
/// yellow through orange to dark red.
Rgba density_colour(double value, double scale_max);
/// A round top for a heat scale holding `peak`: 1, 2, 2.5 or 5 times a power of ten.
double nice_scale_max(double peak);

/// Chinese and English name of a state, for legends: "步行 Walking".
std::string state_label(VisitorState state);

}  // namespace hallsim::render
