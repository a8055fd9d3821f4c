#!/usr/bin/env bash
# Shows, for each golden dispatch, what the system extracts next to the hand annotation, so that a
# reviewer can decide whether a difference is a system error or an annotation to correct by hand.
# It never writes tests/golden/**/*.expected.json: those are human annotations.
#
#   scripts/update-golden.sh                  # every file
#   scripts/update-golden.sh fr/quote_        # only files whose "<lang>/<name>" contains the text
#   BUILD_DIR=build/mine scripts/update-golden.sh
#
# After reviewing, raise the figures in tests/golden/thresholds.txt to what the summary lines print
# (the ratchet only goes up).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build/golden}"
filter="${1:-1}"

if [[ ! -f "$build/CMakeCache.txt" ]]; then
  cmake -S "$root" -B "$build" >/dev/null
fi
cmake --build "$build" -j2 --target golden_test >/dev/null

# The aggregate test prints one block per file (expected, then system) and one summary line per
# language; its pass/fail status is the ratchet, not what this review is for.
VIGIE_GOLDEN_REVIEW="$filter" "$build/tests/golden/golden_test" \
  --gtest_filter=GoldenEvents.Aggregate --gtest_brief=1 || true
