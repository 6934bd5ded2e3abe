// Staffing tables, analytic staffing (SIPP, MOL), the iterative staffing algorithm, shift
// limits and the local search with common random numbers.

#include "hallsim/sim/tuning.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>

#include "hallsim/sim/queueing.hpp"

namespace hallsim::sim {

// ------------------------------------------------------------------ periods and tables

namespace {

/// i * n + j as an index, widened before multiplying.
std::size_t flat(int i, int n, int j) {
  return static_cast<std::size_t>(i) * static_cast<std::size_t>(n) + static_cast<std::size_t>(j);
}

}  // namespace

int PeriodGrid::count() const {
  assert(length > 0.0);
  if (end <= begin) {
    return 0;
  }
  // A sliver under a second past the last full period is rounding, not a period.
  return static_cast<int>(std::ceil((end - begin) / length - 1e-9));
}

double PeriodGrid::period_begin(int p) const {
  return begin + p * length;
}

double PeriodGrid::period_end(int p) const {
  return std::min(end, begin + (p + 1) * length);
}

int PeriodGrid::period_of(double t) const {
  const int n = count();
  const auto p = static_cast<int>(std::floor((t - begin) / length));
  return std::clamp(p, 0, std::max(0, n - 1));
}

StaffingTable::StaffingTable(int periods, int groups, int value)
    : periods_(periods),
      groups_(groups),
      counts_(static_cast<std::size_t>(periods) * static_cast<std::size_t>(groups), value) {
  assert(periods >= 0 && groups >= 0 && value >= 0);
}

int StaffingTable::at(int period, int group) const {
  assert(period >= 0 && period < periods_ && group >= 0 && group < groups_);
  return counts_[flat(period, groups_, group)];
}

void StaffingTable::set(int period, int group, int value) {
  assert(period >= 0 && period < periods_ && group >= 0 && group < groups_ && value >= 0);
  counts_[flat(period, groups_, group)] = value;
}

int StaffingTable::total(int period) const {
  int n = 0;
  for (int g = 0; g < groups_; ++g) {
    n += at(period, g);
  }
  return n;
}

double StaffingTable::staff_hours(const PeriodGrid& grid) const {
  assert(grid.count() == periods_);
  double seconds = 0.0;
  for (int p = 0; p < periods_; ++p) {
    seconds += total(p) * (grid.period_end(p) - grid.period_begin(p));
  }
  return seconds / 3600.0;
}

// ------------------------------------------------------------------ analytic staffing

int erlang_staffing(const ServiceTarget& target, double arrival_rate, double mean_service,
                    double mean_patience) {
  if (!(arrival_rate >= 0.0) || !std::isfinite(arrival_rate)) {
    throw std::invalid_argument("the arrival rate must be a finite number >= 0");
  }
  if (!(mean_service > 0.0) || !std::isfinite(mean_service)) {
    throw std::invalid_argument("the mean service time must be a positive finite number");
  }
  if (arrival_rate == 0.0) {
    return 0;
  }
  const double mu = 1.0 / mean_service;
  switch (target.kind) {
    case TargetKind::wait_percentile:
    case TargetKind::share_over:
      return min_servers_for_wait_target(arrival_rate, mu, target.wait, 1.0 - target.share);
    case TargetKind::mean_wait:
      return min_servers_for_mean_wait(arrival_rate, mu, target.wait);
    case TargetKind::prob_wait:
    case TargetKind::abandonment:
      break;
  }
  if (target.kind == TargetKind::abandonment && !(mean_patience > 0.0)) {
    throw std::invalid_argument("the mean patience must be positive");
  }
  const double load = arrival_rate * mean_service;
  const double theta = 1.0 / mean_patience;
  // Both shares fall with every added counter; a few hundred past the load is far beyond any
  // target above zero.
  const int last = static_cast<int>(std::ceil(load)) + 1000;
  for (int c = static_cast<int>(std::floor(load)) + 1; c <= last; ++c) {
    const double delay = erlang_c(c, load);
    const double share = target.kind == TargetKind::prob_wait
                             ? delay
                             : delay * theta / (c * mu - arrival_rate + theta);
    if (share <= target.share) {
      return c;
    }
  }
  throw std::invalid_argument("no number of counters up to " + std::to_string(last) +
                              " meets the target " + target.text());
}

IntegratedSurvival::IntegratedSurvival(const std::function<double(double)>& survival, double mean,
                                       double horizon) {
  assert(mean > 0.0 && horizon > 0.0);
  // Fine enough for short services, coarse enough that a day's horizon stays small.
  step_ = std::clamp(mean / 100.0, 0.05, 10.0);
  const auto n = static_cast<std::size_t>(std::ceil(horizon / step_)) + 1;
  table_.resize(n + 1, 0.0);
  double previous = survival(0.0);
  for (std::size_t i = 1; i <= n; ++i) {
    const double s = survival(static_cast<double>(i) * step_);
    table_[i] = table_[i - 1] + 0.5 * (previous + s) * step_;  // trapezoid
    previous = s;
  }
}

double IntegratedSurvival::operator()(double x) const {
  if (x <= 0.0) {
    return 0.0;
  }
  const double at = x / step_;
  const auto i = static_cast<std::size_t>(at);
  if (i + 1 >= table_.size()) {
    return table_.back();
  }
  const double f = at - static_cast<double>(i);
  return table_[i] + f * (table_[i + 1] - table_[i]);
}

std::vector<double> offered_load(std::span<const double> rates, double step,
                                 const IntegratedSurvival& service, std::span<const double> at) {
  assert(step > 0.0);
  std::vector<double> m;
  m.reserve(at.size());
  for (double t : at) {
    // m(t) = sum_j lambda_j (G(t - a_j) - G(t - b_j)) with G(x) = E[min(S, x)].
    double sum = 0.0;
    for (std::size_t j = 0; j < rates.size(); ++j) {
      const double a = static_cast<double>(j) * step;
      if (a >= t || rates[j] == 0.0) {
        continue;
      }
      const double b = a + step;
      sum += rates[j] * (service(t - a) - service(t - b));
    }
    m.push_back(sum);
  }
  return m;
}

std::vector<int> staffing_from_loads(const ServiceTarget& target, std::span<const double> loads,
                                     double mean_service, double mean_patience) {
  std::vector<int> out;
  out.reserve(loads.size());
  for (double a : loads) {
    out.push_back(
        erlang_staffing(target, std::max(0.0, a) / mean_service, mean_service, mean_patience));
  }
  return out;
}

// ------------------------------------------------------------------ samples and verdicts

TargetSample::TargetSample(int period_count, int group_count, int replication_count)
    : periods(period_count),
      groups(group_count),
      replications(replication_count),
      n(static_cast<std::size_t>(period_count) * static_cast<std::size_t>(group_count) *
            static_cast<std::size_t>(replication_count),
        0.0),
      sum(n.size(), 0.0) {}

std::size_t TargetSample::index(int period, int group, int replication) const {
  assert(period >= 0 && period < periods && group >= 0 && group < groups && replication >= 0 &&
         replication < replications);
  return flat(static_cast<int>(flat(period, groups, group)), replications, replication);
}

Estimate ratio_estimate(std::span<const double> n, std::span<const double> s) {
  assert(n.size() == s.size());
  Estimate e;
  e.n = n.size();
  const double total_n = std::accumulate(n.begin(), n.end(), 0.0);
  const double total_s = std::accumulate(s.begin(), s.end(), 0.0);
  if (total_n <= 0.0) {
    e.mean = std::numeric_limits<double>::quiet_NaN();
    return e;
  }
  const double r = total_s / total_n;
  e.mean = r;
  if (e.n >= 2) {
    double ss = 0.0;
    for (std::size_t i = 0; i < e.n; ++i) {
      const double d = s[i] - r * n[i];
      ss += d * d;
    }
    const double mean_n = total_n / static_cast<double>(e.n);
    const double se =
        std::sqrt(ss / static_cast<double>(e.n - 1) / static_cast<double>(e.n)) / mean_n;
    e.half_width = student_t_quantile(0.95, e.n - 1) * se;
  }
  return e;
}

namespace {

CellVerdict ratio_verdict(const std::vector<double>& n, const std::vector<double>& s,
                          const ServiceTarget& target) {
  CellVerdict v;
  v.value = ratio_estimate(n, s);
  const double total_n = std::accumulate(n.begin(), n.end(), 0.0);
  v.visitors = n.empty() ? 0.0 : total_n / static_cast<double>(n.size());
  v.measured = total_n > 0.0;
  v.meets = !v.measured || v.value.upper() <= target.limit();
  return v;
}

}  // namespace

CellVerdict judge_cell(const TargetSample& sample, int period, int group,
                       const ServiceTarget& target) {
  const auto reps = static_cast<std::size_t>(sample.replications);
  std::vector<double> n(reps), s(reps);
  for (std::size_t r = 0; r < reps; ++r) {
    const std::size_t i = sample.index(period, group, static_cast<int>(r));
    n[r] = sample.n[i];
    s[r] = sample.sum[i];
  }
  return ratio_verdict(n, s, target);
}

CellVerdict judge_group_day(const TargetSample& sample, int group, const ServiceTarget& target) {
  const auto reps = static_cast<std::size_t>(sample.replications);
  std::vector<double> n(reps, 0.0), s(reps, 0.0);
  for (int p = 0; p < sample.periods; ++p) {
    for (std::size_t r = 0; r < reps; ++r) {
      const std::size_t i = sample.index(p, group, static_cast<int>(r));
      n[r] += sample.n[i];
      s[r] += sample.sum[i];
    }
  }
  return ratio_verdict(n, s, target);
}

std::vector<CellVerdict> judge(const TargetSample& sample, const ServiceTarget& target) {
  std::vector<CellVerdict> out;
  if (target.scope == TargetScope::day) {
    for (int g = 0; g < sample.groups; ++g) {
      out.push_back(judge_group_day(sample, g, target));
    }
    return out;
  }
  for (int p = 0; p < sample.periods; ++p) {
    for (int g = 0; g < sample.groups; ++g) {
      out.push_back(judge_cell(sample, p, g, target));
    }
  }
  return out;
}

bool all_meet(const std::vector<CellVerdict>& verdicts) {
  return std::all_of(verdicts.begin(), verdicts.end(),
                     [](const CellVerdict& v) { return v.meets; });
}

// ------------------------------------------------------------------ limits

namespace {

/// Lengthens every run of stacked counters shorter than `min_len` periods; true if it changed.
bool lengthen_short_runs(StaffingTable& t, int g, int size, int min_len) {
  const int periods = t.periods();
  const int len_needed = std::min(min_len, periods);
  bool changed = false;
  for (int k = 0; k < size; ++k) {
    for (int p = 0; p < periods;) {
      if (t.at(p, g) <= k) {
        ++p;
        continue;
      }
      int end = p;
      while (end < periods && t.at(end, g) > k) {
        ++end;
      }
      int missing = len_needed - (end - p);
      // To the right first (a shift runs on), then to the left where the day ends.
      for (int q = end; missing > 0 && q < periods; ++q, --missing) {
        t.set(q, g, std::max(t.at(q, g), k + 1));
        changed = true;
      }
      for (int q = p - 1; missing > 0 && q >= 0; --q, --missing) {
        t.set(q, g, std::max(t.at(q, g), k + 1));
        changed = true;
      }
      if (changed) {
        return true;  // runs moved: scan again from the start
      }
      p = end;
    }
  }
  return changed;
}

}  // namespace

StaffingTable apply_limits(StaffingTable t, const StaffingLimits& limits) {
  assert(static_cast<int>(limits.group_size.size()) == t.groups());
  for (int p = 0; p < t.periods(); ++p) {
    for (int g = 0; g < t.groups(); ++g) {
      t.set(p, g, std::min(t.at(p, g), limits.group_size[static_cast<std::size_t>(g)]));
    }
  }
  if (limits.floor_counters > 0 && limits.floor_group < t.groups()) {
    const int g = limits.floor_group;
    const int floor =
        std::min(limits.floor_counters, limits.group_size[static_cast<std::size_t>(g)]);
    for (int p : limits.floor_periods) {
      if (p >= 0 && p < t.periods()) {
        t.set(p, g, std::max(t.at(p, g), floor));
      }
    }
  }
  if (limits.min_shift_periods > 1) {
    for (int g = 0; g < t.groups(); ++g) {
      const int size = limits.group_size[static_cast<std::size_t>(g)];
      // Each pass only raises counts, bounded by the group's size: it ends.
      while (lengthen_short_runs(t, g, size, limits.min_shift_periods)) {
      }
    }
  }
  if (limits.max_staff > 0) {
    for (int p = 0; p < t.periods(); ++p) {
      while (t.total(p) > limits.max_staff) {
        int widest = 0;
        for (int g = 1; g < t.groups(); ++g) {
          if (t.at(p, g) > t.at(p, widest)) {
            widest = g;
          }
        }
        t.set(p, widest, t.at(p, widest) - 1);
      }
    }
  }
  return t;
}

// ------------------------------------------------------------------ ISA

OccupancySample::OccupancySample(int period_count, int point_count, int group_count,
                                 int replication_count)
    : periods(period_count),
      points(point_count),
      groups(group_count),
      replications(replication_count),
      in_system(static_cast<std::size_t>(period_count) * static_cast<std::size_t>(point_count) *
                    static_cast<std::size_t>(group_count) *
                    static_cast<std::size_t>(replication_count),
                0) {}

std::size_t OccupancySample::index(int period, int k, int group, int replication) const {
  assert(period >= 0 && period < periods && k >= 0 && k < points && group >= 0 && group < groups &&
         replication >= 0 && replication < replications);
  const auto cell =
      static_cast<int>(flat(static_cast<int>(flat(period, points, k)), groups, group));
  return flat(cell, replications, replication);
}

StaffingTable isa_step(const OccupancySample& o, const ServiceTarget& target,
                       std::span<const double> mean_service, double mean_patience) {
  assert(static_cast<int>(mean_service.size()) == o.groups);
  StaffingTable next(o.periods, o.groups);
  const auto reps = static_cast<std::size_t>(o.replications);
  std::vector<int> values(reps);
  for (int p = 0; p < o.periods; ++p) {
    for (int g = 0; g < o.groups; ++g) {
      int best = 0;
      for (int k = 0; k < o.points; ++k) {
        for (std::size_t r = 0; r < reps; ++r) {
          values[r] = o.in_system[o.index(p, k, g, static_cast<int>(r))];
        }
        if (std::all_of(values.begin(), values.end(), [](int x) { return x == 0; })) {
          continue;  // nobody there at this time in any replication
        }
        int s = 0;
        if (target.kind == TargetKind::prob_wait) {
          // FMMW: the smallest s with P(L >= s) <= alpha.
          std::sort(values.begin(), values.end());
          for (s = 1;; ++s) {
            const auto at_least = static_cast<double>(
                values.end() - std::lower_bound(values.begin(), values.end(), s));
            if (at_least / static_cast<double>(reps) <= target.share) {
              break;
            }
          }
        } else {
          const double load =
              std::accumulate(values.begin(), values.end(), 0.0) / static_cast<double>(reps);
          const double es = mean_service[static_cast<std::size_t>(g)];
          s = erlang_staffing(target, load / es, es, mean_patience);
        }
        best = std::max(best, s);
      }
      next.set(p, g, best);
    }
  }
  return next;
}

// ------------------------------------------------------------------ local search

namespace {

/// Removing one counter of a group over periods first..last.
struct Move {
  int group = 0;
  int first = 0;
  int last = 0;
  double slack = 0.0;  ///< ordering only
  bool operator==(const Move& o) const {
    return group == o.group && first == o.first && last == o.last;
  }
};

class Search {
 public:
  Search(const Evaluator& evaluate, const ServiceTarget& target, const StaffingLimits& limits,
         const SearchSettings& settings)
      : evaluate_(evaluate), target_(target), limits_(limits), settings_(settings) {}

  SearchResult run(const StaffingTable& start) {
    res_.table = apply_limits(start, limits_);
    measure(res_.table);
    add_where_missed();
    // Cells still missing here are out of reach; removals must keep every other cell meeting.
    for (const CellVerdict& v : res_.verdicts) {
      baseline_.push_back(v.meets ? 1 : 0);
      // Out of reach: the same replications must not fare worse (common random numbers make
      // the comparison paired, so a removal that hurts shows as a higher mean).
      baseline_measure_.push_back(v.value.mean);
    }
    remove_where_slack();
    res_.meets = all_meet(res_.verdicts);
    return res_;
  }

 private:
  bool budget_left() const { return res_.evaluations < settings_.max_evaluations; }

  void measure(const StaffingTable& t) {
    sample_ = evaluate_(t);
    res_.verdicts = judge(sample_, target_);
    ++res_.evaluations;
  }

  std::size_t slot(int p, int g) const {
    return target_.scope == TargetScope::day
               ? static_cast<std::size_t>(g)
               : static_cast<std::size_t>(p * res_.table.groups() + g);
  }

  const CellVerdict& verdict(const std::vector<CellVerdict>& v, int p, int g) const {
    return v[slot(p, g)];
  }

  /// Every cell that met the target after the additions still meets it, and no cell out of
  /// reach fares worse than it did then on the same replications.
  bool holds(const std::vector<CellVerdict>& v) const {
    for (std::size_t i = 0; i < v.size(); ++i) {
      if (baseline_[i] != 0 ? !v[i].meets : v[i].value.mean > baseline_measure_[i]) {
        return false;
      }
    }
    return true;
  }

  /// Removing a counter here could only make a missed target worse.
  bool missed_near(int p, int g) const {
    return baseline_[slot(p, g)] == 0 ||
           (p + 1 < res_.table.periods() && baseline_[slot(p + 1, g)] == 0);
  }

  int room(const StaffingTable& t, int p, int g) const {
    const int by_group = limits_.group_size[static_cast<std::size_t>(g)] - t.at(p, g);
    const int by_cap = limits_.max_staff > 0 ? limits_.max_staff - t.total(p) : by_group;
    return std::min(by_group, by_cap);
  }

  /// Raises a missing cell by one, in its period or the one before.
  bool raise(StaffingTable& t, int p, int g) const {
    for (int q = p; q >= std::max(0, p - 1); --q) {
      if (room(t, q, g) > 0) {
        t.set(q, g, t.at(q, g) + 1);
        return true;
      }
    }
    return false;
  }

  void add_where_missed() {
    const int groups = res_.table.groups();
    while (!all_meet(res_.verdicts) && budget_left()) {
      StaffingTable next = res_.table;
      if (target_.scope == TargetScope::period) {
        for (int p = 0; p < next.periods(); ++p) {
          for (int g = 0; g < groups; ++g) {
            if (!verdict(res_.verdicts, p, g).meets) {
              raise(next, p, g);
            }
          }
        }
      } else {
        for (int g = 0; g < groups; ++g) {
          if (res_.verdicts[static_cast<std::size_t>(g)].meets) {
            continue;
          }
          // The period where the group's visitors fare worst, among those with room.
          int worst = -1;
          double worst_value = -1.0;
          for (int p = 0; p < next.periods(); ++p) {
            const CellVerdict c = judge_cell(sample_, p, g, target_);
            if (c.measured && room(next, p, g) > 0 && c.value.mean > worst_value) {
              worst = p;
              worst_value = c.value.mean;
            }
          }
          if (worst >= 0) {
            next.set(worst, g, next.at(worst, g) + 1);
          }
        }
      }
      next = apply_limits(next, limits_);
      if (next == res_.table) {
        return;  // nothing can be raised: the target is out of reach
      }
      res_.additions += difference(next, res_.table);
      res_.table = next;
      measure(res_.table);
    }
  }

  static int difference(const StaffingTable& a, const StaffingTable& b) {
    int d = 0;
    for (int p = 0; p < a.periods(); ++p) {
      for (int g = 0; g < a.groups(); ++g) {
        d += std::abs(a.at(p, g) - b.at(p, g));
      }
    }
    return d;
  }

  StaffingTable without(const std::vector<Move>& moves) const {
    StaffingTable t = res_.table;
    for (const Move& m : moves) {
      for (int p = m.first; p <= m.last; ++p) {
        t.set(p, m.group, std::max(0, t.at(p, m.group) - 1));
      }
    }
    return apply_limits(t, limits_);
  }

  void accept(const StaffingTable& t, const TargetSample& sample,
              const std::vector<CellVerdict>& v) {
    res_.removals += difference(res_.table, t);
    res_.table = t;
    sample_ = sample;
    res_.verdicts = v;
  }

  /// Slack of a move: the smallest relative margin to the limit over its cells (1 unmeasured).
  double slack_of(const Move& m) const {
    double slack = 1.0;
    for (int p = m.first; p <= m.last; ++p) {
      const CellVerdict c = target_.scope == TargetScope::day
                                ? judge_cell(sample_, p, m.group, target_)
                                : verdict(res_.verdicts, p, m.group);
      if (c.measured) {
        slack = std::min(slack, (target_.limit() - c.value.upper()) / target_.limit());
      }
    }
    return slack;
  }

  /// Single cells, and whole shifts of a group's top counter (which a single cell could not
  /// remove once the minimum shift length holds them), that the limits let go.
  std::vector<Move> candidates(const std::vector<Move>& tried) const {
    const int periods = res_.table.periods();
    std::vector<Move> out;
    auto consider = [&](Move m) {
      for (int p = m.first; p <= m.last + 1 && p < periods; ++p) {
        if (missed_near(p, m.group)) {
          return;
        }
      }
      if (std::find(tried.begin(), tried.end(), m) != tried.end() || without({m}) == res_.table) {
        return;
      }
      m.slack = slack_of(m);
      out.push_back(m);
    };
    for (int g = 0; g < res_.table.groups(); ++g) {
      for (int p = 0; p < periods; ++p) {
        if (res_.table.at(p, g) > 0) {
          consider({g, p, p, 0.0});
        }
      }
      // Top shifts: runs where exactly k + 1 counters are open, bounded by fewer on both sides.
      for (int p = 0; p < periods;) {
        const int k = res_.table.at(p, g);
        int end = p;
        while (end < periods && res_.table.at(end, g) == k) {
          ++end;
        }
        const bool top = k > 0 && (p == 0 || res_.table.at(p - 1, g) < k) &&
                         (end == periods || res_.table.at(end, g) < k);
        if (top && end - p > 1) {
          consider({g, p, end - 1, 0.0});
        }
        p = end;
      }
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Move& x, const Move& y) { return x.slack > y.slack; });
    return out;
  }

  /// Tries a batch of removals; when the target breaks, tries each half (adaptive group
  /// testing: a few bad moves among many cost a few simulations each). A single move that
  /// breaks it is not tried again.
  void try_batch(const std::vector<Move>& batch, std::vector<Move>& tried) {
    if (batch.empty() || !budget_left()) {
      return;
    }
    const StaffingTable trial = without(batch);
    if (trial == res_.table) {
      tried.insert(tried.end(), batch.begin(), batch.end());
      return;
    }
    const TargetSample sample = evaluate_(trial);
    ++res_.evaluations;
    const std::vector<CellVerdict> v = judge(sample, target_);
    if (holds(v)) {
      accept(trial, sample, v);
      return;
    }
    if (batch.size() == 1) {
      tried.push_back(batch.front());
      return;
    }
    const auto half = static_cast<std::ptrdiff_t>(batch.size() / 2);
    try_batch(std::vector<Move>(batch.begin(), batch.begin() + half), tried);
    try_batch(std::vector<Move>(batch.begin() + half, batch.end()), tried);
  }

  void remove_where_slack() {
    std::vector<Move> tried;
    while (budget_left()) {
      const std::vector<Move> moves = candidates(tried);
      if (moves.empty()) {
        return;
      }
      // One move per group, the one with the most slack: removals in one group interact most.
      std::vector<Move> batch;
      for (const Move& m : moves) {
        const bool taken = std::any_of(batch.begin(), batch.end(),
                                       [&m](const Move& b) { return b.group == m.group; });
        if (!taken) {
          batch.push_back(m);
        }
      }
      try_batch(batch, tried);
    }
  }

  const Evaluator& evaluate_;
  const ServiceTarget& target_;
  const StaffingLimits& limits_;
  const SearchSettings& settings_;
  SearchResult res_;
  TargetSample sample_;
  std::vector<char> baseline_;  ///< per verdict: met the target after the additions
  /// Per verdict out of reach: its measure then, which a removal may not exceed.
  std::vector<double> baseline_measure_;
};

}  // namespace

SearchResult local_search(const StaffingTable& start, const Evaluator& evaluate,
                          const ServiceTarget& target, const StaffingLimits& limits,
                          const SearchSettings& settings) {
  return Search(evaluate, target, limits, settings).run(start);
}

}  // namespace hallsim::sim
