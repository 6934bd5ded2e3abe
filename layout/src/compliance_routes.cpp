// The accessibility and egress checks (access.hpp, egress.hpp) as evidence for 4.4.1.2.

#include <algorithm>
#include <cmath>

#include "compliance_rules.hpp"
#include "hallsim/layout/access.hpp"
#include "hallsim/layout/egress.hpp"

namespace hallsim::layout {

namespace {

// A failure of a code limit fails the clause; a warning (a "should" of the code, or a
// what-if such as a blocked exit) and a note only inform.
Evidence from_finding(const NavFinding& f) {
  Evidence e;
  e.element = f.element_id;
  e.subject = f.check + (f.clause.empty() ? "" : " (" + f.clause + ")");
  e.measured = f.severity == Severity::failure
                   ? f.message
                   : to_string(f.severity) + std::string(": ") + f.message;
  if (f.measured && std::isfinite(*f.measured)) {
    e.value = *f.measured;
    e.unit = f.unit;
  }
  if (f.required) {
    e.required = "limit " + detail::format_number(*f.required) + " " + f.unit;
  }
  e.outcome = f.severity == Severity::failure ? Outcome::not_met : Outcome::info;
  return e;
}

// What held: the narrowest way out of an occupied zone (GB 50016 5.5.18) and the doors that
// must open the way people escape (6.4.11). A failure is already a finding of its own.
void summarise_egress(const EgressReport& egress, std::vector<Evidence>& out) {
  const auto failed = [&](const std::string& check) {
    return std::any_of(egress.findings.begin(), egress.findings.end(), [&](const NavFinding& f) {
      return f.check == check && f.severity == Severity::failure;
    });
  };
  const EgressRoute* narrowest = nullptr;
  for (const EgressRoute& r : egress.routes) {
    if (narrowest == nullptr || r.narrowest_width < narrowest->narrowest_width) {
      narrowest = &r;
    }
  }
  if (narrowest != nullptr && !failed("route_width")) {
    std::string where = "zone " + narrowest->zone_id + " to exit " + narrowest->exit_id;
    if (!narrowest->narrowed_by.empty()) {
      where += ", beside " + narrowest->narrowed_by;
    }
    out.push_back(detail::measure_of(
        narrowest->zone_id, "narrowest way out of an occupied zone", narrowest->narrowest_width,
        "m", detail::metres(narrowest->narrowest_width) + " (" + where + ")",
        "≥ " + detail::metres(narrowest->limit) + " clear (GB 50016-2014 5.5.18)", Outcome::met));
  }
  std::vector<std::string> held;
  int assumed = 0;
  for (const EvacuationDoor& d : egress.doors) {
    if (d.held) {
      held.push_back(d.id);
      assumed += d.verdict == "ok" ? 0 : 1;
    }
  }
  if (!held.empty() && !failed("door_swing") && !failed("door_type")) {
    out.push_back(detail::note_of(
        detail::join(held), "evacuation doors open the way people escape",
        std::to_string(held.size()) + " held (" + std::to_string(held.size() - assumed) +
            " by their swing" +
            (assumed > 0 ? ", " + std::to_string(assumed) + " assumed: see the warnings" : "") +
            ")",
        "every exit, and every door out of a room of more than 60 persons or passed by more "
        "than 30, opens the way people escape (GB 50016-2014 6.4.11)",
        Outcome::met));
  }
}

}  // namespace

SupplementaryEvidence route_evidence(const AccessReport& access, const EgressReport& egress) {
  SupplementaryEvidence s;
  std::vector<AccessibleRouteFinding> routes;
  for (const AccessTarget& t : access.targets) {
    routes.push_back({t.id, t.reachable, t.length, t.narrowest_width, t.narrowest_door});
  }
  s.accessible_routes = std::move(routes);
  s.longest_exit_travel =
      ExitTravelFinding{egress.farthest.from, egress.farthest.distance, egress.farthest.exit_id,
                        egress.farthest.limit, egress.farthest.clause};
  s.occupants = egress.occupants;
  s.occupants_basis = egress.occupants_given ? "given to the egress analysis"
                                             : "design load of the zones, egress analysis";
  for (const NavFinding& f : access.findings) {
    s.extra["4.4.1.2 b"].push_back(from_finding(f));
  }
  for (const NavFinding& f : egress.findings) {
    s.extra["4.4.1.2 c"].push_back(from_finding(f));
  }
  summarise_egress(egress, s.extra["4.4.1.2 c"]);
  return s;
}

}  // namespace hallsim::layout
