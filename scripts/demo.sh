#!/usr/bin/env bash
# The main job: set up, build, and analyse the bundled example dispatches (examples/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh build/release
build/release/cli/vigie analyze --stats examples/
