// Crowd-slowed walking: a walk that starts in a full hall takes the SFPE speed-density
// relation's longer time; in an empty hall it takes distance / speed.

#include <gtest/gtest.h>

#include <algorithm>
#include <vector>

#include "hall_invariants.hpp"
#include "hall_samples.hpp"
#include "hall_test_support.hpp"
#include "hallsim/sim/hall.hpp"

namespace hallsim::sim {
namespace {

using testing::kNine;
using testing::traced;

/// One counter 10 m from the ticket machine and from the waiting area, the exit at the
/// counter; sixty visitors take their tickets at 9:00; ten minutes of service each.
struct CrowdedMorning {
  HallLayout hall = samples::plain_hall(1);
  Scenario scenario = samples::single_queue(0.0, DistributionSpec::fixed(600.0));

  explicit CrowdedMorning(double walkable_area) {
    hall.walkable_area = walkable_area;
    hall.walking = WalkingDistances(1);
    const std::size_t counter = WalkingDistances::counter_point(0);
    hall.walking.set(WalkingDistances::point(Spot::ticket_machine), counter, 10.0);
    hall.walking.set(WalkingDistances::point(Spot::waiting_area), counter, 10.0);
    scenario.demand.items.clear();
    for (int i = 0; i < 60; ++i) {
      TicketRecord r;
      r.ticket_time = kNine;
      r.item = "item";
      scenario.replay.records.push_back(r);
    }
  }
};

/// The walk to the counter of each of the first `n` visitors, in order of their calls.
std::vector<double> walks_to_counter(const HallResult& r, std::size_t n) {
  std::vector<double> out;
  for (const TraceRecord& x : r.trace) {
    if (x.event == TraceEvent::walk && x.spot == Spot::counter && out.size() < n) {
      out.push_back(x.duration);
    }
  }
  return out;
}

/// SFPE: v = k (1 - 0.266 D) for D >= 0.54 per m², relative to the speed at 0.54.
double sfpe_factor(double density) {
  return density <= 0.54 ? 1.0 : (1.0 - 0.266 * density) / (1.0 - 0.266 * 0.54);
}

TEST(HallCrowding, AWalkInAnEmptyHallTakesDistanceOverSpeedAndInAFullOneTheSfpeTime) {
  // 50 m² to walk on. Visitor 0 walks to the counter alone (1 / 50 per m²: free walking):
  // 10 m at 1.2 m/s. Visitor 1 is called at 9:10:08 with all sixty inside: 1.2 per m², so
  // the speed falls by (1 - 0.266 * 1.2) / (1 - 0.266 * 0.54) = 0.795.
  const CrowdedMorning morning(50.0);
  const HallModel model(morning.hall, morning.scenario);
  const double speed = morning.scenario.population.walking_speed;
  const RunSettings settings = traced();
  const HallResult r = model.run(settings);
  EXPECT_TRUE(check_trace(model, r, settings).empty());
  const auto walks = walks_to_counter(r, 3);
  ASSERT_EQ(walks.size(), 3U);
  EXPECT_DOUBLE_EQ(walks[0], 10.0 / speed);
  EXPECT_NEAR(walks[1], 10.0 / (speed * sfpe_factor(60.0 / 50.0)), 1e-9);
  EXPECT_NEAR(sfpe_factor(1.2), 0.7950, 5e-5);
  // Visitor 0 has left by the third call: 59 inside.
  EXPECT_NEAR(walks[2], 10.0 / (speed * sfpe_factor(59.0 / 50.0)), 1e-9);
}

TEST(HallCrowding, WithoutAWalkableAreaCrowdsDoNotSlowAnyone) {
  const CrowdedMorning morning(0.0);
  const HallModel model(morning.hall, morning.scenario);
  const double speed = morning.scenario.population.walking_speed;
  const auto walks = walks_to_counter(model.run(traced()), 3);
  ASSERT_EQ(walks.size(), 3U);
  for (double w : walks) {
    EXPECT_DOUBLE_EQ(w, 10.0 / speed);
  }
}

TEST(HallCrowding, APackedHallSlowsWalkingToATenthOfTheFreeSpeedAndNoLower) {
  // 10 m² for sixty people: 6 per m², past where the SFPE line reaches 0 (3.76 per m²).
  const CrowdedMorning morning(10.0);
  const HallModel model(morning.hall, morning.scenario);
  const double speed = morning.scenario.population.walking_speed;
  const auto walks = walks_to_counter(model.run(traced()), 2);
  ASSERT_EQ(walks.size(), 2U);
  EXPECT_DOUBLE_EQ(walks[1], 10.0 / (speed * 0.1));
}

}  // namespace
}  // namespace hallsim::sim
