// Egress: distance to the nearest exit, exits against the load, dead ends, blocked exits, and
// the time to empty the hall.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>
#include <string>

#include "hallsim/layout/access.hpp"
#include "hallsim/layout/egress.hpp"
#include "hallsim/layout/loader.hpp"
#include "hallsim/layout/navigation.hpp"
#include "layout_test_support.hpp"
#include "nav_sample_halls.hpp"

namespace hallsim::layout {
namespace {

using testing::by_id;
using testing::has;

Plan test_plan(const std::string& name) {
  return load_plan(std::string(HALLSIM_TEST_DATA_DIR) + "/plans/egress/" + name);
}

std::vector<NavFinding> failures(const EgressReport& r) {
  std::vector<NavFinding> out;
  for (const NavFinding& f : r.findings) {
    if (f.severity == Severity::failure) out.push_back(f);
  }
  return out;
}

const NavFinding* find(const EgressReport& r, const std::string& check) {
  const auto it = std::find_if(r.findings.begin(), r.findings.end(),
                               [&](const NavFinding& f) { return f.check == check; });
  return it == r.findings.end() ? nullptr : &*it;
}

const EgressRoute* route_of(const EgressReport& r, const std::string& zone) {
  const auto it = std::find_if(r.routes.begin(), r.routes.end(),
                               [&](const EgressRoute& e) { return e.zone_id == zone; });
  return it == r.routes.end() ? nullptr : &*it;
}

const EvacuationDoor* door_of(const EgressReport& r, const std::string& id) {
  const auto it = std::find_if(r.doors.begin(), r.doors.end(),
                               [&](const EvacuationDoor& d) { return d.id == id; });
  return it == r.doors.end() ? nullptr : &*it;
}

std::vector<NavFinding> of_check(const EgressReport& r, const std::string& check) {
  std::vector<NavFinding> out;
  for (const NavFinding& f : r.findings) {
    if (f.check == check) out.push_back(f);
  }
  return out;
}

// Any-angle distances in a room are straight lines; the walk leaves the exit from one of its
// cells, up to h / 2 = 0.1 m off the straight line at 0.3 m or more from the door, which
// costs at most 0.1^2 / (2 * 0.3) = 0.017 m (see test_navigation.cpp).
constexpr double kStraight = 0.03;

TEST(EgressField, FarCornerOfRoomIsFurthestFromExit) {
  // 10 m x 6 m, one exit whose clear span is x = 2.5..3.5 on y = 0. Walkable cell centres
  // keep 0.2 m from the walls, so the far corner's cell is (9.7, 5.7).
  const EgressReport r = check_egress(NavGraph::build(test_plan("empty-room.json")));
  EXPECT_NEAR(r.farthest.from.x(), 9.7, 1e-9);
  EXPECT_NEAR(r.farthest.from.y(), 5.7, 1e-9);
  const double exact = (Point(9.7, 5.7) - Point(3.5, 0.0)).norm();  // 8.4220
  EXPECT_GE(r.farthest.distance, exact - 1e-9);
  EXPECT_LE(r.farthest.distance, exact + kStraight);
  EXPECT_EQ(r.farthest.exit_id, "exit");
  ASSERT_GE(r.farthest.route.points.size(), 2u);
  EXPECT_EQ(r.farthest.route.points.front(), r.farthest.from);
  EXPECT_NEAR(r.farthest.route.points.back().y(), 0.0, 1e-12);
  EXPECT_NEAR(r.farthest.route.length(), r.farthest.distance, 1e-9);
  // One exit in a room: the limit is the dead-end one (GB 50016 5.5.17), no sprinklers.
  ASSERT_EQ(r.rooms.size(), 1u);
  EXPECT_DOUBLE_EQ(r.rooms[0].farthest.limit, 22.0);
  EXPECT_TRUE(r.passes());
}

TEST(EgressField, TwoExitsEveryPointWalksToTheNearer) {
  // West exit: x = 0, y = 2.4..3.6; east exit: x = 20, y = 0.5..1.7. The farthest point is
  // the walkable cell centre whose nearer exit is farthest, found here by brute force.
  const Plan plan = test_plan("two-exits.json");
  const EgressReport r = check_egress(NavGraph::build(plan));
  const Segment west{Point(0.0, 2.4), Point(0.0, 3.6)};
  const Segment east{Point(20.0, 0.5), Point(20.0, 1.7)};
  double worst = 0.0;
  Point where = Point::Zero();
  for (int i = 0; i < 100; ++i) {
    for (int j = 0; j < 30; ++j) {
      const Point p(0.1 + 0.2 * i, 0.1 + 0.2 * j);
      if (p.x() < 0.3 - 1e-9 || p.x() > 19.7 + 1e-9 || p.y() < 0.3 - 1e-9 || p.y() > 5.7 + 1e-9) {
        continue;
      }
      const double d = std::min(distance(p, west), distance(p, east));
      if (d > worst) {
        worst = d;
        where = p;
      }
    }
  }
  EXPECT_GE(r.farthest.distance, worst - 1e-9);
  EXPECT_LE(r.farthest.distance, worst + kStraight);
  EXPECT_LE((r.farthest.from - where).norm(), 0.2 + 1e-9);
  EXPECT_EQ(r.farthest.exit_id,
            distance(r.farthest.from, west) < distance(r.farthest.from, east) ? "west" : "east");
  EXPECT_DOUBLE_EQ(r.rooms.at(0).farthest.limit, 30.0);  // two exits: the open-hall limit
}

TEST(BlockedExit, EachExitBlockedInTurnSendsEveryoneToTheOther) {
  const EgressReport r = check_egress(NavGraph::build(test_plan("two-exits.json")));
  ASSERT_EQ(r.blocked.size(), 2u);
  // West blocked: the far cell (0.3, 5.7) walks to the east span's top end (20, 1.7).
  EXPECT_EQ(r.blocked[0].exit_id, "west");
  const double west_blocked = (Point(0.3, 5.7) - Point(20.0, 1.7)).norm();  // 20.102
  EXPECT_GE(r.blocked[0].farthest.distance, west_blocked - 1e-9);
  EXPECT_LE(r.blocked[0].farthest.distance, west_blocked + kStraight);
  EXPECT_EQ(r.blocked[0].farthest.exit_id, "east");
  EXPECT_DOUBLE_EQ(r.blocked[0].remaining_width, 1.2);
  // East blocked: the farthest floor is the blocked door's own lowest cell (19.9, 0.7) (the
  // one at y = 0.5 is 0.1 m from the jamb), 19.97 m from the west span's foot (0, 2.4); so
  // blocking the west exit is the worse case.
  EXPECT_EQ(r.blocked[1].exit_id, "east");
  const double east_blocked = std::hypot(19.9, 2.4 - 0.7);
  EXPECT_GE(r.blocked[1].farthest.distance, east_blocked - 1e-9);
  EXPECT_LE(r.blocked[1].farthest.distance, east_blocked + kStraight);
  EXPECT_NEAR(r.blocked[1].farthest.from.x(), 19.9, 1e-9);
  EXPECT_NEAR(r.blocked[1].farthest.from.y(), 0.7, 1e-9);
  ASSERT_TRUE(r.worst_blocked.has_value());
  EXPECT_EQ(*r.worst_blocked, 0u);
  // Both stay within 30 m: no warning.
  EXPECT_EQ(find(r, "blocked_exit"), nullptr);
}

TEST(DeadEnd, OfficeAtTheEndOfALongCorridorIsTooFarFromAnExit) {
  // The office door at (10, 24) is 14 m up a 2 m corridor (x = 9..11) from the hall, whose
  // exits are at (2, 0) and (18, 0) with spans 1.2 m wide. The taut walk to the west exit
  // rounds the corridor's corner (9, 10) and ends at the span's end (2.6, 0).
  const EgressReport r = check_egress(NavGraph::build(test_plan("dead-end.json")));
  const double taut = (Point(9, 10) - Point(10, 24)).norm() + (Point(2.6, 0) - Point(9, 10)).norm();
  const auto fails = failures(r);
  ASSERT_EQ(fails.size(), 1u) << fails[0].message;
  const NavFinding& f = fails[0];
  EXPECT_EQ(f.check, "door_travel_distance");
  EXPECT_EQ(f.clause, "GB 50016-2014 5.5.17");
  EXPECT_EQ(f.element_id, "d-office");
  EXPECT_EQ(f.position, Point(10.0, 24.0));
  // Rounding the corner at the body radius and the grid's offset costs at most
  // (0.2 + 0.2 / sqrt(2)) * pi / 2 = 0.54 m (see test_navigation.cpp).
  EXPECT_GE(*f.measured, taut - 1e-9);
  EXPECT_LE(*f.measured, taut + 0.54);
  EXPECT_DOUBLE_EQ(*f.required, 22.0);
  EXPECT_NE(f.message.find("dead end"), std::string::npos) << f.message;
  // Both ways out share the corridor: at most its 14 m, and at least 14 m less the corridor's
  // width, where the two routes round opposite corners of its mouth.
  const auto office = std::find_if(r.rooms.begin(), r.rooms.end(),
                                   [](const RoomResult& room) { return room.zone_id == "office"; });
  ASSERT_NE(office, r.rooms.end());
  ASSERT_EQ(office->door_routes.size(), 1u);
  const RoomResult::Door& door = office->door_routes[0];
  EXPECT_TRUE(door.dead_end);
  EXPECT_GE(door.dead_end_length, 14.0 - 2.0);
  EXPECT_LE(door.dead_end_length, 14.0 + 0.5);
  EXPECT_EQ(door.route.points.front(), Point(10.0, 24.0));
}

TEST(ExitCapacity, OneNarrowExitForTwoHundredPeopleFailsTwice) {
  EgressSettings settings;
  settings.occupants = 200;
  const EgressReport r = check_egress(NavGraph::build(test_plan("narrow-exit.json")), settings);
  EXPECT_TRUE(r.occupants_given);
  EXPECT_DOUBLE_EQ(r.occupants, 200.0);
  // 200 persons at 0.65 m per 100 (grade II, GB 50016 5.5.21) need 1.30 m; the exit is 0.90.
  const NavFinding* capacity = find(r, "exit_capacity");
  ASSERT_NE(capacity, nullptr);
  EXPECT_EQ(capacity->clause, "GB 50016-2014 5.5.21");
  EXPECT_DOUBLE_EQ(*capacity->measured, 0.90);
  EXPECT_DOUBLE_EQ(*capacity->required, 1.30);
  // One exit is allowed only up to 200 m² and 50 persons (5.5.8).
  const NavFinding* count = find(r, "exit_count");
  ASSERT_NE(count, nullptr);
  EXPECT_EQ(count->clause, "GB 50016-2014 5.5.8");
  EXPECT_DOUBLE_EQ(*count->measured, 1.0);
  EXPECT_DOUBLE_EQ(*count->required, 2.0);
  // 0.90 m itself is the minimum clear width (5.5.18): no finding for it.
  EXPECT_EQ(find(r, "exit_width"), nullptr);
  EXPECT_EQ(failures(r).size(), 2u);
}

TEST(ExitCapacity, FiftyPeopleInASmallRoomMayShareOneExit) {
  EgressSettings settings;
  settings.occupants = 50;
  const EgressReport r = check_egress(NavGraph::build(test_plan("narrow-exit.json")), settings);
  EXPECT_EQ(find(r, "exit_count"), nullptr);     // 120 m² <= 200 and 50 <= 50
  EXPECT_EQ(find(r, "exit_capacity"), nullptr);  // 0.325 m needed
  EXPECT_DOUBLE_EQ(r.required_exit_width, 0.325);
}

TEST(Rooms, LargeRoomWithOneDoorAndAClosetWithNoneFail) {
  // rooms.json: a 12 m x 12 m side room behind a 0.2 m wall with one door, and a closet walled
  // off by a 0.12 m wall: its walkable cells are x = 0.3..1.7 by y = 12.3..13.7 (8 x 8).
  const EgressReport r = check_egress(NavGraph::build(test_plan("rooms.json")));
  const NavFinding* doors = find(r, "room_doors");
  ASSERT_NE(doors, nullptr);
  EXPECT_EQ(doors->clause, "GB 50016-2014 5.5.15");
  EXPECT_EQ(doors->element_id, "d-side");
  EXPECT_EQ(doors->target_id, "side");
  // Inside the walls the room is 11.9 m x 11.9 m = 141.6 m², less its doorway's cells.
  EXPECT_GT(*doors->measured, 120.0);
  EXPECT_LE(*doors->measured, 141.61);
  EXPECT_DOUBLE_EQ(*doors->required, 120.0);
  const NavFinding* cut = find(r, "no_way_out");
  ASSERT_NE(cut, nullptr);
  EXPECT_EQ(cut->severity, Severity::failure);
  EXPECT_NEAR(*cut->measured, 64 * 0.04, 1e-9);
  EXPECT_GT(cut->position.x(), 0.0);
  EXPECT_LT(cut->position.x(), 2.0);
  EXPECT_GT(cut->position.y(), 12.0);
  EXPECT_LT(cut->position.y(), 14.0);
  EXPECT_EQ(failures(r).size(), 2u);
  // The side room's farthest cells, (29.7, 8.3) and (29.7, 19.7), walk round a jamb of the
  // door (x = 18.1, y = 13.5 or 14.5) to its clear span: 12.8 m, within the room limit of 22 m.
  const auto side = std::find_if(r.rooms.begin(), r.rooms.end(),
                                 [](const RoomResult& room) { return room.zone_id == "side"; });
  ASSERT_NE(side, r.rooms.end());
  EXPECT_EQ(side->farthest.exit_id, "d-side");
  const double round_jamb = (Point(29.7, 8.3) - Point(18.1, 13.5)).norm() + 0.1;
  EXPECT_GE(side->farthest.distance, round_jamb - 1e-9);
  EXPECT_LE(side->farthest.distance, round_jamb + 0.54);
  EXPECT_DOUBLE_EQ(side->farthest.limit, 22.0);
}

TEST(ExitCapacity, EachExitIsSetAgainstThePeopleNearestToIt) {
  // narrow-door.json: 48 persons; the entrance and the side room's exit share them.
  const EgressReport r = check_egress(NavGraph::build(test_plan("narrow-door.json")));
  ASSERT_EQ(r.exits.size(), 2u);
  EXPECT_NEAR(r.exits[0].persons + r.exits[1].persons, 48.0, 1e-9);
  for (const ExitResult& e : r.exits) {
    EXPECT_DOUBLE_EQ(e.width_for_persons, std::ceil(e.persons - 1e-6) * 0.65 / 100.0);
  }
  EXPECT_EQ(find(r, "exit_share"), nullptr);
  // 200 persons at the 0.90 m exit need 1.30 m: a warning besides the total's failure.
  EgressSettings settings;
  settings.occupants = 200;
  const EgressReport crowded =
      check_egress(NavGraph::build(test_plan("narrow-exit.json")), settings);
  const NavFinding* share = find(crowded, "exit_share");
  ASSERT_NE(share, nullptr);
  EXPECT_EQ(share->severity, Severity::warning);
  EXPECT_DOUBLE_EQ(*share->required, 1.30);
}

TEST(EgressTime, HydraulicTimeMatchesTheFormulaByHand) {
  // 200 persons, one exit 0.90 m clear: effective width 0.90 - 2 x 0.15 = 0.60 m, flow
  // 1.3 x 0.60 = 0.78 persons/s. They stand on the room's 2786 walkable cells of 0.04 m²
  // (58 x 48 cells at least 0.2 m from the walls, and the two door cells at x = 5.9, 6.1),
  // so D = 200 / 111.44 = 1.7947 persons/m² and S = 1.4 (1 - 0.266 D). The first person
  // stands 0.1 m from the exit (the door cells' centres).
  EgressSettings settings;
  settings.occupants = 200;
  settings.pre_movement = 30.0;
  const EgressReport r = check_egress(NavGraph::build(test_plan("narrow-exit.json")), settings);
  const double density = 200.0 / (2786 * 0.04);
  const double speed = 1.4 * (1.0 - 0.266 * density);
  const double expected = 30.0 + 0.1 / speed + 200.0 / (1.3 * 0.6);
  EXPECT_NEAR(r.time.density, density, 1e-12);
  EXPECT_NEAR(r.time.speed, speed, 1e-12);
  EXPECT_EQ(r.time.controlling, "exit");
  EXPECT_NEAR(r.time.flow_time, expected, 1e-9);
  EXPECT_NEAR(r.time.time, expected, 1e-9);  // the queue, not the walk, takes longest
  EXPECT_LT(r.time.walk_time, r.time.flow_time);
  // One room, one exit: the max flow is that exit's flow, and the bound is the queue alone.
  EXPECT_NEAR(r.time.max_flow, 0.78, 1e-12);
  EXPECT_NEAR(r.time.lower_bound, 30.0 + 200.0 / 0.78, 1e-9);
}

TEST(EgressTime, SlowWalkersAtLowDensityWalkAtTheFreeSpeed) {
  // 20 persons on 111 m²: below 0.54 persons/m² people walk at 1.19 m/s.
  EgressSettings settings;
  settings.occupants = 20;
  const EgressReport r = check_egress(NavGraph::build(test_plan("narrow-exit.json")), settings);
  EXPECT_DOUBLE_EQ(r.time.speed, 1.19);
  EXPECT_NEAR(r.time.walk_time, r.farthest.distance / 1.19, 1e-9);
}

TEST(EgressTime, MaxFlowBoundIsNeverAboveTheHydraulicTime) {
  for (const std::string name : {"two-exits.json", "dead-end.json", "narrow-door.json"}) {
    const EgressReport r = check_egress(NavGraph::build(test_plan(name)));
    EXPECT_LE(r.time.lower_bound, r.time.time + 1e-9) << name;
    for (const BlockedExit& b : r.blocked) {
      EXPECT_LE(b.time.lower_bound, b.time.time + 1e-9) << name << " " << b.exit_id;
    }
  }
  // Two exits of 1.2 m in one room: 2 x 1.3 x 0.9 persons/s.
  const EgressReport r = check_egress(NavGraph::build(test_plan("two-exits.json")));
  EXPECT_NEAR(r.time.max_flow, 2.34, 1e-12);
}

TEST(OccupantLoad, DesignDensityTimesZoneAreaOrTheSeats) {
  // narrow-door: two window-service zones of 64 and 32 m² at 0.5 persons/m².
  const EgressReport r = check_egress(NavGraph::build(test_plan("narrow-door.json")));
  ASSERT_EQ(r.loads.size(), 2u);
  EXPECT_DOUBLE_EQ(r.loads[0].persons, 32.0);
  EXPECT_DOUBLE_EQ(r.loads[1].persons, 16.0);
  EXPECT_DOUBLE_EQ(r.occupants, 48.0);
  EXPECT_FALSE(r.occupants_given);
  EXPECT_DOUBLE_EQ(design_density(ZoneKind::waiting), 0.5);
  EXPECT_DOUBLE_EQ(width_per_100_persons(FireResistanceGrade::iii), 0.75);
}

TEST(Egress, EverySamplePlanPasses) {
  int plans = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(HALLSIM_SOURCE_DIR) + "/floorplans")) {
    if (entry.path().extension() != ".json") continue;
    ++plans;
    const EgressReport r = check_egress(NavGraph::build(load_plan(entry.path())));
    for (const NavFinding& f : failures(r)) ADD_FAILURE() << entry.path() << ": " << f.message;
    EXPECT_LE(r.time.lower_bound, r.time.time + 1e-9) << entry.path();
  }
  EXPECT_GE(plans, 3);
}

TEST(SampleHall, BenchmarkHallIsAValidPlanWithRoomForEveryone) {
  // The made-up hall the benchmarks time (bench/bench_navigation.cpp), at 900 m²: a valid plan,
  // every counter and kiosk within a wheelchair's reach, and within the egress limits.
  const Plan plan = Plan::build(detail::sample_hall(900.0));
  EXPECT_NEAR(plan.building_area(), 900.0, 1e-9);
  const NavGraph graph = NavGraph::build(plan);
  const EgressReport egress = check_egress(graph);
  for (const NavFinding& f : failures(egress)) ADD_FAILURE() << f.message;
  EXPECT_EQ(egress.exits.size(), 5u);
  const AccessReport access = check_access(graph);
  for (const AccessTarget& t : access.targets) EXPECT_TRUE(t.reachable) << t.id;
}

TEST(RouteWidth, CorridorOfOneMetreOnTheOnlyWayOutFails) {
  // The corridor runs from x = 10 to the exit at x = 16 between the outline (y = 0) and the
  // face of w-store (centreline 1.1, 0.2 m thick): 1.00 m clear, below GB 50016 5.5.18's 1.10.
  const EgressReport r = check_egress(NavGraph::build(test_plan("corridor-narrow.json")));
  const EgressRoute* wait = route_of(r, "z-wait");
  ASSERT_NE(wait, nullptr);
  EXPECT_EQ(wait->exit_id, "d-main");
  EXPECT_NEAR(wait->narrowest_width, 1.00, 1e-6);
  EXPECT_DOUBLE_EQ(wait->limit, 1.10);
  EXPECT_GE(wait->narrowest_position.x(), 10.0 - 0.2);
  EXPECT_LE(wait->narrowest_position.x(), 16.0);
  EXPECT_NEAR(wait->narrowest_position.y(), 0.5, 1e-6);  // the middle line of the corridor
  EXPECT_TRUE(has(wait->narrowed_by, "w-store")) << wait->narrowed_by;
  EXPECT_TRUE(has(wait->narrowed_by, "outline")) << wait->narrowed_by;
  // The store room holds no one (storage: 0 persons/m²), the corridor is a walkway: neither
  // is an occupied zone.
  EXPECT_EQ(r.routes.size(), 1u);

  const auto fails = failures(r);
  ASSERT_EQ(fails.size(), 1u) << fails[0].message;
  const NavFinding& f = fails[0];
  EXPECT_EQ(f.check, "route_width");
  EXPECT_EQ(f.clause, "GB 50016-2014 5.5.18");
  EXPECT_EQ(f.element_id, wait->narrowed_by);
  EXPECT_EQ(f.target_id, "z-wait");
  EXPECT_NEAR(*f.measured, 1.00, 1e-6);
  EXPECT_DOUBLE_EQ(*f.required, 1.10);
  EXPECT_TRUE(has(f.message, "1.00 m")) << f.message;
  EXPECT_TRUE(has(f.message, "1.10 m")) << f.message;
  EXPECT_TRUE(has(f.message, "z-wait")) << f.message;
  // The route runs from the waiting room through the corridor to the exit.
  ASSERT_GE(f.route.size(), 2u);
  EXPECT_LT(f.route.front().x(), 10.0);
  EXPECT_NEAR(f.route.back().x(), 16.0, 1e-9);
  for (const Point& p : f.route) {
    if (p.x() > 10.2) {
      EXPECT_GE(p.y(), 0.2 - 1e-9);
      EXPECT_LE(p.y(), 0.8 + 1e-9);
    }
  }
}

TEST(RouteWidth, CorridorOfOnePointTwoMetresPasses) {
  // The same plan with w-store moved to y = 1.3: the corridor is 1.20 m clear, and it is the
  // narrowest place on the way out (the exit's own 0.9 m is a door, checked on its own).
  PlanData data = test_plan("corridor-narrow.json").data();
  for (Point& p : by_id(data.walls, "w-store").points) {
    if (std::abs(p.y() - 1.1) < 1e-9) p.y() = 1.3;
  }
  const EgressReport r = check_egress(NavGraph::build(Plan::build(std::move(data))));
  const EgressRoute* wait = route_of(r, "z-wait");
  ASSERT_NE(wait, nullptr);
  EXPECT_NEAR(wait->narrowest_width, 1.20, 1e-6);
  EXPECT_TRUE(wait->route.points.empty());  // only failing routes carry theirs
  EXPECT_TRUE(of_check(r, "route_width").empty());
  EXPECT_TRUE(r.passes());
}

TEST(RouteWidth, EveryOccupiedZoneOfTheTownCenterHasAWayOutOf110Centimetres) {
  const EgressReport r = check_egress(
      NavGraph::build(load_plan(std::string(HALLSIM_SOURCE_DIR) + "/floorplans/town-center.json")));
  // Every zone but the two walkways holds people at its design density.
  EXPECT_EQ(r.routes.size(), 16u - 2u);
  for (const EgressRoute& e : r.routes) {
    EXPECT_GE(e.narrowest_width, 1.10 - 1e-6) << e.zone_id << " at " << e.narrowed_by;
    EXPECT_LE(e.narrowest_width, 2.0);
  }
}

TEST(DoorSwing, EveryDoorOnTheWayOutOpensTheWayPeopleEscape) {
  // 70 seats in z-hall (more than its 110 m² x 0.5), all of whom leave through d-mid.
  const EgressReport r = check_egress(NavGraph::build(test_plan("door-swing.json")));
  ASSERT_EQ(r.doors.size(), 3u);
  for (const char* id : {"d-main", "d-exit"}) {
    const EvacuationDoor* d = door_of(r, id);
    ASSERT_NE(d, nullptr) << id;
    EXPECT_TRUE(d->exit);
    EXPECT_TRUE(d->held);
    EXPECT_EQ(d->escape_to, "outside");
    EXPECT_EQ(d->opens_to, "outside");
    EXPECT_EQ(d->verdict, "ok");
  }
  const EvacuationDoor* mid = door_of(r, "d-mid");
  ASSERT_NE(mid, nullptr);
  EXPECT_FALSE(mid->exit);
  EXPECT_NEAR(mid->persons, 70.0, 1e-6);
  EXPECT_GT(mid->room_persons, 60.0);  // the hall's people, less those standing in the doorway
  EXPECT_LE(mid->room_persons, 70.0 + 1e-6);
  EXPECT_TRUE(mid->held);
  EXPECT_EQ(mid->escape_to, "z-lobby");
  EXPECT_EQ(mid->opens_to, "z-lobby");
  EXPECT_EQ(mid->verdict, "ok");
  EXPECT_TRUE(of_check(r, "door_swing").empty());
  EXPECT_TRUE(of_check(r, "door_type").empty());
  EXPECT_TRUE(r.passes());
}

TEST(DoorSwing, ExitThatOpensInwardFails) {
  PlanData data = test_plan("door-swing.json").data();
  by_id(data.openings, "d-exit").swing = Swing::inward;
  const EgressReport r = check_egress(NavGraph::build(Plan::build(std::move(data))));
  const auto fails = failures(r);
  ASSERT_EQ(fails.size(), 1u);
  EXPECT_EQ(fails[0].check, "door_swing");
  EXPECT_EQ(fails[0].clause, "GB 50016-2014 6.4.11");
  EXPECT_EQ(fails[0].element_id, "d-exit");
  EXPECT_EQ(fails[0].position, Point(20.0, 7.5));
  EXPECT_TRUE(has(fails[0].message, "inward")) << fails[0].message;
  EXPECT_TRUE(has(fails[0].message, "swing outward")) << fails[0].message;
  EXPECT_EQ(door_of(r, "d-exit")->verdict, "against");
}

TEST(DoorSwing, DoorOutOfAHallOfSeventyThatSwingsIntoItFails) {
  PlanData data = test_plan("door-swing.json").data();
  by_id(data.openings, "d-mid").swing_into = "z-hall";
  const EgressReport r = check_egress(NavGraph::build(Plan::build(std::move(data))));
  const auto fails = failures(r);
  ASSERT_EQ(fails.size(), 1u);
  EXPECT_EQ(fails[0].check, "door_swing");
  EXPECT_EQ(fails[0].element_id, "d-mid");
  EXPECT_EQ(fails[0].target_id, "z-lobby");
  EXPECT_TRUE(has(fails[0].message, "70 persons pass it")) << fails[0].message;
  EXPECT_TRUE(has(fails[0].message, "opens into z-hall")) << fails[0].message;
  EXPECT_TRUE(has(fails[0].message, "swing into z-lobby")) << fails[0].message;
}

TEST(DoorSwing, DoorOfASmallRoomMayOpenEitherWay) {
  // Without the seats, z-hall as a plain room holds 110 m² x 0.2 = 22 persons: not more than
  // 60 in the room nor 30 through the door (GB 50016 6.4.11), so d-mid may swing into it.
  PlanData data = test_plan("door-swing.json").data();
  by_id(data.openings, "d-mid").swing_into = "z-hall";
  by_id(data.zones, "z-hall").kind = ZoneKind::room;
  data.seat_rows.clear();
  const EgressReport r = check_egress(NavGraph::build(Plan::build(std::move(data))));
  const EvacuationDoor* mid = door_of(r, "d-mid");
  ASSERT_NE(mid, nullptr);
  EXPECT_NEAR(mid->persons, 22.0, 1e-6);
  EXPECT_FALSE(mid->held);
  EXPECT_EQ(mid->verdict, "against");
  EXPECT_TRUE(of_check(r, "door_swing").empty());
  EXPECT_TRUE(r.passes());
}

TEST(DoorSwing, UnknownSwingAndSlidingExitsAreWarningsARevolvingExitFails) {
  PlanData data = test_plan("door-swing.json").data();
  by_id(data.openings, "d-exit").swing = Swing::none;
  by_id(data.openings, "d-main").door = DoorType::sliding;
  by_id(data.openings, "d-main").swing = Swing::none;
  EgressReport r = check_egress(NavGraph::build(Plan::build(data)));
  EXPECT_TRUE(r.passes());
  ASSERT_EQ(of_check(r, "door_swing").size(), 1u);
  EXPECT_EQ(of_check(r, "door_swing")[0].severity, Severity::warning);
  EXPECT_EQ(of_check(r, "door_swing")[0].element_id, "d-exit");
  EXPECT_TRUE(has(of_check(r, "door_swing")[0].message, "give its \"swing\""));
  ASSERT_EQ(of_check(r, "door_type").size(), 1u);
  EXPECT_EQ(of_check(r, "door_type")[0].severity, Severity::warning);
  EXPECT_EQ(of_check(r, "door_type")[0].element_id, "d-main");
  EXPECT_TRUE(has(of_check(r, "door_type")[0].message, "breakaway"));

  by_id(data.openings, "d-exit").door = DoorType::revolving;
  r = check_egress(NavGraph::build(Plan::build(std::move(data))));
  const auto fails = failures(r);
  ASSERT_EQ(fails.size(), 1u);
  EXPECT_EQ(fails[0].check, "door_type");
  EXPECT_EQ(fails[0].element_id, "d-exit");
  EXPECT_EQ(door_of(r, "d-exit")->verdict, "revolving");
}

TEST(Egress, SameInputGivesTheSameReport) {
  const Plan plan = test_plan("dead-end.json");
  const EgressReport a = check_egress(NavGraph::build(plan));
  const EgressReport b = check_egress(NavGraph::build(plan));
  ASSERT_EQ(a.findings.size(), b.findings.size());
  for (std::size_t k = 0; k < a.findings.size(); ++k) {
    EXPECT_EQ(a.findings[k].message, b.findings[k].message);
    EXPECT_EQ(a.findings[k].route, b.findings[k].route);
  }
  EXPECT_EQ(a.farthest.distance, b.farthest.distance);
  EXPECT_EQ(a.time.time, b.time.time);
}

}  // namespace
}  // namespace hallsim::layout
