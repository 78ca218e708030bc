#!/usr/bin/env bash
# Set up a fresh Debian 12 machine, build, and extract the bundled sample report.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
[ -d build ] || meson setup build
ninja -C build
./build/vnreport extract --format table examples/data/sample-report.txt
