#!/usr/bin/python3
"""Runs the hold model and the M/M/5 queue in SimPy 2 and in hallsim, one after the
other on the same machine, and prints events/s, customers/s and the ratios.

    /usr/bin/python3 bench/simpy_compare.py [--bench build/release/bench/bench_engine]

SimPy comes from Debian's python3-simpy (SimPy 2.3, the `SimPy.Simulation` API), so
run this with the system Python. hallsim's side is bench_engine's Google Benchmark
runs, read back as JSON. Each SimPy run is kept to a few seconds.
"""

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import time

try:
    from SimPy.Simulation import Process, Resource, Simulation, hold, release, request
except ImportError:
    sys.exit("SimPy 2 is missing: apt-get install python3-simpy, then run with /usr/bin/python3")

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_BENCH = os.path.join(HERE, "..", "build", "release", "bench", "bench_engine")


# --- SimPy models ---------------------------------------------------------------------


class HoldVisitor(Process):
    """One of the N pending events of the hold model: holds Exp(1) again and again."""

    def run(self, rng, counter):
        while True:
            yield hold, self, rng.expovariate(1.0)
            counter[0] += 1


def simpy_hold(n, events):
    """Hold model with n processes; returns (events fired, seconds)."""
    sim = Simulation()
    sim.initialize()
    rng = random.Random(1)
    counter = [0]
    for _ in range(n):
        p = HoldVisitor(sim=sim)
        sim.activate(p, p.run(rng, counter))
    # Each process fires once per unit of time on average: run until `events` have fired.
    start = time.process_time()
    sim.simulate(until=events / n)
    seconds = time.process_time() - start
    return counter[0], seconds


class Customer(Process):
    def run(self, servers, rng, done):
        yield request, self, servers
        yield hold, self, rng.expovariate(1.0)
        yield release, self, servers
        done[0] += 1


class Source(Process):
    def run(self, servers, rng_arrivals, rng_services, done):
        while True:
            c = Customer(sim=self.sim)
            self.sim.activate(c, c.run(servers, rng_services, done))
            yield hold, self, rng_arrivals.expovariate(4.5)


def simpy_mm5(customers):
    """M/M/5, lambda = 4.5, mu = 1; returns (customers served, seconds)."""
    sim = Simulation()
    sim.initialize()
    servers = Resource(capacity=5, sim=sim)
    done = [0]
    src = Source(sim=sim)
    sim.activate(src, src.run(servers, random.Random(2), random.Random(3), done))
    start = time.process_time()
    sim.simulate(until=customers / 4.5)
    seconds = time.process_time() - start
    return done[0], seconds


# --- hallsim --------------------------------------------------------------------------


def hallsim_rates(bench, min_time):
    """Runs bench_engine and returns {benchmark name: counters}."""
    cmd = [
        bench,
        "--benchmark_filter=^bm_hold/(1000|100000|1000000)$|^bm_mm5$",
        "--benchmark_format=json",
        "--benchmark_min_time=%g" % min_time,
    ]
    print("$ " + " ".join(cmd), flush=True)
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return {b["name"]: b for b in json.loads(out)["benchmarks"]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", default=DEFAULT_BENCH, help="path to bench_engine")
    parser.add_argument("--min-time", type=float, default=1.0,
                        help="Google Benchmark min time per hallsim run (seconds)")
    args = parser.parse_args()
    if not os.access(args.bench, os.X_OK):
        sys.exit("no bench_engine at %s: build it (cmake --build --preset release) or pass --bench"
                 % args.bench)

    print("python %s, SimPy 2 (SimPy.Simulation), %s" % (platform.python_version(),
                                                        platform.processor() or platform.machine()))
    rows = []
    for n, events in ((1000, 300000), (100000, 300000)):
        fired, seconds = simpy_hold(n, events)
        rows.append(("hold N=%d" % n, "events/s", fired / seconds, "bm_hold/%d" % n,
                     "events_per_s"))
        print("simpy hold N=%d: %d events in %.2f s" % (n, fired, seconds), flush=True)
    served, seconds = simpy_mm5(150000)
    rows.append(("M/M/5", "customers/s", served / seconds, "bm_mm5", "customers_per_s"))
    print("simpy M/M/5: %d customers in %.2f s" % (served, seconds), flush=True)

    hallsim = hallsim_rates(args.bench, args.min_time)

    print()
    print("%-14s %-12s %14s %14s %9s" % ("model", "unit", "SimPy 2", "hallsim", "ratio"))
    for model, unit, simpy_rate, name, counter in rows:
        ours = hallsim[name][counter]
        print("%-14s %-12s %14.0f %14.0f %8.0fx" % (model, unit, simpy_rate, ours,
                                                    ours / simpy_rate))
    million = hallsim["bm_hold/1000000"]["events_per_s"]
    print("%-14s %-12s %14s %14.0f %9s" % ("hold N=1e6", "events/s", "(not run)", million, "-"))


if __name__ == "__main__":
    main()
