// `hallsim fit LOG.csv`: what a ticket log says about a hall's demand and service. Per item:
// tickets, the service-time sample's mean, standard error and cv, the log-normal or gamma
// distribution nearer the data (Kolmogorov–Smirnov distances of both), and the hourly
// arrival rates of each weekday; optionally a scenario file holding the fit.

#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "commands.hpp"
#include "hall_setup.hpp"
#include "hallsim/layout/scenario_loader.hpp"
#include "hallsim/sim/fit.hpp"
#include "hallsim/sim/scenario.hpp"
#include "report_text.hpp"

namespace hallsim::app {
namespace {

struct FitOptions {
  std::string log;
  std::string format = "text";
  std::string output;
  std::string scenario;  ///< its calendar gives the opening hours; empty: the default week
  std::string name;
};

const char* day_name(std::size_t w) {
  return sim::to_string(static_cast<sim::Weekday>(w));
}

double doors_close(const sim::DayHours& d) {
  return std::max(d.close_time, d.extended_until);
}

// The hours of the day during which the doors open on some weekday: the rate table's columns.
std::vector<std::size_t> open_hours(const sim::Calendar& calendar) {
  std::vector<std::size_t> hours;
  for (std::size_t h = 0; h < 24; ++h) {
    for (const sim::DayHours& d : calendar.days) {
      const double begin = static_cast<double>(h) * 3600.0;
      if (d.open && d.open_time < begin + 3600.0 && doors_close(d) > begin) {
        hours.push_back(h);
        break;
      }
    }
  }
  return hours;
}

std::string week_text(const sim::Calendar& calendar) {
  std::string text;
  for (std::size_t w = 0; w < calendar.days.size(); ++w) {
    const sim::DayHours& d = calendar.days[w];
    text += std::string(w == 0 ? "" : "; ") + day_name(w) + " ";
    if (!d.open) {
      text += "closed";
      continue;
    }
    text += clock(d.open_time) + "-" + clock(doors_close(d));
  }
  return text;
}

void print_text(const FitOptions& o, const layout::TicketLog& log, const sim::TicketLogFit& fit,
                const sim::Calendar& calendar) {
  std::ostream& out = std::cout;
  const layout::Date last =
      layout::date_from_days(layout::days_since_epoch(log.first_date) + log.days - 1);
  out << "hallsim fit: " << o.log << "\n"
      << "  " << fit.records << " tickets from " << layout::to_string(log.first_date) << " ("
      << sim::to_string(log.first_day) << ") to " << layout::to_string(last)
      << "; days with tickets:";
  for (std::size_t w = 0; w < fit.days_observed.size(); ++w) {
    if (fit.days_observed[w] > 0) {
      out << " " << day_name(w) << " " << fit.days_observed[w];
    }
  }
  out << "\n  " << fit.served << " called and finished (finish - call is the service time); "
      << fit.outside_hours << " taken while the doors were shut (left out of the rates)\n"
      << "  opening hours " << (o.scenario.empty() ? "of the default week" : "of " + o.scenario)
      << ": " << week_text(calendar) << "\n\n";

  out << "Service times (finish - call), seconds\n  " << pad("item", 24) << pad("tickets", 8, true)
      << pad("sample", 8, true) << pad("mean", 9, true) << pad("s.e.", 7, true)
      << pad("cv", 7, true) << "  " << pad("fitted", 14) << pad("KS lognormal", 13, true)
      << pad("KS gamma", 10, true) << "\n";
  for (const sim::ServiceTimeFit& s : fit.services) {
    const bool fitted = s.count > 0;
    out << "  " << pad(s.item, 24) << pad(std::to_string(s.tickets), 8, true)
        << pad(std::to_string(s.count), 8, true) << pad(fixed(s.mean, 1), 9, true)
        << pad(fixed(s.mean_standard_error, 1), 7, true) << pad(fixed(s.cv, 3), 7, true) << "  "
        << pad(fitted ? sim::to_string(s.choice) : "none", 14)
        << pad(fixed(s.ks_lognormal, 4), 13, true) << pad(fixed(s.ks_gamma, 4), 10, true) << "\n";
  }
  out << "  The fitted family has the smaller Kolmogorov-Smirnov distance at the sample's mean and "
         "cv.\n  For reference, the 5% critical value is 1.36 / sqrt(sample); with the "
         "parameters taken\n  from the same sample the test is conservative.\n\n";

  const auto hours = open_hours(calendar);
  out << "Arrivals per hour the doors are open, mean over the days observed\n  " << pad("item", 24)
      << pad("day", 4);
  for (const std::size_t h : hours) {
    out << pad(std::to_string(h), 7, true);
  }
  out << "\n";
  for (const sim::ArrivalFit& a : fit.arrivals) {
    bool first = true;
    for (std::size_t w = 0; w < a.hourly_rate.size(); ++w) {
      if (fit.days_observed[w] == 0) {
        continue;
      }
      out << "  " << pad(first ? a.item : "", 24) << pad(day_name(w), 4);
      for (const std::size_t h : hours) {
        out << pad(fixed(a.hourly_rate[w][h], 2), 7, true);
      }
      out << "\n";
      first = false;
    }
  }
}

void print_json(const FitOptions& o, const layout::TicketLog& log, const sim::TicketLogFit& fit) {
  using nlohmann::ordered_json;
  const auto by_day = [&fit](const std::array<std::array<double, 24>, sim::kWeekdays>& v) {
    ordered_json j = ordered_json::object();
    for (std::size_t w = 0; w < v.size(); ++w) {
      if (fit.days_observed[w] > 0) {
        j[day_name(w)] = v[w];
      }
    }
    return j;
  };
  const auto number = [](double x) { return std::isfinite(x) ? ordered_json(x) : ordered_json(); };
  ordered_json days = ordered_json::object();
  for (std::size_t w = 0; w < fit.days_observed.size(); ++w) {
    days[day_name(w)] = fit.days_observed[w];
  }
  ordered_json items = ordered_json::array();
  for (std::size_t i = 0; i < fit.services.size(); ++i) {
    const sim::ServiceTimeFit& s = fit.services[i];
    ordered_json service = {
        {"count", s.count},
        {"mean", number(s.mean)},
        {"stddev", number(s.stddev)},
        {"cv", number(s.cv)},
        {"mean_standard_error", number(s.mean_standard_error)},
        {"fitted", s.count > 0 ? ordered_json(sim::to_string(s.choice)) : ordered_json()},
        {"ks", {{"lognormal", number(s.ks_lognormal)}, {"gamma", number(s.ks_gamma)}}}};
    items.push_back({{"item", s.item},
                     {"tickets", s.tickets},
                     {"service_time", service},
                     {"hourly_rate", by_day(fit.arrivals[i].hourly_rate)},
                     {"tickets_per_day", by_day(fit.arrivals[i].tickets_per_day)}});
  }
  ordered_json j;
  j["log"] = o.log;
  j["first_date"] = layout::to_string(log.first_date);
  j["first_day"] = sim::to_string(log.first_day);
  j["days"] = log.days;
  j["records"] = fit.records;
  j["served"] = fit.served;
  j["outside_hours"] = fit.outside_hours;
  j["opening_hours_from"] =
      o.scenario.empty() ? ordered_json("default week") : ordered_json(o.scenario);
  j["days_observed"] = days;
  j["items"] = items;
  std::cout << j.dump(2) << "\n";
}

int run_fit(const FitOptions& o) {
  // Both inputs are read before either is reported on, so that one run lists every problem.
  layout::TicketLog log;
  sim::Calendar calendar;
  std::vector<layout::Diagnostic> problems;
  try {
    log = layout::load_ticket_log(o.log);
  } catch (const layout::InputError& e) {
    problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
  }
  try {
    if (!o.scenario.empty()) {
      calendar = layout::load_scenario_file(o.scenario).scenario.calendar;
    }
  } catch (const layout::InputError& e) {
    problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
  }
  if (!problems.empty()) {
    return report_input_error(layout::InputError(std::move(problems)));
  }
  try {
    const sim::TicketLogFit fit = sim::fit_ticket_log(log.records, log.first_day, calendar);
    if (o.format == "json") {
      print_json(o, log, fit);
    } else {
      print_text(o, log, fit, calendar);
    }
    if (!o.output.empty()) {
      const std::string name =
          o.name.empty() ? "fitted from " + std::filesystem::path(o.log).filename().string()
                         : o.name;
      write_file_atomically(o.output,
                            layout::fitted_scenario_json(fit, calendar, name, log.first_day));
      if (o.format == "text") {
        std::cout << "\nwrote " << o.output << "\n";
      }
    }
  } catch (const OutputError& e) {
    std::cerr << "hallsim fit: error: " << e.what() << "\n";
    return kExitBadInput;
  }
  return kExitOk;
}

}  // namespace

void add_fit_command(CLI::App& app, CommandBody& chosen) {
  auto o = std::make_shared<FitOptions>();
  CLI::App* cmd = app.add_subcommand(
      "fit",
      "Estimate each item's service-time distribution and hourly arrival rates from a "
      "ticket-log CSV");
  cmd->add_option("log", o->log,
                  "ticket log: CSV with columns date,ticket_time,item[,call_time,finish_time,"
                  "counter] (docs/scenario-format.md)")
      ->required();
  add_format_option(cmd, o->format, "report");
  cmd->add_option("-o,--output", o->output,
                  "also write the fit as a scenario file (JSON) that hallsim loads");
  cmd->add_option("--scenario", o->scenario,
                  "a scenario whose calendar gives the opening hours (default: Mon-Fri "
                  "8:30-17:00, Sat 8:30-12:00)");
  cmd->add_option("--name", o->name, "the name of the written scenario");
  cmd->callback([o, &chosen] { chosen = [o] { return run_fit(*o); }; });
}

}  // namespace hallsim::app
