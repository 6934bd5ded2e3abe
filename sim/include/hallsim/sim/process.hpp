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
#include <type_traits>

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
concept NamesSimulation = std::same_as<T, Simulation> || SimulationOwner<T>;

}  // namespace detail

/// Return type of a process coroutine. The first parameter of the function (or the
/// object of a member function) must be the Simulation or have `simulation()`.
/// Parameters are taken by value or by lvalue reference. A process cannot be
/// awaited; it reports through the model's own state.
class Process {
 public:
  /// The coroutine machinery of a process with parameters `Params` (see the
  /// std::coroutine_traits specialisation below). One class per signature keeps
  /// operator new a plain member, which pairs with the sized operator delete.
  template <class... Params>
  class Promise;
};

template <class First, class... Rest>
class Process::Promise<First, Rest...> {
  static_assert(detail::NamesSimulation<std::remove_reference_t<First>>,
                "a process function must take the Simulation (or an object with simulation()) "
                "as its first parameter");
  static_assert((!std::is_rvalue_reference_v<Rest> && ...),
                "a process must not take rvalue references: the argument would be gone after "
                "the first co_await");

 public:
  explicit Promise(std::remove_reference_t<First>& first,
                   std::remove_reference_t<Rest>&... /*rest*/) noexcept
      : sim_(&detail::simulation_of(first)) {
    link_.frame = std::coroutine_handle<Promise>::from_promise(*this);
    sim_->adopt_process(link_);
  }
  ~Promise() { sim_->forget_process(link_); }
  Promise(const Promise&) = delete;
  Promise& operator=(const Promise&) = delete;

  Process get_return_object() noexcept { return {}; }
  std::suspend_never initial_suspend() noexcept { return {}; }
  std::suspend_never final_suspend() noexcept { return {}; }
  void return_void() noexcept {}
  // The exception leaves through the event that resumed the process, and so
  // out of Simulation::run(); the frame stays until the simulation ends.
  void unhandled_exception() { throw; }

  static void* operator new(std::size_t bytes, std::remove_reference_t<First>& first,
                            std::remove_reference_t<Rest>&... /*rest*/) {
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

}  // namespace hallsim::sim

/// Every coroutine returning Process uses the promise for its own parameter list.
template <class... Params>
struct std::coroutine_traits<hallsim::sim::Process, Params...> {
  using promise_type = hallsim::sim::Process::Promise<Params...>;
};
