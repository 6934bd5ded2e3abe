#pragma once
/// \file
/// Resources: a pool of identical servers with one waiting line, and skill-based
/// servers that each pick among several queues (counters that serve some ticket
/// queues and not others).
///
/// Pinned public API (implementation in sim/src). Grant callbacks run at the
/// current simulation time.
///
/// When a grant's callback runs: synchronously, before the outermost call into the
/// pool (request, release, set_capacity, set_open) returns — no event is scheduled
/// for it. The server is taken at the moment of the grant. A grant made while a
/// callback of the same pool is running (a callback that releases or requests
/// again) is not run inside it: it is queued and runs right after that callback
/// returns, in the order the grants were made, so the call depth stays bounded and
/// the order is the same on every run. Callbacks may call anything on the pool or
/// the simulation.

#include <cassert>
#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <utility>

#include "hallsim/sim/engine.hpp"

namespace hallsim::sim {

/// How a waiting line orders its requests.
enum class QueueDiscipline {
  fifo,      ///< first come, first served
  priority,  ///< lower priority value first; FIFO among equal priorities
};

/// Names one request so that it can be withdrawn (reneging). Value 0 names none.
struct RequestId {
  std::uint64_t value = 0;
  friend bool operator==(RequestId, RequestId) = default;
  explicit operator bool() const { return value != 0; }
};

class Acquire;
class AcquireWithin;

namespace detail {
/// What a ServerPool request does when granted.
using GrantAction = InlineCallback<void(), 40>;
}  // namespace detail

/// A pool of `capacity` identical servers with one waiting line.
class ServerPool {
 public:
  ServerPool(Simulation& sim, int capacity, QueueDiscipline discipline = QueueDiscipline::fifo);
  ~ServerPool();
  ServerPool(const ServerPool&) = delete;
  ServerPool& operator=(const ServerPool&) = delete;

  /// Asks for one server. `on_granted` (callable as `void()`) runs as soon as a
  /// server is free: at once if one is free now, else when one is released.
  /// `priority` counts only with QueueDiscipline::priority. Returns a null id when
  /// the request is granted at once (there is nothing left to withdraw).
  template <class F>
  RequestId request(F&& on_granted, int priority = 0) {
    detail::GrantAction action;
    action.emplace(std::forward<F>(on_granted));
    return submit(std::move(action), priority);
  }
  /// Takes a waiting request out of the line; false if it was already granted.
  bool withdraw(RequestId id);
  /// Returns one server; the next waiting request (if any) is granted now.
  void release();

  /// Changes the number of servers; when it shrinks, busy servers finish first.
  void set_capacity(int capacity);

  int capacity() const;
  int busy() const;
  std::size_t waiting() const;

  /// `co_await pool.acquire(priority)`: resumes the process holding a server.
  Acquire acquire(int priority = 0);
  /// `co_await pool.acquire_within(patience, priority)`: true holding a server, or
  /// false after waiting `patience` without one (the process reneged).
  AcquireWithin acquire_within(Time patience, int priority = 0);

  /// Takes a server at once if one is free and nobody waits; false otherwise.
  bool try_acquire();
  /// The simulation this pool belongs to.
  Simulation& simulation() const;

 private:
  struct Impl;
  RequestId submit(detail::GrantAction action, int priority);
  std::unique_ptr<Impl> impl_;
};

/// Awaitable of ServerPool::acquire.
class [[nodiscard]] Acquire {
 public:
  Acquire(ServerPool& pool, int priority) : pool_(&pool), priority_(priority) {}
  bool await_ready() { return pool_->try_acquire(); }
  void await_suspend(std::coroutine_handle<> process) {
    pool_->request([process] { process.resume(); }, priority_);
  }
  void await_resume() const noexcept {}

 private:
  ServerPool* pool_;
  int priority_;
};

/// Awaitable of ServerPool::acquire_within.
class [[nodiscard]] AcquireWithin {
 public:
  AcquireWithin(ServerPool& pool, Time patience, int priority)
      : pool_(&pool), patience_(patience), priority_(priority) {}
  bool await_ready() {
    granted_ = pool_->try_acquire();
    return granted_ || !(patience_ > 0.0);
  }
  void await_suspend(std::coroutine_handle<> process) {
    process_ = process;
    // Whichever comes first at the same time wins: the grant or the end of patience.
    request_ = pool_->request(
        [this] {
          granted_ = true;
          pool_->simulation().cancel(timer_);
          process_.resume();
        },
        priority_);
    timer_ = pool_->simulation().schedule_in(patience_, [this] {
      // A grant cancels this timer within the same event, so the request still waits.
      [[maybe_unused]] const bool withdrawn = pool_->withdraw(request_);
      assert(withdrawn);
      process_.resume();
    });
  }
  bool await_resume() const noexcept { return granted_; }

 private:
  ServerPool* pool_;
  Time patience_;
  int priority_;
  bool granted_ = false;
  RequestId request_;
  EventId timer_;
  std::coroutine_handle<> process_;
};

inline Acquire ServerPool::acquire(int priority) {
  return {*this, priority};
}
inline AcquireWithin ServerPool::acquire_within(Time patience, int priority) {
  return {*this, patience, priority};
}

/// Index of a queue in a SkillPool.
using QueueIndex = std::uint32_t;
/// Index of a server in a SkillPool.
using ServerIndex = std::uint32_t;

/// How a free server chooses among the non-empty queues it may serve.
enum class SelectionRule {
  longest_waiting,  ///< the head that has waited longest (ties: lower queue index)
  queue_order,      ///< the first non-empty queue in the server's own list
};

class AcquireSkill;

namespace detail {
/// What a SkillPool request does when granted: it learns which server took it.
using SkillGrantAction = InlineCallback<void(ServerIndex), 40>;
}  // namespace detail

/// Servers that each serve a subset of the queues ("windows that serve some items").
///
/// A request that arrives when some open idle server may serve its queue goes to
/// the lowest-numbered such server. A server that becomes free (released, opened)
/// picks among the non-empty queues it serves by the SelectionRule; within one
/// queue the line's discipline decides.
class SkillPool {
 public:
  explicit SkillPool(Simulation& sim, SelectionRule rule = SelectionRule::longest_waiting);
  ~SkillPool();
  SkillPool(const SkillPool&) = delete;
  SkillPool& operator=(const SkillPool&) = delete;

  /// Adds a queue; returns its index (0, 1, 2, ...).
  QueueIndex add_queue(QueueDiscipline discipline = QueueDiscipline::fifo);
  /// Adds a server that may serve the given queues (in its preference order).
  ServerIndex add_server(std::span<const QueueIndex> serves, bool open = true);

  /// Joins queue `q`. `on_granted` (callable as `void(ServerIndex)`) runs when a
  /// server takes this request. Returns a null id when granted at once.
  template <class F>
  RequestId request(QueueIndex q, F&& on_granted, int priority = 0) {
    detail::SkillGrantAction action;
    action.emplace(std::forward<F>(on_granted));
    return submit(q, std::move(action), priority);
  }
  /// Takes a waiting request out of its queue; false if it was already granted.
  bool withdraw(RequestId id);
  /// Server `s` has finished; it takes the next request it may serve, if any.
  void release(ServerIndex s);

  /// Opens or closes a server; a closing busy server finishes its current request first.
  void set_open(ServerIndex s, bool open);

  std::size_t waiting(QueueIndex q) const;
  bool busy(ServerIndex s) const;
  bool open(ServerIndex s) const;
  std::size_t queue_count() const;
  std::size_t server_count() const;

  /// `co_await pool.acquire(q, priority)`: resumes the process with the server that took it.
  AcquireSkill acquire(QueueIndex q, int priority = 0);
  /// Takes an idle open server for queue `q` at once if there is one.
  std::optional<ServerIndex> try_acquire(QueueIndex q);

 private:
  struct Impl;
  RequestId submit(QueueIndex q, detail::SkillGrantAction action, int priority);
  std::unique_ptr<Impl> impl_;
};

/// Awaitable of SkillPool::acquire.
class [[nodiscard]] AcquireSkill {
 public:
  AcquireSkill(SkillPool& pool, QueueIndex q, int priority)
      : pool_(&pool), queue_(q), priority_(priority) {}
  bool await_ready() {
    const std::optional<ServerIndex> s = pool_->try_acquire(queue_);
    if (s) {
      server_ = *s;
    }
    return s.has_value();
  }
  void await_suspend(std::coroutine_handle<> process) {
    pool_->request(
        queue_,
        [this, process](ServerIndex s) {
          server_ = s;
          process.resume();
        },
        priority_);
  }
  ServerIndex await_resume() const noexcept { return server_; }

 private:
  SkillPool* pool_;
  QueueIndex queue_;
  int priority_;
  ServerIndex server_ = 0;
};

inline AcquireSkill SkillPool::acquire(QueueIndex q, int priority) {
  return {*this, q, priority};
}

}  // namespace hallsim::sim
