#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the build (and, with "test", the
# end-to-end test) needs. Installs nothing that is already there. Where it
# cannot install (no apt-get, or not root and no sudo), it stops and prints
# the exact command to run.
set -euo pipefail

pkgs=(gcc pkg-config libgl1-mesa-dev xorg-dev)
case "${1:-}" in
  test) pkgs+=(strace util-linux xvfb xdotool imagemagick libgl1-mesa-dri x11-utils poppler-utils desktop-file-utils gcc-mingw-w64-x86-64 xz-utils file libreoffice-impress) ;;
  windows) pkgs+=(gcc-mingw-w64-x86-64) ;;
  peers) pkgs+=(python3-mapnik python3-matplotlib gnuplot-nox) ;; # make bench-peers
esac

missing=()
for p in "${pkgs[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ! command -v go >/dev/null; then
  echo "deps: Go is not installed. Install Go 1.26 or newer from https://go.dev/dl/ and run make again." >&2
  exit 1
fi
if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

cmd="apt-get install -y --no-install-recommends ${missing[*]}"
if ! command -v apt-get >/dev/null || ! command -v dpkg-query >/dev/null; then
  echo "deps: this is not a Debian or Ubuntu system. Install the equivalents of: ${missing[*]}" >&2
  exit 1
fi
if [[ $(id -u) -eq 0 ]]; then
  sudo=""
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo="sudo"
else
  echo "deps: missing packages: ${missing[*]}" >&2
  echo "deps: run this, then make again:" >&2
  echo "  sudo apt-get update && sudo $cmd" >&2
  exit 1
fi
echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo $cmd -qq
