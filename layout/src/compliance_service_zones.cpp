// 4.4.3 Window service (窗口服务区), 4.4.4 disclosure (政务公开区), 4.4.5 self-service
// (自助服务区) and 4.4.6 rest and waiting (休息等候区).

#include <array>

#include "compliance_rules.hpp"

namespace hallsim::layout::detail {

namespace {

// What every window has for itself: a desk to sit at, a computer, and the review device each
// window is rated by (6.2).
constexpr std::array kPerWindowKit{Equipment::desk, Equipment::chairs, Equipment::computer,
                                   Equipment::evaluation_device};

// What the windows of a zone may share.
constexpr std::array kSharedKit{Equipment::supplies, Equipment::phone, Equipment::printer,
                                Equipment::copier};

template <class Items>
std::string names_of(const Items& items) {
  std::vector<std::string> names;
  for (const Equipment e : items) {
    names.emplace_back(to_string(e));
  }
  return join(names);
}

bool is_disclosure_equipment(const Amenity& a) {
  return a.kind == AmenityKind::bulletinboard || a.kind == AmenityKind::display_multimedia ||
         a.kind == AmenityKind::queryterminal;
}

}  // namespace

RuleResult general_windows(const RuleContext& context) {
  RuleResult r;
  const auto general = select(context.plan.counters(),
                              [](const Counter& c) { return c.type == CounterType::general; });
  r.evidence.push_back(
      count_of(ids_of(general), "general (全科) windows", static_cast<int>(general.size()), 1));
  return r;
}

RuleResult window_equipment(const RuleContext& context) {
  const Plan& plan = context.plan;
  RuleResult r;
  if (plan.counters().empty()) {
    r.evidence.push_back(note_of("", "window equipment", "the plan has no windows",
                                 "equipment at every window", Outcome::not_met));
    return r;
  }
  int complete = 0;
  std::vector<std::string> zones;  // window zones in order of first appearance
  for (const Counter& c : plan.counters()) {
    std::vector<Equipment> missing;
    for (const Equipment e : kPerWindowKit) {
      if (!holds(c.equipment, e)) {
        missing.push_back(e);
      }
    }
    if (missing.empty()) {
      ++complete;
    } else {
      r.evidence.push_back(note_of(c.id, "equipment at window " + c.number,
                                   "missing " + names_of(missing), names_of(kPerWindowKit),
                                   Outcome::not_met));
    }
    if (!holds(zones, c.zone)) {
      zones.push_back(c.zone);
    }
  }
  const int total = static_cast<int>(plan.counters().size());
  r.evidence.insert(
      r.evidence.begin(),
      measure_of("", "windows with their own desk, chairs, computer, review device", complete,
                 "count", std::to_string(complete) + " of " + std::to_string(total), "every window",
                 met_if(complete == total)));
  for (const std::string& zone : zones) {
    std::vector<Equipment> have;
    for (const Counter& c : plan.counters()) {
      if (c.zone == zone) {
        have.insert(have.end(), c.equipment.begin(), c.equipment.end());
      }
    }
    for (const Desk& d : plan.desks()) {
      if (d.zone == zone) {
        have.insert(have.end(), d.equipment.begin(), d.equipment.end());
      }
    }
    std::vector<Equipment> missing;
    for (const Equipment e : kSharedKit) {
      if (!holds(have, e)) {
        missing.push_back(e);
      }
    }
    r.evidence.push_back(note_of(zone, "equipment shared by the windows of zone " + zone,
                                 missing.empty() ? "all present" : "missing " + names_of(missing),
                                 names_of(kSharedKit) + ", at a window or desk of the zone",
                                 met_if(missing.empty())));
  }
  return r;
}

RuleResult center_window_types(const RuleContext& context) {
  const Plan& plan = context.plan;
  RuleResult r;
  const std::vector<std::pair<CounterType, const char*>> types{
      {CounterType::departmental_composite, "departmental composite (部门综窗)"},
      {CounterType::cross_province, "cross-province (跨省通办)"},
      {CounterType::in_province, "in-province (省内通办)"},
      {CounterType::one_thing, "\"one thing\" (一件事)"},
      {CounterType::cannot_get_it_done, "\"could not get it done\" (办不成事反映)"},
      {CounterType::help_and_agency, "help and agency (帮办代办)"},
  };
  for (const auto& [type, name] : types) {
    const auto found =
        select(plan.counters(), [type = type](const Counter& c) { return c.type == type; });
    r.evidence.push_back(
        count_of(ids_of(found), std::string(name) + " windows", static_cast<int>(found.size()), 1));
  }
  return r;
}

RuleResult disclosure_conspicuous(const RuleContext& context) {
  const Plan& plan = context.plan;
  const CheckOptions& opt = context.options;
  RuleResult r;
  const std::string required = "in sight from " + metres(opt.entrance_view_depth) +
                               " inside the main entrance, ≤ " + metres(opt.reading_distance);
  std::vector<Target> targets;
  const auto zones = zones_of(plan, ZoneKind::disclosure);
  for (const Zone* z : zones) {
    for (const Point& p : area_probes(z->polygon, 0.3)) {
      targets.push_back({z->id, p, std::nullopt});
    }
  }
  if (zones.empty()) {
    for (const Amenity& a : plan.amenities()) {
      if (is_disclosure_equipment(a)) {
        targets.push_back({a.id, a.position, a.facing});
      }
    }
  }
  if (targets.empty()) {
    r.evidence.push_back(note_of("", "disclosure zone seen from the main entrance",
                                 "no disclosure zone or equipment", required, Outcome::not_met));
    return r;
  }
  const SightLines sight(plan);
  const EntranceView view = entrance_view(plan, plan.main_entrance(), opt.entrance_view_depth);
  const auto [best, v] = best_view(sight, view.inside, targets, opt.reading_distance);
  r.evidence.push_back(measure_of(best->id,
                                  zones.empty() ? "disclosure equipment seen from the main entrance"
                                                : "disclosure zone seen from the main entrance",
                                  v.distance, "m", v.describe(), required, met_if(v.seen())));
  return r;
}

RuleResult disclosure_equipment(const RuleContext& context) {
  const Plan& plan = context.plan;
  RuleResult r;
  const bool unit = plan.site().level == SiteLevel::unit;
  const std::vector<std::pair<AmenityKind, const char*>> kinds{
      {AmenityKind::bulletinboard, "bulletin boards (公示栏)"},
      {AmenityKind::display_multimedia, "multimedia screens (多媒体显示屏)"},
      {AmenityKind::queryterminal, "query terminals (信息查询机)"},
  };
  if (unit) {
    // 4.4.1.4 lets a service unit keep to what it needs: one means of disclosure.
    const auto any = select(plan.amenities(), is_disclosure_equipment);
    r.evidence.push_back(count_of(ids_of(any),
                                  "bulletin boards, multimedia screens, query terminals",
                                  static_cast<int>(any.size()), 1));
    return r;
  }
  for (const auto& [kind, name] : kinds) {
    const auto found = amenities_of(plan, kind);
    r.evidence.push_back(count_of(ids_of(found), name, amenity_count(plan, kind), 1));
  }
  return r;
}

RuleResult self_service_kiosks(const RuleContext& context) {
  RuleResult r;
  std::vector<const Kiosk*> kiosks;
  for (const Kiosk& k : context.plan.kiosks()) {
    kiosks.push_back(&k);
  }
  r.evidence.push_back(
      count_of(ids_of(kiosks), "self-service kiosks", static_cast<int>(kiosks.size()), 1));
  return r;
}

RuleResult kiosk_labels(const RuleContext& context) {
  const Plan& plan = context.plan;
  RuleResult r;
  const std::vector<std::string> needed{"name", "guide", "item_list", "phone", "safety"};
  if (plan.kiosks().empty()) {
    r.evidence.push_back(note_of("", "kiosk labels", "the plan has no kiosks",
                                 "every kiosk labelled", Outcome::not_met));
    return r;
  }
  for (const Kiosk& k : plan.kiosks()) {
    std::vector<std::string> missing;
    for (const std::string& label : needed) {
      if (!holds(k.labels, label)) {
        missing.push_back(label);
      }
    }
    r.evidence.push_back(note_of(k.id, "kiosk labels",
                                 missing.empty() ? "all shown" : "missing " + join(missing),
                                 join(needed), met_if(missing.empty())));
  }
  return r;
}

RuleResult high_frequency_self_service(const RuleContext& context) {
  RuleResult r;
  std::vector<std::string> services;
  for (const Kiosk& k : context.plan.kiosks()) {
    for (const std::string& s : k.services) {
      if (!holds(services, s)) {
        services.push_back(s);
      }
    }
  }
  r.evidence.push_back(measure_of(
      "", "services offered at kiosks", static_cast<double>(services.size()), "count",
      services.empty() ? "none" : join(services), "the high-frequency items", Outcome::info));
  return r;
}

RuleResult self_service_24h(const RuleContext& context) {
  const Plan& plan = context.plan;
  RuleResult r;
  const auto zones = zones_of(plan, ZoneKind::self_service_24h);
  if (zones.empty()) {
    r.evidence.push_back(note_of("", "24-hour self-service zone", "none",
                                 "a zone with a 24-hour kiosk and its own door open after hours",
                                 Outcome::not_met));
    return r;
  }
  for (const Zone* z : zones) {
    const auto kiosks = select(plan.kiosks(), [z](const Kiosk& k) {
      return k.hours_24 && (k.zone == z->id || contains(z->polygon, footprint_centre(k.footprint)));
    });
    r.evidence.push_back(count_of(ids_of(kiosks), "24-hour kiosks in zone " + z->id,
                                  static_cast<int>(kiosks.size()), 1));
    // Reachable while the hall is locked: an outside door, open after hours, on the zone's edge.
    const auto doors = select(plan.openings(), [z](const Opening& o) {
      return o.exterior && o.open_after_hours &&
             distance_to_boundary(z->polygon, o.position) <= 0.3;
    });
    r.evidence.push_back(
        note_of(ids_of(doors), "outside door of zone " + z->id + " open after hours",
                doors.empty() ? "none" : "door " + ids_of(doors),
                "an exterior door open after hours on the zone's edge", met_if(!doors.empty())));
  }
  return r;
}

RuleResult station_self_service(const RuleContext& context) {
  const Plan& plan = context.plan;
  RuleResult r;
  auto zones = zones_of(plan, ZoneKind::self_service);
  for (const Zone* z : zones_of(plan, ZoneKind::self_service_24h)) {
    zones.push_back(z);
  }
  std::vector<const Kiosk*> kiosks;
  for (const Kiosk& k : plan.kiosks()) {
    kiosks.push_back(&k);
  }
  std::string measured;
  if (!zones.empty()) {
    measured = "zone " + ids_of(zones);
  } else if (!kiosks.empty()) {
    measured = "no zone; kiosks " + ids_of(kiosks);
  } else {
    measured = "no zone and no kiosk";
  }
  r.evidence.push_back(note_of(
      zones.empty() ? ids_of(kiosks) : ids_of(zones), "self-service zone or function", measured,
      "a self-service zone, or at least a kiosk", met_if(!zones.empty() || !kiosks.empty())));
  return r;
}

RuleResult rest_and_form_filling(const RuleContext& context) {
  const Plan& plan = context.plan;
  RuleResult r;
  std::vector<const SeatRow*> rows;
  for (const SeatRow& s : plan.seat_rows()) {
    rows.push_back(&s);
  }
  r.evidence.push_back(count_of(ids_of(rows), "waiting seats", plan.seat_count(), 1));
  const auto writing = desks_of(plan, DeskKind::writing);
  r.evidence.push_back(count_of(ids_of(writing), "writing desks for filling in forms",
                                static_cast<int>(writing.size()), 1));
  return r;
}

RuleResult waiting_amenities(const RuleContext& context) {
  const Plan& plan = context.plan;
  RuleResult r;
  const std::vector<std::pair<AmenityKind, const char*>> kinds{
      {AmenityKind::drinkingfountain, "water dispensers (饮水机)"},
      {AmenityKind::cups, "cups (水杯)"},
      {AmenityKind::powerchargingstation, "charging stations (充电站)"},
      {AmenityKind::umbrellas, "umbrellas (雨伞)"},
  };
  for (const auto& [kind, name] : kinds) {
    r.evidence.push_back(
        count_of(ids_of(amenities_of(plan, kind)), name, amenity_count(plan, kind), 1));
  }
  std::vector<const SeatRow*> rows;
  for (const SeatRow& s : plan.seat_rows()) {
    rows.push_back(&s);
  }
  r.evidence.push_back(count_of(ids_of(rows), "chairs (休息椅)", plan.seat_count(), 1));
  return r;
}

}  // namespace hallsim::layout::detail
