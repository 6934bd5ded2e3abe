#pragma once
/// \file
/// Window-count tuning (clause 4.4.3 b): how many counters of each group to staff in each
/// period of a day so that a service target holds, with the fewest staff-hours.
///
/// This header holds the parts that know nothing of halls: the service target, the staffing
/// table (periods x counter groups), the analytic staffing rules (Erlang C per period, SIPP;
/// the modified offered load, MOL, from the infinite-server load m(t)), the iterative staffing
/// algorithm (ISA, Feldman, Mandelbaum, Massey and Whitt 2008), shift constraints, and a local
/// search that calls an evaluator: any function from a staffing table to per-period samples.
/// Tests plug a formula in; staffing.hpp plugs in the hall model. docs/tuning.md describes the
/// methods.

#include <cstdint>
#include <functional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "hallsim/sim/stats.hpp"

namespace hallsim::sim {

/// What a service target measures.
enum class TargetKind : std::uint8_t {
  wait_percentile,  ///< a share 1 - `share` of tickets wait at most `wait` ("p90_wait<=15min")
  mean_wait,        ///< the mean wait is at most `wait`
  share_over,       ///< at most `share` of tickets wait longer than `wait`
  prob_wait,        ///< at most `share` of tickets wait at all (are not called at once)
  abandonment,      ///< at most `share` of visitors leave unserved (balk or renege)
};

/// Where a target must hold.
enum class TargetScope : std::uint8_t {
  period,  ///< in every period of the day, for every counter group
  day,     ///< over the whole day, for every counter group
};

/// A service target, e.g. 90% of visitors wait at most 15 minutes in every period.
///
/// Every kind is checked as the mean of a per-visitor measure against limit(): an indicator
/// (waited over `wait`, waited at all, left unserved) or the wait itself (mean_wait). A
/// percentile target is the share form of the same statement: P90 <= 15 min exactly when at
/// most 10% wait longer than 15 min.
struct ServiceTarget {
  TargetKind kind = TargetKind::wait_percentile;
  double wait =
      900.0;  ///< seconds: the wait limit or threshold (not used by prob_wait, abandonment)
  double share = 0.1;  ///< the share allowed to miss (wait_percentile: 1 - the percentile)
  TargetScope scope = TargetScope::period;

  /// The bound on the mean measure: `wait` for mean_wait, else `share`.
  double limit() const;
  /// The visitor-level measure: `wait` seconds waited, `abandoned` if they left unserved.
  double measure(double wait_seconds, bool abandoned) const;
  /// True if balking visitors (who have no ticket) count: only for abandonment.
  bool counts_balks() const { return kind == TargetKind::abandonment; }
  /// The canonical text, e.g. "p90_wait<=15min" or "day:abandonment<=5%".
  std::string text() const;
  /// A sentence for reports, e.g. "90% of visitors wait at most 15 min, in every period".
  std::string sentence() const;
};

/// A target string that cannot be read; the message shows the accepted forms.
class TargetError : public std::invalid_argument {
 public:
  explicit TargetError(const std::string& message);
};

/// The accepted target forms, one per line, for error messages and --help.
const char* target_forms();

/// Reads a target such as "p90_wait<=15min", "mean_wait<=5min", "share_wait_over_20min<=10%",
/// "prob_wait<=0.5", "abandonment<=5%"; a "day:" prefix makes it a whole-day target.
/// Throws TargetError naming the text and the accepted forms.
ServiceTarget parse_target(std::string_view text);

/// The periods of a day: [begin, end) cut into pieces of `length` seconds (the last one may
/// be shorter).
struct PeriodGrid {
  double begin = 0.0;
  double end = 0.0;
  double length = 1800.0;

  int count() const;
  double period_begin(int p) const;
  double period_end(int p) const;
  /// The period holding time `t`, clamped to the first and last.
  int period_of(double t) const;
};

/// Counters staffed per period and counter group: periods x groups non-negative integers.
class StaffingTable {
 public:
  StaffingTable() = default;
  StaffingTable(int periods, int groups, int value = 0);

  int periods() const { return periods_; }
  int groups() const { return groups_; }
  int at(int period, int group) const;
  void set(int period, int group, int value);
  /// Counters staffed in a period, over every group.
  int total(int period) const;
  /// Staff-hours over a grid: sum of counters x period length, in hours.
  double staff_hours(const PeriodGrid& grid) const;
  bool operator==(const StaffingTable&) const = default;

 private:
  int periods_ = 0;
  int groups_ = 0;
  std::vector<int> counts_;
};

// ------------------------------------------------------------------ analytic staffing

/// Smallest number of counters for which the M/M/c queue meets the target (0 when there is no
/// demand). Rates per second, times in seconds. Abandonment is approximated by the share of
/// an M/M/c queue's waits longer than an exponential patience of mean `mean_patience`:
/// C(c, A) theta / (c mu - lambda + theta). Throws std::invalid_argument for bad parameters.
int erlang_staffing(const ServiceTarget& target, double arrival_rate, double mean_service,
                    double mean_patience = 3600.0);

/// E[min(S, x)] = the integral of P(S > y) over [0, x], tabulated for fast look-up.
class IntegratedSurvival {
 public:
  /// From the survival function of S, up to `horizon` seconds; the mean of S sets the step.
  IntegratedSurvival(const std::function<double(double)>& survival, double mean, double horizon);
  /// E[min(S, x)].
  double operator()(double x) const;

 private:
  double step_ = 1.0;
  std::vector<double> table_;
};

/// The infinite-server offered load m(t) = integral of lambda(u) P(S > t - u) du (Eick, Massey,
/// Whitt) for an arrival rate constant on steps of `step` seconds from time 0 (`rates[i]` per
/// second on [i step, (i + 1) step), zero before and after), at the times `at` (seconds from 0).
std::vector<double> offered_load(std::span<const double> rates, double step,
                                 const IntegratedSurvival& service, std::span<const double> at);

/// Staffing of one group from an offered load per period: the M/M/c count for arrival rate
/// load / mean_service in each period. SIPP passes the period's mean rate x mean service;
/// MOL passes the largest m(t) within the period.
std::vector<int> staffing_from_loads(const ServiceTarget& target, std::span<const double> loads,
                                     double mean_service, double mean_patience);

// ------------------------------------------------------------------ simulation-based search

/// Per-replication observations of the target's measure: for each (period, group) cell and
/// replication, the visitors counted (`n`) and the sum of their measure (`sum`).
struct TargetSample {
  int periods = 0;
  int groups = 0;
  int replications = 0;
  std::vector<double> n;    ///< [(period * groups + group) * replications + replication]
  std::vector<double> sum;  ///< same layout

  TargetSample() = default;
  TargetSample(int period_count, int group_count, int replication_count);
  std::size_t index(int period, int group, int replication) const;
};

/// The target's measure in one cell (or, for a whole-day target, one group over the day).
struct CellVerdict {
  double visitors = 0.0;  ///< visitors counted per replication
  Estimate value;         ///< ratio estimate sum / n with a 95% delta-method interval
  bool measured = false;  ///< some visitor counted
  bool meets = true;      ///< the interval's upper end is within the limit (or nobody counted)
};

/// Ratio estimate sum(sum) / sum(n) of per-replication totals, with a 95% delta-method
/// interval: half-width t(0.975, R-1) sqrt(sum (s_r - R n_r)^2 / (R - 1) / R) / mean n.
/// The mean is NaN (and n the replications) when nothing was counted.
Estimate ratio_estimate(std::span<const double> n, std::span<const double> sum);

/// Ratio estimate of the pooled measure over replications: R = sum of sums / sum of counts,
/// half-width t(0.975, R-1) sqrt(sum (s_r - R n_r)^2 / (R - 1) / R) / mean n.
CellVerdict judge_cell(const TargetSample& sample, int period, int group,
                       const ServiceTarget& target);
/// One group over every period (the whole-day form).
CellVerdict judge_group_day(const TargetSample& sample, int group, const ServiceTarget& target);

/// Verdicts for every cell the target's scope names: periods x groups for a period target,
/// one row (period 0) of groups for a day target.
std::vector<CellVerdict> judge(const TargetSample& sample, const ServiceTarget& target);
/// True if every verdict meets the target.
bool all_meet(const std::vector<CellVerdict>& verdicts);

/// Runs the model with a staffing table and returns the target's observations.
using Evaluator = std::function<TargetSample(const StaffingTable&)>;

/// Limits on staffing tables.
struct StaffingLimits {
  std::vector<int> group_size;  ///< counters available in each group
  int max_staff = 0;            ///< at most this many counters open at once; 0: no limit
  int min_shift_periods = 1;    ///< every run of a counter lasts at least this many periods
  /// At least `floor_counters` counters of group `floor_group` in each period listed.
  std::vector<int> floor_periods;
  int floor_group = 0;
  int floor_counters = 0;
};

/// Makes a table obey the limits: counts clipped to the group sizes and raised to the floors;
/// counters stacked (counter k of a group is open in a period when the count exceeds k) whose
/// runs are shorter than the minimum shift are lengthened (to the right where the day allows,
/// else to the left); periods over max_staff lose counters from the group with the most open
/// (that may undo a lengthening; the result then has a short shift, and the report says so).
StaffingTable apply_limits(StaffingTable table, const StaffingLimits& limits);

/// Number-in-system observations for the iterative staffing algorithm: at `points` equally
/// spaced times within each period, the number of a group's visitors waiting or at a counter,
/// in each replication.
struct OccupancySample {
  int periods = 0;
  int points = 0;  ///< sample times per period
  int groups = 0;
  int replications = 0;
  std::vector<int> in_system;  ///< [((period * points + k) * groups + group) * replications + r]

  OccupancySample() = default;
  OccupancySample(int period_count, int point_count, int group_count, int replication_count);
  std::size_t index(int period, int k, int group, int replication) const;
};

/// One step of the iterative staffing algorithm: in each period and group, the largest over
/// the period's sample times of the new count. For a prob_wait target that is FMMW's rule,
/// the smallest s with P(L >= s) <= share over replications; for other targets the M/M/c
/// count for the sampled offered load E[L] (erlang_staffing with rate E[L] / mean_service).
StaffingTable isa_step(const OccupancySample& occupancy, const ServiceTarget& target,
                       std::span<const double> mean_service, double mean_patience);

/// Settings of the local search.
struct SearchSettings {
  int max_evaluations = 80;  ///< the search stops after this many calls of the evaluator
};

/// What the local search did.
struct SearchResult {
  StaffingTable table;
  std::vector<CellVerdict> verdicts;  ///< of `table` at its last evaluation
  bool meets = false;                 ///< every verdict meets the target
  int evaluations = 0;
  int additions = 0;  ///< counters added (period cells raised)
  int removals = 0;   ///< counters removed
};

/// Local search with common random numbers (the evaluator sees the same visitors every call):
/// first adds a counter where a cell misses the target (in the period, or the one before when
/// the group is full) until every cell meets it or none can be raised; then removes counters
/// (one period of a counter, or a whole shift of a group's top counter), never where a target
/// is missed, in batches of one move per group, the move with the most slack first; a batch
/// that breaks the target is split in halves and each tried again, and a single move that
/// breaks it is not tried again. A removal stands when every cell that met the target after
/// the additions still meets it and no cell out of reach fares worse than it did then.
/// Tables always obey `limits`.
SearchResult local_search(const StaffingTable& start, const Evaluator& evaluate,
                          const ServiceTarget& target, const StaffingLimits& limits,
                          const SearchSettings& settings = {});

}  // namespace hallsim::sim
