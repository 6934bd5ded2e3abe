// Each plan-decided clause on a plan that meets it and on one changed to fail it, with the
// exact status and the measured value. The base plans are described in
// test_compliance_support.hpp; distances are worked out by hand in the comments.

#include <cmath>
#include <limits>

#include "test_compliance_support.hpp"

namespace hallsim::layout {
namespace {

using testing::by_id;
using testing::check;
using testing::clause;
using testing::evidence;
using testing::has;
using testing::kCenter;
using testing::kStation;
using testing::kUnit;
using testing::plan_data;
using testing::rect;

// The result of clause `id` on `data` (by value: the report it comes from is gone).
ClauseResult clause_of(PlanData data, const std::string& id,
                       const SupplementaryEvidence* supplementary = nullptr,
                       const CheckOptions& options = {}) {
  const ComplianceReport report = check(std::move(data), supplementary, options);
  return clause(report, id);
}

template <class T, class Pred>
void remove_if(std::vector<T>& items, Pred pred) {
  items.erase(std::remove_if(items.begin(), items.end(), pred), items.end());
}

Wall wall(std::string id, std::vector<Point> points, bool glass = false) {
  Wall w;
  w.id = std::move(id);
  w.points = std::move(points);
  w.glass = glass;
  return w;
}

Sign sign(std::string id, SignKind kind, Point position, Point facing) {
  Sign s;
  s.id = std::move(id);
  s.kind = kind;
  s.position = position;
  s.facing = facing;
  return s;
}

LevelChange level_change(std::string id, LevelChangeKind kind, Segment line, double rise) {
  LevelChange c;
  c.id = std::move(id);
  c.kind = kind;
  c.line = line;
  c.rise = rise;
  c.width = 1.5;
  return c;
}

Opening open_passage(std::string id, Point position, double width) {
  Opening o;
  o.id = std::move(id);
  o.position = position;
  o.width = width;
  o.door = DoorType::none;
  return o;
}

// ---- 4.2 premises -----------------------------------------------------------------------------

TEST(Clause4_2_2, ShowsAreaPerWindowAndSeatsPerWindowAndWaitsForTheSimulation) {
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.2.2");
  EXPECT_EQ(c.status, Status::manual);
  EXPECT_DOUBLE_EQ(*evidence(c, "building floor area").value, 600.0);      // 30 m × 20 m
  EXPECT_DOUBLE_EQ(*evidence(c, "floor area per window").value, 75.0);     // 600 / 8
  EXPECT_DOUBLE_EQ(*evidence(c, "waiting seats per window").value, 3.75);  // 30 / 8
  EXPECT_EQ(evidence(c, "simulation").outcome, Outcome::not_evaluated);
}

// ---- 4.3 signs --------------------------------------------------------------------------------

TEST(Clause4_3_1, GuidanceSignInSightOfTheEntrancePasses) {
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.3.1");
  EXPECT_EQ(c.status, Status::pass);
  const Evidence& e = evidence(c, "guidance sign seen from the main entrance");
  EXPECT_EQ(e.element, "s-guide");
  // Viewer 1.5 m inside the main entrance (15, 0) -> (15, 1.5); sign at (15, 12).
  EXPECT_DOUBLE_EQ(*e.value, 10.5);
  EXPECT_EQ(e.measured, "10.5 m, in sight");
}

TEST(Clause4_3_1, GuidanceSignBehindAWallFails) {
  PlanData data = plan_data(kCenter);
  data.walls.push_back(wall("w-screen", {Point(12.5, 9.6), Point(18, 9.6)}));
  const ClauseResult& c = clause_of(std::move(data), "4.3.1");
  EXPECT_EQ(c.status, Status::fail);
  const Evidence& e = evidence(c, "guidance sign seen from the main entrance");
  EXPECT_DOUBLE_EQ(*e.value, 10.5);
  EXPECT_EQ(e.measured, "10.5 m, hidden by a wall or column");
  EXPECT_EQ(e.outcome, Outcome::not_met);
}

TEST(Clause4_3_1, GuidanceSignTurnedAwayFromTheEntranceFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.signs, "s-guide").facing = Point(0, 1);
  const ClauseResult& c = clause_of(std::move(data), "4.3.1");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "guidance sign seen").measured, "10.5 m, in sight but turned away");
}

TEST(Clause4_3_1, GuidanceSignBeyondReadingDistanceFails) {
  CheckOptions options;
  options.reading_distance = 10.0;
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.3.1", nullptr, options);
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "guidance sign seen").measured, "10.5 m, in sight but beyond 10 m");
}

TEST(Clause4_3_1, NoWarningSignFails) {
  PlanData data = plan_data(kCenter);
  remove_if(data.signs, [](const Sign& s) {
    return s.kind == SignKind::warning || s.kind == SignKind::safety_glass;
  });
  const ClauseResult& c = clause_of(std::move(data), "4.3.1");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_DOUBLE_EQ(*evidence(c, "warning signs").value, 0.0);
}

TEST(Clause4_3_2, BrandSignWithoutTheProvincialBrandFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.signs, "s-brand").text = "南京政务服务";
  const ClauseResult& c = clause_of(std::move(data), "4.3.2");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "provincial brand sign").measured, "text \"南京政务服务\"");
}

TEST(Clause4_3_2, NoBrandSignFails) {
  PlanData data = plan_data(kCenter);
  remove_if(data.signs, [](const Sign& s) { return s.kind == SignKind::brand; });
  const ClauseResult& c = clause_of(std::move(data), "4.3.2");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "provincial brand sign").measured, "none");
}

TEST(Clause4_3_3, EveryWindowNumberedAndWithServicesPasses) {
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.3.3");
  EXPECT_EQ(c.status, Status::pass);
  EXPECT_DOUBLE_EQ(*evidence(c, "windows labelled").value, 8.0);
}

TEST(Clause4_3_3, AWindowWithoutServicesFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.counters, "c3").services.clear();
  const ClauseResult& c = clause_of(std::move(data), "4.3.3");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_DOUBLE_EQ(*evidence(c, "windows labelled").value, 7.0);
  EXPECT_EQ(evidence(c, "windows labelled").measured, "7 of 8");
  ASSERT_EQ(c.evidence.size(), 2u);
  EXPECT_EQ(c.evidence[1].element, "c3");
  EXPECT_EQ(c.evidence[1].measured, "no services listed");
}

TEST(Clause4_3_5, StatusScreenFacingTheSeatsPasses) {
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.3.5");
  EXPECT_EQ(c.status, Status::pass);
  const Evidence& e = evidence(c, "handling-status display");
  EXPECT_EQ(e.element, "a-status → seats-3");
  // Screen (10, 11.9); nearest seats: row 3, centre (7, 10.25).
  EXPECT_DOUBLE_EQ(*e.value, std::hypot(3.0, 1.65));
}

TEST(Clause4_3_5, StatusScreenTurnedAwayIsAWarning) {
  PlanData data = plan_data(kCenter);
  by_id(data.amenities, "a-status").facing = Point(0, 1);
  const ClauseResult& c = clause_of(std::move(data), "4.3.5");
  EXPECT_EQ(c.status, Status::warn);
  EXPECT_TRUE(has(evidence(c, "handling-status display").measured, "turned away"));
}

TEST(Clause4_3_6, HoursBoardBesideTheEntrancePasses) {
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.3.6");
  EXPECT_EQ(c.status, Status::pass);
  const Evidence& e = evidence(c, "opening-hours board");
  EXPECT_DOUBLE_EQ(*e.value, 1.5);  // (16.5, 0) to the entrance (15, 0)
  EXPECT_EQ(e.measured, "1.5 m from the main entrance, in sight from inside");
}

TEST(Clause4_3_6, HoursBoardFacingTheStreetIsSeenFromOutside) {
  PlanData data = plan_data(kCenter);
  by_id(data.signs, "s-hours").facing = Point(0, -1);
  const ClauseResult& c = clause_of(std::move(data), "4.3.6");
  EXPECT_EQ(c.status, Status::pass);
  EXPECT_EQ(evidence(c, "opening-hours board").measured,
            "1.5 m from the main entrance, in sight from outside");
}

TEST(Clause4_3_6, HoursBoardFiveMetresAwayFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.signs, "s-hours").position = Point(20, 0);
  const ClauseResult& c = clause_of(std::move(data), "4.3.6");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_DOUBLE_EQ(*evidence(c, "opening-hours board").value, 5.0);
}

TEST(Clause4_3_7, EveryExitAndGlassDoorHasItsSign) {
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.3.7");
  EXPECT_EQ(c.status, Status::pass);
  // s-glass-24h refers to nothing and stands at (26, 0), 0.4 m from the span of door-24h
  // (centre (27, 0), 1.2 m wide: it starts at x = 26.4).
  const Evidence& glass = evidence(c, "mind-the-glass sign (小心玻璃) at glass door door-24h");
  EXPECT_NEAR(*glass.value, 0.4, 1e-9);
}

TEST(Clause4_3_7, AStepWithoutItsSignFails) {
  PlanData data = plan_data(kCenter);
  data.level_changes.push_back(
      level_change("step-1", LevelChangeKind::step, {Point(2, 6.5), Point(4, 6.5)}, 0.15));
  const ClauseResult& c = clause_of(std::move(data), "4.3.7");
  EXPECT_EQ(c.status, Status::fail);
  const Evidence& e = evidence(c, "mind-the-step sign (小心台阶) at step step-1");
  EXPECT_EQ(e.element, "step-1");
  EXPECT_EQ(e.measured, "none");
}

TEST(Clause4_3_7, AStepSignWithinTwoMetresPasses) {
  PlanData data = plan_data(kCenter);
  data.level_changes.push_back(
      level_change("step-1", LevelChangeKind::step, {Point(2, 6.5), Point(4, 6.5)}, 0.15));
  data.signs.push_back(sign("s-step", SignKind::safety_step, Point(3, 6.1), Point(0, -1)));
  const ClauseResult& c = clause_of(std::move(data), "4.3.7");
  EXPECT_EQ(c.status, Status::pass);
  EXPECT_NEAR(*evidence(c, "mind-the-step sign (小心台阶) at step step-1").value, 0.4, 1e-9);
}

TEST(Clause4_3_7, AGlassWallWithoutItsSignFails) {
  PlanData data = plan_data(kCenter);
  data.walls.push_back(wall("w-glass", {Point(20, 6.5), Point(20, 11.5)}, /*glass=*/true));
  const ClauseResult& c = clause_of(std::move(data), "4.3.7");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "mind-the-glass sign (小心玻璃) at glass wall w-glass").outcome,
            Outcome::not_met);
}

TEST(Clause4_3_7, NoNoFireSignFails) {
  PlanData data = plan_data(kCenter);
  remove_if(data.signs, [](const Sign& s) { return s.kind == SignKind::safety_no_fire; });
  const ClauseResult& c = clause_of(std::move(data), "4.3.7");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_DOUBLE_EQ(*evidence(c, "no-fire signs").value, 0.0);
}

TEST(Clause4_3_9, CenterWithoutZoneMapFails) {
  PlanData data = plan_data(kCenter);
  remove_if(data.signs, [](const Sign& s) { return s.kind == SignKind::zone_map; });
  EXPECT_EQ(clause_of(std::move(data), "4.3.9").status, Status::fail);
  EXPECT_EQ(clause_of(plan_data(kCenter), "4.3.9").status, Status::pass);
}

TEST(Clause4_3_10, NameWithoutTownOrSubdistrictFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.signs, "s-outdoor").text = "青山便民服务中心";
  const ClauseResult& c = clause_of(std::move(data), "4.3.10");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "name on the sign").measured, "\"青山便民服务中心\"");
  EXPECT_EQ(evidence(c, "name on the sign").outcome, Outcome::not_met);
}

TEST(Clause4_3_10, SignWithoutTextIsReadAsTheSiteName) {
  PlanData data = plan_data(kCenter);
  by_id(data.signs, "s-outdoor").text.clear();
  data.site.name = "龙虎塘街道便民服务中心";
  const ClauseResult& c = clause_of(std::move(data), "4.3.10");
  EXPECT_EQ(c.status, Status::pass);
  EXPECT_EQ(evidence(c, "name on the sign").subject, "name on the sign (site name)");
}

TEST(Clause4_3_10, NameSignIndoorsFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.signs, "s-outdoor").position = Point(15, 0.3);
  by_id(data.signs, "s-outdoor").facing = Point(0, 1);
  const ClauseResult& c = clause_of(std::move(data), "4.3.10");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "outdoor name sign").measured, "faces the inside");
}

// ---- 4.4.1 basic layout ---------------------------------------------------------------------

TEST(Clause4_4_1_1, CenterWithoutDisclosureZoneFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.zones, "disclosure").kind = ZoneKind::lobby;
  const ClauseResult& c = clause_of(std::move(data), "4.4.1.1");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "disclosure zone").measured, "none");
}

TEST(Clause4_4_1_1, CenterMayNotReplaceItsGuidanceZoneByADesk) {
  PlanData data = plan_data(kCenter);
  by_id(data.zones, "guidance").kind = ZoneKind::lobby;
  const ClauseResult& c = clause_of(std::move(data), "4.4.1.1");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "consultation and guidance zone").required, "a zone");
}

TEST(Clause4_4_1_1, StationMayMergeGuidanceAndSelfServiceIntoOtherZones) {
  const ClauseResult& c = clause_of(plan_data(kStation), "4.4.1.1");
  EXPECT_EQ(c.status, Status::pass);
  EXPECT_EQ(evidence(c, "consultation and guidance zone").measured,
            "no zone; guidance desk guide-desk");
  EXPECT_EQ(evidence(c, "self-service zone").measured, "no zone; kiosks kiosk-1");
}

TEST(Clause4_4_1_1, StationWithoutAWaitingZoneFails) {
  PlanData data = plan_data(kStation);
  by_id(data.zones, "waiting").kind = ZoneKind::lobby;
  EXPECT_EQ(clause_of(std::move(data), "4.4.1.1").status, Status::fail);
}

TEST(Clause4_4_1_1, UnitMayShareOneRoomForEveryFunction) {
  const ClauseResult& c = clause_of(plan_data(kUnit), "4.4.1.1");
  EXPECT_EQ(c.status, Status::pass);
  EXPECT_EQ(evidence(c, "disclosure zone").measured, "no zone; disclosure equipment a-board");
  EXPECT_EQ(evidence(c, "rest and waiting zone").measured, "no zone; seats seats-1");
}

TEST(Clause4_4_1_2a, CenterWithoutMotherAndBabyRoomFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.zones, "mother-baby").kind = ZoneKind::room;
  const ClauseResult& c = clause_of(std::move(data), "4.4.1.2 a");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_DOUBLE_EQ(*evidence(c, "public mother-and-baby rooms").value, 0.0);
  EXPECT_EQ(clause_of(plan_data(kStation), "4.4.1.2 a").status, Status::not_applicable);
}

TEST(Clause4_4_1_2b, PlanPartsMetButRoutesNotYetEvaluatedIsManualNeverPass) {
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.4.1.2 b");
  EXPECT_EQ(c.status, Status::manual);
  EXPECT_EQ(evidence(c, "accessible entrance").outcome, Outcome::met);
  EXPECT_EQ(evidence(c, "low window").outcome, Outcome::met);
  EXPECT_DOUBLE_EQ(*evidence(c, "low window").value, 760.0);
  EXPECT_EQ(evidence(c, "wheelchair route").outcome, Outcome::not_evaluated);
  EXPECT_TRUE(has(evidence(c, "wheelchair route").measured, "not yet evaluated"));
}

TEST(Clause4_4_1_2b, NoLowWindowFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.counters, "c1").low = false;
  const ClauseResult& c = clause_of(std::move(data), "4.4.1.2 b");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "low window").measured, "no window marked low");
}

TEST(Clause4_4_1_2b, LowWindowAtStandingHeightFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.counters, "c1").height_mm = 1050;
  const ClauseResult& c = clause_of(std::move(data), "4.4.1.2 b");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_DOUBLE_EQ(*evidence(c, "low window").value, 1050.0);
}

TEST(Clause4_4_1_2b, EntranceWithAHighThresholdFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.openings, "main-door").threshold_mm = 20;
  by_id(data.openings, "door-24h").accessible = false;
  const ClauseResult& c = clause_of(std::move(data), "4.4.1.2 b");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "accessible entrance").measured, "clear width 2 m, threshold 20 mm");
}

TEST(Clause4_4_1_2b, CenterWithoutAccessibleToiletFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.zones, "wc-accessible").kind = ZoneKind::room;
  const ClauseResult& c = clause_of(std::move(data), "4.4.1.2 b");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_DOUBLE_EQ(*evidence(c, "accessible toilets").value, 0.0);
}

TEST(Clause4_4_1_2b, StationWithPublicToiletsNeedsAnAccessibleOne) {
  PlanData data = plan_data(kStation);
  by_id(data.zones, "disclosure").kind = ZoneKind::restroom;
  const ClauseResult& c = clause_of(std::move(data), "4.4.1.2 b");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "accessible toilets").subject,
            "accessible toilets (public toilets disclosure are provided)");
}

TEST(Clause4_4_1_2b, RampSteeperThanOneInTwelveFails) {
  PlanData data = plan_data(kCenter);
  data.level_changes.push_back(
      level_change("ramp-1", LevelChangeKind::ramp, {Point(1, 7), Point(1, 11)}, 0.5));
  const ClauseResult& c = clause_of(std::move(data), "4.4.1.2 b");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_DOUBLE_EQ(*evidence(c, "ramp slope").value, 0.125);  // 0.5 m over 4 m
  EXPECT_EQ(evidence(c, "ramp slope").measured, "1:8, rise 0.5 m");
}

TEST(Clause4_4_1_2b, GentleRampMeetsTheSlopeLimit) {
  PlanData data = plan_data(kCenter);
  data.level_changes.push_back(
      level_change("ramp-1", LevelChangeKind::ramp, {Point(1, 7), Point(1, 11)}, 0.3));
  const ClauseResult& c = clause_of(std::move(data), "4.4.1.2 b");
  EXPECT_EQ(evidence(c, "ramp slope").outcome, Outcome::met);
  EXPECT_DOUBLE_EQ(*evidence(c, "ramp slope").value, 0.075);
}

// Routes to the 8 windows and the 9 public zones of the center (all but the back office).
SupplementaryEvidence all_routes(double width) {
  SupplementaryEvidence s;
  std::vector<AccessibleRouteFinding> routes;
  for (const char* id :
       {"c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "disclosure", "guidance", "self-service",
        "self-24h", "waiting", "party", "windows", "mother-baby", "wc-accessible"}) {
    routes.push_back({id, true, 20.0, width, 0.9});
  }
  s.accessible_routes = routes;
  return s;
}

TEST(Clause4_4_1_2b, WithEveryRouteFoundWideEnoughItPasses) {
  const SupplementaryEvidence s = all_routes(1.5);
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.4.1.2 b", &s);
  EXPECT_EQ(c.status, Status::pass);
  EXPECT_DOUBLE_EQ(*evidence(c, "destinations reachable by wheelchair").value, 17.0);
}

TEST(Clause4_4_1_2b, ANarrowRouteToOneWindowFails) {
  SupplementaryEvidence s = all_routes(1.5);
  (*s.accessible_routes)[4].narrowest_width = 1.0;  // c5
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.4.1.2 b", &s);
  EXPECT_EQ(c.status, Status::fail);
  const Evidence& e = evidence(c, "wheelchair route from the main entrance");
  EXPECT_EQ(e.element, "c5");
  EXPECT_EQ(e.measured, "narrowest passage 1 m");
  EXPECT_DOUBLE_EQ(*evidence(c, "destinations reachable by wheelchair").value, 16.0);
}

TEST(Clause4_4_1_2b, AWindowMissingFromTheRoutesFails) {
  SupplementaryEvidence s = all_routes(1.5);
  s.accessible_routes->erase(s.accessible_routes->begin() + 7);  // c8
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.4.1.2 b", &s);
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "wheelchair route from the main entrance").element, "c8");
  EXPECT_EQ(evidence(c, "wheelchair route from the main entrance").measured, "no route analysed");
  EXPECT_EQ(evidence(c, "destinations reachable by wheelchair").measured, "16 of 17");
}

TEST(Clause4_4_1_2b, TheRouteAnalysisChoosesTheZones) {
  SupplementaryEvidence s = all_routes(1.5);
  s.accessible_routes->pop_back();  // wc-accessible: a zone the analysis left out
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.4.1.2 b", &s);
  EXPECT_EQ(c.status, Status::pass);
  EXPECT_EQ(evidence(c, "destinations reachable by wheelchair").measured, "16 of 16");
}

TEST(Clause4_4_1_2b, AnUnreachableWindowFails) {
  SupplementaryEvidence s = all_routes(1.5);
  (*s.accessible_routes)[0].found = false;  // c1
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.4.1.2 b", &s);
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "wheelchair route from the main entrance").measured, "no wheelchair route");
}

TEST(Clause4_4_1_2c, TwoExitsForALargeHallAndTravelNotYetEvaluatedIsManual) {
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.4.1.2 c");
  EXPECT_EQ(c.status, Status::manual);
  // 30 seats + 2 × 8 windows + 2 kiosks + 2 × 1 guidance desk.
  EXPECT_DOUBLE_EQ(*evidence(c, "persons in the hall").value, 50.0);
  EXPECT_DOUBLE_EQ(*evidence(c, "emergency exits").value, 2.0);
  EXPECT_EQ(evidence(c, "emergency exits").outcome, Outcome::met);
  EXPECT_DOUBLE_EQ(*evidence(c, "total exit width").value, 3.2);
  EXPECT_EQ(evidence(c, "longest walk").outcome, Outcome::not_evaluated);
}

TEST(Clause4_4_1_2c, OneExitForSixHundredSquareMetresFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.openings, "exit-west").emergency_exit = false;
  by_id(data.openings, "exit-west").category = OpeningCategory::pedestrian;
  const ClauseResult& c = clause_of(std::move(data), "4.4.1.2 c");
  EXPECT_EQ(c.status, Status::fail);
  const Evidence& e = evidence(c, "emergency exits");
  EXPECT_DOUBLE_EQ(*e.value, 1.0);
  EXPECT_TRUE(has(e.required, "(here: 600 m², 50 persons, so ≥ 2)"));
}

TEST(Clause4_4_1_2c, OneExitSufficesForASmallStation) {
  PlanData data = plan_data(kStation);
  remove_if(data.openings, [](const Opening& o) { return o.id == "exit-east"; });
  remove_if(data.signs, [](const Sign& s) { return s.id == "s-exit-east"; });
  const ClauseResult& c = clause_of(std::move(data), "4.4.1.2 c");
  EXPECT_EQ(c.status, Status::manual);
  const Evidence& e = evidence(c, "emergency exits");
  EXPECT_EQ(e.outcome, Outcome::met);
  // 12 seats + 2 × 3 windows + 1 kiosk + 2 × 1 guidance desk = 21 persons on 120 m².
  EXPECT_TRUE(has(e.required, "(here: 120 m², 21 persons, so ≥ 1)"));
}

TEST(Clause4_4_1_2c, ASimulatedPeakAboveFiftyNeedsASecondExit) {
  PlanData data = plan_data(kStation);
  remove_if(data.openings, [](const Opening& o) { return o.id == "exit-east"; });
  remove_if(data.signs, [](const Sign& s) { return s.id == "s-exit-east"; });
  SupplementaryEvidence s;
  s.occupants = 60;
  s.occupants_basis = "simulated peak";
  const ClauseResult& c = clause_of(std::move(data), "4.4.1.2 c", &s);
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "persons in the hall").measured, "60 (simulated peak)");
}

TEST(Clause4_4_1_2c, ANarrowExitDoorFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.openings, "exit-west").width = 0.8;
  const ClauseResult& c = clause_of(std::move(data), "4.4.1.2 c");
  EXPECT_EQ(c.status, Status::fail);
  bool found = false;
  for (const Evidence& e : c.evidence) {
    if (e.element == "exit-west" && e.subject == "exit clear width") {
      found = true;
      EXPECT_DOUBLE_EQ(*e.value, 0.8);
      EXPECT_EQ(e.outcome, Outcome::not_met);
    }
  }
  EXPECT_TRUE(found);
}

TEST(Clause4_4_1_2c, TotalExitWidthDependsOnTheFireResistanceGrade) {
  // 480 persons need 4.8 × 0.65 = 3.12 m (grade II) or 4.8 × 0.75 = 3.6 m (grade III); the
  // exits give 2.0 + 1.2 = 3.2 m.
  SupplementaryEvidence s;
  s.occupants = 480;
  s.occupants_basis = "given";
  const ClauseResult& grade2 = clause_of(plan_data(kCenter), "4.4.1.2 c", &s);
  EXPECT_EQ(evidence(grade2, "total exit width").outcome, Outcome::met);
  EXPECT_TRUE(has(evidence(grade2, "total exit width").required, "≥ 3.12 m"));
  PlanData data = plan_data(kCenter);
  data.site.fire_resistance_grade = FireResistanceGrade::iii;
  const ClauseResult& grade3 = clause_of(std::move(data), "4.4.1.2 c", &s);
  EXPECT_EQ(grade3.status, Status::fail);
  EXPECT_TRUE(has(evidence(grade3, "total exit width").required, "≥ 3.6 m"));
}

TEST(Clause4_4_1_2c, TravelDistanceWithinThirtyMetresPasses) {
  SupplementaryEvidence s;
  s.longest_exit_travel = ExitTravelFinding{Point(29, 19), 25.0, "exit-west", 0.0, ""};
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.4.1.2 c", &s);
  EXPECT_EQ(c.status, Status::pass);
  EXPECT_EQ(evidence(c, "longest walk").measured, "25 m from (29, 19)");
}

TEST(Clause4_4_1_2c, TheAnalysisLimitReplacesTheOpenHallLimit) {
  SupplementaryEvidence s;
  s.longest_exit_travel = ExitTravelFinding{Point(29, 19), 25.0, "exit-west", 22.0, "GB 50016"};
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.4.1.2 c", &s);
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "longest walk").required, "≤ 22 m (GB 50016, no sprinklers)");
}

TEST(Clause4_4_1_2c, NoWayOutFails) {
  SupplementaryEvidence s;
  s.longest_exit_travel =
      ExitTravelFinding{Point(1, 1), std::numeric_limits<double>::infinity(), "", 30.0, ""};
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.4.1.2 c", &s);
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "longest walk").measured, "no way out from (1, 1)");
  EXPECT_FALSE(evidence(c, "longest walk").value.has_value());
}

TEST(Clause4_4_1_2c, ExtraEvidenceFromAnotherAnalysisCanFailTheClause) {
  SupplementaryEvidence s;
  Evidence e;
  e.element = "room-1";
  e.subject = "dead_end (GB 50016-2014 5.5.17)";
  e.measured = "the door of room-1 is 25 m from the nearest exit along a dead end";
  e.outcome = Outcome::not_met;
  s.extra["4.4.1.2 c"].push_back(e);
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.4.1.2 c", &s);
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "dead_end").element, "room-1");
}

TEST(Clause4_4_1_2c, ThirtyFiveMetresFailsWithoutSprinklersAndPassesWithThem) {
  SupplementaryEvidence s;
  s.longest_exit_travel = ExitTravelFinding{Point(29, 19), 35.0, "exit-west", 0.0, ""};
  EXPECT_EQ(clause_of(plan_data(kCenter), "4.4.1.2 c", &s).status, Status::fail);
  PlanData data = plan_data(kCenter);
  data.site.sprinklers = true;
  const ClauseResult& c = clause_of(std::move(data), "4.4.1.2 c", &s);
  EXPECT_EQ(c.status, Status::pass);
  EXPECT_EQ(evidence(c, "longest walk").required, "≤ 37.5 m (with sprinklers)");
}

TEST(Clause4_4_1_2d, NoReadingGlassesFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.amenities, "a-glasses").kind = AmenityKind::other;
  const ClauseResult& c = clause_of(std::move(data), "4.4.1.2 d");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_DOUBLE_EQ(*evidence(c, "reading glasses").value, 0.0);
  EXPECT_DOUBLE_EQ(*evidence(c, "seats reserved for the elderly").value, 2.0);
}

TEST(Clause4_4_1_3, CenterWithAFeaturedZonePassesAndWithoutWarns) {
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.4.1.3");
  EXPECT_EQ(c.status, Status::pass);
  EXPECT_EQ(evidence(c, "featured zones").measured, "1: party_building");
}

TEST(Clause4_4_1_4, UnitWithoutAComputerAtAnyServicePointFails) {
  PlanData data = plan_data(kUnit);
  auto& kit = by_id(data.counters, "c1").equipment;
  kit.erase(std::remove(kit.begin(), kit.end(), Equipment::computer), kit.end());
  auto& desk_kit = by_id(data.desks, "guide-desk").equipment;
  desk_kit.erase(std::remove(desk_kit.begin(), desk_kit.end(), Equipment::computer),
                 desk_kit.end());
  const ClauseResult& c = clause_of(std::move(data), "4.4.1.4");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "staffed service point").measured, "none fully equipped");
  EXPECT_EQ(clause_of(plan_data(kUnit), "4.4.1.4").status, Status::pass);
}

// ---- 4.4.2 guidance ---------------------------------------------------------------------------

TEST(Clause4_4_2_1, GuidanceDeskInSightNearTheEntrancePasses) {
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.4.2.1");
  EXPECT_EQ(c.status, Status::pass);
  const Evidence& e = evidence(c, "main entrance to guidance desk");
  EXPECT_EQ(e.element, "guide-desk");
  EXPECT_DOUBLE_EQ(*e.value, 3.4);  // desk centre (15, 3.4), entrance (15, 0)
  EXPECT_EQ(e.required, "at the main entrance: ≤ 10 m from it and in sight from 1.5 m inside");
}

TEST(Clause4_4_2_1, GuidanceDeskElevenMetresInFails) {
  PlanData data = plan_data(kCenter);
  Desk& desk = by_id(data.desks, "guide-desk");
  desk.footprint = rect(14, 10.6, 16, 11.4);
  desk.zone = "waiting";
  const ClauseResult& c = clause_of(std::move(data), "4.4.2.1");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_DOUBLE_EQ(*evidence(c, "main entrance to guidance desk").value, 11.0);
  EXPECT_EQ(evidence(c, "main entrance to guidance desk").measured, "11 m, in sight");
}

TEST(Clause4_4_2_1, GuidanceDeskBehindAWallFails) {
  PlanData data = plan_data(kCenter);
  data.walls.push_back(wall("w-screen", {Point(13, 2.5), Point(17, 2.5)}));
  const ClauseResult& c = clause_of(std::move(data), "4.4.2.1");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "main entrance to guidance desk").measured,
            "3.4 m, hidden by a wall or column");
}

TEST(Clause4_4_2_1, GuidanceZoneWithoutADeskIsMeasuredToItsNearestVisiblePart) {
  PlanData data = plan_data(kCenter);
  remove_if(data.desks, [](const Desk& d) { return d.kind == DeskKind::guidance; });
  const ClauseResult& c = clause_of(std::move(data), "4.4.2.1");
  EXPECT_EQ(c.status, Status::pass);
  // The zone's centroid (15, 3) is the nearest of its probes to the entrance (15, 0).
  EXPECT_DOUBLE_EQ(*evidence(c, "main entrance to guidance zone").value, 3.0);
}

TEST(Clause4_4_2_2, CenterWithoutTicketMachineFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.amenities, "a-ticket").kind = AmenityKind::other;
  const ClauseResult& c = clause_of(std::move(data), "4.4.2.2");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_DOUBLE_EQ(*evidence(c, "ticket machines").value, 0.0);
}

TEST(Clause4_4_2_2, StationStaffMayHandOutNumbersAndAnAttestationCompletesIt) {
  const ClauseResult& open = clause_of(plan_data(kStation), "4.4.2.2");
  EXPECT_EQ(open.status, Status::manual);
  EXPECT_EQ(evidence(open, "ticket machines").outcome, Outcome::info);
  PlanData data = plan_data(kStation);
  data.attestations.push_back({"4.4.2.2", true, "张华 (站长)", "2024-06-01", ""});
  EXPECT_EQ(clause_of(std::move(data), "4.4.2.2").status, Status::pass);
}

TEST(Clause4_4_2_3, StationReportsHowItArrangesGuidance) {
  const ClauseResult& c = clause_of(plan_data(kStation), "4.4.2.3");
  EXPECT_EQ(c.status, Status::pass);
  EXPECT_EQ(evidence(c, "how the station arranges guidance").measured,
            "merged: guidance desk guide-desk in zone windows");
}

// ---- 4.4.3 windows ----------------------------------------------------------------------------

TEST(Clause4_4_3a, NoGeneralWindowFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.counters, "c1").type = CounterType::other;
  by_id(data.counters, "c2").type = CounterType::other;
  const ClauseResult& c = clause_of(std::move(data), "4.4.3 a");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_DOUBLE_EQ(*evidence(c, "general").value, 0.0);
  EXPECT_DOUBLE_EQ(*evidence(clause_of(plan_data(kCenter), "4.4.3 a"), "general").value, 2.0);
}

TEST(Clause4_4_3c, AWindowWithoutItsReviewDeviceFails) {
  PlanData data = plan_data(kCenter);
  auto& kit = by_id(data.counters, "c4").equipment;
  kit.erase(std::remove(kit.begin(), kit.end(), Equipment::evaluation_device), kit.end());
  const ClauseResult& c = clause_of(std::move(data), "4.4.3 c");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_DOUBLE_EQ(*evidence(c, "windows with their own").value, 7.0);
  const Evidence& e = evidence(c, "equipment at window 4");
  EXPECT_EQ(e.element, "c4");
  EXPECT_EQ(e.measured, "missing evaluation_device");
}

TEST(Clause4_4_3c, AWindowZoneWithoutAnyPrinterFails) {
  PlanData data = plan_data(kCenter);
  for (Counter& counter : data.counters) {
    auto& kit = counter.equipment;
    kit.erase(std::remove(kit.begin(), kit.end(), Equipment::printer), kit.end());
  }
  const ClauseResult& c = clause_of(std::move(data), "4.4.3 c");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "equipment shared by the windows of zone windows").measured,
            "missing printer");
}

TEST(Clause4_4_3d, CenterWithoutCrossProvinceWindowFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.counters, "c4").type = CounterType::general;
  const ClauseResult& c = clause_of(std::move(data), "4.4.3 d");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_DOUBLE_EQ(*evidence(c, "cross-province").value, 0.0);
  EXPECT_EQ(evidence(c, "in-province").outcome, Outcome::met);
}

// ---- 4.4.4 disclosure -------------------------------------------------------------------------

// Walls close the disclosure zone (x 0–10, y 0–6) off from the hall, with one door at (10, 3).
PlanData walled_disclosure(DoorType door) {
  PlanData data = plan_data(kCenter);
  data.walls.push_back(wall("w-disclosure", {Point(10, 0), Point(10, 6), Point(0, 6)}));
  Opening o = open_passage("door-disclosure", Point(10, 3), 1.0);
  o.door = door;
  data.openings.push_back(o);
  return data;
}

TEST(Clause4_4_4a, DisclosureZoneBehindAClosedDoorFails) {
  const ClauseResult& c = clause_of(walled_disclosure(DoorType::swinging), "4.4.4 a");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_TRUE(has(evidence(c, "disclosure zone seen").measured, "hidden by a wall or column"));
}

TEST(Clause4_4_4a, DisclosureZoneSeenThroughAnOpenPassagePasses) {
  const ClauseResult& c = clause_of(walled_disclosure(DoorType::none), "4.4.4 a");
  EXPECT_EQ(c.status, Status::pass);
  // Only the probe by the zone's corner (0, 6), pulled 0.3 m towards the centroid (5, 3), is
  // seen through the 1 m passage at x = 10, y 2.5–3.5.
  const Point corner(0, 6);
  const Point towards = Point(5, 3) - corner;
  const Point probe = corner + towards * (0.3 / towards.norm());
  EXPECT_DOUBLE_EQ(*evidence(c, "disclosure zone seen").value, (probe - Point(15, 1.5)).norm());
}

TEST(Clause4_4_4c, CenterWithoutMultimediaScreenFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.amenities, "a-screen").kind = AmenityKind::other;
  const ClauseResult& c = clause_of(std::move(data), "4.4.4 c");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_DOUBLE_EQ(*evidence(c, "multimedia screens").value, 0.0);
}

TEST(Clause4_4_4c, UnitNeedsOnlyOneMeansOfDisclosure) {
  const ClauseResult& c = clause_of(plan_data(kUnit), "4.4.4 c");
  EXPECT_EQ(c.status, Status::pass);
  EXPECT_DOUBLE_EQ(*evidence(c, "bulletin boards, multimedia screens, query terminals").value, 1.0);
}

// ---- 4.4.5 self-service -----------------------------------------------------------------------

TEST(Clause4_4_5a, NoKioskFails) {
  PlanData data = plan_data(kCenter);
  data.kiosks.clear();
  const ClauseResult& c = clause_of(std::move(data), "4.4.5 a");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_DOUBLE_EQ(*evidence(c, "self-service kiosks").value, 0.0);
}

TEST(Clause4_4_5b, KioskWithoutPhoneNumberFails) {
  PlanData data = plan_data(kCenter);
  auto& labels = by_id(data.kiosks, "kiosk-1").labels;
  labels.erase(std::remove(labels.begin(), labels.end(), "phone"), labels.end());
  const ClauseResult& c = clause_of(std::move(data), "4.4.5 b");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(c.evidence[0].element, "kiosk-1");
  EXPECT_EQ(c.evidence[0].measured, "missing phone");
  EXPECT_EQ(c.evidence[1].outcome, Outcome::met);  // kiosk-24h
}

TEST(Clause4_4_5d, HighFrequencySelfServiceWaitsForTheSimulation) {
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.4.5 d");
  EXPECT_EQ(c.status, Status::manual);
  EXPECT_DOUBLE_EQ(*evidence(c, "services offered at kiosks").value, 4.0);
}

TEST(Clause4_4_5e, TwentyFourHourZoneWithItsOwnStreetDoorPasses) {
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.4.5 e");
  EXPECT_EQ(c.status, Status::pass);
  EXPECT_EQ(evidence(c, "outside door of zone self-24h").measured, "door door-24h");
}

TEST(Clause4_4_5e, StreetDoorLockedAfterHoursIsAWarning) {
  PlanData data = plan_data(kCenter);
  by_id(data.openings, "door-24h").open_after_hours = false;
  const ClauseResult& c = clause_of(std::move(data), "4.4.5 e");
  EXPECT_EQ(c.status, Status::warn);
  EXPECT_EQ(evidence(c, "outside door of zone self-24h").measured, "none");
}

TEST(Clause4_4_5f, StationWithNeitherZoneNorKioskFails) {
  PlanData data = plan_data(kStation);
  data.kiosks.clear();
  const ClauseResult& c = clause_of(std::move(data), "4.4.5 f");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(c.evidence[0].measured, "no zone and no kiosk");
}

// ---- 4.4.6 rest and waiting ---------------------------------------------------------------------

TEST(Clause4_4_6_1, NoWritingDeskFails) {
  PlanData data = plan_data(kCenter);
  remove_if(data.desks, [](const Desk& d) { return d.kind == DeskKind::writing; });
  const ClauseResult& c = clause_of(std::move(data), "4.4.6.1");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_DOUBLE_EQ(*evidence(c, "writing desks").value, 0.0);
  EXPECT_DOUBLE_EQ(*evidence(c, "waiting seats").value, 30.0);
}

TEST(Clause4_4_6_2, NoUmbrellasFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.amenities, "a-umbrella").kind = AmenityKind::other;
  const ClauseResult& c = clause_of(std::move(data), "4.4.6.2");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_DOUBLE_EQ(*evidence(c, "umbrellas").value, 0.0);
  EXPECT_DOUBLE_EQ(*evidence(c, "cups").value, 200.0);
}

// ---- 5 and 6 ----------------------------------------------------------------------------------

TEST(Clause5_4_5, SaturdayOpeningCountsAsExtendedHours) {
  const ClauseResult& c = clause_of(plan_data(kCenter), "5.4.5");
  EXPECT_EQ(c.status, Status::manual);  // appointments wait for the simulation
  EXPECT_EQ(evidence(c, "extended hours").measured, "open at weekends");
}

TEST(Clause5_4_5, WeekdayOfficeHoursOnlyIsAWarning) {
  PlanData data = plan_data(kCenter);
  data.site.opening_hours.pop_back();  // the Saturday morning
  const ClauseResult& c = clause_of(std::move(data), "5.4.5");
  EXPECT_EQ(c.status, Status::warn);
  EXPECT_EQ(evidence(c, "extended hours").measured, "none in the opening hours");
}

TEST(Clause5_4_5, OpeningThroughLunchCountsAsExtendedHours) {
  PlanData data = plan_data(kCenter);
  data.site.opening_hours = {
      {{Weekday::mon, Weekday::tue, Weekday::wed, Weekday::thu, Weekday::fri}, 510, 1050}};
  const ClauseResult& c = clause_of(std::move(data), "5.4.5");
  EXPECT_EQ(evidence(c, "extended hours").measured, "open through lunch on mon");
  EXPECT_EQ(evidence(c, "extended hours").outcome, Outcome::met);
}

TEST(Clause5_7_2, OneExtinguisherFails) {
  PlanData data = plan_data(kCenter);
  by_id(data.amenities, "a-ext-1").count = 1;
  remove_if(data.amenities, [](const Amenity& a) { return a.id == "a-ext-2"; });
  const ClauseResult& c = clause_of(std::move(data), "5.7.2");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_DOUBLE_EQ(*evidence(c, "fire extinguishers").value, 1.0);
}

TEST(Clause6_1_2, HalfCircleCameraInTheMiddleSeesHalfTheRoom) {
  // The unit's camera at (4, 3) looks east with a 180° field: of the 16 × 12 grid cells of the
  // 8 × 6 room, the 8 × 12 with centres at x > 4 are in view.
  const ClauseResult& c = clause_of(plan_data(kUnit), "6.1.2");
  EXPECT_EQ(c.status, Status::manual);  // video monitoring is one of the methods people attest
  const Evidence& e = evidence(c, "public floor in view of a camera");
  EXPECT_DOUBLE_EQ(*e.value, 50.0);
  EXPECT_EQ(e.outcome, Outcome::info);
}

TEST(Clause6_1_2, AWallHidesWhatIsBehindIt) {
  // A wall across the east half at x = 6 hides x > 6 from the camera at (4, 3): 4 of 16 columns.
  PlanData data = plan_data(kUnit);
  data.walls.push_back(wall("w-east", {Point(6, 0), Point(6, 6)}));
  data.kiosks.clear();  // the kiosk stood at x = 7
  by_id(data.signs, "s-warning").position = Point(0, 4.5);
  by_id(data.signs, "s-warning").facing = Point(1, 0);
  const ClauseResult& c = clause_of(std::move(data), "6.1.2");
  EXPECT_DOUBLE_EQ(*evidence(c, "public floor in view of a camera").value, 25.0);
}

}  // namespace
}  // namespace hallsim::layout
