#!/usr/bin/env bash
# `make bench`: vodhook's throughput, memory and start-up on a generated corpus.
#
# Python 3 generates the corpus and times the runs (Benchmarks/*.py); the
# tool itself never needs it. Reports, never asserts on speed; exits non-zero
# only when a build fails or a command fails or miscounts documents.
#
#   BENCH_DOCS=20000      documents in the corpus (default 1000000, about 245 MB)
#   BENCH_RUNS=5          timed runs per case; the table shows the median
#   BENCH_DIR=/tmp/...    where the corpus and the hello-world build go
#   BENCH_SCRATCH=.build  SwiftPM scratch path for the release build
#   BENCH_OUT=file.md     also write the report there
set -euo pipefail
cd "$(dirname "$0")/.."

docs=${BENCH_DOCS:-1000000}
runs=${BENCH_RUNS:-5}
work=${BENCH_DIR:-/tmp/vodhook-bench}
scratch=${BENCH_SCRATCH:-.build}
swift=${SWIFT:-swift}

if ! command -v python3 >/dev/null 2>&1; then
    echo "bench: python3 not found. The benchmark uses Python 3 to generate its corpus and to time the runs; install python3 and run it again." >&2
    exit 2
fi
echo "bench: using $(python3 --version 2>&1) for the corpus generator and the timing harness" >&2
mkdir -p "$work"

echo "bench: building the release binary ($scratch)" >&2
"$swift" build -c release --static-swift-stdlib --scratch-path "$scratch" --product vodhook >&2
binary="$scratch/release/vodhook"
echo "bench: building a Swift hello world the same way" >&2
"$swift" build -c release --static-swift-stdlib --package-path Benchmarks/HelloWorld --scratch-path "$work/hello-build" >&2
hello="$work/hello-build/release/hello"

# The corpus is cached by size and generator version, so reruns skip the generation.
stamp=$(cksum < Benchmarks/generate_corpus.py | cut -d' ' -f1)
corpus="$work/corpus-$docs-$stamp.ndjson"
if [ ! -s "$corpus.expected.json" ]; then
    echo "bench: generating $docs documents into $corpus" >&2
    python3 Benchmarks/generate_corpus.py "$docs" "$corpus" "$corpus.json-only" > "$corpus.expected.json.tmp"
    mv "$corpus.expected.json.tmp" "$corpus.expected.json"
fi

jobs=0
if "$binary" check --help | grep -q -- '--jobs'; then jobs=$(getconf _NPROCESSORS_ONLN); fi
jq_path=$(command -v jq || true)
[ -n "$jq_path" ] || echo "bench: jq not installed; skipping the jq comparison" >&2

report=$(mktemp)
trap 'rm -f "$report"' EXIT
{
    echo "## $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo
    echo "- machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "- $("$swift" --version 2>&1 | head -1)"
    echo "- corpus: $docs documents, $(stat -c %s "$corpus") bytes; expected $(cat "$corpus.expected.json")"
    echo "- $runs timed runs per case, in rounds of every file, stdin and jq case once (median shown; MB = 10^6 bytes); peak RSS from one more run under /usr/bin/time -f %M"
    echo
} > "$report"
cat "$report"
python3 Benchmarks/measure.py --binary "$binary" --hello "$hello" --corpus "$corpus" --json-only "$corpus.json-only" \
    --expected "$corpus.expected.json" --small-file Examples/docs-success.json --runs "$runs" \
    --jq "$jq_path" --jobs "$jobs" | tee -a "$report"

# The lifecycle corpus: every event of a real receiver's log (issue 13), as
# many documents as the main corpus, made by the binary itself.
lifecycle="$work/lifecycle-$docs.ndjson"
if [ ! -s "$lifecycle" ]; then
    echo "bench: generating $docs lifecycle documents into $lifecycle" >&2
    "$binary" sample --lifecycle --count "$docs" --seed 1 > "$lifecycle"
fi
python3 Benchmarks/measure_lifecycle.py --binary "$binary" --corpus "$corpus" --lifecycle "$lifecycle" --runs "$runs" --jq "$jq_path" | tee -a "$report"
# Issue 24's table: every command on one thread against jq, on both corpora, with the targets.
if [ -n "$jq_path" ]; then
    python3 Benchmarks/measure_targets.py --binary "$binary" --jq "$jq_path" --runs "$runs" \
        --corpus DeleteMediaComplete "$corpus" "$corpus.json-only" --corpus lifecycle "$lifecycle" "$lifecycle" | tee -a "$report"
fi
# --jobs left to its default against one thread, from one document to the whole corpus.
python3 Benchmarks/measure_jobs.py --binary "$binary" --corpus "$corpus" --directory "$work" --runs "$runs" | tee -a "$report"
# A receiver's log: the corpus's callbacks after log-line prefixes (issue 22).
python3 Benchmarks/measure_log.py --binary "$binary" --corpus "$corpus" --log "$work/log-$docs-$stamp.log" --runs "$runs" | tee -a "$report"
if [ -n "${BENCH_OUT:-}" ]; then cp "$report" "$BENCH_OUT"; fi

# The corpus gzip'd (issue 22): check --quiet on it beside gzip -dc alone.
if command -v gzip > /dev/null; then
    compressed="$corpus.gz"
    [ -s "$compressed" ] || gzip -6 -c "$corpus" > "$compressed"
    python3 Benchmarks/measure_gzip.py --binary "$binary" --corpus "$corpus" --compressed "$compressed" --runs "$runs" | tee -a "$report"
    if [ -n "${BENCH_OUT:-}" ]; then cp "$report" "$BENCH_OUT"; fi
else
    echo "bench: gzip not installed; skipping the .gz row" >&2
fi
