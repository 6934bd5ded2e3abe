#include "hallsim/sim/engine.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <vector>

#include "event_set.hpp"

namespace hallsim::sim {

namespace {

constexpr std::uint32_t kNoSlot = 0xffffffffU;

// An event's action lives in a slot; the event set holds only (time, seq, slot,
// generation). Cancelling bumps the slot's generation, so the entry left in the
// event set no longer matches and is skipped when it comes out.
struct alignas(64) Slot {
  detail::EventAction action;
  std::uint32_t generation = 0;
  std::uint32_t next_free = kNoSlot;
};
static_assert(sizeof(Slot) == 64, "a slot should fill one cache line");

// How many of the next entries get their slots prefetched: the first three levels
// of the bottom heap, where the next few events are.
constexpr std::size_t kPrefetch = 7;
// Below this many slots (1 MiB) they stay in cache and prefetching is wasted work.
constexpr std::size_t kPrefetchFromSlots = 16384;

// EventId = generation << 32 | (slot + 1), so that 0 names no event.
EventId make_event_id(std::uint32_t slot, std::uint32_t generation) {
  return EventId{(static_cast<std::uint64_t>(generation) << 32) | (slot + 1ULL)};
}

// Process frames recycled by size class (multiples of 64 bytes up to 4 KiB),
// carved from 64 KiB arenas that live as long as the simulation.
class FramePool {
 public:
  void* allocate(std::size_t bytes) {
    const std::size_t cls = size_class(bytes);
    if (cls >= kClasses) {
      return ::operator new(bytes);
    }
    if (free_[cls] != nullptr) {
      void* frame = free_[cls];
      std::memcpy(&free_[cls], frame, sizeof(void*));  // the next free frame of this class
      return frame;
    }
    const std::size_t rounded = (cls + 1) * kGranule;
    if (arenas_.empty() || arena_used_ + rounded > kArenaBytes) {
      arenas_.push_back(std::make_unique<Arena>());
      arena_used_ = 0;
    }
    void* p = arenas_.back()->bytes.data() + arena_used_;
    arena_used_ += rounded;
    return p;
  }

  void deallocate(void* p, std::size_t bytes) noexcept {
    const std::size_t cls = size_class(bytes);
    if (cls >= kClasses) {
      ::operator delete(p);
      return;
    }
    // A free frame's first bytes hold the next free frame of its class.
    std::memcpy(p, &free_[cls], sizeof(void*));
    free_[cls] = p;
  }

 private:
  static constexpr std::size_t kGranule = 64;
  static constexpr std::size_t kClasses = 64;
  static constexpr std::size_t kArenaBytes = std::size_t{64} * 1024;
  struct alignas(alignof(std::max_align_t)) Arena {
    std::array<std::byte, kArenaBytes> bytes;
  };

  static std::size_t size_class(std::size_t bytes) { return (bytes + kGranule - 1) / kGranule - 1; }

  std::array<void*, kClasses> free_{};
  std::vector<std::unique_ptr<Arena>> arenas_;
  std::size_t arena_used_ = 0;
};

}  // namespace

struct Simulation::Impl {
  LadderQueue queue;
  std::vector<Slot> slots;
  std::uint32_t free_slot = kNoSlot;
  std::size_t live = 0;
  std::uint64_t next_seq = 1;

  FramePool frames;
  detail::ProcessLink processes;  // sentinel of a circular list

  // Takes out the tombstones of cancelled events at the front of the event set;
  // returns the first live entry, or nullptr if none is left.
  [[gnu::noinline]] const EventEntry* skip_cancelled() {
    for (;;) {
      const EventEntry* e = queue.peek();
      if (e == nullptr || slots[e->slot].generation == e->generation) {
        return e;
      }
      queue.pop_peeked();
    }
  }

  // A slot at the end of the vector (none is free). Out of line: the slot vector
  // stops growing once it holds the most events ever pending at once.
  [[gnu::noinline]] std::uint32_t new_slot() {
    assert(slots.size() < kNoSlot);
    slots.emplace_back();
    return static_cast<std::uint32_t>(slots.size() - 1);
  }

  void free(std::uint32_t s) {
    Slot& slot = slots[s];
    ++slot.generation;
    slot.next_free = free_slot;
    free_slot = s;
    --live;
  }
};

Simulation::Simulation(SimulationDef def) : impl_(std::make_unique<Impl>()), now_(def.start_time) {
  assert(def.start_time < kInfinity && def.start_time == def.start_time);
  impl_->slots.reserve(def.expected_pending);
  impl_->queue.reserve(def.expected_pending);
  impl_->processes.prev = &impl_->processes;
  impl_->processes.next = &impl_->processes;
}

Simulation::~Simulation() {
  // Unfinished processes first: their frames come from the pool and their
  // locals may still name pending events.
  detail::ProcessLink& head = impl_->processes;
  while (head.next != &head) {
    detail::ProcessLink* link = head.next;
    forget_process(*link);
    link->frame.destroy();
  }
}

Simulation::Reservation Simulation::reserve(Time t) {
  Impl& m = *impl_;
  std::uint32_t s = m.free_slot;
  if (s != kNoSlot) [[likely]] {
    m.free_slot = m.slots[s].next_free;
  } else {
    s = m.new_slot();
  }
  Slot& slot = m.slots[s];
  ++m.live;
  m.queue.push(EventEntry{t, m.next_seq++, s, slot.generation});
  return Reservation{&slot.action, make_event_id(s, slot.generation)};
}

void Simulation::unreserve(EventId id) noexcept {
  const auto s = static_cast<std::uint32_t>((id.value & 0xffffffffU) - 1);
  impl_->free(s);
}

bool Simulation::cancel(EventId id) {
  if (!id) {
    return false;
  }
  Impl& m = *impl_;
  const std::uint64_t low = id.value & 0xffffffffU;
  if (low == 0 || low > m.slots.size()) {
    return false;
  }
  const auto s = static_cast<std::uint32_t>(low - 1);
  Slot& slot = m.slots[s];
  if (slot.generation != static_cast<std::uint32_t>(id.value >> 32) || !slot.action) {
    return false;
  }
  // Destroy the captures now; the entry stays in the event set as a tombstone.
  slot.action.reset();
  m.free(s);
  return true;
}

// Inlined into step(), run() and run_until(): one event's path with no call
// but the action's own.
[[gnu::always_inline]] inline bool Simulation::fire_next(Time limit) {
  Impl& m = *impl_;
  const EventEntry* e = m.queue.peek();
  if (e == nullptr) [[unlikely]] {
    return false;
  }
  if (m.slots[e->slot].generation != e->generation) [[unlikely]] {
    e = m.skip_cancelled();
    if (e == nullptr) {
      return false;
    }
  }
  if (e->time > limit) {
    return false;
  }
  now_ = e->time;
  const std::uint32_t s = e->slot;
  m.queue.pop_peeked();
  // With many events pending the slots no longer fit in cache: fetch the next
  // events' slots while this one runs.
  if (m.slots.size() > kPrefetchFromSlots) [[unlikely]] {
    for (const EventEntry& next : m.queue.next_few(kPrefetch)) {
      __builtin_prefetch(&m.slots[next.slot]);
    }
  }
  // Move the action out before it runs: it may schedule events, which can
  // reuse this slot or grow the slot vector.
  detail::EventAction action(std::move(m.slots[s].action));
  m.free(s);
  ++fired_;
  action();
  return true;
}

bool Simulation::step() {
  return fire_next(kInfinity);
}

void Simulation::run() {
  stop_requested_ = false;
  while (!stop_requested_ && fire_next(kInfinity)) {
  }
}

void Simulation::run_until(Time t) {
  assert(t >= now_ && "run_until() cannot go back in time");
  stop_requested_ = false;
  while (!stop_requested_ && fire_next(t)) {
  }
  if (!stop_requested_ && t < kInfinity) {
    now_ = t;
  }
}

std::size_t Simulation::pending() const {
  return impl_->live;
}

void* Simulation::allocate_frame(std::size_t bytes) {
  return impl_->frames.allocate(bytes);
}

void Simulation::deallocate_frame(void* frame, std::size_t bytes) noexcept {
  impl_->frames.deallocate(frame, bytes);
}

void Simulation::adopt_process(detail::ProcessLink& link) noexcept {
  detail::ProcessLink& head = impl_->processes;
  link.prev = head.prev;
  link.next = &head;
  head.prev->next = &link;
  head.prev = &link;
}

void Simulation::forget_process(detail::ProcessLink& link) noexcept {
  if (link.next == nullptr) {
    return;
  }
  link.prev->next = link.next;
  link.next->prev = link.prev;
  link.prev = nullptr;
  link.next = nullptr;
}

}  // namespace hallsim::sim
