#!/usr/bin/env python3
"""Times vodhook on the benchmark corpus and prints a Markdown table.

Each case runs once to check its result (exit status and document count;
a wrong one fails the bench), then BENCH_RUNS times with its output sent to
/dev/null: the file, stdin and jq cases in rounds, each once per round, so
that a host whose speed drifts slows them alike. Wall time is measured around fork/exec/wait, peak RSS comes from
GNU time (/usr/bin/time -f %M) in one more run. The table reports the median, never asserts
on speed: a slow or busy machine is reported, not failed.

usage: see bench.sh, which passes every argument.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time

TIME = "/usr/bin/time"


class WrongResult(Exception):
    pass


def run_once(argv, stdin_path=None, capture=False, feed=None):
    """Runs argv; returns (seconds, exit status, stdout bytes or None)."""
    stdin = open(stdin_path, "rb") if stdin_path else (subprocess.PIPE if feed else subprocess.DEVNULL)
    stdout = subprocess.PIPE if capture else subprocess.DEVNULL
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdin=stdin, stdout=stdout, stderr=subprocess.DEVNULL)
    output = None
    writer = None
    if feed:
        # A stream larger than the disk copy: the corpus written `feed` times
        # into a pipe, from a thread so a command's output cannot block it.
        writer = threading.Thread(target=write_copies, args=(process.stdin, *feed))
        writer.start()
    if capture:
        output = process.stdout.read()
    status = process.wait()
    if writer:
        writer.join()
    elapsed = time.perf_counter() - started
    if stdin_path:
        stdin.close()
    return elapsed, status, output


def write_copies(pipe, path, times):
    """The corpus `times` over, each copy after the first made distinct (its
    EventTime years moved on), so duplicates stay those within a copy."""
    try:
        with open(path, "rb") as source:
            for copy in range(times):
                source.seek(0)
                carry = b""
                while True:
                    block = source.read(1 << 20)
                    if not block:
                        break
                    block = carry + block
                    cut = block.rfind(b"\n") + 1
                    block, carry = block[:cut], block[cut:]
                    if copy:
                        block = block.replace(b'"EventTime":"2026', b'"EventTime":"%d' % (2026 + copy))
                    pipe.write(block)
                if carry:
                    pipe.write(carry)
        pipe.close()
    except BrokenPipeError:
        pass


def peak_rss(argv, stdin_path=None, feed=None):
    """Peak RSS in KiB, from GNU time: a child of this process would count
    Python's own pages, which a fork carries into the exec'd program's high-water mark."""
    if not os.access(TIME, os.X_OK):
        return None
    with tempfile.NamedTemporaryFile("r") as report:
        _, status, _ = run_once([TIME, "-f", "%M", "-o", report.name] + argv, stdin_path, feed=feed)
        text = report.read().strip().splitlines()
    return int(text[-1]) if text and text[-1].isdigit() else None


def verify(case, status, output, expected):
    want_status = case["status"]
    if status != want_status:
        raise WrongResult("%s: exit status %d, expected %d" % (case["name"], status, want_status))
    check = case.get("verify")
    if check is None:
        return
    multiplier = case.get("multiplier", 1)
    documents = expected["documents"] * multiplier
    if check == "lines":
        lines = output.count(b"\n")
        if lines != documents:
            raise WrongResult("%s: %d records, expected %d" % (case["name"], lines, documents))
        invalid = output.count(b'"valid":false')
        if invalid != expected["invalid"] * multiplier:
            raise WrongResult("%s: %d invalid, expected %d" % (case["name"], invalid, expected["invalid"] * multiplier))
    elif check == "written":
        lines = output.count(b"\n")
        want = (expected["documents"] - expected["syntaxErrors"]) * multiplier
        if lines != want:
            raise WrongResult("%s: %d documents written, expected %d" % (case["name"], lines, want))
    elif check == "summary":
        summary = json.loads(output)
        for key in ("documents", "invalid"):
            if summary[key] != expected[key] * multiplier:
                raise WrongResult("%s: %s is %d, expected %d" % (case["name"], key, summary[key], expected[key] * multiplier))
        # Each copy is distinct from the others, so only duplicates within one count.
        duplicates = expected["duplicates"] * multiplier
        if summary["duplicates"] != duplicates:
            raise WrongResult("%s: duplicates is %d, expected %d" % (case["name"], summary["duplicates"], duplicates))
    elif check == "empty":
        if output:
            raise WrongResult("%s: printed %d bytes, expected nothing" % (case["name"], len(output)))


def measure(case, runs, expected):
    stdin_path = case.get("stdin")
    feed = case.get("feed")
    _, status, output = run_once(case["argv"], stdin_path, capture=True, feed=feed)
    verify(case, status, output, expected)
    times = []
    for _ in range(case.get("runs", runs)):
        elapsed, status, _ = run_once(case["argv"], stdin_path, feed=feed)
        if status != case["status"]:
            raise WrongResult("%s: exit status %d on a timed run" % (case["name"], status))
        times.append(elapsed)
    return times, peak_rss(case["argv"], stdin_path, feed)


def measure_in_rounds(cases, runs, expected):
    """Like `measure` for each case, but in rounds: every case once per
    round. The host's speed drifts for seconds at a time, and a case timed
    in one stretch took the whole stretch's luck; in rounds, the drift falls
    on every case alike, and ratios within the run hold."""
    for case in cases:
        _, status, output = run_once(case["argv"], case.get("stdin"), capture=True)
        verify(case, status, output, expected)
    times = {id(case): [] for case in cases}
    for _ in range(runs):
        for case in cases:
            elapsed, status, _ = run_once(case["argv"], case.get("stdin"))
            if status != case["status"]:
                raise WrongResult("%s: exit status %d on a timed run" % (case["name"], status))
            times[id(case)].append(elapsed)
    return {id(case): (times[id(case)], peak_rss(case["argv"], case.get("stdin"), None)) for case in cases}


def row(case, times, peak, size, documents):
    median = statistics.median(times)
    cells = [case["name"], case.get("input", ""), str(case.get("jobs", "")),
             "%.3f" % median, "%.3f–%.3f" % (min(times), max(times))]
    if case.get("startup"):
        cells += ["%.1f ms" % (median * 1000), "", ""]
    else:
        cells += ["%.0f" % (size * case.get("multiplier", 1) / median / 1e6),
                  "%.0f" % (documents * case.get("multiplier", 1) / median), ""]
    cells[-1] = "%.1f" % (peak / 1024) if peak is not None else "n/a"
    cells.append(str(len(times)))
    return "| " + " | ".join(cells) + " |", median


def plan(args, expected):
    """The cases, in table order."""
    invalid = 1 if expected["invalid"] > 0 else 0
    binary, corpus = args.binary, args.corpus
    jobs = ["--jobs", "1"] if args.jobs else []
    commands = [
        ("check --quiet", ["check", "--quiet"], invalid, "empty", "quiet"),
        ("check --format json", ["check", "--format", "json"], invalid, "lines", "json"),
        ("summary --format json", ["summary", "--format", "json"], 0, "summary", "summary"),
        ("normalize", ["normalize"], invalid, "written", "normalize"),
        ("normalize --canonical", ["normalize", "--canonical"], invalid, "written", "canonical"),
    ]
    cases = []
    for name, arguments, status, check, key in commands:
        base = {"name": name, "status": status, "verify": check}
        cases.append(dict(base, argv=[binary] + arguments + jobs + [corpus], input="file", jobs=1, key=key))
        cases.append(dict(base, argv=[binary] + arguments + jobs, stdin=corpus, input="stdin", jobs=1))
        if args.jobs:
            cases.append(dict(base, argv=[binary] + arguments + [corpus], input="file", jobs=args.jobs, key=key + "N"))
    if args.jq:
        cases.append({"name": "jq -c .", "argv": [args.jq, "-c", "."], "stdin": args.json_only, "input": "stdin (no syntax errors)",
                      "status": 0, "verify": "written", "key": "jq", "jsonOnly": True})
    for name, arguments, status, check in [("check --quiet", ["check", "--quiet"], invalid, "empty"),
                                           ("summary --format json", ["summary", "--format", "json"], 0, "summary"),
                                           ("normalize", ["normalize"], invalid, "written")]:
        cases.append({"name": name, "argv": [binary] + arguments, "feed": [corpus, 4], "multiplier": 4,
                      "input": "pipe, 4 distinct copies", "jobs": args.jobs or 1, "status": status, "verify": check, "runs": 1})
    cases.append({"name": "check (one small file)", "argv": [binary, "check", args.small_file], "status": 0,
                  "input": "file", "jobs": "", "startup": True, "key": "startup", "runs": args.startup_runs})
    cases.append({"name": "Swift hello world", "argv": [args.hello], "status": 0,
                  "input": "", "jobs": "", "startup": True, "key": "hello", "runs": args.startup_runs})
    return cases


def halves(corpus):
    """The corpus cut in two at the line nearest its middle, cached beside it."""
    paths = (corpus + ".half-1", corpus + ".half-2")
    if all(os.path.exists(path) for path in paths):
        return paths
    with open(corpus, "rb") as source:
        data = source.read()
    middle = data.index(b"\n", len(data) // 2) + 1
    for path, part in zip(paths, (data[:middle], data[middle:])):
        with open(path + ".tmp", "wb") as target:
            target.write(part)
        os.replace(path + ".tmp", path)
    return paths


def run_together(argvs):
    """Runs the commands at once; returns the seconds until the last ends."""
    started = time.perf_counter()
    processes = [subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                 for argv in argvs]
    for process in processes:
        process.wait()
    return time.perf_counter() - started


def scaling(args, runs):
    """--jobs N against --jobs 1, run in alternation so that a machine
    whose speed drifts (a shared host, a boost clock) slows both alike; and
    the most this machine gives two threads at that moment: two --jobs 1
    processes, each on half the corpus, at once, against one on all of it."""
    binary, corpus = args.binary, args.corpus
    commands = [("check --quiet", ["check", "--quiet"]), ("check --format json", ["check", "--format", "json"]),
                ("summary --format json", ["summary", "--format", "json"]), ("normalize", ["normalize"]),
                ("normalize --canonical", ["normalize", "--canonical"])]
    print("| command | --jobs 1 median s | --jobs %d median s | ratio | two processes on halves, ratio |" % args.jobs)
    print("|---|---|---|---|---|")
    for name, arguments in commands:
        one, many, together = [], [], []
        parts = halves(corpus)
        for _ in range(runs):
            one.append(run_once([binary] + arguments + ["--jobs", "1", corpus])[0])
            many.append(run_once([binary] + arguments + ["--jobs", str(args.jobs), corpus])[0])
            together.append(run_together([[binary] + arguments + ["--jobs", "1", part] for part in parts]))
        base = statistics.median(one)
        print("| %s | %.3f | %.3f | %.2f× | %.2f× |" % (name, base, statistics.median(many), base / statistics.median(many),
                                                    base / statistics.median(together)), flush=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--hello", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--json-only", required=True)
    parser.add_argument("--expected", required=True)
    parser.add_argument("--small-file", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--startup-runs", type=int, default=30)
    parser.add_argument("--jq", default="")
    parser.add_argument("--jobs", type=int, default=0, help="the default --jobs, 0 when vodhook has no --jobs")
    args = parser.parse_args()
    expected = json.load(open(args.expected))
    size = os.path.getsize(args.corpus)
    json_only_size = os.path.getsize(args.json_only)
    if not os.access(TIME, os.X_OK):
        print("bench: %s not found; peak RSS is not measured" % TIME, file=sys.stderr)
    print("| command | input | jobs | median s | min–max s | MB/s | docs/s | peak RSS MiB | runs |")
    print("|---|---|---|---|---|---|---|---|---|")
    medians = {}
    cases = plan(args, expected)
    try:
        timed = measure_in_rounds([case for case in cases if "runs" not in case], args.runs, expected)
    except (WrongResult, OSError) as problem:
        print("bench: %s" % problem, file=sys.stderr)
        sys.exit(1)
    for case in cases:
        try:
            times, peak = timed[id(case)] if id(case) in timed else measure(case, args.runs, expected)
        except WrongResult as problem:
            print("bench: wrong result: %s" % problem, file=sys.stderr)
            sys.exit(1)
        except OSError as problem:
            print("bench: could not run %s: %s" % (case["name"], problem), file=sys.stderr)
            sys.exit(1)
        json_only = case.get("jsonOnly", False)
        documents = expected["documents"] - (expected["syntaxErrors"] if json_only else 0)
        line, median = row(case, times, peak, json_only_size if json_only else size, documents)
        if "key" in case:
            medians[case["key"]] = (median, case)
        print(line, flush=True)
    print()
    if "quiet" in medians and "jq" in medians:
        ratio = (size / medians["quiet"][0]) / (json_only_size / medians["jq"][0])
        print("check --quiet, one thread, is %.1f× jq -c . in MB/s (jq reads the corpus without its %d syntax-error lines: it stops at the first)"
              % (ratio, expected["syntaxErrors"]))
    if "startup" in medians and "hello" in medians:
        print("start-up: check on one small file %.1f ms, Swift hello world %.1f ms (%.2f×), both including the harness's fork/exec"
              % (medians["startup"][0] * 1000, medians["hello"][0] * 1000, medians["startup"][0] / medians["hello"][0]))
    if args.jobs > 1:
        print()
        print("Scaling: each command with --jobs 1 and --jobs %d in alternation, %d runs each, and two --jobs 1 processes on the corpus's halves at once:"
              % (args.jobs, args.runs))
        print()
        scaling(args, args.runs)


if __name__ == "__main__":
    main()
