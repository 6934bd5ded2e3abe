// `hallsim simulate --charts DIR`: a batch of replications turned into the numbers of the three
// charts, and the charts drawn into the folder.

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "hall_setup.hpp"
#include "hallsim/render/picture.hpp"

namespace hallsim::app {

namespace {

/// The wait target of the charts: the hall model counts waits over 15 minutes.
constexpr double kTargetMinutes = 15.0;

const char* day_name(sim::Weekday day) {
  static constexpr std::array<const char*, sim::kWeekdays> kNames{
      "周一 Mon", "周二 Tue", "周三 Wed", "周四 Thu", "周五 Fri", "周六 Sat", "周日 Sun"};
  return kNames[static_cast<std::size_t>(day)];
}

std::string runs_text(int replications) {
  return replications == 1 ? std::string("1 run") : std::to_string(replications) + " runs";
}

std::string thousands(std::uint64_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) {
    digits.insert(static_cast<std::size_t>(i), ",");
  }
  return digits;
}

layout::CounterType counter_type(const std::string& spelling) {
  for (int i = 0; i <= static_cast<int>(layout::CounterType::other); ++i) {
    const auto type = static_cast<layout::CounterType>(i);
    if (spelling == layout::to_string(type)) {
      return type;
    }
  }
  return layout::CounterType::other;
}

render::QueueChartData queue_chart(const sim::HallModel& model, const BatchResult& batch,
                                   const BatchSettings& settings, const std::string& hall) {
  render::QueueChartData d;
  d.subtitle = hall + " · " + day_name(settings.first_day) +
               (settings.days > 1 ? " (day 1 of " + std::to_string(settings.days) + ")" : "") +
               " · mean of " + runs_text(settings.replications) + ", seed " +
               std::to_string(settings.seed);
  d.bin_hours = 0.25;  // the model's series step, 900 s
  for (const AveragedBin& a : batch.series) {
    if (a.start < sim::kDaySeconds) {
      d.bins.push_back(
          {a.start / sim::kHourSeconds, a.mean_waiting, a.max_waiting, a.mean_open_counters});
    }
  }
  const sim::DayHours& hours =
      model.scenario().calendar.days[static_cast<std::size_t>(settings.first_day)];
  if (hours.open && hours.has_lunch_break) {
    d.lunch.push_back(
        {hours.lunch_break.begin / sim::kHourSeconds, hours.lunch_break.end / sim::kHourSeconds});
  }
  return d;
}

render::WaitChartData wait_chart(const BatchResult& batch, const BatchSettings& settings,
                                 const std::string& hall) {
  render::WaitChartData d;
  const std::vector<std::uint64_t>& minutes = batch.wait_minutes;
  std::uint64_t total = 0;
  std::uint64_t over = 0;
  for (std::size_t k = 0; k < minutes.size(); ++k) {
    total += minutes[k];
    if (static_cast<double>(k) >= kTargetMinutes) {  // element k: (k, k + 1] minutes
      over += minutes[k];
    }
  }
  d.subtitle =
      hall + " · every wait of " + runs_text(settings.replications) + " (" + thousands(total) +
      " calls) · bars: " +
      (settings.replications * settings.days == 1 ? "one day" : "per day, mean of the runs") +
      " · P90: mean of the runs' P90";
  d.target_minutes = kTargetMinutes;
  d.share_over_target = total > 0 ? static_cast<double>(over) / static_cast<double>(total) : 0.0;
  const sim::Estimate p90 = batch.estimate(kpi_index(batch, "wait_p90_min"));
  if (p90.n > 0) {
    d.p90_minutes = p90.mean;
  }
  // Bars up to where 99% of the waits end (at least twice the target), wider on a long axis.
  std::uint64_t cumulative = 0;
  std::size_t p99 = 0;
  while (p99 < minutes.size() &&
         static_cast<double>(cumulative + minutes[p99]) < 0.99 * static_cast<double>(total)) {
    cumulative += minutes[p99];
    ++p99;
  }
  const double wanted = std::max(2.0 * kTargetMinutes, static_cast<double>(p99 + 1));
  d.bin_minutes = wanted <= 60.0 ? 1.0 : wanted <= 180.0 ? 5.0 : 15.0;
  const double round_to = d.bin_minutes == 1.0 ? 5.0 : d.bin_minutes == 5.0 ? 30.0 : 60.0;
  const auto bars =
      static_cast<std::size_t>(std::ceil(wanted / round_to) * round_to / d.bin_minutes);
  const auto width = static_cast<std::size_t>(d.bin_minutes);
  const double days = static_cast<double>(settings.replications) * settings.days;
  d.counts.assign(bars, 0.0);
  for (std::size_t k = 0; k < minutes.size(); ++k) {
    const std::size_t bar = k / width;
    if (bar < bars) {
      d.counts[bar] += static_cast<double>(minutes[k]) / days;
    } else {
      d.longer += static_cast<double>(minutes[k]) / days;
    }
  }
  return d;
}

render::UtilisationChartData utilisation_chart(const sim::HallModel& model,
                                               const BatchResult& batch,
                                               const BatchSettings& settings,
                                               const std::string& hall) {
  render::UtilisationChartData d;
  d.subtitle = hall + " · mean over " + runs_text(settings.replications) + " of " +
               std::to_string(settings.days) + (settings.days == 1 ? " day" : " days") +
               ", with the 95% interval of the mean";
  for (const sim::HallCounter& c : model.layout().counters) {
    const sim::Estimate e = batch.estimate(kpi_index(batch, "counter." + c.id + ".utilisation"));
    d.counters.push_back({c.number.empty() ? c.id : c.number, counter_type(c.type),
                          e.n > 0 ? e.mean : std::nan(""), e.n > 1 ? e.half_width : 0.0});
  }
  const sim::Estimate all = batch.estimate(kpi_index(batch, "counter_utilisation"));
  if (all.n > 0) {
    d.overall = all.mean;
  }
  return d;
}

}  // namespace

BatchCharts batch_charts(const sim::HallModel& model, const BatchResult& batch,
                         const BatchSettings& settings) {
  // Scenario names often begin with the hall's name: say it once.
  const std::string& site = model.layout().name;
  const std::string& scenario = model.scenario().name;
  const std::string hall = scenario.rfind(site, 0) == 0 ? scenario : site + " · " + scenario;
  return {queue_chart(model, batch, settings, hall), wait_chart(batch, settings, hall),
          utilisation_chart(model, batch, settings, hall)};
}

std::vector<std::string> write_batch_charts(const BatchCharts& charts,
                                            const std::filesystem::path& folder) {
  try {
    render::save_png(render::draw_queue_chart(charts.queue).image, folder / "chart-queue.png");
    render::save_png(render::draw_wait_chart(charts.waits).image, folder / "chart-waits.png");
    render::save_png(render::draw_utilisation_chart(charts.utilisation).image,
                     folder / "chart-utilisation.png");
  } catch (const render::RenderError& e) {
    throw OutputError(std::string("cannot draw the charts: ") + e.what());
  }
  return {"chart-queue.png", "chart-waits.png", "chart-utilisation.png"};
}

}  // namespace hallsim::app
