#pragma once
/// \file
/// The hall's visitor model: a simulated day (or several) at a service hall.
///
/// A visitor enters, walks, may consult at the guidance desk or use a self-service kiosk,
/// takes a ticket, waits seated or standing, is called, walks to the counter, is served,
/// may go on to another counter (a follow-on item or the complaint window), reviews the
/// service and leaves. docs/hall-model.md describes every rule.
///
/// The model knows nothing of floor-plan files: the caller describes the hall in a
/// HallLayout (counters, kiosks, seats, walking distances) and the demand in a Scenario.
/// Building a HallModel checks the two against each other once; run() is const and may be
/// called from several threads at once (each run owns all its state).
///
/// Random numbers: every visitor draws all of their own values (path, service times,
/// patience, review) from a stream of their own, named after (replication, day, arrival
/// number), and the arrival times come from streams per (replication, day, item). Two
/// scenarios that differ only in staffing or call policy therefore see the same visitors
/// with the same service times: common random numbers for comparisons.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "hallsim/sim/scenario.hpp"
#include "hallsim/sim/stats.hpp"

namespace hallsim::sim {

/// A counter (service window) as the model sees it.
struct HallCounter {
  std::string id;
  std::string number;            ///< the label over the window; may be empty
  std::string type = "general";  ///< floor-plan spelling of the counter type
};

/// Named places of a hall a visitor walks between (besides the counters).
enum class Spot : std::uint8_t {
  entrance,
  guidance_desk,
  ticket_machine,
  kiosks,
  waiting_area,
  exit,
  counter,  ///< a counter's customer side; the record names which counter
};

/// Number of named spots (the counters follow them in a WalkingDistances matrix).
inline constexpr std::size_t kNamedSpots = 6;

/// Walking distances in metres between the named spots and each counter's customer side:
/// a symmetric matrix, row-major, spots first, then the counters in layout order.
class WalkingDistances {
 public:
  /// Walking is not modelled: every walk takes no time.
  WalkingDistances() = default;
  /// A matrix for `counters` counters with every distance zero, to be filled with set().
  explicit WalkingDistances(std::size_t counters);

  /// False for the default (walking not modelled).
  bool modelled() const { return points_ > 0; }
  /// Rows (and columns) of the matrix: kNamedSpots + counters.
  std::size_t points() const { return points_; }
  /// The row of a named spot (not Spot::counter).
  static std::size_t point(Spot spot);
  /// The row of counter `index`.
  static std::size_t counter_point(std::size_t index) { return kNamedSpots + index; }
  /// Sets the distance between two points, both ways; metres must be finite and >= 0.
  void set(std::size_t a, std::size_t b, double metres);
  /// The distance between two points (0 when walking is not modelled).
  double metres(std::size_t a, std::size_t b) const;

 private:
  std::size_t points_ = 0;
  std::vector<double> metres_;
};

/// The hall as the visitor model needs it, built by the caller from a floor plan.
struct HallLayout {
  std::string name;
  std::vector<HallCounter> counters;
  int ticket_machines = 1;  ///< 0: tickets are issued on entry, without a machine
  int kiosks = 0;           ///< self-service kiosks; 0: kiosk users go to a counter
  int seats = 0;            ///< waiting seats (numbered 0 .. seats-1); visitors beyond them stand
  bool guidance_desk = true;
  WalkingDistances walking;  ///< default: walking is not modelled
  /// Floor area people walk and stand on, m²; walks slow down as the hall fills
  /// (docs/hall-model.md). 0: crowding is not modelled.
  double walkable_area = 0.0;
};

/// One problem found when a scenario is set against a hall.
struct ScenarioProblem {
  std::string pointer;  ///< JSON pointer into the scenario, e.g. /catalogue/items/2/counter_types
  std::string message;  ///< what is wrong
  std::string hint;     ///< what to change
};

/// A scenario with impossible values or one that does not fit the hall: every problem found.
class ScenarioError : public std::runtime_error {
 public:
  explicit ScenarioError(std::vector<ScenarioProblem> problems);
  const std::vector<ScenarioProblem>& problems() const { return problems_; }

 private:
  std::vector<ScenarioProblem> problems_;
};

/// Settings of one run: one replication of `days` consecutive days.
struct RunSettings {
  int days = 1;
  Weekday first_day = Weekday::mon;
  std::uint64_t seed = 1;
  std::uint64_t replication = 0;
  /// Tickets taken in the first `warmup` seconds after each day's opening are left out
  /// of the wait statistics (a steady-state study deletes the empty-hall start).
  double warmup = 0.0;
  bool record_trace = false;
  bool record_series = false;
  double series_step = 900.0;  ///< width of a time-series bin, seconds
  /// > 0: collect HallResult::periods, bins of this width (seconds, at least 60) by ticket
  /// time, laid from each midnight.
  double period_length = 0.0;
};

/// What happened to a visitor (one line of the trace).
enum class TraceEvent : std::uint8_t {
  arrive,         ///< entered at the entrance
  walk,           ///< set off towards `spot`/`counter`, arriving `duration` later
  consult_start,  ///< began a consultation at the guidance desk
  consult_end,
  ticket,         ///< took ticket `ticket` in `queue` (detail: priority class)
  balk,           ///< saw too many ahead and left without a ticket
  wait,           ///< began waiting (detail: 1 standing, 0 seated on seat `seat`)
  call,           ///< called to `counter`
  no_show,        ///< did not answer the call
  service_start,  ///< at `counter`, being served for `queue`
  service_end,    ///< detail: 0 done, 1 missing materials, 2 cannot be done
  kiosk_start,    ///< at a kiosk (detail: 1 with a guide's help)
  kiosk_end,
  complaint_start,  ///< at the guidance desk with a complaint (no complaint window)
  complaint_end,
  renege,     ///< left the queue after waiting too long
  sent_home,  ///< sent home at closing
  review,     ///< detail: 1 bad, 0 good
  leave,      ///< left the hall (detail: the Outcome)
  /// A counter began to be staffed (visitor kNoVisitor; detail: a CounterChange).
  counter_open,
  /// A counter stopped being staffed, after finishing its visitor (detail: a CounterChange).
  counter_close,
  /// A standing ticket holder sat down on seat `seat`, which another had just left.
  sit,
};

/// Why a counter opened or closed (the detail of counter_open and counter_close records).
enum class CounterChange : std::uint8_t {
  hours,       ///< its hours: regular hours, lunch, evening hours or a shift
  rule,        ///< its dynamic rule (Staffing::rules)
  hall_empty,  ///< it stayed for the ticket holders after closing and the hall is now empty
};

/// The visitor number of trace records that concern a counter, not a visitor.
inline constexpr std::uint32_t kNoVisitor = 0xffffffffU;

/// How a visit ended.
enum class Outcome : std::uint8_t {
  served,       ///< served at a counter or a kiosk (possibly without success)
  balked,       ///< left without a ticket
  reneged,      ///< left the queue out of patience
  missed_call,  ///< did not answer the call
  sent_home,    ///< sent home at closing
  inside,       ///< still in the hall when the run ended
};

/// One line of the per-visitor trace.
struct TraceRecord {
  double time = 0.0;
  std::uint32_t visitor = 0;  ///< kNoVisitor for counter_open and counter_close
  TraceEvent event = TraceEvent::arrive;
  Spot spot = Spot::entrance;  ///< where (Spot::counter: see `counter`)
  std::uint8_t detail = 0;     ///< see TraceEvent
  std::int32_t counter = -1;   ///< counter index in the layout, or -1
  std::int32_t queue = -1;     ///< ticket queue (HallModel::queue_name), or -1
  std::uint32_t ticket = 0;    ///< ticket number within the run, or 0
  double duration = 0.0;       ///< walk: time the walk takes
  std::int32_t seat = -1;      ///< wait, sit: the seat (0 .. HallLayout::seats-1), or -1 standing
};

/// One time-series bin.
struct SeriesBin {
  double start = 0.0;  ///< simulation time (day * 86400 + clock time)
  int arrivals = 0;
  double mean_waiting = 0.0;  ///< time-average of ticket holders waiting for a call
  int max_waiting = 0;
  double mean_standing = 0.0;
  double mean_open_counters = 0.0;
  int calls = 0;           ///< tickets called and answered
  double mean_wait = 0.0;  ///< of those calls, seconds (NaN when none)
  double max_wait = 0.0;   ///< of those calls, seconds (NaN when none)
};

/// Waits of one group of tickets (all, an item, a counter type), seconds.
struct WaitStats {
  Tally tally;
  Quantiles quantiles;
  std::uint64_t over_15 = 0;  ///< waits over 15 minutes
  std::uint64_t over_30 = 0;  ///< waits over 30 minutes
  void add(double wait);
};

/// The tickets taken in one period (RunSettings::period_length) and what became of them.
/// Waits of the warm-up are counted here too: the warm-up only trims the whole-run figures.
struct PeriodStats {
  double start = 0.0;          ///< simulation time (day * 86400 + clock time)
  double length = 0.0;         ///< seconds; shorter than the setting for a day's last period
  std::uint64_t tickets = 0;   ///< tickets taken in the period (incl. transfers to another counter)
  std::uint64_t answered = 0;  ///< of them, called and answered (their waits are in `waits`)
  std::uint64_t abandoned = 0;  ///< of them, reneged, missed the call or were sent home
  std::uint64_t balked = 0;  ///< walk-ins who reached the ticket machine in the period and balked
  WaitStats waits;           ///< waits of the answered tickets, seconds
  std::vector<WaitStats>
      counter_type_waits;            ///< by HallModel::counter_types() of the calling counter
  std::vector<double> counter_open;  ///< seconds each counter was staffed within the period
  std::vector<double> counter_busy;  ///< seconds each counter was taken within the period
};

/// Everything one run yields.
struct HallResult {
  std::uint64_t arrived = 0;
  std::uint64_t served = 0;
  std::uint64_t balked = 0;
  std::uint64_t reneged = 0;
  std::uint64_t missed_call = 0;
  std::uint64_t sent_home = 0;
  std::uint64_t inside = 0;
  std::uint64_t appointments = 0;  ///< visitors who came for a booked slot
  std::uint64_t consultations = 0;
  std::uint64_t kiosk_visits = 0;
  std::uint64_t missing_materials = 0;  ///< visits that failed for missing materials
  std::uint64_t complaints = 0;         ///< sent to the complaint window / desk
  std::uint64_t returns = 0;  ///< arrivals coming back with the materials (Behaviour::return_share)
  std::uint64_t returns_pending = 0;  ///< failed visits due back after the last simulated day
  std::uint64_t reviews = 0;
  std::uint64_t bad_reviews = 0;
  /// Replayed records outside the day's opening hours (not admitted).
  std::uint64_t replay_outside_hours = 0;

  /// Waits from ticket (or transfer) to an answered call, of tickets taken after warm-up.
  WaitStats waits;
  std::vector<WaitStats> queue_waits;         ///< by queue (HallModel::queue_name)
  std::vector<WaitStats> counter_type_waits;  ///< by HallModel::counter_types()
  Tally kiosk_waits;                          ///< from reaching the kiosks to using one

  std::vector<double> counter_busy;  ///< seconds each counter was taken (call to release)
  std::vector<double> counter_open;  ///< seconds each counter was staffed
  double guidance_busy = 0.0;        ///< staff-seconds at the guidance desk

  int peak_in_hall = 0;
  int peak_waiting = 0;
  int peak_standing = 0;
  double end_time = 0.0;  ///< when the last event fired

  std::vector<SeriesBin> series;  ///< when RunSettings::record_series
  /// When RunSettings::period_length > 0: every period from each open day's opening until
  /// its hall emptied (at least until closing), and any other period in which a ticket was
  /// taken or a counter was staffed; in time order.
  std::vector<PeriodStats> periods;
  std::vector<TraceRecord> trace;  ///< when RunSettings::record_trace
};

namespace detail {
/// The checked, pre-computed form of a hall and a scenario (private to the library).
struct CompiledHall;
}  // namespace detail

/// One named figure of a run, for replication summaries and comparisons.
struct Kpi {
  std::string name;
  double value = 0.0;  ///< NaN when there was nothing to measure
};

/// The visitor model of one hall under one scenario (checked, immutable).
class HallModel {
 public:
  /// Checks the scenario against the hall; throws ScenarioError listing every problem.
  HallModel(HallLayout layout, Scenario scenario);
  ~HallModel();
  HallModel(HallModel&&) noexcept;
  HallModel& operator=(HallModel&&) noexcept;
  HallModel(const HallModel&) = delete;
  HallModel& operator=(const HallModel&) = delete;

  /// Simulates one replication.
  HallResult run(const RunSettings& settings) const;

  const HallLayout& layout() const;
  const Scenario& scenario() const;
  /// Ticket queues: one per catalogue item, then "complaint" if the hall has a complaint window.
  std::size_t queue_count() const;
  /// The item id of a queue, or "complaint".
  const std::string& queue_name(std::size_t queue) const;
  /// The distinct counter types of the layout, in order of first appearance.
  const std::vector<std::string>& counter_types() const;
  /// Index of each counter's type in counter_types().
  std::size_t counter_type_index(std::size_t counter) const;
  /// True if counter `counter` may call tickets of queue `queue`.
  bool counter_serves(std::size_t counter, std::size_t queue) const;
  /// Staffed periods of a counter on a weekday (clock times, sorted, disjoint), besides the
  /// times its dynamic rule opens it.
  const std::vector<ClockInterval>& counter_hours(std::size_t counter, Weekday day) const;
  /// The index in Staffing::rules of the counter's dynamic rule, or -1.
  int counter_rule(std::size_t counter) const;
  /// Sentences about what the model leaves out for this hall (e.g. walking not modelled).
  const std::vector<std::string>& notes() const;

  /// The figures of a run, in a fixed order (counts, waits in minutes, shares, utilisation,
  /// peaks, review rate; then per queue, per counter type and per counter).
  std::vector<Kpi> kpis(const HallResult& result) const;

 private:
  std::unique_ptr<const detail::CompiledHall> c_;
};

/// Spelling of a trace event in files: "arrive", "walk", "call", ...
const char* to_string(TraceEvent event);
/// "hours", "rule", "hall_empty".
const char* to_string(CounterChange change);
/// "served", "balked", "reneged", "missed_call", "sent_home", "inside".
const char* to_string(Outcome outcome);
/// "entrance", "guidance_desk", "ticket_machine", "kiosks", "waiting_area", "exit", "counter".
const char* to_string(Spot spot);

}  // namespace hallsim::sim
