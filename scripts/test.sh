#!/usr/bin/env bash
# Builds hallsim (release preset) and runs every test through ctest under a virtual X
# display (SFML needs one even off screen), then runs each benchmark binary briefly as a
# smoke check. Benchmarks assert nothing about speed here; their figures live in bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

cmake --preset release
cmake --build --preset release -j "$jobs"

xvfb-run -a ctest --preset release -j "$jobs"

shopt -s nullglob
for bench in build/release/bench/bench_*; do
  [ -x "$bench" ] || continue
  echo "== smoke: $(basename "$bench")"
  "$bench" --benchmark_min_time=0.01 --benchmark_format=console > /dev/null
done
echo "benchmarks: smoke run done"
