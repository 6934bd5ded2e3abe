// `hallsim simulate PLAN SCENARIO`: simulated days at a hall, over replications, with KPIs
// and their 95% intervals, a 15-minute time series and the per-visitor trace. Also the glue
// of hall_setup.hpp, which `hallsim compare` shares.

#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cassert>
#include <charconv>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "commands.hpp"
#include "hall_setup.hpp"
#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/layout/loader.hpp"
#include "hallsim/layout/navigation.hpp"
#include "hallsim/layout/scenario_loader.hpp"
#include "report_text.hpp"

namespace hallsim::app {

// ------------------------------------------------------------------ the hall of a plan

namespace {

const layout::Place* find_place(const std::vector<layout::Place>& places, layout::PlaceKind kind) {
  for (const auto& p : places) {
    if (p.kind == kind) {
      return &p;
    }
  }
  return nullptr;
}

}  // namespace

sim::HallLayout hall_layout_from_plan(const layout::Plan& plan, const std::string& plan_file,
                                      std::vector<std::string>& notes, SpotElements* elements) {
  sim::HallLayout hall;
  hall.name = plan.site().name;
  for (const layout::Counter& c : plan.counters()) {
    hall.counters.push_back({c.id, c.number, layout::to_string(c.type)});
  }
  hall.kiosks = static_cast<int>(plan.kiosks().size());
  hall.ticket_machines = 0;
  const layout::Amenity* ticketing = nullptr;
  for (const layout::Amenity& a : plan.amenities()) {
    if (a.kind != layout::AmenityKind::ticketing) {
      continue;
    }
    hall.ticket_machines += a.count;
    if (ticketing == nullptr) {
      ticketing = &a;
    }
  }
  hall.seats = plan.seat_count();
  hall.guidance_desk = std::any_of(plan.desks().begin(), plan.desks().end(), [](const auto& d) {
    return d.kind == layout::DeskKind::guidance;
  });

  // Walking distances on the plan's navigation grid between the places of the visitor's path.
  const layout::NavGraph nav =
      layout::NavGraph::build(plan, layout::NavSettings{.source_name = plan_file});
  const std::vector<layout::Place> all = nav.simulation_places();
  const layout::Place* entrance = find_place(all, layout::PlaceKind::entrance);
  const layout::Place* desk = find_place(all, layout::PlaceKind::guidance_desk);
  std::vector<layout::Place> places;
  places.push_back(*entrance);
  places.push_back(desk != nullptr ? *desk : *entrance);
  if (ticketing != nullptr) {
    places.push_back(
        layout::Place{ticketing->id, layout::PlaceKind::point, ticketing->position, {}});
  } else {
    places.push_back(places[1]);
  }
  // Kiosks: the first one in the hall itself (not in a 24-hour room), else the first.
  const layout::Place* kiosk = nullptr;
  for (const layout::Kiosk& k : plan.kiosks()) {
    for (const auto& p : all) {
      if (p.kind == layout::PlaceKind::kiosk && p.name == k.id &&
          (kiosk == nullptr || !k.hours_24)) {
        if (kiosk == nullptr || !k.hours_24) {
          kiosk = &p;
        }
      }
    }
    if (kiosk != nullptr && !k.hours_24) {
      break;
    }
  }
  places.push_back(kiosk != nullptr ? *kiosk : places[1]);
  // The waiting area: the largest row of seats.
  const layout::SeatRow* row = nullptr;
  for (const layout::SeatRow& r : plan.seat_rows()) {
    if (row == nullptr || r.seats > row->seats) {
      row = &r;
    }
  }
  const layout::Place* seats = nullptr;
  for (const auto& p : all) {
    if (row != nullptr && p.kind == layout::PlaceKind::seat_row && p.name == row->id) {
      seats = &p;
    }
  }
  places.push_back(seats != nullptr ? *seats : places[1]);
  places.push_back(*entrance);  // visitors leave by the main door
  for (const layout::Counter& c : plan.counters()) {
    for (const auto& p : all) {
      if (p.kind == layout::PlaceKind::counter && p.name == c.id) {
        places.push_back(p);
      }
    }
  }
  const layout::WalkingTimes walking = nav.walking_times(places);
  hall.walking = sim::WalkingDistances(hall.counters.size());
  std::vector<layout::Diagnostic> unreachable;
  for (std::size_t a = 0; a < places.size(); ++a) {
    for (std::size_t b = a + 1; b < places.size(); ++b) {
      const double d =
          walking.distances(static_cast<Eigen::Index>(a), static_cast<Eigen::Index>(b));
      if (!std::isfinite(d)) {
        if (a == 0) {
          unreachable.push_back({plan_file, "",
                                 "no walking route from the main entrance to " + places[b].name,
                                 "open a way (door or passage) to it"});
        }
        continue;
      }
      hall.walking.set(a, b, d);
    }
  }
  if (!unreachable.empty()) {
    throw layout::InputError(std::move(unreachable));
  }
  notes.push_back("walking distances from the plan's navigation grid (any-angle, " +
                  number_text(nav.settings().cell_size) + " m cells) between: entrance " +
                  places[0].name + ", guidance desk " + places[1].name + ", ticket machine " +
                  (ticketing != nullptr ? places[2].name : "none (at " + places[2].name + ")") +
                  ", kiosks at " + places[3].name + ", waiting area at " + places[4].name +
                  ", the counters' customer sides; visitors leave by the main entrance");
  // Crowding slows walks: the model needs the floor people stand on. The grid's walkable cells
  // are where a person's centre fits (0.40 m clear of walls and furniture), so their area is the
  // floor left for moving about.
  const double cell = nav.settings().cell_size;
  hall.walkable_area = static_cast<double>(nav.vertex_count()) * cell * cell;
  notes.push_back("walks slow down as the hall fills (SFPE speed-density) over " +
                  std::to_string(std::lround(hall.walkable_area)) +
                  " m² of walkable floor (navigation cells a person fits in)");
  if (elements != nullptr) {
    for (std::size_t i = 0; i < sim::kNamedSpots; ++i) {
      (*elements)[i] = places[i].name;
    }
  }
  return hall;
}

sim::HallModel build_hall_model(sim::HallLayout hall, sim::Scenario scenario,
                                const std::string& scenario_file) {
  try {
    return {std::move(hall), std::move(scenario)};
  } catch (const sim::ScenarioError& e) {
    std::vector<layout::Diagnostic> d;
    for (const auto& p : e.problems()) {
      d.push_back({scenario_file, p.pointer, p.message, p.hint});
    }
    throw layout::InputError(std::move(d));
  }
}

LoadedHall load_hall(const std::string& plan_file, const std::string& scenario_file) {
  const layout::Plan plan = layout::load_plan(plan_file);
  layout::ScenarioFile sf = layout::load_scenario_file(scenario_file);
  layout::check_scenario_against_plan(sf.scenario, plan, scenario_file, plan_file);
  LoadedHall loaded;
  loaded.hall = hall_layout_from_plan(plan, plan_file, loaded.notes, &loaded.spot_elements);
  loaded.first_day = sf.first_day;
  for (const auto& r : sf.scenario.replay.records) {
    loaded.replay_days = std::max(loaded.replay_days, r.day + 1);
  }
  if (!sf.ticket_log.empty()) {
    loaded.notes.push_back("arrivals replayed from " + sf.ticket_log);
  }
  loaded.scenario = std::move(sf.scenario);
  return loaded;
}

// ------------------------------------------------------------------ replications

namespace {

/// A progress bar on stderr, only when stderr is a terminal.
class Progress {
 public:
  Progress(std::string label, std::size_t total)
      : label_(std::move(label)),
        total_(total),
        on_(!label_.empty() && isatty(STDERR_FILENO) == 1) {}
  void show(std::size_t done) {
    if (!on_) {
      return;
    }
    const int width = 30;
    const auto filled = static_cast<int>(width * done / std::max<std::size_t>(total_, 1));
    std::cerr << "\r" << label_ << " [" << std::string(static_cast<std::size_t>(filled), '#')
              << std::string(static_cast<std::size_t>(width - filled), '.') << "] " << done << "/"
              << total_ << std::flush;
  }
  void done() {
    if (on_) {
      std::cerr << "\r" << std::string(label_.size() + 50, ' ') << "\r" << std::flush;
    }
  }

 private:
  std::string label_;
  std::size_t total_;
  bool on_;
};

}  // namespace

sim::Estimate BatchResult::estimate(std::size_t kpi) const {
  std::vector<double> v;
  for (const auto& rep : kpi_values) {
    if (!std::isnan(rep[kpi])) {
      v.push_back(rep[kpi]);
    }
  }
  if (v.empty()) {
    return sim::Estimate{std::numeric_limits<double>::quiet_NaN(), 0.0, 0};
  }
  return sim::t_interval(v);
}

std::vector<double> BatchResult::values(std::size_t kpi) const {
  std::vector<double> v;
  for (const auto& rep : kpi_values) {
    v.push_back(rep[kpi]);
  }
  return v;
}

namespace {

/// Waits counted by minute: element k holds the waits in (k, k + 1] minutes (0 in element 0).
std::vector<std::uint64_t> waits_by_minute(const sim::Quantiles& waits) {
  const std::size_t n = waits.count();
  std::vector<std::uint64_t> counts;
  std::uint64_t below = 0;  // waits of at most k minutes
  while (below < n) {
    const double share = waits.fraction_at_most(60.0 * static_cast<double>(counts.size() + 1));
    const auto upto = static_cast<std::uint64_t>(std::llround(share * static_cast<double>(n)));
    counts.push_back(upto - below);
    below = upto;
  }
  return counts;
}

}  // namespace

BatchResult run_batch(const sim::HallModel& model, const BatchSettings& settings) {
  const auto start = std::chrono::steady_clock::now();
  const auto n = static_cast<std::size_t>(settings.replications);
  BatchResult out;
  out.kpi_values.resize(n);
  std::vector<std::vector<sim::SeriesBin>> series(settings.series ? n : 0);
  std::vector<std::vector<std::uint64_t>> minutes(settings.wait_minutes ? n : 0);
  std::vector<std::uint64_t> visitors(n, 0);
  unsigned threads = settings.threads > 0 ? settings.threads : std::thread::hardware_concurrency();
  threads = std::max(1U, std::min<unsigned>(threads, static_cast<unsigned>(n)));
  std::atomic<std::size_t> next{0}, finished{0};
  std::mutex first_mutex;
  std::vector<std::string> names;
  auto work = [&] {
    for (std::size_t rep = next++; rep < n; rep = next++) {
      sim::RunSettings rs;
      rs.days = settings.days;
      rs.first_day = settings.first_day;
      rs.seed = settings.seed;
      rs.replication = rep;
      rs.record_trace = settings.trace_first && rep == 0;
      rs.record_series = settings.series;
      sim::HallResult r = model.run(rs);
      const std::vector<sim::Kpi> k = model.kpis(r);
      std::vector<double> values(k.size());
      for (std::size_t i = 0; i < k.size(); ++i) {
        values[i] = k[i].value;
      }
      out.kpi_values[rep] = std::move(values);
      visitors[rep] = r.arrived;
      if (settings.series) {
        series[rep] = std::move(r.series);
      }
      if (settings.wait_minutes) {
        minutes[rep] = waits_by_minute(r.waits.quantiles);
      }
      if (rep == 0) {
        const std::lock_guard<std::mutex> lock(first_mutex);
        for (const auto& x : k) {
          names.push_back(x.name);
        }
        out.first = std::move(r);
      }
      ++finished;
    }
  };
  Progress progress(settings.progress_label, n);
  if (threads == 1) {
    work();
  } else {
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) {
      pool.emplace_back(work);
    }
    // The main thread only watches; the workers take replications one at a time.
    while (finished.load() < n) {
      progress.show(finished.load());
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    for (auto& t : pool) {
      t.join();
    }
  }
  progress.show(n);
  progress.done();
  out.kpi_names = std::move(names);
  for (const auto& rep : minutes) {  // whole numbers: the sum is the same in any order
    out.wait_minutes.resize(std::max(out.wait_minutes.size(), rep.size()), 0);
    for (std::size_t k = 0; k < rep.size(); ++k) {
      out.wait_minutes[k] += rep[k];
    }
  }
  for (auto v : visitors) {
    out.visitors += v;
  }

  // Averages in replication order, so the sums are the same whatever the threads did.
  if (settings.series) {
    std::map<double, AveragedBin> bins;
    for (const auto& rep : series) {
      for (const sim::SeriesBin& b : rep) {
        AveragedBin& a = bins[b.start];
        a.start = b.start;
        a.arrivals += b.arrivals;
        a.mean_waiting += b.mean_waiting;
        a.max_waiting += b.max_waiting;
        a.mean_standing += b.mean_standing;
        a.mean_open_counters += b.mean_open_counters;
        a.calls += b.calls;
        if (b.calls > 0) {
          a.wait_sum += b.mean_wait * b.calls;
          a.total_calls += b.calls;
          a.max_wait = std::max(a.max_wait, b.max_wait);
        }
      }
    }
    const auto r = static_cast<double>(n);
    for (auto& [t, a] : bins) {
      a.arrivals /= r;
      a.mean_waiting /= r;
      a.max_waiting /= r;
      a.mean_standing /= r;
      a.mean_open_counters /= r;
      a.calls /= r;
      if (a.total_calls == 0) {
        a.max_wait = std::numeric_limits<double>::quiet_NaN();
      }
      out.series.push_back(a);
    }
  }
  out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return out;
}

// ------------------------------------------------------------------ files

void write_file_atomically(const std::filesystem::path& file, const std::string& text) {
  std::filesystem::path tmp = file;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    out.flush();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(tmp, ignored);
      throw OutputError("cannot write " + file.string() +
                        ": check that the folder exists and is writable");
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, file, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    throw OutputError("cannot write " + file.string() + ": " + ec.message());
  }
}

std::string number_text(double x) {
  if (std::isnan(x)) {
    return "";
  }
  if (std::isinf(x)) {
    return x > 0 ? "inf" : "-inf";
  }
  std::array<char, 64> buf{};
  const auto res = std::to_chars(buf.data(), buf.data() + buf.size(), x);
  return {buf.data(), res.ptr};
}

std::string day_clock(double t, sim::Weekday first_day) {
  const auto day = static_cast<long>(std::floor(t / sim::kDaySeconds));
  const double clock = t - static_cast<double>(day) * sim::kDaySeconds;
  const auto wd = static_cast<sim::Weekday>((static_cast<long>(first_day) + day) % sim::kWeekdays);
  const long s = std::lround(std::floor(clock));
  std::ostringstream out;
  out << "d" << day << " " << sim::to_string(wd) << " " << std::setw(2) << std::setfill('0')
      << s / 3600 << ":" << std::setw(2) << (s % 3600) / 60 << ":" << std::setw(2) << s % 60;
  return out.str();
}

// ------------------------------------------------------------------ simulate

namespace {

struct SimulateOptions {
  std::string plan;
  std::string scenario;
  int days = 0;  // 0: 1, or the replayed log's days
  int replications = 30;
  std::uint64_t seed = 1;
  std::string out_dir;
  std::string format = "text";
  std::string trace_format = "csv";
  std::string first_day;
  unsigned threads = 0;
  std::string charts_dir;  // empty: no charts
};

std::string fixed(double x, int digits) {
  if (std::isnan(x)) {
    return "-";
  }
  std::ostringstream out;
  out << std::fixed << std::setprecision(digits) << x;
  return out.str();
}

/// `s` padded with spaces to `width` terminal columns; CJK characters take two columns.
std::string pad(const std::string& s, std::size_t width) {
  std::size_t columns = 0;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    // Three-byte sequences from U+2E80 on (CJK, full-width forms) are wide.
    const bool wide =
        len >= 3 &&
        (len == 4 || c > 0xE2 ||
         (c == 0xE2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0xBA));
    columns += wide ? 2 : 1;
    i += len;
  }
  return columns >= width ? s + " " : s + std::string(width - columns, ' ');
}

std::string with_ci(const sim::Estimate& e, int digits) {
  if (e.n == 0) {
    return "-";
  }
  return fixed(e.mean, digits) + " ± " + fixed(e.half_width, digits);
}

std::optional<sim::Weekday> parse_weekday(const std::string& s) {
  for (int w = 0; w < sim::kWeekdays; ++w) {
    if (s == sim::to_string(static_cast<sim::Weekday>(w))) {
      return static_cast<sim::Weekday>(w);
    }
  }
  return std::nullopt;
}

std::string detail_text(const sim::TraceRecord& r) {
  switch (r.event) {
    case sim::TraceEvent::ticket:
      return r.detail == 0 ? "appointment" : r.detail == 1 ? "priority" : "normal";
    case sim::TraceEvent::wait:
      return r.detail == 1 ? "standing" : "seated";
    case sim::TraceEvent::service_end:
      return r.detail == 0 ? "done" : r.detail == 1 ? "missing_materials" : "cannot_be_done";
    case sim::TraceEvent::kiosk_start:
      return r.detail == 1 ? "helped" : "alone";
    case sim::TraceEvent::review:
      return r.detail == 1 ? "bad" : "good";
    case sim::TraceEvent::leave:
      return sim::to_string(static_cast<sim::Outcome>(r.detail));
    case sim::TraceEvent::counter_open:
    case sim::TraceEvent::counter_close:
      return sim::to_string(static_cast<sim::CounterChange>(r.detail));
    default:
      return "";
  }
}

std::string place_text(const sim::HallModel& model, const sim::TraceRecord& r) {
  if (r.spot == sim::Spot::counter && r.counter >= 0) {
    return model.layout().counters[static_cast<std::size_t>(r.counter)].id;
  }
  return sim::to_string(r.spot);
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) {
    return s;
  }
  std::string q = "\"";
  for (char c : s) {
    q += c == '"' ? std::string("\"\"") : std::string(1, c);
  }
  return q + "\"";
}

}  // namespace

/// The trace of one run as CSV (one line per record) or JSON Lines.
std::string trace_text(const sim::HallModel& model, const sim::HallResult& r,
                       sim::Weekday first_day, bool jsonl, const SpotElements* elements) {
  std::string out;
  if (!jsonl) {
    out = "time_s,clock,visitor,event,place,element,queue,ticket,detail,duration_s,seat\n";
  }
  // The plan element standing for a place: a counter's id, or what the spot was measured at.
  auto element_of = [&](const sim::TraceRecord& e) -> std::string {
    if (e.spot == sim::Spot::counter) {
      return place_text(model, e);
    }
    if (elements == nullptr) {
      return {};
    }
    return (*elements)[static_cast<std::size_t>(e.spot)];
  };
  for (const sim::TraceRecord& e : r.trace) {
    const std::string queue =
        e.queue >= 0 ? model.queue_name(static_cast<std::size_t>(e.queue)) : std::string();
    if (jsonl) {
      nlohmann::ordered_json j;
      j["t"] = e.time;
      j["clock"] = day_clock(e.time, first_day);
      if (e.visitor != sim::kNoVisitor) {
        j["visitor"] = e.visitor;
      }
      j["event"] = sim::to_string(e.event);
      j["place"] = place_text(model, e);
      if (const std::string el = element_of(e); !el.empty()) {
        j["element"] = el;
      }
      if (!queue.empty()) {
        j["queue"] = queue;
      }
      if (e.ticket > 0) {
        j["ticket"] = e.ticket;
      }
      const std::string d = detail_text(e);
      if (!d.empty()) {
        j["detail"] = d;
      }
      if (e.event == sim::TraceEvent::walk) {
        j["duration"] = e.duration;
      }
      if (e.seat >= 0) {
        j["seat"] = e.seat;
      }
      out += j.dump();
      out += '\n';
    } else {
      out += number_text(e.time) + "," + day_clock(e.time, first_day) + "," +
             (e.visitor != sim::kNoVisitor ? std::to_string(e.visitor) : std::string()) + "," +
             sim::to_string(e.event) + "," + csv_field(place_text(model, e)) + "," +
             csv_field(element_of(e)) + "," + csv_field(queue) + "," +
             (e.ticket > 0 ? std::to_string(e.ticket) : std::string()) + "," + detail_text(e) +
             "," + (e.event == sim::TraceEvent::walk ? number_text(e.duration) : std::string()) +
             "," + (e.seat >= 0 ? std::to_string(e.seat) : std::string()) + "\n";
    }
  }
  return out;
}

/// The averaged 15-minute series as CSV.
std::string series_text(const BatchResult& b, sim::Weekday first_day) {
  std::string out =
      "start_s,clock,arrivals,mean_waiting,max_waiting,mean_standing,mean_open_counters,calls,"
      "mean_wait_min,max_wait_min\n";
  for (const AveragedBin& a : b.series) {
    out += number_text(a.start) + "," + day_clock(a.start, first_day) + "," +
           number_text(a.arrivals) + "," + number_text(a.mean_waiting) + "," +
           number_text(a.max_waiting) + "," + number_text(a.mean_standing) + "," +
           number_text(a.mean_open_counters) + "," + number_text(a.calls) + "," +
           number_text(a.total_calls > 0 ? a.wait_sum / a.total_calls / 60.0
                                         : std::numeric_limits<double>::quiet_NaN()) +
           "," + number_text(a.max_wait / 60.0) + "\n";
  }
  return out;
}

/// One line per replication, one column per KPI.
std::string replications_text(const BatchResult& b) {
  std::string out = "replication";
  for (const auto& n : b.kpi_names) {
    out += ',';
    out += n;
  }
  out += "\n";
  for (std::size_t r = 0; r < b.kpi_values.size(); ++r) {
    out += std::to_string(r);
    for (double v : b.kpi_values[r]) {
      out += ',';
      out += number_text(v);
    }
    out += "\n";
  }
  return out;
}

nlohmann::ordered_json estimate_json(const sim::Estimate& e) {
  nlohmann::ordered_json j;
  j["mean"] = e.n > 0 ? nlohmann::ordered_json(e.mean) : nlohmann::ordered_json(nullptr);
  j["ci95_half_width"] = e.half_width;
  j["n"] = e.n;
  return j;
}

/// Index of a KPI by name (every run lists the same names).
std::size_t kpi_index(const BatchResult& b, const std::string& name) {
  const auto it = std::find(b.kpi_names.begin(), b.kpi_names.end(), name);
  assert(it != b.kpi_names.end());
  return static_cast<std::size_t>(it - b.kpi_names.begin());
}

nlohmann::ordered_json summary_json(const sim::HallModel& model, const BatchResult& b,
                                    const BatchSettings& bs,
                                    const std::vector<std::string>& notes) {
  nlohmann::ordered_json j;
  j["hall"] = model.layout().name;
  j["seats"] = model.layout().seats;
  j["scenario"] = model.scenario().name;
  j["days"] = bs.days;
  j["first_day"] = sim::to_string(bs.first_day);
  j["replications"] = bs.replications;
  j["seed"] = bs.seed;
  j["notes"] = notes;
  nlohmann::ordered_json k = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < b.kpi_names.size(); ++i) {
    k[b.kpi_names[i]] = estimate_json(b.estimate(i));
  }
  j["kpis"] = std::move(k);
  return j;
}

namespace {

/// The text report: headline figures, then per item, per counter type and per counter.
void print_report(std::ostream& out, const sim::HallModel& model, const BatchResult& b,
                  const BatchSettings& bs, const std::vector<std::string>& notes,
                  const std::string& out_dir, const std::string& trace_file) {
  auto est = [&](const std::string& name) { return b.estimate(kpi_index(b, name)); };
  out << "hallsim simulate: " << model.layout().name << ", scenario \"" << model.scenario().name
      << "\"\n  " << bs.days << (bs.days == 1 ? " day" : " days") << " from "
      << sim::to_string(bs.first_day) << ", " << bs.replications << " replications, seed "
      << bs.seed << "; figures per run: mean ± 95% confidence half-width\n";
  for (const auto& n : notes) {
    out << "  note: " << n << "\n";
  }
  const int w = 36;
  auto row = [&](const std::string& label, const std::string& value) {
    out << "  " << std::left << std::setw(w) << label << value << "\n";
  };
  out << "\nVisitors\n";
  row("arrived", with_ci(est("arrived"), 1));
  row("served (counter or kiosk)", with_ci(est("served"), 1));
  row("balked (left without a ticket)", with_ci(est("balked"), 1));
  row("reneged (left the queue)", with_ci(est("reneged"), 1));
  row("missed their call", with_ci(est("missed_call"), 1));
  row("sent home at closing", with_ci(est("sent_home"), 1));
  row("still inside at the end", with_ci(est("inside_at_end"), 1));
  row("appointments", with_ci(est("appointments"), 1));
  row("consultations", with_ci(est("consultations"), 1));
  row("kiosk visits", with_ci(est("kiosk_visits"), 1));
  row("failed for missing materials", with_ci(est("missing_materials"), 1));
  row("sent to complaints", with_ci(est("complaints"), 1));
  if (std::find(b.kpi_names.begin(), b.kpi_names.end(), "replay_outside_hours") !=
      b.kpi_names.end()) {
    row("replayed records outside hours", with_ci(est("replay_outside_hours"), 1));
  }
  out << "\nWaits from ticket to call (minutes)\n";
  row("mean", with_ci(est("wait_mean_min"), 2));
  row("P50", with_ci(est("wait_p50_min"), 2));
  row("P90", with_ci(est("wait_p90_min"), 2));
  row("P95", with_ci(est("wait_p95_min"), 2));
  row("max", with_ci(est("wait_max_min"), 2));
  row("share over 15 min", with_ci(est("share_wait_over_15_min"), 3));
  row("share over 30 min", with_ci(est("share_wait_over_30_min"), 3));
  row("kiosk wait, mean", with_ci(est("kiosk_wait_mean_min"), 2));
  out << "\nHall\n";
  row("counter utilisation", with_ci(est("counter_utilisation"), 3));
  row("peak people in the hall", with_ci(est("peak_in_hall"), 1));
  row("peak people waiting", with_ci(est("peak_waiting"), 1));
  row("peak people standing (seats: " + std::to_string(model.layout().seats) + ")",
      with_ci(est("peak_standing"), 1));
  row("bad-review rate", with_ci(est("bad_review_rate"), 4));

  auto table = [&](const std::string& title, const std::vector<std::string>& prefixes,
                   const std::vector<std::string>& labels, bool utilisation) {
    out << "\n"
        << title << "\n  " << std::left << std::setw(26) << "" << std::right << std::setw(9)
        << "tickets" << std::setw(16) << "mean wait" << std::setw(16) << "P90" << std::setw(16)
        << "P95" << std::setw(9) << "max" << std::setw(9) << ">15min";
    if (utilisation) {
      out << std::setw(16) << "utilisation";
    }
    out << "\n";
    for (std::size_t i = 0; i < prefixes.size(); ++i) {
      const std::string& p = prefixes[i];
      out << "  " << pad(labels[i], 26) << std::right << std::setw(9)
          << fixed(est(p + "tickets_called").mean, 1) << std::setw(16)
          << with_ci(est(p + "wait_mean_min"), 1) << std::setw(16)
          << with_ci(est(p + "wait_p90_min"), 1) << std::setw(16)
          << with_ci(est(p + "wait_p95_min"), 1) << std::setw(9)
          << fixed(est(p + "wait_max_min").mean, 1) << std::setw(9)
          << fixed(est(p + "share_wait_over_15_min").mean, 3);
      if (utilisation) {
        out << std::setw(16) << with_ci(est(p + "utilisation"), 3);
      }
      out << "\n";
    }
  };
  std::vector<std::string> prefixes, labels;
  for (std::size_t q = 0; q < model.queue_count(); ++q) {
    prefixes.push_back("item." + model.queue_name(q) + ".");
    labels.push_back(model.queue_name(q));  // ids: names can be long
  }
  table("Per item (minutes)", prefixes, labels, false);
  prefixes.clear();
  labels.clear();
  for (const auto& t : model.counter_types()) {
    prefixes.push_back("counter_type." + t + ".");
    labels.push_back(t);
  }
  table("Per counter type (minutes)", prefixes, labels, true);
  out << "\nPer counter\n";
  for (const auto& c : model.layout().counters) {
    const std::string p = "counter." + c.id + ".";
    row(c.id + " (" + c.type + ")", "utilisation " + with_ci(est(p + "utilisation"), 3) +
                                        ", staffed " + fixed(est(p + "open_hours").mean, 2) + " h");
  }
  if (!out_dir.empty()) {
    out << "\nFiles in " << out_dir << ": summary.json, replications.csv, series.csv (15-minute "
        << "bins, mean over replications), " << trace_file << " (replication 0)\n";
  }
}

int run_simulate(const SimulateOptions& o) {
  LoadedHall loaded = load_hall(o.plan, o.scenario);
  sim::Weekday first_day = loaded.first_day.value_or(sim::Weekday::mon);
  if (!o.first_day.empty()) {
    first_day = *parse_weekday(o.first_day);
  }
  const int days = o.days > 0 ? o.days : std::max(1, loaded.replay_days);
  const sim::HallModel model = build_hall_model(loaded.hall, loaded.scenario, o.scenario);
  std::vector<std::string> notes = loaded.notes;
  for (const auto& n : model.notes()) {
    notes.push_back(n);
  }

  BatchSettings bs;
  bs.days = days;
  bs.replications = o.replications;
  bs.seed = o.seed;
  bs.first_day = first_day;
  bs.threads = o.threads;
  bs.trace_first = !o.out_dir.empty();
  bs.series = !o.out_dir.empty() || !o.charts_dir.empty();
  bs.wait_minutes = !o.charts_dir.empty();
  bs.progress_label = "simulating";
  if (!o.charts_dir.empty()) {  // before simulating, so that a bad folder costs no waiting
    std::error_code ec;
    std::filesystem::create_directories(o.charts_dir, ec);
    if (ec || !std::filesystem::is_directory(o.charts_dir)) {
      std::cerr << "hallsim simulate: cannot create the chart folder " << o.charts_dir << ": "
                << (ec ? ec.message() : std::string("a file of that name is in the way"))
                << "; choose a folder you may write to\n";
      return kExitBadInput;
    }
  }
  const BatchResult b = run_batch(model, bs);
  std::vector<std::string> charts;
  if (!o.charts_dir.empty()) {
    charts = write_batch_charts(batch_charts(model, b, bs), o.charts_dir);
  }

  if (!o.out_dir.empty()) {
    const std::filesystem::path dir(o.out_dir);
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) {
      std::cerr << "hallsim simulate: cannot create the output folder " << o.out_dir << ": "
                << ec.message() << "\n";
      return kExitBadInput;
    }
    const bool jsonl = o.trace_format == "jsonl";
    write_file_atomically(dir / (jsonl ? "trace.jsonl" : "trace.csv"),
                          trace_text(model, b.first, first_day, jsonl, &loaded.spot_elements));
    write_file_atomically(dir / "series.csv", series_text(b, first_day));
    write_file_atomically(dir / "replications.csv", replications_text(b));
  }

  const std::string trace_file = o.trace_format == "jsonl" ? "trace.jsonl" : "trace.csv";
  nlohmann::ordered_json summary = summary_json(model, b, bs, notes);
  nlohmann::ordered_json places = nlohmann::ordered_json::object();
  for (std::size_t i = 0; i < sim::kNamedSpots; ++i) {
    places[sim::to_string(static_cast<sim::Spot>(i))] = loaded.spot_elements[i];
  }
  summary["places"] = std::move(places);
  if (!o.out_dir.empty()) {
    write_file_atomically(std::filesystem::path(o.out_dir) / "summary.json",
                          summary.dump(2) + "\n");
  }
  if (o.format == "json") {
    std::cout << summary.dump(2) << "\n";
  } else {
    print_report(std::cout, model, b, bs, notes, o.out_dir, trace_file);
    if (!charts.empty()) {
      std::cout << "Charts in " << o.charts_dir << ":";
      for (const auto& c : charts) {
        std::cout << " " << c;
      }
      std::cout << "\n";
    }
  }
  if (isatty(STDERR_FILENO) == 1) {
    std::cerr << "simulated " << b.visitors << " visitors in " << fixed(b.seconds, 2) << " s ("
              << fixed(static_cast<double>(b.visitors) / std::max(b.seconds, 1e-9), 0)
              << " visitors/s)\n";
  }
  return kExitOk;
}

}  // namespace

}  // namespace hallsim::app

namespace hallsim::app {

/// Reports bad input the way every command does: one line per problem on stderr.
int report_input_error(const layout::InputError& e) {
  for (const auto& d : e.diagnostics()) {
    std::cerr << layout::format_diagnostic(d) << "\n";
  }
  return kExitBadInput;
}

void add_simulate_command(CLI::App& app, CommandBody& chosen) {
  auto o = std::make_shared<SimulateOptions>();
  CLI::App* cmd = app.add_subcommand(
      "simulate", "Simulate days at a hall: visitors, queues, waits, utilisation, reviews");
  cmd->add_option("plan", o->plan, "floor plan (JSON)")->required();
  cmd->add_option("scenario", o->scenario, "demand scenario (JSON)")->required();
  cmd->add_option("--days", o->days,
                  "consecutive days per replication (default 1, or the replayed log's days)")
      ->check(CLI::Range(1, 366));
  cmd->add_option("--replications", o->replications, "independent replications")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "random seed")->capture_default_str();
  cmd->add_option("--out", o->out_dir,
                  "folder for summary.json, replications.csv, series.csv and the trace");
  cmd->add_option("--format", o->format, "report on stdout: text or json")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  cmd->add_option("--trace-format", o->trace_format, "per-visitor trace: csv or jsonl")
      ->check(CLI::IsMember({"csv", "jsonl"}))
      ->capture_default_str();
  cmd->add_option("--first-day", o->first_day,
                  "weekday of day 0 (mon..sun; default: the scenario's, else mon)")
      ->check(CLI::IsMember({"mon", "tue", "wed", "thu", "fri", "sat", "sun"}));
  cmd->add_option("--threads", o->threads, "worker threads (default: every core)");
  cmd->add_option("--charts", o->charts_dir,
                  "folder for chart-queue.png, chart-waits.png and chart-utilisation.png "
                  "(drawn with an X display: run under xvfb-run -a on a server)");
  cmd->callback([o, &chosen] {
    chosen = [o] { return run_reporting_errors("simulate", [&o] { return run_simulate(*o); }); };
  });
}

}  // namespace hallsim::app
