#pragma once
/// \file
/// The pending-event set: a ladder queue (Tang, Goh and Thng, 2005) whose bottom
/// is a short sorted run (a heap after a burst of inserts into it). Entries come
/// out in (time, sequence) order.

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "hallsim/sim/engine.hpp"

namespace hallsim::sim {

/// One entry of the event set: when, in which order among equal times, and
/// which action slot (of which generation) it fires.
struct EventEntry {
  Time time;
  std::uint64_t seq;
  std::uint32_t slot;
  std::uint32_t generation;
};

/// True if `a` fires before `b`: earlier time, then earlier insertion.
inline bool fires_before(const EventEntry& a, const EventEntry& b) {
  return a.time < b.time || (a.time == b.time && a.seq < b.seq);
}

/// Tuning of the ladder queue; the defaults are the measured best for the hold model.
struct LadderParams {
  /// Target number of entries per bucket when a rung is laid out.
  std::size_t bucket_target = 16;
  /// A bucket with more entries than this becomes a new rung instead of going to the bottom.
  std::size_t split_threshold = 64;
  /// Most rungs at once; past this a bucket goes to the bottom whatever its size.
  std::size_t max_rungs = 8;
};

/// Counters that show what the ladder did (for tests and tuning).
struct LadderStats {
  std::uint64_t epochs = 0;         ///< times the top was spread over a new first rung
  std::uint64_t rungs_spawned = 0;  ///< buckets split into a finer rung
  std::size_t deepest = 0;          ///< most rungs in use at once
  std::uint64_t bottom_heaps = 0;   ///< times a burst of inserts turned the bottom into a heap
};

/// Priority queue of EventEntry in (time, seq) order, for times that never go
/// below the last one taken out (the simulation clock never runs backwards).
///
/// Three tiers: the top (unsorted, times >= top_start_), the rungs (buckets of
/// equal width; a crowded bucket is split into a finer rung when its turn comes)
/// and the bottom (the next few entries, sorted; a heap once many entries have
/// been inserted into it, as a burst of zero-delay events does). Every bucket
/// index is computed by one monotone function per rung, and an entry goes to the
/// first rung whose current bucket is not past it, so every entry in a lower tier
/// precedes every entry in a higher one; within the bottom the sort (or heap)
/// orders by (time, seq). Ties therefore break by sequence across buckets, rungs and epochs.
class LadderQueue {
 public:
  explicit LadderQueue(LadderParams params = {}) : params_(params) {
    rungs_.resize(params_.max_rungs);
  }

  /// Adds an entry; its time must be >= the time of the last entry taken out.
  void push(const EventEntry& e) {
    ++size_;
    if (e.time >= top_start_) {
      top_.push_back(e);
      top_min_ = std::min(top_min_, e.time);
      top_max_ = std::max(top_max_, e.time);
      return;
    }
    for (std::size_t r = 0; r < active_rungs_; ++r) {
      Rung& rung = rungs_[r];
      const std::ptrdiff_t k = rung.index(e.time);
      if (k >= static_cast<std::ptrdiff_t>(rung.current)) {
        rung.buckets[static_cast<std::size_t>(k)].push_back(e);
        ++rung.count;
        return;
      }
    }
    push_bottom(e);
  }

  /// The first entry, or nullptr if the set is empty.
  const EventEntry* peek() {
    if (bottom_empty() && !refill()) {
      return nullptr;
    }
    return sorted_ ? &bottom_[head_] : &bottom_.front();
  }

  /// Removes the first entry (the set must not be empty).
  void pop() {
    if (bottom_empty()) {
      [[maybe_unused]] const bool some = refill();
      assert(some);
    }
    take_first();
  }

  /// Removes the entry that peek() just returned.
  void pop_peeked() {
    assert(!bottom_empty());
    take_first();
  }

  /// Takes out the first entry into `out`; false if the set is empty.
  bool pop(EventEntry& out) {
    if (bottom_empty() && !refill()) {
      return false;
    }
    out = sorted_ ? bottom_[head_] : bottom_.front();
    take_first();
    return true;
  }

  /// The bottom as it stands: its first entry is the next one out and the next few
  /// follow it (in order while sorted, near the front while a heap). May be empty.
  std::span<const EventEntry> bottom() const {
    return std::span<const EventEntry>(bottom_).subspan(head_);
  }

  std::size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  const LadderStats& stats() const { return stats_; }
  /// Makes room for `n` entries in the top, where they arrive first.
  void reserve(std::size_t n) { top_.reserve(n); }

 private:
  struct Later {
    bool operator()(const EventEntry& a, const EventEntry& b) const { return fires_before(b, a); }
  };

  // One rung: buckets [0, buckets.size()) of equal width from `start`; buckets
  // before `current` have been handed down already.
  // Buckets beyond `used` are empty leftovers that keep their capacity for later layouts.
  struct Rung {
    Time start = 0.0;
    double inv_width = 0.0;
    double last = 0.0;  // index of the last bucket in use, as a double
    std::size_t used = 0;
    std::size_t current = 0;
    std::size_t count = 0;
    std::vector<std::vector<EventEntry>> buckets;

    // Monotone in t: -1 below the rung, clamped to the last bucket above it.
    std::ptrdiff_t index(Time t) const {
      const double x = (t - start) * inv_width;
      if (!(x >= 0.0)) {
        return -1;
      }
      return static_cast<std::ptrdiff_t>(x < last ? x : last);
    }
  };

  bool bottom_empty() const { return head_ == bottom_.size(); }

  void take_first() {
    --size_;
    if (sorted_) {
      if (++head_ == bottom_.size()) {
        bottom_.clear();
        head_ = 0;
      }
      return;
    }
    std::pop_heap(bottom_.begin(), bottom_.end(), Later{});
    bottom_.pop_back();
  }

  void push_bottom(const EventEntry& e) {
    if (sorted_) {
      if (bottom_.size() - head_ < kSortedInsertLimit) {
        // Small: keep it sorted; the entry goes after every entry that fires before it.
        const auto at = std::upper_bound(bottom_.begin() + static_cast<std::ptrdiff_t>(head_),
                                         bottom_.end(), e, fires_before);
        bottom_.insert(at, e);
        return;
      }
      // Many entries land here (a burst at one time): a heap keeps each one O(log n).
      bottom_.erase(bottom_.begin(), bottom_.begin() + static_cast<std::ptrdiff_t>(head_));
      head_ = 0;
      std::make_heap(bottom_.begin(), bottom_.end(), Later{});
      sorted_ = false;
      ++stats_.bottom_heaps;
    }
    bottom_.push_back(e);
    std::push_heap(bottom_.begin(), bottom_.end(), Later{});
  }

  // Orders a bottom just filled with a bucket.
  void fill_bottom();
  // Fills the empty bottom from the rungs (or the top); false if nothing is left.
  bool refill();
  // Lays out rung `r` over [lo, hi] for `n` entries; false if they cannot be spread.
  bool lay_out(std::size_t r, Time lo, Time hi, std::size_t n);

  LadderParams params_;
  LadderStats stats_;
  std::size_t size_ = 0;

  std::vector<EventEntry> top_;
  Time top_start_ = -kInfinity;
  Time top_min_ = kInfinity;
  Time top_max_ = -kInfinity;

  std::vector<Rung> rungs_;
  std::size_t active_rungs_ = 0;

  // The bottom: sorted ascending from head_, or (after a burst of inserts) a heap.
  static constexpr std::size_t kSortedInsertLimit = 128;
  std::vector<EventEntry> bottom_;
  std::size_t head_ = 0;
  bool sorted_ = true;
};

}  // namespace hallsim::sim
