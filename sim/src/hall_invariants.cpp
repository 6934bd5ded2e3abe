#include "hall_invariants.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <deque>
#include <map>
#include <sstream>

namespace hallsim::sim {

namespace {

std::string at(const TraceRecord& r) {
  std::ostringstream out;
  out.precision(10);
  out << "t=" << r.time;
  if (r.visitor != kNoVisitor) {
    out << " visitor " << r.visitor;
  }
  out << " " << to_string(r.event);
  if (r.counter >= 0) {
    out << " counter " << r.counter;
  }
  if (r.queue >= 0) {
    out << " queue " << r.queue;
  }
  if (r.ticket > 0) {
    out << " ticket " << r.ticket;
  }
  return out.str();
}

/// Whether counter `c` is staffed at simulation time t, or may still be finishing the day
/// after closing (the serve-ticket-holders policy keeps counters open at closing).
bool staffed(const HallModel& model, const RunSettings& settings, std::size_t c, double t) {
  const int day = static_cast<int>(t / kDaySeconds);
  const auto wd = static_cast<Weekday>((static_cast<int>(settings.first_day) + day) % kWeekdays);
  const double clock = t - day * kDaySeconds;
  for (const ClockInterval& i : model.counter_hours(c, wd)) {
    if (clock >= i.begin && clock <= i.end) {
      return true;
    }
  }
  const DayHours& hours = model.scenario().calendar.days[static_cast<std::size_t>(wd)];
  const double close = std::max(hours.close_time, hours.extended_until);
  const bool after_close =
      model.scenario().calendar.closing == ClosingPolicy::serve_ticket_holders && clock >= close;
  return after_close || clock >= kDaySeconds;
}

/// Whether a counter's hours on that day begin at simulation time t.
bool hours_begin_at(const HallModel& model, const RunSettings& settings, std::size_t c, double t) {
  const int day = static_cast<int>(t / kDaySeconds);
  const auto wd = static_cast<Weekday>((static_cast<int>(settings.first_day) + day) % kWeekdays);
  const double clock = t - day * kDaySeconds;
  const auto& hours = model.counter_hours(c, wd);
  return std::any_of(hours.begin(), hours.end(),
                     [clock](const ClockInterval& i) { return i.begin == clock; });
}

}  // namespace

std::vector<std::string> check_trace(const HallModel& model, const HallResult& r,
                                     const RunSettings& settings) {
  std::vector<std::string> bad;
  const std::uint64_t total =
      r.served + r.balked + r.reneged + r.missed_call + r.sent_home + r.inside;
  if (total != r.arrived) {
    bad.push_back("arrived " + std::to_string(r.arrived) + " != served + balked + reneged + " +
                  "missed + sent home + inside = " + std::to_string(total));
  }
  if (!settings.record_trace) {
    return bad;
  }

  struct VisitorSeen {
    bool arrived = false;
    bool left = false;
    double arrival = 0.0;
    double ticket_time = -1.0;
  };
  std::vector<VisitorSeen> seen;
  struct CounterSeen {
    std::int64_t visitor = -1;  // holding the counter, or -1
    double free_from = 0.0;     // after an unanswered call
    bool open = false;          // by its counter_open and counter_close records
    double open_since = 0.0;
    double open_seconds = 0.0;
  };
  std::vector<CounterSeen> counters(model.layout().counters.size());
  struct Waiting {
    std::uint32_t ticket;
    std::uint32_t visitor;
    int cls;
  };
  std::vector<std::deque<Waiting>> queues(model.queue_count());
  std::map<std::uint32_t, std::uint32_t> ticket_queue;
  std::array<std::uint64_t, 6> leaves{};
  std::uint64_t arrivals = 0;
  double last = -1.0;

  // Seats: who sits where, and how many ticket holders wait (from their wait record to their
  // call or leaving). Between two moments, seated = min(waiting, seats).
  const auto seats = static_cast<std::size_t>(std::max(0, model.layout().seats));
  std::vector<std::int64_t> occupant(seats, -1);
  std::map<std::uint32_t, std::int32_t> waiting_seat;  // waiting visitor -> seat or -1
  std::size_t seated = 0;
  auto check_seated = [&](double t) {
    if (seated != std::min(waiting_seat.size(), seats)) {
      std::ostringstream out;
      out.precision(10);
      out << "t=" << t << ": " << seated << " seated, " << waiting_seat.size() << " waiting on "
          << seats << " seats";
      bad.push_back(out.str());
    }
  };
  auto sit = [&](const TraceRecord& e) {
    const auto k = static_cast<std::size_t>(e.seat);
    if (e.seat < 0 || k >= seats) {
      bad.push_back("no such seat: " + at(e) + " seat " + std::to_string(e.seat));
      return;
    }
    if (occupant[k] >= 0) {
      bad.push_back("seat " + std::to_string(k) + " taken by visitor " +
                    std::to_string(occupant[k]) + ": " + at(e));
    }
    occupant[k] = e.visitor;
    waiting_seat[e.visitor] = e.seat;
    ++seated;
  };
  auto stop_waiting = [&](std::uint32_t visitor) {
    const auto it = waiting_seat.find(visitor);
    if (it == waiting_seat.end()) {
      return;
    }
    if (it->second >= 0) {
      occupant[static_cast<std::size_t>(it->second)] = -1;
      --seated;
    }
    waiting_seat.erase(it);
  };

  auto drop_ticket = [&](std::uint32_t visitor) {
    for (auto& q : queues) {
      q.erase(std::remove_if(q.begin(), q.end(),
                             [visitor](const Waiting& w) { return w.visitor == visitor; }),
              q.end());
    }
  };

  for (const TraceRecord& e : r.trace) {
    if (e.time < last) {
      bad.push_back("trace out of time order at " + at(e));
    }
    if (e.time > last && last >= 0.0) {
      check_seated(last);
    }
    last = e.time;
    if (e.event == TraceEvent::counter_open || e.event == TraceEvent::counter_close) {
      if (e.visitor != kNoVisitor || e.counter < 0 ||
          static_cast<std::size_t>(e.counter) >= counters.size()) {
        bad.push_back("counter record without its counter: " + at(e));
        continue;
      }
      const auto c = static_cast<std::size_t>(e.counter);
      CounterSeen& k = counters[c];
      const bool opening = e.event == TraceEvent::counter_open;
      if (k.open == opening) {
        bad.push_back(std::string(opening ? "opened while open: " : "closed while closed: ") +
                      at(e));
      }
      if (!opening && (k.visitor >= 0 || e.time < k.free_from)) {
        bad.push_back("closed before finishing its visitor: " + at(e));
      }
      if (opening && model.counter_rule(c) < 0 &&
          (e.detail != static_cast<std::uint8_t>(CounterChange::hours) ||
           !hours_begin_at(model, settings, c, e.time))) {
        bad.push_back("a counter without a rule opened outside the start of its hours: " + at(e));
      }
      if (opening) {
        k.open_since = e.time;
      } else {
        k.open_seconds += e.time - k.open_since;
      }
      k.open = opening;
      continue;
    }
    if (e.visitor >= seen.size()) {
      seen.resize(e.visitor + 1);
    }
    VisitorSeen& v = seen[e.visitor];
    if (e.event == TraceEvent::arrive) {
      if (v.arrived) {
        bad.push_back("second arrival: " + at(e));
      }
      v.arrived = true;
      v.arrival = e.time;
      ++arrivals;
      continue;
    }
    if (!v.arrived) {
      bad.push_back("record before the arrival: " + at(e));
    }
    if (v.left) {
      bad.push_back("record after leaving: " + at(e));
    }
    switch (e.event) {
      case TraceEvent::ticket: {
        v.ticket_time = e.time;
        if (e.queue < 0 || static_cast<std::size_t>(e.queue) >= queues.size()) {
          bad.push_back("ticket in no queue: " + at(e));
          break;
        }
        queues[static_cast<std::size_t>(e.queue)].push_back({e.ticket, e.visitor, e.detail});
        break;
      }
      case TraceEvent::call: {
        if (v.ticket_time < 0.0 || e.time < v.ticket_time) {
          bad.push_back("called before taking a ticket: " + at(e));
        }
        const auto c = static_cast<std::size_t>(e.counter);
        if (e.counter < 0 || c >= counters.size()) {
          bad.push_back("call from no counter: " + at(e));
          break;
        }
        if (counters[c].visitor >= 0 || e.time < counters[c].free_from) {
          bad.push_back("counter called while holding another visitor: " + at(e));
        }
        if (!counters[c].open) {
          bad.push_back("counter called while its trace says it is closed: " + at(e));
        }
        if (model.counter_rule(c) < 0 && !staffed(model, settings, c, e.time)) {
          bad.push_back("counter called outside its hours: " + at(e));
        }
        counters[c].visitor = e.visitor;
        stop_waiting(e.visitor);
        const auto q = static_cast<std::size_t>(e.queue);
        if (!model.counter_serves(c, q)) {
          bad.push_back("counter may not serve this queue: " + at(e));
        }
        auto& line = queues[q];
        const auto it = std::find_if(line.begin(), line.end(),
                                     [&](const Waiting& w) { return w.ticket == e.ticket; });
        if (it == line.end()) {
          bad.push_back("called a ticket that is not waiting: " + at(e));
          break;
        }
        for (auto w = line.begin(); w != line.end(); ++w) {
          if (w->cls < it->cls) {
            bad.push_back("called past a waiting ticket of a higher priority class: " + at(e));
            break;
          }
          if (w->cls == it->cls && w < it) {
            bad.push_back("called out of FIFO order within its class (ticket " +
                          std::to_string(w->ticket) + " waited first): " + at(e));
            break;
          }
        }
        line.erase(it);
        break;
      }
      case TraceEvent::no_show: {
        const auto c = static_cast<std::size_t>(e.counter);
        counters[c].visitor = -1;
        counters[c].free_from = e.time + model.scenario().staffing.call.no_show_wait;
        break;
      }
      case TraceEvent::service_start: {
        if (e.time < v.arrival) {
          bad.push_back("served before arriving: " + at(e));
        }
        const auto c = static_cast<std::size_t>(e.counter);
        if (counters[c].visitor != static_cast<std::int64_t>(e.visitor)) {
          bad.push_back("served at a counter that did not call them: " + at(e));
        }
        if (!model.counter_serves(c, static_cast<std::size_t>(e.queue))) {
          bad.push_back("served an item the counter may not serve: " + at(e));
        }
        break;
      }
      case TraceEvent::service_end: {
        const auto c = static_cast<std::size_t>(e.counter);
        if (counters[c].visitor != static_cast<std::int64_t>(e.visitor)) {
          bad.push_back("service ended at a counter not holding them: " + at(e));
        }
        counters[c].visitor = -1;
        break;
      }
      case TraceEvent::renege:
      case TraceEvent::sent_home:
        drop_ticket(e.visitor);
        stop_waiting(e.visitor);
        break;
      case TraceEvent::wait:
        if (waiting_seat.count(e.visitor) > 0) {
          bad.push_back("waits twice: " + at(e));
        }
        if (e.seat >= 0) {
          if (e.detail != 0) {
            bad.push_back("standing on a seat: " + at(e));
          }
          sit(e);
        } else {
          if (e.detail != 1) {
            bad.push_back("seated without a seat: " + at(e));
          }
          if (seated < seats) {
            bad.push_back("stands while a seat is free: " + at(e));
          }
          waiting_seat[e.visitor] = -1;
        }
        break;
      case TraceEvent::sit: {
        const auto it = waiting_seat.find(e.visitor);
        if (it == waiting_seat.end() || it->second >= 0) {
          bad.push_back("sat down without standing in wait: " + at(e));
          break;
        }
        waiting_seat.erase(it);
        sit(e);
        break;
      }
      case TraceEvent::leave:
        v.left = true;
        if (e.detail < 6) {
          ++leaves[e.detail];
        }
        break;
      default:
        break;
    }
  }
  check_seated(last);
  for (std::size_t c = 0; c < counters.size(); ++c) {
    const CounterSeen& k = counters[c];
    const double open = k.open_seconds + (k.open ? r.end_time - k.open_since : 0.0);
    if (std::abs(open - r.counter_open[c]) > 1e-6 * std::max(1.0, r.counter_open[c])) {
      bad.push_back("counter " + std::to_string(c) + " open " + std::to_string(open) +
                    " s by its trace records, " + std::to_string(r.counter_open[c]) +
                    " s by the counts");
    }
  }
  if (arrivals != r.arrived) {
    bad.push_back("trace has " + std::to_string(arrivals) + " arrivals, the counts " +
                  std::to_string(r.arrived));
  }
  const std::array<std::uint64_t, 6> counted{r.served,      r.balked,    r.reneged,
                                             r.missed_call, r.sent_home, 0};
  for (int o = 0; o < 5; ++o) {
    if (leaves[o] != counted[o]) {
      bad.push_back(std::string("trace has ") + std::to_string(leaves[o]) + " leaving " +
                    to_string(static_cast<Outcome>(o)) + ", the counts " +
                    std::to_string(counted[o]));
    }
  }
  return bad;
}

}  // namespace hallsim::sim
