#include "hallsim/layout/scenario_loader.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <system_error>
#include <utility>
#include <vector>

#include "scenario_checks.hpp"
#include "scenario_json.hpp"
#include "schema_messages.hpp"

namespace hallsim::layout {

namespace {

constexpr const char* kWhat = "a scenario .json file";

std::size_t column_of(const TicketLog& log, const char* name) {
  for (std::size_t i = 0; i < log.columns.size(); ++i) {
    if (log.columns[i] == name) {
      return i + 1;
    }
  }
  return 0;
}

// Reads the log a scenario replays and checks its records against the catalogue; every
// problem goes to `problems` (the log's own diagnostics name the log).
void read_replay(const nlohmann::json& doc, const std::filesystem::path& base_dir,
                 const ScenarioLoadOptions& options, ScenarioFile& out, DiagnosticSink& sink,
                 std::vector<Diagnostic>& problems) {
  const auto replay = doc.find("replay");
  if (replay == doc.end()) {
    return;
  }
  const std::filesystem::path path =
      base_dir / std::filesystem::path(replay->at("ticket_log").get<std::string>());
  out.ticket_log = path.string();
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    sink.error("/replay/ticket_log", "the ticket log " + path.string() + " does not exist",
               "give its path relative to the scenario file's folder");
    return;
  }
  TicketLog log;
  try {
    log = load_ticket_log(path, options.max_log_bytes);
  } catch (const InputError& e) {
    problems.insert(problems.end(), e.diagnostics().begin(), e.diagnostics().end());
    return;
  }
  std::vector<std::string> items;
  for (const auto& item : out.scenario.catalogue.items) {
    items.push_back(item.id);
  }
  DiagnosticSink log_sink(path.string());
  const std::size_t item_column = column_of(log, "item");
  for (std::size_t i = 0; i < log.records.size(); ++i) {
    const std::string& item = log.records[i].item;
    if (std::find(items.begin(), items.end(), item) != items.end()) {
      continue;
    }
    if (log_sink.size() + 1 >= kMaxTicketLogDiagnostics) {
      log_sink.error("line " + std::to_string(log.lines[i]),
                     "more records name items that are not in the catalogue",
                     "fix the ones above first");
      break;
    }
    log_sink.error(
        "line " + std::to_string(log.lines[i]) + ", column " + std::to_string(item_column),
        "item \"" + item + "\" is not in the scenario's catalogue" +
            detail::did_you_mean(item, items),
        "add it to /catalogue/items, or correct the record; the items are: " +
            detail::joined(items));
  }
  const auto bad = detail::diagnostics_of(log_sink);
  problems.insert(problems.end(), bad.begin(), bad.end());
  if (out.first_day && *out.first_day != log.first_day) {
    sink.error(
        "/first_day",
        std::string("first_day is ") + sim::to_string(*out.first_day) +
            ", but the ticket log starts on " + to_string(log.first_date) + ", a " +
            sim::to_string(log.first_day),
        "set first_day to \"" + std::string(sim::to_string(log.first_day)) + "\" or leave it out");
  }
  out.first_day = log.first_day;
  out.scenario.replay.records = std::move(log.records);
}

}  // namespace

ScenarioFile parse_scenario_file(std::string_view json_text, const std::string& file,
                                 const std::filesystem::path& base_dir,
                                 const ScenarioLoadOptions& options) {
  DiagnosticSink sink(file);
  const auto text = detail::checked_utf8(json_text, kWhat, sink);
  if (!text) {
    sink.throw_if_any();
  }
  const auto doc = detail::parse_json_text(*text, kMaxScenarioNesting, sink);
  sink.throw_if_any();  // syntax errors and repeated keys

  detail::validate_against_schema(*doc, scenario_schema(), sink);
  sink.throw_if_any();

  ScenarioFile out;
  out.scenario = detail::convert_scenario(*doc, out.first_day, out.description, sink);
  std::vector<Diagnostic> log_problems;
  read_replay(*doc, base_dir, options, out, sink, log_problems);
  detail::check_scenario(out.scenario, sink);

  std::vector<Diagnostic> all = detail::diagnostics_of(sink);
  all.insert(all.end(), log_problems.begin(), log_problems.end());
  if (!all.empty()) {
    throw InputError(std::move(all));
  }
  return out;
}

ScenarioFile load_scenario_file(const std::filesystem::path& file,
                                const ScenarioLoadOptions& options) {
  DiagnosticSink sink(file.string());
  const auto text = detail::read_input_file(file, options.max_file_bytes, kWhat, sink);
  if (!text) {
    sink.throw_if_any();
  }
  return parse_scenario_file(*text, file.string(), file.parent_path(), options);
}

sim::Scenario load_scenario(const std::filesystem::path& file, const ScenarioLoadOptions& options) {
  return load_scenario_file(file, options).scenario;
}

}  // namespace hallsim::layout
