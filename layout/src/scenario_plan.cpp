// A scenario set against a floor plan, and the expected demand a scenario describes.

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "hallsim/layout/scenario_loader.hpp"
#include "hallsim/sim/fit.hpp"
#include "plan_checks.hpp"
#include "scenario_checks.hpp"

namespace hallsim::layout {

namespace {

using detail::at;

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

class PlanMatch {
 public:
  PlanMatch(const sim::Scenario& s, const Plan& plan, std::string file, std::string plan_name)
      : s_(s), plan_(plan), file_(std::move(file)), plan_name_(std::move(plan_name)) {
    for (const Counter& c : plan.counters()) {
      ids_.push_back(c.id);
      if (!contains(types_, to_string(c.type))) {
        types_.emplace_back(to_string(c.type));
      }
    }
  }

  std::vector<Diagnostic> run() {
    named_counters();
    items();
    return out_;
  }

 private:
  void error(const std::string& ptr, const std::string& message, const std::string& hint) {
    out_.push_back(Diagnostic{file_, ptr, message, hint});
  }

  void counter(const std::string& id, const std::string& ptr) {
    if (contains(ids_, id)) {
      return;
    }
    error(ptr, "no counter \"" + id + "\" in " + plan_name_ + detail::did_you_mean(id, ids_),
          "name one of its counters: " + detail::joined(ids_));
  }

  void counters(const std::vector<std::string>& ids, const std::string& base) {
    for (std::size_t j = 0; j < ids.size(); ++j) {
      counter(ids[j], at(base, j));
    }
  }

  void named_counters() {
    counters(s_.calendar.lunch_counters, "/calendar/lunch_counters");
    counters(s_.calendar.extended_counters, "/calendar/extended_counters");
    const auto& items = s_.catalogue.items;
    for (std::size_t i = 0; i < items.size(); ++i) {
      counters(items[i].counters, at("/catalogue/items", i) + "/counters");
    }
    for (std::size_t i = 0; i < s_.staffing.shifts.size(); ++i) {
      counter(s_.staffing.shifts[i].counter, at("/staffing/shifts", i) + "/counter");
    }
    counters(s_.staffing.closed_counters, "/staffing/closed_counters");
    for (std::size_t i = 0; i < s_.staffing.rules.size(); ++i) {
      counter(s_.staffing.rules[i].counter, at("/staffing/rules", i) + "/counter");
    }
  }

  void items() {
    const bool has_kiosks = !plan_.kiosks().empty();
    const bool has_guidance =
        std::any_of(plan_.desks().begin(), plan_.desks().end(),
                    [](const Desk& d) { return d.kind == DeskKind::guidance; });
    const auto& items = s_.catalogue.items;
    for (std::size_t i = 0; i < items.size(); ++i) {
      const sim::ServiceItem& item = items[i];
      const std::string p = at("/catalogue/items", i);
      std::size_t may = 0;
      std::size_t open = 0;
      for (const Counter& c : plan_.counters()) {
        if (!contains(item.counter_types, to_string(c.type)) && !contains(item.counters, c.id)) {
          continue;
        }
        ++may;
        if (!contains(s_.staffing.closed_counters, c.id)) {
          ++open;
        }
      }
      if (open == 0 && item.kiosk_share < 1.0) {
        if (may > 0) {
          error(p + "/counter_types",
                "every counter of " + plan_name_ + " that may serve item \"" + item.id +
                    "\" is in /staffing/closed_counters",
                "open one of them, or let another counter type serve the item");
        } else {
          error(p + "/counter_types",
                "no counter of " + plan_name_ + " may serve item \"" + item.id +
                    "\": it has no counter of the types [" + detail::joined(item.counter_types) +
                    "]" + (item.counters.empty() ? "" : " and none of the counters named"),
                "use the counter types the plan has (" + detail::joined(types_) +
                    ") or name its counters in \"counters\"");
        }
      }
      if (item.kiosk_share > 0.0 && !has_kiosks) {
        error(p + "/kiosk_share",
              "a kiosk share of " + detail::format_number(item.kiosk_share) + ", but " +
                  plan_name_ + " has no self-service kiosk",
              "set kiosk_share to 0 for this plan, or add kiosks to the plan");
      }
      if (item.consultation_share > 0.0 && !has_guidance) {
        error(p + "/consultation_share",
              "visitors consult at the guidance desk first, but " + plan_name_ +
                  " has no guidance desk",
              "set consultation_share to 0 for this plan, or add a desk of kind \"guidance\"");
      }
    }
  }

  const sim::Scenario& s_;
  const Plan& plan_;
  std::string file_;
  std::string plan_name_;
  std::vector<std::string> ids_;
  std::vector<std::string> types_;
  std::vector<Diagnostic> out_;
};

}  // namespace

std::vector<Diagnostic> scenario_plan_mismatches(const sim::Scenario& scenario, const Plan& plan,
                                                 const std::string& scenario_file,
                                                 const std::string& plan_name) {
  return PlanMatch(scenario, plan, scenario_file, plan_name).run();
}

void check_scenario_against_plan(const sim::Scenario& scenario, const Plan& plan,
                                 const std::string& scenario_file, const std::string& plan_name) {
  auto problems = scenario_plan_mismatches(scenario, plan, scenario_file, plan_name);
  if (!problems.empty()) {
    throw InputError(std::move(problems));
  }
}

double expected_walk_ins(const sim::Scenario& scenario, std::size_t index, sim::Weekday day) {
  const sim::DayHours& hours = scenario.calendar.days[static_cast<std::size_t>(day)];
  return sim::expected_arrivals(sim::walk_in_rates(scenario.demand.items.at(index), hours, day),
                                hours);
}

double expected_walk_ins(const sim::Scenario& scenario, sim::Weekday day) {
  double total = 0.0;
  for (std::size_t i = 0; i < scenario.demand.items.size(); ++i) {
    total += expected_walk_ins(scenario, i, day);
  }
  return total;
}

int appointment_places(const sim::Scenario& scenario, sim::Weekday day) {
  if (!scenario.calendar.days[static_cast<std::size_t>(day)].open) {
    return 0;
  }
  int places = 0;
  for (const sim::AppointmentSlots& a : scenario.demand.appointments.slots) {
    if (!a.days.empty() && std::find(a.days.begin(), a.days.end(), day) == a.days.end()) {
      continue;
    }
    if (!(a.slot_length > 0.0)) {
      continue;
    }
    // Slots start at first_slot + k * slot_length and must end by last_slot_end.
    const auto slots =
        static_cast<int>(std::floor((a.last_slot_end - a.first_slot) / a.slot_length + 1e-9));
    places += std::max(0, slots) * a.bookings_per_slot;
  }
  return places;
}

}  // namespace hallsim::layout
