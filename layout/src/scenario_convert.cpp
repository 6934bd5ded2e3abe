// JSON -> sim::Scenario, after the schema has passed: types, ranges and field names are as
// docs/scenario.schema.json says. What only the document shows is checked here.

#include <array>
#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "plan_checks.hpp"
#include "scenario_checks.hpp"

namespace hallsim::layout::detail {

namespace {

using nlohmann::json;

constexpr std::array<const char*, sim::kWeekdays> kDayNames = {"mon", "tue", "wed", "thu",
                                                               "fri", "sat", "sun"};

const json* field(const json& j, const char* key) {
  const auto it = j.find(key);
  return it == j.end() ? nullptr : &*it;
}

sim::Weekday weekday(const json& j) {
  const std::string name = j.get<std::string>();
  for (std::size_t i = 0; i < kDayNames.size(); ++i) {
    if (name == kDayNames[i]) {
      return static_cast<sim::Weekday>(i);
    }
  }
  return sim::Weekday::mon;  // the schema allows only the names above
}

// "HH:MM" or "HH:MM:SS", checked by the schema.
double clock(const json& j) {
  const std::string t = j.get<std::string>();
  const auto two = [&t](std::size_t at) { return (t[at] - '0') * 10 + (t[at + 1] - '0'); };
  double seconds = two(0) * 3600.0 + two(3) * 60.0;
  if (t.size() == 8) {
    seconds += two(6);
  }
  return seconds;
}

// The parameters each distribution kind takes.
struct KindParameters {
  sim::DistributionKind kind;
  const char* name;
  std::vector<const char*> parameters;
};

const std::vector<KindParameters>& kinds() {
  static const std::vector<KindParameters> table = {
      {sim::DistributionKind::deterministic, "deterministic", {"mean"}},
      {sim::DistributionKind::exponential, "exponential", {"mean"}},
      {sim::DistributionKind::lognormal, "lognormal", {"mean", "cv"}},
      {sim::DistributionKind::gamma, "gamma", {"mean", "cv"}},
      {sim::DistributionKind::normal, "normal", {"mean", "stddev"}},
      {sim::DistributionKind::uniform, "uniform", {"low", "high"}},
      {sim::DistributionKind::empirical, "empirical", {"data"}},
  };
  return table;
}

std::string takes(const KindParameters& k) {
  std::string text = std::string("a ") + k.name + " distribution takes ";
  for (std::size_t i = 0; i < k.parameters.size(); ++i) {
    text += (i == 0 ? "\"" : (i + 1 == k.parameters.size() ? " and \"" : ", \"")) +
            std::string(k.parameters[i]) + "\"";
  }
  return text;
}

class Converter {
 public:
  explicit Converter(DiagnosticSink& sink) : sink_(sink) {}

  sim::Scenario convert(const json& doc, std::optional<sim::Weekday>& first_day,
                        std::string& description) {
    sim::Scenario s;
    s.name = doc.at("name").get<std::string>();
    if (const json* d = field(doc, "description")) {
      description = d->get<std::string>();
    }
    if (const json* d = field(doc, "first_day")) {
      first_day = weekday(*d);
    }
    if (const json* j = field(doc, "calendar")) {
      s.calendar = calendar(*j);
    }
    s.catalogue = catalogue(doc.at("catalogue"));
    if (const json* j = field(doc, "demand")) {
      s.demand = demand(*j);
    }
    if (const json* j = field(doc, "population")) {
      s.population = population(*j);
    }
    if (const json* j = field(doc, "behaviour")) {
      s.behaviour = behaviour(*j);
    }
    if (const json* j = field(doc, "staffing")) {
      s.staffing = staffing(*j);
    }
    if (const json* j = field(doc, "reviews")) {
      s.reviews = reviews(*j);
    }
    if (const json* j = field(doc, "policies")) {
      s.policies = policies(*j);
    }
    if (const json* j = field(doc, "replay")) {
      s.replay.recorded_service_times = flag(*j, "recorded_service_times", false);
    }
    return s;
  }

 private:
  static double number(const json& j, const char* key, double fallback) {
    const json* f = field(j, key);
    return f == nullptr ? fallback : f->get<double>();
  }
  static bool flag(const json& j, const char* key, bool fallback) {
    const json* f = field(j, key);
    return f == nullptr ? fallback : f->get<bool>();
  }
  static std::vector<std::string> strings(const json& j, const char* key) {
    std::vector<std::string> out;
    if (const json* f = field(j, key)) {
      for (const json& s : *f) {
        out.push_back(s.get<std::string>());
      }
    }
    return out;
  }
  static std::vector<sim::Weekday> days(const json& j) {
    std::vector<sim::Weekday> out;
    if (const json* f = field(j, "days")) {
      for (const json& d : *f) {
        out.push_back(weekday(d));
      }
    }
    return out;
  }
  static sim::ClockInterval interval(const json& j) {
    return {clock(j.at("begin")), clock(j.at("end"))};
  }

  // What a distribution describes: a duration cannot be negative, an offset may.
  enum class Role { duration, offset };

  sim::DistributionSpec distribution(const json* j, const std::string& ptr,
                                     const sim::DistributionSpec& fallback, Role role) {
    if (j == nullptr) {
      return fallback;
    }
    const std::string kind_name = j->at("kind").get<std::string>();
    const KindParameters* kind = nullptr;
    for (const KindParameters& k : kinds()) {
      if (kind_name == k.name) {
        kind = &k;
      }
    }
    if (kind == nullptr) {
      return fallback;  // the schema lists the same names
    }
    sim::DistributionSpec d;
    d.kind = kind->kind;
    bool complete = true;
    for (const char* p : kind->parameters) {
      if (!j->contains(p)) {
        sink_.error(ptr, "the " + kind_name + " distribution has no \"" + std::string(p) + "\"",
                    "add it: " + takes(*kind));
        complete = false;
      }
    }
    for (const char* p : {"mean", "cv", "stddev", "low", "high", "data"}) {
      const bool used = std::find_if(kind->parameters.begin(), kind->parameters.end(),
                                     [p](const char* q) { return std::string(p) == q; }) !=
                        kind->parameters.end();
      if (!used && j->contains(p)) {
        sink_.error(
            ptr + "/" + p,
            "\"" + std::string(p) + "\" is not a parameter of a " + kind_name + " distribution",
            "remove it (" + takes(*kind) + ") or change \"kind\"");
        complete = false;
      }
    }
    if (!complete) {
      return fallback;
    }
    d.mean = number(*j, "mean", 0.0);
    d.cv = d.kind == sim::DistributionKind::exponential ? 1.0 : number(*j, "cv", 0.0);
    d.stddev = number(*j, "stddev", 0.0);
    d.low = number(*j, "low", 0.0);
    d.high = number(*j, "high", 0.0);
    if (const json* data = field(*j, "data")) {
      for (const json& x : *data) {
        d.data.push_back(x.get<double>());
      }
    }
    if (role == Role::duration) {
      check_duration(d, ptr);
    }
    if (d.kind == sim::DistributionKind::uniform && d.low > d.high) {
      sink_.error(ptr + "/high",
                  "the upper end " + format_number(d.high) + " is below the lower end " +
                      format_number(d.low),
                  "give low <= high");
      return fallback;
    }
    try {
      (void)sim::make_distribution(d);
    } catch (const std::invalid_argument& e) {
      sink_.error(ptr, std::string("not a usable distribution: ") + e.what(),
                  "change its parameters");
      return fallback;
    }
    return d;
  }

  void check_duration(const sim::DistributionSpec& d, const std::string& ptr) {
    using K = sim::DistributionKind;
    switch (d.kind) {
      case K::deterministic:
        if (d.mean < 0.0) {
          sink_.error(ptr + "/mean", "a duration of " + format_number(d.mean) + " s is negative",
                      "write 0 or more seconds");
        }
        break;
      case K::exponential:
      case K::lognormal:
      case K::gamma:
        if (!(d.mean > 0.0)) {
          sink_.error(ptr + "/mean",
                      "the mean duration must be more than 0 s, not " + format_number(d.mean),
                      "write the mean in seconds, e.g. 600 for ten minutes");
        }
        break;
      case K::normal:
        sink_.error(ptr + "/kind", "a normal distribution gives negative durations",
                    "use \"lognormal\" or \"gamma\" by mean and cv for a duration");
        break;
      case K::uniform:
        if (d.low < 0.0) {
          sink_.error(ptr + "/low", "a duration cannot start below 0 s",
                      "write a lower end of 0 or more seconds");
        }
        break;
      case K::empirical:
        for (std::size_t i = 0; i < d.data.size(); ++i) {
          if (d.data[i] < 0.0) {
            sink_.error(ptr + "/data/" + std::to_string(i),
                        "a duration of " + format_number(d.data[i]) + " s is negative",
                        "write 0 or more seconds");
          }
        }
        break;
    }
  }

  sim::Calendar calendar(const json& j) {
    sim::Calendar c;
    if (const json* list = field(j, "days")) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        c.days[i] = day((*list)[i], i, c.days[i]);
      }
    }
    c.lunch_counters = strings(j, "lunch_counters");
    c.extended_counters = strings(j, "extended_counters");
    if (const json* f = field(j, "closing")) {
      c.closing = f->get<std::string>() == "send_home" ? sim::ClosingPolicy::send_home
                                                       : sim::ClosingPolicy::serve_ticket_holders;
    }
    return c;
  }

  // Missing fields keep the default week's value for that day.
  sim::DayHours day(const json& j, std::size_t index, sim::DayHours d) {
    const std::string ptr = "/calendar/days/" + std::to_string(index);
    if (const json* label = field(j, "day")) {
      const std::string name = label->get<std::string>();
      if (name != kDayNames[index]) {
        sink_.error(ptr + "/day",
                    "entry " + std::to_string(index + 1) + " of the days is for " +
                        kDayNames[index] + ", but it says \"" + name + "\"",
                    "list the seven days in order, Monday first");
      }
    }
    const bool hours_given = j.contains("open_time") || j.contains("close_time");
    d.open = flag(j, "open", hours_given ? true : d.open);
    if (const json* f = field(j, "open_time")) {
      d.open_time = clock(*f);
    }
    if (const json* f = field(j, "close_time")) {
      d.close_time = clock(*f);
    }
    if (const json* f = field(j, "lunch_break")) {
      d.lunch_break = interval(*f);
      d.has_lunch_break = true;
      if (!flag(j, "has_lunch_break", true)) {
        sink_.error(ptr + "/has_lunch_break",
                    "a lunch break is given, but has_lunch_break is false",
                    "remove \"lunch_break\" or set has_lunch_break to true");
      }
    } else {
      // A day that gives its hours gives its lunch break too: without one it has none.
      d.has_lunch_break = flag(j, "has_lunch_break", hours_given ? false : d.has_lunch_break);
    }
    if (const json* f = field(j, "extended_until")) {
      d.extended_until = clock(*f);
    }
    return d;
  }

  sim::ServiceCatalogue catalogue(const json& j) {
    sim::ServiceCatalogue c;
    const json& items = j.at("items");
    for (std::size_t i = 0; i < items.size(); ++i) {
      c.items.push_back(item(items[i], i));
    }
    c.complaint_time = distribution(field(j, "complaint_time"), "/catalogue/complaint_time",
                                    c.complaint_time, Role::duration);
    c.consultation_time =
        distribution(field(j, "consultation_time"), "/catalogue/consultation_time",
                     c.consultation_time, Role::duration);
    c.ticket_time = distribution(field(j, "ticket_time"), "/catalogue/ticket_time", c.ticket_time,
                                 Role::duration);
    c.failed_service_fraction = number(j, "failed_service_fraction", c.failed_service_fraction);
    return c;
  }

  sim::ServiceItem item(const json& j, std::size_t index) {
    const std::string ptr = "/catalogue/items/" + std::to_string(index);
    sim::ServiceItem it;
    it.id = j.at("id").get<std::string>();
    if (const json* f = field(j, "name")) {
      it.name = f->get<std::string>();
    }
    it.service_time = distribution(field(j, "service_time"), ptr + "/service_time", it.service_time,
                                   Role::duration);
    if (j.contains("counter_types")) {
      it.counter_types = strings(j, "counter_types");
    }
    it.counters = strings(j, "counters");
    it.kiosk_share = number(j, "kiosk_share", it.kiosk_share);
    it.kiosk_time =
        distribution(field(j, "kiosk_time"), ptr + "/kiosk_time", it.kiosk_time, Role::duration);
    it.consultation_share = number(j, "consultation_share", it.consultation_share);
    it.missing_materials = number(j, "missing_materials", it.missing_materials);
    it.cannot_be_done = number(j, "cannot_be_done", it.cannot_be_done);
    if (const json* list = field(j, "follow_on")) {
      for (const json& f : *list) {
        it.follow_on.push_back(
            {f.at("item").get<std::string>(), f.at("probability").get<double>()});
      }
    }
    return it;
  }

  sim::Demand demand(const json& j) {
    sim::Demand d;
    if (const json* list = field(j, "items")) {
      for (std::size_t i = 0; i < list->size(); ++i) {
        d.items.push_back(item_demand((*list)[i], i));
      }
    }
    if (const json* a = field(j, "appointments")) {
      if (const json* list = field(*a, "slots")) {
        for (const json& s : *list) {
          d.appointments.slots.push_back(slots(s));
        }
      }
      d.appointments.no_show = number(*a, "no_show", d.appointments.no_show);
      d.appointments.punctuality =
          distribution(field(*a, "punctuality"), "/demand/appointments/punctuality",
                       d.appointments.punctuality, Role::offset);
    }
    return d;
  }

  sim::ItemDemand item_demand(const json& j, std::size_t index) {
    const std::string ptr = "/demand/items/" + std::to_string(index);
    sim::ItemDemand d;
    d.item = j.at("item").get<std::string>();
    const json* hourly = field(j, "hourly_rate");
    const json* total = field(j, "daily_total");
    const json* shape = field(j, "hourly_shape");
    if ((hourly == nullptr) == (total == nullptr)) {
      sink_.error(ptr,
                  hourly == nullptr ? "the demand gives neither \"hourly_rate\" nor \"daily_total\""
                                    : "the demand gives both \"hourly_rate\" and \"daily_total\"",
                  "give exactly one: hourly_rate (7 lists of 24 rates) or daily_total (7 totals, "
                  "with an optional hourly_shape)");
    }
    if (hourly != nullptr && shape != nullptr) {
      sink_.error(ptr + "/hourly_shape", "an hourly shape goes with a daily total, not with rates",
                  "remove \"hourly_shape\", or give \"daily_total\" instead of \"hourly_rate\"");
    }
    if (hourly != nullptr) {
      d.form = sim::RateForm::hourly;
      for (std::size_t w = 0; w < hourly->size(); ++w) {
        for (std::size_t h = 0; h < 24; ++h) {
          d.hourly_rate[w][h] = (*hourly)[w][h].get<double>();
        }
      }
    } else if (total != nullptr) {
      d.form = sim::RateForm::daily_total;
      for (std::size_t w = 0; w < total->size(); ++w) {
        d.daily_total[w] = (*total)[w].get<double>();
      }
      if (shape != nullptr) {
        for (std::size_t h = 0; h < 24; ++h) {
          d.hourly_shape[h] = (*shape)[h].get<double>();
        }
      }
    }
    return d;
  }

  static sim::AppointmentSlots slots(const json& j) {
    sim::AppointmentSlots a;
    a.item = j.at("item").get<std::string>();
    a.days = days(j);
    if (const json* f = field(j, "first_slot")) {
      a.first_slot = clock(*f);
    }
    if (const json* f = field(j, "last_slot_end")) {
      a.last_slot_end = clock(*f);
    }
    a.slot_length = number(j, "slot_length", a.slot_length);
    if (const json* f = field(j, "bookings_per_slot")) {
      a.bookings_per_slot = f->get<int>();
    }
    a.booked_share = number(j, "booked_share", a.booked_share);
    return a;
  }

  static sim::Population population(const json& j) {
    sim::Population p;
    p.elderly_share = number(j, "elderly_share", p.elderly_share);
    p.wheelchair_share = number(j, "wheelchair_share", p.wheelchair_share);
    p.walking_speed = number(j, "walking_speed", p.walking_speed);
    p.elderly_walking_speed = number(j, "elderly_walking_speed", p.elderly_walking_speed);
    p.wheelchair_speed = number(j, "wheelchair_speed", p.wheelchair_speed);
    p.assisted_kiosk_factor = number(j, "assisted_kiosk_factor", p.assisted_kiosk_factor);
    return p;
  }

  sim::Behaviour behaviour(const json& j) {
    sim::Behaviour b;
    b.balk_enabled = flag(j, "balk_enabled", b.balk_enabled);
    b.balk_min = number(j, "balk_min", b.balk_min);
    b.balk_max = number(j, "balk_max", b.balk_max);
    b.renege_enabled = flag(j, "renege_enabled", b.renege_enabled);
    b.patience =
        distribution(field(j, "patience"), "/behaviour/patience", b.patience, Role::duration);
    b.standing_patience_factor = number(j, "standing_patience_factor", b.standing_patience_factor);
    b.return_share = number(j, "return_share", b.return_share);
    if (const json* f = field(j, "return_min_days")) {
      b.return_min_days = f->get<int>();
    }
    if (const json* f = field(j, "return_max_days")) {
      b.return_max_days = f->get<int>();
    }
    return b;
  }

  static sim::Staffing staffing(const json& j) {
    sim::Staffing s;
    if (const json* list = field(j, "shifts")) {
      for (const json& f : *list) {
        s.shifts.push_back({f.at("counter").get<std::string>(), days(f), interval(f.at("period"))});
      }
    }
    s.closed_counters = strings(j, "closed_counters");
    if (const json* list = field(j, "rules")) {
      for (const json& f : *list) {
        sim::DynamicRule r;
        r.counter = f.at("counter").get<std::string>();
        r.days = days(f);
        if (const json* n = field(f, "open_when_waiting_over")) {
          r.open_when_waiting_over = n->get<int>();
        }
        r.open_when_wait_over = number(f, "open_when_wait_over", r.open_when_wait_over);
        r.close_after_quiet = number(f, "close_after_quiet", r.close_after_quiet);
        r.check_every = number(f, "check_every", r.check_every);
        if (const json* a = field(f, "active")) {
          r.active = interval(*a);
        }
        s.rules.push_back(std::move(r));
      }
    }
    if (const json* f = field(j, "guidance_staff")) {
      s.guidance_staff = f->get<int>();
    }
    if (const json* c = field(j, "call")) {
      if (const json* f = field(*c, "selection")) {
        s.call.selection = f->get<std::string>() == "queue_order"
                               ? sim::CallSelection::queue_order
                               : sim::CallSelection::longest_waiting;
      }
      s.call.appointment_priority = flag(*c, "appointment_priority", s.call.appointment_priority);
      s.call.elderly_priority = flag(*c, "elderly_priority", s.call.elderly_priority);
      s.call.no_show = number(*c, "no_show", s.call.no_show);
      s.call.no_show_wait = number(*c, "no_show_wait", s.call.no_show_wait);
    }
    return s;
  }

  static sim::ReviewModel reviews(const json& j) {
    sim::ReviewModel r;
    r.target_wait = number(j, "target_wait", r.target_wait);
    r.base_bad = number(j, "base_bad", r.base_bad);
    r.per_minute_over = number(j, "per_minute_over", r.per_minute_over);
    r.max_bad = number(j, "max_bad", r.max_bad);
    r.failed_visit_bad = number(j, "failed_visit_bad", r.failed_visit_bad);
    r.review_share = number(j, "review_share", r.review_share);
    return r;
  }

  static sim::Policies policies(const json& j) {
    sim::Policies p;
    p.one_time_notification = flag(j, "one_time_notification", p.one_time_notification);
    p.notification_effect = number(j, "notification_effect", p.notification_effect);
    return p;
  }

  DiagnosticSink& sink_;
};

}  // namespace

sim::Scenario convert_scenario(const json& doc, std::optional<sim::Weekday>& first_day,
                               std::string& description, DiagnosticSink& sink) {
  return Converter(sink).convert(doc, first_day, description);
}

std::string clock_text(double seconds) {
  const auto total = static_cast<long>(std::lround(seconds));
  const long h = total / 3600;
  const long m = (total / 60) % 60;
  const long s = total % 60;
  const auto two = [](long v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); };
  std::string text = two(h) + ":" + two(m);
  if (s != 0) {
    text += ":" + two(s);
  }
  return text;
}

}  // namespace hallsim::layout::detail
