// `hallsim egress PLAN [--occupants N] [--format text|json]`: walking distance to the nearest
// emergency exit from every point, exits against the occupant load, each exit blocked in turn,
// and the time to empty the hall. Exit 0 when every limit holds, 1 when one fails, 2 on bad
// input.

#include <cmath>
#include <iomanip>
#include <iostream>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "commands.hpp"
#include "hallsim/layout/diagnostics.hpp"
#include "hallsim/layout/egress.hpp"
#include "hallsim/layout/loader.hpp"
#include "hallsim/layout/navigation.hpp"

namespace hallsim::app {

void add_egress_command(CLI::App& app, CommandBody& chosen);

namespace {

struct EgressOptions {
  std::string plan;
  int occupants = 0;
  bool occupants_given = false;
  std::string format = "text";
};

std::string fixed(double v, int digits = 1) {
  if (std::isinf(v)) {
    return "unreachable";
  }
  std::ostringstream s;
  s << std::fixed << std::setprecision(digits) << v;
  return s.str();
}

std::string point(const layout::Point& p) {
  return "(" + fixed(p.x(), 2) + ", " + fixed(p.y(), 2) + ")";
}

// JSON has no infinity: a walk that cannot be made is null.
nlohmann::json number(double v) {
  if (!std::isfinite(v)) {
    return nullptr;
  }
  return v;
}

nlohmann::json points(const std::vector<layout::Point>& polyline) {
  nlohmann::json out = nlohmann::json::array();
  for (const layout::Point& p : polyline) {
    out.push_back({p.x(), p.y()});
  }
  return out;
}

nlohmann::json travel_json(const layout::Travel& t) {
  return {{"from", {t.from.x(), t.from.y()}},
          {"distance", number(t.distance)},
          {"exit", t.exit_id},
          {"limit", t.limit},
          {"clause", t.clause},
          {"route", points(t.route.points)}};
}

nlohmann::json time_json(const layout::EgressTime& t) {
  nlohmann::json components = nlohmann::json::array();
  for (const layout::ComponentFlow& c : t.components) {
    components.push_back({{"id", c.id},
                          {"exit", c.exit},
                          {"persons", c.persons},
                          {"effective_width", c.effective_width},
                          {"capacity", c.capacity},
                          {"first_arrival", c.first_arrival},
                          {"time", number(c.time)}});
  }
  return {{"persons", t.persons},
          {"density", t.density},
          {"speed", t.speed},
          {"controlling", t.controlling},
          {"flow_time", number(t.flow_time)},
          {"walk_time", number(t.walk_time)},
          {"time", number(t.time)},
          {"max_flow", t.max_flow},
          {"lower_bound", number(t.lower_bound)},
          {"cut_off_persons", t.cut_off_persons},
          {"components", components}};
}

nlohmann::json report_json(const std::string& file, const layout::EgressReport& r) {
  nlohmann::json j;
  j["plan"] = file;
  j["passes"] = r.passes();
  j["occupants"] = r.occupants;
  j["occupants_given"] = r.occupants_given;
  j["building_area"] = r.building_area;
  j["loads"] = nlohmann::json::array();
  for (const layout::ZoneLoad& z : r.loads) {
    j["loads"].push_back({{"zone", z.zone_id},
                          {"area", z.area},
                          {"density", z.density},
                          {"seats", z.seats},
                          {"persons", z.persons}});
  }
  j["exits"] = nlohmann::json::array();
  for (const layout::ExitResult& e : r.exits) {
    j["exits"].push_back({{"id", e.id},
                          {"position", {e.position.x(), e.position.y()}},
                          {"clear_width", e.clear_width},
                          {"effective_width", e.effective_width},
                          {"capacity", e.capacity},
                          {"usable", e.usable}});
  }
  j["total_exit_width"] = r.total_exit_width;
  j["width_per_100"] = r.width_per_100;
  j["required_exit_width"] = r.required_exit_width;
  j["farthest"] = travel_json(r.farthest);
  j["rooms"] = nlohmann::json::array();
  for (const layout::RoomResult& room : r.rooms) {
    nlohmann::json doors = nlohmann::json::array();
    for (const layout::RoomResult::Door& d : room.door_routes) {
      doors.push_back({{"id", d.id},
                       {"to_exit", number(d.to_exit)},
                       {"exit", d.exit_id},
                       {"dead_end_length", number(d.dead_end_length)},
                       {"dead_end", d.dead_end},
                       {"limit", d.limit},
                       {"route", points(d.route.points)}});
    }
    j["rooms"].push_back({{"zone", room.zone_id},
                          {"floor_area", room.floor_area},
                          {"persons", room.persons},
                          {"exits", room.exits},
                          {"doors", room.doors},
                          {"farthest", travel_json(room.farthest)},
                          {"door_routes", doors}});
  }
  j["routes"] = nlohmann::json::array();
  for (const layout::EgressRoute& w : r.routes) {
    j["routes"].push_back({{"zone", w.zone_id},
                           {"exit", w.exit_id},
                           {"narrowest_width", w.narrowest_width},
                           {"position", {w.narrowest_position.x(), w.narrowest_position.y()}},
                           {"narrowed_by", w.narrowed_by},
                           {"limit", w.limit},
                           {"route", points(w.route.points)}});
  }
  j["doors"] = nlohmann::json::array();
  for (const layout::EvacuationDoor& d : r.doors) {
    j["doors"].push_back({{"id", d.id},
                          {"exit", d.exit},
                          {"door", layout::to_string(d.door)},
                          {"swing", layout::to_string(d.swing)},
                          {"escape_to", d.escape_to},
                          {"opens_to", d.opens_to},
                          {"persons", d.persons},
                          {"room_persons", d.room_persons},
                          {"held", d.held},
                          {"verdict", d.verdict}});
  }
  j["time"] = time_json(r.time);
  j["blocked"] = nlohmann::json::array();
  for (const layout::BlockedExit& b : r.blocked) {
    j["blocked"].push_back({{"exit", b.exit_id},
                            {"farthest", travel_json(b.farthest)},
                            {"cut_off_area", b.cut_off_area},
                            {"remaining_width", b.remaining_width},
                            {"required_width", b.required_width},
                            {"time", time_json(b.time)}});
  }
  j["worst_blocked"] = r.worst_blocked ? nlohmann::json(r.blocked[*r.worst_blocked].exit_id)
                                       : nlohmann::json(nullptr);
  j["findings"] = nlohmann::json::array();
  for (const layout::NavFinding& f : r.findings) {
    j["findings"].push_back({{"check", f.check},
                             {"clause", f.clause},
                             {"standard_clauses", f.standard_clauses},
                             {"severity", layout::to_string(f.severity)},
                             {"element", f.element_id},
                             {"target", f.target_id},
                             {"position", {f.position.x(), f.position.y()}},
                             {"measured", f.measured ? number(*f.measured) : nullptr},
                             {"required", f.required ? number(*f.required) : nullptr},
                             {"unit", f.unit},
                             {"message", f.message},
                             {"route", points(f.route)}});
  }
  return j;
}

void print_text(const std::string& file, const layout::EgressReport& r) {
  std::ostream& out = std::cout;
  out << file << ": egress " << (r.passes() ? "passes" : "FAILS") << "\n";
  out << "  occupants: " << fixed(std::ceil(r.occupants - 1e-6), 0)
      << (r.occupants_given ? " (given)" : " (design load of the zones)") << ", floor "
      << fixed(r.building_area, 0) << " m²\n";
  out << "  exits:";
  for (const layout::ExitResult& e : r.exits) {
    out << " " << e.id << " " << fixed(e.clear_width, 2) << " m;";
  }
  out << " total " << fixed(r.total_exit_width, 2) << " m, needed "
      << fixed(r.required_exit_width, 2) << " m (" << fixed(r.width_per_100, 2)
      << " m per 100 persons)\n";
  out << "  farthest walk to an exit: " << fixed(r.farthest.distance) << " m from "
      << point(r.farthest.from) << " to " << r.farthest.exit_id << "\n";
  for (const layout::RoomResult& room : r.rooms) {
    out << "  room " << (room.zone_id.empty() ? "?" : room.zone_id) << " ("
        << fixed(room.floor_area, 0) << " m², " << fixed(room.persons) << " persons): ";
    if (!room.exits.empty()) {
      out << "farthest " << fixed(room.farthest.distance) << " m to an exit, limit "
          << fixed(room.farthest.limit) << " m\n";
    } else {
      out << "farthest " << fixed(room.farthest.distance) << " m to its door, limit "
          << fixed(room.farthest.limit) << " m";
      for (const layout::RoomResult::Door& d : room.door_routes) {
        out << "; door " << d.id << " " << fixed(d.to_exit) << " m to " << d.exit_id
            << (d.dead_end ? " (dead end " + fixed(d.dead_end_length) + " m)" : "") << ", limit "
            << fixed(d.limit) << " m";
      }
      out << "\n";
    }
  }
  // The narrowest place on each zone's way out (doors are held to their own width).
  const layout::EgressRoute* narrowest = nullptr;
  for (const layout::EgressRoute& w : r.routes) {
    if (narrowest == nullptr || w.narrowest_width < narrowest->narrowest_width) {
      narrowest = &w;
    }
  }
  if (narrowest != nullptr) {
    out << "  narrowest way out: " << fixed(narrowest->narrowest_width, 2) << " m (limit "
        << fixed(narrowest->limit, 2) << " m) from " << narrowest->zone_id << " to "
        << narrowest->exit_id << " at " << point(narrowest->narrowest_position)
        << (narrowest->narrowed_by.empty() ? "" : ", between " + narrowest->narrowed_by) << "\n";
  }
  std::size_t held = 0, held_ok = 0;
  for (const layout::EvacuationDoor& d : r.doors) {
    held += d.held ? 1 : 0;
    held_ok += d.held && d.verdict == "ok" ? 1 : 0;
  }
  if (held > 0) {
    out << "  doors that must open the way out: " << held << ", " << held_ok << " shown to do so";
    for (const layout::EvacuationDoor& d : r.doors) {
      if (d.held && d.verdict != "ok") {
        out << "; " << d.id << " " << d.verdict;
      }
    }
    out << "\n";
  }
  const layout::EgressTime& t = r.time;
  out << "  time to empty: " << fixed(t.time) << " s (queue at " << t.controlling << ": "
      << fixed(t.flow_time) << " s; farthest walk: " << fixed(t.walk_time) << " s at "
      << fixed(t.speed, 2) << " m/s); no plan empties faster than " << fixed(t.lower_bound)
      << " s (max flow " << fixed(t.max_flow, 2) << " persons/s)\n";
  for (std::size_t k = 0; k < r.blocked.size(); ++k) {
    const layout::BlockedExit& b = r.blocked[k];
    out << "  " << b.exit_id << " blocked: farthest walk " << fixed(b.farthest.distance) << " m";
    if (b.cut_off_area > 0.0) {
      out << ", " << fixed(b.cut_off_area) << " m² cut off";
    }
    out << ", exits left " << fixed(b.remaining_width, 2) << " m, time " << fixed(b.time.time)
        << " s" << (r.worst_blocked && *r.worst_blocked == k ? " (worst case)" : "") << "\n";
  }
  if (r.findings.empty()) {
    out << "  every limit holds\n";
    return;
  }
  for (const layout::NavFinding& f : r.findings) {
    out << "  " << layout::to_string(f.severity) << " [" << f.clause << "] " << f.message << "\n";
  }
}

int run_egress(const EgressOptions& options) {
  try {
    const layout::Plan plan = layout::load_plan(options.plan);
    layout::NavSettings nav;
    nav.source_name = options.plan;
    const layout::NavGraph graph = layout::NavGraph::build(plan, nav);
    layout::EgressSettings settings;
    if (options.occupants_given) {
      settings.occupants = options.occupants;
    }
    const layout::EgressReport report = layout::check_egress(graph, settings);
    if (options.format == "json") {
      std::cout << report_json(options.plan, report).dump(2) << "\n";
    } else {
      print_text(options.plan, report);
    }
    return report.passes() ? kExitOk : kExitFindings;
  } catch (const layout::InputError& e) {
    for (const layout::Diagnostic& d : e.diagnostics()) {
      std::cerr << layout::format_diagnostic(d) << '\n';
    }
    return kExitBadInput;
  }
}

}  // namespace

void add_egress_command(CLI::App& app, CommandBody& chosen) {
  auto options = std::make_shared<EgressOptions>();
  CLI::App* cmd = app.add_subcommand(
      "egress",
      "Check evacuation of a floor plan: walking distance to the nearest emergency exit from "
      "every point, exit count and widths against the occupant load, each exit blocked in turn, "
      "and the time to empty the hall (GB 50016-2014 5.5). Exit 0 when every limit holds, 1 "
      "when one fails, 2 on invalid input");
  cmd->add_option("plan", options->plan, "the floor-plan file")->required();
  CLI::Option* occupants =
      cmd->add_option("--occupants", options->occupants,
                      "number of people to evacuate (default: the design load of the zones)")
          ->check(CLI::Range(0, 1'000'000));
  cmd->add_option("--format", options->format, "output format: text or json")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->callback([options, occupants, &chosen] {
    options->occupants_given = occupants->count() > 0;
    chosen = [options] { return run_egress(*options); };
  });
}

}  // namespace hallsim::app
