// Tuning a hall's window count: counter groups, the analytic demand per queue, simulations of
// staffing tables (parsed from the model's trace), the tuned scenario, and the tuning itself.

#include <algorithm>
#include <array>
#include <atomic>
#include <cassert>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <thread>
#include <utility>

#include "hallsim/sim/fit.hpp"
#include "hallsim/sim/staffing.hpp"

namespace hallsim::sim {

namespace {

/// Later than any event: the sentinel of "no such time".
constexpr double kNever = std::numeric_limits<double>::max();

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool applies_on(const std::vector<Weekday>& days, Weekday w) {
  return days.empty() || std::find(days.begin(), days.end(), w) != days.end();
}

/// Mean of a duration as the model draws it (negative draws are cut at zero, which matters
/// only for offsets).
double mean_of(const DistributionSpec& d) {
  switch (d.kind) {
    case DistributionKind::uniform:
      return 0.5 * (d.low + d.high);
    case DistributionKind::empirical:
      return d.data.empty() ? 0.0
                            : std::accumulate(d.data.begin(), d.data.end(), 0.0) /
                                  static_cast<double>(d.data.size());
    default:
      return d.mean;
  }
}

/// P(S > x) of a service-time distribution.
double survival(const DistributionSpec& d, double x) {
  if (x < 0.0) {
    return 1.0;
  }
  switch (d.kind) {
    case DistributionKind::deterministic:
      return x < d.mean ? 1.0 : 0.0;
    case DistributionKind::exponential:
      return std::exp(-x / d.mean);
    case DistributionKind::lognormal:
      return d.cv > 0.0 ? 1.0 - lognormal_cdf(x, d.mean, d.cv) : (x < d.mean ? 1.0 : 0.0);
    case DistributionKind::gamma:
      return d.cv > 0.0 ? 1.0 - gamma_cdf(x, d.mean, d.cv) : (x < d.mean ? 1.0 : 0.0);
    case DistributionKind::normal:
      return d.stddev > 0.0 ? 0.5 * std::erfc((x - d.mean) / (d.stddev * std::sqrt(2.0)))
                            : (x < d.mean ? 1.0 : 0.0);
    case DistributionKind::uniform:
      return x < d.low ? 1.0 : x >= d.high ? 0.0 : (d.high - x) / (d.high - d.low);
    case DistributionKind::empirical: {
      if (d.data.empty()) {
        return 0.0;
      }
      const auto above =
          std::count_if(d.data.begin(), d.data.end(), [x](double v) { return v > x; });
      return static_cast<double>(above) / static_cast<double>(d.data.size());
    }
  }
  return 0.0;
}

/// Runs `n` jobs on up to `threads` threads; job i writes only its own slot.
template <typename Job>
void parallel_for(std::size_t n, unsigned threads, const Job& job) {
  unsigned t = threads > 0 ? threads : std::thread::hardware_concurrency();
  t = std::max(1U, std::min<unsigned>(t, static_cast<unsigned>(n)));
  if (t == 1) {
    for (std::size_t i = 0; i < n; ++i) {
      job(i);
    }
    return;
  }
  std::atomic<std::size_t> next{0};
  std::vector<std::thread> pool;
  pool.reserve(t);
  for (unsigned k = 0; k < t; ++k) {
    pool.emplace_back([&] {
      for (std::size_t i = next++; i < n; i = next++) {
        job(i);
      }
    });
  }
  for (auto& th : pool) {
    th.join();
  }
}

/// "08:30" style clock time.
std::string clock_text(double t) {
  const auto m = static_cast<long>(std::lround(t / 60.0));
  std::string out = std::to_string(m / 60);
  if (out.size() < 2) {
    out.insert(0, 1, '0');
  }
  out += ':';
  out += static_cast<char>('0' + (m % 60) / 10);
  out += static_cast<char>('0' + m % 10);
  return out;
}

}  // namespace

const char* to_string(Verdict verdict) {
  switch (verdict) {
    case Verdict::meets:
      return "meets";
    case Verdict::unclear:
      return "unclear";
    case Verdict::misses:
      return "misses";
    case Verdict::no_visitors:
      return "no visitors";
  }
  return "?";
}

// ------------------------------------------------------------------ the problem

HallTuning::HallTuning(HallLayout layout, Scenario scenario, TuneSettings settings)
    : settings_(settings), model_(std::move(layout), std::move(scenario)) {
  const Scenario& s = model_.scenario();
  const DayHours& day = s.calendar.days[static_cast<std::size_t>(settings_.day)];
  if (!day.open) {
    throw std::invalid_argument(std::string("the hall is closed on ") + to_string(settings_.day) +
                                "; choose an open weekday");
  }
  if (!(settings_.period >= 60.0)) {
    throw std::invalid_argument("a period must last at least a minute");
  }
  grid_ = PeriodGrid{day.open_time, std::max(day.close_time, day.extended_until), settings_.period};

  // Groups: counters that may serve the same queues, in order of first appearance.
  const HallLayout& hall = model_.layout();
  const std::size_t queues = model_.queue_count();
  counter_group_.assign(hall.counters.size(), -1);
  std::vector<std::vector<bool>> signature;
  for (std::size_t c = 0; c < hall.counters.size(); ++c) {
    if (contains(s.staffing.closed_counters, hall.counters[c].id)) {
      continue;
    }
    std::vector<bool> serves(queues);
    for (std::size_t q = 0; q < queues; ++q) {
      serves[q] = model_.counter_serves(c, q);
    }
    if (std::none_of(serves.begin(), serves.end(), [](bool b) { return b; })) {
      continue;  // serves nothing: stays closed
    }
    std::size_t g = 0;
    while (g < signature.size() &&
           !(signature[g] == serves && groups_[g].type == hall.counters[c].type)) {
      ++g;
    }
    if (g == signature.size()) {
      signature.push_back(serves);
      CounterGroup group;
      group.type = hall.counters[c].type;
      for (std::size_t q = 0; q < queues; ++q) {
        if (serves[q]) {
          group.queues.push_back(q);
        }
      }
      groups_.push_back(std::move(group));
    }
    groups_[g].counters.push_back(c);
    counter_group_[c] = static_cast<int>(g);
  }
  for (CounterGroup& g : groups_) {
    std::size_t of_type = 0;
    for (std::size_t c = 0; c < hall.counters.size(); ++c) {
      of_type += hall.counters[c].type == g.type && counter_group_[c] >= 0 ? 1 : 0;
    }
    g.name = g.type;
    if (of_type != g.counters.size()) {
      // The type is split between groups: name the counters.
      std::string ids;
      for (std::size_t c : g.counters) {
        ids += (ids.empty() ? "" : ",") + hall.counters[c].id;
      }
      g.name += " " + ids;
    }
  }
  queue_group_.assign(queues, -1);
  for (std::size_t q = 0; q < queues; ++q) {
    for (std::size_t g = 0; g < groups_.size(); ++g) {
      const auto& gq = groups_[g].queues;
      if (std::find(gq.begin(), gq.end(), q) != gq.end() &&
          (queue_group_[q] < 0 ||
           groups_[g].counters.size() >
               groups_[static_cast<std::size_t>(queue_group_[q])].counters.size())) {
        queue_group_[q] = static_cast<int>(g);
      }
    }
  }

  // Demand per queue in one-minute steps.
  const auto steps = static_cast<std::size_t>(std::ceil((grid_.end - grid_.begin) / kRateStep));
  queue_rates_.assign(queues, std::vector<double>(steps, 0.0));
  queue_service_.assign(queues, 0.0);
  const ServiceCatalogue& cat = s.catalogue;
  const double no_show = s.staffing.call.no_show;
  std::vector<double> missing(queues, 0.0), cannot(queues, 0.0);
  std::vector<const DistributionSpec*> service(queues, &cat.complaint_time);
  for (std::size_t q = 0; q < cat.items.size(); ++q) {
    const ServiceItem& item = cat.items[q];
    missing[q] = s.policies.one_time_notification
                     ? item.missing_materials * (1.0 - s.policies.notification_effect)
                     : item.missing_materials;
    cannot[q] = item.cannot_be_done;
    service[q] = &item.service_time;
  }
  for (std::size_t q = 0; q < queues; ++q) {
    // A visit holds the counter for its service (cut short when materials are missing), or
    // for the wait on an unanswered call.
    const double es = mean_of(*service[q]);
    queue_service_[q] =
        no_show * s.staffing.call.no_show_wait +
        (1.0 - no_show) * es * (1.0 - missing[q] + missing[q] * cat.failed_service_fraction);
  }
  auto step_of = [&](double clock) {
    return std::min(steps - 1, static_cast<std::size_t>(
                                   std::max(0.0, std::floor((clock - grid_.begin) / kRateStep))));
  };
  auto item_index = [&](const std::string& id) -> std::size_t {
    for (std::size_t q = 0; q < cat.items.size(); ++q) {
      if (cat.items[q].id == id) {
        return q;
      }
    }
    return queues;
  };
  std::vector<std::vector<double>> first(queues, std::vector<double>(steps, 0.0));
  if (!s.replay.records.empty()) {
    for (const TicketRecord& r : s.replay.records) {
      const std::size_t q = item_index(r.item);
      if (r.day == 0 && q < queues && r.ticket_time >= grid_.begin && r.ticket_time < grid_.end) {
        first[q][step_of(r.ticket_time)] += 1.0 / kRateStep;
      }
    }
  } else {
    const double doors_close = grid_.end;
    for (const ItemDemand& d : s.demand.items) {
      const std::size_t q = item_index(d.item);
      if (q >= queues) {
        continue;
      }
      const double to_counter = hall.kiosks > 0 ? 1.0 - cat.items[q].kiosk_share : 1.0;
      const std::array<double, 24> rate = hourly_rates(d, settings_.day, grid_.begin, doors_close);
      for (std::size_t k = 0; k < steps; ++k) {
        const double a = grid_.begin + static_cast<double>(k) * kRateStep;
        const double b = std::min(doors_close, a + kRateStep);
        // Hours are whole; a step never crosses one unless the opening is off the minute.
        double mass = 0.0;
        for (double t = a; t < b;) {
          const auto h = static_cast<std::size_t>(std::floor(t / kHourSeconds));
          const double e = std::min(b, static_cast<double>(h + 1) * kHourSeconds);
          mass += (h < 24 ? rate[h] : 0.0) / kHourSeconds * (e - t);
          t = e;
        }
        first[q][k] += to_counter * mass / kRateStep;
      }
    }
    const Appointments& ap = s.demand.appointments;
    for (const AppointmentSlots& a : ap.slots) {
      const std::size_t q = item_index(a.item);
      if (q >= queues || !applies_on(a.days, settings_.day)) {
        continue;
      }
      for (int k = 0;; ++k) {
        const double start = a.first_slot + k * a.slot_length;
        if (start + a.slot_length > a.last_slot_end + 1e-9) {
          break;
        }
        const double when = std::max(grid_.begin, start + mean_of(ap.punctuality));
        first[q][step_of(when)] +=
            a.bookings_per_slot * a.booked_share * (1.0 - ap.no_show) / kRateStep;
      }
    }
  }
  // Follow-ons after a successful first visit, complaints after any visit that cannot be
  // done, each one mean service later.
  const bool complaint_queue = queues > cat.items.size();
  for (std::size_t q = 0; q < cat.items.size(); ++q) {
    for (std::size_t k = 0; k < steps; ++k) {
      queue_rates_[q][k] += first[q][k];
    }
  }
  for (std::size_t q = 0; q < cat.items.size(); ++q) {
    const auto shift = static_cast<std::size_t>(std::round(mean_of(*service[q]) / kRateStep));
    const double success = (1.0 - no_show) * (1.0 - missing[q]) * (1.0 - cannot[q]);
    for (const FollowOn& f : cat.items[q].follow_on) {
      const std::size_t j = item_index(f.item);
      if (j >= queues) {
        continue;
      }
      for (std::size_t k = 0; k < steps; ++k) {
        queue_rates_[j][std::min(steps - 1, k + shift)] += f.probability * success * first[q][k];
      }
    }
  }
  if (complaint_queue) {
    const std::size_t cq = cat.items.size();
    for (std::size_t q = 0; q < cat.items.size(); ++q) {
      const auto shift = static_cast<std::size_t>(std::round(mean_of(*service[q]) / kRateStep));
      const double p = (1.0 - no_show) * (1.0 - missing[q]) * cannot[q];
      for (std::size_t k = 0; k < steps; ++k) {
        queue_rates_[cq][std::min(steps - 1, k + shift)] += p * queue_rates_[q][k];
      }
    }
  }

  // Each group's mean holding time, weighted by the visits it takes: a queue's visits are
  // split between its groups by their number of counters.
  for (CounterGroup& g : groups_) {
    double visits = 0.0, busy = 0.0;
    for (std::size_t q : g.queues) {
      const double total = std::accumulate(queue_rates_[q].begin(), queue_rates_[q].end(), 0.0);
      const double share = static_cast<double>(g.counters.size()) / [&] {
        double n = 0.0;
        for (const CounterGroup& h : groups_) {
          if (std::find(h.queues.begin(), h.queues.end(), q) != h.queues.end()) {
            n += static_cast<double>(h.counters.size());
          }
        }
        return n;
      }();
      visits += total * share;
      busy += total * share * queue_service_[q];
    }
    g.mean_service = visits > 0.0 ? busy / visits : [&] {
      double m = 0.0;
      for (std::size_t q : g.queues) {
        m = std::max(m, queue_service_[q]);
      }
      return m;
    }();
  }

  // Limits.
  for (const CounterGroup& g : groups_) {
    limits_.group_size.push_back(static_cast<int>(g.counters.size()));
  }
  limits_.max_staff = settings_.max_staff;
  limits_.min_shift_periods =
      std::max(1, static_cast<int>(std::ceil(settings_.min_shift / settings_.period - 1e-9)));
  if (day.has_lunch_break && settings_.lunch_cover > 0 && !groups_.empty()) {
    std::size_t largest = 0;
    for (std::size_t g = 1; g < groups_.size(); ++g) {
      if (groups_[g].counters.size() > groups_[largest].counters.size()) {
        largest = g;
      }
    }
    limits_.floor_group = static_cast<int>(largest);
    limits_.floor_counters = settings_.lunch_cover;
    for (int p = 0; p < grid_.count(); ++p) {
      if (grid_.period_begin(p) < day.lunch_break.end &&
          grid_.period_end(p) > day.lunch_break.begin) {
        limits_.floor_periods.push_back(p);
      }
    }
  }
}

namespace {

/// Share of a queue's visits each group takes: by their number of counters.
std::vector<std::vector<double>> queue_split(const std::vector<CounterGroup>& groups,
                                             std::size_t queues) {
  std::vector<std::vector<double>> split(queues, std::vector<double>(groups.size(), 0.0));
  for (std::size_t q = 0; q < queues; ++q) {
    double n = 0.0;
    for (const CounterGroup& g : groups) {
      if (std::find(g.queues.begin(), g.queues.end(), q) != g.queues.end()) {
        n += static_cast<double>(g.counters.size());
      }
    }
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const auto& gq = groups[g].queues;
      if (n > 0.0 && std::find(gq.begin(), gq.end(), q) != gq.end()) {
        split[q][g] = static_cast<double>(groups[g].counters.size()) / n;
      }
    }
  }
  return split;
}

double mean_patience(const Scenario& s) {
  return s.behaviour.renege_enabled ? mean_of(s.behaviour.patience) : 1e12;
}

}  // namespace

StaffingTable HallTuning::sipp() const {
  const int periods = grid_.count();
  const auto groups = groups_.size();
  StaffingTable t(periods, static_cast<int>(groups));
  const auto split = queue_split(groups_, model_.queue_count());
  for (std::size_t g = 0; g < groups; ++g) {
    std::vector<double> loads;
    for (int p = 0; p < periods; ++p) {
      const auto a = static_cast<std::size_t>((grid_.period_begin(p) - grid_.begin) / kRateStep);
      const auto b = static_cast<std::size_t>(
          std::ceil((grid_.period_end(p) - grid_.begin) / kRateStep - 1e-9));
      double visits = 0.0;
      for (std::size_t q = 0; q < split.size(); ++q) {
        for (std::size_t k = a; k < b && k < queue_rates_[q].size(); ++k) {
          visits += split[q][g] * queue_rates_[q][k] * kRateStep;
        }
      }
      loads.push_back(visits / (grid_.period_end(p) - grid_.period_begin(p)) *
                      groups_[g].mean_service);
    }
    const std::vector<int> c = staffing_from_loads(settings_.target, loads, groups_[g].mean_service,
                                                   mean_patience(model_.scenario()));
    for (int p = 0; p < periods; ++p) {
      t.set(p, static_cast<int>(g), c[static_cast<std::size_t>(p)]);
    }
  }
  return t;
}

StaffingTable HallTuning::mol() const {
  const int periods = grid_.count();
  const auto groups = groups_.size();
  StaffingTable t(periods, static_cast<int>(groups));
  const auto split = queue_split(groups_, model_.queue_count());
  // m(t) at every minute of the day, per queue, then summed into groups.
  std::vector<double> at;
  const int per_period = std::max(1, static_cast<int>(std::round(grid_.length / kRateStep)));
  for (int p = 0; p < periods; ++p) {
    const double a = grid_.period_begin(p), b = grid_.period_end(p);
    for (int k = 0; k < per_period; ++k) {
      at.push_back(a - grid_.begin + (k + 0.5) * (b - a) / per_period);
    }
  }
  const Scenario& s = model_.scenario();
  std::vector<std::vector<double>> group_load(groups, std::vector<double>(at.size(), 0.0));
  for (std::size_t q = 0; q < queue_rates_.size(); ++q) {
    const DistributionSpec& spec = q < s.catalogue.items.size() ? s.catalogue.items[q].service_time
                                                                : s.catalogue.complaint_time;
    const double es = mean_of(spec);
    if (!(es > 0.0)) {
      continue;
    }
    // Holding time: the service time scaled to the queue's mean holding time.
    const double scale = queue_service_[q] / es;
    const IntegratedSurvival g([&spec, scale](double x) { return survival(spec, x / scale); },
                               queue_service_[q], grid_.end - grid_.begin + 1.0);
    const std::vector<double> m = offered_load(queue_rates_[q], kRateStep, g, at);
    for (std::size_t k = 0; k < groups; ++k) {
      for (std::size_t i = 0; i < at.size(); ++i) {
        group_load[k][i] += split[q][k] * m[i];
      }
    }
  }
  for (std::size_t g = 0; g < groups; ++g) {
    std::vector<double> peak(static_cast<std::size_t>(periods), 0.0);
    for (std::size_t i = 0; i < at.size(); ++i) {
      const auto p = i / static_cast<std::size_t>(per_period);
      peak[p] = std::max(peak[p], group_load[g][i]);
    }
    const std::vector<int> c =
        staffing_from_loads(settings_.target, peak, groups_[g].mean_service, mean_patience(s));
    for (int p = 0; p < periods; ++p) {
      t.set(p, static_cast<int>(g), c[static_cast<std::size_t>(p)]);
    }
  }
  return t;
}

std::vector<double> HallTuning::scenario_open() const {
  const int periods = grid_.count();
  const auto groups = groups_.size();
  std::vector<double> open(static_cast<std::size_t>(periods) * groups, 0.0);
  for (std::size_t c = 0; c < counter_group_.size(); ++c) {
    if (counter_group_[c] < 0) {
      continue;
    }
    for (const ClockInterval& iv : model_.counter_hours(c, settings_.day)) {
      for (int p = 0; p < periods; ++p) {
        const double a = std::max(iv.begin, grid_.period_begin(p));
        const double b = std::min(iv.end, grid_.period_end(p));
        if (b > a) {
          open[static_cast<std::size_t>(p) * groups +
               static_cast<std::size_t>(counter_group_[c])] +=
              (b - a) / (grid_.period_end(p) - grid_.period_begin(p));
        }
      }
    }
  }
  return open;
}

double HallTuning::scenario_staff_hours() const {
  double seconds = 0.0;
  for (std::size_t c = 0; c < model_.layout().counters.size(); ++c) {
    for (const ClockInterval& iv : model_.counter_hours(c, settings_.day)) {
      seconds += iv.end - iv.begin;
    }
  }
  return seconds / 3600.0;
}

Scenario HallTuning::scenario_with(const StaffingTable& table) const {
  assert(table.periods() == grid_.count() && table.groups() == static_cast<int>(groups_.size()));
  Scenario s = model_.scenario();
  s.staffing.shifts.clear();
  // The tuned day has a fixed plan: dynamic rules keep only their other days.
  std::vector<DynamicRule> rules;
  for (DynamicRule r : s.staffing.rules) {
    if (r.days.empty()) {
      for (int w = 0; w < kWeekdays; ++w) {
        if (s.calendar.days[static_cast<std::size_t>(w)].open) {
          r.days.push_back(static_cast<Weekday>(w));
        }
      }
    }
    std::erase(r.days, settings_.day);
    if (!r.days.empty()) {
      rules.push_back(std::move(r));
    }
  }
  s.staffing.rules = std::move(rules);
  const HallLayout& hall = model_.layout();
  for (std::size_t c = 0; c < hall.counters.size(); ++c) {
    const std::string& id = hall.counters[c].id;
    if (contains(s.staffing.closed_counters, id)) {
      continue;
    }
    std::vector<CounterShift> shifts;
    // Other days keep their hours: one shift per distinct period, listing its weekdays.
    for (int w = 0; w < kWeekdays; ++w) {
      const auto day = static_cast<Weekday>(w);
      if (day == settings_.day || !s.calendar.days[static_cast<std::size_t>(w)].open) {
        continue;
      }
      for (const ClockInterval& iv : model_.counter_hours(c, day)) {
        auto same = std::find_if(shifts.begin(), shifts.end(), [&iv](const CounterShift& x) {
          return x.period.begin == iv.begin && x.period.end == iv.end;
        });
        if (same == shifts.end()) {
          shifts.push_back({id, {day}, iv});
        } else {
          same->days.push_back(day);
        }
      }
    }
    const int g = counter_group_[c];
    if (g >= 0) {
      const auto& members = groups_[static_cast<std::size_t>(g)].counters;
      const auto k =
          static_cast<int>(std::find(members.begin(), members.end(), c) - members.begin());
      for (int p = 0; p < table.periods();) {
        if (table.at(p, g) <= k) {
          ++p;
          continue;
        }
        int end = p;
        while (end < table.periods() && table.at(end, g) > k) {
          ++end;
        }
        shifts.push_back({id, {settings_.day}, {grid_.period_begin(p), grid_.period_end(end - 1)}});
        p = end;
      }
    }
    if (shifts.empty()) {
      s.staffing.closed_counters.push_back(id);
    }
    for (auto& x : shifts) {
      s.staffing.shifts.push_back(std::move(x));
    }
  }
  return s;
}

DayBatch HallTuning::simulate(const StaffingTable* table, int replications,
                              std::uint64_t seed) const {
  if (table == nullptr) {
    return run(model_, replications, seed);
  }
  const HallModel m(model_.layout(), scenario_with(*table));
  return run(m, replications, seed);
}

DayBatch HallTuning::simulate_scenario(const Scenario& scenario, int replications,
                                       std::uint64_t seed) const {
  const HallModel m(model_.layout(), scenario);
  return run(m, replications, seed);
}

DayBatch HallTuning::run(const HallModel& m, int replications, std::uint64_t seed) const {
  DayBatch batch;
  batch.periods = grid_.count();
  batch.groups = static_cast<int>(groups_.size());
  batch.points = std::max(1, settings_.isa_points);
  batch.runs.resize(static_cast<std::size_t>(replications));
  const double no_show_wait = m.scenario().staffing.call.no_show_wait;
  const auto groups = groups_.size();
  const int points = batch.points;
  // Sample times of the number present.
  std::vector<double> sample_at;
  for (int p = 0; p < batch.periods; ++p) {
    const double a = grid_.period_begin(p), b = grid_.period_end(p);
    for (int k = 0; k < points; ++k) {
      sample_at.push_back(a + (k + 0.5) * (b - a) / points);
    }
  }
  parallel_for(batch.runs.size(), settings_.threads, [&](std::size_t r) {
    RunSettings rs;
    rs.days = 1;
    rs.first_day = settings_.day;
    rs.seed = seed;
    rs.replication = r;
    rs.record_trace = true;
    const HallResult res = m.run(rs);
    DayRecord& out = batch.runs[r];
    out.peak_waiting = res.peak_waiting;
    out.peak_in_hall = res.peak_in_hall;
    out.arrived = res.arrived;
    out.counter_open = res.counter_open;
    out.occupancy.assign(sample_at.size() * groups, 0);

    struct Open {
      int index = -1;  // into out.tickets
      double joined = 0.0;
      int group = 0;  // whose waiting count holds it
    };
    std::vector<Open> open;
    std::vector<int> waiting(groups, 0), busy(groups, 0);
    std::vector<std::pair<double, int>> releases;  // no-show waits: (time, group)
    std::size_t next_sample = 0;
    auto advance = [&](double t) {
      for (;;) {
        auto first = std::min_element(releases.begin(), releases.end());
        const double release = first == releases.end() ? kNever : first->first;
        const double sample = next_sample < sample_at.size() ? sample_at[next_sample] : kNever;
        if (release <= sample && release <= t && release < kNever) {
          --busy[static_cast<std::size_t>(first->second)];
          releases.erase(first);
        } else if (sample < t) {
          for (std::size_t g = 0; g < groups; ++g) {
            out.occupancy[next_sample * groups + g] = waiting[g] + busy[g];
          }
          ++next_sample;
        } else {
          return;
        }
      }
    };
    auto close = [&](std::uint32_t v, double t, bool abandoned) {
      if (v >= open.size() || open[v].index < 0) {
        return;
      }
      TicketOutcome& o = out.tickets[static_cast<std::size_t>(open[v].index)];
      o.wait = t - open[v].joined;
      o.abandoned = abandoned;
      --waiting[static_cast<std::size_t>(open[v].group)];
      open[v].index = -1;
    };
    for (const TraceRecord& e : res.trace) {
      advance(e.time);
      if (e.visitor == kNoVisitor) {
        continue;  // a counter opening or closing: the calls after it tell the story
      }
      if (e.visitor >= open.size()) {
        open.resize(e.visitor + 1);
      }
      switch (e.event) {
        case TraceEvent::ticket: {
          const int g = queue_group_[static_cast<std::size_t>(e.queue)];
          open[e.visitor] = {static_cast<int>(out.tickets.size()), e.time, g};
          out.tickets.push_back({grid_.period_of(e.time), g, 0.0, false, false});
          ++waiting[static_cast<std::size_t>(g)];
          break;
        }
        case TraceEvent::call: {
          const int g = counter_group_[static_cast<std::size_t>(e.counter)];
          assert(g >= 0);
          close(e.visitor, e.time, false);
          ++busy[static_cast<std::size_t>(g)];
          break;
        }
        case TraceEvent::no_show: {
          // The counter stays held for the wait on the call instead of a service.
          const int g = counter_group_[static_cast<std::size_t>(e.counter)];
          releases.emplace_back(e.time + no_show_wait, g);
          break;
        }
        case TraceEvent::service_end:
          --busy[static_cast<std::size_t>(counter_group_[static_cast<std::size_t>(e.counter)])];
          break;
        case TraceEvent::renege:
        case TraceEvent::sent_home:
          close(e.visitor, e.time, true);
          break;
        case TraceEvent::balk:
          out.tickets.push_back({grid_.period_of(e.time),
                                 queue_group_[static_cast<std::size_t>(e.queue)], 0.0, true, true});
          break;
        default:
          break;
      }
    }
    advance(kNever);
    for (std::uint32_t v = 0; v < open.size(); ++v) {
      close(v, res.end_time, false);  // still waiting when the run ended
    }
  });
  return batch;
}

// ------------------------------------------------------------------ samples and figures

TargetSample target_sample(const DayBatch& batch, const ServiceTarget& target) {
  TargetSample s(batch.periods, batch.groups, static_cast<int>(batch.runs.size()));
  for (std::size_t r = 0; r < batch.runs.size(); ++r) {
    for (const TicketOutcome& t : batch.runs[r].tickets) {
      if (t.balked && !target.counts_balks()) {
        continue;
      }
      const std::size_t i = s.index(t.period, t.group, static_cast<int>(r));
      s.n[i] += 1.0;
      s.sum[i] += target.measure(t.wait, t.abandoned);
    }
  }
  return s;
}

OccupancySample occupancy_sample(const DayBatch& batch) {
  OccupancySample o(batch.periods, batch.points, batch.groups, static_cast<int>(batch.runs.size()));
  for (std::size_t r = 0; r < batch.runs.size(); ++r) {
    const auto& occ = batch.runs[r].occupancy;
    for (int p = 0; p < batch.periods; ++p) {
      for (int k = 0; k < batch.points; ++k) {
        for (int g = 0; g < batch.groups; ++g) {
          const std::size_t j =
              (static_cast<std::size_t>(p) * static_cast<std::size_t>(batch.points) +
               static_cast<std::size_t>(k)) *
                  static_cast<std::size_t>(batch.groups) +
              static_cast<std::size_t>(g);
          o.in_system[o.index(p, k, g, static_cast<int>(r))] = occ[j];
        }
      }
    }
  }
  return o;
}

std::vector<PeriodFigures> period_figures(const DayBatch& batch, const ServiceTarget& target) {
  const std::size_t reps = batch.runs.size();
  const TargetSample sample = target_sample(batch, target);
  std::vector<PeriodFigures> out;
  for (int p = 0; p <= batch.periods; ++p) {
    const bool whole_day = p == batch.periods;
    PeriodFigures f;
    std::vector<double> n(reps, 0.0), wait(reps, 0.0), over(reps, 0.0), all(reps, 0.0),
        left(reps, 0.0), tn(reps, 0.0), ts(reps, 0.0);
    std::vector<double> p90s;
    for (std::size_t r = 0; r < reps; ++r) {
      std::vector<double> waits;
      for (const TicketOutcome& t : batch.runs[r].tickets) {
        if (!whole_day && t.period != p) {
          continue;
        }
        all[r] += 1.0;
        left[r] += t.abandoned ? 1.0 : 0.0;
        if (!t.balked || target.counts_balks()) {
          tn[r] += 1.0;
          ts[r] += target.measure(t.wait, t.abandoned);
        }
        if (t.balked) {
          continue;
        }
        n[r] += 1.0;
        wait[r] += t.wait;
        over[r] += t.wait > 900.0 ? 1.0 : 0.0;
        waits.push_back(t.wait);
      }
      if (!waits.empty()) {
        std::sort(waits.begin(), waits.end());
        p90s.push_back(type7_quantile(waits, 0.9));
      }
    }
    f.tickets =
        reps > 0 ? std::accumulate(n.begin(), n.end(), 0.0) / static_cast<double>(reps) : 0.0;
    f.mean_wait = ratio_estimate(n, wait);
    f.p90_wait = p90s.empty() ? Estimate{std::nan(""), 0.0, 0} : t_interval(p90s);
    f.share_over_15 = ratio_estimate(n, over);
    f.abandonment = ratio_estimate(all, left);
    f.target_value = ratio_estimate(tn, ts);
    for (int g = 0; g < batch.groups; ++g) {
      f.groups.push_back(whole_day ? judge_group_day(sample, g, target)
                                   : judge_cell(sample, p, g, target));
    }
    bool any = false, every_meets = true, miss = false;
    for (const CellVerdict& v : f.groups) {
      if (!v.measured) {
        continue;
      }
      any = true;
      every_meets = every_meets && v.meets;
      miss = miss || v.value.lower() > target.limit();
    }
    f.verdict = !any          ? Verdict::no_visitors
                : every_meets ? Verdict::meets
                : miss        ? Verdict::misses
                              : Verdict::unclear;
    out.push_back(std::move(f));
  }
  return out;
}

// ------------------------------------------------------------------ tuning

TuneResult tune(const HallTuning& problem) {
  const TuneSettings& s = problem.settings();
  const StaffingLimits& limits = problem.limits();
  const PeriodGrid& grid = problem.grid();
  TuneResult out;
  const Evaluator evaluate = [&](const StaffingTable& t) {
    return target_sample(problem.simulate(&t, s.replications, s.seed), s.target);
  };
  auto score = [&](const std::string& name, const StaffingTable& t, int simulations,
                   const TargetSample* sample) {
    MethodResult m;
    m.name = name;
    m.table = t;
    m.staff_hours = t.staff_hours(grid);
    m.meets = all_meet(judge(sample != nullptr ? *sample : evaluate(t), s.target));
    m.simulations = simulations + (sample != nullptr ? 0 : 1);
    return m;
  };
  out.methods.push_back(
      score("SIPP (Erlang C per period)", apply_limits(problem.sipp(), limits), 0, nullptr));
  const StaffingTable mol = apply_limits(problem.mol(), limits);
  out.methods.push_back(score("MOL (offered load m(t))", mol, 0, nullptr));

  // ISA from the MOL table until the table repeats.
  std::vector<double> service;
  for (const CounterGroup& g : problem.groups()) {
    service.push_back(g.mean_service);
  }
  const double patience = mean_patience(problem.model().scenario());
  StaffingTable isa = mol;
  int isa_runs = 0;
  TargetSample isa_sample;
  for (int it = 0; it < std::max(1, s.isa_iterations); ++it) {
    const DayBatch b = problem.simulate(&isa, s.replications, s.seed);
    ++isa_runs;
    isa_sample = target_sample(b, s.target);
    const StaffingTable next =
        apply_limits(isa_step(occupancy_sample(b), s.target, service, patience), limits);
    if (next == isa) {
      break;
    }
    isa = next;
    if (it + 1 == std::max(1, s.isa_iterations)) {
      isa_sample = evaluate(isa);  // the last step's table, not yet simulated
      ++isa_runs;
    }
  }
  out.methods.push_back(score("ISA (iterative staffing)", isa, isa_runs, &isa_sample));

  const SearchResult ls = local_search(isa, evaluate, s.target, limits,
                                       SearchSettings{.max_evaluations = s.max_evaluations});
  MethodResult lsm;
  lsm.name = "local search (the result)";
  lsm.table = ls.table;
  lsm.staff_hours = ls.table.staff_hours(grid);
  lsm.meets = ls.meets;
  lsm.simulations = ls.evaluations;
  out.methods.push_back(lsm);
  out.tuned = ls.table;
  out.tuned_staff_hours = lsm.staff_hours;
  out.scenario_staff_hours = problem.scenario_staff_hours();
  out.scenario_open = problem.scenario_open();

  out.before =
      period_figures(problem.simulate(nullptr, s.verify_replications, s.verify_seed), s.target);
  out.after =
      period_figures(problem.simulate(&out.tuned, s.verify_replications, s.verify_seed), s.target);
  out.tuned_scenario = problem.scenario_with(out.tuned);

  // What bound the result.
  const auto& groups = problem.groups();
  if (!ls.meets) {
    // Per group, the stretches of the day where the target stayed out of reach.
    std::string where;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      std::string spans;
      if (s.target.scope == TargetScope::day) {
        if (!ls.verdicts[g].meets) {
          spans = "the whole day";
        }
      } else {
        for (int p = 0; p < grid.count();) {
          auto missed = [&](int q) {
            return !ls.verdicts[static_cast<std::size_t>(q) * groups.size() + g].meets;
          };
          if (!missed(p)) {
            ++p;
            continue;
          }
          int end = p;
          while (end < grid.count() && missed(end)) {
            ++end;
          }
          spans += (spans.empty() ? "" : ", ") + clock_text(grid.period_begin(p)) + "-" +
                   clock_text(grid.period_end(end - 1));
          p = end;
        }
      }
      if (!spans.empty()) {
        std::string items;
        for (std::size_t q : groups[g].queues) {
          items += (items.empty() ? "" : ", ") + problem.model().queue_name(q);
        }
        where += where.empty() ? "" : "; ";
        where += groups[g].name + " (" + items + "): ";
        where += spans;
      }
    }
    // Once general counters serve every item, more of them is the only pooling left.
    const std::size_t items = problem.model().scenario().catalogue.items.size();
    const bool all_purpose = std::any_of(groups.begin(), groups.end(), [&](const CounterGroup& g) {
      // Queues are listed once each: counting the catalogue's is enough.
      return g.type == "general" && std::count_if(g.queues.begin(), g.queues.end(),
                                                  [items](std::size_t q) { return q < items; }) ==
                                        static_cast<std::ptrdiff_t>(items);
    });
    out.notes.push_back(
        "with every counter of a group open the target stays out of reach for" +
        std::string(s.max_staff > 0 ? " (or the staff limit stops more counters for)" : "") +
        " these visitors; more counters that may serve their items" +
        std::string(all_purpose ? "" : " (or --all-purpose general counters)") +
        " would be needed: " + where);
  }
  if (s.max_staff > 0) {
    for (int p = 0; p < out.tuned.periods(); ++p) {
      if (out.tuned.total(p) >= s.max_staff) {
        out.notes.push_back("the limit of " + std::to_string(s.max_staff) +
                            " staff at once is reached in at least one period");
        break;
      }
    }
  }
  // Shifts shorter than the minimum can only come from the staff limit.
  const int min_len = limits.min_shift_periods;
  for (int g = 0; g < out.tuned.groups(); ++g) {
    for (int k = 0; k < limits.group_size[static_cast<std::size_t>(g)]; ++k) {
      int run = 0;
      for (int p = 0; p <= out.tuned.periods(); ++p) {
        if (p < out.tuned.periods() && out.tuned.at(p, g) > k) {
          ++run;
          continue;
        }
        if (run > 0 && run < std::min(min_len, out.tuned.periods())) {
          out.notes.push_back("a shift of " + groups[static_cast<std::size_t>(g)].name +
                              " is shorter than the minimum: the staff limit cut it");
        }
        run = 0;
      }
    }
  }
  return out;
}

Scenario all_purpose_general(Scenario scenario, const HallLayout& layout) {
  const bool has_general = std::any_of(layout.counters.begin(), layout.counters.end(),
                                       [](const HallCounter& c) { return c.type == "general"; });
  if (!has_general) {
    return scenario;
  }
  for (ServiceItem& item : scenario.catalogue.items) {
    if (!contains(item.counter_types, "general")) {
      item.counter_types.emplace_back("general");
    }
  }
  return scenario;
}

}  // namespace hallsim::sim

// ------------------------------------------------------------------ sizing

namespace hallsim::sim {

namespace {

/// Expected walk-ins of a weekday (before kiosks), from the demand as the model spreads it.
double expected_walk_ins(const Scenario& s, Weekday day) {
  const DayHours& h = s.calendar.days[static_cast<std::size_t>(day)];
  if (!h.open) {
    return 0.0;
  }
  const double close = std::max(h.close_time, h.extended_until);
  double total = 0.0;
  for (const ItemDemand& d : s.demand.items) {
    const std::array<double, 24> rate = hourly_rates(d, day, h.open_time, close);
    for (std::size_t k = 0; k < 24; ++k) {
      const double a = std::max(h.open_time, static_cast<double>(k) * kHourSeconds);
      const double b = std::min(close, static_cast<double>(k + 1) * kHourSeconds);
      if (b > a) {
        total += rate[k] * (b - a) / kHourSeconds;
      }
    }
  }
  return total;
}

/// A hall of `count[t]` counters of each type, the named counters once each, no walking.
HallLayout synthetic_hall(const std::vector<std::string>& types, const std::vector<int>& count,
                          const std::vector<std::string>& named, int kiosks) {
  HallLayout hall;
  hall.name = "sized hall";
  for (std::size_t t = 0; t < types.size(); ++t) {
    for (int k = 0; k < count[t]; ++k) {
      std::string id = types[t];
      id += '-';
      id += std::to_string(k + 1);
      hall.counters.push_back({id, "", types[t]});
    }
  }
  for (const std::string& id : named) {
    hall.counters.push_back({id, "", "departmental_composite"});
  }
  hall.kiosks = kiosks;
  hall.ticket_machines = 1;
  hall.seats = 100000;  // nobody stands: standing would shorten patience and hide the demand
  return hall;
}

}  // namespace

SizeResult size_hall(const Scenario& given, TuneSettings settings, bool use_day) {
  SizeResult out;
  // From demand alone: the staffing of an existing hall (shifts, lunch and evening counters,
  // closed counters, rules) names counters the new hall does not have.
  Scenario scenario = given;
  scenario.staffing.shifts.clear();
  scenario.staffing.closed_counters.clear();
  scenario.staffing.rules.clear();
  scenario.calendar.lunch_counters.clear();
  scenario.calendar.extended_counters.clear();
  // Counters an item names by id become a type of their own ("like c09/c12"), so that the new
  // hall may have as many of them as the demand needs.
  for (ServiceItem& item : scenario.catalogue.items) {
    if (item.counters.empty()) {
      continue;
    }
    std::string type = "like ";
    for (std::size_t k = 0; k < item.counters.size(); ++k) {
      type += (k == 0 ? "" : "/") + item.counters[k];
    }
    if (!contains(item.counter_types, type)) {
      item.counter_types.push_back(type);
    }
    item.counters.clear();
  }
  if (!use_day) {
    double best = -1.0;
    for (int w = 0; w < kWeekdays; ++w) {
      const double n = expected_walk_ins(scenario, static_cast<Weekday>(w));
      if (scenario.calendar.days[static_cast<std::size_t>(w)].open && n > best) {
        best = n;
        settings.day = static_cast<Weekday>(w);
      }
    }
  }
  out.day = settings.day;
  // The counter types the catalogue names, the counters it names by id, and a complaint
  // window when a visit can fail that way.
  std::vector<std::string> types, named;
  bool complaints = false;
  for (const ServiceItem& item : scenario.catalogue.items) {
    for (const std::string& t : item.counter_types) {
      if (!contains(types, t)) {
        types.push_back(t);
      }
    }
    for (const std::string& id : item.counters) {
      if (!contains(named, id)) {
        named.push_back(id);
      }
    }
    complaints = complaints || item.cannot_be_done > 0.0;
  }
  if (complaints && !contains(types, "cannot_get_it_done")) {
    types.emplace_back("cannot_get_it_done");
  }
  // Kiosks for the kiosk users at the busiest hour (Erlang C on the kiosk time).
  const DayHours& hours = scenario.calendar.days[static_cast<std::size_t>(settings.day)];
  const double close = std::max(hours.close_time, hours.extended_until);
  std::array<double, 24> kiosk_rate{};
  double kiosk_time = 0.0, kiosk_weight = 0.0;
  for (const ItemDemand& d : scenario.demand.items) {
    const auto it = std::find_if(scenario.catalogue.items.begin(), scenario.catalogue.items.end(),
                                 [&d](const ServiceItem& i) { return i.id == d.item; });
    if (it == scenario.catalogue.items.end() || it->kiosk_share <= 0.0) {
      continue;
    }
    const std::array<double, 24> rate = hourly_rates(d, settings.day, hours.open_time, close);
    for (std::size_t h = 0; h < 24; ++h) {
      kiosk_rate[h] += rate[h] * it->kiosk_share;
      kiosk_time += rate[h] * it->kiosk_share * mean_of(it->kiosk_time);
      kiosk_weight += rate[h] * it->kiosk_share;
    }
  }
  if (kiosk_weight > 0.0) {
    const double es = kiosk_time / kiosk_weight;
    const double peak = *std::max_element(kiosk_rate.begin(), kiosk_rate.end());
    out.kiosks = std::max(
        1, erlang_staffing(settings.target, peak / kHourSeconds, es, mean_patience(scenario)));
  }
  // First pass: one counter of each type, for the groups and their offered loads; the
  // simulated hall then gets the offered load's peak plus room to spare.
  std::vector<int> count(types.size(), 1);
  std::vector<int> size(types.size(), 1);
  {
    TuneSettings probe = settings;
    const HallTuning first(synthetic_hall(types, count, named, out.kiosks), scenario, probe);
    const StaffingTable mol = first.mol();
    for (std::size_t g = 0; g < first.groups().size(); ++g) {
      const CounterGroup& group = first.groups()[g];
      const auto t = std::find(types.begin(), types.end(), group.type);
      if (group.counters.size() != 1 || t == types.end() ||
          contains(named, first.model().layout().counters[group.counters[0]].id)) {
        continue;
      }
      int peak = 0;
      for (int p = 0; p < mol.periods(); ++p) {
        peak = std::max(peak, mol.at(p, static_cast<int>(g)));
      }
      size[static_cast<std::size_t>(t - types.begin())] = std::max(1, peak + 2 + peak / 2);
    }
  }
  const HallTuning problem(synthetic_hall(types, size, named, out.kiosks), scenario, settings);
  out.tuning = tune(problem);
  out.groups = problem.groups();
  for (int g = 0; g < out.tuning.tuned.groups(); ++g) {
    int peak = 0;
    for (int p = 0; p < out.tuning.tuned.periods(); ++p) {
      peak = std::max(peak, out.tuning.tuned.at(p, g));
    }
    out.counters.push_back(peak);
  }
  // The sized hall: as many counters of each type as its groups need at their peak.
  std::vector<int> sized(types.size(), 0);
  for (std::size_t g = 0; g < out.groups.size(); ++g) {
    const auto t = std::find(types.begin(), types.end(), out.groups[g].type);
    const bool is_named =
        contains(named, problem.model().layout().counters[out.groups[g].counters[0]].id);
    if (t != types.end() && !is_named) {
      sized[static_cast<std::size_t>(t - types.begin())] += out.counters[g];
    }
  }
  out.hall = synthetic_hall(types, sized, named, out.kiosks);
  // Seats: the peak number waiting for a call in each fresh replication of the tuned day.
  const DayBatch b =
      problem.simulate(&out.tuning.tuned, settings.verify_replications, settings.verify_seed);
  std::vector<double> peaks;
  for (const DayRecord& r : b.runs) {
    peaks.push_back(static_cast<double>(r.peak_waiting));
  }
  out.peak_waiting = t_interval(peaks);
  std::sort(peaks.begin(), peaks.end());
  out.seats_p95 = type7_quantile(peaks, 0.95);
  return out;
}

}  // namespace hallsim::sim
