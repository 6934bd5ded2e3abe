#pragma once
/// \file
/// What can be drawn over a plan: analysis results as plain inputs (a scalar grid, polylines,
/// marked points), so that any analysis can hand its findings to the renderer in a few lines.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hallsim/layout/geometry.hpp"

namespace hallsim::render {

/// Values on a regular grid laid over the plan, e.g. walking distance to the nearest exit.
struct ScalarGrid {
  layout::Point origin = layout::Point::Zero();  ///< south-west corner of cell (0, 0), metres
  double cell = 0.25;                            ///< side of a square cell, metres
  int columns = 0;                               ///< cells along x (east)
  int rows = 0;                                  ///< cells along y (north)
  /// One value per cell, row by row from the southern row, west to east in a row;
  /// NaN where there is no value (a wall, furniture, outside the hall).
  std::vector<double> values;

  /// The value of the cell in column `column`, row `row`.
  double at(int column, int row) const {
    return values[static_cast<std::size_t>(row) * static_cast<std::size_t>(columns) +
                  static_cast<std::size_t>(column)];
  }
  /// Centre of a cell, metres.
  layout::Point cell_centre(int column, int row) const {
    return origin + layout::Point((column + 0.5) * cell, (row + 0.5) * cell);
  }
};

/// The egress picture: distance to the nearest exit, its limit, the worst point and its route.
struct EgressOverlay {
  ScalarGrid distance;                     ///< walking distance to the nearest exit, metres
  double limit = 30.0;                     ///< allowed travel distance, metres (drawn as a contour)
  std::optional<layout::Point> worst;      ///< the point furthest from every exit
  std::vector<layout::Point> worst_route;  ///< its route to the exit, from the point
};

/// One wheelchair route from the main entrance to a target.
struct AccessRoute {
  std::string target;                       ///< id of the counter, zone or kiosk it leads to
  bool ok = true;                           ///< false if a wheelchair cannot get there
  std::vector<layout::Point> path;          ///< the best route found, from the entrance
  std::optional<layout::Point> blocked_at;  ///< where it is blocked (failures)
  std::string blocking_element;             ///< id of what blocks it (failures); may be empty
};

/// The accessibility picture: every route, failures in red.
struct AccessOverlay {
  std::vector<AccessRoute> routes;
};

/// A failed clause, marked where it happens.
struct CheckMark {
  std::string clause;                           ///< e.g. "4.4.1.2", or several: "4.3.3, 4.4.3 c"
  layout::Point where = layout::Point::Zero();  ///< the place in the plan
  std::string note;                             ///< short text shown beside the mark; may be empty
  bool warning = false;  ///< only "should" clauses fail here (drawn amber, not red)
};

/// The compliance picture: one mark per place that fails, and the clauses that fail for the
/// plan as a whole.
struct CheckOverlay {
  std::vector<CheckMark> failures;
  /// Clauses failing with no one place to mark (their `where` is not used), listed in the
  /// legend as clause and note: "4.4.1.1 功能分区".
  std::vector<CheckMark> plan_wide;
};

/// Where people were over a simulated day: time-averaged people per square metre on a grid.
struct HeatOverlay {
  /// People per m², averaged over the period; NaN or 0 where nobody was (drawn bare).
  ScalarGrid density;
  double scale_max = 1.0;  ///< the top of the colour scale, people per m² (> 0)
  /// What the legend calls it, "中文 English", e.g. "候办密度 Waiting (people per m²)".
  std::string title;
  std::string period;  ///< the averaging period as the legend shows it, e.g. "08:30–17:00"
};

/// What a visitor is doing at a moment, as a snapshot colours it.
enum class VisitorState : std::uint8_t {
  walking,           ///< on the way between two places
  in_line,           ///< queueing at the ticket machine, the guidance desk or the kiosks
  waiting_seated,    ///< holding a ticket, on a seat
  waiting_standing,  ///< holding a ticket, no seat free
  at_kiosk,          ///< using a self-service kiosk
  being_served,      ///< at a counter (service window)
  at_guidance_desk,  ///< consulting, or with a complaint, at the guidance desk
};

/// One visitor in a snapshot.
struct VisitorDot {
  layout::Point position = layout::Point::Zero();
  VisitorState state = VisitorState::walking;
};

/// One counter in a snapshot: staffed or not at that moment.
struct CounterStatus {
  std::string counter;  ///< the counter's id in the plan
  bool open = false;    ///< staffed (a closed counter is veiled grey)
};

/// The hall at one moment of a simulated day: visitors as dots by state, counters open or
/// closed, and the clock.
struct SnapshotOverlay {
  std::string clock;  ///< shown at the top right, e.g. "周二 Tue 10:30"
  std::vector<VisitorDot> visitors;
  std::vector<CounterStatus> counters;
};

/// Everything that may be drawn over the plan; each part is optional.
struct Overlays {
  std::optional<EgressOverlay> egress;
  std::optional<AccessOverlay> access;
  std::optional<CheckOverlay> check;
  std::optional<HeatOverlay> heat;
  std::optional<SnapshotOverlay> snapshot;
};

}  // namespace hallsim::render
