// 4.3 Signs (标识标牌).

#include <functional>
#include <string_view>

#include "compliance_rules.hpp"

namespace hallsim::layout::detail {

namespace {

bool is_warning_sign(const Sign& s) {
  return s.kind == SignKind::warning || s.kind == SignKind::safety_step ||
         s.kind == SignKind::safety_glass;
}

bool ends_with(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

std::string without_spaces(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c != ' ') {
      out += c;
    }
  }
  return out;
}

// "XX 乡镇（街道）便民服务中心": a place name, then 镇, 乡 or 街道, then 便民服务中心.
bool is_center_name(std::string_view raw) {
  const std::string name = without_spaces(raw);
  constexpr std::string_view kTail = "便民服务中心";
  if (!ends_with(name, kTail)) {
    return false;
  }
  const std::string_view head = std::string_view(name).substr(0, name.size() - kTail.size());
  for (const std::string_view unit : {"镇", "乡", "街道"}) {
    if (ends_with(head, unit) && head.size() > unit.size()) {
      return true;
    }
  }
  return false;
}

// A hazard that needs a safety sign of `kind` (4.3.7).
struct Hazard {
  std::string id;
  std::string what;  // "emergency exit", "step", "glass door", "glass wall"
  SignKind kind = SignKind::safety_exit;
  std::function<double(const Point&)> distance_to;
};

std::vector<Hazard> hazards_of(const Plan& plan) {
  std::vector<Hazard> out;
  for (const Opening& o : plan.openings()) {
    if (o.emergency_exit) {
      out.push_back({o.id, "emergency exit", SignKind::safety_exit,
                     [s = o.span](const Point& p) { return distance(p, s); }});
    }
  }
  for (const LevelChange& c : plan.level_changes()) {
    if (c.kind == LevelChangeKind::step) {
      out.push_back({c.id, "step", SignKind::safety_step,
                     [s = c.line](const Point& p) { return distance(p, s); }});
    }
  }
  for (const Opening& o : plan.openings()) {
    if (o.glass) {
      out.push_back({o.id, "glass door", SignKind::safety_glass,
                     [s = o.span](const Point& p) { return distance(p, s); }});
    }
  }
  for (const Wall& w : plan.walls()) {
    if (w.glass) {
      out.push_back({w.id, "glass wall", SignKind::safety_glass,
                     [pts = w.points](const Point& p) { return distance_to_polyline(pts, p); }});
    }
  }
  return out;
}

const char* sign_name(SignKind kind) {
  switch (kind) {
    case SignKind::safety_exit:
      return "emergency-exit sign (紧急出口)";
    case SignKind::safety_step:
      return "mind-the-step sign (小心台阶)";
    case SignKind::safety_glass:
      return "mind-the-glass sign (小心玻璃)";
    default:
      return "safety sign";
  }
}

}  // namespace

RuleResult guidance_and_warning_signs(const RuleContext& context) {
  const Plan& plan = context.plan;
  const CheckOptions& opt = context.options;
  RuleResult r;
  const auto guidance = signs_of(plan, SignKind::guidance);
  const auto warnings = select(plan.signs(), is_warning_sign);
  r.evidence.push_back(
      count_of(ids_of(guidance), "guidance signs", static_cast<int>(guidance.size()), 1));
  r.evidence.push_back(count_of(ids_of(warnings),
                                "warning signs (warning, mind the step, mind the glass)",
                                static_cast<int>(warnings.size()), 1));
  const std::string required = "in sight from " + metres(opt.entrance_view_depth) +
                               " inside the main entrance, facing it, ≤ " +
                               metres(opt.reading_distance);
  if (guidance.empty()) {
    r.evidence.push_back(note_of("", "guidance sign seen from the main entrance",
                                 "no guidance sign", required, Outcome::not_met));
    return r;
  }
  const SightLines sight(plan);
  const EntranceView view = entrance_view(plan, plan.main_entrance(), opt.entrance_view_depth);
  std::vector<Target> targets;
  for (const Sign* s : guidance) {
    targets.push_back({s->id, s->position, s->facing});
  }
  const auto [best, v] = best_view(sight, view.inside, targets, opt.reading_distance);
  r.evidence.push_back(measure_of(best->id, "guidance sign seen from the main entrance", v.distance,
                                  "m", v.describe(), required, met_if(v.seen())));
  return r;
}

RuleResult brand_sign(const RuleContext& context) {
  RuleResult r;
  const auto brands = signs_of(context.plan, SignKind::brand);
  const std::string required = "a brand sign; its text, if given, shows 苏服办";
  if (brands.empty()) {
    r.evidence.push_back(note_of("", "provincial brand sign", "none", required, Outcome::not_met));
    return r;
  }
  for (const Sign* s : brands) {
    const bool ok = s->text.empty() || s->text.find("苏服办") != std::string::npos;
    r.evidence.push_back(
        note_of(s->id, "provincial brand sign",
                s->text.empty() ? "present (no text given)" : "text \"" + s->text + "\"", required,
                met_if(ok)));
  }
  return r;
}

RuleResult window_labels(const RuleContext& context) {
  const Plan& plan = context.plan;
  RuleResult r;
  // Plan::build already refuses two windows with one number.
  const std::string required = "a window number and a non-empty list of services";
  int good = 0;
  for (const Counter& c : plan.counters()) {
    std::vector<std::string> problems;
    if (c.number.empty()) {
      problems.emplace_back("no window number");
    }
    if (c.services.empty()) {
      problems.emplace_back("no services listed");
    }
    if (problems.empty()) {
      ++good;
    } else {
      r.evidence.push_back(
          note_of(c.id, "window label", join(problems, "; "), required, Outcome::not_met));
    }
  }
  const int total = static_cast<int>(plan.counters().size());
  r.evidence.insert(r.evidence.begin(),
                    measure_of("", "windows labelled with number and services", good, "count",
                               std::to_string(good) + " of " + std::to_string(total),
                               "every window", met_if(good == total && total > 0)));
  if (total == 0) {
    r.note = "The plan has no windows.";
  }
  return r;
}

RuleResult status_display(const RuleContext& context) {
  const Plan& plan = context.plan;
  const CheckOptions& opt = context.options;
  RuleResult r;
  const auto displays = amenities_of(plan, AmenityKind::display_status);
  const std::string required = "a status screen in sight of the waiting seats, facing them, ≤ " +
                               metres(opt.reading_distance);
  if (displays.empty()) {
    r.evidence.push_back(
        note_of("", "handling-status display", "none", required, Outcome::not_met));
    return r;
  }
  // Viewers: the middle of each row of seats, or of each waiting zone if there are no seats.
  std::vector<Target> viewers;
  for (const SeatRow& row : plan.seat_rows()) {
    viewers.push_back({row.id, footprint_centre(row.footprint), std::nullopt});
  }
  if (viewers.empty()) {
    for (const Zone* z : zones_of(plan, ZoneKind::waiting)) {
      viewers.push_back({z->id, centroid(z->polygon), std::nullopt});
    }
  }
  if (viewers.empty()) {
    r.evidence.push_back(note_of(ids_of(displays), "handling-status display",
                                 "no waiting seats or waiting zone to face", required,
                                 Outcome::not_met));
    return r;
  }
  const SightLines sight(plan);
  std::vector<Target> screens;
  for (const Amenity* a : displays) {
    screens.push_back({a->id, a->position, a->facing});
  }
  const Target* best_viewer = nullptr;
  std::pair<const Target*, View> best{nullptr, View{}};
  for (const Target& viewer : viewers) {
    const auto candidate = best_view(sight, viewer.position, screens, opt.reading_distance);
    if (best.first == nullptr || (candidate.second.seen() && !best.second.seen()) ||
        (candidate.second.seen() == best.second.seen() &&
         candidate.second.distance < best.second.distance)) {
      best = candidate;
      best_viewer = &viewer;
    }
  }
  r.evidence.push_back(measure_of(best.first->id + " → " + best_viewer->id,
                                  "handling-status display seen from the waiting seats",
                                  best.second.distance, "m", best.second.describe(), required,
                                  met_if(best.second.seen())));
  return r;
}

RuleResult hours_board(const RuleContext& context) {
  const Plan& plan = context.plan;
  const CheckOptions& opt = context.options;
  RuleResult r;
  const auto boards = signs_of(plan, SignKind::hours);
  const std::string required = "≤ " + metres(opt.entrance_board_max_distance) +
                               " from the main entrance, in sight from inside or outside it";
  if (boards.empty()) {
    r.evidence.push_back(note_of("", "opening-hours board at the main entrance", "none", required,
                                 Outcome::not_met));
    return r;
  }
  const SightLines sight(plan);
  const EntranceView view = entrance_view(plan, plan.main_entrance(), opt.entrance_view_depth);
  const Sign* best = nullptr;
  double best_distance = 0.0;
  bool best_ok = false;
  std::string best_text;
  for (const Sign* s : boards) {
    const double d = (s->position - view.doorway).norm();
    const View in = view_of(sight, view.inside, s->position, s->facing, opt.reading_distance);
    const View out = view_of(sight, view.outside, s->position, s->facing, opt.reading_distance);
    const bool ok = d <= opt.entrance_board_max_distance && (in.seen() || out.seen());
    std::string text = metres(d) + " from the main entrance";
    if (in.seen()) {
      text += ", in sight from inside";
    } else if (out.seen()) {
      text += ", in sight from outside";
    } else {
      text += ", not in sight from either side";
    }
    if (best == nullptr || (ok && !best_ok) || (ok == best_ok && d < best_distance)) {
      best = s;
      best_distance = d;
      best_ok = ok;
      best_text = text;
    }
  }
  r.evidence.push_back(measure_of(best->id, "opening-hours board at the main entrance",
                                  best_distance, "m", best_text, required, met_if(best_ok)));
  if (plan.site().opening_hours.empty()) {
    r.evidence.push_back(note_of("", "opening hours in the plan", "none given",
                                 "the hours the board shows", Outcome::info));
  }
  return r;
}

RuleResult safety_signs(const RuleContext& context) {
  const Plan& plan = context.plan;
  const CheckOptions& opt = context.options;
  RuleResult r;
  const std::string near = "a sign referring to it, or one within " +
                           metres(opt.safety_sign_max_distance) + " that refers to nothing";
  const std::vector<Hazard> hazards = hazards_of(plan);
  for (const SignKind kind :
       {SignKind::safety_exit, SignKind::safety_step, SignKind::safety_glass}) {
    bool any = false;
    for (const Hazard& h : hazards) {
      if (h.kind != kind) {
        continue;
      }
      any = true;
      const Sign* found = nullptr;
      double found_distance = 0.0;
      for (const Sign* s : signs_of(plan, kind)) {
        if (s->refers_to == h.id) {
          found = s;
          found_distance = h.distance_to(s->position);
          break;
        }
        if (s->refers_to.empty()) {
          const double d = h.distance_to(s->position);
          if (d <= opt.safety_sign_max_distance && (found == nullptr || d < found_distance)) {
            found = s;
            found_distance = d;
          }
        }
      }
      const std::string subject = std::string(sign_name(kind)) + " at " + h.what + " " + h.id;
      if (found == nullptr) {
        r.evidence.push_back(note_of(h.id, subject, "none", near, Outcome::not_met));
      } else {
        r.evidence.push_back(measure_of(h.id, subject, found_distance, "m",
                                        found->id +
                                            (found->refers_to == h.id ? " (refers to it)" : "") +
                                            ", " + metres(found_distance) + " away",
                                        near, Outcome::met));
      }
    }
    if (!any) {
      const char* what = kind == SignKind::safety_exit   ? "no emergency exits"
                         : kind == SignKind::safety_step ? "no steps"
                                                         : "no glass doors or glass walls";
      r.evidence.push_back(note_of("", sign_name(kind), std::string(what) + " in the plan",
                                   "one at each such hazard", Outcome::info));
    }
  }
  const auto no_fire = signs_of(plan, SignKind::safety_no_fire);
  r.evidence.push_back(
      count_of(ids_of(no_fire), "no-fire signs (禁止烟火)", static_cast<int>(no_fire.size()), 1));
  return r;
}

RuleResult zone_map(const RuleContext& context) {
  RuleResult r;
  const auto maps = signs_of(context.plan, SignKind::zone_map);
  r.evidence.push_back(count_of(ids_of(maps), "floor maps of the functional zones",
                                static_cast<int>(maps.size()), 1));
  return r;
}

RuleResult outdoor_name_sign(const RuleContext& context) {
  const Plan& plan = context.plan;
  RuleResult r;
  const std::string pattern =
      "\"XX 乡镇（街道）便民服务中心\": a place, then 镇, 乡 or 街道, "
      "then 便民服务中心";
  const auto signs = signs_of(plan, SignKind::outdoor_name);
  // Outdoors: a step from the sign towards its readers lands outside the building.
  const auto outdoors = select(plan.signs(), [&plan](const Sign& s) {
    return s.kind == SignKind::outdoor_name &&
           !contains(plan.outline(), s.position + 0.1 * s.facing);
  });
  if (signs.empty()) {
    r.evidence.push_back(
        note_of("", "outdoor name sign", "none", "one, outside, facing out", Outcome::not_met));
  } else if (outdoors.empty()) {
    r.evidence.push_back(note_of(ids_of(signs), "outdoor name sign", "faces the inside",
                                 "one, outside, facing out", Outcome::not_met));
  } else {
    r.evidence.push_back(note_of(outdoors.front()->id, "outdoor name sign", "outside, facing out",
                                 "one, outside, facing out", Outcome::met));
  }
  const Sign* sign = outdoors.empty() ? nullptr : outdoors.front();
  const std::string name = sign != nullptr && !sign->text.empty() ? sign->text : plan.site().name;
  const std::string whose = sign != nullptr && !sign->text.empty() ? sign->id : "site name";
  r.evidence.push_back(note_of(sign != nullptr ? sign->id : "", "name on the sign (" + whose + ")",
                               "\"" + name + "\"", pattern, met_if(is_center_name(name))));
  return r;
}

}  // namespace hallsim::layout::detail
