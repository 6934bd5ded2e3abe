#pragma once
// Plans and look-ups shared by the compliance tests. The plans in
// tests/data/plans/compliance/ meet every plan-decided clause of their level; a test changes
// one element to fail one clause.

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "hallsim/layout/compliance.hpp"
#include "hallsim/layout/loader.hpp"
#include "layout_test_support.hpp"

namespace hallsim::layout::testing {

/// A town center of 600 m² (30 × 20 m), two exits, eight windows of every type.
inline constexpr const char* kCenter = "center-complete.json";
/// A village station of 120 m² (12 × 10 m), guidance desk in the window zone, one exit.
inline constexpr const char* kStation = "station-merged.json";
/// A service unit of 48 m² (8 × 6 m) in one room.
inline constexpr const char* kUnit = "unit-one-room.json";

inline std::string compliance_plan_path(const std::string& name) {
  return std::string(HALLSIM_TEST_DATA_DIR) + "/plans/compliance/" + name;
}

/// The description of a test plan, to change before building it again.
inline PlanData plan_data(const std::string& name) {
  return load_plan(compliance_plan_path(name)).data();
}

/// Builds `data` and checks it.
inline ComplianceReport check(PlanData data, const SupplementaryEvidence* supplementary = nullptr,
                              const CheckOptions& options = {}) {
  const Plan plan = Plan::build(std::move(data), "test-plan.json");
  return check_compliance(plan, "test-plan.json", options, supplementary);
}

/// The clause `id` of `report`; throws if absent so that a test fails loudly.
inline const ClauseResult& clause(const ComplianceReport& report, const std::string& id) {
  const ClauseResult* c = report.find(id);
  if (c == nullptr) throw std::runtime_error("no clause " + id + " in the report");
  return *c;
}

/// The first evidence of `c` whose subject starts with `subject`.
inline const Evidence& evidence(const ClauseResult& c, const std::string& subject) {
  for (const Evidence& e : c.evidence) {
    if (e.subject.rfind(subject, 0) == 0) return e;
  }
  throw std::runtime_error("clause " + c.id + " has no evidence about \"" + subject + "\"");
}

}  // namespace hallsim::layout::testing
