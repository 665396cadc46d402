#!/usr/bin/env python3
"""Instructions per document, as BENCHMARKS.md's tables count them: each
command with `--jobs 1` under callgrind on a corpus, minus the same command
on a one-document file (start-up), divided by the corpus's documents.
Instruction counts do not depend on the machine's load, so two builds can
be compared on a busy machine. Needs valgrind; takes about a minute for
20,000 documents a corpus.

usage: instructions.py BINARY CORPUS [CORPUS ...]
"""
import os
import re
import subprocess
import sys
import tempfile

COMMANDS = [
    ["check", "--quiet"],
    ["check", "--format", "json"],
    ["summary", "--format", "json"],
    ["normalize"],
    ["normalize", "--canonical"],
]


def instructions(binary, arguments, path):
    with tempfile.TemporaryDirectory() as scratch:
        result = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={scratch}/out", binary, *arguments, "--jobs", "1", path],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    found = re.search(r"Collected : (\d+)|I\s+refs:\s+([\d,]+)", result.stderr)
    if not found:
        raise SystemExit(f"instructions: no count from valgrind for {' '.join(arguments)} {path}:\n{result.stderr[-2000:]}")
    return int((found.group(1) or found.group(2)).replace(",", ""))


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    binary, corpora = sys.argv[1], sys.argv[2:]
    print("| command | " + " | ".join(os.path.basename(path) for path in corpora) + " |")
    print("|---|" + "---:|" * len(corpora))
    for arguments in COMMANDS:
        cells = []
        for path in corpora:
            with open(path, "rb") as source:
                first = source.readline()
                documents = 1 + sum(1 for _ in source)
            with tempfile.NamedTemporaryFile(suffix=".ndjson") as one:
                one.write(first)
                one.flush()
                start_up = instructions(binary, arguments, one.name)
            total = instructions(binary, arguments, path)
            # The one-document run holds the first document too.
            cells.append(f"{(total - start_up) / (documents - 1):,.0f}")
        print(f"| {' '.join(arguments)} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
