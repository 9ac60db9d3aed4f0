#!/usr/bin/env bash
# End-to-end test of the briefing workflow, as a new user would do it:
# build a three-slide briefing with the keyboard (search, Ctrl+N, type a
# title, Enter), kill the app, start it again and find the slides there,
# present them with the keys a presentation clicker sends, leave with Esc,
# and export the PDF and the PNG slides. Screenshots and exports are checked
# from their pixels and pages. Stops only the processes it started.
set -euo pipefail
export LANG=en_US.UTF-8 FYNE_SCALE=1
cd "$(dirname "$0")/.."
out=build/e2e-briefing
rm -rf "$out"; mkdir -p "$out"
bin=${ISKBRIEF_BIN:-build/iskbrief}
ws="$out/workspace.db"

source scripts/xvfb.sh
start_xvfb 1920x1080 "$out/xvfb.log"

start_app() { # log file
  log=$1
  "$bin" --trace --workspace "$ws" >/dev/null 2>"$log" &
  app=$!
  wait_for "trace: first frame" 60
  win=$(xdotool search --sync --name "ISK Brief" | head -1)
  xdotool windowactivate --sync "$win" 2>/dev/null || xdotool windowfocus --sync "$win"
}
key() { xdotool key --clearmodifiers "$@"; sleep 0.4; }

add_slide() { # search query (or ""), title
  if [[ -n "$1" ]]; then
    key ctrl+f; xdotool type --delay 20 "$1"; sleep 0.5; key Return
  fi
  key ctrl+n
  xdotool type --delay 15 "$2"; sleep 0.2
  key Return
  wait_for "slide added: \"$2\"" 10
}

start_app "$out/run1.log"
add_slide "" "All ISIS-K attacks since 2015"
add_slide "Crocus" "Crocus City Hall, March 2024"
add_slide "Kabul airport" "Kabul airport, August 2021"
grep "slide added" "$log"
kill -9 "$app"; wait "$app" 2>/dev/null || true; app=""    # the hardest way to quit

start_app "$out/run2.log"
grep -q 'with 3 slides' "$log" || { echo "e2e-briefing: slides did not survive the restart:"; grep workspace "$log"; exit 1; }
echo "e2e-briefing: 3 slides survived a kill -9 and a restart"

key F5;        wait_for "presenting slide 1/3" 10
sleep 1.5; import -window root "$out/present-1.png"
key Right;     wait_for "presenting slide 2/3" 5
key space;     wait_for "presenting slide 3/3" 5
key Left;      sleep 0.3
[[ $(grep -c "presenting slide 2/3" "$log") -ge 2 ]] || { echo "e2e-briefing: Left did not go back"; exit 1; }
key Next;      sleep 0.3   # Page Down
[[ $(grep -c "presenting slide 3/3" "$log") -ge 2 ]] || { echo "e2e-briefing: Page Down did not advance"; exit 1; }
key n;         wait_for "speaker notes shown: true" 5
key p;         wait_for "presenter view opened" 5      # the briefer's window: notes, next slide, timer
wait_for "presenter view: slide 3 of 3" 5
xdotool windowactivate --sync "$win" 2>/dev/null || true
sleep 1; import -window root "$out/present-3.png"
key Escape;    wait_for "presentation ended" 5
grep "presenting\|presentation ended" "$log"

# The presented slide: the map on the left, the chart (with text) on the right.
go run ./scripts/shotcheck "$out/present-1.png" 40,150,1000,780 1160,150,720,780

"$bin" export slides --workspace "$ws" --pdf "$out/briefing.pdf" --png-dir "$out/slides"
n=$(ls "$out"/slides/*.png | wc -l)
[[ $n -eq 3 ]] || { echo "e2e-briefing: $n PNG slides, want 3"; exit 1; }
for f in "$out"/slides/*.png; do
  [[ $(identify -format '%wx%h' "$f") == 1920x1080 ]] || { echo "e2e-briefing: $f is not 1920x1080"; exit 1; }
done
pages=$(pdfinfo "$out/briefing.pdf" | sed -n 's/^Pages: *//p')
[[ $pages -eq 3 ]] || { echo "e2e-briefing: the PDF has $pages pages, want 3"; exit 1; }
pdftoppm -r 40 -png "$out/briefing.pdf" "$out/page"
pdftotext "$out/briefing.pdf" - | grep -q "Crocus City Hall, March 2024" || { echo "e2e-briefing: slide title missing from the PDF text"; exit 1; }
echo "e2e-briefing: PASS — 3 slides built, kept, presented and exported ($out)"
