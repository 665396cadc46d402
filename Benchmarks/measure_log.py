#!/usr/bin/env python3
"""`check --quiet` on a receiver's log (the corpus's callbacks after
timestamp, level and logger prefixes, with a line without a callback every
tenth line) beside the plain NDJSON corpus, per byte: the issue's target is
log mode within 1.3x of NDJSON per byte. Also `--at /body` on the corpus's
callbacks inside JSON log records, half as nested objects and half as
escaped JSON text (no target: it is reported per byte and per callback)."""
import argparse
import json
import os

from side_by_side import print_rate_table, timed

PREFIXES = [
    "2026-12-06T10:00:00Z INFO vod callback body=",
    "[2026-12-06 10:00:00,123] [http-nio-8080-exec-3] INFO  c.e.CallbackController - received: ",
    "Dec  6 10:00:00 web-1 app[123]: ",
]


def generate(corpus, log):
    """Writes the log once; it is kept beside the corpus for reruns."""
    if os.path.exists(log) and os.path.getsize(log) > 0:
        return
    with open(corpus, "rb") as source, open(log + ".tmp", "wb") as out:
        for number, line in enumerate(source):
            if number % 10 == 9:
                out.write(b"2026-12-06T10:00:01Z DEBUG health check ok\n")
            out.write(PREFIXES[number % len(PREFIXES)].encode() + line)
    os.replace(log + ".tmp", log)


def generate_envelopes(corpus, envelopes):
    """Each callback inside a JSON log record at /body, once; kept for reruns.
    Lines that are not JSON (the corpus's syntax errors) are left out."""
    if os.path.exists(envelopes) and os.path.getsize(envelopes) > 0:
        return
    with open(corpus, "rb") as source, open(envelopes + ".tmp", "w") as out:
        for number, line in enumerate(source):
            try:
                callback = json.loads(line)
            except ValueError:
                continue
            body = callback if number % 2 else json.dumps(callback, separators=(",", ":"))
            out.write(json.dumps({"ts": "2026-12-06T10:00:00Z", "level": "info", "body": body}, separators=(",", ":")) + "\n")
    os.replace(envelopes + ".tmp", envelopes)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    generate(args.corpus, args.log)
    envelopes = args.log + ".envelopes.ndjson"
    generate_envelopes(args.corpus, envelopes)
    rows = []
    for name, command, path in (
        ("NDJSON corpus", ["check", "--quiet", "--jobs", "1"], args.corpus),
        ("prefixed log, --input log", ["check", "--quiet", "--input", "log"], args.log),
        ("JSON log records, --at /body", ["check", "--quiet", "--at", "/body"], envelopes),
    ):
        size = os.path.getsize(path)
        rows.append((name, size, timed([args.binary, *command, path], args.runs)))
    print_rate_table("check --quiet, ", rows)
    per_byte = (rows[1][2] / rows[1][1]) / (rows[0][2] / rows[0][1])
    print(f"\nlog mode per byte: {per_byte:.2f}x the NDJSON corpus's time on one thread (target: at most 1.3x)")
    with open(envelopes, "rb") as records:
        callbacks = sum(1 for _ in records)
    with open(args.corpus, "rb") as source:
        corpus_lines = sum(1 for _ in source)
    per_callback = (rows[2][2] / callbacks) / (rows[0][2] / corpus_lines)
    per_byte = (rows[2][2] / rows[2][1]) / (rows[0][2] / rows[0][1])
    print(f"--at /body: {per_callback:.2f}x the NDJSON corpus's time per callback, {per_byte:.2f}x per byte")


if __name__ == "__main__":
    main()
