#!/usr/bin/env bash
# Takes the README screenshot from the real running app under Xvfb: the
# window at its default size with one event selected. Usage: scripts/screenshot.sh [OUT.png] [EVENT-ID]
set -euo pipefail
export LANG=en_US.UTF-8 FYNE_SCALE=1
cd "$(dirname "$0")/.."
out=${1:-assets/screenshots/main.png}
target=${2:-rus-2024-06-23-dagestan-derbent-makhachkala}
bin=${ISKBRIEF_BIN:-build/iskbrief}
log=$(mktemp)
wsdir=$(mktemp -d)
disp=95
while [[ -e /tmp/.X11-unix/X$disp || -e /tmp/.X$disp-lock ]]; do disp=$((disp+1)); done
Xvfb ":$disp" -screen 0 1600x900x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
app=""
trap '[[ -n "$app" ]] && kill $app 2>/dev/null; kill $xvfb 2>/dev/null; rm -rf "$log" "$wsdir"' EXIT
export DISPLAY=":$disp"
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done
"$bin" --trace --workspace "$wsdir/ws.db" 2>"$log" &
app=$!
win=$(xdotool search --sync --name "ISK Brief" | head -1)
until grep -q "trace: marker" "$log"; do sleep 0.1; done
pos=$(sed -n "s/^trace: marker $target at \([0-9]*\),\([0-9]*\)$/\1 \2/p" "$log" | head -1)
[[ -n "$pos" ]] || { echo "screenshot: $target is not a single marker in the first frame" >&2; exit 1; }
read -r mx my <<<"$pos"
eval "$(xdotool getwindowgeometry --shell "$win")"
xdotool mousemove --sync $((X + mx)) $((Y + my)) click 1
until grep -q "trace: selected $target" "$log"; do sleep 0.1; done
sleep 1
mkdir -p "$(dirname "$out")"
import -window "$win" "$out"
echo "wrote $out"
