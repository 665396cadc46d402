#!/usr/bin/env bash
# Runs each libFuzzer target for FUZZ_SECONDS (default 180) from a seed corpus
# of Examples/, Fuzz/seeds/ and the regression fixtures (for the arguments
# target: Fuzz/seeds-arguments/ and its fixtures), keeping what it
# learns in .build-fuzz/corpus/. A crash, hang, leak or failed oracle leaves
# the input in fuzz-out/ and makes this script fail.
#   FUZZ_SECONDS=10 Fuzz/run.sh            # a smoke run, as CI does
#   FUZZ_TARGETS=reader Fuzz/run.sh        # one target
#   FUZZ_JOBS=2 Fuzz/run.sh                # parallel workers per target
set -euo pipefail
cd "$(dirname "$0")/.."

SECONDS_EACH=${FUZZ_SECONDS:-180}
TARGETS=${FUZZ_TARGETS:-reader pipeline arguments listen logprefix gzip}
JOBS=${FUZZ_JOBS:-1}
OUT=${FUZZ_BUILD:-.build-fuzz/fuzzers}
# Swift's own crash backtracer fights ASan over the dying process; let ASan report.
export SWIFT_BACKTRACE=enable=no

Fuzz/build.sh
mkdir -p fuzz-out
status=0
for target in $TARGETS; do
    # Absolute paths: the arguments target runs its commands in a scratch directory.
    corpus=$PWD/.build-fuzz/corpus/$target
    mkdir -p "$corpus"
    seeds=(Examples Fuzz/seeds Tests/Fixtures/fuzz)
    dict=Fuzz/json.dict
    # The pipeline runs twenty commands per input; smaller inputs keep it fast.
    max_len=65536
    case "$target" in
        pipeline) max_len=8192 ;;
        # gzip members to start from: the test fixtures, whole, cut and corrupt.
        gzip) seeds+=(Tests/VODHookCommandsTests/Golden/fixtures/gzip) ;;
        # A command line: option names come from the specs, not a dictionary.
        arguments) max_len=512; seeds=(Fuzz/seeds-arguments Tests/Fixtures/fuzz-arguments); dict=Fuzz/arguments.dict ;;
        # listen's request parser: HTTP, not JSON; the limits it is fuzzed with are small.
        listen) max_len=4096; seeds=(Fuzz/seeds-listen); dict=Fuzz/listen.dict ;;
    esac
    existing=()
    for dir in "${seeds[@]}"; do [ -d "$dir" ] && existing+=("$PWD/$dir"); done
    echo "fuzz: $target for ${SECONDS_EACH}s" >&2
    args=(-max_total_time="$SECONDS_EACH" -timeout=20 -rss_limit_mb=3072 -max_len="$max_len"
          -dict="$PWD/$dict" -artifact_prefix="$PWD/fuzz-out/$target-" -print_final_stats=1)
    if [ "$JOBS" -gt 1 ]; then args+=(-fork="$JOBS" -ignore_crashes=0); fi
    log=fuzz-out/$target.log
    if LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}" \
        "$OUT/$target-fuzzer" "${args[@]}" "$corpus" "${existing[@]}" >"$log" 2>&1; then
        grep -E '^stat::|^#[0-9]+ *DONE' "$log" >&2 || true
    else
        status=1
        echo "fuzz: $target FAILED; see $log and fuzz-out/$target-*" >&2
        grep -E -A12 'FUZZ ORACLE|ERROR: (AddressSanitizer|libFuzzer|LeakSanitizer)|Fatal error|SUMMARY' "$log" | head -40 >&2 || true
    fi
done
exit $status
