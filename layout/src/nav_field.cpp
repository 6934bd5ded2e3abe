#include "nav_field.hpp"

#include <algorithm>
#include <boost/graph/dijkstra_shortest_paths.hpp>
#include <boost/property_map/function_property_map.hpp>
#include <cassert>
#include <cmath>
#include <functional>
#include <queue>

namespace hallsim::layout::detail {

namespace {

// How far short of a place's edge the sight line is tested, so that touching the jamb or the
// desk the place lies on does not count as crossing it.
constexpr double kSightShortfall = 1e-3;

bool sees(const NavGrid& grid, const Point& from, const Point& to) {
  const Point d = to - from;
  const double len = d.norm();
  if (len <= kSightShortfall) {
    return true;
  }
  return grid.segment_clear(from, to - d * (kSightShortfall / len));
}

template <class Fn>
void for_neighbours(const NavGrid& grid, CellIndex c, Fn&& fn) {
  const auto v = static_cast<std::uint32_t>(grid.vertex_of_cell[c]);
  for (const auto w : boost::make_iterator_range(boost::adjacent_vertices(v, grid.graph))) {
    fn(grid.cell_of_vertex[w]);
  }
}

}  // namespace

const std::vector<std::uint8_t>& walkable_mask(const NavGrid& grid) {
  return grid.walkable;
}

std::vector<FieldSource> anchors(const NavGrid& grid, const Place& place,
                                 const std::vector<std::uint8_t>& mask) {
  const double reach = grid.settings.reach;
  Point lo = place.position;
  Point hi = place.position;
  if (!place.edges.empty()) {
    lo = place.edges[0].a.cwiseMin(place.edges[0].b);
    hi = place.edges[0].a.cwiseMax(place.edges[0].b);
    for (const Segment& s : place.edges) {
      lo = lo.cwiseMin(s.a).cwiseMin(s.b);
      hi = hi.cwiseMax(s.a).cwiseMax(s.b);
    }
  }
  const int i0 =
      std::max(0, static_cast<int>(std::floor((lo.x() - reach - grid.origin.x()) / grid.h)));
  const int i1 = std::min(
      grid.nx - 1, static_cast<int>(std::floor((hi.x() + reach - grid.origin.x()) / grid.h)));
  const int j0 =
      std::max(0, static_cast<int>(std::floor((lo.y() - reach - grid.origin.y()) / grid.h)));
  const int j1 = std::min(
      grid.ny - 1, static_cast<int>(std::floor((hi.y() + reach - grid.origin.y()) / grid.h)));
  std::vector<FieldSource> result;
  for (int j = j0; j <= j1; ++j) {
    for (int i = i0; i <= i1; ++i) {
      const CellIndex c = grid.cell(i, j);
      if (!mask[c]) {
        continue;
      }
      const Point p = grid.centre(c);
      Point foot = place.position;
      double d = (p - foot).norm();
      if (!place.edges.empty()) {
        d = kUnreached;
        for (const Segment& s : place.edges) {
          const Point q = closest_point(s, p);
          const double dq = (p - q).norm();
          if (dq < d) {
            d = dq;
            foot = q;
          }
        }
      }
      if (d > reach || !sees(grid, p, foot)) {
        continue;
      }
      result.push_back(FieldSource{c, d, foot});
    }
  }
  return result;
}

Field any_angle_field(const NavGrid& grid, std::vector<FieldSource> sources,
                      const std::vector<std::uint8_t>& mask,
                      const std::vector<CellIndex>* targets) {
  const auto n = static_cast<std::size_t>(grid.cell_count());
  Field f;
  f.g.assign(n, kUnreached);
  f.parent.assign(n, kNoCell);
  f.origin.assign(n, -1);
  std::vector<std::uint8_t> closed(n, 0);
  using Entry = std::pair<double, CellIndex>;  // ties settle by cell index, so runs repeat exactly
  std::priority_queue<Entry, std::vector<Entry>, std::greater<>> open;
  for (std::size_t i = 0; i < sources.size(); ++i) {
    const FieldSource& s = sources[i];
    if (!mask[s.cell] || s.distance >= f.g[s.cell]) {
      continue;
    }
    f.g[s.cell] = s.distance;
    f.parent[s.cell] = s.cell;
    f.origin[s.cell] = static_cast<std::int32_t>(i);
    open.emplace(s.distance, s.cell);
  }
  std::size_t targets_left = 0;
  std::vector<std::uint8_t> is_target;
  if (targets != nullptr) {
    is_target.assign(n, 0);
    for (const CellIndex t : *targets) {
      if (!is_target[t]) {
        ++targets_left;
      }
      is_target[t] = 1;
    }
  }
  while (!open.empty()) {
    const double gs = open.top().first;
    const CellIndex s = open.top().second;
    open.pop();
    if (closed[s] || gs > f.g[s]) {
      continue;
    }
    if (f.parent[s] != s && !grid.line_of_sight(f.parent[s], s, mask)) {
      // The straight line assumed when s was reached is blocked: come from the best settled
      // neighbour instead (the relaxing one is among them, so there is always one).
      double best = kUnreached;
      CellIndex via = kNoCell;
      for_neighbours(grid, s, [&](CellIndex m) {
        if (!closed[m]) {
          return;
        }
        const double cand = f.g[m] + grid.step(m, s);
        if (cand < best) {
          best = cand;
          via = m;
        }
      });
      assert(via != kNoCell);
      f.g[s] = best;
      f.parent[s] = via;
      f.origin[s] = f.origin[via];
    }
    closed[s] = 1;
    f.settled.push_back(s);
    if (targets != nullptr && is_target[s] && --targets_left == 0) {
      break;
    }
    const CellIndex ps = f.parent[s];
    for_neighbours(grid, s, [&](CellIndex m) {
      if (closed[m] || !mask[m]) {
        return;
      }
      const double cand = f.g[ps] + grid.step(ps, m);
      if (cand < f.g[m]) {
        f.g[m] = cand;
        f.parent[m] = ps;
        f.origin[m] = f.origin[s];
        open.emplace(cand, m);
      }
    });
  }
  // Cells reached but not settled before an early stop hold a straight line not yet checked:
  // forget them.
  for (std::size_t c = 0; c < n; ++c) {
    if (!closed[c]) {
      f.g[c] = kUnreached;
      f.parent[c] = kNoCell;
      f.origin[c] = -1;
    }
  }
  f.sources = std::move(sources);
  return f;
}

double distance_via(const Field& field, const std::vector<FieldSource>& start_anchors,
                    std::size_t* best) {
  double d = kUnreached;
  for (std::size_t i = 0; i < start_anchors.size(); ++i) {
    const FieldSource& a = start_anchors[i];
    const double cand = field.g[a.cell] + a.distance;
    if (cand < d) {
      d = cand;
      if (best != nullptr) {
        *best = i;
      }
    }
  }
  return d;
}

std::vector<Point> route_from_cell(const NavGrid& grid, const Field& field, CellIndex from) {
  std::vector<Point> points;
  if (from == kNoCell || field.parent[from] == kNoCell) {
    return points;
  }
  CellIndex c = from;
  points.push_back(grid.centre(c));
  while (field.parent[c] != c) {
    c = field.parent[c];
    points.push_back(grid.centre(c));
  }
  points.push_back(field.sources[field.origin[c]].foot);
  return simplify(points);
}

std::vector<Point> simplify(const std::vector<Point>& polyline) {
  std::vector<Point> out;
  for (const Point& p : polyline) {
    if (!out.empty() && (p - out.back()).norm() < 1e-9) {
      continue;
    }
    if (out.size() >= 2) {
      const Point u = out.back() - out[out.size() - 2];
      const Point v = p - out.back();
      if (std::abs(cross(u, v)) <= 1e-9 * u.norm() * v.norm() && u.dot(v) > 0.0) {
        out.back() = p;
        continue;
      }
    }
    out.push_back(p);
  }
  return out;
}

double polyline_length(const std::vector<Point>& polyline) {
  double len = 0.0;
  for (std::size_t k = 0; k + 1 < polyline.size(); ++k) {
    len += (polyline[k + 1] - polyline[k]).norm();
  }
  return len;
}

namespace {

using Edge = boost::graph_traits<CellGraph>::edge_descriptor;

std::vector<std::uint32_t> start_vertices(const NavGrid& grid,
                                          const std::vector<CellIndex>& cells) {
  std::vector<std::uint32_t> starts;
  for (const CellIndex c : cells) {
    if (grid.vertex_of_cell[c] >= 0) {
      starts.push_back(static_cast<std::uint32_t>(grid.vertex_of_cell[c]));
    }
  }
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  return starts;
}

void previous_cells(const NavGrid& grid, const std::vector<std::uint32_t>& pred,
                    const std::vector<std::uint8_t>& reached, std::vector<CellIndex>& previous) {
  previous.assign(static_cast<std::size_t>(grid.cell_count()), kNoCell);
  for (std::size_t v = 0; v < pred.size(); ++v) {
    if (reached[v]) {
      previous[grid.cell_of_vertex[v]] = grid.cell_of_vertex[pred[v]];
    }
  }
}

}  // namespace

std::vector<double> widest_from(const NavGrid& grid, const std::vector<CellIndex>& sources,
                                const std::vector<double>& capacity,
                                std::vector<CellIndex>* previous) {
  const std::size_t nv = grid.cell_of_vertex.size();
  std::vector<double> best(nv, -1.0);
  std::vector<std::uint32_t> pred(nv);
  const auto cap_of = [&](std::uint32_t v) { return capacity[grid.cell_of_vertex[v]]; };
  const auto weight = boost::make_function_property_map<Edge, double>([&](const Edge& e) {
    return std::min(cap_of(boost::source(e, grid.graph)), cap_of(boost::target(e, grid.graph)));
  });
  const std::vector<std::uint32_t> starts = start_vertices(grid, sources);
  const auto index = boost::get(boost::vertex_index, grid.graph);
  boost::dijkstra_shortest_paths(
      grid.graph, starts.begin(), starts.end(),
      boost::make_iterator_property_map(pred.begin(), index),
      boost::make_iterator_property_map(best.begin(), index), weight, index, std::greater<>(),
      [](double a, double b) { return std::min(a, b); }, -1.0,
      std::numeric_limits<double>::infinity(), boost::default_dijkstra_visitor());
  std::vector<double> per_cell(static_cast<std::size_t>(grid.cell_count()), -1.0);
  std::vector<std::uint8_t> reached(nv, 0);
  for (std::size_t v = 0; v < nv; ++v) {
    const CellIndex c = grid.cell_of_vertex[v];
    reached[v] = best[v] >= 0.0 ? 1 : 0;
    // A start cell's own capacity counts too, even when the route ends there.
    per_cell[c] = best[v] < 0.0 ? -1.0 : std::min(best[v], capacity[c]);
  }
  if (previous != nullptr) {
    previous_cells(grid, pred, reached, *previous);
  }
  return per_cell;
}

std::vector<double> tolled_from(const NavGrid& grid, const std::vector<CellIndex>& sources,
                                const std::vector<double>& toll, std::vector<CellIndex>& previous) {
  const std::size_t nv = grid.cell_of_vertex.size();
  std::vector<double> dist(nv, kUnreached);
  std::vector<std::uint32_t> pred(nv);
  const auto weight = boost::make_function_property_map<Edge, double>([&](const Edge& e) {
    const CellIndex a = grid.cell_of_vertex[boost::source(e, grid.graph)];
    const CellIndex b = grid.cell_of_vertex[boost::target(e, grid.graph)];
    return grid.step(a, b) + toll[b];
  });
  const std::vector<std::uint32_t> starts = start_vertices(grid, sources);
  const auto index = boost::get(boost::vertex_index, grid.graph);
  boost::dijkstra_shortest_paths(grid.graph, starts.begin(), starts.end(),
                                 boost::make_iterator_property_map(pred.begin(), index),
                                 boost::make_iterator_property_map(dist.begin(), index), weight,
                                 index, std::less<>(), std::plus<>(), kUnreached, 0.0,
                                 boost::default_dijkstra_visitor());
  std::vector<double> per_cell(static_cast<std::size_t>(grid.cell_count()), kUnreached);
  std::vector<std::uint8_t> reached(nv, 0);
  for (std::size_t v = 0; v < nv; ++v) {
    per_cell[grid.cell_of_vertex[v]] = dist[v];
    reached[v] = dist[v] < kUnreached ? 1 : 0;
  }
  previous_cells(grid, pred, reached, previous);
  return per_cell;
}

std::vector<CellIndex> chain_to(const std::vector<CellIndex>& previous, CellIndex to) {
  std::vector<CellIndex> chain;
  if (to == kNoCell || previous[to] == kNoCell) {
    return chain;
  }
  for (CellIndex c = to;; c = previous[c]) {
    chain.push_back(c);
    if (previous[c] == c) {
      break;
    }
  }
  std::reverse(chain.begin(), chain.end());
  return chain;
}

std::vector<Point> pull_taut(const NavGrid& grid, const std::vector<CellIndex>& chain,
                             const std::vector<std::uint8_t>& mask) {
  std::vector<Point> points;
  if (chain.empty()) {
    return points;
  }
  std::size_t at = 0;
  points.push_back(grid.centre(chain[0]));
  while (at + 1 < chain.size()) {
    std::size_t next = at + 1;
    while (next + 1 < chain.size() && grid.line_of_sight(chain[at], chain[next + 1], mask)) {
      ++next;
    }
    points.push_back(grid.centre(chain[next]));
    at = next;
  }
  return simplify(points);
}

}  // namespace hallsim::layout::detail
