#!/usr/bin/env bash
# make pre-commit-check: the hook exactly as a pre-commit user gets it. A fresh
# clone of this repository's committed HEAD is tried with `pre-commit try-repo`
# in a scratch git repository: a valid callback passes, an invalid one fails.
# pre-commit builds the clone with swift in a scratch PRE_COMMIT_HOME, which
# takes minutes, so this is a make target rather than part of `swift test`.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v pre-commit >/dev/null; then
    echo "pre-commit-check: skipped, pre-commit is not installed (pip install pre-commit)"
    exit 0
fi
root="$(pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export PRE_COMMIT_HOME="$scratch/cache"

git clone -q "$root" "$scratch/vodhook"
mkdir "$scratch/project"
cp Examples/docs-success.json "$scratch/project/valid.json"
cp Examples/rules/invalid-value.json "$scratch/project/invalid.json"
cp Examples/captured-log.ndjson "$scratch/project/log.ndjson"
cd "$scratch/project"
git init -q
git add .

echo "pre-commit-check: a valid callback passes"
pre-commit try-repo "$scratch/vodhook" vodhook --files valid.json
echo "pre-commit-check: an invalid callback and an NDJSON log with invalid lines fail"
for file in invalid.json log.ndjson; do
    if pre-commit try-repo "$scratch/vodhook" vodhook --files "$file"; then
        echo "pre-commit-check: FAILED, the hook passed $file" >&2
        exit 1
    fi
done
echo "pre-commit-check: files outside the hook's pattern are not passed to it"
touch notes.txt && git add notes.txt
pre-commit try-repo "$scratch/vodhook" vodhook --files notes.txt
echo "pre-commit-check: passed"
