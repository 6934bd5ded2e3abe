#pragma once
/// \file
/// Processes written as C++20 coroutines, so that a model reads like the path it
/// describes:
///
///     Process visitor(Simulation& sim, ServerPool& counter, Time service) {
///       co_await counter.acquire();      // take a ticket and wait for a counter
///       co_await sim.timeout(service);   // being served
///       counter.release();               // leave the counter
///     }
///
/// Calling a process function starts it at once, at the current time; it runs
/// until its first co_await. Its frame comes from a pool of the simulation (no
/// global allocator state), is returned there when the process finishes, and is
/// destroyed with the simulation if the process never finishes.

#include <concepts>
#include <coroutine>
#include <cstddef>
#include <new>

#include "hallsim/sim/engine.hpp"

namespace hallsim::sim {

namespace detail {

/// Something a process function may take first to tell which simulation it runs in:
/// the Simulation itself, or an object with a `simulation()` accessor (a hall model).
template <class T>
concept SimulationOwner = requires(T& owner) {
  { owner.simulation() } -> std::convertible_to<Simulation&>;
};

inline Simulation& simulation_of(Simulation& sim) {
  return sim;
}
template <SimulationOwner T>
Simulation& simulation_of(T& owner) {
  return owner.simulation();
}

template <class T>
concept NamesSimulation = std::same_as<std::remove_cvref_t<T>, Simulation> || SimulationOwner<T>;

}  // namespace detail

/// Return type of a process coroutine. The first parameter of the function (or the
/// object of a member function) must be the Simulation or have `simulation()`.
/// A process cannot be awaited; it reports through the model's own state.
class Process {
 public:
  /// The coroutine machinery of a process.
  class promise_type {
   public:
    template <detail::NamesSimulation First, class... Rest>
    explicit promise_type(First& first, Rest&... /*rest*/) : sim_(&detail::simulation_of(first)) {
      link_.frame = std::coroutine_handle<promise_type>::from_promise(*this);
      sim_->adopt_process(link_);
    }
    ~promise_type() { sim_->forget_process(link_); }
    promise_type(const promise_type&) = delete;
    promise_type& operator=(const promise_type&) = delete;

    Process get_return_object() noexcept { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() noexcept {}
    // The exception leaves through the event that resumed the process, and so
    // out of Simulation::run(); the frame stays until the simulation ends.
    void unhandled_exception() { throw; }

    template <detail::NamesSimulation First, class... Rest>
    static void* operator new(std::size_t bytes, First& first, Rest&... /*rest*/) {
      Simulation& sim = detail::simulation_of(first);
      void* block = sim.allocate_frame(bytes + kHeader);
      ::new (block) Simulation*(&sim);
      return static_cast<std::byte*>(block) + kHeader;
    }
    static void operator delete(void* frame, std::size_t bytes) noexcept {
      std::byte* block = static_cast<std::byte*>(frame) - kHeader;
      Simulation* sim = *std::launder(reinterpret_cast<Simulation**>(block));
      sim->deallocate_frame(block, bytes + kHeader);
    }

   private:
    // The frame's owner is kept in front of it: operator delete gets no other clue.
    static constexpr std::size_t kHeader = 16;

    Simulation* sim_;
    detail::ProcessLink link_;
  };
};

}  // namespace hallsim::sim
