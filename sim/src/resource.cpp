#include "hallsim/sim/resource.hpp"

#include <deque>
#include <vector>

#include "resource_line.hpp"

namespace hallsim::sim {

namespace {

// Marks a pool as running a grant callback for as long as it lives, also when
// the callback throws.
class DispatchGuard {
 public:
  explicit DispatchGuard(bool& flag) : flag_(flag) { flag_ = true; }
  ~DispatchGuard() { flag_ = false; }
  DispatchGuard(const DispatchGuard&) = delete;
  DispatchGuard& operator=(const DispatchGuard&) = delete;

 private:
  bool& flag_;
};

}  // namespace

// ---------------------------------------------------------------------------
// ServerPool

struct ServerPool::Impl {
  Simulation* sim;
  int capacity;
  int busy = 0;
  std::size_t waiting = 0;
  std::uint64_t next_seq = 1;
  WaitingLine line;
  RequestTable<detail::GrantAction> table;
  bool dispatching = false;
  std::deque<detail::GrantAction> deferred;  // granted while another callback was running

  Impl(Simulation& s, int c, QueueDiscipline d) : sim(&s), capacity(c), line(d) {}

  bool free_now() const { return busy < capacity && waiting == 0; }

  // The server is already counted busy; runs the callback now unless one is running.
  void run_grant(detail::GrantAction action) {
    if (dispatching) {
      deferred.push_back(std::move(action));
      return;
    }
    DispatchGuard guard(dispatching);
    action();
    while (!deferred.empty()) {
      detail::GrantAction next(std::move(deferred.front()));
      deferred.pop_front();
      next();
    }
  }

  void grant_waiting() {
    while (busy < capacity && waiting > 0) {
      const LineEntry head = line.front();
      line.pop();
      if (!table.live(head.slot, head.generation)) {
        continue;  // withdrawn
      }
      --waiting;
      ++busy;
      run_grant(table.take(head.slot));
    }
  }
};

ServerPool::ServerPool(Simulation& sim, int capacity, QueueDiscipline discipline)
    : impl_(std::make_unique<Impl>(sim, capacity, discipline)) {
  assert(capacity >= 0);
}

ServerPool::~ServerPool() = default;

RequestId ServerPool::submit(detail::GrantAction action, int priority) {
  Impl& m = *impl_;
  if (m.free_now()) {
    ++m.busy;
    m.run_grant(std::move(action));
    return RequestId{};
  }
  const std::uint32_t s = m.table.add(std::move(action), m.sim->now(), 0);
  const int effective = m.line.discipline() == QueueDiscipline::priority ? priority : 0;
  m.line.push(LineEntry{effective, s, m.next_seq++, m.table[s].generation});
  ++m.waiting;
  return m.table.id(s);
}

bool ServerPool::withdraw(RequestId id) {
  Impl& m = *impl_;
  std::uint32_t s = 0;
  if (!m.table.find(id, s)) {
    return false;
  }
  m.table.drop(s);
  --m.waiting;
  return true;
}

void ServerPool::release() {
  Impl& m = *impl_;
  assert(m.busy > 0 && "release() without a server in use");
  --m.busy;
  m.grant_waiting();
}

void ServerPool::set_capacity(int capacity) {
  assert(capacity >= 0);
  impl_->capacity = capacity;
  impl_->grant_waiting();
}

bool ServerPool::try_acquire() {
  Impl& m = *impl_;
  if (!m.free_now()) {
    return false;
  }
  ++m.busy;
  return true;
}

int ServerPool::capacity() const {
  return impl_->capacity;
}
int ServerPool::busy() const {
  return impl_->busy;
}
std::size_t ServerPool::waiting() const {
  return impl_->waiting;
}
Simulation& ServerPool::simulation() const {
  return *impl_->sim;
}

// ---------------------------------------------------------------------------
// SkillPool

struct SkillPool::Impl {
  struct Queue {
    WaitingLine line;
    std::size_t waiting = 0;
    std::vector<ServerIndex> servers;  // servers that may serve it, ascending
  };
  struct Server {
    std::vector<QueueIndex> serves;  // preference order
    bool open = true;
    bool busy = false;
  };
  struct Deferred {
    ServerIndex server;
    detail::SkillGrantAction action;
  };

  Simulation* sim;
  SelectionRule rule;
  std::vector<Queue> queues;
  std::vector<Server> servers;
  RequestTable<detail::SkillGrantAction> table;
  std::uint64_t next_seq = 1;
  bool dispatching = false;
  std::deque<Deferred> deferred;

  Impl(Simulation& s, SelectionRule r) : sim(&s), rule(r) {}

  void run_grant(ServerIndex s, detail::SkillGrantAction action) {
    if (dispatching) {
      deferred.push_back(Deferred{s, std::move(action)});
      return;
    }
    DispatchGuard guard(dispatching);
    action(s);
    while (!deferred.empty()) {
      Deferred next(std::move(deferred.front()));
      deferred.pop_front();
      next.action(next.server);
    }
  }

  // The first live entry of a non-empty queue (stale ones are dropped on the way).
  const LineEntry& head(Queue& q) {
    assert(q.waiting > 0);
    while (!table.live(q.line.front().slot, q.line.front().generation)) {
      q.line.pop();
    }
    return q.line.front();
  }

  // The queue server `s` takes its next request from, or none.
  std::optional<QueueIndex> choose(ServerIndex s) {
    std::optional<QueueIndex> best;
    Time best_arrival = kInfinity;
    for (const QueueIndex q : servers[s].serves) {
      Queue& queue = queues[q];
      if (queue.waiting == 0) {
        continue;
      }
      if (rule == SelectionRule::queue_order) {
        return q;
      }
      const Time arrival = table[head(queue).slot].arrival;
      if (arrival < best_arrival || (arrival == best_arrival && best && q < *best)) {
        best = q;
        best_arrival = arrival;
      }
    }
    return best;
  }

  // Server `s` is idle and open: it takes the next request it may serve, if any.
  void serve_next(ServerIndex s) {
    const std::optional<QueueIndex> q = choose(s);
    if (!q) {
      return;
    }
    Queue& queue = queues[*q];
    const std::uint32_t slot = head(queue).slot;
    queue.line.pop();
    --queue.waiting;
    servers[s].busy = true;
    run_grant(s, table.take(slot));
  }

  std::optional<ServerIndex> idle_server_for(QueueIndex q) const {
    for (const ServerIndex s : queues[q].servers) {
      if (servers[s].open && !servers[s].busy) {
        return s;
      }
    }
    return std::nullopt;
  }
};

SkillPool::SkillPool(Simulation& sim, SelectionRule rule)
    : impl_(std::make_unique<Impl>(sim, rule)) {}

SkillPool::~SkillPool() = default;

QueueIndex SkillPool::add_queue(QueueDiscipline discipline) {
  impl_->queues.push_back(Impl::Queue{WaitingLine(discipline), 0, {}});
  return static_cast<QueueIndex>(impl_->queues.size() - 1);
}

ServerIndex SkillPool::add_server(std::span<const QueueIndex> serves, bool open) {
  Impl& m = *impl_;
  const auto s = static_cast<ServerIndex>(m.servers.size());
  Impl::Server server;
  for (const QueueIndex q : serves) {
    assert(q < m.queues.size() && "add_server(): no such queue");
    if (std::find(server.serves.begin(), server.serves.end(), q) != server.serves.end()) {
      continue;
    }
    server.serves.push_back(q);
    m.queues[q].servers.push_back(s);  // servers are added in index order: stays ascending
  }
  server.open = open;
  m.servers.push_back(std::move(server));
  if (open) {
    m.serve_next(s);
  }
  return s;
}

RequestId SkillPool::submit(QueueIndex q, detail::SkillGrantAction action, int priority) {
  Impl& m = *impl_;
  assert(q < m.queues.size() && "request(): no such queue");
  Impl::Queue& queue = m.queues[q];
  // An idle open server never coexists with a non-empty queue it serves.
  if (queue.waiting == 0) {
    if (const std::optional<ServerIndex> s = m.idle_server_for(q)) {
      m.servers[*s].busy = true;
      m.run_grant(*s, std::move(action));
      return RequestId{};
    }
  }
  const std::uint32_t slot = m.table.add(std::move(action), m.sim->now(), q);
  const int effective = queue.line.discipline() == QueueDiscipline::priority ? priority : 0;
  queue.line.push(LineEntry{effective, slot, m.next_seq++, m.table[slot].generation});
  ++queue.waiting;
  return m.table.id(slot);
}

bool SkillPool::withdraw(RequestId id) {
  Impl& m = *impl_;
  std::uint32_t slot = 0;
  if (!m.table.find(id, slot)) {
    return false;
  }
  --m.queues[m.table[slot].queue].waiting;
  m.table.drop(slot);
  return true;
}

void SkillPool::release(ServerIndex s) {
  Impl& m = *impl_;
  assert(s < m.servers.size() && m.servers[s].busy && "release(): that server is not busy");
  m.servers[s].busy = false;
  if (m.servers[s].open) {
    m.serve_next(s);
  }
}

void SkillPool::set_open(ServerIndex s, bool open) {
  Impl& m = *impl_;
  assert(s < m.servers.size());
  const bool was_open = m.servers[s].open;
  m.servers[s].open = open;
  if (open && !was_open && !m.servers[s].busy) {
    m.serve_next(s);
  }
}

std::optional<ServerIndex> SkillPool::try_acquire(QueueIndex q) {
  Impl& m = *impl_;
  assert(q < m.queues.size());
  if (m.queues[q].waiting != 0) {
    return std::nullopt;
  }
  const std::optional<ServerIndex> s = m.idle_server_for(q);
  if (s) {
    m.servers[*s].busy = true;
  }
  return s;
}

std::size_t SkillPool::waiting(QueueIndex q) const {
  return impl_->queues[q].waiting;
}
bool SkillPool::busy(ServerIndex s) const {
  return impl_->servers[s].busy;
}
bool SkillPool::open(ServerIndex s) const {
  return impl_->servers[s].open;
}
std::size_t SkillPool::queue_count() const {
  return impl_->queues.size();
}
std::size_t SkillPool::server_count() const {
  return impl_->servers.size();
}

}  // namespace hallsim::sim
