// Building a HallModel: every cross-check between the scenario and the hall, collected in
// one pass, then the pre-computed form that runs read.

#include <algorithm>
#include <cassert>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "hall_compiled.hpp"
#include "hallsim/sim/hall.hpp"

namespace hallsim::sim {

namespace {

std::string show(double x) {
  std::ostringstream out;
  out.precision(10);
  out << x;
  return out.str();
}

std::string clock(double seconds) {
  if (!std::isfinite(seconds)) {
    return show(seconds);
  }
  const long total = std::lround(seconds);
  std::ostringstream out;
  out << total / 3600 << ':' << (total % 3600) / 60 / 10 << (total % 3600) / 60 % 10;
  return out.str() + " (" + show(seconds) + " s)";
}

std::string message_of(const ScenarioProblem& p) {
  std::string s = p.pointer + ": " + p.message;
  if (!p.hint.empty()) {
    s += " (" + p.hint + ")";
  }
  return s;
}

std::string summary(const std::vector<ScenarioProblem>& problems) {
  std::string s = "the scenario does not fit the hall: " + std::to_string(problems.size()) +
                  (problems.size() == 1 ? " problem" : " problems");
  for (const auto& p : problems) {
    s += "\n  " + message_of(p);
  }
  return s;
}

/// Collects the problems of a scenario with their pointers.
class Checker {
 public:
  explicit Checker(std::vector<ScenarioProblem>& out) : out_(out) {}

  void add(std::string pointer, std::string message, std::string hint) {
    out_.push_back({std::move(pointer), std::move(message), std::move(hint)});
  }

  void share(double v, const std::string& pointer) {
    if (!(v >= 0.0 && v <= 1.0)) {
      add(pointer, "a share or probability must lie in [0, 1], got " + show(v),
          "give a value between 0 and 1");
    }
  }

  void non_negative(double v, const std::string& pointer, const std::string& what) {
    if (!(std::isfinite(v) && v >= 0.0)) {
      add(pointer, what + " must be a finite number >= 0, got " + show(v),
          "give a value of 0 or more");
    }
  }

  void positive(double v, const std::string& pointer, const std::string& what) {
    if (!(std::isfinite(v) && v > 0.0)) {
      add(pointer, what + " must be a finite number > 0, got " + show(v), "give a positive value");
    }
  }

  void clock_time(double v, const std::string& pointer) {
    if (!(std::isfinite(v) && v >= 0.0 && v <= kDaySeconds)) {
      add(pointer, "a clock time must lie between 0:00 and 24:00, got " + clock(v),
          "give seconds after midnight in [0, 86400]");
    }
  }

  /// The distribution of a duration (never negative on average) or, with `offset`, of a
  /// signed offset such as punctuality. On a problem, records it and returns a fixed zero.
  Distribution duration(const DistributionSpec& spec, const std::string& pointer,
                        bool offset = false) {
    if (!offset && spec.kind != DistributionKind::empirical &&
        spec.kind != DistributionKind::uniform && !(spec.mean >= 0.0)) {
      add(pointer + "/mean", "a duration's mean must be >= 0 seconds, got " + show(spec.mean),
          "give the mean duration in seconds");
      return Deterministic(0.0);
    }
    try {
      return make_distribution(spec);
    } catch (const std::invalid_argument& e) {
      add(pointer, std::string("impossible ") + to_string(spec.kind) + " distribution: " + e.what(),
          "check mean, cv, stddev, low/high or data for this kind");
      return Deterministic(0.0);
    }
  }

 private:
  std::vector<ScenarioProblem>& out_;
};

std::string index_pointer(const std::string& base, std::size_t i) {
  return base + "/" + std::to_string(i);
}

bool contains(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

bool applies_on(const std::vector<Weekday>& days, int weekday) {
  if (days.empty()) {
    return true;
  }
  return std::any_of(days.begin(), days.end(),
                     [weekday](Weekday d) { return static_cast<int>(d) == weekday; });
}

/// Sorts intervals and joins overlapping or touching ones; drops empty ones.
std::vector<ClockInterval> merge(std::vector<ClockInterval> v) {
  std::erase_if(v, [](const ClockInterval& i) { return !(i.end > i.begin); });
  std::sort(v.begin(), v.end(), [](const ClockInterval& a, const ClockInterval& b) {
    return a.begin < b.begin || (a.begin == b.begin && a.end < b.end);
  });
  std::vector<ClockInterval> out;
  for (const auto& i : v) {
    if (!out.empty() && i.begin <= out.back().end) {
      out.back().end = std::max(out.back().end, i.end);
    } else {
      out.push_back(i);
    }
  }
  return out;
}

/// The counter's staffed periods on one weekday.
std::vector<ClockInterval> staffed_hours(const Scenario& s, const HallCounter& counter,
                                         int weekday) {
  const DayHours& day = s.calendar.days[static_cast<std::size_t>(weekday)];
  if (!day.open || contains(s.staffing.closed_counters, counter.id)) {
    return {};
  }
  std::vector<ClockInterval> shifts;
  bool has_shift = false;
  for (const auto& shift : s.staffing.shifts) {
    if (shift.counter != counter.id) {
      continue;
    }
    has_shift = true;
    if (applies_on(shift.days, weekday)) {
      shifts.push_back(shift.period);
    }
  }
  // A backup counter with a dynamic rule has no regular hours: only its shifts and its rule.
  const bool has_rule =
      std::any_of(s.staffing.rules.begin(), s.staffing.rules.end(),
                  [&counter](const DynamicRule& r) { return r.counter == counter.id; });
  if (has_shift || has_rule) {
    return merge(std::move(shifts));
  }
  std::vector<ClockInterval> hours;
  const bool at_lunch = contains(s.calendar.lunch_counters, counter.id);
  if (day.has_lunch_break && !at_lunch && day.lunch_break.end > day.lunch_break.begin) {
    hours.push_back({day.open_time, std::min(day.lunch_break.begin, day.close_time)});
    hours.push_back({std::max(day.lunch_break.end, day.open_time), day.close_time});
  } else {
    hours.push_back({day.open_time, day.close_time});
  }
  if (day.extended_until > day.close_time && contains(s.calendar.extended_counters, counter.id)) {
    hours.push_back({day.close_time, day.extended_until});
  }
  return merge(std::move(hours));
}

}  // namespace

// ------------------------------------------------------------------ WalkingDistances

WalkingDistances::WalkingDistances(std::size_t counters)
    : points_(kNamedSpots + counters), metres_(points_ * points_, 0.0) {}

std::size_t WalkingDistances::point(Spot spot) {
  assert(spot != Spot::counter && "a counter's point is counter_point(index)");
  return static_cast<std::size_t>(spot);
}

void WalkingDistances::set(std::size_t a, std::size_t b, double metres) {
  if (a >= points_ || b >= points_) {
    throw std::invalid_argument("walking distance between points " + std::to_string(a) + " and " +
                                std::to_string(b) + ": the matrix has " + std::to_string(points_) +
                                " points");
  }
  if (!(std::isfinite(metres) && metres >= 0.0)) {
    throw std::invalid_argument("walking distance must be finite and >= 0 metres, got " +
                                show(metres));
  }
  metres_[a * points_ + b] = metres;
  metres_[b * points_ + a] = metres;
}

double WalkingDistances::metres(std::size_t a, std::size_t b) const {
  if (points_ == 0) {
    return 0.0;
  }
  assert(a < points_ && b < points_);
  return metres_[a * points_ + b];
}

// ------------------------------------------------------------------ ScenarioError

ScenarioError::ScenarioError(std::vector<ScenarioProblem> problems)
    : std::runtime_error(summary(problems)), problems_(std::move(problems)) {}

// ------------------------------------------------------------------ HallModel

HallModel::HallModel(HallLayout layout, Scenario scenario) {
  auto c = std::make_unique<detail::CompiledHall>();
  c->layout = std::move(layout);
  c->scenario = std::move(scenario);
  const HallLayout& hall = c->layout;
  const Scenario& s = c->scenario;
  std::vector<ScenarioProblem> problems;
  Checker check(problems);

  // Counters and their types.
  std::map<std::string, std::size_t> counter_index;
  for (std::size_t i = 0; i < hall.counters.size(); ++i) {
    const HallCounter& counter = hall.counters[i];
    if (!counter_index.emplace(counter.id, i).second) {
      throw std::invalid_argument("hall layout: counter id '" + counter.id + "' appears twice");
    }
    auto it = std::find(c->counter_types.begin(), c->counter_types.end(), counter.type);
    if (it == c->counter_types.end()) {
      c->counter_types.push_back(counter.type);
      it = c->counter_types.end() - 1;
    }
    c->counter_type_of.push_back(static_cast<std::uint32_t>(it - c->counter_types.begin()));
  }
  if (hall.walking.modelled() && hall.walking.points() != kNamedSpots + hall.counters.size()) {
    throw std::invalid_argument("hall layout: the walking matrix has " +
                                std::to_string(hall.walking.points()) + " points, expected " +
                                std::to_string(kNamedSpots + hall.counters.size()));
  }
  auto known_counter = [&](const std::string& id, const std::string& pointer) {
    if (counter_index.count(id) == 0) {
      check.add(pointer, "no counter '" + id + "' in the hall",
                "use the id of one of the plan's counters");
    }
  };

  // Service catalogue.
  const auto& items = s.catalogue.items;
  std::map<std::string, std::uint32_t> item_index;
  if (items.empty() && s.replay.records.empty()) {
    check.add("/catalogue/items", "the catalogue has no items", "list at least one service item");
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string p = index_pointer("/catalogue/items", i);
    if (items[i].id.empty()) {
      check.add(p + "/id", "an item needs an id", "give a short unique id");
    }
    if (!item_index.emplace(items[i].id, static_cast<std::uint32_t>(i)).second) {
      check.add(p + "/id", "item id '" + items[i].id + "' is used twice",
                "give every item its own id");
    }
  }
  c->item_count = items.size();
  for (const auto& item : items) {
    c->queue_names.push_back(item.id);
  }
  c->complaint_window = std::find(c->counter_types.begin(), c->counter_types.end(),
                                  "cannot_get_it_done") != c->counter_types.end();
  if (c->complaint_window) {
    c->complaint_queue = static_cast<std::uint32_t>(items.size());
    c->queue_names.emplace_back("complaint");
  }
  const std::size_t queues = c->queue_names.size();
  c->queue_counters.assign(queues, {});
  c->counter_queues.assign(hall.counters.size(), {});

  const Policies& policies = s.policies;
  check.share(policies.notification_effect, "/policies/notification_effect");
  for (std::size_t i = 0; i < items.size(); ++i) {
    const ServiceItem& item = items[i];
    const std::string p = index_pointer("/catalogue/items", i);
    c->service.push_back(check.duration(item.service_time, p + "/service_time"));
    c->kiosk_time.push_back(check.duration(item.kiosk_time, p + "/kiosk_time"));
    check.share(item.kiosk_share, p + "/kiosk_share");
    check.share(item.consultation_share, p + "/consultation_share");
    check.share(item.missing_materials, p + "/missing_materials");
    check.share(item.cannot_be_done, p + "/cannot_be_done");
    c->kiosk_share.push_back(hall.kiosks > 0 ? item.kiosk_share : 0.0);
    c->consultation_share.push_back(item.consultation_share);
    c->missing_materials.push_back(policies.one_time_notification
                                       ? item.missing_materials *
                                             (1.0 - policies.notification_effect)
                                       : item.missing_materials);
    c->cannot_be_done.push_back(item.cannot_be_done);
    for (std::size_t j = 0; j < item.counters.size(); ++j) {
      known_counter(item.counters[j], index_pointer(p + "/counters", j));
    }
    std::vector<CompiledFollowOn> follow;
    for (std::size_t j = 0; j < item.follow_on.size(); ++j) {
      const std::string fp = index_pointer(p + "/follow_on", j);
      check.share(item.follow_on[j].probability, fp + "/probability");
      const auto it = item_index.find(item.follow_on[j].item);
      if (it == item_index.end()) {
        check.add(fp + "/item", "no item '" + item.follow_on[j].item + "' in the catalogue",
                  "name an item id of /catalogue/items");
      } else if (it->second == i) {
        check.add(fp + "/item", "an item cannot follow itself", "name another item");
      } else {
        follow.push_back({it->second, item.follow_on[j].probability});
      }
    }
    c->follow_on.push_back(std::move(follow));
    // Which counters may serve the item: by type, or named one by one.
    for (std::size_t k = 0; k < hall.counters.size(); ++k) {
      if (contains(item.counter_types, hall.counters[k].type) ||
          contains(item.counters, hall.counters[k].id)) {
        c->queue_counters[i].push_back(static_cast<std::uint32_t>(k));
        c->counter_queues[k].push_back(static_cast<std::uint32_t>(i));
      }
    }
  }
  c->complaint_time = check.duration(s.catalogue.complaint_time, "/catalogue/complaint_time");
  c->consultation_time =
      check.duration(s.catalogue.consultation_time, "/catalogue/consultation_time");
  c->ticket_time = check.duration(s.catalogue.ticket_time, "/catalogue/ticket_time");
  check.share(s.catalogue.failed_service_fraction, "/catalogue/failed_service_fraction");
  if (c->complaint_window) {
    c->service.push_back(c->complaint_time);
    for (std::size_t k = 0; k < hall.counters.size(); ++k) {
      if (hall.counters[k].type == "cannot_get_it_done") {
        c->queue_counters[c->complaint_queue].push_back(static_cast<std::uint32_t>(k));
        // The complaint window takes complaints before anything else it may serve.
        c->counter_queues[k].insert(c->counter_queues[k].begin(), c->complaint_queue);
      }
    }
  }

  // Calendar and staffing.
  for (int w = 0; w < kWeekdays; ++w) {
    const DayHours& day = s.calendar.days[static_cast<std::size_t>(w)];
    const std::string p = index_pointer("/calendar/days", static_cast<std::size_t>(w));
    if (!day.open) {
      continue;
    }
    check.clock_time(day.open_time, p + "/open_time");
    check.clock_time(day.close_time, p + "/close_time");
    if (!(day.open_time < day.close_time)) {
      check.add(p + "/close_time",
                std::string(to_string(static_cast<Weekday>(w))) + ": closing " +
                    clock(day.close_time) + " is not after opening " + clock(day.open_time),
                "close after opening, or mark the day closed");
    }
    if (day.has_lunch_break) {
      check.clock_time(day.lunch_break.begin, p + "/lunch_break/begin");
      check.clock_time(day.lunch_break.end, p + "/lunch_break/end");
      if (!(day.lunch_break.begin < day.lunch_break.end)) {
        check.add(p + "/lunch_break", "the lunch break ends before it begins",
                  "give begin < end, or has_lunch_break false");
      }
    }
    if (day.extended_until > 0.0) {
      check.clock_time(day.extended_until, p + "/extended_until");
    }
  }
  for (std::size_t j = 0; j < s.calendar.lunch_counters.size(); ++j) {
    known_counter(s.calendar.lunch_counters[j], index_pointer("/calendar/lunch_counters", j));
  }
  for (std::size_t j = 0; j < s.calendar.extended_counters.size(); ++j) {
    known_counter(s.calendar.extended_counters[j], index_pointer("/calendar/extended_counters", j));
  }
  const Staffing& staffing = s.staffing;
  for (std::size_t j = 0; j < staffing.shifts.size(); ++j) {
    const std::string p = index_pointer("/staffing/shifts", j);
    known_counter(staffing.shifts[j].counter, p + "/counter");
    check.clock_time(staffing.shifts[j].period.begin, p + "/period/begin");
    check.clock_time(staffing.shifts[j].period.end, p + "/period/end");
    if (!(staffing.shifts[j].period.begin < staffing.shifts[j].period.end)) {
      check.add(p + "/period", "a shift must end after it begins", "give begin < end");
    }
  }
  for (std::size_t j = 0; j < staffing.closed_counters.size(); ++j) {
    known_counter(staffing.closed_counters[j], index_pointer("/staffing/closed_counters", j));
  }
  c->counter_rule.assign(hall.counters.size(), -1);
  for (std::size_t j = 0; j < staffing.rules.size(); ++j) {
    const DynamicRule& rule = staffing.rules[j];
    const std::string p = index_pointer("/staffing/rules", j);
    const auto it = counter_index.find(rule.counter);
    if (it == counter_index.end()) {
      known_counter(rule.counter, p + "/counter");
    } else if (c->counter_rule[it->second] >= 0) {
      check.add(p + "/counter",
                "counter '" + rule.counter + "' already has the rule /staffing/rules/" +
                    std::to_string(c->counter_rule[it->second]),
                "give each backup counter one rule");
    } else {
      c->counter_rule[it->second] = static_cast<int>(j);
    }
    if (contains(staffing.closed_counters, rule.counter)) {
      check.add(p + "/counter", "counter '" + rule.counter + "' has a rule but is closed",
                "remove the rule or take the counter out of /staffing/closed_counters");
    }
    if (rule.open_when_waiting_over < -1) {
      check.add(p + "/open_when_waiting_over",
                "must be a number of tickets >= 0, or -1 for unused, got " +
                    std::to_string(rule.open_when_waiting_over),
                "give how many waiting tickets are too many, or -1");
    }
    if (!(rule.open_when_wait_over == -1.0 ||
          (std::isfinite(rule.open_when_wait_over) && rule.open_when_wait_over >= 0.0))) {
      check.add(
          p + "/open_when_wait_over",
          "must be a wait in seconds >= 0, or -1 for unused, got " + show(rule.open_when_wait_over),
          "give the longest acceptable wait in seconds, or -1");
    }
    if (rule.open_when_waiting_over < 0 && rule.open_when_wait_over < 0.0) {
      check.add(p, "the rule never opens its counter: both triggers are unused (-1)",
                "set open_when_waiting_over, open_when_wait_over or both");
    }
    check.non_negative(rule.close_after_quiet, p + "/close_after_quiet", "the quiet time");
    if (!(std::isfinite(rule.check_every) && rule.check_every >= 1.0 &&
          rule.check_every <= kDaySeconds)) {
      check.add(p + "/check_every",
                "the time between checks must lie between 1 and 86400 seconds, got " +
                    show(rule.check_every),
                "give how often the queue is looked at, e.g. 60");
    }
    check.clock_time(rule.active.begin, p + "/active/begin");
    check.clock_time(rule.active.end, p + "/active/end");
    if (rule.active.end < rule.active.begin) {
      check.add(p + "/active", "the rule's hours end before they begin",
                "give begin < end, or leave the hours out for the regular hours");
    }
  }
  if (staffing.guidance_staff < 0) {
    check.add("/staffing/guidance_staff", "cannot be negative", "give 0 or more guides");
  }
  check.share(staffing.call.no_show, "/staffing/call/no_show");
  check.non_negative(staffing.call.no_show_wait, "/staffing/call/no_show_wait",
                     "the wait for an unanswered call");

  // Every queue needs a counter that is staffed at some time, or its visitors would wait
  // for nothing.
  if (problems.empty()) {
    for (int w = 0; w < kWeekdays; ++w) {
      CompiledDay& day = c->days[static_cast<std::size_t>(w)];
      const DayHours& hours = s.calendar.days[static_cast<std::size_t>(w)];
      day.open = hours.open;
      day.open_time = hours.open_time;
      day.close_time = std::max(hours.close_time, hours.extended_until);
      for (const auto& counter : hall.counters) {
        day.counter_hours.push_back(staffed_hours(s, counter, w));
      }
      for (std::size_t j = 0; j < staffing.rules.size() && hours.open; ++j) {
        const DynamicRule& rule = staffing.rules[j];
        if (!applies_on(rule.days, w)) {
          continue;
        }
        const ClockInterval active = rule.active.end > rule.active.begin
                                         ? rule.active
                                         : ClockInterval{hours.open_time, hours.close_time};
        day.rules.emplace_back(static_cast<std::uint32_t>(j), active);
      }
    }
    for (const DynamicRule& rule : staffing.rules) {
      c->rule_counter.push_back(static_cast<std::uint32_t>(counter_index.at(rule.counter)));
    }
    for (std::size_t q = 0; q < items.size(); ++q) {
      bool staffed = false;
      for (std::uint32_t k : c->queue_counters[q]) {
        for (const auto& day : c->days) {
          staffed = staffed || !day.counter_hours[k].empty();
        }
        for (const auto& day : c->days) {
          for (const auto& [rule, active] : day.rules) {
            staffed = staffed || c->rule_counter[rule] == k;
          }
        }
      }
      if (!staffed) {
        const std::string p = index_pointer("/catalogue/items", q);
        check.add(p + "/counter_types",
                  c->queue_counters[q].empty()
                      ? "no counter of the hall may serve item '" + items[q].id + "'"
                      : "every counter that may serve item '" + items[q].id +
                            "' is closed in this scenario",
                  "add a counter type the hall has, name a counter in /counters, or staff one");
      }
    }
  }

  // Demand.
  for (std::size_t i = 0; i < s.demand.items.size(); ++i) {
    const ItemDemand& d = s.demand.items[i];
    const std::string p = index_pointer("/demand/items", i);
    if (item_index.count(d.item) == 0) {
      check.add(p + "/item", "no item '" + d.item + "' in the catalogue",
                "name an item id of /catalogue/items");
    }
    for (std::size_t w = 0; w < static_cast<std::size_t>(kWeekdays); ++w) {
      if (d.form == RateForm::hourly) {
        for (std::size_t h = 0; h < 24; ++h) {
          check.non_negative(d.hourly_rate[w][h],
                             p + "/hourly_rate/" + std::to_string(w) + "/" + std::to_string(h),
                             "an arrival rate");
        }
      } else {
        check.non_negative(d.daily_total[w], p + "/daily_total/" + std::to_string(w),
                           "a daily total");
      }
    }
    if (d.form == RateForm::daily_total) {
      for (std::size_t h = 0; h < 24; ++h) {
        check.non_negative(d.hourly_shape[h], p + "/hourly_shape/" + std::to_string(h),
                           "an hourly weight");
      }
    }
  }
  const Appointments& appts = s.demand.appointments;
  check.share(appts.no_show, "/demand/appointments/no_show");
  c->punctuality = check.duration(appts.punctuality, "/demand/appointments/punctuality", true);
  for (std::size_t i = 0; i < appts.slots.size(); ++i) {
    const AppointmentSlots& a = appts.slots[i];
    const std::string p = index_pointer("/demand/appointments/slots", i);
    if (item_index.count(a.item) == 0) {
      check.add(p + "/item", "no item '" + a.item + "' in the catalogue",
                "name an item id of /catalogue/items");
    }
    check.positive(a.slot_length, p + "/slot_length", "a slot's length");
    check.clock_time(a.first_slot, p + "/first_slot");
    check.clock_time(a.last_slot_end, p + "/last_slot_end");
    check.share(a.booked_share, p + "/booked_share");
    if (a.bookings_per_slot < 0) {
      check.add(p + "/bookings_per_slot", "cannot be negative", "give 0 or more");
    }
  }

  // Population, behaviour, reviews.
  const Population& pop = s.population;
  check.share(pop.elderly_share, "/population/elderly_share");
  check.share(pop.wheelchair_share, "/population/wheelchair_share");
  check.positive(pop.walking_speed, "/population/walking_speed", "a walking speed");
  check.positive(pop.elderly_walking_speed, "/population/elderly_walking_speed", "a walking speed");
  check.positive(pop.wheelchair_speed, "/population/wheelchair_speed", "a walking speed");
  check.positive(pop.assisted_kiosk_factor, "/population/assisted_kiosk_factor", "a factor");
  const Behaviour& behaviour = s.behaviour;
  check.non_negative(behaviour.balk_min, "/behaviour/balk_min", "a balking threshold");
  check.non_negative(behaviour.balk_max, "/behaviour/balk_max", "a balking threshold");
  if (behaviour.balk_max < behaviour.balk_min) {
    check.add("/behaviour/balk_max", "balk_max is below balk_min", "give balk_min <= balk_max");
  }
  c->patience = check.duration(behaviour.patience, "/behaviour/patience");
  check.share(behaviour.return_share, "/behaviour/return_share");
  if (behaviour.return_min_days < 1) {
    check.add("/behaviour/return_min_days",
              "a return comes at least 1 open day later, got " +
                  std::to_string(behaviour.return_min_days),
              "give 1 or more days");
  }
  if (behaviour.return_max_days < behaviour.return_min_days) {
    check.add("/behaviour/return_max_days", "return_max_days is below return_min_days",
              "give return_min_days <= return_max_days");
  }
  check.positive(behaviour.standing_patience_factor, "/behaviour/standing_patience_factor",
                 "a factor");
  const ReviewModel& r = s.reviews;
  check.non_negative(r.target_wait, "/reviews/target_wait", "the target wait");
  check.share(r.base_bad, "/reviews/base_bad");
  check.non_negative(r.per_minute_over, "/reviews/per_minute_over", "a rate");
  check.share(r.max_bad, "/reviews/max_bad");
  check.share(r.failed_visit_bad, "/reviews/failed_visit_bad");
  check.share(r.review_share, "/reviews/review_share");

  // Replay records.
  for (std::size_t i = 0; i < s.replay.records.size(); ++i) {
    const TicketRecord& rec = s.replay.records[i];
    const std::string p = index_pointer("/replay/records", i);
    const auto it = item_index.find(rec.item);
    if (it == item_index.end()) {
      check.add(p + "/item", "no item '" + rec.item + "' in the catalogue",
                "add the item to the catalogue or correct the record");
      continue;
    }
    if (rec.day < 0) {
      check.add(p + "/day", "a day cannot be negative", "count days from 0");
    }
    if (!(rec.ticket_time >= 0.0 && rec.ticket_time < kDaySeconds)) {
      check.add(p + "/ticket_time",
                "the ticket time must lie in [0:00, 24:00), got " + clock(rec.ticket_time),
                "give seconds after midnight");
      continue;
    }
    double recorded = -1.0;
    if (s.replay.recorded_service_times && std::isfinite(rec.call_time) &&
        std::isfinite(rec.finish_time)) {
      if (rec.finish_time < rec.call_time) {
        check.add(p + "/finish_time", "the record finishes before it is called",
                  "correct the call or finish time");
      } else {
        recorded = rec.finish_time - rec.call_time;
      }
    }
    c->replay.push_back({rec.day, rec.ticket_time, it->second, recorded});
  }
  if (!problems.empty()) {
    throw ScenarioError(std::move(problems));
  }

  std::stable_sort(c->replay.begin(), c->replay.end(),
                   [](const CompiledRecord& a, const CompiledRecord& b) {
                     return a.day < b.day || (a.day == b.day && a.ticket_time < b.ticket_time);
                   });

  // Arrival processes and appointment slots per weekday.
  for (int w = 0; w < kWeekdays; ++w) {
    CompiledDay& day = c->days[static_cast<std::size_t>(w)];
    if (!day.open) {
      continue;
    }
    for (const ItemDemand& d : s.demand.items) {
      const std::array<double, 24> rate =
          hourly_rates(d, static_cast<Weekday>(w), day.open_time, day.close_time);
      std::vector<double> breaks{day.open_time};
      std::vector<double> rates;
      bool any = false;
      for (std::size_t h = 0; h < 24; ++h) {
        const double a = std::max(day.open_time, static_cast<double>(h) * kHourSeconds);
        const double e = std::min(day.close_time, static_cast<double>(h + 1) * kHourSeconds);
        if (!(e > a)) {
          continue;
        }
        rates.push_back(rate[h] / kHourSeconds);
        breaks.push_back(e);
        any = any || rate[h] > 0.0;
      }
      if (any) {
        day.arrivals.emplace_back(item_index.at(d.item),
                                  PiecewisePoissonArrivals(std::move(breaks), std::move(rates)));
      }
    }
    for (const AppointmentSlots& a : appts.slots) {
      if (!applies_on(a.days, w)) {
        continue;
      }
      for (int k = 0;; ++k) {
        const double start = a.first_slot + k * a.slot_length;
        if (start + a.slot_length > a.last_slot_end + 1e-9) {
          break;
        }
        day.slots.push_back({start, item_index.at(a.item), a.bookings_per_slot, a.booked_share});
      }
    }
  }

  // What the model leaves out for this hall.
  if (!hall.walking.modelled()) {
    c->notes.emplace_back(
        "walking is not modelled: no walking distances were given, so every walk takes no time");
  }
  if (hall.kiosks == 0 && std::any_of(items.begin(), items.end(),
                                      [](const ServiceItem& i) { return i.kiosk_share > 0.0; })) {
    c->notes.emplace_back(
        "the hall has no self-service kiosk: visitors the scenario sends to kiosks go to a "
        "counter instead");
  }
  if (!hall.guidance_desk || staffing.guidance_staff == 0) {
    c->notes.emplace_back(
        "no guidance desk service: nobody consults first, elderly kiosk users get no help");
  }
  if (!c->complaint_window) {
    c->notes.emplace_back(
        "no complaint (cannot_get_it_done) window: complaints go to the guidance desk");
  }
  if (hall.ticket_machines == 0) {
    c->notes.emplace_back("no ticket machine: tickets are issued on entry");
  }
  c_ = std::move(c);
}

HallModel::~HallModel() = default;
HallModel::HallModel(HallModel&&) noexcept = default;
HallModel& HallModel::operator=(HallModel&&) noexcept = default;

const HallLayout& HallModel::layout() const {
  return c_->layout;
}
const Scenario& HallModel::scenario() const {
  return c_->scenario;
}
std::size_t HallModel::queue_count() const {
  return c_->queue_names.size();
}
const std::string& HallModel::queue_name(std::size_t queue) const {
  return c_->queue_names.at(queue);
}
const std::vector<std::string>& HallModel::counter_types() const {
  return c_->counter_types;
}
std::size_t HallModel::counter_type_index(std::size_t counter) const {
  return c_->counter_type_of.at(counter);
}
bool HallModel::counter_serves(std::size_t counter, std::size_t queue) const {
  const auto& qs = c_->counter_queues.at(counter);
  return std::find(qs.begin(), qs.end(), queue) != qs.end();
}
const std::vector<ClockInterval>& HallModel::counter_hours(std::size_t counter, Weekday day) const {
  return c_->days[static_cast<std::size_t>(day)].counter_hours.at(counter);
}
int HallModel::counter_rule(std::size_t counter) const {
  return c_->counter_rule.at(counter);
}
const std::vector<std::string>& HallModel::notes() const {
  return c_->notes;
}

// ------------------------------------------------------------------ names

const char* to_string(TraceEvent event) {
  switch (event) {
    case TraceEvent::arrive:
      return "arrive";
    case TraceEvent::walk:
      return "walk";
    case TraceEvent::consult_start:
      return "consult_start";
    case TraceEvent::consult_end:
      return "consult_end";
    case TraceEvent::ticket:
      return "ticket";
    case TraceEvent::balk:
      return "balk";
    case TraceEvent::wait:
      return "wait";
    case TraceEvent::call:
      return "call";
    case TraceEvent::no_show:
      return "no_show";
    case TraceEvent::service_start:
      return "service_start";
    case TraceEvent::service_end:
      return "service_end";
    case TraceEvent::kiosk_start:
      return "kiosk_start";
    case TraceEvent::kiosk_end:
      return "kiosk_end";
    case TraceEvent::complaint_start:
      return "complaint_start";
    case TraceEvent::complaint_end:
      return "complaint_end";
    case TraceEvent::renege:
      return "renege";
    case TraceEvent::sent_home:
      return "sent_home";
    case TraceEvent::review:
      return "review";
    case TraceEvent::leave:
      return "leave";
    case TraceEvent::counter_open:
      return "counter_open";
    case TraceEvent::counter_close:
      return "counter_close";
    case TraceEvent::sit:
      return "sit";
  }
  return "?";
}

const char* to_string(CounterChange change) {
  switch (change) {
    case CounterChange::hours:
      return "hours";
    case CounterChange::rule:
      return "rule";
    case CounterChange::hall_empty:
      return "hall_empty";
  }
  return "?";
}

const char* to_string(Outcome outcome) {
  switch (outcome) {
    case Outcome::served:
      return "served";
    case Outcome::balked:
      return "balked";
    case Outcome::reneged:
      return "reneged";
    case Outcome::missed_call:
      return "missed_call";
    case Outcome::sent_home:
      return "sent_home";
    case Outcome::inside:
      return "inside";
  }
  return "?";
}

const char* to_string(Spot spot) {
  switch (spot) {
    case Spot::entrance:
      return "entrance";
    case Spot::guidance_desk:
      return "guidance_desk";
    case Spot::ticket_machine:
      return "ticket_machine";
    case Spot::kiosks:
      return "kiosks";
    case Spot::waiting_area:
      return "waiting_area";
    case Spot::exit:
      return "exit";
    case Spot::counter:
      return "counter";
  }
  return "?";
}

}  // namespace hallsim::sim
