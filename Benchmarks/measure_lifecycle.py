#!/usr/bin/env python3
"""`check --quiet` on the lifecycle corpus beside the DeleteMediaComplete
corpus, per byte, and `jq -c .` on it: the issue's targets are within 1.5x
of the DeleteMediaComplete corpus per byte and at least 10x jq."""
import argparse
import os

from side_by_side import peak_rss_mb, print_rate_table, timed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--lifecycle", required=True)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jq", default="")
    args = parser.parse_args()
    rows = []
    for name, path in (("DeleteMediaComplete corpus", args.corpus), ("lifecycle corpus", args.lifecycle)):
        size = os.path.getsize(path)
        seconds = timed([args.binary, "check", "--quiet", path], args.runs)
        rows.append((name, size, seconds))
    print_rate_table("check --quiet, ", rows)
    per_byte = (rows[1][2] / rows[1][1]) / (rows[0][2] / rows[0][1])
    print(f"\nlifecycle per byte: {per_byte:.2f}x the DeleteMediaComplete corpus's time (target: at most 1.5x)")
    print(f"peak RSS, check --quiet on the lifecycle corpus: {peak_rss_mb([args.binary, 'check', '--quiet', args.lifecycle]):.0f} MB")
    if args.jq:
        jq_seconds = timed(["sh", "-c", f"'{args.jq}' -c . '{args.lifecycle}' > /dev/null"], max(1, args.runs // 2))
        print(f"jq -c . on the lifecycle corpus: {jq_seconds:.3f} s, vodhook is {jq_seconds / rows[1][2]:.1f}x faster (target: at least 10x)")


if __name__ == "__main__":
    main()
