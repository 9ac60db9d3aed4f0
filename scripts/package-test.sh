#!/usr/bin/env bash
# Checks the release artefacts as a new user would meet them: the Linux
# package installs into a prefix with a valid desktop entry and icon, the
# installed app reports exactly what was built, uninstall removes it; the
# Windows executable is a GUI PE32+ binary carrying the icon and version.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
pkg=build/dist/iskbrief-$version-linux-amd64.tar.xz
exe=build/dist/iskbrief-$version-windows-amd64.exe
fail() { echo "package-test: $*" >&2; exit 1; }

[[ -f $pkg ]] || fail "$pkg is missing (make package)"
tar -tJf "$pkg" >build/pkg-contents.txt
for f in usr/local/bin/iskbrief usr/local/share/applications/org.iskbrief.app.desktop usr/local/share/pixmaps/org.iskbrief.app.png; do
  grep -q "$f\$" build/pkg-contents.txt || fail "$pkg lacks $f"
done

prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
make -s install PREFIX="$prefix" >/dev/null
desktop="$prefix/share/applications/org.iskbrief.app.desktop"
[[ -x "$prefix/bin/iskbrief" ]] || fail "binary not installed"
[[ -f "$prefix/share/pixmaps/org.iskbrief.app.png" ]] || fail "icon not installed"
desktop-file-validate "$desktop" || fail "invalid desktop entry"
grep -q '^Name=ISK Brief$' "$desktop" && grep -q '^Icon=org.iskbrief.app$' "$desktop" || fail "desktop entry lacks name or icon"
v=$("$prefix/bin/iskbrief" version)
echo "package-test: installed app says: $v"
[[ $v == "iskbrief $version (commit "* && $v == *"dataset 20"* && $v != *"unknown"* ]] || fail "version line incomplete: $v"
make -s uninstall PREFIX="$prefix" >/dev/null
[[ ! -e "$prefix/bin/iskbrief" && ! -e "$desktop" ]] || fail "uninstall left files behind"
echo "package-test: Linux package $pkg installs, validates and uninstalls"

[[ -f $exe ]] || fail "$exe is missing (make windows)"
kind=$(file -b "$exe")
[[ $kind == PE32+\ executable*GUI*x86-64* ]] || fail "$exe is not a Windows GUI executable: $kind"
res=$(mktemp -d)
build/tools/go-winres extract --dir "$res" "$exe" >/dev/null
grep -q "\"ProductVersion\": \"$version\"" "$res/winres.json" || fail "$exe carries no version $version"
ls "$res"/*.ico >/dev/null 2>&1 || ls "$res"/*.png >/dev/null 2>&1 || fail "$exe carries no icon"
rm -rf "$res"
echo "package-test: $exe is a $kind with icon and version $version"
echo "package-test: PASS"
