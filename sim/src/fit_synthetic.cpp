// A synthetic ticket log: walk-ins drawn from a scenario and served first come, first served
// at the counters that may serve them. Small on purpose: it makes sample logs and gives the
// fit known parameters to recover, and stands in for no part of the hall model.

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "hallsim/sim/engine.hpp"
#include "hallsim/sim/fit.hpp"
#include "hallsim/sim/random.hpp"

namespace hallsim::sim {

namespace {

double doors_close(const DayHours& hours) {
  return std::max(hours.close_time, hours.extended_until);
}

double open_seconds(const DayHours& hours, std::size_t hour) {
  const double a = std::max(hours.open_time, static_cast<double>(hour) * kHourSeconds);
  const double b = std::min(doors_close(hours), static_cast<double>(hour + 1) * kHourSeconds);
  return std::max(0.0, b - a);
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool applies_on(const std::vector<Weekday>& days, Weekday day) {
  return days.empty() || std::find(days.begin(), days.end(), day) != days.end();
}

// Sorted, disjoint, non-empty intervals covering the union of `v`.
std::vector<ClockInterval> merged(std::vector<ClockInterval> v) {
  std::erase_if(v, [](const ClockInterval& i) { return !(i.end > i.begin); });
  std::sort(v.begin(), v.end(),
            [](const ClockInterval& a, const ClockInterval& b) { return a.begin < b.begin; });
  std::vector<ClockInterval> out;
  for (const ClockInterval& i : v) {
    if (!out.empty() && i.begin <= out.back().end) {
      out.back().end = std::max(out.back().end, i.end);
    } else {
      out.push_back(i);
    }
  }
  return out;
}

// A counter's staffed periods on one day, by the rules of Staffing (scenario.hpp).
std::vector<ClockInterval> staffed(const Scenario& s, const std::string& counter, Weekday day) {
  const DayHours& hours = s.calendar.days[static_cast<std::size_t>(day)];
  if (!hours.open || contains(s.staffing.closed_counters, counter)) {
    return {};
  }
  std::vector<ClockInterval> periods;
  bool has_shift = false;
  for (const CounterShift& shift : s.staffing.shifts) {
    if (shift.counter != counter) {
      continue;
    }
    has_shift = true;
    if (applies_on(shift.days, day)) {
      periods.push_back(shift.period);
    }
  }
  if (has_shift) {
    return merged(std::move(periods));
  }
  if (hours.has_lunch_break && !contains(s.calendar.lunch_counters, counter)) {
    periods.push_back({hours.open_time, std::min(hours.lunch_break.begin, hours.close_time)});
    periods.push_back({std::max(hours.lunch_break.end, hours.open_time), hours.close_time});
  } else {
    periods.push_back({hours.open_time, hours.close_time});
  }
  if (hours.extended_until > hours.close_time && contains(s.calendar.extended_counters, counter)) {
    periods.push_back({hours.close_time, hours.extended_until});
  }
  return merged(std::move(periods));
}

struct Ticket {
  std::size_t record = 0;  ///< index in the output
  std::size_t item = 0;
  double service = 0.0;
  bool waiting = true;
};

struct CounterState {
  std::vector<bool> serves;  ///< by catalogue item
  bool open = false;
  bool draining = false;  ///< open after closing until no ticket it may serve is left
  bool busy = false;
};

// One day of the synthetic hall.
class SyntheticDay {
 public:
  SyntheticDay(const Scenario& s, const std::vector<std::vector<bool>>& serves,
               const SyntheticLogSettings& settings, int day, std::vector<TicketRecord>& out)
      : s_(s), settings_(settings), day_(day), out_(out) {
    weekday_ = static_cast<Weekday>((static_cast<int>(settings.first_day) + day) % kWeekdays);
    hours_ = s.calendar.days[static_cast<std::size_t>(weekday_)];
    counters_.resize(serves.size());
    for (std::size_t c = 0; c < serves.size(); ++c) {
      counters_[c].serves = serves[c];
    }
  }

  void run() {
    if (!hours_.open) {
      return;
    }
    const RandomSource source(settings_.seed);
    schedule_counters();
    schedule_arrivals(source);
    const double closing = doors_close(hours_);
    sim_.schedule_at(closing, [this] { close_hall(); });
    sim_.run();
  }

 private:
  void schedule_counters() {
    const double closing = doors_close(hours_);
    for (std::size_t c = 0; c < counters_.size(); ++c) {
      for (const ClockInterval& p : staffed(s_, settings_.counters[c].id, weekday_)) {
        sim_.schedule_at(p.begin, [this, c] {
          counters_[c].open = true;
          dispatch();
        });
        // Counters still staffed when the doors close serve the ticket holders (policy).
        const bool at_closing = p.end >= closing;
        sim_.schedule_at(p.end, [this, c, at_closing] {
          if (at_closing && s_.calendar.closing == ClosingPolicy::serve_ticket_holders) {
            counters_[c].draining = true;
          } else {
            counters_[c].open = false;
          }
          dispatch();
        });
      }
    }
  }

  void schedule_arrivals(const RandomSource& source) {
    struct Arrival {
      double time;
      std::size_t item;
    };
    std::vector<Arrival> arrivals;
    const auto& items = s_.catalogue.items;
    for (std::size_t d = 0; d < s_.demand.items.size(); ++d) {
      const ItemDemand& demand = s_.demand.items[d];
      const auto item = static_cast<std::size_t>(
          std::find_if(items.begin(), items.end(),
                       [&](const ServiceItem& i) { return i.id == demand.item; }) -
          items.begin());
      assert(item < items.size() && "demand names an item of the catalogue");
      const auto rates = walk_in_rates(demand, hours_, weekday_);
      std::vector<double> breaks{hours_.open_time};
      std::vector<double> per_second;
      for (std::size_t h = 0; h < 24; ++h) {
        if (open_seconds(hours_, h) <= 0.0) {
          continue;
        }
        per_second.push_back(rates[h] / kHourSeconds);
        breaks.push_back(std::min(doors_close(hours_), static_cast<double>(h + 1) * kHourSeconds));
      }
      if (per_second.empty()) {
        continue;
      }
      const PiecewisePoissonArrivals process(std::move(breaks), std::move(per_second));
      RandomStream rng = source.stream("synthetic.arrivals", index(d));
      for (double t = process.next_after(hours_.open_time - 1e-9, rng); std::isfinite(t);
           t = process.next_after(t, rng)) {
        arrivals.push_back({t, item});
      }
    }
    std::stable_sort(arrivals.begin(), arrivals.end(),
                     [](const Arrival& a, const Arrival& b) { return a.time < b.time; });

    // Each visitor's own draws come in arrival order from the day's visitor stream.
    RandomStream rng = source.stream("synthetic.visitors", index(0));
    std::vector<Distribution> service;
    service.reserve(items.size());
    for (const ServiceItem& i : items) {
      service.push_back(make_distribution(i.service_time));
    }
    const Distribution patience = make_distribution(s_.behaviour.patience);
    for (const Arrival& a : arrivals) {
      const bool kiosk = rng.uniform01() < items[a.item].kiosk_share;
      const double served_for = std::max(0.0, service[a.item](rng));
      const double wait_limit = patience(rng);
      if (kiosk) {
        continue;  // a kiosk user takes no ticket
      }
      const std::size_t t = tickets_.size();
      tickets_.push_back(Ticket{out_.size(), a.item, served_for, true});
      TicketRecord r;
      r.day = day_;
      r.ticket_time = a.time;
      r.item = items[a.item].id;
      out_.push_back(std::move(r));
      sim_.schedule_at(a.time, [this, t] {
        waiting_.push_back(t);
        dispatch();
      });
      if (s_.behaviour.renege_enabled) {
        sim_.schedule_at(a.time + std::max(0.0, wait_limit), [this, t] { leave(t); });
      }
    }
  }

  std::uint64_t index(std::size_t k) const {
    return static_cast<std::uint64_t>(day_) * 100003U + static_cast<std::uint64_t>(k);
  }

  void leave(std::size_t t) {
    if (!tickets_[t].waiting) {
      return;
    }
    tickets_[t].waiting = false;
    std::erase(waiting_, t);
  }

  void close_hall() {
    if (s_.calendar.closing == ClosingPolicy::send_home) {
      for (const std::size_t t : waiting_) {
        tickets_[t].waiting = false;
      }
      waiting_.clear();
    }
    dispatch();
  }

  // Every free counter calls the longest-waiting ticket it may serve, counters in order.
  void dispatch() {
    for (std::size_t c = 0; c < counters_.size(); ++c) {
      CounterState& counter = counters_[c];
      if (!counter.open || counter.busy) {
        continue;
      }
      const auto it = std::find_if(waiting_.begin(), waiting_.end(),
                                   [&](std::size_t t) { return counter.serves[tickets_[t].item]; });
      if (it == waiting_.end()) {
        if (counter.draining) {
          counter.open = false;
        }
        continue;
      }
      const std::size_t t = *it;
      waiting_.erase(it);
      tickets_[t].waiting = false;
      counter.busy = true;
      TicketRecord& r = out_[tickets_[t].record];
      r.call_time = sim_.now();
      r.finish_time = sim_.now() + tickets_[t].service;
      r.counter = settings_.counters[c].id;
      sim_.schedule_at(r.finish_time, [this, c] {
        counters_[c].busy = false;
        dispatch();
      });
    }
  }

  const Scenario& s_;
  const SyntheticLogSettings& settings_;
  int day_;
  std::vector<TicketRecord>& out_;
  Weekday weekday_ = Weekday::mon;
  DayHours hours_;
  Simulation sim_;
  std::vector<CounterState> counters_;
  std::vector<Ticket> tickets_;
  std::vector<std::size_t> waiting_;  ///< tickets waiting for a call, oldest first
};

}  // namespace

std::array<double, 24> walk_in_rates(const ItemDemand& demand, const DayHours& hours, Weekday day) {
  std::array<double, 24> rates{};
  if (!hours.open) {
    return rates;
  }
  const auto w = static_cast<std::size_t>(day);
  if (demand.form == RateForm::hourly) {
    return demand.hourly_rate[w];
  }
  std::array<double, 24> weight = demand.hourly_shape;
  if (std::all_of(weight.begin(), weight.end(), [](double x) { return x == 0.0; })) {
    weight.fill(1.0);
  }
  double open_weight = 0.0;
  for (std::size_t h = 0; h < 24; ++h) {
    open_weight += weight[h] * open_seconds(hours, h) / kHourSeconds;
  }
  if (open_weight <= 0.0) {
    return rates;
  }
  for (std::size_t h = 0; h < 24; ++h) {
    rates[h] = demand.daily_total[w] * weight[h] / open_weight;
  }
  return rates;
}

double expected_arrivals(const std::array<double, 24>& rates, const DayHours& hours) {
  if (!hours.open) {
    return 0.0;
  }
  double total = 0.0;
  for (std::size_t h = 0; h < 24; ++h) {
    total += rates[h] * open_seconds(hours, h) / kHourSeconds;
  }
  return total;
}

std::vector<TicketRecord> synthesize_ticket_log(const Scenario& scenario,
                                                const SyntheticLogSettings& settings) {
  // Which counter may serve which item: by type or by id, as the hall model decides.
  std::vector<std::vector<bool>> serves;
  for (const SyntheticCounter& counter : settings.counters) {
    auto& row = serves.emplace_back();
    for (const ServiceItem& item : scenario.catalogue.items) {
      row.push_back(contains(item.counter_types, counter.type) ||
                    contains(item.counters, counter.id));
    }
  }
  std::vector<TicketRecord> records;
  for (int day = 0; day < settings.days; ++day) {
    SyntheticDay(scenario, serves, settings, day, records).run();
  }
  return records;
}

}  // namespace hallsim::sim
