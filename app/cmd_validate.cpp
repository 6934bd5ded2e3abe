// `hallsim validate PLAN`: loads a floor plan and says whether it is valid, or lists every
// problem with its place in the file and what to change.

#include <array>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/layout/loader.hpp"

namespace hallsim::app {

void add_validate_command(CLI::App& app, CommandBody& chosen);

namespace {

// Square metres with one decimal, without a trailing ".0".
std::string format_area(double square_metres) {
  std::array<char, 32> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%.1f", square_metres);
  std::string text = buffer.data();
  if (text.size() > 2 && text.compare(text.size() - 2, 2, ".0") == 0) {
    text.resize(text.size() - 2);
  }
  return text;
}

int run_validate(const std::string& file) {
  try {
    const layout::Plan plan = layout::load_plan(file);
    std::cout << file << ": valid (" << layout::to_string(plan.site().level) << " '"
              << plan.site().name << "', " << plan.zones().size() << " zones, "
              << plan.counters().size() << " counters, area " << format_area(plan.building_area())
              << " m²)\n";
    return kExitOk;
  } catch (const layout::InputError& e) {
    for (const layout::Diagnostic& d : e.diagnostics()) {
      std::cerr << layout::format_diagnostic(d) << '\n';
    }
    return kExitBadInput;
  }
}

}  // namespace

void add_validate_command(CLI::App& app, CommandBody& chosen) {
  auto file = std::make_shared<std::string>();
  CLI::App* cmd = app.add_subcommand(
      "validate",
      "Check a floor plan (JSON, docs/floorplan-format.md): exit 0 if valid, else list every "
      "problem with its JSON pointer and what to change, and exit 2");
  cmd->add_option("plan", *file, "the floor-plan file")->required();
  cmd->callback([file, &chosen] { chosen = [file] { return run_validate(*file); }; });
}

}  // namespace hallsim::app
