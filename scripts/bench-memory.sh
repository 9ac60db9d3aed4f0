#!/usr/bin/env bash
# Peak memory of importing and saving a 1,000,000-row ACLED export (every
# row kept: --actor all, the worst case), measured with GNU time on the
# headless binary. Usage: scripts/bench-memory.sh   (make bench-memory)
set -euo pipefail
cd "$(dirname "$0")/.."
dir=build/bench
bin=build/headless/iskbrief
[[ -x $bin ]] || CGO_ENABLED=0 go build -tags headless -o "$bin" ./cmd/iskbrief
[[ -f $dir/acled-1000000.csv ]] || go run ./scripts/benchdata -dir "$dir" -acled 1000000
ws=$(mktemp -d)
trap 'rm -rf "$ws"' EXIT
/usr/bin/time -v "$bin" import --actor all --workspace "$ws/ws.db" "$dir/acled-1000000.csv" >"$ws/out" 2>"$ws/time" || { cat "$ws/out" "$ws/time"; exit 1; }
tail -1 "$ws/out"
rss=$(sed -n 's/^\s*Maximum resident set size (kbytes): //p' "$ws/time")
wall=$(sed -n 's/^\s*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$ws/time")
echo "import + save of 1,000,000 ACLED rows: peak RSS $((rss / 1024)) MB, wall $wall"
