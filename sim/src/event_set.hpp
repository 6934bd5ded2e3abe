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
  /// Target number of entries per bucket when the top is laid out as the first rung.
  std::size_t bucket_target = 16;
  /// The same for a rung made by splitting a crowded bucket.
  std::size_t split_bucket_target = 8;
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
      push_top(e);
      return;
    }
    for (std::size_t r = 0; r < active_rungs_; ++r) {
      Rung& rung = rungs_[r];
      const std::ptrdiff_t k = rung.index(e.time);
      if (k >= static_cast<std::ptrdiff_t>(rung.current)) [[likely]] {
        append(rung.buckets[static_cast<std::size_t>(k)], e);
        ++rung.count;
        return;
      }
    }
    push_bottom(e);
  }

  /// The first entry, or nullptr if the set is empty.
  const EventEntry* peek() {
    if (bottom_.empty()) [[unlikely]] {
      if (!refill()) {
        return nullptr;
      }
    }
    return first();
  }

  /// Removes the first entry (the set must not be empty).
  void pop() {
    if (bottom_.empty()) [[unlikely]] {
      [[maybe_unused]] const bool some = refill();
      assert(some);
    }
    take_first();
  }

  /// Removes the entry that peek() just returned.
  void pop_peeked() {
    assert(!bottom_.empty());
    take_first();
  }

  /// Takes out the first entry into `out`; false if the set is empty.
  bool pop(EventEntry& out) {
    if (bottom_.empty() && !refill()) {
      return false;
    }
    out = *first();
    take_first();
    return true;
  }

  /// Up to `k` of the entries that come out next, the first one among them, in no
  /// particular order (to prefetch what they point to). May be empty.
  std::span<const EventEntry> next_few(std::size_t k) const {
    const std::span<const EventEntry> all(bottom_);
    const std::size_t n = std::min(k, all.size());
    return sorted_ ? all.last(n) : all.first(n);
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

  // Which bucket of a rung a time belongs to: equal widths from `start`.
  struct BucketMap {
    Time start = 0.0;
    double inv_width = 0.0;
    double last = 0.0;  // index of the last bucket in use, as a double

    // Monotone in t: -1 below the rung, clamped to the last bucket above it.
    std::ptrdiff_t index(Time t) const {
      const double x = (t - start) * inv_width;
      if (!(x >= 0.0)) {
        return -1;
      }
      return static_cast<std::ptrdiff_t>(x < last ? x : last);
    }
  };

  // One rung: buckets [0, used) mapped by `map`; buckets before `current` have been
  // handed down already. Buckets beyond `used` are empty leftovers that keep their
  // capacity for later layouts.
  struct Rung {
    BucketMap map;
    std::size_t used = 0;
    std::size_t current = 0;
    std::size_t count = 0;
    std::vector<std::vector<EventEntry>> buckets;

    std::ptrdiff_t index(Time t) const { return map.index(t); }
  };

  // The next entry of a non-empty bottom.
  const EventEntry* first() const {
    if (sorted_) [[likely]] {
      return &bottom_.back();
    }
    return &bottom_.front();
  }

  void take_first() {
    --size_;
    if (sorted_) [[likely]] {
      bottom_.pop_back();
      return;
    }
    std::pop_heap(bottom_.begin(), bottom_.end(), Later{});
    bottom_.pop_back();
  }

  // Appends to a bucket; growing it is out of line, so that an ordinary push needs
  // few registers.
  static void append(std::vector<EventEntry>& bucket, const EventEntry& e) {
    if (bucket.size() == bucket.capacity()) [[unlikely]] {
      grow_and_append(bucket, e);
      return;
    }
    bucket.push_back(e);
  }
  [[gnu::noinline]] static void grow_and_append(std::vector<EventEntry>& bucket,
                                                const EventEntry& e);
  // Out of line for the same reason: the top takes few entries once a rung is laid out.
  [[gnu::noinline]] void push_top(const EventEntry& e);
  // Inline: with few events pending (a queue of a few servers) most entries land
  // in the bottom.
  void push_bottom(const EventEntry& e) {
    if (sorted_) {
      if (bottom_.size() < kSortedInsertLimit) {
        // Small: keep it sorted; the entry goes before (in storage) every entry that
        // fires before it. Searching from the back while moving costs one
        // mispredicted branch where a binary search has several.
        bottom_.push_back(e);
        EventEntry* const a = bottom_.data();
        std::size_t i = bottom_.size() - 1;
        for (; i > 0 && fires_before(a[i - 1], e); --i) {
          a[i] = a[i - 1];
        }
        a[i] = e;
        return;
      }
      // Many entries land here (a burst at one time): a heap keeps each one O(log n).
      std::make_heap(bottom_.begin(), bottom_.end(), Later{});
      sorted_ = false;
      ++stats_.bottom_heaps;
    }
    bottom_.push_back(e);
    std::push_heap(bottom_.begin(), bottom_.end(), Later{});
  }

  // Appends each of `entries` to its bucket of `rung` (whose range covers them all).
  static void spread(Rung& rung, const std::vector<EventEntry>& entries);
  // Orders a bottom just filled with a bucket.
  void fill_bottom();
  // Fills the empty bottom from the rungs (or the top); false if nothing is left.
  bool refill();
  // Lays out rung `r` over [lo, hi] for `n` entries; false if they cannot be spread.
  bool lay_out(std::size_t r, Time lo, Time hi, std::size_t n, std::size_t per_bucket);

  LadderParams params_;
  LadderStats stats_;
  std::size_t size_ = 0;

  std::vector<EventEntry> top_;
  Time top_start_ = -kInfinity;
  Time top_min_ = kInfinity;
  Time top_max_ = -kInfinity;

  std::vector<Rung> rungs_;
  std::size_t active_rungs_ = 0;

  // The bottom: sorted with the first entry last (so taking it out is a pop_back),
  // or (after a burst of inserts) a heap with the first entry first.
  static constexpr std::size_t kSortedInsertLimit = 128;
  std::vector<EventEntry> bottom_;
  bool sorted_ = true;
};

}  // namespace hallsim::sim
