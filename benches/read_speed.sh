#!/usr/bin/env bash
# Reading the article-extraction benchmark's real pages, side by side on one core: factcheck's text stage in one
# process (`cargo bench --bench text -- real-pages`) and trafilatura in one Python process
# (benches/read_speed.py), both pinned to the same CPU with taskset, both reading pages already in memory,
# best of three passes each. Prints each reader's line and the ratio.
#
#   PYTHON=~/.cache/factcheck-eval/venv/bin/python benches/read_speed.sh
#
# Pages: $EXTRACTION_PAGES/html (default ~/.cache/factcheck-eval/extraction/html; see
# ../shared/eval/extraction/README.md to restore them). Skips trafilatura when PYTHON cannot import it.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
pages="${EXTRACTION_PAGES:-$HOME/.cache/factcheck-eval/extraction}/html"
python=${PYTHON:-python3}
cpu=${CPU:-0}
[[ -d $pages ]] || { echo "skipping: no pages at $pages" >&2; exit 0; }

cd "$root"
cargo bench --bench text --no-run >/dev/null 2>&1
ours=$(taskset -c "$cpu" cargo bench -q --bench text -- real-pages 2>/dev/null | grep '^real-pages')
echo "$ours"
if "$python" -c 'import trafilatura' 2>/dev/null; then
    theirs=$(taskset -c "$cpu" "$python" "$root/benches/read_speed.py" "$pages")
    echo "$theirs"
    awk -v a="$(awk '{print $3}' <<<"$ours")" -v b="$(awk '{print $4}' <<<"$theirs")" \
        'BEGIN { sub(/s$/, "", a); sub(/s$/, "", b); printf "factcheck is %.1fx faster than trafilatura on one core\n", b / a }'
else
    echo "trafilatura: not importable by $python (set PYTHON)"
fi
