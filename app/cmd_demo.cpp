// `hallsim demo`: the engine's own demonstration. A day at a hall whose visitors take a
// ticket and wait for one of a few identical windows, simulated over replications with
// common random numbers, and set beside the steady-state Erlang C figures.

#include <cstdint>
#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "commands.hpp"
#include "hallsim/sim/engine.hpp"
#include "hallsim/sim/queueing.hpp"
#include "hallsim/sim/random.hpp"
#include "hallsim/sim/resource.hpp"
#include "hallsim/sim/stats.hpp"

namespace hallsim::app {
namespace {

/// The demonstration hall; times in minutes.
struct DemoSettings {
  int windows = 5;
  double arrivals_per_hour = 48.0;
  double service_minutes = 5.5;
  double open_minutes = 510.0;  // 8:30 to 17:00
  double target_minutes = 15.0;
  int replications = 30;
  std::uint64_t seed = 1;
  std::string format = "text";
};

/// What one simulated day yields.
struct DayResult {
  double arrived = 0;
  double mean_wait = 0;
  double p90_wait = 0;
  double share_waited = 0;
  double share_over_target = 0;
  double utilisation = 0;
  double mean_waiting = 0;
  double last_departure = 0;
};

/// One day: Poisson arrivals while the hall is open, exponential service, one FIFO line.
/// Visitors holding a ticket at closing are still served.
class DemoDay {
 public:
  DemoDay(const DemoSettings& s, const sim::RandomSource& source, std::uint64_t day)
      : s_(s),
        windows_(sim_, s.windows),
        arrivals_(source.stream("arrivals", day)),
        service_(source.stream("service", day)),
        gap_(60.0 / s.arrivals_per_hour),
        duration_(s.service_minutes) {}

  DayResult run() {
    sim_.schedule_at(gap_(arrivals_), [this] { arrive(); });
    sim_.run();
    const double end = sim_.now();
    DayResult r;
    r.arrived = static_cast<double>(waits_.count());
    r.mean_wait = wait_tally_.count() > 0 ? wait_tally_.mean() : 0.0;
    r.p90_wait = waits_.count() > 0 ? waits_.quantile(0.9) : 0.0;
    r.share_waited = r.arrived > 0 ? static_cast<double>(waited_) / r.arrived : 0.0;
    r.share_over_target = r.arrived > 0 ? 1.0 - waits_.fraction_at_most(s_.target_minutes) : 0.0;
    r.utilisation = end > 0 ? busy_.mean(end) / s_.windows : 0.0;
    r.mean_waiting = end > 0 ? waiting_.mean(end) : 0.0;
    r.last_departure = end;
    return r;
  }

 private:
  void arrive() {
    const sim::Time ticket_time = sim_.now();
    waiting_.add(ticket_time, 1.0);
    windows_.request([this, ticket_time] { start_service(ticket_time); });
    const sim::Time next = ticket_time + gap_(arrivals_);
    if (next < s_.open_minutes) sim_.schedule_at(next, [this] { arrive(); });
  }

  void start_service(sim::Time ticket_time) {
    const sim::Time now = sim_.now();
    const double wait = now - ticket_time;
    waits_.add(wait);
    wait_tally_.add(wait);
    if (wait > 0.0) ++waited_;
    waiting_.add(now, -1.0);
    busy_.add(now, 1.0);
    sim_.schedule_in(duration_(service_), [this] { finish_service(); });
  }

  void finish_service() {
    busy_.add(sim_.now(), -1.0);
    windows_.release();
  }

  const DemoSettings& s_;
  sim::Simulation sim_;
  sim::ServerPool windows_;
  sim::RandomStream arrivals_;
  sim::RandomStream service_;
  sim::Exponential gap_;
  sim::Exponential duration_;
  sim::Quantiles waits_;
  sim::Tally wait_tally_;
  sim::TimeWeighted busy_;
  sim::TimeWeighted waiting_;
  std::uint64_t waited_ = 0;
};

std::string fixed(double x, int digits) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits) << x;
  return out.str();
}

std::string with_ci(const sim::Estimate& e, int digits) {
  return fixed(e.mean, digits) + " ± " + fixed(e.half_width, digits);
}

int run_demo(const DemoSettings& s) {
  const sim::RandomSource source(s.seed);
  sim::Replications arrived, mean_wait, p90, waited, over, util, waiting, end;
  for (int day = 0; day < s.replications; ++day) {
    DemoDay d(s, source, static_cast<std::uint64_t>(day));
    const DayResult r = d.run();
    arrived.add(r.arrived);
    mean_wait.add(r.mean_wait);
    p90.add(r.p90_wait);
    waited.add(r.share_waited);
    over.add(r.share_over_target);
    util.add(r.utilisation);
    waiting.add(r.mean_waiting);
    end.add(r.last_departure);
  }
  const double lambda = s.arrivals_per_hour / 60.0;
  const sim::MmcQueue erlang(lambda, 1.0 / s.service_minutes, s.windows);

  if (s.format == "json") {
    auto est = [](const sim::Estimate& e) {
      return nlohmann::ordered_json{{"mean", e.mean}, {"ci95_half_width", e.half_width}, {"n", e.n}};
    };
    nlohmann::ordered_json j;
    j["hall"] = {{"windows", s.windows},
                 {"arrivals_per_hour", s.arrivals_per_hour},
                 {"service_minutes_mean", s.service_minutes},
                 {"open_minutes", s.open_minutes},
                 {"replications", s.replications},
                 {"seed", s.seed}};
    j["simulated"] = {{"visitors", est(arrived.estimate())},
                      {"mean_wait_min", est(mean_wait.estimate())},
                      {"p90_wait_min", est(p90.estimate())},
                      {"share_waiting", est(waited.estimate())},
                      {"share_over_target", est(over.estimate())},
                      {"window_utilisation", est(util.estimate())},
                      {"mean_people_waiting", est(waiting.estimate())},
                      {"last_departure_min", est(end.estimate())}};
    j["erlang_c_steady_state"] = {{"offered_load_erlangs", erlang.offered_load()},
                                  {"utilisation", erlang.utilisation()},
                                  {"probability_of_waiting", erlang.prob_wait()},
                                  {"mean_wait_min", erlang.mean_wait()},
                                  {"p90_wait_min", erlang.wait_quantile(0.9)},
                                  {"share_over_target", erlang.prob_wait_exceeds(s.target_minutes)}};
    std::cout << j.dump(2) << "\n";
    return kExitOk;
  }

  std::cout << "hallsim demo: a day at a hall with " << s.windows << " identical windows\n"
            << "  visitors arrive at random (Poisson), " << fixed(s.arrivals_per_hour, 1)
            << " per hour, for " << fixed(s.open_minutes, 0) << " minutes of opening;\n"
            << "  service takes " << fixed(s.service_minutes, 1)
            << " minutes on average (exponential); one ticket line, first come first served;\n"
            << "  visitors holding a ticket at closing are still served.\n"
            << "  " << s.replications << " simulated days, seed " << s.seed
            << "; figures are the mean over days ± the 95% confidence half-width.\n\n";
  const int w = 34;
  std::cout << std::left << std::setw(w) << "" << std::setw(20) << "simulated day"
            << "Erlang C (steady state)\n";
  auto row = [&](const std::string& name, const std::string& a, const std::string& b) {
    std::cout << std::left << std::setw(w) << name << std::setw(20) << a << b << "\n";
  };
  row("visitors per day", with_ci(arrived.estimate(), 1),
      fixed(s.arrivals_per_hour * s.open_minutes / 60.0, 1));
  row("window utilisation", with_ci(util.estimate(), 3), fixed(erlang.utilisation(), 3));
  row("share who wait at all", with_ci(waited.estimate(), 3),
      fixed(erlang.prob_wait(), 3));
  row("mean wait (min)", with_ci(mean_wait.estimate(), 2), fixed(erlang.mean_wait(), 2));
  row("90th percentile wait (min)", with_ci(p90.estimate(), 2),
      fixed(erlang.wait_quantile(0.9), 2));
  row("share waiting over " + fixed(s.target_minutes, 0) + " min", with_ci(over.estimate(), 3),
      fixed(erlang.prob_wait_exceeds(s.target_minutes), 3));
  row("mean people waiting", with_ci(waiting.estimate(), 2), fixed(erlang.mean_queue_length(), 2));
  std::cout << "\nA day starts with an empty hall, so its waits run below the steady-state "
               "Erlang C figures,\nwhich describe a hall that has been busy for a long time. "
               "Utilisation is measured up to the last departure.\n";
  return kExitOk;
}

}  // namespace

void add_demo_command(CLI::App& app, CommandBody& chosen) {
  auto settings = std::make_shared<DemoSettings>();
  CLI::App* cmd = app.add_subcommand(
      "demo", "Simulate days at a small hall with identical windows and compare with Erlang C");
  cmd->add_option("--windows", settings->windows, "number of open windows")
      ->check(CLI::Range(1, 200))
      ->capture_default_str();
  cmd->add_option("--arrivals-per-hour", settings->arrivals_per_hour, "mean visitors per hour")
      ->check(CLI::Range(0.1, 10000.0))
      ->capture_default_str();
  cmd->add_option("--service-minutes", settings->service_minutes, "mean service time (minutes)")
      ->check(CLI::Range(0.1, 600.0))
      ->capture_default_str();
  cmd->add_option("--replications", settings->replications, "simulated days")
      ->check(CLI::Range(2, 100000))
      ->capture_default_str();
  cmd->add_option("--seed", settings->seed, "random seed")->capture_default_str();
  cmd->add_option("--format", settings->format, "text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->callback([settings, &chosen] { chosen = [settings] { return run_demo(*settings); }; });
}

}  // namespace hallsim::app
