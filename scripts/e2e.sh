#!/usr/bin/env bash
# End-to-end test, as a person would use the app: start the real binary
# under Xvfb, wait for its window, click a known marker with xdotool, take a
# screenshot with ImageMagick and check from its pixels that the map and the
# detail panel are drawn. The app's --trace log confirms which event was
# selected. Stops only the processes it started.
set -euo pipefail
export LANG=en_US.UTF-8 LC_ALL= FYNE_SCALE=1
cd "$(dirname "$0")/.."
out=build/e2e
mkdir -p "$out"
bin=${ISKBRIEF_BIN:-build/iskbrief}
target=rus-2024-06-23-dagestan-derbent-makhachkala   # isolated marker on the Caspian

source scripts/xvfb.sh
start_xvfb 1920x1080 "$out/xvfb.log"
log="$out/app.log"

rm -f "$out"/workspace.db*
"$bin" --trace --workspace "$out/workspace.db" >"$out/app.out" 2>"$out/app.log" &
app=$!

wait_for "trace: marker $target at" 60
win=$(xdotool search --sync --name "ISK Brief" | head -1)
eval "$(xdotool getwindowgeometry --shell "$win")"   # sets X, Y, WIDTH, HEIGHT
read -r mx my < <(sed -n "s/^trace: marker $target at \([0-9]*\),\([0-9]*\)$/\1 \2/p" "$out/app.log" | head -1)
startup=$(sed -n 's/^trace: first frame \([0-9]*\) ms after start.*/\1/p' "$out/app.log")
echo "e2e: window $win at $X,$Y ${WIDTH}x$HEIGHT; clicking $target at $mx,$my"
size=$(du -m "$bin" | cut -f1)
echo "e2e: start-up: first map frame drawn ${startup} ms after process start (limit 1000 ms); binary ${size} MB"
(( startup <= ${STARTUP_LIMIT_MS:-1000} )) || { echo "e2e: start-up too slow"; exit 1; }

xdotool mousemove --sync $((X + mx)) $((Y + my))
sleep 0.3
xdotool click 1
wait_for "trace: selected $target" 10
sleep 1   # let the panel and the selection ring draw
import -window root "$out/shot.png"

layout=$(sed -n 's/^trace: layout map \([0-9,]*\) details \([0-9,]*\)$/\1 \2/p' "$out/app.log" | head -1)
read -r maprect panelrect <<<"$layout"
shift_rect() { IFS=, read -r a b c d <<<"$1"; echo "$((a + X)),$((b + Y)),$c,$d"; }
go run ./scripts/shotcheck "$out/shot.png" "$(shift_rect "$maprect")" "$(shift_rect "$panelrect")"
echo "e2e: PASS — selected $target; screenshot $out/shot.png"

# Under LANG=C.UTF-8, the default of Debian containers, the window starts
# with nothing on standard error but its own trace (Fyne once logged
# "Error parsing user locale C" here).
kill "$app"; wait "$app" 2>/dev/null || true
log="$out/app-c-locale.log"
LANG=C.UTF-8 LC_ALL= "$bin" --trace --workspace "$out/workspace.db" >"$out/app.out" 2>"$log" &
app=$!
wait_for "trace: first frame" 60
if grep -v '^trace:' "$log"; then echo "e2e: the window printed the above under LANG=C.UTF-8"; exit 1; fi
echo "e2e: PASS — under LANG=C.UTF-8 the window starts without a locale message"

# Offline, proven: the window runs once with every connect() traced, and
# may reach only the X server (and, if the desktop has one, the session
# bus or the name-service cache); then once in a network namespace of its
# own, where nothing but loopback exists, and must still draw its map.
kill "$app"; wait "$app" 2>/dev/null || true
log="$out/app-strace.log"
strace -f -qq -e trace=connect -o "$out/connects.txt" "$bin" --trace --workspace "$out/workspace.db" >"$out/app.out" 2>"$log" &
app=$!
wait_for "trace: first frame" 90
sleep 2 # let the worker goroutines settle
# Stop the traced app itself: strace, sent a signal, can hang detaching
# from a multi-threaded Go process; it exits on its own once the app does.
pkill -P "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
app=""
calls=$(grep -c 'connect(' "$out/connects.txt" || true)
bad=$(grep 'connect(' "$out/connects.txt" | grep -v -E 'sun_path=@?"(/tmp/\.X11-unix/X[0-9]+|/run/dbus/system_bus_socket|/run/user/[0-9]+/bus|/var/run/nscd/socket|/run/nscd/socket)"' || true)
if [[ -n $bad ]]; then
  echo "e2e: the app connected somewhere other than the X server:"; echo "$bad"; exit 1
fi
echo "e2e: PASS — offline: $calls connect() calls, every one to the X server or a local system socket ($out/connects.txt)"

if unshare -n true 2>/dev/null; then
  log="$out/app-nonet.log"
  unshare -n "$bin" --trace --workspace "$out/workspace.db" >"$out/app.out" 2>"$log" &
  app=$!
  wait_for "trace: first frame" 90
  echo "e2e: PASS — the window draws its first map with no network at all (unshare -n)"
  kill "$app"; wait "$app" 2>/dev/null || true
  app=""
else
  echo "e2e: SKIP — unshare -n is not permitted here (needs root or user namespaces); the strace check above still ran"
fi
