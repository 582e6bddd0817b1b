#!/usr/bin/env bash
# The script of the composite action (action.yml): runs `factcheck check`
# with the inputs given, prints the `github` format (the runner turns it into
# annotations on the claim lines), appends the Markdown report to the job
# summary and sets the step's outputs. Reads what a runner sets:
# GITHUB_STEP_SUMMARY and GITHUB_OUTPUT (files), RUNNER_TEMP, and the
# INPUT_* variables action.yml passes; FACTCHECK names the binary
# (default: factcheck on the PATH). tests/cli/action.rs runs it locally.
set -uo pipefail

factcheck=${FACTCHECK:-factcheck}
tmp=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/factcheck.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Inputs are split on spaces, as a workflow writes them on one line.
read -r -a paths <<<"${INPUT_PATHS:-claims}"
read -r -a extra <<<"${INPUT_ARGS:-}"
args=(check "${paths[@]}" --format github
  --report "markdown=$tmp/report.md" --report "json=$tmp/report.json")
if [ -n "${INPUT_SHARD:-}" ]; then
  args+=(--shard "$INPUT_SHARD")
fi
if [ -n "${INPUT_JSON_REPORT:-}" ]; then
  args+=(--report "json=$INPUT_JSON_REPORT")
fi
args+=("${extra[@]}")

"$factcheck" "${args[@]}"
code=$?

if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  if [ -s "$tmp/report.md" ]; then
    cat "$tmp/report.md" >>"$GITHUB_STEP_SUMMARY"
  else
    printf '### factcheck could not run (exit %s)\n\nSee the step log for the reason.\n' "$code" >>"$GITHUB_STEP_SUMMARY"
  fi
fi

# The counts, from the JSON report's summary (jq on GitHub's runners,
# python3 elsewhere).
counts() {
  local json=$1
  if command -v jq >/dev/null 2>&1; then
    jq -r '.summary as $s
      | ([.files[].claims[] | select(.failing)] | length) as $f
      | "claims=\($s.claims)", "failing=\($f)", "match=\($s.match)", "mismatch=\($s.mismatch)",
        "disputed=\($s.disputed)", "unsourced=\($s.unsourced)", "not-found=\($s["not-found"])",
        "unreachable=\($s.unreachable)"' "$json"
  elif command -v python3 >/dev/null 2>&1; then
    python3 - "$json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
s = report["summary"]
failing = sum(1 for f in report["files"] for c in f["claims"] if c["failing"])
print(f"claims={s['claims']}")
print(f"failing={failing}")
for key in ("match", "mismatch", "disputed", "unsourced", "not-found", "unreachable"):
    print(f"{key}={s[key]}")
PY
  fi
}

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  {
    echo "exit-code=$code"
    if [ -s "$tmp/report.json" ]; then
      counts "$tmp/report.json"
    fi
  } >>"$GITHUB_OUTPUT"
fi

if [ "$code" -eq 2 ] || { [ "$code" -ne 0 ] && [ "${INPUT_FAIL:-true}" = "true" ]; }; then
  exit "$code"
fi
exit 0
