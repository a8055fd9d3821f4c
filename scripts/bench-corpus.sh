#!/usr/bin/env bash
# Runs the whole pipeline over the shared dev corpus (never part of the tests: CI passes without it)
# and prints throughput, the junk-cleaning counts, and peak memory for 1 and 100 passes.
#   scripts/bench-corpus.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
corpus=../shared/corpus/dev.jsonl
[ -f "$corpus" ] || { echo "no $corpus: nothing to measure"; exit 0; }
vigie=$build/cli/vigie
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
echo "== one pass"
/usr/bin/time -f "peak RSS %M KB, %e s" "$vigie" analyze --stats "$corpus" > "$tmp/out.jsonl"
for _ in $(seq 100); do cat "$corpus"; done > "$tmp/corpus100.jsonl"
echo "== the corpus 100 times over ($(du -h "$tmp/corpus100.jsonl" | cut -f1))"
/usr/bin/time -f "peak RSS %M KB, %e s" "$vigie" analyze --stats "$tmp/corpus100.jsonl" > /dev/null
if [ -x "$build/bench/pipeline_bench" ]; then
  echo "== pipeline benchmark"
  "$build/bench/pipeline_bench" --benchmark_min_time=1
fi
if [ -f ../shared/eval/score.py ]; then
  echo "== score"
  python3 ../shared/eval/score.py --gold ../shared/gold/dev --analyses "$tmp/out.jsonl"
fi
