#include "nav_flow.hpp"

#include <algorithm>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/push_relabel_max_flow.hpp>
#include <cmath>
#include <map>
#include <numeric>

namespace hallsim::layout::detail {

namespace {

// Capacities in the max-flow network are whole micro-persons per second.
constexpr double kFlowScale = 1e6;
constexpr long long kUnlimited = 1'000'000'000'000'000LL;

using FlowTraits = boost::adjacency_list_traits<boost::vecS, boost::vecS, boost::directedS>;
using FlowGraph = boost::adjacency_list<
    boost::vecS, boost::vecS, boost::directedS, boost::no_property,
    boost::property<
        boost::edge_capacity_t, long long,
        boost::property<boost::edge_residual_capacity_t, long long,
                        boost::property<boost::edge_reverse_t, FlowTraits::edge_descriptor>>>>;

void add_arc(FlowGraph& g, std::size_t from, std::size_t to, long long capacity) {
  const auto e = boost::add_edge(from, to, g).first;
  const auto back = boost::add_edge(to, from, g).first;
  boost::put(boost::edge_capacity, g, e, capacity);
  boost::put(boost::edge_capacity, g, back, 0);
  boost::put(boost::edge_reverse, g, e, back);
  boost::put(boost::edge_reverse, g, back, e);
}

}  // namespace

void FlowModel::add_exit(std::size_t opening, int doorway, std::vector<FieldSource> anchors) {
  ExitData e;
  e.opening = opening;
  e.doorway = doorway;
  e.field = any_angle_field(grid_, std::move(anchors), grid_.walkable);
  trace_doors(e);
  exits_.push_back(std::move(e));
}

void FlowModel::trace_doors(ExitData& exit) const {
  const Field& f = exit.field;
  const auto n = static_cast<std::size_t>(grid_.cell_count());
  exit.nodes.assign(1, Node{});
  exit.node_of.assign(n, -1);
  // Each leg of a route is a line of sight, so it can only pass a wall through an opening's
  // clear span: testing the spans (widened by a cell for legs past a jamb's corner) finds
  // every door it goes through.
  struct Span {
    Point lo, hi;
    Segment line;
  };
  std::vector<Span> spans(grid_.doorways.size());
  for (std::size_t d = 0; d < spans.size(); ++d) {
    const Doorway& dw = grid_.doorways[d];
    const Point pad = dw.tangent * grid_.h;
    spans[d].line = Segment{dw.span.a - pad, dw.span.b + pad};
    spans[d].lo = spans[d].line.a.cwiseMin(spans[d].line.b);
    spans[d].hi = spans[d].line.a.cwiseMax(spans[d].line.b);
  }
  std::map<std::pair<int, int>, int> child;
  std::vector<std::pair<double, int>> crossed;
  for (const CellIndex c : f.settled) {  // a parent is settled before its children
    const CellIndex p = f.parent[c];
    if (p == c) {
      exit.node_of[c] = 0;
      continue;
    }
    int node = exit.node_of[p];
    const Segment leg{grid_.centre(p), grid_.centre(c)};
    const Point lo = leg.a.cwiseMin(leg.b);
    const Point hi = leg.a.cwiseMax(leg.b);
    crossed.clear();
    for (std::size_t d = 0; d < spans.size(); ++d) {
      if (static_cast<int>(d) == exit.doorway || hi.x() < spans[d].lo.x() ||
          lo.x() > spans[d].hi.x() || hi.y() < spans[d].lo.y() || lo.y() > spans[d].hi.y()) {
        continue;
      }
      // A leg that ends on the span line has not gone through yet; the next leg does.
      const Doorway& dw = grid_.doorways[d];
      const double from = (leg.a - dw.span.a).dot(dw.normal);
      const double to = (leg.b - dw.span.a).dot(dw.normal);
      if ((from >= 0.0) == (to >= 0.0)) {
        continue;
      }
      if (!segments_intersect(leg, spans[d].line)) {
        continue;
      }
      crossed.emplace_back(from / (from - to), static_cast<int>(d));
    }
    std::sort(crossed.begin(), crossed.end());
    for (const auto& [t, d] : crossed) {
      bool known = false;
      for (int k = node; k > 0; k = exit.nodes[k].parent) {
        known = known || exit.nodes[k].doorway == d;
      }
      if (known) {
        continue;
      }
      const auto key = std::make_pair(node, d);
      const auto it = child.find(key);
      if (it != child.end()) {
        node = it->second;
      } else {
        exit.nodes.push_back(Node{node, d});
        node = static_cast<int>(exit.nodes.size() - 1);
        child.emplace(key, node);
      }
    }
    exit.node_of[c] = node;
  }
}

Nearest FlowModel::nearest(const std::vector<bool>& active) const {
  const auto n = static_cast<std::size_t>(grid_.cell_count());
  Nearest r;
  r.distance.assign(n, kUnreached);
  r.exit.assign(n, -1);
  for (std::size_t e = 0; e < exits_.size(); ++e) {
    if (!active[e]) {
      continue;
    }
    const std::vector<double>& g = exits_[e].field.g;
    for (std::size_t c = 0; c < n; ++c) {
      if (g[c] < r.distance[c]) {
        r.distance[c] = g[c];
        r.exit[c] = static_cast<int>(e);
      }
    }
  }
  return r;
}

double FlowModel::speed_at(double density) const {
  if (density < settings_.law_min_density) {
    return settings_.free_speed;
  }
  const double d = std::min(density, settings_.max_design_density);
  return settings_.speed_k * (1.0 - settings_.speed_a * d);
}

double FlowModel::max_flow(const std::vector<bool>& active,
                           const std::vector<double>& room_load) const {
  const std::size_t rooms = grid_.rooms.size();
  const std::size_t source = rooms;
  const std::size_t sink = rooms + 1;
  FlowGraph g(rooms + 2);
  const auto capacity_of = [&](const Opening& o) {
    const double we = std::max(0.0, o.width - 2.0 * settings_.boundary_layer);
    return static_cast<long long>(std::llround(we * settings_.max_specific_flow * kFlowScale));
  };
  for (std::size_t r = 0; r < rooms; ++r) {
    if (room_load[r] > 0.0) {
      add_arc(g, source, r, kUnlimited);
    }
  }
  for (std::size_t e = 0; e < exits_.size(); ++e) {
    if (!active[e] || exits_[e].doorway < 0) {
      continue;
    }
    const int room = grid_.doorways[exits_[e].doorway].room_plus;
    if (room >= 0) {
      add_arc(g, static_cast<std::size_t>(room), sink,
              capacity_of(grid_.plan.openings()[exits_[e].opening]));
    }
  }
  for (const Doorway& d : grid_.doorways) {
    if (d.exterior || d.room_minus < 0 || d.room_plus < 0 || d.room_minus == d.room_plus) {
      continue;
    }
    const long long c = capacity_of(grid_.plan.openings()[d.opening]);
    add_arc(g, static_cast<std::size_t>(d.room_minus), static_cast<std::size_t>(d.room_plus), c);
    add_arc(g, static_cast<std::size_t>(d.room_plus), static_cast<std::size_t>(d.room_minus), c);
  }
  return static_cast<double>(boost::push_relabel_max_flow(g, source, sink)) / kFlowScale;
}

EgressTime FlowModel::time(const Nearest& nearest, const std::vector<bool>& active) const {
  EgressTime t;
  const double h2 = grid_.h * grid_.h;
  const std::size_t doors = grid_.doorways.size();
  std::vector<double> exit_persons(exits_.size(), 0.0);
  std::vector<double> exit_first(exits_.size(), kUnreached);
  std::vector<std::vector<double>> node_load(exits_.size());
  std::vector<std::vector<double>> node_first(exits_.size());
  for (std::size_t e = 0; e < exits_.size(); ++e) {
    node_load[e].assign(exits_[e].nodes.size(), 0.0);
    node_first[e].assign(exits_[e].nodes.size(), kUnreached);
  }
  std::vector<double> room_load(grid_.rooms.size(), 0.0);
  double occupied = 0.0;
  double routed = 0.0;
  double farthest = 0.0;
  for (const CellIndex c : grid_.cell_of_vertex) {
    const double load = load_.empty() ? 0.0 : load_[c];
    if (load <= 0.0) {
      continue;
    }
    t.persons += load;
    const int e = nearest.exit[c];
    if (e < 0) {
      t.cut_off_persons += load;
      continue;
    }
    const double d = nearest.distance[c];
    routed += load;
    occupied += h2;
    farthest = std::max(farthest, d);
    exit_persons[e] += load;
    exit_first[e] = std::min(exit_first[e], d);
    const int node = exits_[e].node_of[c];
    node_load[e][node] += load;
    node_first[e][node] = std::min(node_first[e][node], d);
    int room = grid_.room_of[c];
    if (room < 0 && grid_.doorway_of[c] >= 0) {
      const Doorway& dw = grid_.doorways[grid_.doorway_of[c]];
      room = dw.room_plus >= 0 ? dw.room_plus : dw.room_minus;
    }
    if (room >= 0) {
      room_load[room] += load;
    }
  }
  // Everyone behind a door passes it: sum each trie node's subtree onto its door.
  std::vector<double> door_persons(doors, 0.0);
  std::vector<double> door_first(doors, kUnreached);
  for (std::size_t e = 0; e < exits_.size(); ++e) {
    std::vector<double> sub = node_load[e];
    std::vector<double> first = node_first[e];
    for (std::size_t k = sub.size(); k-- > 1;) {
      const Node& node = exits_[e].nodes[k];
      door_persons[node.doorway] += sub[k];
      door_first[node.doorway] = std::min(door_first[node.doorway], first[k]);
      sub[node.parent] += sub[k];
      first[node.parent] = std::min(first[node.parent], first[k]);
    }
  }
  t.density = occupied > 0.0 ? routed / occupied : 0.0;
  t.speed = speed_at(t.density);
  const double pre = settings_.pre_movement;
  const auto component = [&](const Opening& o, bool exit, double persons, double first) {
    ComponentFlow f;
    f.id = o.id;
    f.exit = exit;
    f.persons = persons;
    f.effective_width = std::max(0.0, o.width - 2.0 * settings_.boundary_layer);
    f.capacity = f.effective_width * settings_.max_specific_flow;
    f.first_arrival = first < kUnreached ? first / t.speed : 0.0;
    const double queue = persons <= 0.0     ? 0.0
                         : f.capacity > 0.0 ? persons / f.capacity
                                            : kUnreached;
    f.time = pre + f.first_arrival + queue;
    return f;
  };
  for (std::size_t e = 0; e < exits_.size(); ++e) {
    if (!active[e]) {
      continue;
    }
    t.components.push_back(
        component(grid_.plan.openings()[exits_[e].opening], true, exit_persons[e], exit_first[e]));
  }
  for (std::size_t d = 0; d < doors; ++d) {
    if (door_persons[d] <= 0.0) {
      continue;
    }
    t.components.push_back(component(grid_.plan.openings()[grid_.doorways[d].opening], false,
                                     door_persons[d], door_first[d]));
  }
  for (const ComponentFlow& f : t.components) {
    if (f.persons > 0.0 && (t.controlling.empty() || f.time > t.flow_time)) {
      t.controlling = f.id;
      t.flow_time = f.time;
    }
  }
  t.walk_time = pre + farthest / t.speed;
  t.time = std::max(t.flow_time, t.walk_time);
  t.max_flow = max_flow(active, room_load);
  t.lower_bound = routed <= 0.0 ? pre : t.max_flow > 0.0 ? pre + routed / t.max_flow : kUnreached;
  return t;
}

}  // namespace hallsim::layout::detail
