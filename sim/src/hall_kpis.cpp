// The figures of a run, flattened to named values for replication summaries.

#include <array>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "hall_compiled.hpp"
#include "hallsim/sim/hall.hpp"

namespace hallsim::sim {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

double ratio(double a, double b) {
  return b > 0.0 ? a / b : kNaN;
}

/// Mean, quantiles, max and the shares over 15 and 30 minutes of a group of waits, in minutes.
void add_waits(std::vector<Kpi>& out, const std::string& prefix, const WaitStats& w) {
  const bool any = w.tally.count() > 0;
  static constexpr std::array<double, 3> kPs{0.5, 0.9, 0.95};
  const std::vector<double> q = any ? w.quantiles.quantiles(kPs) : std::vector<double>(3, kNaN);
  out.push_back({prefix + "tickets_called", static_cast<double>(w.tally.count())});
  out.push_back({prefix + "wait_mean_min", any ? w.tally.mean() / 60.0 : kNaN});
  out.push_back({prefix + "wait_p50_min", q[0] / 60.0});
  out.push_back({prefix + "wait_p90_min", q[1] / 60.0});
  out.push_back({prefix + "wait_p95_min", q[2] / 60.0});
  out.push_back({prefix + "wait_max_min", any ? w.tally.max() / 60.0 : kNaN});
  const auto n = static_cast<double>(w.tally.count());
  out.push_back({prefix + "share_wait_over_15_min", ratio(static_cast<double>(w.over_15), n)});
  out.push_back({prefix + "share_wait_over_30_min", ratio(static_cast<double>(w.over_30), n)});
}

}  // namespace

std::vector<Kpi> HallModel::kpis(const HallResult& r) const {
  std::vector<Kpi> out;
  auto count = [&out](const char* name, std::uint64_t v) {
    out.push_back({name, static_cast<double>(v)});
  };
  count("arrived", r.arrived);
  count("served", r.served);
  count("balked", r.balked);
  count("reneged", r.reneged);
  count("missed_call", r.missed_call);
  count("sent_home", r.sent_home);
  count("inside_at_end", r.inside);
  count("appointments", r.appointments);
  count("consultations", r.consultations);
  count("kiosk_visits", r.kiosk_visits);
  count("missing_materials", r.missing_materials);
  count("complaints", r.complaints);
  count("returns", r.returns);
  count("returns_pending", r.returns_pending);
  if (!c_->replay.empty()) {
    count("replay_outside_hours", r.replay_outside_hours);
  }
  add_waits(out, "", r.waits);
  out.push_back(
      {"kiosk_wait_mean_min", r.kiosk_waits.count() > 0 ? r.kiosk_waits.mean() / 60.0 : kNaN});
  double busy = 0.0, open = 0.0;
  for (std::size_t c = 0; c < r.counter_busy.size(); ++c) {
    busy += r.counter_busy[c];
    open += r.counter_open[c];
  }
  out.push_back({"counter_utilisation", ratio(busy, open)});
  out.push_back({"peak_in_hall", static_cast<double>(r.peak_in_hall)});
  out.push_back({"peak_waiting", static_cast<double>(r.peak_waiting)});
  out.push_back({"peak_standing", static_cast<double>(r.peak_standing)});
  out.push_back({"bad_review_rate",
                 ratio(static_cast<double>(r.bad_reviews), static_cast<double>(r.reviews))});
  for (std::size_t q = 0; q < r.queue_waits.size(); ++q) {
    add_waits(out, "item." + c_->queue_names[q] + ".", r.queue_waits[q]);
  }
  for (std::size_t t = 0; t < r.counter_type_waits.size(); ++t) {
    const std::string prefix = "counter_type." + c_->counter_types[t] + ".";
    add_waits(out, prefix, r.counter_type_waits[t]);
    double tb = 0.0, to = 0.0;
    for (std::size_t c = 0; c < r.counter_busy.size(); ++c) {
      if (c_->counter_type_of[c] != t) {
        continue;
      }
      tb += r.counter_busy[c];
      to += r.counter_open[c];
    }
    out.push_back({prefix + "utilisation", ratio(tb, to)});
  }
  for (std::size_t c = 0; c < r.counter_busy.size(); ++c) {
    const std::string prefix = "counter." + c_->layout.counters[c].id + ".";
    out.push_back({prefix + "utilisation", ratio(r.counter_busy[c], r.counter_open[c])});
    out.push_back({prefix + "open_hours", r.counter_open[c] / 3600.0});
  }
  return out;
}

}  // namespace hallsim::sim
