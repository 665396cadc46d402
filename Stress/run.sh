#!/usr/bin/env bash
# make stress: large and hostile inputs through the release binary, with the
# counts, exit codes, terminal safety of text output and peak memory checked.
# Prints a table of what it measured; fails if any row fails.
#   STRESS_SCALE=small Stress/run.sh     # under a minute, for CI
#   STRESS_BINARY=.build/debug/vodhook   # test this binary instead of building one
#                                         (a debug build is several times slower)
#   STRESS_KEEP=1                         # keep the generated files (printed path)
set -uo pipefail
cd "$(dirname "$0")/.."

SCALE=${STRESS_SCALE:-full}
OUT=.build-fuzz/stress
mkdir -p "$OUT"
TOOL=$OUT/stress-tool
if [ ! -x "$TOOL" ] || [ -n "$(find Stress/Tool -newer "$TOOL" -name '*.swift' | head -1)" ]; then
    echo "stress: building the stress tool" >&2
    ${SWIFTC:-swiftc} -O Stress/Tool/*.swift -o "$TOOL" || exit 2
fi
if [ -n "${STRESS_BINARY:-}" ]; then
    VODHOOK=$STRESS_BINARY
else
    echo "stress: building vodhook (release)" >&2
    ${SWIFT:-swift} build -c release --scratch-path .build-fuzz >&2 || exit 2
    VODHOOK=.build-fuzz/release/vodhook
fi

case "$SCALE" in
    small) LISTEN_REQUESTS=1000; SIEGE_IDLE=1000; SIEGE_PER_SENDER=4; LINES=30000; STREAM_SMALL=10000; STREAM_LARGE=100000; RANDOM_BYTES=1000000; TEXT_RANDOM=1000000
           DEPTH=100000; STRING=5000000; KEYS=50000; DIGITS=10000; BYTE_LIMIT_CASES=0 ;;
    full)  LISTEN_REQUESTS=20000; SIEGE_IDLE=10000; SIEGE_PER_SENDER=20; LINES=2500000; STREAM_SMALL=600000; STREAM_LARGE=6000000; RANDOM_BYTES=100000000; TEXT_RANDOM=16000000
           DEPTH=10000000; STRING=100000000; KEYS=1000000; DIGITS=1000000; BYTE_LIMIT_CASES=1 ;;
    *) echo "stress: STRESS_SCALE is small or full" >&2; exit 2 ;;
esac

WORK=$(mktemp -d "${TMPDIR:-/tmp}/vodhook-stress.XXXXXX")
if [ -z "${STRESS_KEEP:-}" ]; then trap 'rm -rf "$WORK"' EXIT; else echo "stress: files kept in $WORK" >&2; fi
FAILED=0
ROWS=()

mb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

# row CASE COMMAND INPUT-BYTES EXIT EXPECTED-EXIT DOCS EXPECTED-DOCS RSS-KB SECONDS UNSAFE VERDICT
row() {
    ROWS+=("$(printf '%-22s %-34s %9s %4s %-5s %12s %-10s %9s %7s %6s  %s' "$1" "$2" "$3" "$4" "($5)" "$6" "($7)" "$8" "$9" "${10}" "${11}")")
    [ "${11}" = ok ] || FAILED=1
}

# measure CASE COMMAND-LABEL INPUT EXPECTED-EXIT EXPECTED-DOCS SCAN RSS-LIMIT-MB -- vodhook arguments...
# Runs vodhook on INPUT (a path, given last), counts documents from its output
# where the format allows, scans output, and records a row. SCAN: "scan" both
# streams (stderr must be empty), "stderr" only stderr (normalize, whose
# stdout is JSON that may hold any character but C0), "allow-stderr" both,
# stderr may hold messages; "-" neither.
measure() {
    local name=$1 label=$2 input=$3 want_exit=$4 want_docs=$5 scan=$6 rss_limit=$7
    shift 8
    local out=$WORK/out err=$WORK/err report=$WORK/report
    "$TOOL" measure --report "$report" -- "$VODHOOK" "$@" >"$out" 2>"$err"
    local exit rss seconds
    exit=$(sed -n 's/.*exit=\([-0-9]*\).*/\1/p' "$report")
    rss=$(sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p' "$report")
    seconds=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' "$report")
    # Documents as the output counts them: JSON records, summary's total, the text footer.
    local docs=- args=" $* "
    case "$args" in
        " summary "*"--format json"*) docs=$(sed -n 's/^  "documents": \([0-9]*\),/\1/p' "$out") ;;
        " check "*"--format json"*) docs=$(wc -l <"$out" | tr -d ' ') ;;
        " check "*"--format github"* | " check "*"--quiet"*) ;;
        " check "*) docs=$(sed -n 's/^checked \([0-9]*\) document.*/\1/p' "$out" | tail -1) ;;
    esac
    [ -z "$docs" ] && docs=?
    local unsafe=- files=()
    case "$scan" in
        scan|allow-stderr) files=("$out" "$err") ;;
        stderr) files=("$err") ;;
    esac
    if [ ${#files[@]} -gt 0 ]; then
        unsafe=$(for f in "${files[@]}"; do "$TOOL" scan "$f"; done | awk '{ for (i = 2; i <= NF; i++) { split($i, kv, "="); n += kv[2] } } END { print n + 0 }')
    fi
    local verdict=ok
    [ "$exit" = "$want_exit" ] || verdict="FAIL: exit $exit"
    [ "$want_docs" = - ] || [ "$docs" = "$want_docs" ] || verdict="FAIL: $docs documents"
    [ "$unsafe" = - ] || [ "$unsafe" = 0 ] || verdict="FAIL: $unsafe unsafe characters"
    [ "$rss_limit" = - ] || [ $((rss / 1024)) -le "$rss_limit" ] || verdict="FAIL: over ${rss_limit} MB"
    # The closing count line is not a message: check writes it to stderr for
    # every format but text on stdout, so a log always shows the count.
    if grep -qv '^checked [0-9]* documents\{0,1\}: ' "$err" && [ "$scan" != allow-stderr ] && [ "$scan" != stderr ]; then
        verdict="FAIL: stderr $(head -c 200 "$err")"
    fi
    local size=-
    [ -f "$input" ] && size=$(mb "$(wc -c <"$input")")
    row "$name" "$label" "$size" "$exit" "$want_exit" "$docs" "$want_docs" "$(mb $((rss * 1024)))" "$seconds" "$unsafe" "$verdict"
}

# measure_same ...: measure, then require the standard output of the run
# just before: the same large case again with --jobs, which must not change a byte.
measure_same() {
    cp "$WORK/out" "$WORK/out-one-thread"
    measure "$@"
    local verdict=ok
    cmp -s "$WORK/out" "$WORK/out-one-thread" || verdict="FAIL: output differs from --jobs 1"
    row "$1" "  the same output as --jobs 1" - - - - - - - - "$verdict"
}

echo "stress: generating inputs ($SCALE) in $WORK" >&2

# A captured log: valid, spec-invalid and broken lines, counts known.
read -r DOCS VALID INVALID BROKEN _ < <("$TOOL" ndjson "$WORK/log.ndjson" "$LINES" 42 2>&1 >/dev/null)
LOG=$WORK/log.ndjson
# Each large case once on one thread, then shared by three (--jobs 3).
measure ndjson "check --quiet" "$LOG" 1 - - 64 -- check --quiet --jobs 1 "$LOG"
measure ndjson "check --quiet --jobs 3" "$LOG" 1 - - 64 -- check --quiet --jobs 3 "$LOG"
measure ndjson "check (text)" "$LOG" 1 "$DOCS" scan 64 -- check --color never "$LOG"
measure ndjson "check --format json" "$LOG" 1 "$DOCS" scan 64 -- check --format json --jobs 1 "$LOG"
JSON_VALID=$(grep -c '"valid":true' "$WORK/out")
cp "$WORK/out" "$WORK/plain-json"
measure_same ndjson "check --format json --jobs 3" "$LOG" 1 "$DOCS" scan 64 -- check --format json --jobs 3 "$LOG"
measure ndjson "check --format github" "$LOG" 1 - scan 64 -- check --format github --jobs 1 "$LOG"
measure_same ndjson "check --format github --jobs 3" "$LOG" 1 - scan 64 -- check --format github --jobs 3 "$LOG"
measure ndjson "summary --format json" "$LOG" 0 "$DOCS" scan - -- summary --format json --jobs 1 "$LOG"
SUMMARY_VALID=$(sed -n 's/^  "valid": \([0-9]*\),/\1/p' "$WORK/out")
measure_same ndjson "summary --format json --jobs 3" "$LOG" 0 "$DOCS" scan - -- summary --format json --jobs 3 "$LOG"
measure ndjson "summary (table)" "$LOG" 0 - scan - -- summary --color never "$LOG"
measure ndjson "normalize --jobs 3" "$LOG" 1 - stderr 64 -- normalize --jobs 3 "$LOG"
cp "$WORK/out" "$WORK/normalized-jobs"
measure ndjson "normalize" "$LOG" 1 - stderr 64 -- normalize --jobs 1 "$LOG"
cmp -s "$WORK/out" "$WORK/normalized-jobs" && verdict=ok || verdict="FAIL: output differs from --jobs 3"
row ndjson "  the same output as --jobs 3" - - - - - - - - "$verdict"
NORMALIZED=$(wc -l <"$WORK/out")
verdict=ok
[ "$JSON_VALID" = "$VALID" ] && [ "$SUMMARY_VALID" = "$VALID" ] || verdict="FAIL: valid json=$JSON_VALID summary=$SUMMARY_VALID"
row ndjson "valid documents (check, summary)" - - - "$JSON_VALID" "$VALID" - - - "$verdict"
# Normalize writes every well-formed document without a duplicate key.
verdict=ok
[ "$NORMALIZED" -ge $((VALID + INVALID - BROKEN)) ] && [ "$NORMALIZED" -le "$DOCS" ] || verdict="FAIL"
row ndjson "normalized lines" - - - "$NORMALIZED" "$((VALID + INVALID - BROKEN))+" - - - "$verdict"

# head -1: the output closes early; vodhook must end quietly, not by SIGPIPE.
"$VODHOOK" check --color never "$LOG" 2>"$WORK/head-err" | head -1 >/dev/null
status=${PIPESTATUS[0]}
verdict=ok
{ [ "$status" = 0 ] || [ "$status" = 1 ]; } && [ ! -s "$WORK/head-err" ] || verdict="FAIL: exit $status, stderr $(head -c 100 "$WORK/head-err")"
row "head -1" "check log | head -1" "$(mb "$(wc -c <"$LOG")")" "$status" "0/1" - - - - - "$verdict"

# gzip (issue 22): the log as two gzip members (a rotation concatenated),
# read natively: the same records as the text, on one thread or three, and
# memory as flat as the text's on a stream ten times longer through a pipe.
if command -v gzip >/dev/null; then
    GZ=$WORK/log.ndjson.gz
    half=$((LINES / 2))
    { head -n "$half" "$LOG" | gzip -1; tail -n +$((half + 1)) "$LOG" | gzip -1; } >"$GZ"
    measure gzip "check --format json" "$GZ" 1 "$DOCS" scan 64 -- check --format json --jobs 1 "$GZ"
    sed "s#\"source\":\"$GZ\"#\"source\":\"$LOG\"#" "$WORK/out" | cmp -s - "$WORK/plain-json" && verdict=ok || verdict="FAIL: records differ from the text's"
    row gzip "  the same records as the text" - - - - - - - - "$verdict"
    measure_same gzip "check --format json --jobs 3" "$GZ" 1 "$DOCS" scan 64 -- check --format json --jobs 3 "$GZ"
    "$TOOL" ndjson - "$STREAM_LARGE" 7 2>/dev/null | gzip -1 >"$WORK/stream.gz"
    "$TOOL" measure --report "$WORK/report" -- "$VODHOOK" check --quiet <"$WORK/stream.gz" >/dev/null 2>"$WORK/err"
    rss=$(sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p' "$WORK/report")
    exit=$(sed -n 's/.*exit=\([-0-9]*\).*/\1/p' "$WORK/report")
    seconds=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' "$WORK/report")
    verdict=ok
    [ "$exit" = 1 ] && [ ! -s "$WORK/err" ] || verdict="FAIL: exit $exit, stderr $(head -c 100 "$WORK/err")"
    [ $((rss / 1024)) -le 64 ] || verdict="FAIL: over 64 MB"
    row gzip "check --quiet < stream.gz" "$(mb "$(wc -c <"$WORK/stream.gz")")" "$exit" 1 - - "$(mb $((rss * 1024)))" "$seconds" - "$verdict"
else
    echo "stress: gzip not installed; skipping the gzip rows" >&2
fi

# Memory on a stream does not grow with it: the same generator, ten times longer, on stdin.
for lines in "$STREAM_SMALL" "$STREAM_LARGE"; do
    "$TOOL" ndjson - "$lines" 7 2>"$WORK/counts" | "$TOOL" measure --report "$WORK/report" -- "$VODHOOK" check --quiet >/dev/null 2>"$WORK/err"
    rss=$(sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p' "$WORK/report")
    exit=$(sed -n 's/.*exit=\([-0-9]*\).*/\1/p' "$WORK/report")
    seconds=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' "$WORK/report")
    read -r _ _ _ _ bytes <"$WORK/counts"
    eval "RSS_$lines=$rss"
    row "stdin stream" "check --quiet < $lines lines" "$(mb "$bytes")" "$exit" 1 - - "$(mb $((rss * 1024)))" "$seconds" - "$([ "$exit" = 1 ] && echo ok || echo "FAIL: exit $exit")"
done
# The large stream through a pipe, shared by three threads.
"$TOOL" ndjson - "$STREAM_LARGE" 7 2>/dev/null | "$TOOL" measure --report "$WORK/report" -- "$VODHOOK" summary --format json --jobs 3 >"$WORK/out" 2>"$WORK/err"
exit=$(sed -n 's/.*exit=\([-0-9]*\).*/\1/p' "$WORK/report")
rss=$(sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p' "$WORK/report")
seconds=$(sed -n 's/.*seconds=\([0-9.]*\).*/\1/p' "$WORK/report")
docs=$(sed -n 's/^  "documents": \([0-9]*\),/\1/p' "$WORK/out")
read -r want_docs _ <"$WORK/counts"
verdict=ok
{ [ "$exit" = 0 ] && [ "$docs" = "$want_docs" ] && [ ! -s "$WORK/err" ]; } || verdict="FAIL: exit $exit, $docs documents"
row "stdin stream" "summary --jobs 3 < $STREAM_LARGE lines" "$(mb "$bytes")" "$exit" 0 "$docs" "$want_docs" "$(mb $((rss * 1024)))" "$seconds" - "$verdict"
small_rss=$(eval echo "\$RSS_$STREAM_SMALL"); large_rss=$(eval echo "\$RSS_$STREAM_LARGE")
verdict=ok
[ $((large_rss - small_rss)) -le 8192 ] || verdict="FAIL: grew $(( (large_rss - small_rss) / 1024 )) MB"
row "stdin stream" "peak memory growth, 10x input" - - - - - "$(mb $(( (large_rss - small_rss) * 1024 )))" - - "$verdict"

# Random bytes: every command ends with findings, text output stays safe.
"$TOOL" random "$WORK/random.bin" "$RANDOM_BYTES" 9
"$TOOL" random "$WORK/random-text.bin" "$TEXT_RANDOM" 10
measure "random bytes" "check --format json" "$WORK/random.bin" 1 - scan 64 -- check --format json --jobs 1 "$WORK/random.bin"
measure_same "random bytes" "check --format json --jobs 3" "$WORK/random.bin" 1 - scan 64 -- check --format json --jobs 3 "$WORK/random.bin"
measure "random bytes" "summary --format json" "$WORK/random.bin" 0 - scan 64 -- summary --format json "$WORK/random.bin"
measure "random bytes" "check --input body" "$WORK/random.bin" 1 1 scan 64 -- check --input body --color never "$WORK/random.bin"
measure "random bytes" "check (text)" "$WORK/random-text.bin" 1 - scan 64 -- check --color never "$WORK/random-text.bin"
measure "random bytes" "check --format github" "$WORK/random-text.bin" 1 - scan 64 -- check --format github "$WORK/random-text.bin"
measure "random bytes" "summary (table)" "$WORK/random-text.bin" 0 - scan 64 -- summary --color never "$WORK/random-text.bin"
measure "random bytes" "normalize" "$WORK/random-text.bin" 1 - stderr 64 -- normalize "$WORK/random-text.bin"

# Pathological documents.
"$TOOL" deep "$WORK/deep.json" "$DEPTH"
measure "deep nesting" "check --format json" "$WORK/deep.json" 1 2 scan 64 -- check --format json "$WORK/deep.json"
measure "deep nesting" "check --input body" "$WORK/deep.json" 1 1 scan 64 -- check --input body --color never "$WORK/deep.json"
measure "deep nesting" "normalize --pretty" "$WORK/deep.json" 1 - stderr 64 -- normalize --pretty "$WORK/deep.json"

"$TOOL" string "$WORK/string.json" "$STRING"
STRING_MB=$(( $(wc -c <"$WORK/string.json") / 1048576 ))
measure "huge string" "check (text)" "$WORK/string.json" 0 1 scan $((STRING_MB * 3 / 2 + 32)) -- check --color never "$WORK/string.json"
measure "huge string" "check --format json" "$WORK/string.json" 0 1 scan $((STRING_MB * 3 / 2 + 32)) -- check --format json --jobs 1 "$WORK/string.json"
measure_same "huge string" "check --format json --jobs 3" "$WORK/string.json" 0 1 scan $((STRING_MB * 3 / 2 + 32)) -- check --format json --jobs 3 "$WORK/string.json"
measure "huge string" "summary (table)" "$WORK/string.json" 0 - scan $((STRING_MB * 4 + 32)) -- summary --color never "$WORK/string.json"
measure "huge string" "normalize" "$WORK/string.json" 0 - stderr $((STRING_MB * 4 + 32)) -- normalize "$WORK/string.json"
verdict=ok
[ "$(wc -c <"$WORK/out")" = "$(wc -c <"$WORK/string.json")" ] || verdict="FAIL: $(wc -c <"$WORK/out") bytes written"
row "huge string" "normalize writes it whole" - - - - - - - - "$verdict"

# A huge value the validator must quote and may try to correct, and a huge key.
"$TOOL" string "$WORK/status.json" "$STRING" Status
measure "huge value" "check (text)" "$WORK/status.json" 1 1 scan $((STRING_MB * 3 / 2 + 32)) -- check --color never "$WORK/status.json"
measure "huge value" "summary (table)" "$WORK/status.json" 0 - scan $((STRING_MB * 4 + 32)) -- summary --color never "$WORK/status.json"
"$TOOL" string "$WORK/key.json" "$STRING" key
# An unknown key's finding carries its RFC 6901 pointer, which must hold the key whole.
measure "huge key" "check --format json" "$WORK/key.json" 0 1 scan $((STRING_MB * 4 + 32)) -- check --format json "$WORK/key.json"
measure "huge key" "normalize --canonical" "$WORK/key.json" 0 - stderr $((STRING_MB * 4 + 32)) -- normalize --canonical "$WORK/key.json"

"$TOOL" keys "$WORK/keys.json" "$KEYS"
measure "many keys" "check --quiet" "$WORK/keys.json" 0 - - - -- check --quiet "$WORK/keys.json"
measure "many keys" "check --format json" "$WORK/keys.json" 0 1 scan - -- check --format json "$WORK/keys.json"
WARNINGS=$(grep -o '"rule":"unknown-field"' "$WORK/out" | wc -l)
row "many keys" "unknown-field findings" - - - "$WARNINGS" "$KEYS" - - - "$([ "$WARNINGS" = "$KEYS" ] && echo ok || echo FAIL)"
measure "many keys" "normalize --canonical" "$WORK/keys.json" 0 - - - -- normalize --canonical "$WORK/keys.json"

"$TOOL" digits "$WORK/digits.json" "$DIGITS"
measure "long numbers" "check (text)" "$WORK/digits.json" 1 1 scan 64 -- check --color never "$WORK/digits.json"
measure "long numbers" "normalize" "$WORK/digits.json" 0 - stderr 64 -- normalize "$WORK/digits.json"
measure "long numbers" "normalize --canonical" "$WORK/digits.json" 1 - stderr 64 -- normalize --canonical "$WORK/digits.json"

NUL_DOCS=$("$TOOL" nul "$WORK/nul.json")
measure "NUL bytes" "check (text)" "$WORK/nul.json" 1 "$NUL_DOCS" scan 64 -- check --color never "$WORK/nul.json"
measure "NUL bytes" "check --format json" "$WORK/nul.json" 1 "$NUL_DOCS" scan 64 -- check --format json "$WORK/nul.json"
UTF8_DOCS=$("$TOOL" utf8 "$WORK/utf8.json")
measure "invalid UTF-8" "check (text)" "$WORK/utf8.json" 1 "$UTF8_DOCS" scan 64 -- check --color never "$WORK/utf8.json"
measure "invalid UTF-8" "check --format json" "$WORK/utf8.json" 1 "$UTF8_DOCS" scan 64 -- check --format json "$WORK/utf8.json"
measure "invalid UTF-8" "summary (table)" "$WORK/utf8.json" 0 - scan 64 -- summary --color never "$WORK/utf8.json"

# The limits, at and one past: json-size appears only past them.
limit_row() {
    local name=$1 label=$2 want=$3
    local found=0
    grep -q '"rule":"json-size"' "$WORK/out" && found=1
    row "$name" "$label" - - - "json-size=$found" "$want" - - - "$([ "$found" = "$want" ] && echo ok || echo FAIL)"
}
MAX_VALUES=2097152
"$TOOL" zeros "$WORK/values.json" $((MAX_VALUES - 1))
measure "values limit" "at $MAX_VALUES: check --input body" "$WORK/values.json" 1 1 scan 256 -- check --input body --format json "$WORK/values.json"
limit_row "values limit" "at the limit: no json-size" 0
"$TOOL" zeros "$WORK/values.json" "$MAX_VALUES"
measure "values limit" "one past: check --input body" "$WORK/values.json" 1 1 scan 256 -- check --input body --format json "$WORK/values.json"
limit_row "values limit" "one past: json-size" 1
if [ "$BYTE_LIMIT_CASES" = 1 ]; then
    MAX_BYTES=268435456
    "$TOOL" sized "$WORK/sized.json" "$MAX_BYTES"
    measure "byte limit" "at 256 MiB: check --format json" "$WORK/sized.json" 1 1 scan 600 -- check --format json "$WORK/sized.json"
    limit_row "byte limit" "at the limit: no json-size" 0
    "$TOOL" sized "$WORK/sized.json" $((MAX_BYTES + 1))
    measure "byte limit" "one past: check --format json" "$WORK/sized.json" 1 1 scan 600 -- check --format json --jobs 1 "$WORK/sized.json"
    limit_row "byte limit" "one past: json-size" 1
    measure_same "byte limit" "one past: --jobs 3" "$WORK/sized.json" 1 1 scan 600 -- check --format json --jobs 3 "$WORK/sized.json"
    # The string that never ends, then a good line: cut at the limit, memory bounded.
    "$TOOL" sized "$WORK/sized.json" 700000000 endless
    printf '{"a":1}\n' >>"$WORK/sized.json"
    measure "byte limit" "endless string: check --format json" "$WORK/sized.json" 1 2 scan 600 -- check --format json "$WORK/sized.json"
    limit_row "byte limit" "endless string: json-size" 1
fi

# Directories and unreadable paths.
mkdir -p "$WORK/dir/sub"
cp "$WORK/nul.json" "$WORK/dir/a.json"
cp "$WORK/utf8.json" "$WORK/dir/sub/b.jsonl"
measure paths "check dir missing-file" "$WORK/dir" 2 $((NUL_DOCS + UTF8_DOCS)) allow-stderr 64 -- check --color never "$WORK/dir" "$WORK/missing.json"
grep -q 'cannot read ".*missing.json": no such file or directory' "$WORK/err" && verdict=ok || verdict="FAIL: $(head -c 200 "$WORK/err")"
row paths "missing path named on stderr" - - - - - - - - "$verdict"

# listen under load: 50 senders at once, every request answered, printed and saved.
LISTEN_SENDERS=50
"$TOOL" measure --report "$WORK/listen-report" -- "$VODHOOK" listen --port 0 --count "$LISTEN_REQUESTS" \
    --save "$WORK/load.http" --format json >"$WORK/listen.out" 2>"$WORK/listen.err" &
LISTEN_PID=$!
PORT=
for _ in $(seq 200); do
    PORT=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$WORK/listen.err")
    [ -n "$PORT" ] && break
    sleep 0.05
done
SEND_START=$(date +%s.%N)
seq "$LISTEN_SENDERS" | xargs -P "$LISTEN_SENDERS" -I{} sh -c \
    "\"$VODHOOK\" sample --count $((LISTEN_REQUESTS / LISTEN_SENDERS)) --seed {} | \"$VODHOOK\" send http://127.0.0.1:$PORT/cb >/dev/null"
wait "$LISTEN_PID"
SEND_SECONDS=$(awk -v s="$SEND_START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
exit=$(sed -n 's/.*exit=\([-0-9]*\).*/\1/p' "$WORK/listen-report")
rss=$(sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p' "$WORK/listen-report")
RECORDS=$(wc -l <"$WORK/listen.out" | tr -d ' ')
verdict=ok
[ "$exit" = 0 ] && [ "$RECORDS" = "$LISTEN_REQUESTS" ] || verdict="FAIL: exit $exit, $RECORDS records"
[ $((rss / 1024)) -le 64 ] || verdict="FAIL: over 64 MB"
row listen "$LISTEN_SENDERS senders, --save, json" - "$exit" 0 "$RECORDS" "$LISTEN_REQUESTS" "$(mb $((rss * 1024)))" "$SEND_SECONDS" - "$verdict"
SAVED=$("$VODHOOK" summary --format json "$WORK/load.http" | sed -n 's/^  "documents": \([0-9]*\),/\1/p')
row listen "summary of the saved capture" - - - "$SAVED" "$LISTEN_REQUESTS" - - - "$([ "$SAVED" = "$LISTEN_REQUESTS" ] && echo ok || echo FAIL)"

# listen besieged (issue 23): idle connections held open while 50 keep-alive
# senders send, one request after another; every request must get 200, with
# the threads fixed (the loop and 16 workers) and the memory bounded.
SIEGE_REQUESTS=$((50 * SIEGE_PER_SENDER))
"$TOOL" measure --report "$WORK/siege-report" -- "$VODHOOK" listen --port 0 --count "$SIEGE_REQUESTS" \
    --format json >"$WORK/siege.out" 2>"$WORK/siege.err" &
MEASURE_PID=$!
PORT=
for _ in $(seq 200); do
    PORT=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$WORK/siege.err")
    [ -n "$PORT" ] && break
    sleep 0.05
done
LISTEN_PID=$(pgrep -P "$MEASURE_PID" | head -1)
SIEGE_START=$(date +%s.%N)
SIEGE=$(ulimit -n "$(ulimit -Hn)" 2>/dev/null; "$TOOL" siege "$PORT" "${LISTEN_PID:-0}" "$SIEGE_IDLE" 50 "$SIEGE_PER_SENDER")
wait "$MEASURE_PID"
SIEGE_SECONDS=$(awk -v s="$SIEGE_START" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
exit=$(sed -n 's/.*exit=\([-0-9]*\).*/\1/p' "$WORK/siege-report")
rss=$(sed -n 's/.*maxrss_kb=\([0-9]*\).*/\1/p' "$WORK/siege-report")
OK=$(echo "$SIEGE" | sed -n 's/.*ok=\([0-9]*\).*/\1/p')
THREADS=$(echo "$SIEGE" | sed -n 's/.*threads=\([0-9]*\).*/\1/p')
verdict=ok
[ "$exit" = 0 ] && [ "$OK" = "$SIEGE_REQUESTS" ] || verdict="FAIL: exit $exit, $SIEGE"
[ "${THREADS:-99}" -le 20 ] || verdict="FAIL: $THREADS threads"
[ $((rss / 1024)) -le 96 ] || verdict="FAIL: over 96 MB"
row listen "$SIEGE_IDLE idle + 50 senders, $THREADS thr" - "$exit" 0 "$OK" "$SIEGE_REQUESTS" "$(mb $((rss * 1024)))" "$SIEGE_SECONDS" - "$verdict"

printf '\n%-22s %-34s %9s %4s %-5s %12s %-10s %9s %7s %6s  %s\n' CASE COMMAND "INPUT MB" EXIT "(exp)" DOCUMENTS "(exp)" "PEAK MB" SECONDS UNSAFE RESULT
printf '%s\n' "${ROWS[@]}"
echo
if [ "$FAILED" = 0 ]; then echo "stress ($SCALE): all passed"; else echo "stress ($SCALE): FAILED"; fi
exit $FAILED
