#pragma once
/// \file
/// Building blocks of the resources: a table of waiting requests (slots named by
/// generation, like events) and a waiting line (FIFO ring or priority heap).

#include <algorithm>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "hallsim/sim/resource.hpp"

namespace hallsim::sim {

/// One place in a waiting line. A withdrawn request leaves its entry behind; the
/// entry no longer matches its slot's generation and is skipped.
struct LineEntry {
  int priority;
  std::uint32_t slot;
  std::uint64_t seq;
  std::uint32_t generation;
};

/// A waiting line in FIFO or (priority, arrival) order. Holds stale entries too.
class WaitingLine {
 public:
  explicit WaitingLine(QueueDiscipline discipline) : discipline_(discipline) {}

  void push(const LineEntry& e) {
    if (discipline_ == QueueDiscipline::priority) {
      heap_.push_back(e);
      std::push_heap(heap_.begin(), heap_.end(), Later{});
      return;
    }
    if (count_ == ring_.size()) {
      grow();
    }
    ring_[(head_ + count_) & (ring_.size() - 1)] = e;
    ++count_;
  }

  /// The first entry (possibly stale); the line must not be empty.
  const LineEntry& front() const {
    if (discipline_ == QueueDiscipline::priority) {
      return heap_.front();
    }
    assert(count_ > 0);
    return ring_[head_];
  }

  void pop() {
    if (discipline_ == QueueDiscipline::priority) {
      std::pop_heap(heap_.begin(), heap_.end(), Later{});
      heap_.pop_back();
      return;
    }
    assert(count_ > 0);
    head_ = (head_ + 1) & (ring_.size() - 1);
    --count_;
  }

  /// Entries held, stale ones included.
  std::size_t size() const {
    return discipline_ == QueueDiscipline::priority ? heap_.size() : count_;
  }
  QueueDiscipline discipline() const { return discipline_; }

 private:
  struct Later {
    bool operator()(const LineEntry& a, const LineEntry& b) const {
      return b.priority < a.priority || (b.priority == a.priority && b.seq < a.seq);
    }
  };

  void grow() {
    std::vector<LineEntry> bigger(std::max<std::size_t>(16, ring_.size() * 2));
    for (std::size_t i = 0; i < count_; ++i) {
      bigger[i] = ring_[(head_ + i) & (ring_.size() - 1)];
    }
    ring_ = std::move(bigger);
    head_ = 0;
  }

  QueueDiscipline discipline_;
  std::vector<LineEntry> heap_;
  std::vector<LineEntry> ring_;  // power-of-two size
  std::size_t head_ = 0;
  std::size_t count_ = 0;
};

/// Waiting requests, each in a slot reused under a new generation once it is granted
/// or withdrawn. RequestId = generation << 32 | (slot + 1).
template <class Action>
class RequestTable {
  static constexpr std::uint32_t kNone = 0xffffffffU;

 public:
  struct Slot {
    Action action;
    Time arrival = 0.0;
    std::uint32_t generation = 0;
    std::uint32_t next_free = kNone;
    QueueIndex queue = 0;
  };

  /// Stores a waiting request; returns its slot.
  std::uint32_t add(Action action, Time arrival, QueueIndex queue) {
    std::uint32_t s = free_;
    if (s != kNone) {
      free_ = slots_[s].next_free;
    } else {
      assert(slots_.size() < kNone);
      s = static_cast<std::uint32_t>(slots_.size());
      slots_.emplace_back();
    }
    Slot& slot = slots_[s];
    slot.action = std::move(action);
    slot.arrival = arrival;
    slot.queue = queue;
    return s;
  }

  Slot& operator[](std::uint32_t s) { return slots_[s]; }
  const Slot& operator[](std::uint32_t s) const { return slots_[s]; }

  bool live(std::uint32_t s, std::uint32_t generation) const {
    return slots_[s].generation == generation && static_cast<bool>(slots_[s].action);
  }

  /// The slot named by `id` if that request still waits.
  bool find(RequestId id, std::uint32_t& slot) const {
    const std::uint64_t low = id.value & 0xffffffffU;
    if (low == 0 || low > slots_.size()) {
      return false;
    }
    slot = static_cast<std::uint32_t>(low - 1);
    return live(slot, static_cast<std::uint32_t>(id.value >> 32));
  }

  RequestId id(std::uint32_t s) const {
    return RequestId{(static_cast<std::uint64_t>(slots_[s].generation) << 32) | (s + 1ULL)};
  }

  /// Takes the action out of slot `s` and frees the slot.
  Action take(std::uint32_t s) {
    Action action(std::move(slots_[s].action));
    release(s);
    return action;
  }

  /// Drops the request in slot `s` and frees the slot.
  void drop(std::uint32_t s) {
    slots_[s].action.reset();
    release(s);
  }

 private:
  void release(std::uint32_t s) {
    ++slots_[s].generation;
    slots_[s].next_free = free_;
    free_ = s;
  }

  std::vector<Slot> slots_;
  std::uint32_t free_ = kNone;
};

}  // namespace hallsim::sim
