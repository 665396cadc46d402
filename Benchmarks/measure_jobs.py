#!/usr/bin/env python3
"""`--jobs` left to its default beside `--jobs 1`, at input sizes from one
document to the whole corpus, as a named file and on stdin (issue 24: the
default must never lose to one thread, at any size).

The inputs are the corpus's first N lines (small ones are run four times as
often: their runs last milliseconds). Each size's two cases run in
alternation, `runs` times, and the best of each is compared: a ratio above
1 means the default was faster. A default more than 10% slower than one
thread is marked LOSES; smaller gaps are within what this harness can tell
on a shared machine for runs of a few milliseconds.
"""
import argparse
import os

from side_by_side import wall

COMMANDS = [
    ("check --quiet", ["check", "--quiet"]),
    ("summary --format json", ["summary", "--format", "json"]),
    ("normalize", ["normalize"]),
]
SIZES = [1, 100, 1000, 4000, 5000, 20000, 100000, 1000000]


def prefix(corpus, lines, directory):
    path = os.path.join(directory, f"{os.path.basename(corpus)}.first-{lines}")
    if not os.path.exists(path):
        with open(corpus, "rb") as source, open(path + ".tmp", "wb") as target:
            for number, line in enumerate(source):
                if number == lines:
                    break
                target.write(line)
        os.replace(path + ".tmp", path)
    return path



def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--directory", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with open(args.corpus, "rb") as source:
        available = sum(1 for _ in source)

    print()
    print(f"--jobs default ({os.cpu_count()} cores) against --jobs 1, best of {args.runs} in alternation; "
          "ratio = one thread's time / the default's (above 1: the default is faster)")
    print()
    print("| command | documents | bytes | input | --jobs 1 s | default s | ratio | |")
    print("| --- | ---: | ---: | --- | ---: | ---: | ---: | --- |")
    losses = 0
    for lines in [size for size in SIZES if size <= available]:
        path = prefix(args.corpus, lines, args.directory)
        size = os.path.getsize(path)
        for name, arguments in COMMANDS:
            for input_name in ("file", "stdin"):
                named = [path] if input_name == "file" else []
                stdin = "/dev/null" if input_name == "file" else path
                one = default = float("inf")
                # A run of a few milliseconds needs more of them to show its floor.
                for _ in range(args.runs if lines >= 20000 else 4 * args.runs):
                    one = min(one, wall([args.binary, *arguments, "--jobs", "1", *named], stdin))
                    default = min(default, wall([args.binary, *arguments, *named], stdin))
                ratio = one / default
                loses = ratio < 1 / 1.1
                losses += loses
                print(f"| {name} | {lines} | {size} | {input_name} | {one:.4f} | {default:.4f} | {ratio:.2f} | {'LOSES' if loses else ''} |")
    print()
    print(f"sizes where the default lost to one thread by more than 10%: {losses}")


if __name__ == "__main__":
    main()
