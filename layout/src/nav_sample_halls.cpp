#include "nav_sample_halls.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <string>

namespace hallsim::layout::detail {

namespace {

Polygon rect(double x0, double y0, double x1, double y1) {
  return Polygon{Point(x0, y0), Point(x1, y0), Point(x1, y1), Point(x0, y1)};
}

Opening opening(const std::string& id, OpeningCategory category, const Point& at, double width,
                bool exit) {
  Opening o;
  o.id = id;
  o.category = category;
  o.position = at;
  o.width = width;
  o.emergency_exit = exit;
  o.accessible = true;
  return o;
}

}  // namespace

PlanData sample_hall(double area) {
  assert(area >= 400.0);
  const double s = std::sqrt(area);
  const double office = std::min(10.0, 0.25 * s);
  const double front = 0.3 * s;  // guidance and kiosks south of this line
  const double back = 0.7 * s;   // counters north of this line
  PlanData d;
  d.site.name = "样例镇便民服务中心";
  d.site.level = SiteLevel::center;
  d.site.served_population = static_cast<int>(area * 40.0);
  d.site.opening_hours.push_back(OpeningPeriod{
      {Weekday::mon, Weekday::tue, Weekday::wed, Weekday::thu, Weekday::fri}, 510, 1020});
  d.site.sprinklers = true;
  d.outline = rect(0, 0, s, s);

  Wall wall;
  wall.id = "w-office";
  wall.points = {Point(0, office), Point(office, office), Point(office, 0)};
  wall.thickness = 0.2;
  d.walls.push_back(wall);

  const auto zone = [&](const std::string& id, ZoneKind kind, Polygon polygon) {
    Zone z;
    z.id = id;
    z.kind = kind;
    z.polygon = std::move(polygon);
    z.is_public = kind != ZoneKind::office;
    d.zones.push_back(std::move(z));
  };
  zone("office", ZoneKind::office, rect(0, 0, office, office));
  zone("guidance", ZoneKind::guidance,
       Polygon{Point(office, 0), Point(s, 0), Point(s, front), Point(0, front), Point(0, office),
               Point(office, office)});
  zone("waiting", ZoneKind::waiting, rect(0, front, s, back));
  zone("windows", ZoneKind::window_service, rect(0, back, s, s));

  d.openings.push_back(
      opening("main", OpeningCategory::pedestrian_principal, Point(0.5 * s, 0), 3.0, true));
  d.openings.push_back(
      opening("exit-w", OpeningCategory::emergency_exit, Point(0, 0.5 * s), 1.8, true));
  d.openings.push_back(
      opening("exit-e", OpeningCategory::emergency_exit, Point(s, 0.5 * s), 1.8, true));
  d.openings.push_back(
      opening("exit-nw", OpeningCategory::emergency_exit, Point(0, 0.85 * s), 1.5, true));
  d.openings.push_back(
      opening("exit-ne", OpeningCategory::emergency_exit, Point(s, 0.85 * s), 1.5, true));
  Opening door =
      opening("d-office", OpeningCategory::service, Point(office, 0.5 * office), 1.0, false);
  door.wall = "w-office";
  d.openings.push_back(door);

  Desk desk;
  desk.id = "guide-desk";
  desk.kind = DeskKind::guidance;
  desk.zone = "guidance";
  desk.footprint = rect(0.5 * s - 2.0, 5.0, 0.5 * s + 2.0, 6.0);
  d.desks.push_back(desk);

  int n = 0;
  for (double x = office + 3.0; x + 0.8 <= 0.5 * s - 4.0; x += 2.0) {
    Kiosk k;
    k.id = "k" + std::to_string(++n);
    k.zone = "guidance";
    k.footprint = rect(x, front - 2.0, x + 0.8, front - 1.4);
    k.customer_side = Point(x + 0.4, front - 2.5);
    d.kiosks.push_back(k);
  }
  n = 0;
  for (double y = front + 3.0; y + 0.5 <= back - 3.0; y += 1.6) {
    for (double x = 8.0; x + 6.0 <= s - 8.0; x += 8.0) {
      SeatRow row;
      row.id = "seats" + std::to_string(++n);
      row.zone = "waiting";
      row.footprint = rect(x, y, x + 6.0, y + 0.5);
      row.seats = 10;
      d.seat_rows.push_back(row);
    }
  }
  n = 0;
  for (double x = 6.0; x + 1.8 <= s - 6.0; x += 2.6) {
    Counter c;
    c.id = "c" + std::to_string(++n);
    c.number = std::to_string(n);
    c.zone = "windows";
    c.footprint = rect(x, s - 3.0, x + 1.8, s - 2.4);
    c.customer_side = Point(x + 0.9, s - 3.5);
    c.staff_side = Point(x + 0.9, s - 1.2);
    c.services = {"综合受理"};
    c.low = n == 1;
    d.counters.push_back(c);
  }
  n = 0;
  for (double x = 12.0; x + 0.6 <= s - 6.0; x += 16.0) {
    for (const double y : {front - 0.5, back + 1.5}) {
      Obstacle column;
      column.id = "col" + std::to_string(++n);
      column.kind = ObstacleKind::column;
      column.footprint = rect(x, y, x + 0.6, y + 0.6);
      d.obstacles.push_back(column);
    }
  }
  return d;
}

}  // namespace hallsim::layout::detail
