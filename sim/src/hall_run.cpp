// One run of the hall model: the visitor's path as a chain of events, the counters'
// calling system, and the measurements taken on the way.

#include <algorithm>
#include <array>
#include <cassert>
#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <string>
#include <vector>

#include "hall_compiled.hpp"
#include "hall_periods.hpp"
#include "hallsim/sim/engine.hpp"
#include "hallsim/sim/hall.hpp"

namespace hallsim::sim {

namespace {

constexpr std::uint32_t kNone = 0xffffffffU;
constexpr int kClasses = 3;                // priority classes: appointment, elderly, everyone else
constexpr double kSfpeSlope = 0.266;       // SFPE speed-density slope, m² per person
constexpr double kFreeWalkDensity = 0.54;  // people per m² below which walking is free
constexpr double kSlowestCrowdFactor = 0.1;  // a walk always ends, however full the hall

/// The key of a visitor's own random stream, or of a day's arrival stream: replication,
/// day and a number within the day, packed so that no two differ in the same run set.
std::uint64_t stream_key(std::uint64_t replication, std::uint64_t day, std::uint64_t n) {
  assert(day < (1U << 16) && n < (1U << 24));
  return (replication << 40) | (day << 24) | n;
}

/// What a visitor is doing now.
enum class State : std::uint8_t {
  walking,
  in_line,       // waiting for a ticket machine, a kiosk or a guide
  busy,          // consulting, taking a ticket, at a kiosk, complaining at the desk
  waiting_call,  // holding a ticket
  called,        // walking to the counter that called them
  at_counter,
  leaving,
  gone,
};

/// Why a visitor waits for a guide.
enum class GuideTask : std::uint8_t { consult, kiosk_help, complaint };

/// Which service line (not the ticket queues).
enum class LineKind : std::uint8_t { ticket_machine, kiosk, guidance };

/// How an arrival comes about.
enum class ArrivalKind : std::uint8_t { walk_in, appointment, replay, return_visit };

/// One counter visit of a visitor's plan, drawn on arrival.
struct VisitStage {
  std::uint32_t queue = 0;
  double service = 0.0;
  double complaint = 0.0;   // time at the complaint window if this stage cannot be done
  std::uint8_t result = 0;  // 0 done, 1 missing materials, 2 cannot be done
  bool no_show = false;
};

struct Visitor {
  double arrival = 0.0;
  double speed = 1.2;
  double patience = 0.0;
  double balk_tolerance = 0.0;
  double consult_time = 0.0;
  double ticket_time = 0.0;
  double kiosk_time = 0.0;
  double review_u = 1.0;  // < review_share: leaves a review
  double bad_u = 1.0;     // < P(bad): the review is bad
  double return_u = 1.0;  // < return_share: comes back after failing for missing materials
  double return_delay_u = 0.0;
  double return_time_u = 0.0;
  double joined = 0.0;  // when the current ticket (or line) was joined
  double total_wait = 0.0;
  EventId renege_timer;
  std::uint32_t first_stage = 0;
  std::uint32_t stages = 0;
  std::uint32_t stage = 0;  // current stage, relative to first_stage
  std::uint32_t ticket = 0;
  std::uint32_t queue = kNone;
  std::uint32_t point = 0;  // row of the walking matrix where the visitor is
  std::int32_t counter = -1;
  std::int32_t seat = -1;  // while waiting seated
  std::uint32_t day = 0;
  std::uint32_t arrival_n = 0;  // number among the day's first-time arrivals
  State state = State::walking;
  GuideTask task = GuideTask::consult;
  std::uint8_t priority = 2;
  bool elderly = false;
  bool wheelchair = false;
  bool appointment = false;
  bool consult = false;
  bool kiosk = false;
  bool replayed = false;
  bool returning = false;  // came back with the materials
  bool failed = false;
  bool counted_wait = false;  // wait statistics include this visitor's tickets
  bool has_outcome = false;
};

struct Ticket {
  std::uint32_t visitor;
  std::uint32_t number;
  double joined;
};

/// A ticket queue with one FIFO line per priority class. Tickets that left (reneged, sent
/// home) stay in the line until they reach its head: `waiting` is the exact count.
struct TicketQueue {
  std::array<std::vector<Ticket>, kClasses> lines;
  std::array<std::size_t, kClasses> heads{};
  std::size_t waiting = 0;
  bool served_after_close = false;
};

/// Servers with one FIFO line (ticket machines, kiosks, guides).
struct Line {
  int servers = 0;
  int busy = 0;
  std::vector<std::uint32_t> queue;
  std::size_t head = 0;
};

struct CounterState {
  bool open = false;
  bool busy = false;
  bool after_close = false;  // staying open after closing for the ticket holders
  bool on_hours = false;     // its hours (regular, lunch, evening, a shift) say open
  bool by_rule = false;      // its dynamic rule holds it open
  CounterChange closed_by = CounterChange::hours;  // why it is closing while busy
  double open_since = 0.0;
  double busy_since = 0.0;
  double quiet_since = -1.0;  // first rule check that saw nobody waiting, or -1
};

/// Today's hours of a dynamic rule, in simulation time.
struct RuleDay {
  double begin = 0.0;
  double end = 0.0;
};

struct PendingArrival {
  double time;
  std::uint32_t queue;
  ArrivalKind kind;
  double recorded_service;
  std::uint32_t origin_day = 0;  // return visits: the day and arrival number of the first visit
  std::uint32_t origin_n = 0;
};

/// A failed visit's return, due on a later day of the run.
struct ReturnVisit {
  int day = 0;
  double clock = 0.0;
  std::uint32_t queue = 0;
  std::uint32_t origin_day = 0;
  std::uint32_t origin_n = 0;
};

/// Piecewise-constant level integrated over fixed-width bins (the time series).
class BinnedLevel {
 public:
  explicit BinnedLevel(double step) : step_(step) {}
  void set(double t, double value) {
    integrate(t);
    value_ = value;
    auto& m = max_at(bin(t));
    m = std::max(m, value);
  }
  void finish(double t) { integrate(t); }
  double area(std::size_t b) const { return b < area_.size() ? area_[b] : 0.0; }
  double max(std::size_t b) const { return b < max_.size() ? max_[b] : 0.0; }
  std::size_t bin(double t) const { return static_cast<std::size_t>(t / step_); }

 private:
  void integrate(double t) {
    while (last_ < t) {
      const std::size_t b = bin(last_);
      const double edge = std::min(t, static_cast<double>(b + 1) * step_);
      area_at(b) += value_ * (edge - last_);
      if (value_ > 0.0) {
        max_at(b) = std::max(max_at(b), value_);
      }
      // A boundary computed as (b + 1) * step may round to last_; move on to the next bin.
      last_ = edge > last_ ? edge : std::nextafter(last_, t);
    }
  }
  double& area_at(std::size_t b) {
    if (b >= area_.size()) {
      area_.resize(b + 1, 0.0);
    }
    return area_[b];
  }
  double& max_at(std::size_t b) {
    if (b >= max_.size()) {
      max_.resize(b + 1, 0.0);
    }
    return max_[b];
  }

  double step_;
  double value_ = 0.0;
  double last_ = 0.0;
  std::vector<double> area_, max_;
};

class HallRun {
 public:
  HallRun(const detail::CompiledHall& m, const RunSettings& s, HallResult& out)
      : m_(m),
        s_(s),
        out_(out),
        source_(s.seed),
        queues_(m.queue_names.size()),
        counters_(m.layout.counters.size()),
        waiting_series_(s.series_step),
        standing_series_(s.series_step),
        open_series_(s.series_step),
        periods_(s.period_length, s.days, m.layout.counters.size(), m.counter_types.size()) {
    machines_.servers = m.layout.ticket_machines;
    kiosks_.servers = m.layout.kiosks;
    guides_.servers = m.layout.guidance_desk ? m.scenario.staffing.guidance_staff : 0;
    out_.queue_waits.resize(m.queue_names.size());
    out_.counter_type_waits.resize(m.counter_types.size());
    out_.counter_busy.assign(counters_.size(), 0.0);
    out_.counter_open.assign(counters_.size(), 0.0);
    day_ends_.assign(static_cast<std::size_t>(s.days), 0.0);
    rule_days_.resize(m.rule_counter.size());
  }

  void run() {
    sim_.schedule_at(0.0, [this] { begin_day(0); });
    sim_.run();
    finish();
  }

 private:
  // ---------------------------------------------------------------- days

  const CompiledDay& weekday(int d) const {
    return m_.days[static_cast<std::size_t>((static_cast<int>(s_.first_day) + d) % kWeekdays)];
  }

  void begin_day(int d) {
    start_day(d);
    // Scheduled after the day's own events, so that at midnight the ending day's closing
    // (a hall open until 24:00) fires before the next day begins, not after it.
    if (d + 1 < s_.days) {
      sim_.schedule_at(static_cast<double>(d + 1) * kDaySeconds, [this, d] { begin_day(d + 1); });
    }
  }

  void start_day(int d) {
    const CompiledDay& day = weekday(d);
    day_ = d;
    day_start_ = static_cast<double>(d) * kDaySeconds;
    after_hours_ = false;
    for (auto& q : queues_) {
      q.served_after_close = false;
    }
    for (auto& counter : counters_) {
      counter.after_close = false;
    }
    pending_.clear();
    next_pending_ = 0;
    arrivals_today_ = 0;
    if (!day.open && m_.replay.empty()) {
      return;
    }
    draw_arrivals(d, day);
    if (day.open) {
      // The closing event is scheduled before the counters' own events, so that at the
      // closing time it fires first and sees which counters are still open.
      sim_.schedule_at(day_start_ + day.close_time, [this] { close_hall(); });
      for (std::size_t c = 0; c < counters_.size(); ++c) {
        for (const ClockInterval& i : day.counter_hours[c]) {
          const auto k = static_cast<std::uint32_t>(c);
          sim_.schedule_at(day_start_ + i.begin, [this, k] { set_on_hours(k, true); });
          sim_.schedule_at(day_start_ + i.end, [this, k] { set_on_hours(k, false); });
        }
      }
      for (const auto& [r, active] : day.rules) {
        rule_days_[r] = {day_start_ + active.begin, day_start_ + active.end};
        check_rule_at(r, 0);
        const std::uint32_t k = r;
        sim_.schedule_at(day_start_ + active.end, [this, k] { end_rule(k); });
      }
    }
    if (!pending_.empty()) {
      sim_.schedule_at(pending_.front().time, [this] { next_arrival(); });
    }
  }

  /// All of a day's arrivals, drawn up front from streams that depend only on the
  /// replication, the day and the item, and sorted by time.
  void draw_arrivals(int d, const CompiledDay& day) {
    const auto rep = s_.replication;
    const auto dd = static_cast<std::uint64_t>(d);
    if (!m_.replay.empty()) {
      for (const CompiledRecord& r : m_.replay) {
        if (r.day != d) {
          continue;
        }
        if (!day.open || r.ticket_time < day.open_time || r.ticket_time >= day.close_time) {
          ++out_.replay_outside_hours;
          continue;
        }
        pending_.push_back(
            {day_start_ + r.ticket_time, r.queue, ArrivalKind::replay, r.recorded_service});
      }
      return;
    }
    for (const auto& [queue, process] : day.arrivals) {
      RandomStream rng = source_.stream("arrivals", stream_key(rep, dd, queue));
      for (double t = process.next_after(day.open_time - 1e-9, rng); t < day.close_time;
           t = process.next_after(t, rng)) {
        pending_.push_back({day_start_ + t, queue, ArrivalKind::walk_in, -1.0});
      }
    }
    if (!day.slots.empty()) {
      RandomStream rng = source_.stream("appointments", stream_key(rep, dd, 0));
      const auto& appts = m_.scenario.demand.appointments;
      for (const CompiledSlot& slot : day.slots) {
        for (int k = 0; k < slot.places; ++k) {
          const bool booked = rng.uniform01() < slot.booked_share;
          const bool comes = rng.uniform01() >= appts.no_show;
          const double offset = m_.punctuality(rng);
          if (!booked || !comes) {
            continue;
          }
          // Early visitors wait outside until the doors open; late ones after closing stay out.
          const double t = std::max(day.open_time, slot.start + offset);
          if (t >= day.close_time) {
            continue;
          }
          pending_.push_back({day_start_ + t, slot.queue, ArrivalKind::appointment, -1.0});
        }
      }
    }
    for (const ReturnVisit& r : returns_) {
      if (r.day == d) {
        pending_.push_back({day_start_ + r.clock, r.queue, ArrivalKind::return_visit, -1.0,
                            r.origin_day, r.origin_n});
      }
    }
    std::erase_if(returns_, [d](const ReturnVisit& r) { return r.day == d; });
    std::stable_sort(
        pending_.begin(), pending_.end(),
        [](const PendingArrival& a, const PendingArrival& b) { return a.time < b.time; });
  }

  void next_arrival() {
    const PendingArrival a = pending_[next_pending_++];
    if (next_pending_ < pending_.size()) {
      sim_.schedule_at(pending_[next_pending_].time, [this] { next_arrival(); });
    }
    arrive(a);
  }

  void close_hall() {
    after_hours_ = true;
    day_ends_[static_cast<std::size_t>(day_)] = sim_.now();
    const bool send_home = m_.scenario.calendar.closing == ClosingPolicy::send_home;
    if (!send_home) {
      for (std::size_t c = 0; c < counters_.size(); ++c) {
        if (!counters_[c].open) {
          continue;
        }
        counters_[c].after_close = true;
        for (std::uint32_t q : m_.counter_queues[c]) {
          queues_[q].served_after_close = true;
        }
      }
    }
    // The ticket machines stop issuing and the kiosks stop taking new users.
    send_home_line(machines_);
    send_home_line(kiosks_);
    send_home_guide_line(send_home);
    for (std::uint32_t q = 0; q < queues_.size(); ++q) {
      if (send_home || !queues_[q].served_after_close) {
        send_home_queue(q);
      }
    }
    if (in_hall_ == 0) {
      end_after_hours();
    }
  }

  /// The last visitor has left after closing: counters that stayed open close.
  void end_after_hours() {
    day_ends_[static_cast<std::size_t>(day_)] = sim_.now();
    for (std::uint32_t c = 0; c < counters_.size(); ++c) {
      CounterState& cs = counters_[c];
      if (cs.after_close) {
        // The staff go home with the last visitor, whatever the hours or rules say.
        cs.after_close = false;
        cs.on_hours = false;
        cs.by_rule = false;
        close_counter(c, CounterChange::hall_empty);
      }
    }
  }

  // ---------------------------------------------------------------- the visitor's path

  void arrive(const PendingArrival& a) {
    const auto v = static_cast<std::uint32_t>(visitors_.size());
    visitors_.emplace_back();
    draw_visitor(v, a);
    Visitor& x = visitors_[v];
    ++out_.arrived;
    if (x.appointment) {
      ++out_.appointments;
    }
    if (x.returning) {
      ++out_.returns;
    }
    change_in_hall(+1);
    count_arrival();
    if (x.replayed) {
      // A replayed record is the moment the ticket was taken.
      x.point = WalkingDistances::point(Spot::ticket_machine);
      note(v, TraceEvent::arrive, Spot::ticket_machine);
      issue_ticket(v);
      return;
    }
    x.point = WalkingDistances::point(Spot::entrance);
    note(v, TraceEvent::arrive, Spot::entrance);
    if (x.kiosk) {
      walk<&HallRun::reach_kiosks>(v, Spot::kiosks);
    } else if (x.consult) {
      walk<&HallRun::reach_guidance>(v, Spot::guidance_desk);
    } else {
      walk<&HallRun::reach_ticket_machine>(v, Spot::ticket_machine);
    }
  }

  /// Everything a visitor will need, drawn now in a fixed order from their own stream,
  /// so that the same visitor behaves the same whatever the staffing.
  void draw_visitor(std::uint32_t v, const PendingArrival& a) {
    Visitor& x = visitors_[v];
    const Scenario& sc = m_.scenario;
    x.returning = a.kind == ArrivalKind::return_visit;
    // A returning visitor draws from a stream named after their first visit, so that the
    // numbering of the day's first-time arrivals (and their streams) stays as it was.
    RandomStream rng =
        x.returning
            ? source_.stream("return", stream_key(s_.replication, a.origin_day, a.origin_n))
            : source_.stream("visitor", stream_key(s_.replication, static_cast<std::uint64_t>(day_),
                                                   arrivals_today_));
    if (!x.returning) {
      x.arrival_n = static_cast<std::uint32_t>(arrivals_today_++);
    }
    x.arrival = sim_.now();
    x.day = static_cast<std::uint32_t>(day_);
    x.appointment = a.kind == ArrivalKind::appointment;
    x.replayed = a.kind == ArrivalKind::replay;
    x.elderly = rng.uniform01() < sc.population.elderly_share;
    x.wheelchair = rng.uniform01() < sc.population.wheelchair_share;
    x.speed = x.wheelchair ? sc.population.wheelchair_speed
              : x.elderly  ? sc.population.elderly_walking_speed
                           : sc.population.walking_speed;
    const double u_consult = rng.uniform01();
    const double u_kiosk = rng.uniform01();
    const double kiosk_time = std::max(0.0, m_.kiosk_time[a.queue](rng));
    x.consult_time = std::max(0.0, m_.consultation_time(rng));
    x.ticket_time = std::max(0.0, m_.ticket_time(rng));
    x.patience = std::max(0.0, m_.patience(rng));
    const double u_balk = rng.uniform01();
    x.review_u = rng.uniform01();
    x.bad_u = rng.uniform01();
    const bool guides = guides_.servers > 0;
    x.kiosk = !x.replayed && u_kiosk < m_.kiosk_share[a.queue];
    x.consult = !x.replayed && !x.kiosk && guides && u_consult < m_.consultation_share[a.queue];
    x.kiosk_time =
        kiosk_time *
        ((x.elderly || x.wheelchair) && guides ? sc.population.assisted_kiosk_factor : 1.0);
    x.balk_tolerance =
        sc.behaviour.balk_min + (sc.behaviour.balk_max - sc.behaviour.balk_min) * u_balk;
    const auto& call = sc.staffing.call;
    x.priority = x.appointment && call.appointment_priority             ? 0
                 : (x.elderly || x.wheelchair) && call.elderly_priority ? 1
                                                                        : 2;
    x.first_stage = static_cast<std::uint32_t>(stages_.size());
    draw_stage(rng, a.queue, a.recorded_service, x.returning);
    for (const CompiledFollowOn& f : m_.follow_on[a.queue]) {
      if (rng.uniform01() < f.probability) {
        draw_stage(rng, f.queue, -1.0, false);
      }
    }
    x.stages = static_cast<std::uint32_t>(stages_.size()) - x.first_stage;
    // Drawn last, so that every earlier draw is what it was before returns were modelled.
    if (sc.behaviour.return_share > 0.0) {
      x.return_u = rng.uniform01();
      x.return_delay_u = rng.uniform01();
      x.return_time_u = rng.uniform01();
    }
  }

  /// One counter visit; a visitor who comes back `with_materials` cannot miss them again.
  void draw_stage(RandomStream& rng, std::uint32_t queue, double recorded, bool with_materials) {
    VisitStage st;
    st.queue = queue;
    st.no_show = rng.uniform01() < m_.scenario.staffing.call.no_show;
    const double service = std::max(0.0, m_.service[queue](rng));
    st.service = recorded >= 0.0 ? recorded : service;
    const double u_missing = rng.uniform01();
    const double u_cannot = rng.uniform01();
    st.complaint = std::max(0.0, m_.complaint_time(rng));
    if (!with_materials && u_missing < m_.missing_materials[queue]) {
      st.result = 1;
      st.service *= m_.scenario.catalogue.failed_service_fraction;
    } else if (u_cannot < m_.cannot_be_done[queue]) {
      st.result = 2;
    }
    stages_.push_back(st);
  }

  template <void (HallRun::*Then)(std::uint32_t)>
  void walk(std::uint32_t v, Spot to, std::int32_t counter = -1) {
    Visitor& x = visitors_[v];
    const std::size_t point =
        to == Spot::counter ? WalkingDistances::counter_point(static_cast<std::size_t>(counter))
                            : WalkingDistances::point(to);
    const double duration = m_.layout.walking.metres(x.point, point) / (x.speed * crowd_factor());
    x.point = static_cast<std::uint32_t>(point);
    if (x.state != State::called) {
      x.state = State::walking;
    }
    note(v, TraceEvent::walk, to, counter, -1, 0, 0, duration);
    sim_.schedule_in(duration, [this, v] { (this->*Then)(v); });
  }

  /// How much the crowd in the hall slows a walk that starts now: SFPE's speed-density
  /// relation v = k (1 - 0.266 D), D people per m² of walkable area, relative to its speed at
  /// 0.54 per m², below which people walk freely; never below kSlowestCrowdFactor.
  double crowd_factor() const {
    if (m_.layout.walkable_area <= 0.0) {
      return 1.0;
    }
    const double density = static_cast<double>(in_hall_) / m_.layout.walkable_area;
    if (density <= kFreeWalkDensity) {
      return 1.0;
    }
    return std::max(kSlowestCrowdFactor,
                    (1.0 - kSfpeSlope * density) / (1.0 - kSfpeSlope * kFreeWalkDensity));
  }

  void reach_guidance(std::uint32_t v) {
    visitors_[v].task = GuideTask::consult;
    if (after_hours_) {
      return send_home(v);
    }
    join_line(v, LineKind::guidance);
  }

  void reach_ticket_machine(std::uint32_t v) {
    if (after_hours_) {
      return send_home(v);
    }
    if (machines_.servers == 0) {
      return issue_ticket(v);
    }
    join_line(v, LineKind::ticket_machine);
  }

  void reach_kiosks(std::uint32_t v) {
    if (after_hours_) {
      return send_home(v);
    }
    visitors_[v].joined = sim_.now();
    join_line(v, LineKind::kiosk);
  }

  void reach_exit(std::uint32_t v) {
    Visitor& x = visitors_[v];
    x.state = State::gone;
    note(v, TraceEvent::leave, Spot::exit, -1, -1, 0, static_cast<std::uint8_t>(outcome_of(v)));
    change_in_hall(-1);
  }

  // ---------------------------------------------------------------- lines

  Line& line(LineKind k) {
    switch (k) {
      case LineKind::ticket_machine:
        return machines_;
      case LineKind::kiosk:
        return kiosks_;
      case LineKind::guidance:
        return guides_;
    }
    return guides_;
  }

  void join_line(std::uint32_t v, LineKind k) {
    Line& l = line(k);
    Visitor& x = visitors_[v];
    if (l.busy < l.servers && l.head == l.queue.size()) {
      ++l.busy;
      start_line_service(v, k);
      return;
    }
    x.state = State::in_line;
    l.queue.push_back(v);
  }

  void release_line(LineKind k) {
    Line& l = line(k);
    --l.busy;
    while (l.head < l.queue.size()) {
      const std::uint32_t v = l.queue[l.head++];
      if (visitors_[v].state != State::in_line) {
        continue;  // sent home meanwhile
      }
      ++l.busy;
      start_line_service(v, k);
      return;
    }
  }

  void start_line_service(std::uint32_t v, LineKind k) {
    Visitor& x = visitors_[v];
    x.state = State::busy;
    switch (k) {
      case LineKind::ticket_machine:
        sim_.schedule_in(x.ticket_time, [this, v] {
          release_line(LineKind::ticket_machine);
          issue_ticket(v);
        });
        return;
      case LineKind::kiosk:
        if ((x.elderly || x.wheelchair) && guides_.servers > 0) {
          // Holding the kiosk, the visitor waits for a guide to help.
          x.task = GuideTask::kiosk_help;
          join_line(v, LineKind::guidance);
          return;
        }
        start_kiosk(v, false);
        return;
      case LineKind::guidance:
        start_guide_task(v);
        return;
    }
  }

  void start_guide_task(std::uint32_t v) {
    Visitor& x = visitors_[v];
    switch (x.task) {
      case GuideTask::consult:
        ++out_.consultations;
        out_.guidance_busy += x.consult_time;
        note(v, TraceEvent::consult_start, Spot::guidance_desk);
        sim_.schedule_in(x.consult_time, [this, v] {
          note(v, TraceEvent::consult_end, Spot::guidance_desk);
          release_line(LineKind::guidance);
          walk<&HallRun::reach_ticket_machine>(v, Spot::ticket_machine);
        });
        return;
      case GuideTask::kiosk_help:
        start_kiosk(v, true);
        return;
      case GuideTask::complaint: {
        note(v, TraceEvent::complaint_start, Spot::guidance_desk);
        const VisitStage& st = stages_[x.first_stage + x.stage];
        out_.guidance_busy += st.complaint;
        sim_.schedule_in(st.complaint, [this, v] {
          note(v, TraceEvent::complaint_end, Spot::guidance_desk);
          release_line(LineKind::guidance);
          finish_visit(v);
        });
        return;
      }
    }
  }

  void start_kiosk(std::uint32_t v, bool helped) {
    Visitor& x = visitors_[v];
    ++out_.kiosk_visits;
    const double wait = sim_.now() - x.joined;
    out_.kiosk_waits.add(wait);
    x.total_wait += wait;
    x.state = State::busy;
    note(v, TraceEvent::kiosk_start, Spot::kiosks, -1, -1, 0, helped ? 1 : 0);
    if (helped) {
      out_.guidance_busy += x.kiosk_time;
    }
    sim_.schedule_in(x.kiosk_time, [this, v, helped] {
      note(v, TraceEvent::kiosk_end, Spot::kiosks);
      if (helped) {
        release_line(LineKind::guidance);
      }
      release_line(LineKind::kiosk);
      finish_visit(v);
    });
  }

  void send_home_line(Line& l) {
    for (; l.head < l.queue.size(); ++l.head) {
      const std::uint32_t v = l.queue[l.head];
      if (visitors_[v].state == State::in_line) {
        send_home(v);
      }
    }
  }

  /// At closing: consultations not begun end (no more tickets today); kiosk help and
  /// complaints go on unless everyone is sent home.
  void send_home_guide_line(bool everyone) {
    std::vector<std::uint32_t> keep;
    for (; guides_.head < guides_.queue.size(); ++guides_.head) {
      const std::uint32_t v = guides_.queue[guides_.head];
      Visitor& x = visitors_[v];
      if (x.state != State::in_line) {
        continue;
      }
      if (everyone || x.task == GuideTask::consult) {
        if (x.task == GuideTask::kiosk_help) {
          release_line(LineKind::kiosk);
        }
        send_home(v);
      } else {
        keep.push_back(v);
      }
    }
    guides_.queue = std::move(keep);
    guides_.head = 0;
  }

  // ---------------------------------------------------------------- tickets and calls

  void issue_ticket(std::uint32_t v) {
    Visitor& x = visitors_[v];
    const VisitStage& st = stages_[x.first_stage + x.stage];
    if (after_hours_ && !queues_[st.queue].served_after_close) {
      return send_home(v);
    }
    const Behaviour& b = m_.scenario.behaviour;
    const auto ahead = static_cast<double>(queues_[st.queue].waiting);
    if (b.balk_enabled && !x.appointment && !x.replayed && ahead > x.balk_tolerance) {
      note(v, TraceEvent::balk, Spot::ticket_machine, -1, static_cast<std::int32_t>(st.queue));
      if (periods_.enabled()) {
        ++periods_.at(sim_.now()).balked;
      }
      set_outcome(v, Outcome::balked);
      walk<&HallRun::reach_exit>(v, Spot::exit);
      return;
    }
    x.counted_wait = sim_.now() >= day_start_ + weekday(day_).open_time + s_.warmup;
    join_queue(v, st.queue);
  }

  /// Takes a ticket in `q` (first visit or a transfer from a counter).
  void join_queue(std::uint32_t v, std::uint32_t q) {
    Visitor& x = visitors_[v];
    TicketQueue& tq = queues_[q];
    x.ticket = ++tickets_;
    x.queue = q;
    x.joined = sim_.now();
    x.state = State::waiting_call;
    tq.lines[x.priority].push_back({v, x.ticket, x.joined});
    ++tq.waiting;
    if (periods_.enabled()) {
      ++periods_.at(x.joined).tickets;
    }
    const bool standing = waiting_ >= m_.layout.seats;
    change_waiting(+1);
    note(v, TraceEvent::ticket, spot_of(x.point), -1, static_cast<std::int32_t>(q), x.ticket,
         x.priority);
    // An idle open counter that may serve the queue calls the ticket at once: such a
    // counter has nothing else waiting, since a counter that frees up calls at once.
    for (std::uint32_t c : m_.queue_counters[q]) {
      if (counters_[c].open && !counters_[c].busy) {
        call(c, take_ticket(q, x.priority));
        return;
      }
    }
    x.point = static_cast<std::uint32_t>(WalkingDistances::point(Spot::waiting_area));
    x.seat = take_seat();
    assert(standing == (x.seat < 0));
    if (standing) {
      standing_.push_back({v, x.ticket, 0.0});
    }
    note(v, TraceEvent::wait, Spot::waiting_area, -1, static_cast<std::int32_t>(q), x.ticket,
         standing ? 1 : 0, 0.0, x.seat);
    const Behaviour& b = m_.scenario.behaviour;
    if (b.renege_enabled) {
      const double patience = x.patience * (standing ? b.standing_patience_factor : 1.0);
      x.renege_timer = sim_.schedule_in(patience, [this, v] { renege(v); });
    }
  }

  /// The lowest free seat, or -1 when all are taken.
  std::int32_t take_seat() {
    if (!free_seats_.empty()) {
      std::pop_heap(free_seats_.begin(), free_seats_.end(), std::greater<>());
      const std::int32_t seat = free_seats_.back();
      free_seats_.pop_back();
      return seat;
    }
    return next_seat_ < m_.layout.seats ? next_seat_++ : -1;
  }

  /// A waiting visitor has stopped waiting (called, gone): their seat goes to whoever has
  /// stood longest, or becomes free.
  void release_seat(std::uint32_t v) {
    Visitor& x = visitors_[v];
    const std::int32_t seat = x.seat;
    if (seat < 0) {
      return;
    }
    x.seat = -1;
    while (standing_head_ < standing_.size()) {
      const Ticket t = standing_[standing_head_++];
      Visitor& y = visitors_[t.visitor];
      if (t.visitor != v && y.state == State::waiting_call && y.ticket == t.number && y.seat < 0) {
        y.seat = seat;
        note(t.visitor, TraceEvent::sit, Spot::waiting_area, -1, static_cast<std::int32_t>(y.queue),
             y.ticket, 0, 0.0, seat);
        return;
      }
    }
    standing_.clear();
    standing_head_ = 0;
    free_seats_.push_back(seat);
    std::push_heap(free_seats_.begin(), free_seats_.end(), std::greater<>());
  }

  /// Valid head of one priority line of a queue, skipping tickets that left.
  const Ticket* head(TicketQueue& q, int cls) {
    auto& l = q.lines[static_cast<std::size_t>(cls)];
    auto& h = q.heads[static_cast<std::size_t>(cls)];
    while (h < l.size()) {
      const Ticket& t = l[h];
      const Visitor& x = visitors_[t.visitor];
      if (x.state == State::waiting_call && x.ticket == t.number) {
        return &t;
      }
      ++h;
    }
    return nullptr;
  }

  /// Removes and returns the visitor at the head of a queue's priority line.
  std::uint32_t take_ticket(std::uint32_t q, int cls) {
    TicketQueue& tq = queues_[q];
    const Ticket* t = head(tq, cls);
    assert(t != nullptr);
    const std::uint32_t v = t->visitor;
    ++tq.heads[static_cast<std::size_t>(cls)];
    --tq.waiting;
    change_waiting(-1);
    return v;
  }

  /// The counter calls the next ticket it may serve, if any.
  void call_next(std::uint32_t c) {
    const CallSelection rule = m_.scenario.staffing.call.selection;
    std::uint32_t best_q = kNone;
    int best_cls = kClasses;
    double best_joined = 0.0;
    std::uint32_t best_number = 0;
    for (std::uint32_t q : m_.counter_queues[c]) {
      TicketQueue& tq = queues_[q];
      if (tq.waiting == 0) {
        continue;
      }
      for (int cls = 0; cls < kClasses; ++cls) {
        const Ticket* t = head(tq, cls);
        if (t == nullptr) {
          continue;
        }
        const bool better =
            best_q == kNone || cls < best_cls ||
            (cls == best_cls &&
             (t->joined < best_joined || (t->joined == best_joined && t->number < best_number)));
        if (better) {
          best_q = q;
          best_cls = cls;
          best_joined = t->joined;
          best_number = t->number;
        }
        break;  // the first non-empty class is this queue's best ticket
      }
      if (rule == CallSelection::queue_order && best_q != kNone) {
        break;
      }
    }
    if (best_q != kNone) {
      call(c, take_ticket(best_q, best_cls));
    }
  }

  void call(std::uint32_t c, std::uint32_t v) {
    CounterState& cs = counters_[c];
    assert(cs.open && !cs.busy);
    cs.busy = true;
    cs.busy_since = sim_.now();
    Visitor& x = visitors_[v];
    if (x.renege_timer) {
      sim_.cancel(x.renege_timer);
      x.renege_timer = EventId{};
    }
    x.counter = static_cast<std::int32_t>(c);
    const VisitStage& st = stages_[x.first_stage + x.stage];
    note(v, TraceEvent::call, Spot::counter, x.counter, static_cast<std::int32_t>(x.queue),
         x.ticket);
    release_seat(v);
    if (st.no_show) {
      // The visitor is gone: the counter waits for the call to be answered, then moves on.
      note(v, TraceEvent::no_show, Spot::counter, x.counter, static_cast<std::int32_t>(x.queue),
           x.ticket);
      set_outcome(v, Outcome::missed_call);
      if (periods_.enabled()) {
        ++periods_.at(x.joined).abandoned;
      }
      x.state = State::gone;
      note(v, TraceEvent::leave, Spot::exit, -1, -1, 0,
           static_cast<std::uint8_t>(Outcome::missed_call));
      change_in_hall(-1);
      sim_.schedule_in(m_.scenario.staffing.call.no_show_wait, [this, c] { free_counter(c); });
      return;
    }
    const double wait = sim_.now() - x.joined;
    x.total_wait += wait;
    if (x.counted_wait) {
      out_.waits.add(wait);
      out_.queue_waits[x.queue].add(wait);
      out_.counter_type_waits[m_.counter_type_of[c]].add(wait);
      count_call(wait);
    }
    if (periods_.enabled()) {
      // Staffing targets read "visitors taking a ticket at 10:00–10:30 wait under 15 min".
      PeriodStats& p = periods_.at(x.joined);
      ++p.answered;
      p.waits.add(wait);
      p.counter_type_waits[m_.counter_type_of[c]].add(wait);
    }
    x.state = State::called;
    walk<&HallRun::reach_counter>(v, Spot::counter, x.counter);
  }

  void reach_counter(std::uint32_t v) {
    Visitor& x = visitors_[v];
    x.state = State::at_counter;
    const VisitStage& st = stages_[x.first_stage + x.stage];
    note(v, TraceEvent::service_start, Spot::counter, x.counter, static_cast<std::int32_t>(x.queue),
         x.ticket);
    sim_.schedule_in(st.service, [this, v] { end_service(v); });
  }

  void end_service(std::uint32_t v) {
    Visitor& x = visitors_[v];
    const VisitStage st = stages_[x.first_stage + x.stage];
    const auto c = static_cast<std::uint32_t>(x.counter);
    note(v, TraceEvent::service_end, Spot::counter, x.counter, static_cast<std::int32_t>(x.queue),
         x.ticket, st.result);
    x.counter = -1;
    free_counter(c);
    if (st.result == 1) {
      ++out_.missing_materials;
      x.failed = true;
      plan_return(v, st.queue);
      return finish_visit(v);
    }
    if (st.result == 2) {
      ++out_.complaints;
      x.failed = true;
      if (m_.complaint_window) {
        // The complaint takes the place of the rest of the plan.
        VisitStage complaint;
        complaint.queue = m_.complaint_queue;
        complaint.service = st.complaint;
        x.first_stage = static_cast<std::uint32_t>(stages_.size());
        x.stage = 0;
        x.stages = 1;
        stages_.push_back(complaint);
        return transfer(v, m_.complaint_queue);
      }
      if (guides_.servers > 0) {
        x.task = GuideTask::complaint;
        walk<&HallRun::reach_complaint_desk>(v, Spot::guidance_desk);
        return;
      }
      return finish_visit(v);
    }
    if (x.stage + 1 < x.stages) {
      ++x.stage;
      return transfer(v, stages_[x.first_stage + x.stage].queue);
    }
    finish_visit(v);
  }

  /// A first visit failed for missing materials: the visitor may come back with them some
  /// open days later, at a time drawn uniformly over that day's opening hours.
  void plan_return(std::uint32_t v, std::uint32_t queue) {
    const Visitor& x = visitors_[v];
    const Behaviour& b = m_.scenario.behaviour;
    if (x.returning || x.replayed || !(x.return_u < b.return_share)) {
      return;
    }
    const int span = b.return_max_days - b.return_min_days + 1;
    const int delay =
        b.return_min_days + std::min(span - 1, static_cast<int>(x.return_delay_u * span));
    // Count open days after the visit's day; a day that has already begun (a visit that
    // ran past midnight) is skipped.
    int open_days = 0;
    for (int d = static_cast<int>(x.day) + 1; d < s_.days; ++d) {
      if (!weekday(d).open || d <= day_) {
        continue;
      }
      if (++open_days == delay) {
        const CompiledDay& day = weekday(d);
        const double clock = day.open_time + x.return_time_u * (day.close_time - day.open_time);
        returns_.push_back({d, clock, queue, x.day, x.arrival_n});
        return;
      }
    }
    ++out_.returns_pending;
  }

  void reach_complaint_desk(std::uint32_t v) {
    if (after_hours_ && m_.scenario.calendar.closing == ClosingPolicy::send_home) {
      return send_home(v);
    }
    visitors_[v].task = GuideTask::complaint;
    join_line(v, LineKind::guidance);
  }

  /// The counter passes the visitor on to another queue (a follow-on item or a complaint).
  void transfer(std::uint32_t v, std::uint32_t q) {
    if (after_hours_ && (m_.scenario.calendar.closing == ClosingPolicy::send_home ||
                         !queues_[q].served_after_close)) {
      return send_home(v);
    }
    join_queue(v, q);
  }

  void free_counter(std::uint32_t c) {
    CounterState& cs = counters_[c];
    assert(cs.busy);
    cs.busy = false;
    out_.counter_busy[c] += sim_.now() - cs.busy_since;
    if (periods_.enabled()) {
      periods_.add_busy(c, cs.busy_since, sim_.now());
    }
    if (cs.open) {
      call_next(c);
    } else {
      // It closed while busy: its staffed time ends with this visitor.
      add_open_time(c);
      change_open(-1);
      note_counter(c, TraceEvent::counter_close, cs.closed_by);
    }
  }

  /// The counter's hours (regular, lunch, evening, a shift) begin or end.
  void set_on_hours(std::uint32_t c, bool on) {
    counters_[c].on_hours = on;
    staff(c, CounterChange::hours);
  }

  /// Opens or closes the counter as its hours and its rule now say.
  void staff(std::uint32_t c, CounterChange why) {
    const CounterState& cs = counters_[c];
    const bool wanted = cs.on_hours || cs.by_rule;
    if (wanted && !cs.open) {
      open_counter(c, why);
    } else if (!wanted && cs.open) {
      close_counter(c, why);
    }
  }

  void open_counter(std::uint32_t c, CounterChange why) {
    CounterState& cs = counters_[c];
    if (cs.open) {
      return;
    }
    if (cs.busy) {
      // Re-opened before finishing the visitor it had when closing: one staffed span.
      cs.open = true;
      return;
    }
    cs.open = true;
    cs.open_since = sim_.now();
    change_open(+1);
    note_counter(c, TraceEvent::counter_open, why);
    call_next(c);
  }

  void close_counter(std::uint32_t c, CounterChange why) {
    CounterState& cs = counters_[c];
    if (!cs.open || cs.after_close) {
      return;
    }
    cs.open = false;
    cs.closed_by = why;
    if (!cs.busy) {
      add_open_time(c);
      change_open(-1);
      note_counter(c, TraceEvent::counter_close, why);
    }
  }

  // ---------------------------------------------------------------- dynamic rules

  /// Schedules the rule's k-th look at the queue today, if it falls within its hours
  /// (computed from the start, not accumulated).
  void check_rule_at(std::uint32_t r, std::uint32_t k) {
    const RuleDay& d = rule_days_[r];
    const double t = d.begin + static_cast<double>(k) * m_.scenario.staffing.rules[r].check_every;
    if (t >= d.end) {
      return;
    }
    sim_.schedule_at(t, [this, r, k] {
      check_rule(r);
      check_rule_at(r, k + 1);
    });
  }

  /// A supervisor looks at the screen: opens the backup counter if too many wait or the
  /// longest wait is too long; closes it when nobody has waited for it long enough.
  void check_rule(std::uint32_t r) {
    const DynamicRule& rule = m_.scenario.staffing.rules[r];
    const std::uint32_t c = m_.rule_counter[r];
    CounterState& cs = counters_[c];
    std::size_t waiting = 0;
    double first_joined = sim_.now();
    for (std::uint32_t q : m_.counter_queues[c]) {
      TicketQueue& tq = queues_[q];
      waiting += tq.waiting;
      for (int cls = 0; cls < kClasses && tq.waiting > 0; ++cls) {
        if (const Ticket* t = head(tq, cls)) {
          first_joined = std::min(first_joined, t->joined);
        }
      }
    }
    if (!cs.by_rule) {
      const bool too_many = rule.open_when_waiting_over >= 0 &&
                            waiting > static_cast<std::size_t>(rule.open_when_waiting_over);
      const bool too_long =
          rule.open_when_wait_over >= 0.0 && sim_.now() - first_joined > rule.open_when_wait_over;
      if (too_many || too_long) {
        cs.by_rule = true;
        cs.quiet_since = -1.0;
        staff(c, CounterChange::rule);
      }
      return;
    }
    if (waiting > 0) {
      cs.quiet_since = -1.0;
      return;
    }
    if (cs.quiet_since < 0.0) {
      cs.quiet_since = sim_.now();
    }
    if (sim_.now() - cs.quiet_since >= rule.close_after_quiet) {
      cs.by_rule = false;
      staff(c, CounterChange::rule);
    }
  }

  /// The rule's hours are over: the counter closes unless its hours keep it open.
  void end_rule(std::uint32_t r) {
    const std::uint32_t c = m_.rule_counter[r];
    counters_[c].by_rule = false;
    staff(c, CounterChange::rule);
  }

  /// The counter's staffed span that began at open_since ends now.
  void add_open_time(std::uint32_t c) {
    const double since = counters_[c].open_since;
    out_.counter_open[c] += sim_.now() - since;
    if (periods_.enabled()) {
      periods_.add_open(c, since, sim_.now());
    }
  }

  void renege(std::uint32_t v) {
    Visitor& x = visitors_[v];
    x.renege_timer = EventId{};
    leave_queue(v);
    note(v, TraceEvent::renege, Spot::waiting_area, -1, static_cast<std::int32_t>(x.queue),
         x.ticket);
    release_seat(v);
    set_outcome(v, Outcome::reneged);
    walk<&HallRun::reach_exit>(v, Spot::exit);
  }

  /// The visitor gives up their ticket; the entry stays in the line and is skipped later.
  void leave_queue(std::uint32_t v) {
    Visitor& x = visitors_[v];
    assert(x.state == State::waiting_call);
    --queues_[x.queue].waiting;
    change_waiting(-1);
    x.state = State::leaving;
    if (periods_.enabled()) {
      ++periods_.at(x.joined).abandoned;
    }
  }

  void send_home_queue(std::uint32_t q) {
    TicketQueue& tq = queues_[q];
    for (int cls = 0; cls < kClasses; ++cls) {
      while (const Ticket* t = head(tq, cls)) {
        const std::uint32_t v = t->visitor;
        ++tq.heads[static_cast<std::size_t>(cls)];
        send_home(v);
      }
    }
  }

  void send_home(std::uint32_t v) {
    Visitor& x = visitors_[v];
    if (x.state == State::waiting_call) {
      if (x.renege_timer) {
        sim_.cancel(x.renege_timer);
        x.renege_timer = EventId{};
      }
      leave_queue(v);
    }
    note(v, TraceEvent::sent_home, spot_of(x.point));
    release_seat(v);
    set_outcome(v, Outcome::sent_home);
    walk<&HallRun::reach_exit>(v, Spot::exit);
  }

  void finish_visit(std::uint32_t v) {
    Visitor& x = visitors_[v];
    const ReviewModel& r = m_.scenario.reviews;
    if (x.review_u < r.review_share) {
      const double over = std::max(0.0, x.total_wait - r.target_wait) / 60.0;
      double p = std::min(r.max_bad, r.base_bad + r.per_minute_over * over);
      if (x.failed) {
        p += r.failed_visit_bad;
      }
      const bool bad = x.bad_u < std::min(1.0, p);
      ++out_.reviews;
      if (bad) {
        ++out_.bad_reviews;
      }
      note(v, TraceEvent::review, spot_of(x.point), -1, -1, 0, bad ? 1 : 0);
    }
    set_outcome(v, Outcome::served);
    walk<&HallRun::reach_exit>(v, Spot::exit);
  }

  // ---------------------------------------------------------------- measurements

  Outcome outcome_of(std::uint32_t v) const { return outcomes_[v]; }

  void set_outcome(std::uint32_t v, Outcome o) {
    Visitor& x = visitors_[v];
    assert(!x.has_outcome);
    x.has_outcome = true;
    x.state = State::leaving;
    if (outcomes_.size() <= v) {
      outcomes_.resize(v + 1, Outcome::inside);
    }
    outcomes_[v] = o;
    switch (o) {
      case Outcome::served:
        ++out_.served;
        break;
      case Outcome::balked:
        ++out_.balked;
        break;
      case Outcome::reneged:
        ++out_.reneged;
        break;
      case Outcome::missed_call:
        ++out_.missed_call;
        break;
      case Outcome::sent_home:
        ++out_.sent_home;
        break;
      case Outcome::inside:
        break;
    }
  }

  Spot spot_of(std::uint32_t point) const {
    return point >= kNamedSpots ? Spot::counter : static_cast<Spot>(point);
  }

  void change_in_hall(int delta) {
    in_hall_ += delta;
    out_.peak_in_hall = std::max(out_.peak_in_hall, in_hall_);
    if (in_hall_ == 0 && after_hours_) {
      end_after_hours();
    }
  }

  void change_waiting(int delta) {
    waiting_ += delta;
    const int standing = std::max(0, waiting_ - m_.layout.seats);
    out_.peak_waiting = std::max(out_.peak_waiting, waiting_);
    out_.peak_standing = std::max(out_.peak_standing, standing);
    if (s_.record_series) {
      waiting_series_.set(sim_.now(), waiting_);
      standing_series_.set(sim_.now(), standing);
    }
  }

  void change_open(int delta) {
    open_counters_ += delta;
    if (s_.record_series) {
      open_series_.set(sim_.now(), open_counters_);
    }
  }

  void count_arrival() {
    if (!s_.record_series) {
      return;
    }
    bin_at(waiting_series_.bin(sim_.now())).arrivals += 1;
  }

  void count_call(double wait) {
    if (!s_.record_series) {
      return;
    }
    SeriesBin& b = bin_at(waiting_series_.bin(sim_.now()));
    b.calls += 1;
    b.mean_wait += wait;  // a sum until finish()
    b.max_wait = std::max(b.max_wait, wait);
  }

  SeriesBin& bin_at(std::size_t b) {
    if (b >= bins_.size()) {
      bins_.resize(b + 1);
    }
    return bins_[b];
  }

  void note(std::uint32_t v, TraceEvent e, Spot spot, std::int32_t counter = -1,
            std::int32_t queue = -1, std::uint32_t ticket = 0, std::uint8_t detail = 0,
            double duration = 0.0, std::int32_t seat = -1) {
    if (!s_.record_trace) {
      return;
    }
    out_.trace.push_back({sim_.now(), v, e, spot, detail, counter, queue, ticket, duration, seat});
  }

  void note_counter(std::uint32_t c, TraceEvent e, CounterChange why) {
    if (!s_.record_trace) {
      return;
    }
    out_.trace.push_back({sim_.now(), kNoVisitor, e, Spot::counter, static_cast<std::uint8_t>(why),
                          static_cast<std::int32_t>(c), -1, 0, 0.0});
  }

  void finish() {
    const double end = sim_.now();
    out_.end_time = end;
    for (std::uint32_t c = 0; c < counters_.size(); ++c) {
      if (counters_[c].open || counters_[c].busy) {
        add_open_time(c);
      }
    }
    std::uint64_t inside = 0;
    for (auto& visitor : visitors_) {
      inside += visitor.has_outcome ? 0 : 1;
    }
    out_.inside = inside;
    if (s_.record_series) {
      finish_series(end);
    }
    if (periods_.enabled()) {
      finish_periods();
    }
  }

  /// Each open day is reported from its opening until its hall emptied, at least until
  /// closing, periods with nothing in them included.
  void finish_periods() {
    for (int d = 0; d < s_.days; ++d) {
      const CompiledDay& day = weekday(d);
      if (!day.open) {
        continue;
      }
      const double start = static_cast<double>(d) * kDaySeconds;
      periods_.cover(start + day.open_time,
                     std::max(day_ends_[static_cast<std::size_t>(d)], start + day.close_time));
    }
    out_.periods = periods_.take();
  }

  /// Bins from each day's opening to the time the hall emptied after closing.
  void finish_series(double end) {
    waiting_series_.finish(end);
    standing_series_.finish(end);
    open_series_.finish(end);
    const double step = s_.series_step;
    for (int d = 0; d < s_.days; ++d) {
      const CompiledDay& day = weekday(d);
      if (!day.open) {
        continue;
      }
      const double start = static_cast<double>(d) * kDaySeconds;
      const std::size_t first = waiting_series_.bin(start + day.open_time);
      const double day_end =
          std::max(day_ends_[static_cast<std::size_t>(d)], start + day.close_time);
      for (std::size_t b = first; static_cast<double>(b) * step < day_end; ++b) {
        SeriesBin row = b < bins_.size() ? bins_[b] : SeriesBin{};
        row.start = static_cast<double>(b) * step;
        row.mean_waiting = waiting_series_.area(b) / step;
        row.max_waiting = static_cast<int>(waiting_series_.max(b));
        row.mean_standing = standing_series_.area(b) / step;
        row.mean_open_counters = open_series_.area(b) / step;
        if (row.calls > 0) {
          row.mean_wait /= row.calls;
        } else {
          row.mean_wait = std::numeric_limits<double>::quiet_NaN();
          row.max_wait = std::numeric_limits<double>::quiet_NaN();
        }
        out_.series.push_back(row);
      }
    }
  }

  const detail::CompiledHall& m_;
  const RunSettings& s_;
  HallResult& out_;
  Simulation sim_;
  RandomSource source_;

  std::vector<Visitor> visitors_;
  std::vector<Outcome> outcomes_;
  std::vector<VisitStage> stages_;
  std::vector<TicketQueue> queues_;
  std::vector<CounterState> counters_;
  Line machines_, kiosks_, guides_;

  std::vector<PendingArrival> pending_;
  std::vector<ReturnVisit> returns_;  ///< due on days not yet begun
  std::size_t next_pending_ = 0;
  std::uint64_t arrivals_today_ = 0;
  int day_ = 0;
  double day_start_ = 0.0;
  bool after_hours_ = false;
  std::uint32_t tickets_ = 0;

  int in_hall_ = 0;
  int waiting_ = 0;
  int open_counters_ = 0;
  BinnedLevel waiting_series_, standing_series_, open_series_;
  PeriodRecorder periods_;
  std::vector<SeriesBin> bins_;
  std::vector<double> day_ends_;  ///< when each day's hall emptied after closing
  std::vector<RuleDay> rule_days_;

  std::vector<std::int32_t> free_seats_;  ///< min-heap of seats freed and not taken again
  std::int32_t next_seat_ = 0;            ///< seats from here on have never been taken
  std::vector<Ticket> standing_;          ///< standing ticket holders, longest standing first
  std::size_t standing_head_ = 0;
};

}  // namespace

void WaitStats::add(double wait) {
  tally.add(wait);
  quantiles.add(wait);
  if (wait > 900.0) {
    ++over_15;
  }
  if (wait > 1800.0) {
    ++over_30;
  }
}

HallResult HallModel::run(const RunSettings& settings) const {
  if (settings.days < 1 || settings.days > 366) {
    throw std::invalid_argument("a run covers 1 to 366 days, got " + std::to_string(settings.days));
  }
  if (!(settings.series_step > 0.0)) {
    throw std::invalid_argument("the time-series step must be positive");
  }
  if (!(settings.period_length == 0.0 ||
        (settings.period_length >= 60.0 && settings.period_length <= kDaySeconds))) {
    throw std::invalid_argument(
        "the period length must be 0 (no periods) or from 60 to 86400 seconds, got " +
        std::to_string(settings.period_length));
  }
  HallResult result;
  HallRun run(*c_, settings, result);
  run.run();
  return result;
}

}  // namespace hallsim::sim
