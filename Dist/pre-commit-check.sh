#!/usr/bin/env bash
# make pre-commit-check: the hook exactly as a pre-commit user gets it. The
# configuration lines docs/install.md shows, unchanged but for `repo:`, which
# names a fresh clone of this repository's committed HEAD (as branch main,
# the `rev:` the lines name), are the .pre-commit-config.yaml of a scratch
# git repository: a valid callback passes, an invalid one fails. pre-commit
# builds the clone with swift in a scratch PRE_COMMIT_HOME, which takes
# minutes, so this is a make target rather than part of `swift test`.
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
git -C "$scratch/vodhook" checkout -q -B main "$(git rev-parse HEAD)"
mkdir -p "$scratch/project/callbacks"
# The first yaml block after "## pre-commit" in docs/install.md.
awk '/^## pre-commit/ { section = 1 } section && /^```yaml$/ { inside = 1; next } inside && /^```$/ { exit } inside' \
    docs/install.md | sed -E "s|^(  - repo: )[^ ]+|\1$scratch/vodhook|" > "$scratch/project/.pre-commit-config.yaml"
grep -q "rev:" "$scratch/project/.pre-commit-config.yaml" || { echo "pre-commit-check: no configuration found in docs/install.md" >&2; exit 1; }
cp Examples/docs-success.json "$scratch/project/callbacks/valid.json"
cp Examples/rules/invalid-value.json "$scratch/project/callbacks/invalid.json"
cp Examples/captured-log.ndjson "$scratch/project/callbacks/log.ndjson"
cd "$scratch/project"
git init -q
touch notes.json
git add .

echo "pre-commit-check: a valid callback passes"
pre-commit run vodhook --files callbacks/valid.json
echo "pre-commit-check: an invalid callback and an NDJSON log with invalid lines fail"
for file in callbacks/invalid.json callbacks/log.ndjson; do
    if pre-commit run vodhook --files "$file"; then
        echo "pre-commit-check: FAILED, the hook passed $file" >&2
        exit 1
    fi
done
echo "pre-commit-check: files outside the hook's pattern are not passed to it"
pre-commit run vodhook --files notes.json
echo "pre-commit-check: passed"
