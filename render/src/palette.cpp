#include "hallsim/render/palette.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace hallsim::render {

using layout::CounterType;
using layout::SignKind;
using layout::ZoneKind;

Rgba zone_fill(ZoneKind kind) {
  switch (kind) {
    case ZoneKind::guidance:
      return {255, 224, 178, 255};
    case ZoneKind::window_service:
      return {205, 225, 255, 255};
    case ZoneKind::disclosure:
      return {233, 215, 245, 255};
    case ZoneKind::self_service:
      return {200, 236, 226, 255};
    case ZoneKind::self_service_24h:
      return {170, 220, 206, 255};
    case ZoneKind::waiting:
      return {255, 246, 194, 255};
    case ZoneKind::mother_baby:
      return {255, 213, 226, 255};
    case ZoneKind::featured:
      return {255, 204, 176, 255};
    case ZoneKind::back_office:
      return {221, 221, 221, 255};
    case ZoneKind::lobby:
      return {250, 235, 212, 255};
    case ZoneKind::walkway:
      return {236, 232, 224, 255};
    case ZoneKind::office:
      return {214, 214, 204, 255};
    case ZoneKind::conference_room:
      return {207, 219, 232, 255};
    case ZoneKind::nonpublic:
      return {206, 206, 206, 255};
    case ZoneKind::storage:
      return {199, 190, 178, 255};
    case ZoneKind::restroom:
      return {213, 236, 246, 255};
    case ZoneKind::restroom_wheelchair:
      return {188, 221, 246, 255};
    case ZoneKind::firstaid:
      return {255, 221, 221, 255};
    case ZoneKind::ramp:
      return {231, 231, 199, 255};
    case ZoneKind::stairs:
      return {216, 210, 199, 255};
    case ZoneKind::elevator:
      return {211, 205, 221, 255};
    case ZoneKind::room:
      return {238, 238, 238, 255};
  }
  assert(false && "unknown zone kind");
  return kFloor;
}

Rgba counter_fill(CounterType type) {
  switch (type) {
    case CounterType::general:
      return {37, 99, 235, 255};
    case CounterType::departmental_composite:
      return {124, 58, 237, 255};
    case CounterType::cross_province:
      return {234, 88, 12, 255};
    case CounterType::in_province:
      return {180, 126, 0, 255};
    case CounterType::one_thing:
      return {13, 128, 148, 255};
    case CounterType::cannot_get_it_done:
      return {127, 29, 29, 255};
    case CounterType::help_and_agency:
      return {219, 39, 119, 255};
    case CounterType::other:
      return {100, 116, 139, 255};
  }
  assert(false && "unknown counter type");
  return {0, 0, 0, 255};
}

Rgba sign_fill(SignKind kind) {
  switch (kind) {
    case SignKind::safety_exit:
      return {0, 122, 61, 255};
    case SignKind::warning:
    case SignKind::safety_step:
    case SignKind::safety_glass:
      return {250, 204, 21, 255};
    case SignKind::safety_no_fire:
      return {200, 30, 30, 255};
    case SignKind::brand:
      return {180, 24, 48, 255};
    case SignKind::guidance:
    case SignKind::hours:
    case SignKind::zone_map:
    case SignKind::outdoor_name:
    case SignKind::window_label:
    case SignKind::kiosk_label:
      return {29, 78, 216, 255};
    case SignKind::other:
      return {100, 100, 100, 255};
  }
  assert(false && "unknown sign kind");
  return {0, 0, 0, 255};
}

namespace {

Rgba mix(Rgba from, Rgba to, double t) {
  const auto channel = [t](std::uint8_t a, std::uint8_t b) {
    return static_cast<std::uint8_t>(std::lround(a + (b - a) * t));
  };
  return {channel(from.r, to.r), channel(from.g, to.g), channel(from.b, to.b), 255};
}

}  // namespace

Rgba egress_colour(double distance, double limit) {
  // A diverging ramp (ColorBrewer RdYlGn, reversed): readable for most colour-blind readers.
  constexpr Rgba kNear{26, 152, 80, 255};
  constexpr Rgba kHalf{254, 224, 139, 255};
  constexpr Rgba kLimit{244, 109, 67, 255};
  constexpr Rgba kBeyond{165, 0, 38, 255};
  assert(limit > 0.0);
  if (distance > limit) {
    return kBeyond;
  }
  const double t = std::clamp(distance / limit, 0.0, 1.0);
  return t < 0.5 ? mix(kNear, kHalf, t * 2.0) : mix(kHalf, kLimit, (t - 0.5) * 2.0);
}

}  // namespace hallsim::render
