// `hallsim size SCENARIO`: how many counters of each type, kiosks and waiting seats a new hall
// needs for a demand scenario and a service target, before a floor plan exists; the area the
// domain facts' ratios give for them.

#include <algorithm>
#include <array>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "hall_setup.hpp"
#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/layout/scenario_loader.hpp"
#include "hallsim/sim/staffing.hpp"
#include "report_text.hpp"

namespace hallsim::app {

void add_size_command(CLI::App& app, CommandBody& chosen);

namespace {

// Domain facts (/work/shared/domain-facts.md, "What real halls look like"): a subdistrict
// centre of 1,800 m² with 61 windows and 300+ waiting seats, about 30 m² and 5 seats per
// window; a town hall (镇街) of at least 200 m², a village point of at least 50 m².
constexpr double kSquareMetresPerWindow = 1800.0 / 61.0;
constexpr double kSeatsPerWindow = 300.0 / 61.0;
constexpr double kTownHallMinimum = 200.0;

struct SizeOptions : TuningOptions {
  std::string scenario;
};

int run_size(const SizeOptions& o) {
  sim::TuneSettings s = tuning_settings(o);
  s.lunch_cover = 0;
  const layout::ScenarioFile file = layout::load_scenario_file(o.scenario);
  const bool use_day = !o.day.empty();
  if (use_day) {
    s.day = *parse_weekday(o.day);
    if (!file.scenario.calendar.days[static_cast<std::size_t>(s.day)].open) {
      throw OptionError("the hall is closed on " + o.day + " in " + o.scenario +
                        "; choose an open day with --day");
    }
  }
  sim::SizeResult r;
  try {
    r = sim::size_hall(file.scenario, s, use_day);
  } catch (const sim::ScenarioError& e) {
    std::vector<layout::Diagnostic> d;
    for (const auto& p : e.problems()) {
      d.push_back({o.scenario, p.pointer, p.message, p.hint});
    }
    throw layout::InputError(std::move(d));
  }

  int windows = 0;
  for (int n : r.counters) {
    windows += n;
  }
  const double area = std::max(kTownHallMinimum, windows * kSquareMetresPerWindow);
  const int seats = static_cast<int>(std::ceil(r.seats_p95));
  const sim::PeriodFigures& day = r.tuning.after.back();
  int met = 0, missed = 0, periods = 0;
  for (std::size_t p = 0; p + 1 < r.tuning.after.size(); ++p) {
    if (r.tuning.after[p].verdict == sim::Verdict::no_visitors) {
      continue;
    }
    ++periods;
    met += r.tuning.after[p].verdict == sim::Verdict::meets ? 1 : 0;
    missed += r.tuning.after[p].verdict == sim::Verdict::misses ? 1 : 0;
  }

  std::ostringstream out;
  if (o.format == "json") {
    nlohmann::ordered_json j;
    j["scenario"] = file.scenario.name;
    j["day"] = sim::to_string(r.day);
    j["target"] = {{"text", s.target.text()}, {"sentence", s.target.sentence()}};
    nlohmann::ordered_json groups = nlohmann::ordered_json::array();
    for (std::size_t g = 0; g < r.groups.size(); ++g) {
      std::vector<std::string> items;
      for (std::size_t q : r.groups[g].queues) {
        items.push_back(q < file.scenario.catalogue.items.size()
                            ? file.scenario.catalogue.items[q].id
                            : std::string("complaint"));
      }
      groups.push_back({{"group", r.groups[g].name},
                        {"type", r.groups[g].type},
                        {"counters", r.counters[g]},
                        {"items", items}});
    }
    j["counters"] = groups;
    j["windows"] = windows;
    j["kiosks"] = r.kiosks;
    j["waiting_seats"] = seats;
    j["peak_waiting"] = estimate_json(r.peak_waiting);
    j["area_m2"] = area;
    j["area_basis"] =
        "30 m² per window (a 1,800 m² subdistrict centre with 61 windows), at least 200 m² "
        "for a town hall; domain facts";
    j["seats_by_rule_of_thumb"] = windows * kSeatsPerWindow;
    j["staff_hours"] = r.tuning.tuned_staff_hours;
    j["periods_meeting_target"] = met;
    j["periods_missing_target"] = missed;
    j["periods_with_visitors"] = periods;
    j["whole_day_target_measure"] = estimate_json(day.target_value);
    j["notes"] = r.tuning.notes;
    out << j.dump(2) << "\n";
  } else {
    out << "hallsim size: scenario \"" << file.scenario.name << "\", sized for "
        << weekday_name(r.day) << (use_day ? "" : " (the open day with the most expected visitors)")
        << "\n";
    out << "Target: " << s.target.sentence() << " (" << s.target.text() << ").\n";
    out << "Method: a hall with ample counters of every type the catalogue names (no walking), "
           "tuned period by period\n  as `hallsim tune` does; each group needs the most counters "
           "it has open at once.\n\n";
    out << "Counters needed\n";
    for (std::size_t g = 0; g < r.groups.size(); ++g) {
      std::string items;
      for (std::size_t q : r.groups[g].queues) {
        items += (items.empty() ? "" : ", ") + (q < file.scenario.catalogue.items.size()
                                                    ? file.scenario.catalogue.items[q].id
                                                    : std::string("complaint"));
      }
      out << "  " << std::left << std::setw(34) << r.groups[g].name << std::right << std::setw(4)
          << r.counters[g] << "   " << items << "\n";
    }
    out << "  " << std::left << std::setw(34) << "windows in all" << std::right << std::setw(4)
        << windows << "\n\n";
    out << "Self-service kiosks: " << r.kiosks
        << " (Erlang C for the kiosk users at the busiest hour)\n";
    out << "Waiting seats: " << seats << " (P95 over " << s.verify_replications
        << " fresh days of the peak number waiting for a call; mean peak "
        << fixed(r.peak_waiting.mean, 1) << " ± " << fixed(r.peak_waiting.half_width, 1)
        << ")\n  for comparison, 5 seats per window would give "
        << fixed(windows * kSeatsPerWindow, 0) << "\n";
    out << "Hall area: about " << fixed(area, 0) << " m² (" << windows
        << " windows x 30 m², the ratio of a 1,800 m² subdistrict centre with 61 windows; at "
           "least 200 m² for a town hall)\n";
    out << "Staffing of that day: " << fixed(r.tuning.tuned_staff_hours, 1) << " staff-hours; of "
        << periods << " periods with visitors, the target holds in " << met << ", is missed in "
        << missed << " and unclear in " << periods - met - missed
        << " in the fresh replications (whole day: " << fixed(day.target_value.mean, 3) << " ± "
        << fixed(day.target_value.half_width, 3) << ").\n";
    for (const auto& n : r.tuning.notes) {
      out << "  note: " << n << "\n";
    }
  }
  print_report("size", out.str(), o.output);
  return kExitOk;
}

}  // namespace

void add_size_command(CLI::App& app, CommandBody& chosen) {
  auto o = std::make_shared<SizeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "size",
      "How many counters of each type, kiosks and waiting seats a new hall needs for a demand "
      "scenario, before a floor plan exists");
  cmd->add_option("scenario", o->scenario, "demand scenario (JSON)")->required();
  add_tuning_options(
      cmd, *o,
      {.period = "length of a staffing period",
       .min_shift = "shortest shift",
       .day = "weekday to size for (default: the busiest open day)",
       .verify_replications = "fresh replications for the seats and the verification",
       .seed = "random seed"});
  cmd->callback([o, &chosen] {
    chosen = [o] { return run_reporting_errors("size", [o] { return run_size(*o); }); };
  });
}

}  // namespace hallsim::app
