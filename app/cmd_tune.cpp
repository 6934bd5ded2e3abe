// `hallsim tune PLAN SCENARIO`: how many windows of each kind to open in each period of a day
// so that a service target holds with the fewest staff-hours (clause 4.4.3 b). The staffing
// table, its cost, and per period whether the target holds before and after, from fresh
// simulation replications with 95% intervals; the methods side by side; optionally the tuned
// scenario file and a dynamic backup-counter rule compared with the tuned plan.

#include <algorithm>
#include <array>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.hpp"
#include "hall_setup.hpp"
#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/sim/staffing.hpp"
#include "report_text.hpp"

namespace hallsim::app {

void add_tune_command(CLI::App& app, CommandBody& chosen);

namespace {

struct TuneOptions : TuningOptions {
  std::string plan;
  std::string scenario;
  int max_staff = 0;
  int lunch_cover = 1;
  bool all_purpose = false;
  std::string write_scenario;
  std::string compare_rule;
};

std::string period_label(const sim::PeriodGrid& grid, int p) {
  return clock(grid.period_begin(p)) + "-" + clock(grid.period_end(p));
}

/// Column title and digits of the target's measure.
struct MeasureFormat {
  std::string title;
  int digits = 3;
  double scale = 1.0;  ///< shown value = measure x scale
};

MeasureFormat measure_format(const sim::ServiceTarget& t) {
  switch (t.kind) {
    case sim::TargetKind::wait_percentile:
    case sim::TargetKind::share_over:
      return {"over " + fixed(t.wait / 60.0, 0) + " min", 3, 1.0};
    case sim::TargetKind::mean_wait:
      return {"mean wait, min", 2, 1.0 / 60.0};
    case sim::TargetKind::prob_wait:
      return {"share who wait", 3, 1.0};
    case sim::TargetKind::abandonment:
      return {"left unserved", 3, 1.0};
  }
  return {};
}

// ------------------------------------------------------------------ --compare-rule

struct RuleOption {
  std::string counter;  ///< counter id in the plan
  sim::DynamicRule rule;
};

RuleOption parse_rule(const std::string& text, const sim::HallLayout& hall) {
  auto fail = [&text](const std::string& why) -> RuleOption {
    throw OptionError("--compare-rule \"" + text + "\": " + why +
                      ". Write e.g. \"counter=c16,waiting>8,wait>20min,quiet=10min\" (keys: "
                      "counter=ID or window number, waiting>N, wait>DURATION, quiet=DURATION, "
                      "check=DURATION, active=HH:MM-HH:MM)");
  };
  RuleOption r;
  std::stringstream in(text);
  std::string part;
  while (std::getline(in, part, ',')) {
    const std::size_t gt = part.find('>');
    const std::size_t eq = part.find('=');
    const std::size_t at = std::min(gt, eq);
    if (at == std::string::npos) {
      return fail("\"" + part + "\" has neither = nor >");
    }
    const std::string key = part.substr(0, at);
    const std::string value = part.substr(at + 1);
    if (key == "counter" && at == eq) {
      std::string number = value;
      if (!number.empty() && (number[0] == 'W' || number[0] == 'w')) {
        number = number.substr(1);
      }
      for (const auto& c : hall.counters) {
        if (c.id == value || (!c.number.empty() && c.number == number)) {
          r.counter = c.id;
        }
      }
      if (r.counter.empty()) {
        return fail("no counter \"" + value + "\" in the plan");
      }
    } else if (key == "waiting" && at == gt) {
      try {
        r.rule.open_when_waiting_over = std::stoi(value);
      } catch (const std::exception&) {
        return fail("waiting>N needs a whole number");
      }
    } else if (key == "wait" && at == gt) {
      r.rule.open_when_wait_over = duration_option(value, "--compare-rule wait>");
    } else if (key == "quiet" && at == eq) {
      r.rule.close_after_quiet = duration_option(value, "--compare-rule quiet=");
    } else if (key == "check" && at == eq) {
      r.rule.check_every = duration_option(value, "--compare-rule check=");
    } else if (key == "active" && at == eq) {
      const std::size_t dash = value.find('-');
      auto hm = [&](const std::string& s) {
        const std::size_t colon = s.find(':');
        if (colon == std::string::npos) {
          fail("active needs HH:MM-HH:MM");
        }
        return std::stod(s.substr(0, colon)) * 3600.0 + std::stod(s.substr(colon + 1)) * 60.0;
      };
      if (dash == std::string::npos) {
        return fail("active needs HH:MM-HH:MM");
      }
      r.rule.active = {hm(value.substr(0, dash)), hm(value.substr(dash + 1))};
    } else {
      return fail("unknown part \"" + part + "\"");
    }
  }
  if (r.counter.empty()) {
    return fail("it names no counter");
  }
  if (r.rule.open_when_waiting_over < 0 && r.rule.open_when_wait_over < 0.0) {
    return fail("it needs waiting>N or wait>DURATION to open the counter");
  }
  r.rule.counter = r.counter;
  return r;
}

/// The tuned scenario with the rule's counter opened by the rule (not by shifts) on `day`.
sim::Scenario with_rule(sim::Scenario s, const RuleOption& r, sim::Weekday day) {
  std::vector<sim::CounterShift> shifts;
  const auto& days_open = s.calendar.days;
  for (sim::CounterShift x : s.staffing.shifts) {
    if (x.counter == r.counter) {
      if (x.days.empty()) {
        for (int w = 0; w < sim::kWeekdays; ++w) {
          if (days_open[static_cast<std::size_t>(w)].open) {
            x.days.push_back(static_cast<sim::Weekday>(w));
          }
        }
      }
      std::erase(x.days, day);
      if (x.days.empty()) {
        continue;
      }
    }
    shifts.push_back(std::move(x));
  }
  s.staffing.shifts = std::move(shifts);
  std::erase(s.staffing.closed_counters, r.counter);
  std::erase_if(s.staffing.rules,
                [&r](const sim::DynamicRule& x) { return x.counter == r.counter; });
  sim::DynamicRule rule = r.rule;
  rule.days = {day};
  s.staffing.rules.push_back(rule);
  return s;
}

struct RuleComparison {
  std::string text;
  std::string counter;
  double fixed_hours = 0.0;   ///< the tuned plan's staff-hours without the rule's counter
  double backup_hours = 0.0;  ///< the rule's counter, staffed hours per day (simulated mean)
  double tuned_counter_hours = 0.0;
  std::vector<sim::PeriodFigures> figures;
};

// ------------------------------------------------------------------ --write-scenario

nlohmann::ordered_json shift_json(const sim::CounterShift& x) {
  nlohmann::ordered_json j;
  j["counter"] = x.counter;
  nlohmann::ordered_json days = nlohmann::ordered_json::array();
  for (sim::Weekday d : x.days) {
    days.push_back(sim::to_string(d));
  }
  j["days"] = days;
  j["period"] = {{"begin", clock(x.period.begin)}, {"end", clock(x.period.end)}};
  return j;
}

/// The scenario file with the tuned staffing: staffing.shifts, closed_counters and rules from
/// `tuned`; with --all-purpose, the items' counter types too; a relative ticket-log path is
/// rewritten for the new file's folder.
std::string tuned_scenario_text(const std::string& scenario_file, const sim::Scenario& tuned,
                                bool all_purpose, const std::string& out_file) {
  std::ifstream in(scenario_file);
  nlohmann::ordered_json j = nlohmann::ordered_json::parse(in);
  nlohmann::ordered_json shifts = nlohmann::ordered_json::array();
  for (const auto& x : tuned.staffing.shifts) {
    shifts.push_back(shift_json(x));
  }
  j["staffing"]["shifts"] = shifts;
  j["staffing"]["closed_counters"] = tuned.staffing.closed_counters;
  if (j["staffing"].contains("rules")) {
    // The tuned day no longer has dynamic rules; the file's rules keep their other days.
    nlohmann::ordered_json rules = nlohmann::ordered_json::array();
    std::size_t k = 0;
    for (auto& r : j["staffing"]["rules"]) {
      if (k < tuned.staffing.rules.size() &&
          r.value("counter", std::string()) == tuned.staffing.rules[k].counter) {
        nlohmann::ordered_json days = nlohmann::ordered_json::array();
        for (sim::Weekday d : tuned.staffing.rules[k].days) {
          days.push_back(sim::to_string(d));
        }
        r["days"] = days;
        rules.push_back(r);
        ++k;
      }
    }
    j["staffing"]["rules"] = rules;
  }
  if (all_purpose && j.contains("catalogue") && j["catalogue"].contains("items")) {
    auto& items = j["catalogue"]["items"];
    for (std::size_t i = 0; i < items.size() && i < tuned.catalogue.items.size(); ++i) {
      items[i]["counter_types"] = tuned.catalogue.items[i].counter_types;
    }
  }
  if (j.contains("replay") && j["replay"].contains("ticket_log")) {
    const std::filesystem::path log(j["replay"]["ticket_log"].get<std::string>());
    if (log.is_relative()) {
      const auto from = std::filesystem::absolute(scenario_file).parent_path() / log;
      const auto to = std::filesystem::absolute(out_file).parent_path();
      j["replay"]["ticket_log"] = from.lexically_normal().lexically_relative(to).string();
    }
  }
  std::string name = j.value("name", std::string());
  j["name"] = name + " (tuned staffing)";
  return j.dump(2) + "\n";
}

// ------------------------------------------------------------------ reports

nlohmann::ordered_json estimate_scaled(const sim::Estimate& e, double scale) {
  sim::Estimate s = e;
  s.mean *= scale;
  s.half_width *= scale;
  nlohmann::ordered_json j = estimate_json(s);
  if (!std::isfinite(e.mean)) {
    j["mean"] = nullptr;
  }
  return j;
}

nlohmann::ordered_json figures_json(const std::vector<sim::PeriodFigures>& figures,
                                    const sim::PeriodGrid& grid,
                                    const std::vector<sim::CounterGroup>& groups,
                                    const sim::ServiceTarget& target) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  const MeasureFormat mf = measure_format(target);
  for (std::size_t p = 0; p < figures.size(); ++p) {
    const sim::PeriodFigures& f = figures[p];
    nlohmann::ordered_json j;
    j["period"] = p + 1 == figures.size() ? std::string("whole day")
                                          : period_label(grid, static_cast<int>(p));
    j["tickets_per_day"] = f.tickets;
    j["target_measure"] = estimate_scaled(f.target_value, mf.scale);
    j["verdict"] = sim::to_string(f.verdict);
    j["mean_wait_min"] = estimate_scaled(f.mean_wait, 1.0 / 60.0);
    j["p90_wait_min"] = estimate_scaled(f.p90_wait, 1.0 / 60.0);
    j["share_wait_over_15_min"] = estimate_json(f.share_over_15);
    j["share_left_unserved"] = estimate_json(f.abandonment);
    nlohmann::ordered_json gs = nlohmann::ordered_json::array();
    for (std::size_t g = 0; g < f.groups.size(); ++g) {
      gs.push_back({{"group", groups[g].name},
                    {"visitors_per_day", f.groups[g].visitors},
                    {"target_measure", estimate_scaled(f.groups[g].value, mf.scale)},
                    {"meets", f.groups[g].meets}});
    }
    j["groups"] = gs;
    out.push_back(std::move(j));
  }
  return out;
}

nlohmann::ordered_json table_json(const sim::StaffingTable& t) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (int p = 0; p < t.periods(); ++p) {
    nlohmann::ordered_json row = nlohmann::ordered_json::array();
    for (int g = 0; g < t.groups(); ++g) {
      row.push_back(t.at(p, g));
    }
    rows.push_back(row);
  }
  return rows;
}

struct Report {
  const sim::HallTuning& problem;
  const sim::TuneResult& result;
  const TuneOptions& options;
  const std::vector<std::string>& notes;
  const std::optional<RuleComparison>& rule;
};

std::string report_json(const Report& r) {
  const auto& s = r.problem.settings();
  const auto& grid = r.problem.grid();
  const auto& groups = r.problem.groups();
  nlohmann::ordered_json j;
  j["hall"] = r.problem.model().layout().name;
  j["scenario"] = r.problem.model().scenario().name;
  j["day"] = sim::to_string(s.day);
  j["target"] = {{"text", s.target.text()},
                 {"sentence", s.target.sentence()},
                 {"limit", s.target.limit()},
                 {"checked_as",
                  "per counter group, the upper end of the 95% interval of the "
                  "measure within the limit"}};
  j["settings"] = {{"period_min", s.period / 60.0},
                   {"min_shift_h", s.min_shift / 3600.0},
                   {"lunch_cover", s.lunch_cover},
                   {"max_staff", s.max_staff},
                   {"all_purpose_general", r.options.all_purpose},
                   {"search_replications", s.replications},
                   {"seed", s.seed},
                   {"verify_replications", s.verify_replications},
                   {"verify_seed", s.verify_seed}};
  nlohmann::ordered_json periods = nlohmann::ordered_json::array();
  for (int p = 0; p < grid.count(); ++p) {
    periods.push_back({{"begin", clock(grid.period_begin(p))}, {"end", clock(grid.period_end(p))}});
  }
  j["periods"] = periods;
  nlohmann::ordered_json gs = nlohmann::ordered_json::array();
  for (const auto& g : groups) {
    std::vector<std::string> ids, items;
    for (std::size_t c : g.counters) {
      ids.push_back(r.problem.model().layout().counters[c].id);
    }
    for (std::size_t q : g.queues) {
      items.push_back(r.problem.model().queue_name(q));
    }
    gs.push_back({{"name", g.name},
                  {"type", g.type},
                  {"counters", ids},
                  {"items", items},
                  {"mean_visit_min", g.mean_service / 60.0}});
  }
  j["groups"] = gs;
  nlohmann::ordered_json methods = nlohmann::ordered_json::array();
  for (const auto& m : r.result.methods) {
    methods.push_back({{"name", m.name},
                       {"staff_hours", m.staff_hours},
                       {"meets_target", m.meets},
                       {"simulations", m.simulations},
                       {"table", table_json(m.table)}});
  }
  j["methods"] = methods;
  j["tuned"] = {{"staff_hours", r.result.tuned_staff_hours}, {"table", table_json(r.result.tuned)}};
  nlohmann::ordered_json open = nlohmann::ordered_json::array();
  for (int p = 0; p < grid.count(); ++p) {
    nlohmann::ordered_json row = nlohmann::ordered_json::array();
    for (std::size_t g = 0; g < groups.size(); ++g) {
      row.push_back(r.result.scenario_open[static_cast<std::size_t>(p) * groups.size() + g]);
    }
    open.push_back(row);
  }
  j["scenario_staffing"] = {{"staff_hours", r.result.scenario_staff_hours}, {"open", open}};
  j["before"] = figures_json(r.result.before, grid, groups, s.target);
  j["after"] = figures_json(r.result.after, grid, groups, s.target);
  if (r.rule) {
    j["rule_comparison"] = {{"rule", r.rule->text},
                            {"counter", r.rule->counter},
                            {"staff_hours", r.rule->fixed_hours + r.rule->backup_hours},
                            {"backup_counter_hours", r.rule->backup_hours},
                            {"tuned_plan_counter_hours", r.rule->tuned_counter_hours},
                            {"periods", figures_json(r.rule->figures, grid, groups, s.target)}};
  }
  j["notes"] = r.notes;
  return j.dump(2) + "\n";
}

std::string report_text(const Report& r) {
  const auto& s = r.problem.settings();
  const auto& grid = r.problem.grid();
  const auto& groups = r.problem.groups();
  const auto& hall = r.problem.model().layout();
  const MeasureFormat mf = measure_format(s.target);
  std::ostringstream out;
  out << "hallsim tune: " << hall.name << ", scenario \"" << r.problem.model().scenario().name
      << "\", " << weekday_name(s.day) << "\n\n";
  out << "Target: " << s.target.sentence() << " (" << s.target.text() << ").\n";
  out << "  Checked for the visitors of each counter group: a period meets the target when the\n"
         "  upper end of the measure's 95% confidence interval is within "
      << (s.target.kind == sim::TargetKind::mean_wait ? fixed(s.target.limit() / 60.0, 1) + " min"
                                                      : fixed(s.target.limit(), 3))
      << " for every group,\n  misses it when some group's whole interval lies beyond, and is "
         "unclear otherwise.\n";
  out << "Day: " << clock(grid.begin) << "-" << clock(grid.end) << " in "
      << fixed(s.period / 60.0, 0) << "-minute periods; shifts at least "
      << fixed(s.min_shift / 3600.0, 1) << " h";
  if (!r.problem.limits().floor_periods.empty()) {
    out << "; at least " << s.lunch_cover << " "
        << groups[static_cast<std::size_t>(r.problem.limits().floor_group)].name
        << " counter(s) through lunch";
  }
  out << "; "
      << (s.max_staff > 0 ? "at most " + std::to_string(s.max_staff) + " staff at once"
                          : std::string("no staff limit"));
  if (r.options.all_purpose) {
    out << "; general counters serve every item (all-purpose windows)";
  }
  out << ".\nSimulation: the search runs " << s.replications << " replications (seed " << s.seed
      << ") of every plan it tries, the same visitors each time\n  (common random numbers); the "
         "verification below runs "
      << s.verify_replications << " fresh replications (seed " << s.verify_seed << ").\n";

  out << "\nCounter groups (counters that serve the same items are staffed as one and open in "
         "this order)\n";
  for (std::size_t g = 0; g < groups.size(); ++g) {
    std::string ids, items;
    for (std::size_t c : groups[g].counters) {
      ids += (ids.empty() ? "" : " ") + hall.counters[c].id;
    }
    for (std::size_t q : groups[g].queues) {
      items += (items.empty() ? "" : ", ") + r.problem.model().queue_name(q);
    }
    out << "  G" << g + 1 << " " << pad(groups[g].name, 28) << pad(ids, 22) << "visit "
        << fixed(groups[g].mean_service / 60.0, 1) << " min; " << items << "\n";
  }

  out << "\nMethods side by side (staff-hours that day; \"meets\": every group in every period, on "
         "the search's replications)\n";
  out << "  " << pad("method", 34) << std::right << std::setw(12) << "staff-hours" << std::setw(8)
      << "meets" << std::setw(13) << "simulations"
      << "\n";
  out << "  " << pad("the scenario's own staffing", 34) << std::setw(12)
      << fixed(r.result.scenario_staff_hours, 1) << std::setw(8) << "-" << std::setw(13) << "-"
      << "\n";
  for (const auto& m : r.result.methods) {
    out << "  " << pad(m.name, 34) << std::setw(12) << fixed(m.staff_hours, 1) << std::setw(8)
        << (m.meets ? "yes" : "no") << std::setw(13) << m.simulations << "\n";
  }

  out << "\nTuned staffing: counters open per period and group (the scenario's own staffing in "
         "brackets)\n  "
      << pad("period", 13);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    out << std::right << std::setw(10) << "G" + std::to_string(g + 1);
  }
  out << std::setw(12) << "total"
      << "\n";
  auto cell = [](int n, double before) {
    const double r10 = std::round(before * 10.0) / 10.0;
    return std::to_string(n) + " (" +
           (std::fabs(r10 - std::round(r10)) < 1e-9 ? fixed(r10, 0) : fixed(r10, 1)) + ")";
  };
  for (int p = 0; p < grid.count(); ++p) {
    out << "  " << pad(period_label(grid, p), 13);
    double before_total = 0.0;
    for (std::size_t g = 0; g < groups.size(); ++g) {
      const double b = r.result.scenario_open[static_cast<std::size_t>(p) * groups.size() + g];
      before_total += b;
      out << std::right << std::setw(10) << cell(r.result.tuned.at(p, static_cast<int>(g)), b);
    }
    out << std::setw(12) << cell(r.result.tuned.total(p), before_total) << "\n";
  }
  out << "  staff-hours: " << fixed(r.result.tuned_staff_hours, 1) << " tuned, "
      << fixed(r.result.scenario_staff_hours, 1) << " the scenario's own ("
      << (r.result.tuned_staff_hours <= r.result.scenario_staff_hours ? "" : "+")
      << fixed(r.result.tuned_staff_hours - r.result.scenario_staff_hours, 1) << ")\n";

  auto figures_table = [&](const std::string& title, const std::vector<sim::PeriodFigures>& a,
                           const std::string& a_name, const std::vector<sim::PeriodFigures>& b,
                           const std::string& b_name) {
    out << "\n"
        << title << "\n  " << pad("period", 13) << std::right << std::setw(8) << "tickets"
        << std::setw(19) << a_name + ": " + mf.title.substr(0, 0) << std::setw(12) << ""
        << std::setw(19) << b_name + ":" << std::setw(12) << "" << std::setw(14) << "mean wait"
        << std::setw(14) << "P90 wait" << std::setw(16) << "left unserved"
        << "\n  " << pad("", 13) << std::setw(8) << "per day" << std::setw(19) << mf.title
        << std::setw(12) << "verdict" << std::setw(19) << mf.title << std::setw(12) << "verdict"
        << std::setw(14) << "min" << std::setw(14) << "min" << std::setw(16) << "share"
        << "\n";
    for (std::size_t p = 0; p < a.size(); ++p) {
      const bool day = p + 1 == a.size();
      out << "  " << pad(day ? "whole day" : period_label(grid, static_cast<int>(p)), 13)
          << std::right << std::setw(8) << fixed(b[p].tickets, 1) << std::setw(19)
          << with_ci(a[p].target_value, mf.digits, mf.scale) << std::setw(12)
          << sim::to_string(a[p].verdict) << std::setw(19)
          << with_ci(b[p].target_value, mf.digits, mf.scale) << std::setw(12)
          << sim::to_string(b[p].verdict) << std::setw(14) << with_ci(b[p].mean_wait, 1, 1.0 / 60.0)
          << std::setw(14) << with_ci(b[p].p90_wait, 1, 1.0 / 60.0) << std::setw(16)
          << with_ci(b[p].abandonment, 3) << "\n";
    }
  };
  figures_table("Per period, " + std::to_string(s.verify_replications) +
                    " fresh replications: before = the scenario's own staffing, after = the "
                    "tuned staffing",
                r.result.before, "before", r.result.after, "after");
  out << "  Columns: tickets per day = tickets taken in the period, mean over replications;\n"
         "  \""
      << mf.title
      << "\" = the target's measure over all groups, ± the 95% confidence half-width;\n"
         "  verdict = whether the target holds for every group (above); mean wait, P90 wait "
         "(each day's\n  90th percentile, averaged) and the share who left unserved (balked, "
         "gave up or were sent home)\n  are for the right-hand staffing. The whole-day line "
         "pools all periods.\n";
  if (r.rule) {
    figures_table("Dynamic rule \"" + r.rule->text + "\" for " + r.rule->counter +
                      " on the tuned plan (same fresh replications): tuned = fixed shifts, rule "
                      "= the counter opened by the rule",
                  r.result.after, "tuned", r.rule->figures, "rule");
    out << "  staff-hours: " << fixed(r.rule->fixed_hours + r.rule->backup_hours, 1)
        << " with the rule (" << r.rule->counter << " staffed " << fixed(r.rule->backup_hours, 2)
        << " h a day on average) against " << fixed(r.result.tuned_staff_hours, 1)
        << " for the tuned plan (" << r.rule->counter << " "
        << fixed(r.rule->tuned_counter_hours, 1) << " h)\n";
  }

  out << "\nResult: ";
  const sim::PeriodFigures& day_after = r.result.after.back();
  const bool all_periods = std::all_of(
      r.result.after.begin(), r.result.after.end() - 1, [](const sim::PeriodFigures& f) {
        return f.verdict == sim::Verdict::meets || f.verdict == sim::Verdict::no_visitors;
      });
  out << "the tuned plan uses " << fixed(r.result.tuned_staff_hours, 1) << " staff-hours against "
      << fixed(r.result.scenario_staff_hours, 1) << " for the scenario's staffing; ";
  if (s.target.scope == sim::TargetScope::day) {
    out << "over the whole day the target "
        << (day_after.verdict == sim::Verdict::meets     ? "holds"
            : day_after.verdict == sim::Verdict::misses  ? "is missed"
            : day_after.verdict == sim::Verdict::unclear ? "is not met with confidence"
                                                         : "has no visitors")
        << " in the fresh replications.\n";
  } else {
    out << (all_periods ? "the target holds in every period of the fresh replications.\n"
                        : "the target does not hold with confidence in every period of the "
                          "fresh replications (see the verdicts).\n");
  }
  if (r.result.tuned_staff_hours > r.result.scenario_staff_hours) {
    out << "  More staff-hours than the scenario's staffing: that staffing misses the target in "
           "some periods (see \"before\"),\n  and the tuned plan adds counters there.\n";
  }
  for (const auto& n : r.notes) {
    out << "  note: " << n << "\n";
  }
  return out.str();
}

int run_tune(const TuneOptions& o) {
  sim::TuneSettings s = tuning_settings(o);
  LoadedHall loaded = load_hall(o.plan, o.scenario);
  s.day = o.day.empty() ? loaded.first_day.value_or(sim::Weekday::mon) : *parse_weekday(o.day);
  s.max_staff = o.max_staff;
  s.lunch_cover = o.lunch_cover;
  sim::Scenario scenario = loaded.scenario;
  std::string label = o.scenario;
  if (o.all_purpose) {
    scenario = sim::all_purpose_general(std::move(scenario), loaded.hall);
    label += " (general counters serving every item)";
  }
  if (!scenario.calendar.days[static_cast<std::size_t>(s.day)].open) {
    throw OptionError(std::string("the hall is closed on ") + sim::to_string(s.day) + " in " +
                      o.scenario + "; choose an open day with --day");
  }
  // Checks the scenario against the hall with the file's name in the messages.
  const sim::HallModel checked = build_hall_model(loaded.hall, scenario, label);
  std::optional<RuleOption> rule;
  if (!o.compare_rule.empty()) {
    try {
      rule = parse_rule(o.compare_rule, loaded.hall);
    } catch (const OptionError&) {
      throw;
    } catch (const std::exception&) {
      // A number that std::stod/stoi cannot read (or that overflows).
      throw OptionError("--compare-rule \"" + o.compare_rule +
                        "\": a number in it cannot be read; write e.g. "
                        "\"counter=c16,waiting>8,active=09:00-16:00\"");
    }
  }
  const sim::HallTuning problem(loaded.hall, scenario, s);
  const sim::TuneResult result = sim::tune(problem);

  std::vector<std::string> notes = loaded.notes;
  for (const auto& n : checked.notes()) {
    notes.push_back(n);
  }
  for (const auto& n : result.notes) {
    notes.push_back(n);
  }
  std::optional<RuleComparison> comparison;
  if (rule) {
    const sim::Scenario ruled = with_rule(result.tuned_scenario, *rule, s.day);
    build_hall_model(loaded.hall, ruled, "--compare-rule \"" + o.compare_rule + "\"");
    const sim::DayBatch b = problem.simulate_scenario(ruled, s.verify_replications, s.verify_seed);
    RuleComparison c;
    c.text = o.compare_rule;
    c.counter = rule->counter;
    const auto& counters = loaded.hall.counters;
    const auto index = static_cast<std::size_t>(
        std::find_if(counters.begin(), counters.end(),
                     [&](const sim::HallCounter& h) { return h.id == rule->counter; }) -
        counters.begin());
    const sim::HallModel tuned_model(loaded.hall, result.tuned_scenario);
    for (const auto& iv : tuned_model.counter_hours(index, s.day)) {
      c.tuned_counter_hours += (iv.end - iv.begin) / 3600.0;
    }
    c.fixed_hours = result.tuned_staff_hours - c.tuned_counter_hours;
    for (const auto& run : b.runs) {
      c.backup_hours += run.counter_open[index] / 3600.0 / static_cast<double>(b.runs.size());
    }
    c.figures = sim::period_figures(b, s.target);
    comparison = std::move(c);
  }

  if (!o.write_scenario.empty()) {
    write_file_atomically(o.write_scenario, tuned_scenario_text(o.scenario, result.tuned_scenario,
                                                                o.all_purpose, o.write_scenario));
    notes.push_back("the tuned scenario is in " + o.write_scenario + " (hallsim simulate " +
                    o.plan + " " + o.write_scenario + " runs it)");
  }
  const Report report{problem, result, o, notes, comparison};
  print_report("tune", o.format == "json" ? report_json(report) : report_text(report), o.output);
  return kExitOk;
}

}  // namespace

void add_tune_command(CLI::App& app, CommandBody& chosen) {
  auto o = std::make_shared<TuneOptions>();
  CLI::App* cmd = app.add_subcommand(
      "tune",
      "How many windows of each kind to open in each period so that a waiting-time target "
      "holds with the fewest staff-hours (clause 4.4.3)");
  cmd->add_option("plan", o->plan, "floor plan (JSON)")->required();
  cmd->add_option("scenario", o->scenario, "demand scenario (JSON)")->required();
  const TuningOptionHelp help{
      .period = "length of a staffing period (e.g. 30min, 1h)",
      .min_shift = "shortest shift a counter may have (e.g. 2h)",
      .day = "weekday to staff (mon..sun; default: the scenario's first day)",
      .verify_replications = "fresh replications that verify the result",
      .seed = "random seed of the search (the verification uses another)"};
  add_tuning_options(cmd, *o, help, [cmd, o] {
    cmd->add_option("--max-staff", o->max_staff,
                    "at most this many counters open at once (0: no limit)")
        ->check(CLI::Range(0, 100000));
    cmd->add_option("--lunch-cover", o->lunch_cover,
                    "counters of the largest group kept open through the lunch break")
        ->check(CLI::Range(0, 1000))
        ->capture_default_str();
    cmd->add_flag("--all-purpose", o->all_purpose,
                  "general counters may serve every item (all-purpose, 全科 windows)");
  });
  cmd->add_option("--write-scenario", o->write_scenario,
                  "write the scenario with the tuned shifts to this file");
  cmd->add_option("--compare-rule", o->compare_rule,
                  "a dynamic rule to compare with the tuned plan, e.g. "
                  "\"counter=c16,waiting>8,quiet=10min\"");
  cmd->callback([o, &chosen] {
    chosen = [o] { return run_reporting_errors("tune", [o] { return run_tune(*o); }); };
  });
}

}  // namespace hallsim::app
