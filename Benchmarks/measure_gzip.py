#!/usr/bin/env python3
"""`check --quiet` on the gzip'd corpus beside `gzip -dc` alone (issue 22:
at most 1.5x), with the decoder thread (the default --jobs) and without it
(--jobs 1 on one core is not what it measures: the decoder thread runs
whenever the machine has a second core), and peak RSS, which must stay flat."""
import argparse
import os
import statistics

from side_by_side import peak_rss_mb, timed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--compressed", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    size = os.path.getsize(args.compressed)
    text = os.path.getsize(args.corpus)
    cases = [
        ("gzip -dc > /dev/null", ["sh", "-c", f"gzip -dc '{args.compressed}' > /dev/null"]),
        ("check --quiet, .gz", [args.binary, "check", "--quiet", args.compressed]),
        ("check --quiet --jobs 1, .gz", [args.binary, "check", "--quiet", "--jobs", "1", args.compressed]),
        ("check --quiet, plain text", [args.binary, "check", "--quiet", args.corpus]),
    ]
    # In rounds, so the host's drift falls on every case alike.
    seconds = {name: [] for name, _ in cases}
    for _ in range(args.runs):
        for name, command in cases:
            seconds[name].append(timed(command, 1))
    median = {name: statistics.median(values) for name, values in seconds.items()}
    print()
    print(f"gzip: {size} compressed bytes of {text} ({text / size:.1f}x)")
    print()
    print("| case | median s | MB/s of text |")
    print("| --- | ---: | ---: |")
    for name, _ in cases:
        print(f"| {name} | {median[name]:.3f} | {text / median[name] / 1e6:.1f} |")
    ratio = median["check --quiet, .gz"] / median["gzip -dc > /dev/null"]
    print(f"\ncheck --quiet on the .gz: {ratio:.2f}x gzip -dc alone (target: at most 1.5x)")
    print(f"peak RSS, check --quiet on the .gz: {peak_rss_mb([args.binary, 'check', '--quiet', args.compressed]):.0f} MB")


if __name__ == "__main__":
    main()
