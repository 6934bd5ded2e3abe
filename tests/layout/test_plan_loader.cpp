#include <gtest/gtest.h>

#include <iostream>

#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/layout/loader.hpp"

namespace hl = hallsim::layout;

TEST(PlanLoader, ServiceUnitLoads) {
  try {
    const hl::Plan plan = hl::load_plan(HALLSIM_SOURCE_DIR "/floorplans/service-unit.json");
    EXPECT_DOUBLE_EQ(plan.building_area(), 45.0);
  } catch (const hl::InputError& e) {
    FAIL() << e.what();
  }
}
