#include "event_set.hpp"

#include <cmath>

namespace hallsim::sim {

bool LadderQueue::lay_out(std::size_t r, Time lo, Time hi, std::size_t n, std::size_t per_bucket) {
  if (!(hi > lo)) {
    return false;  // equal times cannot be spread; the bottom orders them
  }
  const std::size_t nb = std::max<std::size_t>(2, n / per_bucket);
  const double inv_width = static_cast<double>(nb) / (hi - lo);
  if (!std::isfinite(inv_width) || inv_width <= 0.0) {
    return false;
  }
  Rung& rung = rungs_[r];
  rung.map = BucketMap{.start = lo, .inv_width = inv_width, .last = static_cast<double>(nb - 1)};
  rung.used = nb;
  rung.current = 0;
  rung.count = 0;
  if (rung.buckets.size() < nb) {
    rung.buckets.resize(nb);
  }
  return true;
}

void LadderQueue::grow_and_append(std::vector<EventEntry>& bucket, const EventEntry& e) {
  bucket.push_back(e);
}

void LadderQueue::push_top(const EventEntry& e) {
  top_.push_back(e);
  top_min_ = std::min(top_min_, e.time);
  top_max_ = std::max(top_max_, e.time);
}

void LadderQueue::spread(Rung& rung, const std::vector<EventEntry>& entries) {
  // A copy of the rung's mapping: the stores into buckets could otherwise alias it
  // and make every entry reload it.
  const BucketMap map = rung.map;
  std::vector<EventEntry>* const buckets = rung.buckets.data();
  for (const EventEntry& e : entries) {
    const std::ptrdiff_t k = map.index(e.time);
    assert(k >= 0);
    append(buckets[static_cast<std::size_t>(k)], e);
  }
}

void LadderQueue::fill_bottom() {
  std::sort(bottom_.begin(), bottom_.end(), Later{});
  sorted_ = true;
}

bool LadderQueue::refill() {
  assert(bottom_.empty());
  for (;;) {
    while (active_rungs_ > 0 && rungs_[active_rungs_ - 1].count == 0) {
      --active_rungs_;
    }

    if (active_rungs_ == 0) {
      if (top_.empty()) {
        return false;
      }
      // A new epoch: spread the top over a first rung sized for it.
      ++stats_.epochs;
      const std::size_t n = top_.size();
      const Time lo = top_min_;
      const Time hi = top_max_;
      top_start_ = hi;
      top_min_ = kInfinity;
      top_max_ = -kInfinity;
      if (n <= params_.split_threshold || !lay_out(0, lo, hi, n, params_.bucket_target)) {
        bottom_.swap(top_);
        fill_bottom();
        return true;
      }
      Rung& first = rungs_[0];
      spread(first, top_);
      first.count = n;
      top_.clear();
      active_rungs_ = 1;
      stats_.deepest = std::max(stats_.deepest, active_rungs_);
      continue;
    }

    Rung& rung = rungs_[active_rungs_ - 1];
    while (rung.buckets[rung.current].empty()) {
      ++rung.current;
    }
    assert(rung.current < rung.used);
    std::vector<EventEntry>& bucket = rung.buckets[rung.current];
    ++rung.current;
    rung.count -= bucket.size();

    if (bucket.size() > params_.split_threshold && active_rungs_ < params_.max_rungs) {
      Time lo = kInfinity;
      Time hi = -kInfinity;
      for (const EventEntry& e : bucket) {
        lo = std::min(lo, e.time);
        hi = std::max(hi, e.time);
      }
      if (lay_out(active_rungs_, lo, hi, bucket.size(), params_.split_bucket_target)) {
        Rung& child = rungs_[active_rungs_];
        spread(child, bucket);
        child.count = bucket.size();
        bucket.clear();
        ++active_rungs_;
        ++stats_.rungs_spawned;
        stats_.deepest = std::max(stats_.deepest, active_rungs_);
        continue;
      }
    }
    bottom_.swap(bucket);
    fill_bottom();
    return true;
  }
}

}  // namespace hallsim::sim
