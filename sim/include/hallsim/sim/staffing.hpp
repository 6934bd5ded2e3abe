#pragma once
/// \file
/// Tuning the window count of a hall (clause 4.4.3 b) and sizing a new one, on the visitor
/// model of hall.hpp with the methods of tuning.hpp.
///
/// The unit of staffing is a counter group: the counters that may serve exactly the same
/// ticket queues (all general windows, say, or the one tax window). A staffing table says how
/// many counters of each group are open in each period of one weekday; counter k of a group
/// (in layout order) is open in a period when the count exceeds k, so every table is a set of
/// shifts. The tuned day's shifts replace the scenario's staffing for that weekday only; the
/// other days keep the hours they had.
///
/// Every simulation of a table runs replications 0..R-1 with the same seed: the same
/// visitors with the same service times whatever the table (common random numbers, see
/// hall.hpp). The verification of the result runs fresh replications with another seed.

#include <cstdint>
#include <string>
#include <vector>

#include "hallsim/sim/hall.hpp"
#include "hallsim/sim/scenario.hpp"
#include "hallsim/sim/stats.hpp"
#include "hallsim/sim/tuning.hpp"

namespace hallsim::sim {

/// Counters that serve the same queues, staffed as one.
struct CounterGroup {
  std::string name;                   ///< the counter type, plus the ids when the type is split
  std::string type;                   ///< floor-plan spelling
  std::vector<std::size_t> counters;  ///< layout indices, in the order they open
  std::vector<std::size_t> queues;    ///< queues (HallModel::queue_name) they may serve
  double mean_service = 0.0;          ///< seconds a visit holds a counter, weighted by demand
};

/// Settings of a tuning.
struct TuneSettings {
  ServiceTarget target;
  Weekday day = Weekday::mon;  ///< the weekday to staff
  double period = 1800.0;      ///< seconds
  int replications = 30;       ///< per simulation during the search
  int verify_replications = 100;
  std::uint64_t seed = 1;         ///< of the search's replications
  std::uint64_t verify_seed = 2;  ///< of the fresh verification replications
  unsigned threads = 0;           ///< 0: every hardware thread
  int max_staff = 0;              ///< at most this many counters open at once; 0: no limit
  double min_shift = 7200.0;      ///< seconds; a counter's shift is at least this long
  int lunch_cover = 1;  ///< counters of the largest group open in every lunch-break period
  int isa_iterations = 8;
  int max_evaluations = 80;  ///< simulations the local search may run
  /// Samples of the number present per period for the ISA.
  int isa_points = 6;
};

/// One visitor's ticket (or balk) as the tuning counts it.
struct TicketOutcome {
  int period = 0;  ///< of the ticket (or balk) time
  /// The main group of the ticket's queue (the one with most counters that may serve it):
  /// a visitor's wait counts there whoever calls them, so that the cells stay the same
  /// visitors whatever the staffing.
  int group = 0;
  double wait = 0.0;       ///< seconds to the call, or to leaving unserved, or to the run's end
  bool abandoned = false;  ///< reneged, balked or sent home
  bool balked = false;     ///< left without a ticket (not a wait)
};

/// One simulated day.
struct DayRecord {
  std::vector<TicketOutcome> tickets;
  std::vector<int> occupancy;  ///< [(period * points + k) * groups + group]
  int peak_waiting = 0;
  int peak_in_hall = 0;
  std::uint64_t arrived = 0;
  std::vector<double> counter_open;  ///< seconds each counter was staffed (HallResult)
};

/// Replications of one day under one staffing.
struct DayBatch {
  int periods = 0;
  int groups = 0;
  int points = 0;
  std::vector<DayRecord> runs;  ///< by replication
};

/// The target's observations per (period, group) and replication.
TargetSample target_sample(const DayBatch& batch, const ServiceTarget& target);
/// The ISA's number-present samples.
OccupancySample occupancy_sample(const DayBatch& batch);

/// Whether a period meets the target, from its cells' 95% intervals.
enum class Verdict : std::uint8_t {
  meets,    ///< every group's interval lies within the limit
  unclear,  ///< some interval holds the limit
  misses,   ///< some group's whole interval lies beyond the limit
  no_visitors,
};
/// "meets", "unclear", "misses", "no visitors".
const char* to_string(Verdict verdict);

/// Figures of one period (or the whole day), all groups together, over replications.
struct PeriodFigures {
  double tickets = 0.0;    ///< tickets taken per replication
  Estimate mean_wait;      ///< seconds, ratio estimate
  Estimate p90_wait;       ///< seconds, mean of each replication's P90 (replications with tickets)
  Estimate share_over_15;  ///< share of tickets waiting over 15 minutes
  Estimate abandonment;    ///< share of visitors (tickets and balks) leaving unserved
  Estimate target_value;   ///< the target's measure over all groups
  Verdict verdict = Verdict::no_visitors;  ///< from the group cells (period) or group days (day)
  std::vector<CellVerdict> groups;         ///< the target's verdict per group
};

/// Figures of every period, then the whole day as the last element.
std::vector<PeriodFigures> period_figures(const DayBatch& batch, const ServiceTarget& target);

/// A hall's tuning problem: the model, the day's periods, the counter groups, the demand.
class HallTuning {
 public:
  /// Throws ScenarioError when the hall and scenario do not fit, std::invalid_argument when the
  /// weekday is closed.
  HallTuning(HallLayout layout, Scenario scenario, TuneSettings settings);

  const HallModel& model() const { return model_; }
  const TuneSettings& settings() const { return settings_; }
  const PeriodGrid& grid() const { return grid_; }
  const std::vector<CounterGroup>& groups() const { return groups_; }
  /// Group sizes, the minimum shift, the staff cap and the lunch cover as table limits.
  const StaffingLimits& limits() const { return limits_; }

  /// Expected visits per second to each queue in steps of `kRateStep` seconds from the opening
  /// (walk-ins not using a kiosk, appointments, follow-ons and complaints after their first
  /// service's mean): [queue][step].
  const std::vector<std::vector<double>>& queue_rates() const { return queue_rates_; }
  static constexpr double kRateStep = 60.0;

  /// Erlang C per period on the period's mean rate (SIPP).
  StaffingTable sipp() const;
  /// Erlang C on the largest infinite-server offered load m(t) within each period (MOL).
  StaffingTable mol() const;
  /// The scenario's own staffing: counters open per period and group, averaged over the period.
  std::vector<double> scenario_open() const;  ///< [period * groups + group]
  /// Staff-hours of the scenario's own staffing that day.
  double scenario_staff_hours() const;

  /// The scenario with the table as the tuned weekday's shifts (other days as they were; a
  /// dynamic rule no longer applies on the tuned day).
  Scenario scenario_with(const StaffingTable& table) const;
  /// Simulates the scenario's own staffing (table null) or a table's.
  DayBatch simulate(const StaffingTable* table, int replications, std::uint64_t seed) const;
  /// Simulates another scenario (e.g. the tuned one with a dynamic rule) in the same hall.
  /// Throws ScenarioError when it does not fit the hall.
  DayBatch simulate_scenario(const Scenario& scenario, int replications, std::uint64_t seed) const;

 private:
  DayBatch run(const HallModel& model, int replications, std::uint64_t seed) const;

  TuneSettings settings_;
  HallModel model_;
  PeriodGrid grid_;
  std::vector<CounterGroup> groups_;
  std::vector<int> counter_group_;  ///< group of each counter, -1 when closed in the scenario
  std::vector<int> queue_group_;    ///< main group of each queue
  std::vector<std::vector<double>> queue_rates_;
  std::vector<double> queue_service_;  ///< mean seconds a visit holds a counter, per queue
  StaffingLimits limits_;
};

/// One method's table, scored on the search's replications.
struct MethodResult {
  std::string name;
  StaffingTable table;
  double staff_hours = 0.0;
  bool meets = false;  ///< every cell meets the target on the search's replications
  int simulations = 0;
};

/// What a tuning yields.
struct TuneResult {
  std::vector<MethodResult> methods;  ///< SIPP, MOL, ISA, local search (the result)
  StaffingTable tuned;
  double tuned_staff_hours = 0.0;
  double scenario_staff_hours = 0.0;
  std::vector<double> scenario_open;  ///< see HallTuning::scenario_open
  std::vector<PeriodFigures> before;  ///< fresh replications, scenario's staffing
  std::vector<PeriodFigures> after;   ///< fresh replications, tuned staffing
  Scenario tuned_scenario;
  std::vector<std::string> notes;  ///< limits that bind, cells out of reach
};

/// Tunes the hall: analytic start, ISA, local search, then verification in fresh replications.
TuneResult tune(const HallTuning& problem);

/// The scenario with every catalogue item also served by general counters (all-purpose,
/// 全科 windows), when the hall has any.
Scenario all_purpose_general(Scenario scenario, const HallLayout& layout);

/// What sizing a new hall yields.
struct SizeResult {
  HallLayout hall;  ///< the synthetic hall with the counts found
  Weekday day = Weekday::mon;
  std::vector<CounterGroup> groups;  ///< of the sized hall
  std::vector<int> counters;         ///< per group: the largest count the tuned day needs
  int kiosks = 0;
  Estimate peak_waiting;   ///< people waiting for a call at the day's peak, per replication
  double seats_p95 = 0.0;  ///< P95 over replications of the peak waiting
  TuneResult tuning;       ///< the tuned day in the sized hall
};

/// Sizes a hall for a scenario before a plan exists: counters of each type the catalogue names
/// (and each counter it names by id), a complaint window when visits can fail, kiosks for the
/// kiosk users, no walking. The scenario's own staffing (shifts, lunch and evening counters,
/// closed counters, rules) is left out: the tuning staffs the new hall. The weekday with the
/// most expected walk-ins is sized unless `use_day` keeps `settings.day`. Counters an item
/// names by id become a type of their own, "like c09/c12", sized like the others. Throws
/// ScenarioError when the scenario is inconsistent.
SizeResult size_hall(const Scenario& scenario, TuneSettings settings, bool use_day);

}  // namespace hallsim::sim
