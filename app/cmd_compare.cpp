// `hallsim compare PLAN SCENARIO_A [SCENARIO_B] [--close ids]`: the same visitors through two
// scenarios (or two staffing variants of one), replication by replication, with paired
// differences and their 95% intervals, so that a manager sees whether closing a window
// really matters.
//
// Common random numbers: both variants run replication k with the same seed, and the hall
// model draws each visitor's values from a stream of their own (hall.hpp), so a change of
// staffing leaves the arrivals and every visitor's service times as they were.

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "commands.hpp"
#include "hall_setup.hpp"
#include "hallsim/layout/diagnostics.hpp"
#include "report_text.hpp"

namespace hallsim::app {

namespace {

struct CompareOptions {
  std::string plan;
  std::string scenario_a;
  std::string scenario_b;
  std::vector<std::string> close;
  int days = 0;
  int replications = 30;
  std::uint64_t seed = 1;
  std::string first_day;
  std::string format = "text";
  std::string out_dir;
  unsigned threads = 0;
};

/// One KPI of both variants.
struct Comparison {
  std::string name;
  sim::Estimate a, b, difference;  ///< difference = B - A, paired by replication
  bool differs = false;            ///< the difference's 95% interval excludes zero
};

std::string fixed(double x, int digits) {
  if (std::isnan(x)) {
    return "-";
  }
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits) << x;
  return out.str();
}

std::string with_ci(const sim::Estimate& e, int digits, bool sign = false) {
  if (e.n == 0) {
    return "-";
  }
  std::string m = fixed(e.mean, digits);
  if (sign && e.mean >= 0) {
    m = "+" + m;
  }
  return m + " ± " + fixed(e.half_width, digits);
}

std::vector<Comparison> compare(const BatchResult& a, const BatchResult& b) {
  std::vector<Comparison> out;
  for (std::size_t i = 0; i < a.kpi_names.size(); ++i) {
    const auto it = std::find(b.kpi_names.begin(), b.kpi_names.end(), a.kpi_names[i]);
    if (it == b.kpi_names.end()) {
      continue;
    }
    const auto j = static_cast<std::size_t>(it - b.kpi_names.begin());
    Comparison c;
    c.name = a.kpi_names[i];
    c.a = a.estimate(i);
    c.b = b.estimate(j);
    std::vector<double> va, vb;
    for (std::size_t r = 0; r < a.kpi_values.size(); ++r) {
      const double x = a.kpi_values[r][i], y = b.kpi_values[r][j];
      if (std::isnan(x) || std::isnan(y)) {
        continue;
      }
      va.push_back(x);
      vb.push_back(y);
    }
    if (!va.empty()) {
      c.difference = sim::paired_difference(vb, va);
      c.differs = c.difference.n >= 2 && (c.difference.lower() > 0.0 || c.difference.upper() < 0.0);
    } else {
      c.difference = sim::Estimate{std::nan(""), 0.0, 0};
    }
    out.push_back(std::move(c));
  }
  return out;
}

/// Digits to show for a KPI: counts and peaks 1, waits 2, shares and rates 3.
int digits_of(const std::string& name) {
  if (name.find("share") != std::string::npos || name.find("utilisation") != std::string::npos ||
      name.find("rate") != std::string::npos) {
    return 3;
  }
  if (name.find("_min") != std::string::npos) {
    return 2;
  }
  return 1;
}

int run_compare(const CompareOptions& o) {
  const std::string b_file = o.scenario_b.empty() ? o.scenario_a : o.scenario_b;
  if (o.scenario_b.empty() && o.close.empty()) {
    std::cerr << "hallsim compare: give a second scenario, or --close with the counters the "
                 "second variant closes (e.g. --close c03)\n";
    return kExitBadInput;
  }
  LoadedHall a = load_hall(o.plan, o.scenario_a);
  LoadedHall b = load_hall(o.plan, b_file);
  std::string label_b = b_file;
  if (!o.close.empty()) {
    std::vector<layout::Diagnostic> unknown;
    for (const auto& c : o.close) {
      const bool known = std::any_of(b.hall.counters.begin(), b.hall.counters.end(),
                                     [&c](const sim::HallCounter& h) { return h.id == c; });
      if (!known) {
        unknown.push_back({"--close", "", "no counter '" + c + "' in " + o.plan,
                           "name counters by their ids in the plan"});
      }
    }
    if (!unknown.empty()) {
      throw layout::InputError(std::move(unknown));
    }
    for (const auto& c : o.close) {
      b.scenario.staffing.closed_counters.push_back(c);
    }
    std::string ids;
    for (const auto& c : o.close) {
      ids += (ids.empty() ? "" : ", ") + c;
    }
    label_b += " with " + ids + " closed";
  }
  sim::Weekday first_day = a.first_day.value_or(sim::Weekday::mon);
  if (!o.first_day.empty()) {
    for (int w = 0; w < sim::kWeekdays; ++w) {
      if (o.first_day == sim::to_string(static_cast<sim::Weekday>(w))) {
        first_day = static_cast<sim::Weekday>(w);
      }
    }
  }
  const int days = o.days > 0 ? o.days : std::max({1, a.replay_days, b.replay_days});
  const sim::HallModel model_a = build_hall_model(a.hall, a.scenario, o.scenario_a);
  const sim::HallModel model_b =
      build_hall_model(b.hall, b.scenario, o.close.empty() ? b_file : label_b);

  BatchSettings bs;
  bs.days = days;
  bs.replications = o.replications;
  bs.seed = o.seed;
  bs.first_day = first_day;
  bs.threads = o.threads;
  bs.progress_label = "simulating A";
  const BatchResult ra = run_batch(model_a, bs);
  bs.progress_label = "simulating B";
  const BatchResult rb = run_batch(model_b, bs);
  const std::vector<Comparison> cs = compare(ra, rb);

  nlohmann::ordered_json j;
  j["plan"] = o.plan;
  j["a"] = o.scenario_a;
  j["b"] = label_b;
  j["days"] = days;
  j["first_day"] = sim::to_string(first_day);
  j["replications"] = o.replications;
  j["seed"] = o.seed;
  j["common_random_numbers"] =
      "replication k of A and of B use the same seed; each visitor draws from a stream of their "
      "own, so both variants see the same visitors with the same service times";
  std::vector<std::string> notes = a.notes;
  for (const auto& n : model_a.notes()) {
    notes.push_back(n);
  }
  j["notes"] = notes;
  nlohmann::ordered_json k = nlohmann::ordered_json::object();
  for (const Comparison& c : cs) {
    k[c.name] = {{"a", estimate_json(c.a)},
                 {"b", estimate_json(c.b)},
                 {"b_minus_a", estimate_json(c.difference)},
                 {"differs", c.differs}};
  }
  j["kpis"] = std::move(k);
  if (!o.out_dir.empty()) {
    const std::filesystem::path dir(o.out_dir);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
      throw OutputError("cannot create the output folder " + o.out_dir + ": " + ec.message());
    }
    write_file_atomically(dir / "compare.json", j.dump(2) + "\n");
    std::string csv = "kpi,a_mean,a_ci95,b_mean,b_ci95,b_minus_a_mean,b_minus_a_ci95,differs\n";
    for (const Comparison& c : cs) {
      csv += c.name + "," + number_text(c.a.mean) + "," + number_text(c.a.half_width) + "," +
             number_text(c.b.mean) + "," + number_text(c.b.half_width) + "," +
             number_text(c.difference.mean) + "," + number_text(c.difference.half_width) + "," +
             (c.differs ? "yes" : "no") + "\n";
    }
    write_file_atomically(dir / "compare.csv", csv);
    write_file_atomically(dir / "replications_a.csv", replications_text(ra));
    write_file_atomically(dir / "replications_b.csv", replications_text(rb));
  }
  if (o.format == "json") {
    std::cout << j.dump(2) << "\n";
    return kExitOk;
  }

  std::cout << "hallsim compare: " << model_a.layout().name << "\n  A: " << o.scenario_a
            << "\n  B: " << label_b << "\n  " << days << (days == 1 ? " day" : " days") << " from "
            << sim::to_string(first_day) << ", " << o.replications << " replications, seed "
            << o.seed << "; the same visitors in A and B (common random numbers)\n"
            << "  B - A is the mean of the per-replication differences ± its 95% half-width;\n"
            << "  \"yes\" when that interval leaves out zero.\n";
  for (const auto& n : notes) {
    std::cout << "  note: " << n << "\n";
  }
  const std::vector<std::string> headline{"arrived",
                                          "served",
                                          "balked",
                                          "reneged",
                                          "missed_call",
                                          "sent_home",
                                          "wait_mean_min",
                                          "wait_p90_min",
                                          "wait_p95_min",
                                          "wait_max_min",
                                          "share_wait_over_15_min",
                                          "share_wait_over_30_min",
                                          "counter_utilisation",
                                          "peak_in_hall",
                                          "peak_waiting",
                                          "peak_standing",
                                          "bad_review_rate"};
  auto print = [&](const Comparison& c) {
    const int d = digits_of(c.name);
    std::cout << "  " << std::left << std::setw(46) << c.name << std::right << std::setw(18)
              << with_ci(c.a, d) << std::setw(18) << with_ci(c.b, d) << std::setw(20)
              << with_ci(c.difference, d, true) << std::setw(9) << (c.differs ? "yes" : "no")
              << "\n";
  };
  auto header = [&](const std::string& title) {
    std::cout << "\n"
              << std::left << std::setw(48) << title << std::right << std::setw(18) << "A"
              << std::setw(18) << "B" << std::setw(20) << "B - A" << std::setw(9) << "differs"
              << "\n";
  };
  header("Headline");
  for (const auto& name : headline) {
    for (const Comparison& c : cs) {
      if (c.name == name) {
        print(c);
      }
    }
  }
  header("Per item and counter type");
  for (const Comparison& c : cs) {
    const bool per_group = c.name.rfind("item.", 0) == 0 || c.name.rfind("counter_type.", 0) == 0;
    const bool wanted = c.name.ends_with(".wait_mean_min") || c.name.ends_with(".wait_p90_min") ||
                        c.name.ends_with(".utilisation");
    if (per_group && wanted) {
      print(c);
    }
  }
  header("Per counter");
  for (const Comparison& c : cs) {
    if (c.name.rfind("counter.", 0) == 0 && c.name.ends_with(".utilisation")) {
      print(c);
    }
  }
  if (!o.out_dir.empty()) {
    std::cout
        << "\nFiles in " << o.out_dir
        << ": compare.json, compare.csv (every KPI), replications_a.csv, replications_b.csv\n";
  }
  return kExitOk;
}

}  // namespace

void add_compare_command(CLI::App& app, CommandBody& chosen) {
  auto o = std::make_shared<CompareOptions>();
  CLI::App* cmd = app.add_subcommand(
      "compare",
      "Run the same visitors through two scenarios (or a staffing variant) and show the "
      "paired differences");
  cmd->add_option("plan", o->plan, "floor plan (JSON)")->required();
  cmd->add_option("scenario_a", o->scenario_a, "scenario A (JSON)")->required();
  cmd->add_option("scenario_b", o->scenario_b, "scenario B (JSON); default: A itself with --close");
  cmd->add_option("--close", o->close, "counters that variant B closes (ids, comma-separated)")
      ->delimiter(',');
  cmd->add_option("--days", o->days, "consecutive days per replication")->check(CLI::Range(1, 366));
  cmd->add_option("--replications", o->replications, "paired replications")
      ->check(CLI::Range(2, 1000000))
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "random seed")->capture_default_str();
  cmd->add_option("--first-day", o->first_day, "weekday of day 0 (mon..sun)")
      ->check(CLI::IsMember({"mon", "tue", "wed", "thu", "fri", "sat", "sun"}));
  cmd->add_option("--format", o->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--out", o->out_dir, "folder for compare.json, compare.csv and the replications");
  cmd->add_option("--threads", o->threads, "worker threads (default: every core)");
  cmd->callback([o, &chosen] {
    chosen = [o] { return run_reporting_errors("compare", [&o] { return run_compare(*o); }); };
  });
}

}  // namespace hallsim::app
