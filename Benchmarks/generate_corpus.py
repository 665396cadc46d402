#!/usr/bin/env python3
"""Writes the benchmark corpus: NDJSON DeleteMediaComplete callbacks.

Deterministic (SplitMix64 with a fixed seed, no `random` module), so every
machine benchmarks the same bytes. Prints the expected counts as JSON on
stdout; the bench checks vodhook's counts against them.

usage: generate_corpus.py DOCS CORPUS_PATH JSON_ONLY_PATH

JSON_ONLY_PATH gets the same documents without the syntax-error lines:
`jq -c .` stops at the first one, so it is timed on that twin instead.
"""
import json
import sys

MASK = (1 << 64) - 1

# Per 1000 documents. The rest are valid and distinct.
DUPLICATE = 10        # an exact copy of a recent valid document (a retried delivery)
BAD_ENUM = 5          # Status or MediaType outside the allowed values
BAD_TIME = 5          # EventTime not yyyy-MM-ddTHH:mm:ssZ
MISSING_FIELD = 5     # MediaId or DeleteType left out
SYNTAX_ERROR = 5      # a truncated line or a trailing comma


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n

    def hex32(self):
        return "%016x%016x" % (self.next(), self.next())


ERRORS = [
    ("InvalidVideo.NotFound", "The video does not exist."),
    ("InvalidStream.NotFound", "The specified stream does not exist."),
    ("Forbidden.IllegalStatus", "The status of the media asset does not allow this operation."),
]
# Most senders use the spec's order; some put MediaId first, which normalize reorders.
SPEC_ORDER = ["EventType", "EventTime", "Status", "MediaType", "DeleteType", "MediaId",
              "JobIds", "ErrorCode", "ErrorMessage"]
OTHER_ORDER = ["MediaId", "EventTime", "EventType", "DeleteType", "MediaType", "Status",
               "JobIds", "ErrorCode", "ErrorMessage"]


def event_time(second):
    day, rest = divmod(second, 86400)
    hour, rest = divmod(rest, 3600)
    minute, sec = divmod(rest, 60)
    return "2026-%02d-%02dT%02d:%02d:%02dZ" % (1 + day // 28 % 12, 1 + day % 28, hour, minute, sec)


def valid_fields(rng, index):
    fields = {
        "EventType": "DeleteMediaComplete",
        "EventTime": event_time(index * 3 + rng.below(3)),
        "Status": "success",
        "MediaType": ["video", "video", "video", "image", "attached"][rng.below(5)],
        "DeleteType": ["all", "all", "mezzanine", "stream", "stream"][rng.below(5)],
        "MediaId": rng.hex32(),
    }
    if fields["DeleteType"] == "stream":
        fields["JobIds"] = ",".join(rng.hex32() for _ in range(1 + rng.below(6)))
    if rng.below(5) == 0:
        fields["Status"] = "fail"
        code, message = ERRORS[rng.below(len(ERRORS))]
        fields["ErrorCode"] = code
        fields["ErrorMessage"] = message
    return fields


def render(rng, fields):
    order = OTHER_ORDER if rng.below(5) == 0 else SPEC_ORDER
    members = ['"%s":%s' % (key, json.dumps(fields[key])) for key in order if key in fields]
    return "{" + ",".join(members) + "}"


def main():
    docs, corpus_path, json_only_path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    rng = SplitMix64(20261128)
    counts = {"documents": docs, "valid": 0, "invalid": 0, "duplicates": 0, "syntaxErrors": 0}
    recent = []
    with open(corpus_path, "w", encoding="ascii", newline="\n") as corpus, \
            open(json_only_path, "w", encoding="ascii", newline="\n") as json_only:
        for index in range(docs):
            roll = rng.below(1000)
            syntax_error = False
            if roll < DUPLICATE and recent:
                line = recent[rng.below(len(recent))]
                counts["duplicates"] += 1
                counts["valid"] += 1
            else:
                fields = valid_fields(rng, index)
                roll -= DUPLICATE
                if roll < BAD_ENUM:
                    key, value = [("Status", "Success"), ("MediaType", "Video"), ("Status", "failed")][rng.below(3)]
                    fields[key] = value
                elif roll < BAD_ENUM + BAD_TIME:
                    fields["EventTime"] = [fields["EventTime"].replace("T", " "),
                                           fields["EventTime"][:-1] + "+08:00",
                                           fields["EventTime"][:-1] + ".123Z"][rng.below(3)]
                elif roll < BAD_ENUM + BAD_TIME + MISSING_FIELD:
                    del fields[["MediaId", "DeleteType"][rng.below(2)]]
                    if "JobIds" in fields:
                        del fields["JobIds"]
                elif roll < BAD_ENUM + BAD_TIME + MISSING_FIELD + SYNTAX_ERROR:
                    syntax_error = True
                line = render(rng, fields)
                if syntax_error:
                    # Cut inside MediaId's value (an unterminated string), or a trailing comma.
                    if rng.below(2) == 0:
                        cut = line.index('"MediaId":"') + 11 + rng.below(31)
                        line = line[:cut]
                    else:
                        line = line[:-1] + ",}"
                    counts["syntaxErrors"] += 1
                    counts["invalid"] += 1
                elif roll < BAD_ENUM + BAD_TIME + MISSING_FIELD:
                    counts["invalid"] += 1
                else:
                    counts["valid"] += 1
                    recent.append(line)
                    if len(recent) > 64:
                        recent.pop(0)
            corpus.write(line + "\n")
            if not syntax_error:
                json_only.write(line + "\n")
    json.dump(counts, sys.stdout)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
