#pragma once
// Openings placed on their walls, with the side their door opens to and their symbol.

#include <optional>
#include <vector>

#include "hallsim/layout/plan.hpp"
#include "shapes.hpp"

namespace hallsim::render::detail {

/// The walls of a plan as polylines: the outline first (closed), then the interior walls.
struct WallLine {
  const std::vector<Point>* points = nullptr;
  bool closed = false;
  bool exterior = false;
  const layout::Wall* wall = nullptr;  ///< null for the outline
};

/// Every wall line of `plan`, the outline first.
std::vector<WallLine> wall_lines(const layout::Plan& plan);

/// An opening with where it is and how it is drawn.
struct PlacedOpening {
  const layout::Opening* opening = nullptr;
  std::size_t wall_index = 0;  ///< into wall_lines()
  OpeningPlace place;
  Point outward = Point::Zero();  ///< unit normal of the span: outside the building (exterior
                                  ///< openings) or into `swing_into` (interior ones, if given)
  DoorSymbol symbol;
};

/// Every opening of `plan` in file order, placed on the wall it names (or the nearest one).
std::vector<PlacedOpening> place_openings(const layout::Plan& plan,
                                          const std::vector<WallLine>& walls);

/// The door gaps of wall line `wall_index`, per segment, for wall_band().
std::vector<std::vector<Interval>> gaps_of(std::size_t wall_index, const WallLine& wall,
                                           const std::vector<PlacedOpening>& openings);

}  // namespace hallsim::render::detail
