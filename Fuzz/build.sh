#!/usr/bin/env bash
# Builds the libFuzzer targets with swiftc straight from the package's
# sources: SwiftPM cannot host a fuzzer entry point, so each library target
# becomes a static library with its module, instrumented, and each fuzzer's
# main module links them. Products go to $FUZZ_BUILD (default .build-fuzz/fuzzers).
set -euo pipefail
cd "$(dirname "$0")/.."

# FUZZ_MODE=replay builds <target>-replay instead: the same targets with
# ASan but without libFuzzer, run once per file named on the command line.
SWIFTC=${SWIFTC:-swiftc}
MODE=${FUZZ_MODE:-fuzz}
case "$MODE" in
    fuzz) OUT=${FUZZ_BUILD:-.build-fuzz/fuzzers}; SANITIZE=fuzzer,address; SUFFIX=fuzzer; EXTRA=() ;;
    replay) OUT=${FUZZ_BUILD:-.build-fuzz/replay}; SANITIZE=address; SUFFIX=replay; EXTRA=(Fuzz/Replay/Replay.swift) ;;
    *) echo "fuzz: FUZZ_MODE is fuzz or replay" >&2; exit 2 ;;
esac
mkdir -p "$OUT"
if [ "$MODE" = fuzz ] && [ "$(uname -s)" != Linux ]; then
    echo "fuzz: libFuzzer with swiftc needs Linux (the macOS toolchain ships no fuzzer runtime); try FUZZ_MODE=replay" >&2
    exit 2
fi

# -O keeps Swift's own traps (overflow, bounds, exclusivity) and runs faster;
# -g gives readable stack traces in crash reports.
FLAGS=(-sanitize="$SANITIZE" -parse-as-library -O -g -swift-version 6 -module-cache-path "$OUT/module-cache"
       -I Sources/CacheHints/include -I Sources/CZlib -I Sources/CurlCalls/include)
# lld, because gold warns about every ASan helper symbol it cannot export.
LINK=()
[ "$(uname -s)" = Linux ] && LINK=(-use-ld=lld)

# Rebuild a library only when one of its sources is newer than it.
library() {
    local name=$1 dir=$2
    local lib="$OUT/lib$name.a"
    local sources
    mapfile -t sources < <(find "$dir" -name '*.swift' | LC_ALL=C sort)
    # The C headers a library may import count as sources too (CurlCalls is inline functions only).
    if [ -f "$lib" ] && [ -z "$(find "$dir" Sources/CacheHints Sources/CurlCalls \( -name '*.swift' -o -name '*.h' \) -newer "$lib" | head -1)" ]; then
        return
    fi
    echo "fuzz: compiling $name (${#sources[@]} files)" >&2
    "$SWIFTC" "${FLAGS[@]}" -I "$OUT" -module-name "$name" -emit-module -emit-module-path "$OUT/$name.swiftmodule" \
        -emit-library -static -o "$lib" "${sources[@]}"
}

library CLibrary Sources/CLibrary
library Platform Sources/Platform
library EditDistance Sources/EditDistance
library VODHookCore Sources/VODHookCore
library ArgumentParsing Sources/ArgumentParsing
library Decompression Sources/Decompression
library VODHookCommands Sources/VODHookCommands

# -lz: the system zlib, which the CZlib module map links in a SwiftPM build.
LIBS=(-L "$OUT" -lVODHookCommands -lDecompression -lArgumentParsing -lVODHookCore -lEditDistance -lPlatform -lCLibrary -lz)
# Test support the fuzzers use too, kept in one place.
SHARED=(Tests/TestSupport/DribbleInput.swift Tests/VODHookCommandsTests/Support/ArgumentFuzzInput.swift
        Tests/TestSupport/Gzipped.swift)
for target in reader pipeline arguments listen logprefix gzip; do
    main="Fuzz/$(tr '[:lower:]' '[:upper:]' <<<"${target:0:1}")${target:1}Fuzzer.swift"
    binary="$OUT/$target-$SUFFIX"
    if [ -f "$binary" ] && [ -z "$(find "$OUT"/lib*.a Fuzz "${SHARED[@]}" -name '*.swift' -newer "$binary" -o -name '*.a' -newer "$binary" | head -1)" ]; then
        continue
    fi
    echo "fuzz: linking $target-$SUFFIX" >&2
    "$SWIFTC" "${FLAGS[@]}" "${LINK[@]}" -I "$OUT" -module-name "${target^}Fuzzer" "$main" Fuzz/Support/*.swift "${SHARED[@]}" "${EXTRA[@]}" \
        "${LIBS[@]}" -o "$binary"
done
