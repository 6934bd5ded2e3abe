#pragma once
// The inside of a Playback: each visitor's day as keyframes, the walking routes they follow,
// and each counter's calls.

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "hallsim/render/playback.hpp"

namespace hallsim::render::detail {

/// A walking route with the distance walked at each of its points.
struct RoutePath {
  std::vector<layout::Point> points;
  std::vector<double> lengths;  ///< lengths[i]: metres from points[0] to points[i]
  /// Metres from the first point to the last.
  double length() const;
  /// The point `fraction` (0 to 1) of the way along.
  layout::Point at(double fraction) const;
};

/// From `time` on, a visitor stands at `position` in `state`; or, with a route, walks it until
/// `walk_end` and then stands at its end in `state`.
struct Keyframe {
  double time = 0.0;
  VisitorState state = VisitorState::walking;
  layout::Point position = layout::Point::Zero();
  int route = -1;  ///< index into PlaybackData::routes, or -1
  double walk_end = 0.0;
};

/// One visitor's day, keyframes in time order.
struct Track {
  std::uint32_t visitor = 0;
  double arrive = 0.0;
  double leave = 0.0;  ///< gone from this time on
  std::vector<Keyframe> frames;

  /// Index of the keyframe in force at `t` (the last one at or before it; the first if none).
  std::size_t frame_at(double t) const;
  /// Where the visitor is at `t` under keyframe `k`.
  layout::Point position_at(const std::vector<RoutePath>& routes, std::size_t k, double t) const;
};

/// A counter's call: taken from `call` to `end`.
struct CounterTake {
  double call = 0.0;
  double start = 0.0;  ///< service began (+infinity: not yet, or never)
  double end = 0.0;    ///< service ended, or the wait for an unanswered call did
  std::uint32_t visitor = 0;
  bool answered = true;
  bool finished = false;  ///< the service ended within the trace
};

/// Everything a Playback knows.
struct PlaybackData {
  explicit PlaybackData(layout::Plan p) : plan(std::move(p)) {}
  layout::Plan plan;
  TraceHall hall;
  std::vector<Track> tracks;  ///< in order of arrival
  std::vector<RoutePath> routes;
  std::array<layout::Point, sim::kNamedSpots> spots{};  ///< standing point of each named spot
  std::vector<layout::Point> seats;
  std::vector<std::string> counters;            ///< plan ids, in the model's order
  std::vector<layout::Point> counter_places;    ///< each counter's customer side
  std::vector<std::vector<CounterTake>> takes;  ///< per counter, in order of call
  double begin = 0.0;
  double end = 0.0;
};

}  // namespace hallsim::render::detail
