#pragma once
/// \file
/// Evacuation of a plan: walking distance to the nearest emergency exit from every point,
/// the number and width of exits against the occupant load, the clear width of the way out of
/// every occupied zone, which way evacuation doors open, one exit blocked in turn, and the
/// time to empty the hall (SFPE hydraulic model, with a max-flow lower bound).
/// Limits: GB 50016-2014 (2018 edition) 5.5.8, 5.5.15, 5.5.17, 5.5.18, 5.5.21, 6.4.11; the
/// standard's 4.4.1.2 and 5.7. Method and figures: docs/egress.md.

#include <optional>
#include <string>
#include <vector>

#include "hallsim/layout/navigation.hpp"

namespace hallsim::layout {

/// Figures of the egress check; the defaults are the codes' and SFPE's (docs/egress.md).
struct EgressSettings {
  /// Number of people to evacuate; nothing = the design load of the plan's zones.
  std::optional<double> occupants;
  double pre_movement = 0.0;  ///< time before people start to move, s (added to every time)

  double open_hall_limit = 30.0;      ///< any point to the nearest exit, hall with 2+ exits, m
  double dead_end_limit = 22.0;       ///< room with one door / door on a dead end, m
  double between_exits_limit = 40.0;  ///< room door between two exits to the nearest one, m
  double sprinkler_factor = 1.25;     ///< distances grow by this with automatic sprinklers
  double exit_min_width = 0.90;       ///< clear width of an exit or evacuation door, m
  double route_min_width = 1.10;      ///< clear width of an evacuation corridor or walkway, m
  /// A door out of a room with more people than this must open the way people escape...
  double swing_room_persons = 60.0;
  double swing_door_persons = 30.0;          ///< ...and so must a door more people than this pass
  double single_exit_max_area = 200.0;       ///< one exit suffices up to this floor area, m²...
  double single_exit_max_persons = 50.0;     ///< ...and this many people
  double single_door_room_max_area = 120.0;  ///< a room this small may have one door, m²
  /// A door is on a dead end when its routes to two different exits stay together (within
  /// dead_end_tolerance of extra walking) for more than dead_end_min metres.
  double dead_end_tolerance = 0.5;
  double dead_end_min = 5.0;  ///< see dead_end_tolerance
  /// Pockets of floor with no way out smaller than this are grid artefacts, m².
  double min_pocket_area = 0.5;

  double boundary_layer = 0.15;     ///< lost on each side of a door, m (SFPE)
  double max_specific_flow = 1.3;   ///< persons per second per metre of effective width (SFPE)
  double speed_k = 1.40;            ///< S = k (1 - a D), m/s (SFPE)
  double speed_a = 0.266;           ///< m² per person (SFPE)
  double free_speed = 1.19;         ///< walking speed below law_min_density, m/s (SFPE)
  double law_min_density = 0.54;    ///< persons per m²; the speed law holds from here...
  double max_design_density = 1.9;  ///< ...up to this, the density of the fastest flow
};

/// Design occupant density of a zone kind, persons per square metre (docs/egress.md).
double design_density(ZoneKind kind);
/// Exit width per 100 persons on floors 1-2 for a fire-resistance grade, m (GB 50016 5.5.21).
double width_per_100_persons(FireResistanceGrade grade);

/// How many people a zone holds at the design load.
struct ZoneLoad {
  std::string zone_id;
  double area = 0.0;     ///< zone polygon, m²
  double density = 0.0;  ///< persons per m²
  int seats = 0;         ///< waiting seats in it
  double persons = 0.0;  ///< max(area x density, seats), scaled when a total is given
};

/// One emergency exit.
struct ExitResult {
  std::string id;
  Point position = Point::Zero();
  double clear_width = 0.0;        ///< m
  double effective_width = 0.0;    ///< clear width less the boundary layers, m
  double capacity = 0.0;           ///< persons per second at the maximum specific flow
  double persons = 0.0;            ///< people for whom it is the nearest exit
  double width_for_persons = 0.0;  ///< width those people need (GB 50016 5.5.21), m
  bool usable = true;              ///< some walkable floor reaches it
};

/// The longest walk to the nearest exit from a set of points.
struct Travel {
  Point from = Point::Zero();
  double distance = 0.0;  ///< m; +infinity if some point has no way out
  std::string exit_id;    ///< the exit it walks to
  double limit = 0.0;     ///< m
  std::string clause;
  Route route;
};

/// A room: walkable floor between walls and doorways (the hall is a room too).
struct RoomResult {
  std::string zone_id;      ///< the zone holding most of its floor
  double floor_area = 0.0;  ///< m², furniture included
  double persons = 0.0;
  std::vector<std::string> exits;  ///< emergency exits in its walls
  std::vector<std::string> doors;  ///< doors to other rooms
  /// Hall (a room with an exit): any point to the nearest exit. Enclosed room: any point to
  /// its nearest door, whose id is then in `farthest.exit_id` (GB 50016 5.5.17).
  Travel farthest;
  /// Enclosed rooms: for each door, the walk from it to the nearest exit.
  struct Door {
    std::string id;
    double to_exit = 0.0;  ///< m
    std::string exit_id;
    double dead_end_length = 0.0;  ///< m the routes to two exits share
    bool dead_end = false;
    double limit = 0.0;  ///< m
    Route route;
  };
  std::vector<Door> door_routes;
};

/// People through one door or exit in the hydraulic model.
struct ComponentFlow {
  std::string id;
  bool exit = false;
  double persons = 0.0;
  double effective_width = 0.0;  ///< m
  double capacity = 0.0;         ///< persons per second
  double first_arrival = 0.0;    ///< walk of the first person through it to the exit, s
  double time = 0.0;             ///< pre-movement + first arrival + persons / capacity, s
};

/// Time to empty the hall.
struct EgressTime {
  double persons = 0.0;
  double density = 0.0;  ///< persons per m² of occupied walkable floor
  double speed = 0.0;    ///< walking speed at that density, m/s
  std::vector<ComponentFlow> components;
  std::string controlling;       ///< the component whose queue takes longest
  double flow_time = 0.0;        ///< its time, s
  double walk_time = 0.0;        ///< pre-movement + the farthest walk at `speed`, s
  double time = 0.0;             ///< the larger of flow_time and walk_time, s
  double max_flow = 0.0;         ///< most persons per second the door network passes
  double lower_bound = 0.0;      ///< pre-movement + persons / max_flow, s: no plan empties faster
  double cut_off_persons = 0.0;  ///< people with no way out (not in the times)
};

/// The way out of one occupied zone to its nearest exit, at its widest.
struct EgressRoute {
  std::string zone_id;
  std::string exit_id;  ///< the exit nearest to the zone
  /// Narrowest clear width of the widest way from the zone to the exit, doors apart (their
  /// clear width is checked on its own), m; at most twice NavSettings::clearance_cap.
  double narrowest_width = 0.0;
  Point narrowest_position = Point::Zero();
  std::string narrowed_by;  ///< the elements either side of the narrowest point ("w-1 and c3")
  double limit = 0.0;       ///< m
  /// The shortest route that keeps narrowest_width, from the zone to the exit; only filled
  /// when the width is below the limit.
  Route route;
};

/// Which way a door on the way out opens, against the way people escape through it.
struct EvacuationDoor {
  std::string id;
  bool exit = false;  ///< an emergency exit in the outline
  DoorType door = DoorType::swinging;
  Swing swing = Swing::none;
  std::string escape_to;  ///< "outside", or the zone people go into through it (may be empty)
  std::string opens_to;   ///< "outside", a zone id, "both ways"; empty when the plan does not say
  double persons = 0.0;   ///< people the hydraulic model sends through it
  double room_persons = 0.0;  ///< people in the room they leave through it
  /// Held to GB 50016 6.4.11: every exit, and a door out of a room of more than
  /// swing_room_persons or passed by more than swing_door_persons.
  bool held = false;
  /// "ok", "against" (opens against escape), "unknown" (swing not given), "sliding",
  /// "automatic", "revolving".
  std::string verdict;
};

/// One exit blocked.
struct BlockedExit {
  std::string exit_id;
  Travel farthest;               ///< against the open-hall limit
  double cut_off_area = 0.0;     ///< m² of floor left with no way out
  double remaining_width = 0.0;  ///< clear width of the other exits, m
  double required_width = 0.0;   ///< for all occupants (GB 50016 5.5.21), m
  EgressTime time;
};

/// Result of the egress check.
struct EgressReport {
  double occupants = 0.0;
  bool occupants_given = false;
  std::vector<ZoneLoad> loads;
  double building_area = 0.0;
  std::vector<ExitResult> exits;
  double total_exit_width = 0.0;     ///< m
  double width_per_100 = 0.0;        ///< m per 100 persons
  double required_exit_width = 0.0;  ///< m
  Travel farthest;                   ///< over the whole floor, to the nearest exit
  std::vector<RoomResult> rooms;
  std::vector<EgressRoute> routes;    ///< one per occupied zone with a way out, in file order
  std::vector<EvacuationDoor> doors;  ///< exits, then the doors people pass on the way out
  EgressTime time;
  std::vector<BlockedExit> blocked;
  std::optional<std::size_t> worst_blocked;  ///< index into `blocked`
  std::vector<NavFinding> findings;
  /// True if no finding is a failure.
  bool passes() const;
};

/// Checks evacuation on `graph`'s plan.
EgressReport check_egress(const NavGraph& graph, const EgressSettings& settings = {});

}  // namespace hallsim::layout
