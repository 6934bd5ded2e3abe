#include "shapes.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <numbers>

namespace hallsim::render::detail {

namespace {

Point left_normal(const Point& direction) {
  return {-direction.y(), direction.x()};
}

// Is `p` inside triangle abc (counter-clockwise), boundary included?
bool in_triangle(const Point& p, const Point& a, const Point& b, const Point& c) {
  return layout::cross(b - a, p - a) >= 0.0 && layout::cross(c - b, p - b) >= 0.0 &&
         layout::cross(a - c, p - c) >= 0.0;
}

}  // namespace

std::vector<Triangle> triangulate(const Polygon& polygon) {
  std::vector<Triangle> triangles;
  const std::size_t n = polygon.size();
  if (n < 3) {
    return triangles;
  }
  // Work on a counter-clockwise list of indices so that an ear is a left turn.
  std::vector<std::size_t> ring(n);
  for (std::size_t i = 0; i < n; ++i) {
    ring[i] = i;
  }
  if (layout::signed_area(polygon) < 0.0) {
    std::reverse(ring.begin(), ring.end());
  }

  while (ring.size() > 3) {
    const std::size_t m = ring.size();
    bool clipped = false;
    for (std::size_t i = 0; i < m && !clipped; ++i) {
      const std::size_t ia = ring[(i + m - 1) % m];
      const std::size_t ib = ring[i];
      const std::size_t ic = ring[(i + 1) % m];
      const Point& a = polygon[ia];
      const Point& b = polygon[ib];
      const Point& c = polygon[ic];
      if (layout::cross(b - a, c - b) <= 0.0) {
        continue;  // reflex or flat: not an ear
      }
      bool empty = true;
      for (std::size_t j = 0; j < m && empty; ++j) {
        const std::size_t other = ring[j];
        if (other == ia || other == ib || other == ic) {
          continue;
        }
        if (in_triangle(polygon[other], a, b, c)) {
          empty = false;
        }
      }
      if (!empty) {
        continue;
      }
      triangles.push_back({ia, ib, ic});
      ring.erase(ring.begin() + static_cast<std::ptrdiff_t>(i));
      clipped = true;
    }
    if (!clipped) {
      // Only a polygon with collinear runs gets here: drop a flat vertex and go on, so that the
      // fill loses nothing of positive area.
      bool dropped = false;
      for (std::size_t i = 0; i < m && !dropped; ++i) {
        const Point& a = polygon[ring[(i + m - 1) % m]];
        const Point& b = polygon[ring[i]];
        const Point& c = polygon[ring[(i + 1) % m]];
        if (std::abs(layout::cross(b - a, c - b)) <= 1e-12) {
          ring.erase(ring.begin() + static_cast<std::ptrdiff_t>(i));
          dropped = true;
        }
      }
      if (!dropped) {
        break;  // not simple; a checked plan never has one
      }
    }
  }
  if (ring.size() == 3) {
    triangles.push_back({ring[0], ring[1], ring[2]});
  }
  return triangles;
}

namespace {

// The mitre vector at a joint of unit directions d0 (in) and d1 (out): offsetting the joint by
// o times it lands on both offset lines. Near-hairpin joints get the plain normal of d1.
Point mitre(const Point& d0, const Point& d1) {
  const Point n0 = left_normal(d0);
  Point n1 = left_normal(d1);
  const double denominator = 1.0 + n0.dot(n1);
  if (denominator < 0.25) {
    return n1;  // sharper than about 140 degrees: no long spikes
  }
  return (n0 + n1) / denominator;
}

}  // namespace

std::vector<Quad> wall_band(const std::vector<Point>& points, bool closed, double left,
                            double right, const std::vector<std::vector<Interval>>& gaps) {
  std::vector<Quad> quads;
  const std::size_t n = points.size();
  if (n < 2) {
    return quads;
  }
  const std::size_t segments = closed ? n : n - 1;
  const auto direction = [&](std::size_t i) -> Point {
    const Point d = points[(i + 1) % n] - points[i];
    const double length = d.norm();
    return length > 0.0 ? Point(d / length) : Point(1.0, 0.0);
  };
  // Offset directions at each vertex: mitred at joints, square at the ends of an open line.
  std::vector<Point> joint(n);
  for (std::size_t v = 0; v < n; ++v) {
    const bool has_in = closed || v > 0;
    const bool has_out = closed || v + 1 < n;
    if (has_in && has_out) {
      joint[v] = mitre(direction((v + n - 1) % n), direction(v % segments));
    } else if (has_out) {
      joint[v] = left_normal(direction(v));
    } else {
      joint[v] = left_normal(direction(v - 1));
    }
  }
  for (std::size_t i = 0; i < segments; ++i) {
    const Point& a = points[i];
    const Point& b = points[(i + 1) % n];
    const Point normal = left_normal(direction(i));
    std::vector<Interval> cuts = i < gaps.size() ? gaps[i] : std::vector<Interval>{};
    std::sort(cuts.begin(), cuts.end(),
              [](const Interval& x, const Interval& y) { return x.from < y.from; });
    double start = 0.0;
    const auto emit = [&](double from, double to) {
      if (to - from <= 1e-9) {
        return;
      }
      const Point p = a + (b - a) * from;
      const Point q = a + (b - a) * to;
      const Point offset_p = from <= 0.0 ? joint[i] : normal;
      const Point offset_q = to >= 1.0 ? joint[(i + 1) % n] : normal;
      quads.push_back(
          {p + offset_p * left, q + offset_q * left, q - offset_q * right, p - offset_p * right});
    };
    for (const Interval& cut : cuts) {
      const double from = std::clamp(cut.from, 0.0, 1.0);
      const double to = std::clamp(cut.to, 0.0, 1.0);
      emit(start, from);
      start = std::max(start, to);
    }
    emit(start, 1.0);
  }
  return quads;
}

std::pair<double, double> exterior_wall_sides(const Polygon& outline, double thickness) {
  // A counter-clockwise ring has the inside on its left.
  return layout::signed_area(outline) > 0.0 ? std::pair{0.0, thickness} : std::pair{thickness, 0.0};
}

OpeningPlace place_opening(const layout::Opening& opening, const std::vector<Point>& wall_points,
                           bool closed) {
  assert(wall_points.size() >= 2);
  const std::size_t n = wall_points.size();
  const std::size_t segments = closed ? n : n - 1;
  OpeningPlace place;
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < segments; ++i) {
    const Segment s{wall_points[i], wall_points[(i + 1) % n]};
    const double d = layout::distance(opening.position, s);
    if (d < best) {
      best = d;
      place.segment = i;
    }
  }
  const Segment s{wall_points[place.segment], wall_points[(place.segment + 1) % n]};
  const double length = s.length();
  double from = 0.0;
  double to = 0.0;
  if (opening.span.length() > 1e-9) {
    from = layout::projection_parameter(s, opening.span.a);
    to = layout::projection_parameter(s, opening.span.b);
  } else {
    const double middle = layout::projection_parameter(s, opening.position);
    const double half = length > 0.0 ? opening.width / (2.0 * length) : 0.0;
    from = middle - half;
    to = middle + half;
  }
  if (from > to) {
    std::swap(from, to);
  }
  place.along = {std::clamp(from, 0.0, 1.0), std::clamp(to, 0.0, 1.0)};
  place.span = {s.a + (s.b - s.a) * place.along.from, s.a + (s.b - s.a) * place.along.to};
  return place;
}

namespace {

// A leaf hinged at `hinge`, closing towards `closed_end`, drawn open along `side`.
void add_leaf(DoorSymbol& symbol, const Point& hinge, const Point& closed_end, const Point& side) {
  const Point along = closed_end - hinge;
  const double width = along.norm();
  if (width <= 0.0) {
    return;
  }
  const Point u = along / width;
  symbol.leaves.push_back({hinge, hinge + side * width});
  std::vector<Point> arc;
  arc.reserve(kArcPoints);
  for (int k = 0; k < kArcPoints; ++k) {
    const double phi = (std::numbers::pi / 2.0) * k / (kArcPoints - 1);
    arc.emplace_back(hinge + width * (std::cos(phi) * side + std::sin(phi) * u));
  }
  symbol.arcs.push_back(std::move(arc));
}

Quad panel(const Point& from, const Point& to, const Point& normal, double offset,
           double thickness) {
  const Point lo = normal * offset;
  const Point hi = normal * (offset + thickness);
  return {from + lo, to + lo, to + hi, from + hi};
}

}  // namespace

DoorSymbol door_symbol(layout::DoorType type, const Segment& span,
                       const std::optional<Point>& swing_side, bool both_sides) {
  DoorSymbol symbol;
  const double width = span.length();
  if (width <= 0.0) {
    return symbol;
  }
  const Point u = (span.b - span.a) / width;
  const Point normal = left_normal(u);
  const Point middle = (span.a + span.b) / 2.0;
  switch (type) {
    case layout::DoorType::none:
      break;
    case layout::DoorType::swinging: {
      if (!swing_side) {
        break;
      }
      std::vector<Point> sides{*swing_side};
      if (both_sides) {
        sides.emplace_back(-*swing_side);
      }
      for (const Point& side : sides) {
        if (width > kDoubleLeafWidth) {
          add_leaf(symbol, span.a, middle, side);
          add_leaf(symbol, span.b, middle, side);
        } else {
          add_leaf(symbol, span.a, span.b, side);
        }
      }
      break;
    }
    case layout::DoorType::sliding:
    case layout::DoorType::automatic: {
      // Two panels meeting in the middle, each a little longer than half so that they overlap,
      // on either side of the wall line.
      const double thickness = std::min(0.05, width * 0.05);
      const Point overlap = u * (width * 0.05);
      symbol.panels.push_back(panel(span.a, middle + overlap, normal, 0.0, thickness));
      symbol.panels.push_back(panel(middle - overlap, span.b, normal, -thickness, thickness));
      break;
    }
    case layout::DoorType::revolving:
      symbol.revolving_centre = middle;
      symbol.revolving_radius = width / 2.0;
      break;
  }
  return symbol;
}

std::vector<Segment> contour_segments(const ScalarGrid& grid, double level) {
  std::vector<Segment> segments;
  if (grid.columns < 2 || grid.rows < 2) {
    return segments;
  }
  assert(grid.values.size() ==
         static_cast<std::size_t>(grid.columns) * static_cast<std::size_t>(grid.rows));
  // Corners of a square, counter-clockwise from the south-west: (c,r) (c+1,r) (c+1,r+1) (c,r+1).
  for (int r = 0; r + 1 < grid.rows; ++r) {
    for (int c = 0; c + 1 < grid.columns; ++c) {
      const std::array<double, 4> v{grid.at(c, r), grid.at(c + 1, r), grid.at(c + 1, r + 1),
                                    grid.at(c, r + 1)};
      if (std::any_of(v.begin(), v.end(), [](double x) { return std::isnan(x); })) {
        continue;
      }
      const std::array<Point, 4> p{grid.cell_centre(c, r), grid.cell_centre(c + 1, r),
                                   grid.cell_centre(c + 1, r + 1), grid.cell_centre(c, r + 1)};
      int mask = 0;
      for (int k = 0; k < 4; ++k) {
        if (v[k] >= level) {
          mask |= 1 << k;
        }
      }
      if (mask == 0 || mask == 15) {
        continue;
      }
      // Where edge k (from corner k to corner k+1) meets the level.
      const auto cut = [&](int k) -> Point {
        const int k1 = (k + 1) % 4;
        const double t = (level - v[k]) / (v[k1] - v[k]);
        return p[k] + (p[k1] - p[k]) * t;
      };
      std::vector<int> crossed;
      for (int k = 0; k < 4; ++k) {
        const bool above0 = (mask >> k) & 1;
        const bool above1 = (mask >> ((k + 1) % 4)) & 1;
        if (above0 != above1) {
          crossed.push_back(k);
        }
      }
      if (crossed.size() == 2) {
        segments.push_back({cut(crossed[0]), cut(crossed[1])});
      } else {
        assert(crossed.size() == 4);  // a saddle: opposite corners on the same side
        const double mean = (v[0] + v[1] + v[2] + v[3]) / 4.0;
        // Join the cuts around the corners that lie on the other side from the centre.
        const bool centre_above = mean >= level;
        const bool corner0_above = (mask & 1) != 0;
        if (centre_above == corner0_above) {
          segments.push_back({cut(0), cut(1)});
          segments.push_back({cut(2), cut(3)});
        } else {
          segments.push_back({cut(3), cut(0)});
          segments.push_back({cut(1), cut(2)});
        }
      }
    }
  }
  return segments;
}

std::optional<SeatRowFrame> seat_row_frame(const layout::SeatRow& row) {
  const Polygon& f = row.footprint;
  if (f.size() < 3 || row.seats <= 0) {
    return std::nullopt;
  }
  std::size_t longest = 0;
  for (std::size_t i = 1; i < f.size(); ++i) {
    if (layout::edge(f, i).length() > layout::edge(f, longest).length()) {
      longest = i;
    }
  }
  const Segment e = layout::edge(f, longest);
  SeatRowFrame r;
  r.origin = e.a;
  r.along = (e.b - e.a) / e.length();
  r.across = Point(-r.along.y(), r.along.x());
  r.lo_u = std::numeric_limits<double>::infinity();
  r.hi_u = -r.lo_u;
  r.lo_n = r.lo_u;
  r.hi_n = -r.lo_u;
  for (const Point& q : f) {
    r.lo_u = std::min(r.lo_u, (q - e.a).dot(r.along));
    r.hi_u = std::max(r.hi_u, (q - e.a).dot(r.along));
    r.lo_n = std::min(r.lo_n, (q - e.a).dot(r.across));
    r.hi_n = std::max(r.hi_n, (q - e.a).dot(r.across));
  }
  r.pitch = (r.hi_u - r.lo_u) / row.seats;
  return r;
}

}  // namespace hallsim::render::detail
