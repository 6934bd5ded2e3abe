#pragma once
/// \file
/// Glue between the loaded files and the hall model, shared by `hallsim simulate` and
/// `hallsim compare` (defined in cmd_simulate.cpp): the hall as the model sees it, built from
/// a floor plan; replications run on every core; KPI summaries; atomic output files.

#include <CLI/CLI.hpp>
#include <array>
#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.hpp"
#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/layout/plan.hpp"
#include "hallsim/render/charts.hpp"
#include "hallsim/sim/hall.hpp"
#include "hallsim/sim/scenario.hpp"
#include "hallsim/sim/stats.hpp"

namespace hallsim::app {

/// For each named spot of the model (sim::Spot), the plan element it was measured at.
using SpotElements = std::array<std::string, sim::kNamedSpots>;

/// The hall of a plan as the model sees it: counters, kiosks, ticket machines, seats, the
/// guidance desk, and walking distances from the plan's navigation grid. Sentences about
/// what was taken from where go to `notes`. Throws layout::InputError (naming `plan_file`)
/// when a place the visitors must reach has no walking route. `elements`, if given, receives
/// the plan element of each spot.
sim::HallLayout hall_layout_from_plan(const layout::Plan& plan, const std::string& plan_file,
                                      std::vector<std::string>& notes,
                                      SpotElements* elements = nullptr);

/// Builds the model, turning the model's own ScenarioError into a layout::InputError that
/// names `scenario_file` and the pointer of every problem.
sim::HallModel build_hall_model(sim::HallLayout hall, sim::Scenario scenario,
                                const std::string& scenario_file);

/// A plan and a scenario loaded and set against each other.
struct LoadedHall {
  sim::HallLayout hall;
  sim::Scenario scenario;
  std::optional<sim::Weekday> first_day;  ///< from the scenario file, if it says
  int replay_days = 0;                    ///< days covered by replayed records (0: no replay)
  SpotElements spot_elements;             ///< plan element of each spot
  std::vector<std::string> notes;
};

/// Loads PLAN and SCENARIO (throws layout::InputError for bad input).
LoadedHall load_hall(const std::string& plan_file, const std::string& scenario_file);

/// How many replications to run, and how.
struct BatchSettings {
  int days = 1;
  int replications = 30;
  std::uint64_t seed = 1;
  sim::Weekday first_day = sim::Weekday::mon;
  unsigned threads = 0;        ///< 0: every hardware thread
  bool trace_first = false;    ///< keep the trace of replication 0
  bool series = false;         ///< average the 15-minute series over replications
  bool wait_minutes = false;   ///< count the waits of every replication by minute
  std::string progress_label;  ///< non-empty: a progress bar on stderr when it is a terminal
};

/// One 15-minute bin averaged over replications (a replication without the bin counts zero).
struct AveragedBin {
  double start = 0.0;
  double arrivals = 0.0;
  double mean_waiting = 0.0;
  double max_waiting = 0.0;
  double mean_standing = 0.0;
  double mean_open_counters = 0.0;
  double calls = 0.0;
  double wait_sum = 0.0;  ///< seconds, over all replications (mean wait = wait_sum / total calls)
  double total_calls = 0.0;
  double max_wait = 0.0;  ///< seconds, the largest of any replication (NaN: no call)
};

/// What a batch of replications yields.
struct BatchResult {
  std::vector<std::string> kpi_names;
  std::vector<std::vector<double>> kpi_values;  ///< [replication][kpi]
  std::vector<AveragedBin> series;
  sim::HallResult first;  ///< replication 0 (with its trace when asked)
  /// Waits of all replications by minute (BatchSettings::wait_minutes): element k counts the
  /// waits in (k, k + 1] minutes, element 0 also waits of 0.
  std::vector<std::uint64_t> wait_minutes;
  double seconds = 0.0;  ///< wall-clock time of the batch
  std::uint64_t visitors = 0;

  /// Mean and 95% t interval of one KPI over the replications where it was measured.
  sim::Estimate estimate(std::size_t kpi) const;
  /// The KPI's values (NaN where not measured).
  std::vector<double> values(std::size_t kpi) const;
};

/// Runs replications 0 .. R-1 of `model` on several threads; the results are the same
/// whatever the number of threads.
BatchResult run_batch(const sim::HallModel& model, const BatchSettings& settings);

/// An output file or folder that cannot be written (the user's folder, so exit code 2).
class OutputError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Writes `text` to `file` through a temporary file in the same folder and a rename, so the
/// file is never seen half-written. Throws OutputError naming the file on failure.
void write_file_atomically(const std::filesystem::path& file, const std::string& text);

/// A number as files write it: shortest round-trip form; NaN as "" (CSV) or null (JSON).
std::string number_text(double x);

/// "Wed 14:05:30" style clock time of a simulation time, day 0 being `first_day`.
std::string day_clock(double t, sim::Weekday first_day);

/// Index of a KPI by name (every run of a model lists the same names).
std::size_t kpi_index(const BatchResult& batch, const std::string& name);

/// {"mean", "ci95_half_width", "n"} of an estimate (mean null when nothing was measured).
nlohmann::ordered_json estimate_json(const sim::Estimate& e);

/// The trace of one run as CSV (one line per record) or JSON Lines; `elements` names the plan
/// element of each spot (may be null).
std::string trace_text(const sim::HallModel& model, const sim::HallResult& result,
                       sim::Weekday first_day, bool jsonl, const SpotElements* elements);
/// The averaged 15-minute series as CSV.
std::string series_text(const BatchResult& batch, sim::Weekday first_day);
/// One line per replication, one column per KPI.
std::string replications_text(const BatchResult& batch);

/// Prints every diagnostic of `e` on stderr; returns kExitBadInput.
int report_input_error(const layout::InputError& e);

/// The three charts of a batch (cmd_simulate_charts.cpp): the first day's 15-minute series
/// (needs BatchSettings::series), the waits of every replication (needs wait_minutes) with the
/// 15-minute target and the mean P90, each counter's utilisation with its interval.
struct BatchCharts {
  render::QueueChartData queue;
  render::WaitChartData waits;
  render::UtilisationChartData utilisation;
};
BatchCharts batch_charts(const sim::HallModel& model, const BatchResult& batch,
                         const BatchSettings& settings);

/// Draws `charts` into `folder` as chart-queue.png, chart-waits.png, chart-utilisation.png
/// (each written atomically) and returns the file names. Throws layout::InputError for a folder
/// that cannot be written or a font that cannot be read, OutputError without an X display.
std::vector<std::string> write_batch_charts(const BatchCharts& charts,
                                            const std::filesystem::path& folder);

/// `hallsim simulate`.
void add_simulate_command(CLI::App& app, CommandBody& chosen);
/// `hallsim compare`.
void add_compare_command(CLI::App& app, CommandBody& chosen);

}  // namespace hallsim::app
