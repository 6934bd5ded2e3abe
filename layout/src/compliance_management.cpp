// The plan-decided parts of chapter 5 (管理要求) and chapter 6 (监督、评价与改进).

#include <array>
#include <cmath>
#include <cstdio>

#include "compliance_rules.hpp"

namespace hallsim::layout::detail {

namespace {

constexpr int kLunchStart = 12 * 60;       // 12:00
constexpr int kLunchEnd = 13 * 60 + 30;    // 13:30
constexpr int kUsualClose = 17 * 60 + 30;  // 17:30
constexpr double kPi = 3.14159265358979323846;

std::string clock(int minute) {
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%02d:%02d", minute / 60, minute % 60);
  return buffer.data();
}

// True if the periods open on `day` cover the whole of [from, to].
bool covers(const std::vector<OpeningPeriod>& periods, Weekday day, int from, int to) {
  std::vector<std::pair<int, int>> spans;
  for (const OpeningPeriod& p : periods) {
    if (holds(p.days, day)) {
      spans.emplace_back(p.open_minute, p.close_minute);
    }
  }
  std::sort(spans.begin(), spans.end());
  int reached = from;
  for (const auto& [open, close] : spans) {
    if (open > reached) {
      break;
    }
    reached = std::max(reached, close);
    if (reached >= to) {
      return true;
    }
  }
  return false;
}

}  // namespace

RuleResult refined_services(const RuleContext& context) {
  const Plan& plan = context.plan;
  RuleResult r;
  const auto complaint = select(
      plan.counters(), [](const Counter& c) { return c.type == CounterType::cannot_get_it_done; });
  r.evidence.push_back(count_of(ids_of(complaint), "\"could not get it done\" (办不成事) windows",
                                static_cast<int>(complaint.size()), 1));

  // Extended hours: open at weekends, after the usual close, or through the lunch break.
  const auto& hours = plan.site().opening_hours;
  std::vector<std::string> extended;
  bool weekend = false;
  int latest = 0;
  for (const OpeningPeriod& p : hours) {
    weekend = weekend || holds(p.days, Weekday::sat) || holds(p.days, Weekday::sun);
    latest = std::max(latest, p.close_minute);
  }
  if (weekend) {
    extended.emplace_back("open at weekends");
  }
  if (latest > kUsualClose) {
    extended.push_back("open until " + clock(latest));
  }
  for (const Weekday day : {Weekday::mon, Weekday::tue, Weekday::wed, Weekday::thu, Weekday::fri,
                            Weekday::sat, Weekday::sun}) {
    if (covers(hours, day, kLunchStart, kLunchEnd)) {
      extended.push_back(std::string("open through lunch on ") + to_string(day));
      break;
    }
  }
  r.evidence.push_back(note_of("", "extended hours (延时服务)",
                               extended.empty() ? "none in the opening hours" : join(extended),
                               "open at weekends, after " + clock(kUsualClose) + ", or through " +
                                   clock(kLunchStart) + "–" + clock(kLunchEnd),
                               met_if(!extended.empty())));
  return r;
}

RuleResult safety_equipment(const RuleContext& context) {
  const Plan& plan = context.plan;
  RuleResult r;
  // GB 50140 6.1.1: at least two extinguishers in a calculation unit.
  r.evidence.push_back(count_of(ids_of(amenities_of(plan, AmenityKind::fireextinguisher)),
                                "fire extinguishers (GB 50140: at least 2)",
                                amenity_count(plan, AmenityKind::fireextinguisher), 2));
  const auto exits = select(plan.openings(), [](const Opening& o) { return o.emergency_exit; });
  r.evidence.push_back(count_of(ids_of(exits),
                                "emergency exits (their number and widths: 4.4.1.2 c)",
                                static_cast<int>(exits.size()), 1));
  r.evidence.push_back(
      note_of(ids_of(amenities_of(plan, AmenityKind::emergencylight)), "emergency lights",
              std::to_string(amenity_count(plan, AmenityKind::emergencylight)), "", Outcome::info));
  r.evidence.push_back(note_of(ids_of(amenities_of(plan, AmenityKind::firstaid)), "first-aid kits",
                               std::to_string(amenity_count(plan, AmenityKind::firstaid)), "",
                               Outcome::info));
  return r;
}

RuleResult camera_coverage(const RuleContext& context) {
  const Plan& plan = context.plan;
  const double step = context.options.camera_grid_step;
  RuleResult r;
  std::vector<Point> points;
  for (const Zone& z : plan.zones()) {
    if (!z.is_public) {
      continue;
    }
    for (const Point& p : grid_points(z.polygon, step)) {
      points.push_back(p);
    }
  }
  const SightLines sight(plan);
  int seen = 0;
  for (const Point& p : points) {
    for (const Camera& c : plan.cameras()) {
      const Point v = p - c.position;
      const double d = v.norm();
      if (d > c.range) {
        continue;
      }
      const double half = c.field_of_view_deg * kPi / 360.0;
      if (d > 0.0 && v.dot(c.facing.normalized()) < d * std::cos(half)) {
        continue;
      }
      if (!sight.clear(c.position, p)) {
        continue;
      }
      ++seen;
      break;
    }
  }
  std::vector<const Camera*> cameras;
  for (const Camera& c : plan.cameras()) {
    cameras.push_back(&c);
  }
  const double share = points.empty() ? 0.0 : 100.0 * seen / static_cast<double>(points.size());
  r.evidence.push_back(
      measure_of(ids_of(cameras), "public floor in view of a camera (视频监控)", share, "%",
                 format_number(share, 1) + "% of public floor (" + std::to_string(cameras.size()) +
                     " cameras, " + format_number(step) + " m grid)",
                 "no figure: informative", Outcome::info));
  return r;
}

}  // namespace hallsim::layout::detail
