// Wheelchair routes from the main entrance: doors, steps, ramps, narrow passages.

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <optional>
#include <string>

#include "hallsim/layout/access.hpp"
#include "hallsim/layout/loader.hpp"
#include "hallsim/layout/navigation.hpp"

namespace hallsim::layout {
namespace {

AccessReport check(const std::string& name) {
  const Plan plan = load_plan(std::string(HALLSIM_TEST_DATA_DIR) + "/plans/egress/" + name);
  return check_access(NavGraph::build(plan));
}

const AccessTarget& target(const AccessReport& r, const std::string& id) {
  const auto it = std::find_if(r.targets.begin(), r.targets.end(),
                               [&](const AccessTarget& t) { return t.id == id; });
  EXPECT_NE(it, r.targets.end()) << id;
  return *it;
}

std::vector<NavFinding> failures(const AccessReport& r, const std::string& check) {
  std::vector<NavFinding> out;
  for (const NavFinding& f : r.findings) {
    if (f.check == check && f.severity == Severity::failure) out.push_back(f);
  }
  return out;
}

// True if the polyline crosses the vertical line x = `x` between y0 and y1.
bool crosses_vertical(const std::vector<Point>& route, double x, double y0, double y1) {
  for (std::size_t k = 0; k + 1 < route.size(); ++k) {
    const Point& a = route[k];
    const Point& b = route[k + 1];
    if ((a.x() - x) * (b.x() - x) > 0.0 || a.x() == b.x()) continue;
    const double y = a.y() + (x - a.x()) / (b.x() - a.x()) * (b.y() - a.y());
    if (y >= y0 && y <= y1) return true;
  }
  return false;
}

// Where the polyline first crosses the horizontal line y = `y`.
std::optional<double> crossing_x(const std::vector<Point>& route, double y) {
  for (std::size_t k = 0; k + 1 < route.size(); ++k) {
    const Point& a = route[k];
    const Point& b = route[k + 1];
    if ((a.y() - y) * (b.y() - y) > 0.0 || a.y() == b.y()) continue;
    return a.x() + (y - a.y()) / (b.y() - a.y()) * (b.x() - a.x());
  }
  return std::nullopt;
}

TEST(WheelchairRoute, DoorOf85CentimetresBlocksTheOnlyRouteToTheLowCounter) {
  const AccessReport r = check("narrow-door.json");
  EXPECT_FALSE(r.passes());
  EXPECT_TRUE(target(r, "c-high").reachable);
  const AccessTarget& low = target(r, "c-low");
  EXPECT_FALSE(low.reachable);
  EXPECT_TRUE(low.low_counter);
  ASSERT_EQ(low.blocks.size(), 1u);
  EXPECT_EQ(low.blocks[0].what, "door");
  EXPECT_EQ(low.blocks[0].element_id, "d-side");
  EXPECT_DOUBLE_EQ(low.blocks[0].measured, 0.85);
  EXPECT_DOUBLE_EQ(low.blocks[0].required, 0.90);
  EXPECT_EQ(low.blocks[0].clause, "GB 55019-2021 2.5.4");
  EXPECT_EQ(low.blocks[0].position, Point(8.0, 4.0));
  // The best try goes from the entrance, through the door's clear span, to the counter.
  ASSERT_GE(low.route.points.size(), 2u);
  EXPECT_NEAR(low.route.points.front().y(), 0.1, 0.5);
  EXPECT_EQ(low.route.points.back(), Point(10.0, 5.9));
  EXPECT_TRUE(crosses_vertical(low.route.points, 8.0, 4.0 - 0.425, 4.0 + 0.425));
  EXPECT_EQ(low.narrowest_door, 0.85);
  EXPECT_NE(std::find(low.doors.begin(), low.doors.end(), "d-side"), low.doors.end());

  const auto blocked = failures(r, "wheelchair_route");
  const auto it = std::find_if(blocked.begin(), blocked.end(),
                               [](const NavFinding& f) { return f.target_id == "c-low"; });
  ASSERT_NE(it, blocked.end());
  EXPECT_EQ(it->element_id, "d-side");
  EXPECT_EQ(it->clause, "GB 55019-2021 2.5.4");
  EXPECT_EQ(it->standard_clauses, std::vector<std::string>{"4.4.1.2"});
  EXPECT_EQ(it->measured, 0.85);
  EXPECT_EQ(it->required, 0.90);
  EXPECT_EQ(it->route, low.route.points);
  EXPECT_NE(it->message.find("0.85 m clear, less than 0.90 m"), std::string::npos) << it->message;
  EXPECT_NE(it->message.find("widen"), std::string::npos) << it->message;
  // The only low counter is out of reach.
  ASSERT_EQ(failures(r, "low_counter").size(), 1u);
  EXPECT_EQ(failures(r, "low_counter")[0].clause, "GB 55019-2021 3.6.1");
}

TEST(WheelchairRoute, ReachableCounterGetsItsRouteAndDoors) {
  const AccessReport r = check("narrow-door.json");
  const AccessTarget& high = target(r, "c-high");
  ASSERT_TRUE(high.reachable);
  EXPECT_TRUE(high.blocks.empty());
  EXPECT_EQ(high.doors, std::vector<std::string>{"entrance"});
  EXPECT_EQ(high.narrowest_door, 1.5);
  EXPECT_EQ(high.route.points.back(), Point(2.0, 5.9));
  EXPECT_NEAR(high.length, high.route.length(), 1e-12);
  // Straight from a wheelchair cell of the entrance, at most settings.reach (0.6 m) inside its
  // span (2.25..3.75, 0), across the open hall.
  EXPECT_GE(high.length, std::hypot(0.25, 5.9) - 0.6);
  EXPECT_LE(high.length, std::hypot(0.25, 5.9) + 0.067);
}

TEST(WheelchairRoute, StepWithoutARampBlocksTheCounter) {
  const AccessReport r = check("step.json");
  const AccessTarget& c1 = target(r, "c1");
  EXPECT_FALSE(c1.reachable);
  ASSERT_EQ(c1.blocks.size(), 1u);
  const AccessBlock& b = c1.blocks[0];
  EXPECT_EQ(b.what, "step");
  EXPECT_EQ(b.element_id, "s-1");
  EXPECT_DOUBLE_EQ(b.measured, 150.0);
  EXPECT_DOUBLE_EQ(b.required, 15.0);
  EXPECT_EQ(b.unit, "mm");
  EXPECT_EQ(b.clause, "GB 55019-2021 2.3.1");
  EXPECT_NEAR(b.position.y(), 5.0, 1e-12);  // on the step's edge
  EXPECT_GE(b.position.x(), 0.0);
  EXPECT_LE(b.position.x(), 10.0);
  // The best try walks straight over the step: at most 0.3 m of bends at its ends.
  EXPECT_LE(c1.length, (Point(3.0, 7.9) - Point(3.0, 0.0)).norm() + 0.3);
}

TEST(WheelchairRoute, RampOfOneInTwelveBridgesTheStep) {
  const AccessReport r = check("step-ramp.json");
  const AccessTarget& c1 = target(r, "c1");
  ASSERT_TRUE(c1.reachable);
  // The route climbs the ramp: it crosses the step's line y = 5 within the ramp's width
  // (x = 8.25 .. 9.75).
  const auto x = crossing_x(c1.route.points, 5.0);
  ASSERT_TRUE(x.has_value());
  EXPECT_GE(*x, 8.25);
  EXPECT_LE(*x, 9.75);
  EXPECT_TRUE(r.passes());
}

TEST(WheelchairRoute, RampSteeperThanOneInTwelveBridgesNothing) {
  const AccessReport r = check("steep-ramp.json");
  const AccessTarget& c1 = target(r, "c1");
  EXPECT_FALSE(c1.reachable);
  ASSERT_EQ(c1.blocks.size(), 1u);
  // Crossing the 300 mm step takes two cells; the 1.8 m ramp takes nine: the best try blames
  // the step.
  EXPECT_EQ(c1.blocks[0].element_id, "s-1");
  EXPECT_DOUBLE_EQ(c1.blocks[0].measured, 300.0);
}

TEST(WheelchairRoute, PassageOf110CentimetresIsMeasuredAndNamed) {
  const AccessReport r = check("narrow-passage.json");
  const AccessTarget& c1 = target(r, "c1");
  EXPECT_FALSE(c1.reachable);
  ASSERT_EQ(c1.blocks.size(), 1u);
  const AccessBlock& b = c1.blocks[0];
  EXPECT_EQ(b.what, "passage");
  EXPECT_NE(b.element_id.find("planters"), std::string::npos) << b.element_id;
  EXPECT_NE(b.element_id.find("outline"), std::string::npos) << b.element_id;
  EXPECT_NEAR(b.measured, 1.10, 0.02);
  EXPECT_DOUBLE_EQ(b.required, 1.20);
  EXPECT_EQ(b.clause, "GB 55019-2021 2.2.2");
  EXPECT_NEAR(b.position.x(), 9.45, 1e-6);  // the middle of the gap
  EXPECT_NEAR(b.position.y(), 5.0, 0.2 + 1e-9);
  EXPECT_NEAR(c1.narrowest_width, 1.10, 0.02);
  // The best try goes through the gap: it crosses the planters' line y = 5 at 8.9 < x < 10.
  const auto x = crossing_x(c1.route.points, 5.0);
  ASSERT_TRUE(x.has_value());
  EXPECT_GT(*x, 8.9);
  EXPECT_LT(*x, 10.0);
}

TEST(TurningCircle, NicheTooNarrowToTurnInFrontOfTheCounterFails) {
  // Cabinets at x <= 4.35 and x >= 5.65 from y = 5.5 to the counter at y = 8.6: a niche 1.30 m
  // wide, so every point within 1.5 m of the customer side (5, 7.9) is at most 0.65 m from
  // a cabinet.
  const AccessReport r = check("tight-niche.json");
  const AccessTarget& c1 = target(r, "c1");
  ASSERT_TRUE(c1.reachable);  // 1.30 m is wide enough to roll in
  EXPECT_NEAR(c1.narrowest_width, 1.30, 0.02);
  EXPECT_NEAR(c1.narrowest_position.x(), 5.0, 1e-6);
  const auto turning = failures(r, "turning_circle");
  ASSERT_EQ(turning.size(), 1u);
  EXPECT_EQ(turning[0].element_id, "c1");
  EXPECT_EQ(turning[0].clause, "GB 55019-2021 2.6.1");
  EXPECT_NEAR(*turning[0].measured, 1.30, 0.02);
  EXPECT_DOUBLE_EQ(*turning[0].required, 1.50);
  // 1.30 m is also less than a crowded hall should have: a warning, not a failure.
  const auto crowded = std::find_if(r.findings.begin(), r.findings.end(), [](const NavFinding& f) {
    return f.check == "crowded_route_width";
  });
  ASSERT_NE(crowded, r.findings.end());
  EXPECT_EQ(crowded->severity, Severity::warning);
  EXPECT_EQ(crowded->element_id, "cabinet-west and cabinet-east");
  EXPECT_NEAR(*crowded->measured, 1.30, 0.02);
}

std::vector<NavFinding> of_check(const AccessReport& r, const std::string& check) {
  std::vector<NavFinding> out;
  for (const NavFinding& f : r.findings) {
    if (f.check == check) out.push_back(f);
  }
  return out;
}

PlanData approach_plan() {
  return load_plan(std::string(HALLSIM_TEST_DATA_DIR) + "/plans/egress/approach-step.json").data();
}

LevelChange ramp(const Point& bottom, const Point& top, double rise, double width) {
  LevelChange lc;
  lc.id = "ramp-street";
  lc.kind = LevelChangeKind::ramp;
  lc.line = Segment{bottom, top};
  lc.rise = rise;
  lc.width = width;
  return lc;
}

TEST(Approach, StepBeforeTheEntranceWithoutARampFails) {
  const AccessReport r = check("approach-step.json");
  ASSERT_EQ(r.approach.size(), 1u);
  EXPECT_EQ(r.approach[0].id, "step-street");
  EXPECT_EQ(r.approach[0].entrance_id, "d-main");
  EXPECT_EQ(r.approach[0].kind, LevelChangeKind::step);
  EXPECT_DOUBLE_EQ(r.approach[0].rise, 0.15);
  EXPECT_FALSE(r.approach[0].passable);
  const auto fails = failures(r, "approach_step");
  ASSERT_EQ(fails.size(), 1u);
  const NavFinding& f = fails[0];
  EXPECT_EQ(f.clause, "GB 55019-2021 2.3.1");
  EXPECT_EQ(f.element_id, "step-street");
  EXPECT_EQ(f.target_id, "d-main");
  EXPECT_DOUBLE_EQ(*f.measured, 150.0);
  EXPECT_DOUBLE_EQ(*f.required, 15.0);
  EXPECT_EQ(f.unit, "mm");
  EXPECT_EQ(f.position, Point(3.0, -1.0));
  // 0.15 m at 1:12 needs a run of 1.80 m.
  EXPECT_NE(f.message.find("1.80 m long"), std::string::npos) << f.message;
  EXPECT_NE(f.message.find("no usable ramp"), std::string::npos) << f.message;
  EXPECT_FALSE(r.passes());
}

TEST(Approach, RampOfOneInTwelveBesideTheStepPasses) {
  // Bottom (8.4, -0.6) to top (6.6, -0.6): a run of 1.80 m for 0.15 m, exactly 1:12, and 1.20 m
  // wide; it lies nearer d-main than any other outside door.
  PlanData data = approach_plan();
  data.level_changes.push_back(ramp(Point(8.4, -0.6), Point(6.6, -0.6), 0.15, 1.2));
  const AccessReport r = check_access(NavGraph::build(Plan::build(std::move(data))));
  ASSERT_EQ(r.approach.size(), 2u);
  EXPECT_EQ(r.approach[1].entrance_id, "d-main");
  EXPECT_NEAR(r.approach[1].slope, 1.0 / 12.0, 1e-12);
  EXPECT_TRUE(r.approach[1].passable);
  EXPECT_TRUE(of_check(r, "approach_step").empty());
  EXPECT_TRUE(of_check(r, "approach_ramp").empty());
  EXPECT_TRUE(r.passes());
}

TEST(Approach, SteepNarrowOrHighRampsFailAndLeaveTheStepUnclimbed) {
  // 1.50 m for 0.15 m is 1:10.
  PlanData steep = approach_plan();
  steep.level_changes.push_back(ramp(Point(8.1, -0.6), Point(6.6, -0.6), 0.15, 1.2));
  AccessReport r = check_access(NavGraph::build(Plan::build(std::move(steep))));
  auto ramps = failures(r, "approach_ramp");
  ASSERT_EQ(ramps.size(), 1u);
  EXPECT_EQ(ramps[0].element_id, "ramp-street");
  EXPECT_NEAR(*ramps[0].measured, 0.1, 1e-12);
  EXPECT_NE(ramps[0].message.find("1:10.0"), std::string::npos) << ramps[0].message;
  EXPECT_NE(ramps[0].message.find("at least 1.80 m"), std::string::npos) << ramps[0].message;
  EXPECT_EQ(failures(r, "approach_step").size(), 1u);

  // 1.00 m wide: less than the 1.20 m of an accessible route (GB 55019 2.2.2).
  PlanData narrow = approach_plan();
  narrow.level_changes.push_back(ramp(Point(8.4, -0.6), Point(6.6, -0.6), 0.15, 1.0));
  r = check_access(NavGraph::build(Plan::build(std::move(narrow))));
  ramps = failures(r, "approach_ramp");
  ASSERT_EQ(ramps.size(), 1u);
  EXPECT_EQ(ramps[0].clause, "GB 55019-2021 2.2.2");
  EXPECT_DOUBLE_EQ(*ramps[0].measured, 1.0);
  EXPECT_DOUBLE_EQ(*ramps[0].required, 1.2);

  // A flight of 0.90 m with a ramp of 1:15 beside it (13.5 m): the ramp rises more than
  // 0.75 m in one run.
  PlanData high = approach_plan();
  high.level_changes[0].kind = LevelChangeKind::stairs;
  high.level_changes[0].line = Segment{Point(3.0, -4.0), Point(3.0, -1.0)};
  high.level_changes[0].rise = 0.9;
  high.level_changes[0].width = 2.0;
  high.level_changes.push_back(ramp(Point(19.0, -0.6), Point(5.5, -0.6), 0.9, 1.5));
  r = check_access(NavGraph::build(Plan::build(std::move(high))));
  ramps = failures(r, "approach_ramp");
  ASSERT_EQ(ramps.size(), 1u);
  EXPECT_DOUBLE_EQ(*ramps[0].measured, 0.9);
  EXPECT_DOUBLE_EQ(*ramps[0].required, 0.75);
  const auto steps = failures(r, "approach_step");
  ASSERT_EQ(steps.size(), 1u);
  EXPECT_NE(steps[0].message.find("stairs step-street"), std::string::npos) << steps[0].message;
}

TEST(Approach, StepBeforeADoorNoWheelchairUsesIsNoPartOfTheApproach) {
  // A service door at (8.5, 0) with a step in front of it: the step is nearer that door than
  // the main entrance, and only the main entrance and doors marked accessible are approached.
  PlanData data = approach_plan();
  data.level_changes[0].line = Segment{Point(7.8, -0.8), Point(9.2, -0.8)};
  Opening service;
  service.id = "d-service";
  service.category = OpeningCategory::service;
  service.position = Point(8.5, 0.0);
  service.width = 0.9;
  data.openings.push_back(service);
  const AccessReport r = check_access(NavGraph::build(Plan::build(std::move(data))));
  EXPECT_TRUE(r.approach.empty());
  EXPECT_TRUE(of_check(r, "approach_step").empty());
}

TEST(WheelchairRoute, EverySamplePlanPasses) {
  int plans = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(HALLSIM_SOURCE_DIR) + "/floorplans")) {
    if (entry.path().extension() != ".json") continue;
    ++plans;
    const AccessReport r = check_access(NavGraph::build(load_plan(entry.path())));
    for (const NavFinding& f : r.findings) {
      EXPECT_NE(f.severity, Severity::failure) << entry.path() << ": " << f.message;
    }
    for (const AccessTarget& t : r.targets)
      EXPECT_TRUE(t.reachable) << entry.path() << ": " << t.id;
  }
  EXPECT_GE(plans, 3);
}

}  // namespace
}  // namespace hallsim::layout
