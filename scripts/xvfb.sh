# Shared by the scripts that drive the real app under Xvfb (source it).
#   start_xvfb WIDTHxHEIGHT LOG  starts Xvfb on a free display, exports DISPLAY,
#                                and stops it (and $app, if set) on exit.
#   wait_for PATTERN SECONDS     waits until $log holds PATTERN, failing if
#                                the app ($app) exits or time runs out.
app=""
log=""

start_xvfb() {
  local disp=90
  while [[ -e /tmp/.X11-unix/X$disp || -e /tmp/.X$disp-lock ]]; do disp=$((disp+1)); done
  Xvfb ":$disp" -screen 0 "$1x24" -nolisten tcp >"$2" 2>&1 &
  xvfb=$!
  trap '[[ -n "$app" ]] && kill -9 "$app" 2>/dev/null; kill "$xvfb" 2>/dev/null || true' EXIT
  export DISPLAY=":$disp"
  for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && return; sleep 0.1; done
}

wait_for() {
  local deadline=$((SECONDS + $2))
  until grep -q "$1" "$log"; do
    if ! kill -0 "$app" 2>/dev/null; then echo "${0##*/}: the app exited:"; cat "$log"; exit 1; fi
    if (( SECONDS > deadline )); then echo "${0##*/}: timed out waiting for '$1'"; cat "$log"; exit 1; fi
    sleep 0.1
  done
}
