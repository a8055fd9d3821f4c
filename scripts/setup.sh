#!/usr/bin/env bash
# Installs what Vigie needs on Debian 12 and builds it. Idempotent: each step is skipped when done.
# Progress goes to stderr, so the demo's standard output is only analyses.
#   scripts/setup.sh [BUILD_DIR] [extra cmake args...]
# Environment: VIGIE_SANITIZE=1 builds with ASan+UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build/release}
shift || true

# Debian packages: compiler and build tools, then one library per need (README.md says why each).
packages=(g++ cmake pkg-config ccache make libicu-dev libhunspell-dev hunspell-fr hunspell-en-us
  libcld2-dev libmarisa-dev libsqlite3-dev nlohmann-json3-dev libsimdjson-dev libcli11-dev
  libgtest-dev libgmock-dev libbenchmark-dev wordnet-base libgeonames-common iso-codes npm
  python3 time)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# A machine that already has Node.js and npm from elsewhere does not need Debian's npm.
if command -v npm >/dev/null 2>&1; then
  tmp=(); for p in "${missing[@]}"; do [ "$p" = npm ] || tmp+=("$p"); done; missing=("${tmp[@]+"${tmp[@]}"}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

cmake_args=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DVIGIE_WERROR=ON)
[ "${VIGIE_SANITIZE:-0}" = 1 ] && cmake_args+=(-DVIGIE_SANITIZE=ON)
cmake -S . -B "$build_dir" "${cmake_args[@]}" "$@" >/dev/null
cmake --build "$build_dir" -j"$(nproc)" >&2

# The compiled world gazetteer, from the pinned npm packages (skipped when up to date).
bash scripts/build-gazetteer.sh "$build_dir/cli/vigie" >&2
