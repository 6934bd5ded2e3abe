#pragma once
/// \file
/// The colours of a plan picture, so that a reader (or a test) can tell what a pixel shows.

#include "hallsim/layout/plan.hpp"
#include "hallsim/render/image.hpp"

namespace hallsim::render {

/// Emergency exits (the band across the door and its label): safety green.
inline constexpr Rgba kExitGreen{0, 153, 68, 255};
/// The main entrance arrow.
inline constexpr Rgba kEntranceBlue{31, 95, 191, 255};
/// Floor inside the building that no zone covers.
inline constexpr Rgba kFloor{244, 241, 234, 255};
/// Outside the building.
inline constexpr Rgba kPaper{255, 255, 255, 255};
/// The exterior wall.
inline constexpr Rgba kExteriorWall{34, 34, 34, 255};
/// Interior walls.
inline constexpr Rgba kInteriorWall{70, 70, 70, 255};
/// Glass walls and glazed partitions.
inline constexpr Rgba kGlassWall{122, 186, 222, 255};
/// Failures in overlays (access routes, check marks, the part of the hall beyond the limit).
inline constexpr Rgba kFailureRed{214, 39, 40, 255};
/// Clauses that only warn ("should") in the check overlay.
inline constexpr Rgba kWarningAmber{217, 119, 6, 255};
/// Routes that work (wheelchair routes).
inline constexpr Rgba kRouteBlue{31, 119, 180, 255};
/// The worst point's route to an exit in the egress overlay.
inline constexpr Rgba kWorstRoutePurple{106, 27, 154, 255};

/// Fill of a zone of this kind (light tones, so that furniture stands out).
Rgba zone_fill(layout::ZoneKind kind);
/// Fill of a service window of this type (strong tones, told apart from each other).
Rgba counter_fill(layout::CounterType type);
/// Background of a sign icon of this kind (green for exits, yellow for warnings, ...).
Rgba sign_fill(layout::SignKind kind);
/// Colour of the egress heat map at `distance` metres for a limit of `limit` metres: green at
/// the exit through yellow to orange at the limit, red beyond it.
Rgba egress_colour(double distance, double limit);

}  // namespace hallsim::render
