#pragma once
/// \file
/// Demand scenarios (format: docs/scenario-format.md) and ticket logs: reading and checking
/// them, setting a scenario against a floor plan, and writing a scenario fitted to a log.
///
/// A scenario file mirrors sim::Scenario field by field, so that a JSON pointer such as
/// /catalogue/items/2/service_time/mean names the same value in the file, in the struct and
/// in the hall model's own messages. Clock times are written "HH:MM" in the file and held
/// as seconds after midnight in the struct.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/layout/plan.hpp"
#include "hallsim/sim/fit.hpp"
#include "hallsim/sim/scenario.hpp"

namespace hallsim::layout {

/// Largest scenario file read (4 MiB); a hall's scenario is a few tens of kilobytes.
inline constexpr std::uintmax_t kMaxScenarioFileBytes = std::uintmax_t{4} * 1024 * 1024;
/// Largest ticket log read (256 MiB: years of records of a large hall).
inline constexpr std::uintmax_t kMaxTicketLogBytes = std::uintmax_t{256} * 1024 * 1024;
/// Deepest nesting of arrays and objects accepted in a scenario (a scenario needs 5).
inline constexpr int kMaxScenarioNesting = 16;
/// A ticket log reports at most this many bad lines; the rest are counted in one last line.
inline constexpr std::size_t kMaxTicketLogDiagnostics = 50;

/// Settings of the scenario and ticket-log readers.
struct ScenarioLoadOptions {
  std::uintmax_t max_file_bytes = kMaxScenarioFileBytes;
  std::uintmax_t max_log_bytes = kMaxTicketLogBytes;
};

/// A calendar date.
struct Date {
  int year = 1970;
  int month = 1;  ///< 1 to 12
  int day = 1;    ///< 1 to 31

  friend bool operator==(const Date&, const Date&) = default;
};

/// Days from 1970-01-01 to `date` (negative before), proleptic Gregorian calendar.
std::int64_t days_since_epoch(const Date& date);
/// The date `days` after 1970-01-01.
Date date_from_days(std::int64_t days);
/// The weekday of `date`.
sim::Weekday weekday_of(const Date& date);
/// "YYYY-MM-DD".
std::string to_string(const Date& date);

/// A ticket log as read: the records and where each came from.
struct TicketLog {
  /// In file order; `day` counts from first_date, times are clock times of that day.
  std::vector<sim::TicketRecord> records;
  /// The file line (from 1) of each record, for messages about a record.
  std::vector<std::size_t> lines;
  /// The header's column names, in file order.
  std::vector<std::string> columns;
  Date first_date;                             ///< the earliest date in the log
  sim::Weekday first_day = sim::Weekday::mon;  ///< its weekday
  int days = 0;                                ///< last date - first date + 1
};

/// Reads a ticket-log CSV (columns date, ticket_time, item and optionally call_time,
/// finish_time, counter, ticket; see docs/scenario-format.md). Throws InputError naming every
/// bad line and column (at most kMaxTicketLogDiagnostics, then a count of the rest).
TicketLog load_ticket_log(const std::filesystem::path& file,
                          std::uintmax_t max_bytes = kMaxTicketLogBytes);
/// Same as load_ticket_log for text already in memory; `file` is only used in messages.
TicketLog parse_ticket_log(std::string_view csv_text, const std::string& file = "<ticket log>");
/// Writes records as a ticket-log CSV that parse_ticket_log reads back: times rounded to whole
/// seconds, day d dated first_date + d. `comment` lines (without '#') go first.
std::string write_ticket_log(const std::vector<sim::TicketRecord>& records, const Date& first_date,
                             const std::vector<std::string>& comment = {});

/// A scenario file as read: the scenario and what the file says beside it.
struct ScenarioFile {
  sim::Scenario scenario;
  /// The weekday of a run's day 0: the file's "first_day", else the weekday of the replayed
  /// log's first date, else none (the caller chooses).
  std::optional<sim::Weekday> first_day;
  std::string description;
  /// The replayed ticket log as opened (relative to the scenario's folder); empty if none.
  std::string ticket_log;
};

/// Reads, validates (JSON Schema, then meaning) and builds the scenario in `file`, reading the
/// ticket log it replays, if any. Throws InputError listing every problem found, each with the
/// file and a JSON pointer (or the log's line and column).
ScenarioFile load_scenario_file(const std::filesystem::path& file,
                                const ScenarioLoadOptions& options = {});
/// Same as load_scenario_file for JSON text already in memory; `file` is only used in
/// messages, and a replayed log's path is taken relative to `base_dir`.
ScenarioFile parse_scenario_file(std::string_view json_text, const std::string& file = "<scenario>",
                                 const std::filesystem::path& base_dir = {},
                                 const ScenarioLoadOptions& options = {});
/// The scenario alone (load_scenario_file(file).scenario).
sim::Scenario load_scenario(const std::filesystem::path& file,
                            const ScenarioLoadOptions& options = {});

/// The JSON Schema of the format (docs/scenario.schema.json, embedded at build time).
std::string_view scenario_schema();

/// Where a scenario does not fit a plan: counters it names that the plan lacks, items no
/// counter of the plan may serve, kiosk shares without kiosks, consultations without a
/// guidance desk. Each diagnostic names `scenario_file` and a pointer into the scenario.
std::vector<Diagnostic> scenario_plan_mismatches(const sim::Scenario& scenario, const Plan& plan,
                                                 const std::string& scenario_file,
                                                 const std::string& plan_name = "the plan");
/// Throws InputError with scenario_plan_mismatches, if there are any.
void check_scenario_against_plan(const sim::Scenario& scenario, const Plan& plan,
                                 const std::string& scenario_file,
                                 const std::string& plan_name = "the plan");

/// Expected walk-in arrivals of demand entry `index` on `day`, as the hall model draws them:
/// each hour's rate times the part of the hour the doors are open (open_time to the later of
/// close_time and extended_until); a daily total as given on open days.
double expected_walk_ins(const sim::Scenario& scenario, std::size_t index, sim::Weekday day);
/// Expected walk-in arrivals of every item together on `day`.
double expected_walk_ins(const sim::Scenario& scenario, sim::Weekday day);
/// Booking places of appointment slots on `day` (slots x bookings per slot), before the
/// booked share and no-shows.
int appointment_places(const sim::Scenario& scenario, sim::Weekday day);

/// A scenario file (JSON text) holding what a fit of a ticket log found: the calendar the
/// rates assume, each item's fitted service time and its hourly arrival rates (form
/// hourly_rate). Items keep the default counter type, "general"; the file loads as it is.
std::string fitted_scenario_json(const sim::TicketLogFit& fit, const sim::Calendar& calendar,
                                 const std::string& name, sim::Weekday first_day);

}  // namespace hallsim::layout
