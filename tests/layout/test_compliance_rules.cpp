// Each plan-decided clause on a plan that meets it and on one changed to fail it, with the
// exact status and the measured value. The base plans are described in
// test_compliance_support.hpp; distances are worked out by hand in the comments.

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

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

// ---- one change, one clause: the table ---------------------------------------------------------

// What one evidence of a clause must show; what is not set is not checked.
class Shows {
 public:
  explicit Shows(std::string subject) : subject_(std::move(subject)) {}

  Shows value(double v) && {
    value_ = v;
    return std::move(*this);
  }
  Shows measured(std::string text) && {
    measured_ = std::move(text);
    return std::move(*this);
  }
  Shows required(std::string text) && {
    required_ = std::move(text);
    return std::move(*this);
  }
  Shows element(std::string id) && {
    element_ = std::move(id);
    return std::move(*this);
  }
  Shows outcome(Outcome o) && {
    outcome_ = o;
    return std::move(*this);
  }

  /// Checks the first evidence of `c` whose subject starts with the subject given.
  void check(const ClauseResult& c) const {
    SCOPED_TRACE("evidence \"" + subject_ + "\"");
    const Evidence& e = evidence(c, subject_);
    if (value_) {
      ASSERT_TRUE(e.value.has_value());
      EXPECT_DOUBLE_EQ(*e.value, *value_);
    }
    if (measured_) {
      EXPECT_EQ(e.measured, *measured_);
    }
    if (required_) {
      EXPECT_EQ(e.required, *required_);
    }
    if (element_) {
      EXPECT_EQ(e.element, *element_);
    }
    if (outcome_) {
      EXPECT_EQ(e.outcome, *outcome_);
    }
  }

 private:
  std::string subject_;
  std::optional<double> value_;
  std::optional<std::string> measured_;
  std::optional<std::string> required_;
  std::optional<std::string> element_;
  std::optional<Outcome> outcome_;
};

// A base plan, changed (or not) to meet or fail one clause, and what the clause must report.
// The name says the clause and the case, as a test name.
struct ClauseCase {
  std::string name;
  const char* plan;
  std::function<void(PlanData&)> change;  ///< empty: the plan as it is
  std::string clause;
  std::optional<Status> status;  ///< empty: not checked
  std::vector<Shows> shows;
};

// A failing case prints as its name, not as bytes.
void PrintTo(const ClauseCase& k, std::ostream* os) {
  *os << k.name;
}

std::string case_name(const ::testing::TestParamInfo<ClauseCase>& info) {
  return info.param.name;
}

class ClauseOnPlan : public ::testing::TestWithParam<ClauseCase> {};

TEST_P(ClauseOnPlan, ReportsTheStatusAndEvidenceWorkedOutByHand) {
  const ClauseCase& k = GetParam();
  PlanData data = plan_data(k.plan);
  if (k.change) k.change(data);
  const ClauseResult c = clause_of(std::move(data), k.clause);
  if (k.status) {
    EXPECT_EQ(c.status, *k.status);
  }
  for (const Shows& s : k.shows) {
    s.check(c);
  }
}

const std::function<void(PlanData&)> kAsItIs;

// ---- 4.2 premises and 4.3 signs -----------------------------------------------------------------

INSTANTIATE_TEST_SUITE_P(
    PremisesAndSigns, ClauseOnPlan,
    ::testing::Values(
        ClauseCase{"Clause4_2_2_ShowsAreaPerWindowAndSeatsPerWindowAndWaitsForTheSimulation",
                   kCenter,
                   kAsItIs,
                   "4.2.2",
                   Status::manual,
                   {Shows("building floor area").value(600.0),      // 30 m × 20 m
                    Shows("floor area per window").value(75.0),     // 600 / 8
                    Shows("waiting seats per window").value(3.75),  // 30 / 8
                    Shows("simulation").outcome(Outcome::not_evaluated)}},
        // Viewer 1.5 m inside the main entrance (15, 0) -> (15, 1.5); sign at (15, 12).
        ClauseCase{"Clause4_3_1_GuidanceSignInSightOfTheEntrancePasses",
                   kCenter,
                   kAsItIs,
                   "4.3.1",
                   Status::pass,
                   {Shows("guidance sign seen from the main entrance")
                        .element("s-guide")
                        .value(10.5)
                        .measured("10.5 m, in sight")}},
        ClauseCase{"Clause4_3_1_GuidanceSignBehindAWallFails",
                   kCenter,
                   [](PlanData& d) {
                     d.walls.push_back(wall("w-screen", {Point(12.5, 9.6), Point(18, 9.6)}));
                   },
                   "4.3.1",
                   Status::fail,
                   {Shows("guidance sign seen from the main entrance")
                        .value(10.5)
                        .measured("10.5 m, hidden by a wall or column")
                        .outcome(Outcome::not_met)}},
        ClauseCase{"Clause4_3_1_GuidanceSignTurnedAwayFromTheEntranceFails",
                   kCenter,
                   [](PlanData& d) { by_id(d.signs, "s-guide").facing = Point(0, 1); },
                   "4.3.1",
                   Status::fail,
                   {Shows("guidance sign seen").measured("10.5 m, in sight but turned away")}},
        ClauseCase{"Clause4_3_1_NoWarningSignFails",
                   kCenter,
                   [](PlanData& d) {
                     remove_if(d.signs, [](const Sign& s) {
                       return s.kind == SignKind::warning || s.kind == SignKind::safety_glass;
                     });
                   },
                   "4.3.1",
                   Status::fail,
                   {Shows("warning signs").value(0.0)}},
        ClauseCase{"Clause4_3_2_BrandSignWithoutTheProvincialBrandFails",
                   kCenter,
                   [](PlanData& d) { by_id(d.signs, "s-brand").text = "南京政务服务"; },
                   "4.3.2",
                   Status::fail,
                   {Shows("provincial brand sign").measured("text \"南京政务服务\"")}},
        ClauseCase{"Clause4_3_2_NoBrandSignFails",
                   kCenter,
                   [](PlanData& d) {
                     remove_if(d.signs, [](const Sign& s) { return s.kind == SignKind::brand; });
                   },
                   "4.3.2",
                   Status::fail,
                   {Shows("provincial brand sign").measured("none")}},
        ClauseCase{"Clause4_3_3_EveryWindowNumberedAndWithServicesPasses",
                   kCenter,
                   kAsItIs,
                   "4.3.3",
                   Status::pass,
                   {Shows("windows labelled").value(8.0)}},
        // Screen (10, 11.9); nearest seats: row 3, centre (7, 10.25).
        ClauseCase{"Clause4_3_5_StatusScreenFacingTheSeatsPasses",
                   kCenter,
                   kAsItIs,
                   "4.3.5",
                   Status::pass,
                   {Shows("handling-status display")
                        .element("a-status → seats-3")
                        .value(std::hypot(3.0, 1.65))}},
        // The board at (16.5, 0), the entrance at (15, 0).
        ClauseCase{"Clause4_3_6_HoursBoardBesideTheEntrancePasses",
                   kCenter,
                   kAsItIs,
                   "4.3.6",
                   Status::pass,
                   {Shows("opening-hours board")
                        .value(1.5)
                        .measured("1.5 m from the main entrance, in sight from inside")}},
        ClauseCase{"Clause4_3_6_HoursBoardFacingTheStreetIsSeenFromOutside",
                   kCenter,
                   [](PlanData& d) { by_id(d.signs, "s-hours").facing = Point(0, -1); },
                   "4.3.6",
                   Status::pass,
                   {Shows("opening-hours board")
                        .measured("1.5 m from the main entrance, in sight from outside")}},
        ClauseCase{"Clause4_3_6_HoursBoardFiveMetresAwayFails",
                   kCenter,
                   [](PlanData& d) { by_id(d.signs, "s-hours").position = Point(20, 0); },
                   "4.3.6",
                   Status::fail,
                   {Shows("opening-hours board").value(5.0)}},
        ClauseCase{"Clause4_3_7_AStepWithoutItsSignFails",
                   kCenter,
                   [](PlanData& d) {
                     d.level_changes.push_back(level_change("step-1", LevelChangeKind::step,
                                                            {Point(2, 6.5), Point(4, 6.5)}, 0.15));
                   },
                   "4.3.7",
                   Status::fail,
                   {Shows("mind-the-step sign (小心台阶) at step step-1")
                        .element("step-1")
                        .measured("none")}},
        ClauseCase{
            "Clause4_3_7_AGlassWallWithoutItsSignFails",
            kCenter,
            [](PlanData& d) {
              d.walls.push_back(wall("w-glass", {Point(20, 6.5), Point(20, 11.5)}, /*glass=*/true));
            },
            "4.3.7",
            Status::fail,
            {Shows("mind-the-glass sign (小心玻璃) at glass wall w-glass")
                 .outcome(Outcome::not_met)}},
        ClauseCase{"Clause4_3_7_NoNoFireSignFails",
                   kCenter,
                   [](PlanData& d) {
                     remove_if(d.signs,
                               [](const Sign& s) { return s.kind == SignKind::safety_no_fire; });
                   },
                   "4.3.7",
                   Status::fail,
                   {Shows("no-fire signs").value(0.0)}},
        ClauseCase{
            "Clause4_3_10_NameWithoutTownOrSubdistrictFails",
            kCenter,
            [](PlanData& d) { by_id(d.signs, "s-outdoor").text = "青山便民服务中心"; },
            "4.3.10",
            Status::fail,
            {Shows("name on the sign").measured("\"青山便民服务中心\"").outcome(Outcome::not_met)}},
        ClauseCase{"Clause4_3_10_NameSignIndoorsFails",
                   kCenter,
                   [](PlanData& d) {
                     by_id(d.signs, "s-outdoor").position = Point(15, 0.3);
                     by_id(d.signs, "s-outdoor").facing = Point(0, 1);
                   },
                   "4.3.10",
                   Status::fail,
                   {Shows("outdoor name sign").measured("faces the inside")}}),
    case_name);

// ---- 4.4.1 basic layout -------------------------------------------------------------------------

INSTANTIATE_TEST_SUITE_P(
    BasicLayout, ClauseOnPlan,
    ::testing::Values(
        ClauseCase{"Clause4_4_1_1_CenterWithoutDisclosureZoneFails",
                   kCenter,
                   [](PlanData& d) { by_id(d.zones, "disclosure").kind = ZoneKind::lobby; },
                   "4.4.1.1",
                   Status::fail,
                   {Shows("disclosure zone").measured("none")}},
        ClauseCase{"Clause4_4_1_1_CenterMayNotReplaceItsGuidanceZoneByADesk",
                   kCenter,
                   [](PlanData& d) { by_id(d.zones, "guidance").kind = ZoneKind::lobby; },
                   "4.4.1.1",
                   Status::fail,
                   {Shows("consultation and guidance zone").required("a zone")}},
        ClauseCase{
            "Clause4_4_1_1_StationMayMergeGuidanceAndSelfServiceIntoOtherZones",
            kStation,
            kAsItIs,
            "4.4.1.1",
            Status::pass,
            {Shows("consultation and guidance zone").measured("no zone; guidance desk guide-desk"),
             Shows("self-service zone").measured("no zone; kiosks kiosk-1")}},
        ClauseCase{"Clause4_4_1_1_StationWithoutAWaitingZoneFails",
                   kStation,
                   [](PlanData& d) { by_id(d.zones, "waiting").kind = ZoneKind::lobby; },
                   "4.4.1.1",
                   Status::fail,
                   {}},
        ClauseCase{"Clause4_4_1_1_UnitMayShareOneRoomForEveryFunction",
                   kUnit,
                   kAsItIs,
                   "4.4.1.1",
                   Status::pass,
                   {Shows("disclosure zone").measured("no zone; disclosure equipment a-board"),
                    Shows("rest and waiting zone").measured("no zone; seats seats-1")}},
        ClauseCase{"Clause4_4_1_2b_NoLowWindowFails",
                   kCenter,
                   [](PlanData& d) { by_id(d.counters, "c1").low = false; },
                   "4.4.1.2 b",
                   Status::fail,
                   {Shows("low window").measured("no window marked low")}},
        ClauseCase{"Clause4_4_1_2b_LowWindowAtStandingHeightFails",
                   kCenter,
                   [](PlanData& d) { by_id(d.counters, "c1").height_mm = 1050; },
                   "4.4.1.2 b",
                   Status::fail,
                   {Shows("low window").value(1050.0)}},
        ClauseCase{"Clause4_4_1_2b_EntranceWithAHighThresholdFails",
                   kCenter,
                   [](PlanData& d) {
                     by_id(d.openings, "main-door").threshold_mm = 20;
                     by_id(d.openings, "door-24h").accessible = false;
                   },
                   "4.4.1.2 b",
                   Status::fail,
                   {Shows("accessible entrance").measured("clear width 2 m, threshold 20 mm")}},
        ClauseCase{"Clause4_4_1_2b_CenterWithoutAccessibleToiletFails",
                   kCenter,
                   [](PlanData& d) { by_id(d.zones, "wc-accessible").kind = ZoneKind::room; },
                   "4.4.1.2 b",
                   Status::fail,
                   {Shows("accessible toilets").value(0.0)}},
        // 0.5 m over 4 m.
        ClauseCase{"Clause4_4_1_2b_RampSteeperThanOneInTwelveFails",
                   kCenter,
                   [](PlanData& d) {
                     d.level_changes.push_back(level_change("ramp-1", LevelChangeKind::ramp,
                                                            {Point(1, 7), Point(1, 11)}, 0.5));
                   },
                   "4.4.1.2 b",
                   Status::fail,
                   {Shows("ramp slope").value(0.125).measured("1:8, rise 0.5 m")}},
        ClauseCase{"Clause4_4_1_2b_GentleRampMeetsTheSlopeLimit",
                   kCenter,
                   [](PlanData& d) {
                     d.level_changes.push_back(level_change("ramp-1", LevelChangeKind::ramp,
                                                            {Point(1, 7), Point(1, 11)}, 0.3));
                   },
                   "4.4.1.2 b",
                   std::nullopt,
                   {Shows("ramp slope").outcome(Outcome::met).value(0.075)}},
        // 30 seats + 2 × 8 windows + 2 kiosks + 2 × 1 guidance desk.
        ClauseCase{"Clause4_4_1_2c_TwoExitsForALargeHallAndTravelNotYetEvaluatedIsManual",
                   kCenter,
                   kAsItIs,
                   "4.4.1.2 c",
                   Status::manual,
                   {Shows("persons in the hall").value(50.0),
                    Shows("emergency exits").value(2.0).outcome(Outcome::met),
                    Shows("total exit width").value(3.2),
                    Shows("longest walk").outcome(Outcome::not_evaluated)}},
        ClauseCase{"Clause4_4_1_2d_NoReadingGlassesFails",
                   kCenter,
                   [](PlanData& d) { by_id(d.amenities, "a-glasses").kind = AmenityKind::other; },
                   "4.4.1.2 d",
                   Status::fail,
                   {Shows("reading glasses").value(0.0),
                    Shows("seats reserved for the elderly").value(2.0)}},
        ClauseCase{"Clause4_4_1_3_CenterWithAFeaturedZonePassesAndWithoutWarns",
                   kCenter,
                   kAsItIs,
                   "4.4.1.3",
                   Status::pass,
                   {Shows("featured zones").measured("1: party_building")}}),
    case_name);

// ---- 4.4.2 guidance and 4.4.3 windows ---------------------------------------------------------

INSTANTIATE_TEST_SUITE_P(
    GuidanceAndWindows, ClauseOnPlan,
    ::testing::Values(
        // Desk centre (15, 3.4), entrance (15, 0).
        ClauseCase{
            "Clause4_4_2_1_GuidanceDeskInSightNearTheEntrancePasses",
            kCenter,
            kAsItIs,
            "4.4.2.1",
            Status::pass,
            {Shows("main entrance to guidance desk")
                 .element("guide-desk")
                 .value(3.4)
                 .required("at the main entrance: ≤ 10 m from it and in sight from 1.5 m inside")}},
        ClauseCase{
            "Clause4_4_2_1_GuidanceDeskElevenMetresInFails",
            kCenter,
            [](PlanData& d) {
              Desk& desk = by_id(d.desks, "guide-desk");
              desk.footprint = rect(14, 10.6, 16, 11.4);
              desk.zone = "waiting";
            },
            "4.4.2.1",
            Status::fail,
            {Shows("main entrance to guidance desk").value(11.0).measured("11 m, in sight")}},
        ClauseCase{"Clause4_4_2_1_GuidanceDeskBehindAWallFails",
                   kCenter,
                   [](PlanData& d) {
                     d.walls.push_back(wall("w-screen", {Point(13, 2.5), Point(17, 2.5)}));
                   },
                   "4.4.2.1",
                   Status::fail,
                   {Shows("main entrance to guidance desk")
                        .measured("3.4 m, hidden by a wall or column")}},
        // The zone's centroid (15, 3) is the nearest of its probes to the entrance (15, 0).
        ClauseCase{"Clause4_4_2_1_GuidanceZoneWithoutADeskIsMeasuredToItsNearestVisiblePart",
                   kCenter,
                   [](PlanData& d) {
                     remove_if(d.desks, [](const Desk& k) { return k.kind == DeskKind::guidance; });
                   },
                   "4.4.2.1",
                   Status::pass,
                   {Shows("main entrance to guidance zone").value(3.0)}},
        ClauseCase{"Clause4_4_2_2_CenterWithoutTicketMachineFails",
                   kCenter,
                   [](PlanData& d) { by_id(d.amenities, "a-ticket").kind = AmenityKind::other; },
                   "4.4.2.2",
                   Status::fail,
                   {Shows("ticket machines").value(0.0)}},
        ClauseCase{"Clause4_4_2_3_StationReportsHowItArrangesGuidance",
                   kStation,
                   kAsItIs,
                   "4.4.2.3",
                   Status::pass,
                   {Shows("how the station arranges guidance")
                        .measured("merged: guidance desk guide-desk in zone windows")}},
        ClauseCase{
            "Clause4_4_3c_AWindowWithoutItsReviewDeviceFails",
            kCenter,
            [](PlanData& d) {
              auto& kit = by_id(d.counters, "c4").equipment;
              kit.erase(std::remove(kit.begin(), kit.end(), Equipment::evaluation_device),
                        kit.end());
            },
            "4.4.3 c",
            Status::fail,
            {Shows("windows with their own").value(7.0),
             Shows("equipment at window 4").element("c4").measured("missing evaluation_device")}},
        ClauseCase{
            "Clause4_4_3c_AWindowZoneWithoutAnyPrinterFails",
            kCenter,
            [](PlanData& d) {
              for (Counter& counter : d.counters) {
                auto& kit = counter.equipment;
                kit.erase(std::remove(kit.begin(), kit.end(), Equipment::printer), kit.end());
              }
            },
            "4.4.3 c",
            Status::fail,
            {Shows("equipment shared by the windows of zone windows").measured("missing printer")}},
        ClauseCase{
            "Clause4_4_3d_CenterWithoutCrossProvinceWindowFails",
            kCenter,
            [](PlanData& d) { by_id(d.counters, "c4").type = CounterType::general; },
            "4.4.3 d",
            Status::fail,
            {Shows("cross-province").value(0.0), Shows("in-province").outcome(Outcome::met)}}),
    case_name);

// ---- 4.4.4 disclosure to 4.4.6 rest and waiting -----------------------------------------------

INSTANTIATE_TEST_SUITE_P(
    DisclosureSelfServiceAndWaiting, ClauseOnPlan,
    ::testing::Values(
        ClauseCase{"Clause4_4_4c_CenterWithoutMultimediaScreenFails",
                   kCenter,
                   [](PlanData& d) { by_id(d.amenities, "a-screen").kind = AmenityKind::other; },
                   "4.4.4 c",
                   Status::fail,
                   {Shows("multimedia screens").value(0.0)}},
        ClauseCase{"Clause4_4_4c_UnitNeedsOnlyOneMeansOfDisclosure",
                   kUnit,
                   kAsItIs,
                   "4.4.4 c",
                   Status::pass,
                   {Shows("bulletin boards, multimedia screens, query terminals").value(1.0)}},
        ClauseCase{"Clause4_4_5a_NoKioskFails",
                   kCenter,
                   [](PlanData& d) { d.kiosks.clear(); },
                   "4.4.5 a",
                   Status::fail,
                   {Shows("self-service kiosks").value(0.0)}},
        ClauseCase{"Clause4_4_5d_HighFrequencySelfServiceWaitsForTheSimulation",
                   kCenter,
                   kAsItIs,
                   "4.4.5 d",
                   Status::manual,
                   {Shows("services offered at kiosks").value(4.0)}},
        ClauseCase{"Clause4_4_5e_TwentyFourHourZoneWithItsOwnStreetDoorPasses",
                   kCenter,
                   kAsItIs,
                   "4.4.5 e",
                   Status::pass,
                   {Shows("outside door of zone self-24h").measured("door door-24h")}},
        ClauseCase{"Clause4_4_5e_StreetDoorLockedAfterHoursIsAWarning",
                   kCenter,
                   [](PlanData& d) { by_id(d.openings, "door-24h").open_after_hours = false; },
                   "4.4.5 e",
                   Status::warn,
                   {Shows("outside door of zone self-24h").measured("none")}},
        ClauseCase{"Clause4_4_6_1_NoWritingDeskFails",
                   kCenter,
                   [](PlanData& d) {
                     remove_if(d.desks, [](const Desk& k) { return k.kind == DeskKind::writing; });
                   },
                   "4.4.6.1",
                   Status::fail,
                   {Shows("writing desks").value(0.0), Shows("waiting seats").value(30.0)}},
        ClauseCase{"Clause4_4_6_2_NoUmbrellasFails",
                   kCenter,
                   [](PlanData& d) { by_id(d.amenities, "a-umbrella").kind = AmenityKind::other; },
                   "4.4.6.2",
                   Status::fail,
                   {Shows("umbrellas").value(0.0), Shows("cups").value(200.0)}}),
    case_name);

// ---- 5 and 6 ----------------------------------------------------------------------------------

INSTANTIATE_TEST_SUITE_P(
    OperationAndSafety, ClauseOnPlan,
    ::testing::Values(
        // Appointments wait for the simulation: manual.
        ClauseCase{"Clause5_4_5_SaturdayOpeningCountsAsExtendedHours",
                   kCenter,
                   kAsItIs,
                   "5.4.5",
                   Status::manual,
                   {Shows("extended hours").measured("open at weekends")}},
        ClauseCase{"Clause5_4_5_WeekdayOfficeHoursOnlyIsAWarning",
                   kCenter,
                   [](PlanData& d) { d.site.opening_hours.pop_back(); },  // the Saturday morning
                   "5.4.5",
                   Status::warn,
                   {Shows("extended hours").measured("none in the opening hours")}},
        ClauseCase{
            "Clause5_4_5_OpeningThroughLunchCountsAsExtendedHours",
            kCenter,
            [](PlanData& d) {
              d.site.opening_hours = {
                  {{Weekday::mon, Weekday::tue, Weekday::wed, Weekday::thu, Weekday::fri},
                   510,
                   1050}};
            },
            "5.4.5",
            std::nullopt,
            {Shows("extended hours").measured("open through lunch on mon").outcome(Outcome::met)}},
        ClauseCase{"Clause5_7_2_OneExtinguisherFails",
                   kCenter,
                   [](PlanData& d) {
                     by_id(d.amenities, "a-ext-1").count = 1;
                     remove_if(d.amenities, [](const Amenity& a) { return a.id == "a-ext-2"; });
                   },
                   "5.7.2",
                   Status::fail,
                   {Shows("fire extinguishers").value(1.0)}},
        // The unit's camera at (4, 3) looks east with a 180° field: of the 16 × 12 grid cells
        // of the 8 × 6 room, the 8 × 12 with centres at x > 4 are in view. Video monitoring is
        // one of the methods people attest: manual.
        ClauseCase{"Clause6_1_2_HalfCircleCameraInTheMiddleSeesHalfTheRoom",
                   kUnit,
                   kAsItIs,
                   "6.1.2",
                   Status::manual,
                   {Shows("public floor in view of a camera").value(50.0).outcome(Outcome::info)}},
        // A wall across the east half at x = 6 hides x > 6 from the camera at (4, 3): 4 of 16
        // columns.
        ClauseCase{"Clause6_1_2_AWallHidesWhatIsBehindIt",
                   kUnit,
                   [](PlanData& d) {
                     d.walls.push_back(wall("w-east", {Point(6, 0), Point(6, 6)}));
                     d.kiosks.clear();  // the kiosk stood at x = 7
                     by_id(d.signs, "s-warning").position = Point(0, 4.5);
                     by_id(d.signs, "s-warning").facing = Point(1, 0);
                   },
                   "6.1.2",
                   std::nullopt,
                   {Shows("public floor in view of a camera").value(25.0)}}),
    case_name);

// ---- 4.3 signs --------------------------------------------------------------------------------

TEST(Clause4_3_1, GuidanceSignBeyondReadingDistanceFails) {
  CheckOptions options;
  options.reading_distance = 10.0;
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.3.1", nullptr, options);
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "guidance sign seen").measured, "10.5 m, in sight but beyond 10 m");
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

TEST(Clause4_3_5, StatusScreenTurnedAwayIsAWarning) {
  PlanData data = plan_data(kCenter);
  by_id(data.amenities, "a-status").facing = Point(0, 1);
  const ClauseResult& c = clause_of(std::move(data), "4.3.5");
  EXPECT_EQ(c.status, Status::warn);
  EXPECT_TRUE(has(evidence(c, "handling-status display").measured, "turned away"));
}

TEST(Clause4_3_7, EveryExitAndGlassDoorHasItsSign) {
  const ClauseResult& c = clause_of(plan_data(kCenter), "4.3.7");
  EXPECT_EQ(c.status, Status::pass);
  // s-glass-24h refers to nothing and stands at (26, 0), 0.4 m from the span of door-24h
  // (centre (27, 0), 1.2 m wide: it starts at x = 26.4).
  const Evidence& glass = evidence(c, "mind-the-glass sign (小心玻璃) at glass door door-24h");
  EXPECT_NEAR(*glass.value, 0.4, 1e-9);
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

TEST(Clause4_3_9, CenterWithoutZoneMapFails) {
  PlanData data = plan_data(kCenter);
  remove_if(data.signs, [](const Sign& s) { return s.kind == SignKind::zone_map; });
  EXPECT_EQ(clause_of(std::move(data), "4.3.9").status, Status::fail);
  EXPECT_EQ(clause_of(plan_data(kCenter), "4.3.9").status, Status::pass);
}

TEST(Clause4_3_10, SignWithoutTextIsReadAsTheSiteName) {
  PlanData data = plan_data(kCenter);
  by_id(data.signs, "s-outdoor").text.clear();
  data.site.name = "龙虎塘街道便民服务中心";
  const ClauseResult& c = clause_of(std::move(data), "4.3.10");
  EXPECT_EQ(c.status, Status::pass);
  EXPECT_EQ(evidence(c, "name on the sign").subject, "name on the sign (site name)");
}

// ---- 4.4.1 basic layout ---------------------------------------------------------------------

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

TEST(Clause4_4_1_2b, StationWithPublicToiletsNeedsAnAccessibleOne) {
  PlanData data = plan_data(kStation);
  by_id(data.zones, "disclosure").kind = ZoneKind::restroom;
  const ClauseResult& c = clause_of(std::move(data), "4.4.1.2 b");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(evidence(c, "accessible toilets").subject,
            "accessible toilets (public toilets disclosure are provided)");
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

TEST(Clause4_4_2_2, StationStaffMayHandOutNumbersAndAnAttestationCompletesIt) {
  const ClauseResult& open = clause_of(plan_data(kStation), "4.4.2.2");
  EXPECT_EQ(open.status, Status::manual);
  EXPECT_EQ(evidence(open, "ticket machines").outcome, Outcome::info);
  PlanData data = plan_data(kStation);
  data.attestations.push_back({"4.4.2.2", true, "张华 (站长)", "2024-06-01", ""});
  EXPECT_EQ(clause_of(std::move(data), "4.4.2.2").status, Status::pass);
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

// ---- 4.4.5 self-service -----------------------------------------------------------------------

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

TEST(Clause4_4_5f, StationWithNeitherZoneNorKioskFails) {
  PlanData data = plan_data(kStation);
  data.kiosks.clear();
  const ClauseResult& c = clause_of(std::move(data), "4.4.5 f");
  EXPECT_EQ(c.status, Status::fail);
  EXPECT_EQ(c.evidence[0].measured, "no zone and no kiosk");
}

}  // namespace
}  // namespace hallsim::layout
