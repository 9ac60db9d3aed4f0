#!/usr/bin/env bash
# gnuplot peer of `iskbrief export chart --kind trends --events`: an awk
# pre-pass counts attacks per year and country, gnuplot draws them stacked,
# 1920x1080 PNG. Usage: gnuplot_trends.sh events.csv out.png
set -euo pipefail
src=$1 out=$2
table=$(mktemp)
trap 'rm -f "$table"' EXIT
awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "event_date") d = i; if ($i == "country") c = i }; next }
  { y = substr($d, 1, 4); n[y, $c]++; ys[y]; cs[$c] }
  END {
    nc = 0; for (k in cs) cl[++nc] = k
    printf "year"; for (i = 1; i <= nc; i++) printf " %s", cl[i]; print ""
    for (y in ys) { printf "%s", y; for (i = 1; i <= nc; i++) printf " %d", n[y, cl[i]]; print "" }
  }' "$src" | { IFS= read -r h; echo "$h"; sort; } > "$table"
gnuplot <<GP
set terminal png size 1920,1080
set output "$out"
set title "Attacks per year"
set style data histograms
set style histogram rowstacked
set style fill solid border -1
set key autotitle columnheader
plot for [i=2:6] "$table" using i:xtic(1)
GP
