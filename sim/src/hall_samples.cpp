#include "hall_samples.hpp"

#include <array>
#include <cmath>
#include <utility>
#include <vector>

namespace hallsim::sim::samples {

HallLayout plain_hall(int counters, const std::string& type, int seats) {
  HallLayout hall;
  hall.name = "plain hall";
  for (int i = 1; i <= counters; ++i) {
    // Appending (not "c" + ...) avoids GCC 12's false -Wrestrict alarm on operator+.
    std::string id("c");
    id.append(std::to_string(i));
    hall.counters.push_back({id, std::to_string(i), type});
  }
  hall.ticket_machines = 0;
  hall.kiosks = 0;
  hall.seats = seats;
  hall.guidance_desk = false;
  return hall;
}

Scenario single_queue(double per_hour, const DistributionSpec& service) {
  Scenario s;
  s.name = "single queue";
  for (auto& day : s.calendar.days) {
    day.open = true;
    day.open_time = 0.0;
    day.close_time = kDaySeconds;
    day.has_lunch_break = false;
  }
  s.calendar.closing = ClosingPolicy::serve_ticket_holders;
  ServiceItem item;
  item.id = "item";
  item.service_time = service;
  s.catalogue.items.push_back(item);
  s.catalogue.ticket_time = DistributionSpec::fixed(0.0);
  ItemDemand d;
  d.item = "item";
  for (auto& day : d.hourly_rate) {
    day.fill(per_hour);
  }
  s.demand.items.push_back(d);
  s.population.elderly_share = 0.0;
  s.population.wheelchair_share = 0.0;
  s.behaviour.balk_enabled = false;
  s.behaviour.renege_enabled = false;
  s.staffing.guidance_staff = 0;
  s.staffing.call.no_show = 0.0;
  s.reviews.review_share = 0.0;
  return s;
}

HallLayout town_center_hall() {
  HallLayout hall;
  hall.name = "sample town service centre";
  // The counters of floorplans/town-center.json, with its ids and types.
  const std::array<const char*, 16> types{"general",
                                          "general",
                                          "general",
                                          "general",
                                          "general",
                                          "general",
                                          "departmental_composite",
                                          "departmental_composite",
                                          "departmental_composite",
                                          "cross_province",
                                          "in_province",
                                          "one_thing",
                                          "one_thing",
                                          "cannot_get_it_done",
                                          "help_and_agency",
                                          "other"};
  for (std::size_t i = 0; i < types.size(); ++i) {
    std::string id(i < 9 ? "c0" : "c");
    id.append(std::to_string(i + 1));
    hall.counters.push_back({id, std::to_string(i + 1), types[i]});
  }
  hall.ticket_machines = 1;
  hall.kiosks = 8;
  hall.seats = 140;
  hall.guidance_desk = true;
  // Sample geometry (metres), not the plan's: the entrance on the south wall, the guidance
  // desk and ticket machine just inside, kiosks to the west, seats in the middle, counters
  // along the north wall 2.5 m apart. Walking distance = straight line x 1.2 for going round
  // furniture.
  struct P {
    double x, y;
  };
  std::vector<P> points{{20.0, 0.0}, {17.0, 4.0},  {23.0, 4.0},
                        {4.0, 8.0},  {20.0, 11.0}, {20.0, 0.0}};
  for (std::size_t i = 0; i < types.size(); ++i) {
    points.push_back({1.25 + 2.5 * static_cast<double>(i), 20.0});
  }
  hall.walking = WalkingDistances(types.size());
  for (std::size_t a = 0; a < points.size(); ++a) {
    for (std::size_t b = a + 1; b < points.size(); ++b) {
      hall.walking.set(a, b,
                       1.2 * std::hypot(points[a].x - points[b].x, points[a].y - points[b].y));
    }
  }
  return hall;
}

namespace {

ServiceItem item(const char* id, const char* name, double mean_minutes, double cv,
                 std::vector<std::string> types) {
  ServiceItem i;
  i.id = id;
  i.name = name;
  i.service_time = DistributionSpec::lognormal(mean_minutes * 60.0, cv);
  i.counter_types = std::move(types);
  return i;
}

}  // namespace

Scenario town_center_weekday() {
  Scenario s;
  s.name = "sample town centre, normal weekday";
  s.calendar.lunch_counters = {"c01", "c02"};
  s.calendar.closing = ClosingPolicy::serve_ticket_holders;

  auto& items = s.catalogue.items;
  items.push_back(item("social_security", "社保", 5.0, 0.6, {"general"}));
  items.back().kiosk_share = 0.25;
  items.back().consultation_share = 0.15;
  items.back().missing_materials = 0.06;
  items.push_back(item("medical_insurance", "医保", 5.0, 0.6, {"general"}));
  items.back().kiosk_share = 0.2;
  items.back().consultation_share = 0.15;
  items.back().missing_materials = 0.05;
  items.push_back(
      item("household_registration", "户籍", 7.0, 0.5, {"general", "departmental_composite"}));
  items.back().consultation_share = 0.2;
  items.back().missing_materials = 0.08;
  items.back().cannot_be_done = 0.02;
  items.push_back(item("civil_affairs", "民政", 8.0, 0.6, {"general"}));
  items.back().consultation_share = 0.25;
  items.back().missing_materials = 0.08;
  items.back().cannot_be_done = 0.02;
  items.push_back(item("tax", "税务", 8.0, 0.6, {"departmental_composite"}));
  items.back().kiosk_share = 0.2;
  items.back().missing_materials = 0.05;
  items.push_back(
      item("business_licence", "营业执照", 15.0, 0.7, {"departmental_composite", "one_thing"}));
  items.back().consultation_share = 0.3;
  items.back().missing_materials = 0.1;
  items.back().cannot_be_done = 0.03;
  items.back().follow_on = {{"tax", 0.3}};
  items.push_back(item("cross_province", "跨省通办", 12.0, 0.6, {"cross_province", "in_province"}));
  items.back().consultation_share = 0.3;
  items.back().cannot_be_done = 0.03;
  items.push_back(item("real_estate_utilities", "不动产、水电气", 9.0, 0.5, {"other"}));
  items.back().kiosk_share = 0.3;
  for (auto& i : items) {
    i.counter_types.emplace_back("help_and_agency");
  }

  // Daily totals per weekday (Saturday about a third), two peaks: mid-morning and 14:00–16:00.
  const std::array<double, 24> shape{0,   0,   0,   0,   0,   0, 0, 0, 1.0, 1.6, 1.5, 1.0,
                                     0.3, 0.5, 1.3, 1.2, 0.8, 0, 0, 0, 0,   0,   0,   0};
  const std::vector<std::pair<const char*, double>> totals{{"social_security", 200.0},
                                                           {"medical_insurance", 130.0},
                                                           {"household_registration", 90.0},
                                                           {"civil_affairs", 70.0},
                                                           {"tax", 60.0},
                                                           {"business_licence", 60.0},
                                                           {"cross_province", 40.0},
                                                           {"real_estate_utilities", 40.0}};
  for (const auto& [id, total] : totals) {
    ItemDemand d;
    d.item = id;
    d.form = RateForm::daily_total;
    for (int w = 0; w < 5; ++w) {
      d.daily_total[static_cast<std::size_t>(w)] = total;
    }
    d.daily_total[static_cast<std::size_t>(Weekday::sat)] = total / 3.0;
    d.hourly_shape = shape;
    s.demand.items.push_back(d);
  }
  AppointmentSlots slots;
  slots.item = "business_licence";
  slots.days = {Weekday::mon, Weekday::tue, Weekday::wed, Weekday::thu, Weekday::fri};
  slots.first_slot = 9.0 * 3600.0;
  slots.last_slot_end = 16.5 * 3600.0;
  slots.slot_length = 1800.0;
  slots.bookings_per_slot = 3;
  slots.booked_share = 0.7;
  s.demand.appointments.slots.push_back(slots);

  s.population.elderly_share = 0.18;
  s.population.wheelchair_share = 0.01;
  s.staffing.guidance_staff = 2;
  s.staffing.call.no_show = 0.02;
  return s;
}

}  // namespace hallsim::sim::samples
