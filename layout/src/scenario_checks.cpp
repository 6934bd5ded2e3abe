// The meaning checks of a scenario: what the JSON Schema cannot say. The scenario mirrors
// its file, so the index of a value in the struct is its index in the file.

#include "scenario_checks.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "hallsim/sim/fit.hpp"
#include "plan_checks.hpp"

namespace hallsim::layout::detail {

namespace {

std::string day_name(std::size_t w) {
  return sim::to_string(static_cast<sim::Weekday>(w));
}

double doors_close(const sim::DayHours& d) {
  return std::max(d.close_time, d.extended_until);
}

std::string hours_text(const sim::DayHours& d) {
  return clock_text(d.open_time) + "-" + clock_text(doors_close(d));
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

class Checker {
 public:
  Checker(const sim::Scenario& s, DiagnosticSink& sink) : s_(s), sink_(sink) {
    for (const auto& item : s.catalogue.items) {
      item_ids_.push_back(item.id);
    }
  }

  void run() {
    calendar();
    catalogue();
    demand();
    appointments();
    behaviour();
    staffing();
    if (s_.demand.items.empty() && s_.demand.appointments.slots.empty() &&
        s_.replay.records.empty()) {
      error("", "the scenario brings no visitors: no walk-in demand, appointments or replay",
            "add /demand/items (rates per item), appointment slots, or a replayed ticket log");
    }
  }

 private:
  void error(const std::string& ptr, const std::string& message, const std::string& hint) {
    sink_.error(ptr, message, hint);
  }

  bool known_item(const std::string& id) const {
    return std::find(item_ids_.begin(), item_ids_.end(), id) != item_ids_.end();
  }

  void unknown_item(const std::string& ptr, const std::string& id) {
    error(ptr, "no item \"" + id + "\" in the catalogue" + did_you_mean(id, item_ids_),
          "name one of the catalogue's items: " + joined(item_ids_));
  }

  const sim::DayHours& hours(std::size_t w) const { return s_.calendar.days[w]; }

  void calendar() {
    bool any_open = false;
    bool any_extended = false;
    for (std::size_t w = 0; w < s_.calendar.days.size(); ++w) {
      const sim::DayHours& d = hours(w);
      const std::string p = at("/calendar/days", w);
      if (!d.open) {
        continue;
      }
      any_open = true;
      if (!(d.open_time < d.close_time)) {
        error(p + "/close_time",
              "the hall closes at " + clock_text(d.close_time) + ", not after it opens at " +
                  clock_text(d.open_time),
              "give close_time later than open_time");
        continue;
      }
      if (d.has_lunch_break) {
        const auto& l = d.lunch_break;
        if (!(l.begin < l.end)) {
          error(p + "/lunch_break/end",
                "the lunch break ends at " + clock_text(l.end) + ", not after it begins at " +
                    clock_text(l.begin),
                "give end later than begin");
        } else if (l.begin < d.open_time || l.end > d.close_time) {
          error(p + "/lunch_break",
                "the lunch break " + clock_text(l.begin) + "-" + clock_text(l.end) +
                    " lies outside the opening hours " + clock_text(d.open_time) + "-" +
                    clock_text(d.close_time),
                "move it inside the opening hours, or set has_lunch_break to false");
        }
      }
      if (d.extended_until > 0.0) {
        if (!(d.extended_until > d.close_time)) {
          error(p + "/extended_until",
                "extended hours until " + clock_text(d.extended_until) +
                    " do not go past closing at " + clock_text(d.close_time),
                "give a time after close_time, or leave extended_until out");
        } else {
          any_extended = true;
        }
      }
    }
    if (!any_open) {
      error("/calendar/days", "the hall is closed every day", "open it on at least one day");
    }
    if (any_extended && s_.calendar.extended_counters.empty()) {
      for (std::size_t w = 0; w < s_.calendar.days.size(); ++w) {
        if (hours(w).open && hours(w).extended_until > hours(w).close_time) {
          error(at("/calendar/days", w) + "/extended_until",
                "extended hours on " + day_name(w) + ", but no counter is open in them",
                "list the evening counters in /calendar/extended_counters");
          break;
        }
      }
    }
  }

  void catalogue() {
    std::map<std::string, std::size_t> first;
    const auto& items = s_.catalogue.items;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const sim::ServiceItem& item = items[i];
      const std::string p = at("/catalogue/items", i);
      const auto [it, added] = first.emplace(item.id, i);
      if (!added) {
        error(p + "/id",
              "item id \"" + item.id + "\" is used twice (first at " +
                  at("/catalogue/items", it->second) + ")",
              "give each item a unique id");
      }
      if (item.counter_types.empty() && item.counters.empty() && item.kiosk_share < 1.0) {
        error(p + "/counter_types", "no counter may serve item \"" + item.id + "\"",
              "list counter types (e.g. [\"general\"]) or counters that serve it, or set "
              "kiosk_share to 1 for a kiosk-only item");
      }
      for (std::size_t k = 0; k < item.follow_on.size(); ++k) {
        const std::string fp = at(p + "/follow_on", k) + "/item";
        const std::string& next = item.follow_on[k].item;
        if (!known_item(next)) {
          unknown_item(fp, next);
        } else if (next == item.id) {
          error(fp, "item \"" + item.id + "\" cannot follow itself", "name another item");
        }
      }
    }
  }

  void demand() {
    std::map<std::string, std::size_t> first;
    for (std::size_t i = 0; i < s_.demand.items.size(); ++i) {
      const sim::ItemDemand& d = s_.demand.items[i];
      const std::string p = at("/demand/items", i);
      if (!known_item(d.item)) {
        unknown_item(p + "/item", d.item);
      } else if (const auto [it, added] = first.emplace(d.item, i); !added) {
        error(p + "/item",
              "item \"" + d.item + "\" has walk-in demand twice (first at " +
                  at("/demand/items", it->second) + ")",
              "give one entry per item; add the two rates together");
      }
      if (d.form == sim::RateForm::hourly) {
        hourly_rates(d, p);
      } else {
        daily_totals(d, p);
      }
    }
  }

  // Rates in hours the doors stay shut would be dropped silently; most often the 24 rates
  // were written from the opening hour instead of from midnight.
  void hourly_rates(const sim::ItemDemand& d, const std::string& p) {
    for (std::size_t w = 0; w < s_.calendar.days.size(); ++w) {
      const sim::DayHours& day = hours(w);
      std::vector<std::size_t> shut;
      for (std::size_t h = 0; h < 24; ++h) {
        if (d.hourly_rate[w][h] <= 0.0) {
          continue;
        }
        const double begin = static_cast<double>(h) * 3600.0;
        const double open =
            std::min(doors_close(day), begin + 3600.0) - std::max(day.open_time, begin);
        if (!day.open || open <= 0.0) {
          shut.push_back(h);
        }
      }
      if (shut.empty()) {
        continue;
      }
      const std::size_t h = shut.front();
      std::string message = "a rate of " + format_number(d.hourly_rate[w][h]) +
                            " visitors per hour at " + clock_text(static_cast<double>(h) * 3600.0) +
                            "-" + clock_text(static_cast<double>(h + 1) * 3600.0) + " on " +
                            day_name(w) + ", when the doors are shut (" +
                            (day.open ? "open " + hours_text(day) : std::string("closed all day")) +
                            ")";
      if (shut.size() > 1) {
        message += ", and " + std::to_string(shut.size() - 1) + " more such hours that day";
      }
      error(at(at(p + "/hourly_rate", w), h), message,
            "set rates to 0 while the hall is closed; the first of the 24 rates is for "
            "00:00-01:00");
    }
  }

  void daily_totals(const sim::ItemDemand& d, const std::string& p) {
    const bool uniform = std::all_of(d.hourly_shape.begin(), d.hourly_shape.end(),
                                     [](double x) { return x == 0.0; });
    for (std::size_t w = 0; w < s_.calendar.days.size(); ++w) {
      if (d.daily_total[w] <= 0.0) {
        continue;
      }
      const sim::DayHours& day = hours(w);
      if (!day.open) {
        error(at(p + "/daily_total", w),
              "a daily total of " + format_number(d.daily_total[w]) + " visitors on " +
                  day_name(w) + ", when the hall is closed all day",
              "set it to 0, or open the hall that day in /calendar/days");
        continue;
      }
      if (uniform) {
        continue;
      }
      const auto rates = sim::walk_in_rates(d, day, static_cast<sim::Weekday>(w));
      if (sim::expected_arrivals(rates, day) <= 0.0) {
        error(p + "/hourly_shape",
              "the hourly shape has no weight while the doors are open on " + day_name(w) + " (" +
                  hours_text(day) + "), so its daily total of " + format_number(d.daily_total[w]) +
                  " cannot arrive",
              "give weight to the open hours; the first of the 24 weights is for 00:00-01:00");
      }
    }
  }

  void appointments() {
    const auto& slots = s_.demand.appointments.slots;
    for (std::size_t i = 0; i < slots.size(); ++i) {
      const sim::AppointmentSlots& a = slots[i];
      const std::string p = at("/demand/appointments/slots", i);
      if (!known_item(a.item)) {
        unknown_item(p + "/item", a.item);
      }
      if (!(a.first_slot < a.last_slot_end)) {
        error(p + "/last_slot_end",
              "the last slot ends at " + clock_text(a.last_slot_end) + ", not after the first " +
                  "begins at " + clock_text(a.first_slot),
              "give last_slot_end later than first_slot");
        continue;
      }
      if (a.slot_length > a.last_slot_end - a.first_slot) {
        error(p + "/slot_length",
              "a slot of " + format_number(a.slot_length) + " s does not fit between " +
                  clock_text(a.first_slot) + " and " + clock_text(a.last_slot_end),
              "shorten the slots or widen the span");
      }
      for (std::size_t k = 0; k < a.days.size(); ++k) {
        if (!hours(static_cast<std::size_t>(a.days[k])).open) {
          error(at(p + "/days", k),
                "appointments on " + std::string(sim::to_string(a.days[k])) +
                    ", when the hall is closed",
                "remove the day or open the hall that day");
        }
      }
      for (std::size_t w = 0; w < s_.calendar.days.size(); ++w) {
        const sim::DayHours& day = hours(w);
        const bool applies =
            a.days.empty() ||
            std::find(a.days.begin(), a.days.end(), static_cast<sim::Weekday>(w)) != a.days.end();
        if (!applies || !day.open) {
          continue;
        }
        if (a.first_slot < day.open_time || a.last_slot_end > doors_close(day)) {
          error(p + (a.first_slot < day.open_time ? "/first_slot" : "/last_slot_end"),
                "the slots " + clock_text(a.first_slot) + "-" + clock_text(a.last_slot_end) +
                    " lie outside the opening hours on " + day_name(w) + " (" + hours_text(day) +
                    ")",
                "keep the slots inside the opening hours, or list the days they apply to");
          break;
        }
      }
    }
  }

  void behaviour() {
    const sim::Behaviour& b = s_.behaviour;
    if (b.balk_min > b.balk_max) {
      error("/behaviour/balk_max",
            "balk_max " + format_number(b.balk_max) + " is below balk_min " +
                format_number(b.balk_min),
            "give balk_min <= balk_max");
    }
    if (b.return_min_days > b.return_max_days) {
      error("/behaviour/return_max_days",
            "return_max_days " + std::to_string(b.return_max_days) + " is below return_min_days " +
                std::to_string(b.return_min_days),
            "give return_min_days <= return_max_days");
    }
  }

  void staffing() {
    const auto& closed = s_.staffing.closed_counters;
    for (std::size_t i = 0; i < s_.staffing.shifts.size(); ++i) {
      const sim::CounterShift& shift = s_.staffing.shifts[i];
      const std::string p = at("/staffing/shifts", i);
      if (!(shift.period.begin < shift.period.end)) {
        error(p + "/period/end",
              "the shift ends at " + clock_text(shift.period.end) + ", not after it begins at " +
                  clock_text(shift.period.begin),
              "give end later than begin");
      }
      if (std::find(closed.begin(), closed.end(), shift.counter) != closed.end()) {
        error(p + "/counter",
              "counter \"" + shift.counter + "\" has a shift but is also in closed_counters",
              "remove the shift or take the counter out of /staffing/closed_counters");
      }
      for (std::size_t k = 0; k < shift.days.size(); ++k) {
        if (!hours(static_cast<std::size_t>(shift.days[k])).open) {
          error(at(p + "/days", k),
                "a shift on " + std::string(sim::to_string(shift.days[k])) +
                    ", when the hall is closed",
                "remove the day or open the hall that day");
        }
      }
    }
    rules();
  }

  void rules() {
    const auto& closed = s_.staffing.closed_counters;
    std::map<std::string, std::size_t> first_rule;
    for (std::size_t i = 0; i < s_.staffing.rules.size(); ++i) {
      const sim::DynamicRule& rule = s_.staffing.rules[i];
      const std::string p = at("/staffing/rules", i);
      if (const auto [it, fresh] = first_rule.emplace(rule.counter, i); !fresh) {
        error(p + "/counter",
              "counter \"" + rule.counter + "\" already has a rule (" +
                  at("/staffing/rules", it->second) + ")",
              "give each backup counter one rule: merge the two");
      }
      if (std::find(closed.begin(), closed.end(), rule.counter) != closed.end()) {
        error(p + "/counter",
              "counter \"" + rule.counter + "\" has a rule but is also in closed_counters",
              "remove the rule or take the counter out of /staffing/closed_counters");
      }
      if (rule.open_when_wait_over < 0.0 && rule.open_when_wait_over != -1.0) {
        error(p + "/open_when_wait_over",
              "a wait of " + format_number(rule.open_when_wait_over) + " s",
              "give the longest acceptable wait in seconds (0 or more), or -1 for unused");
      }
      if (rule.open_when_waiting_over < 0 && rule.open_when_wait_over < 0.0) {
        error(p,
              "the rule never opens counter \"" + rule.counter +
                  "\": it has neither open_when_waiting_over nor open_when_wait_over",
              "give at least one of them a value of 0 or more");
      }
      if (rule.active.end < rule.active.begin) {
        error(p + "/active/end",
              "the rule's hours end at " + clock_text(rule.active.end) + ", before they begin at " +
                  clock_text(rule.active.begin),
              "give end later than begin, or leave \"active\" out for the regular hours");
      }
      for (std::size_t k = 0; k < rule.days.size(); ++k) {
        if (!hours(static_cast<std::size_t>(rule.days[k])).open) {
          error(at(p + "/days", k),
                "a rule on " + std::string(sim::to_string(rule.days[k])) +
                    ", when the hall is closed",
                "remove the day or open the hall that day");
        }
      }
    }
  }

  const sim::Scenario& s_;
  DiagnosticSink& sink_;
  std::vector<std::string> item_ids_;
};

}  // namespace

void check_scenario(const sim::Scenario& scenario, DiagnosticSink& sink) {
  Checker(scenario, sink).run();
}

std::vector<Diagnostic> diagnostics_of(const DiagnosticSink& sink) {
  try {
    sink.throw_if_any();
  } catch (const InputError& e) {
    return e.diagnostics();
  }
  return {};
}

std::string did_you_mean(const std::string& wrong, const std::vector<std::string>& names) {
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, wrong.size() / 3) + 1;
  for (const std::string& name : names) {
    const std::size_t d = edit_distance(wrong, name);
    if (d < best_distance) {
      best_distance = d;
      best = name;
    }
  }
  return best.empty() ? "" : " (did you mean \"" + best + "\"?)";
}

std::string at(const std::string& base, std::size_t index) {
  std::string p = base;  // appended piece by piece: GCC 12 warns falsely on base + "/" (PR 105651)
  p += '/';
  p += std::to_string(index);
  return p;
}

std::string joined(const std::vector<std::string>& names) {
  std::string text;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (i > 0) {
      text += ", ";
    }
    text += names[i];
  }
  return text;
}

}  // namespace hallsim::layout::detail
