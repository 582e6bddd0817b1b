#!/usr/bin/env bash
# Runs the factcheck-validate hook of .pre-commit-hooks.yaml for real, with
# pre-commit's own `try-repo`, on a temporary repository holding one good
# and one bad claim file: the good one passes, the bad one fails with its
# file:line:column (9:1, the misspelt `sourcs` key). pre-commit builds
# factcheck in release from this repository (language: rust), once per
# try-repo, so this is kept out of `cargo test`; .ci/run calls it with
# FACTCHECK_CI_HOOK=1. try-repo takes the committed HEAD of a clean tree. Needs python3 (pre-commit is installed from PyPI into a venv),
# git and cargo.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet --disable-pip-version-check pre-commit
export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$work/pre-commit-home}"
# The release build the hook needs reuses one target folder between runs.
export CARGO_TARGET_DIR="${FACTCHECK_HOOK_TARGET:-$repo/target/pre-commit-hook}"

news="$work/newsroom"
mkdir -p "$news/claims"
git -C "$news" init --quiet
cat >"$news/claims/good.toml" <<'TOML'
[article]
title = "A good claim file"

[[claim]]
id = "killed"
text = "The strike killed at least two civilians."
value = "at least two"
about = ["strike", "kill*"]
sources = ["https://example.org/report"]
TOML
cat >"$news/claims/bad.toml" <<'TOML'
[article]
title = "A bad claim file"

[[claim]]
id = "killed"
text = "The strike killed at least two civilians."
value = "at least two"
about = ["strike", "kill*"]
sourcs = ["https://example.org/report"]
TOML
git -C "$news" add claims

cd "$news"
echo "== the good file passes"
start=$SECONDS
"$work/venv/bin/pre-commit" try-repo "$repo" factcheck-validate --files claims/good.toml
echo "(took $((SECONDS - start)) s, pre-commit's cargo install included)"

echo "== the bad file fails, naming file, line and column"
start=$SECONDS
set +e
"$work/venv/bin/pre-commit" try-repo "$repo" factcheck-validate --files claims/bad.toml >"$work/bad.log" 2>&1
code=$?
set -e
cat "$work/bad.log"
echo "(took $((SECONDS - start)) s; try-repo installs the hook again in a fresh store)"
if [ "$code" -eq 0 ]; then
  echo "FAIL: the hook passed a bad claim file" >&2
  exit 1
fi
if ! grep -q 'claims/bad.toml:9:1' "$work/bad.log"; then
  echo "FAIL: the hook's output does not point at claims/bad.toml:9:1" >&2
  exit 1
fi
echo "pre-commit hook: the good claim file passed and the bad one failed, as they should"
