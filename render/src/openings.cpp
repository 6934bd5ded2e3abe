#include "openings.hpp"

#include <cassert>
#include <limits>

namespace hallsim::render::detail {

std::vector<WallLine> wall_lines(const layout::Plan& plan) {
  std::vector<WallLine> lines;
  lines.push_back({&plan.outline(), true, true, nullptr});
  for (const layout::Wall& wall : plan.walls()) {
    lines.push_back({&wall.points, false, false, &wall});
  }
  return lines;
}

namespace {

double distance_to_line(const Point& p, const WallLine& line) {
  const std::vector<Point>& points = *line.points;
  const std::size_t n = points.size();
  const std::size_t segments = line.closed ? n : n - 1;
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < segments; ++i) {
    best = std::min(best, layout::distance(p, Segment{points[i], points[(i + 1) % n]}));
  }
  return best;
}

std::size_t wall_of(const layout::Opening& opening, const std::vector<WallLine>& walls) {
  if (opening.wall == layout::kOutlineWallId) {
    return 0;
  }
  for (std::size_t i = 1; i < walls.size(); ++i) {
    if (walls[i].wall->id == opening.wall) {
      return i;
    }
  }
  // A plan that names no wall: the nearest one, the outline winning ties.
  std::size_t best = 0;
  double best_distance = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < walls.size(); ++i) {
    if (walls[i].points->size() < 2) {
      continue;
    }
    const double d = distance_to_line(opening.position, walls[i]);
    if (d < best_distance) {
      best_distance = d;
      best = i;
    }
  }
  return best;
}

}  // namespace

std::vector<PlacedOpening> place_openings(const layout::Plan& plan,
                                          const std::vector<WallLine>& walls) {
  std::vector<PlacedOpening> placed;
  placed.reserve(plan.openings().size());
  for (const layout::Opening& opening : plan.openings()) {
    PlacedOpening item;
    item.opening = &opening;
    item.wall_index = wall_of(opening, walls);
    const WallLine& line = walls[item.wall_index];
    item.place = place_opening(opening, *line.points, line.closed);
    const Segment& span = item.place.span;
    const Point along = span.b - span.a;
    const double length = along.norm();
    Point normal = length > 0.0 ? Point(-along.y() / length, along.x() / length) : Point(0, 1);
    const Point middle = (span.a + span.b) / 2.0;
    // Probe a little way off the wall to tell the sides apart.
    const double probe = 0.1;
    std::optional<Point> swing_side;
    if (item.wall_index == 0) {
      if (layout::contains(plan.outline(), middle + normal * probe)) {
        normal = -normal;
      }
      item.outward = normal;
      switch (opening.swing) {
        case layout::Swing::outward:
          swing_side = normal;
          break;
        case layout::Swing::inward:
          swing_side = -normal;
          break;
        case layout::Swing::both:
          swing_side = normal;
          break;
        case layout::Swing::none:
          break;
      }
    } else {
      const layout::Zone* into =
          opening.swing_into.empty() ? nullptr : plan.find_zone(opening.swing_into);
      if (into != nullptr && !layout::contains(into->polygon, middle + normal * probe)) {
        normal = -normal;
      }
      item.outward = normal;
      // A door that swings both ways needs no side; one way needs the zone it swings into.
      if (opening.swing == layout::Swing::both ||
          (opening.swing != layout::Swing::none && into != nullptr)) {
        swing_side = normal;
      }
    }
    item.symbol = door_symbol(opening.door, span, swing_side, opening.swing == layout::Swing::both);
    placed.push_back(std::move(item));
  }
  return placed;
}

std::vector<std::vector<Interval>> gaps_of(std::size_t wall_index, const WallLine& wall,
                                           const std::vector<PlacedOpening>& openings) {
  const std::size_t n = wall.points->size();
  std::vector<std::vector<Interval>> gaps(wall.closed ? n : (n > 0 ? n - 1 : 0));
  for (const PlacedOpening& item : openings) {
    if (item.wall_index != wall_index) {
      continue;
    }
    assert(item.place.segment < gaps.size());
    gaps[item.place.segment].push_back(item.place.along);
  }
  return gaps;
}

}  // namespace hallsim::render::detail
