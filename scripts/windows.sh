#!/usr/bin/env bash
# Cross-compiles build/dist/iskbrief-VERSION-windows-amd64.exe with mingw-w64.
# The icon and the version resource come from FyneApp.toml and assets/icon.png
# through go-winres; the .syso it writes is removed afterwards.
# Usage: VERSION=x.y.z TOOLS=dir scripts/windows.sh "LDFLAGS"
set -euo pipefail
cd "$(dirname "$0")/.."
ldflags=${1:-}
version=${VERSION:?}
work=build/winres
rm -rf "$work"; mkdir -p "$work" build/dist
cp assets/windows/icon-*.png "$work/"
cat >"$work/winres.json" <<JSON
{
  "RT_GROUP_ICON": { "APP": { "0000": ["icon-256.png", "icon-48.png", "icon-32.png", "icon-16.png"] } },
  "RT_MANIFEST": { "#1": { "0409": {
    "identity": { "name": "org.iskbrief.app", "version": "$version.0" },
    "description": "ISK Brief", "minimum-os": "win10", "execution-level": "as invoker",
    "ui-access": false, "auto-elevate": false, "dpi-awareness": "per monitor v2",
    "disable-theming": false, "disable-window-filtering": false, "high-resolution-scrolling-aware": false,
    "ultra-high-resolution-scrolling-aware": false, "long-path-aware": true, "printer-driver-isolation": false,
    "gdi-scaling": false, "segment-heap": false, "use-common-controls-v6": false } } },
  "RT_VERSION": { "#1": { "0000": {
    "fixed": { "file_version": "$version.0", "product_version": "$version.0" },
    "info": { "0409": {
      "CompanyName": "ISK Brief", "FileDescription": "ISK Brief — ISIS-K attacks on an offline map",
      "FileVersion": "$version", "InternalName": "iskbrief", "OriginalFilename": "iskbrief.exe",
      "ProductName": "ISK Brief", "ProductVersion": "$version", "LegalCopyright": "See README: data licences and attributions"
    } } } } }
}
JSON
syso=cmd/iskbrief/rsrc_windows_amd64.syso
trap 'rm -f "$syso"' EXIT
"${TOOLS:?}/go-winres" make --in "$work/winres.json" --out cmd/iskbrief/rsrc --arch amd64
out="build/dist/iskbrief-$version-windows-amd64.exe"
CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
  go build -trimpath -ldflags "-H windowsgui $ldflags" -o "$out" ./cmd/iskbrief
echo "windows: $out"
