#!/usr/bin/env bash
# make bench-peers: times ISK Brief against Mapnik, matplotlib and gnuplot
# on the same synthetic inputs, whole process, 1920x1080 PNG. Runs
# alternate between the tools; each figure is the median of RUNS runs, with
# the peak memory of that run. Not part of `make test`: timings on a shared
# machine are not pass/fail.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
out=build/bench
bash scripts/deps.sh peers
make -s headless >/dev/null
bin=build/headless/iskbrief
[[ -f $out/events-1m.csv && -f $out/countries.geojson ]] || go run ./scripts/benchdata -dir "$out"
py=/usr/bin/python3 # Debian's, which sees python3-mapnik and python3-matplotlib

# one LABEL CMD...: runs CMD once, appends "seconds peak-KB" to $out/LABEL.t
one() {
  local label=$1; shift
  /usr/bin/time -f "%e %M" -o "$out/.t" "$@" >/dev/null 2>"$out/.err" || { cat "$out/.err" >&2; exit 1; }
  cat "$out/.t" >> "$out/$label.t"
}
median() { sort -n "$out/$1.t" | awk '{ a[NR] = $0 } END { print a[int((NR + 1) / 2)] }'; }

jobs=(
  "map-embedded|$bin export map --out $out/isk-map0.png"
  "map-100k|$bin export map --events $out/events-100k.csv --out $out/isk-map100k.png"
  "mapnik-100k|$py scripts/peers/mapnik_map.py $out/countries.geojson $out/events-100k.csv $out/mapnik-100k.png"
  "map-1m|$bin export map --events $out/events-1m.csv --out $out/isk-map1m.png"
  "mapnik-1m|$py scripts/peers/mapnik_map.py $out/countries.geojson $out/events-1m.csv $out/mapnik-1m.png"
  "trends-embedded|$bin export chart --kind trends --out $out/isk-trends0.png"
  "trends-100k|$bin export chart --kind trends --events $out/events-100k.csv --out $out/isk-trends100k.png"
  "matplotlib-100k|$py scripts/peers/matplotlib_trends.py $out/events-100k.csv $out/mpl-100k.png"
  "gnuplot-100k|bash scripts/peers/gnuplot_trends.sh $out/events-100k.csv $out/gnuplot-100k.png"
  "trends-1m|$bin export chart --kind trends --events $out/events-1m.csv --out $out/isk-trends1m.png"
  "matplotlib-1m|$py scripts/peers/matplotlib_trends.py $out/events-1m.csv $out/mpl-1m.png"
  "gnuplot-1m|bash scripts/peers/gnuplot_trends.sh $out/events-1m.csv $out/gnuplot-1m.png"
)
for j in "${jobs[@]}"; do rm -f "$out/${j%%|*}.t"; done
for ((r = 1; r <= RUNS; r++)); do
  for j in "${jobs[@]}"; do
    # shellcheck disable=SC2086 # the command is split on purpose
    one "${j%%|*}" ${j#*|}
  done
done

secs() { median "$1" | cut -d' ' -f1; }
mb() { median "$1" | awk '{ printf "%.0f", $2 / 1024 }'; }
ratio() { awk -v a="$(secs "$1")" -v b="$(secs "$2")" 'BEGIN { printf "%.1f×", b / a }'; }
printf '%-32s %10s %10s   %s\n' job "ISK Brief" peer "peer / ISK Brief"
printf '%-32s %8ss %7sMB\n' "export map, embedded events" "$(secs map-embedded)" "$(mb map-embedded)"
printf '%-32s %8ss %8ss   Mapnik %s\n' "export map, 100k events" "$(secs map-100k)" "$(secs mapnik-100k)" "$(ratio map-100k mapnik-100k)"
printf '%-32s %8ss %8ss   Mapnik %s (ISK Brief %s MB, Mapnik %s MB)\n' "export map, 1M events" "$(secs map-1m)" "$(secs mapnik-1m)" "$(ratio map-1m mapnik-1m)" "$(mb map-1m)" "$(mb mapnik-1m)"
printf '%-32s %8ss\n' "trends chart, embedded events" "$(secs trends-embedded)"
printf '%-32s %8ss %8ss   matplotlib %s; gnuplot %ss, %s\n' "trends chart, 100k rows" "$(secs trends-100k)" "$(secs matplotlib-100k)" "$(ratio trends-100k matplotlib-100k)" "$(secs gnuplot-100k)" "$(ratio trends-100k gnuplot-100k)"
printf '%-32s %8ss %8ss   matplotlib %s; gnuplot %ss, %s (ISK Brief %s MB)\n' "trends chart, 1M rows" "$(secs trends-1m)" "$(secs matplotlib-1m)" "$(ratio trends-1m matplotlib-1m)" "$(secs gnuplot-1m)" "$(ratio trends-1m gnuplot-1m)" "$(mb trends-1m)"
echo "medians of $RUNS runs, whole process, on $(nproc) cores; images in $out/"
