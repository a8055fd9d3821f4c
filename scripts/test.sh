#!/usr/bin/env bash
# The tests: set up, build, and run the whole suite with CTest.
# VIGIE_SANITIZE=1 runs it under AddressSanitizer and UndefinedBehaviorSanitizer (build/asan).
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=build/release
[ "${VIGIE_SANITIZE:-0}" = 1 ] && build_dir=build/asan
bash scripts/setup.sh "$build_dir"
ctest --test-dir "$build_dir" --output-on-failure -j"$(nproc)" --timeout 600
