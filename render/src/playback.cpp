// A trace laid over its plan: each visitor's day as a list of keyframes (standing somewhere, or
// setting off along a route), built in one pass over the trace, in trace order, so that the
// seats, kiosks and places in a line handed out are the same on every run.

#include "hallsim/render/playback.hpp"

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <deque>
#include <limits>
#include <map>
#include <utility>

#include "hallsim/layout/diagnostics.hpp"
#include "playback_data.hpp"
#include "shapes.hpp"

namespace hallsim::render {

using layout::Point;

namespace detail {

double RoutePath::length() const {
  return lengths.empty() ? 0.0 : lengths.back();
}

Point RoutePath::at(double fraction) const {
  assert(!points.empty());
  if (points.size() == 1 || length() <= 0.0) {
    return points.back();
  }
  const double s = std::clamp(fraction, 0.0, 1.0) * length();
  const auto it = std::upper_bound(lengths.begin(), lengths.end(), s);
  if (it == lengths.end()) {
    return points.back();
  }
  const auto i = static_cast<std::size_t>(it - lengths.begin());  // lengths[i] > s, i >= 1
  const double leg = lengths[i] - lengths[i - 1];
  const double f = leg > 0.0 ? (s - lengths[i - 1]) / leg : 1.0;
  return points[i - 1] + (points[i] - points[i - 1]) * f;
}

Point Track::position_at(const std::vector<RoutePath>& routes, std::size_t k, double t) const {
  const Keyframe& f = frames[k];
  if (f.route < 0) {
    return f.position;
  }
  const RoutePath& r = routes[static_cast<std::size_t>(f.route)];
  const double span = f.walk_end - f.time;
  return r.at(span > 0.0 ? (t - f.time) / span : 1.0);
}

std::size_t Track::frame_at(double t) const {
  assert(!frames.empty());
  const auto it = std::upper_bound(frames.begin(), frames.end(), t,
                                   [](double x, const Keyframe& f) { return x < f.time; });
  return it == frames.begin() ? 0 : static_cast<std::size_t>(it - frames.begin()) - 1;
}

}  // namespace detail

namespace {

using detail::Keyframe;
using detail::PlaybackData;
using detail::RoutePath;
using detail::Track;

constexpr double kInfinity = std::numeric_limits<double>::infinity();

detail::RoutePath make_path(std::vector<Point> points) {
  RoutePath path;
  path.points = std::move(points);
  double total = 0.0;
  for (std::size_t i = 0; i < path.points.size(); ++i) {
    if (i > 0) {
      total += (path.points[i] - path.points[i - 1]).norm();
    }
    path.lengths.push_back(total);
  }
  return path;
}

// The point `back` metres before the end of `path`, walking it backwards.
Point back_along(const RoutePath& path, double back) {
  if (path.points.empty()) {
    return Point::Zero();
  }
  const double length = path.length();
  if (length <= 0.0) {
    return path.points.back();
  }
  return path.at(std::max(0.0, length - back) / length);
}

// Holds the places handed out while the trace is read: seats, standing places, kiosks, places
// at the guidance desk (lowest free first), and the lines (in order of joining).
class Allocator {
 public:
  explicit Allocator(std::size_t size) : taken_(size, false) {}
  std::optional<std::size_t> take() {
    for (std::size_t i = 0; i < taken_.size(); ++i) {
      if (!taken_[i]) {
        taken_[i] = true;
        return i;
      }
    }
    return std::nullopt;
  }
  /// Takes place `i` as another's count has it (a free place stays free for the next take()).
  void take_at(std::size_t i) {
    assert(i < taken_.size());
    taken_[i] = true;
  }
  void release(std::size_t i) {
    assert(i < taken_.size());
    taken_[i] = false;
  }
  std::size_t size() const { return taken_.size(); }

 private:
  std::vector<bool> taken_;
};

enum class Line : std::uint8_t { desk, ticket, kiosk, none };

// What a visitor holds while the trace is read.
struct Holding {
  Line line = Line::none;
  std::optional<std::size_t> seat;
  std::optional<std::size_t> standing;
  std::optional<std::size_t> kiosk;
  std::optional<std::size_t> desk_place;
  double waiting_since = 0.0;
  Point position = Point::Zero();
};

class Builder {
 public:
  Builder(const layout::NavGraph& graph, PlaybackData& data, const PlaybackSettings& settings,
          const std::string& source)
      : graph_(graph), data_(data), settings_(settings), source_(source) {}

  void build(const std::vector<sim::TraceRecord>& trace);

 private:
  Point element_point(const std::string& id, std::size_t spot);
  void locate_spots();
  void make_standing_places();
  std::size_t route(const Point& from, const Point& to);
  Track& track(std::uint32_t visitor);
  void put(std::uint32_t visitor, double t, VisitorState state, const Point& position);
  Point line_place(Line line, std::size_t index) const;
  Point desk_place(std::size_t index) const;
  std::deque<std::uint32_t>& line(Line which) { return lines_[static_cast<std::size_t>(which)]; }
  void leave_line(std::uint32_t visitor, double t);
  void leave_waiting(std::uint32_t visitor, double t);
  void release_all(std::uint32_t visitor, double t);
  std::size_t counter_of(const sim::TraceRecord& r, std::size_t index);
  std::optional<std::size_t> recorded_seat(const sim::TraceRecord& r, std::size_t index);
  void apply(const sim::TraceRecord& r, std::size_t index);

  const layout::NavGraph& graph_;
  PlaybackData& data_;
  const PlaybackSettings& settings_;
  const std::string& source_;
  std::vector<layout::Diagnostic> problems_;
  std::map<std::pair<std::array<double, 2>, std::array<double, 2>>, std::size_t> route_cache_;
  std::map<std::uint32_t, std::size_t> track_index_;
  std::map<std::uint32_t, Holding> holding_;
  std::array<std::deque<std::uint32_t>, 3> lines_;
  std::array<RoutePath, sim::kNamedSpots> approach_;  // from the entrance to each spot
  std::vector<Point> kiosk_places_;
  std::vector<Point> standing_places_;
  std::optional<Allocator> seats_;
  std::optional<Allocator> standing_;
  std::optional<Allocator> kiosks_;
  std::optional<Allocator> desk_;
  std::deque<std::uint32_t> standing_order_;  // standing visitors, longest-standing first
  bool counter_records_ = false;              // the trace has counter_open/counter_close
  bool seat_records_ = false;                 // the trace numbers the seats (and has sit)
};

Point Builder::element_point(const std::string& id, std::size_t spot) {
  const layout::Plan& plan = graph_.plan();
  const std::optional<layout::ElementRef> ref = plan.find(id);
  if (!ref) {
    problems_.push_back({source_, "",
                         std::string("the ") + sim::to_string(static_cast<sim::Spot>(spot)) +
                             " is at '" + id + "', which the plan does not have",
                         "play the trace over the plan it was simulated with"});
    return Point::Zero();
  }
  switch (ref->type) {
    case layout::ElementType::opening:
      return plan.openings()[ref->index].position;
    case layout::ElementType::desk:
      return layout::centroid(plan.desks()[ref->index].footprint);
    case layout::ElementType::amenity:
      return plan.amenities()[ref->index].position;
    case layout::ElementType::kiosk:
      return plan.kiosks()[ref->index].customer_side;
    case layout::ElementType::seat_row:
      return layout::centroid(plan.seat_rows()[ref->index].footprint);
    case layout::ElementType::counter:
      return plan.counters()[ref->index].customer_side;
    case layout::ElementType::zone:
      return layout::centroid(plan.zones()[ref->index].polygon);
    default:
      problems_.push_back({source_, "",
                           std::string("the ") + sim::to_string(static_cast<sim::Spot>(spot)) +
                               " is at '" + id + "', which is not a place people walk to",
                           "name a door, desk, amenity, kiosk, seat row or counter"});
      return Point::Zero();
  }
}

// Each spot's standing point: the end of the walking route from the entrance, stopped where
// the walkable floor ends (a desk or seat row is walked up to, not into).
void Builder::locate_spots() {
  const layout::Plan& plan = graph_.plan();
  const std::vector<layout::Place> places = graph_.simulation_places();
  const Point entrance = element_point(data_.hall.spot_elements[0], 0);
  for (std::size_t s = 0; s < sim::kNamedSpots; ++s) {
    const std::string& id = data_.hall.spot_elements[s];
    const Point point = s == 0 ? entrance : element_point(id, s);
    layout::Place place{id, layout::PlaceKind::point, point, {}};
    for (const layout::Place& p : places) {
      if (p.name == id) {
        place = p;
        break;
      }
    }
    std::vector<Point> points{entrance};
    if (s != 0 && s != static_cast<std::size_t>(sim::Spot::exit)) {
      const layout::Route r = graph_.distance_field({place}).route_from(entrance);
      if (r.points.size() >= 2) {
        points = r.points;
      } else {
        points.push_back(point);
      }
    }
    // Back from the end to the last walkable point, in 5 cm steps.
    RoutePath path = make_path(points);
    double back = 0.0;
    while (back < path.length() && !graph_.walkable(back_along(path, back))) {
      back += 0.05;
    }
    Point stand = back_along(path, std::min(back, path.length()));
    if (back >= path.length()) {
      stand = path.points.back();  // nowhere walkable on the way: the element itself
    }
    // The approach ends at the standing point.
    std::vector<Point> approach;
    for (std::size_t i = 0; i < path.points.size(); ++i) {
      if (path.lengths[i] < path.length() - back - 1e-9) {
        approach.push_back(path.points[i]);
      }
    }
    approach.push_back(stand);
    approach_[s] = make_path(approach);
    data_.spots[s] = stand;
  }
  // Kiosks: those in the hall first, then the 24-hour ones, each in plan order.
  for (const bool all_hours : {false, true}) {
    for (const layout::Kiosk& k : plan.kiosks()) {
      if (k.hours_24 == all_hours) {
        kiosk_places_.push_back(k.customer_side);
      }
    }
  }
  for (const layout::SeatRow& row : plan.seat_rows()) {
    for (const Point& p : seat_centres(row)) {
      data_.seats.push_back(p);
    }
  }
  seats_.emplace(data_.seats.size());
  kiosks_.emplace(std::max<std::size_t>(kiosk_places_.size(), 1));
  if (kiosk_places_.empty()) {
    kiosk_places_.push_back(data_.spots[static_cast<std::size_t>(sim::Spot::kiosks)]);
  }
  desk_.emplace(16);
  make_standing_places();
}

// Places to stand while waiting: a lattice over the waiting area's zone, nearest the seats
// first, then over the other public zones.
void Builder::make_standing_places() {
  const layout::Plan& plan = graph_.plan();
  const Point waiting = data_.spots[static_cast<std::size_t>(sim::Spot::waiting_area)];
  const layout::Zone* home = plan.zone_at(waiting);
  const double step = settings_.spacing;
  std::vector<std::pair<double, Point>> first;
  std::vector<std::pair<double, Point>> rest;
  const layout::Box box = layout::bounding_box(plan.outline());
  for (double y = box.min.y() + step / 2.0; y < box.max.y(); y += step) {
    for (double x = box.min.x() + step / 2.0; x < box.max.x(); x += step) {
      const Point p(x, y);
      if (!graph_.walkable(p) || graph_.clearance(p) < 0.3) {
        continue;
      }
      const layout::Zone* zone = plan.zone_at(p);
      if (zone != nullptr && !zone->is_public) {
        continue;
      }
      const double d = (p - waiting).norm();
      (zone != nullptr && zone == home ? first : rest).emplace_back(d, p);
    }
  }
  const auto nearest = [](const auto& a, const auto& b) {
    if (a.first != b.first) {
      return a.first < b.first;
    }
    return a.second.y() != b.second.y() ? a.second.y() < b.second.y() : a.second.x() < b.second.x();
  };
  std::sort(first.begin(), first.end(), nearest);
  std::sort(rest.begin(), rest.end(), nearest);
  for (const auto& [d, p] : first) {
    standing_places_.push_back(p);
  }
  for (const auto& [d, p] : rest) {
    standing_places_.push_back(p);
  }
  if (standing_places_.empty()) {
    standing_places_.push_back(waiting);
  }
  standing_.emplace(standing_places_.size());
}

std::size_t Builder::route(const Point& from, const Point& to) {
  const auto key = std::make_pair(std::array<double, 2>{from.x(), from.y()},
                                  std::array<double, 2>{to.x(), to.y()});
  if (const auto it = route_cache_.find(key); it != route_cache_.end()) {
    return it->second;
  }
  std::vector<Point> points;
  if ((to - from).norm() > 1e-9) {
    if (const std::optional<layout::Route> r = graph_.shortest_route(from, to)) {
      points = r->points;
    }
  }
  if (points.empty()) {
    points = {from, to};  // no route on the grid (or no walk): straight there
  } else if ((points.back() - to).norm() > 1e-9) {
    points.push_back(to);
  }
  data_.routes.push_back(make_path(std::move(points)));
  route_cache_.emplace(key, data_.routes.size() - 1);
  return data_.routes.size() - 1;
}

Track& Builder::track(std::uint32_t visitor) {
  const auto it = track_index_.find(visitor);
  assert(it != track_index_.end());
  return data_.tracks[it->second];
}

// A keyframe: from `t` on, the visitor stands at `position`. Times never run backwards within
// a track; a keyframe at the time of the last one replaces it (nothing happened in between).
void Builder::put(std::uint32_t visitor, double t, VisitorState state, const Point& position) {
  Track& tr = track(visitor);
  Keyframe f{t, state, position, -1, t};
  if (!tr.frames.empty()) {
    Keyframe& last = tr.frames.back();
    const double last_end = last.route >= 0 ? last.walk_end : last.time;
    f.time = std::max(f.time, last_end);
    f.walk_end = f.time;
    if (f.time <= last.time) {
      last = f;
      holding_[visitor].position = position;
      return;
    }
  }
  tr.frames.push_back(f);
  holding_[visitor].position = position;
}

Point Builder::line_place(Line which, std::size_t index) const {
  const std::size_t spot = which == Line::desk ? static_cast<std::size_t>(sim::Spot::guidance_desk)
                           : which == Line::ticket
                               ? static_cast<std::size_t>(sim::Spot::ticket_machine)
                               : static_cast<std::size_t>(sim::Spot::kiosks);
  const RoutePath& approach = approach_[spot];
  // The first in line stands a step behind the one being served.
  const double back =
      settings_.spacing * static_cast<double>(index + (which == Line::ticket ? 0 : 1));
  if (back <= approach.length()) {
    return back_along(approach, back);
  }
  // Longer than the way in: the rest of the line stands beside the entrance.
  const double over = back - approach.length();
  const Point start = approach.points.front();
  const Point side = approach.points.size() >= 2 ? Point(approach.points[1] - start).normalized()
                                                 : Point(1.0, 0.0);
  return start + Point(-side.y(), side.x()) * over;
}

Point Builder::desk_place(std::size_t index) const {
  // Side by side along the desk: 0, +1, -1, +2, ... places from the first.
  const RoutePath& approach = approach_[static_cast<std::size_t>(sim::Spot::guidance_desk)];
  const Point stand = data_.spots[static_cast<std::size_t>(sim::Spot::guidance_desk)];
  Point along(1.0, 0.0);
  if (approach.points.size() >= 2) {
    const Point d = stand - approach.points[approach.points.size() - 2];
    if (d.norm() > 1e-9) {
      along = Point(-d.y(), d.x()).normalized();
    }
  }
  const auto k = static_cast<double>((index + 1) / 2);
  return stand + along * (index % 2 == 1 ? k : -k) * settings_.spacing;
}

void Builder::leave_line(std::uint32_t visitor, double t) {
  Holding& h = holding_[visitor];
  if (h.line == Line::none) {
    return;
  }
  const Line which = h.line;
  h.line = Line::none;
  std::deque<std::uint32_t>& members = line(which);
  const auto it = std::find(members.begin(), members.end(), visitor);
  assert(it != members.end());
  const auto from = static_cast<std::size_t>(it - members.begin());
  members.erase(it);
  for (std::size_t i = from; i < members.size(); ++i) {
    put(members[i], t, VisitorState::in_line, line_place(which, i));
  }
}

void Builder::leave_waiting(std::uint32_t visitor, double t) {
  Holding& h = holding_[visitor];
  if (h.standing) {
    standing_->release(*h.standing);
    h.standing.reset();
    standing_order_.erase(std::find(standing_order_.begin(), standing_order_.end(), visitor));
  }
  if (h.seat) {
    const std::size_t seat = *h.seat;
    h.seat.reset();
    // Standing visitors sit as seats free up, the longest standing first (unless the trace
    // says who sits where, in its sit records).
    if (!seat_records_ && !standing_order_.empty()) {
      const std::uint32_t next = standing_order_.front();
      standing_order_.pop_front();
      Holding& n = holding_[next];
      standing_->release(*n.standing);
      n.standing.reset();
      n.seat = seat;
      put(next, t, VisitorState::waiting_seated, data_.seats[seat]);
    } else {
      seats_->release(seat);
    }
  }
}

void Builder::release_all(std::uint32_t visitor, double t) {
  leave_line(visitor, t);
  leave_waiting(visitor, t);
  Holding& h = holding_[visitor];
  if (h.kiosk) {
    kiosks_->release(*h.kiosk);
    h.kiosk.reset();
  }
  if (h.desk_place) {
    desk_->release(*h.desk_place);
    h.desk_place.reset();
  }
}

std::optional<std::size_t> Builder::recorded_seat(const sim::TraceRecord& r, std::size_t index) {
  const auto seat = static_cast<std::size_t>(r.seat);
  if (r.seat < 0 || seat >= data_.seats.size()) {
    problems_.push_back({source_, "",
                         "trace record " + std::to_string(index + 1) + " seats visitor " +
                             std::to_string(r.visitor) + " on seat " + std::to_string(r.seat) +
                             ", but the plan's seat rows hold " +
                             std::to_string(data_.seats.size()) + " seats",
                         "play the trace over the plan it was simulated with"});
    return std::nullopt;
  }
  seats_->take_at(seat);
  return seat;
}

std::size_t Builder::counter_of(const sim::TraceRecord& r, std::size_t index) {
  if (r.counter < 0 || static_cast<std::size_t>(r.counter) >= data_.counters.size()) {
    problems_.push_back({source_, "",
                         "trace record " + std::to_string(index + 1) + " names counter " +
                             std::to_string(r.counter) + ", but the run has " +
                             std::to_string(data_.counters.size()) + " counters",
                         "play the trace over the plan it was simulated with"});
    return data_.counters.size();
  }
  return static_cast<std::size_t>(r.counter);
}

void Builder::apply(const sim::TraceRecord& r, std::size_t index) {
  const std::uint32_t v = r.visitor;
  const double t = r.time;
  if (r.event == sim::TraceEvent::counter_open || r.event == sim::TraceEvent::counter_close) {
    const std::size_t c = counter_of(r, index);
    if (c >= data_.counters.size()) {
      return;
    }
    if (!counter_records_) {
      // The trace says when counters open and close: that replaces the hours given.
      counter_records_ = true;
      for (auto& periods : data_.hall.counter_open) {
        periods.clear();
      }
    }
    auto& periods = data_.hall.counter_open[c];
    const bool is_open = !periods.empty() && periods.back().end == kInfinity;
    if (r.event == sim::TraceEvent::counter_open && !is_open) {
      periods.push_back({t, kInfinity});
    }
    if (r.event == sim::TraceEvent::counter_close && is_open) {
      periods.back().end = t;
    }
    return;
  }
  if (r.event == sim::TraceEvent::arrive) {
    if (track_index_.count(v) != 0) {
      return;  // a visitor arrives once; a second arrival is ignored
    }
    track_index_.emplace(v, data_.tracks.size());
    data_.tracks.push_back(Track{v, t, kInfinity, {}});
    holding_[v] = Holding{};
    put(v, t, VisitorState::walking, data_.spots[0]);
    return;
  }
  if (track_index_.count(v) == 0) {
    return;  // events of a visitor whose arrival the trace lacks cannot be placed
  }
  Holding& h = holding_[v];
  switch (r.event) {
    case sim::TraceEvent::walk: {
      Point to = data_.spots[static_cast<std::size_t>(r.spot)];
      VisitorState arrival = VisitorState::walking;
      Line join = Line::none;
      if (r.spot == sim::Spot::counter) {
        const std::size_t c = counter_of(r, index);
        if (c < data_.counters.size()) {
          to = data_.counter_places[c];
        }
        arrival = VisitorState::being_served;
      } else if (r.spot == sim::Spot::guidance_desk) {
        join = Line::desk;
      } else if (r.spot == sim::Spot::ticket_machine) {
        join = Line::ticket;
      } else if (r.spot == sim::Spot::kiosks) {
        join = Line::kiosk;
      }
      release_all(v, t);
      if (join != Line::none) {
        line(join).push_back(v);
        h.line = join;
        to = line_place(join, line(join).size() - 1);
        arrival = VisitorState::in_line;
      }
      const std::size_t path = route(h.position, to);
      put(v, t, VisitorState::walking, h.position);
      Track& tr = track(v);
      tr.frames.back().route = static_cast<int>(path);
      tr.frames.back().walk_end = tr.frames.back().time + std::max(0.0, r.duration);
      put(v, tr.frames.back().walk_end, arrival, to);
      return;
    }
    case sim::TraceEvent::consult_start:
    case sim::TraceEvent::complaint_start: {
      leave_line(v, t);
      h.desk_place = desk_->take();
      put(v, t, VisitorState::at_guidance_desk, desk_place(h.desk_place.value_or(0)));
      return;
    }
    case sim::TraceEvent::consult_end:
    case sim::TraceEvent::complaint_end:
      if (h.desk_place) {
        desk_->release(*h.desk_place);
        h.desk_place.reset();
      }
      return;
    case sim::TraceEvent::ticket:
      leave_line(v, t);
      return;
    case sim::TraceEvent::wait: {
      leave_line(v, t);
      h.waiting_since = t;
      if (r.seat >= 0) {
        seat_records_ = true;
        h.seat = recorded_seat(r, index);
      } else if (r.detail == 0) {
        h.seat = seats_->take();
      }
      if (h.seat) {
        put(v, t, VisitorState::waiting_seated, data_.seats[*h.seat]);
      } else {
        h.standing = standing_->take();
        standing_order_.push_back(v);
        put(v, t, VisitorState::waiting_standing, standing_places_[h.standing.value_or(0)]);
      }
      return;
    }
    case sim::TraceEvent::sit: {
      seat_records_ = true;
      const std::optional<std::size_t> seat = recorded_seat(r, index);
      if (!seat) {
        return;
      }
      if (h.standing) {
        standing_->release(*h.standing);
        h.standing.reset();
        standing_order_.erase(std::find(standing_order_.begin(), standing_order_.end(), v));
      }
      if (h.seat) {
        seats_->release(*h.seat);
      }
      h.seat = seat;
      put(v, t, VisitorState::waiting_seated, data_.seats[*seat]);
      return;
    }
    case sim::TraceEvent::call: {
      leave_waiting(v, t);
      const std::size_t c = counter_of(r, index);
      if (c < data_.counters.size()) {
        data_.takes[c].push_back({t, kInfinity, kInfinity, v});
      }
      return;
    }
    case sim::TraceEvent::no_show: {
      const std::size_t c = counter_of(r, index);
      if (c < data_.counters.size() && !data_.takes[c].empty()) {
        data_.takes[c].back().end = t + data_.hall.no_show_wait;
        data_.takes[c].back().answered = false;
      }
      return;
    }
    case sim::TraceEvent::service_start: {
      release_all(v, t);
      const std::size_t c = counter_of(r, index);
      if (c < data_.counters.size()) {
        put(v, t, VisitorState::being_served, data_.counter_places[c]);
        if (!data_.takes[c].empty() && data_.takes[c].back().visitor == v) {
          data_.takes[c].back().start = t;
        }
      }
      return;
    }
    case sim::TraceEvent::service_end: {
      const std::size_t c = counter_of(r, index);
      if (c < data_.counters.size() && !data_.takes[c].empty() &&
          data_.takes[c].back().visitor == v) {
        data_.takes[c].back().end = t;
        data_.takes[c].back().finished = true;
      }
      return;
    }
    case sim::TraceEvent::kiosk_start: {
      leave_line(v, t);
      h.kiosk = kiosks_->take();
      put(v, t, VisitorState::at_kiosk, kiosk_places_[h.kiosk.value_or(0) % kiosk_places_.size()]);
      return;
    }
    case sim::TraceEvent::kiosk_end:
      if (h.kiosk) {
        kiosks_->release(*h.kiosk);
        h.kiosk.reset();
      }
      return;
    case sim::TraceEvent::balk:
    case sim::TraceEvent::renege:
    case sim::TraceEvent::sent_home:
      release_all(v, t);
      return;
    case sim::TraceEvent::leave: {
      release_all(v, t);
      Track& tr = track(v);
      const double last =
          tr.frames.back().route >= 0 ? tr.frames.back().walk_end : tr.frames.back().time;
      tr.leave = std::max(t, last);
      return;
    }
    case sim::TraceEvent::arrive:
    case sim::TraceEvent::review:
    default:  // counter records (handled above) and records that move nobody
      return;
  }
}

void Builder::build(const std::vector<sim::TraceRecord>& trace) {
  const layout::Plan& plan = graph_.plan();
  for (const std::string& id : data_.hall.counters) {
    const auto it = std::find_if(plan.counters().begin(), plan.counters().end(),
                                 [&id](const layout::Counter& c) { return c.id == id; });
    if (it == plan.counters().end()) {
      problems_.push_back({source_, "", "the run's counter '" + id + "' is not in the plan",
                           "play the trace over the plan it was simulated with"});
      data_.counter_places.push_back(Point::Zero());
      continue;
    }
    data_.counter_places.push_back(it->customer_side);
  }
  data_.counters = data_.hall.counters;
  data_.takes.resize(data_.counters.size());
  data_.hall.counter_open.resize(data_.counters.size());
  locate_spots();
  if (!problems_.empty()) {
    throw layout::InputError(std::move(problems_));
  }
  for (std::size_t i = 0; i < trace.size(); ++i) {
    apply(trace[i], i);
  }
  if (!problems_.empty()) {
    throw layout::InputError(std::move(problems_));
  }
  // A visitor still inside when the trace ends stays to its end.
  double last = 0.0;
  for (const sim::TraceRecord& r : trace) {
    last = std::max(last, r.time);
  }
  for (Track& tr : data_.tracks) {
    if (tr.leave == kInfinity) {
      tr.leave = std::max(last, tr.frames.back().walk_end);
    }
  }
  for (auto& takes : data_.takes) {
    for (detail::CounterTake& take : takes) {
      if (take.end == kInfinity) {
        take.end = last;
      }
    }
  }
}

double overlap(double a0, double a1, double b0, double b1) {
  return std::max(0.0, std::min(a1, b1) - std::max(a0, b0));
}

}  // namespace

double CounterAt::busy_share() const {
  return open_seconds > 0.0 ? busy_seconds / open_seconds : std::nan("");
}

Playback::Playback(const layout::NavGraph& graph, const TraceHall& hall,
                   const std::vector<sim::TraceRecord>& trace, const PlaybackSettings& settings,
                   const std::string& source) {
  auto data = std::make_shared<PlaybackData>(graph.plan());
  data->hall = hall;
  Builder(graph, *data, settings, source).build(trace);
  if (!data->tracks.empty()) {
    data->begin = data->tracks.front().arrive;
    data->end = data->begin;
    for (const Track& tr : data->tracks) {
      data->begin = std::min(data->begin, tr.arrive);
      data->end = std::max(data->end, tr.leave);
    }
  }
  data_ = std::move(data);
}

const layout::Plan& Playback::plan() const {
  return data_->plan;
}
const TraceHall& Playback::hall() const {
  return data_->hall;
}
double Playback::begin() const {
  return data_->begin;
}
double Playback::end() const {
  return data_->end;
}
const std::vector<layout::Point>& Playback::seats() const {
  return data_->seats;
}
layout::Point Playback::spot_point(sim::Spot spot) const {
  assert(spot != sim::Spot::counter);
  return data_->spots[static_cast<std::size_t>(spot)];
}

std::optional<VisitorAt> Playback::visitor_at(std::uint32_t visitor, double t) const {
  for (const Track& tr : data_->tracks) {
    if (tr.visitor != visitor) {
      continue;
    }
    if (t < tr.arrive || t >= tr.leave) {
      return std::nullopt;
    }
    const std::size_t k = tr.frame_at(t);
    const Keyframe& f = tr.frames[k];
    const bool walking = f.route >= 0 && t < f.walk_end;
    return VisitorAt{visitor, tr.position_at(data_->routes, k, t),
                     walking ? VisitorState::walking : f.state};
  }
  return std::nullopt;
}

std::vector<VisitorAt> Playback::visitors_at(double t) const {
  std::vector<VisitorAt> out;
  for (const Track& tr : data_->tracks) {
    if (t < tr.arrive || t >= tr.leave) {
      continue;
    }
    const std::size_t k = tr.frame_at(t);
    const Keyframe& f = tr.frames[k];
    const bool walking = f.route >= 0 && t < f.walk_end;
    out.push_back({tr.visitor, tr.position_at(data_->routes, k, t),
                   walking ? VisitorState::walking : f.state});
  }
  std::sort(out.begin(), out.end(),
            [](const VisitorAt& a, const VisitorAt& b) { return a.visitor < b.visitor; });
  return out;
}

std::vector<CounterAt> Playback::counters_at(double t) const {
  std::vector<CounterAt> out;
  for (std::size_t c = 0; c < data_->counters.size(); ++c) {
    CounterAt at;
    at.counter = data_->counters[c];
    for (const sim::ClockInterval& open : data_->hall.counter_open[c]) {
      at.open = at.open || (open.begin <= t && t < open.end);
      at.open_seconds += overlap(open.begin, open.end, -kInfinity, t);
    }
    for (const detail::CounterTake& take : data_->takes[c]) {
      at.busy_seconds += overlap(take.call, take.end, -kInfinity, t);
      if (take.finished && take.end <= t) {
        ++at.served;
      }
      if (take.call <= t && t < take.end && take.answered) {
        at.visitor = take.visitor;
        at.serving = take.start <= t;
      }
    }
    out.push_back(std::move(at));
  }
  return out;
}

int Playback::people_in(const layout::Polygon& area, double t) const {
  int n = 0;
  for (const VisitorAt& v : visitors_at(t)) {
    n += layout::contains(area, v.position) ? 1 : 0;
  }
  return n;
}

SnapshotOverlay Playback::snapshot(double t) const {
  SnapshotOverlay s;
  s.clock = clock_text(t, data_->hall.first_day);
  for (const VisitorAt& v : visitors_at(t)) {
    s.visitors.push_back({v.position, v.state});
  }
  for (const CounterAt& c : counters_at(t)) {
    s.counters.push_back({c.counter, c.open});
  }
  return s;
}

HeatOverlay Playback::heat(double from, double to, const HeatSettings& settings) const {
  assert(to > from && settings.cell > 0.0 && settings.step > 0.0);
  HeatOverlay heat;
  ScalarGrid& grid = heat.density;
  const layout::Box box = layout::bounding_box(data_->plan.outline());
  grid.origin = box.min;
  grid.cell = settings.cell;
  grid.columns = std::max(1, static_cast<int>(std::ceil((box.max.x() - box.min.x()) / grid.cell)));
  grid.rows = std::max(1, static_cast<int>(std::ceil((box.max.y() - box.min.y()) / grid.cell)));
  std::vector<double> seconds(
      static_cast<std::size_t>(grid.columns) * static_cast<std::size_t>(grid.rows), 0.0);
  const auto add = [&](const Point& p, double dt) {
    const auto c = static_cast<int>(std::floor((p.x() - grid.origin.x()) / grid.cell));
    const auto r = static_cast<int>(std::floor((p.y() - grid.origin.y()) / grid.cell));
    if (c < 0 || r < 0 || c >= grid.columns || r >= grid.rows || dt <= 0.0) {
      return;
    }
    seconds[static_cast<std::size_t>(r) * static_cast<std::size_t>(grid.columns) +
            static_cast<std::size_t>(c)] += dt;
  };
  const auto counted = [&](VisitorState state) {
    return !settings.waiting_only || state == VisitorState::in_line ||
           state == VisitorState::waiting_seated || state == VisitorState::waiting_standing;
  };
  for (const Track& tr : data_->tracks) {
    for (std::size_t k = 0; k < tr.frames.size(); ++k) {
      const Keyframe& f = tr.frames[k];
      const double next = k + 1 < tr.frames.size() ? tr.frames[k + 1].time : tr.leave;
      const double a = std::max(f.time, from);
      const double b = std::min(std::min(next, tr.leave), to);
      if (b <= a) {
        continue;
      }
      if (f.route < 0) {
        if (counted(f.state)) {
          add(f.position, b - a);
        }
        continue;
      }
      // A walk, then (if the next keyframe is later) standing at its end in the frame's state.
      const double walk_b = std::min(b, f.walk_end);
      if (walk_b > a && counted(VisitorState::walking)) {
        const auto n = static_cast<std::size_t>(std::ceil((walk_b - a) / settings.step));
        const double dt = (walk_b - a) / static_cast<double>(n);
        for (std::size_t i = 0; i < n; ++i) {
          add(tr.position_at(data_->routes, k, a + (static_cast<double>(i) + 0.5) * dt), dt);
        }
      }
      if (b > f.walk_end && counted(f.state)) {
        add(tr.position_at(data_->routes, k, f.walk_end), b - std::max(a, f.walk_end));
      }
    }
  }
  const double per = 1.0 / ((to - from) * grid.cell * grid.cell);
  double peak = 0.0;
  grid.values.resize(seconds.size());
  for (int r = 0; r < grid.rows; ++r) {
    for (int c = 0; c < grid.columns; ++c) {
      const std::size_t i = static_cast<std::size_t>(r) * static_cast<std::size_t>(grid.columns) +
                            static_cast<std::size_t>(c);
      const bool inside = layout::contains(data_->plan.outline(), grid.cell_centre(c, r));
      grid.values[i] = inside || seconds[i] > 0.0 ? seconds[i] * per : std::nan("");
      peak = std::max(peak, seconds[i] * per);
    }
  }
  heat.scale_max = nice_scale_max(peak);
  heat.title = settings.waiting_only ? "排队候办密度 Queueing and waiting, people per m²"
                                     : "人员密度 Occupancy, people per m²";
  const std::string until = clock_text(to, data_->hall.first_day);
  heat.period =
      clock_text(from, data_->hall.first_day) + " – " + until.substr(until.rfind(' ') + 1);
  return heat;
}

std::string clock_text(double t, sim::Weekday first_day) {
  static constexpr std::array<const char*, sim::kWeekdays> kZh = {"周一", "周二", "周三", "周四",
                                                                  "周五", "周六", "周日"};
  static constexpr std::array<const char*, sim::kWeekdays> kEn = {"Mon", "Tue", "Wed", "Thu",
                                                                  "Fri", "Sat", "Sun"};
  const double day = std::floor(t / sim::kDaySeconds);
  const auto seconds = static_cast<long>(std::floor(t - day * sim::kDaySeconds));
  const auto weekday = static_cast<std::size_t>(
      (static_cast<long>(first_day) + static_cast<long>(day)) % sim::kWeekdays);
  std::array<char, 64> text{};
  std::snprintf(text.data(), text.size(), "%s %s %02ld:%02ld:%02ld", kZh[weekday], kEn[weekday],
                seconds / 3600, (seconds % 3600) / 60, seconds % 60);
  return text.data();
}

std::optional<double> parse_clock(const std::string& text) {
  // H:MM, HH:MM, or either with :SS.
  std::array<int, 3> parts{0, 0, 0};
  std::size_t part = 0;
  std::size_t digits = 0;
  for (const char ch : text) {
    if (ch == ':') {
      if (digits == 0 || (part == 0 && digits > 2) || (part > 0 && digits != 2) || part == 2) {
        return std::nullopt;
      }
      ++part;
      digits = 0;
      continue;
    }
    if (ch < '0' || ch > '9' || digits == 2) {
      return std::nullopt;
    }
    parts[part] = parts[part] * 10 + (ch - '0');
    ++digits;
  }
  if (part == 0 || digits != 2) {
    return std::nullopt;
  }
  const auto [h, m, s] = parts;
  if (m > 59 || s > 59 || h > 24 || (h == 24 && (m > 0 || s > 0))) {
    return std::nullopt;
  }
  return h * 3600.0 + m * 60.0 + s;
}

std::vector<layout::Point> seat_centres(const layout::SeatRow& row) {
  // As the plan picture draws them.
  std::vector<Point> out;
  if (const std::optional<detail::SeatRowFrame> f = detail::seat_row_frame(row)) {
    for (int k = 0; k < row.seats; ++k) {
      out.push_back(f->at(f->lo_u + (k + 0.5) * f->pitch, (f->lo_n + f->hi_n) / 2.0));
    }
  }
  return out;
}

Rgba visitor_colour(VisitorState state) {
  switch (state) {
    case VisitorState::walking:
      return {71, 85, 105, 255};
    case VisitorState::in_line:
      return {234, 88, 12, 255};
    case VisitorState::waiting_seated:
      return {30, 41, 110, 255};
    case VisitorState::waiting_standing:
      return {220, 38, 38, 255};
    case VisitorState::at_kiosk:
      return {147, 51, 234, 255};
    case VisitorState::being_served:
      return {22, 163, 74, 255};
    case VisitorState::at_guidance_desk:
      return {8, 145, 178, 255};
  }
  assert(false && "unknown visitor state");
  return {};
}

std::string state_label(VisitorState state) {
  switch (state) {
    case VisitorState::walking:
      return "步行 Walking";
    case VisitorState::in_line:
      return "排队 In line (ticket, desk, kiosk)";
    case VisitorState::waiting_seated:
      return "坐等 Waiting, seated";
    case VisitorState::waiting_standing:
      return "站等 Waiting, standing";
    case VisitorState::at_kiosk:
      return "自助办理 At a kiosk";
    case VisitorState::being_served:
      return "窗口办理 Being served";
    case VisitorState::at_guidance_desk:
      return "咨询 At the guidance desk";
  }
  assert(false && "unknown visitor state");
  return {};
}

Rgba density_colour(double value, double scale_max) {
  // ColorBrewer YlOrRd: pale yellow for few people, dark red for the most.
  static constexpr std::array<Rgba, 5> kStops = {Rgba{255, 237, 160, 255}, Rgba{254, 178, 76, 255},
                                                 Rgba{253, 141, 60, 255}, Rgba{227, 26, 28, 255},
                                                 Rgba{128, 0, 38, 255}};
  assert(scale_max > 0.0);
  const double t = std::clamp(value / scale_max, 0.0, 1.0) * (kStops.size() - 1);
  const auto i = std::min(static_cast<std::size_t>(t), kStops.size() - 2);
  const double f = t - static_cast<double>(i);
  const auto mix = [f](std::uint8_t a, std::uint8_t b) {
    return static_cast<std::uint8_t>(std::lround(a + (b - a) * f));
  };
  const Rgba& a = kStops[i];
  const Rgba& b = kStops[i + 1];
  return {mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b), 255};
}

double nice_scale_max(double peak) {
  if (!(peak > 0.0)) {
    return 1.0;
  }
  const double power = std::pow(10.0, std::floor(std::log10(peak)));
  for (const double m : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (peak <= m * power * (1.0 + 1e-12)) {
      return m * power;
    }
  }
  return 10.0 * power;
}

}  // namespace hallsim::render
