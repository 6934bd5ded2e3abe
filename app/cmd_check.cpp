// `hallsim check PLAN [--format text|json|markdown] [--plan-only]`: the plan against every
// clause of the standard, with status, obligation, level and evidence (docs/compliance.md).
// Exit 0 when no "shall" fails, 1 when one does, 2 on bad input.

#include <iostream>
#include <memory>
#include <string>

#include "commands.hpp"
#include "hallsim/layout/access.hpp"
#include "hallsim/layout/compliance.hpp"
#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/layout/egress.hpp"
#include "hallsim/layout/loader.hpp"
#include "hallsim/layout/navigation.hpp"

namespace hallsim::app {

void add_check_command(CLI::App& app, CommandBody& chosen);

namespace {

struct CheckSettings {
  std::string plan;
  std::string format = "text";
  bool plan_only = false;
};

layout::ReportFormat format_of(const std::string& name) {
  if (name == "json") {
    return layout::ReportFormat::json;
  }
  if (name == "markdown") {
    return layout::ReportFormat::markdown;
  }
  return layout::ReportFormat::text;
}

int run_check(const CheckSettings& settings) {
  try {
    const layout::Plan plan = layout::load_plan(settings.plan);
    layout::ComplianceReport report;
    if (settings.plan_only) {
      report = layout::check_compliance(plan, settings.plan);
    } else {
      // The wheelchair routes and egress limits of 4.4.1.2 need the navigation grid.
      const layout::NavGraph graph = layout::NavGraph::build(plan);
      const layout::SupplementaryEvidence routes =
          layout::route_evidence(layout::check_access(graph), layout::check_egress(graph));
      report = layout::check_compliance(plan, settings.plan, {}, &routes);
    }
    std::cout << layout::format_report(report, format_of(settings.format));
    return report.shall_failed() ? kExitFindings : kExitOk;
  } catch (const layout::InputError& e) {
    for (const layout::Diagnostic& d : e.diagnostics()) {
      std::cerr << layout::format_diagnostic(d) << '\n';
    }
    return kExitBadInput;
  }
}

}  // namespace

void add_check_command(CLI::App& app, CommandBody& chosen) {
  auto settings = std::make_shared<CheckSettings>();
  CLI::App* cmd = app.add_subcommand(
      "check",
      "Check a floor plan against every clause of the standard (便民服务中心（站、点）建设与管理"
      "规范): status, obligation, level and evidence per clause. Exit 0 if no \"shall\" fails, 1 "
      "if one does, 2 on invalid input");
  cmd->add_option("plan", settings->plan, "the floor-plan file (docs/floorplan-format.md)")
      ->required();
  cmd->add_option("--format", settings->format, "text (default), json or markdown")
      ->check(CLI::IsMember({"text", "json", "markdown"}));
  cmd->add_flag("--plan-only", settings->plan_only,
                "skip the route analysis: wheelchair routes and walking distances to exits stay "
                "not evaluated");
  cmd->callback([settings, &chosen] { chosen = [settings] { return run_check(*settings); }; });
}

}  // namespace hallsim::app
