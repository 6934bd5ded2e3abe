#include "hall_periods.hpp"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <utility>

namespace hallsim::sim {

namespace {
constexpr std::uint32_t kNoSlot = 0xffffffffU;
}  // namespace

PeriodRecorder::PeriodRecorder(double length, int days, std::size_t counters,
                               std::size_t counter_types)
    : length_(length), counters_(counters), counter_types_(counter_types) {
  if (length_ <= 0.0) {
    return;
  }
  per_day_ = static_cast<std::size_t>(std::ceil(kDaySeconds / length_));
  // One day more than the run: the last day's hall may empty after midnight.
  slot_of_.assign(per_day_ * static_cast<std::size_t>(days + 1), kNoSlot);
}

std::size_t PeriodRecorder::index(double t) const {
  assert(t >= 0.0);
  const double day = std::floor(t / kDaySeconds);
  const double clock = t - day * kDaySeconds;
  const auto k = std::min(per_day_ - 1, static_cast<std::size_t>(clock / length_));
  return static_cast<std::size_t>(day) * per_day_ + k;
}

double PeriodRecorder::start(std::size_t g) const {
  const std::size_t day = g / per_day_;
  return static_cast<double>(day) * kDaySeconds + static_cast<double>(g % per_day_) * length_;
}

double PeriodRecorder::end(std::size_t g) const {
  const std::size_t day = g / per_day_;
  const double day_start = static_cast<double>(day) * kDaySeconds;
  return std::min(day_start + kDaySeconds,
                  day_start + static_cast<double>(g % per_day_ + 1) * length_);
}

PeriodStats& PeriodRecorder::slot(std::size_t g) {
  if (g >= slot_of_.size()) {
    slot_of_.resize(g + 1, kNoSlot);
  }
  std::uint32_t& s = slot_of_[g];
  if (s == kNoSlot) {
    s = static_cast<std::uint32_t>(stats_.size());
    PeriodStats& p = stats_.emplace_back();
    p.start = start(g);
    p.length = end(g) - p.start;
    p.counter_type_waits.resize(counter_types_);
    p.counter_open.assign(counters_, 0.0);
    p.counter_busy.assign(counters_, 0.0);
  }
  return stats_[s];
}

PeriodStats& PeriodRecorder::at(double t) {
  return slot(index(t));
}

void PeriodRecorder::cover(double from, double to) {
  if (!(to > from)) {
    return;
  }
  const std::size_t last = index(to);
  for (std::size_t g = index(from); g <= last; ++g) {
    if (g < last || start(g) < to) {
      slot(g);
    }
  }
}

void PeriodRecorder::spread(std::vector<double> PeriodStats::*field, std::size_t counter,
                            double from, double to) {
  double t = from;
  while (t < to) {
    std::size_t g = index(t);
    if (end(g) <= t) {
      ++g;  // t sits on a boundary that index() rounded down
    }
    const double edge = std::min(to, end(g));
    (slot(g).*field)[counter] += edge - t;
    t = edge;
  }
}

std::vector<PeriodStats> PeriodRecorder::take() {
  std::vector<PeriodStats> out;
  out.reserve(stats_.size());
  for (const std::uint32_t s : slot_of_) {
    if (s != kNoSlot) {
      out.push_back(std::move(stats_[s]));
    }
  }
  stats_.clear();
  slot_of_.clear();
  return out;
}

}  // namespace hallsim::sim
