// Statistical validation of the engine: queues run through Simulation, ServerPool and
// SkillPool with the project's random streams, against the analytic results of
// queueing.hpp.
//
// How the tolerances are set. Each check runs R independent replications (streams
// ("arrivals", r), ("service", r)), deletes a warm-up, and forms the Student-t interval of
// the per-replication means at 99.9%. The analytic value must lie inside. For a correct
// engine each interval misses with probability 0.001 (the replication means are close to
// normal: each averages tens of thousands of visitors), so the 24 intervals of this file
// together misfire for an arbitrary seed with probability at most 2.4% (Bonferroni); the
// seeds are fixed, so a pass or fail is the same on every machine. Warm-up bias is kept far
// below the half-width by warming up for many relaxation times, 1 / (mu (1 - sqrt(rho)))^2
// for M/M/1. Every check also asserts that its half-width is a small fraction of the value
// it checks, so that a loose interval cannot hide a wrong queue.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <span>
#include <tuple>
#include <vector>

#include "hallsim/sim/engine.hpp"
#include "hallsim/sim/queueing.hpp"
#include "hallsim/sim/random.hpp"
#include "hallsim/sim/resource.hpp"
#include "hallsim/sim/stats.hpp"

namespace hallsim::sim {
namespace {

constexpr double kLevel = 0.999;
constexpr int kReplications = 20;

/// One class of visitors: Poisson arrivals with their own stream and a line priority.
struct VisitorClass {
  double arrival_rate = 1.0;
  int priority = 0;  ///< lower is served first (QueueDiscipline::priority)
};

/// A single waiting line in front of identical servers.
struct LineScenario {
  std::vector<VisitorClass> classes = {VisitorClass{}};
  Distribution service = Exponential(1.0);
  int servers = 1;
  QueueDiscipline discipline = QueueDiscipline::fifo;
  bool skill_pool = false;  ///< one SkillPool queue served by every server, instead of a ServerPool
  double warmup = 1000.0;   ///< arrivals before this time are not measured
  double end = 11000.0;     ///< no arrivals from here on; the run then drains the line
  double long_wait = 1.0;   ///< waits above this count as long (the 90th-percentile target)
};

/// What one replication measured over the visitors who arrived in [warmup, end).
struct LineResult {
  std::vector<Tally> wait;               ///< per class
  std::vector<double> waited_fraction;   ///< per class, share with a positive wait
  std::vector<double> long_fraction;     ///< per class, share waiting more than long_wait
  std::vector<double> waits_in_order;    ///< every measured wait, in order of arrival
  double queue_area = 0.0;               ///< integral of the line length over [warmup, end]
  double waits_inside_window = 0.0;      ///< waiting time spent inside [warmup, end]
  double wait_before_window_tail = 0.0;  ///< waits of earlier arrivals after `warmup`
  double wait_after_window_tail = 0.0;   ///< waits of measured arrivals after `end`
};

/// The visitor's path as events: arrive, join the line, get a server, leave after service.
class LineModel {
 public:
  LineModel(const LineScenario& scenario, std::uint64_t replication)
      : scenario_(scenario), service_stream_(RandomSource(kSeed).stream("service", replication)) {
    if (scenario.skill_pool) {
      skills_.emplace(sim_);
      const QueueIndex q = skills_->add_queue(scenario.discipline);
      for (int s = 0; s < scenario.servers; ++s) {
        skills_->add_server(std::span(&q, 1));
      }
    } else {
      pool_.emplace(sim_, scenario.servers, scenario.discipline);
    }
    for (std::size_t k = 0; k < scenario.classes.size(); ++k) {
      arrival_streams_.push_back(RandomSource(kSeed).stream("arrivals", replication * 16 + k));
      interarrival_.emplace_back(1.0 / scenario.classes[k].arrival_rate);
    }
    result_.wait.resize(scenario.classes.size());
    counted_.assign(scenario.classes.size(), 0);
    waited_.assign(scenario.classes.size(), 0);
    waited_long_.assign(scenario.classes.size(), 0);
  }

  LineResult run() {
    for (std::size_t k = 0; k < scenario_.classes.size(); ++k) {
      schedule_arrival(k);
    }
    sim_.schedule_at(scenario_.warmup, [this] { line_.restart(scenario_.warmup); });
    sim_.schedule_at(scenario_.end, [this] { result_.queue_area = line_.area(scenario_.end); });
    sim_.run();
    for (std::size_t k = 0; k < counted_.size(); ++k) {
      result_.waited_fraction.push_back(static_cast<double>(waited_[k]) /
                                        static_cast<double>(counted_[k]));
      result_.long_fraction.push_back(static_cast<double>(waited_long_[k]) /
                                      static_cast<double>(counted_[k]));
    }
    return result_;
  }

 private:
  static constexpr std::uint64_t kSeed = 20240611;

  void schedule_arrival(std::size_t k) {
    const double t = sim_.now() + interarrival_[k](arrival_streams_[k]);
    if (t >= scenario_.end) {
      return;
    }
    sim_.schedule_at(t, [this, k] { arrive(k); });
  }

  void arrive(std::size_t k) {
    schedule_arrival(k);
    const double arrived = sim_.now();
    const int priority = scenario_.classes[k].priority;
    if (pool_) {
      pool_->request([this, arrived, k] { start(arrived, k, 0); }, priority);
    } else {
      skills_->request(
          0, [this, arrived, k](ServerIndex s) { start(arrived, k, s); }, priority);
    }
    line_.set(sim_.now(), static_cast<double>(waiting()));
  }

  void start(double arrived, std::size_t k, ServerIndex server) {
    const double now = sim_.now();
    const double wait = now - arrived;
    const double lo = scenario_.warmup;
    const double hi = scenario_.end;
    if (arrived >= lo) {
      result_.wait[k].add(wait);
      result_.waits_in_order.push_back(wait);
      ++counted_[k];
      if (wait > 0.0) {
        ++waited_[k];
      }
      if (wait > scenario_.long_wait) {
        ++waited_long_[k];
      }
      result_.waits_inside_window += std::min(now, hi) - arrived;
      result_.wait_after_window_tail += std::max(0.0, now - hi);
    } else if (now > lo) {
      result_.waits_inside_window += std::min(now, hi) - lo;
      result_.wait_before_window_tail += now - lo;
    }
    sim_.schedule_in(scenario_.service(service_stream_), [this, server] { finish(server); });
  }

  void finish(ServerIndex server) {
    if (pool_) {
      pool_->release();
    } else {
      skills_->release(server);
    }
    line_.set(sim_.now(), static_cast<double>(waiting()));
  }

  std::size_t waiting() const { return pool_ ? pool_->waiting() : skills_->waiting(0); }

  const LineScenario& scenario_;
  Simulation sim_;
  std::optional<ServerPool> pool_;
  std::optional<SkillPool> skills_;
  std::vector<RandomStream> arrival_streams_;
  std::vector<Exponential> interarrival_;
  RandomStream service_stream_;
  TimeWeighted line_;
  LineResult result_;
  std::vector<std::size_t> counted_, waited_, waited_long_;
};

/// Per-class replication summaries of the mean wait and of the fraction that waited.
struct Summary {
  std::vector<Estimate> mean_wait;
  std::vector<Estimate> prob_wait;
  std::vector<Estimate> prob_long_wait;
};

Summary replicate(const LineScenario& scenario, int replications) {
  const std::size_t classes = scenario.classes.size();
  std::vector<Replications> waits(classes);
  std::vector<Replications> fractions(classes);
  std::vector<Replications> long_fractions(classes);
  for (int r = 0; r < replications; ++r) {
    const LineResult result = LineModel(scenario, static_cast<std::uint64_t>(r)).run();
    for (std::size_t k = 0; k < classes; ++k) {
      waits[k].add(result.wait[k].mean());
      fractions[k].add(result.waited_fraction[k]);
      long_fractions[k].add(result.long_fraction[k]);
    }
  }
  Summary s;
  for (std::size_t k = 0; k < classes; ++k) {
    s.mean_wait.push_back(waits[k].estimate(kLevel));
    s.prob_wait.push_back(fractions[k].estimate(kLevel));
    s.prob_long_wait.push_back(long_fractions[k].estimate(kLevel));
  }
  return s;
}

/// The analytic value lies in the 99.9% interval, and the interval is sharp: its half-width
/// is at most `max_relative` of the value.
void expect_within(const Estimate& e, double analytic, double max_relative, const char* what) {
  std::printf("  %-40s analytic %9.5f  simulated %9.5f +- %8.5f (%.1f%%, n = %zu)\n", what,
              analytic, e.mean, e.half_width, 100.0 * e.half_width / analytic, e.n);
  EXPECT_TRUE(e.contains(analytic)) << what << ": analytic " << analytic << ", simulated " << e.mean
                                    << " +- " << e.half_width << " (99.9%, n = " << e.n << ")";
  EXPECT_LT(e.half_width, max_relative * analytic) << what << ": interval too wide to judge";
}

LineScenario mmc(double lambda, int servers, double warmup, double end) {
  LineScenario s;
  s.classes = {VisitorClass{lambda, 0}};
  s.servers = servers;
  s.warmup = warmup;
  s.end = end;
  return s;
}

/// Mean wait, P(wait > 0) and P(wait > the analytic 90th percentile) = 10% against Erlang C.
void expect_erlang_c(LineScenario s, double max_relative) {
  const MmcQueue q(s.classes[0].arrival_rate, 1.0, s.servers);
  s.long_wait = q.wait_quantile(0.9);
  const Summary sim = replicate(s, kReplications);
  expect_within(sim.mean_wait[0], q.mean_wait(), max_relative, "mean wait");
  expect_within(sim.prob_wait[0], q.prob_wait(), 0.02, "probability of waiting");
  expect_within(sim.prob_long_wait[0], 0.1, 0.08, "P(wait > analytic 90th percentile)");
}

TEST(EngineValidation, MM1AtHalfLoadMatchesErlangC) {
  // rho = 0.5: Wq = 1, P(wait) = 0.5. Relaxation time ~ 1 / (1 - sqrt(0.5))^2 = 12.
  expect_erlang_c(mmc(0.5, 1, 500.0, 100500.0), 0.03);
}

TEST(EngineValidation, MM3AtEightyPercentMatchesErlangC) {
  // lambda = 2.4, c = 3: C = 0.6472, Wq = C / 0.6 = 1.0787.
  expect_erlang_c(mmc(2.4, 3, 500.0, 100500.0), 0.03);
}

TEST(EngineValidation, MM5AtNinetyPercentMatchesErlangC) {
  // lambda = 4.5, c = 5: C = 0.7625, Wq = C / 0.5 = 1.525.
  expect_erlang_c(mmc(4.5, 5, 1000.0, 101000.0), 0.04);
}

TEST(EngineValidation, SkillPoolWithOneQueueIsAnMMcQueue) {
  // Two windows serving the one ticket queue: lambda = 1.6, rho = 0.8, C = 0.7111, Wq = 1.7778.
  LineScenario s = mmc(1.6, 2, 500.0, 100500.0);
  s.skill_pool = true;
  expect_erlang_c(s, 0.04);
}

TEST(EngineValidation, HeavilyLoadedMM1ByBatchMeansOfOneLongRun) {
  // rho = 0.9: Wq = 9, relaxation time ~ 1 / (1 - sqrt(0.9))^2 = 380; warm up for 13 of them.
  // One run of ~3.8M visitors cut into 20 batches of ~190,000 (over 500 relaxation times
  // each), so the batch means are nearly independent and nearly normal.
  const LineScenario s = mmc(0.9, 1, 5000.0, 4205000.0);
  const LineResult run = LineModel(s, 0).run();
  const std::vector<double> means = batch_mean_values(run.waits_in_order, 20);
  // Independent batch means have lag-1 autocorrelation about N(0, 1/20); 4 SEs = 0.89 only
  // flags batches that are far too short.
  EXPECT_LT(std::abs(lag1_autocorrelation(means)), 4.0 / std::sqrt(20.0));
  const Estimate wait = batch_means(run.waits_in_order, 20, kLevel);
  expect_within(wait, MmcQueue(0.9, 1.0, 1).mean_wait(), 0.04, "mean wait");
  std::vector<double> waited;
  waited.reserve(run.waits_in_order.size());
  for (const double w : run.waits_in_order) {
    waited.push_back(w > 0.0 ? 1.0 : 0.0);
  }
  expect_within(batch_means(waited, 20, kLevel), 0.9, 0.01, "probability of waiting");
}

TEST(EngineValidation, MD1MatchesPollaczekKhinchine) {
  // Deterministic service 1, rho = 0.7: Wq = 0.7 / (2 * 0.3) = 1.1667, half of M/M/1's.
  LineScenario s = mmc(0.7, 1, 500.0, 40500.0);
  s.service = Deterministic(1.0);
  const Summary sim = replicate(s, kReplications);
  expect_within(sim.mean_wait[0], mg1_mean_wait(0.7, 1.0, 0.0), 0.025, "M/D/1 mean wait");
  expect_within(sim.prob_wait[0], 0.7, 0.02, "M/D/1 probability of waiting (= rho)");
}

TEST(EngineValidation, MG1WithGammaServiceMatchesPollaczekKhinchine) {
  // Gamma service of mean 1. cv = 0.5 at rho = 0.8: Wq = 0.8 * 1.25 / (2 * 0.2) = 2.5.
  // cv = 2 at rho = 0.6: Wq = 0.6 * 5 / (2 * 0.4) = 3.75.
  for (const auto& [rho, cv, relative] : {std::tuple{0.8, 0.5, 0.03}, std::tuple{0.6, 2.0, 0.04}}) {
    LineScenario s = mmc(rho, 1, 1000.0, 121000.0);
    s.service = Gamma(1.0, cv);
    const Summary sim = replicate(s, kReplications);
    expect_within(sim.mean_wait[0], mg1_mean_wait(rho, 1.0, cv), relative, "M/G/1 mean wait");
    expect_within(sim.prob_wait[0], rho, 0.02, "M/G/1 probability of waiting (= rho)");
  }
}

TEST(EngineValidation, LittlesLawHoldsInsideOneRun) {
  // Over the window [T0, T1], the area under the line length equals the waiting time spent
  // inside the window. Lq = area / T and lambda W = (arrivals in window / T) * (their mean
  // wait) differ only by the edges: waits of earlier arrivals after T0 (counted in the
  // area, not in W) and waits of window arrivals after T1 (in W, not in the area). So
  // |Lq - lambda W| <= (edge at T0 + edge at T1) / T, and the bookkeeping identity is exact.
  const LineScenario s = mmc(1.6, 2, 1000.0, 101000.0);
  const LineResult run = LineModel(s, 3).run();
  const double window = s.end - s.warmup;
  const double lq = run.queue_area / window;
  const double throughput = static_cast<double>(run.wait[0].count()) / window;
  const double lambda_w = little_number(throughput, run.wait[0].mean());
  const double edges = (run.wait_before_window_tail + run.wait_after_window_tail) / window;
  std::printf("  Lq %.6f, lambda W %.6f, edge bound %.6f\n", lq, lambda_w, edges);
  EXPECT_LE(std::abs(lq - lambda_w), edges);
  EXPECT_LT(edges, 1e-3 * lq);  // the edges are a tiny share of a long window
  EXPECT_NEAR(run.queue_area, run.waits_inside_window, 1e-9 * run.queue_area);
  // And the run is close to the theory (one run, so only a loose sanity check: 10%).
  EXPECT_NEAR(lq, MmcQueue(1.6, 1.0, 2).mean_queue_length(), 0.1 * lq);
}

TEST(EngineValidation, TwoClassPriorityQueueMatchesCobham) {
  // Non-preemptive priority, exponential service of mean 1, lambda_1 = 0.3, lambda_2 = 0.4:
  // W0 = (0.3 * 2 + 0.4 * 2) / 2 = 0.7; W1 = 0.7 / (1 - 0.3) = 1; W2 = 0.7 / (0.7 * 0.3) = 3.333.
  LineScenario s;
  s.classes = {VisitorClass{0.3, 0}, VisitorClass{0.4, 1}};
  s.discipline = QueueDiscipline::priority;
  s.warmup = 1000.0;
  s.end = 61000.0;
  const std::vector<PriorityClass> classes = {{0.3, 1.0, 1.0}, {0.4, 1.0, 1.0}};
  const std::vector<double> cobham = priority_mg1_mean_waits(classes);
  const Summary sim = replicate(s, kReplications);
  expect_within(sim.mean_wait[0], cobham[0], 0.03, "high-priority mean wait");
  expect_within(sim.mean_wait[1], cobham[1], 0.04, "low-priority mean wait");
  // An arrival of either class waits exactly when the server is busy: P = rho = 0.7.
  expect_within(sim.prob_wait[0], 0.7, 0.02, "high-priority probability of waiting");
  expect_within(sim.prob_wait[1], 0.7, 0.02, "low-priority probability of waiting");
}

}  // namespace
}  // namespace hallsim::sim
