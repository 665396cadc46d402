#!/usr/bin/env bash
# make dist: packs an installed tree (STAGE, laid out like PREFIX) with the
# README and license into DIST_DIR/vodhook-VERSION-OS-ARCH.tar.gz, strips the
# binary, and writes the tarball's SHA-256 beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${STAGE:?STAGE names the installed tree}"
DIST_DIR="${DIST_DIR:-dist}"

version="$("$STAGE/bin/vodhook" --version | awk '{print $2}')"
platform="$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m)"
name="vodhook-$version-$platform"
root="$(dirname "$STAGE")/$name"

rm -rf "$root"
mkdir -p "$root" "$DIST_DIR"
cp -R "$STAGE/." "$root/"
strip "$root/bin/vodhook"
cp README.md LICENSE "$root/"

# Sorted names, no owners and a fixed time where GNU tar allows it, so the same
# binary gives the same tarball.
if tar --version 2>/dev/null | grep -q GNU; then
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime=@0 -C "$(dirname "$root")" -czf "$DIST_DIR/$name.tar.gz" "$name"
else
    tar -C "$(dirname "$root")" -czf "$DIST_DIR/$name.tar.gz" "$name"
fi
if command -v sha256sum >/dev/null; then
    (cd "$DIST_DIR" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")
else
    (cd "$DIST_DIR" && shasum -a 256 "$name.tar.gz" > "$name.tar.gz.sha256")
fi
rm -rf "$STAGE" "$root"
echo "$DIST_DIR/$name.tar.gz"
cat "$DIST_DIR/$name.tar.gz.sha256"
