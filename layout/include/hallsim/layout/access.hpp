#pragma once
/// \file
/// Wheelchair routes from the main entrance to every public zone, counter and kiosk, and the
/// steps and ramps outside the building before the entrances a wheelchair uses
/// (GB 55019-2021, GB 50763-2012; the standard's 4.4.1.2).
///
/// A wheelchair may cross a cell when the free width there is at least the route width
/// (1.20 m), or the door width (0.90 m) where the narrowness is a door's own jambs; it may not
/// cross a step over 15 mm, a flight of stairs, a ramp steeper than 1:12 or rising more than
/// 0.75 m in one run, a threshold over 15 mm, or a revolving door. Steps that run into a usable
/// ramp are bridged by it. See docs/egress.md.

#include <string>
#include <vector>

#include "hallsim/layout/navigation.hpp"

namespace hallsim::layout {

/// Limits of the accessibility check; the defaults are the codes' figures.
struct AccessSettings {
  double route_width = 1.20;          ///< clear width of an accessible route, m (GB 55019 2.2.2)
  double crowded_route_width = 1.80;  ///< in crowded public places, m (GB 55019 2.2.3; "should")
  double door_width = 0.90;           ///< door clear width, m (GB 55019 2.5.4)
  double turning_diameter = 1.50;     ///< turning circle, m (GB 55019 2.6.1)
  /// A turning circle counts as "in front of" a door or counter when its centre is at most this
  /// far from the door's middle or the counter's customer side, m (hallsim's reading).
  double turning_search = 1.5;
  /// Outside the building (the grid's barriers inside it use the same figures): a step of more
  /// than this needs a ramp beside it, m (GB 50763 3.5.3's 15 mm)...
  double max_step_rise = 0.015;
  double max_ramp_slope = 1.0 / 12.0;  ///< ...and a ramp rises at most 1:12 (GB 55019 2.3.1)...
  double max_ramp_rise = 0.75;         ///< ...and at most this in one run, m (GB 55019 2.3.1)
};

/// What a wheelchair route leads to.
enum class AccessTargetKind { zone, counter, kiosk };

/// Something that stops a wheelchair on the best route to a target.
struct AccessBlock {
  std::string element_id;  ///< the door, step, ramp, stairs, or the fittings either side
  std::string what;        ///< "door", "threshold", "step", "stairs", "ramp", "passage"...
  Point position = Point::Zero();
  double measured = 0.0;  ///< width (m), threshold or rise (mm), slope (rise/run)
  double required = 0.0;  ///< in the same unit
  std::string unit;       ///< "m", "mm", "ratio"
  std::string clause;     ///< the code clause it fails
};

/// The wheelchair route to one target, or the best try when there is none.
struct AccessTarget {
  AccessTargetKind kind = AccessTargetKind::zone;
  std::string id;                  ///< zone, counter or kiosk id
  Point position = Point::Zero();  ///< customer side, or the zone's nearest reached point
  bool reachable = false;          ///< a route meets every limit
  bool low_counter = false;        ///< a counter with knee space
  /// From the main entrance to the target: the wheelchair route, or (when unreachable) the
  /// route that comes nearest to meeting the limits; empty if there is no way at all.
  Route route;
  double length = 0.0;  ///< length of `route`, m
  /// Narrowest passage (doors apart) on the widest wheelchair route, m, and where it is; on an
  /// unreachable target, the narrowest passage of `route`. At most twice clearance_cap.
  double narrowest_width = 0.0;
  Point narrowest_position = Point::Zero();
  double narrowest_door = 0.0;      ///< narrowest door on `route`, m; 0 = no door
  std::vector<std::string> doors;   ///< doors `route` passes, from the entrance on
  std::vector<AccessBlock> blocks;  ///< what stops a wheelchair on `route`
};

/// A step, flight of stairs or ramp outside the building, before an entrance a wheelchair uses
/// (the main entrance, or an outside door marked accessible): the one nearest to it.
struct ApproachLevelChange {
  std::string id;
  std::string entrance_id;
  LevelChangeKind kind = LevelChangeKind::step;
  double rise = 0.0;   ///< m
  double slope = 0.0;  ///< rise over run, for a ramp or stairs; 0 for a step
  double width = 0.0;  ///< clear width of a ramp or stairs, length of a step's edge, m
  /// A wheelchair can pass it: a step of at most max_step_rise, or a ramp within the limits.
  bool passable = false;
};

/// Result of the accessibility check.
struct AccessReport {
  std::string entrance_id;
  std::vector<AccessTarget> targets;
  std::vector<ApproachLevelChange> approach;  ///< in the plan's order
  std::vector<NavFinding> findings;
  /// True if no finding is a failure.
  bool passes() const;
};

/// Checks wheelchair access on `graph`'s plan.
AccessReport check_access(const NavGraph& graph, const AccessSettings& settings = {});

/// Text name of a target kind: "zone", "counter", "kiosk".
const char* to_string(AccessTargetKind value);

}  // namespace hallsim::layout
