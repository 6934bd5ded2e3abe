// 4.4.1 Basic layout (基本要求) and 4.4.2 the consultation and guidance zone (咨询导服区).

#include <algorithm>
#include <cmath>

#include "compliance_rules.hpp"

namespace hallsim::layout::detail {

namespace {

constexpr double kSprinklerFactor = 1.25;  // GB 50016 5.5.17: +25% with automatic sprinklers

// Exit width per 100 persons on floors 1-2 (GB 50016 5.5.21-1), by fire-resistance grade.
double exit_width_per_100(FireResistanceGrade grade) {
  switch (grade) {
    case FireResistanceGrade::i:
    case FireResistanceGrade::ii:
      return 0.65;
    case FireResistanceGrade::iii:
      return 0.75;
    case FireResistanceGrade::iv:
      return 1.00;
  }
  return 1.00;
}

bool is_disclosure_equipment(const Amenity& a) {
  return a.kind == AmenityKind::bulletinboard || a.kind == AmenityKind::display_multimedia ||
         a.kind == AmenityKind::queryterminal;
}

// The zone holding `p`, by name, for evidence text.
std::string where(const Plan& plan, const Point& p) {
  const Zone* z = plan.zone_at(p);
  return z == nullptr ? "outside every zone" : "in zone " + z->id;
}

}  // namespace

RuleResult functional_zones(const RuleContext& context) {
  const Plan& plan = context.plan;
  const SiteLevel level = plan.site().level;
  RuleResult r;
  const bool station = level == SiteLevel::station;
  const bool unit = level == SiteLevel::unit;

  // One line per function: the zone if there is one, else what may stand in for it here.
  const auto line = [&r](const std::vector<const Zone*>& zones, const std::string& function,
                         const std::string& stand_in_ids, const std::string& stand_in,
                         bool stand_in_allowed, const std::string& required) {
    if (!zones.empty()) {
      r.evidence.push_back(
          note_of(ids_of(zones), function, "zone " + ids_of(zones), required, Outcome::met));
    } else if (stand_in_allowed && !stand_in_ids.empty()) {
      r.evidence.push_back(
          note_of(stand_in_ids, function, "no zone; " + stand_in, required, Outcome::met));
    } else {
      r.evidence.push_back(note_of("", function, "none", required, Outcome::not_met));
    }
  };

  const auto guide_desks = desks_of(plan, DeskKind::guidance);
  line(zones_of(plan, ZoneKind::guidance), "consultation and guidance zone (咨询导服区)",
       ids_of(guide_desks), "guidance desk " + ids_of(guide_desks), station || unit,
       station || unit ? "a zone, or a guidance desk elsewhere (4.4.2.3, 4.4.1.4)" : "a zone");

  std::vector<std::string> counter_ids;
  for (const Counter& c : plan.counters()) {
    counter_ids.push_back(c.id);
  }
  line(zones_of(plan, ZoneKind::window_service), "window service zone (窗口服务区)",
       join(counter_ids), "windows " + join(counter_ids), unit,
       unit ? "a zone, or windows elsewhere (4.4.1.4)" : "a zone");

  const auto disclosure = select(plan.amenities(), is_disclosure_equipment);
  line(zones_of(plan, ZoneKind::disclosure), "disclosure zone (政务公开区)", ids_of(disclosure),
       "disclosure equipment " + ids_of(disclosure), unit,
       unit ? "a zone, or a bulletin board, screen or query terminal (4.4.1.4)" : "a zone");

  auto self_zones = zones_of(plan, ZoneKind::self_service);
  for (const Zone* z : zones_of(plan, ZoneKind::self_service_24h)) {
    self_zones.push_back(z);
  }
  std::vector<std::string> kiosk_ids;
  for (const Kiosk& k : plan.kiosks()) {
    kiosk_ids.push_back(k.id);
  }
  line(self_zones, "self-service zone (自助服务区)", join(kiosk_ids), "kiosks " + join(kiosk_ids),
       station || unit,
       station || unit ? "a zone, or kiosks elsewhere (4.4.5, 4.4.1.4)" : "a zone");

  std::vector<std::string> seat_ids;
  for (const SeatRow& s : plan.seat_rows()) {
    seat_ids.push_back(s.id);
  }
  line(zones_of(plan, ZoneKind::waiting), "rest and waiting zone (休息等候区)", join(seat_ids),
       "seats " + join(seat_ids), unit, unit ? "a zone, or seats elsewhere (4.4.1.4)" : "a zone");
  return r;
}

RuleResult mother_baby_room(const RuleContext& context) {
  const Plan& plan = context.plan;
  RuleResult r;
  const auto rooms = select(
      plan.zones(), [](const Zone& z) { return z.kind == ZoneKind::mother_baby && z.is_public; });
  r.evidence.push_back(count_of(ids_of(rooms), "public mother-and-baby rooms (母婴室)",
                                static_cast<int>(rooms.size()), 1));
  const auto changing = amenities_of(plan, AmenityKind::babychanging);
  r.evidence.push_back(note_of(ids_of(changing), "baby-changing tables",
                               std::to_string(changing.size()), "", Outcome::info));
  return r;
}

RuleResult barrier_free(const RuleContext& context) {
  const Plan& plan = context.plan;
  const CheckOptions& opt = context.options;
  RuleResult r;

  // An accessible entrance: wide enough, with a low threshold (GB 55019 2.5.4, GB 50763 3.5.3).
  const std::string entrance_required = "an exterior door marked accessible, clear width ≥ " +
                                        metres(opt.door_min_width) + ", threshold ≤ " +
                                        format_number(opt.max_threshold_mm) + " mm";
  const auto accessible = select(plan.openings(), [](const Opening& o) {
    return o.exterior && o.accessible &&
           (o.category == OpeningCategory::pedestrian ||
            o.category == OpeningCategory::pedestrian_principal);
  });
  const Opening* good_entrance = nullptr;
  for (const Opening* o : accessible) {
    if (o->width >= opt.door_min_width && o->threshold_mm <= opt.max_threshold_mm) {
      good_entrance = o;
      break;
    }
  }
  if (good_entrance != nullptr) {
    r.evidence.push_back(measure_of(good_entrance->id, "accessible entrance", good_entrance->width,
                                    "m",
                                    "clear width " + metres(good_entrance->width) + ", threshold " +
                                        format_number(good_entrance->threshold_mm) + " mm",
                                    entrance_required, Outcome::met));
  } else if (!accessible.empty()) {
    const Opening* o = accessible.front();
    r.evidence.push_back(measure_of(
        o->id, "accessible entrance", o->width, "m",
        "clear width " + metres(o->width) + ", threshold " + format_number(o->threshold_mm) + " mm",
        entrance_required, Outcome::not_met));
  } else {
    r.evidence.push_back(note_of("", "accessible entrance", "no exterior door marked accessible",
                                 entrance_required, Outcome::not_met));
  }

  // A low counter (GB 55019 3.6.1); the height range is a default to override.
  if (!plan.counters().empty()) {
    const std::string required =
        "at least one window marked low, its desk " + format_number(opt.low_counter_min_height_mm) +
        "–" + format_number(opt.low_counter_max_height_mm) + " mm high when a height is given";
    const auto low = select(plan.counters(), [](const Counter& c) { return c.low; });
    const Counter* good = nullptr;
    for (const Counter* c : low) {
      if (c->height_mm == 0.0 || (c->height_mm >= opt.low_counter_min_height_mm &&
                                  c->height_mm <= opt.low_counter_max_height_mm)) {
        good = c;
        break;
      }
    }
    if (good != nullptr) {
      const std::string height =
          good->height_mm == 0.0 ? "height not given" : format_number(good->height_mm) + " mm";
      Evidence e = note_of(good->id, "low window", "window " + good->number + ", " + height,
                           required, Outcome::met);
      if (good->height_mm != 0.0) {
        e.value = good->height_mm;
        e.unit = "mm";
      }
      r.evidence.push_back(e);
    } else if (!low.empty()) {
      r.evidence.push_back(measure_of(low.front()->id, "low window", low.front()->height_mm, "mm",
                                      format_number(low.front()->height_mm) + " mm high", required,
                                      Outcome::not_met));
    } else {
      r.evidence.push_back(
          note_of("", "low window", "no window marked low", required, Outcome::not_met));
    }
  }

  // An accessible toilet: always in a center; elsewhere wherever public toilets are provided.
  const auto accessible_wc = zones_of(plan, ZoneKind::restroom_wheelchair);
  const auto public_wc = select(
      plan.zones(), [](const Zone& z) { return z.kind == ZoneKind::restroom && z.is_public; });
  const bool wc_required = plan.site().level == SiteLevel::center || !public_wc.empty();
  if (wc_required) {
    r.evidence.push_back(
        count_of(ids_of(accessible_wc),
                 plan.site().level == SiteLevel::center
                     ? "accessible toilets (required in a center)"
                     : "accessible toilets (public toilets " + ids_of(public_wc) + " are provided)",
                 static_cast<int>(accessible_wc.size()), 1));
  } else {
    r.evidence.push_back(
        note_of(ids_of(accessible_wc), "accessible toilets",
                std::to_string(accessible_wc.size()) + "; the plan has no public toilets",
                "one wherever public toilets are provided", Outcome::info));
  }

  // Ramps (GB 55019 2.3.1, 2.3.3).
  for (const LevelChange& c : plan.level_changes()) {
    if (c.kind != LevelChangeKind::ramp) {
      continue;
    }
    const double slope = c.run() > 0.0 ? c.rise / c.run() : INFINITY;
    const bool ok = slope <= opt.max_ramp_slope + 1e-12 && c.rise <= opt.max_ramp_rise;
    r.evidence.push_back(
        measure_of(c.id, "ramp slope and rise", slope, "ratio",
                   "1:" + format_number(1.0 / slope, 1) + ", rise " + metres(c.rise),
                   "slope ≤ 1:" + format_number(1.0 / opt.max_ramp_slope, 1) + ", rise ≤ " +
                       metres(opt.max_ramp_rise),
                   met_if(ok)));
  }

  // Wheelchair routes come from route analysis.
  const std::string route_required = "a route with no step, passages ≥ " +
                                     metres(opt.accessible_route_min_width) + ", doors ≥ " +
                                     metres(opt.door_min_width);
  if (context.supplementary == nullptr || !context.supplementary->accessible_routes) {
    r.evidence.push_back(note_of("",
                                 "wheelchair route from the main entrance to every counter "
                                 "and public zone",
                                 "not yet evaluated (needs route analysis)", route_required,
                                 Outcome::not_evaluated));
    return r;
  }
  const auto& routes = *context.supplementary->accessible_routes;
  int reached = 0;
  const auto judge = [&](const std::string& id, const AccessibleRouteFinding* f) {
    std::string problem;
    if (f == nullptr) {
      problem = "no route analysed";
    } else if (!f->found) {
      problem = "no wheelchair route";
    } else if (f->narrowest_width < opt.accessible_route_min_width) {
      problem = "narrowest passage " + metres(f->narrowest_width);
    } else if (f->narrowest_door > 0.0 && f->narrowest_door < opt.door_min_width) {
      problem = "narrowest door " + metres(f->narrowest_door);
    }
    if (problem.empty()) {
      ++reached;
    } else {
      r.evidence.push_back(note_of(id, "wheelchair route from the main entrance", problem,
                                   route_required, Outcome::not_met));
    }
  };
  for (const AccessibleRouteFinding& f : routes) {
    judge(f.destination, &f);
  }
  int total = static_cast<int>(routes.size());
  for (const Counter& c : plan.counters()) {
    const bool analysed =
        std::any_of(routes.begin(), routes.end(),
                    [&c](const AccessibleRouteFinding& f) { return f.destination == c.id; });
    if (!analysed) {
      judge(c.id, nullptr);
      ++total;
    }
  }
  r.evidence.push_back(measure_of("", "destinations reachable by wheelchair", reached, "count",
                                  std::to_string(reached) + " of " + std::to_string(total), "all",
                                  met_if(reached == total)));
  return r;
}

RuleResult emergency_exits(const RuleContext& context) {
  const Plan& plan = context.plan;
  const CheckOptions& opt = context.options;
  RuleResult r;
  const auto exits = select(plan.openings(), [](const Opening& o) { return o.emergency_exit; });
  const Occupancy people = occupancy(context);
  const double area = plan.building_area();
  r.evidence.push_back(measure_of("", "persons in the hall", people.persons, "count",
                                  format_number(people.persons, 1) + " (" + people.basis + ")", "",
                                  Outcome::info));

  // Number of exits (GB 50016 5.5.8).
  const bool one_allowed =
      area <= opt.single_exit_max_area && people.persons <= opt.single_exit_max_persons;
  const int needed = one_allowed ? 1 : 2;
  const std::string count_required =
      "≥ 2; 1 if area ≤ " + format_number(opt.single_exit_max_area) + " m² and ≤ " +
      std::to_string(opt.single_exit_max_persons) + " persons (here: " + square_metres(area) +
      ", " + format_number(people.persons, 1) + " persons, so ≥ " + std::to_string(needed) + ")";
  r.evidence.push_back(measure_of(ids_of(exits), "emergency exits",
                                  static_cast<double>(exits.size()), "count",
                                  std::to_string(exits.size()) + " exits", count_required,
                                  met_if(static_cast<int>(exits.size()) >= needed)));

  // Clear width of each exit door (GB 50016 5.5.18) and in total (GB 50016 5.5.21-1).
  double total_width = 0.0;
  for (const Opening* o : exits) {
    total_width += o->width;
    r.evidence.push_back(measure_of(o->id, "exit clear width", o->width, "m", metres(o->width),
                                    "≥ " + metres(opt.door_min_width),
                                    met_if(o->width >= opt.door_min_width)));
  }
  const double per_100 = exit_width_per_100(plan.site().fire_resistance_grade);
  const double width_needed = people.persons / 100.0 * per_100;
  r.evidence.push_back(measure_of(
      ids_of(exits), "total exit width", total_width, "m", metres(total_width),
      "≥ " + metres(width_needed) + " (" + format_number(per_100) + " m per 100 persons, grade " +
          to_string(plan.site().fire_resistance_grade) + ", floors 1–2)",
      met_if(total_width >= width_needed)));

  // Travel distance (GB 50016 5.5.17-4) comes from the egress analysis.
  const double open_hall = opt.max_exit_travel * (plan.site().sprinklers ? kSprinklerFactor : 1.0);
  const std::string sprinklers = plan.site().sprinklers ? "with sprinklers" : "no sprinklers";
  if (context.supplementary != nullptr && context.supplementary->longest_exit_travel) {
    const ExitTravelFinding& t = *context.supplementary->longest_exit_travel;
    const double limit = t.limit > 0.0 ? t.limit : open_hall;
    const std::string basis = t.clause.empty() ? sprinklers : t.clause + ", " + sprinklers;
    const bool way_out = std::isfinite(t.distance);
    Evidence e =
        note_of(t.exit, "longest walk to the nearest exit",
                (way_out ? metres(t.distance) : std::string("no way out")) + " from (" +
                    format_number(t.from.x()) + ", " + format_number(t.from.y()) + ")",
                "≤ " + metres(limit) + " (" + basis + ")", met_if(way_out && t.distance <= limit));
    if (way_out) {
      e.value = t.distance;
      e.unit = "m";
    }
    r.evidence.push_back(e);
  } else {
    r.evidence.push_back(
        note_of("", "longest walk to the nearest exit", "not yet evaluated (needs egress analysis)",
                "≤ " + metres(open_hall) + " (" + sprinklers + ")", Outcome::not_evaluated));
  }
  return r;
}

RuleResult elder_friendly(const RuleContext& context) {
  const Plan& plan = context.plan;
  RuleResult r;
  int priority = 0;
  std::vector<const SeatRow*> rows;
  for (const SeatRow& s : plan.seat_rows()) {
    priority += s.priority_seats;
    if (s.priority_seats > 0) {
      rows.push_back(&s);
    }
  }
  r.evidence.push_back(count_of(ids_of(rows), "seats reserved for the elderly", priority, 1));
  const auto item = [&r, &plan](AmenityKind kind, const std::string& what) {
    const auto found = amenities_of(plan, kind);
    r.evidence.push_back(count_of(ids_of(found), what, amenity_count(plan, kind), 1));
  };
  item(AmenityKind::readingglasses, "reading glasses");
  item(AmenityKind::wheelchairassist, "wheelchairs to lend");
  item(AmenityKind::firstaid, "first-aid kits");
  return r;
}

RuleResult featured_zones(const RuleContext& context) {
  const Plan& plan = context.plan;
  RuleResult r;
  const auto featured = zones_of(plan, ZoneKind::featured);
  std::vector<std::string> themes;
  for (const FeaturedTheme theme : {FeaturedTheme::party_building, FeaturedTheme::smart_government,
                                    FeaturedTheme::industry_promotion, FeaturedTheme::publicity,
                                    FeaturedTheme::public_welfare, FeaturedTheme::other}) {
    for (const Zone* z : featured) {
      if (z->theme == theme) {
        themes.emplace_back(to_string(theme));
        break;
      }
    }
  }
  r.evidence.push_back(measure_of(
      ids_of(featured), "featured zones (特色功能区)", static_cast<double>(featured.size()),
      "count", featured.empty() ? "none" : std::to_string(featured.size()) + ": " + join(themes),
      "at least one, e.g. party building, smart government, industry promotion, publicity, public "
      "welfare",
      met_if(!featured.empty())));
  return r;
}

RuleResult unit_minimal_set(const RuleContext& context) {
  const Plan& plan = context.plan;
  RuleResult r;
  // A staffed service point equipped for help, agency and consultation: desk, chairs, phone
  // and computer (agency work is done online).
  const std::vector<Equipment> kit{Equipment::desk, Equipment::chairs, Equipment::phone,
                                   Equipment::computer};
  const auto complete = [&kit](const std::vector<Equipment>& have) {
    return std::all_of(kit.begin(), kit.end(), [&have](Equipment e) { return holds(have, e); });
  };
  std::string point;
  for (const Counter& c : plan.counters()) {
    if (complete(c.equipment)) {
      point = c.id;
      break;
    }
  }
  if (point.empty()) {
    for (const Desk* d : desks_of(plan, DeskKind::guidance)) {
      if (complete(d->equipment)) {
        point = d->id;
        break;
      }
    }
  }
  r.evidence.push_back(note_of(point, "staffed service point",
                               point.empty() ? "none fully equipped" : "window or desk " + point,
                               "a window or guidance desk with desk, chairs, phone, computer",
                               met_if(!point.empty())));
  r.evidence.push_back(count_of("", "waiting seats", plan.seat_count(), 1));
  return r;
}

RuleResult guidance_at_entrance(const RuleContext& context) {
  const Plan& plan = context.plan;
  const CheckOptions& opt = context.options;
  RuleResult r;
  const std::string required = "at the main entrance: ≤ " + metres(opt.guidance_max_distance) +
                               " from it and in sight from " + metres(opt.entrance_view_depth) +
                               " inside";
  // The desk is where visitors are received; a zone without a desk stands by its nearest part.
  std::vector<Target> targets;
  for (const Desk* d : desks_of(plan, DeskKind::guidance)) {
    targets.push_back({d->id, footprint_centre(d->footprint), std::nullopt});
  }
  const bool desks = !targets.empty();
  if (!desks) {
    for (const Zone* z : zones_of(plan, ZoneKind::guidance)) {
      for (const Point& p : area_probes(z->polygon, 0.3)) {
        targets.push_back({z->id, p, std::nullopt});
      }
    }
  }
  if (targets.empty()) {
    r.evidence.push_back(note_of("", "main entrance to guidance zone", "no guidance zone or desk",
                                 required, Outcome::not_met));
    return r;
  }
  const SightLines sight(plan);
  const EntranceView view = entrance_view(plan, plan.main_entrance(), opt.entrance_view_depth);
  const Target* best = nullptr;
  double best_distance = 0.0;
  bool best_in_sight = false;
  for (const Target& t : targets) {
    const double d = (t.position - view.doorway).norm();
    const bool in_sight = sight.clear(view.inside, t.position);
    const bool ok = in_sight && d <= opt.guidance_max_distance;
    const bool best_ok =
        best != nullptr && best_in_sight && best_distance <= opt.guidance_max_distance;
    if (best == nullptr || (ok && !best_ok) || (ok == best_ok && d < best_distance)) {
      best = &t;
      best_distance = d;
      best_in_sight = in_sight;
    }
  }
  const bool ok = best_in_sight && best_distance <= opt.guidance_max_distance;
  r.evidence.push_back(measure_of(
      best->id, desks ? "main entrance to guidance desk" : "main entrance to guidance zone",
      best_distance, "m",
      metres(best_distance) + (best_in_sight ? ", in sight" : ", hidden by a wall or column"),
      required, met_if(ok)));
  if (desks) {
    r.evidence.push_back(
        note_of(best->id, "guidance desk placed", where(plan, best->position), "", Outcome::info));
  }
  return r;
}

RuleResult guidance_functions(const RuleContext& context) {
  const Plan& plan = context.plan;
  const bool center = plan.site().level == SiteLevel::center;
  RuleResult r;
  const auto desks = desks_of(plan, DeskKind::guidance);
  r.evidence.push_back(count_of(ids_of(desks),
                                "guidance desk for consultation, guidance and complaints",
                                static_cast<int>(desks.size()), 1));
  const auto tickets = amenities_of(plan, AmenityKind::ticketing);
  if (center || !tickets.empty()) {
    r.evidence.push_back(
        count_of(ids_of(tickets), "ticket machines (取号)", static_cast<int>(tickets.size()), 1));
  } else {
    r.evidence.push_back(
        note_of("", "ticket machines (取号)", "none: numbers are given by the guidance staff",
                "a machine in a center; staff may do it elsewhere", Outcome::info));
  }
  const auto calling = select(plan.counters(), [](const Counter& c) {
    return holds(c.equipment, Equipment::calling_display);
  });
  const auto screens = amenities_of(plan, AmenityKind::display_status);
  std::vector<std::string> calling_list;
  for (const Counter* c : calling) {
    calling_list.push_back(c->id);
  }
  for (const Amenity* a : screens) {
    calling_list.push_back(a->id);
  }
  const std::string calling_ids = join(calling_list);
  const bool has_calling = !calling.empty() || !screens.empty();
  if (center || has_calling) {
    r.evidence.push_back(
        note_of(calling_ids, "calling system (叫号): window calling displays or a status screen",
                has_calling ? std::to_string(calling.size()) + " window displays, " +
                                  std::to_string(screens.size()) + " status screens"
                            : "none",
                "at least one", met_if(has_calling)));
  } else {
    r.evidence.push_back(note_of("", "calling system (叫号)", "none: visitors are called by staff",
                                 "a system in a center; staff may do it elsewhere", Outcome::info));
  }
  return r;
}

RuleResult station_guidance(const RuleContext& context) {
  const Plan& plan = context.plan;
  RuleResult r;
  const auto zones = zones_of(plan, ZoneKind::guidance);
  const auto desks = desks_of(plan, DeskKind::guidance);
  std::string how;
  if (!zones.empty()) {
    how = "a guidance zone of its own: " + ids_of(zones);
  } else if (!desks.empty()) {
    how = "merged: guidance desk " + desks.front()->id + " " +
          where(plan, footprint_centre(desks.front()->footprint));
  } else {
    how = "no guidance zone and no guidance desk";
  }
  r.evidence.push_back(note_of(zones.empty() ? ids_of(desks) : ids_of(zones),
                               "how the station arranges guidance", how, "as its conditions allow",
                               Outcome::info));
  return r;
}

}  // namespace hallsim::layout::detail
