// The accessibility and egress checks (access.hpp, egress.hpp) as evidence for 4.4.1.2.

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
  return s;
}

}  // namespace hallsim::layout
