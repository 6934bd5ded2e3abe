#pragma once
/// \file
/// A demand scenario for a hall: calendar, service catalogue, demand, visitors'
/// behaviour, staffing, reviews and (optionally) replayed ticket records.
///
/// Plain structs with defaults, filled by the scenario loader (layout/) or built in code
/// (tests, benchmarks). Field names and nesting follow the scenario file, so that a JSON
/// pointer such as /catalogue/items/2/service_time/mean names the same thing in both; the
/// hall model reports its own cross-checks with such pointers (see hall.hpp).
///
/// Units: every time is in seconds. A clock time counts from midnight of the simulated
/// day (8:30 is 30600); a duration is plain seconds. Rates are visitors per hour.
/// Probabilities and shares lie in [0, 1]. Counter types use the floor-plan format's
/// spelling ("general", "departmental_composite", "cannot_get_it_done", ...).

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "hallsim/sim/random.hpp"

namespace hallsim::sim {

/// A day of the week; the index of a weekday in per-weekday arrays.
enum class Weekday : std::uint8_t { mon, tue, wed, thu, fri, sat, sun };
/// Number of weekdays (size of per-weekday arrays).
inline constexpr int kWeekdays = 7;
/// Seconds in a day: day d of a run starts at simulation time d * kDaySeconds.
inline constexpr double kDaySeconds = 86400.0;
/// Seconds in an hour.
inline constexpr double kHourSeconds = 3600.0;

/// A span of clock times [begin, end), seconds after midnight.
struct ClockInterval {
  double begin = 0.0;
  double end = 0.0;
};

/// Family of a random duration (or offset) in a scenario.
enum class DistributionKind {
  deterministic,  ///< always `mean`
  exponential,    ///< by `mean` (cv is 1 by definition and ignored)
  lognormal,      ///< by `mean` and `cv`
  gamma,          ///< by `mean` and `cv`
  normal,         ///< by `mean` and `stddev` (an offset such as punctuality)
  uniform,        ///< on [low, high]
  empirical,      ///< resampled from `data` (the type-7 inverse CDF, see random.hpp)
};

/// A distribution as a scenario states it. Which fields count depends on `kind`.
struct DistributionSpec {
  DistributionKind kind = DistributionKind::lognormal;
  double mean = 0.0;
  double cv = 0.0;           ///< lognormal, gamma
  double stddev = 0.0;       ///< normal (an offset may have mean 0, so it is not given by cv)
  double low = 0.0;          ///< uniform
  double high = 0.0;         ///< uniform
  std::vector<double> data;  ///< empirical observations

  /// Always `value`.
  static DistributionSpec fixed(double value) {
    DistributionSpec d;
    d.kind = DistributionKind::deterministic;
    d.mean = value;
    return d;
  }
  /// Exponential with this mean.
  static DistributionSpec exponential(double mean) {
    DistributionSpec d;
    d.kind = DistributionKind::exponential;
    d.mean = mean;
    d.cv = 1.0;
    return d;
  }
  /// Log-normal by its own mean and coefficient of variation.
  static DistributionSpec lognormal(double mean, double cv) {
    DistributionSpec d;
    d.mean = mean;
    d.cv = cv;
    return d;
  }
  /// Gamma by mean and coefficient of variation.
  static DistributionSpec gamma(double mean, double cv) {
    DistributionSpec d = lognormal(mean, cv);
    d.kind = DistributionKind::gamma;
    return d;
  }
  /// Normal by mean and standard deviation.
  static DistributionSpec normal(double mean, double stddev) {
    DistributionSpec d;
    d.kind = DistributionKind::normal;
    d.mean = mean;
    d.stddev = stddev;
    return d;
  }
};

/// What happens to visitors still holding a ticket when the hall closes.
enum class ClosingPolicy {
  serve_ticket_holders,  ///< counters open at closing stay until every ticket they may serve is
                         ///< done
  send_home,             ///< waiting visitors are sent home; visitors at a counter finish
};

/// Opening of the hall on one weekday.
struct DayHours {
  bool open = true;                   ///< false: closed all day
  double open_time = 8.5 * 3600.0;    ///< doors open, tickets issued from here
  double close_time = 17.0 * 3600.0;  ///< end of regular hours
  /// Lunch break: only Calendar::lunch_counters serve; visitors may still come and wait.
  bool has_lunch_break = true;
  ClockInterval lunch_break{12.0 * 3600.0, 13.5 * 3600.0};
  /// Extended (evening) hours: from close_time to this time only Calendar::extended_counters
  /// serve; 0 (or <= close_time) means no extended hours that day.
  double extended_until = 0.0;
};

/// When the hall is open, and who serves at lunch and in the evening.
struct Calendar {
  /// Indexed by Weekday. Default: Monday to Friday 8:30–17:00 with lunch 12:00–13:30,
  /// Saturday 8:30–12:00, Sunday closed (a Nanjing district's hours, domain facts).
  std::array<DayHours, kWeekdays> days = default_days();
  /// Counter ids that stay open during the lunch break.
  std::vector<std::string> lunch_counters;
  /// Counter ids open in extended (evening) hours.
  std::vector<std::string> extended_counters;
  ClosingPolicy closing = ClosingPolicy::serve_ticket_holders;

  /// The default week described above.
  static std::array<DayHours, kWeekdays> default_days() {
    std::array<DayHours, kWeekdays> d{};
    d[static_cast<int>(Weekday::sat)].close_time = 12.0 * 3600.0;
    d[static_cast<int>(Weekday::sat)].has_lunch_break = false;
    d[static_cast<int>(Weekday::sun)].open = false;
    return d;
  }
};

/// A follow-on visit: after this item the visitor goes on to another counter.
struct FollowOn {
  std::string item;  ///< id of the next item
  double probability = 0.0;
};

/// One item of the service catalogue (e.g. a social security card).
struct ServiceItem {
  std::string id;    ///< short id, unique in the catalogue, e.g. "social_security"
  std::string name;  ///< shown in reports; may be empty (the id is shown)
  /// Time at the counter, from the visitor's arrival there to leaving it.
  DistributionSpec service_time = DistributionSpec::lognormal(600.0, 0.6);
  /// Counter types that may serve this item (floor-plan spelling).
  std::vector<std::string> counter_types{"general"};
  /// Counter ids that may serve it besides those of counter_types (e.g. one departmental window).
  std::vector<std::string> counters;
  /// Share of this item's visitors who use a self-service kiosk instead of a counter.
  double kiosk_share = 0.0;
  /// Time at a kiosk.
  DistributionSpec kiosk_time = DistributionSpec::lognormal(240.0, 0.5);
  /// Share who need consultation at the guidance desk before taking a ticket.
  double consultation_share = 0.0;
  /// Chance of missing materials: the visit fails and the visitor must come back
  /// (lowered by Policies::one_time_notification).
  double missing_materials = 0.0;
  /// Chance the counter "cannot get it done" and sends the visitor to the complaint window.
  double cannot_be_done = 0.0;
  /// Visits to further counters after this one (each drawn independently, in order).
  std::vector<FollowOn> follow_on;
};

/// The service catalogue.
struct ServiceCatalogue {
  std::vector<ServiceItem> items;
  /// Time at the complaint ("cannot get it done") window, or at the guidance desk when the
  /// hall has no such window.
  DistributionSpec complaint_time = DistributionSpec::lognormal(420.0, 0.5);
  /// Time of a consultation at the guidance desk.
  DistributionSpec consultation_time = DistributionSpec::lognormal(150.0, 0.6);
  /// Time to take a ticket at a ticket machine.
  DistributionSpec ticket_time = DistributionSpec::fixed(20.0);
  /// Share of a failed visit's service time actually spent (missing materials found out).
  double failed_service_fraction = 0.4;
};

/// How an item's arrival rates are given.
enum class RateForm {
  hourly,       ///< hourly_rate[weekday][hour]
  daily_total,  ///< daily_total[weekday] spread over the hours by hourly_shape
};

/// Walk-in demand for one item: a Poisson process whose rate is constant within each clock hour.
struct ItemDemand {
  std::string item;  ///< catalogue id
  RateForm form = RateForm::hourly;
  /// Visitors per hour in [h:00, h+1:00) on each weekday (form hourly).
  std::array<std::array<double, 24>, kWeekdays> hourly_rate{};
  /// Expected visitors per weekday (form daily_total).
  std::array<double, kWeekdays> daily_total{};
  /// Relative weight of each clock hour (form daily_total); normalised over the hours
  /// the hall is open that day. All zero: uniform over the open hours.
  std::array<double, 24> hourly_shape{};
};

/// Appointment slots for one item.
struct AppointmentSlots {
  std::string item;                  ///< catalogue id
  std::vector<Weekday> days;         ///< empty: every open day
  double first_slot = 9.0 * 3600.0;  ///< clock time of the first slot's start
  double last_slot_end = 16.5 * 3600.0;
  double slot_length = 1800.0;
  int bookings_per_slot = 1;
  /// Chance that each booking place of a slot is taken.
  double booked_share = 1.0;
};

/// Appointments: booked visitors come near their slot time and get priority (CallPolicy).
struct Appointments {
  std::vector<AppointmentSlots> slots;
  /// Chance a booked visitor does not come at all.
  double no_show = 0.1;
  /// Arrival minus slot start (negative: early). Default: 5 minutes early, sd 5 minutes.
  DistributionSpec punctuality = DistributionSpec::normal(-300.0, 300.0);
};

/// Everything about demand.
struct Demand {
  std::vector<ItemDemand> items;
  Appointments appointments;
};

/// Who the visitors are.
struct Population {
  double elderly_share = 0.15;
  double wheelchair_share = 0.01;
  /// Walking speeds, metres per second (SFPE free speed; mobility-impaired 0.46–0.76).
  double walking_speed = 1.2;
  double elderly_walking_speed = 0.8;
  double wheelchair_speed = 0.7;
  /// Elderly and wheelchair users at a kiosk need a guide's help (the guidance desk's staff)
  /// and take this many times longer there.
  double assisted_kiosk_factor = 1.5;
};

/// How visitors react to the queue.
struct Behaviour {
  /// Balking: each walk-in visitor has a tolerance drawn uniformly in [balk_min, balk_max]
  /// of people ahead in their ticket queue; with more ahead at ticket time they leave.
  /// Appointment holders never balk. balk_enabled false: nobody balks.
  bool balk_enabled = true;
  double balk_min = 25.0;
  double balk_max = 60.0;
  /// Reneging: each visitor's patience (time they wait for a call before leaving).
  bool renege_enabled = true;
  DistributionSpec patience = DistributionSpec::lognormal(3600.0, 0.5);
  /// A visitor who starts waiting standing (no free seat) has this times their patience.
  double standing_patience_factor = 0.8;
  /// Return visits: of the first visits that fail for missing materials, this share come
  /// back with the materials, a whole number of open days later drawn uniformly from
  /// [return_min_days, return_max_days].
  double return_share = 0.0;
  int return_min_days = 1;
  int return_max_days = 5;
};

/// Which ticket a free counter calls.
enum class CallSelection {
  longest_waiting,  ///< among the tickets it may serve, the one waiting longest
  queue_order,      ///< the first non-empty queue in the counter's own order of items
};

/// The call policy of the queue-management system.
struct CallPolicy {
  CallSelection selection = CallSelection::longest_waiting;
  /// Appointment holders are called before walk-ins (within what a counter may serve).
  bool appointment_priority = true;
  /// Elderly and wheelchair users are called before other walk-ins.
  bool elderly_priority = true;
  /// Chance a called visitor does not answer the call (left, missed it).
  double no_show = 0.02;
  /// Time a counter waits for an unanswered call before calling the next ticket.
  double no_show_wait = 60.0;
};

/// One period a counter is staffed.
struct CounterShift {
  std::string counter;        ///< counter id in the plan
  std::vector<Weekday> days;  ///< empty: every open day
  ClockInterval period;
};

/// A supervisor's rule for a backup counter: "open it when more than N wait or the longest
/// wait passes T; close it after M quiet minutes". The counter has no regular hours: it is
/// staffed during its shifts (if any) and whenever its rule holds it open.
struct DynamicRule {
  std::string counter;        ///< the backup counter it opens (a counter id of the plan)
  std::vector<Weekday> days;  ///< empty: every open day
  int open_when_waiting_over =
      -1;  ///< open when more than this many tickets it may serve wait (-1: unused)
  double open_when_wait_over = -1.0;  ///< or when the longest such wait passes this (s; -1: unused)
  /// Close after this many seconds in which every check saw nobody waiting for it.
  double close_after_quiet = 600.0;
  double check_every = 60.0;  ///< seconds between two looks at the queue screen
  /// Clock hours the rule applies; empty (begin == end): the day's regular hours. At the end
  /// the counter closes (after its current visitor) unless a shift keeps it open.
  ClockInterval active{};
};

/// Who works where and when.
struct Staffing {
  /// Counters with no shift listed here are open during regular hours (minus lunch unless
  /// they are lunch counters; plus extended hours if they are extended counters). A counter
  /// with at least one shift is open exactly during its shifts on open days.
  std::vector<CounterShift> shifts;
  /// Counters not staffed at all in this scenario (a staffing variant: "close window 3").
  std::vector<std::string> closed_counters;
  /// Backup counters opened and closed by the queue they see (at most one rule a counter).
  std::vector<DynamicRule> rules;
  /// Staff at the guidance desk (consultations, kiosk help, complaints when there is no
  /// complaint window). 0: no guidance desk service.
  int guidance_staff = 1;
  CallPolicy call;
};

/// How a visit turns into a good or bad review (6.2, GB/T 39734).
///
/// P(bad) = min(max_bad, base_bad + per_minute_over * max(0, wait - target_wait) / 60)
///          + failed_visit_bad if the visit failed (missing materials, cannot be done),
/// capped at 1. `wait` is the visitor's total wait for calls in this visit.
struct ReviewModel {
  double target_wait = 900.0;  ///< 15 minutes (domain facts: the usual target)
  double base_bad = 0.01;
  double per_minute_over = 0.01;
  double max_bad = 0.5;
  double failed_visit_bad = 0.2;
  /// Share of visitors who leave a review at all.
  double review_share = 0.6;
};

/// Service policies.
struct Policies {
  /// "One-time notification" (一次性告知): the list of materials is given in advance, which
  /// avoids this share of the missing-materials cases.
  bool one_time_notification = false;
  double notification_effect = 0.6;
};

/// One real ticket record (parsed from a ticket-log CSV). Only `day`, `ticket_time` and
/// `item` drive a replay; the rest is the record's own outcome, kept for comparison.
struct TicketRecord {
  int day = 0;                                                  ///< 0-based day of the run
  double ticket_time = 0.0;                                     ///< clock time the ticket was taken
  std::string item;                                             ///< catalogue id
  double call_time = std::numeric_limits<double>::quiet_NaN();  ///< NaN: unknown / never called
  double finish_time = std::numeric_limits<double>::quiet_NaN();  ///< NaN: unknown
  std::string counter;                                            ///< counter id; empty: unknown
};

/// Arrivals from real records instead of the Poisson process.
struct Replay {
  /// When non-empty, these drive arrivals and Demand::items is not used (appointments too:
  /// a record of an appointment is just a record). Any order; the model sorts by time.
  std::vector<TicketRecord> records;
  /// Use finish_time - call_time of a record as its service time (when both are known).
  bool recorded_service_times = false;
};

/// A whole demand scenario.
struct Scenario {
  std::string name;
  Calendar calendar;
  ServiceCatalogue catalogue;
  Demand demand;
  Population population;
  Behaviour behaviour;
  Staffing staffing;
  ReviewModel reviews;
  Policies policies;
  Replay replay;
};

/// Spelling of a weekday in files and reports: "mon" ... "sun".
const char* to_string(Weekday day);
/// Spelling of a distribution kind: "deterministic", "exponential", "lognormal", ...
const char* to_string(DistributionKind kind);
/// "serve_ticket_holders" or "send_home".
const char* to_string(ClosingPolicy policy);
/// "longest_waiting" or "queue_order".
const char* to_string(CallSelection selection);

/// An item's walk-in arrival rate (visitors per hour) in each clock hour of a weekday: its
/// hourly rates, or its daily total spread over the hours by its hourly shape and normalised
/// over the part of each hour between `open` and `close` (clock seconds), so that the day's
/// expected arrivals are the daily total. The hall model and the tuner both read demand so.
std::array<double, 24> hourly_rates(const ItemDemand& demand, Weekday day, double open,
                                    double close);

/// The distribution a spec describes. Throws std::invalid_argument naming the bad value
/// (the hall model turns it into a ScenarioError with the spec's pointer).
Distribution make_distribution(const DistributionSpec& spec);

}  // namespace hallsim::sim
