#pragma once
/// \file
/// The discrete-event engine: a simulation clock and its pending-event set.
///
/// Pinned public API (implementation in sim/src). Events fire in order of
/// (time, insertion sequence): two events at the same time fire in the order
/// they were scheduled, on every run and every platform.

#include <array>
#include <cassert>
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <limits>
#include <memory>
#include <new>
#include <type_traits>
#include <utility>

namespace hallsim::sim {

/// Simulation time. The unit is the model's choice (hall models use seconds).
/// An event's time is computed once as `now + delay` or given absolutely; periodic
/// times are computed as `k * period`, never accumulated.
using Time = double;

inline constexpr Time kInfinity = std::numeric_limits<Time>::infinity();

/// Names one scheduled event so that it can be cancelled. Value 0 names none.
struct EventId {
  std::uint64_t value = 0;
  friend bool operator==(EventId, EventId) = default;
  explicit operator bool() const { return value != 0; }
};

/// Settings of a simulation (plain struct with defaults).
struct SimulationDef {
  Time start_time = 0.0;
  /// Expected number of pending events; lets the event set size itself up front.
  std::size_t expected_pending = 1024;
};

namespace detail {

/// A callable stored inline, without heap allocation: the payload of an event or
/// of a waiting request. Move-only; moving relocates the callable.
template <class Signature, std::size_t Capacity>
class InlineCallback;

template <class... Args, std::size_t Capacity>
class InlineCallback<void(Args...), Capacity> {
 public:
  /// Largest callable (in bytes) that fits: capture a pointer to bigger state.
  static constexpr std::size_t kCapacity = Capacity;

  InlineCallback() = default;
  // Copies the storage bytes (always initialised) and the pointers in one go, with
  // no zeroing first; only a callable that is not trivially copyable is then moved
  // by its own constructor.
  InlineCallback(InlineCallback&& other) noexcept
      : storage_(other.storage_),
        invoke_(std::exchange(other.invoke_, nullptr)),
        relocate_(std::exchange(other.relocate_, nullptr)) {
    if (relocate_ != nullptr) [[unlikely]] {
      relocate_(storage_.data(), other.storage_.data());
    }
  }
  InlineCallback& operator=(InlineCallback&& other) noexcept {
    if (this != &other) {
      reset();
      take(other);
    }
    return *this;
  }
  InlineCallback(const InlineCallback&) = delete;
  InlineCallback& operator=(const InlineCallback&) = delete;
  ~InlineCallback() { reset(); }

  /// Stores `f`; this callback must be empty.
  template <class F>
  void emplace(F&& f) {
    using D = std::decay_t<F>;
    static_assert(std::is_invocable_v<D&, Args...>, "the callable must accept these arguments");
    static_assert(sizeof(D) <= Capacity,
                  "the callable is too big to be stored inline: capture a pointer to the state "
                  "instead of the state itself");
    static_assert(alignof(D) <= alignof(std::uint64_t), "the callable is over-aligned");
    static_assert(std::is_nothrow_move_constructible_v<D>,
                  "the callable must be nothrow move constructible");
    assert(invoke_ == nullptr);
    ::new (static_cast<void*>(storage_.data())) D(std::forward<F>(f));
    invoke_ = [](void* p, Args... args) { std::invoke(*static_cast<D*>(p), args...); };
    if constexpr (std::is_trivially_copyable_v<D> && std::is_trivially_destructible_v<D>) {
      relocate_ = nullptr;
    } else {
      relocate_ = [](void* dst, void* src) noexcept {
        D* from = static_cast<D*>(src);
        if (dst != nullptr) {
          ::new (dst) D(std::move(*from));
        }
        from->~D();
      };
    }
  }

  explicit operator bool() const { return invoke_ != nullptr; }

  /// Calls the stored callable (which must exist).
  void operator()(Args... args) {
    assert(invoke_ != nullptr);
    invoke_(storage_.data(), args...);
  }

  /// Destroys the stored callable, if any.
  void reset() noexcept {
    if (relocate_ != nullptr) {
      relocate_(nullptr, storage_.data());
    }
    invoke_ = nullptr;
    relocate_ = nullptr;
  }

 private:
  // Trivially copyable callables (the common lambda of pointers and numbers)
  // move by a fixed-size memcpy, with no call through a function pointer.
  // Our storage holds no object.
  void take(InlineCallback& other) noexcept {
    if (other.relocate_ != nullptr) {
      other.relocate_(storage_.data(), other.storage_.data());
    } else {
      std::memcpy(storage_.data(), other.storage_.data(), Capacity);
    }
    invoke_ = std::exchange(other.invoke_, nullptr);
    relocate_ = std::exchange(other.relocate_, nullptr);
  }

  alignas(std::uint64_t) std::array<unsigned char, Capacity> storage_{};
  void (*invoke_)(void*, Args...) = nullptr;
  void (*relocate_)(void*, void*) noexcept = nullptr;
};

/// What an event does when it fires: 40 bytes of captures, 56 bytes in all.
using EventAction = InlineCallback<void(), 40>;

/// Links an unfinished process into its simulation, which destroys it when the
/// simulation itself is destroyed (see process.hpp).
struct ProcessLink {
  ProcessLink* prev = nullptr;
  ProcessLink* next = nullptr;
  std::coroutine_handle<> frame;
};

}  // namespace detail

class Timeout;

/// The clock and the pending-event set. One per run; nothing is shared between two.
class Simulation {
 public:
  explicit Simulation(SimulationDef def = {});
  ~Simulation();
  Simulation(const Simulation&) = delete;
  Simulation& operator=(const Simulation&) = delete;

  /// The current simulation time.
  Time now() const { return now_; }

  /// Schedules `action` (callable as `void()`) at absolute time `t >= now()`.
  template <class F>
  EventId schedule_at(Time t, F&& action);
  /// Schedules `action` after `delay >= 0`.
  template <class F>
  EventId schedule_in(Time delay, F&& action);

  /// Cancels a pending event; returns false if it already fired, was cancelled, or never existed.
  bool cancel(EventId id);

  /// Fires the next event; returns false if none is pending.
  bool step();
  /// Fires events until none is pending or stop() is called.
  void run();
  /// Fires every event with time <= t, then sets the clock to t (if not stopped earlier).
  /// With t = kInfinity the clock stays at the last event fired.
  void run_until(Time t);
  /// Makes run() / run_until() return after the event being fired.
  void stop() { stop_requested_ = true; }

  /// Number of pending (not cancelled) events.
  std::size_t pending() const;
  /// Number of events fired so far.
  std::uint64_t fired() const { return fired_; }

  /// `co_await sim.timeout(d)` resumes the awaiting process `d >= 0` later (through an event,
  /// so a zero delay lets every event already due at this time fire first).
  Timeout timeout(Time delay);

  /// Memory for a process frame (process.hpp), recycled within this simulation.
  void* allocate_frame(std::size_t bytes);
  /// Returns memory from allocate_frame(bytes).
  void deallocate_frame(void* frame, std::size_t bytes) noexcept;
  /// Records an unfinished process; the simulation destroys it if it is still
  /// suspended when the simulation is destroyed.
  void adopt_process(detail::ProcessLink& link) noexcept;
  /// Forgets a process that has finished.
  void forget_process(detail::ProcessLink& link) noexcept;

 private:
  struct Reservation {
    detail::EventAction* action;
    EventId id;
  };
  struct Impl;

  // Enters an event at time t in the event set and returns the (empty) action to fill in.
  Reservation reserve(Time t);
  // Takes back a reservation whose action could not be constructed.
  void unreserve(EventId id) noexcept;
  // Fires the next live event if its time is <= limit.
  bool fire_next(Time limit);

  std::unique_ptr<Impl> impl_;
  Time now_ = 0.0;
  std::uint64_t fired_ = 0;
  bool stop_requested_ = false;
};

/// Awaitable of Simulation::timeout: suspends a process for a delay.
class [[nodiscard]] Timeout {
 public:
  Timeout(Simulation& sim, Time delay) : sim_(&sim), delay_(delay) {}
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> process) {
    sim_->schedule_in(delay_, [process] { process.resume(); });
  }
  void await_resume() const noexcept {}

 private:
  Simulation* sim_;
  Time delay_;
};

template <class F>
EventId Simulation::schedule_at(Time t, F&& action) {
  // NaN fails this too. Scheduling into the past is a bug in the model, not bad input.
  assert(t >= now_ && "an event cannot be scheduled before now()");
  assert(t < kInfinity && "an event needs a finite time");
  Reservation r = reserve(t);
  if constexpr (std::is_nothrow_constructible_v<std::decay_t<F>, F&&>) {
    r.action->emplace(std::forward<F>(action));
  } else {
    try {
      r.action->emplace(std::forward<F>(action));
    } catch (...) {
      unreserve(r.id);
      throw;
    }
  }
  return r.id;
}

template <class F>
EventId Simulation::schedule_in(Time delay, F&& action) {
  assert(delay >= 0.0 && "an event cannot be scheduled with a negative delay");
  return schedule_at(now_ + delay, std::forward<F>(action));
}

inline Timeout Simulation::timeout(Time delay) {
  return {*this, delay};
}

}  // namespace hallsim::sim
