#!/usr/bin/env bash
# One command from a fresh Debian machine: install the packages, build hallsim, and run
# the main job on the built-in sample hall.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake --preset release
cmake --build --preset release -j "$(nproc 2>/dev/null || echo 2)" --target hallsim
./build/release/app/hallsim simulate floorplans/town-center.json scenarios/town-center-weekday.json --replications 20 --seed 1
