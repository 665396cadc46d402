#!/usr/bin/env python3
"""Issue 24's table: the five commands on one thread (`--jobs 1`) beside
`jq -c .` on both corpora, in one run, as MB/s and as ratios to jq, with
each ratio's target and whether this run met it.

The ratio, not the MB/s, is the target, because absolute speeds move with
the machine. Each case is timed `runs` times in rounds (every case once a
round, so the host's drift falls on all alike) and the best time is kept,
as the issue's own table was measured ("best of 3"). jq reads the same
bytes, except the DeleteMediaComplete corpus's syntax-error lines, where jq
would stop (the `--json-only` copy).
"""
import argparse
import os

from side_by_side import wall

COMMANDS = [
    ("check --quiet", ["check", "--quiet"], 27.0),
    ("check --format json", ["check", "--format", "json"], 13.5),
    ("summary --format json", ["summary", "--format", "json"], 13.5),
    ("normalize", ["normalize"], 13.5),
    ("normalize --canonical", ["normalize", "--canonical"], 13.5),
]



def best_in_rounds(cases, runs):
    """cases: name -> (argv, stdin path). Returns name -> best seconds."""
    best = {}
    for _ in range(runs):
        for name, (argv, stdin_path) in cases.items():
            seconds = wall(argv, stdin_path)
            best[name] = min(best.get(name, seconds), seconds)
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--jq", required=True)
    parser.add_argument("--corpus", action="append", nargs=3, metavar=("NAME", "PATH", "JQ_PATH"), required=True,
                        help="a corpus, and the copy jq reads (the same file when it has no syntax errors)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    rows = []
    missed = 0
    for corpus_name, path, jq_path in args.corpus:
        cases = {"jq": ([args.jq, "-c", "."], jq_path)}
        for name, arguments, _ in COMMANDS:
            # The file named as an argument, as a user runs it; stdin stays empty.
            cases[name] = ([args.binary, *arguments, "--jobs", "1", path], "/dev/null")
        best = best_in_rounds(cases, args.runs)
        jq_rate = os.path.getsize(jq_path) / best["jq"] / 1e6
        size = os.path.getsize(path)
        for name, _, target in COMMANDS:
            rate = size / best[name] / 1e6
            ratio = rate / jq_rate
            met = ratio >= target
            missed += not met
            rows.append((corpus_name, name, rate, ratio, target, met, jq_rate))

    print()
    print(f"Issue 24's targets: one thread (--jobs 1), best of {args.runs}, jq -c . on the same bytes in the same rounds")
    print()
    print("| corpus | command | MB/s | × jq | target | |")
    print("| --- | --- | ---: | ---: | ---: | --- |")
    for corpus_name, name, rate, ratio, target, met, jq_rate in rows:
        print(f"| {corpus_name} (jq {jq_rate:.0f} MB/s) | {name} | {rate:.0f} | {ratio:.1f}× | {target:g}× | {'met' if met else 'MISSED'} |")
    print()
    print(f"targets met: {len(rows) - missed} of {len(rows)}")


if __name__ == "__main__":
    main()
