// The compliance report fed with the navigation analysis (access.hpp, egress.hpp): the route
// parts of 4.4.1.2 are then decided, and a plan that breaks a route limit fails.

#include <algorithm>
#include <filesystem>
#include <string>

#include "hallsim/layout/access.hpp"
#include "hallsim/layout/egress.hpp"
#include "hallsim/layout/navigation.hpp"
#include "test_compliance_support.hpp"

namespace hallsim::layout {
namespace {

using testing::by_id;
using testing::clause;
using testing::evidence;
using testing::kCenter;
using testing::kStation;
using testing::kUnit;
using testing::plan_data;

ComplianceReport check_with_routes(const Plan& plan) {
  const NavGraph graph = NavGraph::build(plan);
  const SupplementaryEvidence routes = route_evidence(check_access(graph), check_egress(graph));
  return check_compliance(plan, "test-plan.json", {}, &routes);
}

TEST(ComplianceWithRoutes, TestPlansMeetTheRouteParts) {
  for (const char* name : {kCenter, kStation, kUnit}) {
    const Plan plan = Plan::build(plan_data(name), name);
    const ComplianceReport report = check_with_routes(plan);
    EXPECT_EQ(clause(report, "4.4.1.2 b").status, Status::pass) << name;
    EXPECT_EQ(clause(report, "4.4.1.2 c").status, Status::pass) << name;
    EXPECT_FALSE(report.shall_failed()) << name;
  }
}

TEST(ComplianceWithRoutes, EveryWindowAndPublicZoneOfTheCenterIsADestination) {
  const Plan plan = Plan::build(plan_data(kCenter), kCenter);
  const ComplianceReport report = check_with_routes(plan);
  const ClauseResult& c = clause(report, "4.4.1.2 b");
  const Evidence& e = evidence(c, "destinations reachable by wheelchair");
  EXPECT_EQ(e.outcome, Outcome::met);
  // At least the 8 windows, the 2 kiosks and the public zones.
  EXPECT_GE(*e.value, 10.0);
}

TEST(ComplianceWithRoutes, TheAnalysisOccupantLoadDecidesTheExitCount) {
  const Plan plan = Plan::build(plan_data(kCenter), kCenter);
  const NavGraph graph = NavGraph::build(plan);
  const EgressReport egress = check_egress(graph);
  const SupplementaryEvidence routes = route_evidence(check_access(graph), egress);
  const ComplianceReport report = check_compliance(plan, "test-plan.json", {}, &routes);
  const Evidence& persons = evidence(clause(report, "4.4.1.2 c"), "persons in the hall");
  EXPECT_DOUBLE_EQ(*persons.value, egress.occupants);
  EXPECT_TRUE(testing::has(persons.measured, "design load of the zones"));
  const Evidence& walk = evidence(clause(report, "4.4.1.2 c"), "longest walk");
  EXPECT_DOUBLE_EQ(*walk.value, egress.farthest.distance);
  EXPECT_EQ(walk.element, egress.farthest.exit_id);
}

TEST(ComplianceWithRoutes, ANarrowToiletDoorFailsTheAccessibleRoute) {
  PlanData data = plan_data(kCenter);
  by_id(data.openings, "door-wc").width = 0.8;
  const Plan plan = Plan::build(std::move(data), kCenter);
  const ComplianceReport report = check_with_routes(plan);
  const ClauseResult& c = clause(report, "4.4.1.2 b");
  EXPECT_EQ(c.status, Status::fail);
  bool toilet = false;
  for (const Evidence& e : c.evidence) {
    if (e.element == "wc-accessible" && e.outcome == Outcome::not_met) {
      toilet = true;
    }
  }
  EXPECT_TRUE(toilet);
}

TEST(ComplianceWithRoutes, OneExitForTheCenterFailsInBothChecks) {
  PlanData data = plan_data(kCenter);
  by_id(data.openings, "exit-west").emergency_exit = false;
  by_id(data.openings, "exit-west").category = OpeningCategory::pedestrian;
  const Plan plan = Plan::build(std::move(data), kCenter);
  const ComplianceReport report = check_with_routes(plan);
  const ClauseResult& c = clause(report, "4.4.1.2 c");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "emergency exits").outcome, Outcome::not_met);
  EXPECT_EQ(evidence(c, "exit_count").outcome, Outcome::not_met);
}

Plan egress_plan(const std::string& name) {
  return load_plan(std::string(HALLSIM_TEST_DATA_DIR) + "/plans/egress/" + name);
}

TEST(ComplianceWithRoutes, ACorridorOfOneMetreFailsTheEgressItem) {
  const Plan plan = egress_plan("corridor-narrow.json");
  const ComplianceReport report = check_with_routes(plan);
  const ClauseResult& c = clause(report, "4.4.1.2 c");
  EXPECT_EQ(c.status, Status::fail);
  const Evidence& e = evidence(c, "route_width (GB 50016-2014 5.5.18)");
  EXPECT_EQ(e.outcome, Outcome::not_met);
  EXPECT_TRUE(testing::has(e.element, "w-store")) << e.element;
  EXPECT_NEAR(*e.value, 1.00, 1e-6);
  EXPECT_EQ(e.required, "limit 1.1 m");
  EXPECT_TRUE(report.shall_failed());
  // The summary line stands only when the widths hold.
  for (const Evidence& other : c.evidence) {
    EXPECT_NE(other.subject, "narrowest way out of an occupied zone");
  }
}

TEST(ComplianceWithRoutes, AnExitThatOpensInwardFailsTheEgressItem) {
  PlanData data = egress_plan("door-swing.json").data();
  by_id(data.openings, "d-exit").swing = Swing::inward;
  const ComplianceReport report = check_with_routes(Plan::build(std::move(data)));
  const ClauseResult& c = clause(report, "4.4.1.2 c");
  EXPECT_EQ(c.status, Status::fail);
  const Evidence& e = evidence(c, "door_swing (GB 50016-2014 6.4.11)");
  EXPECT_EQ(e.outcome, Outcome::not_met);
  EXPECT_EQ(e.element, "d-exit");
}

TEST(ComplianceWithRoutes, TheTownCenterShowsItsNarrowestWayOutAndItsEvacuationDoors) {
  const Plan plan = load_plan(std::string(HALLSIM_SOURCE_DIR) + "/floorplans/town-center.json");
  const NavGraph graph = NavGraph::build(plan);
  const EgressReport egress = check_egress(graph);
  const SupplementaryEvidence routes = route_evidence(check_access(graph), egress);
  const ComplianceReport report = check_compliance(plan, "town-center.json", {}, &routes);
  const ClauseResult& c = clause(report, "4.4.1.2 c");
  EXPECT_EQ(c.status, Status::pass);
  const Evidence& width = evidence(c, "narrowest way out of an occupied zone");
  EXPECT_EQ(width.outcome, Outcome::met);
  double narrowest = 2.0;
  for (const EgressRoute& r : egress.routes) narrowest = std::min(narrowest, r.narrowest_width);
  EXPECT_DOUBLE_EQ(*width.value, narrowest);
  EXPECT_GE(*width.value, 1.10);
  const Evidence& doors = evidence(c, "evacuation doors open the way people escape");
  EXPECT_EQ(doors.outcome, Outcome::met);
  // Four exits, all held; the automatic main door is assumed to break away.
  EXPECT_TRUE(testing::has(doors.measured, "1 assumed")) << doors.measured;
  EXPECT_TRUE(testing::has(doors.element, "d-west-exit")) << doors.element;
}

TEST(SamplePlans, MeetEveryShallWithTheRoutesAnalysed) {
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(HALLSIM_SOURCE_DIR) + "/floorplans")) {
    if (entry.path().extension() != ".json") {
      continue;
    }
    const Plan plan = load_plan(entry.path());
    const ComplianceReport report = check_with_routes(plan);
    std::string failing;
    for (const ClauseResult& c : report.clauses) {
      if (c.status == Status::fail) {
        failing += c.id + " ";
      }
    }
    EXPECT_FALSE(report.shall_failed()) << entry.path().filename() << ": " << failing;
  }
}

}  // namespace
}  // namespace hallsim::layout
