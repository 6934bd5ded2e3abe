#include "nav_grid.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <sstream>

#include "hallsim/layout/diagnostics.hpp"

namespace hallsim::layout::detail {

namespace {

// Slack on comparisons of a computed distance with a limit, so that 5.7 - 5.5 counts as 0.2.
constexpr double kSlack = 1e-9;
// Steps lower than this are thresholds a wheelchair rolls over (GB 50763 3.5.3).
constexpr double kMaxThresholdRise = 0.015;
constexpr double kMaxRampSlope = 1.0 / 12.0;  // GB 55019 2.3.1
constexpr double kMaxRampRise = 0.75;         // GB 55019 2.3.1: rise of one run

Point perpendicular(const Point& u) {
  return {-u.y(), u.x()};
}

// Calls `fill(cell)` for every cell whose centre is inside `polygon` (crossing-number rule).
template <class Fill>
void rasterize(const NavGrid& g, const Polygon& polygon, Fill&& fill) {
  if (polygon.size() < 3) {
    return;
  }
  const Box box = bounding_box(polygon);
  const int j0 = std::max(0, static_cast<int>(std::floor((box.min.y() - g.origin.y()) / g.h)));
  const int j1 =
      std::min(g.ny - 1, static_cast<int>(std::floor((box.max.y() - g.origin.y()) / g.h)));
  std::vector<double> xs;
  for (int j = j0; j <= j1; ++j) {
    const double y = g.origin.y() + (j + 0.5) * g.h;
    xs.clear();
    const std::size_t n = polygon.size();
    for (std::size_t i = 0, k = n - 1; i < n; k = i++) {
      const Point& a = polygon[i];
      const Point& b = polygon[k];
      if ((a.y() > y) != (b.y() > y)) {
        xs.push_back(a.x() + (y - a.y()) * (b.x() - a.x()) / (b.y() - a.y()));
      }
    }
    std::sort(xs.begin(), xs.end());
    for (std::size_t p = 0; p + 1 < xs.size(); p += 2) {
      const int i0 = std::max(0, static_cast<int>(std::ceil((xs[p] - g.origin.x()) / g.h - 0.5)));
      const int i1 =
          std::min(g.nx - 1, static_cast<int>(std::floor((xs[p + 1] - g.origin.x()) / g.h - 0.5)));
      for (int i = i0; i <= i1; ++i) {
        fill(g.cell(i, j));
      }
    }
  }
}

// Range of cells whose centres may lie within `margin` of the box [lo, hi].
struct CellRange {
  int i0, i1, j0, j1;
};
CellRange cells_near(const NavGrid& g, const Point& lo, const Point& hi, double margin) {
  CellRange r{};
  r.i0 = std::max(0, static_cast<int>(std::floor((lo.x() - margin - g.origin.x()) / g.h - 0.5)));
  r.i1 =
      std::min(g.nx - 1, static_cast<int>(std::ceil((hi.x() + margin - g.origin.x()) / g.h - 0.5)));
  r.j0 = std::max(0, static_cast<int>(std::floor((lo.y() - margin - g.origin.y()) / g.h - 0.5)));
  r.j1 =
      std::min(g.ny - 1, static_cast<int>(std::ceil((hi.y() + margin - g.origin.y()) / g.h - 0.5)));
  return r;
}

// The parts of [0, length] left when the intervals in `cuts` are taken out; each part knows
// which cut (an opening index) bounds it at either end (-1: none).
struct Piece {
  double from, to;
  int opening_before, opening_after;
};
std::vector<Piece> pieces_between(double length,
                                  std::vector<std::tuple<double, double, int>> cuts) {
  std::sort(cuts.begin(), cuts.end());
  std::vector<Piece> pieces;
  double at = 0.0;
  int before = -1;
  for (const auto& [from, to, opening] : cuts) {
    if (from > at + kSlack) {
      pieces.push_back(Piece{at, from, before, opening});
    }
    if (to > at) {
      at = to;
      before = opening;
    }
  }
  if (length > at + kSlack) {
    pieces.push_back(Piece{at, length, before, -1});
  }
  return pieces;
}

// Where an opening's clear span lies along `s`, as an interval of distances from s.a; nothing
// if the span is not on this piece of wall. A span may run on over a bend-free corner of the
// outline into the next edge: each edge takes its part.
std::optional<std::pair<double, double>> span_on(const Segment& s, const Segment& span) {
  const double tol = kPlanTolerance + 1e-6;
  const double len = s.length();
  const Point dir = (s.b - s.a) / len;
  if (std::abs(cross(dir, span.a - s.a)) > tol || std::abs(cross(dir, span.b - s.a)) > tol) {
    return std::nullopt;
  }
  double a = (span.a - s.a).dot(dir);
  double b = (span.b - s.a).dot(dir);
  if (a > b) {
    std::swap(a, b);
  }
  a = std::max(a, 0.0);
  b = std::min(b, len);
  if (b - a < kSlack) {
    return std::nullopt;
  }
  return std::make_pair(a, b);
}

class GridBuilder {
 public:
  GridBuilder(const Plan& plan, const NavSettings& settings) {
    g_ = std::make_unique<NavGrid>(plan, settings);
  }

  std::unique_ptr<NavGrid> build() {
    assert(g_->settings.cell_size > 0.0);
    assert(g_->settings.body_radius >= g_->settings.cell_size / std::sqrt(2.0) - kSlack);
    assert(g_->settings.clearance_cap >= g_->settings.body_radius);
    size_grid();
    make_features();
    make_buckets();
    mark_solid();
    measure_clearance();
    mark_walkable();
    make_doorways();
    measure_widths();
    make_graph();
    find_rooms();
    measure_room_areas();
    connect_rooms();
    mark_barriers();
    g_->solids = std::move(solids_);
    return std::move(g_);
  }

 private:
  const Plan& plan() const { return g_->plan; }

  void size_grid() {
    NavGrid& g = *g_;
    g.h = g.settings.cell_size;
    const Box box = bounding_box(plan().outline());
    g.origin = box.min;
    const double w = box.max.x() - box.min.x();
    const double hgt = box.max.y() - box.min.y();
    const double cells = std::ceil(w / g.h) * std::ceil(hgt / g.h);
    if (cells > static_cast<double>(g.settings.max_cells)) {
      std::ostringstream what;
      what << "the building outline spans " << w << " m by " << hgt << " m, which needs " << cells
           << " navigation cells of " << g.h << " m; at most " << g.settings.max_cells
           << " are allowed";
      throw InputError({Diagnostic{g.settings.source_name, "/outline", what.str(),
                                   "check that the outline's coordinates are in metres"}});
    }
    g.nx = std::max(1, static_cast<int>(std::ceil(w / g.h - kSlack)));
    g.ny = std::max(1, static_cast<int>(std::ceil(hgt / g.h - kSlack)));
  }

  void add_feature(const Segment& s, FeatureKind kind, ElementType type, std::size_t index,
                   int jamb_a = -1, int jamb_b = -1) {
    Feature f;
    f.segment = s;
    f.kind = kind;
    f.element_type = type;
    f.element_index = index;
    f.jamb_of[0] = jamb_a;
    f.jamb_of[1] = jamb_b;
    g_->features.push_back(f);
  }

  void make_features() {
    const auto& openings = plan().openings();
    // The outline, less the clear spans of the openings in it.
    const Polygon& outline = plan().outline();
    for (std::size_t e = 0; e < outline.size(); ++e) {
      const Segment s = edge(outline, e);
      std::vector<std::tuple<double, double, int>> cuts;
      for (std::size_t o = 0; o < openings.size(); ++o) {
        if (openings[o].wall != kOutlineWallId) {
          continue;
        }
        if (const auto iv = span_on(s, openings[o].span)) {
          cuts.emplace_back(iv->first, iv->second, static_cast<int>(o));
        }
      }
      const Point dir = (s.b - s.a) / s.length();
      for (const Piece& p : pieces_between(s.length(), cuts)) {
        add_feature(Segment{s.a + p.from * dir, s.a + p.to * dir}, FeatureKind::outline,
                    ElementType::wall, 0, p.opening_before, p.opening_after);
      }
    }
    // Interior walls: a rectangle per straight piece, less the clear spans.
    const auto& walls = plan().walls();
    for (std::size_t w = 0; w < walls.size(); ++w) {
      const Wall& wall = walls[w];
      const double half = 0.5 * wall.thickness;
      for (std::size_t k = 0; k + 1 < wall.points.size(); ++k) {
        const Segment s{wall.points[k], wall.points[k + 1]};
        if (s.length() < kSlack) {
          continue;
        }
        std::vector<std::tuple<double, double, int>> cuts;
        for (std::size_t o = 0; o < openings.size(); ++o) {
          if (openings[o].wall != wall.id) {
            continue;
          }
          if (const auto iv = span_on(s, openings[o].span)) {
            cuts.emplace_back(iv->first, iv->second, static_cast<int>(o));
          }
        }
        const Point dir = (s.b - s.a) / s.length();
        const Point n = perpendicular(dir) * half;
        for (const Piece& p : pieces_between(s.length(), cuts)) {
          const Point a = s.a + p.from * dir;
          const Point b = s.a + p.to * dir;
          const int ja = p.opening_before;
          const int jb = p.opening_after;
          add_feature(Segment{a + n, b + n}, FeatureKind::wall, ElementType::wall, w, ja, jb);
          add_feature(Segment{a - n, b - n}, FeatureKind::wall, ElementType::wall, w, ja, jb);
          add_feature(Segment{a + n, a - n}, FeatureKind::wall, ElementType::wall, w, ja);
          add_feature(Segment{b + n, b - n}, FeatureKind::wall, ElementType::wall, w, jb);
          solids_.push_back(Polygon{a + n, b + n, b - n, a - n});
          ++wall_rectangles_;
        }
      }
    }
    // Fittings people walk around.
    const auto add_fitting = [this](const Polygon& footprint, ElementType type, std::size_t i) {
      for (std::size_t e = 0; e < footprint.size(); ++e) {
        add_feature(edge(footprint, e), FeatureKind::fitting, type, i);
      }
      solids_.push_back(footprint);
    };
    for (std::size_t i = 0; i < plan().counters().size(); ++i) {
      add_fitting(plan().counters()[i].footprint, ElementType::counter, i);
    }
    for (std::size_t i = 0; i < plan().kiosks().size(); ++i) {
      add_fitting(plan().kiosks()[i].footprint, ElementType::kiosk, i);
    }
    for (std::size_t i = 0; i < plan().seat_rows().size(); ++i) {
      add_fitting(plan().seat_rows()[i].footprint, ElementType::seat_row, i);
    }
    for (std::size_t i = 0; i < plan().desks().size(); ++i) {
      add_fitting(plan().desks()[i].footprint, ElementType::desk, i);
    }
    for (std::size_t i = 0; i < plan().obstacles().size(); ++i) {
      add_fitting(plan().obstacles()[i].footprint, ElementType::obstacle, i);
    }
  }

  void make_buckets() {
    NavGrid& g = *g_;
    g.bucket_size = std::max(g.settings.clearance_cap, g.h);
    const double cap = g.settings.clearance_cap;
    g.bx = static_cast<int>(std::ceil((g.nx * g.h + 2 * cap) / g.bucket_size)) + 1;
    g.by = static_cast<int>(std::ceil((g.ny * g.h + 2 * cap) / g.bucket_size)) + 1;
    g.buckets.assign(static_cast<std::size_t>(g.bx) * g.by, {});
    for (std::size_t f = 0; f < g.features.size(); ++f) {
      const Segment& s = g.features[f].segment;
      const int i0 = g.bucket_column(std::min(s.a.x(), s.b.x()));
      const int i1 = g.bucket_column(std::max(s.a.x(), s.b.x()));
      const int j0 = g.bucket_row(std::min(s.a.y(), s.b.y()));
      const int j1 = g.bucket_row(std::max(s.a.y(), s.b.y()));
      for (int j = j0; j <= j1; ++j) {
        for (int i = i0; i <= i1; ++i) {
          g.buckets[static_cast<std::size_t>(j) * g.bx + i].push_back(static_cast<std::int32_t>(f));
        }
      }
    }
  }

  void mark_solid() {
    NavGrid& g = *g_;
    const auto n = static_cast<std::size_t>(g.cell_count());
    std::vector<std::uint8_t> inside(n, 0);
    rasterize(g, plan().outline(), [&](CellIndex c) { inside[c] = 1; });
    g.solid.assign(n, 0);
    wall_solid_.assign(n, 0);
    for (std::size_t c = 0; c < n; ++c) {
      g.solid[c] = inside[c] ? 0 : 1;
      wall_solid_[c] = g.solid[c];
    }
    for (std::size_t k = 0; k < solids_.size(); ++k) {
      const bool is_wall = k < wall_rectangles_;
      rasterize(g, solids_[k], [&](CellIndex c) {
        g.solid[c] = 1;
        if (is_wall) {
          wall_solid_[c] = 1;
        }
      });
    }
  }

  void measure_clearance() {
    NavGrid& g = *g_;
    const double cap = g.settings.clearance_cap;
    const auto n = static_cast<std::size_t>(g.cell_count());
    g.clearance.assign(n, cap);
    g.nearest.assign(n, -1);
    for (std::size_t f = 0; f < g.features.size(); ++f) {
      const Segment& s = g.features[f].segment;
      const CellRange r = cells_near(g, s.a.cwiseMin(s.b), s.a.cwiseMax(s.b), cap);
      for (int j = r.j0; j <= r.j1; ++j) {
        for (int i = r.i0; i <= r.i1; ++i) {
          const CellIndex c = g.cell(i, j);
          const double d = distance(g.centre(c), s);
          if (d < g.clearance[c]) {
            g.clearance[c] = d;
            g.nearest[c] = static_cast<std::int32_t>(f);
          }
        }
      }
    }
    for (std::size_t c = 0; c < n; ++c) {
      if (g.solid[c]) {
        g.clearance[c] = 0.0;
      }
    }
  }

  void mark_walkable() {
    NavGrid& g = *g_;
    const auto n = static_cast<std::size_t>(g.cell_count());
    g.walkable.assign(n, 0);
    for (std::size_t c = 0; c < n; ++c) {
      g.walkable[c] = !g.solid[c] && g.clearance[c] >= g.settings.body_radius - kSlack ? 1 : 0;
    }
  }

  void make_doorways() {
    NavGrid& g = *g_;
    g.doorway_of.assign(static_cast<std::size_t>(g.cell_count()), -1);
    door_zone_.assign(static_cast<std::size_t>(g.cell_count()), 0);
    const auto& openings = plan().openings();
    for (std::size_t o = 0; o < openings.size(); ++o) {
      const Opening& op = openings[o];
      if (op.span.length() < kSlack) {
        continue;
      }
      Doorway d;
      d.opening = o;
      d.span = op.span;
      d.tangent = (op.span.b - op.span.a) / op.span.length();
      d.normal = perpendicular(d.tangent);
      d.exterior = op.exterior;
      if (!op.exterior) {
        for (const Wall& w : plan().walls()) {
          if (w.id == op.wall) {
            d.wall_thickness = w.thickness;
          }
        }
      } else {
        const Point mid = 0.5 * (op.span.a + op.span.b);
        if (!contains(plan().outline(), mid + 0.01 * d.normal, 0.0)) {
          d.normal = -d.normal;
        }
      }
      d.half_depth = 0.5 * d.wall_thickness + g.settings.body_radius;
      const double len = op.span.length();
      const CellRange r =
          cells_near(g, op.span.a.cwiseMin(op.span.b), op.span.a.cwiseMax(op.span.b), d.half_depth);
      const auto index = static_cast<std::int32_t>(g.doorways.size());
      for (int j = r.j0; j <= r.j1; ++j) {
        for (int i = r.i0; i <= r.i1; ++i) {
          const CellIndex c = g.cell(i, j);
          const Point rel = g.centre(c) - op.span.a;
          const double along = rel.dot(d.tangent);
          const double off = rel.dot(d.normal);
          if (along < -kSlack || along > len + kSlack || std::abs(off) > d.half_depth + kSlack) {
            continue;
          }
          door_zone_[c] = 1;
          if (!g.walkable[c] || g.doorway_of[c] >= 0) {
            continue;
          }
          g.doorway_of[c] = index;
          d.cells.push_back(c);
        }
      }
      g.doorways.push_back(std::move(d));
    }
  }

  // Free width: where a link between neighbouring cells crosses the middle line of a passage
  // (its two cells are nearest to features on opposite sides, and the clearance rises from
  // the cell to the crossing), the clearance at the crossing is half the passage's width.
  // Each cell takes the crossing nearest to it: one further along the passage would read the
  // width a little way off, wider at a door in a thin wall.
  void measure_widths() {
    NavGrid& g = *g_;
    const auto n = static_cast<std::size_t>(g.cell_count());
    g.width_radius = g.clearance;
    g.width_point.resize(n);
    g.width_pair.assign(n, -1);
    std::vector<double> offset(n, std::numeric_limits<double>::infinity());
    for (std::size_t c = 0; c < n; ++c) {
      g.width_point[c] = g.centre(static_cast<CellIndex>(c));
    }
    const auto take = [&](CellIndex c, const Point& p, double value, std::int32_t across) {
      if (value < g.clearance[c] - kSlack) {
        return;  // not a middle line: the link dips
      }
      const double d = (p - g.centre(c)).norm();
      if (d > offset[c] + kSlack || (d > offset[c] - kSlack && value <= g.width_radius[c])) {
        return;
      }
      offset[c] = d;
      g.width_radius[c] = std::max(value, g.clearance[c]);
      g.width_point[c] = p;
      g.width_pair[c] = across;
    };
    constexpr std::array<std::array<int, 2>, 4> kHalf{{{1, 0}, {1, 1}, {0, 1}, {-1, 1}}};
    for (int j = 0; j < g.ny; ++j) {
      for (int i = 0; i < g.nx; ++i) {
        const CellIndex a = g.cell(i, j);
        if (!g.walkable[a] || g.nearest[a] < 0) {
          continue;
        }
        for (const auto& d : kHalf) {
          if (!g.inside(i + d[0], j + d[1])) {
            continue;
          }
          const CellIndex b = g.cell(i + d[0], j + d[1]);
          if (!g.walkable[b] || g.nearest[b] < 0 || g.nearest[b] == g.nearest[a]) {
            continue;
          }
          const Segment& fa = g.features[g.nearest[a]].segment;
          const Segment& fb = g.features[g.nearest[b]].segment;
          const Point pa = g.centre(a);
          const Point pb = g.centre(b);
          const auto phi = [&](double t) {
            const Point p = pa + t * (pb - pa);
            return distance(p, fa) - distance(p, fb);
          };
          if (phi(0.0) > kSlack || phi(1.0) < -kSlack) {
            continue;
          }
          double lo = 0.0;
          double hi = 1.0;
          for (int it = 0; it < 40 && (hi - lo) * g.h > 1e-7; ++it) {
            const double mid = 0.5 * (lo + hi);
            (phi(mid) <= 0.0 ? lo : hi) = mid;
          }
          const Point p = pa + 0.5 * (lo + hi) * (pb - pa);
          // Two edges meeting at a corner are equally near along the corner's bisector, which
          // is no passage: there both are nearest at the shared corner. Across a passage the
          // nearest points lie on opposite sides, about twice the clearance apart.
          const double spread = (closest_point(fa, p) - closest_point(fb, p)).norm();
          if (spread < distance(p, fa)) {
            continue;
          }
          const double value = g.clearance_at(p);
          take(a, p, value, g.nearest[b]);
          take(b, p, value, g.nearest[a]);
        }
      }
    }
  }

  void make_graph() {
    NavGrid& g = *g_;
    const auto n = static_cast<std::size_t>(g.cell_count());
    g.vertex_of_cell.assign(n, -1);
    for (std::size_t c = 0; c < n; ++c) {
      if (!g.walkable[c]) {
        continue;
      }
      g.vertex_of_cell[c] = static_cast<std::int32_t>(g.cell_of_vertex.size());
      g.cell_of_vertex.push_back(static_cast<CellIndex>(c));
    }
    std::vector<std::pair<std::uint32_t, std::uint32_t>> edges;
    edges.reserve(g.cell_of_vertex.size() * 8);
    for (const CellIndex c : g.cell_of_vertex) {
      const int i = g.column(c);
      const int j = g.row(c);
      for (int dj = -1; dj <= 1; ++dj) {
        for (int di = -1; di <= 1; ++di) {
          if ((di == 0 && dj == 0) || !g.inside(i + di, j + dj)) {
            continue;
          }
          const CellIndex d = g.cell(i + di, j + dj);
          if (!g.walkable[d]) {
            continue;
          }
          edges.emplace_back(static_cast<std::uint32_t>(g.vertex_of_cell[c]),
                             static_cast<std::uint32_t>(g.vertex_of_cell[d]));
        }
      }
    }
    g.graph = CellGraph(boost::edges_are_sorted, edges.begin(), edges.end(),
                        static_cast<std::uint32_t>(g.cell_of_vertex.size()));
  }

  void find_rooms() {
    NavGrid& g = *g_;
    g.room_of.assign(static_cast<std::size_t>(g.cell_count()), -1);
    std::vector<CellIndex> queue;
    for (const CellIndex start : g.cell_of_vertex) {
      if (g.room_of[start] >= 0 || g.doorway_of[start] >= 0) {
        continue;
      }
      const auto room = static_cast<std::int32_t>(g.rooms.size());
      g.rooms.emplace_back();
      queue.assign(1, start);
      g.room_of[start] = room;
      for (std::size_t q = 0; q < queue.size(); ++q) {
        const CellIndex c = queue[q];
        g.rooms[room].cells.push_back(c);
        for (const auto v : boost::make_iterator_range(boost::adjacent_vertices(
                 static_cast<std::uint32_t>(g.vertex_of_cell[c]), g.graph))) {
          const CellIndex d = g.cell_of_vertex[v];
          if (g.room_of[d] >= 0 || g.doorway_of[d] >= 0) {
            continue;
          }
          g.room_of[d] = room;
          queue.push_back(d);
        }
      }
      std::sort(g.rooms[room].cells.begin(), g.rooms[room].cells.end());
    }
  }

  // True if the move between neighbouring cells a and b goes through a wall or the outline.
  bool crosses_wall(CellIndex a, CellIndex b) const {
    const NavGrid& g = *g_;
    const Segment move{g.centre(a), g.centre(b)};
    const Point mid = 0.5 * (move.a + move.b);
    const int bi = g.bucket_column(mid.x());
    const int bj = g.bucket_row(mid.y());
    for (int j = std::max(0, bj - 1); j <= std::min(g.by - 1, bj + 1); ++j) {
      for (int i = std::max(0, bi - 1); i <= std::min(g.bx - 1, bi + 1); ++i) {
        for (const std::int32_t f : g.buckets[static_cast<std::size_t>(j) * g.bx + i]) {
          if (g.features[f].kind == FeatureKind::fitting) {
            continue;
          }
          if (segments_intersect(move, g.features[f].segment)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  // Floor area of each room, furniture included: every floor cell goes to the room it is
  // nearest to by steps that cross no wall; cells in doorways belong to none.
  void measure_room_areas() {
    NavGrid& g = *g_;
    const auto n = static_cast<std::size_t>(g.cell_count());
    std::vector<std::int32_t> label(n, -1);
    std::deque<CellIndex> queue;
    for (std::size_t r = 0; r < g.rooms.size(); ++r) {
      for (const CellIndex c : g.rooms[r].cells) {
        label[c] = static_cast<std::int32_t>(r);
        queue.push_back(c);
      }
    }
    constexpr std::array<std::array<int, 2>, 4> kFour{{{1, 0}, {-1, 0}, {0, 1}, {0, -1}}};
    while (!queue.empty()) {
      const CellIndex c = queue.front();
      queue.pop_front();
      for (const auto& d : kFour) {
        const int i = g.column(c) + d[0];
        const int j = g.row(c) + d[1];
        if (!g.inside(i, j)) {
          continue;
        }
        const CellIndex e = g.cell(i, j);
        if (label[e] >= 0 || wall_solid_[e] || door_zone_[e]) {
          continue;
        }
        if ((g.clearance[c] < g.h || g.clearance[e] < g.h) && crosses_wall(c, e)) {
          continue;
        }
        label[e] = label[c];
        queue.push_back(e);
      }
    }
    for (std::size_t c = 0; c < n; ++c) {
      if (label[c] >= 0) {
        g.rooms[label[c]].floor_area += g.h * g.h;
      }
    }
  }

  void connect_rooms() {
    NavGrid& g = *g_;
    for (std::size_t k = 0; k < g.doorways.size(); ++k) {
      Doorway& d = g.doorways[k];
      std::map<std::int32_t, int> minus;
      std::map<std::int32_t, int> plus;
      for (const CellIndex c : d.cells) {
        for (const auto v : boost::make_iterator_range(boost::adjacent_vertices(
                 static_cast<std::uint32_t>(g.vertex_of_cell[c]), g.graph))) {
          const CellIndex e = g.cell_of_vertex[v];
          if (g.room_of[e] < 0) {
            continue;
          }
          const double off = (g.centre(e) - d.span.a).dot(d.normal);
          ++(off < 0.0 ? minus : plus)[g.room_of[e]];
        }
      }
      const auto most = [](const std::map<std::int32_t, int>& tally) {
        int best = -1;
        int count = 0;
        for (const auto& [room, n] : tally) {
          if (n > count) {
            best = room;
            count = n;
          }
        }
        return best;
      };
      d.room_minus = most(minus);
      d.room_plus = most(plus);
      for (const int room : {d.room_minus, d.room_plus}) {
        if (room < 0) {
          continue;
        }
        auto& list = g.rooms[room].doorways;
        if (std::find(list.begin(), list.end(), static_cast<int>(k)) == list.end()) {
          list.push_back(static_cast<int>(k));
        }
      }
    }
  }

  // Rectangle of a ramp's or flight's clear width around its centreline, lengthened by
  // `extra` at both ends.
  static Polygon footprint(const LevelChange& lc, double extra) {
    const Point dir = (lc.line.b - lc.line.a) / lc.line.length();
    const Point n = perpendicular(dir) * (0.5 * lc.width);
    const Point a = lc.line.a - extra * dir;
    const Point b = lc.line.b + extra * dir;
    return Polygon{a + n, b + n, b - n, a - n};
  }

  void mark_barriers() {
    NavGrid& g = *g_;
    const auto n = static_cast<std::size_t>(g.cell_count());
    g.barrier_of.assign(n, -1);
    const auto add = [&](Barrier b) {
      g.barriers.push_back(std::move(b));
      return static_cast<std::int32_t>(g.barriers.size() - 1);
    };
    // Doors a wheelchair cannot pass whatever their width.
    const auto& openings = plan().openings();
    for (const Doorway& d : g.doorways) {
      const Opening& op = openings[d.opening];
      const Point mid = 0.5 * (d.span.a + d.span.b);
      std::int32_t b = -1;
      if (op.threshold_mm > kMaxThresholdRise * 1000.0 + kSlack) {
        b = add(Barrier{BarrierKind::threshold, ElementType::opening, d.opening, mid,
                        op.threshold_mm, kMaxThresholdRise * 1000.0, "mm"});
      } else if (op.door == DoorType::revolving) {
        b = add(
            Barrier{BarrierKind::revolving, ElementType::opening, d.opening, mid, 0.0, 0.0, ""});
      }
      if (b < 0) {
        continue;
      }
      for (const CellIndex c : d.cells) {
        g.barrier_of[c] = b;
      }
    }
    // Ramps a wheelchair can use bridge the steps that run into them.
    std::vector<std::uint8_t> bridged(n, 0);
    const auto& changes = plan().level_changes();
    for (std::size_t k = 0; k < changes.size(); ++k) {
      const LevelChange& lc = changes[k];
      if (lc.kind == LevelChangeKind::step || lc.line.length() < kSlack || lc.width <= 0.0) {
        continue;
      }
      const double slope = lc.rise / lc.run();
      std::int32_t b = -1;
      const Point mid = 0.5 * (lc.line.a + lc.line.b);
      if (lc.kind == LevelChangeKind::stairs) {
        b = add(Barrier{BarrierKind::stairs, ElementType::level_change, k, mid, lc.rise * 1000.0,
                        kMaxThresholdRise * 1000.0, "mm"});
      } else if (slope > kMaxRampSlope + kSlack) {
        b = add(Barrier{BarrierKind::steep_ramp, ElementType::level_change, k, mid, slope,
                        kMaxRampSlope, "ratio"});
      } else if (lc.rise > kMaxRampRise + kSlack) {
        b = add(Barrier{BarrierKind::high_ramp, ElementType::level_change, k, mid, lc.rise,
                        kMaxRampRise, "m"});
      }
      if (b < 0) {
        rasterize(g, footprint(lc, g.h), [&](CellIndex c) { bridged[c] = 1; });
        continue;
      }
      rasterize(g, footprint(lc, 0.0), [&](CellIndex c) {
        if (g.walkable[c] && g.barrier_of[c] < 0) {
          g.barrier_of[c] = b;
        }
      });
    }
    // Steps: a band of cells along the edge, wide enough that no move between neighbours can
    // hop over it (a diagonal move is h*sqrt(2) < 2 * 0.75 h long).
    const double band = 0.75 * g.h;
    for (std::size_t k = 0; k < changes.size(); ++k) {
      const LevelChange& lc = changes[k];
      if (lc.kind != LevelChangeKind::step || lc.rise <= kMaxThresholdRise + kSlack) {
        continue;
      }
      const std::int32_t b = add(Barrier{BarrierKind::step, ElementType::level_change, k,
                                         0.5 * (lc.line.a + lc.line.b), lc.rise * 1000.0,
                                         kMaxThresholdRise * 1000.0, "mm"});
      const CellRange r =
          cells_near(g, lc.line.a.cwiseMin(lc.line.b), lc.line.a.cwiseMax(lc.line.b), band);
      for (int j = r.j0; j <= r.j1; ++j) {
        for (int i = r.i0; i <= r.i1; ++i) {
          const CellIndex c = g.cell(i, j);
          if (!g.walkable[c] || bridged[c] || g.barrier_of[c] >= 0) {
            continue;
          }
          if (distance(g.centre(c), lc.line) <= band) {
            g.barrier_of[c] = b;
          }
        }
      }
    }
  }

  std::unique_ptr<NavGrid> g_;
  std::vector<Polygon> solids_;  // the first wall_rectangles_ are walls, the rest fittings
  std::size_t wall_rectangles_ = 0;
  std::vector<std::uint8_t> wall_solid_;  // outside the outline or inside a wall
  std::vector<std::uint8_t> door_zone_;   // within a doorway's rectangle, walkable or not
};

}  // namespace

CellIndex NavGrid::cell_at(const Point& p) const {
  const double fx = std::floor((p.x() - origin.x()) / h);
  const double fy = std::floor((p.y() - origin.y()) / h);
  if (fx < 0.0 || fy < 0.0 || fx >= nx || fy >= ny) {
    return kNoCell;
  }
  return cell(static_cast<int>(fx), static_cast<int>(fy));
}

double NavGrid::step(CellIndex a, CellIndex b) const {
  const double di = column(b) - column(a);
  const double dj = row(b) - row(a);
  return h * std::sqrt(di * di + dj * dj);
}

int NavGrid::bucket_column(double x) const {
  const double at = std::floor((x - origin.x() + settings.clearance_cap) / bucket_size);
  return static_cast<int>(std::clamp(at, 0.0, static_cast<double>(bx - 1)));
}

int NavGrid::bucket_row(double y) const {
  const double at = std::floor((y - origin.y() + settings.clearance_cap) / bucket_size);
  return static_cast<int>(std::clamp(at, 0.0, static_cast<double>(by - 1)));
}

double NavGrid::clearance_at(const Point& p, std::int32_t* which) const {
  // Buckets are as wide as the cap, so the 3 x 3 around p hold every feature within reach.
  const int bi = bucket_column(p.x());
  const int bj = bucket_row(p.y());
  double best = settings.clearance_cap;
  std::int32_t best_f = -1;
  for (int j = std::max(0, bj - 1); j <= std::min(by - 1, bj + 1); ++j) {
    for (int i = std::max(0, bi - 1); i <= std::min(bx - 1, bi + 1); ++i) {
      for (const std::int32_t f : buckets[static_cast<std::size_t>(j) * bx + i]) {
        const double d = distance(p, features[f].segment);
        if (d < best) {
          best = d;
          best_f = f;
        }
      }
    }
  }
  if (which != nullptr) {
    *which = best_f;
  }
  return best;
}

bool NavGrid::segment_clear(const Point& a, const Point& b) const {
  const Segment s{a, b};
  const int i0 = bucket_column(std::min(a.x(), b.x()));
  const int i1 = bucket_column(std::max(a.x(), b.x()));
  const int j0 = bucket_row(std::min(a.y(), b.y()));
  const int j1 = bucket_row(std::max(a.y(), b.y()));
  for (int j = j0; j <= j1; ++j) {
    for (int i = i0; i <= i1; ++i) {
      for (const std::int32_t f : buckets[static_cast<std::size_t>(j) * bx + i]) {
        if (segments_intersect(s, features[f].segment)) {
          return false;
        }
      }
    }
  }
  return true;
}

bool NavGrid::line_of_sight(CellIndex a, CellIndex b, const std::vector<std::uint8_t>& mask) const {
  return trace(a, b, [&](CellIndex c) { return mask[c] != 0; });
}

const std::string& element_id(const Plan& plan, ElementType type, std::size_t index) {
  switch (type) {
    case ElementType::wall:
      return plan.walls()[index].id;
    case ElementType::zone:
      return plan.zones()[index].id;
    case ElementType::opening:
      return plan.openings()[index].id;
    case ElementType::level_change:
      return plan.level_changes()[index].id;
    case ElementType::counter:
      return plan.counters()[index].id;
    case ElementType::kiosk:
      return plan.kiosks()[index].id;
    case ElementType::seat_row:
      return plan.seat_rows()[index].id;
    case ElementType::desk:
      return plan.desks()[index].id;
    case ElementType::sign:
      return plan.signs()[index].id;
    case ElementType::amenity:
      return plan.amenities()[index].id;
    case ElementType::obstacle:
      return plan.obstacles()[index].id;
    case ElementType::camera:
      return plan.cameras()[index].id;
  }
  assert(false);
  return plan.walls()[index].id;
}

int NavGrid::limiting_opening(CellIndex c) const {
  if (doorway_of[c] >= 0) {
    return static_cast<int>(doorways[doorway_of[c]].opening);
  }
  const std::int32_t f1 = nearest[c];
  const std::int32_t f2 = width_pair[c];
  if (f1 < 0 || f2 < 0) {
    return -1;
  }
  for (const int o : features[f1].jamb_of) {
    if (o >= 0 && features[f2].is_jamb_of(o)) {
      return o;
    }
  }
  return -1;
}

std::string NavGrid::owner_id(std::int32_t feature) const {
  if (feature < 0) {
    return {};
  }
  const Feature& f = features[feature];
  if (f.kind == FeatureKind::outline) {
    return kOutlineWallId;
  }
  return element_id(plan, f.element_type, f.element_index);
}

std::string NavGrid::owner_id(const Barrier& barrier) const {
  return element_id(plan, barrier.element_type, barrier.element_index);
}

std::unique_ptr<NavGrid> build_nav_grid(const Plan& plan, const NavSettings& settings) {
  return GridBuilder(plan, settings).build();
}

}  // namespace hallsim::layout::detail
