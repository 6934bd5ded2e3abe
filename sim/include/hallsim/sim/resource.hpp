#pragma once
/// \file
/// Resources: a pool of identical servers with one waiting line, and skill-based
/// servers that each pick among several queues (counters that serve some ticket
/// queues and not others).
///
/// Pinned public API (implementation in sim/src). Grant callbacks run at the
/// current simulation time.

#include <cstddef>
#include <cstdint>
#include <span>

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

/// A pool of `capacity` identical servers with one waiting line.
class ServerPool {
 public:
  ServerPool(Simulation& sim, int capacity, QueueDiscipline discipline = QueueDiscipline::fifo);

  /// Asks for one server. `on_granted` (callable as `void()`) runs as soon as a
  /// server is free: at once if one is free now, else when one is released.
  template <class F>
  RequestId request(F&& on_granted, int priority = 0);
  /// Takes a waiting request out of the line; false if it was already granted.
  bool withdraw(RequestId id);
  /// Returns one server; the next waiting request (if any) is granted now.
  void release();

  /// Changes the number of servers; when it shrinks, busy servers finish first.
  void set_capacity(int capacity);

  int capacity() const;
  int busy() const;
  std::size_t waiting() const;
};

/// Index of a queue in a SkillPool.
using QueueIndex = std::uint32_t;
/// Index of a server in a SkillPool.
using ServerIndex = std::uint32_t;

/// How a free server chooses among the non-empty queues it may serve.
enum class SelectionRule {
  longest_waiting,  ///< the head that has waited longest (ties: lower queue index)
  queue_order,      ///< the first non-empty queue in the server's own list
};

/// Servers that each serve a subset of the queues ("windows that serve some items").
class SkillPool {
 public:
  explicit SkillPool(Simulation& sim, SelectionRule rule = SelectionRule::longest_waiting);

  QueueIndex add_queue(QueueDiscipline discipline = QueueDiscipline::fifo);
  /// Adds a server that may serve the given queues (in its preference order).
  ServerIndex add_server(std::span<const QueueIndex> serves, bool open = true);

  /// Joins queue `q`. `on_granted` (callable as `void(ServerIndex)`) runs when a
  /// server takes this request.
  template <class F>
  RequestId request(QueueIndex q, F&& on_granted, int priority = 0);
  bool withdraw(RequestId id);
  /// Server `s` has finished; it takes the next request it may serve, if any.
  void release(ServerIndex s);

  /// Opens or closes a server; a closing busy server finishes its current request first.
  void set_open(ServerIndex s, bool open);

  std::size_t waiting(QueueIndex q) const;
  bool busy(ServerIndex s) const;
  bool open(ServerIndex s) const;
};

}  // namespace hallsim::sim
