#pragma once
/// \file
/// The clause-by-clause compliance report of a floor plan against the Jiangsu standard
/// 便民服务中心（站、点）建设与管理规范 (docs/compliance.md).
///
/// Every clause of the standard is a `Rule`: its id, titles, obligation, the site levels it
/// applies to, how it is decided (plan, simulation, attestation) and, where the plan
/// can decide it, a function that measures the plan and returns evidence. `standard_rules()`
/// builds the list in the standard's order; `check_compliance` runs it and derives each
/// clause's status from its evidence.

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "hallsim/layout/geometry.hpp"
#include "hallsim/layout/plan.hpp"

namespace hallsim::layout {

/// How binding a clause is: 应 = shall (a failure), 宜 = should (a warning), "as needed" = may.
enum class Obligation { shall, should, may };

/// What decides a clause.
enum class Method {
  plan,    ///< measured on the floor plan
  sim,     ///< decided by a simulation (`hallsim simulate` / `hallsim tune`)
  attest,  ///< only a person can say; the plan's attestations record it
};

/// A clause's result.
enum class Status { pass, fail, warn, manual, not_applicable };

/// What one piece of evidence says about the requirement it measures.
enum class Outcome {
  met,            ///< the requirement holds
  not_met,        ///< the requirement does not hold
  not_evaluated,  ///< needs a person, a simulation or route analysis that has not been done
  info,           ///< context only: decides nothing
};

/// One measurement: the element, what was measured, the value and the requirement.
struct Evidence {
  std::string element;          ///< id(s) of the plan element concerned; empty for the whole plan
  std::string subject;          ///< what was measured, e.g. "main entrance to guidance desk"
  std::string measured;         ///< the measured value as text, e.g. "4.2 m, in sight"
  std::optional<double> value;  ///< the measured number, in `unit`, when there is one
  std::string unit;             ///< unit of `value`: "m", "m²", "mm", "count", "%"
  std::string required;         ///< the requirement, e.g. "≤ 10 m and in sight"
  Outcome outcome = Outcome::info;
};

/// A wheelchair route from the main entrance to one destination, as route analysis found it.
struct AccessibleRouteFinding {
  std::string destination;       ///< id of a counter or a public zone
  bool found = false;            ///< a route exists that uses no step and no stairs
  double length = 0.0;           ///< metres, when found
  double narrowest_width = 0.0;  ///< clear width of the narrowest passage (doors apart), metres
  double narrowest_door = 0.0;   ///< clear width of the narrowest door on it; 0 = no door
};

/// The longest walk from any point of the hall to its nearest exit.
struct ExitTravelFinding {
  Point from = Point::Zero();  ///< the point with the longest walk
  double distance = 0.0;       ///< walking distance, metres; +infinity if there is no way out
  std::string exit;            ///< id of the nearest exit from that point
  /// The limit the analysis holds this walk to, metres; 0 = CheckOptions::max_exit_travel
  /// (×1.25 with sprinklers).
  double limit = 0.0;
  std::string clause;  ///< the code clause of `limit`; may be empty
};

/// Evidence computed outside the plan check (navigation graph, egress field, simulation).
/// Each part is optional; a clause whose part is missing reports it as not evaluated.
struct SupplementaryEvidence {
  /// One finding per destination the route analysis chose (public zones, counters, kiosks);
  /// a counter it leaves out counts as not reached. nullopt = routes not analysed.
  std::optional<std::vector<AccessibleRouteFinding>> accessible_routes;
  /// nullopt = egress distances not analysed.
  std::optional<ExitTravelFinding> longest_exit_travel;
  /// People in the hall (design load or simulated peak); replaces the plan's estimate.
  std::optional<double> occupants;
  std::string occupants_basis;  ///< where `occupants` comes from, for the evidence text
  /// More evidence per clause id ("4.4.1.2 c"), appended to what the clause's own check finds.
  std::map<std::string, std::vector<Evidence>> extra;
};

struct AccessReport;
struct EgressReport;

/// The wheelchair routes, the longest walk to an exit, the design occupant load and every
/// finding of the accessibility and egress checks (access.hpp, egress.hpp) as evidence for
/// 4.4.1.2 b and 4.4.1.2 c: failures are not met, warnings and notes are shown as context.
SupplementaryEvidence route_evidence(const AccessReport& access, const EgressReport& egress);

/// Settings of the check. The defaults are the project's reading of the standard and of the
/// national codes it pulls in (docs/compliance.md); figures marked there as unconfirmed are
/// defaults to override, not law.
struct CheckOptions {
  /// A person "at the main entrance" stands this far inside its midpoint, metres.
  double entrance_view_depth = 1.5;
  /// Guidance zone "at the main entrance" (4.4.2.1): its desk at most this far, metres.
  double guidance_max_distance = 10.0;
  /// Opening-hours board "at the entrance" (4.3.6): at most this far from it, metres.
  double entrance_board_max_distance = 3.0;
  /// A sign, screen or zone is "conspicuous" when seen from at most this far, metres.
  double reading_distance = 20.0;
  /// A safety sign without `refers_to` belongs to a hazard at most this far away, metres.
  double safety_sign_max_distance = 2.0;
  /// Low counter height range (GB 55019 3.6.1; unconfirmed figures), millimetres.
  double low_counter_min_height_mm = 700.0;
  double low_counter_max_height_mm = 850.0;  ///< see low_counter_min_height_mm
  /// Accessible route clear width (GB 55019 2.2.2), metres.
  double accessible_route_min_width = 1.20;
  /// Door clear width on an accessible route and of an exit door (GB 55019 2.5.4,
  /// GB 50016 5.5.18), metres.
  double door_min_width = 0.90;
  /// Threshold of an accessible entrance (GB 50763 3.5.3), millimetres.
  double max_threshold_mm = 15.0;
  /// Ramp slope limit (GB 55019 2.3.1): rise over run.
  double max_ramp_slope = 1.0 / 12.0;
  /// Ramp rise per run (GB 55019 2.3.3), metres.
  double max_ramp_rise = 0.75;
  /// Open hall, any point to the nearest exit (GB 50016 5.5.17-4), metres; ×1.25 with
  /// sprinklers.
  double max_exit_travel = 30.0;
  /// One exit suffices up to this floor area (GB 50016 5.5.8), square metres...
  double single_exit_max_area = 200.0;
  int single_exit_max_persons = 50;  ///< ...and this many persons
  /// Grid step for the camera coverage of public zones (6.1.2), metres.
  double camera_grid_step = 0.5;
};

/// What a rule sees.
struct RuleContext {
  const Plan& plan;
  const CheckOptions& options;
  /// Route, egress and simulation findings; nullptr when none have been computed.
  const SupplementaryEvidence* supplementary = nullptr;
};

/// What a rule's plan check returns; the status follows from the evidence (see Rule).
struct RuleResult {
  std::vector<Evidence> evidence;
  std::string note;  ///< a sentence for the reader; may be empty
};

/// One clause of the standard (or one lettered item of a clause).
///
/// Status: not applicable if the site's level is not in `levels`; otherwise fail (shall) or
/// warn (should) if any evidence is not met, manual if any is not evaluated, else pass. A
/// "may" clause never fails or warns. Besides what `check` returns, a clause decided by
/// simulation gets a not-evaluated line naming `deferred_to`, and one decided by attestation
/// gets a line from the plan's attestation of it (see run_rules) or a not-evaluated one.
struct Rule {
  std::string id;        ///< "4.4.2.1", "4.4.3 c"
  std::string title_zh;  ///< the clause title in Chinese
  std::string title_en;  ///< the same in English
  std::string text_zh;   ///< the requirement as the standard words it
  Obligation obligation = Obligation::shall;
  std::vector<SiteLevel> levels;  ///< the site levels it applies to
  std::vector<Method> methods;    ///< what decides it
  /// For Method::attest: what the person attests.
  std::string attest_scope;
  /// For Method::sim: what the simulation decides and which command, e.g.
  /// "window count tuned to demand by `hallsim tune`".
  std::string deferred_to;
  /// The plan check; empty for clauses no plan can show.
  std::function<RuleResult(const RuleContext&)> check;
};

/// Every clause of the standard in its order (4.1 … 6.3), built afresh on each call.
std::vector<Rule> standard_rules();

/// The result of one clause.
struct ClauseResult {
  std::string id;
  std::string title_zh;
  std::string title_en;
  std::string text_zh;
  Obligation obligation = Obligation::shall;
  std::vector<SiteLevel> levels;
  std::vector<Method> methods;
  Status status = Status::manual;
  std::vector<Evidence> evidence;
  std::string note;
};

/// How many clauses ended in each status.
struct StatusCounts {
  int pass = 0;
  int fail = 0;
  int warn = 0;
  int manual = 0;
  int not_applicable = 0;
};

/// The whole report.
struct ComplianceReport {
  std::string plan_file;  ///< the plan as the user named it
  std::string site_name;
  SiteLevel level = SiteLevel::center;
  std::vector<ClauseResult> clauses;  ///< in the standard's order
  StatusCounts counts;

  /// True if a "shall" clause fails (the `hallsim check` exit code 1).
  bool shall_failed() const { return counts.fail > 0; }
  /// The clause with this id, or nullptr.
  const ClauseResult* find(const std::string& id) const;
};

/// Runs `rules` on `plan`. An attestation decides the clause it names and, if it names a
/// section ("5.5"), every clause in it ("5.5.1" … "5.5.3", "4.4.5 c" under "4.4.5") that has
/// no attestation of its own. Throws InputError (pointer /attestations/N/clause) if an
/// attestation names neither a clause among the rules nor a section holding one.
ComplianceReport run_rules(const std::vector<Rule>& rules, const Plan& plan,
                           const std::string& plan_file, const CheckOptions& options = {},
                           const SupplementaryEvidence* supplementary = nullptr);

/// Runs every clause of the standard on `plan` (see run_rules).
ComplianceReport check_compliance(const Plan& plan, const std::string& plan_file,
                                  const CheckOptions& options = {},
                                  const SupplementaryEvidence* supplementary = nullptr);

/// Output formats of the report.
enum class ReportFormat { text, json, markdown };

/// One line per clause grouped by chapter, evidence indented, then a summary line.
std::string format_text(const ComplianceReport& report);
/// A Markdown table, one row per clause.
std::string format_markdown(const ComplianceReport& report);
/// The JSON document described in docs/compliance.md.
std::string format_json(const ComplianceReport& report);
/// Dispatches on `format`.
std::string format_report(const ComplianceReport& report, ReportFormat format);

/// JSON spelling of a status, obligation, method or outcome ("not_applicable", "shall"...).
const char* to_string(Status value);
const char* to_string(Obligation value);  ///< see the other overloads
const char* to_string(Method value);      ///< see the other overloads
const char* to_string(Outcome value);     ///< see the other overloads

}  // namespace hallsim::layout
