#pragma once
/// \file
/// Overlays made from the analyses of the layout library, so that `hallsim render` and other
/// callers turn a report into a picture in one call.

#include "hallsim/layout/access.hpp"
#include "hallsim/layout/compliance.hpp"
#include "hallsim/layout/egress.hpp"
#include "hallsim/layout/navigation.hpp"
#include "hallsim/layout/plan.hpp"
#include "hallsim/render/overlays.hpp"

namespace hallsim::render {

/// Where an element of `plan` is drawn: a zone's label point, a footprint's centroid, a door's
/// or a sign's position, the middle of a wall or level change. Nothing for an unknown id.
std::optional<layout::Point> element_position(const layout::Plan& plan, const std::string& id);

/// Marks for every clause of `report` that fails (red) or warns (amber): one mark per element
/// its unmet evidence names, clauses on the same element sharing one mark; clauses whose
/// evidence names no element of the plan go to `plan_wide`.
CheckOverlay check_overlay(const layout::Plan& plan, const layout::ComplianceReport& report);

/// The egress picture of `graph`'s plan: walking distance to the nearest emergency exit on the
/// navigation grid (cells that are not walkable or reach no exit have no value), the open-hall
/// limit of `report` as the contour, and its farthest point with its route.
EgressOverlay egress_overlay(const layout::NavGraph& graph, const layout::EgressReport& report);

/// The accessibility picture: each target's route from the main entrance; an unreachable one
/// in red with its first blocking element marked.
AccessOverlay access_overlay(const layout::AccessReport& report);

}  // namespace hallsim::render
